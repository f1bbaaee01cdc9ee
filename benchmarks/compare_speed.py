"""Seconds to compare two ~800-word reports once the models are loaded.

Usage: python benchmarks/compare_speed.py CLUSTERS.jsonl [--pairs N] [--words W]

From each topic of a cluster JSONL file, takes the two articles whose length is closest to
W words (800 by default) and compares them with an empty annotation cache as `compare` does
them (annotation included), timing apart `compare`'s annotation of both articles (spaCy and
MiniLM; cached afterwards, so paid once per article) and the comparison stages after it
(entities, quotes, facts, discrepancies, timeline, framing and the summary). The models are
loaded, and one comparison run, before the clock starts:
start-up is paid once per process. Prints one line per pair (wall clock, and the CPU time of
the annotation and of the whole comparison: on a shared machine the wall clock moves with the
load, the CPU time much less), the medians, the peak memory of the process and the load
average.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import newsprism.comparison.pipeline as pipeline
from newsprism.comparison.pipeline import compare
from newsprism.config import Settings
from newsprism.ingest import read_document_sets_from
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, DocumentSet
from newsprism.nlp.models import sentence_encoder, spacy_pipeline


def _pairs(path: Path, settings: Settings, words: int, count: int) -> list[tuple[Article, ...]]:
    pairs = []
    for cluster in read_document_sets_from([str(path)], settings):
        if not isinstance(cluster, DocumentSet) or len(cluster.documents) < 2:
            continue
        closest = sorted(cluster.documents, key=lambda d: abs(len(d.text.split()) - words))
        pairs.append(tuple(prepare(raw, settings) for raw in closest[:2]))
    pairs.sort(key=lambda p: sum(abs(len(a.text.split()) - words) for a in p))
    return pairs[:count]


class _Annotation:
    """`compare`'s own annotation call, timed: when it returned, and its CPU time."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self._annotate = pipeline.annotate
        pipeline.annotate = self  # type: ignore[assignment]  # timed where compare calls it

    def __call__(self, *args: Any, **options: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        annotated = self._annotate(*args, **options)
        self.wall, self.cpu = time.perf_counter() - started, time.process_time() - cpu
        return annotated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--pairs", type=int, default=10, help="How many pairs to time.")
    parser.add_argument("--words", type=int, default=800, help="Target article length.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache_dir:
        settings = Settings.load(cache_dir=Path(cache_dir))
        pairs = _pairs(args.clusters, settings, args.words, args.pairs + 1)
        if len(pairs) < 2:
            raise SystemExit(f"{args.clusters}: needs two topics with two articles each")
        spacy_pipeline(settings.spacy_model)
        sentence_encoder(settings.embedding_package)
        compare(pairs[0], settings)  # warm-up: lazy imports and first-call set-up
        timed = _Annotation()
        print(
            f"{'pair':<42} {'words':>11} {'annotate s':>10} {'(CPU s)':>8} "
            f"{'compare s':>9} {'total s':>8} {'(CPU s)':>8}"
        )
        totals, stages, annotation, annotation_cpu, total_cpu = [], [], [], [], []
        for first, second in pairs[1:]:
            started, cpu = time.perf_counter(), time.process_time()
            compare([first, second], settings)
            done = time.perf_counter()
            annotation.append(timed.wall)
            annotation_cpu.append(timed.cpu)
            total_cpu.append(time.process_time() - cpu)
            totals.append(done - started)
            stages.append(totals[-1] - timed.wall)
            words = f"{len(first.text.split())}+{len(second.text.split())}"
            print(
                f"{first.id + ' / ' + second.id:<42} {words:>11} "
                f"{timed.wall:10.2f} {timed.cpu:8.2f} "
                f"{stages[-1]:9.2f} {totals[-1]:8.2f} {total_cpu[-1]:8.2f}"
            )
        print(
            f"comparison stages: median {statistics.median(stages):.2f} s, "
            f"max {max(stages):.2f} s over {len(stages)} pairs"
        )
        print(
            f"annotation:        median {statistics.median(annotation):.2f} s, "
            f"CPU median {statistics.median(annotation_cpu):.2f} s"
        )
        print(
            f"with annotation:   median {statistics.median(totals):.2f} s, "
            f"max {max(totals):.2f} s (first sight of both articles), "
            f"CPU median {statistics.median(total_cpu):.2f} s"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory:       {peak:.0f} MB (models loaded)")
        # Wall clock on a shared machine is the load's as much as the code's.
        print(f"load average:      {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
