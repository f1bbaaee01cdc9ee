"""A story stored with `add` is compared as `compare` compares the same files.

Three reports of one invented event, one of them without a date (see the README beside
them). The store files the undated one under the time it was read; that time must neither
keep it out of the comparison (the window of ``discrepancy_days``) nor be shown as its date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import DATA
from newsprism.cli import app
from newsprism.config import Settings
from newsprism.web import create_app
from web_client import local_client

REPORTS = DATA / "ferry-capsizing"
FILES = [REPORTS / n for n in ("asia-wire.txt", "manila-ledger.html", "pacific-herald.json")]
UNDATED = FILES[0]
WIDE = {"COLUMNS": "250", "NO_COLOR": "1"}


def _run(*arguments: str) -> str:
    result = CliRunner().invoke(app, list(arguments), env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def _discrepancies(comparison: dict[str, Any]) -> set[tuple[str, frozenset[tuple[Any, ...]]]]:
    """Each discrepancy as its kind and its claims, whatever order they are listed in."""
    return {
        (
            d["kind"],
            frozenset((c["article"], c["start"], c["end"], c["value"]) for c in d["claims"]),
        )
        for d in comparison["discrepancies"]
    }


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The reports added to a fresh database; (database, the id of their story)."""
    db = tmp_path_factory.mktemp("stored-story") / "news.db"
    _run("add", *map(str, FILES), "--db", str(db))
    stories = json.loads(_run("stories", "--db", str(db), "--json"))
    assert [s["size"] for s in stories] == [3], "the three reports make one story"
    return db, stories[0]["id"]


@pytest.fixture(scope="module")
def compared() -> dict[str, Any]:
    return json.loads(_run("compare", *map(str, FILES), "--json"))


@pytest.fixture(scope="module")
def story_json(stored: tuple[Path, str]) -> dict[str, Any]:
    db, story = stored
    return json.loads(_run("story", story, "--db", str(db), "--json"))


def _undated_id(comparison: dict[str, Any]) -> str:
    [ref] = [a for a in comparison["articles"] if a["title"].startswith("31 killed")]
    return ref["id"]


def test_the_stored_story_has_the_discrepancies_of_compare(
    story_json: dict[str, Any], compared: dict[str, Any]
) -> None:
    stored = story_json  # the JSON of `compare`, with the story added
    assert _discrepancies(stored) == _discrepancies(compared)
    # The undated report is weighed against the others, not left out by its filing time.
    undated = _undated_id(compared)
    assert any(c["article"] == undated for d in stored["discrepancies"] for c in d["claims"]) == (
        any(c["article"] == undated for d in compared["discrepancies"] for c in d["claims"])
    )


def test_the_stored_undated_report_has_no_date(
    story_json: dict[str, Any], compared: dict[str, Any]
) -> None:
    undated = _undated_id(compared)
    published = {a["id"]: a["published"] for a in story_json["articles"]}
    assert published[undated] is None
    assert all(when is not None for aid, when in published.items() if aid != undated)


def test_the_story_command_shows_the_undated_report_as_undated(
    stored: tuple[Path, str],
) -> None:
    db, story = stored
    shown = _run("story", story, "--db", str(db))
    # The article's row (the story may be titled by its headline too).
    [row] = [
        line for line in shown.splitlines() if "31 killed as ferry" in line and "asia-wire" in line
    ]
    assert "undated" in row


@pytest.fixture(scope="module")
def web(stored: tuple[Path, str]) -> Iterator[TestClient]:
    db, _ = stored
    with local_client(create_app(Settings.load(), str(db))) as client:
        yield client


def test_the_story_page_shows_the_undated_report_and_its_discrepancies(
    web: TestClient, stored: tuple[Path, str], compared: dict[str, Any]
) -> None:
    _, story = stored
    page = web.get(f"/stories/{story}")
    assert page.status_code == 200
    [item] = [li for li in page.text.split("<li>") if "31 killed as ferry sinks" in li]
    assert ">undated<" in item
    coverage = page.text.split('<table class="coverage">', 1)[1].split("</table>", 1)[0]
    [row] = [tr for tr in coverage.split("<tr>") if "asia-wire" in tr]
    assert row.count('<span class="undated">undated</span>') == 2  # first and last
    comparison = web.get(f"/api/stories/{story}/comparison").json()
    assert _discrepancies(comparison) == _discrepancies(compared)
    report = web.get(f"/stories/{story}/report").text
    assert ">undated<" in report


def test_no_summary_sentence_cites_an_outlet_that_disputes_it(
    story_json: dict[str, Any], compared: dict[str, Any]
) -> None:
    for comparison in (story_json, compared):
        for sentence in comparison["summary"]["sentences"]:
            cited = {c["article"] for c in sentence["citations"]}
            against = {c["article"] for d in sentence["disputed"] for c in d["claims"]}
            assert not cited & against, sentence["text"]


def test_compare_json_keeps_the_inputs_own_ids(compared: dict[str, Any]) -> None:
    """A result joins back to the input: the JSON article's own id rides beside the hash."""
    ids = {a["source"]: a["input_id"] for a in compared["articles"]}
    assert ids == {"asia-wire": None, "The Manila Ledger": None, "Pacific Herald": "ph-ferry-1"}


