"""The consensus bench (`consensus_bench.py`): two outlets' sentences are put into one shared
fact exactly when a reader would call them one statement. Cases the code still gets wrong
are listed in `KNOWN` with the reason, as strict expected failures: one that starts passing
fails the run until it is taken off."""

from __future__ import annotations

from typing import Any

import pytest

from consensus_bench import CASES, annotated, linked

# The first outlet's sentence of each case the code still gets wrong: why.
KNOWN: dict[str, str] = {
    "Twelve of the victims were children.": "'were among' is no copula complement to match",
    "The company announced on Wednesday that it will close its plant in Dayton.": (
        "the closing is still to come, the announcing is news: eras of two predicates"
    ),
    "The two sides agreed to a ceasefire late Sunday.": "a noun for the verb ('agreement')",
    "Thirty-one people died in the fire, the fire chief said.": "die / kill: two verbs",
    "The union rejected the company's latest offer on Saturday.": "reject / turn down",
    "The court ruled 5-4 that the law was unconstitutional.": "rule / strike down",
    "The House passed the highway bill on Wednesday, 240-190.": (
        "a happening a relative clause mentions (measured: tuning lost right facts; on the "
        "subject only, a held-out right fact)"
    ),
    "Governor Tom Reyes said he is considering an executive order to end the program.": (
        "two leads link whatever they tell"
    ),
    "Whitfield met with the families of the victims on Sunday.": (
        "participants through a preposition are not told apart"
    ),
    "The board hired Anna Bell as chief executive in 2019.": (
        "a paraphrase's claim compares participants, not the verb"
    ),
    "The House voted to impeach the judge.": "a judgment told with 'called'",
    "The state has cut $40 million from the transit budget, the governor's office said.": (
        "one verb, the object another's (measured cons9: asking the verb's participants to "
        "match lost right facts held out)"
    ),
    "Sen. Maria Lopez testified before the veterans committee on Thursday about the delays "
    "at the hospitals.": "two leads sharing the doer with another predicate",
    "The committee could issue subpoenas as early as next week.": (
        "a day after the report's may be a misdated day of the news: a value, not an era"
    ),
}


@pytest.fixture(scope="module")
def pairs() -> list[tuple[Any, Any]]:
    return annotated(CASES)


def _params() -> list[object]:
    params: list[object] = []
    for index, (group, first, _, same, _) in enumerate(CASES):
        reason = KNOWN.get(first)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        case_id = f"{group}-{index}-{'same' if same else 'apart'}"
        params.append(pytest.param(index, marks=marks, id=case_id))
    return params


@pytest.mark.parametrize("index", _params())
def test_one_statement_is_one_fact(pairs: list[tuple[Any, Any]], index: int) -> None:
    _, first, second, same, _ = CASES[index]
    assert linked(pairs[index]) is same, f"{first!r} / {second!r}"


def test_every_known_failure_names_one_case() -> None:
    firsts = [case[1] for case in CASES]
    assert len(firsts) == len(set(firsts))
    assert set(KNOWN) <= set(firsts)
