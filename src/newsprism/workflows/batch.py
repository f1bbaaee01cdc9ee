"""Batch summaries (`summarize --batch`): many document sets, annotated ahead on both cores.

Summarizing a set needs its articles at the full level (parse and sentence embeddings),
about a quarter of a second of CPU an article, which bounds a cold batch, and the parses of
the articles its reader has seen. When enough of the batch is new (`worth_workers`), worker
processes annotate the sets ahead, in input order, and fill the annotation cache, while
this process summarizes each set as soon as its articles are in: its own annotation then
only reads the cache. Each worker annotates a set exactly as this process would
(`annotate_set`: the same articles, in the same order, in the same calls), so the summaries
are those of one process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, DocumentSet
from newsprism.nlp import FULL_CPU_SECONDS, in_workers, unannotated, worth_workers
from newsprism.summary import annotate_set, document_set_articles, summarize_document_set


def summarize_sets(
    sets: Sequence[DocumentSet], settings: Settings, max_words: int
) -> Iterator[tuple[DocumentSet, dict[str, Any] | NewsprismError]]:
    """Each set with its batch summary line (`summarize_document_set`), or the error that
    kept it from one, in order."""
    ahead: Iterator[None] | None = None
    # Each set is cleaned once: for the workers' check here and for its summary below.
    prepared = [document_set_articles(documents, settings) for documents in sets]
    if settings.workers > 1 and settings.cache:
        # What a read article lacks is its parse: its vectors are never read (`annotate_set`).
        new = unannotated([a for articles, _ in prepared for a in articles], settings)
        new += unannotated([a for _, seen in prepared for a in seen], settings, embed=False)
        if worth_workers(settings, new, FULL_CPU_SECONDS):
            ahead = in_workers(_annotate_to_cache, prepared, settings)
    for documents, articles_of_set in zip(sets, prepared, strict=True):
        if ahead is not None:
            next(ahead)  # this set's articles are annotated and cached
        try:
            yield documents, summarize_document_set(documents, settings, max_words, articles_of_set)
        except NewsprismError as error:
            yield documents, error


def _annotate_to_cache(prepared: tuple[list[Article], list[Article]], settings: Settings) -> None:
    """A worker's part (`in_workers`): annotate a set's articles and those its reader has
    seen as `summarize_document_set` does, which puts them in the cache. Articles that
    cannot be annotated are left to the caller, which reports the error as it would."""
    try:
        annotate_set(*prepared, settings)
    except NewsprismError:
        return
