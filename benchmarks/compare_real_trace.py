"""Where a labelled contradiction that `compare` misses is lost, stage by stage.

A contradiction is found only when its two sentences are aligned into one consensus fact,
are each other's closest counterpart there, each carries a value of the kind the label
names at the labelled claim, and the detector takes the two values for one attribute of
one event. The first stage a missed contradiction fails is its loss; for one lost before
its values are weighed, what the detector would say of them is given too, so a reader
sees whether mending the earlier stage alone would find it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.find import counterparts
from newsprism.comparison.discrepancies.quantities import QuantityReader
from newsprism.comparison.discrepancies.times import time_rejection, times_within
from newsprism.model import Article, Comparison, Fact, Span
from newsprism.nlp import resolve_entities

Claims = dict[str, tuple[int, int]]  # article id -> the labelled claim's clean span


@dataclass
class Tracer:
    """What the stages read of one event, computed once for all its missed labels."""

    articles: dict[str, Article]
    comparison: Comparison
    evidence: Evidence
    numbers: QuantityReader

    @classmethod
    def of(cls, articles: Sequence[Article], comparison: Comparison, package: str) -> Tracer:
        evidence = Evidence.of(articles, resolve_entities(articles), package)
        return cls({a.id: a for a in articles}, comparison, evidence, QuantityReader(evidence))

    def loss(self, kind: str, claims: Claims) -> str:
        """The stage at which the contradiction between the two claims is lost."""
        (a, ca), (b, cb) = claims.items()
        left, right = self._sentence(a, ca), self._sentence(b, cb)
        if left is None or right is None:
            return "a claim outside every sentence"
        facts_a, facts_b = self._consensus(left), self._consensus(right)
        shared = [f for f in facts_a if any(f is g for g in facts_b)]
        if shared:
            pairs = {(x.start, y.start) for f in shared for x, y in counterparts(f, self.articles)}
            if (left.start, right.start) in pairs or (right.start, left.start) in pairs:
                return (
                    f"aligned as counterparts; values: {self._verdict(kind, left, ca, right, cb)}"
                )
            where = "aligned, not each other's counterparts"
        elif facts_a or facts_b:
            where = (
                "never aligned (in other facts)"
                if facts_a and facts_b
                else ("never aligned (one side exclusive)")
            )
        else:
            where = "exclusive on both sides"
        return f"{where}; if compared: {self._verdict(kind, left, ca, right, cb)}"

    def _sentence(self, article: str, claim: tuple[int, int]) -> Span | None:
        found = self.articles[article]
        sentence = next((s for s in found.sentences if s.start <= claim[0] < s.end), None)
        return found.span(sentence.start, sentence.end) if sentence is not None else None

    def _consensus(self, sentence: Span) -> list[Fact]:
        return [
            f
            for f in self.comparison.facts
            if f.kind == "consensus"
            and any(
                s.article == sentence.article and s.start == sentence.start for s in f.sentences
            )
        ]

    def _verdict(
        self, kind: str, left: Span, ca: tuple[int, int], right: Span, cb: tuple[int, int]
    ) -> str:
        """What the detector of the label's kind says of the values at the two claims."""
        if kind in {"date", "time"}:
            ta = [t for t in times_within(self.evidence, left) if _at(t.start, t.end, ca)]
            tb = [t for t in times_within(self.evidence, right) if _at(t.start, t.end, cb)]
            reasons = [time_rejection(self.evidence, left, x, right, y) for x in ta for y in tb]
        elif kind == "number":
            qa = [q for q in self.numbers.in_sentence(left) if _at(*q.bounds, ca)]
            qb = [q for q in self.numbers.in_sentence(right) if _at(*q.bounds, cb)]
            ta, tb = qa, qb
            reasons = [self.numbers.rejection(left, x, right, y) for x in qa for y in qb]
        else:
            return f"no stage trace for {kind}"
        if not ta or not tb:
            return f"no {kind} read at the {'first' if not ta else 'second'} claim"
        if None in reasons:
            return "the detector takes them for one attribute"
        return ", ".join(sorted({r for r in reasons if r}))


def _at(start: int, end: int, claim: tuple[int, int]) -> bool:
    return start < claim[1] and claim[0] < end


def stage_of(loss: str) -> str:
    """The stage of a loss, without the detector's words: what the table counts."""
    return loss.split(";")[0].split(" (")[0]


def tally(losses: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for loss in losses:
        found[stage_of(loss)] = found.get(stage_of(loss), 0) + 1
    return found
