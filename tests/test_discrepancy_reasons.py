"""Why two values of two sentences are no contradiction: the detectors' own reasons, which
the real-set benchmark prints for every labelled contradiction it misses."""

from __future__ import annotations

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.quantities import QuantityReader
from newsprism.comparison.discrepancies.times import time_rejection, times_within
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle, Span
from newsprism.nlp import resolve_entities
from newsprism.nlp.annotation import annotate


def _evidence(first: str, second: str) -> tuple[Evidence, Span, Span]:
    settings = Settings.load()
    raws = [
        RawArticle(origin=name, source=name, text=text, published="2026-03-04T12:00:00+00:00")
        for name, text in (("Outlet A", first), ("Outlet B", second))
    ]
    articles: list[Article] = annotate([prepare(r, settings) for r in raws], settings)
    evidence = Evidence.of(articles, resolve_entities(articles))
    a, b = articles
    spans = [x.span(x.sentences[0].start, x.sentences[0].end) for x in (a, b)]
    return evidence, spans[0], spans[1]


def _time_reasons(first: str, second: str) -> set[str | None]:
    evidence, left, right = _evidence(first, second)
    return {
        time_rejection(evidence, left, a, right, b)
        for a in times_within(evidence, left)
        for b in times_within(evidence, right)
    }


def test_the_day_of_one_event_told_otherwise_is_a_contradiction() -> None:
    assert _time_reasons(
        "The bridge over the river collapsed on Monday, killing two drivers.",
        "The bridge over the river collapsed on Sunday, killing two drivers.",
    ) == {None}


def test_the_day_a_statement_was_made_is_given_as_the_reason() -> None:
    assert "the day of a statement" in _time_reasons(
        "Officials said on Monday that they would rebuild the old bridge next year.",
        "Officials told reporters on Tuesday that they would rebuild the old bridge.",
    )


def test_a_day_and_a_year_are_of_different_precision() -> None:
    assert _time_reasons(
        "The bridge over the river collapsed on Monday.",
        "The bridge over the river collapsed in 2019.",
    ) == {"times of different precision"}


def test_numbers_of_two_actors_are_other_quantities() -> None:
    evidence, left, right = _evidence(
        "The union demanded a raise of 9 percent at the plant on Monday.",
        "The company offered a raise of 4 percent at the plant on Monday.",
    )
    numbers = QuantityReader(evidence)
    reasons = {
        numbers.rejection(left, a, right, b)
        for a in numbers.in_sentence(left)
        for b in numbers.in_sentence(right)
    }
    assert reasons and None not in reasons
    assert reasons == {"other actors"}
