"""Articles per second through `newsprism add` into a fresh SQLite store: cold with the
models loaded (issue 17's measure), and the whole command cold and warm; CPU time and peak
memory of each.

Usage: python benchmarks/add_speed.py CLUSTERS.jsonl [--limit N] [--force-workers]

Takes the documents of a cluster JSONL file (the first ``--limit`` of them, all by default)
and adds them three times, each in a fresh process into a fresh database:

- **cold, models loaded**: the process imports newsprism and loads spaCy, MiniLM and the
  static model first (that time is printed apart), then runs what `add` runs (reading,
  features, stories, the store) with an empty annotation cache: the articles per second of
  issue 17's target;
- **cold**, the command end to end: `newsprism add`, start-up and model loading included,
  with an empty cache;
- **warm**, the command again from the cache the cold command filled (what reading, the
  store and the clusterer cost).

The CPU time is the process's, its worker processes included; the peak memory the process's
largest resident set; the load the machine's one-minute load average after the run.
Workers start only where the load gate lets them (`worth_workers`); ``--force-workers``
opens it, as on an idle machine. The first run also prints what the gate read (the cores
left beside it and the other jobs, and what the one-minute load average would have said)
and its phases: reading, the features with the candidates' clustering up to the first batch
stored, and the storing after it, each with its wall clock, the main process's CPU and each
core's busy share (every process's), so that an idle core shows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import command_usage, run_usage


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


def _cpu() -> float:
    """CPU seconds of this process so far, its waited-for children included."""
    import resource

    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def models_loaded(stream: Path, database: Path, cache: Path, force_workers: bool) -> None:
    """In this (fresh) process: load the models, then `add` ``stream`` into ``database``
    as the command does; one JSON line on stdout of what each part took."""
    started, cpu = time.perf_counter(), _cpu()
    from newsprism.config import Settings
    from newsprism.ingest import read_articles
    from newsprism.nlp import machine, workers
    from newsprism.nlp.models import sentence_encoder, spacy_pipeline
    from newsprism.nlp.static import static_encoder
    from newsprism.store import Store
    from newsprism.workflows import track

    settings = Settings.load(cache_dir=cache)
    spacy_pipeline(settings.spacy_model)
    sentence_encoder(settings.embedding_package)
    static_encoder()
    loaded, loaded_cpu = time.perf_counter() - started, _cpu() - cpu
    gate: list[tuple[float, float]] = []  # the gate's free cores, the load average's then
    measured = workers._free_cores

    def free_cores() -> float:
        free = measured()
        gate.append((free, (os.cpu_count() or 1) - os.getloadavg()[0]))
        return float(os.cpu_count() or 1) if force_workers else free

    workers._free_cores = free_cores  # type: ignore[attr-defined]
    phases = Phases(machine)
    started, cpu = time.perf_counter(), _cpu()
    articles = read_articles([str(stream)], settings, headlines=True).articles
    phases.end("reading, cleaning, language")

    def first_stored(_item: object) -> None:
        if len(phases.done) == 1:
            phases.end("features and the candidates' clustering, to the first batch stored")

    with Store.open(str(database), settings) as store:
        stored = len(track(articles, store, settings, on_item=first_stored).stored)
    phases.end("storing, from the first batch stored to the last")
    pooled = workers.pool_is_warm(2)
    workers.shutdown_workers()  # reaped: their CPU is counted
    line = {
        "models_s": loaded,
        "models_cpu": loaded_cpu,
        "seconds": time.perf_counter() - started,
        "cpu": _cpu() - cpu,
        "stored": stored,
        "workers": pooled,
        "gate": gate,
        "min_free": workers.MIN_FREE_CORES,
        "phases": phases.done,
    }
    sys.stdout.write(json.dumps(line) + "\n")


class Phases:
    """Each phase's wall clock, this process's own CPU (not its workers') and each core's
    busy share (every process's), from the end of the phase before."""

    def __init__(self, machine: Any) -> None:
        self._machine = machine
        self._start = machine.sample()
        self.done: list[dict[str, Any]] = []

    def end(self, name: str) -> None:
        now = self._machine.sample()
        if now is None or self._start is None:
            return
        self.done.append(
            {
                "phase": name,
                "seconds": now.at - self._start.at,
                # Children count only once waited for: the workers' CPU is in the total.
                "own_cpu": now.own - self._start.own,
                "cores": self._machine.busy_shares(self._start, now),
            }
        )
        self._start = now


def _run_models_loaded(folder: Path, stream: Path, force_workers: bool) -> None:
    command = [sys.executable, __file__, "--models-loaded", str(stream), str(folder)]
    command += ["--force-workers"] if force_workers else []
    output = folder / "loaded.json"
    _, _, peak = command_usage(command, output)
    done = json.loads(output.read_text(encoding="utf-8").strip().splitlines()[-1])
    print(
        f"{'cold, models loaded':<20} {done['seconds']:8.1f} s  "
        f"{done['stored'] / done['seconds']:7.2f} articles/s  {done['cpu']:6.1f} s of CPU  "
        f"peak memory {peak:6.0f} MB  (load {os.getloadavg()[0]:.1f}; models loaded first: "
        f"{done['models_s']:.1f} s, {done['models_cpu']:.1f} s of CPU; workers "
        f"{'on' if done['workers'] else 'off'})"
    )
    for free, by_load in done["gate"]:
        print(
            f"  load gate: {free:.2f} cores free beside this process and the other jobs "
            f"(the load average would say {by_load:.2f}; workers need {done['min_free']:g})"
        )
    for phase in done["phases"]:
        cores = " / ".join(f"{share:4.0%}" for share in phase["cores"])
        print(
            f"  {phase['phase']:<66} {phase['seconds']:6.1f} s, main process "
            f"{phase['own_cpu']:5.1f} s of CPU; cores busy {cores}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Cluster JSONL to take the articles from.")
    parser.add_argument("--limit", type=int, help="Only the first N documents.")
    parser.add_argument(
        "--force-workers", action="store_true", help="Start workers whatever the load."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        stream = folder / "stream.jsonl"
        count = write_documents(args.source, args.limit, stream)
        print(f"add: {count} articles into a fresh SQLite database")
        _run_models_loaded(folder, stream, args.force_workers)
        for label in ("cold cache", "warm cache"):
            database = folder / f"{label.split()[0]}.db"
            command = ["add", str(stream), "--db", str(database), "--json", "-q"]
            command += ["--cache-dir", str(folder / "cache")]
            seconds, cpu, peak = run_usage(command, folder / f"{label.split()[0]}.jsonl")
            print(
                f"{label:<20} {seconds:8.1f} s  {count / seconds:7.2f} articles/s  "
                f"{cpu:6.1f} s of CPU  peak memory {peak:6.0f} MB  (load {os.getloadavg()[0]:.1f})"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--models-loaded"]:
        folder = Path(sys.argv[3])
        cache = folder / "models-loaded-cache"
        models_loaded(Path(sys.argv[2]), folder / "loaded.db", cache, "--force-workers" in sys.argv)
    else:
        main()
