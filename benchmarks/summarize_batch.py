"""Clusters and articles per second through `newsprism summarize --batch`, cold and warm.

Usage: python benchmarks/summarize_batch.py CLUSTERS.jsonl [--clusters 50] [--articles 25]
       [--max-words 250]

Builds a batch of ``--clusters`` clusters of ``--articles`` articles each from a cluster
JSONL file (its topics in turn, reused when there are fewer topics than clusters; a reused
topic gets a new id), then runs the real command twice in a fresh process: first with an
empty cache (cold: every article is cleaned, parsed and embedded; articles of a reused topic
are already cached), then again (warm: annotations come from the cache). Each time includes
starting Python and loading the models; the CPU seconds are the command's and its workers';
the peak memory is the command process's largest resident set. Per-cluster errors are
reported by the command and the other clusters go on. The first line gives the load average
when the batch starts: from 1.5 on, a two-core machine keeps the workers off (`worth_workers`).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from measure import run_usage


def build_batch(source: Path, clusters: int, articles: int, target: Path) -> tuple[int, int]:
    """Write ``clusters`` clusters of at most ``articles`` documents; (clusters, documents)."""
    topics = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    topics = [t for t in topics if t.get("documents")]
    if not topics:
        raise SystemExit(f"{source}: no cluster with documents")
    documents = 0
    with target.open("w", encoding="utf-8") as out:
        for i in range(clusters):
            topic = topics[i % len(topics)]
            round_ = i // len(topics)
            cluster = {
                "id": topic["id"] if round_ == 0 else f"{topic['id']}-{round_}",
                "documents": topic["documents"][:articles],
            }
            if topic.get("query"):
                cluster["query"] = topic["query"]
            documents += len(cluster["documents"])
            out.write(json.dumps(cluster) + "\n")
    return clusters, documents


def run(batch: Path, output: Path, cache: Path, max_words: int) -> tuple[float, float, float]:
    """Seconds, CPU seconds and peak memory (MB) of one run of the batch command."""
    return run_usage(
        ["summarize", "--batch", str(batch), "--max-words", str(max_words), "-o", str(output),
         "--cache-dir", str(cache)]
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Cluster JSONL to build the batch from.")
    parser.add_argument("--clusters", type=int, default=50)
    parser.add_argument("--articles", type=int, default=25, help="Articles per cluster.")
    parser.add_argument("--max-words", type=int, default=250)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        batch, output = folder / "batch.jsonl", folder / "summaries.jsonl"
        clusters, documents = build_batch(args.source, args.clusters, args.articles, batch)
        print(
            f"batch: {clusters} clusters, {documents} articles, {args.max_words}-word summaries, "
            f"load {os.getloadavg()[0]:.1f}"
        )
        for label in ("cold cache", "warm cache"):
            seconds, cpu, peak = run(batch, output, folder / "cache", args.max_words)
            written = sum(1 for line in output.open(encoding="utf-8") if line.strip())
            print(
                f"{label:<11} {seconds:8.1f} s  {cpu:8.1f} s CPU  {written:>3} summaries  "
                f"{clusters / seconds:6.3f} clusters/s  {documents / seconds:6.2f} articles/s  "
                f"peak memory {peak:6.0f} MB"
            )


if __name__ == "__main__":
    main()
