"""Online story clustering: each article, in publication order, joins the story it matches
best or starts a new one. One pass, no look-ahead, so a stream can be clustered as it comes.

How an article is matched to a story (all from `ArticleFeatures` and `StoryState` sums):

- **Headline and body similarity** are *group-average* cosines: the article's vector
  against the sum of the members' vectors, divided by their number, i.e. its mean cosine
  to the members. Unlike the cosine to the normalized centroid, which grows with the size
  of a story (towards the square root of the members' mutual similarity), the mean does
  not favour big stories over small ones, so one threshold serves both.
- **Shared entities**: the weighted Jaccard (Ruzicka) similarity between the article's
  entities and the story's, each entity weighted by its inverse document frequency (the
  BM25 form, learned online from the articles seen so far, so "United States" counts
  little and "Hebron" a lot) and, on the story side, by the share of members naming it.
- These three are combined as a weighted mean (`Settings.story_weight_*`); the article
  joins the best story whose combined score reaches `Settings.story_threshold`.
- **Time**: a story quiet for longer than `Settings.story_window_days` before the article
  was published cannot absorb it, however similar: a new event with the same actors starts
  a new story.

Candidates come from an approximate nearest-neighbour index over the story centroids
(`newsprism.stories.index`) plus the most recently active stories, so the cost per article
stays nearly flat as stories accumulate.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, Assignment
from newsprism.stories.index import StoryIndex
from newsprism.stories.state import ArticleFeatures, StoryState


@dataclass(frozen=True)
class Match:
    """How well an article fits one story, component by component."""

    headline: float
    body: float
    entities: float
    score: float


def story_id(first_article: str) -> str:
    """A story is named after the article that started it: stable across runs."""
    return f"s-{first_article}"


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _key_vector(headline: np.ndarray, body: np.ndarray) -> np.ndarray:
    """What the index searches by: headline and body directions, equally weighted."""
    return _unit(_unit(headline) + _unit(body)).astype(np.float32)


class StoryClusterer:
    """Single-pass clustering of `ArticleFeatures` into `StoryState`s (see the module doc)."""

    def __init__(
        self, settings: Settings | None = None, stories: Iterable[StoryState] = ()
    ) -> None:
        self.settings = settings or Settings.load()
        s = self.settings
        if s.story_weight_headline + s.story_weight_body + s.story_weight_entities <= 0:
            raise NewsprismError("story clustering weights are all zero")
        self.window = timedelta(days=self.settings.story_window_days)
        self._stories: list[StoryState] = []
        self._slots: dict[str, int] = {}
        self._index: StoryIndex | None = None
        self._recent: OrderedDict[int, None] = OrderedDict()
        self._df: Counter[str] = Counter()  # articles naming each entity
        self._articles = 0
        # Headline vector of each story's title holder, known for titles chosen in this run.
        self._title_vectors: dict[int, np.ndarray] = {}
        self._restore(sorted(stories, key=lambda s: s.last_seen))

    @property
    def stories(self) -> list[StoryState]:
        return list(self._stories)

    def __len__(self) -> int:
        """The number of stories."""
        return len(self._stories)

    def _restore(self, states: list[StoryState]) -> None:
        """Take over stories kept from an earlier run (oldest activity first)."""
        first = len(self._stories)
        for slot, state in enumerate(states, first):
            self._stories.append(state)
            self._slots[state.id] = slot
            self._df.update(state.entity_counts)
            self._articles += len(state.members)
            self._touch(slot)
        if states:
            keys = np.stack([_key_vector(s.headline_sum, s.body_sum) for s in states])
            self._indexed(keys.shape[1]).upsert_many(list(range(first, len(self._stories))), keys)

    def _indexed(self, dim: int) -> StoryIndex:
        if self._index is None:
            self._index = StoryIndex(dim)
        return self._index

    def _touch(self, slot: int) -> None:
        self._recent[slot] = None
        self._recent.move_to_end(slot)
        while len(self._recent) > self.settings.story_recent:
            self._recent.popitem(last=False)

    def _idf(self, entity: str) -> float:
        """BM25's inverse document frequency: near 0 for an entity every article names."""
        df = self._df.get(entity, 0)
        return math.log(1.0 + (self._articles - df + 0.5) / (df + 0.5))

    def _entity_similarity(self, entities: frozenset[str], story: StoryState) -> float:
        """Cosine between the article's and the story's IDF-weighted entity vectors."""
        if not entities or not story.entity_counts:
            return 0.0
        dot = article_norm = story_norm = 0.0
        for entity, count in story.entity_counts.items():
            weight = self._idf(entity) * count
            story_norm += weight * weight
            if entity in entities:
                dot += weight * self._idf(entity)
        if dot == 0.0:
            return 0.0
        article_norm = sum(self._idf(e) ** 2 for e in entities)
        return dot / math.sqrt(article_norm * story_norm)

    def match(self, features: ArticleFeatures, story: StoryState) -> Match:
        """The article's similarity to ``story`` (time is not part of it; see `candidates`)."""
        headline, body = self._embedding_similarity(features, story)
        entities = self._entity_similarity(features.entities, story)
        return Match(headline, body, entities, self._combine(headline, body, entities))

    @staticmethod
    def _embedding_similarity(features: ArticleFeatures, story: StoryState) -> tuple[float, float]:
        headline_norm = float(np.linalg.norm(story.headline_sum))
        body_norm = float(np.linalg.norm(story.body_sum))
        headline = float(features.headline @ story.headline_sum) / headline_norm
        body = float(features.body @ story.body_sum) / body_norm
        return headline, body

    def _combine(self, headline: float, body: float, entities: float) -> float:
        s = self.settings
        total = s.story_weight_headline + s.story_weight_body + s.story_weight_entities
        return (
            s.story_weight_headline * headline
            + s.story_weight_body * body
            + s.story_weight_entities * entities
        ) / total

    def _open(self, story: StoryState, features: ArticleFeatures) -> bool:
        """Whether the story is still open to the article: not quiet for too long."""
        published = features.published
        return story.last_seen + self.window >= published >= story.first_seen - self.window

    def candidates(self, features: ArticleFeatures) -> list[StoryState]:
        """The stories worth scoring: nearest centroids and the most recently active."""
        slots: dict[int, None] = dict.fromkeys(self._recent)
        if self._index is not None:
            query = _key_vector(features.headline, features.body)
            slots.update(dict.fromkeys(self._index.search(query, self.settings.story_candidates)))
        return [self._stories[i] for i in slots if self._open(self._stories[i], features)]

    def best(self, features: ArticleFeatures) -> tuple[StoryState | None, Match | None]:
        """The best-matching open story above the threshold, if any."""
        found: tuple[StoryState | None, Match | None] = (None, None)
        floor = self.settings.story_threshold
        scored = [(s, *self._embedding_similarity(features, s)) for s in self.candidates(features)]
        # Entity overlap costs the most; a story that cannot win even with a perfect
        # overlap (an entity cosine of 1) is not worth it.
        scored.sort(key=lambda item: -self._combine(item[1], item[2], 1.0))
        for story, headline, body in scored:
            if self._combine(headline, body, 1.0) < floor:
                break
            entities = self._entity_similarity(features.entities, story)
            score = self._combine(headline, body, entities)
            if score >= floor:
                found, floor = (story, Match(headline, body, entities, score)), score
        return found

    def add(self, features: ArticleFeatures) -> StoryState:
        """Put the article into its best story, or start one; returns that story."""
        story, _ = self.best(features)
        if story is None:
            story = StoryState(
                id=story_id(features.id),
                first_seen=features.published,
                last_seen=features.published,
                headline_sum=np.zeros_like(features.headline, dtype=np.float32),
                body_sum=np.zeros_like(features.body, dtype=np.float32),
            )
            self._slots[story.id] = len(self._stories)
            self._stories.append(story)
        slot = self._slots[story.id]
        self._grow(slot, story, features)
        self._df.update(features.entities)
        self._articles += 1
        self._touch(slot)
        self._indexed(len(features.headline)).upsert(
            slot, _key_vector(story.headline_sum, story.body_sum)
        )
        return story

    def _grow(self, slot: int, story: StoryState, features: ArticleFeatures) -> None:
        story.headline_sum = story.headline_sum + features.headline
        story.body_sum = story.body_sum + features.body
        story.members.append(features.id)
        if features.source and features.source not in story.sources:
            story.sources.append(features.source)
        for entity in features.entities:
            story.entity_counts[entity] = story.entity_counts.get(entity, 0) + 1
        story.first_seen = min(story.first_seen, features.published)
        story.last_seen = max(story.last_seen, features.published)
        if features.title:
            story.titles[features.id] = features.title
            self._retitle(slot, story, features)

    def _retitle(self, slot: int, story: StoryState, features: ArticleFeatures) -> None:
        """Keep the headline closest to the headline centroid as the title.

        Only the holder and the newcomer are compared (a running argmax); when the holder's
        vector is unknown (a story restored from a store), its closeness is taken to be the
        members' mean closeness, which the most central headline at least reaches.
        """
        centroid = _unit(story.headline_sum)
        newcomer = float(features.headline @ centroid)
        holder = self._title_vectors.get(slot)
        if story.title is None or not story.titles:
            current = -math.inf
        elif holder is not None:
            current = float(holder @ centroid)
        else:
            current = float(np.linalg.norm(story.headline_sum)) / len(story.members)
        if newcomer > current:
            story.title = features.title
            self._title_vectors[slot] = features.headline


def cluster(articles: Sequence[Article], settings: Settings | None = None) -> list[Assignment]:
    """Cluster a batch as a stream, in `stream_order` (undated ones count as published now).

    Articles are annotated if they are not yet; the assignments keep each article's
    input id and come back in the order of ``articles``.
    """
    from newsprism.annotate import annotate
    from newsprism.stories.features import features_for

    settings = settings or Settings.load()
    if not articles:
        return []
    ready = [a for a in articles if a.doc is not None and a.embeddings is not None]
    if len(ready) < len(articles):
        articles = annotate(articles, settings)
    features = features_for(articles, settings)
    clusterer = StoryClusterer(settings)
    stories = {f.id: clusterer.add(f).id for f in stream_order(features)}
    return [Assignment(id=a.ref, story=stories[a.id]) for a in articles]


def stream_order(features: Sequence[ArticleFeatures]) -> list[ArticleFeatures]:
    """Publication order; ties (same day, often) broken by article id, not by input order,
    so that the stories do not depend on the order the inputs were given in."""
    return sorted(features, key=lambda f: (f.published, f.id))
