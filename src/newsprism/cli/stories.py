"""Commands over the store: add articles to stories, list stories, report on one story."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from pydantic import Field
from rich.markdown import Markdown
from rich.table import Table

from newsprism.cli.app import (
    CacheDirOption,
    FetchLinksOption,
    Inputs,
    MaxBytesOption,
    NoCacheOption,
    SourceOption,
    app,
    err,
    out,
    read_inputs,
    settings_from,
)
from newsprism.cli.terminal import print_table, progress_bar, report_problems
from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, Comparison, Model, Story, Summary
from newsprism.nlp.annotate import annotate
from newsprism.report import (
    Format,
    report_format,
    save_report,
    to_html,
    to_markdown,
)
from newsprism.report.markdown import UNDATED, cited_sentence, escape, human_time
from newsprism.store import Store
from newsprism.workflows.track import Tracked, track

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: an SQLite file or a postgresql+psycopg:// URL "
        "\\[default: ~/.local/share/newsprism/newsprism.db].",
        show_default=False,
    ),
]


def _shown(item: Tracked) -> str:
    article = item.article
    name = " — ".join(x for x in (article.source, article.title or article.origin) if x)
    if item.stored:
        where = "new story" if item.started else "story"
        line = f"[green]stored[/]   {article.id}  {escape(name)}  → {where} {item.story}"
        for pulled in item.pulled:
            line += f"\n[green]moved[/]    {pulled}  (alone until now)  → story {item.story}"
        return line
    return f"[dim]skipped[/]  {article.id}  {escape(name)}  (already stored, story {item.story})"


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism add examples/hanoi-summit/\n\n"
        "  newsprism add stream.jsonl --db news.db\n\n"
        "  newsprism add https://example.org/feed.xml --fetch-links"
    )
)
def add(
    inputs: Inputs,
    db: DbOption = None,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Store articles and group them into stories; each line says which story an article
    joined. Articles already stored are skipped; a new run continues the stories."""
    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    collection = read_inputs(inputs, settings, source, headlines=True)
    with Store.open(db, settings) as store:
        err.print(f"adding {len(collection.articles)} articles to {store.target.name}")
        # Printed as each article is committed: a line on screen means it is stored.
        result = track(
            collection.articles, store, settings, on_item=lambda item: out.print(_shown(item))
        )
        report_problems(err, result.notices)
        articles, stories = store.count_articles(), store.count_stories()
    err.print(
        f"stored {len(result.stored)}, skipped {len(result.duplicates)} already stored; "
        f"the database holds {_count(articles, 'article')} in {_count(stories, 'story')}"
    )


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def _outlets(story: Story) -> str:
    return ", ".join(dict.fromkeys(s for s in story.sources if s))


def _story_json(story: Story) -> dict[str, object]:
    return {**story.model_dump(mode="json"), "size": story.size}


