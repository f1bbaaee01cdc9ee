"""Watching feeds: source lists and OPML, conditional polling, back-off, the watch loop."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from xml.sax.saxutils import escape

import httpx
import pytest
from click.testing import Result
from typer.testing import CliRunner

from conftest import Write
from hostile_server import serving_on_loopback
from newsprism.cli import app
from newsprism.config import Settings
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest.polling import Schedule, poll, retry_after, validators
from newsprism.ingest.sources import Source, SourceList, read_opml, read_sources
from newsprism.model import Article, Feed
from newsprism.nlp.models import sentence_encoder, spacy_pipeline
from newsprism.store import DatabaseBusyError, Store
from newsprism.workflows.tracking import Tracked, TrackResult
from newsprism.workflows.watching import due, run_pass, watch

NOW = datetime(2024, 6, 14, 12, 0, tzinfo=UTC)
TOWNS = ["Alderford", "Brackenmoor", "Cresthaven", "Dunmere", "Eastwick", "Fallowfield"]


@pytest.fixture
def settings() -> Settings:
    """The test server is on 127.0.0.1, which the address guard refuses unless allowed."""
    return Settings.load(cache=False, allow_private=True)


def report(number: int) -> str:
    """A plain English news report of about 150 words, different for every ``number``."""
    town = TOWNS[number % len(TOWNS)]
    return (
        f"The council of {town} approved a plan on Tuesday to rebuild the old market hall, "
        f"which has been closed since a fire damaged its roof {number + 3} years ago. "
        f"Councillors voted {number + 20} to {number % 7} in favour after a debate that lasted "
        "most of the afternoon. The work will cost about "
        f"{number + 2} million pounds and should take two years, the council said. "
        "Traders who used to sell fruit, bread and flowers in the hall welcomed the decision "
        "and said they hoped to return before the next summer season. Some residents had "
        "asked for the building to be turned into flats instead, but the council said the "
        "market was part of the history of the town and should be kept. A local architect "
        "will lead the project, and the first builders are expected on site in the spring. "
        "The mayor thanked the people who had raised money for a survey of the building and "
        "said the town would hold a festival when the hall opens again."
    )


def rss(
    entries: list[tuple[str, str | None]], dated: bool = True, title: str = "Town News"
) -> bytes:
    """An RSS 2.0 feed: entries are (guid, full text or None for a link-only entry)."""
    items = []
    for guid, text in entries:
        body = f"<description>{escape(text)}</description>" if text else "<description>Teaser."
        body += "" if text else "</description>"
        date = "<pubDate>Fri, 14 Jun 2024 08:30:00 +0000</pubDate>" if dated else ""
        items.append(
            f"<item><title>Report {escape(guid)}</title><guid>{escape(guid)}</guid>"
            f"<link>https://news.example.org/{escape(guid)}</link>{date}{body}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.org/</link>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


@dataclass
class Resource:
    """One URL of the feed server: a body with validators, and errors to answer first."""

    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = "application/rss+xml; charset=utf-8"
    errors: list[tuple[int, dict[str, str]]] = field(default_factory=list)


@dataclass
class FeedServer:
    """A local server that answers conditional requests; ``requests`` logs their headers."""

    base: str = ""
    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    redirects: dict[str, tuple[int, str]] = field(default_factory=dict)  # path -> (status, to)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: bytes, **options: object) -> str:
        self.resources[path] = Resource(body, **options)  # type: ignore[arg-type]
        return self.url(path)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        return [headers for at, headers in self.requests if at == path]


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            if self.path in server.redirects:
                status, target = server.redirects[self.path]
                return self._send(status, {"Location": target})
            resource = server.resources.get(self.path)
            if resource is None:
                return self._send(404, {"Content-Type": "text/plain"}, b"not found")
            if resource.errors:
                status, headers = resource.errors.pop(0)
                return self._send(status, headers, b"unavailable")
            validators = {}
            if resource.etag:
                validators["ETag"] = resource.etag
            if resource.last_modified:
                validators["Last-Modified"] = resource.last_modified
            match = self.headers.get("If-None-Match")
            since = self.headers.get("If-Modified-Since")
            if (match and match == resource.etag) or (
                not match and since and since == resource.last_modified
            ):
                return self._send(304, validators)
            headers = {"Content-Type": resource.content_type, **validators}
            return self._send(200, headers, resource.body)

        def log_message(self, *args: object) -> None:
            return

    return Handler


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()
    with serving_on_loopback(_handler(state)) as state.base:
        yield state


@pytest.fixture
def http(settings: Settings) -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5, follow_redirects=True) as client:
        yield client


def closed_port_url() -> str:
    """A loopback URL nothing listens on (the port was just released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"


class Seen(set[str]):
    """Entry ids stored so far, as the store would answer ``seen_entry``."""

    def __call__(self, entry_id: str) -> bool:
        return entry_id in self


SCHEDULE = Schedule(interval=60, max_backoff=600)


# --- sources ---------------------------------------------------------------------------


def test_list_file_with_comments_blank_lines_and_bad_lines(
    write: Write, settings: Settings
) -> None:
    path = write(
        "feeds.txt",
        "# my feeds\n"
        "https://a.example.org/rss\n"
        "\n"
        "   https://b.example.org/atom.xml#latest   # the fragment stays\n"
        "a.example.org/no-scheme\n"
        "ftp://c.example.org/feed\n"
        "https://a.example.org/rss\n",
    )
    found = read_sources([str(path), "https://d.example.org/feed"], settings)
    assert [s.url for s in found.feeds] == [
        "https://a.example.org/rss",
        "https://b.example.org/atom.xml#latest",
        "https://d.example.org/feed",
    ]
    assert [str(p) for p in found.problems] == [
        f"{path}:5: not an http(s) URL: 'a.example.org/no-scheme'",
        f"{path}:6: not an http(s) URL: 'ftp://c.example.org/feed'",
    ]


def test_missing_file_and_feed_file_are_reported(write: Write, settings: Settings) -> None:
    feed_file = write("feed.rss", rss([("a", report(1))]))
    found = read_sources([str(feed_file), "nowhere.txt", "https://e.example.org/"], settings)
    assert [s.url for s in found.feeds] == ["https://e.example.org/"]
    assert [p.input for p in found.problems] == [str(feed_file), "nowhere.txt"]
    assert "give the feed's URL" in found.problems[0].reason
    assert "no such file" in found.problems[1].reason


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="World">
      <outline type="rss" text="Wire" title="The Wire" xmlUrl="https://wire.example.org/rss"/>
      <outline type="rss" text="Herald" xmlURL="https://herald.example.org/atom"/>
    </outline>
    <outline type="rss" text="Broken" xmlUrl="javascript:alert(1)"/>
    <outline text="A folder with no feeds"/>
  </body>
</opml>
"""


def test_opml_outlines_at_any_depth(write: Write, settings: Settings) -> None:
    path = write("subscriptions.opml", OPML)
    found = read_sources([str(path)], settings)
    assert [(s.url, s.title) for s in found.feeds] == [
        ("https://wire.example.org/rss", "The Wire"),
        ("https://herald.example.org/atom", "Herald"),
    ]
    [problem] = found.problems
    assert str(problem) == f"{path}:9: not an http(s) URL: 'javascript:alert(1)'"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">]>\n'
            '<opml><body><outline xmlUrl="https://x.example/&a;"/></body></opml>',
            "it declares a DTD (line 2)",
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE opml SYSTEM "http://evil.example/x.dtd">\n<opml/>',
            "it declares a DTD",
        ),
        ("<rdf><body/></rdf>", "its root element is <rdf>, not <opml>"),
        ("<opml><body><outline xmlUrl='https://x.example/&a;'/></body></opml>", "undefined entity"),
        ("<opml><body>\n<outline></body></opml>", "mismatched tag at line 2"),
    ],
)
def test_unsafe_or_broken_opml_is_refused(document: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        read_opml(document.encode(), "subs.opml")
    assert reason in caught.value.reason


# --- polling ---------------------------------------------------------------------------


def test_retry_after_seconds_and_date() -> None:
    assert retry_after("120", NOW) == timedelta(seconds=120)
    assert retry_after(format_datetime(NOW + timedelta(minutes=5), usegmt=True), NOW) == timedelta(
        minutes=5
    )
    assert retry_after("999999999", NOW) == timedelta(days=1)
    assert retry_after("soon", NOW) is None
    assert retry_after(None, NOW) is None


def test_backoff_grows_to_the_cap() -> None:
    delays = [SCHEDULE.delay(n).total_seconds() for n in range(6)]
    assert delays == [60, 120, 240, 480, 600, 600]
    assert SCHEDULE.delay(10_000).total_seconds() == 600


def test_first_poll_then_not_modified_with_conditional_headers(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    modified = "Fri, 14 Jun 2024 09:00:00 GMT"
    url = feed_server.serve(
        "/cond.xml",
        rss([("c1", report(1)), ("c2", report(2))]),
        etag='"v1"',
        last_modified=modified,
    )
    first = poll(Feed(url=url), settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert first.ok and first.status == "fetched"
    assert first.problems == []
    assert first.entry_ids == ["c1", "c2"]
    assert [a.input_id for a in first.articles] == ["c1", "c2"]
    assert first.articles[0].source == "Town News"
    assert first.articles[0].url == "https://news.example.org/c1"
    assert (first.feed.etag, first.feed.last_modified) == ('"v1"', modified)
    assert first.feed.title == "Town News"
    assert first.feed.next_poll == NOW + timedelta(seconds=60)
    assert validators(first.feed) == {"If-None-Match": '"v1"', "If-Modified-Since": modified}

    second = poll(first.feed, settings, http, Seen(first.entry_ids), schedule=SCHEDULE, now=NOW)
    assert second.status == "not modified"
    assert second.articles == [] and second.entry_ids == []
    assert second.feed.etag == '"v1"'
    sent = feed_server.headers_of("/cond.xml")
    assert "if-none-match" not in sent[0]
    assert sent[1]["if-none-match"] == '"v1"'
    assert sent[1]["if-modified-since"] == modified


def test_last_modified_alone_gives_304(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    modified = "Thu, 13 Jun 2024 07:00:00 GMT"
    url = feed_server.serve("/lm.xml", rss([("l1", report(3))]), last_modified=modified)
    first = poll(Feed(url=url), settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert first.feed.etag is None and first.feed.last_modified == modified
    second = poll(first.feed, settings, http, Seen(first.entry_ids), schedule=SCHEDULE, now=NOW)
    assert second.status == "not modified"


def test_seen_entries_are_skipped_when_the_feed_changes(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    url = feed_server.serve("/change.xml", rss([("s1", report(4))]), etag='"a"')
    seen = Seen()
    first = poll(Feed(url=url), settings, http, seen, schedule=SCHEDULE, now=NOW)
    seen.update(first.entry_ids)
    feed_server.serve("/change.xml", rss([("s2", report(5)), ("s1", report(4))]), etag='"b"')
    second = poll(first.feed, settings, http, seen, schedule=SCHEDULE, now=NOW)
    assert second.status == "fetched"
    assert second.entry_ids == ["s2"]
    assert [a.input_id for a in second.articles] == ["s2"]
    assert second.feed.etag == '"b"'
    seen.update(second.entry_ids)
    feed_server.serve("/change.xml", rss([("s2", report(5)), ("s1", report(4))]), etag='"c"')
    third = poll(second.feed, settings, http, seen, schedule=SCHEDULE, now=NOW)
    assert third.status == "fetched" and third.articles == [] and third.entry_ids == []


def test_a_poll_parses_the_feed_once(
    feed_server: FeedServer, settings: Settings, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries are read once into structured entries; nothing is parsed a second time
    (before, the watcher parsed each feed twice and matched entries back by their origin)."""
    import feedparser

    calls = []
    real = feedparser.parse

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(feedparser, "parse", counted)
    url = feed_server.serve("/once.xml", rss([("o1", report(1)), ("o2", None), ("o3", report(3))]))
    done = poll(Feed(url=url), settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert len(calls) == 1
    assert [a.input_id for a in done.articles] == ["o1", "o3"]
    assert done.entry_ids == ["o1", "o2", "o3"]  # the link-only one settled, with a notice
    [notice] = done.problems
    assert (
        notice.input.endswith("/once.xml entry 2") and "only a summary or a link" in notice.reason
    )


def test_server_errors_back_off_then_reset(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    errors = [(500, {}), (500, {}), (502, {})]
    url = feed_server.serve("/flaky.xml", rss([("f1", report(6))]), errors=errors)
    feed, delays = Feed(url=url), []
    for _ in range(3):
        result = poll(feed, settings, http, Seen(), schedule=SCHEDULE, now=NOW)
        assert not result.ok and result.articles == []
        feed = result.feed
        delays.append((feed.next_poll - NOW).total_seconds())
    assert delays == [120, 240, 480]
    assert feed.failures == 3
    assert feed.last_error == "the server answered HTTP 502 Bad Gateway"
    recovered = poll(feed, settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert recovered.ok and len(recovered.articles) == 1
    assert (recovered.feed.failures, recovered.feed.last_error) == (0, None)
    assert recovered.feed.next_poll == NOW + timedelta(seconds=60)


def test_retry_after_is_honoured(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    errors = [(429, {"Retry-After": "3600"}), (503, {"Retry-After": "1"})]
    url = feed_server.serve("/busy.xml", rss([("b1", report(7))]), errors=errors)
    busy = poll(Feed(url=url), settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert busy.feed.next_poll == NOW + timedelta(hours=1)
    assert busy.feed.last_error == "the server answered HTTP 429 Too Many Requests"
    # A Retry-After shorter than the back-off does not make the watcher poll sooner.
    again = poll(busy.feed, settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert again.feed.next_poll == NOW + timedelta(seconds=240)


def test_unreachable_host_is_an_error_with_back_off(settings: Settings, http: httpx.Client) -> None:
    feed = Feed(url=closed_port_url(), etag='"kept"', failures=2)
    result = poll(feed, settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert result.status == "error"
    assert result.feed.failures == 3
    assert result.feed.last_error.startswith("could not connect")
    assert result.feed.etag == '"kept"'
    assert result.feed.next_poll == NOW + timedelta(seconds=480)
    assert str(result.problems[0]).startswith(f"{feed.url}: could not connect")


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (b"<rss><channel><item><title>x</ti", "application/rss+xml", "not a well-formed"),
        (b"<html><body><p>Just a page.</p></body></html>", "text/html", "not a readable"),
        (b"\x89PNG\r\n\x1a\n....", "image/png", "not a feed (content type image/png)"),
        (b"", "application/rss+xml", "empty"),
    ],
)
def test_broken_feed_is_an_error(
    feed_server: FeedServer,
    settings: Settings,
    http: httpx.Client,
    body: bytes,
    content_type: str,
    reason: str,
) -> None:
    url = feed_server.serve("/broken.xml", body, etag='"x"', content_type=content_type)
    result = poll(Feed(url=url), settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert result.status == "error"
    assert reason in result.feed.last_error
    assert result.feed.etag is None  # a broken response's validators are not kept


def test_empty_feed_is_fine(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    url = feed_server.serve("/empty.xml", rss([]))
    result = poll(Feed(url=url), settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert result.ok and result.articles == [] and result.problems == []


def test_link_only_entries_without_fetch_links_are_settled_with_a_notice(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    url = feed_server.serve("/teasers.xml", rss([("t1", None), ("t2", report(9))]))
    result = poll(Feed(url=url), settings, http, Seen(), schedule=SCHEDULE, now=NOW)
    assert result.entry_ids == ["t1", "t2"]
    assert [a.input_id for a in result.articles] == ["t2"]
    [notice] = result.problems
    assert notice.input == f"{url} entry 1" and notice.level == "notice"


def test_link_only_entries_are_fetched_once_and_failures_retried(
    feed_server: FeedServer, settings: Settings, http: httpx.Client
) -> None:
    page = f"<html><head><title>Market hall</title></head><body><article>{''.join(f'<p>{s}.</p>' for s in report(10).split('. '))}</article></body></html>"
    feed_server.serve("/pages/ok.html", page.encode(), content_type="text/html; charset=utf-8")
    linked = rss([("ok", None), ("missing", None)])
    linked = linked.replace(
        b"https://news.example.org/ok", feed_server.url("/pages/ok.html").encode()
    )
    linked = linked.replace(
        b"https://news.example.org/missing", feed_server.url("/pages/missing.html").encode()
    )
    url = feed_server.serve("/links.xml", linked, etag='"l"')
    fetching = settings.model_copy(update={"fetch_links": True})
    seen = Seen()
    first = poll(Feed(url=url), fetching, http, seen, schedule=SCHEDULE, now=NOW)
    assert [a.input_id for a in first.articles] == ["ok"]
    assert first.articles[0].published == datetime(2024, 6, 14, 8, 30, tzinfo=UTC)
    assert first.entry_ids == ["ok"]  # the missing page is retried next time
    assert first.feed.etag is None  # so the next poll gets the whole feed again
    assert any("HTTP 404" in p.reason for p in first.problems)
    seen.update(first.entry_ids)
    before = len(feed_server.headers_of("/pages/ok.html"))
    second = poll(first.feed, fetching, http, seen, schedule=SCHEDULE, now=NOW)
    assert second.status == "fetched" and second.articles == []
    assert len(feed_server.headers_of("/pages/ok.html")) == before  # a seen link is not refetched
    assert len(feed_server.headers_of("/pages/missing.html")) == 2


# --- the watch loop, on a real store ---------------------------------------------------


class Recorder:
    """Stands in for clustering in the loop tests: records what it was asked to store."""

    def __init__(self, fail: BaseException | None = None) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail

    def __call__(self, articles: list[Article], store: Store, settings: Settings) -> TrackResult:
        if self.fail:
            raise self.fail
        self.calls.append([a.input_id or a.id for a in articles])
        return TrackResult([Tracked(a, "story-1", "new", started=True) for a in articles])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "watch.db"), Settings.load(cache_dir=tmp_path)) as opened:
        yield opened


def test_a_pass_polls_every_feed_and_one_failure_stops_none(
    feed_server: FeedServer,
    settings: Settings,
    http: httpx.Client,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    good = feed_server.serve("/pass/good.xml", rss([("p1", report(11))]), etag='"g"')
    down = feed_server.serve("/pass/down.xml", rss([]), errors=[(500, {})] * 5)
    gone = closed_port_url()
    other = feed_server.serve("/pass/other.xml", rss([("p2", report(12))]))
    sources = [Source(down), Source(gone), Source(good, "Good News"), Source(other)]
    recorder = Recorder()
    caplog.set_level(logging.INFO, logger="newsprism.watch")
    first = run_pass(store, sources, settings, http, SCHEDULE, now=NOW, tracker=recorder)
    assert (len(first.polls), first.ok, first.failed, first.stored) == (4, 2, 2, 2)
    assert recorder.calls == [["p1"], ["p2"]]
    state = {feed.url: feed for feed in store.feeds()}
    assert state[good].title == "Good News" and state[good].etag == '"g"'
    assert state[down].failures == 1 and "HTTP 500" in state[down].last_error
    assert state[gone].failures == 1 and state[gone].next_poll == NOW + timedelta(seconds=120)
    assert store.seen_entry(good, "p1") and store.seen_entry(other, "p2")
    lines = [r.getMessage() for r in caplog.records]
    assert f"{good}: 1 new entry, 1 stored (1 new story)" in lines
    assert any(line.startswith(f"{down}: error (the server answered HTTP 500") for line in lines)
    assert any(line.startswith(f"{gone}: error (could not connect") for line in lines)
    assert "next try in 2 min (2024-06-14 12:02:00 UTC)" in next(
        line for line in lines if line.startswith(gone)
    )

    # One interval later the failing feeds still wait; the healthy ones are asked again.
    caplog.clear()
    later = NOW + timedelta(seconds=60)
    second = run_pass(store, sources, settings, http, SCHEDULE, now=later, tracker=recorder)
    assert sorted(p.feed.url for p in second.polls) == sorted([good, other])
    assert recorder.calls == [["p1"], ["p2"]]  # nothing new: not stored again
    lines = [r.getMessage() for r in caplog.records]
    assert f"{good}: not modified" in lines
    assert f"{other}: no new entries" in lines  # no validators: fetched, all entries seen
    third = run_pass(
        store, sources, settings, http, SCHEDULE, now=NOW + timedelta(seconds=120), tracker=recorder
    )
    assert {p.feed.url for p in third.polls} == {good, other, down, gone}
    assert {p.feed.url: p.feed.failures for p in third.polls}[down] == 2


def test_due_lets_healthy_feeds_go_early_and_failing_ones_wait() -> None:
    soon = NOW + timedelta(seconds=20)
    healthy, failing = Feed(url="h", next_poll=soon), Feed(url="f", next_poll=soon, failures=1)
    assert due(Feed(url="new"), NOW)
    assert not due(healthy, NOW)
    assert due(healthy, NOW, timedelta(seconds=30)) and due(healthy, NOW, None)
    assert not due(failing, NOW, timedelta(seconds=30)) and not due(failing, NOW, None)
    assert due(failing, soon)
    assert due(Feed(url="naive", next_poll=soon.replace(tzinfo=None)), soon)


def test_a_crash_while_storing_leaves_the_entries_to_the_next_pass(
    feed_server: FeedServer, settings: Settings, http: httpx.Client, store: Store
) -> None:
    url = feed_server.serve("/crash.xml", rss([("k1", report(13))]), etag='"k"')
    killed = Recorder(KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        run_pass(store, [Source(url)], settings, http, SCHEDULE, now=NOW, tracker=killed)
    [feed] = store.feeds()
    assert feed.etag is None and not store.seen_entry(url, "k1")
    recorder = Recorder()
    run_pass(store, [Source(url)], settings, http, SCHEDULE, now=NOW, tracker=recorder)
    assert recorder.calls == [["k1"]]
    assert store.seen_entry(url, "k1") and store.feeds()[0].etag == '"k"'


def test_an_entry_that_breaks_storing_fails_its_feed_only(
    feed_server: FeedServer,
    settings: Settings,
    http: httpx.Client,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    poisoned = feed_server.serve("/poison.xml", rss([("x1", report(15))]), etag='"p"')
    healthy = feed_server.serve("/healthy.xml", rss([]))
    sources = [Source(poisoned), Source(healthy)]
    broken = Recorder(ValueError("cannot annotate"))
    done = run_pass(store, sources, settings, http, SCHEDULE, now=NOW, tracker=broken)
    assert [p.ok for p in done.polls] == [False, True]
    state = {feed.url: feed for feed in store.feeds()}
    assert state[poisoned].last_error == "storing its entries failed (ValueError: cannot annotate)"
    assert state[poisoned].etag is None and state[poisoned].failures == 1
    assert not store.seen_entry(poisoned, "x1")
    assert any(r.exc_info for r in caplog.records if r.levelno == logging.ERROR)
    with pytest.raises(NewsprismError):
        run_pass(
            store,
            sources,
            settings,
            http,
            SCHEDULE,
            now=NOW + timedelta(hours=1),
            tracker=Recorder(NewsprismError("the disk is full")),
        )


def test_a_locked_database_skips_the_feed_until_the_next_pass(
    feed_server: FeedServer,
    settings: Settings,
    http: httpx.Client,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = feed_server.serve("/locked.xml", rss([("l1", report(16))]), etag='"l"')
    other = feed_server.serve("/unlocked.xml", rss([("u1", report(17))]))
    path = tmp_path / "locked.db"
    with Store.open(str(path), settings) as store:
        store.add_feed(url)  # followed before the other process takes the lock
    sources = [Source(url), Source(other)]
    busy = Recorder(DatabaseBusyError("locked.db: the database is locked by another process"))
    with Store.open(str(path), settings, timeout=0.2) as store:
        done = run_pass(store, sources, settings, http, SCHEDULE, now=NOW, tracker=busy)
        assert [p.ok for p in done.polls] == [False, False]
        assert "stored at the next pass" in caplog.text
        # A real lock: another process is writing while the pass runs.
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        try:
            locked = run_pass(store, sources, settings, http, SCHEDULE, now=NOW, tracker=Recorder())
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        # (The stand-in tracker wrote nothing; marking the entries seen met the lock.)
        assert [p.ok for p in locked.polls] == [False, False]
        assert not store.seen_entry(url, "l1") and not store.seen_entry(other, "u1")
        assert [f.etag for f in store.feeds() if f.url == url] == [None]
        # The lock is gone: the next pass stores everything, nothing was lost.
        recorder = Recorder()
        later = run_pass(store, sources, settings, http, SCHEDULE, now=NOW, tracker=recorder)
        assert sorted(recorder.calls) == [["l1"], ["u1"]] and later.stored == 2
        assert store.seen_entry(url, "l1") and store.seen_entry(other, "u1")


@pytest.mark.parametrize(("status", "moves"), [(301, True), (308, True), (302, False)])
def test_a_feed_that_moved_permanently_is_polled_at_its_new_address(
    feed_server: FeedServer,
    settings: Settings,
    http: httpx.Client,
    store: Store,
    caplog: pytest.LogCaptureFixture,
    status: int,
    moves: bool,
) -> None:
    old, new = f"/moving-{status}.xml", f"/moved-{status}.xml"
    feed_server.serve(new, rss([(f"m{status}", report(18))]), etag='"m"')
    feed_server.redirects[old] = (status, feed_server.url(new))
    listed = feed_server.url(old)
    caplog.set_level(logging.INFO, logger="newsprism.watch")
    recorder = Recorder()
    run_pass(store, [Source(listed)], settings, http, SCHEDULE, now=NOW, tracker=recorder)
    [feed] = store.feeds()
    assert recorder.calls == [[f"m{status}"]] and store.seen_entry(listed, f"m{status}")
    assert feed.url == listed  # the listed URL stays the feed's identity
    assert feed.location == (feed_server.url(new) if moves else None)
    assert ("moved permanently" in caplog.text) is moves
    later = NOW + timedelta(seconds=60)
    again = run_pass(store, [Source(listed)], settings, http, SCHEDULE, now=later, tracker=recorder)
    assert [p.status for p in again.polls] == ["not modified"]
    assert len(feed_server.headers_of(old)) == (1 if moves else 2)
    assert feed_server.headers_of(new)[-1].get("if-none-match") == '"m"'
    assert len(store.feeds()) == 1


def test_the_source_list_is_read_again_at_every_pass(
    feed_server: FeedServer, settings: Settings, tmp_path: Path
) -> None:
    first = feed_server.serve("/list/first.xml", rss([]))
    second = feed_server.serve("/list/second.xml", rss([]))
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{first}\n", encoding="utf-8")
    sources = SourceList([str(listing)], settings)
    assert [s.url for s in sources.read().feeds] == [first]
    listing.write_text(f"{first}\n{second}\n", encoding="utf-8")
    assert [s.url for s in sources.read().feeds] == [first, second]
    listing.write_text(f"# {first} is taken out\n{second}\n", encoding="utf-8")
    assert [s.url for s in sources.read().feeds] == [second]
    # A slip while editing: the feeds of the last good read are kept, with one warning.
    listing.write_bytes(b"<opml><body><outline xmlUrl=")
    broken = sources.read()
    assert [s.url for s in broken.feeds] == [second]
    assert [p.level for p in broken.problems] == ["warning"]
    assert "still following the 1 feed(s) of its last good read" in broken.problems[0].reason
    assert sources.read().problems == []  # told once, not at every pass
    listing.unlink()
    assert [s.url for s in sources.read().feeds] == [second]
    listing.write_text("", encoding="utf-8")  # emptied on purpose: nothing to follow
    assert sources.read().feeds == []


def test_watch_polls_what_the_list_says_now(
    feed_server: FeedServer, settings: Settings, http: httpx.Client, store: Store, tmp_path: Path
) -> None:
    early = feed_server.serve("/now/early.xml", rss([("e1", report(19))]))
    late = feed_server.serve("/now/late.xml", rss([("e2", report(20))]))
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{early}\n", encoding="utf-8")
    recorder = Recorder()

    class Editing(Recorder):
        """Adds the second feed to the list while the first pass stores."""

        def __call__(
            self, articles: list[Article], store: Store, settings: Settings
        ) -> TrackResult:
            listing.write_text(f"{late}\n", encoding="utf-8")
            return recorder(articles, store, settings)

    fast = Schedule(interval=0.05, max_backoff=1)
    sources = SourceList([str(listing)], settings)
    passes = watch(store, sources, settings, http, fast, passes=2, tracker=Editing())
    assert [[p.feed.url for p in one.polls] for one in passes] == [[early], [late]]
    assert recorder.calls == [["e1"], ["e2"]]


def test_watch_loop_repeats_on_its_interval_and_stops(
    feed_server: FeedServer, settings: Settings, http: httpx.Client, store: Store
) -> None:
    url = feed_server.serve("/loop.xml", rss([("w1", report(14))]), etag='"w"')
    fast = Schedule(interval=0.2, max_backoff=1)
    started = time.monotonic()
    passes = watch(store, [Source(url)], settings, http, fast, passes=3, tracker=Recorder())
    assert 0.4 <= time.monotonic() - started < 5
    assert [[p.status for p in one.polls] for one in passes] == [
        ["fetched"],
        ["not modified"],
        ["not modified"],
    ]
    stop = threading.Event()
    stop.set()
    assert len(watch(store, [Source(url)], settings, http, fast, stop=stop)) == 1


# --- the command -----------------------------------------------------------------------


def invoke(*args: str) -> Result:
    return CliRunner().invoke(
        app,
        ["watch", *args],
        env={"COLUMNS": "200", "NO_COLOR": "1", "NEWSPRISM_ALLOW_PRIVATE": "1"},
    )


def test_command_without_any_feed_is_an_error(write: Write, tmp_path: Path) -> None:
    listing = write("feeds.txt", "# nothing yet\nnot a url\n")
    result = invoke(str(listing), "--once", "--db", str(tmp_path / "w.db"))
    assert result.exit_code == 1
    assert f"error: {listing}:2: not an http(s) URL: 'not a url'" in result.stderr
    assert isinstance(result.exception, NewsprismError)
    assert "no feed to watch" in str(result.exception)


def test_command_once_exit_codes(feed_server: FeedServer, tmp_path: Path) -> None:
    down = feed_server.serve("/cli/down.xml", b"", errors=[(503, {"Retry-After": "30"})] * 3)
    gone = closed_port_url()
    db = str(tmp_path / "w.db")
    failed = invoke(down, gone, "--once", "--db", db, "--interval", "60")
    assert failed.exit_code == 1, failed.output
    lines = failed.stderr.splitlines()
    assert any(f"{down}: error (the server answered HTTP 503" in line for line in lines)
    assert any(f"{gone}: error (could not connect" in line for line in lines)
    assert any("pass 1: 2 polled, 2 failed, 0 stored" in line for line in lines)
    # The failed feeds wait (back-off survives the run), so nothing is due: not a failure.
    waiting = invoke(down, gone, "--once", "--db", db, "--interval", "60")
    assert waiting.exit_code == 0, waiting.output
    assert "pass 1: 0 polled" in waiting.stderr
    empty = feed_server.serve("/cli/empty.xml", rss([]))
    mixed = invoke(empty, closed_port_url(), "--once", "--db", db)
    assert mixed.exit_code == 0, mixed.output
    assert f"{empty}: no new entries" in mixed.stderr


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_real_process_stops_cleanly(
    feed_server: FeedServer, tmp_path: Path, stop: signal.Signals
) -> None:
    url = feed_server.serve("/cli/quiet.xml", rss([]), etag='"q"')
    command = [sys.executable, "-m", "newsprism", "watch", url, "--interval", "1"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NEWSPRISM_ALLOW_PRIVATE": "1"}
    with subprocess.Popen(
        [*command, "--db", str(tmp_path / "w.db")],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as process:
        assert process.stderr is not None
        lines = []
        for line in process.stderr:  # wait for the second pass, asleep or polling
            lines.append(line)
            if "pass 2:" in line:
                break
        process.send_signal(stop)
        rest = process.communicate(timeout=30)[1]
    log = "".join(lines) + rest
    assert process.returncode == 0, log
    assert f"{url}: no new entries" in log and f"{url}: not modified" in log
    assert "stopped" in log and "Traceback" not in log


@pytest.fixture(scope="session")
def loaded_models(single_thread_torch: None) -> None:
    """spaCy and MiniLM loaded once per run (the loaders cache), shared with other tests."""
    settings = Settings.load(cache=False)
    spacy_pipeline(settings.spacy_model)
    sentence_encoder(settings.embedding_package)


def test_command_stores_and_clusters_new_entries_only(
    feed_server: FeedServer, write: Write, tmp_path: Path, loaded_models: None
) -> None:
    """End to end: feeds → articles → the store's stories, across three runs."""
    wire = feed_server.serve(
        "/e2e/wire.xml", rss([("w-1", report(20)), ("w-2", report(21))], title="Wire"), etag='"1"'
    )
    daily = feed_server.serve(
        "/e2e/daily.xml", rss([("d-1", report(22))], dated=False, title="Daily"), etag='"1"'
    )
    listing = write("feeds.txt", f"{wire}\n{daily}  # no dates\n{closed_port_url()}\n")
    db = tmp_path / "news.db"
    options = ["--once", "--db", str(db), "--cache-dir", str(tmp_path / "cache")]

    first = invoke(str(listing), *options)
    assert first.exit_code == 0, first.output
    assert f"{wire}: 2 new entries, 2 stored" in first.stderr
    assert f"{daily}: 1 new entry, 1 stored" in first.stderr
    assert "no publication date" in first.stderr
    assert "pass 1: 3 polled, 1 failed, 3 stored" in first.stderr
    with Store.open(str(db)) as store:
        assert store.count_articles() == 3
        members = [m for story in store.stories() for m in story.members]
        assert len(members) == 3
        assert {a.input_id for a in store.articles(members)} == {"w-1", "w-2", "d-1"}
        # The undated entry is filed under the time it was read, but read back undated.
        dated = {a.input_id: a.published is not None for a in store.articles(members)}
        assert dated == {"w-1": True, "w-2": True, "d-1": False}

    second = invoke(str(listing), *options)
    assert second.exit_code == 0, second.output
    assert f"{wire}: not modified" in second.stderr
    assert "0 stored" in second.stderr.splitlines()[-1]

    feed_server.serve(
        "/e2e/wire.xml",
        rss([("w-3", report(23)), ("w-2", report(21)), ("w-1", report(20))], title="Wire"),
        etag='"2"',
    )
    third = invoke(str(listing), *options)
    assert third.exit_code == 0, third.output
    assert f"{wire}: 1 new entry, 1 stored" in third.stderr
    with Store.open(str(db)) as store:
        assert store.count_articles() == 4
        assert store.seen_entry(wire, "w-3")
