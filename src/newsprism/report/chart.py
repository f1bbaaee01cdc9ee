"""The timeline as a vertical chart: points on a time axis, each labelled and linked to spans.

Positions are computed here and drawn as inline SVG by the template. Events with a date
sit on a proportional axis; clock times whose date no article gives ("T07:00Z") cannot be
placed against dated ones, so they get their own segment below, ordered by time of day.
Labels keep a minimum distance and point to their dot with a leader line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from newsprism.model import TimelineEvent

AXIS_X = 24
LABEL_X = 56
TOP = 28
LABEL_GAP = 46  # two text lines
SEGMENT_GAP = 56
CAPTION = 30  # room above a segment for its caption
MAX_LABEL = 96  # characters; the full text is in the tooltip and the linked spans


@dataclass
class ChartPoint:
    y: float
    label_y: float
    when: str
    text: str
    full_text: str
    targets: list[str]


@dataclass
class ChartSegment:
    top: float
    bottom: float
    caption: str | None = None


@dataclass
class Chart:
    height: float
    points: list[ChartPoint]
    segments: list[ChartSegment]
    axis_x: int = AXIS_X
    label_x: int = LABEL_X


def _parse(value: str) -> tuple[bool, float, str] | None:
    """(dated, sortable seconds, display) of a timeline time, None if unreadable."""
    try:
        if value.startswith("T"):
            clock = time.fromisoformat(value[1:].replace("Z", "+00:00"))
            seconds = clock.hour * 3600 + clock.minute * 60 + clock.second
            zone = " UTC" if clock.tzinfo is not None else ""
            return False, float(seconds), f"{clock:%H:%M}{zone}"
        if "-W" in value:
            year, week = value.split("-W")
            start = date.fromisocalendar(int(year), int(week[:2]), 1)
            return True, _stamp(start), f"week {int(week[:2])}, {year}"
        if "T" in value:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is None:  # a local clock time of an unknown zone: no zone shown
                return (
                    True,
                    moment.replace(tzinfo=UTC).timestamp(),
                    f"{moment.day} {moment:%b %Y, %H:%M}",
                )
            utc = moment.astimezone(UTC)
            return True, moment.timestamp(), f"{utc.day} {utc:%b %Y, %H:%M} UTC"
        parts = value.split("-")
        day = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
        if len(parts) > 2:
            day = date.fromisoformat(value)
        shown = (f"{day:%Y}", f"{day:%b %Y}", f"{day.day} {day:%b %Y}")[len(parts) - 1]
        return True, _stamp(day), shown
    except (ValueError, IndexError):
        return None


def when_label(value: str) -> str:
    """A timeline time as people write it ("1987", "10 Nov 2026", "12 Nov 2026, 00:00 UTC",
    "01:00 UTC"), one format in every report; an unreadable one as it is."""
    parsed = _parse(value)
    return parsed[2] if parsed is not None else value


def _stamp(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rsplit(" ", 1)[0] + "…"


def _layout(
    items: list[tuple[float, str, TimelineEvent, list[str]]], top: float, points: list[ChartPoint]
) -> float:
    """Place one segment's events from ``top``; returns where the segment ends."""
    low, high = items[0][0], items[-1][0]
    span = max(LABEL_GAP * (len(items) - 1), LABEL_GAP)
    label_y = top - LABEL_GAP
    for value, shown, event, targets in items:
        y = top + (span * (value - low) / (high - low) if high > low else 0.0)
        label_y = max(y, label_y + LABEL_GAP)
        points.append(ChartPoint(y, label_y, shown, _shorten(event.text), event.text, targets))
    return max(top + span if high > low else top, label_y)


def build_chart(events: Sequence[TimelineEvent], targets: Sequence[list[str]]) -> Chart | None:
    """The chart of ``events`` (``targets[i]`` are the element ids of event i's spans)."""
    dated: list[tuple[float, str, TimelineEvent, list[str]]] = []
    undated: list[tuple[float, str, TimelineEvent, list[str]]] = []
    for event, keys in zip(events, targets, strict=True):
        parsed = _parse(event.time)
        if parsed is not None:
            (dated if parsed[0] else undated).append((parsed[1], parsed[2], event, keys))
    if not dated and not undated:
        return None
    points: list[ChartPoint] = []
    segments: list[ChartSegment] = []
    top = float(TOP)
    for items, caption in ((dated, None), (undated, "No date given: ordered by time of day")):
        if not items:
            continue
        if caption:
            top += CAPTION
        items.sort(key=lambda item: item[0])
        bottom = _layout(items, top, points)
        segments.append(ChartSegment(top - 12, bottom + 12, caption))
        top = bottom + SEGMENT_GAP
    return Chart(height=segments[-1].bottom + 28, points=points, segments=segments)
