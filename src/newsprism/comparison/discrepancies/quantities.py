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
  night's count is not the next night's);
- and an outlet that states the other's value anywhere for that unit does not contradict
  it: it tells both quantities.

Two sentences that say one thing in the same words but for the numbers, each in the same
place, need none of this: their numbers are surely of one quantity.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.frames import (
    Frame,
    comparable,
    frame_of,
    parallel,
)
from newsprism.model import Article, Claim, Discrepancy, Span
from newsprism.nlp import (
    format_range,
    is_scale,
    parse_number,
    parse_ordinal,
    ranges_conflict,
)

_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_AGE = re.compile(r"\b(day|week|month|year)s?[- ]old\b", re.IGNORECASE)
# "two in three", "1-in-3", "nine out of 10": one proportion, not two counts.
_RATIO = re.compile(r"([\w.,]+)[\s-]+(?:in|out[\s-]+of)[\s-]+([\w.,]+)", re.IGNORECASE)
# The unit of an ordinal: a rank of what its head names.
RANK = " (rank)"
# Units that say how a thing is measured, not what is counted.
MEASURES = {"MONEY", "PERCENT"}


class Quantity:
    """One number of a sentence: what it counts, its value range and where it stands."""

    __slots__ = ("article", "ent", "frame", "kind", "thing", "unit", "value")

    def __init__(self, unit: str, value: tuple[float, float], ent: Any, article: str) -> None:
        self.unit, self.value, self.ent, self.article = unit, value, ent, article
        self.frame: Frame = frame_of(ent.root)
        # A rank tells which of several things ("the first shot", "the second shot"), never
        # how much of one.
        measured = None if unit.endswith(RANK) else _measured(ent.root)
        self.thing = measured.lemma_.casefold() if measured is not None else None
        # Which one of its kind the thing is: a "simple" majority is not a "conservative" one.
        self.kind = _kind_of(measured, ent.root) if measured is not None else frozenset()

    def agrees(self, other: Quantity) -> bool:
        return self.unit == other.unit and not ranges_conflict(self.value, other.value)

    @property
    def bounds(self) -> tuple[int, int]:
        return self.ent.start_char, self.ent.end_char

    def claim(self, article: Article) -> Claim:
        span = article.span(self.ent.start_char, self.ent.end_char)
        return Claim.on(span, format_range(self.value), self.ent.text)


def vaguer(qa: Quantity, qb: Quantity) -> bool:
    """Whether one is a range ("at least 23", "more than 5,000") and the other an exact
    value of the same unit strictly inside it: the same count told less precisely. The
    number the vague side states ("about 35", "at least 23": the middle or the bottom of
    its range) against that very number is one claim, not two precisions."""
    if qa.unit != qb.unit or qa.unit.endswith(RANK):
        return False
    for (low, high), (exact, top) in ((qa.value, qb.value), (qb.value, qa.value)):
        stated = low, (low + high) / 2
        if exact == top and low < exact < high and not any(_close(exact, x) for x in stated):
            return True
    return False


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def _number_value(article: Article, tokens: list[Any]) -> tuple[float, float] | None:
    """The value of the longest run of leading tokens that reads as a number: "40" of
    "40 feet", "five" of "another five days" (a determiner before it is no number)."""
    while tokens and tokens[0].pos_ == "DET" and tokens[0].lower_ not in {"a", "an"}:
        tokens = tokens[1:]
    for end in range(len(tokens), 0, -1):
        value = parse_number(
            article.text[tokens[0].idx : tokens[end - 1].idx + len(tokens[end - 1])]
        )
        if value is not None:
            return value
    return None


def _unit(ent: Any) -> str | None:
    """What a number counts: its noun ("12 people"), the unit inside the entity ("40 feet"),
    the noun after "of" ("17 of the states") or, for a bare number, the word governing it
    ("injured 124", "rose by 22,800"); durations and ages for DATE entities."""
    if ent.label_ in {"MONEY", "PERCENT"}:
        return ent.label_
    root = ent.root
    if ent.label_ == "DATE":
        # "two years ago" is a date, "1998" a year: only amounts of time are numbers.
        if any(t.lower_ == "ago" for t in (*ent, *root.children)):
            return None
        if age := _AGE.search(ent.text):
            return f"{age.group(1).casefold()}s old"
        counted = any(c.dep_ == "nummod" for c in root.children)
        return root.lemma_.casefold() if counted and root.lemma_ in _TIME_UNITS else None
    if root.dep_ in {"nummod", "quantmod"}:
        return root.head.lemma_.casefold()
    if not (root.like_num or is_scale(root.text)):
        return root.lemma_.casefold()
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted_noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if counted_noun is not None:
        return counted_noun.lemma_.casefold()
    head = root.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head
    return None if head is root else head.lemma_.casefold()


