"""Numbers on which outlets disagree: the same quantity, told with another value.

Two counterpart sentences of one fact carry the same list of numbers ("$6 million in
punitive and $330,000 in compensatory damages"); only a number without an equal one on
the other side is a claim of its own. It is weighed against a number of the other side
only when both count the same thing in the same event:

- the same unit of the same thing ("the 35-word oath" / "the oath is 38 words"); or the
  same unit ("12 people" / "15 people"), both on what their sentences tell (see
  `frames`), or both in the same slot of verbs of one lemma ("pulled 150 people" /
  "pulled 156 survivors"); money and percentages need the same slot, since "$139 million"
  and "$43 million" are the same unit of different things;
- the same actor (one side's offer is not the other side's demand) and no other day (one
  night's count is not the next night's), nor a higher count in a report of a later day
  (an update of a running total);
- and an outlet that states the other's value anywhere for that unit does not contradict
  it: it tells both quantities.

Two sentences that say one thing in the same words but for the numbers, each in the same
place, need none of this: their numbers are surely of one quantity.
"""

from __future__ import annotations

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.frames import comparable, parallel
from newsprism.comparison.discrepancies.measures import (
    MEASURES,
    RANK,
    Quantity,
    one_claim_per_range,
    quantities,
    vaguer,
)
from newsprism.model import Discrepancy, Span
from newsprism.nlp import ranges_conflict, same_time

__all__ = ["MEASURES", "RANK", "Quantity", "QuantityReader", "one_claim_per_range", "vaguer"]


class QuantityReader:
    """Numbers of the story's sentences, read once per article."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self._all: dict[str, list[Quantity]] = {}

    def in_sentence(self, span: Span) -> list[Quantity]:
        return quantities(self.evidence.sentence(span), self.evidence.articles[span.article])

    def in_article(self, article: str) -> list[Quantity]:
        if article not in self._all:
            doc = self.evidence.articles[article].doc
            self._all[article] = [
                q for s in doc.sents for q in quantities(s, self.evidence.articles[article])
            ]
        return self._all[article]

    def discrepancies(self, left: Span, right: Span) -> list[Discrepancy]:
        """Numbers of one quantity that differ between two counterpart sentences."""
        qa, qb = self.in_sentence(left), self.in_sentence(right)
        rest_a = [q for q in qa if not any(q.agrees(o) for o in qb)]
        rest_b = [q for q in qb if not any(q.agrees(o) for o in qa)]
        result = []
        for mine, theirs in _paired(rest_a, rest_b):
            if self.rejection(left, mine, right, theirs) is None:
                result.append(self.discrepancy(left.article, mine, right.article, theirs))
        return result

    def precision_differences(self, left: Span, right: Span) -> list[Discrepancy]:
        """Numbers of one quantity of which one side gives a vaguer value that holds the
        other's ("at least 23" / "31"): shown as a difference, never as a contradiction."""
        sa, sb = self.evidence.sentence(left), self.evidence.sentence(right)
        result = []
        for mine in self.in_sentence(left):
            for theirs in self.in_sentence(right):
                if not vaguer(mine, theirs) or self.states(
                    left.article, mine, right.article, theirs
                ):
                    continue
                if parallel(sa, sb, mine.bounds, theirs.bounds) or self.one_quantity(
                    left.article, mine, right.article, theirs
                ):
                    result.append(self.difference(left.article, mine, right.article, theirs))
        return result

    def states(self, a: str, qa: Quantity, b: str, qb: Quantity) -> bool:
        """Whether either report also gives the other's value exactly: then it tells it."""
        return any(o.value == qa.value for o in self.in_article(b)) or any(
            o.value == qb.value for o in self.in_article(a)
        )

    def difference(self, a: str, qa: Quantity, b: str, qb: Quantity) -> Discrepancy:
        found = self.discrepancy(a, qa, b, qb)
        unit = qa.unit if qa.unit == qb.unit else f"{qa.unit} / {qb.unit}"
        return found.model_copy(update={"description": f"one value of {unit} is vaguer"})

    def tells_both(self, a: str, qa: Quantity, b: str, qb: Quantity) -> bool:
        """Whether either report also states the other's value for that unit: then it
        tells two quantities, and does not contradict the other."""
        return any(qa.agrees(o) for o in self.in_article(b)) or any(
            qb.agrees(o) for o in self.in_article(a)
        )

    def one_quantity(self, a: str, qa: Quantity, b: str, qb: Quantity) -> bool:
        """Whether the two numbers count one thing of one event (see the module's rules)."""
        return self.other_quantity(a, qa, b, qb) is None

    def other_quantity(self, a: str, qa: Quantity, b: str, qb: Quantity) -> str | None:
        """Why the two numbers may not count one thing of one event; None when they do."""
        # Which of several things a rank picks out is clear only in sentences worded alike.
        if qa.unit.endswith(RANK):
            return "ranks"
        same_kind = qa.kind <= qb.kind or qb.kind <= qa.kind
        fa, fb = qa.frame, qb.frame
        if qa.thing is not None and (qa.unit, qa.thing) == (qb.unit, qb.thing) and same_kind:
            # A sum or a share of a thing someone acts on is that actor's: the raise the
            # union demands is not the raise the company offers.
            if not qa.measure or self.evidence.same_actor(a, fa.predicate, b, fb.predicate):
                return None
            return "other actors"
        if not comparable(fa, fb):
            return f"other events ({fa.lemma or '-'} / {fb.lemma or '-'})"
        if not self.evidence.same_actor(a, fa.predicate, b, fb.predicate):
            return "other actors"
        other = self.evidence.other_days(a, fa.predicate, b, fb.predicate)
        if other:
            return "other days"
        return "an update" if self.update(a, qa, b, qb) else None

    def update(self, a: str, qa: Quantity, b: str, qb: Quantity) -> bool:
        """Whether the two counts are a running total told on two days: the report
        published on a later day gives the higher value, not dated to the day of the
        earlier one ("killed eight people on Monday" / Thursday's "has now killed 15").
        A later lower value is a correction, which contradicts."""
        pa, pb = self.evidence.articles[a].published, self.evidence.articles[b].published
        if pa is None or pb is None or pa.date() == pb.date():
            return False
        (early, qe), (late, ql) = ((a, qa), (b, qb)) if pa < pb else ((b, qb), (a, qa))
        if ql.value[0] <= qe.value[1]:
            return False
        days = self.evidence.days_of(early, qe.frame.predicate)
        later = self.evidence.days_of(late, ql.frame.predicate)
        return not any(same_time(x, y) for x in days for y in later)

    def rejection(self, left: Span, qa: Quantity, right: Span, qb: Quantity) -> str | None:
        """Why two numbers of two sentences are no contradiction; None when they are one."""
        if qa.agrees(qb) or not ranges_conflict(qa.value, qb.value):
            return (
                "the same value" if qa.unit == qb.unit else f"other units ({qa.unit} / {qb.unit})"
            )
        slots = (qa.frame.lemma, qa.frame.role), (qb.frame.lemma, qb.frame.role)
        same_thing = qa.thing is not None and qa.thing == qb.thing
        if qa.measure and slots[0] != slots[1] and not same_thing:
            return "sums or shares in other slots"
        sa, sb = self.evidence.sentence(left), self.evidence.sentence(right)
        if parallel(sa, sb, qa.bounds, qb.bounds):
            return None
        if self.tells_both(left.article, qa, right.article, qb):
            return "a report states both values"
        return self.other_quantity(left.article, qa, right.article, qb)

    def discrepancy(self, a: str, qa: Quantity, b: str, qb: Quantity) -> Discrepancy:
        if qa.thing is not None and qa.thing == qb.thing:
            description = f"different measures of the {qa.thing}"
        else:
            unit = qa.unit if qa.unit == qb.unit else f"{qa.unit} / {qb.unit}"
            description = f"different numbers of {unit}"
        return Discrepancy(
            kind="number",
            description=description,
            claims=[qa.claim(self.evidence.articles[a]), qb.claim(self.evidence.articles[b])],
        )


