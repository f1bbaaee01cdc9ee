"""Time expressions of an article, resolved to ISO 8601 values.

The expressions are spaCy's DATE and TIME entities plus clock times the tagger missed.
A clock time takes the zone written after it ("2 a.m. EST", "2 p.m. local time (0700
GMT)": a parenthesised time in a known zone wins) and a day named beside it ("2 a.m. EST
early Thursday"). A time without a zone is the dateline's local time when the tz database
names a zone after the dateline's city. Relative expressions ("Thursday", "a year ago")
resolve against the article's reference day: its publication date, else its dateline
("HANOI, Feb. 28 (AP) —"; without a year, the first such day after the latest past date
the text states). Without one they stay unresolved (value None) but keep their weekday.

dateparser reads the date parts once a normalizer has removed what it misreads:
qualifiers ("early", "mid-"), parts of the day after a weekday, durations ("two-day").
Weekdays are counted here, because dateparser puts "Thursday" in a Thursday's paper a
week back; clock times and zones are read here too, with dateparser's table of zone
abbreviations, except that "ET" and its kin follow US rules, daylight saving included.
Dates stay calendar dates: only clock times are converted to UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache, lru_cache
from itertools import pairwise
from typing import Literal
from zoneinfo import ZoneInfo, available_timezones

from dateparser.date import DateDataParser
from dateparser.timezone_parser import pop_tz_offset_from_string

from newsprism.model import Article
from newsprism.numbers import parse_number

Kind = Literal["instant", "date", "week", "month", "year", "time", "duration"]


@dataclass(frozen=True)
class TimeValue:
    """One time expression: where it is, what it says, and what it resolves to.

    ``value`` is ISO 8601 as precise as the text allows ("2019-02-28T07:00:00+00:00",
    "2019-02-28", "2019-W09", "2019-02", "2019", "T07:00Z", "P2D"), None when unresolved.
    ``kind`` names the form; an instant or time whose zone is unknown has no offset
    ("2019-02-28T14:00", "T14:00"). ``day`` is the calendar day the text denotes, in the
    writer's zone; ``utc_time`` the time of day in UTC when the zone is known.
    """

    start: int
    end: int
    text: str
    value: str | None
    kind: Kind
    utc_time: time | None = None
    weekday: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class Reference:
    """What relative expressions of one article resolve against."""

    day: date | None
    zone: tzinfo | None = None  # of the dateline's place, for "local time"
    dateline_end: int = 0  # where the dateline ("HANOI, Feb. 28 (AP) —") ends, if any


@dataclass(frozen=True)
class _Clock:
    start: int
    end: int
    local: time
    zone: tzinfo | None
    alternative: tuple[time, tzinfo] | None  # a parenthesised time in a known zone
    marked: bool  # has a.m./p.m., a zone or "local time": surely a time of day


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b", re.I)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A date part that names one day; a clock time beside it joins it.
_DAY_LIKE = re.compile(
    rf"\b(?:{'|'.join(_WEEKDAYS)}|today|tonight|tomorrow|yesterday|{_MONTH}\s+\d{{1,2}}\b)"
    r"|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.I,
)
_CLOCK = re.compile(
    r"(?<![\w.:])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
    r"|(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?![\d:])"
    r"|(?P<HHMM>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|Z|hours|hrs|local)\b)"
    r"|(?P<word>noon|midday|midnight))",
    re.I,
)
# US zones named without standard or daylight ("ET", "Eastern time") follow the US rules.
_US_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
             "PT": "America/Los_Angeles"}  # fmt: skip
_ZONE = re.compile(
    r"\s*(?:(?P<local>local(?:\s+time)?\b)"
    r"|(?P<named>(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?(?:\s+[Tt]ime)?\b)"
    r"|(?P<abbr>(?:Z|[A-Z]{2,5}(?:\s?[+-]\s?\d{1,2}(?::?\d\d)?)?)(?![\w+-])))"
)
_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,40})\)")
_GAP = re.compile(r"\s*,?\s*(?:(?:on|at|of)\s+)?")
_QUALIFIER = re.compile(
    r"\b(?:early|late|mid|earlier|later|the (?:end|beginning|start|middle) of)\b-?\s*", re.I
)
_PART_OF_DAY = re.compile(r"\b(?:night|morning|afternoon|evening|overnight)\b", re.I)
_FILLER = r"on|in|at|by|to|from|until|till|since|during|of|around|about|before|after"
_EDGES = re.compile(rf"^(?:(?:{_FILLER})\b[\s,]*)+|(?:[\s,]+(?:{_FILLER}))+$", re.I)
_ONLY_WEEKDAY = re.compile(
    rf"^(?:(?P<mod>last|this|next|past|coming)\s+)?{_WEEKDAY.pattern}$", re.I
)
_DURATION = re.compile(
    r"^(?:(?:the|a|an|past|last|next|coming|first|final|another|over|some|nearly|almost|about"
    r"|around)\s+)*(?P<n>.+?)(?:\s+more)?[\s-]+(?P<unit>second|minute|hour|day|week|month|year"
    r"|decade)s?(?:[\s-]+(?:long|old))?$",
    re.I,
)
_ISO_UNIT = {"second": ("PT", "S"), "minute": ("PT", "M"), "hour": ("PT", "H"),
             "day": ("P", "D"), "week": ("P", "W"), "month": ("P", "M"), "year": ("P", "Y")}  # fmt: skip
_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s*(?!{_MONTH}\s)[A-Z][\w.'’ -]{{1,30}}?)??"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+(?P<year>\d{{4}}))?))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?\s*(?:--|[—–-])\s"
)
_FULL_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b")
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "may", "might", "should"}
_PLANNED = {"schedule", "expect", "plan", "set", "due", "slate"}
_TRUNCATED = {"month": "%Y-%m", "year": "%Y"}
_PROBE = datetime(2001, 5, 16, 12)  # any day: a relative date reads differently 403 days on


def reference(article: Article) -> Reference:
    """The article's reference day (published date, else dateline) and dateline zone."""
    first = article.text[: article.paragraphs[0].end] if article.paragraphs else article.text
    match = _DATELINE.match(first)
    if match is None or not (match["date"] or match["agency"]):
        return Reference(article.published.date() if article.published else None)
    zone, end = _place_zone(match["place"]), match.end()
    if article.published is not None:
        return Reference(article.published.date(), zone, end)
    if match["date"] is None:
        return Reference(None, zone, end)
    if match["year"]:
        return Reference(_day(match["date"], _PROBE, "past"), zone, end)
    # Without a year: the first such day on or after the latest past date the text states.
    stated = [
        _day(m.text, _PROBE, "past")
        for m in article.mentions
        if m.label == "DATE" and _FULL_DATE.search(m.text)
        if _preference(article, m.start, m.end) == "past"
    ]
    latest = max((d for d in stated if d is not None), default=None)
    if latest is None:
        return Reference(None, zone, end)
    return Reference(_day(match["date"], datetime.combine(latest, time(12)), "future"), zone, end)


