"""Articles per second through `newsprism add` into a fresh SQLite store, cold and warm, and
the command's peak memory.

Usage: python benchmarks/add_speed.py CLUSTERS.jsonl [--limit N]

Takes the documents of a cluster JSONL file (the first ``--limit`` of them, all by default),
then runs the real command twice, each time in a fresh process into a fresh database: first
with an empty annotation cache (cold: every article is cleaned, annotated at the light level
and embedded), then from the cache the first run filled (warm: what reading, the store and
the clusterer cost). Each run includes starting Python and loading the models; the CPU
time is the command's (its worker processes included), the peak memory the command
process's largest resident set, and the load the machine's one-minute load average after
the run.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from measure import run_usage


def write_documents(source: Path, limit: int | None, target: Path) -> int:
    """One cluster holding the first ``limit`` documents of ``source``; how many."""
    documents = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            documents.extend(json.loads(line).get("documents") or [])
    documents = documents[:limit] if limit else documents
    if not documents:
        raise SystemExit(f"{source}: no documents")
    target.write_text(json.dumps({"id": "stream", "documents": documents}) + "\n", "utf-8")
    return len(documents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Cluster JSONL to take the articles from.")
    parser.add_argument("--limit", type=int, help="Only the first N documents.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        stream = folder / "stream.jsonl"
        count = write_documents(args.source, args.limit, stream)
        print(f"add: {count} articles into a fresh SQLite database")
        for label in ("cold cache", "warm cache"):
            database = folder / f"{label.split()[0]}.db"
            command = ["add", str(stream), "--db", str(database), "--json", "-q"]
            command += ["--cache-dir", str(folder / "cache")]
            seconds, cpu, peak = run_usage(command, folder / f"{label.split()[0]}.jsonl")
            print(
                f"{label:<11} {seconds:8.1f} s  {count / seconds:7.2f} articles/s  "
                f"{cpu:6.1f} s of CPU  peak memory {peak:6.0f} MB  (load {os.getloadavg()[0]:.1f})"
            )


if __name__ == "__main__":
    main()
