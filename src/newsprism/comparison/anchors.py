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
from datetime import timedelta
from typing import Any

from newsprism.comparison.discrepancies import is_predicate
from newsprism.nlp import TimeValue, day_range

Token = Any

# A span longer than this holds many occasions ("the 1990s", "between 1990 and 2010").
_OCCASION = timedelta(days=366)
# Prepositions of a span a happening runs over, and a length in years ("P30Y").
_OVER = frozenset("over during throughout across in within".split())
_YEARS = re.compile(r"P\d+Y")
_THINGS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
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


def _period(value: TimeValue, over: bool) -> bool | None:
    """Whether a time is a period of many occasions. A length of time is one only when the
    happening runs over it, in years ("killed thousands over the past three decades");
    "sentenced to five years" or "lasted two hours" measure one occasion."""
    if value.kind == "duration":
        return True if over and _YEARS.fullmatch(value.value or "") else None
    span = day_range(value)
    return None if span is None else span[1] - span[0] > _OCCASION


def _inherited(token: Token, own: dict[int, bool]) -> bool | None:
    """A verb's own time, else that of the verb its clause hangs on ("collided in 1987,
    killing more than 4,000": the killing is of 1987). A relative clause describes a thing,
    whose time is its own."""
    node = token
    for _ in range(6):
        if node.i in own:
            return own[node.i]
        if node.dep_ == "relcl" or node.head.i == node.i or node.head.pos_ in _THINGS:
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
