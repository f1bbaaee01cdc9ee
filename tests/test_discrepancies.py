"""Contradictions between outlets inside shared facts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsprism.comparison.align import align_facts
from newsprism.comparison.discrepancies.find import find_disagreements
from newsprism.comparison.discrepancies.places import PlaceKnowledge
from newsprism.comparison.pipeline import compare
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Discrepancy, Entity, RawArticle
from newsprism.nlp.annotation import annotate
from newsprism.nlp.entities import EntityIndex, resolve_entities


def _articles(*texts: tuple[str, str]) -> list[Article]:
    settings = Settings.load()
    raws = [RawArticle(origin=source, source=source, text=text) for source, text in texts]
    return annotate([prepare(r, settings) for r in raws], settings)


def test_different_death_tolls_are_a_number_discrepancy() -> None:
    articles = _articles(
        (
            "Outlet A",
            "A powerful earthquake struck the coastal city of Valdora on Monday, killing 12 people and destroying hundreds of homes.\n\nRescue teams searched the rubble through the night.",
        ),
        (
            "Outlet B",
            "An earthquake struck the coastal city of Valdora on Monday, killing 15 people and destroying many homes.\n\nThe mayor asked for international help.",
        ),
    )
    result = compare(articles)
    numbers = [d for d in result.discrepancies if d.kind == "number"]
    assert numbers, result.discrepancies
    values = {c.value for c in numbers[0].claims}
    assert values == {12.0, 15.0}


@pytest.mark.parametrize(("days_apart", "weighed"), [(None, True), (1, True), (10, False)])
def test_reports_days_apart_are_updates_not_contradictions(
    days_apart: int | None, weighed: bool
) -> None:
    first, second = _articles(
        (
            "Outlet A",
            "Floods in the valley killed 12 people on Monday, officials said.\n\n" + _MORE[0],
        ),
        (
            "Outlet B",
            "Floods in the valley killed 15 people on Monday, officials said.\n\n" + _MORE[1],
        ),
    )
    if days_apart is not None:
        day = datetime(2024, 5, 6, 12, tzinfo=UTC)
        first = first.model_copy(update={"published": day})
        second = second.model_copy(update={"published": day + timedelta(days=days_apart)})
    result = compare([first, second], Settings.load(discrepancy_days=3))
    assert any(d.kind == "number" for d in result.discrepancies) is weighed


def test_equal_values_written_differently_are_not_discrepancies() -> None:
    articles = _articles(
        (
            "Outlet A",
            "The company said it would cut 1,500 jobs across its European factories this year.",
        ),
        (
            "Outlet B",
            "The company will cut 1.5 thousand jobs across its European factories this year, it said.",
        ),
    )
    result = compare(articles)
    assert not [d for d in result.discrepancies if d.kind == "number"]


def _number_claims(first: str, second: str) -> list[set[str]]:
    articles = _articles(("Outlet A", first), ("Outlet B", second))
    result = compare(articles)
    return [{c.text or "" for c in d.claims} for d in result.discrepancies if d.kind == "number"]


def test_numbers_both_reports_share_are_not_weighed_against_each_other() -> None:
    sentence = (
        "The jury set $6 million in punitive damages and $330,000 in compensatory damages "
        "for the family of the injured driver."
    )
    assert _number_claims(sentence, sentence) == []


def test_a_changed_number_among_shared_ones_is_the_discrepancy() -> None:
    found = _number_claims(
        "The jury set $6 million in punitive damages and $330,000 in compensatory damages.",
        "The jury set $6 million in punitive damages and $350,000 in compensatory damages.",
    )
    assert found == [{"330,000", "350,000"}]


@pytest.mark.parametrize(
    ("first", "second", "claims"),
    [
        # A bare number counts what its verb tells.
        (
            "The storm killed two people and injured 124 in the river towns.",
            "The storm killed two people and injured 142 in the river towns.",
            {"124", "142"},
        ),
        # "of" names what is counted.
        (
            "The governor said 17 of the counties had asked for federal help.",
            "The governor said 19 of the counties had asked for federal help.",
            {"17", "19"},
        ),
        # Durations are amounts of time.
        (
            "The judge ordered the two suspects held for another five days.",
            "The judge ordered the two suspects held for another eight days.",
            {"another five days", "another eight days"},
        ),
    ],
)
def test_numbers_without_a_noun_of_their_own(first: str, second: str, claims: set[str]) -> None:
    assert _number_claims(first, second) == [claims]


def test_a_scale_word_keeps_its_value() -> None:
    assert (
        _number_claims(
            "The mayor said the city did not have the $960,000 needed for the bridge repairs.",
            "The mayor said the city did not have the $960 thousand needed for the bridge repairs.",
        )
        == []
    )


def test_a_weekday_is_not_agreed_by_the_year_both_reports_name() -> None:
    articles = _articles(
        (
            "Outlet A",
            "The group began its 1998 campaign against the dam on Monday.",
        ),
        (
            "Outlet B",
            "The group began its 1998 campaign against the dam on Sunday.",
        ),
    )
    for article in articles:
        article.published = None
    result = compare(articles)
    dates = [d for d in result.discrepancies if d.kind in {"date", "time"}]
    assert [{c.text for c in d.claims} for d in dates] == [{"Monday", "Sunday"}]


# --- participants and places -----------------------------------------------------------

# Each report gets a second paragraph of its own, as real reports have more than one.
_MORE = (
    "Officials from both governments described the talks to reporters in some detail.",
    "Reporters waited outside the building for most of the afternoon.",
)


def _role_discrepancies(first: str, second: str) -> list[Discrepancy]:
    articles = _articles(
        ("Outlet A", f"{first}\n\n{_MORE[0]}"), ("Outlet B", f"{second}\n\n{_MORE[1]}")
    )
    entities = resolve_entities(articles)
    found = find_disagreements(articles, align_facts(articles, entities), entities).contradictions
    texts = {a.id: a.text for a in articles}
    for d in found:
        for claim in d.claims:
            assert texts[claim.article][claim.start : claim.end] == claim.text
    return [d for d in found if d.kind in {"participant", "place"}]


def test_a_different_actor_of_the_same_meeting_is_a_participant_discrepancy() -> None:
    found = _role_discrepancies(
        "Secretary of State Mike Pompeo met Kim Yong Chol, a senior North Korean official, "
        "in New York on Thursday to prepare the summit.",
        "National Security Adviser John Bolton met Kim Yong Chol, a senior North Korean "
        "official, in New York on Thursday to prepare the summit.",
    )
    assert [d.kind for d in found] == ["participant"]
    assert [(c.text, c.value) for c in found[0].claims] == [
        ("Mike Pompeo", "Mike Pompeo"),
        ("John Bolton", "John Bolton"),
    ]
    assert "Mike Pompeo" in found[0].description and "John Bolton" in found[0].description


def test_a_different_person_met_is_a_participant_discrepancy() -> None:
    found = _role_discrepancies(
        "Trump met Kim Jong Un in Hanoi on Wednesday for a dinner at the hotel.",
        "Trump met Moon Jae-in in Hanoi on Wednesday for a dinner at the hotel.",
    )
    assert [d.kind for d in found] == ["participant"]
    assert {c.value for c in found[0].claims} == {"Kim Jong Un", "Moon Jae-in"}


def test_who_announced_a_thing_is_a_participant() -> None:
    found = _role_discrepancies(
        "Norwegian minister Ole Peter Kolby announced a contribution of $200,000 on Monday.",
        "UN deputy Louise Frechette announced a contribution of $200,000 on Monday.",
    )
    assert [d.kind for d in found] == ["participant"]
    assert {c.value for c in found[0].claims} == {"Ole Peter Kolby", "Louise Frechette"}


def test_a_place_named_before_the_thing_is_compared() -> None:
    found = _role_discrepancies(
        "Turkish officials criticized the outcome of the Luxembourg summit on Saturday.",
        "Turkish officials criticized the outcome of the Helsinki summit on Saturday.",
    )
    assert [d.kind for d in found] == ["place"]
    assert [c.text for c in found[0].claims] == ["Luxembourg", "Helsinki"]


def test_a_different_city_is_a_place_discrepancy() -> None:
    articles_text = (
        "The two leaders held their second summit in Hanoi on Wednesday and Thursday, "
        "officials said.",
        "The two leaders held their second summit in Da Nang on Wednesday and Thursday, "
        "officials said.",
    )
    found = _role_discrepancies(*articles_text)
    assert [d.kind for d in found] == ["place"]
    assert [(c.text, c.value) for c in found[0].claims] == [
        ("Hanoi", "Hanoi"),
        ("Da Nang", "Da Nang"),
    ]


def test_a_different_state_is_a_place_discrepancy() -> None:
    found = _role_discrepancies(
        "The storm made landfall in Texas on Friday with winds of 130 mph.",
        "The storm made landfall in Louisiana on Friday with winds of 130 mph.",
    )
    assert [(d.kind, {c.value for c in d.claims}) for d in found] == [
        ("place", {"Texas", "Louisiana"})
    ]


def test_a_city_lies_in_the_country_the_story_names_for_it() -> None:
    found = _role_discrepancies(
        "Officials said the talks were held in Da Nang, Vietnam, on Monday.",
        "Officials said the talks were held in Thailand on Monday.",
    )
    assert [(d.kind, [c.value for c in d.claims]) for d in found] == [
        ("place", ["Da Nang, Vietnam", "Thailand"])
    ]


def test_a_place_the_story_puts_inside_the_other_is_no_discrepancy() -> None:
    borough = "The fire broke out in Brooklyn on Monday night and spread to three buildings."
    city = "The fire broke out in New York City on Monday night and spread to three buildings."
    explained = f"{borough}\n\nBrooklyn, New York City's most populous borough, is crowded."
    assert _role_discrepancies(explained, city) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "North Korea fired two short-range missiles into the sea on Saturday, the South "
            "Korean military said.",
            "The DPRK fired two short-range missiles into the sea on Saturday, the South "
            "Korean military said.",
            id="alias",
        ),
        pytest.param(
            "The two leaders held their second summit in Hanoi, Vietnam, on Wednesday.",
            "The two leaders held their second summit in Vietnam on Wednesday.",
            id="city-in-country",
        ),
        pytest.param(
            "Police arrested the suspect in Paris on Monday after a two-week manhunt.",
            "Police arrested the suspect in France on Monday after a two-week manhunt.",
            id="city-in-country-by-gazetteer",
        ),
        pytest.param(
            "The storm made landfall in Los Angeles on Friday with winds of 130 mph.",
            "The storm made landfall in California on Friday with winds of 130 mph.",
            id="city-and-state",
        ),
        pytest.param(
            "Officials praised the outcome of the Hanoi summit on Friday.",
            "Officials praised the outcome of the Vietnam summit on Friday.",
            id="modifier-city-in-country",
        ),
        pytest.param(
            "After the Singapore summit, the Hanoi summit ended without a deal on Thursday.",
            "The Hanoi summit ended without a deal on Thursday.",
            id="modifier-of-two-summits",
        ),
        pytest.param(
            "Trump and Kim signed a joint statement at the Capella Hotel in Singapore on Tuesday.",
            "Trump signed a joint statement at the Capella Hotel in Singapore on Tuesday.",
            id="shorter-list",
        ),
        pytest.param(
            "Pompeo and Bolton met Kim Yong Chol in New York on Thursday.",
            "Pompeo met Kim Yong Chol in New York on Thursday.",
            id="shorter-list-of-subjects",
        ),
        pytest.param(
            "Beijing condemned the missile test on Sunday and called for restraint.",
            "China condemned the missile test on Sunday and called for restraint.",
            id="capital-for-country",
        ),
        pytest.param(
            "Kim Jong Un, joined by Moon Jae-in, met Mike Pompeo in Hanoi on Wednesday evening.",
            "Moon Jae-in met Mike Pompeo in Hanoi on Wednesday evening.",
            id="named-in-another-role",
        ),
        pytest.param(
            "Kim Jong Un met Moon Jae-in and Mike Pompeo in Hanoi on Wednesday evening.",
            "Kim Jong Un met Mike Pompeo in Hanoi on Wednesday evening.",
            id="shorter-list-of-objects",
        ),
        pytest.param(
            "Newt Gingrich filed for divorce from his wife in July, court records show.",
            "Marianne Gingrich was told by telephone in May. Gingrich filed for divorce from "
            "his wife in July, court records show.",
            id="bare-surname",
        ),
        pytest.param(
            "About 250,000 Canadians are infected with hepatitis C, health officials estimate.",
            "About four million Americans are infected with hepatitis C, health officials "
            "estimate.",
            id="groups-of-people",
        ),
        pytest.param(
            "He met Kim Jong Un in Hanoi on Wednesday for a dinner at the hotel.",
            "Trump met Kim Jong Un in Hanoi on Wednesday for a dinner at the hotel.",
            id="pronoun",
        ),
        pytest.param(
            "Trump announced that no agreement was reached at the summit in Hanoi on Thursday.",
            "The White House announced that no agreement was reached at the summit in Hanoi on "
            "Thursday.",
            id="an-announcement-is-a-statement",
        ),
        pytest.param(
            "Trump said no agreement was reached at the summit in Hanoi on Thursday.",
            "The White House said no agreement was reached at the summit in Hanoi on Thursday.",
            id="different-sources-may-both-say-it",
        ),
        pytest.param(
            "Rushdie was condemned to death in 1989 by Ayatollah Ruhollah Khomenei for his novel.",
            "Rushdie was condemned to death in 1989 by Ayatollah Ruhollah Khomeini for his novel.",
            id="misspelling",
        ),
    ],
)
def test_compatible_reports_have_no_participant_or_place_discrepancy(
    first: str, second: str
) -> None:
    assert _role_discrepancies(first, second) == []


def test_times_agreed_in_a_list_are_not_discrepancies() -> None:
    articles = _articles(
        ("Outlet A", f"The talks took place on Wednesday and Thursday in Geneva.\n\n{_MORE[0]}"),
        ("Outlet B", f"The talks took place on Wednesday and Thursday in Geneva.\n\n{_MORE[1]}"),
    )
    entities = resolve_entities(articles)
    found = find_disagreements(articles, align_facts(articles, entities), entities).contradictions
    assert not [d for d in found if d.kind in {"date", "time"}]


def test_hanoi_reports_have_no_participant_or_place_discrepancy(
    annotated_examples: list[Article],
) -> None:
    entities = resolve_entities(annotated_examples)
    facts = align_facts(annotated_examples, entities)
    found = find_disagreements(annotated_examples, facts, entities).contradictions
    assert not [d for d in found if d.kind in {"participant", "place"}]


def _place(name: str, type_: str = "GPE") -> Entity:
    return Entity(name=name, type=type_)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Hanoi", "Da Nang", True),
        ("Germany", "France", True),
        ("Texas", "Ohio", True),
        ("Hanoi", "Vietnam", False),
        ("Paris", "France", False),
        ("Houston", "Texas", False),
        ("Gaza City", "Gaza", False),
        ("Hanoi", "Hanoi", False),
        # GeoNames' cities: a city against another country...
        ("Helsinki", "Luxembourg", True),
        ("Hanoi", "Thailand", True),
        ("Bilbao", "Spain", False),
        ("Seattle", "Washington", False),
        # ... or against a state or region it does not lie in,
        ("Dallas", "Ohio", True),
        ("Bilbao", "Madrid", True),
        ("Montreal", "Quebec", False),
        # ... but not a name that cities of similar size share in several countries.
        ("Lincoln", "England", False),
        ("Springfield", "Ohio", False),
    ],
)
def test_place_conflicts_from_the_gazetteer(a: str, b: str, conflict: bool) -> None:
    places = PlaceKnowledge([], EntityIndex([]))
    assert places.conflict(_place(a), _place(b)) is conflict
    assert places.conflict(_place(b), _place(a)) is conflict


@pytest.mark.parametrize(
    ("first", "second", "claims"),
    [
        # An ordinal ranks what it modifies.
        (
            "Ruritania became the 40th nation to ratify the fishing treaty on Tuesday.",
            "Ruritania became the 42nd nation to ratify the fishing treaty on Tuesday.",
            {"40th", "42nd"},
        ),
        (
            "Thousands of marchers celebrated the fourth anniversary of the harbour accord.",
            "Thousands of marchers celebrated the fifth anniversary of the harbour accord.",
            {"fourth", "fifth"},
        ),
        # Both ends of a stated range are claims, though the ranges overlap.
        (
            "The nurses are demanding raises of between 150 and 200 percent this year.",
            "The nurses are demanding raises of between 120 and 200 percent this year.",
            {"150", "120"},
        ),
        # Ages are not only counted in years.
        (
            "The mayor blamed the council for the 16-month-old dispute over the harbour.",
            "The mayor blamed the council for the 18-month-old dispute over the harbour.",
            {"16-month-old", "18-month-old"},
        ),
        # "more than" rounds down: these cannot both be right.
        (
            "Residents sent more than 180,000 letters to the ministry about the new airport.",
            "Residents sent more than 280,000 letters to the ministry about the new airport.",
            {"more than 180,000", "more than 280,000"},
        ),
    ],
)
def test_ranks_ranges_and_rounded_numbers(first: str, second: str, claims: set[str]) -> None:
    assert _number_claims(first, second) == [claims]


def test_a_rounded_number_restated_is_no_discrepancy() -> None:
    assert (
        _number_claims(
            "Residents sent more than 180,000 letters to the ministry about the new airport.",
            "Residents sent over 180,000 letters to the ministry about the new airport.",
        )
        == []
    )


def _kinds(first: str, second: str) -> list[Discrepancy]:
    articles = _articles(("Outlet A", first), ("Outlet B", second))
    return compare(articles).discrepancies


def test_a_short_quote_credited_to_another_speaker_is_an_attribution_discrepancy() -> None:
    found = _kinds(
        'Marta Lind spoke at the rally in Oslo. The crowd cheered when Lind said "Go home now."',
        'Marta Lind spoke at the rally in Oslo. The crowd cheered when Brandt said "Go home now."',
    )
    attributions = [d for d in found if d.kind == "attribution"]
    assert len(attributions) == 1, found
    assert {c.value for c in attributions[0].claims} == {"Marta Lind", "Brandt"}


def test_one_quote_read_differently_where_both_name_both_people_is_no_discrepancy() -> None:
    from newsprism.comparison.discrepancies.attributions import aligned_attributions
    from newsprism.model import Fact, Quote, QuoteOccurrence, Span

    text = 'Witnesses were Ann Lee and Rob Tan, who said, "It was so sad."'

    def rendering(article: str, speaker: str) -> QuoteOccurrence:
        start = text.index("It was")
        return QuoteOccurrence(
            article=article, start=start, end=start + 14, text="It was so sad.",
            match="verbatim", speaker_text=speaker,
        )  # fmt: skip

    fact = Fact(
        kind="consensus",
        articles=["a", "b"],
        sentences=[Span(article="a", start=0, end=len(text)), Span(article="b", start=0, end=len(text))],
    )  # fmt: skip
    quotes = [Quote(text="It was so sad.", occurrences=[rendering("a", "Ann Lee")]),
              Quote(text="It was so sad.", occurrences=[rendering("b", "Rob Tan")])]  # fmt: skip
    index = EntityIndex([])
    assert aligned_attributions([fact], quotes, index, {"a": text, "b": text}) == []


def test_a_dateline_day_anchors_today_before_the_publication_date() -> None:
    from datetime import datetime

    settings = Settings.load()
    texts = (
        "PARIS, February 20 (Xinhua) -- Prime Minister Jean Morel today reiterated the "
        "government's plan to cut the deficit.",
        "PARIS, February 20 (Xinhua) -- Prime Minister Jean Morel on Tuesday reiterated the "
        "government's plan to cut the deficit.",
    )
    raws = [
        RawArticle(origin=f"{i}", source=f"S{i}", text=t, published=datetime(1996, 2, 21))
        for i, t in enumerate(texts)
    ]
    articles = annotate([prepare(r, settings) for r in raws], settings)
    found = compare(articles).discrepancies
    assert not [d for d in found if d.kind in {"date", "time"}], found


def test_a_different_town_near_which_a_plant_is_built_is_a_place_discrepancy() -> None:
    found = _kinds(
        "The cabinet approved a plan for setting up a desalination plant near Boston on Monday.",
        "The cabinet approved a plan for setting up a desalination plant near Chicago on Monday.",
    )
    assert [d.kind for d in found if d.kind == "place"] == ["place"], found


def test_the_place_one_list_does_not_share_is_the_place_discrepancy() -> None:
    found = _kinds(
        "The chain opened similar stores in Boston and Denver last month.",
        "The chain opened similar stores in Boston and Chicago last month.",
    )
    places = [d for d in found if d.kind == "place"]
    assert len(places) == 1, found
    assert {c.text for c in places[0].claims} == {"Denver", "Chicago"}


def test_a_denied_stop_word_verb_is_a_polarity_discrepancy() -> None:
    # "call" is a stop word to spaCy; denying it still flips the claim.
    articles = _articles(
        (
            "Outlet A",
            "The review board called for more money for research into river pollution.\n\nIts members met in Corvale.",
        ),
        (
            "Outlet B",
            "The review board did not call for more money for research into river pollution.\n\nIts members met in Corvale.",
        ),
    )
    result = compare(articles)
    assert any(d.kind == "polarity" for d in result.discrepancies), result.discrepancies
