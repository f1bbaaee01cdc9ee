"""Shared facts compare claims, not embeddings: a paraphrase keeps its claim's participants
(a copula's subject and complement either way round, a verb's doer and what it acts on); an
open question asserts nothing; a count over decades and a count on one day are two
quantities; "All three were rescued" is a group named before, not the count of everyone
rescued. Self-written sentences, and the ferry reports of tests/data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.comparison.align import (
    align_facts,
    quotes_words_of,
    same_statement,
    shared_clause,
    tell_one_happening,
)
from newsprism.comparison.claims import restate
from newsprism.comparison.happenings import one_count
from newsprism.comparison.sentences import sentence_features
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare, read_articles
from newsprism.model import RawArticle
from newsprism.nlp import resolve_times
from newsprism.nlp.annotation import annotate
from newsprism.nlp.entities import resolve_entities

FERRY = Path(__file__).parent / "data" / "ferry-capsizing"


def _features(first: str, second: str, published: str | None = None) -> tuple[Any, Any]:
    settings = Settings.load()
    raws = [
        RawArticle(origin=k, source=k, text=v, published=published)
        for k, v in (("A", first), ("B", second))
    ]
    articles = annotate([prepare(r, settings) for r in raws], settings)
    entities = resolve_entities(articles)
    a, b = (sentence_features(x, entities, (), resolve_times(x)) for x in articles)
    return a, b


def _restates(first: str, second: str) -> bool:
    a, b = _features(first, second)
    return restate(a.claims[0], b.claims[0])


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # Around a copula: the subject and the complement, in other words.
        (
            "Twelve of the 20 delegates were Canadian citizens.",
            "Twelve of the 20 delegates were Canadian nationals.",
            True,
        ),
        # ... or swapped.
        (
            "In the end, Senator Ann Ortiz was the lone opposition to the budget.",
            'The lone "no" vote in the Senate on the budget was Senator Ann Ortiz.',
            True,
        ),
        # The same measure of one thing, whatever the values.
        (
            "Her 2019 federal tax rate was 31.2.",
            "The couple's effective federal tax rate for 2019 was 31 percent.",
            True,
        ),
        # Two verbs, one claim: the same doer and the same thing acted on.
        (
            "Mr. Harlan would not comply with the subpoena from the committee.",
            "Harlan rejected a subpoena from the committee.",
            True,
        ),
        # A policy and a commitment of one body: two claims, however close in topic.
        (
            "It has long been the union's policy that pensions should be protected.",
            "The union is as committed as ever to protecting pensions for retirees.",
            False,
        ),
        # One more of a kind is another occasion.
        (
            "The senator issued another statement on the shooting on Friday.",
            "The senator issued a statement on the shooting on Thursday night.",
            False,
        ),
    ],
)
def test_a_paraphrase_keeps_its_claims_participants(first: str, second: str, same: bool) -> None:
    assert _restates(first, second) is same


def test_paraphrase_strength_alone_shares_no_statement() -> None:
    a, b = _features(
        "It has long been the union's policy that pensions should be protected.",
        "The union is as committed as ever to protecting pensions for retirees.",
    )
    # At a cosine that once linked any two sentences, the claims must still be one.
    assert not same_statement(0.85, a, 0, b, 0, mutual=False)
    c, d = _features(
        "Twelve of the 20 delegates were Canadian citizens.",
        "Twelve of the 20 delegates were Canadian nationals.",
    )
    assert same_statement(0.85, c, 0, d, 0, mutual=False)


def test_an_open_question_shares_no_words_with_the_claim() -> None:
    a, b = _features(
        '"I know for a fact that my account was hacked," Marlow told reporters.',
        "The network declined to say whether Marlow's account was hacked.",
    )
    assert not quotes_words_of(a, 0, b, 0)
    c, d = _features(
        '"I know for a fact that my account was hacked," Marlow told reporters.',
        "Marlow's account was hacked on Sunday, the network said.",
    )
    assert quotes_words_of(c, 0, d, 0)


def test_a_count_over_decades_and_a_count_on_one_day_are_two_quantities() -> None:
    over_decades, one_day = _features(
        "Old bridges have killed hundreds of people over the past two decades.",
        "The bridge collapsed on Monday, killing 40 people.",
        published="2026-03-04T10:00:00Z",
    )
    assert not one_count(over_decades.mains[0], one_day.mains[0])
    assert not tell_one_happening(over_decades, 0, one_day, 0)
    # Two counts of the one day stay together, whatever their values.
    a, b = _features(
        "The bridge collapsed on Monday, killing 40 people.",
        "Forty-two people were killed when the bridge fell on Monday.",
        published="2026-03-04T10:00:00Z",
    )
    assert one_count(a.mains[0], b.mains[0])


def test_a_group_named_before_is_not_the_count_of_everyone() -> None:
    total, three = _features(
        "The mayor said 120 people had been rescued by the navy and local boats.",
        "All four were rescued by fishermen.",
    )
    assert not one_count(total.mains[0], three.mains[0])
    assert not tell_one_happening(total, 0, three, 0)
    a, b = _features(
        "The mayor said 120 people had been rescued by the navy.",
        "The navy rescued 118 people.",
    )
    assert one_count(a.mains[0], b.mains[0])


@pytest.fixture(scope="module")
def ferry_facts() -> list[list[str]]:
    settings = Settings.load()
    articles = annotate(read_articles([str(FERRY)], settings).articles, settings)
    times = {a.id: resolve_times(a) for a in articles}
    facts = align_facts(articles, resolve_entities(articles), (), times)
    return [[s.text or "" for s in f.sentences] for f in facts if f.kind == "consensus"]


def test_ferry_background_is_not_in_the_lead_fact(ferry_facts: list[list[str]]) -> None:
    lead = next(f for f in ferry_facts if any("Thirty-one people were killed" in t for t in f))
    assert not any("Ferry disasters are common" in t for t in lead)
    assert not any("Ferry disasters are common" in t for f in ferry_facts for t in f)


def test_ferry_survivors_named_before_are_not_the_governors_count(
    ferry_facts: list[list[str]],
) -> None:
    assert not any(
        any("156 people had been rescued" in t for t in f)
        and any("All three were rescued" in t for t in f)
        for f in ferry_facts
    )


def test_the_news_and_an_earlier_years_happening_are_two() -> None:
    news, past = _features(
        "The river flooded the town on Monday, forcing hundreds to flee.",
        "The river last flooded the town in 1997, destroying dozens of homes.",
        published="2026-03-04T10:00:00Z",
    )
    assert not tell_one_happening(news, 0, past, 0)
    assert not restate(news.claims[0], past.claims[0])
    # Two years of one past happening are one attribute told two ways.
    a, b = _features(
        "The old bridge was built in 1962.",
        "The old bridge was built in 1958.",
        published="2026-03-04T10:00:00Z",
    )
    assert tell_one_happening(a, 0, b, 0)


def test_what_is_still_to_come_is_not_what_happened() -> None:
    # "will" says it is to come even when the announcing has a day of its own.
    coming, past = _features(
        "Ortiz announced Tuesday she will run for governor.",
        "Ortiz ran for governor in 2018 and lost narrowly.",
        published="2026-03-04T10:00:00Z",
    )
    assert not tell_one_happening(coming, 0, past, 0)
    assert not restate(coming.claims[0], past.claims[0])
    # Two days of the news are one attribute told two ways.
    monday, tuesday = _features(
        "The strike began on Monday, the union said.",
        "The strike began on Tuesday morning.",
        published="2026-03-04T10:00:00Z",
    )
    assert tell_one_happening(monday, 0, tuesday, 0)


def test_a_count_of_more_is_not_the_count_before() -> None:
    friday, saturday = _features(
        "On Friday night, police arrested 45 protesters.",
        "Police arrested 30 more protesters on Saturday night.",
        published="2026-03-04T10:00:00Z",
    )
    assert not one_count(friday.mains[0], saturday.mains[0])
    # "more" without a number compares; it counts nothing further.
    a, b = _features(
        "The union urged states to allow more armed guards in schools.",
        "The union's report urges states to allow armed guards in schools.",
    )
    assert tell_one_happening(a, 0, b, 0)


def test_a_clause_shared_through_a_verb_of_saying_is_no_statement() -> None:
    a, b = _features(
        "Reyes said the tax cuts would pay for themselves.",
        "Economists at the university said the tax cuts would not pay for themselves.",
    )
    assert not shared_clause(a, 0, b, 0)
    c, d = _features(
        "The ferry was carrying 300 passengers when it sank.",
        "Officials said the ferry was carrying 300 passengers.",
    )
    assert shared_clause(c, 0, d, 0)
    # A copy that names another speaker keeps its clause: which of the two said it is the
    # attribution finder's question.
    e, f = _features(
        'Lund replied that the trade group was "thriving."',
        'Morrow replied that the trade group was "thriving."',
    )
    assert shared_clause(e, 0, f, 0)


def test_one_count_is_of_one_role() -> None:
    doers, gained = _features(
        "Thirteen states will gain or lose seats in the House.",
        "Ohio, Texas and Utah will each gain one seat in the House.",
    )
    assert not one_count(doers.mains[0], gained.mains[0])
    a, b = _features(
        "Twelve people were injured in the blast.",
        "The blast injured a dozen people.",
    )
    assert one_count(a.mains[0], b.mains[0])


def test_another_occasion_is_not_the_sentences_statement() -> None:
    """A happening told only as the time of another, or one more of a kind."""
    signed = "The governor signed the bill into law on Thursday."
    cases = {
        "When the mayor announced the curfew on Monday, shop owners were furious.": (
            "The mayor announced a citywide curfew on Monday.",
            False,
        ),
        "Within hours of the governor signing the bill, protesters gathered downtown.": (
            signed,
            False,
        ),
        # A clause of time on the sentence's own happening says when it happened.
        "The governor signed the bill on Thursday after the Senate passed it.": (signed, True),
        # One more of a kind is another occasion; "more" without a number compares.
        "Police released additional video of the arrest on Wednesday.": (
            "Police released video of the arrest on Tuesday night.",
            False,
        ),
        "Police released more details of the arrest on Wednesday.": (
            "Police released details of the arrest on Wednesday.",
            True,
        ),
    }
    for backdrop, (told_, shared) in cases.items():
        a, b = _features(backdrop, told_)
        assert tell_one_happening(a, 0, b, 0) is shared, backdrop


def test_the_same_participants_and_value_are_one_statement() -> None:
    a, b = _features(
        "Job growth slowed sharply in May.\n\nThe jobless rate ticked up to 5.4% in May.",
        "Hiring disappointed economists.\n\nThe unemployment rate rose to 5.4 percent last month.",
    )
    assert a.values[1] & b.values[1]
    assert same_statement(0.7, a, 1, b, 1, mutual=True)
    # Another value, or the same value of another participant, is not enough.
    c, d = _features(
        "Job growth slowed sharply in May.\n\nThe jobless rate ticked up to 5.4% in May.",
        "Hiring disappointed economists.\n\nWages rose 5.4 percent from a year earlier.",
    )
    assert not same_statement(0.7, c, 1, d, 1, mutual=True)


def test_a_claim_the_sentence_only_weighs_is_not_its_statement() -> None:
    # "rejected the landlord's claim that …": the rejection is told; the claim is what the
    # tenants hold false, not a statement they share with the landlord's report of it.
    a, b = _features(
        "The fire started in a faulty heater in the basement, the landlord said.",
        "Tenants rejected the landlord's claim that the fire started in a faulty heater in "
        "the basement.",
    )
    assert not shared_clause(a, 0, b, 0)
    assert not tell_one_happening(a, 0, b, 0)
    # Said in a statement, or denied, it is still said: a denial is the contradiction to show.
    c, d = _features(
        "The plant will close in June, the company said.",
        "The company said in a statement that the plant will close in June.",
    )
    assert shared_clause(c, 0, d, 0) or tell_one_happening(c, 0, d, 0)
    e, f = _features(
        "The minister resigned on Friday after the vote, aides said.",
        "The ministry denied reports that the minister resigned on Friday after the vote.",
    )
    assert shared_clause(e, 0, f, 0)
