"""Load test of `newsprism serve`: concurrent clients against the story and compare endpoints.

Usage: python benchmarks/load.py [--clients 8] [--compare-clients 2] [--duration 30]
                                 [--clusters CLUSTERS.jsonl --stories 3 --per-story 4]

Stores a few stories in a temporary SQLite database (the bundled Hanoi example, or the first
articles of a few clusters of a cluster JSONL file) with `newsprism.workflows.tracking`, starts
`newsprism serve` on it in its own process on 127.0.0.1, and runs for a bounded time:
``--clients`` clients reading stories, story comparisons and reports and adding feeds, and
``--compare-clients`` clients posting two fresh articles to /api/compare. Prints throughput
and p50/p99 latency per endpoint; exits 1 if any request failed or any added feed is missing
afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles
from newsprism.model import Article
from newsprism.store import Store
from newsprism.workflows.tracking import track

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hanoi-summit"
TOKEN = "load-test-token-" + "x" * 16
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class Stats:
    """Latencies (seconds) per endpoint, and what failed."""

    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[str] = field(default_factory=list)
    feeds_added: list[str] = field(default_factory=list)
    feeds_lost: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    async def timed(self, name: str, call: Awaitable[httpx.Response], ok: int = 200) -> None:
        started = time.perf_counter()
        try:
            response = await call
        except httpx.HTTPError as error:
            self.failures.append(f"{name}: {type(error).__name__} {error}")
            return
        self.latency[name].append(time.perf_counter() - started)
        if response.status_code != ok:
            self.failures.append(f"{name}: HTTP {response.status_code} {response.text[:200]}")


def _articles(clusters: Path | None, stories: int, per_story: int) -> list[Article]:
    settings = Settings.load(cache=False)
    if clusters is None:
        return read_articles([str(EXAMPLE)], settings).articles
    chosen: list[str] = []
    with clusters.open(encoding="utf-8") as lines:
        for line in itertools.islice(lines, stories):
            documents = json.loads(line)["documents"][:per_story]
            chosen += [json.dumps(d) for d in documents]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as chunk:
        chunk.write("\n".join(chosen) + "\n")
    try:
        return read_articles([chunk.name], settings).articles
    finally:
        os.unlink(chunk.name)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_server(db: Path, cache: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "newsprism", "serve", "--db", str(db), "--port", str(port)]
    command += ["--cache-dir", str(cache), "--token", TOKEN]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start:\n{log.read_text()[-2000:]}")


def _fresh_pair(texts: list[str], counter: itertools.count[int]) -> dict[str, object]:
    """Two articles no one sent before, so that nothing is answered from a cache."""
    n = next(counter)
    note = f"\n\nThis copy was filed as number {n} of the load test."
    return {"articles": [{"text": t + note, "source": f"Outlet {i}"} for i, t in enumerate(texts)]}


async def _reader(
    http: httpx.AsyncClient, stats: Stats, story_ids: list[str], end: float, seed: int
) -> None:
    chance = random.Random(seed)
    counter = itertools.count()
    while time.monotonic() < end:
        story = chance.choice(story_ids)
        pick = chance.random()
        if pick < 0.25:
            await stats.timed("GET /api/stories", http.get("/api/stories", params={"limit": 20}))
        elif pick < 0.5:
            await stats.timed("GET /api/stories/{id}", http.get(f"/api/stories/{story}"))
        elif pick < 0.75:
            call = http.get(f"/api/stories/{story}/comparison")
            await stats.timed("GET /api/stories/{id}/comparison", call)
        elif pick < 0.9:
            await stats.timed("GET /stories/{id}/report", http.get(f"/stories/{story}/report"))
        else:
            url = f"https://feeds.example/{seed}/{next(counter)}.xml"
            before = len(stats.failures)
            await stats.timed("POST /api/feeds", http.post("/api/feeds", json={"url": url}), 201)
            if len(stats.failures) == before:
                stats.feeds_added.append(url)


async def _comparer(
    http: httpx.AsyncClient,
    stats: Stats,
    texts: list[str],
    end: float,
    counter: itertools.count[int],
) -> None:
    while time.monotonic() < end:
        body = _fresh_pair(texts, counter)
        await stats.timed("POST /api/compare", http.post("/api/compare", json=body))


async def _run(
    base: str, args: argparse.Namespace, story_ids: list[str], texts: list[str]
) -> Stats:
    stats = Stats()
    limits = httpx.Limits(max_connections=args.clients + args.compare_clients)
    async with httpx.AsyncClient(base_url=base, headers=AUTH, timeout=300, limits=limits) as http:
        # Once each, untimed: the first comparison of a story is computed, later ones cached.
        started = time.perf_counter()
        for story in story_ids:
            (await http.get(f"/api/stories/{story}/comparison")).raise_for_status()
        print(f"{'first comparison of every story':<36} {time.perf_counter() - started:8.2f} s")
        end = time.monotonic() + args.duration
        counter = itertools.count()
        workers: list[Callable[[], Awaitable[None]]] = [
            lambda s=seed: _reader(http, stats, story_ids, end, s) for seed in range(args.clients)
        ]
        workers += [lambda: _comparer(http, stats, texts, end, counter)] * args.compare_clients
        started = time.perf_counter()
        await asyncio.gather(*(work() for work in workers))
        stats.elapsed = time.perf_counter() - started
        listed = {f["url"] for f in (await http.get("/api/feeds")).json()}
        stats.feeds_lost = [url for url in stats.feeds_added if url not in listed]
        stats.failures += [f"feed added but missing afterwards: {u}" for u in stats.feeds_lost]
    return stats


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def _report(stats: Stats, args: argparse.Namespace) -> None:
    elapsed = stats.elapsed
    print(
        f"{args.clients} reading clients + {args.compare_clients} comparing clients "
        f"for {elapsed:.1f} s on 127.0.0.1"
    )
    print(f"{'endpoint':<36} {'requests':>8} {'req/s':>8} {'p50 ms':>9} {'p99 ms':>9}")
    for name, values in sorted(stats.latency.items()):
        print(
            f"{name:<36} {len(values):>8} {len(values) / elapsed:>8.1f} "
            f"{_percentile(values, 0.5) * 1000:>9.1f} {_percentile(values, 0.99) * 1000:>9.1f}"
        )
    total = sum(len(v) for v in stats.latency.values())
    print(f"{'all':<36} {total:>8} {total / elapsed:>8.1f}")
    failed = len(stats.failures) - len(stats.feeds_lost)
    print(
        f"failed requests: {failed}; feeds added: {len(stats.feeds_added)}, "
        f"missing afterwards: {len(stats.feeds_lost)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8, help="Reading/writing clients.")
    parser.add_argument("--compare-clients", type=int, default=2, help="Clients posting compares.")
    parser.add_argument("--duration", type=float, default=30.0, help="Seconds of load.")
    parser.add_argument("--clusters", type=Path, help="Cluster JSONL to take stories from.")
    parser.add_argument("--stories", type=int, default=3, help="With --clusters: stories.")
    parser.add_argument("--per-story", type=int, default=4, help="With --clusters: articles each.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        settings = Settings.load(cache_dir=work / "cache")
        articles = _articles(args.clusters, args.stories, args.per_story)
        started = time.perf_counter()
        with Store.open(str(work / "load.db"), settings) as store:
            track(articles, store, settings)
            stories = store.stories(limit=100)
        took = time.perf_counter() - started
        print(f"{'stored':<36} {len(articles)} articles in {len(stories)} stories, {took:.1f} s")
        story_ids = [s.id for s in stories if s.size >= 2]
        if not story_ids:
            raise SystemExit("no story has two articles to compare; give more articles")
        texts = [a.text for a in articles[:2]]
        process, base = _start_server(work / "load.db", work / "cache", work / "server.log")
        try:
            stats = asyncio.run(_run(base, args, story_ids, texts))
        finally:
            process.terminate()
            process.wait(timeout=30)
        _report(stats, args)
        if stats.failures:
            print("\n".join(stats.failures[:20]), file=sys.stderr)
            raise SystemExit(1)


if __name__ == "__main__":
    main()
