"""The story's event is what each report's lead tells, whatever verb it uses: its times are
compared across reports, with the guards that keep two times one attribute of one event.
Self-written reports."""

from __future__ import annotations

import pytest

from newsprism.comparison.discrepancies.frames import derives_from
from newsprism.comparison.pipeline import compare
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate

_THURSDAY = "2026-05-14T10:00:00+00:00"


def _times(first: str, second: str, published: str | None = _THURSDAY) -> list[set[str]]:
    settings = Settings.load()
    raws = [
        RawArticle(origin=source, source=source, text=text, published=published)
        for source, text in (("Outlet A", first), ("Outlet B", second))
    ]
    articles: list[Article] = annotate([prepare(r, settings) for r in raws], settings)
    found = compare(articles, settings).discrepancies
    return [{c.text or "" for c in d.claims} for d in found if d.kind in {"date", "time"}]


_CAPSIZED = (
    "Nineteen people drowned when a cargo barge sank in the Rio Celeste on Wednesday, river "
    "police said.\n\n"
    "The barge Dona Rosa capsized at about 0300 GMT near the town of Puerto Lino, the police "
    "said.\n\n"
    "Divers recovered the last bodies late on Wednesday."
)
_OVERTURNED = (
    "At least 19 people drowned after a cargo barge sank in the Rio Celeste on Wednesday "
    "morning, police said.\n\n"
    "The Dona Rosa, an old steel barge bound for Puerto Lino, overturned shortly after 0200 "
    "GMT in fast water.\n\n"
    "Relatives waited on the bank for news."
)


def test_the_leads_event_dated_otherwise_with_another_verb_is_a_time_discrepancy() -> None:
    assert {"0300 GMT", "0200 GMT"} in _times(_CAPSIZED, _OVERTURNED)


def test_a_report_naming_both_times_tells_two_events() -> None:
    both = _OVERTURNED.replace(
        "Relatives waited", "The crew had radioed for help at 0300 GMT. Relatives waited"
    )
    assert not _times(_CAPSIZED, both)


def test_a_step_of_a_sequence_in_the_lead_is_not_the_event() -> None:
    # "left ... at 0140 GMT and overturned 20 minutes later": the departure's time is no
    # time of the capsizing.
    sequence = _OVERTURNED.replace(
        "The Dona Rosa, an old steel barge bound for Puerto Lino, overturned shortly after 0200 "
        "GMT in fast water.",
        "The Dona Rosa left the port of San Blas at 0140 GMT and overturned 20 minutes later "
        "in fast water.",
    )
    assert not _times(_CAPSIZED, sequence)


def test_a_bound_is_not_a_time() -> None:
    # "after 0200 GMT" says only that it was later; "shortly after" narrows it to a time.
    bound = _OVERTURNED.replace("shortly after 0200", "after 0200")
    assert not _times(_CAPSIZED, bound)


def test_two_named_vessels_are_two_events() -> None:
    other = _OVERTURNED.replace("The Dona Rosa, an old", "The Santa Clara, an old")
    assert not _times(_CAPSIZED, other)


def test_leads_that_tell_other_happenings_are_not_compared() -> None:
    # A follow-up whose lead is the inquiry, not the sinking.
    follow_up = (
        "The river authority opened an inquiry on Thursday into safety on the Rio Celeste, "
        "where barges carry most of the region's grain.\n\n"
        "Inspectors boarded three barges at 0200 GMT near Puerto Lino."
    )
    assert not _times(_CAPSIZED, follow_up)


def test_a_noun_made_of_the_leads_verb_dates_the_event() -> None:
    later = (
        "At least 19 people drowned after a cargo barge sank in the Rio Celeste, police "
        "said.\n\n"
        "Survivors said the barge was overloaded with grain.\n\n"
        "The sinking at 0200 GMT was the worst on the river in years, police said."
    )
    assert {"0300 GMT", "0200 GMT"} in _times(_CAPSIZED, later)


@pytest.mark.parametrize(
    ("noun", "verb", "derived"),
    [
        ("vote", "vote", True),
        ("capsizing", "capsize", True),
        ("sinking", "sink", True),
        ("election", "elect", True),
        ("nomination", "nominate", True),
        ("approval", "approve", True),
        ("closure", "close", True),
        ("announcement", "announce", True),
        ("session", "sink", False),
        ("meeting", "meet", True),
        ("mention", "meet", False),
        ("ring", "r", False),
    ],
)
def test_event_nouns_derive_from_their_verbs(noun: str, verb: str, derived: bool) -> None:
    assert derives_from(noun, verb) is derived
