"""The tables of the store, as SQLAlchemy 2 ORM classes.

Migrations in ``migrations/versions`` create these tables; a test checks that the two
never drift apart. Every timestamp is stored in UTC (see `UTCDateTime`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

if TYPE_CHECKING:
    from newsprism.stories import StoryState


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC.

    SQLite has no time zones: it would hand back a naive datetime, or compare strings
    written in different zones. So values are converted to UTC on the way in, and the
    zone is attached again on the way out. A naive value is taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """An article as read and cleaned, with its clustering features; the full annotation
    is recomputed when a comparison needs it (and cached on disk)."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    input_id: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    # The time the article is filed under: its own date, or the time it was read when it
    # had none; ``published_given`` tells the two apart (an undated article is read back
    # without a date, see `Store.articles`).
    published: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    published_given: Mapped[bool] = mapped_column(default=True)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    language: Mapped[str | None] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    original: Mapped[str] = mapped_column(Text, default="")
    # authors, paragraphs, alignment and removed: what Article needs besides the columns.
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The model versions that annotated the article when it was clustered (the disk
    # cache of annotations is keyed by text and these versions).
    models: Mapped[str | None] = mapped_column(Text)
    # What clustering read from the article (`ArticleFeatures.to_dict`), computed once
    # when it was added: re-clustering or moving stored articles never annotates them again.
    # None for articles stored before this column existed.
    features: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)  # StoryState.to_dict()

    def write(self, story: StoryState) -> None:
        """The stored columns and state, from ``story``."""
        self.title = story.title
        self.first_seen = story.first_seen
        self.last_seen = story.last_seen
        self.size = len(story.members)
        self.state = story.to_dict()


class MembershipRow(Base):
    """Which story an article joined; ``position`` is its arrival order in the story."""

    __tablename__ = "memberships"
    __table_args__ = (Index("ix_memberships_story", "story_id", "position", unique=True),)

    article_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    story_id: Mapped[str] = mapped_column(String(64), ForeignKey("stories.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)


class StoryReportRow(Base):
    """The last comparison of a story, for the members, version and settings in
    ``made_for`` (a hash; see `newsprism.store.reports`)."""

    __tablename__ = "story_reports"

    story_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    made_for: Mapped[str] = mapped_column(String(64))
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)
    discrepancies: Mapped[int] = mapped_column(Integer)
    differences: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    comparison: Mapped[dict[str, Any]] = mapped_column(JSON)  # Comparison.model_dump()


class CalibrationRow(Base):
    """A story setting chosen for the stream (`newsprism.stories.Calibration.to_dict`) when
    the store held ``articles`` articles; the latest is in use."""

    __tablename__ = "story_calibrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)
    articles: Mapped[int] = mapped_column(Integer)
    calibration: Mapped[dict[str, Any]] = mapped_column(JSON)
    # When the calibration regrouped the stories made before it (`Regrouped.to_dict`).
    regrouped: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class StoryAliasRow(Base):
    """A story id that a regrouping dissolved, and the story now holding the article that
    started it: a story id kept by a user (a link, a note) still finds its articles."""

    __tablename__ = "story_aliases"

    old_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    story_id: Mapped[str] = mapped_column(String(64))
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FeedRow(Base):
    __tablename__ = "feeds"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    location: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_polled: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_poll: Mapped[datetime | None] = mapped_column(UTCDateTime)
    added: Mapped[datetime | None] = mapped_column(UTCDateTime)


class FeedEntryRow(Base):
    """A feed entry already handled, so the next poll does not fetch it again."""

    __tablename__ = "feed_entries"

    feed_url: Mapped[str] = mapped_column(Text, primary_key=True)
    entry_id: Mapped[str] = mapped_column(Text, primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
