"""The story settings calibrated on the stored stream (`newsprism.stories.calibration`): the
latest is what new articles are clustered with, and what `stories` shows."""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsprism.store.feeds import now
from newsprism.store.schema import ArticleRow, CalibrationRow
from newsprism.stories import ArticleFeatures, Calibration


class StoryCalibrations:
    """The calibration part of `newsprism.store.Store`."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def keep_calibration(self, calibration: Calibration, articles: int) -> None:
        """Keep ``calibration``, made when the store held ``articles`` articles, as the one
        in use (earlier ones stay, as history)."""
        with self._write() as session:
            session.add(
                CalibrationRow(made_at=now(), articles=articles, calibration=calibration.to_dict())
            )

    def calibration(self) -> tuple[Calibration, int] | None:
        """The calibration in use and how many articles the store held when it was made."""
        with self._read() as session:
            row = session.scalars(
                select(CalibrationRow).order_by(CalibrationRow.id.desc()).limit(1)
            ).first()
            return (Calibration.from_dict(row.calibration), row.articles) if row else None

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
