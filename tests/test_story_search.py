"""Finding stories in the store (search, outlet, dates, order) and the stories page over it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import DATA
from newsprism.config import Settings
from newsprism.ingest.prepare import Collection, read_articles
from newsprism.store import Store, StoryQuery
from newsprism.web import create_app
from test_web_api import HANOI, START, put_story
from web_client import local_client

FERRY = "s-ferry"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, examples: Collection) -> Path:
    path = tmp_path_factory.mktemp("search") / "news.db"
    ferry = read_articles([str(DATA / "ferry-capsizing")], Settings.load(cache=False)).articles
    with Store.open(str(path), Settings.load(cache=False)) as store:
        put_story(store, HANOI, examples.articles, START)
        put_story(store, FERRY, ferry, START + timedelta(days=10))
    return path


@pytest.fixture(scope="module")
def store(database: Path) -> Iterator[Store]:
    with Store.open(str(database), Settings.load(cache=False), create=False) as opened:
        yield opened


def _ids(store: Store, **query: object) -> list[str]:
    stories, total = store.find_stories(StoryQuery(**query))  # type: ignore[arg-type]
    assert total == len(stories)
    return [s.id for s in stories]


def test_search_filters_and_orders(store: Store) -> None:
    assert _ids(store) == [FERRY, HANOI]  # newest activity first
    assert _ids(store, order="oldest") == [HANOI, FERRY]
    assert _ids(store, order="size") == [FERRY, HANOI]
    assert _ids(store, text="FERRY") == [FERRY]  # a member's headline, any case
    assert _ids(store, text="wire-serv") == [HANOI]  # an outlet's name
    assert _ids(store, text="100%_") == []  # LIKE wildcards are plain characters
    assert _ids(store, outlet="Pacific Herald") == [FERRY]
    assert _ids(store, outlet="Pacific") == []  # an outlet is matched whole
    assert _ids(store, since=START + timedelta(days=5)) == [FERRY]
    assert _ids(store, until=START + timedelta(days=5)) == [HANOI]
    assert dict(store.outlets())["The Manila Ledger"] == 1


def test_a_page_of_results_counts_every_match(store: Store) -> None:
    stories, total = store.find_stories(StoryQuery(), limit=1, offset=1)
    assert [s.id for s in stories] == [HANOI] and total == 2


@pytest.fixture(scope="module")
def web(database: Path) -> Iterator[TestClient]:
    with local_client(create_app(Settings.load(cache=False), str(database))) as client:
        yield client


def test_the_stories_page_filters_and_keeps_the_filter_in_its_links(web: TestClient) -> None:
    page = web.get("/stories", params={"q": "ferry", "sort": "oldest"})
    assert page.status_code == 200
    assert "1 story matches." in page.text and FERRY in page.text and HANOI not in page.text
    assert "newsprism track" not in page.text
    every = web.get("/stories").text
    assert "2 stories." in every and "UTC" in every and "+08:00 UTC" not in every
    wrong = web.get("/stories", params={"from": "March 1st"})
    assert wrong.status_code == 200 and "Write dates as 2024-03-01." in wrong.text


def test_a_story_page_is_titled_by_who_reported_it_until_compared(web: TestClient) -> None:
    page = web.get(f"/stories/{FERRY}").text
    assert "<h1>3 reports from asia-wire, The Manila Ledger, Pacific Herald</h1>" in page
    assert "12 Nov 2026, 06:30 UTC" in page  # 14:30 +08:00, stored in UTC and labelled so


def test_a_story_page_shows_each_outlets_coverage(web: TestClient) -> None:
    page = web.get(f"/stories/{FERRY}").text
    table = page.split('<table class="coverage">', 1)[1].split("</table>", 1)[0]
    for outlet in ("asia-wire", "The Manila Ledger", "Pacific Herald"):
        assert f'<th scope="row">{outlet}</th>' in table
    assert "(1 undated)" in table  # the wire story, counted when it was read
    assert table.count("<rect ") == 3


def test_coverage_counts_per_day_then_per_week(examples: Collection) -> None:
    from newsprism.report.per_outlet import coverage

    first, second = examples.articles
    day = START
    spread = [
        first.model_copy(update={"published": day}),
        first.model_copy(update={"id": "b", "published": day + timedelta(hours=3)}),
        second.model_copy(update={"published": day + timedelta(days=2)}),
    ]
    shown = coverage(spread, {})
    assert shown is not None and shown.days_per_slot == 1 and len(shown.slots) == 3
    top = shown.outlets[0]
    assert (top.outlet, top.articles, top.per_slot) == (first.source, 2, [2, 0, 0])
    late = second.model_copy(update={"published": day + timedelta(days=100)})
    weekly = coverage([spread[0], late], {})
    assert weekly is not None and weekly.days_per_slot == 7 and len(weekly.slots) == 15
    undated = second.model_copy(update={"published": None})
    assert coverage([undated], {undated.id: day}).outlets[0].undated == 1  # type: ignore[union-attr]
    assert coverage([undated], {}) is None