def resolve_times(article: Article) -> list[TimeValue]:
    """Every time expression of an annotated article, in text order."""
    ref = reference(article)
    return [_resolve(article, ref, expression) for expression in _expressions(article, ref)]


def same_time(a: TimeValue, b: TimeValue) -> bool | None:
    """True when both denote the same time as far as both are known, False when they conflict.

    None when they cannot be compared (a duration, nothing known in common). A coarser
    value that contains the finer one ("2019-02" and "2019-02-28") counts as the same.
    """
    if "duration" in (a.kind, b.kind):
        return None
    if a.kind == b.kind == "instant" and a.utc_time and b.utc_time:
        return datetime.fromisoformat(a.value or "") == datetime.fromisoformat(b.value or "")
    verdicts = []
    ra, rb = day_range(a), day_range(b)
    if ra and rb:
        if ra[1] < rb[0] or rb[1] < ra[0]:
            verdicts.append(False)
        elif ra[0] <= rb[0] <= rb[1] <= ra[1] or rb[0] <= ra[0] <= ra[1] <= rb[1]:
            verdicts.append(True)
    elif a.weekday is not None and b.weekday is not None:
        verdicts.append(a.weekday == b.weekday)
    if a.utc_time is not None and b.utc_time is not None:
        verdicts.append(a.utc_time == b.utc_time)
    return False if False in verdicts else (True if verdicts else None)


