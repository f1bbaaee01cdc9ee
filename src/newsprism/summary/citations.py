"""Every summary sentence cites all the article sentences that say the same thing."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.model import Article, Fact, Span
from newsprism.summary.candidates import Candidate
from newsprism.summary.scoring import SUPPORT_THRESHOLD


def citations(
    candidate: Candidate,
    vector: np.ndarray,
    articles: list[Article],
    facts: Sequence[Fact],
) -> list[Span]:
    """Its own span, every sentence of another article that says the same, and the
    sentences of any given fact it belongs to."""
    own = articles[candidate.article]
    spans = [own.span(start, end) for start, end in candidate.spans]
    keys = {(own.id, start, end) for start, end in candidate.spans}
    for a, article in enumerate(articles):
        if a == candidate.article or article.embeddings is None or not len(article.embeddings):
            continue
        close = np.asarray(article.embeddings) @ vector
        for i in np.flatnonzero(close >= SUPPORT_THRESHOLD):
            sentence = article.sentences[int(i)]
            key = (article.id, sentence.start, sentence.end)
            if key not in keys:
                keys.add(key)
                spans.append(article.span(sentence.start, sentence.end))
    own_sentence = own.sentences[candidate.index]
    for fact in facts:
        if any(
            s.article == own.id and s.start < own_sentence.end and own_sentence.start < s.end
            for s in fact.sentences
        ):
            for s in fact.sentences:
                if (s.article, s.start, s.end) not in keys:
                    keys.add((s.article, s.start, s.end))
                    spans.append(s)
    return spans
