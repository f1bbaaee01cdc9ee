"""Counts of what befell people told with two words, compared across whole reports
(`outcomes_across`): "killing six residents" / "eight deaths" / "the death toll stood at
21" count one outcome; the dead and the injured, the dead and the survivors, two events'
counts and an update do not."""

from __future__ import annotations

from typing import Any

import pytest

from dated_reports import dated_reports
from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.outcomes import outcomes_across
from newsprism.comparison.discrepancies.quantities import QuantityReader
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.config import Settings
from newsprism.nlp import resolve_entities

TUE = "2026-03-03T12:00:00+00:00"
THU = "2026-03-05T12:00:00+00:00"


def _outcomes(*reports: tuple[str, str | None]) -> tuple[list[set[str]], list[set[str]]]:
    """The contradictions and the differences of precision, as the claims' texts."""
    articles = dated_reports(*reports)
    entities = resolve_entities(articles)
    evidence = Evidence.of(articles, entities, Settings.load().embedding_package)
    found = outcomes_across(
        QuantityReader(evidence), RoleComparer(articles, entities), [a.id for a in articles]
    )
    return (
        [{c.text or "" for c in d.claims} for d in found.contradictions],
        [{c.text or "" for c in d.claims} for d in found.differences],
    )


def test_a_verb_and_a_noun_of_one_outcome_count_one_quantity() -> None:
    killing = "A fire gutted a hotel in Porto on Monday, killing six guests, firefighters said."
    deaths = "There were eight deaths in a hotel fire in Porto on Monday, the city said."
    assert _outcomes((killing, TUE), (deaths, TUE)) == ([{"six", "eight"}], [])


def test_a_toll_counts_what_the_noun_before_it_names() -> None:
    killed = "A gas blast at a mine in Silesia on Sunday killed 17 miners, officials said."
    toll = "The death toll from Sunday's blast at a mine in Silesia stood at 21, officials said."
    assert _outcomes((killed, TUE), (toll, TUE)) == ([{"17", "21"}], [])


def test_two_words_for_one_injury_count_one_quantity() -> None:
    injured = "A tram hit a bus in Leeds on Monday and injured 40 passengers, police said."
    hurt = "In all, 52 passengers were hurt when a tram struck a bus in Leeds, police said."
    assert _outcomes((injured, TUE), (hurt, TUE)) == ([{"40", "52"}], [])


def test_a_vaguer_count_is_a_difference_not_a_contradiction() -> None:
    killing = "A storm swept the coast on Monday, killing at least 23 people, officials said."
    deaths = "There were 31 deaths in the storm on the coast on Monday, officials said."
    assert _outcomes((killing, TUE), (deaths, TUE)) == ([], [{"at least 23", "31"}])


# Two reports whose counts are of different quantities, events, days or parts: no alarm.
SILENT = {
    "the dead and the injured are two quantities": (
        ("A bus hit a truck on the highway on Monday, killing five people, police said.", TUE),
        ("A bus crash on the highway on Monday left 30 people injured, police said.", TUE),
    ),
    "a report that tells both outcomes keeps them apart": (
        ("Nineteen people died when a ferry sank off the island on Monday, officials said.", TUE),
        (
            "A ferry sank off the island on Monday. Twelve passengers survived. "
            "The rest died in the cold water, officials said.",
            TUE,
        ),
    ),
    "two events in two places are two counts": (
        ("A tornado killed six people in Moore, Oklahoma, on Monday, officials said.", TUE),
        ("Nine people died in Joplin, Missouri, on Monday when a tornado hit a trailer park.", TUE),
    ),
    "a later higher toll is an update": (
        ("A coal mine collapsed in northern China on Monday, killing 12 miners.", TUE),
        (
            "The death toll from Monday's mine collapse in northern China rose to 19 on Wednesday.",
            THU,
        ),
    ),
    "an order of magnitude contradicts no count": (
        ("Thousands marched through Madrid on Sunday against housing costs.", TUE),
        ("Organisers said 50,000 people marched through Madrid on Sunday against rents.", TUE),
    ),
    "a report giving two counts of one outcome says nothing": (
        (
            "Police arrested 45 people during rioting on Friday night. "
            "On Saturday night 60 more people were arrested, police said.",
            TUE,
        ),
        ("Police detained 50 people during the rioting, a spokesman said.", TUE),
    ),
    "a report counting one outcome in parts gives no total": (
        (
            "A gunman's rampage through two offices on Thursday left 13 people dead, police said.",
            TUE,
        ),
        (
            "The gunman killed five people at the first office on Thursday. "
            "Four died at the second office, police said.",
            TUE,
        ),
    ),
    "a relative clause counts for the noun it is on": (
        ("A three-day killing spree in the city left 13 people dead, police said on Friday.", TUE),
        ("The city is still reeling from a family dispute that left seven people dead.", TUE),
    ),
    "a verb told of two groups counts a part": (
        ("At least nine people died in the floods on Tuesday, officials said.", TUE),
        (
            "Eight people died in New York City on Tuesday, and a man died in Passaic after "
            "he was trapped in his car, officials said.",
            TUE,
        ),
    ),
}


@pytest.mark.parametrize("first, second", SILENT.values(), ids=SILENT.keys())
def test_counts_of_other_quantities_stay_silent(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert _outcomes(first, second) == ([], [])


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The texts of every MiniLM call the comparison's evidence makes, in order."""
    import newsprism.comparison.discrepancies.evidence as evidence_module

    made: list[list[str]] = []
    real = evidence_module.embed_texts

    def counted(texts: list[str], package: str, **options: Any) -> Any:
        made.append(list(texts))
        return real(texts, package, **options)

    monkeypatch.setattr(evidence_module, "embed_texts", counted)
    return made


def test_the_words_of_a_comparison_are_embedded_in_one_call(calls: list[list[str]]) -> None:
    evidence = Evidence.of([], resolve_entities([]), Settings.load().embedding_package)
    evidence.embed_words(["death", "kill", "die"])
    near = [evidence.closeness(x, y) for x in ("death", "kill") for y in ("die", "kill")]
    assert calls == [["death", "die", "kill"]]
    assert near[3] == 1.0  # kill / kill
    assert 0.0 < near[0] < 1.0


def test_the_words_of_every_report_are_embedded_in_one_call(calls: list[list[str]]) -> None:
    """A MiniLM call costs far more than a word: the outcomes and nouns of all the reports
    go in one, and the counts compare as before."""
    killing = "A fire gutted a hotel in Porto on Monday, killing six guests, firefighters said."
    deaths = "There were eight deaths in a hotel fire in Porto on Monday, the city said."
    assert _outcomes((killing, TUE), (deaths, TUE)) == ([{"six", "eight"}], [])
    assert len(calls) == 1 and {"kill", "death", "guest"} <= set(calls[0])
