"""Sentences their source cut off ("…", "...", a feed's cut mark, no closing punctuation at
the end of a text) never reach a summary as they are; only a complete clause opening them."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import RawArticle
from newsprism.nlp.annotation import annotate
from newsprism.nlp.models import spacy_pipeline
from newsprism.summary import summarize
from newsprism.summary.candidates import candidates_of
from newsprism.summary.truncated import complete_clause, cut_off


@pytest.fixture(scope="module")
def nlp(single_thread_torch: None) -> Any:
    return spacy_pipeline(Settings.load(cache=False).spacy_model)


@pytest.mark.parametrize(
    ("sentence", "last", "cut"),
    [
        ("The ministry said it had summoned the...", False, True),
        ("The ministry said it had summoned the…", False, True),
        ('He called it "a disgrace and a..."', False, True),
        ("The board met on Monday to discuss the [...]", False, True),
        ("The board met on Monday to discuss the budget [+1234 chars]", False, True),
        ("The board met on Monday to discuss the budget", True, True),
        ("The board met on Monday to discuss the budget", False, False),
        ("The board met on Monday to discuss the budget.", True, False),
        ('"We will not back down," she said.', True, False),
    ],
)
def test_cut_off(sentence: str, last: bool, cut: bool) -> None:
    assert cut_off(sentence, last) is cut


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        (
            "Republicans have slammed Biden's proposals for $400 billion to boost caregiving "
            "for the elderly and disabled, $174 billion...",
            None,  # "$174 billion" is the next item of the list of proposals
        ),
        (
            "Many Americans are flush with cash after having received relief checks, along...",
            "Many Americans are flush with cash after having received relief checks",
        ),
        (
            "The board upheld Facebook's decision to suspend Trump after the riot, but it "
            "criticized the social network...",
            "The board upheld Facebook's decision to suspend Trump after the riot",
        ),
        # No verb with its subject before the break: nothing to keep.
        ("The student involved in the case, known in court...", None),
        # What follows the break is the next item of a list: cutting it would claim too little.
        ("The plan pays for new roads, bridges, airports and...", None),
        # Nothing before the break is a whole clause: the object is after it.
        ("The minister said that, despite the protests, the...", None),
    ],
)
def test_complete_clause(nlp: Any, sentence: str, clause: str | None) -> None:
    end = complete_clause(nlp(sentence), 0, len(sentence))
    assert (sentence[:end] if end is not None else None) == clause


EXCERPTS = [
    "Senate Republicans unveiled a $568 billion infrastructure plan on Thursday, countering "
    "the president's far larger package.\n\nThe board upheld the decision to suspend the "
    "account after the riot at the Capitol, but it criticized the social network...",
    "Senate Republicans called for spending $568 billion to rebuild the nation's roads and "
    "bridges, in sharp contrast to the White House plan.\n\nThe ministry said it had summoned "
    "the ambassador of the country over the remarks by the...",
]


def test_no_summary_sentence_is_cut_off(tmp_path: Any, single_thread_torch: None) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    raws = [
        RawArticle(origin=f"r{i}.txt", text=text, source=f"outlet {i}", input_id=f"r{i}")
        for i, text in enumerate(EXCERPTS)
    ]
    articles = annotate([prepare(r, settings) for r in raws], settings)
    texts = [c.text for c in candidates_of(articles)]
    assert not any(t.endswith(("...", "…")) for t in texts)
    assert any(t.endswith("after the riot at the Capitol.") for t in texts)
    assert not any("summoned" in t for t in texts)
    summary = summarize(articles, settings, max_words=100)
    assert summary.sentences
    for sentence in summary.sentences:
        assert sentence.text.rstrip("\"”’')").endswith((".", "!"))
        assert not sentence.text.endswith(("...", "…"))
