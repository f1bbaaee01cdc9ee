"""Facts on self-written reports: a consensus fact is one statement, an exclusive fact a whole
statement (never a headline, a dateline or "she said." left alone)."""

from __future__ import annotations

import pytest

from newsprism.comparison.align import align_facts
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Fact, RawArticle
from newsprism.nlp.annotate import annotate
from newsprism.nlp.entities import resolve_entities


def _facts(texts: dict[str, str]) -> tuple[list[Article], list[Fact]]:
    settings = Settings.load()
    raws = [RawArticle(origin=k, source=k, text=v) for k, v in texts.items()]
    articles = annotate([prepare(r, settings) for r in raws], settings)
    return articles, align_facts(articles, resolve_entities(articles))


def _texts(facts: list[Fact], kind: str) -> list[list[str]]:
    return [[s.text or "" for s in f.sentences] for f in facts if f.kind == kind]


@pytest.fixture(scope="module")
def ferry() -> tuple[list[Article], list[Fact]]:
    return _facts(
        {
            "Daily": "A ferry carrying 300 passengers capsized on Sunday off the coast of "
            "Marisol, officials said.\n\nThe mayor of the town announced a week of mourning "
            "for the victims.\n\nRescue boats searched the water until nightfall.\n\n"
            "Bullies don't win.\n\nHe has the money.\n\nOfficials said.",
            "Herald": "A passenger ferry overturned off Marisol on Sunday with some 300 "
            "people aboard, according to officials.\n\nThe harbor master blamed the storm "
            "for the accident and called for new safety rules.\n\nBullies don't win.\n\n"
            "He has the money.\n\n"
            "FERRY DISASTER",
        }
    )


def test_the_central_fact_worded_differently_is_consensus(
    ferry: tuple[list[Article], list[Fact]],
) -> None:
    _, facts = ferry
    assert any(
        any("capsized" in t for t in fact) and any("overturned" in t for t in fact)
        for fact in _texts(facts, "consensus")
    )


def test_different_statements_about_one_story_are_not_one_fact(
    ferry: tuple[list[Article], list[Fact]],
) -> None:
    # Both tell of officials' reactions to the accident, but not the same reaction.
    _, facts = ferry
    for fact in _texts(facts, "consensus"):
        assert not (any("mourning" in t for t in fact) and any("harbor master" in t for t in fact))


def test_identical_short_sentences_are_not_exclusive_on_both_sides(
    ferry: tuple[list[Article], list[Fact]],
) -> None:
    _, facts = ferry
    assert ["He has the money.", "He has the money."] in _texts(facts, "consensus")
    # Too short to state something alone: listed on neither side.
    exclusive = [t for f in _texts(facts, "exclusive") for t in f]
    assert not any("money" in t or "Bullies" in t for t in exclusive)


def test_an_exclusive_fact_is_a_whole_statement(
    ferry: tuple[list[Article], list[Fact]],
) -> None:
    _, facts = ferry
    exclusive = [t for f in _texts(facts, "exclusive") for t in f]
    assert "The mayor of the town announced a week of mourning for the victims." in exclusive
    # A headline left in the text and an attribution left alone state nothing.
    assert "FERRY DISASTER" not in exclusive and "Officials said." not in exclusive


def test_the_same_quoted_words_are_one_statement() -> None:
    # The outlets share no verb besides "said"; the quoted words make them one statement.
    _, facts = _facts(
        {
            "Daily": 'The minister said the budget would cut spending "to the bone" next year.',
            "Herald": 'Spending next year will be reduced "to the bone," the finance '
            "minister told lawmakers.",
        }
    )
    assert len(_texts(facts, "consensus")) == 1


def test_sharing_names_and_a_frame_verb_is_not_one_statement() -> None:
    # The same people and "said", but one tells of a meeting and the other of a lawsuit
    # (neither is the lead, where outlets tell the central happening).
    _, facts = _facts(
        {
            "Daily": "Teachers in Riverton stayed on strike for a third week.\n\n"
            "Governor Ana Ruiz said on Monday that she met the union leaders in "
            "Riverton to discuss the strike.",
            "Herald": "The teachers' strike in Riverton entered its third week.\n\n"
            "Governor Ana Ruiz said the union leaders of Riverton had sued the "
            "state over unpaid wages.",
        }
    )
    assert not any(any("Ruiz" in t for t in f) for f in _texts(facts, "consensus"))
