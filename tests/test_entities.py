"""Entities across outlets: names, acronyms, surnames, countries and demonyms, type by vote."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Mention, Sentence
from newsprism.nlp.entities import EntityIndex, initials, resolve_entities, strip_title
from newsprism.nlp.gazetteer import country_name, country_of, name_key


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


def _tagged(text: str, *tags: tuple[str, str, int]) -> Article:
    """An article whose NER mentions are given: (surface, label, occurrence)."""
    mentions = []
    for surface, label, occurrence in tags:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        mentions.append(
            Mention(start=start, end=start + len(surface), text=surface, label=label, sentence=0)
        )
    return Article(id="a1", text=text, source="AP", mentions=mentions)


def test_a_name_in_capitals_does_not_outvote_its_mixed_case_spelling() -> None:
    # NER reads the dateline's city as an organization; the text names it as a place.
    article = _tagged(
        "BILBAO, Spain (AP) - Landa is held in a cell on the outskirts of Bilbao.",
        ("BILBAO", "ORG", 0),
        ("Bilbao", "GPE", 0),
    )
    [bilbao] = [e for e in resolve_entities([article]).entities if name_key(e.name) == "bilbao"]
    assert (bilbao.name, bilbao.type) == ("Bilbao", "GPE")
    assert bilbao.aliases == {"AP": ["BILBAO", "Bilbao"]}


def test_an_acronym_keeps_its_capitals_and_its_type() -> None:
    article = _tagged(
        "NATO said the NATO summit would open.", ("NATO", "ORG", 0), ("NATO", "ORG", 1)
    )
    [nato] = resolve_entities([article]).entities
    assert (nato.name, nato.type) == ("NATO", "ORG")


def test_a_surname_is_the_person_its_own_article_names_in_full() -> None:
    one = _tagged(
        "Gov. Ana Ruiz signed the bill. Ruiz said it was fair.",
        ("Ana Ruiz", "PERSON", 0),
        ("Ruiz", "PERSON", 1),
    )
    other = _tagged(
        "Ana Ruiz's son Leo Ruiz opposed it. Leo Ruiz said so. Leo Ruiz marched. Ruiz wept.",
        ("Ana Ruiz", "PERSON", 0),
        ("Leo Ruiz", "PERSON", 0),
        ("Leo Ruiz", "PERSON", 1),
        ("Leo Ruiz", "PERSON", 2),
        ("Ruiz", "PERSON", 4),
    )
    other = other.model_copy(update={"id": "a2", "source": "Daily"})
    index = resolve_entities([one, other])
    ana, leo = index.find("Ana Ruiz"), index.find("Leo Ruiz")
    assert ana is not None and leo is not None and ana is not leo
    said = one.text.index("Ruiz said")
    assert index.entity_at("a1", said, said + 4) is ana
    # Where both are named in full, the short name goes to the one named most there.
    wept = other.text.index("Ruiz wept")
    assert index.entity_at("a2", wept, wept + 4) is leo


def test_a_headline_line_does_not_name_a_person_the_text_names_too() -> None:
    # In a title-cased headline NER runs the name into the verb after it.
    article = _tagged(
        "Rep. Jo Roe Resigns After Ethics Inquiry\n\nRep. Jo Roe resigned on Friday.",
        ("Jo Roe Resigns", "PERSON", 0),
        ("Jo Roe", "PERSON", 1),
    )
    people = [e for e in resolve_entities([article]).entities if e.type == "PERSON"]
    assert [p.name for p in people] == ["Jo Roe"]


def test_a_name_only_in_a_headline_keeps_its_headline_form() -> None:
    article = _tagged("Jo Roe Wins The Final\n\nThe match ended late.", ("Jo Roe", "PERSON", 0))
    [person] = resolve_entities([article]).entities
    assert person.name == "Jo Roe"


def test_a_name_without_its_middle_initial_is_the_same_person() -> None:
    one = _tagged("Rep. Anthony D. Weiner spoke.", ("Anthony D. Weiner", "PERSON", 0))
    other = _tagged("Anthony Weiner said no.", ("Anthony Weiner", "PERSON", 0))
    other = other.model_copy(update={"id": "a2", "source": "Daily"})
    people = [e for e in resolve_entities([one, other]).entities if e.type == "PERSON"]
    assert [p.name for p in people] == ["Anthony D. Weiner"]
    assert people[0].aliases == {"AP": ["Anthony D. Weiner"], "Daily": ["Anthony Weiner"]}


def test_two_different_middle_initials_keep_the_bare_name_apart() -> None:
    article = _tagged(
        "George W. Bush met George H. W. Bush. George Bush smiled.",
        ("George W. Bush", "PERSON", 0),
        ("George H. W. Bush", "PERSON", 0),
        ("George Bush", "PERSON", 0),
    )
    names = sorted(e.name for e in resolve_entities([article]).entities)
    assert names == ["George Bush", "George H. W. Bush", "George W. Bush"]


def test_the_agency_credited_in_the_dateline_is_not_an_entity() -> None:
    article = _tagged(
        "LIMA, May 3 (Andes Wire) -- Peru's congress met in Lima.",
        ("LIMA", "GPE", 0),
        ("Andes Wire", "ORG", 0),
        ("Lima", "GPE", 0),
    )
    names = {e.name for e in resolve_entities([article]).entities}
    assert "Andes Wire" not in names and "Lima" in names


def test_a_sentence_opening_common_noun_is_no_person() -> None:
    text = "The ferry sank. Ferry owners met Ferry Corsa. Ferries are cheap."
    article = _tagged(text, ("Ferry", "PERSON", 0), ("Ferry Corsa", "PERSON", 0))
    article.sentences = [
        Sentence(start=0, end=15, text=text[:15]),
        Sentence(start=16, end=46, text=text[16:46]),
    ]
    article.mentions = [m.model_copy(update={"sentence": 1}) for m in article.mentions]
    names = {e.name for e in resolve_entities([article]).entities}
    assert names == {"Ferry Corsa"}


def test_a_name_also_written_inside_a_sentence_stays_a_person() -> None:
    text = "The rice grows here. Rice said so, and Rice left."
    article = _tagged(text, ("Rice", "PERSON", 0), ("Rice", "PERSON", 1))
    cut = text.index("Rice")
    article.sentences = [
        Sentence(start=0, end=cut - 1, text=text[: cut - 1]),
        Sentence(start=cut, end=len(text), text=text[cut:]),
    ]
    article.mentions = [m.model_copy(update={"sentence": 1}) for m in article.mentions]
    [rice] = resolve_entities([article]).entities
    assert rice.name == "Rice" and sum(rice.mentions.values()) == 2
