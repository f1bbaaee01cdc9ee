"""Static word-piece vectors: a text's vector is the mean of its word pieces' vectors.

The vectors were distilled from the bundled MiniLM by model2vec (each word piece of MiniLM's
vocabulary embedded by MiniLM once, reduced by PCA) and ship with newsprism as package data
(`STATIC_MODEL`; rebuilt by ``scripts/build-static-model``; derived from the Apache-2.0
MiniLM, so under that licence too). Encoding a whole article costs a table lookup per word
piece, about a hundred times less than one MiniLM pass over its opening, which is what lets
the stream path's body vector read the whole text (docs/performance.md). Its vectors share
a common direction (unrelated texts score ~0.4 cosine); story clustering centres them on
the stream's mean, which removes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import NewsprismError

STATIC_MODEL = Path(str(files("newsprism.nlp") / "data" / "static-minilm"))
STATIC_DIM = 256


@cache
def static_version() -> str:
    """A fingerprint of the shipped vectors, for cache keys: a rebuilt model is another one."""
    try:
        data = (STATIC_MODEL / "model.safetensors").read_bytes()
    except OSError:
        return "missing"
    return hashlib.sha256(data).hexdigest()[:16]


@cache
def static_encoder() -> Any:
    """The shipped model2vec model (loaded once; never looked up on the Hugging Face hub)."""
    from model2vec import StaticModel

    if not (STATIC_MODEL / "model.safetensors").is_file():
        raise NewsprismError(
            f"the static model is missing from {STATIC_MODEL}; reinstall newsprism"
        )
    return StaticModel.from_pretrained(STATIC_MODEL, normalize=True)


def embed_static(texts: Sequence[str]) -> np.ndarray:
    """Unit-length static vectors of whole texts, one float32 row per text (zeros for a text
    without a word piece)."""
    if not texts:
        return np.zeros((0, STATIC_DIM), dtype=np.float32)
    # No truncation: the table lookup is cheap enough to read every word of an article.
    vectors = static_encoder().encode(list(texts), max_length=None, use_multiprocessing=False)
    return np.asarray(vectors, dtype=np.float32)
