"""How alike an article and its candidate stories are, in the four spaces of story clustering
(`newsprism.stories.clustering`), scored against all the candidates at once.

The stream's statistics live here: its article count, the document frequencies of entities
and terms (learned online, so an IDF is as of the article's arrival) and its running mean
vectors (`newsprism.stories.background`). An article is scored against every candidate story
in one pass: the headline and body cosines as two matrix products, the entity and term dots
over the keys the two share only. A story's entity norm depends on every IDF, so it changes
with every article counted; it is recomputed from arrays kept per story (rebuilt when the
story grows), not key by key: on the DUC 2007 stream that norm was most of the clustering's
CPU (docs/performance.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from operator import mul

import numpy as np

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.stories.background import StreamMean, centred_cosines
from newsprism.stories.state import ArticleFeatures, StoryState

# The largest entity cosine, with room for rounding (`Spaces.reaching`).
ENTITY_BOUND = 1.0 + 1e-9


@dataclass(frozen=True)
class Match:
    """How well an article fits one story, space by space, and overall."""

    headline: float
    body: float
    entities: float
    terms: float
    score: float


def idf(df: int, n: int) -> float:
    """BM25's inverse document frequency: near 0 for a key every article has."""
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


class Spaces:
    """The stream's statistics, and the similarity of an article to stories in each space.

    Stories are named by their slot in the clusterer; `changed` must be told when a story's
    entities or terms change, and `gone` when a slot is emptied."""

    def __init__(self, settings: Settings) -> None:
        self.weights = (
            settings.story_weight_headline,
            settings.story_weight_body,
            settings.story_weight_entities,
            settings.story_weight_terms,
        )
        if sum(self.weights) <= 0:
            raise NewsprismError("story clustering weights are all zero")
        self.articles = 0
        self.term_df: Counter[str] = Counter()
        self.background = StreamMean()
        self.term_norms: dict[int, float] = {}  # slot -> squared norm of term_weights
        self._entity_ids: dict[str, int] = {}
        self._entity_df = np.zeros(1024, dtype=np.float64)  # by entity id
        # Slot -> its entities' ids and counts, until the story changes.
        self._story_entities: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        # Entity IDFs and stories' squared entity norms, as of the last article counted.
        self._entity_idfs: dict[str, float] = {}
        self._entity_norms: dict[int, float] = {}
        # Terms by id, a story's term weights as arrays until it changes, and one vector's
        # weights laid out by term id (zero between calls), so that a term dot is a gather.
        self._term_ids: dict[str, int] = {}
        self._story_terms: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._term_buffer = np.zeros(4096, dtype=np.float64)

    def count(
        self,
        entities: Mapping[str, int],
        terms: Mapping[str, int],
        headline: np.ndarray,
        body: np.ndarray,
        articles: int = 1,
    ) -> None:
        """Count ``articles`` more: their entities and terms (with how many of them name
        each) and vector sums. The IDFs change."""
        self.articles += articles
        for entity, times in entities.items():
            index = self._entity_id(entity)  # before the array it may replace is read
            self._entity_df[index] += times
        self.term_df.update(terms)
        self.background.add(headline, body, articles)
        self._entity_idfs.clear()
        self._entity_norms.clear()

    def changed(self, slot: int) -> None:
        """The story in ``slot`` changed its entities or terms."""
        self._story_entities.pop(slot, None)
        self._entity_norms.pop(slot, None)
        self._story_terms.pop(slot, None)

    def gone(self, slot: int) -> None:
        """The story in ``slot`` is no more."""
        self.changed(slot)
        self.term_norms.pop(slot, None)

    def _entity_id(self, entity: str) -> int:
        index = self._entity_ids.setdefault(entity, len(self._entity_ids))
        if index >= len(self._entity_df):
            self._entity_df = np.concatenate([self._entity_df, np.zeros_like(self._entity_df)])
        return index

    def term_vector(self, terms: Mapping[str, int]) -> dict[str, float]:
        """The unit TF-IDF vector of an article's terms, with the IDF of the stream so far."""
        weights = {
            t: (1.0 + math.log(count)) * idf(self.term_df.get(t, 0), self.articles)
            for t, count in terms.items()
            if count > 0
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {t: w / norm for t, w in weights.items()} if norm > 0 else {}

    def _entity_idf(self, entity: str) -> float:
        """An entity's IDF in the stream so far (kept until the next article counts)."""
        weight = self._entity_idfs.get(entity)
        if weight is None:
            index = self._entity_ids.get(entity)
            df = int(self._entity_df[index]) if index is not None else 0
            weight = self._entity_idfs[entity] = idf(df, self.articles)
        return weight

    def _story_entity_norm(self, slot: int, counts: Mapping[str, int]) -> float:
        """The squared norm of a story's IDF-weighted entity vector."""
        norm = self._entity_norms.get(slot)
        if norm is None:
            arrays = self._story_entities.get(slot)
            if arrays is None:
                ids = np.fromiter((self._entity_id(e) for e in counts), np.int64, len(counts))
                arrays = (ids, np.fromiter(counts.values(), np.float64, len(counts)))
                self._story_entities[slot] = arrays
            ids, times = arrays
            df = self._entity_df[ids]
            weights = np.log(1.0 + (self.articles - df + 0.5) / (df + 0.5)) * times
            norm = self._entity_norms[slot] = float(weights @ weights)
        return norm

    def _entity_similarity(
        self, weights: Mapping[str, float], norm: float, slot: int, story: StoryState
    ) -> float:
        """Cosine between the article's IDF-weighted entity vector (its squared weights
        ``weights``, their sum ``norm``) and the story's."""
        counts = story.entity_counts
        shared = weights.keys() & counts.keys()
        # Most candidate stories share no entity with the article: their norm is not needed.
        dot = sum(map(mul, map(weights.__getitem__, shared), map(counts.__getitem__, shared)))
        if dot == 0.0:
            return 0.0
        return dot / math.sqrt(norm * self._story_entity_norm(slot, counts))

    def _term_arrays(self, weights: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """Term weights as their terms' ids and the weights."""
        ids = self._term_ids
        return (
            np.fromiter((ids.setdefault(t, len(ids)) for t in weights), np.int64, len(weights)),
            np.fromiter(weights.values(), np.float64, len(weights)),
        )

    def _story_term_arrays(self, slot: int, story: StoryState) -> tuple[np.ndarray, np.ndarray]:
        arrays = self._story_terms.get(slot)
        if arrays is None:
            arrays = self._story_terms[slot] = self._term_arrays(story.term_weights)
        return arrays

    def _term_dots(
        self, vector: Mapping[str, float], others: Sequence[tuple[np.ndarray, np.ndarray]]
    ) -> list[float]:
        """The dot of term weights ``vector`` with each of ``others`` (`_term_arrays`):
        ``vector`` laid out by term id once, each other gathered from it. On the DUC 2007
        stream the dicts' shared keys, looked up story by story, were the clustering's
        costliest Python (docs/performance.md)."""
        ids, weights = self._term_arrays(vector)
        if len(self._term_buffer) < len(self._term_ids):
            self._term_buffer = np.zeros(2 * len(self._term_ids), dtype=np.float64)
        buffer = self._term_buffer
        buffer[ids] = weights
        dots = np.zeros(len(others))
        # One gather over all the others, summed other by other (reduceat needs each one
        # non-empty; an empty one's dot stays 0).
        full = [i for i, (other_ids, _) in enumerate(others) if len(other_ids)]
        if full:
            products = buffer[np.concatenate([others[i][0] for i in full])] * np.concatenate(
                [others[i][1] for i in full]
            )
            starts = np.cumsum([0] + [len(others[i][0]) for i in full[:-1]])
            dots[full] = np.add.reduceat(products, starts)
        buffer[ids] = 0.0
        return dots.tolist()

    def _term_similarities(
        self, vector: Mapping[str, float], stories: Sequence[StoryState], slots: Sequence[int]
    ) -> list[float]:
        """The cosine between a unit TF-IDF vector and each story's term weights."""
        norms = [self.term_norms.get(slot, 0.0) for slot in slots]
        if not vector:
            return [0.0] * len(slots)
        arrays = [
            self._story_term_arrays(slot, story) for story, slot in zip(stories, slots, strict=True)
        ]
        dots = self._term_dots(vector, arrays)
        return [
            dot / math.sqrt(norm) if norm > 0 else 0.0
            for dot, norm in zip(dots, norms, strict=True)
        ]

    def matches(
        self,
        features: ArticleFeatures,
        terms: Mapping[str, float],
        stories: Sequence[StoryState],
        slots: Sequence[int],
    ) -> list[Match]:
        """How well the article (``terms`` its TF-IDF vector) fits each of ``stories``, held
        in ``slots``."""
        return [m for m in self.reaching(features, terms, stories, slots) if m is not None]

    def reaching(
        self,
        features: ArticleFeatures,
        terms: Mapping[str, float],
        stories: Sequence[StoryState],
        slots: Sequence[int],
        bars: Sequence[float] | None = None,
    ) -> list[Match | None]:
        """`matches`, or None for a story whose score cannot reach its bar in ``bars``.

        The entity cosine, the costliest part, is left out where the other three spaces
        with the largest entity cosine there is (1) still fall short of the bar: an article
        is compared with ~50 candidate stories and fits few of them (on the DUC 2007 stream
        that leaves 16 % of the entity comparisons; docs/performance.md)."""
        if not stories:
            return []
        headline_mean, body_mean = self.background.means(features.headline, features.body)
        members = np.array([len(story.members) for story in stories], dtype=np.float64)
        headlines = centred_cosines(
            features.headline, np.stack([s.headline_sum for s in stories]), members, headline_mean
        ).tolist()
        bodies = centred_cosines(
            features.body, np.stack([s.body_sum for s in stories]), members, body_mean
        ).tolist()
        entities = cache(partial(self._entity_weights, features))
        term_cosines = self._term_similarities(terms, stories, slots)
        return [
            self._scored(
                headlines[i],
                bodies[i],
                term_cosines[i],
                entities,
                story,
                slot,
                bars[i] if bars is not None else None,
            )
            for i, (story, slot) in enumerate(zip(stories, slots, strict=True))
        ]

    def joining(
        self,
        story: StoryState,
        slot: int,
        articles: Sequence[ArticleFeatures],
        term_vectors: Sequence[Mapping[str, float]],
        bars: Sequence[float],
    ) -> list[Match | None]:
        """`reaching` turned around: each of ``articles`` (``term_vectors`` their TF-IDF
        vectors) against the one story in ``slot``, None for an article that cannot reach
        its bar in ``bars``. One call for the lone articles near a story that grew, instead
        of one call each (docs/performance.md)."""
        if not articles:
            return []
        headline_mean, body_mean = self.background.means(story.headline_sum, story.body_sum)
        # A cosine reads the same from either side, and the story's mean member points
        # where its sum does.
        size = float(len(story.members))
        ones = np.ones(len(articles))
        headline_sum, body_sum = (
            np.asarray(v, np.float64) for v in (story.headline_sum, story.body_sum)
        )
        headlines = centred_cosines(
            headline_sum / size, np.stack([a.headline for a in articles]), ones, headline_mean
        ).tolist()
        bodies = centred_cosines(
            body_sum / size, np.stack([a.body for a in articles]), ones, body_mean
        ).tolist()
        norm = self.term_norms.get(slot, 0.0)
        weights = story.term_weights
        found = []
        for i, (article, terms) in enumerate(zip(articles, term_vectors, strict=True)):
            entities = cache(partial(self._entity_weights, article))
            # A few articles against one story: their shared keys cost less than laying
            # each article out as arrays (`_term_dots`).
            shared = terms.keys() & weights.keys()
            dot = sum(map(mul, map(terms.__getitem__, shared), map(weights.__getitem__, shared)))
            term = dot / math.sqrt(norm) if norm > 0 else 0.0
            found.append(
                self._scored(headlines[i], bodies[i], term, entities, story, slot, bars[i])
            )
        return found

    def _entity_weights(self, features: ArticleFeatures) -> tuple[dict[str, float], float]:
        """The article's squared entity IDFs, and their sum."""
        weights = {e: self._entity_idf(e) ** 2 for e in features.entities}
        return weights, sum(weights.values())

    def _scored(
        self,
        headline: float,
        body: float,
        term: float,
        entities: Callable[[], tuple[dict[str, float], float]],
        story: StoryState,
        slot: int,
        bar: float | None,
    ) -> Match | None:
        """One article against one story, given their headline, body and term cosines; None
        when ``bar`` is out of its reach (`reaching`)."""
        w_headline, w_body, w_entities, w_terms = self.weights
        total = sum(self.weights)
        # Rounding can only raise this bound (positive weights), never drop it below the
        # exact score, so a story it rules out could not have reached the bar.
        most = w_headline * headline + w_body * body + w_entities * ENTITY_BOUND
        if bar is not None and (most + w_terms * term) / total < bar:
            return None
        entity = self._entity_similarity(*entities(), slot, story)
        score = w_headline * headline + w_body * body + w_entities * entity + w_terms * term
        return Match(headline, body, entity, term, score=score / total)
