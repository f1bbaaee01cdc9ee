"""The comparison stage: align the articles of one story and say where they agree and differ."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from newsprism.comparison.align import align_facts
from newsprism.comparison.discrepancies import find_disagreements
from newsprism.comparison.framing import frame
from newsprism.comparison.quotes import extract_quotes, join_quotation_pieces, match_quotes
from newsprism.comparison.relatedness import relatedness
from newsprism.comparison.timeline import build_timeline
from newsprism.config import Settings
from newsprism.errors import NewsprismError, UnrelatedArticlesError
from newsprism.model import Article, ArticleRef, Comparison
from newsprism.nlp import annotate, blas_threads, resolve_entities, resolve_times
from newsprism.summary import summarize


def compare(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    max_words: int = 100,
    refuse_unrelated: bool = False,
) -> Comparison:
    """Compare the articles of one story, with a summary of at most ``max_words`` words;
    annotates them first if needed.

    When some article looks unrelated to all the others, the comparison carries a warning;
    with ``refuse_unrelated`` it raises `UnrelatedArticlesError` instead (the command line
    and the web app do, unless asked to force it).
    """
    if len(articles) < 2:
        raise NewsprismError(f"comparing needs at least two articles; got {len(articles)}")
    settings = settings or Settings.load()
    if any(a.annotation != "full" or a.embeddings is None for a in articles):
        articles = annotate(articles, settings)
    # The stages' matrix products are small (a report's sentences by another's), and after
    # each one numpy's second BLAS thread spins for a while: 0.1 s of CPU a comparison on
    # the other core, for no gain in time (docs/performance.md).
    with blas_threads(1):
        return _compared(articles, settings, max_words, refuse_unrelated)


def _compared(
    articles: Sequence[Article], settings: Settings, max_words: int, refuse_unrelated: bool
) -> Comparison:
    unrelated = relatedness(articles).message()
    if unrelated and refuse_unrelated:
        raise UnrelatedArticlesError(unrelated)
    entities = resolve_entities(articles)
    occurrences = [q for article in articles for q in extract_quotes(article)]
    quotes = match_quotes(occurrences, entities, articles, settings)
    times = {a.id: resolve_times(a) for a in articles}
    facts = align_facts(articles, entities, quotes, times)
    # Before the summary: it must not cite, for a value, an outlet that reports another.
    disagreements = find_disagreements(
        articles,
        facts,
        entities,
        quotes,
        within=timedelta(days=settings.discrepancy_days),
        embedding_package=settings.embedding_package,
        times=times,
    )
    return Comparison(
        articles=[
            ArticleRef(
                id=a.id,
                input_id=a.input_id,
                title=a.title,
                lead=None if a.title else a.opening(),
                source=a.source,
                published=a.published,
            )
            for a in articles
        ],
        entities=entities.entities,
        quotes=quotes,
        # The detectors above weigh sentences; a reader is shown a quotation's whole.
        facts=join_quotation_pieces(facts, quotes, articles),
        discrepancies=disagreements.contradictions,
        differences=disagreements.differences,
        timeline=build_timeline(articles, facts, times),
        framing=frame(articles),
        summary=summarize(
            articles,
            settings,
            max_words=max_words,
            facts=facts,
            discrepancies=disagreements.contradictions,
        ),
        warnings=[unrelated] if unrelated else [],
    )
