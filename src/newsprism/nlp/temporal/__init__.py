"""Time expressions of an article, resolved to ISO 8601 values.

- ``values``: what a resolved expression is (``TimeValue``) and how two compare.
- ``expressions``: where the expressions are; clock times and their zones.
- ``dates``: date parts read against a reference day (dateparser, weekdays, durations).
- ``resolve``: the article's reference day and zone (publication date, dateline), and
  each expression resolved against them.
"""

from __future__ import annotations

from newsprism.nlp.temporal.expressions import zone_of
from newsprism.nlp.temporal.resolve import reference, resolve_times
from newsprism.nlp.temporal.values import Kind, Reference, TimeValue, day_range, same_time

__all__ = [
    "Kind",
    "Reference",
    "TimeValue",
    "day_range",
    "reference",
    "resolve_times",
    "same_time",
    "zone_of",
]
