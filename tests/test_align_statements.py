"""Facts on self-written reports: a consensus fact is one statement, an exclusive fact a whole
statement (never a headline, a dateline, "she said." or a sentence cut off by its source). An opening formula is not
shared words, two possibilities of opposite polarity are two statements, and two bodies of
one kind are two actors, as are two leads of which one tells a party's act upon another or
what came when that party acted."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsprism.comparison.align import (
    align_facts,
    quotes_words_of,
    tell_one_happening,
)
from newsprism.comparison.backdrop import reread
from newsprism.comparison.leads import acted_on, other_bodies
from newsprism.comparison.sentences import sentence_features
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Fact, RawArticle
from newsprism.nlp.annotation import annotate
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


def test_an_exclusive_fact_cut_off_by_its_source_is_its_whole_opening_clause() -> None:
    # Excerpts end mid-sentence ("..."): listed is the complete clause that opens the cut
    # sentence, or nothing where none does; never the fragment.
    _, facts = _facts(
        {
            "Daily": "A ferry carrying 300 passengers capsized on Sunday off Marisol.\n\n"
            "Republicans in the state senate criticized the harbor authority for its "
            "inspections, citing reports from 2019 and...",
            "Herald": "A passenger ferry overturned off Marisol on Sunday with 300 people "
            "aboard.\n\nThe harbor authority, which licensed the vessel in a...",
        }
    )
    exclusive = [t for f in _texts(facts, "exclusive") for t in f]
    assert (
        "Republicans in the state senate criticized the harbor authority for its inspections"
        in exclusive
    )
    assert not any("..." in t or "licensed the vessel" in t for t in exclusive)


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


def test_a_clause_two_unrelated_sentences_share_is_not_one_statement() -> None:
    # The same five words with a verb, each in a sentence about something else.
    _, facts = _facts(
        {
            "Daily": "The mayor opened a new public library downtown on Monday, a place she "
            "said would help by putting people back to work through job training.",
            "Herald": "Shares of the carmaker fell sharply in Tokyo after its chief "
            "executive claimed that cheaper batteries were putting people back to work.",
        }
    )
    assert _texts(facts, "consensus") == []


def _features(first: str, second: str) -> tuple[Any, Any]:
    settings = Settings.load()
    raws = [RawArticle(origin=k, source=k, text=v) for k, v in (("A", first), ("B", second))]
    articles = annotate([prepare(r, settings) for r in raws], settings)
    entities = resolve_entities(articles)
    a, b = (sentence_features(x, entities) for x in articles)
    return a, b


@pytest.mark.parametrize(
    ("quoting", "other", "same_words"),
    [
        # A name or a topic out of a longer quotation: no verb, not the speaker's words.
        (
            '"We will always stand with the American people," the senator said.',
            "Polls show the American people are tired of the war.",
            False,
        ),
        # Three words with a verb from a quotation: the same words of the same speaker.
        (
            '"I know that my account was hacked last night," the congressman said.',
            "He insisted that his account was hacked by a stranger.",
            True,
        ),
        # A short quotation whole, verb or not.
        (
            'Kim demanded that the sanctions be lifted "in their entirety," Trump said.',
            "They wanted the sanctions lifted in their entirety, Trump said.",
            True,
        ),
    ],
)
def test_words_one_outlet_quotes(quoting: str, other: str, same_words: bool) -> None:
    a, b = _features(quoting, other)
    assert bool(quotes_words_of(a, 0, b, 0)) is same_words


def _one_happening(first: str, second: str) -> bool:
    """Whether the first sentence of one report and of another tell one happening."""
    a, b = _features(first, second)
    return tell_one_happening(a, 0, b, 0)


def test_a_verb_both_mention_on_the_way_is_a_topic_not_a_statement() -> None:
    # Both mention the break-in; one tells of a hire, the other of a complaint.
    assert not _one_happening(
        "The senator, whose office was burgled on Friday, hired a private guard.",
        "The senator, whose office was burgled last week, complained to the city council.",
    )


def test_two_sentences_of_one_speech_are_not_one_happening() -> None:
    assert not _one_happening(
        '"The families who lost their homes deserve our help," Mayor Tom Quinn said.',
        '"Everyone who lost a home will get a new one by spring," Mayor Tom Quinn said.',
    )


def test_the_same_act_by_two_different_people_is_not_one_happening() -> None:
    assert not _one_happening(
        "Senator Maria Ortiz rejected the harbor plan on Tuesday.",
        "Governor Paul Lindqvist rejected the harbor plan on Tuesday.",
    )


def test_one_happening_told_in_either_voice() -> None:
    assert _one_happening(
        "Police arrested Daniel Reyes at his home in Tampa on Friday.",
        "Daniel Reyes was arrested by police on Friday, officials said.",
    )


def test_a_happening_one_tells_and_the_other_mentions_is_shared() -> None:
    assert _one_happening(
        "The storm flooded the old harbor on Sunday, officials said.",
        "Residents returned to the harbor the storm flooded, finding boats on the quay.",
    )


def test_one_verb_with_another_doer_and_another_undergoer_is_another_happening() -> None:
    assert not _one_happening(
        "The new rules cut overtime pay for nurses.",
        "Hospital managers cut the night shift last month.",
    )
    # One role named with another noun is often one participant in two outlets' words.
    assert _one_happening(
        "The council cut the library budget on Monday.",
        "The council cut library funding on Monday, officials said.",
    )


def test_an_open_question_tells_no_happening() -> None:
    # Asked, not told: the refusal to say whether it happened is not the report that it did.
    assert not _one_happening(
        "The utility declined to say whether its billing system was hacked.",
        "The utility's billing system was hacked in March, investigators said.",
    )
    assert not _one_happening(
        "Aides would not confirm if the governor had signed the order.",
        "The governor signed the order on Monday, aides said.",
    )
    # The same verb told outside the question still is.
    assert _one_happening(
        "Its billing system was hacked in March, and the utility would not say whether "
        "card numbers were taken.",
        "The utility's billing system was hacked in March, investigators said.",
    )


def test_a_named_someones_reaction_to_a_happening_is_another_statement() -> None:
    arrest = "Police arrested a suspect in the bombings at a warehouse in Tampa on Friday."
    assert not _one_happening(
        arrest, "Mayor Jane Holt praised the police for arresting a suspect on Friday."
    )
    # The grounds of another act, whoever acts: the statement is the praise or the blame.
    assert not _one_happening(arrest, "The mayor praised the police for arresting a suspect.")
    assert not _one_happening(
        "The board closed the county library on Monday.",
        "Residents criticized the board over closing the county library.",
    )
    # One who takes part in the happening tells more of it, not a reaction to it.
    assert _one_happening(
        "Police arrested Daniel Reyes at his home in Tampa on Friday.",
        "Daniel Reyes, whom police arrested at his home on Friday, hired a lawyer.",
    )


def test_counts_worded_differently_land_in_one_fact() -> None:
    # The second report gives its count inside its lead; the first in a sentence of its own.
    _, facts = _facts(
        {
            "Courier": "A bus slid off an icy road near Dalton on Sunday morning, police "
            "said.\n\nThe driver had worked for the company for ten years.\n\n12 people were "
            "injured, three of them seriously, the fire chief said.",
            "Gazette": "A bus carrying a school choir skidded off a road near Dalton on "
            "Sunday, injuring a dozen people.\n\nThe choir was returning from a concert.",
        }
    )
    assert any(
        any(t.startswith("12 people") for t in fact) and any("a dozen" in t for t in fact)
        for fact in _texts(facts, "consensus")
    )


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        # The same opening around a copula frames two different claims.
        (
            '"We\'re the ones who are fixing the old bridge," the mayor said.',
            '"We\'re the ones who are not raising the water rates," the mayor said.',
            False,
        ),
        # A verb of its own in the shared words: the same words of the same speaker.
        (
            '"We\'ve got a real problem with the bridge," the mayor said.',
            "\"We've got a big problem, and we've got work to do,\" the mayor said.",
            True,
        ),
    ],
)
def test_an_opening_formula_is_not_shared_words(first: str, second: str, shared: bool) -> None:
    a, b = _features(first, second)
    assert (quotes_words_of(a, 0, b, 0) or quotes_words_of(b, 0, a, 0)) is shared


def test_a_possibility_and_its_denial_are_two_statements() -> None:
    assert not _one_happening(
        "The council could approve the harbor budget if the mayor agrees, its chair said.",
        "The harbor budget could not be approved without votes from the opposition.",
    )


def test_a_happening_and_its_denial_stay_side_by_side() -> None:
    # One says it happened, the other that it did not: a contradiction the finder must see.
    assert _one_happening(
        "The council approved the harbor budget on Monday.",
        "The council did not approve the harbor budget on Monday.",
    )


def test_two_bodies_of_one_kind_are_two_actors() -> None:
    a, b = _features(
        "The leaders of the Senate budget committee said Tuesday they had subpoenaed "
        "the mayor's bank.",
        "The House budget committee will issue subpoenas to the mayor, its chairman said.",
    )
    assert other_bodies(a.bodies[0], b.bodies[0])
    same, other = _features(
        "The Senate budget committee subpoenaed the mayor's bank on Tuesday.",
        "The leaders of the Senate budget committee said they had subpoenaed the bank.",
    )
    assert not other_bodies(same.bodies[0], other.bodies[0])
    # A name inside the other may be the same body's.
    coast_guard = frozenset({("guard", "coast guard")})
    assert not other_bodies(coast_guard, frozenset({("guard", "Philippine Coast Guard")}))


def test_leads_on_two_bodies_are_not_one_fact() -> None:
    _, facts = _facts(
        {
            "Courier": "The leaders of the Senate budget committee said Tuesday they had "
            "subpoenaed two of the mayor's companies as part of the harbor inquiry.\n\n"
            "The mayor has denied any wrongdoing.",
            "Gazette": "The House budget committee will issue subpoenas to the mayor, the "
            "committee's senior member said on Wednesday, deepening the harbor inquiry.\n\n"
            "The mayor declined to comment.",
        }
    )
    for fact in _texts(facts, "consensus"):
        assert not (any("Senate" in t for t in fact) and any("House" in t for t in fact))


def _parties_of(first: str, second: str) -> tuple[Any, Any]:
    a, b = _features(first, second)
    return a.parties[0], b.parties[0]


def test_a_court_weighing_and_parties_urging_it_are_two_acts() -> None:
    # The court acts in one; in the other the parties act upon it, and what they urge it to
    # do is their plea, not the court's act.
    assert acted_on(
        *_parties_of(
            "A divided Supreme Court on Tuesday weighed whether states may bar drivers from "
            "filming police officers.",
            "The Justice Department and a group of Ohio police unions urged a skeptical "
            "Supreme Court to let states ban the filming of officers on duty.",
        )
    )


def test_a_reaction_to_an_act_is_another_act() -> None:
    assert acted_on(
        *_parties_of(
            "Residents booed Governor Lee Park on Wednesday when Park laid out a plan for the "
            "Harbor Pier.",
            "Governor Lee Park on Wednesday unveiled a plan to rebuild the Harbor Pier.",
        )
    )


def test_what_came_when_someone_acted_is_not_the_act() -> None:
    assert acted_on(
        *_parties_of(
            "When Governor Lee Park announced a plan to rebuild the Harbor Pier last week, "
            "many residents were surprised.",
            "Governor Lee Park on Wednesday detailed how the state would pay for a new pier.",
        )
    )


def test_one_act_told_actively_passively_or_as_expected_stays_one() -> None:
    # A raising passive tells the subject's act ("is expected to announce").
    assert not acted_on(
        *_parties_of(
            "Mayor Ana Ruiz is expected to announce a new housing plan for Dunmore on Friday.",
            "Mayor Ana Ruiz plans to unveil a sweeping housing plan for Dunmore on Friday.",
        )
    )
    # The one defeated is acted on in both; the winner is unnamed in one.
    assert not acted_on(
        *_parties_of(
            "Senator Paul Hart was defeated on Tuesday by a first-time candidate.",
            "Lena Ward, a first-time candidate, defeated Senator Paul Hart on Tuesday.",
        )
    )
    # A passive without its doer tells no one else's act.
    assert not acted_on(
        *_parties_of(
            "Dana Cole took the oath of office on Friday as the city's mayor.",
            "Dana Cole was sworn in as mayor of the city on Friday.",
        )
    )


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Any:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_root_the_parser_misread_under_when_is_the_time_clause() -> None:
    # "When X announced …, many were puzzled", parsed with "announced" as the root and
    # "puzzled" as what it reports: the statement is the puzzlement.
    words = ["When", "Park", "announced", "a", "plan", ",", "many", "were", "puzzled", "."]
    deps = ["advmod", "nsubj", "ROOT", "det", "dobj", "punct", "nsubjpass", "auxpass"]
    pos = ["SCONJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADJ", "AUX", "VERB", "PUNCT"]
    heads = [2, 2, 2, 4, 2, 2, 8, 8, 2, 2]
    doc = _parsed(words, heads, [*deps, "ccomp", "punct"], pos)
    assert reread(doc, {2}) == ({8}, {2})
    # Without the time marker the root stays what the sentence tells.
    plain = _parsed(words[1:], [h - 1 for h in heads[1:]], [*deps[1:], "ccomp", "punct"], pos[1:])
    assert reread(plain, {1}) == ({1}, set())


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        # Three named states are some of the thirteen, not the thirteen.
        (
            "Arizona, Ohio and Utah will lose seats in the House.",
            "Thirteen states will gain or lose seats in the House.",
            False,
        ),
        # A list that adds up to the count names the ones counted.
        (
            "Arizona, Ohio and Utah will lose seats in the House.",
            "Three states will lose seats in the House.",
            True,
        ),
        # Two counts of one role are two values of one attribute, whatever they say.
        (
            "Police arrested nine people at the scene.",
            "Police arrested eleven people at the scene.",
            True,
        ),
    ],
)
def test_named_members_beside_a_count_they_do_not_make_are_a_part(
    first: str, second: str, one: bool
) -> None:
    assert _one_happening(first, second) is one


@pytest.mark.parametrize(
    ("first", "one"),
    [
        # Opening the sentence, the clause concedes what the statement is set against.
        ("Although the mayor closed the shelter, homelessness fell this year.", False),
        ("While critics claim the mayor closed the shelter, his office denies it.", False),
        # After the statement, "while" adds a statement of its own.
        ("Homelessness fell this year, while the mayor closed the shelter.", True),
    ],
)
def test_a_clause_opening_with_although_is_not_the_statement(first: str, one: bool) -> None:
    assert _one_happening(first, "The mayor closed the downtown shelter.") is one
