"""One quotation is one statement: its sentences are listed together.

Alignment works sentence by sentence, so a quotation of two sentences ("My brother called
me. That was the last time," said Jo Roe.) that no other outlet carries would be listed as
two facts only one outlet reports, each a piece of the statement. Consecutive such
sentences inside one quotation become one fact whose span runs from the first to the last,
so what is shown is the article's own words, whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Article, Fact, Quote


def _quotation_at(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The index of the quotation that a sentence [start, end) lies in part of, if any."""
    return next((i for i, (s, e) in enumerate(spans) if s < end and start < e), None)


def join_quotation_pieces(
    facts: Sequence[Fact], quotes: Sequence[Quote], articles: Sequence[Article]
) -> list[Fact]:
    """``facts`` with the one-outlet sentences of one quotation joined into one fact.

    Only neighbouring sentences join: one told by several outlets between two pieces keeps
    them apart, as the reader sees the shared one listed elsewhere.
    """
    by_id = {a.id: a for a in articles}
    quoted: dict[str, list[tuple[int, int]]] = {}
    for quote in quotes:
        for occurrence in quote.occurrences:
            quoted.setdefault(occurrence.article, []).append((occurrence.start, occurrence.end))
    order = {(a.id, s.start): i for a in articles for i, s in enumerate(a.sentences)}
    joined: list[Fact] = []
    last: tuple[str, int, int] | None = None  # article, quotation, sentence index of the last
    for fact in facts:
        span = fact.sentences[0] if len(fact.sentences) == 1 else None
        if fact.kind != "exclusive" or span is None or span.article not in by_id:
            joined.append(fact)
            last = None
            continue
        at = _quotation_at(quoted.get(span.article, []), span.start, span.end)
        index = order.get((span.article, span.start))
        if at is None or index is None:
            joined.append(fact)
            last = None
            continue
        if last is not None and last == (span.article, at, index - 1):
            previous = joined[-1].sentences[0]
            whole = by_id[span.article].span(previous.start, span.end)
            joined[-1] = Fact(kind="exclusive", articles=fact.articles, sentences=[whole])
        else:
            joined.append(fact)
        last = (span.article, at, index)
    return joined
