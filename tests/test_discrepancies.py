"""Contradictions between outlets inside shared facts."""

from __future__ import annotations

from newsprism.annotate import annotate
from newsprism.compare import compare
from newsprism.config import Settings
from newsprism.model import RawArticle
from newsprism.pipeline import prepare


def _articles(*texts: tuple[str, str]) -> list:
    settings = Settings.load()
    raws = [RawArticle(origin=source, source=source, text=text) for source, text in texts]
    return annotate([prepare(r, settings) for r in raws], settings)


def test_different_death_tolls_are_a_number_discrepancy() -> None:
    articles = _articles(
        (
            "Outlet A",
            "A powerful earthquake struck the coastal city of Valdora on Monday, killing 12 people and destroying hundreds of homes.\n\nRescue teams searched the rubble through the night.",
        ),
        (
            "Outlet B",
            "An earthquake struck the coastal city of Valdora on Monday, killing 15 people and destroying many homes.\n\nThe mayor asked for international help.",
        ),
    )
    result = compare(articles)
    numbers = [d for d in result.discrepancies if d.kind == "number"]
    assert numbers, result.discrepancies
    values = {c.value for c in numbers[0].claims}
    assert values == {12.0, 15.0}


def test_equal_values_written_differently_are_not_discrepancies() -> None:
    articles = _articles(
        (
            "Outlet A",
            "The company said it would cut 1,500 jobs across its European factories this year.",
        ),
        (
            "Outlet B",
            "The company will cut 1.5 thousand jobs across its European factories this year, it said.",
        ),
    )
    result = compare(articles)
    assert not [d for d in result.discrepancies if d.kind == "number"]
