"""Where an article's time goes: each stage and each spaCy component, at both annotation levels.

Usage: python benchmarks/throughput.py CLUSTERS.jsonl [--limit N] [--n-process K]
       python benchmarks/throughput.py CLUSTERS.jsonl --stream [--gold GOLD] [--force-workers]

Runs on the documents of a cluster JSONL file with an empty cache (cold), then again (warm,
read from the cache), then the whole stream path (clean, language, light annotation,
features, story clustering with the setting calibrated on the stream, as ``newsprism
cluster`` runs it) with an empty cache again, and prints for each step the milliseconds per
article, wall clock and CPU (the CPU time moves less on a shared machine), and articles per
second. Calibration runs from `Settings.story_calibration_after` articles (400) on: ``--limit
0`` takes the whole file, as ``cluster`` would. The spaCy
components are timed one by one over the same docs, in pipeline order; "tokenizer alone" is
the floor any spaCy-based path stands on.

``--stream`` prints issue 17's figure for the stream path instead, as the issue defines it:
the models loaded first (their load time printed apart), then read → stories over the
whole file with an empty feature cache, by the very calls ``newsprism cluster`` makes
(`collect_stream`, `cluster_read`: the same worker processes, chosen by the same load gate,
and the same overlap of features and clustering); articles/s, CPU seconds (this process and
its workers), peak memory, B³ F1 against the gold (``gold.jsonl`` beside the file, else each
document's cluster), and the ratios to spaCy's tokenizer alone over the same texts and to
the static model's raw encode of them. Then ``newsprism cluster`` on the same file, cold,
start-up included, as a user runs it, in a fresh process. ``--force-workers`` opens the
load gate (`newsprism.nlp.workers.MIN_FREE_CORES`), so that a busy machine still measures
the two-core path.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsprism import ingest
from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.evaluation.clusters import read_assignments, score
from newsprism.ingest.clean import clean
from newsprism.ingest.language import check_language
from newsprism.model import Article, RawArticle
from newsprism.nlp import workers
from newsprism.nlp.annotation import LIGHT_COMPONENTS, annotate
from newsprism.nlp.models import (
    embed_texts,
    embedding_precision,
    sentence_encoder,
    spacy_pipeline,
)
from newsprism.nlp.static import embed_static
from newsprism.stories import cluster_read, collect_stream
from newsprism.stories.calibration import calibrated_stream
from newsprism.stories.features import (
    HEADLINE_BATCH,
    entity_keys,
    features_for,
    headline_text,
    term_counts,
)
from newsprism.stories.stream import cluster_stream

HEADER = f"{'step':<40} {'ms/article':>10} {'CPU ms':>8} {'articles/s':>10}"


@contextmanager
def _timed(label: str, count: int) -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<40} {wall / count * 1000:10.2f} {cpu / count * 1000:8.2f} {count / wall:10.1f}")


def _cleaned(raws: list[RawArticle]) -> list[Article]:
    result = []
    for raw in raws:
        try:
            result.append(clean(raw))
        except InputError:
            continue
    return result


def _components(nlp: Any, texts: list[str], level: str) -> list[Any]:
    """Run the pipeline of ``level`` one component at a time over all texts, timing each."""
    n = len(texts)
    with _timed("  tokenizer alone", n):
        docs = [nlp.make_doc(text) for text in texts]
    names = LIGHT_COMPONENTS if level == "light" else nlp.pipe_names
    for name in [c for c in nlp.component_names if c in names]:
        component = nlp.get_pipe(name)
        step: Callable[[Any], Any] = component
        with _timed(f"  {name}", n):
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=64))
            else:
                docs = [step(doc) for doc in docs]
    return docs


class _Clock:
    """Wall and CPU seconds since it started: this process's and its reaped children's."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), _cpu()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, _cpu() - self.cpu


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _gold(clusters: Path, given: Path | None) -> dict[str, str]:
    path = given or clusters.with_name("gold.jsonl")
    gold, problems = read_assignments(path if path.exists() else clusters)
    if problems:
        raise SystemExit(f"{path}: {problems[0]}")
    return gold


def _load() -> str:
    return f"load {' / '.join(f'{x:.1f}' for x in os.getloadavg())}"