def _bounds(ent: Any) -> list[Any]:
    """The pieces of an entity to read as numbers: both ends of a stated range ("between
    150 and 200 percent", "10 to 28 percent"), else the entity itself. A stated range is
    two claims: "between 120 and 200" contradicts "between 150 and 200", though they
    overlap."""
    tokens = list(ent)
    start = 1 if tokens and tokens[0].lower_ == "between" else 0
    joiners = {"to", "and"} if start else {"to"}
    for i, token in enumerate(tokens[start + 1 : -1], start + 1):
        if token.lower_ in joiners and tokens[i - 1].like_num and tokens[i + 1].like_num:
            return [ent[start:i], ent[i + 1 :]]
    return [ent]


def _ordinal(ent: Any) -> tuple[str, tuple[float, float], Any] | None:
    """ "the 40th nation": a rank of what its head names, never equal to a count."""
    rank = parse_ordinal(ent.text.removeprefix("the ").strip())
    head = ent.root.head
    if rank is None or head is ent.root or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return f"{head.lemma_.casefold()}{RANK}", (rank, rank), ent


def _measured(root: Any) -> Any:
    """The thing a number describes, whatever is done with it: "the 35-word oath" and "the
    oath is 38 words" both measure the oath, "a capacity of 150" the capacity."""
    counted = root.head if root.dep_ in {"nummod", "quantmod"} else root
    if counted.dep_ in {"compound", "amod", "nmod"} and counted.head.pos_ == "NOUN":
        return counted.head
    of = counted.head
    if counted.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN":
        return of.head
    if counted.dep_ == "attr" and counted.head.lemma_ == "be":
        subject = next((c for c in counted.head.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and subject.pos_ == "NOUN" else None
    return None


def _kind_of(thing: Any, root: Any) -> frozenset[str]:
    """The words that say which one the thing is ("simple" majority, "licensed" capacity),
    leaving out the measure itself."""
    return frozenset(
        c.lemma_.casefold()
        for c in thing.children
        if c.dep_ in {"amod", "compound", "nmod"}
        and not (c.left_edge.i <= root.i <= c.right_edge.i)
    )


def _in_ratio(text: str, ent: Any) -> bool:
    """Whether the number is one side of a proportion ("a two-in-three chance")."""
    window = text[max(0, ent.start_char - 16) : ent.end_char + 16]
    offset = max(0, ent.start_char - 16)
    for match in _RATIO.finditer(window):
        sides = [parse_number(match.group(i)) for i in (1, 2)]
        if all(sides) and match.start() + offset <= ent.start_char < match.end() + offset:
            return True
    return False


def _quantities(sentence: Any, article: Article) -> list[Quantity]:
    """Every number in a sentence with its unit; proportions are not counts."""
    found = []
    for ent in sentence.ents if sentence is not None else []:
        if _in_ratio(article.text, ent):
            continue
        if ent.label_ == "ORDINAL":
            if (ranked := _ordinal(ent)) is not None:
                found.append(Quantity(*ranked, article.id))
            continue
        if ent.label_ not in _NUMBER_LABELS:
            continue
        unit = _unit(ent)
        if unit is None:
            continue
        for piece in _bounds(ent):
            value = _number_value(article, list(piece))
            if value is not None:
                found.append(Quantity(unit, value, piece, article.id))
    return found


class QuantityReader:
    """Numbers of the story's sentences, read once per article."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self._all: dict[str, list[Quantity]] = {}

    def in_sentence(self, span: Span) -> list[Quantity]:
        return _quantities(self.evidence.sentence(span), self.evidence.articles[span.article])

    def in_article(self, article: str) -> list[Quantity]:
        if article not in self._all:
            doc = self.evidence.articles[article].doc
            self._all[article] = [
                q for s in doc.sents for q in _quantities(s, self.evidence.articles[article])
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
        if qa.thing is not None and (qa.unit, qa.thing) == (qb.unit, qb.thing) and same_kind:
            return None
        fa, fb = qa.frame, qb.frame
        if not comparable(fa, fb):
            return f"other events ({fa.lemma or '-'} / {fb.lemma or '-'})"
        if not self.evidence.same_actor(a, fa.predicate, b, fb.predicate):
            return "other actors"
        other = self.evidence.other_days(a, fa.predicate, b, fb.predicate)
        return "other days" if other else None

    def rejection(self, left: Span, qa: Quantity, right: Span, qb: Quantity) -> str | None:
        """Why two numbers of two sentences are no contradiction; None when they are one."""
        if qa.agrees(qb) or not ranges_conflict(qa.value, qb.value):
            return (
                "the same value" if qa.unit == qb.unit else f"other units ({qa.unit} / {qb.unit})"
            )
        slots = (qa.frame.lemma, qa.frame.role), (qb.frame.lemma, qb.frame.role)
        if qa.unit in MEASURES and slots[0] != slots[1]:
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
            continue
        for qa, qb in zip(mine, theirs, strict=True):
            if unit not in MEASURES or (qa.frame.lemma, qa.frame.role) == (
                qb.frame.lemma,
                qb.frame.role,
            ):
                pairs.append((qa, qb))
    paired = {id(q) for pair in pairs for q in pair}

    def slot(q: Quantity) -> tuple[str, str] | None:
        if q.unit in MEASURES or id(q) in paired or not q.frame.lemma:
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
