"""The `newsprism` command line: a thin layer that calls the stages and prints."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markdown import Markdown

from newsprism import __version__
from newsprism.annotate import annotate
from newsprism.config import Settings
from newsprism.errors import NewsprismError, Problem
from newsprism.model import json_schema
from newsprism.pipeline import Collection, read_articles
from newsprism.report import to_markdown
from newsprism.terminal import progress_bar, report_problems, show_articles

app = typer.Typer(
    name="newsprism",
    help="Compare news reports of one event across outlets, every statement traced to a span.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories, globs, http(s) URLs, feeds, JSONL or cluster JSONL; '-' reads stdin.",
        show_default=False,
    ),
]
SourceOption = Annotated[
    str | None, typer.Option("--source", help="Outlet name for every input (overrides metadata).")
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option("--max-bytes", help="Largest file or download accepted [default: 5 MB]."),
]
FetchLinksOption = Annotated[
    bool, typer.Option("--fetch-links", help="Fetch the pages of feed entries that only link.")
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the annotation cache.")
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Annotation cache folder [default: ~/.cache/newsprism]."),
]


class SchemaChoice(StrEnum):
    article = "article"
    cluster = "cluster"
    comparison = "comparison"


def _version(value: bool) -> None:
    if value:
        out.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """newsprism reads several news reports of one event and shows what each outlet says."""


def _settings(
    max_bytes: int | None, fetch_links: bool, no_cache: bool, cache_dir: Path | None
) -> Settings:
    return Settings.load(
        max_bytes=max_bytes,
        fetch_links=fetch_links or None,
        cache=False if no_cache else None,
        cache_dir=cache_dir,
    )


def _read(inputs: list[str], settings: Settings, source: str | None) -> Collection:
    """Read every input, print what went wrong, stop with exit code 1 if nothing is left."""
    # sys.stdin is None when the process was started with standard input closed.
    stdin = getattr(sys.stdin, "buffer", None)
    collection = read_articles(inputs, settings, source=source, stdin=stdin)
    report_problems(err, collection.problems)
    if not collection.articles:
        err.print("[bold red]error:[/] no article could be read from the inputs")
        raise typer.Exit(1)
    return collection


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
    settings = _settings(max_bytes, fetch_links, no_cache, cache_dir)
    collection = _read(inputs, settings, source)
    with progress_bar(err, len(collection.articles), "Annotating") as advance:
        articles = annotate(collection.articles, settings, embed=False, progress=advance)
    if as_json:
        payload = [a.model_dump(mode="json", exclude={"original", "alignment"}) for a in articles]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        show_articles(out, articles, full_text=text)


class Format(StrEnum):
    markdown = "md"
    json = "json"


def _output_format(path: Path) -> Format:
    try:
        return Format(path.suffix.lower().lstrip("."))
    except ValueError:
        kinds = ", ".join(f".{f.value}" for f in Format)
        raise NewsprismError(
            f"{path}: cannot write this kind of file; use one of {kinds}"
        ) from None


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism compare examples/hanoi-summit/\n\n"
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
        Path | None, typer.Option("--output", "-o", help="Write the report to a .md or .json file.")
    ] = None,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Compare two or more reports of one event: shared facts, exclusive facts,
    contradictions, quotes, entities, timeline and framing, each with its evidence."""
    # Imported here: the comparison stages load spaCy at import, which `--version` and
    # `--help` should not wait for.
    from newsprism.compare import compare as compare_articles

    settings = _settings(max_bytes, fetch_links, no_cache, cache_dir)
    kind = _output_format(output) if output else None
    collection = _read(inputs, settings, source)
    with progress_bar(err, len(collection.articles), "Annotating") as advance:
        articles = annotate(collection.articles, settings, progress=advance)
    result = compare_articles(articles, settings)
    if kind is not None and output is not None:
        text = result.model_dump_json(indent=2) if kind is Format.json else to_markdown(result)
        output.write_text(text + ("\n" if kind is Format.json else ""), encoding="utf-8")
        err.print(f"wrote {output}")
    elif as_json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
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
    from newsprism.summarize import summarize as summarize_articles
    from newsprism.summarize import summarize_cluster

    settings = _settings(None, False, no_cache, cache_dir)
    if batch is not None:
        _summarize_batch(batch, output, settings, max_words, summarize_cluster)
        return
    if not inputs:
        raise NewsprismError("give articles to summarize, or --batch CLUSTERS.jsonl")
    articles = annotate(_read(inputs, settings, source).articles, settings)
    known = _read(seen, settings, None).articles if seen else []
    result = summarize_articles(
        articles, settings, max_words=max_words, query=query, seen=annotate(known, settings)
    )
    if as_json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
        return
    number = {a.id: i for i, a in enumerate(articles, 1)}
    for sentence in result.sentences:
        cites = "".join(dict.fromkeys(f"[{number[c.article]}]" for c in sentence.citations))
        out.print(f"{sentence.text} {cites}")
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
                lines.append(json.dumps(summarize_cluster(cluster, settings, max_words)))
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


eval_app = typer.Typer(help="Evaluate newsprism's output against references.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command(
    "rouge",
    epilog=(
        "Example:\n\n"
        "  newsprism eval rouge --references refs.jsonl --summaries summaries.jsonl "
        "--peers peers.jsonl --clusters clusters.jsonl --max-words 100"
    ),
)
def eval_rouge(
    references: Annotated[Path, typer.Option(help="JSONL: {id, references: [{assessor, text}]}.")],
    summaries: Annotated[
        Path | None, typer.Option(help="JSONL: {id, summary} (newsprism's output).")
    ] = None,
    peers: Annotated[
        Path | None, typer.Option(help="JSONL: {id, system, text}: other systems to rank against.")
    ] = None,
    clusters: Annotated[
        Path | None,
        typer.Option(help="Cluster JSONL: compute the LEAD, LexRank and TextRank baselines on it."),
    ] = None,
    max_words: Annotated[int, typer.Option(help="Cut every summary at this many words.")] = 100,
) -> None:
    """ROUGE-1, ROUGE-2 and ROUGE-SU4 (recall and F1, Porter-stemmed, jackknifed over
    the references), with baselines and peers ranked in one table."""
    from newsprism.evaluation import evaluate, render_table

    result = evaluate(references, summaries, peers, clusters, max_words, settings=Settings.load())
    report_problems(err, result.problems)
    out.print(render_table(result))


@app.command()
def schema(
    name: Annotated[SchemaChoice, typer.Argument(help="Which model.")] = SchemaChoice.article,
) -> None:
    """Print the JSON Schema of newsprism's data model."""
    sys.stdout.write(json_schema(name.value) + "\n")


def main() -> None:
    """Console-script entry point: user errors become one line, not a traceback."""
    try:
        app()
    except NewsprismError as error:
        err.print(f"[bold red]error:[/] {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
