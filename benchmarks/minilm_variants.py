"""Cheaper ways to run MiniLM, against today's vectors: CPU per text and cosine to float32.

Usage: python benchmarks/minilm_variants.py CLUSTERS.jsonl [--limit N] [--rounds R]

Takes the first N articles of a cluster JSONL file, annotates them at the light level and
embeds two sets of real texts with each variant, one torch thread, batches of 16 (as the
full level runs): the **headlines** (title and first sentence, the stream path's MiniLM
input) and the **sentences** (the full level's input). For each variant it prints the CPU
milliseconds per text (best of R rounds) and the cosine of each vector with the float32
one (mean, 1st percentile, minimum). Variants: float32 (today), float32 without length
sorting (padding waste), bfloat16 autocast, bfloat16 weights, int8 dynamic quantization of
the Linear layers (`torch.ao.quantization.quantize_dynamic`), and float32 at shorter
maximum lengths. Also prints the word-piece lengths of both sets.
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
import warnings
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import numpy as np
import torch

from newsprism import ingest
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import RawArticle
from newsprism.nlp.annotation import annotate
from newsprism.nlp.models import MAX_SEQ_LENGTH, sentence_encoder
from newsprism.stories.features import headline_text

BATCH = 16


def _encode(
    model: Any, texts: list[str], context: Callable[[], AbstractContextManager[Any]]
) -> np.ndarray:
    with context(), torch.inference_mode():
        vectors = model.encode(
            texts,
            batch_size=BATCH,
            normalize_embeddings=True,
            convert_to_numpy=False,
            convert_to_tensor=True,
            show_progress_bar=False,
        )
    return vectors.float().numpy()


def _unsorted(model: Any, texts: list[str]) -> np.ndarray:
    """Batches in input order: the padding that sentence-transformers' length sort avoids."""
    rows = [_encode(model, texts[i : i + BATCH], nullcontext) for i in range(0, len(texts), BATCH)]
    return np.concatenate(rows)


def _variants(base: Any) -> dict[str, Callable[[list[str]], np.ndarray]]:
    bf16 = copy.deepcopy(base).to(torch.bfloat16)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization announces its move to torchao
        int8 = torch.ao.quantization.quantize_dynamic(
            copy.deepcopy(base), {torch.nn.Linear}, dtype=torch.qint8
        )

    def autocast() -> AbstractContextManager[Any]:
        return torch.autocast("cpu", dtype=torch.bfloat16)

    def shorter(length: int) -> Callable[[list[str]], np.ndarray]:
        def run(texts: list[str]) -> np.ndarray:
            base.max_seq_length = length
            try:
                return _encode(base, texts, nullcontext)
            finally:
                base.max_seq_length = MAX_SEQ_LENGTH

        return run

    return {
        "float32 (today)": lambda t: _encode(base, t, nullcontext),
        "float32, batches unsorted": lambda t: _unsorted(base, t),
        "bfloat16 autocast": lambda t: _encode(base, t, autocast),
        "bfloat16 weights": lambda t: _encode(bf16, t, nullcontext),
        "int8 dynamic (Linear)": lambda t: _encode(int8, t, nullcontext),
        "float32, max 64 word pieces": shorter(64),
        "float32, max 48 word pieces": shorter(48),
    }


def _lengths(model: Any, label: str, texts: list[str]) -> None:
    ids = model.tokenizer(texts, add_special_tokens=True)["input_ids"]
    lengths = np.array([len(i) for i in ids])
    print(
        f"{label}: {len(texts)} texts, word pieces median {np.median(lengths):.0f}, "
        f"p90 {np.percentile(lengths, 90):.0f}, p99 {np.percentile(lengths, 99):.0f}, "
        f"max {lengths.max()}; over 64: {np.mean(lengths > 64):.1%}, over 128: "
        f"{np.mean(lengths > 128):.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="Use the first N articles.")
    parser.add_argument("--rounds", type=int, default=2, help="Timed rounds per variant.")
    args = parser.parse_args()
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as cache_dir:
        settings = Settings.load(cache_dir=Path(cache_dir))
        raws = [r for r in ingest.read([str(args.clusters)], settings) if isinstance(r, RawArticle)]
        articles = annotate(
            [prepare(r, settings) for r in raws[: args.limit]], settings, level="light"
        )
    sets = {
        "headlines": [t for t in (headline_text(a) for a in articles) if t],
        "sentences": [s.text for a in articles for s in a.sentences],
    }
    base = sentence_encoder(settings.embedding_package)
    for label, texts in sets.items():
        _lengths(base, label, texts)
    variants = _variants(base)
    for label, texts in sets.items():
        print(f"\n{label}: {len(texts)} texts, one torch thread, batches of {BATCH}")
        print(f"{'variant':<30} {'CPU ms/text':>11} {'cos mean':>9} {'cos p1':>8} {'cos min':>8}")
        reference = None
        for name, run in variants.items():
            run(texts[:BATCH])  # warm-up
            best = float("inf")
            for _ in range(args.rounds):
                cpu = time.process_time()
                vectors = run(texts)
                best = min(best, time.process_time() - cpu)
            if reference is None:
                reference = vectors
            cosines = np.sum(vectors * reference, axis=1)
            print(
                f"{name:<30} {best / len(texts) * 1000:11.3f} {cosines.mean():9.6f} "
                f"{np.percentile(cosines, 1):8.5f} {cosines.min():8.5f}"
            )


if __name__ == "__main__":
    main()