def _paired(rest_a: list[Quantity], rest_b: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Which number answers which: of one unit, in text order when both sides have as
    many (else it is not clear which answers which); or the one number in one slot of
    verbs of one lemma on each side, whatever its unit ("pulled 150 people" / "pulled 156
    survivors")."""
    pairs = []
    for unit in dict.fromkeys(q.unit for q in rest_a):
        mine = [q for q in rest_a if q.unit == unit]
        theirs = [q for q in rest_b if q.unit == unit]
        if len(mine) != len(theirs):
            mine, theirs = one_claim_per_range(mine), one_claim_per_range(theirs)
        if len(mine) != len(theirs):
            continue
        for qa, qb in zip(mine, theirs, strict=True):
            same_thing = qa.thing is not None and qa.thing == qb.thing
            if (
                not qa.measure
                or same_thing
                or (qa.frame.lemma, qa.frame.role)
                == (
                    qb.frame.lemma,
                    qb.frame.role,
                )
            ):
                pairs.append((qa, qb))
    paired = {id(q) for pair in pairs for q in pair}

    def slot(q: Quantity) -> tuple[str, str] | None:
        if q.measure or id(q) in paired or not q.frame.lemma:
            return None
        return (q.frame.lemma, q.frame.role)

    slots_a = [(slot(q), q) for q in rest_a if slot(q) is not None]
    slots_b = [(slot(q), q) for q in rest_b if slot(q) is not None]
    for key, qa in slots_a:
        same_a = [q for k, q in slots_a if k == key]
        same_b = [q for k, q in slots_b if k == key]
        if len(same_a) == len(same_b) == 1 and ranges_conflict(qa.value, same_b[0].value):
            pairs.append((qa, same_b[0]))
    return pairs
