"""Following feeds: read feed lists and OPML, poll feeds politely, store what is new.

`poll` handles one feed with no storage of its own (the caller says which entries were
seen), so the engine is usable and testable without a database.
"""

from __future__ import annotations

from newsprism.watch.poll import Poll, Schedule, poll, retry_after, validators
from newsprism.watch.sources import Source, SourceList, Sources, feed_url, read_sources

__all__ = [
    "Poll",
    "Schedule",
    "Source",
    "SourceList",
    "Sources",
    "feed_url",
    "poll",
    "read_sources",
    "retry_after",
    "validators",
]