def day_range(value: TimeValue) -> tuple[date, date] | None:
    """First and last calendar day a resolved instant, date, week, month or year covers."""
    if value.day is not None:
        return value.day, value.day
    if value.value is None:
        return None
    if value.kind == "year":
        return date(int(value.value), 1, 1), date(int(value.value), 12, 31)
    if value.kind == "month":
        year, month = map(int, value.value.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    if value.kind == "week":
        monday = date.fromisocalendar(*map(int, value.value.split("-W")), 1)
        return monday, monday + timedelta(days=6)
    return None


Expression = tuple[int, int, _Clock | None, tuple[int, int] | None]


def _expressions(article: Article, ref: Reference) -> list[Expression]:
    """(start, end, clock, date part) of each expression; a clock joins the day beside it."""
    text = article.text
    mentions = sorted((m.start, m.end) for m in article.mentions if m.label in {"DATE", "TIME"})
    clocks: list[_Clock] = []
    for match in _CLOCK.finditer(text):
        inside = any(s <= match.start() and match.end() <= e for s, e in mentions)
        if clocks and match.start() < clocks[-1].end:
            continue
        clock = _read_clock(text, match, ref.zone)
        # A bare "14:00" or "noon" that the tagger left alone may be a score or a word.
        if clock.marked or inside:
            clocks.append(clock)
    pieces: list[tuple[int, int]] = []
    for start, end in mentions:
        cuts = sorted(
            {start, end, *(x for c in clocks for x in (c.start, c.end) if start < x < end)}
        )
        for s, e in pairwise(cuts):
            piece = _trim(text, s, e)
            covered = any(c.start <= s and e <= c.end for c in clocks)
            if piece and not covered and not any(p[0] <= piece[0] < p[1] for p in pieces):
                pieces.append(piece)
    result: list[Expression] = []
    for clock in clocks:
        day = next((p for p in pieces if _beside(text, clock, p)), None)
        if day is not None:
            pieces.remove(day)
        bounds = [clock.start, clock.end, *(day or ())]
        result.append((min(bounds), max(bounds), clock, day))
    result += [(s, e, None, (s, e)) for s, e in pieces]
    return sorted(result, key=lambda item: item[0])


def _read_clock(text: str, match: re.Match[str], place_zone: tzinfo | None) -> _Clock:
    end, zone, marked = match.end(), None, bool(match["ampm"] or match["HHMM"])
    tail = _ZONE.match(text, end)
    if tail and (tail["local"] or tail["named"] or _zone_of(tail["abbr"])):
        name = f"{tail['named'][0]}T" if tail["named"] else tail["abbr"]
        zone = None if tail["local"] else _zone_of(name)
        end, marked = tail.end(), True
    alternative = None
    paren = _PAREN.match(text, end)
    inner = _CLOCK.search(paren["inner"]) if paren else None
    if paren and inner:
        inner_zone = _ZONE.match(paren["inner"], inner.end())
        inner_tz = _zone_of(inner_zone["abbr"]) if inner_zone else None
        if inner_tz is not None:
            alternative, end, marked = (_clock_time(inner), inner_tz), paren.end(), True
    return _Clock(match.start(), end, _clock_time(match), zone or place_zone, alternative, marked)


def _clock_time(match: re.Match[str]) -> time:
    if match["word"]:
        return time(0) if match["word"].casefold() == "midnight" else time(12)
    if match["ampm"]:
        hour = int(match["h"]) % 12 + (12 if match["ampm"][0] in "pP" else 0)
        return time(hour, int(match["m"] or 0))
    if match["H"]:
        return time(int(match["H"]), int(match["M"]))
    return time(int(match["HHMM"][:2]), int(match["HHMM"][2:]))


def _zone_of(abbreviation: str | None) -> tzinfo | None:
    """The zone an abbreviation names: US generic ones with their rules, others fixed."""
    if not abbreviation:
        return None
    if abbreviation.upper() in _US_ZONES:
        return ZoneInfo(_US_ZONES[abbreviation.upper()])
    return pop_tz_offset_from_string(f"0 {abbreviation}")[1]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The stretch without blanks, commas and prepositions at its edges ("two hours to")."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip(" ,\n"))
    chunk = chunk.strip(" ,\n")
    head = _EDGES.match(chunk)
    skip = head.end() if head else 0
    core = _EDGES.sub("", chunk[skip:])
    return (start + lead + skip, start + lead + skip + len(core)) if core else None


def _beside(text: str, clock: _Clock, piece: tuple[int, int]) -> bool:
    """Whether a date part naming one day is next to a clock time ("Thursday at 2 p.m.")."""
    s, e = piece
    if s < clock.end and e > clock.start:
        return False
    gap = text[clock.end : s] if s >= clock.end else text[e : clock.start]
    return bool(_GAP.fullmatch(gap) and _DAY_LIKE.search(text[s:e]))


def _resolve(article: Article, ref: Reference, expression: Expression) -> TimeValue:
    start, end, clock, piece = expression
    text = article.text[start:end]
    value, kind, day, weekday = None, "date", None, None
    if piece is not None:
        prefer = _preference(article, start, end)
        value, kind, day, weekday = _resolve_date(article.text[piece[0] : piece[1]], ref, prefer)
    if clock is None:
        return TimeValue(start, end, text, value, kind, None, weekday, day)
    offset = _offset(clock, day or ref.day)
    if offset is None:
        local = f"{day or ''}T{clock.local:%H:%M}"
        return TimeValue(start, end, text, local, "instant" if day else "time", None, weekday, day)
    instant = datetime.combine(day or date(2000, 1, 2), clock.local, timezone(offset))
    utc = instant.astimezone(UTC)
    if day is None:
        return TimeValue(start, end, text, f"T{utc:%H:%M}Z", "time", utc.time(), weekday)
    return TimeValue(start, end, text, utc.isoformat(), "instant", utc.time(), weekday, day)


def _offset(clock: _Clock, day: date | None) -> timedelta | None:
    """UTC offset of the clock's local time; a parenthesised time in a known zone wins."""
    other_offset = _zone_offset(clock.alternative[1], day) if clock.alternative else None
    if clock.alternative is not None and other_offset is not None:
        anchor = date(2000, 1, 2)
        utc = datetime.combine(anchor, clock.alternative[0]) - other_offset
        seconds = (datetime.combine(anchor, clock.local) - utc).total_seconds() % 86400
        # Zones run from UTC-12 to UTC+14.
        return timedelta(seconds=seconds - 86400 if seconds > 14 * 3600 else seconds)
    return _zone_offset(clock.zone, day) if clock.zone is not None else None


def _zone_offset(zone: tzinfo, day: date | None) -> timedelta | None:
    """The zone's offset on ``day``; without a day only if the zone keeps one all year."""
    if not isinstance(zone, ZoneInfo):
        return zone.utcoffset(None)
    days = [day] if day else [date(2021, 1, 15), date(2021, 7, 15)]
    offsets = {zone.utcoffset(datetime.combine(d, time(12))) for d in days}
    return offsets.pop() if len(offsets) == 1 else None


def _resolve_date(
    text: str, ref: Reference, prefer: str
) -> tuple[str | None, Kind, date | None, int | None]:
    """(value, kind, day, weekday) of a date expression."""
    named = _WEEKDAY.search(text)
    weekday = _WEEKDAYS.index(named.group(1).casefold()) if named else None
    cleaned = _QUALIFIER.sub(" ", text)
    if weekday is not None:
        cleaned = _PART_OF_DAY.sub(" ", cleaned)
    cleaned = " ".join(cleaned.split())
    duration = _duration(cleaned)
    if duration is not None:
        return duration, "duration", None, weekday
    only = _ONLY_WEEKDAY.match(cleaned)
    if only and weekday is not None:
        if ref.day is None:
            return None, "date", None, weekday
        day = _weekday_date(ref.day, weekday, (only["mod"] or "").casefold(), prefer)
        return day.isoformat(), "date", day, weekday
    base = datetime.combine(ref.day, time(12)) if ref.day else _PROBE
    found = _parse(cleaned, base, prefer)
    if found is None or (
        ref.day is None and _parse(cleaned, base + timedelta(403), prefer) != found
    ):
        return None, "date", None, weekday  # vague, or relative with nothing to resolve it by
    return *found, weekday


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


def _day(text: str, base: datetime, prefer: str) -> date | None:
    return (_parse(text, base, prefer) or (None, None, None))[2]


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
