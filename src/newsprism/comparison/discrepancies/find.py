"""Where outlets contradict each other inside facts they share.

Only sentences aligned into one consensus fact are compared, and of those only the pairs
that are each other's closest counterpart, so that two values are weighed against each
other only when both outlets speak about the same thing; the detectors then ask that the
values be claims about the same attribute of the same event (`frames`). Values are
normalized first: equal values written differently ("2 a.m. EST" and "0700 GMT") are not
discrepancies; names are entities, so "DPRK" and "North Korea" are one participant.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import combinations
from typing import Any

from newsprism.comparison.discrepancies.across import across_reports
from newsprism.comparison.discrepancies.across_places import places_across, seats_across
from newsprism.comparison.discrepancies.ages import ages_across
from newsprism.comparison.discrepancies.attributions import (
    aligned_attributions,
    matched_attributions,
)
from newsprism.comparison.discrepancies.central import central_times
from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.outcomes import outcomes_across
from newsprism.comparison.discrepancies.polarity import polarity_discrepancies
from newsprism.comparison.discrepancies.quantities import QuantityReader
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.comparison.discrepancies.tallies import tallied_days, tally_discrepancies
from newsprism.comparison.discrepancies.times import time_discrepancies, times_across
from newsprism.model import Article, Discrepancy, Fact, Quote, Span
from newsprism.nlp import EntityIndex, TimeValue


def _embedding(article: Article, span: Span) -> Any:
    index = next((i for i, s in enumerate(article.sentences) if s.start == span.start), None)
    vectors = article.embeddings
    return None if index is None or vectors is None or index >= len(vectors) else vectors[index]


def counterparts(fact: Fact, articles: dict[str, Article]) -> list[tuple[Span, Span]]:
    """Sentence pairs of different articles in a fact that are each other's closest match.

    A fact may hold several similar sentences of one article ("Story will move…",
    "Clinton has moved…"); only counterparts tell one event.
    """
    vectors = [_embedding(articles[s.article], s) for s in fact.sentences]

    def closest(i: int, article: str) -> int:
        others = [j for j, s in enumerate(fact.sentences) if s.article == article]
        if len(others) == 1:
            return others[0]
        if vectors[i] is None or any(vectors[j] is None for j in others):
            return -1  # no telling which one is the counterpart
        return max(others, key=lambda j: float(vectors[i] @ vectors[j]))

    pairs = []
    for i, j in combinations(range(len(fact.sentences)), 2):
        left, right = fact.sentences[i], fact.sentences[j]
        if left.article == right.article:
            continue
        if closest(i, right.article) == j and closest(j, left.article) == i:
            pairs.append((left, right))
    return pairs


@dataclass
class Disagreements:
    """Contradictions, and differences in precision that contradict nothing ("at least 23"
    / 31), which a reader still wants to see side by side."""

    contradictions: list[Discrepancy] = field(default_factory=list)
    differences: list[Discrepancy] = field(default_factory=list)


def find_disagreements(
    articles: Sequence[Article],
    facts: Sequence[Fact],
    entities: EntityIndex,
    quotes: Sequence[Quote] = (),
    *,
    within: timedelta | None = None,
    embedding_package: str | None = None,
    times: Mapping[str, list[TimeValue]] | None = None,
) -> Disagreements:
    """Numbers, times, dates, participants, places, polarity and attributions on which
    outlets disagree, and the differences in precision beside them; with ``within``, only
    between reports published at most that far apart (undated ones are weighed against
    all). With ``embedding_package``, two nouns that may name one thing ("the vessel" /
    "the ferry") are taken as one participant; ``times`` holds each article's times when
    the caller has read them already."""
    found = _all_disagreements(articles, facts, entities, quotes, embedding_package, times)
    if within is None:
        return found
    published = {a.id: a.published for a in articles}

    def near(d: Discrepancy) -> bool:
        times = [t for c in d.claims if (t := published.get(c.article)) is not None]
        return len(times) < 2 or max(times) - min(times) <= within

    return Disagreements(
        [d for d in found.contradictions if near(d)], [d for d in found.differences if near(d)]
    )


def _key(candidate: Discrepancy) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    return (candidate.kind, tuple((c.article, c.start, c.end) for c in candidate.claims))


def _all_disagreements(
    articles: Sequence[Article],
    facts: Sequence[Fact],
    entities: EntityIndex,
    quotes: Sequence[Quote],
    embedding_package: str | None,
    times: Mapping[str, list[TimeValue]] | None,
) -> Disagreements:
    evidence = Evidence.of(articles, entities, embedding_package, times)
    numbers = QuantityReader(evidence)
    roles = RoleComparer(articles, entities, evidence.no_day_in_common)
    found: dict[tuple[str, tuple[tuple[str, int, int], ...]], Discrepancy] = {}
    vaguer: dict[tuple[str, tuple[tuple[str, int, int], ...]], Discrepancy] = {}
    for fact in facts:
        if fact.kind != "consensus":
            continue
        for left, right in counterparts(fact, evidence.articles):
            candidates = numbers.discrepancies(left, right)
            candidates += time_discrepancies(evidence, left, right)
            candidates += polarity_discrepancies(evidence, left, right)
            candidates += tally_discrepancies(evidence, left, right)
            sa, sb = evidence.sentence(left), evidence.sentence(right)
            if sa is not None and sb is not None:
                a, b = evidence.articles[left.article], evidence.articles[right.article]
                candidates += roles.discrepancies(a, sa, b, sb)
            for candidate in candidates:
                found.setdefault(_key(candidate), candidate)
            for candidate in numbers.precision_differences(left, right):
                vaguer.setdefault(_key(candidate), candidate)
    ids = [a.id for a in articles]
    numbers_across = across_reports(numbers, ids)
    outcomes = outcomes_across(numbers, roles, ids)
    across = numbers_across.contradictions + outcomes.contradictions
    across += times_across(evidence, ids)
    across += places_across(evidence, roles, ids) + tallied_days(evidence, ids)
    across += central_times(evidence, facts, ids)
    across += ages_across(evidence, ids) + seats_across(evidence, roles, ids)
    for candidate in across:
        found.setdefault(_key(candidate), candidate)
    for candidate in numbers_across.differences + outcomes.differences:
        vaguer.setdefault(_key(candidate), candidate)
    texts = {a.id: a.text for a in articles}
    attributed = matched_attributions(quotes, entities, texts)
    contradictions = [*found.values(), *attributed]
    contradictions += aligned_attributions(facts, quotes, entities, texts, attributed)
    return Disagreements(contradictions, list(vaguer.values()))
