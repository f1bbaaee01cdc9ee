"""The `newsprism` command line, through Typer's test runner and one real process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES
from newsprism import __version__
from newsprism.cli import app, main, terminal

WIDE = {"COLUMNS": "200", "NO_COLOR": "1"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsprism {__version__}"


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert "inspect" in result.output
    assert "schema" in result.output


def test_inspect_examples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["inspect", str(EXAMPLES)], env=WIDE)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "us-outlet" in out
    assert "Kim, Trump end second summit without deal in Hanoi" in out
    assert "READ NEXT: Watch: Bernie Sanders" in out
    assert "read-next" in out
    assert "photo-caption" in out
    assert "Sentences" in out
    assert "Named entities" in out
    assert "Sometimes, you have to walk" in out
    assert (
        result.stderr
        == f"notice: {EXAMPLES}: passed over README.md: a .md file in a folder is taken as notes; name it to read it as an article\n"
    )


def test_inspect_no_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["inspect", str(EXAMPLES), "--no-text"], env=WIDE)
    assert result.exit_code == 0
    assert "Clean text" not in result.stdout
    assert "Removed by cleaning" in result.stdout


def test_inspect_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["inspect", str(EXAMPLES), "--json"])
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)
    assert [a["source"] for a in articles] == ["us-outlet", "wire-service"]
    for article in articles:
        assert article["sentences"]
        assert article["mentions"]
        assert {"start", "end", "text", "label", "sentence"} <= set(article["mentions"][0])
        assert {"start", "end", "text"} <= set(article["sentences"][0])
        assert "original" not in article
        assert "alignment" not in article
        first = article["sentences"][0]
        assert article["text"][first["start"] : first["end"]] == first["text"]
    removed = articles[0]["removed"]
    assert removed[0]["kind"] == "read-next"
    assert removed[0]["text"].startswith("READ NEXT:")


def test_inspect_stdin_with_source(runner: CliRunner) -> None:
    text = (DATA / "report.txt").read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["inspect", "-", "--json", "--source", "Daily Planet", "--no-cache"], input=text
    )
    assert result.exit_code == 0, result.output
    [article] = json.loads(result.stdout)
    assert article["source"] == "Daily Planet"
    assert article["origin"] == "-"


def test_inspect_no_cache_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    args = ["inspect", str(EXAMPLES / "us-outlet.txt"), "--json", "--cache-dir", str(folder)]
    assert runner.invoke(app, [*args, "--no-cache"]).exit_code == 0
    assert not folder.exists()
    assert runner.invoke(app, args).exit_code == 0
    assert list(folder.rglob("*.spacy"))


@pytest.mark.parametrize("name", ["article", "document-set", "comparison"])
def test_schema(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, ["schema", name])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"].lower() == name.replace("-", "")
    assert schema["type"] == "object"


def test_schema_comparison_properties(runner: CliRunner) -> None:
    schema = json.loads(runner.invoke(app, ["schema", "comparison"]).stdout)
    assert {"facts", "quotes", "discrepancies", "entities"} <= set(schema["properties"])


def test_schema_unknown_name(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", "nonsense"])
    assert result.exit_code == 2


def test_good_and_bad_input_exit_0_with_error_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["inspect", "--json", str(bad), str(EXAMPLES / "us-outlet.txt")])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 1
    assert f"error: {bad}: empty" in result.stderr
    assert "Traceback" not in result.output


def test_only_bad_inputs_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["inspect", str(bad), str(missing)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"error: {bad}: binary file")
    assert lines[1] == f"error: {missing}: no such file, folder or URL"
    assert "no article could be read" in lines[-1]


def test_notices_go_to_stderr(runner: CliRunner) -> None:
    path = str(EXAMPLES / "us-outlet.txt")
    result = runner.invoke(app, ["inspect", "--json", path, path], env=WIDE)
    assert result.exit_code == 0
    assert "notice:" in result.stderr
    assert "same text as" in result.stderr
    assert len(json.loads(result.stdout)) == 1


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("COLUMNS", None)
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=120,
        check=False,
    )


def test_real_process_bad_input_exit_code_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "french.txt"
    bad.write_bytes((DATA / "french.txt").read_bytes())
    result = _run("inspect", str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert (
        f"error: {bad}: the text is in French (fr); newsprism reads only English for now"
        in result.stderr
    )
    assert "no article could be read" in result.stderr


def test_main_turns_user_errors_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["newsprism", "inspect", "--max-bytes", "-1", str(EXAMPLES)])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        "error: invalid setting max_bytes: Input should be greater than 0"
    ]


def test_closed_standard_input_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    monkeypatch.setattr(sys, "argv", ["newsprism", "inspect", "-", "--json"])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 1
    err = capsys.readouterr().err
    assert "error: -: no standard input to read" in err
    assert "Traceback" not in err


def test_summarize_cites_both_outlets() -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app

    result = CliRunner().invoke(app, ["summarize", str(EXAMPLES), "--max-words", "60"])
    assert result.exit_code == 0, result.output
    assert "[1][2]" in result.output or "[2][1]" in result.output
    assert "READ NEXT" not in result.output


def test_summarize_batch_writes_one_line_per_cluster(tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from newsprism.cli import app

    docs = [
        {"id": f"d{i}", "source": f"S{i}", "published": "2019-02-28T10:00:00", "text": text}
        for i, text in enumerate(
            [
                "The two leaders ended their summit in Hanoi without an agreement on Thursday.\n\nTalks will continue, officials said.",
                "A summit in Hanoi between the two leaders ended on Thursday with no agreement.\n\nBoth sides said they would meet again.",
            ]
        )
    ]
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(
        json.dumps({"id": "c1", "documents": docs}) + "\n" + "{not json\n", encoding="utf-8"
    )
    out = tmp_path / "summaries.jsonl"
    result = CliRunner().invoke(
        app, ["summarize", "--batch", str(clusters), "--max-words", "30", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["c1"]
    assert lines[0]["summary"] and lines[0]["sentences"][0]["citations"]
    assert len(lines[0]["summary"].split()) <= 30


@pytest.mark.parametrize(
    ("columns", "attached", "one_line"),
    [(None, False, True), ("80", False, False), (None, True, False)],
)
def test_a_table_without_a_terminal_is_not_wrapped_at_80_columns(
    monkeypatch: pytest.MonkeyPatch, columns: str | None, attached: bool, one_line: bool
) -> None:
    """A table written to a file or a pipe in a script keeps each row on one line; a
    terminal (also behind ``| less``) or ``COLUMNS`` still sets the width, and prose keeps 80."""
    monkeypatch.delenv("COLUMNS", raising=False)
    if columns:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(terminal, "_attached", lambda: attached)
    console = Console(file=io.StringIO(), width=80 if attached else None)
    table = Table("Story", "Title")
    table.add_row("s-1", "word " * 30)
    terminal.print_table(console, table)
    rows = console.file.getvalue().splitlines()
    assert (len(rows) == 5) is one_line  # top rule, header, rule, the row, bottom rule
    console.print("word " * 30)
    assert max(len(line) for line in console.file.getvalue().splitlines()[len(rows) :]) <= 80


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("cluster", "[default: the assignments on stdout]"),
        ("cluster", "[default: 0.24]"),
        ("add", "[default: 5 MB]"),
        ("add", "[default: ~/.cache/newsprism]"),
        ("stories", "[default: ~/.local/share/newsprism/newsprism.db]"),
    ],
)
def test_help_shows_defaults_written_in_brackets(command: str, shown: str) -> None:
    """Rich reads "[default: …]" as a markup tag and drops it unless it is escaped."""
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert shown in result.output
