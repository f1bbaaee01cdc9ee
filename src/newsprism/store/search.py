"""Finding stories: words of a headline or an outlet's name, one outlet, a time range, an order.

Done in SQL on the story and article columns, so that a page of results costs the same in a
database of ten stories or of a hundred thousand.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from newsprism.model import Story
from newsprism.store.schema import ArticleRow, MembershipRow, StoryRow
from newsprism.stories import StoryState

StoryOrder = Literal["recent", "oldest", "size", "title"]

_ORDER: dict[str, tuple[Any, ...]] = {
    "recent": (StoryRow.last_seen.desc(), StoryRow.id),
    "oldest": (StoryRow.first_seen, StoryRow.id),
    "size": (StoryRow.size.desc(), StoryRow.last_seen.desc(), StoryRow.id),
    "title": (func.lower(func.coalesce(StoryRow.title, "")), StoryRow.id),
}


@dataclass(frozen=True)
class StoryQuery:
    """Which stories to list; every field left empty lets every story through."""

    text: str = ""  # in the story's title, or a member's headline or outlet
    outlet: str = ""  # a member comes from this outlet (exactly)
    since: datetime | None = None  # active at or after: last seen >= since
    until: datetime | None = None  # begun at or before: first seen <= until
    order: StoryOrder = "recent"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _member(condition: Any) -> Any:
    """The story has an article for which ``condition`` holds."""
    return exists(
        select(MembershipRow.article_id)
        .join(ArticleRow, ArticleRow.id == MembershipRow.article_id)
        .where(MembershipRow.story_id == StoryRow.id, condition)
    )


def _conditions(query: StoryQuery) -> list[Any]:
    found = []
    if query.text.strip():
        pattern = _like(query.text.strip())
        found.append(
            or_(
                StoryRow.title.ilike(pattern, escape="\\"),
                _member(
                    or_(
                        ArticleRow.title.ilike(pattern, escape="\\"),
                        ArticleRow.source.ilike(pattern, escape="\\"),
                    )
                ),
            )
        )
    if query.outlet:
        found.append(_member(ArticleRow.source == query.outlet))
    if query.since is not None:
        found.append(StoryRow.last_seen >= query.since)
    if query.until is not None:
        found.append(StoryRow.first_seen <= query.until)
    return found


class StorySearch:
    """The search part of `newsprism.store.Store`, over its read sessions."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def find_stories(
        self, query: StoryQuery, limit: int = 50, offset: int = 0
    ) -> tuple[list[Story], int]:
        """One page of the stories ``query`` matches, in its order, and how many match."""
        conditions = _conditions(query)
        page = (
            select(StoryRow.state)
            .where(*conditions)
            .order_by(*_ORDER[query.order])
            .limit(limit)
            .offset(offset)
        )
        with self._read() as session:
            total = session.scalar(select(func.count()).select_from(StoryRow).where(*conditions))
            stories = [StoryState.from_dict(state).to_story() for state in session.scalars(page)]
        return stories, total or 0

    def outlets(self) -> list[tuple[str, int]]:
        """Every outlet with how many of its articles are stored, the most first."""
        count = func.count(ArticleRow.id)
        query = (
            select(ArticleRow.source, count)
            .where(ArticleRow.source.is_not(None))
            .group_by(ArticleRow.source)
            .order_by(count.desc(), ArticleRow.source)
        )
        with self._read() as session:
            return [(source, n) for source, n in session.execute(query) if source]
