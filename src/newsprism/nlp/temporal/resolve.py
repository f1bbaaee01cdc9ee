"""Time expressions resolved against the article's reference day and zone.

Relative expressions ("Thursday", "a year ago") resolve against the article's reference
day: its publication date, else its dateline ("HANOI, Feb. 28 (AP) —"; without a year,
the first such day after the latest past date the text states). Without one they stay
unresolved (value None) but keep their weekday. A time without a zone is the dateline's
local time when the tz database names a zone after the dateline's city. Only clock times
are converted to UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from newsprism.model import Article
from newsprism.nlp.temporal.dates import MONTH, PROBE, parse_day, resolve_date
from newsprism.nlp.temporal.expressions import Expression, clock_offset, find_expressions
from newsprism.nlp.temporal.values import Kind, Reference, TimeValue

_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s*(?!{MONTH}\s)[A-Z][\w.'’ -]{{1,30}}?)??"
    rf"(?:,\s*(?P<date>{MONTH}\s+\d{{1,2}}(?:,?\s+(?P<year>\d{{4}}))?))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?\s*(?:--|[—–-])(?:\s|$)"
)
_FULL_DATE = re.compile(rf"\b{MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b")
# How long before its publication date a report may have been filed.
_FILING_DAYS = 3
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "may", "might", "should"}
_PLANNED = {"schedule", "expect", "plan", "set", "due", "slate"}


def reference(article: Article) -> Reference:
    """The article's reference day (published date, else dateline) and dateline zone."""
    first = article.text[: article.paragraphs[0].end] if article.paragraphs else article.text
    match = _DATELINE.match(first)
    if match is None:
        return Reference(article.published.date() if article.published else None)
    zone, end = _place_zone(match["place"]), match.end()
    if article.published is not None:
        return Reference(
            _filed(match["date"], article.published) or article.published.date(), zone, end
        )
    if match["date"] is None:
        return Reference(None, zone, end)
    if match["year"]:
        return Reference(parse_day(match["date"], PROBE, "past"), zone, end)
    # Without a year: the first such day on or after the latest past date the text states.
    stated = [
        parse_day(m.text, PROBE, "past")
        for m in article.mentions
        if m.label == "DATE" and _FULL_DATE.search(m.text)
        if _preference(article, m.start, m.end) == "past"
    ]
    latest = max((d for d in stated if d is not None), default=None)
    if latest is None:
        return Reference(None, zone, end)
    return Reference(
        parse_day(match["date"], datetime.combine(latest, time(12)), "future"), zone, end
    )


def resolve_times(article: Article) -> list[TimeValue]:
    """Every time expression of an annotated article, in text order."""
    ref = reference(article)
    return [_resolve(article, ref, expression) for expression in find_expressions(article, ref)]


def _resolve(article: Article, ref: Reference, expression: Expression) -> TimeValue:
    start, end, clock, piece = expression
    text = article.text[start:end]
    value: str | None = None
    kind: Kind = "date"
    day: date | None = None
    weekday: int | None = None
    if piece is not None:
        prefer = _preference(article, start, end)
        value, kind, day, weekday = resolve_date(article.text[piece[0] : piece[1]], ref, prefer)
    if clock is None:
        return TimeValue(start, end, text, value, kind, None, weekday, day)
    offset = clock_offset(clock, day or ref.day)
    if offset is None:
        local = f"{day or ''}T{clock.local:%H:%M}"
        return TimeValue(start, end, text, local, "instant" if day else "time", None, weekday, day)
    instant = datetime.combine(day or date(2000, 1, 2), clock.local, timezone(offset))
    utc = instant.astimezone(UTC)
    if day is None:
        return TimeValue(start, end, text, f"T{utc:%H:%M}Z", "time", utc.time(), weekday)
    return TimeValue(start, end, text, utc.isoformat(), "instant", utc.time(), weekday, day)


def _filed(dateline: str | None, published: datetime) -> date | None:
    """The dateline's day when it is at most a few days before publication: a wire filed
    in Paris on February 20 may carry the 21st as its date, and its "today" is the 20th."""
    if not dateline:
        return None
    day = parse_day(dateline, datetime.combine(published.date(), time(12)), "past")
    if day is None or not 0 <= (published.date() - day).days <= _FILING_DAYS:
        return None
    return day


def _preference(article: Article, start: int, end: int) -> str:
    """ "future" when the verb the expression hangs on is future or planned, "past" when it is
    in the past tense, else "current_period": "the July 10 meeting is…" is this year's July 10."""
    doc = article.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    for token in span.root.ancestors if span is not None else ():
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        helpers = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
        if any(h.lower_ in _FUTURE_AUX for h in helpers) or token.lemma_ in _PLANNED:
            return "future"
        # The finite verb carries the tense: "is aimed" is present though "aimed" is a
        # past participle.
        finite = [t for t in [token, *helpers] if "Fin" in t.morph.get("VerbForm")]
        if any("Past" in t.morph.get("Tense") for t in finite):
            return "past"
        if finite:
            return "current_period"
    return "current_period"


@cache
def _place_zone(place: str) -> tzinfo | None:
    """The zone of a dateline city when the tz database names a zone after it."""
    wanted = "_".join(place.split()).casefold()
    names = sorted(n for n in available_timezones() if n.casefold().endswith(f"/{wanted}"))
    return ZoneInfo(names[0]) if names else None
