"""Where an article's time goes: each stage and each spaCy component, at both annotation levels.

Usage: python benchmarks/throughput.py CLUSTERS.jsonl [--limit N] [--n-process K]

Runs on the documents of a cluster JSONL file with an empty cache (cold), then again (warm,
read from the cache), then the whole stream path (clean, language, light annotation,
features, story clustering with the setting calibrated on the stream, as ``newsprism
cluster`` runs it) with an empty cache again, and prints for each step the milliseconds per
article, wall clock and CPU (the CPU time moves less on a shared machine), and articles per
second. Calibration runs from `Settings.story_calibration_after` articles (400) on: ``--limit
0`` takes the whole file, as ``cluster`` would. The spaCy
components are timed one by one over the same docs, in pipeline order; "tokenizer alone" is
the floor any spaCy-based path stands on.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsprism import ingest
from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.ingest.clean import clean
from newsprism.ingest.language import check_language
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import LIGHT_COMPONENTS, annotate
from newsprism.nlp.models import (
    embed_texts,
    embedding_precision,
    sentence_encoder,
    spacy_pipeline,
)
from newsprism.nlp.static import embed_static
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--limit", type=int, default=200, help="Use the first N articles (0: all).")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes.")
    args = parser.parse_args()
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
