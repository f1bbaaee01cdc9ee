"""Multi-document extractive summarization with citations, query focus and update mode.

1. Candidates (`candidates`): every sentence that reads well alone, without its dateline,
   whole and compressed (`compress`: no parentheses, leading connective or trailing
   attribution), a leading "He"/"She" replaced by the person's name (`pronouns`).
2. Each candidate is scored on its own (`scoring`): centrality × coverage across outlets ×
   position × relevance to the query.
3. Candidates are chosen under the word budget by what they add (`selection`): the
   concepts — content bigrams — they newly cover, weighted by how many articles state
   them and, in update mode, by how much of that is new to the reader (`concepts`);
   greedily by value per word, or at once (`exact`) when the budget holds much of the set.
4. The chosen sentences are ordered day by day, leads first; each cites the spans it is
   made of and every article sentence that says the same (`citations`), but no outlet
   whose words give a disputed value another one.

When the articles hold less non-redundant content than the budget, the summary is shorter
and says so in `Summary.notice`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.ingest import collect, prepare_all
from newsprism.model import (
    Article,
    Discrepancy,
    DocumentSet,
    Fact,
    RawArticle,
    Span,
    Summary,
    SummarySentence,
)
from newsprism.nlp import annotate, blas_threads, embed_cached
from newsprism.summary.candidates import UPDATE_MAX_WORDS, Candidate, candidates_of
from newsprism.summary.citations import (
    citations,
    disputes_cited,
    facts_of,
    settle,
    support_bar,
)
from newsprism.summary.concepts import candidate_concepts, concept_weights
from newsprism.summary.scoring import sentence_scores
from newsprism.summary.selection import background, in_reading_order, select

__all__ = [
    "annotate_set",
    "document_set_articles",
    "summarize",
    "summarize_cluster",
    "summarize_document_set",
]

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def annotate_set(
    articles: Sequence[Article], seen: Sequence[Article], settings: Settings
) -> tuple[list[Article], list[Article]]:
    """``articles`` annotated with their sentence vectors, and ``seen`` without: the summary
    reads only the concepts of what the reader has seen (`concept_weights`), never its
    vectors, so MiniLM (two thirds of a new article's annotation) does not run on them. Their
    parses are those every caller shares (the full level's cache entries). Articles already
    annotated as needed are kept as they are."""
    if not all(a.embeddings is not None and a.doc is not None for a in articles):
        articles = annotate(articles, settings)
    if not all(a.doc is not None for a in seen):
        seen = annotate(seen, settings, embed=False)
    return list(articles), list(seen)


def _query_vectors(query: str, settings: Settings) -> np.ndarray:
    """The query and, when it has several, each of its sentences: a topic with a narrative
    ("Euro introduction. Describe the steps taken… Include predictions…") asks several
    things, and a sentence answering one of them is relevant."""
    parts = [p for p in _SENTENCE_END.split(query.strip()) if len(p.split()) > 1]
    return embed_cached([query, *parts] if len(parts) > 1 else [query], settings)


def _notice(words: int, max_words: int, update: bool) -> str:
    new = "new to the reader " if update else ""
    return (
        f"the articles hold about {words} words of non-redundant content {new}— fewer than the "
        f"{max_words} asked; the summary holds all of it"
    )


def summarize(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    max_words: int = 100,
    query: str | None = None,
    seen: Sequence[Article] = (),
    facts: Sequence[Fact] | None = None,
    discrepancies: Sequence[Discrepancy] = (),
) -> Summary:
    """An extractive summary of at most ``max_words`` words, every sentence cited.

    ``query`` focuses the summary; ``seen`` are articles the reader already read (update
    summarization: what they said is not repeated); ``facts`` from alignment add their
    sentences to the citations; with the comparison's ``discrepancies``, a sentence that
    states a disputed value cites only the outlets that agree with it and carries the
    claims against it (`citations.settle`). Given more words than the articles have
    non-redundant content, the summary holds all of it and carries a notice.
    """
    settings = settings or Settings.load()
    if not articles or max_words <= 0:
        return Summary()
    articles, seen = annotate_set(articles, seen, settings)
    # The summary's products are small (candidates by an article's sentences, 100 LexRank
    # steps): numpy's second BLAS thread would spin after each one (`blas_threads`).
    with blas_threads(1):
        return _summarized(articles, seen, settings, max_words, query, facts, discrepancies)


def _summarized(
    articles: list[Article],
    seen: list[Article],
    settings: Settings,
    max_words: int,
    query: str | None,
    facts: Sequence[Fact] | None,
    discrepancies: Sequence[Discrepancy],
) -> Summary:
    """`summarize` of annotated articles."""
    candidates = candidates_of(list(articles), UPDATE_MAX_WORDS if seen else None)
    if not candidates:
        return Summary(notice="no sentence of the articles can stand alone in a summary")
    vectors = np.vstack(
        [np.asarray(articles[c.article].embeddings)[c.index] for c in candidates]
    ).astype(np.float32)
    query_vectors = _query_vectors(query, settings) if query and query.strip() else None
    score = sentence_scores(candidates, vectors, list(articles), query_vectors)
    concepts = [candidate_concepts(c, articles) for c in candidates]
    bar = support_bar(background(candidates, vectors))

    def cite(i: int) -> list[Span]:
        return citations(candidates[i], vectors[i], list(articles), facts or (), bar)

    # Every candidate's citations only when a discrepancy may lie in them.
    cited = {i: cite(i) for i in range(len(candidates))} if discrepancies else {}
    told = _told(candidates, list(articles), facts or (), discrepancies, cited)
    chosen = select(
        candidates, vectors, score, concepts, concept_weights(articles, seen), max_words, told
    )
    sentences = []
    for i in in_reading_order(chosen.chosen, candidates, articles):
        candidate = candidates[i]
        own = articles[candidate.article]
        spans, disputed = settle(
            [own.span(start, end) for start, end in candidate.spans],
            candidate.text,
            cited.get(i) or cite(i),
            discrepancies,
        )
        sentences.append(SummarySentence(text=candidate.text, citations=spans, disputed=disputed))
    return Summary(
        sentences=sentences,
        notice=_notice(chosen.words, max_words, bool(seen)) if chosen.exhausted else None,
    )


def _told(
    candidates: Sequence[Candidate],
    articles: list[Article],
    facts: Sequence[Fact],
    discrepancies: Sequence[Discrepancy],
    cited: dict[int, list[Span]],
) -> list[frozenset[int]]:
    """Per candidate, what of the comparison it tells: the facts its sentence belongs to, and
    the discrepancies with a claim in what it cites. Either side of a discrepancy ("31
    died", "23 died") tells one disputed thing, which the summary tells once, with what
    disputes it."""
    if not facts and not discrepancies:
        return []
    return [
        facts_of(c, articles, facts)
        | {len(facts) + d for d in disputes_cited(cited.get(i, []), discrepancies)}
        for i, c in enumerate(candidates)
    ]


def _articles_of(documents: Sequence[RawArticle], settings: Settings) -> list[Article]:
    """Cleaned articles of a document set's documents, unreadable ones skipped, copies dropped."""
    return collect(prepare_all(documents, settings)).articles


def document_set_articles(
    batch: DocumentSet, settings: Settings
) -> tuple[list[Article], list[Article]]:
    """The cleaned articles `summarize_document_set` summarizes: the set's documents, and
    those the reader has seen that are not among them."""
    articles = _articles_of(batch.documents, settings)
    ids = {a.id for a in articles}
    seen = [a for a in _articles_of(batch.seen_documents, settings) if a.id not in ids]
    return articles, seen


def summarize_document_set(
    batch: DocumentSet,
    settings: Settings,
    max_words: int,
    prepared: tuple[list[Article], list[Article]] | None = None,
) -> dict[str, Any]:
    """One line of batch output: the summary of a document set, cited by the input's ids;
    ``prepared`` is its `document_set_articles` when the caller has them already.

    Raises `NewsprismError` when no document of the set can be read. A ``notice`` key
    is present when the summary is shorter than asked (see `summarize`).
    """
    articles, seen_articles = prepared or document_set_articles(batch, settings)
    if not articles:
        raise NewsprismError(f"none of its {len(batch.documents)} documents has readable text")
    articles, seen_articles = annotate_set(articles, seen_articles, settings)
    summary = summarize(
        articles, settings, max_words=max_words, query=batch.query, seen=seen_articles
    )
    refs = {a.id: a.ref for a in [*articles, *seen_articles]}
    line: dict[str, Any] = {
        "id": batch.id,
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
    if summary.notice:
        line["notice"] = summary.notice
    return line


# The name of 0.1, deprecated: kept for one release.
summarize_cluster = summarize_document_set
