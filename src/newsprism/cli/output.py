"""Where a report goes and in which form: the terminal, standard output or a file.

`compare` and `story` take the same three options and mean the same by them: ``-o FILE``
writes the kind its suffix names, ``--format`` picks the kind for standard output, ``--json``
is ``--format json``. Options that disagree are refused before the slow part, never resolved
silently (``--json -o x.md`` once wrote Markdown).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsprism.cli.app import flag
from newsprism.errors import NewsprismError


class Kind(StrEnum):
    html = "html"
    md = "md"
    json = "json"
    csv = "csv"


FormatOption = Annotated[
    Kind | None,
    typer.Option(
        "--format",
        help="Print this kind instead of the terminal view: md, json, html or csv "
        "(facts, discrepancies and quotes, one row per passage).",
        case_sensitive=False,
    ),
]
ReportJsonOption = Annotated[bool, flag("--json", help="Print JSON (same as --format json).")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to a file of the kind its suffix names: .html (one "
        "self-contained page), .md, .json or .csv.",
    ),
]


def chosen_kind(output: Path | None, kind: Kind | None, as_json: bool) -> Kind | None:
    """The kind to write, None for the terminal view; an error when the options disagree."""
    from newsprism.report import report_format

    asked = Kind.json if as_json else kind
    if as_json and kind is not None and kind is not Kind.json:
        raise NewsprismError(f"--json and --format {kind.value} ask for two kinds; give one")
    if output is None:
        return asked
    written = Kind(report_format(output).value)
    if asked is not None and asked is not written:
        option = "--json" if as_json else f"--format {asked.value}"
        raise NewsprismError(
            f"{option} asks for {asked.value}, but {output} is a .{written.value} file; "
            f"write to a .{asked.value} file or leave out {option}"
        )
    return written
