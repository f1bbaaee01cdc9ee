"""`newsprism batch`: a corpus on a distributed engine (dask.distributed): annotate it into
Parquet, cluster it into stories, report on every story. Local by default; `--address`
names a running cluster."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
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
    database,
    err,
    settings_from,
    sources_from,
)
from newsprism.cli.progress import Steps
from newsprism.cli.terminal import plain, report_problems
from newsprism.config import Settings
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.distributed import EngineSpec

batch_app = typer.Typer(
    help="Run on a distributed engine (dask): annotate a corpus into Parquet, cluster it, "
    "report on every story. Needs newsprism[distributed].",
    no_args_is_help=True,
)
app.add_typer(batch_app, name="batch")

AddressOption = Annotated[
    str | None,
    typer.Option(
        "--address",
        metavar="tcp://HOST:PORT",
        help="The scheduler of a running dask cluster \\[default: a local cluster].",
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers", help="Worker processes of the local cluster \\[default: one per core]."
    ),
]
StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="PATH|URL",
        help="The database (SQLite path or PostgreSQL URL) `newsprism serve` reads.",
    ),
]
CorpusArgument = Annotated[
    Path, typer.Argument(help="A folder written by `newsprism batch annotate`.", show_default=False)
]


def _spec(address: str | None, workers: int | None) -> EngineSpec:
    from newsprism.distributed import EngineSpec, require_dask

    require_dask()
    return EngineSpec(address=address, workers=workers)


@batch_app.command(
    "annotate",
    epilog="Example:\n\n  newsprism batch annotate clusters.jsonl feeds/ -o corpus/ --workers 4",
)
def annotate_command(
    inputs: Inputs,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Folder of the Parquet partitions.", show_default=False
        ),
    ],
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            metavar="",
            help="Also store the full annotation (sentences, entities, sentence embeddings).",
        ),
    ] = False,
    partition_size: Annotated[
        int, typer.Option("--partition-size", help="Articles per partition.")
    ] = 200,
    address: AddressOption = None,
    workers: WorkersOption = None,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """Annotate a corpus on the engine and write it as Parquet: the articles and the features story clustering reads, one file per partition. A rerun into the same folder skips the partitions already written.

    Inputs are those of `cluster`. The annotation cache (--cache-dir) is a folder on the workers.
    """
    from newsprism.distributed import annotate_corpus, engine, plan

    spec = _spec(address, workers)
    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    steps = Steps(quiet)
    stdin = getattr(sys.stdin, "buffer", None)
    with steps.status("Reading the inputs…"):
        planned = plan(
            inputs,
            output,
            settings,
            full=full,
            partition_size=partition_size,
            source=sources_from(source, inputs),
            stdin=stdin,
        )
    report_problems(err, planned.problems)
    if not planned.manifest.partitions:
        err.print("[bold red]error:[/] no article could be read from the inputs")
        raise typer.Exit(1)
    left = sum(p.articles for p, _ in planned.todo())
    with ExitStack() as stack:
        client = None
        if left:
            with steps.status(f"Starting {spec.describe()}…"):
                client = stack.enter_context(engine(spec, settings))
        with steps.count(left, "Annotating") as advance:
            result = annotate_corpus(client, planned, settings, on_partition=advance)
    report_problems(err, result.problems[len(planned.problems) :])
    total = len(planned.manifest.partitions)
    missing = len(planned.manifest.missing(output))
    err.print(
        plain(
            f"{count(result.articles, 'article')} annotated in {count(result.written, 'partition')}"
            f" to {output}; {result.skipped} of {total} were written by an earlier run"
        )
    )
    if missing:
        err.print(
            f"[bold red]error:[/] {count(missing, 'partition')} not written; run the same "
            "command again to finish"
        )
        raise typer.Exit(1)


@batch_app.command(
    "stories",
    epilog="Example:\n\n  newsprism batch stories corpus/ -o assignments.jsonl --store news.db",
)
def stories_command(
    corpus: CorpusArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="As `cluster -o`: .jsonl the assignments, .json the stories "
            "\\[default: the assignments on stdout].",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", metavar="", help="Print the stories instead.")
    ] = False,
    store: StoreOption = None,
    quiet: QuietOption = False,
) -> None:
    """Cluster an annotated corpus into stories from its stored features: the stories `cluster` finds on the same inputs, in one ordered pass that needs no engine. Saves them in the corpus folder for `batch reports`; with --store, also puts the articles and stories into the database, continuing the stories it holds."""
    from newsprism.cli.cluster import output_kind, print_summary, stories_json
    from newsprism.distributed import cluster_corpus, read_manifest
    from newsprism.model import Assignment
    from newsprism.report import save_report

    settings = Settings.load()
    kind = output_kind(output)
    total = sum(p.articles for p in read_manifest(corpus).partitions)
    steps = Steps(quiet)
    with steps.count(total, "Clustering") as advance:
        if store is None:
            result = cluster_corpus(corpus, settings, on_article=advance)
        else:
            from newsprism.store import Store

            with Store.open(database(store), settings) as opened:
                result = cluster_corpus(corpus, settings, store=opened, on_article=advance)
    lines = "".join(
        json.dumps(Assignment(id=ref, story=story).model_dump(), ensure_ascii=False) + "\n"
        for ref, story in result.assignments.items()
    )
    shown = stories_json(result.stories, result.assignments) + "\n"
    if output is not None:
        save_report(output, shown if kind == ".json" else lines)
    if as_json:
        sys.stdout.write(shown)
    elif output is None:
        sys.stdout.write(lines)
    if result.setting:
        err.print(plain(f"story setting: {result.setting}"))
    if store is not None:
        err.print(
            plain(f"stored {result.stored}, skipped {result.skipped} already stored in {store}")
        )
    print_summary(result.stories, len(result.assignments), output)


@batch_app.command(
    "reports",
    epilog="Example:\n\n  newsprism batch reports corpus/ -o reports/ --workers 4",
)
def reports_command(
    corpus: CorpusArgument,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Folder of the reports: STORY.json and STORY.html.",
            show_default=False,
        ),
    ],
    min_size: Annotated[
        int, typer.Option("--min-size", help="Report only stories of at least this many articles.")
    ] = 2,
    max_words: Annotated[int, typer.Option("--max-words", help="Words of each summary.")] = 100,
    store: StoreOption = None,
    address: AddressOption = None,
    workers: WorkersOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """Compare and summarize every story of a clustered corpus on the engine, one story a task, and write each report as JSON and HTML (Markdown for a one-article story). A rerun skips the stories already reported. With --store (the database `batch stories --store` filled), each comparison is kept there for `newsprism serve`."""
    from newsprism.distributed import engine, read_stories, report_corpus, report_files

    spec = _spec(address, workers)
    settings = settings_from(None, False, no_cache, cache_dir)
    if min_size < 1:
        raise NewsprismError(f"--min-size {min_size}: give at least 1")
    stories = [s for s in read_stories(corpus) if s.size >= min_size]
    left = sum(1 for s in stories if not all(p.is_file() for p in report_files(output, s)))
    steps = Steps(quiet)
    with ExitStack() as stack:
        opened = None
        if store is not None:
            from newsprism.store import Store

            opened = stack.enter_context(Store.open(database(store), settings, create=False))
        client = None
        if left:
            with steps.status(f"Starting {spec.describe()}…"):
                client = stack.enter_context(engine(spec, settings))
        with steps.count(left, "Reporting") as advance:
            result = report_corpus(
                client,
                corpus,
                output,
                settings,
                min_size=min_size,
                max_words=max_words,
                store=opened,
                on_story=advance,
            )
    report_problems(err, result.problems)
    err.print(
        plain(
            f"{count(result.written, 'story', 'stories')} reported to {output}; "
            f"{result.skipped} of {len(stories)} were reported by an earlier run"
            + (f"; {result.kept} comparisons kept in {store}" if store else "")
        )
    )
    if result.problems:
        raise typer.Exit(1)
