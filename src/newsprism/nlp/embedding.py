"""Sentence embeddings of the articles being annotated, computed beside spaCy's parse.

The full level needs both spaCy's parse of an article (which gives its sentences) and
MiniLM's vector of every sentence. One after the other they leave a core idle: spaCy uses
one, and MiniLM waits for the parse. Here MiniLM embeds the articles already parsed on a
worker thread while spaCy parses the next ones on the caller's, and torch's matrix products
release the GIL, so on two cores the models run at once. Once the caller has parsed its
last article it embeds too, taking batches from the same queue: without it the last
article's sentences would be embedded on one core while the other waits (for two new
reports, half of the annotation's wall clock; docs/performance.md). spaCy is not run on two
threads at once: its parses then cost up to twice the CPU (they contend for the GIL).

A sentence repeated within one annotation (a wire copy that several reports carry, word for
word up to the spacing, which MiniLM's tokenizer ignores) is embedded once, the first time it
comes: every article that holds it gets that vector (docs/performance.md).

Each thread runs torch with one thread. spaCy holds the other core, and torch's thread pool
collapses when its threads have to wait for a core: on the shared two-core machine, MiniLM
with two threads took two to eight times the wall clock and the CPU of one whenever other
work ran (docs/performance.md).
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from types import TracebackType

import numpy as np

from newsprism.config import Settings
from newsprism.model import Article
from newsprism.nlp.cache import AnnotationCache
from newsprism.nlp.models import (
    EMBEDDING_DIM,
    embed_texts,
    length_batches,
    model_versions,
    torch_threads,
)

# Sentences per MiniLM batch: on this CPU, batches of 16 cost about a fifth less than
# batches of 64 with one thread (the activations of a larger batch leave the cache).
EMBEDDING_BATCH = 16


@dataclass(eq=False)
class _Job:
    """The sentences of the articles of one `SentenceEmbedder.add`: those not met before in
    this annotation (``texts``) embedded batch by batch, by either thread; once they are,
    the caller's thread sets the articles' vectors and caches them (`SentenceEmbedder._store`)."""

    articles: list[tuple[Article, str]]  # with the cache key of their vectors
    texts: list[str] = field(default_factory=list)
    # Every sentence of ``articles`` in order: the job that embeds its text and the row there.
    rows: list[tuple[_Job, int]] = field(default_factory=list)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, EMBEDDING_DIM), np.float32))
    remaining: int = 0
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None


class SentenceEmbedder:
    """Sets every article's sentence embeddings, reading the cache first and computing the
    rest on one worker thread, and on the caller's once it has added every article;
    ``progress`` is told of each article once it is embedded.

    Use it as a context manager: leaving the block embeds and waits for every article (or,
    after an error, drops the batches not started) and restores torch's threads.
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
        self._pending: deque[tuple[_Job | None, int]] = deque()  # in the order added
        self._batches: queue.SimpleQueue[tuple[_Job, np.ndarray] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._resources = ExitStack()
        # Each sentence text (its spacing aside) met so far: the job and row embedding it.
        self._embedded: dict[str, tuple[_Job, int]] = {}

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
        job = None
        if missing:
            job, batches = self._job(missing)
            if batches and self._worker is None:
                self._resources.enter_context(torch_threads(1))
                self._worker = threading.Thread(
                    target=self._work, name="newsprism-embed", daemon=True
                )
                self._worker.start()
                self._resources.callback(self._stop)
            for batch in batches:
                self._batches.put((job, batch))
        self._pending.append((job, len(articles)))
        self._report(wait=False)

    def _job(self, missing: list[tuple[Article, str]]) -> tuple[_Job, list[np.ndarray]]:
        """The job of ``missing``'s sentences and the batches of those not met before, as one
        `embed_texts` call would form them, so that the vectors are the same whichever thread
        computes each batch."""
        job = _Job(missing)
        for sentence in (s for article, _ in missing for s in article.sentences):
            text = " ".join(sentence.text.split())
            if text not in self._embedded:
                self._embedded[text] = (job, len(job.texts))
                job.texts.append(sentence.text)
            job.rows.append(self._embedded[text])
        job.vectors = np.zeros((len(job.texts), EMBEDDING_DIM), np.float32)
        batches = length_batches(job.texts, self._batch)
        job.remaining = len(batches)
        if not batches:  # every sentence met before
            job.done.set()
        return job, batches

    def _work(self) -> None:
        """The worker thread: embed batches until told to stop."""
        while (item := self._batches.get()) is not None:
            self._embed(*item)

    def _help(self) -> None:
        """The caller's thread, its articles all added: embed batches until none is left."""
        while True:
            try:
                item = self._batches.get_nowait()
            except queue.Empty:
                return
            if item is None:  # a stop meant for the worker
                self._batches.put(None)
                return
            self._embed(*item)

    def _embed(self, job: _Job, batch: np.ndarray) -> None:
        if job.error is None:
            try:
                vectors = embed_texts([job.texts[i] for i in batch], self._package, len(batch))
                job.vectors[batch] = vectors
            except Exception as error:  # re-raised on the caller's thread (`_report`)
                job.error = error
        with self._lock:
            job.remaining -= 1
            last = job.remaining == 0
        if last:
            job.done.set()

    def _store(self, job: _Job) -> None:
        """Set and cache the vectors of the job's articles, once it and every job before it
        are done (a sentence met before takes its vector from an earlier job)."""
        vectors = np.zeros((len(job.rows), EMBEDDING_DIM), np.float32)
        for row, (source, index) in enumerate(job.rows):
            vectors[row] = source.vectors[index]
        offset = 0
        for article, vector_key in job.articles:
            count = len(article.sentences)
            article._embeddings = vectors[offset : offset + count]
            self._cache.put_array(vector_key, article._embeddings)
            offset += count

    def _report(self, *, wait: bool) -> None:
        """Tell ``progress`` of the articles embedded, in order, re-raising a worker's error;
        with ``wait``, of all of them."""
        while self._pending:
            job, count = self._pending[0]
            if job is not None:
                if not job.done.is_set() and not wait:
                    return
                job.done.wait()
                if job.error is not None:
                    raise job.error
                self._store(job)
            self._pending.popleft()
            if self._progress:
                self._progress(count)

    def _stop(self) -> None:
        """Drop the batches not started and let the worker finish."""
        while True:
            try:
                self._batches.get_nowait()
            except queue.Empty:
                break
        self._batches.put(None)
        if self._worker is not None:
            self._worker.join()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with self._resources:
            if kind is None:
                self._help()
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
