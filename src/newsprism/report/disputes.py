"""Which listed facts the outlets contradict each other on.

A group of sentences listed as "reported by several outlets" can hold both sides of a
contradiction ("was overloaded" / "was not overloaded"): the outlets tell the same thing
and differ on one of its values. Listed without a mark it reads as agreement, so the
report names, beside such a group, what the outlets differ on there. Likewise a sentence
listed as what only one outlet reports may state a value another outlet gives otherwise
("its licensed capacity is 200" against 150 elsewhere): it carries what disputes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Discrepancy, Dispute, Fact, Span


def overlaps(span: Span, other: Span) -> bool:
    """Whether two spans share a character of one article."""
    return span.article == other.article and span.start < other.end and other.start < span.end


def disputed_within(span: Span, discrepancies: Sequence[Discrepancy]) -> bool:
    """Whether a claim of any of ``discrepancies`` lies in ``span``."""
    return any(overlaps(span, c) for d in discrepancies for c in d.claims)


def fact_disputes(fact: Fact, discrepancies: Sequence[Discrepancy]) -> list[str]:
    """The kinds of the discrepancies with claims in two of the fact's articles, in order."""
    kinds = [
        d.kind
        for d in discrepancies
        if len({c.article for c in d.claims if any(overlaps(s, c) for s in fact.sentences)}) > 1
    ]
    return list(dict.fromkeys(kinds))


def differ_note(kinds: Sequence[str]) -> str:
    """ "they differ here: number, polarity", the words beside a disputed shared fact."""
    return "they differ here: " + ", ".join(kinds)


def disputes_of(span: Span, discrepancies: Sequence[Discrepancy]) -> list[Dispute]:
    """What other articles report against the values that ``span`` states."""
    return [
        Dispute(
            kind=d.kind,
            description=d.description,
            claims=[c for c in d.claims if c.article != span.article],
        )
        for d in discrepancies
        if any(overlaps(span, c) for c in d.claims)
    ]
