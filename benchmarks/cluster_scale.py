"""Story clustering at scale: per-article latency and peak memory with 1k, 10k and 100k
stories already known (synthetic vectors), and the time to cluster a real stream.

    python benchmarks/cluster_scale.py                       # synthetic sizes only
    python benchmarks/cluster_scale.py --stream clusters.jsonl   # plus a real stream

Each synthetic size runs in a fresh process so that its peak resident memory is its own.
For comparison, "exact scan" is the time of one brute-force (numpy) similarity scan over
all story centroids, the cost per article that the ANN index avoids, and "hit rate" how
often the exact nearest story is among the index's 20 candidates. "restore" is the time to rebuild a
clusterer from stored stories (what `track` does at the start of each run).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import numpy as np

DIM = 384
SIZES = (1_000, 10_000, 100_000)
ENTITY_VOCABULARY = 50_000
TERM_VOCABULARY = 100_000
TERMS_PER_ARTICLE = 120


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def synthetic(stories: int, articles: int, seed: int = 0) -> dict[str, float]:
    """Restore ``stories`` synthetic stories, then time ``articles`` new articles."""
    import faiss

    from newsprism.config import Settings
    from newsprism.stories.clustering import StoryClusterer, _key_vector
    from newsprism.stories.state import ArticleFeatures, StoryState

    faiss.omp_set_num_threads(1)
    rng = np.random.default_rng(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    base_rss = _rss_mb()
    centers = _unit(rng.normal(size=(stories, DIM)))
    names = [f"entity{i}" for i in range(ENTITY_VOCABULARY)]

    words = [f"term{i}" for i in range(TERM_VOCABULARY)]

    def entities() -> dict[str, int]:
        # Zipf-like: a few entities are everywhere, most are rare.
        picks = np.minimum(rng.zipf(1.3, size=8), ENTITY_VOCABULARY) - 1
        return {names[i]: 1 for i in picks}

    def terms() -> dict[str, int]:
        picks = np.minimum(rng.zipf(1.2, size=TERMS_PER_ARTICLE * 2), TERM_VOCABULARY) - 1
        counts: dict[str, int] = {}
        for i in picks:
            counts[words[i]] = counts.get(words[i], 0) + 1
        return counts

    # A stored one-article story keeps its article's TF-IDF vector, IDF as of its arrival:
    # the vocabulary is weighted by a clusterer that has seen the restored stream.
    vocabulary = [terms() for _ in range(stories)]
    weigher = StoryClusterer(Settings.load(cache=False))
    weigher.spaces.articles = stories
    weigher.spaces.term_df.update(t for counts in vocabulary for t in counts)

    states = []
    for i, counts in enumerate(vocabulary):
        when = start + timedelta(minutes=i)
        states.append(
            StoryState(
                id=f"s{i}", first_seen=when, last_seen=when,
                headline_sum=centers[i].copy(), body_sum=centers[i].copy(),
                members=[f"a{i}"], sources=["outlet"], entity_counts=entities(),
                titles={f"a{i}": f"story {i}"}, title=f"story {i}",
                term_weights=weigher.term_vector(counts), term_counts=dict.fromkeys(counts, 1),
            )
        )  # fmt: skip
    del vocabulary, weigher
    began = time.perf_counter()
    clusterer = StoryClusterer(Settings.load(cache=False), states)
    restore = time.perf_counter() - began
    del states

    latencies = []
    joined = 0
    for j in range(articles):
        # Half the articles follow up a known story, half report something new.
        follow = j % 2 == 0
        center = centers[rng.integers(stories)] if follow else _unit(rng.normal(size=DIM))
        vector = _unit(center + 0.35 * _unit(rng.normal(size=DIM)))
        features = ArticleFeatures(
            id=f"n{j}", published=start + timedelta(minutes=stories + j), title=f"new {j}",
            source="outlet", headline=vector, body=vector, entities=frozenset(entities()),
            terms=terms(),
        )  # fmt: skip
        before = len(clusterer)
        t = time.perf_counter()
        clusterer.add(features)
        latencies.append(time.perf_counter() - t)
        joined += len(clusterer) <= before  # fewer: it joined and pulled in lone ones

    # The ANN index against an exact scan: time per query, and how often the exact nearest
    # story is among the index's 20 candidates (random vectors have no meaningful 2nd-20th
    # neighbours, so only the nearest is a fair test).
    index = clusterer._index
    assert index is not None
    # Stories an article moved out of (deferral) are no longer in the index.
    live = [s for s in range(stories) if s in index]
    keys = np.stack([index.vector(s) for s in live])
    near = _unit(centers[rng.integers(stories, size=50)] + 0.35 * _unit(rng.normal(size=(50, DIM))))
    # What the clusterer searches by: the headline and body directions side by side.
    queries = [_key_vector(q, q) for q in near]
    t = time.perf_counter()
    exact_top = [live[int(np.argmax(keys @ q))] for q in queries]
    exact = (time.perf_counter() - t) / len(queries)
    found = [set(index.search(q, 20)) for q in queries]
    recall = float(np.mean([top in f for top, f in zip(exact_top, found, strict=True)]))
    ms = np.array(latencies) * 1000
    return {
        "stories": stories,
        "articles": articles,
        "restore_s": restore,
        "mean_ms": float(ms.mean()),
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
        "exact_scan_ms": exact * 1000,
        "hit_rate": recall,
        "joined": joined / articles,
        "peak_rss_mb": _rss_mb(),
        "added_rss_mb": _rss_mb() - base_rss,
    }


def real_stream(path: str) -> None:
    """Read, annotate (cached after the first run) and cluster a real stream."""
    from newsprism.config import Settings
    from newsprism.stories.features import read_stream
    from newsprism.stories.stream import cluster_stream

    settings = Settings.load()
    t = time.perf_counter()
    stream = read_stream([path], settings)
    prepared = time.perf_counter() - t
    t = time.perf_counter()
    clusterer = cluster_stream(stream.features, settings)
    clustered = time.perf_counter() - t
    n = len(stream.features)
    print(f"\nreal stream: {n} articles, {len(clusterer.stories)} stories")
    print(f"  read + annotate + features: {prepared:8.1f} s  (annotation cache: {settings.cache})")
    print(
        f"  clustering:                 {clustered:8.2f} s  ({1000 * clustered / n:.2f} ms/article)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stream", help="Cluster JSONL or articles to cluster as a stream.")
    parser.add_argument("--articles", type=int, default=500, help="New articles per size.")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(synthetic(args.child, args.articles)))
        return
    print(f"{'stories':>8} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'exact scan':>10} "
          f"{'hit rate':>9} {'joined':>7} {'restore s':>9} {'peak RSS':>9} {'added':>8}")  # fmt: skip
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--articles", str(args.articles)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{r['stories']:>8,} {r['mean_ms']:>8.2f} {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} "
            f"{r['exact_scan_ms']:>8.2f}ms {r['hit_rate']:>9.3f} {r['joined']:>7.0%} "
            f"{r['restore_s']:>9.1f} "
            f"{r['peak_rss_mb']:>7.0f}MB {r['added_rss_mb']:>6.0f}MB",
            flush=True,
        )
    if args.stream:
        real_stream(args.stream)


if __name__ == "__main__":
    main()
