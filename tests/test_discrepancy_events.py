"""Which event a value belongs to, across reports that word it otherwise: the rules that
keep the contradiction bench's controls silent, each on self-written reports."""

from __future__ import annotations

import pytest

from contradiction_bench import Case
from contradiction_score import CaseResult, run_bench
from newsprism.comparison.discrepancies.frames import names_event, told_predicates
from newsprism.config import Settings
from newsprism.nlp.models import spacy_pipeline

MON = "2026-03-02T18:00:00+00:00"
THU = "2026-03-05T18:00:00+00:00"
FRI = "2026-03-06T18:00:00+00:00"

_LANDSLIDE = (
    "A",
    "Landslide buries village",
    THU,
    "A landslide buried between 20 and 30 "
    "houses in the village of Brenta on Wednesday.\n\nRescuers dug through the night.",
)
_MORRIS = (
    "A",
    "Planner quits",
    THU,
    "The architect Lena Morris quit the city planning board on "
    "Tuesday, citing ill health.\n\nShe had served on it since 2015.",
)
_PARKING = (
    "A",
    "Parking plan passes",
    THU,
    "The city council passed the parking plan 7-2 on Wednesday.\n\nThe plan raises meter fees.",
)

CASES: list[Case] = [
    (
        "a reaction's lead names the event it reacts to",
        [
            ("A", "Court voids map", THU, "A state court threw out the district map on Monday.\n\n"
             "The map had been drawn by the legislature."),
            ("B", "Speaker assails ruling", THU, "The speaker on Wednesday assailed a ruling that "
             "threw out the district map.\n\nLawmakers will appeal, he said."),
        ],
        [],
    ),
    (
        "an act by two named doers is two acts",
        [
            ("A", "Assembly backs budget", THU, "The Assembly passed the state budget on Monday.\n\n"
             "The budget adds money for schools."),
            ("B", "Budget clears Senate", THU, "The Senate passed the state budget on Wednesday, "
             "sending it to the governor.\n\nIt adds money for schools."),
        ],
        [],
    ),
    (
        "a running total told on a later day",
        [
            ("A", "Floods kill six", MON, "Floods in northern Italy killed six people on Monday, "
             "officials said.\n\nRivers were rising."),
            ("B", "Italy floods", THU, "Floods in northern Italy have now killed 11 people, "
             "officials said on Thursday.\n\nRivers kept rising."),
        ],
        [],
    ),
    (
        "a lower count on a later day is a correction",
        [
            ("A", "Floods kill eleven", MON, "Floods in northern Italy killed 11 people on Monday, "
             "officials said.\n\nRivers were rising."),
            ("B", "Italy floods", THU, "Floods in northern Italy killed six people on Monday, "
             "officials said on Thursday.\n\nRivers kept rising."),
        ],
        [("number", "killed 11 people", "killed six people")],
    ),
    (
        "a rate a year is not a total over years",
        [
            ("A", "Nurses settle", THU, "Nurses will get an 8 percent raise over two years under "
             "a deal reached on Wednesday.\n\nThe strike is over."),
            ("B", "Nurses deal", THU, "Nurses will get a raise of 4 percent a year for two years "
             "under a deal reached on Wednesday.\n\nThe strike has ended."),
        ],
        [],
    ),
    (
        "a sum set before the thing it measures",
        [
            ("A", "Port deal", THU, "The city awarded a $40 million contract to a Dutch firm on "
             "Wednesday to dredge the port.\n\nWork starts in May."),
            ("B", "Port dredging deal signed", THU, "The city signed a $45 million dredging "
             "contract with a Dutch firm on Wednesday.\n\nWork begins in May."),
        ],
        [("number", "$40 million", "$45 million")],
    ),
    (
        "the value a rate falls to",
        [
            ("A", "Inflation eases", THU, "The inflation rate fell to 2.8 percent in February, "
             "the statistics office said on Wednesday.\n\nFood prices rose."),
            ("B", "Prices cool", THU, "The annual inflation rate slipped to 2.6 percent in "
             "February, official data showed on Wednesday.\n\nFood costs went up."),
        ],
        [("number", "2.8 percent", "2.6 percent")],
    ),
    (
        "a number word the tagger leaves out",
        [
            ("A", "Miners rescued", THU, "Rescuers freed 7 miners from a flooded mine in Wales "
             "on Wednesday.\n\nThe mine had flooded after heavy rain."),
            ("B", "Welsh mine rescue", THU, "Nine miners were freed by rescuers from a flooded "
             "mine in Wales on Wednesday.\n\nHeavy rain had flooded the mine."),
        ],
        [("number", "freed 7 miners", "Nine miners")],
    ),
    (
        "a phrasal verb is no verb of saying",
        [
            ("A", "Band cancels shows", THU, "Red Pines called off its tour on Monday, saying its "
             "singer was ill.\n\nTicket holders will get refunds."),
            ("B", "Red Pines cancel tour", THU, "Citing the singer's illness, Red Pines called off "
             "all of its concerts on Tuesday.\n\nRefunds will be offered."),
        ],
        [("date", "on Monday", "on Tuesday")],
    ),
    (
        "a name and a noun for one doer",
        [
            ("A", "Senate passes bill", THU, "The Senate passed a bill on Tuesday to fund rural "
             "broadband.\n\nThe bill provides $9 billion."),
            ("B", "Broadband bill", THU, "Senators approved a bill on Wednesday to fund rural "
             "broadband.\n\nThe bill provides $9 billion."),
        ],
        [("date", "on Tuesday", "on Wednesday")],
    ),
    (
        "a dateline's date is when the report was filed",
        [
            ("Wire", "Port strike", THU, "ROTTERDAM, March 4 (Wire) — Dock workers shut the port "
             "of Rotterdam on Wednesday.\n\nShips queued offshore."),
            ("Paper", "Rotterdam port shut", THU, "Dock workers shut the port of Rotterdam on "
             "Wednesday.\n\nShips waited offshore."),
        ],
        [],
    ),
    (
        "a dateline is not the lead's doer",
        [
            ("Wire", "Storm lands", THU, "MIAMI (Wire) — Hurricane Bo made landfall in Florida on "
             "Wednesday with strong winds.\n\nPower was cut to many homes."),
            ("Paper", "Bo hits Florida", THU, "Hurricane Bo came ashore in Florida on Tuesday with "
             "strong winds.\n\nMany homes lost power."),
        ],
        [("date", "on Wednesday", "on Tuesday")],
    ),
    (
        "a report that counts its night as another tells the night before too",
        [
            ("A", "Riot in Derby", MON, "Police arrested 30 people in Derby on Friday night after "
             "cars were set alight.\n\nThe mayor called for calm."),
            ("B", "Derby unrest", MON, "Police arrested 50 people in Derby on Saturday night, after "
             "another night of rioting.\n\nShops stayed shut."),
        ],
        [],
    ),
    (
        "the second day of a summit dates only the day before",
        [
            ("A", "Pact signed", FRI, "The two leaders signed the river pact on Wednesday, the "
             "second day of the summit.\n\nThe pact shares the water."),
            ("B", "River pact", FRI, "The two leaders signed the river pact on Thursday.\n\n"
             "It shares the water of the river."),
        ],
        [("date", "on Wednesday", "on Thursday")],
    ),
    *[
        (group, [_LANDSLIDE, ("B", "Brenta landslide", THU, f"{count} houses were buried by a "
                 "landslide in the village of Brenta on Wednesday.\n\nRescuers worked overnight.")],
         expected)
        for group, count, expected in (
            ("a stated range against a value outside it", "About 90",
             [("number", "between 20 and 30", "About 90 houses")]),
            ("a value inside a stated range", "Twenty-five", []),
        )
    ],
    *[
        (group, [_MORRIS, ("B", "Board member quits", THU, f"{doer} quit the city planning board "
                 "on Wednesday, citing ill health.\n\nThe board meets monthly.")], expected)
        for group, doer, expected in (
            ("a noun with the name beside it is the name", "Lena Morris",
             [("date", "on Tuesday", "on Wednesday")]),
            ("two nouns with two names beside them are two doers", "The engineer Tom Reyes", []),
        )
    ],
    *[
        (group, [_PARKING, ("B", "Council backs parking plan", THU, "The city council approved "
                 f"the parking plan by a vote of 6-3 on Wednesday.\n\n{after}")], expected)
        for group, after, expected in (
            ("one vote given two tallies", "Meter fees will rise.",
             [("number", "7-2", "6-3")]),
            ("a report giving both tallies tells two votes",
             "A first version had passed 7-2 in May.", []),
        )
    ],
]  # fmt: skip


