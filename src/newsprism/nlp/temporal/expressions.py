"""Where the time expressions of an article are, and the clock times in them with their zones.

The expressions are spaCy's DATE and TIME entities plus clock times the tagger missed.
A clock time takes the zone written after it ("2 a.m. EST", "2 p.m. local time (0700
GMT)": a parenthesised time in a known zone wins) and a day named beside it ("2 a.m. EST
early Thursday"). Clock times and zones are read here, with dateparser's table of zone
abbreviations, except that "ET" and its kin follow US rules, daylight saving included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo

from dateparser.timezone_parser import pop_tz_offset_from_string

from newsprism.model import Article
from newsprism.nlp.temporal.dates import MONTH, WEEKDAYS
from newsprism.nlp.temporal.values import Reference


@dataclass(frozen=True)
class Clock:
    """A clock time of the text, with the zone it is told in."""

    start: int
    end: int
    local: time
    zone: tzinfo | None
    alternative: tuple[time, tzinfo] | None  # a parenthesised time in a known zone
    marked: bool  # has a.m./p.m., a zone or "local time": surely a time of day


# (start, end, clock, date part) of one time expression.
Expression = tuple[int, int, Clock | None, tuple[int, int] | None]

# A date part that names one day; a clock time beside it joins it.
_DAY_LIKE = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|today|tonight|tomorrow|yesterday|{MONTH}\s+\d{{1,2}}\b)"
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
# What the tagger may take for a date but is an age or a bare count: "Liza Ramos, 34",
# "aged 41", "a 34-year-old", "34 years old". No year of news is written in three digits.
_NOT_A_TIME = re.compile(r"^(?:(?:aged?|at)\s+)?\d{1,3}$|\byears?[- ]old\b|\byears? of age\b", re.I)
_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,40})\)")
_GAP = re.compile(r"\s*,?\s*(?:(?:on|at|of)\s+)?")
_FILLER = r"on|in|at|by|to|from|until|till|since|during|of|around|about|before|after"
# No date form puts a bare number before a weekday: in "Channel 2 Saturday night" the
# number belongs to the name before it.
_EDGES = re.compile(
    rf"^(?:(?:{_FILLER})\b[\s,]*|\d+\s+(?=(?:{'|'.join(WEEKDAYS)})\b))+"
    rf"|(?:[\s,]+(?:{_FILLER}))+$",
    re.I,
)


def find_expressions(article: Article, ref: Reference) -> list[Expression]:
    """(start, end, clock, date part) of each expression; a clock joins the day beside it."""
    text = article.text
    mentions = sorted(
        (m.start, m.end)
        for m in article.mentions
        if m.label in {"DATE", "TIME"} and not _NOT_A_TIME.search(m.text.strip())
    )
    clocks: list[Clock] = []
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


def clock_offset(clock: Clock, day: date | None) -> timedelta | None:
    """UTC offset of the clock's local time; a parenthesised time in a known zone wins."""
    other_offset = _zone_offset(clock.alternative[1], day) if clock.alternative else None
    if clock.alternative is not None and other_offset is not None:
        anchor = date(2000, 1, 2)
        utc = datetime.combine(anchor, clock.alternative[0]) - other_offset
        seconds = (datetime.combine(anchor, clock.local) - utc).total_seconds() % 86400
        # Zones run from UTC-12 to UTC+14.
        return timedelta(seconds=seconds - 86400 if seconds > 14 * 3600 else seconds)
    return _zone_offset(clock.zone, day) if clock.zone is not None else None


def _read_clock(text: str, match: re.Match[str], place_zone: tzinfo | None) -> Clock:
    end, zone, marked = match.end(), None, bool(match["ampm"] or match["HHMM"])
    tail = _ZONE.match(text, end)
    if tail and (tail["local"] or tail["named"] or zone_of(tail["abbr"])):
        name = f"{tail['named'][0]}T" if tail["named"] else tail["abbr"]
        zone = None if tail["local"] else zone_of(name)
        end, marked = tail.end(), True
    alternative = None
    paren = _PAREN.match(text, end)
    inner = _CLOCK.search(paren["inner"]) if paren else None
    if paren and inner:
        inner_zone = _ZONE.match(paren["inner"], inner.end())
        inner_tz = zone_of(inner_zone["abbr"]) if inner_zone else None
        if inner_tz is not None:
            alternative, end, marked = (_clock_time(inner), inner_tz), paren.end(), True
    clock = _clock_time(match)
    # "at 7:30" may be morning or evening: a zone taken from the dateline would turn a
    # guess into an exact instant, so the writer's own numbers are kept.
    if zone is None and not marked and not match["word"] and 1 <= clock.hour <= 12:
        place_zone = None
    return Clock(match.start(), end, clock, zone or place_zone, alternative, marked)


def _clock_time(match: re.Match[str]) -> time:
    if match["word"]:
        return time(0) if match["word"].casefold() == "midnight" else time(12)
    if match["ampm"]:
        hour = int(match["h"]) % 12 + (12 if match["ampm"][0] in "pP" else 0)
        return time(hour, int(match["m"] or 0))
    if match["H"]:
        return time(int(match["H"]), int(match["M"]))
    return time(int(match["HHMM"][:2]), int(match["HHMM"][2:]))


def zone_of(abbreviation: str | None) -> tzinfo | None:
    """The zone an abbreviation names: US generic ones with their rules, others fixed."""
    if not abbreviation:
        return None
    if abbreviation.upper() in _US_ZONES:
        return ZoneInfo(_US_ZONES[abbreviation.upper()])
    return pop_tz_offset_from_string(f"0 {abbreviation}")[1]


def _zone_offset(zone: tzinfo, day: date | None) -> timedelta | None:
    """The zone's offset on ``day``; without a day only if the zone keeps one all year."""
    if not isinstance(zone, ZoneInfo):
        return zone.utcoffset(None)
    days = [day] if day else [date(2021, 1, 15), date(2021, 7, 15)]
    offsets = {zone.utcoffset(datetime.combine(d, time(12))) for d in days}
    return offsets.pop() if len(offsets) == 1 else None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The stretch without blanks, commas and prepositions at its edges ("two hours to")."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip(" ,\n"))
    chunk = chunk.strip(" ,\n")
    head = _EDGES.match(chunk)
    skip = head.end() if head else 0
    core = _EDGES.sub("", chunk[skip:])
    return (start + lead + skip, start + lead + skip + len(core)) if core else None


def _beside(text: str, clock: Clock, piece: tuple[int, int]) -> bool:
    """Whether a date part naming one day is next to a clock time ("Thursday at 2 p.m.")."""
    s, e = piece
    if s < clock.end and e > clock.start:
        return False
    gap = text[clock.end : s] if s >= clock.end else text[e : clock.start]
    return bool(_GAP.fullmatch(gap) and _DAY_LIKE.search(text[s:e]))
