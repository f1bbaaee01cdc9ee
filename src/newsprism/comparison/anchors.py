"""When a sentence's happenings take place, as far as it says: over a period, or on one
occasion.

A report tells the news and, beside it, background in the same verb: "capsized on
Wednesday, killing 23 people" / "poorly maintained boats have killed thousands of people
over the past three decades". A count over a period of years and a count on one occasion
are two quantities (the labelling rules: "the same thing counted, of the same group, at the
same time"), so one verb does not make them one happening. A time hangs in the parse on the
verb it dates ("have killed … over the past three decades", "collided in 1987"); a verb
without a time of its own takes that of the verb its clause hangs on ("capsized on
Wednesday, killing 23": the killing is of Wednesday). Two days, or a day and a year, are
never set apart here: that is the same attribute told two ways (or a precision), which a
reader and the discrepancy finder must see side by side. (Setting a happening of an earlier
year apart from one of the report's own days was measured and not kept: see
docs/comparison-quality.md.)
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Literal, TypeVar

from newsprism.comparison.discrepancies import is_predicate, is_speech
from newsprism.nlp import TimeValue, day_range

Token = Any
T = TypeVar("T")

# A span longer than this holds many occasions ("the 1990s", "between 1990 and 2010").
_OCCASION = timedelta(days=366)
# Prepositions of a span a happening runs over, and a length in years ("P30Y").
_OVER = frozenset("over during throughout across in within".split())
_YEARS = re.compile(r"P\d+Y")
_THINGS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# A day this close before the report's own is of the news it reports.
_NEWS = timedelta(days=7)

_WILL = frozenset({"will", "'ll", "’ll", "wo", "shall"})

Era = Literal["past", "news", "coming"]
# A time in one of these relations to its head names a thing ("the 2016 nomination").
_NAMING = frozenset({"compound", "amod", "nummod", "poss", "nmod", "appos"})


def over_periods(sentence: Any, times: list[TimeValue]) -> dict[int, bool]:
    """For each verb of a sentence (a spaCy span) that it dates, by token index: whether it
    happens over a period of years (True) or on one occasion (False); its own time, else
    that of the verb it hangs on. A time that names a thing ("the 2016 nomination") dates
    nothing."""
    doc = sentence.doc
    own: dict[int, bool] = {}
    for value in times:
        if not (sentence.start_char <= value.start < sentence.end_char):
            continue
        phrase = doc.char_span(value.start, value.end, alignment_mode="expand")
        verb, over = _dated(phrase.root) if phrase is not None else (None, False)
        period = _period(value, over)
        if period is not None and verb is not None:
            own.setdefault(verb.i, period)
    dated = {}
    for token in sentence:
        if is_predicate(token) or token.i in own:
            period = _inherited(token, own)
            if period is not None:
                dated[token.i] = period
    return dated


def eras(sentence: Any, times: list[TimeValue], day: date | None) -> dict[int, Era]:
    """For each verb of a sentence (a spaCy span) that it dates, by token index: whether it
    happened in a year before the report's (``day``), in the days of the news it reports
    (the week up to ``day``), or is still to come ("will", when it has no time of its own);
    its own time, else that of the verb it hangs on, unless that verb only says when words
    were said. The news and an earlier year's happening of the same kind ("flooded the town
    on Monday" / "last flooded the town in 1997"), or what is still to come and what
    happened ("announced Tuesday she will run" / "ran in 2018"), are two happenings; two
    days of one era are one attribute told two ways, which stays together, and so is a
    day after the report's, which may be a misdated day of the news."""
    if day is None:
        return {}
    doc = sentence.doc
    own: dict[int, Era] = {}
    timed = set()
    for value in times:
        if not (sentence.start_char <= value.start < sentence.end_char):
            continue
        phrase = doc.char_span(value.start, value.end, alignment_mode="expand")
        verb, _ = _dated(phrase.root) if phrase is not None else (None, False)
        if verb is None:
            continue
        timed.add(verb.i)
        era = _era(value, day)
        if era is not None:
            own.setdefault(verb.i, era)
    found = {}
    for token in sentence:
        if is_predicate(token) or token.i in own:
            era = _inherited(token, own)
            # Without a time of its own, "will" still says it is to come.
            if (
                era is None
                and token.i not in timed
                and any(c.dep_ == "aux" and c.lower_ in _WILL for c in token.children)
            ):
                era = "coming"
            if era is not None:
                found[token.i] = era
    return found


def _era(value: TimeValue, day: date) -> Era | None:
    if value.kind == "duration":
        return None
    span = day_range(value)
    if span is None:
        return None
    if span[1] < date(day.year, 1, 1):
        return "past"
    if span[0] > day:
        # A day after the report's may be a misdated day of the news ("June 25" for "June
        # 5"): a value to compare, not another era.
        return None
    return "news" if span[0] >= day - _NEWS else None


def _period(value: TimeValue, over: bool) -> bool | None:
    """Whether a time is a period of many occasions. A length of time is one only when the
    happening runs over it, in years ("killed thousands over the past three decades");
    "sentenced to five years" or "lasted two hours" measure one occasion."""
    if value.kind == "duration":
        return True if over and _YEARS.fullmatch(value.value or "") else None
    span = day_range(value)
    return None if span is None else span[1] - span[0] > _OCCASION


def _inherited(token: Token, own: dict[int, T]) -> T | None:
    """A verb's own time, else that of the verb its clause hangs on ("collided in 1987,
    killing more than 4,000": the killing is of 1987). A relative clause describes a thing,
    whose time is its own."""
    node = token
    for _ in range(6):
        if node.i in own:
            return own[node.i]
        if node.dep_ == "relcl" or node.head.i == node.i or node.head.pos_ in _THINGS:
            return None
        # When words were said is not when what they tell happened ("announced Tuesday he
        # will run", "said Friday the deal was signed in 2015").
        if node.dep_ in {"ccomp", "parataxis"} and is_speech(node.head):
            return None
        node = node.head
    return None


def _dated(token: Token) -> tuple[Token | None, bool]:
    """The verb a time phrase dates ("ran … in 2008", "announced Tuesday"), None when it
    qualifies a thing ("the 2016 nomination", "the vote on Tuesday"); and whether the
    phrase is what the happening runs over ("over the past three decades")."""
    node = token
    over = False
    for _ in range(4):
        if node.dep_ in _NAMING or node.head.i == node.i:
            return None, False
        node = node.head
        over = over or (node.dep_ == "prep" and node.lower_ in _OVER)
        if is_predicate(node) or node.lemma_.casefold() == "be":
            return node, over
        if node.pos_ in _THINGS:
            return None, False
    return None, False
