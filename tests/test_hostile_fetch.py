"""Hostile feeds and servers against every way newsprism fetches (issue 21, items 1-3, 5, 6,
10): feed links are http(s) only, every fetch goes through the address guard, bodies are
counted as they are decompressed, and a download has a total deadline."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from conftest import REPORT
from hostile_server import (
    HostileServer,
    PublicHost,
    Reply,
    gzipped,
    hostile_server,
    public_resolver,
    streamed,
)
from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.ingest.download import check_url, client, fetch
from newsprism.ingest.netguard import is_public
from newsprism.ingest.polling import poll
from newsprism.ingest.prepare import read_articles
from newsprism.model import Feed
from newsprism.web import create_app
from web_client import local_client

NOW = datetime(2024, 6, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def server() -> HostileServer:
    with hostile_server() as running:
        yield running


def _feed(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Entry {n}</title><link>{link}</link><guid>e{n}</guid>"
        "<description>A short teaser.</description></item>"
        for n, link in enumerate(links, 1)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>'
        f"{items}</channel></rss>"
    ).encode()


def _secret(tmp_path: Path) -> Path:
    """A readable local file that would pass as an article."""
    path = tmp_path / "secret.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _public_feed(body: bytes) -> PublicHost:
    return PublicHost(lambda r: streamed(body, **{"Content-Type": "application/rss+xml"}))


def _poll(http: httpx.Client, settings: Settings) -> tuple[list[str], list[str]]:
    result = poll(Feed(url="http://feeds.example/rss.xml"), settings, http, lambda _: False)
    return [a.text for a in result.articles], [str(p) for p in result.problems]


def test_watch_never_reads_a_local_file_a_feed_links_to(tmp_path: Path) -> None:
    """Item 1: link-only entries naming a path, a file URL, a glob or stdin are not read."""
    secret = _secret(tmp_path)
    links = [str(secret), secret.as_uri(), str(tmp_path / "*.txt"), "-", str(tmp_path)]
    settings = Settings.load(cache=False, fetch_links=True)
    with client(settings, _public_feed(_feed(links)), resolver=public_resolver) as http:
        texts, problems = _poll(http, settings)
    assert texts == []
    assert len(problems) == len(links)
    assert all("not an http(s) URL" in p for p in problems), problems


def test_reading_a_feed_file_never_reads_a_local_file_it_links_to(tmp_path: Path) -> None:
    """Item 1 for `newsprism read` / `compare` of a feed with --fetch-links."""
    secret = _secret(tmp_path)
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_feed([str(secret), secret.as_uri()]))
    collection = read_articles([str(feed)], Settings.load(cache=False, fetch_links=True))
    assert collection.articles == []
    assert all("not an http(s) URL" in str(p) for p in collection.errors)


def test_watch_never_fetches_a_private_address_a_feed_links_to(server: HostileServer) -> None:
    """Item 2: loopback links, by address, by name and through a redirect, are refused
    before any connection (the local server sees no request)."""
    secret = server.serve("/secret.html", Reply([f"<p>{REPORT}</p>".encode()]))
    port = server.base.rsplit(":", 1)[1]

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/moved":
            return httpx.Response(302, headers={"Location": secret})
        links = [secret, f"http://localhost:{port}/secret.html", "http://feeds.example/moved"]
        return streamed(_feed(links), **{"Content-Type": "application/rss+xml"})

    settings = Settings.load(cache=False, fetch_links=True)
    with client(settings, PublicHost(answer), resolver=public_resolver) as http:
        texts, problems = _poll(http, settings)
    assert texts == []
    assert len(problems) == 3
    assert all("not a public address" in p for p in problems), problems
    assert server.hits == {}


def test_an_uploaded_feed_never_makes_the_server_fetch(
    server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 3: NEWSPRISM_FETCH_LINKS=1 in the server's environment, a feed uploaded to the
    compare form: no fetch without --allow-fetch, none of a private address with it."""
    monkeypatch.setenv("NEWSPRISM_FETCH_LINKS", "1")
    secret = server.serve("/secret.html", Reply([f"<p>{REPORT}</p>".encode()]))
    feed = _feed([secret, secret + "?2"])
    for allow_fetch in (False, True):
        app = create_app(Settings.load(), str(tmp_path / "w.db"), allow_fetch=allow_fetch)
        with local_client(app) as web:
            files = [("files", (name, feed, "application/rss+xml")) for name in ("a.xml", "b.xml")]
            answer = web.post("/compare", files=files, data={"text": ["", ""]})
        assert answer.status_code in (400, 422), answer.text
        assert "not a public address" in answer.text or "--fetch-links" in answer.text
    assert server.hits == {}


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("64:ff9b::808:808", True),  # NAT64 of 8.8.8.8
        ("64:ff9b:1::808:808", False),  # local-use NAT64
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("2002:c0a8:101::1", False),  # 6to4 of 192.168.1.1
        ("2002:808:808::1", True),  # 6to4 of 8.8.8.8
        ("::7f00:1", False),  # IPv4-compatible 127.0.0.1
        ("::a9fe:a9fe", False),  # IPv4-compatible 169.254.169.254
        ("::ffff:7f00:1", False),  # IPv4-mapped 127.0.0.1
    ],
)
def test_ipv6_forms_of_private_ipv4_addresses(address: str, public: bool) -> None:
    """Item 10."""
    import ipaddress

    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("host", ["[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::7f00:1]"])
