"""The numbers of a sentence as quantities: what each counts or measures (its unit and the
thing it describes), its value range, and the predicate it hangs on.

A number is read from the parse: "12 people" counts people, "the 35-word oath" measures
the oath, "injured 124" counts what is injured, "3 percent a year" is a rate, "between
200 and 300" is two bounds; a proportion ("two in three"), a year or a date is no
quantity.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.comparison.discrepancies.frames import Frame, frame_of
from newsprism.model import Article, Claim
from newsprism.nlp import is_scale, parse_number, parse_ordinal, ranges_conflict, stated_value

_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
# Determiners and adverbs that make a number a rate: "a year", "each month", "annually".
_EACH = frozenset({"a", "an", "each", "every", "per"})
_PERIODIC = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
             "daily": "day", "hourly": "hour"}  # fmt: skip
_AGE = re.compile(r"\b(day|week|month|year)s?[- ]old\b", re.IGNORECASE)
# "two in three", "1-in-3", "nine out of 10": one proportion, not two counts.
_RATIO = re.compile(r"([\w.,]+)[\s-]+(?:in|out[\s-]+of)[\s-]+([\w.,]+)", re.IGNORECASE)
# The unit of an ordinal: a rank of what its head names.
RANK = " (rank)"
# Units that say how a thing is measured, not what is counted.
MEASURES = {"MONEY", "PERCENT"}


class Quantity:
    """One number of a sentence: what it counts, its value range and where it stands."""

    __slots__ = ("article", "ent", "frame", "kind", "names", "stated", "thing", "unit", "value")

    def __init__(
        self, unit: str, value: tuple[float, float], ent: Any, article: str, stated: Any = None
    ) -> None:
        self.unit, self.value, self.ent, self.article = unit, value, ent, article
        # The whole stated range ("between 200 and 300") a bound was read from, if any.
        self.stated = stated
        self.frame: Frame = frame_of(ent.root)
        # A rank tells which of several things ("the first shot", "the second shot"), never
        # how much of one.
        measured = None if unit.endswith(RANK) else _measured(ent.root, self.measure)
        self.thing = measured.lemma_.casefold() if measured is not None else None
        # Which one of its kind the thing is: a "simple" majority is not a "conservative" one.
        self.kind = _kind_of(measured, ent.root) if measured is not None else frozenset()

    @property
    def measure(self) -> bool:
        """A sum or a share (also one per unit of time): what it measures is told by its
        slot or its thing, never by its unit."""
        return self.unit.split("/")[0] in MEASURES

    def agrees(self, other: Quantity) -> bool:
        return self.unit == other.unit and not ranges_conflict(self.value, other.value)

    @property
    def bounds(self) -> tuple[int, int]:
        return self.ent.start_char, self.ent.end_char

    def claim(self, article: Article) -> Claim:
        span = article.span(self.ent.start_char, self.ent.end_char)
        return Claim.on(span, stated_value(self.ent.text, self.value), self.ent.text)


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


def _rate(root: Any) -> str:
    """ "/year" for a number given per unit of time ("3 percent a year", "$40 per hour",
    "rises 2 percent annually"): a rate is no total over a period ("6 percent over two
    years"), so the two are of different units."""
    node = root
    for _ in range(3):
        for child in node.children:
            unit = child.lemma_.casefold()
            if child.dep_ == "npadvmod" and unit in _TIME_UNITS:
                each = any(d.dep_ == "det" and d.lower_ in _EACH for d in child.children)
                # "a week after the storm" is when, not how often.
                if each and not any(d.dep_ in {"prep", "advmod"} for d in child.children):
                    return f"/{unit}"
            if child.dep_ == "prep" and child.lower_ == "per":
                per = next((c for c in child.children if c.dep_ == "pobj"), None)
                if per is not None and per.lemma_.casefold() in _TIME_UNITS:
                    return f"/{per.lemma_.casefold()}"
            if child.dep_ == "advmod" and child.lower_ in _PERIODIC:
                return f"/{_PERIODIC[child.lower_]}"
        if node.head.i == node.i or node.pos_ == "VERB":
            break
        node = node.head
    return ""


def _bounds(ent: Any) -> list[Any]:
    """The pieces of an entity to read as numbers: both ends of a stated range ("between
    150 and 200 percent", "10 to 28 percent"), else the entity itself. A stated range is
    two claims: "between 120 and 200" contradicts "between 150 and 200", though they
    overlap."""
    tokens = list(ent)
    start = 1 if tokens and tokens[0].lower_ == "between" else 0
    # The tagger may leave "between" out of the entity ("between [20 and 30] houses").
    between = start or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "between")
    joiners = {"to", "and"} if between else {"to"}
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


