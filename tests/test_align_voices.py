"""Who says it is part of what is said: the same idea in the words of two named people is
two statements, not one fact several outlets report (self-written reports)."""

from __future__ import annotations

import pytest

from newsprism.comparison.pipeline import compare
from newsprism.comparison.voices import voices
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate
from newsprism.nlp.entities import resolve_entities

_VOTE_A = (
    "The town council voted on Monday to close the old river bridge for two years of "
    "repairs.\n\n"
    '"Closing the bridge will hurt every shop on Main Street," said Rosa Diaz, who chairs '
    "the council's budget committee."
)


def _vote_b(who: str) -> str:
    return (
        "The council on Monday voted to shut the old river bridge for two years while it is "
        "repaired.\n\n"
        f'"Shutting the bridge is going to hurt every business along Main Street," said {who}.'
    )


def _articles(*texts: str) -> list[Article]:
    settings = Settings.load()
    raws = [RawArticle(origin=f"o{i}", source=f"Outlet {i}", text=t) for i, t in enumerate(texts)]
    return annotate([prepare(r, settings) for r in raws], settings)


def _consensus(*texts: str) -> list[list[str]]:
    facts = compare(_articles(*texts)).facts
    return [[s.text or "" for s in f.sentences] for f in facts if f.kind == "consensus"]


@pytest.mark.parametrize(
    ("who", "one_fact"),
    [("Tom Okafor, the town's mayor", False), ("Rosa Diaz, the council's budget chief", True)],
)
def test_one_idea_in_two_speakers_words_is_two_statements(who: str, one_fact: bool) -> None:
    facts = _consensus(_VOTE_A, _vote_b(who))
    quoted = [f for f in facts if any("hurt every" in t for t in f)]
    assert bool(quoted) == one_fact
    # The vote itself is told by both, whoever is quoted on it.
    assert any(any("voted" in t for t in f) and len(f) == 2 for f in facts)


def test_the_speaker_of_a_sentence_is_its_quotes_or_its_verb_of_saying() -> None:
    articles = _articles(
        "Tom Okafor said the bridge would close for two years.\n\n"
        "The bridge opened in 1931.\n\n"
        "Police said the road was closed.",
        "Tom Okafor, the mayor of the town, spoke to reporters about the bridge on Monday.",
    )
    found = [v.speaker for v in voices(articles[0], resolve_entities(articles))]
    assert found == ["person:okafor", None, None]


def test_the_same_words_credited_to_two_people_stay_side_by_side() -> None:
    body = "The town council voted on Monday to close the old river bridge for repairs.\n\n"
    comparison = compare(
        _articles(
            body + '"We will rebuild the bridge before the spring floods," Rosa Diaz said.',
            body + '"We will rebuild the bridge before the spring floods," Tom Okafor said.',
        )
    )
    facts = [[s.text or "" for s in f.sentences] for f in comparison.facts]
    assert any(len(f) == 2 and all("rebuild" in t for t in f) for f in facts)
    assert [d.kind for d in comparison.discrepancies] == ["attribution"]
