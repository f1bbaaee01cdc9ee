"""Comparisons of stored stories, kept so that a story is compared once per set of members
and a list of stories can say what was found in each without comparing again.

A kept comparison holds for the story's members, the newsprism version and the settings it
was made with; when any of them changes it is not served (and the next comparison of the
story replaces it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsprism.config import Settings
from newsprism.model import Comparison, Story
from newsprism.store.feeds import now
from newsprism.store.schema import StoryReportRow
from newsprism.version import __version__


@dataclass(frozen=True)
class ComparisonNote:
    """What a kept comparison of a story found, for a list of stories."""

    discrepancies: int
    differences: int
    title: str | None


class StoryReports:
    """The kept-comparisons part of `newsprism.store.Store`."""

    settings: Settings

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _made_for(self, story: Story) -> str:
        basis = "\n".join([__version__, self.settings.model_dump_json(), *sorted(story.members)])
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()

    def keep_comparison(self, story: Story, comparison: Comparison, title: str | None) -> None:
        """Keep ``comparison`` of ``story``'s present members (``title``: a neutral title
        for lists), replacing any kept before."""
        row = StoryReportRow(
            story_id=story.id,
            made_for=self._made_for(story),
            made_at=now(),
            discrepancies=len(comparison.discrepancies),
            differences=len(comparison.differences),
            title=title,
            comparison=comparison.model_dump(mode="json"),
        )
        with self._write() as session:
            session.merge(row)

    def kept_comparison(self, story: Story) -> Comparison | None:
        """The kept comparison of ``story`` as it is now, else None."""
        with self._read() as session:
            row = session.get(StoryReportRow, story.id)
            if row is None or row.made_for != self._made_for(story):
                return None
            return Comparison.model_validate(row.comparison)

    def comparison_notes(self, stories: Sequence[Story]) -> dict[str, ComparisonNote]:
        """Story id → what its kept comparison found, for those kept as they are now."""
        wanted = {story.id: self._made_for(story) for story in stories}
        query = select(
            StoryReportRow.story_id,
            StoryReportRow.made_for,
            StoryReportRow.discrepancies,
            StoryReportRow.differences,
            StoryReportRow.title,
        ).where(StoryReportRow.story_id.in_(wanted))
        with self._read() as session:
            rows = session.execute(query).all()
        return {
            story_id: ComparisonNote(discrepancies, differences, title)
            for story_id, made_for, discrepancies, differences, title in rows
            if wanted[story_id] == made_for
        }
