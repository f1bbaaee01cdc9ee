"""`newsprism add`, `stories` and `story`, through Typer's test runner on a small stream."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import NewsprismError
from test_store_suite import EVENTS, STREAM, write_stream

WIDE = {"COLUMNS": "250", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The stream added to a fresh database; (database, the output of `add`)."""
    folder = tmp_path_factory.mktemp("cli-stories")
    stream = write_stream(folder / "stream.jsonl")
    path = folder / "db" / "news.db"
    result = CliRunner().invoke(app, ["add", str(stream), "--db", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    return path, result.stdout + "\n" + result.stderr


def _stories(path: Path) -> list[dict]:
    result = CliRunner().invoke(app, ["stories", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _story_of(path: Path, size: int) -> dict:
    return next(s for s in _stories(path) if s["size"] == size)


def test_add_reports_each_article(database: tuple[Path, str], tmp_path: Path) -> None:
    path, output = database
    assert output.count("stored") >= len(STREAM)
    assert output.count("→ new story") == len(EVENTS)
    assert "Rift Valley News" in output
    assert "no publication date; filed under the time it was read" in output
    assert f"stored {len(STREAM)}, skipped 0" in output
    again = CliRunner().invoke(
        app, ["add", str(write_stream(tmp_path / "s.jsonl")), "--db", str(path)], env=WIDE
    )
    assert again.exit_code == 0, again.output
    assert again.stdout.count("skipped") == len(STREAM) and "stored " not in again.stdout
    assert f"stored 0, skipped {len(STREAM)}" in again.stderr


def test_status_lines_are_not_wrapped(database: tuple[Path, str], tmp_path: Path) -> None:
    # Piped into a log, a status line broken at the console's width reads as two lines.
    path, _ = database
    narrow = {"COLUMNS": "40", "NO_COLOR": "1"}
    again = CliRunner().invoke(
        app, ["add", str(write_stream(tmp_path / "s.jsonl")), "--db", str(path)], env=narrow
    )
    assert again.exit_code == 0, again.output
    closing = [line for line in again.stderr.splitlines() if line.startswith("stored 0")]
    assert closing and closing[0].endswith("stories"), again.stderr


def test_stories_lists_newest_activity_first(database: tuple[Path, str]) -> None:
    path, _ = database
    stories = _stories(path)
    assert sorted(s["size"] for s in stories) == sorted(EVENTS.values())
    lasts = [s["last_seen"] for s in stories]
    assert lasts == sorted(lasts, reverse=True)
    porto = _story_of(path, 3)
    assert porto["sources"] == ["Harbor Times", "Wire Service", "Iberia Daily"]
    table = CliRunner().invoke(app, ["stories", "--db", str(path), "--limit", "2"], env=WIDE)
    assert table.exit_code == 0, table.output
    assert stories[0]["id"] in table.stdout and stories[2]["id"] not in table.stdout
    assert "the 2 most recently active of 4 stories" in table.stderr


def test_stories_without_a_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert isinstance(result.exception, NewsprismError)
    assert "no such database" in str(result.exception)
    assert not (tmp_path / "none.db").exists()


def test_story_with_since_writes_an_update(database: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = database
    porto = _story_of(path, 3)
    report = tmp_path / "porto.md"
    result = CliRunner().invoke(
        app,
        [
            "story",
            porto["id"][:8],
            "--db",
            str(path),
            "--since",
            "2024-03-01 18:00",
            "-o",
            str(report),
        ],
        env=WIDE,
    )
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## New since 2024-03-01 18:00 UTC" in text
    new_section = text.split("## New since", 1)[1].split("\n## ", 1)[0]
    assert "[3]" in new_section  # the Saturday report is the third article
    assert "reopen" in new_section.lower()
    assert "## What several outlets report" in text and "## Summary" in text


def test_story_html_report_shows_what_is_new(database: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = database
    porto = _story_of(path, 3)
    report = tmp_path / "porto.html"
    arguments = ["story", porto["id"], "--db", str(path), "--since", "2024-03-01 18:00"]
    result = CliRunner().invoke(app, [*arguments, "-o", str(report)], env=WIDE)
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    new_section = page.split('<section id="new"', 1)[1].split("</section>", 1)[0]
    assert "New since" in new_section and "reopen" in new_section.lower()
    assert 'id="summary"' in page and 'id="articles"' in page


def test_story_json(database: tuple[Path, str]) -> None:
    path, _ = database
    porto = _story_of(path, 3)
    result = CliRunner().invoke(
        app, ["story", porto["id"], "--db", str(path), "--json", "--since", "2024-03-01T18:00Z"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["story"]["id"] == porto["id"]
    assert len(report["articles"]) == 3 and report["summary"]["sentences"]
    compared = CliRunner().invoke(app, ["schema", "comparison"])
    assert set(json.loads(compared.stdout)["properties"]) <= set(report)  # compare's shape
    assert report["new_articles"] == [porto["members"][-1]]
    assert report["update"]["sentences"]
    cited = {c["article"] for s in report["update"]["sentences"] for c in s["citations"]}
    assert porto["members"][-1] in cited


def test_story_of_one_article(database: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = database
    chile = next(s for s in _stories(path) if "Andes Herald" in s["sources"])
    out = tmp_path / "chile.json"
    result = CliRunner().invoke(app, ["story", chile["id"], "--db", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "one article so far" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["articles"]) == 1 and report["facts"] == [] and report["discrepancies"] == []
    assert report["summary"]["sentences"] and report["story"]["id"] == chile["id"]
    shown = CliRunner().invoke(app, ["story", chile["id"], "--db", str(path)], env=WIDE)
    assert "one article so far" in shown.stdout and "Valparaíso" in shown.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["story", "s-nothing"], "no such story"),
        (["story", "s-", "--since", "2024-03-01"], "more than one story"),
        (["story", "s-", "--since", "the day after never"], "not a date or time"),
        (["story", "s-", "-o", "report.txt"], "cannot write this kind of file"),
    ],
)
def test_story_errors(database: tuple[Path, str], arguments: list[str], message: str) -> None:
    path, _ = database
    result = CliRunner().invoke(app, [*arguments, "--db", str(path)])
    assert isinstance(result.exception, NewsprismError), result.output
    assert message in str(result.exception)


def test_add_keeps_an_article_that_is_only_a_headline(tmp_path: Path) -> None:
    stream = tmp_path / "headlines.jsonl"
    rows = [
        {
            "id": "h",
            "title": "Ferry sinks off the coast",
            "text": "(Jo Roe is a senior editor at The Weekly.)",
        },
        {"id": "x", "title": "", "text": "(Jo Roe is a senior editor at The Weekly.)"},
    ]
    stream.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    path = tmp_path / "news.db"
    result = CliRunner().invoke(app, ["add", str(stream), "--db", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "headlines.jsonl:1: no report text left after removing page debris; kept" in (
        result.stderr
    )
    assert "error: " in result.stderr and "headlines.jsonl:2" in result.stderr
    assert [s["title"] for s in _stories(path)] == ["Ferry sinks off the coast"]


def _spy_on_annotate(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """Record the level and the article ids of every call of `annotate`."""
    import newsprism.nlp
    import newsprism.nlp.annotation

    calls: list[tuple[str, list[str]]] = []
    real = newsprism.nlp.annotation.annotate

    def spy(articles: Any, settings: Any = None, **options: Any) -> Any:
        calls.append((options.get("level", "full"), [a.id for a in articles]))
        return real(articles, settings, **options)

    # Callers take it from the package's door at call time, or from its module.
    monkeypatch.setattr(newsprism.nlp, "annotate", spy)
    monkeypatch.setattr(newsprism.nlp.annotation, "annotate", spy)
    # `add` reaches it through the stream's features, which imported it by name.
    monkeypatch.setattr("newsprism.stories.features.annotate", spy)
    return calls


def test_add_annotates_at_the_light_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _spy_on_annotate(monkeypatch)
    documents = [
        {"id": "a", "title": "Rail strike ends", "published": "2024-03-01T08:00:00Z",
         "text": "The rail strike ended on Sunday after two days. Trains run again in Lyon."},
        {"id": "b", "title": "Museum opens wing", "published": "2024-03-01T09:00:00Z",
         "text": "The city museum opened a new wing for modern art on Friday evening."},
    ]  # fmt: skip
    stream = tmp_path / "two.jsonl"
    stream.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    added = CliRunner().invoke(app, ["add", str(stream), "--db", str(tmp_path / "news.db")])
    assert added.exit_code == 0, added.output
    assert [level for level, _ in calls] == ["light"]
    assert len(calls[0][1]) == 2


def test_a_story_report_fully_annotates_its_own_articles_and_only_those(
    database: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = database
    porto = _story_of(path, 3)
    assert sum(s["size"] for s in _stories(path)) > len(porto["members"])
    calls = _spy_on_annotate(monkeypatch)
    shown = CliRunner().invoke(app, ["story", porto["id"], "--db", str(path), "--json"])
    assert shown.exit_code == 0, shown.output
    assert {level for level, _ in calls} == {"full"}
    assert {i for _, ids in calls for i in ids} == set(porto["members"])


def test_add_says_when_it_calibrates_before_storing(tmp_path: Path) -> None:
    stream = write_stream(tmp_path / "stream.jsonl")
    result = CliRunner().invoke(
        app,
        ["--set", f"story_calibration_after={len(STREAM)}", "add", str(stream),
         "--db", str(tmp_path / "news.db")],
        env=WIDE,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"choosing the story setting on the latest {len(STREAM)} articles first" in (
        result.stderr
    )
    # Said before the first article is stored, since it is why nothing shows for a while.
    assert result.output.index("choosing the story setting") < result.output.index("stored ")
