"""Places of one happening compared across whole reports (`places_across`): a place is a
claim about one named happening wherever the two reports tell it, guarded as days and
counts are (each report places it once, names only its own place, on no other day)."""

from __future__ import annotations

from newsprism.comparison.discrepancies.across_places import places_across
from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp import resolve_entities
from newsprism.nlp.annotation import annotate

_ARRESTED_TULSA = (
    "Marco Lindqvist, a former bank manager, was arrested in Tulsa after investigators "
    "traced his phone to a motel.\n\nOfficers said he did not resist and was held without bail."
)
_ARRESTED_DALLAS = (
    "A man wanted for wire fraud in three states is in custody, prosecutors said.\n\n"
    "Federal agents arrested Marco Lindqvist in Dallas, ending the search."
)


def _places(first: str, second: str) -> list[set[str]]:
    settings = Settings.load()
    raws = [
        RawArticle(origin=name, source=name, text=text, published="2026-03-04T12:00:00+00:00")
        for name, text in (("Outlet A", first), ("Outlet B", second))
    ]
    articles: list[Article] = annotate([prepare(r, settings) for r in raws], settings)
    entities = resolve_entities(articles)
    evidence = Evidence.of(articles, entities)
    found = places_across(evidence, RoleComparer(articles, entities), [a.id for a in articles])
    return [{c.text or "" for c in d.claims} for d in found]


def test_one_named_happening_placed_otherwise_is_a_place_discrepancy() -> None:
    assert _places(_ARRESTED_TULSA, _ARRESTED_DALLAS) == [{"Tulsa", "Dallas"}]


def test_a_report_naming_both_places_tells_two_happenings() -> None:
    both = _ARRESTED_TULSA + "\n\nHe had lived in Dallas for a decade."
    assert not _places(both, _ARRESTED_DALLAS)


def test_a_happening_placed_on_two_days_is_two_happenings() -> None:
    monday = _ARRESTED_TULSA.replace("in Tulsa", "in Tulsa on Monday")
    friday = _ARRESTED_DALLAS.replace("in Dallas", "in Dallas on Friday")
    assert not _places(monday, friday)


def test_a_report_placing_the_happening_twice_is_not_clear() -> None:
    twice = _ARRESTED_TULSA + "\n\nMarco Lindqvist was arrested in Denver in a separate case."
    assert not _places(twice, _ARRESTED_DALLAS)


def test_two_states_are_two_places() -> None:
    texas = _ARRESTED_DALLAS.replace("in Dallas", "in Texas")
    oklahoma = _ARRESTED_TULSA.replace("in Tulsa", "in Oklahoma")
    assert _places(oklahoma, texas) == [{"Oklahoma", "Texas"}]


def test_a_city_inside_the_state_is_no_discrepancy() -> None:
    assert not _places(_ARRESTED_TULSA, _ARRESTED_DALLAS.replace("in Dallas", "in Oklahoma"))


def test_an_event_noun_a_verb_acts_on_is_the_happening() -> None:
    rally = "Senator Mark Ellis held a rally in Phoenix.\n\nHe spoke about water rights."
    rallied = "Senator Mark Ellis rallied farmers in Tucson.\n\nWater rights were his theme."
    assert _places(rally, rallied) == [{"Phoenix", "Tucson"}]
