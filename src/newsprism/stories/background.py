"""The stream's own background: what all its articles share.

Story clustering compares an article's headline and body vectors with a story's after
centring both on the running mean of every article clustered so far. Articles of one stream
all lean one way (news prose; in a stream of US politics, US politics), and raw cosines count
that lean as resemblance: two unrelated reports of one beat look alike, and a story of that
beat draws in everything. Centred, a cosine says how much more alike two texts are than two
articles of this stream usually are, so a stream of topics followed for years and a stream
of one-day events each set their own level (docs/evaluation.md).

The stories keep their raw sums and are centred with the mean of the moment, so nothing
drifts as the mean settles, and the mean comes back with the stories a store restores.
"""

from __future__ import annotations

import numpy as np

# The mean starts at zero with the weight of this many articles, so that the first few
# articles are compared almost as they are, not against a mean made of themselves.
MEAN_PRIOR = 5.0


def centred_cosines(
    x: np.ndarray, totals: np.ndarray, members: np.ndarray, mean: np.ndarray
) -> np.ndarray:
    """The article's vector ``x`` against each story's sum (the rows of ``totals``, of
    ``members`` vectors each), both less the stream's ``mean``: one cosine a story."""
    article = x - mean
    stories = totals - members[:, None] * mean
    norms = np.linalg.norm(stories, axis=1) * np.linalg.norm(article)
    dots = stories @ article
    return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)


class StreamMean:
    """The running mean headline and body vectors of the articles clustered so far."""

    def __init__(self) -> None:
        self._headline: np.ndarray | None = None
        self._body: np.ndarray | None = None
        self._articles = 0
        self._means: tuple[np.ndarray, np.ndarray] | None = None  # until the next `add`

    def add(self, headline: np.ndarray, body: np.ndarray, articles: int = 1) -> None:
        """Count an article's vectors, or a restored story's sums of ``articles`` of them."""
        if self._headline is None or self._body is None:
            self._headline = np.zeros(headline.shape, dtype=np.float64)
            self._body = np.zeros(body.shape, dtype=np.float64)
        self._headline += headline
        self._body += body
        self._articles += articles
        self._means = None

    def means(self, headline: np.ndarray, body: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The mean headline and body vectors, shrunk towards zero early on (zeros shaped
        like ``headline`` and ``body`` before any article)."""
        if self._headline is None or self._body is None:
            return np.zeros_like(headline), np.zeros_like(body)
        if self._means is None:
            weight = self._articles + MEAN_PRIOR
            self._means = (self._headline / weight, self._body / weight)
        return self._means
