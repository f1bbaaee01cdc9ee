"""The command line never gives a silently wrong result: each case below once exited 0 with
the wrong output, and now does the right thing or stops with a one-line error."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import DATA
from newsprism.cli import app
from newsprism.cli.app import sources_from
from newsprism.errors import NewsprismError
from newsprism.model import Comparison
from newsprism.report import to_html, to_markdown

FERRY = DATA / "ferry-capsizing"
WIRE, LEDGER, HERALD = (
    FERRY / n for n in ("asia-wire.txt", "manila-ledger.html", "pacific-herald.json")
)
WIDE = {"COLUMNS": "250", "NO_COLOR": "1"}


def _invoke(*arguments: str) -> object:
    return CliRunner().invoke(app, [str(a) for a in arguments], env=WIDE)


def _sources(result: object) -> list[str]:
    return [a["source"] for a in json.loads(result.stdout)]  # type: ignore[attr-defined]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The three ferry reports with their README, and reports newsprism wrote there."""
    copy = tmp_path / "ferry"
    shutil.copytree(FERRY, copy)
    empty = Comparison()
    (copy / "report.html").write_text(to_html(empty, []), encoding="utf-8")
    (copy / "report.json").write_text(empty.model_dump_json(indent=2), encoding="utf-8")
    (copy / "report.md").write_text(to_markdown(empty), encoding="utf-8")
    return copy


def test_a_folder_scan_skips_its_own_reports_and_says_which_files_it_passed_over(
    folder: Path,
) -> None:
    result = _invoke("inspect", folder, "--json", "--no-text")
    assert result.exit_code == 0, result.output
    assert sorted(_sources(result)) == ["Pacific Herald", "The Manila Ledger", "asia-wire"]
    for name in ("report.html", "report.json"):
        assert f"notice: {folder / name}: skipped: a report written by newsprism" in result.stderr
    assert f"notice: {folder}: passed over README.md, report.md: a .md file in a folder" in (
        result.stderr
    )


def test_a_markdown_report_named_on_the_command_line_is_not_read_as_an_article(
    folder: Path,
) -> None:
    result = _invoke("inspect", folder / "report.md", folder / "README.md", "--json", "--no-text")
    assert result.exit_code == 0, result.output
    assert _sources(result) == ["README"]  # the notes, asked for by name, are read
    assert "report.md: skipped: a report written by newsprism" in result.stderr


def test_source_names_one_input_or_each_in_order() -> None:
    named = _invoke("inspect", WIRE, LEDGER, "--source", f"Wire={WIRE}", "--json", "--no-text")
    assert named.exit_code == 0, named.output
    assert _sources(named) == ["Wire", "The Manila Ledger"]
    each = _invoke(
        "inspect", WIRE, LEDGER, "--source", "Wire", "--source", "Ledger", "--json", "--no-text"
    )
    assert each.exit_code == 0, each.output
    assert _sources(each) == ["Wire", "Ledger"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["Wire"], "1 name for 2 inputs"),
        (["Wire=nowhere.txt"], "'nowhere.txt' is not one of the inputs"),
        (["A", "B", "C"], "3 names for 2 inputs"),
        (["=a.txt"], "cannot be empty"),
    ],
)
def test_source_that_would_mislabel_is_refused(values: list[str], message: str) -> None:
    with pytest.raises(NewsprismError, match=message):
        sources_from(values, ["a.txt", "b.txt"])


def test_one_source_for_one_input_names_every_article_it_holds() -> None:
    assert sources_from(["Wire"], ["feed.xml"]) == {"feed.xml": "Wire"}
    assert sources_from(None, ["a", "b"]) is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--json", "-o", "x.md"], "--json asks for json, but x.md is a .md file"),
        (["--format", "csv", "-o", "x.html"], "--format csv asks for csv, but x.html"),
        (["--json", "--format", "md"], "--json and --format md ask for two kinds"),
        (["-o", "x.txt"], "x.txt: cannot write this kind of file"),
    ],
)
def test_compare_output_options_that_disagree_are_refused(
    arguments: list[str], message: str, tmp_path: Path
) -> None:
    result = _invoke("compare", WIRE, LEDGER, *arguments)
    assert isinstance(result.exception, NewsprismError), result.output
    assert message in str(result.exception)
    assert not any(tmp_path.iterdir())


def test_summarize_writes_where_o_says(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    result = _invoke("summarize", WIRE, LEDGER, "--max-words", "40", "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert "[1]" in text and "[2] The Manila Ledger — At least 23 dead" in text
    wrong = _invoke("summarize", WIRE, LEDGER, "-o", tmp_path / "s.html")
    assert isinstance(wrong.exception, NewsprismError)
    assert "cannot write a summary to this kind of file" in str(wrong.exception)
    batch = _invoke("summarize", "--batch", tmp_path / "c.jsonl", "-o", tmp_path / "s.md")
    assert isinstance(batch.exception, NewsprismError)
    assert "--batch writes one JSON line per cluster; use .jsonl" in str(batch.exception)


def test_eval_rouge_with_a_missing_file_fails(tmp_path: Path) -> None:
    missing = _invoke("eval", "rouge", "--references", tmp_path / "none.jsonl")
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    empty = tmp_path / "refs.jsonl"
    empty.write_text('{"id": "c1"}\n', encoding="utf-8")
    nothing = _invoke("eval", "rouge", "--references", empty)
    assert isinstance(nothing.exception, NewsprismError), nothing.output
    assert "nothing could be scored" in str(nothing.exception)


def test_plurals_and_untyped_flags_in_help() -> None:
    result = _invoke("compare", "--help")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "--force" in line)
    assert "<bool>" not in row
    assert "English articles only" in result.stdout


def test_progress_shows_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.cli import progress

    screen = Console(file=io.StringIO(), force_terminal=True, width=100)
    monkeypatch.setattr(sys.modules["newsprism.cli.app"], "err", screen)
    with progress.Steps().status("Comparing 3 articles…"):
        pass
    assert "Comparing 3 articles" in screen.file.getvalue()
    quiet = Console(file=io.StringIO(), force_terminal=True, width=100)
    monkeypatch.setattr(sys.modules["newsprism.cli.app"], "err", quiet)
    with progress.Steps(quiet=True).status("Comparing…"):
        pass
    piped = Console(file=io.StringIO(), force_terminal=False)
    monkeypatch.setattr(sys.modules["newsprism.cli.app"], "err", piped)
    with progress.Steps().count(3, "Annotating") as advance:
        advance()
    assert quiet.file.getvalue() == "" and piped.file.getvalue() == ""


@pytest.mark.parametrize(
    ("module", "arguments", "extra"),
    [
        ("fastapi", ["serve"], "web"),
        ("psycopg", ["stories", "--db", "postgresql+psycopg://reader@localhost/news"], "postgres"),
        ("sumy", ["eval", "clusters", "--gold", str(HERALD), "--baseline"], "eval"),
    ],
)
def test_a_missing_optional_part_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str, arguments: list[str], extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    result = _invoke(*arguments)
    assert isinstance(result.exception, NewsprismError), result.output
    assert f"pip install 'newsprism[{extra}]'" in str(result.exception)
