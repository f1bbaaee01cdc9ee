"""The Typer app, its consoles and the options and helpers every command shares."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from newsprism.errors import NewsprismError
from newsprism.version import __version__

if TYPE_CHECKING:
    from newsprism.config import Settings
    from newsprism.ingest import Collection, Sources

app = typer.Typer(
    name="newsprism",
    help="Compare news reports of one event across outlets, every statement traced to a span.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
out = Console(highlight=False)
# Status lines go to logs as often as to a terminal, which wraps them itself.
err = Console(stderr=True, highlight=False, soft_wrap=True)

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories, globs, http(s) URLs, feeds, JSONL or document-set JSONL; '-' reads stdin.",
        show_default=False,
    ),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        metavar="NAME[=INPUT]",
        help="Outlet of one input, over its metadata: NAME=INPUT, or NAME alone once per "
        "input in their order (once for a single input).",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", metavar="", help="No progress lines (there are none unless on a terminal)."
    ),
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option("--max-bytes", help="Largest file or download accepted \\[default: 5 MB]."),
]
FetchLinksOption = Annotated[
    bool,
    typer.Option(
        "--fetch-links", metavar="", help="Fetch the pages of feed entries that only link."
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", metavar="", help="Neither read nor write the annotation cache."),
]


def flag(*names: str, help: str) -> Any:
    """A true/false option shown without a type: its name says it all."""
    return typer.Option(*names, metavar="", help=help)


JsonOption = Annotated[bool, flag("--json", help="Print JSON instead of text.")]
CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Annotation cache folder \\[default: ~/.cache/newsprism]."),
]


def _version(value: bool) -> None:
    if value:
        out.print(f"newsprism {__version__}")
        raise typer.Exit()


def _set(values: list[str] | None) -> list[str] | None:
    """Apply each NAME=VALUE as its NEWSPRISM_NAME variable, so every command's settings
    read it, after checking the name and the value now rather than deep inside a command."""
    from newsprism.config import Settings

    for item in values or ():
        name, sep, value = item.partition("=")
        name = name.strip().replace("-", "_").lower()
        if not sep or name not in Settings.model_fields:
            raise typer.BadParameter(
                f"{item!r}: give NAME=VALUE with a setting's name (see `newsprism settings`)",
                param_hint="--set",
            )
        os.environ[f"NEWSPRISM_{name.upper()}"] = value
        try:
            Settings.load()
        except NewsprismError as error:
            raise typer.BadParameter(f"{item!r}: {error}", param_hint="--set") from None
    return values


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            metavar="",
            help="Print the version and exit.",
        ),
    ] = False,
    settings: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="NAME=VALUE",
            callback=_set,
            help="Change one setting for this run (repeat for more); `newsprism settings` "
            "lists them. Same as the NEWSPRISM_NAME variable; a command's own option wins.",
        ),
    ] = None,
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


def needs(extra: str, *modules: str) -> None:
    """Stop with how to install an optional part of newsprism when its library is missing."""
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise NewsprismError(
                f"this needs newsprism's {extra} extra ({module} is not installed): "
                f"pip install 'newsprism[{extra}]'"
            ) from None


def database(db: str | None) -> str | None:
    """The --db value, after checking that a PostgreSQL URL has its driver installed."""
    if db and db.lower().startswith("postgresql"):
        needs("postgres", "psycopg")
    return db


def count(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 story", "3 stories", "0 clusters"."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {plural or (noun[:-1] + 'ies' if noun.endswith('y') else noun + 's')}"


def sources_from(values: list[str] | None, inputs: list[str]) -> Sources:
    """The outlet names given with ``--source``, each for one input.

    ``NAME=INPUT`` names the outlet of that input; plain names go to the other inputs in
    their order, one each. One name for several inputs is refused: it would call every
    outlet by that name and compare an outlet with itself."""
    if not values:
        return None
    named: dict[str, str] = {}
    plain: list[str] = []
    for value in values:
        name, sep, target = value.partition("=")
        if sep and target in inputs:
            named[target] = name.strip()
        elif sep and len(inputs) > 1:
            raise NewsprismError(
                f"--source {value!r}: {target!r} is not one of the inputs; "
                "give NAME=INPUT with INPUT as written on the command line"
            )
        else:
            plain.append(value.strip())
    rest = [i for i in inputs if i not in named]
    if len(plain) != len(rest) and plain:
        raise NewsprismError(
            f"--source: {count(len(plain), 'name')} for {count(len(rest), 'input')}; "
            "give one --source per input, in their order, or --source NAME=INPUT"
        )
    names = {**named, **dict(zip(rest, plain, strict=False))}
    if any(not n for n in names.values()):
        raise NewsprismError("--source: an outlet name cannot be empty")
    return names


def read_inputs(
    inputs: list[str], settings: Settings, source: list[str] | None, *, headlines: bool = False
) -> Collection:
    """Read every input, print what went wrong, stop with exit code 1 if nothing is left."""
    from newsprism.cli.terminal import report_problems
    from newsprism.ingest import read_articles

    # sys.stdin is None when the process was started with standard input closed.
    stdin = getattr(sys.stdin, "buffer", None)
    names = sources_from(source, inputs)
    collection = read_articles(inputs, settings, source=names, stdin=stdin, headlines=headlines)
    report_problems(err, collection.problems)
    if not collection.articles:
        err.print("[bold red]error:[/] no article could be read from the inputs")
        raise typer.Exit(1)
    return collection
