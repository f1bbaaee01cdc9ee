"""Store a stream of articles and cluster it into stories, continuing the last run.

`track` rebuilds the clusterer from the stories already stored, skips articles the store
holds, and then takes the new ones in publication order: each gets its features (annotated
at the light level, what clustering reads, unless the cache holds them; a story report
annotates its own articles fully), joins or
starts a story, and is committed together with its membership and the story's new state.
A run killed at any moment leaves every article it reported as stored in the database,
with the stories consistent; the next run simply goes on from there. Another process
writing to the same database at the same time is noticed (the store refuses a story state
it did not start from) and the article is clustered again against the stored stories.

The story setting calibrates itself on the stored stream (`newsprism.workflows.calibrating`):
before an input that brings a new store to `Settings.story_calibration_after` articles is
clustered, else once the store holds that many, and again each time it has taken
`Settings.story_calibration_every` more. The first calibration regroups the stories made
before it when it changes the setting. A value the user gave is never calibrated. A store
that holds nothing, calibrated on its input, takes the input's features as they are
computed, clusters them with every candidate meanwhile, and stores the winner's clustering
as it was made (`newsprism.workflows.recorded`), as `newsprism cluster` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Literal

from newsprism.config import Settings
from newsprism.errors import NewsprismError, Problem, StaleStoryError
from newsprism.model import Article
from newsprism.stories import (
    ArticleFeatures,
    Move,
    StoryClusterer,
    iter_stream_features,
    stream_features,
    stream_key,
    stream_order,
)
from newsprism.workflows.calibrating import Calibrator
from newsprism.workflows.recorded import Clusterer, calibrated_input

RETRIES = 5  # attempts to store an article whose story other processes keep changing
TRACK_BATCHES = 8
# Articles stored in one transaction: a commit waits for the disk (6.8 ms on the
# development machine), which one transaction an article paid 1,124 times for the DUC
# stream; the output comes in bursts of this many (docs/performance.md).
COMMIT_BATCH = 32

if TYPE_CHECKING:  # only for types: the store imports newsprism.stories
    from newsprism.store import Store


@dataclass(frozen=True)
class Tracked:
    """What happened to one article: stored in a story, or skipped as already stored."""

    article: Article
    story: str | None  # None only for a copy whose original could not be stored
    status: Literal["new", "duplicate"]
    started: bool = False  # the article started its story
    # Articles stored earlier, alone in a story, that joined this article's story with it.
    pulled: tuple[str, ...] = ()
    # Articles stored earlier and left alone for story_lone_days that joined another story
    # near them as this article moved the stream's clock on.
    settled: tuple[Move, ...] = ()

    @property
    def stored(self) -> bool:
        return self.status == "new"


@dataclass
class TrackResult:
    items: list[Tracked] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)

    @property
    def stored(self) -> list[Tracked]:
        return [item for item in self.items if item.status == "new"]

    @property
    def duplicates(self) -> list[Tracked]:
        return [item for item in self.items if item.status == "duplicate"]


def _dated(article: Article, now: datetime) -> tuple[Article, Problem | None]:
    """The article with an aware publication time, or a notice that it has none.

    An undated article stays undated: its features (and so the store) file it under
    ``now``, and the store records that the date was not given.
    """
    if article.published is None:
        notice = Problem(
            article.origin or article.ref,
            f"no publication date; filed under the time it was read ({now:%Y-%m-%d %H:%M} UTC)",
            "notice",
        )
        return article, notice
    if article.published.tzinfo is None:
        # A date without a zone is read as UTC, the zone the store keeps.
        return article.model_copy(update={"published": article.published.replace(tzinfo=UTC)}), None
    return article, None


def _stored(
    article: Article, feature: ArticleFeatures, clusterer: Clusterer, store: Store
) -> Tracked | None:
    """Cluster the article and write it with its story's new state (in the store's open
    batch, if any); what happened, or None when another process stored it first. Raises
    `StaleStoryError` when another process changed one of the stories meanwhile."""
    state = clusterer.add(feature)
    moves = clusterer.take_moves()
    settled = tuple(move for move in moves if move.joined != state.id)
    grown = [clusterer.story(joined) for joined in dict.fromkeys(m.joined for m in settled)]
    if not store.add_article(article, feature, state, moves, grown):
        return None
    pulled = tuple(move.article for move in moves if move.joined == state.id)
    return Tracked(article, state.id, "new", len(state.members) == 1, pulled, settled)


def _commit(
    article: Article,
    feature: ArticleFeatures,
    clusterer: Clusterer,
    store: Store,
    settings: Settings,
) -> tuple[Clusterer, Tracked]:
    """Cluster and store one article; the clusterer to go on with, and what happened.

    When another process wrote to the database meanwhile, the clusterer holds stale
    stories: it is rebuilt from the database and the article is clustered again.
    """
    for _ in range(RETRIES):
        try:
            tracked = _stored(article, feature, clusterer, store)
        except StaleStoryError:
            clusterer = StoryClusterer(settings, store.story_states())
            continue
        if tracked is not None:
            return clusterer, tracked
        # Stored by another process first: our clusterer now counts it twice over.
        clusterer = StoryClusterer(settings, store.story_states())
        return clusterer, Tracked(article, store.story_of(article.id), "duplicate")
    raise NewsprismError(f"{article.ref}: other processes keep changing its story; try again")


class _Interleaved(Exception):
    """Another process wrote to the stories or articles of a batch meanwhile."""


def _commit_batch(
    pairs: Sequence[tuple[Article, ArticleFeatures]], clusterer: Clusterer, store: Store
) -> list[Tracked] | None:
    """Cluster and store ``pairs`` in one transaction (`Store.batch`); what happened to each,
    or None when another process wrote meanwhile: then nothing is stored, and the
    clusterer holds articles the database does not."""
    items: list[Tracked] = []
    try:
        with store.batch():
            for article, feature in pairs:
                tracked = _stored(article, feature, clusterer, store)
                if tracked is None:
                    raise _Interleaved
                items.append(tracked)
    except (StaleStoryError, _Interleaved):
        return None
    return items


def _recorder(
    result: TrackResult, on_item: Callable[[Tracked], None] | None
) -> Callable[[Tracked], None]:
    def record(item: Tracked) -> None:
        result.items.append(item)
        if on_item is not None:
            on_item(item)

    return record


def _commit_all(
    pairs: Iterable[tuple[Article, ArticleFeatures]],
    clusterer: Clusterer,
    store: Store,
    record: Callable[[Tracked], None],
    calibrator: Calibrator,
    notices: list[Problem],
) -> Clusterer:
    """Cluster and store each article in the order given, `COMMIT_BATCH` to a transaction
    (each reported once its batch is committed, so a reported article is on disk), a batch
    ending where a calibration falls due; the clusterer to go on with. A batch that another
    process wrote into meanwhile is stored again one article at a time."""
    todo = iter(pairs)
    while chunk := list(islice(todo, min(COMMIT_BATCH, calibrator.until_due()))):
        items = _commit_batch(chunk, clusterer, store) if len(chunk) > 1 else None
        if items is None:
            if len(chunk) > 1:
                clusterer = StoryClusterer(clusterer.settings, store.story_states())
            items = []
            for article, feature in chunk:
                clusterer, item = _commit(article, feature, clusterer, store, clusterer.settings)
                items.append(item)
        for item in items:
            record(item)
            if item.stored and (notice := calibrator.stored()) is not None:
                _notify(notice, notices)
                # The stories go on as they are; the articles after this one meet the new bar.
                clusterer = StoryClusterer(calibrator.settings, store.story_states())
    return clusterer


def track_features(
    pairs: Iterable[tuple[Article, ArticleFeatures]],
    store: Store,
    settings: Settings | None = None,
    *,
    on_item: Callable[[Tracked], None] | None = None,
) -> TrackResult:
    """`track` for articles whose features were taken elsewhere (a distributed
    `batch annotate`), given in stream order: each not yet stored joins or starts a story
    of the store and is committed with it; one already stored is skipped. Given as a
    sequence, the input is known whole, and calibrated on before it is clustered when due
    (`Calibrator.before`; a store that holds nothing keeps the clustering the calibration
    chose, `newsprism.workflows.recorded`); given as an iterator, it is taken as it comes."""
    settings = settings or store.settings
    result = TrackResult()
    record = _recorder(result, on_item)

    def fresh() -> Iterator[tuple[Article, ArticleFeatures]]:
        for article, feature in pairs:
            if store.has_article(article.id):
                record(Tracked(article, store.story_of(article.id), "duplicate"))
            else:
                yield article, feature

    calibrator = Calibrator(store, settings)
    todo: Iterable[tuple[Article, ArticleFeatures]] = fresh()
    clusterer: Clusterer | None = None
    if isinstance(pairs, Sequence):
        todo = list(todo)
        features = [f for _, f in todo]
        if calibrator.reads_input_alone(len(todo)):
            chunks = [stream_order(features)]
            ids = [f.id for f in features]
            clusterer, notice = calibrated_input(chunks, ids, store, calibrator, COMMIT_BATCH)
            _notify(notice, result.notices)
        else:
            _notify(calibrator.before(features, len(todo)), result.notices)
    if clusterer is None:
        clusterer = StoryClusterer(calibrator.settings, store.story_states())
    _commit_all(todo, clusterer, store, record, calibrator, result.notices)
    return result


def _notify(notice: Problem | None, notices: list[Problem]) -> None:
    if notice is not None:
        notices.append(notice)


def track(
    articles: Sequence[Article],
    store: Store,
    settings: Settings | None = None,
    *,
    on_item: Callable[[Tracked], None] | None = None,
    on_step: Callable[[str], None] | None = None,
) -> TrackResult:
    """Store ``articles`` and cluster them into the store's stories.

    ``on_item`` is called for each article as soon as it is committed (or skipped), so a
    caller can report progress that stays true even if the run is killed; ``on_step`` with
    a line on work done before the first article is committed.
    """
    settings = settings or store.settings
    now = datetime.now(UTC)
    result = TrackResult()
    record = _recorder(result, on_item)

    pending: dict[str, Article] = {}
    copies: list[Article] = []
    stored = store.stored_ids(article.id for article in articles)
    for article in articles:
        if article.id in pending:
            copies.append(article)
        elif article.id in stored:
            record(Tracked(article, store.story_of(article.id), "duplicate"))
        else:
            dated, notice = _dated(article, now)
            pending[article.id] = dated
            if notice is not None:
                result.notices.append(notice)

    # Online clustering sees the stream in publication order, as `cluster` does.
    queue = sorted(pending.values(), key=lambda a: stream_key(a.published or now, a.id))
    run = _Run(store, Calibrator(store, settings), record, result.notices, on_step, now)
    if run.calibrator.reads_input_alone(len(queue)):
        _track_new(queue, run)
    else:
        _track_queue(queue, run)
    for article in copies:
        record(Tracked(article, store.story_of(article.id), "duplicate"))
    return result


@dataclass(frozen=True)
class _Run:
    """What one `track` call stores into and reports to."""

    store: Store
    calibrator: Calibrator
    record: Callable[[Tracked], None]
    notices: list[Problem]
    on_step: Callable[[str], None] | None
    now: datetime

    def calibrating(self, articles: int) -> None:
        if self.on_step is not None:
            self.on_step(f"choosing the story setting on the latest {articles} articles first")

    def commit_all(
        self, pairs: Iterable[tuple[Article, ArticleFeatures]], clusterer: Clusterer
    ) -> Clusterer:
        return _commit_all(pairs, clusterer, self.store, self.record, self.calibrator, self.notices)


def _track_new(queue: Sequence[Article], run: _Run) -> None:
    """`track` of ``queue`` (in stream order) into a store that holds nothing, calibrated
    on the queue alone (`Calibrator.reads_input_alone`): its features computed
    `COMMIT_BATCH` at a time (on the worker processes when they pay), each batch
    clustered by the calibration's candidates while the next are computed, as `cluster`
    does; then the winner's clustering stored, not clustered again."""
    settings = run.calibrator.given
    run.calibrating(min(len(queue), settings.story_calibration_window))
    features: list[ArticleFeatures] = []

    def chunks() -> Iterator[list[ArticleFeatures]]:
        for chunk in iter_stream_features(queue, settings, step=COMMIT_BATCH, now=run.now):
            features.extend(chunk)
            yield chunk

    ids = [article.id for article in queue]
    clusterer, notice = calibrated_input(chunks(), ids, run.store, run.calibrator, COMMIT_BATCH)
    _notify(notice, run.notices)
    run.commit_all(zip(queue, features, strict=True), clusterer)


