"""The hostile cases of issue 21, each run in its own process: time, peak memory, outcome.

Usage: python benchmarks/hostile.py [--only NAME ...] [--memory-bound-mb 800]

Every case sends traffic only to servers it starts on 127.0.0.1 (the helpers of
`tests/hostile_server.py`); a "public" feed host is answered in process. Each case runs in
a fresh Python process so that its peak resident memory (ru_maxrss) is its own; the time
is measured inside the process, after Python's start (imports made by the case, and model
loading for `inspect`, count; building the 1 GB bomb does not). A case passes when its outcome is the
expected refusal or result, with no traceback, and its memory stays under the bound. Exits
1 if any case fails. Timings come from a shared, noisy machine: read them as orders of
magnitude.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))  # the hostile server helpers the tests use

CASES: dict[str, Callable[[Path], str]] = {}
# When the measured part of the running case began (a case that builds a large input
# first calls `begin` once it is built).
_BEGAN: list[float] = []


def begin() -> None:
    _BEGAN[:] = [time.perf_counter()]


def case(function: Callable[[Path], str]) -> Callable[[Path], str]:
    CASES[function.__name__] = function
    return function


def _settings(**values: object):  # type: ignore[no-untyped-def]
    from newsprism.config import Settings

    return Settings.load(cache=False, **values)


def _report(words: int) -> str:
    return "The harbor council met on Tuesday to vote on the bridge repairs. " * (words // 12)


def _rss(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>e{n}</title><link>{link}</link><guid>g{n}</guid></item>"
        for n, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>H</title>{items}</channel></rss>'.encode()


def _poll_public(feed: bytes, answer_extra: dict[str, object] | None = None) -> list[str]:
    from hostile_server import PublicHost, public_resolver, streamed
    from newsprism.ingest.download import client
    from newsprism.ingest.polling import poll
    from newsprism.model import Feed

    settings = _settings(fetch_links=True)
    host = PublicHost(lambda r: streamed(feed, **{"Content-Type": "application/rss+xml"}))
    with client(settings, host, resolver=public_resolver) as http:
        result = poll(Feed(url="http://feeds.example/rss.xml"), settings, http, lambda _: False)
    assert not result.articles, "an article was read"
    return [str(p) for p in result.problems]


@case
def feed_links_to_local_files(tmp: Path) -> str:
    secret = tmp / "secret.txt"
    secret.write_text(_report(300), encoding="utf-8")
    problems = _poll_public(_rss([str(secret), secret.as_uri(), f"{tmp}/*.txt", "-"]))
    assert all("not an http(s) URL" in p for p in problems), problems
    return f"{len(problems)} links refused, nothing read"


@case
def feed_links_to_loopback(tmp: Path) -> str:
    from hostile_server import Reply, hostile_server

    with hostile_server() as server:
        secret = server.serve("/secret.html", Reply([b"<p>internal</p>"]))
        problems = _poll_public(_rss([secret, secret.replace("127.0.0.1", "localhost")]))
        hits = sum(server.hits.values())
    assert all("not a public address" in p for p in problems) and hits == 0, problems
    return f"{len(problems)} links refused, 0 requests reached the local server"


@case
def uploaded_feed_on_a_server_without_fetch(tmp: Path) -> str:
    from fastapi.testclient import TestClient

    from hostile_server import Reply, hostile_server
    from newsprism.web import create_app

    os.environ["NEWSPRISM_FETCH_LINKS"] = "1"
    with hostile_server() as server:
        secret = server.serve("/secret.html", Reply([b"<p>internal</p>"]))
        feed = _rss([secret, secret + "?2"])
        with TestClient(create_app(_settings(), str(tmp / "w.db"))) as web:
            files = [("files", (n, feed, "application/rss+xml")) for n in ("a.xml", "b.xml")]
            answer = web.post("/compare", files=files, data={"text": ["", ""]})
        hits = sum(server.hits.values())
    assert hits == 0, hits
    return f"HTTP {answer.status_code}, 0 requests reached the local server"


def _bomb(size: int, layers: int) -> bytes:
    """``size`` zero bytes gzipped ``layers`` times, built in chunks (never held whole)."""
    data = b""
    for layer in range(layers):
        packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        if layer == 0:
            chunk = b"\0" * 1_000_000
            parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
        else:
            parts = [packer.compress(data)]
        data = b"".join(parts) + packer.flush()
    return data


@case
def gzip_gzip_bomb_1gb(tmp: Path) -> str:
    from hostile_server import Reply, hostile_server
    from newsprism.errors import InputError
    from newsprism.ingest.download import fetch

    bomb = _bomb(1_000_000_000, 2)
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}
    with hostile_server() as server:
        url = server.serve("/bomb.html", Reply([bomb], headers=headers))
        begin()
        try:
            fetch(url, _settings(allow_private=True))
        except InputError as error:
            return f"{len(bomb):,} bytes on the wire refused: {error.reason}"
    raise AssertionError("the bomb was read")


@case
def trickling_server(tmp: Path) -> str:
    from hostile_server import Reply, hostile_server
    from newsprism.errors import InputError
    from newsprism.ingest.download import fetch

    with hostile_server() as server:
        url = server.serve("/slow.html", Reply([b"x"] * 200, pause=0.5))
        try:
            fetch(url, _settings(allow_private=True, fetch_timeout=3.0, fetch_deadline=5.0))
        except InputError as error:
            return f"cut off: {error.reason} (a byte every 0.5 s, read timeout 3 s)"
    raise AssertionError("the trickle was read to its end")


@case
def slow_feed_among_fast_ones(tmp: Path) -> str:
    from hostile_server import Reply, hostile_server
    from newsprism.ingest.download import client
    from newsprism.ingest.polling import Schedule
    from newsprism.ingest.sources import Source
    from newsprism.store import Store
    from newsprism.workflows.watching import run_pass

    settings = _settings(allow_private=True, fetch_timeout=3.0, fetch_deadline=5.0)
    with hostile_server() as server:
        fast = [server.serve(f"/f{n}.xml", Reply([_rss([])])) for n in range(8)]
        slow = server.serve("/slow.xml", Reply([b"<"] * 200, pause=0.5))
        sources = [Source(slow), *(Source(u) for u in fast)]
        with Store.open(str(tmp / "w.db"), settings) as store, client(settings) as http:
            done = run_pass(store, sources, settings, http, Schedule())
    assert done.ok == 8 and done.failed == 1
    return f"8 fast feeds polled, the slow one failed at its deadline ({done.polls[0].feed.last_error})"


@case
def unclosed_divs_100k(tmp: Path) -> str:
    from newsprism.ingest.prepare import read_articles

    page = tmp / "deep.html"
    body = "<p>" + _report(80_000) + "</p>"
    page.write_text(f"<html><body><article>{body}</article>{'<div>' * 100_000}</body></html>")
    [error] = read_articles([str(page)], _settings()).errors
    return f"{page.stat().st_size / 1e6:.1f} MB page refused: {error.reason}"


def _one_line_feed(tmp: Path, entries: int) -> Path:
    """An RSS feed of ``entries`` one-line entries."""
    feed = tmp / "big.xml"
    items = "".join(
        f"<item><title>t{n}</title><guid>{n}</guid><description>one line {n}</description></item>"
        for n in range(entries)
    )
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>{items}</channel></rss>'
    )
    return feed


@case
def feed_of_20k_entries(tmp: Path) -> str:
    from newsprism.ingest.prepare import read_articles

    feed = _one_line_feed(tmp, 20_000)
    [error] = read_articles([str(feed)], _settings()).errors
    return f"{feed.stat().st_size / 1e6:.1f} MB feed refused: {error.reason}"


@case
def feed_of_1k_entries(tmp: Path) -> str:
    from newsprism.ingest.prepare import read_articles

    feed = _one_line_feed(tmp, 1_000)
    collection = read_articles([str(feed)], _settings())
    return f"read: {len(collection.problems)} notices, {len(collection.articles)} articles"


@case
def dev_zero(tmp: Path) -> str:
    from newsprism.ingest.prepare import read_articles

    [error] = read_articles(["/dev/zero"], _settings()).errors
    return f"refused: {error.reason}"


@case
def malformed_records(tmp: Path) -> str:
    from newsprism.ingest.prepare import read_articles

    good = {"text": _report(200), "title": "Good"}
    lines = [
        good,
        {"text": "x", "title": 42},
        {"text": "x", "url": "http://[::1/x"},
        {"text": "x", "source": {"a": 1}},
    ]
    path = tmp / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n" + "[" * 100_000 + "\n")
    collection = read_articles([str(path)], _settings())
    assert len(collection.articles) == 1
    return f"1 good record kept, {len(collection.errors)} refused with a reason"


@case
def symlink_loop_glob(tmp: Path) -> str:
    from newsprism.ingest.prepare import read_articles

    (tmp / "a").mkdir()
    (tmp / "a" / "s.txt").write_text(_report(200))
    os.symlink("..", tmp / "a" / "up")
    os.symlink("../..", tmp / "a" / "top")
    collection = read_articles([f"{tmp}/**/*.txt"], _settings())
    return f"{len(collection.articles)} article, no endless walk"


@case
def web_compare_2x100kb(tmp: Path) -> str:
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    text = _report(17_000)  # ~100 KB
    with TestClient(create_app(_settings(), str(tmp / "w.db"))) as web:
        answer = web.post("/api/compare", json={"articles": [{"text": text}] * 2})
    assert answer.status_code in (413, 422)
    return f"HTTP {answer.status_code}: {answer.json()['error']}"


@case
def web_huge_offset_and_500(tmp: Path) -> str:
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    with TestClient(create_app(_settings(), str(tmp / "w.db"))) as web:
        codes = [web.get("/api/stories", params={"offset": 2**63}).status_code]
        codes.append(web.get("/api/stories").status_code)
    assert codes == [422, 200]
    return "offset 2^63: HTTP 422, next request: HTTP 200"


@case
def terminal_injection(tmp: Path) -> str:
    from typer.testing import CliRunner

    from newsprism.cli import app

    record = {
        "text": _report(300),
        "title": "[/] [link=http://x]t\x1b[2J",
        "source": "\x1b]0;x\x07",
    }
    path = tmp / "t.jsonl"
    path.write_text(json.dumps(record) + "\n")
    result = CliRunner().invoke(app, ["inspect", str(path), "--no-text", "--quiet"])
    assert result.exit_code == 0 and "\x1b" not in result.output, result.output
    return "printed as text, no escape sequence reached the output"


def run_case(name: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        begin()
        try:
            outcome, ok = CASES[name](Path(folder)), True
        except Exception as error:  # the benchmark reports it; the case failed
            outcome, ok = f"{type(error).__name__}: {error}", False
        seconds = time.perf_counter() - _BEGAN[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": name, "seconds": seconds, "peak_mb": peak, "ok": ok, "outcome": outcome}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), help="Cases to run.")
    parser.add_argument("--memory-bound-mb", type=float, default=800.0)
    parser.add_argument("--case", help=argparse.SUPPRESS)  # one case, in a child process
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    failed = 0
    print(f"{'case':40} {'time':>8} {'peak MB':>8}  outcome")
    for name in args.only or CASES:
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        child = subprocess.run(
            [sys.executable, __file__, "--case", name],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        try:
            result = json.loads(child.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            result = {"case": name, "seconds": 0.0, "peak_mb": 0.0, "ok": False}
            result["outcome"] = f"crashed: {child.stderr.strip()[-300:]}"
        bounded = result["peak_mb"] <= args.memory_bound_mb
        if not (result["ok"] and bounded and "Traceback" not in child.stderr):
            failed += 1
        mark = "ok " if result["ok"] and bounded else "FAIL"
        print(
            f"{name:40} {result['seconds']:7.2f}s {result['peak_mb']:8.0f}  {mark} {result['outcome']}"
        )
    print(
        f"{len(args.only or CASES) - failed} passed, {failed} failed (memory bound {args.memory_bound_mb:g} MB)"
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
