"""Date parts ("Thursday", "June", "a year ago", "two-day", "the 1980s") read against a
reference day.

dateparser reads the date parts once a normalizer has removed what it misreads:
qualifiers ("early", "mid-"), parts of the day after a weekday, durations ("two-day").
Weekdays are counted here, because dateparser puts "Thursday" in a Thursday's paper a
week back. Dates stay calendar dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from newsprism.nlp.numbers import parse_number, parse_ordinal
from newsprism.nlp.temporal.values import Kind, Reference

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
PROBE = datetime(2001, 5, 16, 12)  # any day: a relative date reads differently 403 days on
_QUALIFIER = re.compile(
    r"\b(?:early|late|mid|earlier|later|the (?:end|beginning|start|middle) of)\b-?\s*", re.I
)
_PART_OF_DAY = re.compile(r"\b(?:night|morning|afternoon|evening|overnight)\b", re.I)
_ONLY_WEEKDAY = re.compile(rf"^(?:(?P<mod>last|this|next|past|coming)\s+)?{WEEKDAY.pattern}$", re.I)
_DURATION = re.compile(
    r"^(?:(?:the|a|an|past|last|next|coming|first|final|another|over|some|nearly|almost|about"
    r"|around)\s+)*(?P<n>.+?)(?:\s+more)?[\s-]+(?P<unit>second|minute|hour|day|week|month|year"
    r"|decade)s?(?:[\s-]+(?:long|old))?$",
    re.I,
)
# "the 1980s" (qualifiers already gone: "the mid-1980s"). Not "the 1900s", which may be a
# century as well as a decade.
_DECADE = re.compile(r"^(?:the\s+)?(?P<decade>\d\d[1-9])0['\u2019]?s$", re.I)
_ISO_UNIT = {"second": ("PT", "S"), "minute": ("PT", "M"), "hour": ("PT", "H"),
             "day": ("P", "D"), "week": ("P", "W"), "month": ("P", "M"), "year": ("P", "Y")}  # fmt: skip
_TRUNCATED = {"month": "%Y-%m", "year": "%Y"}


def resolve_date(
    text: str, ref: Reference, prefer: str
) -> tuple[str | None, Kind, date | None, int | None]:
    """(value, kind, day, weekday) of a date expression."""
    named = WEEKDAY.search(text)
    weekday = WEEKDAYS.index(named.group(1).casefold()) if named else None
    cleaned = _QUALIFIER.sub(" ", text)
    if weekday is not None:
        cleaned = _PART_OF_DAY.sub(" ", cleaned)
    cleaned = " ".join(cleaned.split())
    duration = _duration(cleaned)
    if duration is not None:
        return duration, "duration", None, weekday
    if decade := _DECADE.match(cleaned):
        return decade["decade"], "decade", None, weekday  # ISO 8601-2's decade: "198"
    only = _ONLY_WEEKDAY.match(cleaned)
    if only and weekday is not None:
        if ref.day is None:
            return None, "date", None, weekday
        day = _weekday_date(ref.day, weekday, (only["mod"] or "").casefold(), prefer)
        return day.isoformat(), "date", day, weekday
    if _counted(cleaned):
        return None, "date", None, weekday
    base = datetime.combine(ref.day, time(12)) if ref.day else PROBE
    found = _parse(cleaned, base, prefer)
    if found is None or (
        ref.day is None and _parse(cleaned, base + timedelta(403), prefer) != found
    ):
        return None, "date", None, weekday  # vague, or relative with nothing to resolve it by
    return *found, weekday


def parse_day(text: str, base: datetime, prefer: str) -> date | None:
    """The calendar day a date part names, read against ``base``; None if it names no day."""
    return (_parse(text, base, prefer) or (None, None, None))[2]


def _counted(text: str) -> bool:
    """Whether an ordinal word counts the period ("a second night", "the third day"): the
    n-th of a series names no day of the calendar (dateparser reads "a second" as a unit,
    a second ago, and "a second night" as tonight)."""
    words = text.casefold().split()
    return any(w.isalpha() and parse_ordinal(w) is not None for w in words[:-1])


def _duration(text: str) -> str | None:
    match = _DURATION.match(text)
    number = parse_number(match["n"]) if match else None
    if match is None or number is None or number[0] != number[1] or number[0] <= 0:
        return None
    count, unit = number[0], match["unit"].casefold()
    if unit == "decade":
        count, unit = count * 10, "year"
    prefix, designator = _ISO_UNIT[unit]
    return f"{prefix}{count:g}{designator}"


def _weekday_date(ref: date, weekday: int, modifier: str, prefer: str) -> date:
    """The day a weekday name means in a report of ``ref``: the same weekday is that day."""
    ahead = (weekday - ref.weekday()) % 7
    if modifier == "next":
        days = ahead or 7
    elif modifier in {"last", "past"}:
        days = ahead - 7 if ahead else -7
    else:
        days = ahead - 7 if ahead and prefer != "future" else ahead
    return ref + timedelta(days=days)


def _parse(text: str, base: datetime, prefer: str) -> tuple[str, Kind, date | None] | None:
    """dateparser's reading of a date part as (value, kind, day); None for vague ones."""
    parsed = _parser(base, prefer).get_date_data(text)
    when, period = parsed.date_obj, parsed.period
    if when is None:
        return None
    if period in {"day", "part_of_day"}:
        return when.date().isoformat(), "date", when.date()
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}", "week", None
    if period in _TRUNCATED:
        return f"{when:{_TRUNCATED[period]}}", period, None
    return None  # a time of day where a date was expected: dateparser guessed


@lru_cache(maxsize=256)
def _parser(base: datetime, prefer: str) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["relative-time", "absolute-time"],
    }
    return DateDataParser(languages=["en"], settings=settings)
