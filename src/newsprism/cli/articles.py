"""Commands over articles given on the command line: inspect, compare, summarize, schema."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

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
from newsprism.cli.terminal import progress_bar, report_problems, show_articles
from newsprism.errors import NewsprismError, Problem

if TYPE_CHECKING:
    from newsprism.config import Settings


class SchemaChoice(StrEnum):
    article = "article"
    cluster = "cluster"
    comparison = "comparison"
    story = "story"


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism inspect examples/hanoi-summit/\n\n"
        "  newsprism inspect report.html https://example.org/feed.xml --json > articles.json\n\n"
        "  cat story.txt | newsprism inspect - --source 'Daily Planet'"
    )
)
def inspect(
    inputs: Inputs,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    text: Annotated[bool, typer.Option("--text/--no-text", help="Show the clean text.")] = True,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Show what newsprism reads from each input: metadata, clean text, what cleaning
    removed, sentences and named entities."""
    from newsprism.nlp.annotate import annotate

    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    collection = read_inputs(inputs, settings, source)
    with progress_bar(err, len(collection.articles), "Annotating") as advance:
        articles = annotate(collection.articles, settings, embed=False, progress=advance)
    if as_json:
        payload = [a.model_dump(mode="json", exclude={"original", "alignment"}) for a in articles]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        show_articles(out, articles, full_text=text)


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism compare examples/hanoi-summit/\n\n"
        "  newsprism compare examples/hanoi-summit/ -o report.html\n\n"
        "  newsprism compare a.html https://example.org/story -o report.md\n\n"
        "  newsprism compare examples/hanoi-summit/ --json > comparison.json"
    )
)
def compare(
    inputs: Inputs,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON instead of a report.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to a file: .html (one self-contained page), .md or .json.",
        ),
    ] = None,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Compare even articles that look unrelated to each other."),
    ] = False,
) -> None:
    """Compare two or more reports of one event: shared facts, exclusive facts,
    contradictions, quotes, entities, timeline and framing, each with its evidence."""
    # Imported here, as in every command: the stages load heavy libraries (spaCy, torch,
    # faiss, SQLAlchemy) at import, which `--version` and `--help` should not wait for.
    from newsprism.comparison.compare import compare as compare_articles
    from newsprism.errors import UnrelatedArticlesError
    from newsprism.nlp.annotate import annotate
    from newsprism.report import report_format, to_markdown, write_report

    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    if output is not None:
        report_format(output)  # refuse an unknown suffix before the slow part
    collection = read_inputs(inputs, settings, source)
    if len(collection.articles) < 2:
        raise NewsprismError(
            f"comparing needs two or more articles about one event; "
            f"read {len(collection.articles)} from {', '.join(inputs)}"
        )
    with progress_bar(err, len(collection.articles), "Annotating") as advance:
        articles = annotate(collection.articles, settings, progress=advance)
    try:
        result = compare_articles(articles, settings, refuse_unrelated=not force)
    except UnrelatedArticlesError as error:
        raise NewsprismError(f"{error}. Compare them anyway with --force.") from None
    report_problems(err, [Problem("compare", w, "warning") for w in result.warnings])
    if output is not None:
        write_report(output, result, articles)
        err.print(f"wrote {output}")
    elif as_json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        from rich.markdown import Markdown

        out.print(Markdown(to_markdown(result)))


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism summarize examples/hanoi-summit/ --max-words 60\n\n"
        "  newsprism summarize new/ --seen old/ --query 'sanctions'\n\n"
        "  newsprism summarize --batch clusters.jsonl --max-words 100 -o summaries.jsonl"
    )
)
def summarize(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Articles to summarize (as for inspect).")
    ] = None,
    max_words: Annotated[int, typer.Option(help="Longest summary, in words.")] = 100,
    query: Annotated[str | None, typer.Option(help="Focus the summary on this question.")] = None,
    seen: Annotated[
        list[str] | None, typer.Option(help="Articles already read: tell only what is new.")
    ] = None,
    batch: Annotated[
        Path | None, typer.Option(help="Summarize every cluster of a cluster JSONL file.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Batch mode: write JSONL here.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    source: SourceOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """An extractive summary of several reports, every sentence cited [1][2]."""
    from newsprism.nlp.annotate import annotate
    from newsprism.report import citation_marks
    from newsprism.summary import summarize as summarize_articles
    from newsprism.summary import summarize_cluster

    settings = settings_from(None, False, no_cache, cache_dir)
    if batch is not None:
        _summarize_batch(batch, output, settings, max_words, summarize_cluster)
        return
    if not inputs:
        raise NewsprismError("give articles to summarize, or --batch CLUSTERS.jsonl")
    articles = annotate(read_inputs(inputs, settings, source).articles, settings)
    known = read_inputs(seen, settings, None).articles if seen else []
    result = summarize_articles(
        articles, settings, max_words=max_words, query=query, seen=annotate(known, settings)
    )
    if result.notice:
        report_problems(err, [Problem("summary", result.notice, "notice")])
    if as_json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
        return
    number = {a.id: i for i, a in enumerate(articles, 1)}
    for sentence in result.sentences:
        out.print(f"{sentence.text} {citation_marks(sentence.citations, number)}")
    out.print()
    for a in articles:
        out.print(f"[{number[a.id]}] {a.source or ''} — {a.title or a.origin}")


def _summarize_batch(
    path: Path, output: Path | None, settings: Settings, max_words: int, summarize_cluster: Any
) -> None:
    from newsprism.ingest import read_clusters_from

    items = list(read_clusters_from([str(path)], settings))
    clusters = [c for c in items if not isinstance(c, Problem)]
    report_problems(err, [p for p in items if isinstance(p, Problem)])
    lines = []
    with progress_bar(err, len(clusters), "Summarizing") as advance:
        for cluster in clusters:
            try:
                line = summarize_cluster(cluster, settings, max_words)
                lines.append(json.dumps(line))
                if line.get("notice"):
                    report_problems(
                        err, [Problem(f"{path} cluster {cluster.id}", line["notice"], "notice")]
                    )
            except NewsprismError as error:
                report_problems(err, [Problem(f"{path} cluster {cluster.id}", str(error))])
            advance()
    text = "".join(line + "\n" for line in lines)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {len(lines)} summaries to {output}")
    if not lines:
        raise typer.Exit(1)


@app.command()
def schema(
    name: Annotated[SchemaChoice, typer.Argument(help="Which model.")] = SchemaChoice.article,
) -> None:
    """Print the JSON Schema of newsprism's data model."""
    from newsprism.model import json_schema

    sys.stdout.write(json_schema(name.value) + "\n")