def stream_figure(clusters: Path, gold_file: Path | None, force_workers: bool) -> None:
    """Issue 17's stream-path figure, then `newsprism cluster` end to end (module doc)."""
    gold = _gold(clusters, gold_file)
    print(f"stream path on {clusters.name}, {_load()}")
    settings = Settings.load()
    if force_workers:
        workers.MIN_FREE_CORES = -math.inf
    clock = _Clock()
    nlp = spacy_pipeline(settings.spacy_model)
    sentence_encoder(settings.embedding_package)
    embed_static(["warm-up"])
    wall, cpu = clock.read()
    print(f"{'loading the models (apart)':<44} {wall:8.2f} s wall {cpu:8.2f} s CPU")
    with tempfile.TemporaryDirectory() as cache_dir:
        cold = settings.model_copy(update={"cache_dir": Path(cache_dir)})
        clock = _Clock()
        stream = collect_stream([str(clusters)], cold)
        clusterer, calibration = cluster_read(stream, cold)
        ran_workers = workers.pool_is_warm(2)
        workers.shutdown_workers()  # reaped, so that their CPU is counted
        wall, cpu = clock.read()
    n = len(stream.articles)
    story_of = clusterer.memberships()
    found = {a.ref: story_of[a.id] for a in stream.articles}
    for copy, original in stream.copies.items():
        found.setdefault(copy, found[original])
    scores = score("newsprism", "system", gold, found)
    peak = max(
        resource.getrusage(who).ru_maxrss
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    texts = [a.text for a in stream.articles]
    clock = _Clock()
    for text in texts:
        nlp.make_doc(text)
    tokenizer = clock.read()[1]
    clock = _Clock()
    embed_static(texts)
    static = clock.read()[1]
    how = "two worker processes" if ran_workers else "one process"
    print(f"read → stories, cold, models loaded ({how}), {_load()}")
    print(f"  {n} articles in {len(clusterer)} stories: {n / wall:.1f} articles/s")
    print(f"  {wall:.2f} s wall, {cpu:.2f} s CPU ({cpu / n * 1000:.2f} ms an article)")
    print(f"  peak memory of a process {peak / 1024:.0f} MB")
    print(f"  B³ P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.4f}")
    print(f"  calibration: {calibration.describe() if calibration else 'none'}")
    print(f"  CPU against spaCy's tokenizer alone ({tokenizer / n * 1000:.2f} ms): "
          f"{cpu / tokenizer:.1f} times; against the static raw encode "
          f"({static / n * 1000:.2f} ms): {cpu / static:.1f} times")  # fmt: skip
    end_to_end(clusters, gold)


def end_to_end(clusters: Path, gold: dict[str, str]) -> None:
    """`newsprism cluster` in a fresh process, cold cache, start-up included: wall, CPU (its
    workers included), peak memory, B³ F1."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "assignments.jsonl"
        command = [sys.executable, "-m", "newsprism", "cluster", str(clusters), "-q",
                   "--cache-dir", str(Path(folder) / "cache"), "-o", str(output)]  # fmt: skip
        started = time.perf_counter()
        child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        if status:
            raise SystemExit(f"newsprism cluster failed (status {status})")
        found = {}
        for line in output.read_text().splitlines():
            row = json.loads(line)
            found[row["id"]] = row["story"]
    scores = score("newsprism", "system", gold, found)
    n = len(found)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"newsprism cluster, cold, start-up included, {_load()}")
    print(f"  {n} articles: {wall:.2f} s wall ({n / wall:.1f} articles/s), {cpu:.2f} s CPU, "
          f"peak {usage.ru_maxrss / 1024:.0f} MB, B³ F1 {scores.f1:.4f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--limit", type=int, default=200, help="Use the first N articles (0: all).")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes.")
    parser.add_argument("--stream", action="store_true", help="Issue 17's stream-path figure.")
    parser.add_argument("--gold", type=Path, help="Gold assignments for --stream's B³.")
    parser.add_argument("--force-workers", action="store_true", help="Open the load gate.")
    args = parser.parse_args()
    if args.stream:
        stream_figure(args.clusters, args.gold, args.force_workers)
        return
    with tempfile.TemporaryDirectory() as cache_dir:
        settings = Settings.load(cache_dir=Path(cache_dir), n_process=args.n_process)
        raws = [r for r in ingest.read([str(args.clusters)], settings) if isinstance(r, RawArticle)]
        raws = raws[: args.limit] if args.limit else raws
        n = len(raws)
        check_language(_cleaned(raws[:1])[0], settings)  # builds the detector
        print(HEADER)
        with _timed("clean", n):
            cleaned = _cleaned(raws)
        with _timed("language", n):
            articles = [check_language(a, settings) for a in cleaned]
        n = len(articles)
        words = sum(len(a.text.split()) for a in articles)
        print(f"{n} articles, {words / n:.0f} words on average")

        started = time.perf_counter()
        nlp = spacy_pipeline(settings.spacy_model)
        sentence_encoder(settings.embedding_package)
        embed_static(["warm-up"])
        print(f"loading the models: {time.perf_counter() - started:.2f} s")
        print(f"MiniLM computes in {embedding_precision()}")

        texts = [a.text for a in articles]
        for level in ("full", "light"):
            print(f"spaCy components, {level} level")
            _components(nlp, texts, level)

        with _timed("full: spaCy + cache write, cold", n):
            full = annotate(articles, settings, embed=False)
        sentences = [s.text for a in full for s in a.sentences]
        print(f"{len(sentences)} sentences, {len(sentences) / n:.1f} per article")
        with _timed("full: MiniLM sentence embeddings", n):
            annotate(articles, settings)  # the docs come from the cache
        with _timed("light: spaCy + cache write, cold", n):
            light = annotate(articles, settings, level="light")
        with _timed("light: entity keys", n):
            for article in light:
                entity_keys(article)
        with _timed("light: term counts", n):
            for article in light:
                term_counts(article)
        with _timed("full: warm (cache read)", n):
            annotate(articles, settings)
        with _timed("light: warm (cache read)", n):
            light = annotate(articles, settings, level="light")
        with _timed("  static model, raw encode (whole texts)", n):
            embed_static([a.text for a in light])
        with _timed("  MiniLM, headlines alone", n):
            headlines = [headline_text(a) for a in light]
            embed_texts(headlines, settings.embedding_package, HEADLINE_BATCH, threads=1)
        with _timed("stream: features (MiniLM headline, static body)", n):
            features = features_for(light, settings)
        with _timed("stream: clustering, one pass", n):
            cluster_stream(features, settings)
        with _timed("stream: clustering, calibrated", n):
            calibrated_stream(features, settings)

    # The stream path as `cluster` runs it after reading: cold cache, models loaded.
    with tempfile.TemporaryDirectory() as cache_dir:
        cold = settings.model_copy(update={"cache_dir": Path(cache_dir)})
        with _timed("stream path, cold: clean → stories", n):
            ready = [check_language(a, cold) for a in _cleaned(raws)]
            light = annotate(ready, cold, level="light")
            calibrated_stream(features_for(light, cold), cold)


if __name__ == "__main__":
    main()