def _measured(root: Any, measure: bool) -> Any:
    """The thing a number describes, whatever is done with it: "the 35-word oath" and "the
    oath is 38 words" both measure the oath, "a capacity of 150" the capacity, "a $2.1
    billion contract" (a sum or a share set before a noun) the contract, and "the rate
    fell to 4.1 percent" (the value a change reaches) the rate."""
    counted = root.head if root.dep_ in {"nummod", "quantmod"} else root
    if measure and counted is not root and counted.pos_ == "NOUN":
        return counted
    if counted.dep_ in {"compound", "amod", "nmod"} and counted.head.pos_ == "NOUN":
        return counted.head
    of = counted.head
    if counted.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN":
        return of.head
    if counted.dep_ == "pobj" and of.lower_ == "to" and of.head.pos_ == "VERB":
        return _changed(of.head)
    if counted.dep_ == "attr" and counted.head.lemma_ == "be":
        subject = next((c for c in counted.head.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and subject.pos_ == "NOUN" else None
    return None


def _changed(verb: Any) -> Any:
    """What a change brings to a value: the object of "cut the rate to 4 percent", else
    the subject of "the rate fell to 4 percent"."""
    for deps in ({"dobj"}, {"nsubj", "nsubjpass"}):
        found = next((c for c in verb.children if c.dep_ in deps), None)
        if found is not None:
            return found if found.pos_ == "NOUN" else None
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


def quantities(sentence: Any, article: Article) -> list[Quantity]:
    """Every number in a sentence with its unit; proportions are not counts."""
    found = []
    for ent in [*(sentence.ents if sentence is not None else []), *_untagged(sentence)]:
        if _in_ratio(article.text, ent):
            continue
        if ent.label_ == "ORDINAL":
            if (ranked := _ordinal(ent)) is not None:
                found.append(Quantity(*ranked, article.id))
            continue
        if ent.label_ not in _NUMBER_LABELS and ent.label_:
            continue
        unit = _unit(ent)
        if unit is None:
            continue
        unit += _rate(ent.root)
        pieces = _bounds(ent)
        stated = ent if len(pieces) > 1 else None
        for piece in pieces:
            value = _number_value(article, list(piece))
            if value is not None:
                found.append(Quantity(unit, value, piece, article.id, stated))
    return found


def one_claim_per_range(found: list[Quantity]) -> list[Quantity]:
    """The quantities with the bounds of each stated range taken as one claim, the range
    ("between 200 and 300 homes": 200-300): against a single value it is one claim, which
    a value outside it contradicts ("about 1,000 homes"); only against another range are
    its bounds two claims."""
    result: list[Quantity] = []
    seen: set[tuple[str, int]] = set()
    for q in found:
        if q.stated is None:
            result.append(q)
        elif (key := (q.article, q.stated.start_char)) not in seen:
            seen.add(key)
            bounds = [b for b in found if b.stated is not None and b.stated == q.stated]
            values = [v for b in bounds for v in b.value]
            result.append(Quantity(q.unit, (min(values), max(values)), q.stated, q.article))
    return result


def _untagged(sentence: Any) -> list[Any]:
    """Numbers the entity tagger left out, as one-token spans without a label: a number
    word counting a noun ("Eleven people were rescued"), which it often misses at the
    start of a sentence."""
    if sentence is None:
        return []
    return [
        sentence.doc[t.i : t.i + 1]
        for t in sentence
        if t.like_num and t.dep_ == "nummod" and not t.ent_type_ and t.head.pos_ == "NOUN"
    ]
