"""CPU of spaCy's full level per component: spaCy's own pipeline against newsprism's.

Usage: python benchmarks/full_level.py CLUSTERS.jsonl [--limit N] [--skip K]

Loads the pipeline twice, as newsprism builds it (`spacy_pipeline`: the attribute ruler and
the lemmatizer replaced by `newsprism.nlp.components`) and with spaCy's own components in
their place, and runs every article through both, one after the other, component by
component, timing the CPU of each. Each pipeline sees each article for the first time, as a
`compare` of new reports does, and alternating them spreads a shared machine's load over
both. Prints the milliseconds of CPU an article per component and whether the two gave the
same annotations (POS, tags, morphology, lemmas, parse, entities) on every article.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import spacy

from newsprism.config import Settings
from newsprism.ingest import read_document_sets_from
from newsprism.model import DocumentSet
from newsprism.nlp.models import PARAGRAPH_COMPONENT, spacy_pipeline


def _texts(path: Path, settings: Settings, skip: int, limit: int) -> list[str]:
    texts = []
    for cluster in read_document_sets_from([str(path)], settings):
        if isinstance(cluster, DocumentSet):
            texts.extend(document.text for document in cluster.documents)
        if len(texts) >= skip + limit:
            break
    return texts[skip : skip + limit]


def _run(nlp: Any, text: str, spent: dict[str, float]) -> Any:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        started = time.process_time()
        doc = component(doc)
        spent[name] += time.process_time() - started
    return doc


def _annotations(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--limit", type=int, default=60, help="How many articles.")
    parser.add_argument("--skip", type=int, default=0, help="Articles to skip first.")
    args = parser.parse_args()
    settings = Settings.load(cache=False)
    texts = _texts(args.clusters, settings, args.skip, args.limit)
    if not texts:
        raise SystemExit(f"{args.clusters}: no articles")
    ours = spacy_pipeline(settings.spacy_model)
    stock = spacy.load(settings.spacy_model)
    stock.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    spent: dict[str, dict[str, float]] = {
        "spaCy's": defaultdict(float),
        "newsprism's": defaultdict(float),
    }
    differing = 0
    for text in texts:
        a = _run(stock, text, spent["spaCy's"])
        b = _run(ours, text, spent["newsprism's"])
        differing += _annotations(a) != _annotations(b)
    words = sum(len(text.split()) for text in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words on average; CPU ms an article")
    names = [name for name, _ in ours.pipeline]
    print(f"{'component':<22}" + "".join(f"{label:>14}" for label in spent))
    for name in [*names, "all"]:
        cells = [sum(times.values()) if name == "all" else times[name] for times in spent.values()]
        print(f"{name:<22}" + "".join(f"{1000 * c / len(texts):14.1f}" for c in cells))
    print(f"articles whose annotations differ: {differing} of {len(texts)}")


if __name__ == "__main__":
    main()
