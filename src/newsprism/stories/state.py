"""What story clustering keeps about articles and stories, in a form a database can store.

Clustering never needs an article's text again once its features are taken, so the
store persists `StoryState.to_dict()` and rebuilds the clusterer from it on the next run.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from newsprism.model import Story


def _pack(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def _unpack(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.float32).copy()


# The kind of features `ArticleFeatures.to_dict` and `StoryState.to_dict` write: 2 since names
# and words are read off the tokens (before: the entity recognizer's entities and the tagger's
# lemmas); 3 since the body vector is one MiniLM pass over the text's opening (before: the mean
# of its sentences); 4 since the body vector is the static model's (another space, 256
# dimensions) and the headline vector MiniLM's of the title and first sentence. Features of
# another kind are not read as these (`ArticleFeatures.current`), but computed again; a story
# whose sums are of another kind is not continued (`StoryState.current`).
FEATURES_VERSION = 4


def _current(data: Mapping[str, Any]) -> bool:
    return data.get("version") == FEATURES_VERSION


@dataclass(frozen=True)
class ArticleFeatures:
    """Everything clustering looks at in one article."""

    id: str
    published: datetime
    title: str | None
    source: str | None
    headline: np.ndarray = field(repr=False)  # unit vector of the title and first sentence
    body: np.ndarray = field(repr=False)  # unit static vector of the whole text
    entities: frozenset[str] = frozenset()  # normalized keys of the named entities
    terms: Mapping[str, int] = field(default_factory=dict)  # content-word lemma -> count
    # The opening words of an article without a headline: what names its story if no member
    # has a headline.
    lead: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as the store keeps it: vectors as base64 float32, the time in ISO 8601."""
        return {
            "version": FEATURES_VERSION,
            "id": self.id,
            "published": self.published.isoformat(),
            "title": self.title,
            "source": self.source,
            "headline": _pack(self.headline),
            "body": _pack(self.body),
            "entities": sorted(self.entities),
            "terms": dict(self.terms),
            "lead": self.lead,
        }

    @staticmethod
    def current(data: Mapping[str, Any]) -> bool:
        """Whether ``data`` (from `to_dict`) holds features of today's kind."""
        return _current(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleFeatures:
        return cls(
            id=data["id"],
            published=datetime.fromisoformat(data["published"]),
            title=data.get("title"),
            source=data.get("source"),
            headline=_unpack(data["headline"]),
            body=_unpack(data["body"]),
            entities=frozenset(data.get("entities") or ()),
            terms=dict(data.get("terms") or {}),
            lead=data.get("lead"),
        )


@dataclass(frozen=True)
class Move:
    """An article taken out of the one-article story it started, into a grown story."""

    article: str
    left: str  # the story it started, which is gone
    joined: str


@dataclass
class StoryState:
    """A story as the clusterer sees it: running sums, so adding an article costs O(1)."""

    id: str
    first_seen: datetime
    last_seen: datetime
    headline_sum: np.ndarray = field(repr=False)
    body_sum: np.ndarray = field(repr=False)
    members: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    entity_counts: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # article id -> headline
    title: str | None = None
    # Sum of the members' unit TF-IDF term vectors (IDF as of each one's arrival), and how
    # many members use each term (every term, not only the weighted ones: the clusterer's
    # document frequencies come back from them).
    term_weights: dict[str, float] = field(default_factory=dict)
    term_counts: dict[str, int] = field(default_factory=dict)

    def only_member(self) -> ArticleFeatures:
        """The features of a one-article story's article: its sums are that article's
        vectors (its terms are not kept; its term vector is ``term_weights``)."""
        article = self.members[0]
        return ArticleFeatures(
            id=article,
            published=self.first_seen,
            title=self.titles.get(article),
            source=self.sources[0] if self.sources else None,
            headline=self.headline_sum,
            body=self.body_sum,
            entities=frozenset(self.entity_counts),
        )

    def to_story(self) -> Story:
        return Story(
            id=self.id,
            title=self.title,
            members=list(self.members),
            sources=list(self.sources),
            first_seen=self.first_seen,
            last_seen=self.last_seen,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: vectors as base64 float32, datetimes as ISO 8601."""
        return {
            "version": FEATURES_VERSION,
            "id": self.id,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "headline_sum": _pack(self.headline_sum),
            "body_sum": _pack(self.body_sum),
            "members": self.members,
            "sources": self.sources,
            "entity_counts": self.entity_counts,
            "titles": self.titles,
            "title": self.title,
            "term_weights": self.term_weights,
            "term_counts": self.term_counts,
        }

    @staticmethod
    def current(data: Mapping[str, Any]) -> bool:
        """Whether ``data`` (from `to_dict`) holds sums of today's kind of features, which
        an article's features can be compared with."""
        return _current(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryState:
        return cls(
            id=data["id"],
            first_seen=datetime.fromisoformat(data["first_seen"]),
            last_seen=datetime.fromisoformat(data["last_seen"]),
            headline_sum=_unpack(data["headline_sum"]),
            body_sum=_unpack(data["body_sum"]),
            members=list(data["members"]),
            sources=list(data["sources"]),
            entity_counts=dict(data["entity_counts"]),
            titles=dict(data["titles"]),
            title=data.get("title"),
            term_weights=dict(data.get("term_weights") or {}),
            term_counts=dict(data.get("term_counts") or {}),
        )
