"""The story settings calibrated on the stored stream (`newsprism.stories.calibration`): the
latest is what new articles are clustered with, and what `stories` shows. The first one may
regroup the stories made before it under the defaults (`keep_calibration`)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newsprism.errors import StaleStoryError
from newsprism.store.feeds import now
from newsprism.store.schema import (
    ArticleRow,
    CalibrationRow,
    MembershipRow,
    StoryAliasRow,
    StoryRow,
)
from newsprism.stories import ArticleFeatures, Calibration, StoryState


@dataclass(frozen=True)
class Regrouped:
    """What a calibration regrouped: the stored articles clustered again with its setting."""

    articles: int
    stories_before: int
    stories_after: int
    changed: int  # stories of the new grouping that are not one of the old ones
    made_at: datetime

    def describe(self) -> str:
        return (
            f"the {self.articles} articles stored before it were regrouped with it on "
            f"{self.made_at:%Y-%m-%d %H:%M} UTC ({self.stories_before} stories -> "
            f"{self.stories_after}, {self.changed} of them new or changed)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stories_before": self.stories_before,
            "stories_after": self.stories_after,
            "changed": self.changed,
        }


class StoryCalibrations:
    """The calibration part of `newsprism.store.Store`."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def keep_calibration(
        self,
        calibration: Calibration,
        articles: int,
        regroup: Sequence[StoryState] | None = None,
    ) -> Regrouped | None:
        """Keep ``calibration``, made when the store held ``articles`` articles, as the one
        in use (earlier ones stay, as history).

        ``regroup``: the stories of *every* stored article clustered again with it; in the
        same transaction they replace the stored stories (a story whose members did not
        change is left as it is, with its kept report; a story that is gone leaves an alias
        to the story now holding its first article). Articles, feeds and everything else
        stored stay. When the stored articles are not exactly those of ``regroup`` (another
        process stored one meanwhile), `StaleStoryError` is raised and nothing is kept."""
        with self._write() as session:
            row = CalibrationRow(
                made_at=now(), articles=articles, calibration=calibration.to_dict()
            )
            session.add(row)
            if regroup is None:
                return None
            done = _regroup(session, regroup)
            row.regrouped = done.to_dict()
            return done

    def calibration(self) -> tuple[Calibration, int] | None:
        """The calibration in use and how many articles the store held when it was made."""
        with self._read() as session:
            row = session.scalars(
                select(CalibrationRow).order_by(CalibrationRow.id.desc()).limit(1)
            ).first()
            return (Calibration.from_dict(row.calibration), row.articles) if row else None

    def regrouping(self) -> Regrouped | None:
        """The last regrouping a calibration made, if any."""
        with self._read() as session:
            row = session.scalars(
                select(CalibrationRow)
                .where(CalibrationRow.regrouped.is_not(None))
                .order_by(CalibrationRow.id.desc())
                .limit(1)
            ).first()
            if row is None or row.regrouped is None:
                return None
            return Regrouped(**row.regrouped, made_at=row.made_at)

    def recent_features(self, limit: int) -> list[ArticleFeatures]:
        """The clustering features of the ``limit`` most recently filed articles, oldest
        first (articles without features of today's kind are left out)."""
        with self._read() as session:
            query = (
                select(ArticleRow.features)
                .where(ArticleRow.features.is_not(None))
                .order_by(ArticleRow.published.desc(), ArticleRow.id.desc())
                .limit(limit)
            )
            found = [
                ArticleFeatures.from_dict(data)
                for data in session.scalars(query)
                if ArticleFeatures.current(data)
            ]
        return found[::-1]


def _regroup(session: Session, stories: Sequence[StoryState]) -> Regrouped:
    members = {m: story for story in stories for m in story.members}
    stored = set(session.scalars(select(ArticleRow.id)))
    if stored != set(members):
        raise StaleStoryError("(the stored articles changed while they were regrouped)")
    old = {row.id: row for row in session.scalars(select(StoryRow).with_for_update())}
    before = len(old)
    kept = {s.id for s in stories if s.id in old and old[s.id].state["members"] == s.members}
    moving = [m for m, story in members.items() if story.id not in kept]
    # Memberships first (the unique positions of a story), then the stories they point at.
    for first in range(0, len(moving), 500):
        chunk = moving[first : first + 500]
        for membership in session.scalars(
            select(MembershipRow).where(MembershipRow.article_id.in_(chunk))
        ):
            session.delete(membership)
    session.flush()
    when = now()
    new_ids = {s.id for s in stories}
    for story_id, row in old.items():
        if story_id in kept:
            continue
        first_member = row.state["members"][0] if row.state["members"] else None
        if story_id not in new_ids and first_member in members:
            alias = session.get(StoryAliasRow, story_id)
            if alias is None:
                alias = StoryAliasRow(old_id=story_id)
                session.add(alias)
            alias.story_id, alias.made_at = members[first_member].id, when
        session.delete(row)
    session.flush()
    for story in stories:
        if story.id in kept:
            continue
        if (alias := session.get(StoryAliasRow, story.id)) is not None:
            session.delete(alias)  # the id names a story again
        row = StoryRow(id=story.id)
        row.write(story)
        session.add(row)
    session.flush()
    for story in stories:
        if story.id not in kept:
            for position, member in enumerate(story.members):
                session.add(MembershipRow(article_id=member, story_id=story.id, position=position))
    count = session.scalar(select(func.count()).select_from(StoryRow)) or 0
    return Regrouped(len(members), before, count, len(stories) - len(kept), when)
