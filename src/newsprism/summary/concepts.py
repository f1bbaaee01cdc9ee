"""Concepts: the units of content a summary should cover, and what covering each is worth.

A concept is a bigram of lemmas, not both stopwords ("single currency", "euro launch",
"Kim leave"): small enough to be shared by two sentences that say the same thing in other
words, specific enough to carry a piece of information (Gillick and Favre's concepts for
summarization by coverage).

A concept is worth the number of articles that state it: what several outlets report
matters more, and a detail only one of them gives still counts. In update mode it is worth
what is new about it — its share of the new articles minus its share of the articles
already read, times the number of new articles: a concept every earlier article stated
is worth nothing, one that only the new articles state keeps its full weight, and one the
new articles state more often than the old ones keeps the difference. (Whole sentences
are not judged new or old: an update often restates a known fact with a new value — a
new death toll, a ruling in the same case — and only its concepts tell the new part.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from newsprism.model import Article
from newsprism.summary.candidates import Candidate


def _concepts(tokens: Iterable[Any]) -> set[str]:
    """The concepts of a run of spaCy tokens."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    return {
        f"{a.lemma_.casefold()} {b.lemma_.casefold()}"
        for a, b in pairwise(words)
        if not (a.is_stop and b.is_stop)
    }


def _of_intervals(article: Article, intervals: Iterable[tuple[int, int]]) -> set[str]:
    found: set[str] = set()
    for start, end in intervals:
        span = article.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found |= _concepts(span)
    return found


def article_concepts(article: Article) -> set[str]:
    """Every concept an article states, sentence by sentence."""
    return _of_intervals(article, ((s.start, s.end) for s in article.sentences))


def candidate_concepts(candidate: Candidate, articles: Sequence[Article]) -> frozenset[str]:
    """The concepts of the text a candidate would put in the summary."""
    return frozenset(_of_intervals(articles[candidate.article], candidate.spans))


def concept_weights(articles: Sequence[Article], seen: Sequence[Article] = ()) -> dict[str, float]:
    """What covering each concept is worth (see the module doc); worthless ones left out."""
    frequency: Counter[str] = Counter()
    for article in articles:
        frequency.update(article_concepts(article))
    read: Counter[str] = Counter()
    for article in seen:
        read.update(article_concepts(article))
    n = len(articles)
    weights: dict[str, float] = {}
    for concept, count in frequency.items():
        weight = float(count)
        if seen:
            weight = n * max(0.0, count / n - read[concept] / len(seen))
        if weight > 0:
            weights[concept] = weight
    return weights