def test_embedded_loopback_is_refused_before_connecting(host: str) -> None:
    settings = Settings.load(cache=False)
    with pytest.raises(InputError, match="not a public address"):
        fetch(f"http://{host}:9/x", settings)


@pytest.mark.parametrize("url", ["http://[::1/x", "http://0177.0.0.1/", "ftp://example.org/x"])
def test_malformed_urls_are_input_errors(url: str) -> None:
    """Item 11: no uncaught exception from URL parsing, anywhere a URL is taken."""
    with pytest.raises(InputError):
        check_url(url)
    collection = read_articles([url], Settings.load(cache=False))
    assert collection.articles == [] and len(collection.errors) == 1


def test_stacked_gzip_is_cut_off_at_the_limit(server: HostileServer) -> None:
    """Item 5: 'gzip, gzip' of 50 MB of zeros is a few hundred bytes on the wire; it is
    refused once the decoded size passes the limit, without decoding it whole."""
    bomb = gzipped(b"\0" * 50_000_000, times=2)
    assert len(bomb) < 2_000
    url = server.serve(
        "/bomb.html",
        Reply([bomb], headers={"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}),
    )
    settings = Settings.load(cache=False, allow_private=True, max_bytes=1_000_000)
    with pytest.raises(InputError, match="once decompressed"):
        fetch(url, settings)


def test_gzip_and_deflate_bodies_within_the_limit_are_read(server: HostileServer) -> None:
    import zlib

    page = f"<html><body><article><p>{REPORT}</p></article></body></html>".encode()
    settings = Settings.load(cache=False, allow_private=True)
    for name, body, encoding in [
        ("/g.html", gzipped(page), "gzip"),
        ("/d.html", zlib.compress(page), "deflate"),
        ("/gg.html", gzipped(page, times=2), "gzip, gzip"),
    ]:
        headers = {"Content-Type": "text/html", "Content-Encoding": encoding}
        payload = fetch(server.serve(name, Reply([body], headers=headers)), settings)
        assert payload.data == page


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [("br", "unsupported encoding"), ("gzip, gzip, gzip", "encoded the body 3 times")],
)
def test_unknown_or_deep_encodings_are_refused(
    server: HostileServer, encoding: str, reason: str
) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": encoding}
    url = server.serve("/enc.html", Reply([b"whatever"], headers=headers))
    with pytest.raises(InputError, match=reason):
        fetch(url, Settings.load(cache=False, allow_private=True))


def _wait_for_end(server: HostileServer, path: str) -> None:
    """Until the server has noticed that the client hung up (its next write fails)."""
    for _ in range(100):
        if any(p == path and what == "end" for _, p, what in server.log):
            return
        time.sleep(0.1)


def test_a_trickling_server_is_cut_off_at_the_deadline(server: HostileServer) -> None:
    """Item 6: one byte every 0.3 s never trips the 2 s read timeout; the 1 s total
    deadline stops the download (within one read of it)."""
    url = server.serve("/slow.html", Reply([b"x"] * 40, pause=0.3))
    settings = Settings.load(cache=False, allow_private=True, fetch_timeout=2.0, fetch_deadline=1.0)
    with pytest.raises(InputError, match="not downloaded within the 1 s limit"):
        fetch(url, settings)
    _wait_for_end(server, "/slow.html")
    assert server.sent["/slow.html"] < 20  # the client hung up early: most was never sent


def test_one_slow_feed_does_not_stall_a_watch_pass(server: HostileServer, tmp_path: Path) -> None:
    """Item 6: feeds are polled a few at a time, each within its deadline: a trickling
    feed fails at its deadline while the others are polled meanwhile."""
    from newsprism.ingest.polling import Schedule
    from newsprism.ingest.sources import Source
    from newsprism.store import Store
    from newsprism.workflows.watching import run_pass

    empty = _feed([]).replace(b"<channel><title>Hostile</title>", b"<channel><title>Q</title>")
    fast = [server.serve(f"/fast{n}.xml", Reply([empty])) for n in range(6)]
    slow = server.serve("/slow.xml", Reply([b"<"] * 40, pause=0.3))
    settings = Settings.load(
        cache=False, allow_private=True, fetch_timeout=2.0, fetch_deadline=1.5, poll_workers=3
    )
    sources = [Source(slow), *(Source(url) for url in fast)]
    with Store.open(str(tmp_path / "w.db"), settings) as store, client(settings) as http:
        done = run_pass(store, sources, settings, http, Schedule(interval=60), now=NOW)
    # The fast feeds were all answered while the slow one was still being sent.
    _wait_for_end(server, "/slow.xml")
    slow_end = max(at for at, path, what in server.log if path == "/slow.xml" and what == "end")
    fast_ends = [at for at, path, what in server.log if path.startswith("/fast") and what == "end"]
    assert len(fast_ends) == 6 and max(fast_ends) < slow_end
    assert [p.feed.url for p in done.polls] == [slow, *fast]
    assert done.ok == 6 and done.failed == 1
    assert "not downloaded within the 1.5 s limit" in (done.polls[0].feed.last_error or "")
