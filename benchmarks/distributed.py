"""newsprism on dask.distributed against the single-process path, on a cluster JSONL stream
(the DUC 2007 main stream: 1,125 articles, 45 topics).

    python benchmarks/distributed.py clusters.jsonl [--workers 1 2] [--limit N]

Each path annotates the stream from nothing (the annotation cache off) and clusters it:

- **single process**: `collect_stream`, `featurize` and the clustering pass, as
  `newsprism cluster` runs them;
- **engine, N workers**: a local dask cluster of N worker processes (one thread each)
  started and its models loaded (timed apart: "start"), then `batch annotate` (the
  partitions on the workers) and `batch stories` (the ordered pass over the Parquet
  features, in this process).

Printed: wall time, articles/s, the speed-up over the single process as a ratio, the engine's
overhead per article (its time beyond the single process's, divided by the articles, with
one worker), the B³ F1 of each path against the topics and of the engine's stories against
the single process's; then a projection from the measured per-article cost to 10⁶
articles a day. Timings are only comparable within one run, on one machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsprism.config import Settings
from newsprism.evaluation.clusters import bcubed

# This file is named like dask's `distributed` package, and Python puts a script's folder
# first on the import path: keep the folder off it, so `import distributed` finds dask's.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

DAY = 86_400
TARGET = 1_000_000  # articles a day


def _gold(path: Path) -> dict[str, str]:
    gold: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for document in record["documents"]:
                gold[document["id"]] = record["id"]
    return gold


def _limited(path: Path, limit: int | None, folder: Path) -> Path:
    """The stream cut to its ``limit`` earliest documents (publication order)."""
    if limit is None:
        return path
    documents = [
        (d.get("published") or "", d["id"], d)
        for line in path.open(encoding="utf-8")
        for d in json.loads(line)["documents"]
    ]
    kept = sorted(documents, key=lambda item: item[:2])[:limit]
    out = folder / "stream.jsonl"
    out.write_text("".join(json.dumps(d) + "\n" for *_, d in kept), encoding="utf-8")
    return out


def _timed(work: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = work()
    return value, time.perf_counter() - start


def single(stream: Path, settings: Settings) -> tuple[dict[str, str], float, float]:
    """Assignments, total wall time and the clustering pass's own time."""
    from newsprism.stories.features import collect_stream, featurize
    from newsprism.stories.stream import cluster_stream

    start = time.perf_counter()
    read = featurize(collect_stream([str(stream)], settings), settings)
    clusterer, passed = _timed(lambda: cluster_stream(read.features, settings))
    story_of = clusterer.memberships()
    assigned = {a.ref: story_of[a.id] for a in read.articles}
    assigned |= {copy: assigned[first] for copy, first in read.copies.items()}
    return assigned, time.perf_counter() - start, passed


def engine_path(
    stream: Path, settings: Settings, workers: int, folder: Path, partition_size: int
) -> tuple[dict[str, str], float, float, float]:
    """Assignments, and the engine's start, annotate and stories wall times."""
    from newsprism.distributed import EngineSpec, annotate_corpus, cluster_corpus, engine
    from newsprism.distributed.annotate import plan

    corpus = folder / f"corpus-{workers}"
    planned = plan([str(stream)], corpus, settings, partition_size=partition_size)
    started = time.perf_counter()
    with engine(EngineSpec(workers=workers), settings) as client:
        client.wait_for_workers(workers)
        # A first task on every worker: the models are loaded once the plugin has run.
        client.run(lambda: None)
        start = time.perf_counter() - started
        _, annotated = _timed(lambda: annotate_corpus(client, planned, settings))
    stories, passed = _timed(lambda: cluster_corpus(corpus, settings))
    return stories.assignments, start, annotated, passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stream", type=Path, help="a cluster JSONL file")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, help="only the N earliest articles")
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument(
        "--cache",
        action="store_true",
        help="use the annotation cache: for the agreement of the stories on a long stream "
        "(the times then measure the cache, not annotation)",
    )
    args = parser.parse_args()
    settings = Settings.load(cache=args.cache)
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stream = _limited(args.stream, args.limit, folder)
        topics = _gold(args.stream)
        ones, one_time, one_pass = single(stream, settings)
        gold = {d: topics[d] for d in ones if d in topics}
        n = len(ones)
        rows = [("single process", 0.0, one_time, one_pass, bcubed(gold, ones)[2], 1.0)]
        for workers in args.workers:
            assigned, start, annotated, passed = engine_path(
                stream, settings, workers, folder, args.partition_size
            )
            agree = bcubed(ones, assigned)[2]
            rows.append(
                (
                    f"engine, {workers} worker{'s' * (workers > 1)}",
                    start,
                    annotated + passed,
                    passed,
                    bcubed(gold, assigned)[2],
                    agree,
                )
            )
    cache = "on (times are not annotation's)" if args.cache else "off"
    print(f"{n} articles, {cores} cores, cache {cache}; partitions of {args.partition_size}\n")
    print(
        f"{'path':<20}{'start s':>9}{'run s':>9}{'art/s':>8}{'speed-up':>10}"
        f"{'pass s':>8}{'B3 F1':>8}{'B3 vs 1p':>10}"
    )
    for name, start, run, passed, f1, agree in rows:
        print(
            f"{name:<20}{start:>9.1f}{run:>9.1f}{n / run:>8.2f}{one_time / run:>10.2f}"
            f"{passed:>8.2f}{f1:>8.3f}{agree:>10.3f}"
        )
    one_worker = next((r for r in rows[1:] if r[0].endswith(" 1 worker")), None)
    if one_worker is not None:
        overhead = (one_worker[2] - one_time) / n
        print(
            f"\nengine overhead: {overhead * 1000:.0f} ms an article (1 worker against one "
            f"process), plus {one_worker[1]:.1f} s to start and load the models"
        )
    _project(rows, n, args.workers)


def _project(
    rows: list[tuple[str, float, float, float, float, float]], n: int, workers: list[int]
) -> None:
    """Worker cores for 10⁶ articles a day, and the single ordered pass at that rate."""
    best = min(rows[1:], key=lambda r: r[2] * int(r[0].split()[1]))
    count = int(best[0].split()[1])
    core_seconds = (best[2] - best[3]) * count / n  # annotation: worker-core seconds an article
    cores = TARGET * core_seconds / DAY
    pass_cost = best[3] / n
    print(f"\nprojection to {TARGET:,} articles a day:")
    print(
        f"  annotation: {core_seconds * 1000:.0f} ms of a worker core an article "
        f"-> {cores:.0f} worker cores busy around the clock ({cores * 1.5:.0f} with headroom)"
    )
    print(
        f"  ordered pass: {pass_cost * 1000:.1f} ms an article here -> "
        f"{TARGET * pass_cost / 3600:.1f} h of one core a day, if it stayed flat "
        "(see benchmarks/cluster_scale.py for its growth with the stories held)"
    )


if __name__ == "__main__":
    main()
