"""Entities across outlets: names, acronyms, surnames, countries and demonyms, type by vote."""

from __future__ import annotations

import pytest

from newsprism.entities import EntityIndex, initials, resolve_entities, strip_title
from newsprism.gazetteer import country_name, country_of, name_key
from newsprism.model import Article


@pytest.fixture(scope="module")
def index(annotated_examples: list[Article]) -> EntityIndex:
    return resolve_entities(annotated_examples)


def test_dprk_and_north_korea_are_one_country(index: EntityIndex) -> None:
    korea = index.find("DPRK")
    assert korea is not None and korea.name == "North Korea" and korea.type == "GPE"
    names = {n for names in korea.aliases.values() for n in names}
    assert {"DPRK", "North Korea"} <= names
    assert index.find("Democratic People's Republic of Korea") is korea
    assert len(korea.mentions) == 2


def test_kim_spellings_and_surname_are_one_person(index: EntityIndex) -> None:
    kim = index.find("Kim Jong-Un")
    assert kim is not None and kim.type == "PERSON"
    assert index.find("Kim Jong Un") is kim
    assert index.find("Chairman Kim") is kim
    names = {n for names in kim.aliases.values() for n in names}
    assert {"Kim", "Kim Jong-Un", "Kim Jong Un"} <= names


def test_united_states_forms(index: EntityIndex) -> None:
    us = index.find("U.S.")
    assert us is not None and us.name == "United States"
    assert index.find("America") is us


def test_trump_is_a_person_in_both_outlets(
    index: EntityIndex, annotated_examples: list[Article]
) -> None:
    trump = index.find("Trump")
    assert trump is not None and trump.name == "Donald Trump" and trump.type == "PERSON"
    assert set(trump.mentions) == {a.id for a in annotated_examples}
    assert sum(trump.mentions.values()) == len(trump.spans)


def test_no_time_zone_or_title_word_becomes_an_entity(index: EntityIndex) -> None:
    names = {e.name for e in index.entities}
    assert "GMT" not in names and "State" not in names


def test_entity_at_finds_the_mention(index: EntityIndex, annotated_examples: list[Article]) -> None:
    article = annotated_examples[0]
    start = article.text.index("Pompeo")
    found = index.entity_at(article.id, start, start + 6)
    assert found is not None and found.name == "Mike Pompeo"
    assert index.entity_at(article.id, 0, 2) is None


def test_helpers() -> None:
    assert strip_title("President Donald Trump's") == "Donald Trump"
    assert strip_title("Secretary of State Mike Pompeo") == "Mike Pompeo"
    assert initials("Democratic People's Republic of Korea") == "DPRK"
    assert name_key("Kim Jong-Un") == name_key("kim jong un")
    assert country_of("North Korean") == "KP"
    assert country_of("Russia") == "RU" and country_name("RU") == "Russia"
    assert country_of("Springfield") is None
