"""Days and clock times on which outlets disagree: the same event, dated otherwise.

A follow-up report names the day of the event and the day of the reaction to it; a
sentence may date a background event ("in 1987 another ferry sank"). So a time is
weighed against another only when both date what their counterpart sentences tell (see
`frames`) and neither is the day a statement was made; when both are of one precision
(a day against a day, a year against a year: "Tuesday" against "2008" dates two events);
and when neither outlet names the other's time anywhere — an outlet that gives both days
tells two events, not another day for one; so does one that counts the other's day among
its own ("on Saturday night, after a second night of unrest") when no named participant
ties the two accounts to one occasion. Two sentences that say one thing in the same words
but for the times, each in the same place, need none of this.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.frames import (
    comparable,
    frame_of,
    is_speech,
    parallel,
)
from newsprism.model import Claim, Discrepancy, DiscrepancyKind, Span
from newsprism.nlp import TimeValue, same_time

# Forms of one precision; only these are weighed against each other.
PRECISION = {
    "instant": "clock",
    "time": "clock",
    "date": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
}
# Days, weeks and months: the spans of the calendar a happening is dated to.
_CALENDAR = frozenset({"date", "week", "month"})
# Prepositions that set a bound, not a time: "after 8 a.m." is a time only when narrowed
# ("shortly after 8 a.m.").
BOUNDS = frozenset({"after", "before", "by", "until", "since"})
# What `times_across` weighs, by precision: spans of the calendar, and hours. Years and
# decades date background more often than the happening itself.
_ACROSS = {kind: "calendar" for kind in _CALENDAR} | {"instant": "clock", "time": "clock"}


def _within(times: list[TimeValue], span: Span) -> list[TimeValue]:
    return [t for t in times if span.start <= t.start < span.end and t.kind in PRECISION]


def _named_anywhere(value: TimeValue, times: list[TimeValue]) -> bool:
    return any(
        PRECISION.get(t.kind) == PRECISION[value.kind] and same_time(t, value) for t in times
    )


def counted_apart(
    evidence: Evidence, a: str, ta: TimeValue, pa: Any, b: str, tb: TimeValue, pb: Any
) -> bool:
    """Whether a report counts the other's day among the days of a happening that recurs
    ("arrested 60 people on Saturday night, after a second night of unrest": Friday night
    was one too; see `Evidence.counted_days`) and no named participant ties the two
    accounts (predicates ``pa``, ``pb``) to one occasion: arrests of people one does not
    know are another night's, a named man's conviction is one."""
    counted = (ta.day is not None and ta.day in evidence.counted_days(b)) or (
        tb.day is not None and tb.day in evidence.counted_days(a)
    )
    if not counted:
        return False
    named = set(evidence.named_participants(a, pa))
    return not named & set(evidence.named_participants(b, pb))


def _of_other_precision(evidence: Evidence, a: str, ta: TimeValue, b: str, tb: TimeValue) -> bool:
    """Whether two times of different precision tell no contradiction: the vaguer may hold
    the other ("last week" / "on Tuesday"), or one dates something of another year than
    its report, which is background ("in 2008" / "on Tuesday"). Two of the report's own
    year that cannot overlap ("last month" / "last week", in mid-June) are two values for
    one time like any others."""
    if PRECISION[ta.kind] == PRECISION[tb.kind]:
        return False
    return same_time(ta, tb) is not False or not (
        _of_the_year(evidence, a, ta) and _of_the_year(evidence, b, tb)
    )


def _of_the_year(evidence: Evidence, article: str, value: TimeValue) -> bool:
    published = evidence.articles[article].published
    return published is not None and (value.value or "").startswith(str(published.year))


def same_weekday(a: TimeValue, b: TimeValue) -> bool:
    """Two outlets naming one weekday name one day, though a day apart in publication may
    resolve it to two weeks."""
    return a.weekday is not None and a.weekday == b.weekday and a.text.split() == b.text.split()


def _other_event(
    evidence: Evidence, left: Span, a: TimeValue, right: Span, b: TimeValue
) -> str | None:
    """Why two times in counterpart sentences that word it otherwise may not date one
    event; None when they do."""
    all_a, all_b = evidence.times[left.article], evidence.times[right.article]
    if _named_anywhere(a, all_b) or _named_anywhere(b, all_a):
        return "a report names both times"
    token_a = evidence.token_at(left.article, a.start)
    token_b = evidence.token_at(right.article, b.start)
    if token_a is None or token_b is None:
        return "a time is outside the parse"
    fa, fb = frame_of(token_a), frame_of(token_b)
    if is_speech(fa.predicate) or is_speech(fb.predicate):
        return "the day of a statement"
    if bounded(token_a, fa.predicate) or bounded(token_b, fb.predicate):
        return "a bound, not a time"
    if not comparable(fa, fb):
        return f"other events ({fa.lemma or '-'} / {fb.lemma or '-'})"
    if not evidence.same_actor(left.article, fa.predicate, right.article, fb.predicate):
        return "other actors"
    if counted_apart(evidence, left.article, a, fa.predicate, right.article, b, fb.predicate):
        return "one of a series of happenings"
    return None


def _happening_keys(evidence: Evidence, article: str, value: TimeValue) -> list[Hashable]:
    """The dated happening (see `Evidence.happenings`), when the day is a claim about it:
    hung on the verb as its time ("on Tuesday", "Tuesday"), not as what it acts on."""
    token = evidence.token_at(article, value.start)
    frame = frame_of(token) if token is not None else None
    if frame is None or not frame.role.startswith(("prep:", "npadvmod")):
        return []
    if bounded(token, frame.predicate):
        return []
    return evidence.happenings(article, frame.predicate)


def bounded(token: Any, predicate: Any) -> bool:
    """Whether the phrase that hangs a time on its predicate sets a bound (see `bound`)."""
    return any(bound(n) for n in (token, *token.ancestors) if n.head.i == predicate.i)


def bound(node: Any) -> bool:
    """Whether a preposition sets a bound, not a time: "after 8 a.m.", "until Friday"
    (narrowed, "shortly after 8 a.m." is a time)."""
    narrowed = any(c.dep_ == "advmod" for c in node.children)
    return node.dep_ == "prep" and node.lower_ in BOUNDS and not narrowed


def times_across(evidence: Evidence, articles: Sequence[str]) -> list[Discrepancy]:
    """Days, and hours, of one happening that two reports each give once, otherwise."""
    dated: dict[str, dict[Hashable, TimeValue]] = {}
    for article in articles:
        keyed: dict[Hashable, list[TimeValue]] = {}
        for value in evidence.times[article]:
            if value.kind not in _ACROSS:
                continue
            # A report gives a happening its day and its hour apart ("on Monday", "at 9
            # a.m."): each is weighed against the other report's of that precision.
            for key in _happening_keys(evidence, article, value):
                keyed.setdefault((_ACROSS[value.kind], key), []).append(value)
        dated[article] = {
            key: found[0]
            for key, found in keyed.items()
            if all(same_time(v, found[0]) for v in found)
        }
    result = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for key in dated[a].keys() & dated[b].keys():
                ta, tb = dated[a][key], dated[b][key]
                if two_values(evidence, a, ta, b, tb):
                    result.append(time_claim(evidence, a, ta, b, tb))
    return result


def two_values(evidence: Evidence, a: str, ta: TimeValue, b: str, tb: TimeValue) -> bool:
    """Whether the times two reports each give one event are two values for it: they cannot
    both hold, at one precision, and neither report names the other's (then it tells two
    events)."""
    if same_time(ta, tb) is not False or same_weekday(ta, tb):
        return False
    if _of_other_precision(evidence, a, ta, b, tb):
        return False
    return not (_named_anywhere(ta, evidence.times[b]) or _named_anywhere(tb, evidence.times[a]))


def time_claim(evidence: Evidence, a: str, ta: TimeValue, b: str, tb: TimeValue) -> Discrepancy:
    calendar = ta.kind in _CALENDAR and tb.kind in _CALENDAR
    kind: DiscrepancyKind = "date" if calendar else "time"
    return Discrepancy(
        kind=kind,
        description=f"different {kind}s for the same event",
        claims=[
            Claim.on(evidence.articles[a].span(ta.start, ta.end), ta.value, ta.text),
            Claim.on(evidence.articles[b].span(tb.start, tb.end), tb.value, tb.text),
        ],
    )


def time_rejection(
    evidence: Evidence, left: Span, a: TimeValue, right: Span, b: TimeValue
) -> str | None:
    """Why two times of two sentences are no contradiction; None when they are one."""
    if _of_other_precision(evidence, left.article, a, right.article, b):
        return "times of different precision"
    if same_time(a, b) is not False or same_weekday(a, b):
        return "the same time"
    sa, sb = evidence.sentence(left), evidence.sentence(right)
    if parallel(sa, sb, (a.start, a.end), (b.start, b.end)):
        return None
    return _other_event(evidence, left, a, right, b)


def times_within(evidence: Evidence, span: Span) -> list[TimeValue]:
    """The times of a sentence that a time of another sentence may be weighed against."""
    return _within(evidence.times[span.article], span)


def time_discrepancies(evidence: Evidence, left: Span, right: Span) -> list[Discrepancy]:
    """Times of one event that differ between two counterpart sentences."""
    return [
        time_claim(evidence, left.article, a, right.article, b)
        for a in times_within(evidence, left)
        for b in times_within(evidence, right)
        if time_rejection(evidence, left, a, right, b) is None
    ]
