"""Multi-document extractive summarization with citations.

Sentences of all articles of a story are scored by evidence that does not depend on one
data set:

- *centrality*: LexRank — PageRank over the graph of candidate sentences whose cosine
  similarity reaches `GRAPH_THRESHOLD`; what many sentences echo is the core of the story;
- *coverage*: how many different articles carry a sentence that says the same thing
  (cosine ≥ `SUPPORT_THRESHOLD`); what several outlets report independently matters more;
- *position*: news is written as an inverted pyramid, so earlier sentences weigh more;
- *relevance* (with a query): cosine similarity to the query;
- *novelty* (in update mode): sentences close to what the reader has already read are
  penalized, or dropped when they repeat it.

The factors are multiplied. Each one is a rescaled value in (0, 1], and a product acts as
a conjunction of independent pieces of evidence (a log-linear model with equal weights):
a sentence must be central *and* well supported *and* relevant to rank high. The only
weight is the query's: relevance enters squared, because in query-focused summarization
answering the question is the task itself. Sentences are then chosen with maximal marginal relevance under the
word budget, and ordered by publication time and position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from newsprism.annotate import annotate
from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.model import Article, Cluster, Fact, Span, Summary, SummarySentence
from newsprism.nlp import embed_texts
from newsprism.pipeline import prepare

MIN_WORDS = 8
MAX_WORDS = 40  # longer sentences spend the budget on one point
GRAPH_THRESHOLD = 0.3  # LexRank's usual edge threshold for cosine similarity
SUPPORT_THRESHOLD = 0.6  # two sentences say the same thing
SEEN_DROP = 0.7  # a sentence this close to one already read repeats it
REDUNDANT = 0.7  # never pick two sentences this close to each other
MMR_LAMBDA = 0.85  # redundancy is also capped by REDUNDANT
DAMPING = 0.85

# "WASHINGTON (AP) --", "BRUSSELS, January 22 (Xinhua) --", "LONDON --"
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:,?[ /][\w.'’-]+){0,6},?\s*)?"
    r"(?:\((?:[A-Za-z][\w .&-]{0,30})\)\s*)?(?:--|—|–|-)\s+"
)
_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z .,'’/-]{1,40}(?:,\s*[\w. ]{1,25})?\s*(?:--|—|–|_)\s+")
_BYLINE = re.compile(r"^(?:By|BY|From)\s+[A-Z]", re.UNICODE)
_TERMINAL = (".", "!", '"', "”", "'", "’", ")")
# Words that need an antecedent in an earlier sentence: out of context they dangle.
_DANGLING = frozenset(
    "he she it they him them his her its their this these those that such also but and or "
    "so yet however meanwhile still instead moreover furthermore thus then there nevertheless "
    "besides otherwise likewise similarly therefore hence".split()
)


@dataclass
class _Candidate:
    article: int
    index: int  # sentence index in its article
    start: int
    end: int
    text: str
    words: int
    dangling: bool


def _strip_dateline(text: str) -> int:
    """How many leading characters of ``text`` are a dateline."""
    match = _CAPS_DATELINE.match(text)
    if match:
        return match.end()
    match = _DATELINE.match(text)
    if match:
        head = match.group(0)
        # Mixed case: only with an agency in parentheses or a date, never a clause.
        agency = "(" in head and not re.search(r"\b[a-z]{4,}\b", re.sub(r"\(.*\)", "", head))
        if agency or re.search(r"^[A-Z][\w .,'’-]*\b[A-Z][a-z]{2}[a-z]*\.? \d{1,2}\b", head):
            return match.end()
    return 0


def _balanced(text: str) -> bool:
    """Quote marks pair up: the sentence is not a cut piece of a quotation."""
    if text.count('"') % 2:
        return False
    return text.count("“") == text.count("”")


def _candidate(article: Article, owner: int, index: int) -> _Candidate | None:
    """The summary-worthy form of one sentence, or None when it is not usable."""
    sentence = article.sentences[index]
    text = sentence.text
    skip = _strip_dateline(text)
    start = sentence.start + skip
    text = article.text[start : sentence.end]
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS or "\n" in text:
        return None
    if _BYLINE.match(text) or not text.endswith(_TERMINAL) or text.endswith("?"):
        return None
    if not _balanced(text) or (not text[:1].isupper() and text[:1] not in "\"“'‘"):
        return None
    first = re.sub(r"^[^\w]+", "", text).split(" ", 1)[0].casefold().strip(",")
    return _Candidate(owner, index, start, sentence.end, text, words, first in _DANGLING)


def _lexrank(similarity: np.ndarray) -> np.ndarray:
    """Stationary distribution of a random walk over the thresholded similarity graph."""
    n = len(similarity)
    adjacency = (similarity >= GRAPH_THRESHOLD).astype(float)
    np.fill_diagonal(adjacency, 0.0)
    degree = adjacency.sum(axis=1, keepdims=True)
    # An isolated sentence jumps uniformly, as in PageRank's treatment of dangling nodes.
    transition = np.where(degree > 0, adjacency / np.maximum(degree, 1.0), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        updated = (1 - DAMPING) / n + DAMPING * transition.T @ rank
        if np.abs(updated - rank).sum() < 1e-9:
            return updated
        rank = updated
    return rank


def _ensure_annotated(articles: Sequence[Article], settings: Settings) -> list[Article]:
    if all(a.embeddings is not None and a.doc is not None for a in articles):
        return list(articles)
    return annotate(articles, settings)


def _when(article: Article) -> datetime:
    when = article.published or datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _scores(
    candidates: list[_Candidate],
    vectors: np.ndarray,
    articles: list[Article],
    query_vector: np.ndarray | None,
    seen_vectors: np.ndarray,
) -> np.ndarray:
    """The product of centrality, coverage, position, relevance and novelty (see module doc)."""
    similarity = vectors @ vectors.T
    central = _lexrank(similarity)
    central = central / central.max()
    owners = np.array([c.article for c in candidates])
    coverage = np.zeros(len(candidates))
    for a, article in enumerate(articles):
        if article.embeddings is None or not len(article.embeddings):
            continue
        supported = (vectors @ np.asarray(article.embeddings).T).max(axis=1) >= SUPPORT_THRESHOLD
        coverage += supported | (owners == a)
    # Laplace-smoothed share of articles that report it: one outlet alone still counts.
    coverage = coverage / (len(articles) + 1)
    position = 1.0 / np.sqrt(np.array([c.index for c in candidates]) + 1.0)
    score = central * coverage * position
    if query_vector is not None:
        relevance = np.clip(vectors @ query_vector, 0.0, None)
        # Squared: answering the reader's question is the task, so relevance counts twice.
        score *= (relevance / max(relevance.max(), 1e-9)) ** 2
    if len(seen_vectors):
        repeat = (vectors @ seen_vectors.T).max(axis=1)
        score *= np.where(repeat >= SEEN_DROP, 0.0, 1.0 - np.clip(repeat, 0.0, 1.0))
    return score


def _select(
    candidates: list[_Candidate], vectors: np.ndarray, score: np.ndarray, max_words: int
) -> list[int]:
    """Maximal marginal relevance under the word budget; sentences without a dangling
    start first, the others only to fill what budget they leave."""
    relevance = score / max(score.max(), 1e-12)
    chosen: list[int] = []
    used = 0
    for allow_dangling in (False, True):
        open_ = [
            i
            for i, c in enumerate(candidates)
            if score[i] > 0 and (allow_dangling or not c.dangling) and i not in chosen
        ]
        while open_:
            if chosen:
                redundancy = (vectors[open_] @ vectors[chosen].T).max(axis=1)
            else:
                redundancy = np.zeros(len(open_))
            mmr = MMR_LAMBDA * relevance[open_] - (1 - MMR_LAMBDA) * redundancy
            best = None
            for j in np.argsort(-mmr, kind="stable"):
                i = open_[j]
                if redundancy[j] < REDUNDANT and used + candidates[i].words <= max_words:
                    best = i
                    break
            if best is None:
                break
            chosen.append(best)
            used += candidates[best].words
            open_ = [
                i
                for i in open_
                if i != best
                and used + candidates[i].words <= max_words
                and float(vectors[i] @ vectors[best]) < REDUNDANT
            ]
    return chosen


def _citations(
    candidate: _Candidate,
    vector: np.ndarray,
    articles: list[Article],
    facts: Sequence[Fact],
) -> list[Span]:
    """Its own span, every sentence of another article that says the same, and the
    sentences of any given fact it belongs to."""
    own = articles[candidate.article]
    spans = [own.span(candidate.start, candidate.end)]
    keys = {(own.id, candidate.start, candidate.end)}
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


def _vectors_of(articles: Sequence[Article]) -> np.ndarray:
    rows = [np.asarray(a.embeddings) for a in articles if a.embeddings is not None]
    rows = [r for r in rows if len(r)]
    return np.vstack(rows) if rows else np.zeros((0, 384), dtype=np.float32)


def summarize(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    max_words: int = 100,
    query: str | None = None,
    seen: Sequence[Article] = (),
    facts: Sequence[Fact] | None = None,
) -> Summary:
    """An extractive summary of at most ``max_words`` words, every sentence cited.

    ``query`` focuses the summary; ``seen`` are articles the reader already read (update
    summarization: what they said is not repeated); ``facts`` from alignment add their
    sentences to the citations. Given more words than the articles have non-redundant
    content, the summary holds all of it.
    """
    settings = settings or Settings.load()
    if not articles or max_words <= 0:
        return Summary()
    both = _ensure_annotated([*articles, *seen], settings)
    articles, seen = both[: len(articles)], both[len(articles) :]
    candidates = [
        c
        for a, article in enumerate(articles)
        for i in range(len(article.sentences))
        if (c := _candidate(article, a, i)) is not None
    ]
    if not candidates:
        return Summary()
    vectors = np.vstack(
        [np.asarray(articles[c.article].embeddings)[c.index] for c in candidates]
    ).astype(np.float32)
    query_vector = None
    if query and query.strip():
        query_vector = embed_texts([query], settings.embedding_package)[0]
    score = _scores(candidates, vectors, list(articles), query_vector, _vectors_of(seen))
    chosen = _select(candidates, vectors, score, max_words)
    chosen.sort(
        key=lambda i: (
            _when(articles[candidates[i].article]),
            candidates[i].article,
            candidates[i].index,
        )
    )
    return Summary(
        sentences=[
            SummarySentence(
                text=candidates[i].text,
                citations=_citations(candidates[i], vectors[i], list(articles), facts or ()),
            )
            for i in chosen
        ]
    )


def _articles_of(documents: Sequence[Any], settings: Settings) -> list[Article]:
    """Cleaned articles of a cluster's documents, unreadable ones skipped, copies dropped."""
    result: dict[str, Article] = {}
    for raw in documents:
        try:
            article = prepare(raw, settings)
        except InputError:
            continue
        result.setdefault(article.id, article)
    return list(result.values())


def summarize_cluster(cluster: Cluster, settings: Settings, max_words: int) -> dict[str, Any]:
    """One line of batch output: the summary of a cluster, cited by the input's ids."""
    articles = _articles_of(cluster.documents, settings)
    seen_articles = [
        a
        for a in _articles_of(cluster.seen_documents, settings)
        if a.id not in {x.id for x in articles}
    ]
    annotated = annotate([*articles, *seen_articles], settings) if articles else []
    articles, seen_articles = annotated[: len(articles)], annotated[len(articles) :]
    summary = summarize(
        articles, settings, max_words=max_words, query=cluster.query, seen=seen_articles
    )
    refs = {a.id: a.ref for a in [*articles, *seen_articles]}
    return {
        "id": cluster.id,
        "summary": summary.text,
        "sentences": [
            {
                "text": s.text,
                "citations": list(
                    dict.fromkeys(refs.get(c.article, c.article) for c in s.citations)
                ),
            }
            for s in summary.sentences
        ],
    }
