"""The feeds a store follows, and the entries of each already handled (`newsprism watch`)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newsprism.model import Feed
from newsprism.store.schema import FeedEntryRow, FeedRow


def now() -> datetime:
    return datetime.now(UTC)


class FeedRecords:
    """The feed part of `newsprism.store.Store`, over its read and write sessions."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def feeds(self) -> list[Feed]:
        """The feeds followed, in the order they were added."""
        with self._read() as session:
            rows = session.scalars(select(FeedRow).order_by(FeedRow.added, FeedRow.url))
            return [_feed(row) for row in rows]

    def add_feed(self, url: str, title: str | None = None) -> Feed:
        """Follow a feed; a feed already followed is returned as it is."""
        try:
            with self._write() as session:
                row = session.get(FeedRow, url)
                if row is None:
                    row = FeedRow(url=url, title=title, failures=0, added=now())
                    session.add(row)
                    session.flush()
                return _feed(row)
        except IntegrityError:
            return next(f for f in self.feeds() if f.url == url)

    def remove_feed(self, url: str) -> bool:
        """Stop following a feed and forget its entries; False if it was not followed."""
        with self._write() as session:
            session.execute(delete(FeedEntryRow).where(FeedEntryRow.feed_url == url))
            removed = session.execute(delete(FeedRow).where(FeedRow.url == url))
            return cast(CursorResult[Any], removed).rowcount > 0

    def save_feed(self, feed: Feed) -> None:
        """Store what polling learned about a feed (adds the feed if it is new)."""
        values = feed.model_dump()
        values["added"] = values["added"] or now()
        with self._write() as session:
            row = session.get(FeedRow, feed.url)
            if row is None:
                session.add(FeedRow(**values))
            else:
                for name, value in values.items():
                    setattr(row, name, value)

    def seen_entry(self, feed_url: str, entry_id: str) -> bool:
        with self._read() as session:
            return session.get(FeedEntryRow, (feed_url, entry_id)) is not None

    def mark_entry(self, feed_url: str, entry_id: str) -> None:
        """Remember that a feed entry was handled (idempotent)."""
        try:
            with self._write() as session:
                if session.get(FeedEntryRow, (feed_url, entry_id)) is None:
                    session.add(FeedEntryRow(feed_url=feed_url, entry_id=entry_id, seen_at=now()))
        except IntegrityError:
            return  # marked by another process meanwhile: the same outcome


def _feed(row: FeedRow) -> Feed:
    return Feed(
        url=row.url,
        location=row.location,
        title=row.title,
        etag=row.etag,
        last_modified=row.last_modified,
        failures=row.failures,
        last_error=row.last_error,
        last_polled=row.last_polled,
        next_poll=row.next_poll,
        added=row.added,
    )
