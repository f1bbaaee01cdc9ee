"""Numbers compared across whole reports, not only inside sentences aligned into a fact.

Two outlets may word one claim so differently that no sentence of one is aligned with a
sentence of the other ("Thirty-one people were killed when the ferry sank" / "the ferry
capsized, killing 23 people"). A claim is still a claim about one attribute of one event
when each report makes it once:

- a measure of a thing, written into its name or given as its value ("the 48-page
  indictment" / "the 47-page indictment"; "a licensed capacity of 150" / "its licensed
  capacity is 200 passengers"): a claim about the thing itself, wherever it stands;
- a count in one slot of one verb, of one unit ("killed 31 people" / "killing 23
  people"), asserted, by the same actor, in a sentence that
  dates nothing outside the report's own year (a background event: "in 1987 another
  ferry sank, killing 4,000 people").

Each report must make the claim once (or always with the same value), else it is not
clear which is meant; and a report that states the other's value anywhere tells two
quantities, not another value for one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from newsprism.comparison.discrepancies.frames import asserted
from newsprism.comparison.discrepancies.measures import (
    RANK,
    Quantity,
    one_claim_per_range,
    vaguer,
)
from newsprism.comparison.discrepancies.quantities import QuantityReader
from newsprism.model import Discrepancy
from newsprism.nlp import ranges_conflict


@dataclass
class Across:
    contradictions: list[Discrepancy] = field(default_factory=list)
    differences: list[Discrepancy] = field(default_factory=list)  # "at least 23" / 31


def across_reports(reader: QuantityReader, articles: Sequence[str]) -> Across:
    """Measured things and counted slots that two reports each state once, otherwise."""
    found = Across()
    _compare(reader, articles, found, _thing_key, fits=_same_measure)
    _compare(reader, articles, found, lambda q: _slot_key(reader, q), check_event=True)
    return found


def _thing_key(q: Quantity) -> Hashable | None:
    return ("thing", q.thing) if q.thing is not None and not q.measure else None


def _same_measure(qa: Quantity, qb: Quantity) -> bool:
    """The same kind of thing (the words that single it out agree as far as both give
    them: a "simple majority" is not a "conservative majority"), in one unit or as a bare
    value of the thing on one side ("a capacity of 150": its unit is the thing itself)."""
    if not (qa.kind <= qb.kind or qb.kind <= qa.kind):
        return False
    return qa.unit == qb.unit or qa.unit == qa.thing or qb.unit == qb.thing


def _slot_key(reader: QuantityReader, q: Quantity) -> Hashable | None:
    frame = q.frame
    if q.measure or q.unit.endswith(RANK) or q.thing is not None or not frame.lemma:
        return None
    if not asserted(frame.predicate) or reader.evidence.background(q.article, q.ent.sent):
        return None
    return (frame.lemma, frame.role, q.unit)


def _compare(
    reader: QuantityReader,
    articles: Sequence[str],
    found: Across,
    key_of: Callable[[Quantity], Hashable | None],
    check_event: bool = False,
    fits: Callable[[Quantity, Quantity], bool] = lambda qa, qb: True,
) -> None:
    told: dict[str, dict[Hashable, Quantity]] = {}
    for article in articles:
        keyed: dict[Hashable, list[Quantity]] = {}
        for q in one_claim_per_range(reader.in_article(article)):
            if (key := key_of(q)) is not None:
                keyed.setdefault(key, []).append(q)
        told[article] = {
            key: found[0]
            for key, found in keyed.items()
            if all(q.agrees(found[0]) and found[0].agrees(q) for q in found)
        }
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for key in told[a].keys() & told[b].keys():
                qa, qb = told[a][key], told[b][key]
                if ranges_conflict(qa.value, qb.value):
                    if reader.tells_both(a, qa, b, qb):
                        continue
                    into, make = found.contradictions, reader.discrepancy
                elif vaguer(qa, qb) and not reader.states(a, qa, b, qb):
                    into, make = found.differences, reader.difference
                else:
                    continue
                if not fits(qa, qb):
                    continue
                if check_event and not (
                    reader.evidence.same_actor(a, qa.frame.predicate, b, qb.frame.predicate)
                    and not reader.evidence.other_days(a, qa.frame.predicate, b, qb.frame.predicate)
                    and not reader.update(a, qa, b, qb)
                ):
                    continue
                into.append(make(a, qa, b, qb))
