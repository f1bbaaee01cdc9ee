"""The story setting chosen per stream, without the gold: the clusterer calibrates itself.

A stream of topics followed for years (an archive of wire copy) and a stream of one-day
events (live feeds) want different settings: the topics no rise of the bar with time, the
events `story_time_rise` so that a new event with the same actors starts a story of its own
(docs/evaluation.md). Neither kind is known in advance, so the stream is clustered with each
candidate rise (`Settings.story_calibration_rises`, at `Settings.story_threshold`) and the
clustering that scores best on an internal criterion is kept: the **silhouette** (Rousseeuw
1987) of its stories on the clusterer's own similarity, the four spaces averaged with their
weights, computed once over the articles and reused for every candidate. An article's
silhouette compares its mean similarity to its own story with that to the nearest other
story; it is high when stories are tight and apart. Splitting a topic into pieces in time
leaves pieces that look alike (low silhouette); splitting a run of events of one beat leaves
events that differ (higher). The criterion reads no time and no gold; time only enters
through the clusterings it compares.

Only the rise is chosen. Between the two kinds of stream the silhouette differs widely (0.15
against 0.06 on a stream of topics, 0.18 against 0.21 on one of events); between thresholds
of one kind it is nearly flat and its peak sits off B³'s (on the DUC stream at 0.20, where
B³ F1 is 0.86 against 0.91 at 0.24), so choosing the threshold by it cost more than it gave
(docs/evaluation.md). A rise the user gave (`story_time_rise` in the environment or on the
command line) is kept, and nothing is calibrated.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.config import Settings
from newsprism.stories.clustering import StoryClusterer
from newsprism.stories.spaces import idf
from newsprism.stories.state import ArticleFeatures
from newsprism.stories.stream import cluster_stream, stream_key, stream_order


@dataclass(frozen=True)
class Candidate:
    """One setting tried, and how its clustering scored."""

    threshold: float
    rise: float
    silhouette: float
    stories: int


@dataclass(frozen=True)
class Calibration:
    """The setting chosen for a stream, and what every candidate scored."""

    threshold: float
    rise: float
    articles: int  # how many articles it was chosen on
    candidates: tuple[Candidate, ...]

    @property
    def silhouette(self) -> float:
        return max((c.silhouette for c in self.candidates), default=0.0)

    def describe(self) -> str:
        """One line for people: the setting and how it was chosen."""
        rise = f"time rise {self.rise:g}" if self.rise else "no time rise"
        scores = ", ".join(f"{c.silhouette:.3f} with rise {c.rise:g}" for c in self.candidates)
        return (
            f"threshold {self.threshold:g}, {rise} (calibrated on {self.articles} articles: "
            f"silhouette {scores})"
        )

    def applied(self, settings: Settings) -> Settings:
        """``settings`` with the chosen rise, unless the user gave one."""
        if not calibrates(settings):
            return settings
        return settings.model_copy(update={"story_time_rise": self.rise})

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "rise": self.rise,
            "articles": self.articles,
            "candidates": [vars(c) for c in self.candidates],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Calibration:
        return cls(
            threshold=float(data["threshold"]),
            rise=float(data["rise"]),
            articles=int(data["articles"]),
            candidates=tuple(Candidate(**c) for c in data.get("candidates") or ()),
        )


def calibrates(settings: Settings) -> bool:
    """Whether calibration chooses the rise: it is on, and the user did not give the rise
    (in the environment, on the command line or as an argument)."""
    return settings.story_calibrate and "story_time_rise" not in settings.model_fields_set


def _sparse_unit_rows(rows: Sequence[Mapping[str, float]]) -> Any:
    """Rows of key weights as a CSR matrix of unit rows."""
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    data: list[float] = []
    indices: list[int] = []
    pointers = [0]
    for row in rows:
        norm = math.sqrt(sum(w * w for w in row.values()))
        for key, weight in row.items():
            if norm > 0:
                indices.append(vocabulary.setdefault(key, len(vocabulary)))
                data.append(weight / norm)
        pointers.append(len(indices))
    shape = (len(rows), max(1, len(vocabulary)))
    return sparse.csr_matrix((data, indices, pointers), shape=shape)


def _centred_units(vectors: Iterable[np.ndarray]) -> np.ndarray:
    matrix = np.stack(list(vectors)).astype(np.float64)
    matrix -= matrix.mean(axis=0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def similarity(features: Sequence[ArticleFeatures], settings: Settings) -> np.ndarray:
    """The clusterer's similarity between every two articles, all of them known: headline
    and body cosines centred on the articles' mean, IDF-weighted entity and TF-IDF term
    cosines (BM25's IDF over these articles), averaged with the clusterer's weights."""
    n = len(features)
    entity_df = Counter(e for f in features for e in f.entities)
    term_df = Counter(t for f in features for t, c in f.terms.items() if c > 0)
    entities = _sparse_unit_rows([{e: idf(entity_df[e], n) for e in f.entities} for f in features])
    terms = _sparse_unit_rows(
        [
            {t: (1.0 + math.log(c)) * idf(term_df[t], n) for t, c in f.terms.items() if c > 0}
            for f in features
        ]
    )
    headlines = _centred_units(f.headline for f in features)
    bodies = _centred_units(f.body for f in features)
    spaces = (
        headlines @ headlines.T,
        bodies @ bodies.T,
        (entities @ entities.T).toarray(),
        (terms @ terms.T).toarray(),
    )
    weights = (
        settings.story_weight_headline,
        settings.story_weight_body,
        settings.story_weight_entities,
        settings.story_weight_terms,
    )
    combined: np.ndarray = sum(w * s for w, s in zip(weights, spaces, strict=True)) / sum(weights)
    return combined


def silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """The mean silhouette of a clustering (a one-article story counts 0, as Rousseeuw
    defines it); -1 when every article is alone or all are in one story."""
    from sklearn.metrics import silhouette_score

    stories = len(np.unique(labels))
    if not 1 < stories < len(labels):
        return -1.0
    return float(silhouette_score(distances, labels, metric="precomputed"))


def _distances(features: Sequence[ArticleFeatures], settings: Settings) -> np.ndarray:
    distances = 1.0 - similarity(features, settings)
    np.clip(distances, 0.0, 2.0, out=distances)
    np.fill_diagonal(distances, 0.0)
    return distances


def calibrate(
    features: Sequence[ArticleFeatures], settings: Settings
) -> tuple[Calibration, StoryClusterer] | None:
    """The rise whose clustering of ``features`` has the best silhouette, and that
    clustering; None when there is nothing to choose (calibration off, or the rise given by
    the user) or too few articles (`Settings.story_calibration_after`) to judge by."""
    if not calibrates(settings) or len(features) < settings.story_calibration_after:
        return None
    ordered = stream_order(features)
    rises = _rises(settings)
    clusterers = [cluster_stream(ordered, _with_rise(settings, rise)) for rise in rises]
    return _chosen(ordered, rises, clusterers, settings)


def _rises(settings: Settings) -> list[float]:
    return list(dict.fromkeys(settings.story_calibration_rises))


def _with_rise(settings: Settings, rise: float) -> Settings:
    return settings.model_copy(update={"story_time_rise": rise})


def _chosen(
    ordered: Sequence[ArticleFeatures],
    rises: Sequence[float],
    clusterers: Sequence[StoryClusterer],
    settings: Settings,
) -> tuple[Calibration, StoryClusterer]:
    """Of the clusterings of ``ordered`` with each of ``rises``, the one with the best
    silhouette, and the calibration that chose it."""
    distances = _distances(ordered, settings)  # once, for every candidate
    tried: list[tuple[Candidate, StoryClusterer]] = []
    for rise, clusterer in zip(rises, clusterers, strict=True):
        story_of = clusterer.memberships()
        _, labels = np.unique([story_of[f.id] for f in ordered], return_inverse=True)
        value = silhouette(distances, labels)
        tried.append((Candidate(settings.story_threshold, rise, value, len(clusterer)), clusterer))
    # The first best in the order given: no rise before a rise.
    best, clusterer = max(tried, key=lambda pair: pair[0].silhouette)
    candidates = tuple(candidate for candidate, _ in tried)
    return Calibration(best.threshold, best.rise, len(ordered), candidates), clusterer


def calibrated_stream(
    features: Sequence[ArticleFeatures], settings: Settings
) -> tuple[StoryClusterer, Calibration | None]:
    """``features`` clustered as one stream (as `cluster_stream`) with the setting calibrated
    on its most recent `Settings.story_calibration_window` articles (all of them when it
    holds no more), or with ``settings`` as they are when there is nothing to calibrate.

    A stream shorter than twice the window is clustered whole by each candidate, judged on
    its window's articles, and the winner's clustering is the stream's: two passes over the
    stream, where the window clustered alone by each candidate and the stream again by the
    winner take the window's length more (on the DUC 2007 stream, 2,248 articles clustered
    instead of 3,124; docs/performance.md). The window's stories then include those it
    continues from before it, as the stream's clustering has them."""
    return calibrated_chunks([stream_order(features)], len(features), settings)


