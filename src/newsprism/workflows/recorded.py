"""A new store's input clustered once: the calibration's winning clustering replayed into
the store instead of clustered again.

`add` of an input that brings a store that holds nothing yet to
`Settings.story_calibration_after` articles chooses the story setting on that input before
it stores any of it. When the input is shorter than twice the calibration window, each
candidate rise clusters the whole input as its features come (`calibrated_chunks`, as
`newsprism cluster` does), and the winner's clustering is the one the store pass would make
again: the same features in the same order with the same setting, from no story. So each
candidate keeps what it did (`Recording`): for each article the story it joined, that
story's members then and the moves it caused, and at the end of every batch of articles
the store commits together, a copy of each story the batch touched as the batch left it
(what the store writes at the commit). The store pass then takes the winner's steps
(`Replay`, in the clusterer's place) through the same writes and the same checks against
other writers; a batch another process wrote into is stored again by a clusterer rebuilt
from the database, as before (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Protocol

from newsprism.config import Settings
from newsprism.errors import Problem
from newsprism.stories import (
    ArticleFeatures,
    Move,
    StoryClusterer,
    StoryState,
    calibrated_chunks,
)
from newsprism.workflows.calibrating import Calibrator

if TYPE_CHECKING:  # only for types: the store imports newsprism.stories
    from newsprism.store import Store


class Clusterer(Protocol):
    """What the store pass asks of a clusterer (`StoryClusterer`, or a `Replay` of one)."""

    settings: Settings

    def add(self, features: ArticleFeatures) -> StoryState: ...

    def take_moves(self) -> list[Move]: ...

    def story(self, story_id: str) -> StoryState: ...


@dataclass(frozen=True)
class Step:
    """What one article did to the stories."""

    article: str
    story: str  # the story it joined or started
    members: tuple[str, ...]  # that story's members right after it
    moves: tuple[Move, ...]
    # The other stories lone articles moved into as it came, with their members then.
    grown: tuple[tuple[str, tuple[str, ...]], ...]


def _copy(story: StoryState) -> StoryState:
    """A copy the clusterer's later steps leave as it is: its containers are changed in
    place as members join (its vectors are replaced, never changed)."""
    return replace(
        story,
        members=list(story.members),
        sources=list(story.sources),
        entity_counts=dict(story.entity_counts),
        titles=dict(story.titles),
        term_weights=dict(story.term_weights),
        term_counts=dict(story.term_counts),
    )


class Recording(StoryClusterer):
    """A clusterer that keeps its steps, and the stories each batch of ``batch`` articles
    left (counted from its first article), for a `Replay`."""

    def __init__(self, settings: Settings, batch: int) -> None:
        super().__init__(settings)
        self.batch = batch
        self.steps: list[Step] = []
        self.batches: list[dict[str, StoryState]] = []
        self._touched: dict[str, StoryState] = {}

    def add(self, features: ArticleFeatures) -> StoryState:
        state = super().add(features)
        moves = tuple(self.take_moves())
        grown = [self.story(i) for i in dict.fromkeys(m.joined for m in moves) if i != state.id]
        self.steps.append(
            Step(
                features.id,
                state.id,
                tuple(state.members),
                moves,
                tuple((g.id, tuple(g.members)) for g in grown),
            )
        )
        for story in (state, *grown):
            self._touched[story.id] = story
        if len(self.steps) % self.batch == 0:
            self.close_batch()
        return state

    def close_batch(self) -> None:
        """Keep the stories the batch so far touched as they are now (a batch's last
        articles, when the stream ends inside one)."""
        if self._touched:
            self.batches.append({i: _copy(story) for i, story in self._touched.items()})
            self._touched = {}


class Replay:
    """The steps of a `Recording`, given to the store pass in the clusterer's place for the
    same articles in the same order, in batches of the recording's size from the first.

    Each story is given with its members as of the article being stored and the rest of its
    state as its batch left it: the store checks the members against what it holds and, in
    a batch, writes the state last given for a story when the batch ends (`Store.batch`),
    which is then the batch's own."""

    def __init__(self, recording: Recording) -> None:
        recording.close_batch()
        self.settings = recording.settings
        self._recording = recording
        self._next = 0
        self._moves: list[Move] = []
        self._now: dict[str, tuple[str, ...]] = {}
        self._batch: dict[str, StoryState] = {}

    def covers(self, articles: Sequence[str]) -> bool:
        """Whether the recording is of exactly these articles, in this order."""
        return [step.article for step in self._recording.steps] == list(articles)

    def add(self, features: ArticleFeatures) -> StoryState:
        steps = self._recording.steps
        if self._next >= len(steps) or steps[self._next].article != features.id:
            raise ValueError(f"{features.id}: not the next article of the recording")
        step = steps[self._next]
        self._batch = self._recording.batches[self._next // self._recording.batch]
        self._next += 1
        self._moves = list(step.moves)
        self._now = {step.story: step.members, **dict(step.grown)}
        return self.story(step.story)

    def take_moves(self) -> list[Move]:
        moves, self._moves = self._moves, []
        return moves

    def story(self, story_id: str) -> StoryState:
        """A story the last article given joined, or that a lone article moved into as it
        came (KeyError for any other)."""
        return replace(self._batch[story_id], members=list(self._now[story_id]))


def calibrated_input(
    chunks: Iterable[Sequence[ArticleFeatures]],
    ids: Sequence[str],
    store: Store,
    calibrator: Calibrator,
    batch: int,
) -> tuple[Clusterer, Problem | None]:
    """Calibrate a store that holds nothing on an input it reads alone
    (`Calibrator.reads_input_alone`): the features of the articles ``ids`` (in stream order),
    which come in ``chunks``, each chunk clustered by every candidate as it comes
    (`calibrated_chunks`). Returns what the store pass, ``batch`` articles a transaction, is
    to cluster the features with in their order (the winner's steps replayed or, when another
    process stored articles meanwhile or the order is another, a clusterer of the stored
    stories), and the calibration's notice."""
    # The count is the input's, known before its chunks: the candidates judge its window.
    count = len(ids)
    make = partial(Recording, batch=batch)
    winner, calibration = calibrated_chunks(chunks, count, calibrator.given, make=make)
    found = (calibration, winner) if calibration is not None else None
    notice = calibrator.chosen(found, count)
    if isinstance(winner, Recording) and store.count_articles() == 0:
        replay = Replay(winner)
        if replay.covers(ids) and replay.settings == calibrator.settings:
            return replay, notice
    return StoryClusterer(calibrator.settings, store.story_states()), notice
