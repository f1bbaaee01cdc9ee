"""Terminal injection and Rich markup (issue 21, item 7): what comes from an input is
printed as text, without control characters, one value on one line."""

from __future__ import annotations

import io
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from conftest import REPORT
from newsprism.cli import app
from newsprism.cli.terminal import clean, report_problems
from newsprism.cli.watch import _printable
from newsprism.errors import Problem
from newsprism.store import Store
from test_web_api import article, put_story

CLEAR = "\x1b[2J\x1b[H"
LINK = "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"
MARKUP = "[link=http://evil.example/]Harbor[/link] [/] [bold]"
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "xterm"}


def test_clean_strips_controls_and_keeps_one_value_on_one_line() -> None:
    assert clean(f"a{CLEAR}b\rc\x07d\x9be") == "a[2J[Hbcde"
    assert clean("one\nerror: forged\tline") == "one error: forged line"
    assert clean("keep\nlines\there", lines=True) == "keep\nlines\there"
    assert clean("evil\u202etxt.exe") == "eviltxt.exe"
    assert "\x1b" not in clean(LINK)


def test_a_problem_cannot_forge_a_line_or_reach_the_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, force_terminal=False)
    report_problems(console, [Problem(f"a\nerror: forged{CLEAR}.txt", f"bad {MARKUP}")])
    printed = buffer.getvalue()
    assert printed.count("\n") == 1
    assert "\x1b" not in printed
    assert MARKUP in printed


def test_stories_shows_hostile_titles_and_outlets_as_text(tmp_path: Path) -> None:
    """A stored title holding '[/]' crashed `newsprism stories`; an outlet holding an
    escape sequence cleared the screen."""
    db = tmp_path / "s.db"
    with Store.open(str(db)) as store:
        hostile = article(REPORT, f"{MARKUP}{CLEAR}", f"Ledger{CLEAR}{LINK}")
        put_story(store, "s-hostile", [hostile], datetime(2024, 3, 1, tzinfo=UTC))
    result = CliRunner().invoke(app, ["stories", "--db", str(db)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "[link=http://evil.example/]Harbor[/link]" in result.output


def test_inspect_prints_hostile_metadata_as_text(tmp_path: Path) -> None:
    record = {
        "text": REPORT,
        "title": f"{MARKUP}\nerror: forged",
        "source": f"Outlet{CLEAR}",
        "url": "https://news.example/a",
        "id": f"id{LINK}",
    }
    path = tmp_path / f"in{CLEAR.replace('[', '')}.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", str(path), "--no-text", "--quiet"], env=ENV)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "[link=http://evil.example/]Harbor[/link]" in result.output
    assert not any(line.startswith("error: forged") for line in result.output.splitlines())


def test_watch_log_lines_carry_no_control_characters() -> None:
    record = logging.LogRecord(
        "newsprism.watch", logging.INFO, __file__, 1, "%s: %s", (f"u{CLEAR}", "x\ny"), None
    )
    assert _printable(record)
    assert record.getMessage() == "u[2J[H: x y"
