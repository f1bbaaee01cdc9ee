"""Numbers as news writes them."""

from __future__ import annotations

import pytest

from newsprism.nlp.numbers import parse_number, parse_ordinal, ranges_conflict


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
        ("more than 40", (40, 60)),
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


def test_more_than_is_rounded_down_not_open_ended() -> None:
    # "more than 180,000" and "more than 280,000" cannot both be how a reporter rounds.
    assert ranges_conflict(parse_number("more than 180,000"), parse_number("more than 280,000"))
    assert not ranges_conflict(parse_number("more than 100,000"), parse_number("over 100,000"))
    assert not ranges_conflict(parse_number("more than 40"), (45, 45))


def test_a_bound_on_the_right_side_still_conflicts() -> None:
    # An open upper bound on the second range used to make the tolerance infinite.
    assert ranges_conflict(parse_number("nearly 800"), (1200, float("inf")))
    assert ranges_conflict(parse_number("nearly 100"), parse_number("more than 200"))
    assert not ranges_conflict((30, 30), parse_number("many"))


@pytest.mark.parametrize(
    ("text", "rank"),
    [("40th", 40), ("42nd", 42), ("1st", 1), ("fourth", 4), ("fifth", 5), ("twenty-first", 21)],
)
def test_parse_ordinal(text: str, rank: float) -> None:
    assert parse_ordinal(text) == rank


def test_not_ordinals() -> None:
    assert parse_ordinal("Sept") is None
    assert parse_ordinal("40") is None


def test_a_range_is_written_as_a_reader_reads_it() -> None:
    from newsprism.nlp.numbers import format_range

    assert format_range((1_600_000.0, 2_400_000.0)) == "1600000-2400000"
    assert format_range((23.0, 34.5)) == "23-34.5"
    assert format_range((5000.0, float("inf"))) == "≥5000"
    assert format_range((31.0, 31.0)) == 31.0


def test_a_qualified_number_is_shown_as_its_writer_stated_it() -> None:
    from newsprism.nlp import parse_number, stated_value

    def shown(text: str) -> str | float:
        value = parse_number(text)
        assert value is not None
        return stated_value(text, value)

    assert shown("At least 23") == "≥23"
    assert shown("more than 180,000") == ">180000"
    assert shown("about 40") == "≈40"
    assert shown("fewer than 12") == "<12"
    assert shown("up to 200") == "≤200"
    assert shown("dozens") == "24-99"
    assert shown("31") == 31.0
