"""Attributes of one named person or organization compared across whole reports: a
person's age (`ages_across`), weighed against the days between the reports, and the seat
of an organization (`seats_across`), set on its name, not on a verb."""

from __future__ import annotations

from dated_reports import dated_reports
from newsprism.comparison.discrepancies.across_places import seats_across
from newsprism.comparison.discrepancies.ages import ages_across
from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.nlp import resolve_entities

WED = "2026-03-04T12:00:00+00:00"
WED_NIGHT = "2026-03-04T21:00:00+00:00"
THU = "2026-03-05T09:00:00+00:00"

_DOYLE_34 = (
    "A teacher was charged on Wednesday over a crash that killed a cyclist in Tucson.\n\n"
    "Karen Doyle, 34, was driving home from work when her car hit the cyclist, police said."
)
_DOYLE_36 = (
    "An Arizona woman was charged on Wednesday in the death of a cyclist.\n\n"
    "Karen Doyle, 36, faces a charge of vehicular manslaughter, prosecutors said."
)


def _ages(*reports: tuple[str, str | None]) -> list[set[str]]:
    articles = dated_reports(*reports)
    evidence = Evidence.of(articles, resolve_entities(articles))
    return [
        {c.text or "" for c in d.claims} for d in ages_across(evidence, [a.id for a in articles])
    ]


def _seats(first: str, second: str) -> list[set[str]]:
    articles = dated_reports((first, WED), (second, WED))
    entities = resolve_entities(articles)
    evidence = Evidence.of(articles, entities)
    found = seats_across(evidence, RoleComparer(articles, entities), [a.id for a in articles])
    return [{c.text or "" for c in d.claims} for d in found]


def test_one_person_given_two_ages_on_one_day_is_a_contradiction() -> None:
    assert _ages((_DOYLE_34, WED), (_DOYLE_36, WED_NIGHT)) == [
        {"Karen Doyle, 34", "Karen Doyle, 36"}
    ]


def test_an_age_in_a_noun_or_with_aged_is_an_age() -> None:
    aged = _DOYLE_36.replace("Karen Doyle, 36,", "Karen Doyle, aged 36,")
    noun = _DOYLE_34.replace("Karen Doyle, 34,", "The 34-year-old Karen Doyle")
    assert _ages((noun, WED), (aged, WED)) == [{"34-year-old Karen Doyle", "Karen Doyle, aged 36"}]


def test_a_birthday_may_fall_between_two_days() -> None:
    older = _DOYLE_34.replace("34", "35")
    assert not _ages((_DOYLE_34, WED), (older, THU))
    assert _ages((older, WED), (_DOYLE_34, THU))  # younger the next day: no birthday does that


def test_an_undated_report_says_nothing_about_an_age() -> None:
    assert not _ages((_DOYLE_34, None), (_DOYLE_36, WED))


def test_the_same_age_and_an_age_given_twice_say_nothing() -> None:
    assert not _ages((_DOYLE_34, WED), (_DOYLE_34.replace("police", "officers"), WED))
    twice = _DOYLE_36 + "\n\nKaren Doyle, 35, has taught at the school for a decade."
    assert not _ages((_DOYLE_34, WED), (twice, WED))


def test_two_people_of_one_surname_are_not_one_person() -> None:
    family = (
        "Mark Dunmore and his wife, Lena Dunmore, were found at the house on Tuesday.\n\n"
        "Dunmore, 44, had worked at the mill for a decade, neighbors said."
    )
    other = (
        "Police were called to the Dunmore house on Tuesday.\n\n"
        "Dunmore, 39, was taken to hospital, the sheriff said."
    )
    assert not _ages((family, WED), (other, WED))


def test_an_age_in_a_quotation_or_of_another_year_is_no_claim() -> None:
    quoted = _DOYLE_36.replace(
        "Karen Doyle, 36, faces",
        '"Karen Doyle, 36, is a good teacher," a colleague said. She faces',
    )
    assert not _ages((_DOYLE_34, WED), (quoted, WED))
    then = _DOYLE_36.replace("faces a charge", "was fined in 2019 and now faces a charge")
    assert not _ages((_DOYLE_34, WED), (then, WED))


_SEAT_MONTGOMERY = (
    "A jury awarded $6 million to a woman and her son on Wednesday.\n\n"
    "Lena Ortiz, the co-founder of the Gulf Coast Legal Foundation in Montgomery, Ala., said the "
    "group would collect every dollar."
)
_SEAT_BIRMINGHAM = (
    "The verdict was won by lawyers for the Gulf Coast Legal Foundation, a nonprofit group in "
    "Birmingham, Ala., that has sued several militias.\n\n"
    "The jury deliberated for two days."
)


def test_one_organization_seated_in_two_cities_is_a_place_discrepancy() -> None:
    assert _seats(_SEAT_MONTGOMERY, _SEAT_BIRMINGHAM) == [{"Montgomery", "Birmingham"}]


def test_a_report_naming_the_other_city_says_nothing() -> None:
    both = _SEAT_BIRMINGHAM + "\n\nThe group also has an office in Montgomery."
    assert not _seats(_SEAT_MONTGOMERY, both)


def test_a_country_is_no_seat() -> None:
    abroad = _SEAT_BIRMINGHAM.replace("Birmingham, Ala.", "Haiti")
    assert not _seats(_SEAT_MONTGOMERY, abroad)


def test_a_place_on_the_verb_of_an_object_is_no_seat() -> None:
    sued = (
        "A woman sued the Gulf Coast Legal Foundation in Birmingham on Wednesday.\n\n"
        "The jury deliberated for two days."
    )
    assert not _seats(_SEAT_MONTGOMERY, sued)