@pytest.fixture(scope="module")
def results() -> dict[str, CaseResult]:
    return {result.group: result for result in run_bench(CASES)}


@pytest.mark.parametrize("group", [group for group, _, _ in CASES])
def test_values_of_one_event_and_no_other(results: dict[str, CaseResult], group: str) -> None:
    result = results[group]
    assert all(result.found), f"missed {result.expected}"
    assert not result.false_alarms, [[c.text for c in d.claims] for d in result.false_alarms]


@pytest.mark.parametrize(
    ("sentence", "verb", "dated", "apart"),
    [
        # The shooting is the event the arrest follows.
        (
            "Police arrested a suspect on Sunday in the shooting of a man.",
            "shoot",
            "arrested",
            True,
        ),
        (
            "The council approved the freeze on Thursday after a long debate.",
            "debate",
            "approved",
            True,
        ),
        ("The speaker assailed a ruling that threw out the map.", "throw", "assailed", True),
        # A new noun tells how the sentence's own event came about.
        ("The Senate passed the bill on Tuesday in a 52-48 vote.", "vote", "passed", False),
        ("The Senate passed the bill on Tuesday.", "vote", "passed", False),
    ],
)
def test_a_sentence_that_names_another_event_dates_its_own(
    sentence: str, verb: str, dated: str, apart: bool
) -> None:
    doc = spacy_pipeline(Settings.load(cache=False).spacy_model)(sentence)
    own = next(t for t in doc if t.text == dated)
    assert names_event(own.sent, verb, own) is apart


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        # The small parser reads the vehicle and its verb as a noun with a participle on
        # the verb of saying (a second subject, an adverb, or beside the dateline).
        ("A ferry capsized on Lake Victoria on Tuesday, police said.", {"capsized", "said"}),
        (
            "NAIROBI (Wire) — A minibus overturned on the Nairobi-Mombasa highway on Friday, "
            "police said.",
            {"overturned", "said"},
        ),
        # A participle on a verb's object, or in a sentence telling its own clause, is what
        # it seems: a word on a noun.
        ("Police said a man arrested on Friday.", {"said"}),
        ("Passengers rescued on Tuesday told reporters the ferry had listed.", {"told", "listed"}),
        ("The ferry, carrying 187 people, sank on Tuesday.", {"sank"}),
    ],
)
def test_a_clause_the_parser_hung_on_its_subject_is_the_sentence_s_own(
    sentence: str, told: set[str]
) -> None:
    doc = spacy_pipeline(Settings.load(cache=False).spacy_model)(sentence)
    assert {doc[i].text for i in told_predicates(next(doc.sents))} == told