def _track_queue(queue: Sequence[Article], run: _Run) -> None:
    """`track` of ``queue`` (in stream order), any other case: calibrated first on the
    latest articles of the store and the queue when due, then each article clustered into
    the store's stories as it is stored."""
    settings, calibrator = run.calibrator.given, run.calibrator
    # The input is known whole: when due, calibrate on its latest articles before any is
    # clustered (their features are kept for the pass below).
    known: dict[str, ArticleFeatures] = {}
    if calibrator.due_before(len(queue)):
        latest = queue[-settings.story_calibration_window :]
        run.calibrating(len(latest))
        known = {f.id: f for f in stream_features(latest, settings, now=run.now)}
        _notify(calibrator.before(list(known.values()), len(queue)), run.notices)
    clusterer: Clusterer = StoryClusterer(calibrator.settings, run.store.story_states())
    # Chunks of several batches, so that spaCy's worker processes (``n_process``) start
    # once per chunk, not once per batch; a big queue's chunks are computed ahead on the
    # worker processes while each is committed (`iter_stream_features`).
    step = settings.batch_size * TRACK_BATCHES
    fresh = [a for a in queue if a.id not in known]
    computed = (
        feature
        for features in iter_stream_features(fresh, settings, step=step, now=run.now)
        for feature in features
    )
    for first in range(0, len(queue), step):
        chunk = queue[first : first + step]
        features = [known.pop(a.id) if a.id in known else next(computed) for a in chunk]
        pairs = zip(chunk, features, strict=True)
        clusterer = run.commit_all(pairs, clusterer)
