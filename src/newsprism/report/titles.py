"""A title for a report that takes no outlet's side.

One outlet's headline can take sides on exactly what the outlets dispute ("31 killed…",
"…overloaded ferry…"). The report's title is instead a sentence of a fact the most outlets
share, from the earliest such fact (news puts the event first), and never one holding a claim
another outlet contradicts; the outlets' own headlines are shown beside each other under it.
A sentence that is mostly a quotation is someone's words, not a telling of the event, so it is
the title only when no shared fact is told in the reporter's own words.
"""

from __future__ import annotations

from newsprism.model import Comparison, Span
from newsprism.nlp import dateline_length
from newsprism.report.disputes import disputed_within

MAX_WORDS = 22


def _mostly_quoted(span: Span, quoted: list[Span]) -> bool:
    """Whether quotations cover more than half of the sentence."""
    covered = sum(
        max(0, min(q.end, span.end) - max(q.start, span.start))
        for q in quoted
        if q.article == span.article
    )
    return covered * 2 > span.end - span.start


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    text = text[dateline_length(text) :]
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text.rstrip(".")
    return " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"


def neutral_title(comparison: Comparison) -> str | None:
    """The sentence of the most widely shared fact (earliest first) that no discrepancy
    touches, shortened; None when every shared sentence is disputed or nothing is shared."""
    quoted: list[Span] = [o for q in comparison.quotes for o in q.occurrences]
    shared = [f for f in comparison.facts if f.kind == "consensus" and f.sentences]
    shared.sort(key=lambda f: (-len(set(f.articles)), min(s.start for s in f.sentences)))
    told: list[Span] = []
    for fact in shared:
        calm = [
            s for s in fact.sentences if s.text and not disputed_within(s, comparison.discrepancies)
        ]
        if not calm:
            continue
        own = [s for s in calm if not _mostly_quoted(s, quoted)]
        if own:
            best = min(own, key=lambda s: (len(s.text or ""), s.start))
            return _shorten(best.text or "")
        told = told or calm
    if told:
        return _shorten(min(told, key=lambda s: (len(s.text or ""), s.start)).text or "")
    return None
