"""The story setting chosen per stream, without the gold: the clusterer calibrates itself.

A stream of topics followed for years (an archive of wire copy) and a stream of one-day
events (live feeds) want different settings: the topics no rise of the bar with time, the
events `story_time_rise` so that a new event with the same actors starts a story of its own
(docs/evaluation.md). Neither kind is known in advance, so the stream is clustered with each
candidate setting and the clustering that scores best on an internal criterion is kept: the
**silhouette** (Rousseeuw 1987) of its stories on the clusterer's own similarity, the four
spaces averaged with their weights, computed once over the articles and reused for every
candidate. An article's silhouette compares its mean similarity to its own story with that
to the nearest other story; it is high when stories are tight and apart. Splitting a topic
into pieces in time leaves pieces that look alike (low silhouette); splitting a run of
events of one beat leaves events that differ (higher). The criterion reads no time and no
gold; time only enters through the clusterings it compares.

The candidates: each rise of `Settings.story_calibration_rises` (no rise, and the rise for
events), and thresholds on a grid of `THRESHOLD_STEP` searched by climbing from
`Settings.story_threshold` towards the side where the silhouette rises, until it falls (on
the development streams it has one peak per rise), so a few passes per rise suffice. A value
the user gave (`story_threshold` or `story_time_rise` in the environment or on the command
line) is kept as given: only the others are calibrated.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.config import Settings
from newsprism.stories.clustering import StoryClusterer, cluster_stream, stream_order
from newsprism.stories.state import ArticleFeatures

THRESHOLD_STEP = 0.02
THRESHOLD_RANGE = (0.10, 0.50)
CALIBRATED = ("story_threshold", "story_time_rise")


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
        return (
            f"threshold {self.threshold:g}, {rise} (best silhouette {self.silhouette:.3f} of "
            f"{len(self.candidates)} settings tried on {self.articles} articles)"
        )

    def applied(self, settings: Settings) -> Settings:
        """``settings`` with the chosen values, except those the user gave."""
        chosen = {"story_threshold": self.threshold, "story_time_rise": self.rise}
        return settings.model_copy(update={k: v for k, v in chosen.items() if free(settings, k)})

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


def free(settings: Settings, field: str) -> bool:
    """Whether calibration may choose ``field``: calibration is on and the user did not
    give the value (in the environment, on the command line or as an argument)."""
    return settings.story_calibrate and field not in settings.model_fields_set


def calibrates(settings: Settings) -> bool:
    """Whether anything is left for calibration to choose."""
    return any(free(settings, field) for field in CALIBRATED)


def _idf(df: int, n: int) -> float:
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


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
    entities = _sparse_unit_rows([{e: _idf(entity_df[e], n) for e in f.entities} for f in features])
    terms = _sparse_unit_rows(
        [
            {t: (1.0 + math.log(c)) * _idf(term_df[t], n) for t, c in f.terms.items() if c > 0}
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


class _Search:
    """Candidate settings clustered over one stream, each once, with the criterion."""

    def __init__(self, features: Sequence[ArticleFeatures], settings: Settings) -> None:
        self.features = stream_order(features)
        self.settings = settings
        distances = 1.0 - similarity(self.features, settings)
        np.clip(distances, 0.0, 2.0, out=distances)
        np.fill_diagonal(distances, 0.0)
        self.distances = distances
        self.tried: dict[tuple[float, float], tuple[Candidate, StoryClusterer]] = {}

    def score(self, threshold: float, rise: float) -> float:
        key = (round(threshold, 4), round(rise, 4))
        if key not in self.tried:
            setting = {"story_threshold": key[0], "story_time_rise": key[1]}
            clusterer = cluster_stream(self.features, self.settings.model_copy(update=setting))
            story_of = clusterer.memberships()
            _, labels = np.unique([story_of[f.id] for f in self.features], return_inverse=True)
            value = silhouette(self.distances, labels)
            self.tried[key] = (Candidate(key[0], key[1], value, len(clusterer)), clusterer)
        return self.tried[key][0].silhouette

    def climb(self, rise: float, start: float) -> None:
        """From ``start``, step the threshold towards the side where the silhouette rises,
        while it rises."""
        low, high = THRESHOLD_RANGE
        here = self.score(start, rise)
        for direction in (-1, 1):
            threshold, value = start, here
            while low <= threshold + direction * THRESHOLD_STEP <= high:
                step = threshold + direction * THRESHOLD_STEP
                better = self.score(step, rise)
                if better <= value:
                    break
                threshold, value = step, better
            if threshold != start:
                return  # it rose this way; the other way it falls


def calibrate(
    features: Sequence[ArticleFeatures], settings: Settings
) -> tuple[Calibration, StoryClusterer] | None:
    """The setting whose clustering of ``features`` has the best silhouette, and that
    clustering; None when there is nothing to choose (calibration off, or both values given
    by the user) or too few articles (`Settings.story_calibration_after`) to judge by."""
    if not calibrates(settings) or len(features) < settings.story_calibration_after:
        return None
    search = _Search(features, settings)
    rises = (
        settings.story_calibration_rises
        if free(settings, "story_time_rise")
        else (settings.story_time_rise,)
    )
    for rise in rises:
        if free(settings, "story_threshold"):
            search.climb(rise, settings.story_threshold)
        else:
            search.score(settings.story_threshold, rise)
    # The first best in the order tried: no rise before a rise, the start before its steps.
    best, clusterer = max(search.tried.values(), key=lambda tried: tried[0].silhouette)
    calibration = Calibration(
        best.threshold,
        best.rise,
        len(search.features),
        tuple(candidate for candidate, _ in search.tried.values()),
    )
    return calibration, clusterer


def calibrated_stream(
    features: Sequence[ArticleFeatures], settings: Settings
) -> tuple[StoryClusterer, Calibration | None]:
    """``features`` clustered as one stream (as `cluster_stream`) with the setting calibrated
    on its most recent `Settings.story_calibration_window` articles (all of them when it
    holds no more), or with ``settings`` as they are when there is nothing to calibrate."""
    window = settings.story_calibration_window
    ordered = stream_order(features)
    found = calibrate(ordered[-window:], settings)
    if found is None:
        return cluster_stream(ordered, settings), None
    calibration, clusterer = found
    if len(ordered) > window:
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
        return f"{used} (given)"
    fewer = f"fewer than {settings.story_calibration_after} articles"
    counted = f"{articles} articles, " if articles is not None else ""
    return f"{used} (the defaults: {counted}{fewer} to calibrate on)"
