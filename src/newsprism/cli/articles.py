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
    JsonOption,
    MaxBytesOption,
    NoCacheOption,
    QuietOption,
    SourceOption,
    app,
    count,
    err,
    flag,
    out,
    read_inputs,
    settings_from,
)
from newsprism.cli.output import FormatOption, Kind, OutputOption, ReportJsonOption, chosen_kind
from newsprism.cli.progress import Steps, annotated
from newsprism.cli.terminal import clean, plain, report_problems, show_articles
from newsprism.errors import NewsprismError, Problem

if TYPE_CHECKING:
    from newsprism.config import Settings


class SchemaChoice(StrEnum):
    article = "article"
    document_set = "document-set"
    cluster = "cluster"  # the name of 0.1 for document-set, for one release
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
    as_json: JsonOption = False,
    text: Annotated[
        bool, typer.Option("--text/--no-text", metavar="", help="Show the clean text.")
    ] = True,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """Show what newsprism reads from each input: metadata, clean text, what cleaning removed, sentences and named entities. English articles only, for now."""
    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    steps = Steps(quiet)
    with steps.status("Reading the inputs…"):
        collection = read_inputs(inputs, settings, source)
    articles = annotated(collection.articles, settings, steps, embed=False)
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
        "  newsprism compare a.txt b.json --source Reuters=a.txt --source AP=b.json\n\n"
        "  newsprism compare examples/hanoi-summit/ --format csv > findings.csv"
    )
)
def compare(
    inputs: Inputs,
    as_json: ReportJsonOption = False,
    kind: FormatOption = None,
    output: OutputOption = None,
    max_words: Annotated[int, typer.Option(min=1, help="Longest summary, in words.")] = 100,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    force: Annotated[
        bool, flag("--force", help="Compare even articles that look unrelated to each other.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Compare two or more reports of one event: contradictions, shared and exclusive facts, quotes, entities, timeline and framing, each with its evidence. English articles only, for now."""
    # Imported here, as in every command: the stages load heavy libraries (spaCy, torch,
    # faiss, SQLAlchemy) at import, which `--version` and `--help` should not wait for.
    from newsprism.comparison import compare as compare_articles
    from newsprism.errors import UnrelatedArticlesError

    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    chosen = chosen_kind(output, kind, as_json)  # refuse disagreeing options before the slow part
    steps = Steps(quiet)
    with steps.status("Reading the inputs…"):
        collection = read_inputs(inputs, settings, source)
    if len(collection.articles) < 2:
        raise NewsprismError(
            f"comparing needs two or more articles about one event; "
            f"read {len(collection.articles)} from {', '.join(inputs)}"
        )
    articles = annotated(collection.articles, settings, steps)
    try:
        with steps.status(f"Comparing {count(len(articles), 'article')}…"):
            result = compare_articles(
                articles, settings, max_words=max_words, refuse_unrelated=not force
            )
    except UnrelatedArticlesError as error:
        raise NewsprismError(f"{error}. Compare them anyway with --force.") from None
    report_problems(err, [Problem("compare", w, "warning") for w in result.warnings])
    _show(result, articles, chosen, output)


def _show(result: Any, articles: list[Any], chosen: Kind | None, output: Path | None) -> None:
    from newsprism.report import Format, render_report, save_report, to_markdown

    if output is not None and chosen is not None:
        save_report(output, render_report(Format(chosen), result, articles))
        err.print(plain(f"wrote {output}"))
    elif chosen is not None:
        sys.stdout.write(render_report(Format(chosen), result, articles))
    else:
        from rich.markdown import Markdown

        out.print(Markdown(clean(to_markdown(result), lines=True)))


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
        list[str] | None,
        typer.Argument(metavar="[INPUT]...", help="Articles to summarize (as for inspect)."),
    ] = None,
    max_words: Annotated[int, typer.Option(min=1, help="Longest summary, in words.")] = 100,
    query: Annotated[str | None, typer.Option(help="Focus the summary on this question.")] = None,
    seen: Annotated[
        list[str] | None, typer.Option(help="Articles already read: tell only what is new.")
    ] = None,
    batch: Annotated[
        Path | None, typer.Option(help="Summarize every document set of a document-set JSONL file.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the summary to a file: .md or .txt (cited text) or .json; "
            "with --batch, .jsonl (one line per cluster).",
        ),
    ] = None,
    as_json: JsonOption = False,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """An extractive summary of several reports, every sentence cited [1][2]. English articles only, for now."""
    from newsprism.report import save_report
    from newsprism.summary import summarize as summarize_articles
    from newsprism.workflows import summarize_sets

    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    steps = Steps(quiet)
    kind = _summary_kind(output, as_json, batch is not None)
    if batch is not None:
        if inputs:
            raise NewsprismError("give articles or --batch CLUSTERS.jsonl, not both")
        _summarize_batch(batch, output, settings, max_words, summarize_sets, steps)
        return
    if not inputs:
        raise NewsprismError("give articles to summarize, or --batch CLUSTERS.jsonl")
    with steps.status("Reading the inputs…"):
        collection = read_inputs(inputs, settings, source)
        known = read_inputs(seen, settings, None).articles if seen else []
    articles = annotated(collection.articles, settings, steps)
    # What the reader has seen is read for its concepts, never its vectors (`annotate_set`).
    already = annotated(known, settings, steps, embed=False)
    with steps.status(f"Summarizing {count(len(articles), 'article')}…"):
        result = summarize_articles(
            articles, settings, max_words=max_words, query=query, seen=already
        )
    if result.notice:
        report_problems(err, [Problem("summary", result.notice, "notice")])
    text = (
        result.model_dump_json(indent=2) + "\n" if kind == "json" else _cited_text(result, articles)
    )
    if output is not None:
        save_report(output, text)
        err.print(plain(f"wrote {output}"))
    elif kind == "json":
        sys.stdout.write(text)
    else:
        out.print(clean(text, lines=True), end="", markup=False, highlight=False)


def _summary_kind(output: Path | None, as_json: bool, batch: bool) -> str:
    """json, text or jsonl, from the options; an error when they disagree."""
    suffix = output.suffix.lower() if output is not None else None
    if batch:
        if suffix not in (None, ".jsonl"):
            raise NewsprismError(f"{output}: --batch writes one JSON line per cluster; use .jsonl")
        return "jsonl"
    kinds = {".json": "json", ".md": "text", ".txt": "text", None: "json" if as_json else "text"}
    if suffix not in kinds:
        raise NewsprismError(
            f"{output}: cannot write a summary to this kind of file; use .md, .txt or .json"
        )
    if as_json and kinds[suffix] != "json":
        raise NewsprismError(f"--json asks for JSON, but {output} is not a .json file")
    return kinds[suffix]


def _cited_text(result: Any, articles: list[Any]) -> str:
    """The summary, its sentences cited [1][2], then the numbered sources."""
    from newsprism.report import article_name, citation_marks

    number = {a.id: i for i, a in enumerate(articles, 1)}
    lines = [f"{s.text} {citation_marks(s.citations, number)}" for s in result.sentences]
    lines.append("")
    lines += [f"[{number[a.id]}] {a.source or ''} — {article_name(a)}" for a in articles]
    return "\n".join(lines) + "\n"


def _summarize_batch(
    path: Path,
    output: Path | None,
    settings: Settings,
    max_words: int,
    summarize_sets: Any,
    steps: Steps,
) -> None:
    from newsprism.ingest import read_document_sets_from

    items = list(read_document_sets_from([str(path)], settings))
    clusters = [c for c in items if not isinstance(c, Problem)]
    report_problems(err, [p for p in items if isinstance(p, Problem)])
    lines = []
    with steps.count(len(clusters), "Summarizing") as advance:
        for cluster, line in summarize_sets(clusters, settings, max_words):
            if isinstance(line, NewsprismError):
                report_problems(err, [Problem(f"{path} cluster {cluster.id}", str(line))])
            else:
                lines.append(json.dumps(line))
                if line.get("notice"):
                    report_problems(
                        err, [Problem(f"{path} cluster {cluster.id}", line["notice"], "notice")]
                    )
            advance()
    text = "".join(line + "\n" for line in lines)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(plain(f"wrote {count(len(lines), 'summary', 'summaries')} to {output}"))
    if not lines:
        raise typer.Exit(1)


@app.command()
def schema(
    name: Annotated[SchemaChoice, typer.Argument(help="Which model.")] = SchemaChoice.article,
) -> None:
    """Print the JSON Schema of newsprism's data model."""
    from newsprism.model import json_schema

    sys.stdout.write(json_schema(name.value) + "\n")
