"""`newsprism cluster`: group a batch of articles into stories, as a stream would be."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsprism.cli.app import (
    CacheDirOption,
    FetchLinksOption,
    Inputs,
    MaxBytesOption,
    NoCacheOption,
    QuietOption,
    SourceOption,
    app,
    count,
    err,
    sources_from,
)
from newsprism.cli.progress import Steps
from newsprism.cli.terminal import plain, report_problems
from newsprism.config import Settings
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.model import Story

# Stories listed in the summary on standard error.
_SHOWN = 10


@app.command(
    "cluster",
    epilog=(
        "Examples:\n\n"
        "  newsprism cluster articles.jsonl -o assignments.jsonl\n\n"
        "  newsprism cluster clusters.jsonl --window 30 > assignments.jsonl\n\n"
        "  newsprism cluster articles.jsonl --json > stories.json\n\n"
        "  newsprism eval clusters --gold clusters.jsonl --pred assignments.jsonl --baseline"
    ),
)
def cluster_command(
    inputs: Inputs,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to a file of the kind its suffix names: .jsonl the assignments, "
            ".json the stories (as --json) \\[default: the assignments on stdout].",
        ),
    ] = None,
    window: Annotated[
        float | None,
        typer.Option(
            "--window",
            help="Days a story may stay quiet and still absorb an article "
            f"\\[default: {Settings.model_fields['story_window_days'].default:g}].",
        ),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            help="Least similarity for an article to join a story "
            f"\\[default: {Settings.model_fields['story_threshold'].default:g}]."
        ),
    ] = None,
    time_rise: Annotated[
        float | None,
        typer.Option(
            "--time-rise",
            help="How much more similar an article far in time from a story must be to join "
            "it: 0 for topics followed for years, 0.25 for a stream of events "
            "\\[default: calibrated on the input].",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            metavar="",
            help="Print the stories as `stories --json` does, with their members, instead of "
            "the assignments.",
        ),
    ] = False,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """Group articles into stories, one pass in publication order, and print one {"id", "story"} line per input article (JSONL), the input's own id when it has one.

    Inputs are what `inspect` reads, plus JSONL documents {id, title, source, published, text} and document-set JSONL (whose documents are taken one by one). Articles without a date count as published now. English articles only, for now.
    """
    from newsprism.model import Assignment
    from newsprism.report import save_report
    from newsprism.stories import cluster_read, collect_stream, describe_setting

    settings = Settings.load(
        max_bytes=max_bytes,
        fetch_links=fetch_links or None,
        cache=False if no_cache else None,
        cache_dir=cache_dir,
        story_window_days=window,
        story_threshold=threshold,
        story_time_rise=time_rise,
    )
    kind = output_kind(output)  # refuse an unknown suffix before the slow part
    stdin = getattr(sys.stdin, "buffer", None)
    steps = Steps(quiet)
    with steps.status("Reading the inputs…"):
        stream = collect_stream(inputs, settings, source=sources_from(source, inputs), stdin=stdin)
    if not stream.articles:
        report_problems(err, stream.problems)
        err.print("[bold red]error:[/] no article could be read from the inputs")
        raise typer.Exit(1)
    with steps.count(len(stream.articles), "Annotating and clustering") as advance:
        clusterer, calibration = cluster_read(stream, settings, progress=advance)
    report_problems(err, stream.problems)
    used = describe_setting(settings, calibration, len(stream.features))
    err.print(plain(f"story setting: {used}"))
    story_of = clusterer.memberships()
    assignments = {a.ref: story_of[a.id] for a in stream.articles}
    for copy, original in stream.copies.items():
        assignments.setdefault(copy, assignments[original])
    lines = "".join(
        json.dumps(Assignment(id=ref, story=story).model_dump(), ensure_ascii=False) + "\n"
        for ref, story in assignments.items()
    )
    found = [state.to_story() for state in clusterer.stories]
    stories = stories_json(found, assignments) + "\n"
    if output is not None:
        save_report(output, stories if kind == ".json" else lines)
    if as_json:
        sys.stdout.write(stories)
    elif output is None:
        sys.stdout.write(lines)
    print_summary(found, len(assignments), output)


def output_kind(output: Path | None) -> str | None:
    """The suffix of ``-o``: .jsonl (assignments) or .json (stories); an error otherwise."""
    if output is None:
        return None
    suffix = output.suffix.lower()
    if suffix not in (".jsonl", ".json"):
        raise NewsprismError(
            f"{output}: cluster writes .jsonl (one assignment a line) or .json (the stories)"
        )
    return suffix


def stories_json(stories: list[Story], assignments: dict[str, str]) -> str:
    """The stories in the shape of `stories --json`, members named by the inputs' ids."""
    members: dict[str, list[str]] = {}
    for ref, story_id in assignments.items():
        members.setdefault(story_id, []).append(ref)
    shown = []
    for found in sorted(stories, key=lambda s: (-len(s.members), s.first_seen)):
        story = found.model_copy(
            update={
                "members": members.get(found.id, []),
                "sources": list(dict.fromkeys(found.sources)),
            }
        )
        shown.append({**story.model_dump(mode="json"), "size": story.size})
    return json.dumps(shown, ensure_ascii=False, indent=2)


def print_summary(stories: list[Story], articles: int, output: Path | None) -> None:
    """How many stories, and the biggest, on standard error."""
    several = [s for s in stories if len(s.members) > 1]
    where = f" to {output}" if output else ""
    err.print(
        plain(
            f"{count(articles, 'article')} in {count(len(stories), 'story')} "
            f"({len(several)} with more than one article){where}"
        )
    )
    for story in sorted(stories, key=lambda s: (-len(s.members), s.first_seen))[:_SHOWN]:
        if len(story.members) < 2:
            break
        span = f"{story.first_seen:%Y-%m-%d}…{story.last_seen:%Y-%m-%d}"
        outlets = ", ".join(story.sources[:4]) + (", …" if len(story.sources) > 4 else "")
        line = plain(f"  {len(story.members):>4}  {span}  {story.title or '(untitled)'}  ")
        err.print(line + plain(outlets, "dim"))