def whole_stream(count: int, settings: Settings) -> bool:
    """Whether each candidate clusters the whole of a stream of ``count`` articles, not only
    the calibration's window (`calibrated_stream`)."""
    return count < 2 * settings.story_calibration_window


def calibrated_chunks(
    chunks: Iterable[Sequence[ArticleFeatures]],
    count: int,
    settings: Settings,
    *,
    make: Callable[[Settings], StoryClusterer] = StoryClusterer,
) -> tuple[StoryClusterer, Calibration | None]:
    """`calibrated_stream` of ``count`` features given in `stream_order` a chunk at a time:
    each chunk is clustered as it comes (by every candidate rise, where its articles are in
    the calibration's window), so that clustering runs while the next chunks are computed;
    only the whole stream clustered again with the chosen rise, when the stream is twice the
    window or longer, waits for the last. ``make`` builds each candidate's clusterer (a
    subclass may keep what each step did: `add` stores the winner's steps)."""
    window = settings.story_calibration_window
    first = max(0, count - window)
    calibrating = calibrates(settings) and count - first >= settings.story_calibration_after
    whole = whole_stream(count, settings)
    rises = _rises(settings) if calibrating else [settings.story_time_rise]
    clusterers = [make(_with_rise(settings, rise) if calibrating else settings) for rise in rises]
    start = first if calibrating and not whole else 0
    ordered: list[ArticleFeatures] = []
    for chunk in chunks:
        for feature in chunk:
            if ordered and stream_key(feature.published, feature.id) < stream_key(
                ordered[-1].published, ordered[-1].id
            ):
                raise ValueError(f"{feature.id}: features not in stream order")
            if len(ordered) >= start:
                for clusterer in clusterers:
                    clusterer.add(feature)
            ordered.append(feature)
    if not calibrating:
        return clusterers[0], None
    calibration, clusterer = _chosen(ordered[first:], rises, clusterers, settings)
    if first and not whole:
        clusterer = cluster_stream(ordered, calibration.applied(settings))
    return clusterer, calibration


def describe_setting(
    settings: Settings, calibration: Calibration | None, articles: int | None = None
) -> str:
    """The story setting in use, and where it came from, in one line for people:
    ``calibration`` when one was made, else ``settings`` (given, calibration off, or too few
    of the stream's ``articles`` to calibrate on yet)."""
    if calibration is not None:
        return calibration.describe()
    rise = settings.story_time_rise
    used = f"threshold {settings.story_threshold:g}, " + (
        f"time rise {rise:g}" if rise else "no time rise"
    )
    if not settings.story_calibrate:
        return f"{used} (calibration off)"
    if not calibrates(settings):
        return f"{used} (rise given)"
    fewer = f"fewer than {settings.story_calibration_after} articles"
    counted = f"{articles} articles, " if articles is not None else ""
    return f"{used} (the defaults: {counted}{fewer} to calibrate on)"
