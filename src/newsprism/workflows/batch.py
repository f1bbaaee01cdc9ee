"""Batch summaries (`summarize --batch`): many document sets, summarized on both cores.

Summarizing a set needs its articles at the full level (parse and sentence embeddings),
about a quarter of a second of CPU an article, which bounds a cold batch, and the parses of
the articles its reader has seen. When enough of the batch is new (`worth_workers`), worker
processes summarize the sets, each exactly as this process would (`summarize_document_set`
on the same cleaned articles), so the summaries are those of one process; this process
hands the sets out and gives their summaries back in input order. A worker summarizes the
articles it has just annotated: nothing is read back from the cache.

The sets go to the workers largest first, by the characters they annotate afresh: the last
set keeps one worker busy while the other has nothing left to do, so the cheapest sets
should come last (longest processing time first; docs/performance.md). An article in several
sets counts for the first of them, so a set made only of articles another set annotates goes
last, by when the cache holds them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, DocumentSet
from newsprism.nlp import FULL_CPU_SECONDS, in_workers, unannotated, worth_workers
from newsprism.summary import document_set_articles, summarize_document_set

# A read article is only parsed, never embedded (`annotate_set`): about this share of a
# summarized article's annotation (spaCy 0.11 of `FULL_CPU_SECONDS`).
PARSE_SHARE = 0.4

Prepared = tuple[list[Article], list[Article]]
Line = dict[str, Any] | NewsprismError


def summarize_sets(
    sets: Sequence[DocumentSet], settings: Settings, max_words: int
) -> Iterator[tuple[DocumentSet, Line]]:
    """Each set with its batch summary line (`summarize_document_set`), or the error that
    kept it from one, in order."""
    # Each set is cleaned once: for the workers' check here and for its summary.
    prepared = [document_set_articles(documents, settings) for documents in sets]
    if settings.workers > 1 and settings.cache:
        work = _new_work(prepared, settings)
        if worth_workers(settings, sum(count for count, _ in work), FULL_CPU_SECONDS):
            sizes = [size for _, size in work]
            yield from _on_workers(sets, prepared, sizes, settings, max_words)
            return
    for documents, articles in zip(sets, prepared, strict=True):
        yield documents, _summary((documents, articles, max_words), settings)


def _new_work(prepared: Sequence[Prepared], settings: Settings) -> list[tuple[int, float]]:
    """Per set, how many of its articles (and of those its reader has seen) are annotated
    afresh and their characters, a read article's at `PARSE_SHARE`; an article in several
    sets counts for the first of them only."""
    fresh = {a.id for a in unannotated([a for articles, _ in prepared for a in articles], settings)}
    parse = {
        a.id for a in unannotated([a for _, seen in prepared for a in seen], settings, embed=False)
    }
    counted: set[str] = set()
    work = []
    for articles, seen in prepared:
        count, size = 0, 0.0
        for article, weight, new in [
            *((a, 1.0, fresh) for a in articles),
            *((a, PARSE_SHARE, parse) for a in seen),
        ]:
            if article.id in new and article.id not in counted:
                counted.add(article.id)
                count += 1
                size += weight * len(article.text)
        work.append((count, size))
    return work


def _on_workers(
    sets: Sequence[DocumentSet],
    prepared: Sequence[Prepared],
    sizes: Sequence[float],
    settings: Settings,
    max_words: int,
) -> Iterator[tuple[DocumentSet, Line]]:
    """The sets summarized on the workers, largest first, yielded in input order."""
    order = sorted(range(len(sets)), key=lambda i: -sizes[i])  # stable: ties in input order
    items = [(sets[i], prepared[i], max_words) for i in order]
    done: dict[int, Line] = {}
    following = 0
    for i, line in zip(order, in_workers(_summary, items, settings), strict=True):
        done[i] = line
        while following in done:
            yield sets[following], done.pop(following)
            following += 1


def _summary(item: tuple[DocumentSet, Prepared, int], settings: Settings) -> Line:
    """A set's summary line, or the error that kept it from one (as a plain
    `NewsprismError` with its message, which comes back from a worker whatever its kind)."""
    documents, prepared, max_words = item
    try:
        return summarize_document_set(documents, settings, max_words, prepared)
    except NewsprismError as error:
        return NewsprismError(str(error))