def test_csv_export_has_every_fact_discrepancy_and_quote(compared: dict[str, Any]) -> None:
    import csv
    import io

    from newsprism.model import Comparison
    from newsprism.report import to_csv

    comparison = Comparison.model_validate(compared)
    rows = list(csv.DictReader(io.StringIO(to_csv(comparison))))
    sections = [r["section"] for r in rows]
    assert sections.count("fact") == sum(len(f.sentences) for f in comparison.facts)
    assert sections.count("discrepancy") == sum(len(d.claims) for d in comparison.discrepancies)
    assert sections.count("quote") == sum(len(q.occurrences) for q in comparison.quotes)
    numbers = [r for r in rows if r["section"] == "discrepancy" and r["kind"] == "number"]
    assert {"31", "23"} <= {r["value"] for r in numbers}  # no "31.0"
    known = {a.id for a in comparison.articles}
    for row in rows:
        assert row["article"] in known and row["outlet"]
        assert int(row["end"]) > int(row["start"]) and row["text"]
    assert any(r["input_id"] == "ph-ferry-1" for r in rows)


def test_a_comparison_shows_itself_in_a_notebook(compared: dict[str, Any]) -> None:
    from newsprism.model import Comparison

    comparison = Comparison.model_validate(compared)
    comparison.articles[0].title = "<script>alert(1)</script>"
    html = comparison._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert f"Where they differ: {len(comparison.discrepancies)}" in html
    assert "(value: 31)" in html and "31.0" not in html


def test_the_story_report_has_a_neutral_title_and_the_coverage(
    stored: tuple[Path, str], tmp_path: Path, compared: dict[str, Any]
) -> None:
    db, story = stored
    path = tmp_path / "story.md"
    _run("story", story, "--db", str(db), "-o", str(path))
    text = path.read_text(encoding="utf-8")
    title = text.splitlines()[0].removeprefix("# ")
    assert title not in {a["title"] for a in compared["articles"]}
    coverage = text.split("## Coverage", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in coverage.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 4  # the header and one row per outlet
    # The undated report's reading time is no date: not in its row, not in the story's span.
    assert "| asia-wire | 1 (1 undated) | undated | undated |" in coverage
    assert "2026-11-12 06:30 to 2026-11-12 09:15 UTC, 1 undated." in text.split("## ", 1)[0]


SINCE = "2026-11-12T08:00Z"  # after the Manila Ledger's report, before the Pacific Herald's


def test_the_web_app_and_the_command_tell_the_same_news_since_a_time(
    web: TestClient, stored: tuple[Path, str]
) -> None:
    db, story = stored
    told = json.loads(_run("story", story, "--db", str(db), "--json", "--since", SINCE))
    served = web.get(f"/api/stories/{story}/report", params={"since": SINCE}).json()
    # One ordering of the story's articles, so [1], [2], [3] name the same reports.
    assert [a["id"] for a in served["articles"]] == [a["id"] for a in told["articles"]]
    assert [a["source"] for a in told["articles"]] == [
        "The Manila Ledger",
        "Pacific Herald",
        "asia-wire",  # undated: filed when it was read, after both
    ]
    assert served["since"] == told["since"] == "2026-11-12T08:00:00Z"
    assert served["new_articles"] == told["new_articles"] == [a["id"] for a in told["articles"][1:]]
    assert served["update"] == told["update"] and told["update"]["sentences"]

    page = web.get(f"/stories/{story}", params={"since": SINCE})
    assert page.status_code == 200
    assert "New since" in page.text and "2 of 3 articles were published after it" in page.text
    assert page.text.count('<li class="new">') == 2
    sources = [a["source"] for a in told["articles"]]
    assert [page.text.index(f"[{n}]</span> {s}") for n, s in enumerate(sources, 1)] == sorted(
        page.text.index(f"[{n}]</span> {s}") for n, s in enumerate(sources, 1)
    )
    # The embedded report is asked for the same time, and opens with what is new.
    assert (
        'src="/stories/' in page.text
        and "report?since=2026-11-12T08%3A00%3A00%2B00%3A00" in page.text
    )
    report = web.get(f"/stories/{story}/report", params={"since": SINCE}).text
    assert "New since" in report and told["update"]["sentences"][0]["text"][:40] in report


def test_a_bad_since_on_the_web_is_refused_with_the_reason(
    web: TestClient, stored: tuple[Path, str]
) -> None:
    _, story = stored
    page = web.get(f"/stories/{story}", params={"since": "the day after never"})
    assert page.status_code == 422 and "not a date or time" in page.text
    assert web.get(f"/api/stories/{story}/report", params={"since": "never"}).status_code == 422


def test_what_is_new_carries_the_disputes_of_the_story(stored: tuple[Path, str]) -> None:
    db, story = stored
    told = json.loads(_run("story", story, "--db", str(db), "--json", "--since", SINCE))
    claims = [c for d in told["discrepancies"] for c in d["claims"]]

    def holds_a_claim(sentence: dict[str, Any]) -> bool:
        own = sentence["citations"][0]
        return any(
            c["article"] == own["article"] and c["start"] < own["end"] and own["start"] < c["end"]
            for c in claims
        )

    holding = [s for s in told["update"]["sentences"] if holds_a_claim(s)]
    assert holding, "a new report's disputed value is among what is new"
    assert all(s["disputed"] for s in holding)
