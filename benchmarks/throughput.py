"""Articles per second through ingest + clean, annotation (spaCy) and embeddings.

Usage: python benchmarks/throughput.py CLUSTERS.jsonl [--limit N] [--n-process K]

Runs each stage on the documents of a cluster JSONL file, first with an empty cache
(cold), then again over the same articles (warm, read from the cache), and prints
one line per measurement.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles
from newsprism.nlp.annotate import annotate
from newsprism.nlp.models import sentence_encoder, spacy_pipeline


def _line(label: str, count: int, seconds: float, unit: str = "articles") -> None:
    print(f"{label:<34} {count:>6} {unit:<9} {seconds:8.2f} s  {count / seconds:8.1f} {unit}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="Use only the first N articles.")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache_dir:
        settings = Settings.load(cache_dir=Path(cache_dir), n_process=args.n_process)
        started = time.perf_counter()
        articles = read_articles([str(args.clusters)], settings).articles
        if args.limit:
            articles = articles[: args.limit]
        _line("ingest + clean + language", len(articles), time.perf_counter() - started)
        words = sum(len(a.text.split()) for a in articles)
        print(f"{'mean article length':<34} {words / max(1, len(articles)):>6.0f} words")

        started = time.perf_counter()
        spacy_pipeline(settings.spacy_model)
        sentence_encoder(settings.embedding_package)
        print(f"{'loading the models':<34} {'':>16} {time.perf_counter() - started:8.2f} s")

        started = time.perf_counter()
        annotated = annotate(articles, settings, embed=False)
        _line(
            f"spaCy, cold (n_process={args.n_process})",
            len(articles),
            time.perf_counter() - started,
        )
        sentences = sum(len(a.sentences) for a in annotated)

        started = time.perf_counter()
        annotate(articles, settings, embed=True)
        elapsed = time.perf_counter() - started
        _line("embeddings, cold (spaCy cached)", len(articles), elapsed)
        _line("  the same, per sentence", sentences, elapsed, "sentences")

        started = time.perf_counter()
        annotate(articles, settings, embed=True)
        _line("spaCy + embeddings, warm cache", len(articles), time.perf_counter() - started)


if __name__ == "__main__":
    main()