@app.command(
    epilog="Examples:\n\n  newsprism stories\n\n  newsprism stories --db news.db --limit 5 --json"
)
def stories(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many stories to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """The stories in the database, the most recently active first."""
    with Store.open(db, Settings.load(), create=False) as store:
        found = store.stories(limit=limit)
        total = store.count_stories()
    if as_json:
        sys.stdout.write(json.dumps([_story_json(s) for s in found], indent=2) + "\n")
        return
    if not found:
        err.print("no stories yet; store articles with: newsprism add FILES...")
        return
    table = Table("Story", "Last activity", "Size", "Outlets", "Title")
    for story in found:
        when = story.last_seen.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        table.add_row(story.id, when, str(story.size), _outlets(story), story.title or "")
    print_table(out, table)
    if total > len(found):
        err.print(f"the {len(found)} most recently active of {total} stories (--limit)")


class StoryReport(Model):
    """What `newsprism story` reports: the comparison, the summary, and what is new."""

    story: Story
    articles: list[str] = Field(description="Article ids in the order cited [1], [2], ...")
    comparison: Comparison | None = Field(default=None, description="None for one article.")
    summary: Summary
    since: datetime | None = None
    new_articles: list[str] = Field(default_factory=list, description="Published after since.")
    update: Summary | None = Field(default=None, description="What the new articles add.")
    notices: list[str] = Field(default_factory=list)


def parse_since(text: str) -> datetime:
    """An absolute or relative time ("2024-03-01 14:00", "2 days ago"); UTC if no zone."""
    import dateparser

    when = dateparser.parse(
        text,
        settings={"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "past"},
    )
    if when is None:
        raise NewsprismError(
            f"--since {text!r}: not a date or time; try 2024-03-01, '2024-03-01 14:00' or '2 days ago'"
        )
    return when.astimezone(UTC)


def story_report(
    story: Story,
    articles: Sequence[Article],
    settings: Settings,
    since: datetime | None = None,
    max_words: int = 100,
    filed: Mapping[str, datetime] | None = None,
) -> StoryReport:
    """Compare and summarize a story's (annotated) articles; with ``since``, also
    summarize what the articles published after it add to the ones before.

    ``filed`` (`Store.filed`) places an undated article in time, by when it was read."""
    from newsprism.comparison.compare import compare
    from newsprism.summary import summarize

    def when(article: Article) -> datetime:
        return article.published or (filed or {}).get(article.id) or story.first_seen

    articles = sorted(articles, key=when)
    report = StoryReport(story=story, articles=[a.id for a in articles], summary=Summary())
    if len(articles) >= 2:
        report.comparison = compare(articles, settings, max_words=max_words)
        report.summary = report.comparison.summary
    else:
        report.summary = summarize(articles, settings, max_words=max_words)
        report.notices.append("this story has one article so far: there is nothing to compare")
    if since is not None:
        report.since = since
        new = [a for a in articles if when(a) > since]
        seen = [a for a in articles if not when(a) > since]
        report.new_articles = [a.id for a in new]
        if not new:
            report.notices.append(
                f"nothing was published in this story after {since:%Y-%m-%d %H:%M} UTC"
            )
        else:
            report.update = summarize(new, settings, max_words=max_words, seen=seen)
            if not seen:
                report.notices.append(
                    f"every article of this story is newer than {since:%Y-%m-%d %H:%M} UTC"
                )
    return report


def _cited(summary: Summary, number: dict[str, int], outlet: dict[str, str]) -> str:
    parts = [cited_sentence(sentence, number, outlet) for sentence in summary.sentences]
    return " ".join(parts) or "Nothing to add."


def to_story_markdown(report: StoryReport, articles: Sequence[Article]) -> str:
    """The report as Markdown: the story, what is new, then the comparison."""
    story = report.story
    number = {aid: i for i, aid in enumerate(report.articles, 1)}
    outlet = {a.id: a.source or a.id for a in articles}
    head = [
        f"# {escape(story.title or story.id)}",
        "",
        f"Story {story.id}: {story.size} articles from {escape(_outlets(story)) or 'unknown outlets'}, "
        f"{story.first_seen:%Y-%m-%d %H:%M} to {story.last_seen:%Y-%m-%d %H:%M} UTC.",
        "",
    ]
    head += [f"> {escape(n)}\n" for n in report.notices]
    if report.update is not None and report.since is not None:
        head += [
            f"## New since {report.since:%Y-%m-%d %H:%M} UTC",
            "",
            _cited(report.update, number, outlet),
            "",
        ]
    if report.comparison is not None:
        body = to_markdown(report.comparison).split("\n", 1)[1]  # drop its own title
        return "\n".join(head) + body
    by_id = {a.id: a for a in articles}
    lines = [*head, "## Articles", ""]
    for aid in report.articles:
        a = by_id[aid]
        when = human_time(a.published) or UNDATED
        lines.append(
            f"{number[aid]}. {escape(a.source or '')} — {escape(a.title or a.origin)}, "
            f"{escape(when)} ({aid})"
        )
    lines += ["", "## Summary", "", _cited(report.summary, number, outlet)]
    return "\n".join(lines).rstrip() + "\n"


def write_story_report(path: Path, report: StoryReport, articles: Sequence[Article]) -> None:
    """Write the report to ``path`` as HTML, Markdown or JSON, chosen by the suffix."""
    kind = report_format(path)
    if kind is Format.json:
        text = report.model_dump_json(indent=2) + "\n"
    elif kind is Format.markdown:
        text = to_story_markdown(report, articles)
    elif report.comparison is None:
        raise NewsprismError(
            f"{path}: this story has one article, so there is no comparison to show as HTML; "
            "write .md or .json"
        )
    else:
        text = to_html(report.comparison, articles, update=report.update, since=report.since)
    save_report(path, text)


def _find(store: Store, story_id: str) -> Story:
    """The story with this id, or the only one whose id starts with it."""
    story = store.story(story_id)
    if story is not None:
        return story
    matches = store.match_stories(story_id) if story_id else []
    if len(matches) == 1:
        found = store.story(matches[0])
        assert found is not None
        return found
    if matches:
        raise NewsprismError(
            f"story {story_id!r}: more than one story id starts with it; give more"
        )
    raise NewsprismError(f"story {story_id!r}: no such story (see newsprism stories)")


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism story 3fa2c1\n\n"
        "  newsprism story 3fa2c1 --since '2 days ago'\n\n"
        "  newsprism story 3fa2c1 --since 2024-03-01T12:00Z -o update.md"
    )
)
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id (or its start).")],
    db: DbOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Also tell what articles published after this time add (UTC if no zone)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to a .html, .md or .json file."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON instead of a report.")
    ] = False,
    max_words: Annotated[int, typer.Option(min=1, help="Longest summary, in words.")] = 100,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """One story: what its outlets agree on, where they differ, a summary, and with
    --since what is new."""
    settings = settings_from(None, False, no_cache, cache_dir)
    if output is not None:
        report_format(output)  # refuse an unknown suffix before the slow part
    when = parse_since(since) if since else None
    with Store.open(db, settings, create=False) as store:
        found = _find(store, story_id)
        stored = store.articles(found.members)
        filed = store.filed(found.members)
    with progress_bar(err, len(stored), "Annotating") as advance:
        articles = annotate(stored, settings, progress=advance)
    report = story_report(found, articles, settings, when, max_words, filed)
    if output is not None:
        write_story_report(output, report, articles)
        err.print(f"wrote {output}")
    elif as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.print(Markdown(to_story_markdown(report, articles)))
        return
    for notice in report.notices:
        err.print(f"[bold yellow]notice:[/] {notice}")
