"""A discrepancy is two claims about the same attribute of the same event, not two similar
sentences: each class of false alarm seen on real coverage, on self-written reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.comparison.pipeline import compare
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare, read_articles
from newsprism.model import Article, Comparison, RawArticle
from newsprism.nlp.annotation import annotate

FERRY = Path(__file__).parent / "data" / "ferry-capsizing"


def _compare(first: str, second: str, published: str | None = None) -> Comparison:
    settings = Settings.load()
    raws = [
        RawArticle(origin=source, source=source, text=text, published=published)
        for source, text in (("Outlet A", first), ("Outlet B", second))
    ]
    articles: list[Article] = annotate([prepare(r, settings) for r in raws], settings)
    return compare(articles, settings)


def _kinds(first: str, second: str, published: str | None = None) -> list[tuple[str, set[str]]]:
    found = _compare(first, second, published).discrepancies
    return [(d.kind, {c.text or "" for c in d.claims}) for d in found]


def test_the_day_a_statement_was_made_is_not_the_day_of_the_event() -> None:
    assert not _kinds(
        "The ferry sank near the island on Tuesday, the coast guard said Wednesday, adding "
        "that divers were still searching the hull.",
        "The ferry sank near the island on Tuesday, the coast guard said Thursday as divers "
        "went on searching the wreck for survivors.",
    )


def test_the_day_of_a_reaction_is_not_the_day_of_the_event() -> None:
    found = _kinds(
        "The court struck down the voting law on Monday.\n\nLawyers for the state said they "
        "would study the ruling.",
        "The governor appealed on Tuesday after the court struck down the voting law.\n\n"
        "Lawyers for the state said they would study the ruling.",
    )
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


def test_an_outlet_naming_both_days_tells_two_events() -> None:
    found = _kinds(
        "The dam burst on Monday and the river flooded the valley on Tuesday, officials said.",
        "The river flooded the valley on Monday after the dam burst, officials said.\n\n"
        "Repairs to the dam began on Tuesday.",
    )
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


def test_the_same_event_on_another_day_is_a_date_discrepancy() -> None:
    found = _kinds(
        "The bridge over the river collapsed on Monday, killing two drivers.",
        "The bridge over the river collapsed on Sunday, killing two drivers.",
    )
    assert ("date", {"Monday", "Sunday"}) in found


# Sentences too unlike to be aligned into one fact; the day is still the day of one act.
_SIGNED_MONDAY = (
    "Governor Ana Ruiz signed the state budget on Monday, ending a month of talks with the "
    "legislature.\n\nThe budget adds 300 teachers and cuts the fuel tax."
)
_SIGNED_TUESDAY = (
    "Teachers unions cheered a spending plan that adds hundreds of classroom jobs.\n\n"
    "Lawmakers had fought over the plan for weeks before Ana Ruiz signed it on Tuesday, "
    "and the unions had threatened a strike in the spring."
)
_WEDNESDAY = "2026-03-04T12:00:00+00:00"


def test_one_named_act_dated_otherwise_across_reports_is_a_date_discrepancy() -> None:
    found = _kinds(_SIGNED_MONDAY, _SIGNED_TUESDAY, _WEDNESDAY)
    assert ("date", {"Monday", "Tuesday"}) in found


def test_a_report_dating_the_act_twice_tells_two_acts() -> None:
    twice = _SIGNED_MONDAY + "\n\nRuiz signed a separate tax bill on Friday."
    found = _kinds(twice, _SIGNED_TUESDAY, _WEDNESDAY)
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


def test_the_same_act_by_two_named_people_is_two_acts() -> None:
    other = _SIGNED_TUESDAY.replace("Ana Ruiz", "Mayor Tom Okafor")
    found = _kinds(_SIGNED_MONDAY, other, _WEDNESDAY)
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


def test_one_named_act_timed_otherwise_across_reports_is_a_time_discrepancy() -> None:
    first = _SIGNED_MONDAY.replace("on Monday", "at 9 a.m. on Tuesday")
    second = _SIGNED_TUESDAY.replace("on Tuesday", "at 4 p.m. on Tuesday")
    found = _kinds(first, second, _WEDNESDAY)
    assert [kind for kind, _ in found if kind in {"date", "time"}] == ["time"]


def test_a_bound_is_no_time_of_the_act() -> None:
    first = _SIGNED_MONDAY.replace("on Monday", "after 9 a.m. on Tuesday")
    second = _SIGNED_TUESDAY.replace("on Tuesday", "at 4 p.m. on Tuesday")
    found = _kinds(first, second, _WEDNESDAY)
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


def test_an_age_is_neither_a_date_nor_a_year() -> None:
    comparison = _compare(
        '"The water came in so fast," said Maria Ortega, 34, who swam to the shore.',
        '"The water came in so fast," said Maria Ortega, aged 34, a teacher from the town.',
    )
    assert not [e for e in comparison.timeline if "34" in e.time]
    assert not [d for d in comparison.discrepancies if d.kind in {"date", "time"}]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A negated condition and its positive paraphrase: both suppose, neither denies.
        (
            "Failure to reach a budget deal would force the city to close schools, the mayor warned.",
            "If they do not reach a budget deal, the city will close schools, the mayor warned.",
        ),
        # One outcome with two verbs.
        (
            "The negotiators could not break the impasse over the border talks on Friday.",
            "The border talks ended with no deal on Friday.",
        ),
        # What one outlet asks is no claim.
        (
            "Officials have not said whether the fire was set on purpose.",
            "Investigators said the fire was set on purpose.",
        ),
    ],
)
def test_restatements_and_open_questions_are_not_denials(first: str, second: str) -> None:
    assert not [kind for kind, _ in _kinds(first, second) if kind == "polarity"]


def test_a_denial_of_the_same_event_is_a_polarity_discrepancy() -> None:
    found = _kinds(
        "The company said in a statement that the tanker was not overloaded when it sailed.",
        "The tanker was overloaded when it sailed, according to the port authority.",
    )
    assert [kind for kind, _ in found] == ["polarity"]


def test_one_sides_offer_is_not_the_other_sides_demand() -> None:
    found = _kinds(
        "The union demanded a raise of 9 percent at the plant on Monday.",
        "The company offered a raise of 4 percent at the plant on Monday.",
    )
    assert not [kind for kind, _ in found if kind == "number"]


def test_counts_of_one_slot_of_one_event_are_compared_whatever_the_noun() -> None:
    found = _kinds(
        "Rescuers pulled 150 people from the river by nightfall.",
        "Rescuers had pulled 156 survivors from the river by nightfall.",
    )
    assert ("number", {"150", "156"}) in found


def test_counts_by_different_actors_are_different_quantities() -> None:
    found = _kinds(
        "The governor said 156 people had been rescued by the coast guard.",
        "All three were rescued by fishermen, the governor said.",
    )
    assert not [kind for kind, _ in found if kind == "number"]


def test_a_measure_in_a_things_name_is_compared_wherever_it_stands() -> None:
    found = _kinds(
        "Prosecutors unsealed a 48-page indictment against the mayor on Thursday.\n\n"
        "The mayor denied wrongdoing.",
        "The mayor denied wrongdoing.\n\nThe 47-page indictment accuses him of taking bribes "
        "from two builders.",
    )
    assert ("number", {"48", "47"}) in [(k, {t.split("-")[0] for t in c}) for k, c in found]


def test_a_proportion_is_not_two_counts() -> None:
    found = _kinds(
        "The senator said there was a two-in-three chance that the bill would pass.",
        'The senator put it at "a 2 in 3 chance" that the bill would pass on Friday.',
    )
    assert not [kind for kind, _ in found if kind == "number"]


def test_measures_of_two_things_of_one_name_are_not_compared() -> None:
    found = _kinds(
        "The rule change lets the chamber confirm judges with a simple majority of 51 votes.\n\n"
        "Debate began on Monday.",
        "Debate began on Monday.\n\nThe judge joined a five-vote conservative majority on the "
        "court in several cases.",
    )
    assert not [kind for kind, _ in found if kind == "number"]


def test_ranks_are_not_measures_of_a_thing() -> None:
    found = _kinds(
        "Millions of people who got a first shot of the vaccine have missed the next one.",
        "Millions of people have skipped their second shot of the vaccine, officials said.",
    )
    assert not [kind for kind, _ in found if kind == "number"]


def test_a_phrase_many_say_is_no_attribution() -> None:
    found = _kinds(
        'Senator Ruiz, who leads the panel, called the inquiry a "witch hunt" on Tuesday.',
        'The inquiry is a "witch hunt," Governor Banks told supporters at a rally on Tuesday.',
    )
    assert not [kind for kind, _ in found if kind == "attribution"]


def test_words_about_a_person_are_not_credited_to_that_person() -> None:
    found = _kinds(
        '"Tom Hale has lost his way," said Ana Reyes, who leads the party. Hale did not comment.',
        '"Tom Hale has lost his way," Hale said, according to the party. Reyes did not comment.',
    )
    assert not [kind for kind, _ in found if kind == "attribution"]


def test_the_ferry_reports_show_their_planted_differences() -> None:
    settings = Settings.load()
    files = ["asia-wire.txt", "manila-ledger.html", "pacific-herald.json"]
    articles = read_articles([str(FERRY / name) for name in files], settings).articles
    comparison = compare(articles, settings)
    kinds = {d.kind for d in comparison.discrepancies}
    assert {"attribution", "polarity", "number"} <= kinds
    values = [{c.value for c in d.claims} for d in comparison.discrepancies if d.kind == "number"]
    assert {31.0, 23.0} in values  # worded apart: "Thirty-one people were killed" / "killing 23"
    assert {150.0, 156.0} in values  # "pulled 150 people" / "had pulled 156 survivors"
    assert {150.0, 200.0} in values  # "licensed capacity of 150" / "licensed capacity is 200"
    # The capsizing, told with two verbs in sentences alignment leaves apart: 0000 / 0100 GMT.
    times = [{c.text for c in d.claims} for d in comparison.discrepancies if d.kind == "time"]
    assert times == [{"0100 GMT", "8 a.m. local time (0000 GMT)"}]
    # "at least 23" against 31 is a difference of precision, never a contradiction.
    numbers = [{c.text for c in d.claims} for d in comparison.discrepancies if d.kind == "number"]
    assert not [claims for claims in numbers if "At least 23" in claims]
    shown = [{c.text for c in d.claims} for d in comparison.differences]
    assert {"Thirty-one", "At least 23"} in shown
    # "at least 23" against 23 is the same count: nothing to show.
    assert not [claims for claims in shown if claims == {"At least 23", "23"}]
    # Ages are not on the timeline as years.
    assert not [e for e in comparison.timeline if e.time.startswith(("1934", "1941"))]


def test_a_vaguer_value_holding_the_other_is_a_difference_not_a_contradiction() -> None:
    comparison = _compare(
        "More than 5,000 soldiers were sent to the border, the ministry said.",
        "Some 5,200 soldiers were sent to the border, the ministry said.",
    )
    assert not comparison.discrepancies
    assert [{c.text for c in d.claims} for d in comparison.differences] == [
        {"More than 5,000", "Some 5,200"}
    ]


def test_a_vague_value_the_other_outlet_also_states_exactly_is_no_difference() -> None:
    comparison = _compare(
        "At least 40 people were hurt in the blast, police said.",
        "Police said 52 people were hurt in the blast.\n\nAt least 40 of them were taken "
        "to hospital.",
    )
    assert not [d for d in comparison.differences if d.kind == "number"]


_AUDIT_LAST_MONTH = (
    "Auditor Dana Whitfield released the audit of the port authority last month.\n\n"
    "It found two million dollars in unpaid invoices."
)
_AUDIT_LAST_WEEK = (
    "Port officials disputed every finding at a packed hearing.\n\n"
    "Dana Whitfield released the audit last week."
)


def test_a_month_and_a_week_that_cannot_overlap_are_two_dates() -> None:
    # Published Wednesday 18 March: last month is February, last week 9-15 March.
    found = _kinds(_AUDIT_LAST_MONTH, _AUDIT_LAST_WEEK, "2026-03-18T12:00:00+00:00")
    assert ("date", {"last month", "last week"}) in found


def test_a_month_that_may_hold_the_week_is_a_difference_in_precision() -> None:
    # Published Wednesday 4 March: last week (23 February - 1 March) lies partly in February.
    found = _kinds(_AUDIT_LAST_MONTH, _AUDIT_LAST_WEEK, _WEDNESDAY)
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


def test_a_state_is_no_happening_to_date() -> None:
    found = _kinds(
        "Senator Lee Park is up for re-election in November against a former mayor.",
        "Lee Park was in the news in January after a shouting match with a reporter.",
        "2026-04-22T12:00:00+00:00",
    )
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


# One vote, told with two verbs in sentences alignment leaves apart; the tally names it.
_PASSED_TUESDAY = (
    "The council measure on the harbor tax passed Tuesday and was sent to the mayor.\n\n"
    "It passed in a 7-2 vote after a long debate.\n\n"
    "On Wednesday, Mayor Ines Duarte said she would sign it."
)
_VOTED_WEDNESDAY = (
    "Dock workers rallied outside city hall for most of the week.\n\n"
    "On Wednesday, the council voted 7-2 on a bill that raises the harbor tax."
)


def test_one_tallied_vote_dated_otherwise_is_a_date_discrepancy() -> None:
    found = _kinds(_PASSED_TUESDAY, _VOTED_WEDNESDAY, _WEDNESDAY)
    assert ("date", {"Tuesday", "Wednesday"}) in found


def test_two_tallies_are_two_votes() -> None:
    other = _VOTED_WEDNESDAY.replace("7-2", "6-3")
    found = _kinds(_PASSED_TUESDAY, other, _WEDNESDAY)
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


def test_a_range_is_no_tally() -> None:
    found = _kinds(
        "The storm dropped 3-5 inches of rain on Tuesday across the valley.\n\n"
        "Crews cleared roads overnight.",
        "Residents reported flooding in low streets on Wednesday.\n\n"
        "Forecasters had predicted 3-5 inches of rain for the valley.",
        _WEDNESDAY,
    )
    assert not [kind for kind, _ in found if kind in {"date", "time"}]


_PASSING_TUESDAY = (
    "Mayor Ines Duarte spent Wednesday touring the flooded docks.\n\n"
    "She praised the council for passing the measure on Tuesday, and said the harbor needed "
    "the money."
)


def _three(third: str) -> list[tuple[str, set[str]]]:
    settings = Settings.load()
    texts = (("Outlet A", _PASSED_TUESDAY), ("Outlet B", _VOTED_WEDNESDAY), ("Outlet C", third))
    raws = [RawArticle(origin=s, source=s, text=t, published=_WEDNESDAY) for s, t in texts]
    articles = annotate([prepare(r, settings) for r in raws], settings)
    found = compare(articles, settings).discrepancies
    return [(d.kind, {c.text or "" for c in d.claims}) for d in found]


def test_a_report_without_the_tally_tells_the_vote_through_what_was_voted() -> None:
    # C gives no tally, but dates A's verb for A's measure: the vote B dates otherwise.
    found = _three(_PASSING_TUESDAY)
    assert found.count(("date", {"Tuesday", "Wednesday"})) == 2


@pytest.mark.parametrize("thing", ["a parking rule", "the parking measure"])
def test_the_same_verb_for_another_thing_is_another_vote(thing: str) -> None:
    # Another noun, or the same noun said to be another one (the harbor tax's measure).
    found = _three(_PASSING_TUESDAY.replace("the measure", thing))
    assert found.count(("date", {"Tuesday", "Wednesday"})) == 1
