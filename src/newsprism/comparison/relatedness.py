"""Are these articles about one event? A check before comparing them.

Comparing reports of different events gives nonsense (loose topical "shared facts", numbers
of two stories set against each other), so the comparison asks first. Each article's text is
summed up by the normalized mean of its sentence embeddings, and an article is *unrelated*
when even the nearest other article is less similar than reports of one story almost always
are (`RELATED_SIMILARITY`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.model import Article

# On the development newswire (topics of three agencies' reports), 99.7% of the pairs
# of same-topic articles published within two days of each other (the nearest thing there to
# reports of one event) are at or above this cosine, and three quarters of the pairs from
# different topics are below it. So the check stops articles that are plainly about something
# else and leaves neighbouring stories (one country, two crises) to the reader.
RELATED_SIMILARITY = 0.25


@dataclass(frozen=True)
class Relatedness:
    """For each article, its similarity to the most similar other article."""

    articles: tuple[Article, ...]
    nearest: tuple[float, ...]

    @property
    def unrelated(self) -> list[tuple[Article, float]]:
        return [
            (article, similarity)
            for article, similarity in zip(self.articles, self.nearest, strict=True)
            if similarity < RELATED_SIMILARITY
        ]

    def message(self) -> str:
        """One line saying which articles look unrelated and how much; empty when none."""
        far = self.unrelated
        if not far:
            return ""
        if len(self.articles) == 2:
            similarity = far[0][1]
            return (
                f"these two articles look unrelated: similarity {similarity:.2f}, while reports "
                f"of one event are usually above {RELATED_SIMILARITY:.2f}"
            )
        names = ", ".join(f"{_name(article)} ({similarity:.2f})" for article, similarity in far)
        return (
            f"{len(far)} of {len(self.articles)} articles look unrelated to all the others: "
            f"{names}; reports of one event are usually above {RELATED_SIMILARITY:.2f}"
        )


def _name(article: Article) -> str:
    return article.title or article.origin or article.id


def text_vector(article: Article) -> np.ndarray:
    """The whole text in one unit vector: the normalized mean of its sentence embeddings."""
    if article.embeddings is None or len(article.embeddings) == 0:
        raise ValueError(f"article {article.id} has no sentence embeddings; annotate it first")
    vector = np.asarray(article.embeddings, dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def relatedness(articles: Sequence[Article]) -> Relatedness:
    """How close each annotated article is to its nearest other article (cosine, -1..1)."""
    if len(articles) < 2:
        raise ValueError("relatedness needs at least two articles")
    vectors = np.stack([text_vector(a) for a in articles])
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    nearest = tuple(float(row.max()) for row in similarity)
    return Relatedness(tuple(articles), nearest)
