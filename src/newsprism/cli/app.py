"""The Typer app, its consoles and the options and helpers every command shares."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from newsprism.version import __version__

if TYPE_CHECKING:
    from newsprism.config import Settings
    from newsprism.ingest.prepare import Collection

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
    typer.Option("--max-bytes", help="Largest file or download accepted \\[default: 5 MB]."),
]
FetchLinksOption = Annotated[
    bool, typer.Option("--fetch-links", help="Fetch the pages of feed entries that only link.")
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the annotation cache.")
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Annotation cache folder \\[default: ~/.cache/newsprism]."),
]


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


def settings_from(
    max_bytes: int | None, fetch_links: bool, no_cache: bool, cache_dir: Path | None
) -> Settings:
    from newsprism.config import Settings

    return Settings.load(
        max_bytes=max_bytes,
        fetch_links=fetch_links or None,
        cache=False if no_cache else None,
        cache_dir=cache_dir,
    )


def read_inputs(
    inputs: list[str], settings: Settings, source: str | None, *, headlines: bool = False
) -> Collection:
    """Read every input, print what went wrong, stop with exit code 1 if nothing is left."""
    from newsprism.cli.terminal import report_problems
    from newsprism.ingest.prepare import read_articles

    # sys.stdin is None when the process was started with standard input closed.
    stdin = getattr(sys.stdin, "buffer", None)
    collection = read_articles(inputs, settings, source=source, stdin=stdin, headlines=headlines)
    report_problems(err, collection.problems)
    if not collection.articles:
        err.print("[bold red]error:[/] no article could be read from the inputs")
        raise typer.Exit(1)
    return collection
