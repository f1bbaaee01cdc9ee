"""When a store calibrates its story setting (`newsprism.stories.calibration`), and what
becomes of the stories made before.

A store that has never calibrated clusters with the defaults, provisionally. It calibrates:

- **before clustering an input it knows whole** (`add` of a folder, a file, a batch): when the
  stored articles and the input together reach `Settings.story_calibration_after`, on the most
  recent `Settings.story_calibration_window` of the two, so that a new store given 1,000
  articles groups them as `newsprism cluster` groups them (400 because fewer chose the wrong
  rise on a stream of events, docs/evaluation.md);
- otherwise **once it holds that many** (`watch`, or `add` one article at a time), and again
  each time it has taken `Settings.story_calibration_every` more.

When the first calibration changes the setting, the stories made under the provisional one
are **regrouped**: every stored article is clustered again with the new setting, in the same
transaction that keeps the calibration (`Store.keep_calibration`), as long as the calibration
window holds the whole store (a store older than calibration, larger than that, keeps its
stories). The articles, feeds and dates stay; a story whose members did not change keeps its
id and report; a dissolved story's id leads to the story now holding its first article. The
notice, the `watch` log and `newsprism stories` say that it happened. Later calibrations
change the setting for new articles only: those stories were made under a calibrated one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.config import Settings
from newsprism.errors import Problem, StaleStoryError
from newsprism.stories import (
    ArticleFeatures,
    Calibration,
    StoryClusterer,
    StoryState,
    calibrate,
    calibrates,
    cluster_stream,
    describe_setting,
    stream_order,
    whole_stream,
)

if TYPE_CHECKING:  # only for types: the store imports newsprism.stories
    from newsprism.store import Regrouped, Store

RETRIES = 3  # regroupings made stale by another writer before the stories are kept


class Calibrator:
    """When the stored stream is due a calibration, and the setting to cluster with."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.given = settings  # the user's: what calibration may not change
        self.on = calibrates(settings)
        kept = store.calibration() if self.on else None
        self.calibration: Calibration | None = kept[0] if kept else None
        self.articles = store.count_articles() if self.on else 0
        self.due_at = (
            kept[1] + settings.story_calibration_every if kept else settings.story_calibration_after
        )

    @property
    def settings(self) -> Settings:
        return self.calibration.applied(self.given) if self.calibration else self.given

    def due_before(self, incoming: int) -> bool:
        """Whether an input of ``incoming`` new articles is to be calibrated on before it is
        clustered: the store has never calibrated, and with the input it reaches the minimum."""
        return (
            self.on
            and self.calibration is None
            and self.articles + incoming >= self.given.story_calibration_after
        )

    def before(self, latest: Sequence[ArticleFeatures], incoming: int) -> Problem | None:
        """Calibrate on the stored articles and an input of ``incoming`` new ones, whose most
        recent (at least the window's) are ``latest``, before the input is clustered."""
        if not self.due_before(incoming):
            return None
        window = self.given.story_calibration_window
        recent = stream_order([*self.store.recent_features(window), *latest])[-window:]
        return self._calibrate(recent, self.articles + incoming)

    def reads_input_alone(self, incoming: int) -> bool:
        """Whether the calibration due before an input of ``incoming`` new articles reads
        the input alone (the store holds none) and each candidate clusters all of it
        (`whole_stream`): then the winner's clustering is the one the store is to keep."""
        return (
            self.due_before(incoming) and self.articles == 0 and whole_stream(incoming, self.given)
        )

    def chosen(
        self, found: tuple[Calibration, StoryClusterer] | None, incoming: int
    ) -> Problem | None:
        """`before` for a calibration made on the input alone (`reads_input_alone`) as its
        features came (`calibrated_chunks`): ``found`` is its outcome."""
        if not self.due_before(incoming):
            return None
        return self._adopt(found, (), self.articles + incoming)

    def until_due(self) -> int:
        """How many more articles can be stored before a calibration falls due, that one
        included (at least 1)."""
        if not self.on:
            return sys.maxsize
        return max(1, self.due_at - self.articles)

    def stored(self) -> Problem | None:
        """Count one more stored article; calibrate if it is due (a notice saying so)."""
        self.articles += 1
        if not self.on or self.articles < self.due_at:
            return None
        recent = self.store.recent_features(self.given.story_calibration_window)
        return self._calibrate(recent, self.articles)

    def _calibrate(self, recent: Sequence[ArticleFeatures], articles: int) -> Problem | None:
        return self._adopt(calibrate(recent, self.given), recent, articles)

    def _adopt(
        self,
        found: tuple[Calibration, StoryClusterer] | None,
        recent: Sequence[ArticleFeatures],
        articles: int,
    ) -> Problem | None:
        """Keep the outcome of a calibration on ``recent`` made when the store reached
        ``articles`` (a notice saying what it chose and did)."""
        self.due_at = articles + self.given.story_calibration_every
        if found is None:  # too few articles with features of today's kind
            return None
        calibration, clusterer = found
        provisional = self.calibration is None
        before = self.settings
        self.calibration = calibration
        changed = (before.story_threshold, before.story_time_rise) != (
            self.settings.story_threshold,
            self.settings.story_time_rise,
        )
        done = self._keep(calibration, articles, changed and provisional, recent, clusterer)
        if done is not None:
            outcome = done.describe()
        elif not changed:
            outcome = "unchanged"
        elif self.articles:
            outcome = "the stories already formed are kept"
        else:
            outcome = "the articles are grouped with it"
        return Problem(
            "stories",
            f"story setting calibrated on the last {calibration.articles} articles: "
            f"{calibration.describe()}; {outcome}",
            "notice",
        )

    def _keep(
        self,
        calibration: Calibration,
        articles: int,
        regroup: bool,
        recent: Sequence[ArticleFeatures],
        clusterer: StoryClusterer,
    ) -> Regrouped | None:
        """Keep the calibration, with the stored stories regrouped when asked and possible;
        what was regrouped. Another process storing articles meanwhile makes the regrouping
        stale: it is made again on what is stored then, a few times, before the stories are
        kept as they are."""
        for _ in range(RETRIES if regroup else 0):
            stories = self._regrouped(recent, clusterer)
            if stories is None:
                break
            try:
                return self.store.keep_calibration(calibration, articles, stories)
            except StaleStoryError:
                recent = ()  # the calibration's own clustering is stale too
        self.store.keep_calibration(calibration, articles)
        return None

    def _regrouped(
        self, recent: Sequence[ArticleFeatures], clusterer: StoryClusterer
    ) -> list[StoryState] | None:
        """Every stored article clustered with the new setting, when there are some and the
        window holds them all; else None (the stories are kept)."""
        window = self.given.story_calibration_window
        stored = self.store.recent_features(window + 1)
        if not stored or len(stored) > window or len(stored) != self.store.count_articles():
            return None
        if {f.id for f in stored} == {f.id for f in recent}:
            return clusterer.stories  # calibration clustered exactly these already
        return cluster_stream(stored, self.settings).stories


def story_setting(store: Store, settings: Settings | None = None) -> str:
    """The story setting a store clusters new articles with, where it came from, and
    whether the stories were regrouped with it."""
    settings = settings or store.settings
    kept = store.calibration() if calibrates(settings) else None
    if kept is None:
        shown = describe_setting(settings, None, store.count_articles())
        if calibrates(settings):
            shown += "; the stories will be regrouped if the calibrated setting differs"
        return shown
    calibration, articles = kept
    shown = f"{describe_setting(settings, calibration)}, when the store held {articles}"
    regrouped = store.regrouping()
    return shown + (f"; {regrouped.describe()}" if regrouped else "")
