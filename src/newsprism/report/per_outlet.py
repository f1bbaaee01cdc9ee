"""Who covered a story and when: articles per outlet, first and last, and per day.

A story grows over days; a reader asks which outlets kept covering it and which ran one piece
and stopped. The counts are by UTC day of the time each article is filed under (its own date,
or the time it was read when it has none, which is said); an outlet's first and last are its
articles' own dates, never the time an undated one was read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from newsprism.model import Article

MAX_DAYS = 62  # columns of the chart; a longer story is counted by week


@dataclass
class OutletCoverage:
    outlet: str
    articles: int
    first: datetime | None = None  # of its dated articles; None when all are undated
    last: datetime | None = None
    undated: int = 0  # filed under the time they were read
    per_slot: list[int] = field(default_factory=list)


@dataclass
class Coverage:
    outlets: list[OutletCoverage]
    slots: list[date]  # the first day of each column
    days_per_slot: int

    @property
    def busiest(self) -> int:
        return max((n for o in self.outlets for n in o.per_slot), default=0)


def coverage(articles: Sequence[Article], filed: Mapping[str, datetime]) -> Coverage | None:
    """The coverage of a story's articles; ``filed`` gives the time an undated one was read."""
    dated = []
    for article in articles:
        when = article.published or filed.get(article.id)
        if when is not None:
            dated.append((article.source or "unknown outlet", when.astimezone(UTC), article))
    if not dated:
        return None
    start = min(w for _, w, _ in dated).date()
    end = max(w for _, w, _ in dated).date()
    span = (end - start).days + 1
    step = 1 if span <= MAX_DAYS else 7
    slots = [start + timedelta(days=i) for i in range(0, span, step)]
    rows: dict[str, OutletCoverage] = {}
    counts: dict[str, Counter[int]] = {}
    for outlet, when, article in sorted(dated, key=lambda item: item[1]):
        row = rows.setdefault(outlet, OutletCoverage(outlet, 0))
        row.articles += 1
        if article.published is None:
            row.undated += 1
        else:
            row.first = row.first or when
            row.last = when
        counts.setdefault(outlet, Counter())[(when.date() - start).days // step] += 1
    for outlet, row in rows.items():
        row.per_slot = [counts[outlet][i] for i in range(len(slots))]
    never = datetime.max.replace(tzinfo=UTC)
    ordered = sorted(rows.values(), key=lambda r: (-r.articles, r.first or never, r.outlet))
    return Coverage(ordered, slots, step)


def published_span(articles: Sequence[Article]) -> tuple[datetime, datetime] | None:
    """The first and last publication time (UTC) of the dated ``articles``."""
    dates = [a.published.astimezone(UTC) for a in articles if a.published is not None]
    return (min(dates), max(dates)) if dates else None
