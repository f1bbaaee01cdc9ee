"""What a resolved time expression is, and how two of them compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

Kind = Literal["instant", "date", "week", "month", "year", "decade", "time", "duration"]


@dataclass(frozen=True)
class TimeValue:
    """One time expression: where it is, what it says, and what it resolves to.

    ``value`` is ISO 8601 as precise as the text allows ("2019-02-28T07:00:00+00:00",
    "2019-02-28", "2019-W09", "2019-02", "2019", the decade "201", "T07:00Z", "P2D"), None
    when unresolved.
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
    elif (clock_a := _local_clock(a)) and (clock_b := _local_clock(b)):
        # Without a zone on either side, news gives the time where the event happens.
        verdicts.append(clock_a == clock_b)
    return False if False in verdicts else (True if verdicts else None)


def _local_clock(value: TimeValue) -> str | None:
    """ "14:00" of a clock time whose zone is unknown ("2019-02-28T14:00", "T14:00")."""
    if value.utc_time is not None or value.kind not in {"instant", "time"} or not value.value:
        return None
    return value.value.partition("T")[2] or None


def day_range(value: TimeValue) -> tuple[date, date] | None:
    """First and last calendar day a resolved instant, date, week, month, year or decade
    covers."""
    if value.day is not None:
        return value.day, value.day
    if value.value is None:
        return None
    if value.kind == "year":
        return date(int(value.value), 1, 1), date(int(value.value), 12, 31)
    if value.kind == "decade":
        return date(int(value.value) * 10, 1, 1), date(int(value.value) * 10 + 9, 12, 31)
    if value.kind == "month":
        year, month = map(int, value.value.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    if value.kind == "week":
        year, week = map(int, value.value.split("-W"))
        monday = date.fromisocalendar(year, week, 1)
        return monday, monday + timedelta(days=6)
    return None
