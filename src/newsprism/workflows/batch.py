"""Batch summaries (`summarize --batch`): many document sets, annotated ahead on both cores.

Summarizing a set needs its articles at the full level (parse and sentence embeddings),
about a quarter of a second of CPU an article, which bounds a cold batch. When enough of the
batch is new (`worth_workers`), worker processes annotate the sets ahead, in input order, and fill the
annotation cache, while this process summarizes each set as soon as its articles are in:
its own annotation then only reads the cache. Each worker annotates a set exactly as this
process would (the same articles, in the same order, in one call), so the summaries are
those of one process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import DocumentSet
from newsprism.nlp import (
    FULL_CPU_SECONDS,
    annotate_to_cache,
    in_workers,
    unannotated,
    worth_workers,
)
from newsprism.summary import document_set_articles, summarize_document_set


def summarize_sets(
    sets: Sequence[DocumentSet], settings: Settings, max_words: int
) -> Iterator[tuple[DocumentSet, dict[str, Any] | NewsprismError]]:
    """Each set with its batch summary line (`summarize_document_set`), or the error that
    kept it from one, in order."""
    ahead: Iterator[None] | None = None
    # Each set is cleaned once: for the workers' check here and for its summary below.
    prepared = [document_set_articles(documents, settings) for documents in sets]
    if settings.workers > 1 and settings.cache:
        # A set's articles as `summarize_document_set` annotates them, in one call.
        articles = [[*documents, *seen] for documents, seen in prepared]
        new = unannotated([a for group in articles for a in group], settings)
        if worth_workers(settings, new, FULL_CPU_SECONDS):
            ahead = in_workers(annotate_to_cache, articles, settings)
    for documents, articles_of_set in zip(sets, prepared, strict=True):
        if ahead is not None:
            next(ahead)  # this set's articles are annotated and cached
        try:
            yield documents, summarize_document_set(documents, settings, max_words, articles_of_set)
        except NewsprismError as error:
            yield documents, error
