"""Sentence embeddings of the articles being annotated, computed beside spaCy's parse.

The full level needs both spaCy's parse of an article (which gives its sentences) and
MiniLM's vector of every sentence. One after the other they leave a core idle: spaCy uses
one, and MiniLM waits for the parse. Here MiniLM embeds the articles already parsed on a
worker thread while spaCy parses the next ones on the caller's, and torch's matrix products
release the GIL, so on two cores the models run at once.

The worker runs torch with one thread. spaCy holds the other core, and torch's thread pool
collapses when its threads have to wait for a core: on the shared two-core machine, MiniLM
with two threads took two to eight times the wall clock and the CPU of one whenever other
work ran (docs/performance.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from types import TracebackType

import numpy as np

from newsprism.config import Settings
from newsprism.model import Article
from newsprism.nlp.cache import AnnotationCache
from newsprism.nlp.models import embed_texts, model_versions, torch_threads

# Sentences per MiniLM batch on the worker: on this CPU, batches of 16 cost about a fifth
# less than batches of 64 with one thread (the activations of a larger batch leave the cache).
EMBEDDING_BATCH = 16


class SentenceEmbedder:
    """Sets every article's sentence embeddings, reading the cache first and computing the
    rest on one worker thread; ``progress`` is told of each article once it is embedded.

    Use it as a context manager: leaving the block waits for every article (or, after an
    error, drops those not started) and restores torch's threads.
    """

    def __init__(
        self,
        cache: AnnotationCache,
        settings: Settings,
        progress: Callable[..., None] | None = None,
    ) -> None:
        self._cache = cache
        self._package = settings.embedding_package
        self._batch = min(EMBEDDING_BATCH, settings.batch_size)
        self._progress = progress
        self._pending: deque[tuple[Future[None], int]] = deque()  # in the order added
        self._executor: ThreadPoolExecutor | None = None
        self._resources = ExitStack()

    def __enter__(self) -> SentenceEmbedder:
        return self

    def add(self, articles: list[Article], keys: list[str]) -> None:
        """Embed the sentences of ``articles`` (annotated; ``keys`` are their cache keys)."""
        missing = []
        for article, key in zip(articles, keys, strict=True):
            vector_key = self._cache.key(key, "embeddings")
            vectors = self._cache.get_array(vector_key)
            if vectors is not None and len(vectors) == len(article.sentences):
                article._embeddings = vectors
            else:
                missing.append((article, vector_key))
        if not missing:
            future: Future[None] = Future()
            future.set_result(None)
        else:
            if self._executor is None:
                self._resources.enter_context(torch_threads(1))
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="newsprism-embed")
                self._resources.callback(self._executor.shutdown, wait=True, cancel_futures=True)
            future = self._executor.submit(self._embed, missing)
        self._pending.append((future, len(articles)))
        self._report(wait=False)

    def _embed(self, articles: list[tuple[Article, str]]) -> None:
        texts = [s.text for article, _ in articles for s in article.sentences]
        vectors = embed_texts(texts, self._package, self._batch)
        offset = 0
        for article, vector_key in articles:
            count = len(article.sentences)
            article._embeddings = vectors[offset : offset + count]
            self._cache.put_array(vector_key, article._embeddings)
            offset += count

    def _report(self, *, wait: bool) -> None:
        """Tell ``progress`` of the articles embedded, in order, re-raising a worker's error;
        with ``wait``, of all of them."""
        while self._pending and (wait or self._pending[0][0].done()):
            future, count = self._pending.popleft()
            future.result()
            if self._progress:
                self._progress(count)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with self._resources:
            if kind is None:
                self._report(wait=True)


def embed_cached(texts: list[str], settings: Settings) -> np.ndarray:
    """``embed_texts`` of ``texts`` in one call, kept in the annotation cache: a rerun (a
    warm `summarize --batch` embeds each set's query) reads the vectors and never loads
    MiniLM. The whole call is one entry, since in bfloat16 a vector's last digits depend on
    the batch it was computed in."""
    cache = AnnotationCache(
        settings.cache_dir, enabled=settings.cache, max_bytes=settings.cache_max_bytes
    )
    versions = model_versions(settings.spacy_model, settings.embedding_package)
    key = cache.key(versions, "texts", *texts)
    vectors = cache.get_array(key)
    if vectors is not None and len(vectors) == len(texts):
        return vectors
    vectors = embed_texts(texts, settings.embedding_package)
    cache.put_array(key, vectors)
    return vectors
