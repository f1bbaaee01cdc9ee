"""The contradiction bench (`contradiction_bench.py`): every labelled contradiction is
reported, and nothing else. Cases the code still gets wrong are listed in `KNOWN` with the
reason, as strict expected failures: one that starts passing fails the run until it is
taken off."""

from __future__ import annotations

import pytest

from contradiction_bench import CASES
from contradiction_score import CaseResult, run_bench

# Group of a case: why the code still gets it wrong.
KNOWN: dict[str, str] = {
    "number: killed / died": "'passengers' / 'people': nouns MiniLM does not take for one thing",
    "number: an age as 'aged' and as an adjective": "'died aged 81' and 'He was 79' stand beside no name: coreference",
    "number: a ferry's licensed capacity": "'licensed to carry 150' / 'a capacity of 200': a verb and a noun",
    "number: an earthquake's magnitude": "the two doers are read as two actors",
    "number: two outlets citing different sources": "estimated at / marched: two slots, never aligned",
    "number: people on board": "carry / make: other events",
    "time: the hour of one event, two verbs (erupted / blew)": "'shortly after 8 a.m.' is a bound",
    "date: the day in paragraph three": "kill / happen: two verbs, never aligned",
    "time: two clock times in two zones": "cut / fail: other events",
    "place: where a ship sank": "'off' is no place preposition; the tagger takes Crete for an org",
    "place: the place in paragraph three": "tornado 'struck' twice in one report, never aligned",
    "number: a fine": "'Brussels' / 'the European Commission': one actor named two ways",
}


@pytest.fixture(scope="module")
def results() -> dict[str, CaseResult]:
    return {result.group: result for result in run_bench()}


def _params() -> list[object]:
    params: list[object] = []
    for group, _, _ in CASES:
        reason = KNOWN.get(group)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(group, marks=marks, id=group))
    return params


@pytest.mark.slow
@pytest.mark.parametrize("group", _params())
def test_the_contradictions_a_reader_names_and_no_other(
    results: dict[str, CaseResult], group: str
) -> None:
    result = results[group]
    missed = [
        label for label, found in zip(result.expected, result.found, strict=True) if not found
    ]
    alarms = [(d.kind, [c.text for c in d.claims]) for d in result.false_alarms]
    assert not missed, f"missed {missed}"
    assert not alarms, f"reported wrongly {alarms}"


def test_every_group_is_one_case_and_every_known_failure_names_one() -> None:
    groups = [group for group, _, _ in CASES]
    assert len(groups) == len(set(groups))
    assert set(KNOWN) <= set(groups)


def test_every_labelled_stretch_is_in_exactly_one_report() -> None:
    for group, reports, expected in CASES:
        for _, *needles in expected:
            for needle in needles:
                holders = [text for _, _, _, text in reports if needle in text]
                assert len(holders) == 1, f"{group}: {needle!r}"
