"""`newsprism settings`: every setting, its value for this run and what it does."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

from rich.table import Table
from rich.text import Text

from newsprism.cli.app import JsonOption, app, flag, out
from newsprism.cli.terminal import print_table


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def settings_markdown(rows: list[dict[str, Any]]) -> str:
    """The settings reference as a Markdown table (defaults, not this run's values)."""
    lines = ["| setting | variable | default | what it does |", "|---|---|---|---|"]
    for row in rows:
        default = row["default_rule"] or _shown(row["default"])
        cells = [f"`{row['name']}`", f"`{row['variable']}`", f"`{default}`"]
        cells.append(row["description"].replace("|", "\\|"))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@app.command("settings")
def settings_command(
    as_json: JsonOption = False,
    markdown: Annotated[
        bool, flag("--markdown", help="Print the reference table of the defaults in Markdown.")
    ] = False,
) -> None:
    """List every setting: its value for this run (after NEWSPRISM_* variables and --set), its default and what it does."""
    from newsprism.config import describe_settings

    rows = describe_settings()
    if as_json:
        for row in rows:
            row["default"], row["value"] = _shown(row["default"]), _shown(row["value"])
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    if markdown:
        sys.stdout.write(settings_markdown(rows))
        return
    table = Table("setting", "value", "default", "what it does")
    for row in rows:
        value, default = _shown(row["value"]), _shown(row["default"])
        shown = Text(value, style="bold" if value != default else "")
        table.add_row(Text(row["name"]), shown, Text(default), Text(row["description"]))
    print_table(out, table)
