"""Numbers as news writes them."""

from __future__ import annotations

import math

import pytest

from newsprism.numbers import parse_number, ranges_conflict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.43 million", (1.43e6, 1.43e6)),
        ("two", (2, 2)),
        ("twenty-five", (25, 25)),
        ("1,200", (1200, 1200)),
        ("two hundred thousand", (2e5, 2e5)),
        ("a third", (1 / 3, 1 / 3)),
        ("dozens", (24, 99)),
        ("more than 40", (40, math.inf)),
        ("12%", (12, 12)),
        ("two dozen", (24, 24)),
        ("a half-dozen", (6, 6)),
        ("half a million", (5e5, 5e5)),
        ("$960 thousand", (960_000, 960_000)),
    ],
)
def test_parse_number(text: str, expected: tuple[float, float]) -> None:
    assert parse_number(text) == pytest.approx(expected)


def test_not_numbers() -> None:
    assert parse_number("Thursday") is None
    assert parse_number("") is None


def test_conflicts() -> None:
    assert ranges_conflict((12, 12), (15, 15))
    assert not ranges_conflict((30, 30), parse_number("dozens"))
    assert not ranges_conflict((1.43e6, 1.43e6), (1_430_000, 1_430_000))
    assert not ranges_conflict(parse_number("about 40"), (42, 42))
