"""The full level's stand-ins for spaCy's attribute ruler and lemmatizer give spaCy's output."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from conftest import DATA
from newsprism.config import Settings
from newsprism.nlp.components import LookupAttributeRuler, use_faster_components
from newsprism.nlp.models import PARAGRAPH_COMPONENT, spacy_pipeline

# Each sentence exercises rules other than a tag's mapping: contractions, negation, auxiliaries
# by dependency, determiners used as pronouns, regular expressions over two tokens, spaces.
_SENTENCES = [
    "He ain't coming, and y'all know it's nothin' new.",
    "That was all that we had; those who left didn't return.",
    "I'd have gone if they'd asked, but we're not sure she's been told.",
    "The ministers   will meet on Tuesday.\n\nThey are expected to vote 396-9.",
    "Which one? Whatever he says, it's what I'd've done too.",
    "Officials said 31 people were killed and 150 were rescued by the No. 3 ferry.",
]


def _annotations(doc: Any) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Any:
    """The pipeline as newsprism builds it, with spaCy's own attribute ruler and lemmatizer."""
    name = Settings.load(cache=False).spacy_model
    spacy_pipeline(name)  # registers newsprism's paragraph rules
    nlp = spacy.load(name)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def test_the_pipeline_runs_the_stand_ins_under_spacys_names() -> None:
    nlp = spacy_pipeline(Settings.load(cache=False).spacy_model)
    kinds = {name: type(nlp.get_pipe(name)).__name__ for name in nlp.component_names}
    assert kinds["attribute_ruler"] == "LookupAttributeRuler"
    assert kinds["lemmatizer"] == "CachedLemmatizer"


def test_the_stand_ins_give_spacys_annotations_on_news_text(stock: Any) -> None:
    nlp = spacy_pipeline(Settings.load(cache=False).spacy_model)
    report = (DATA / "report.txt").read_text(encoding="utf-8")
    texts = [*_SENTENCES, report]
    # Twice: the second time every word comes from the stand-ins' caches.
    for _ in range(2):
        for text in texts:
            assert _annotations(nlp(text)) == _annotations(stock(text))


def test_rules_with_sets_expressions_and_operators_apply_in_spacys_order() -> None:
    """A ruler of every kind of rule, spaCy's and the look-up, on the same parsed words."""
    patterns: list[dict[str, Any]] = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"LOWER": {"IN": ["cats", "dogs"]}}]], "attrs": {"LEMMA": "pet"}},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": {"REGEX": "^r.n"}}]], "attrs": {"LEMMA": "run"}},
        {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": "very"}, {"LOWER": "big", "OP": "+"}]], "attrs": {"POS": "ADV"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Plur"}},
    ]
    words = ["the", "cat", "ran", "  ", "very", "big", "big", "dogs", "runs", "the"]
    tags = ["DT", "NN", "VBD", "_SP", "RB", "JJ", "JJ", "NNS", "VBZ", "DT"]

    def annotated(lookup: bool) -> list[tuple[str, str, str, str, str, str]]:
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add_patterns(patterns)
        doc = spacy.tokens.Doc(nlp.vocab, words=words, tags=tags)
        (LookupAttributeRuler(ruler) if lookup else ruler)(doc)
        return _annotations(doc)

    assert annotated(lookup=True) == annotated(lookup=False)
    assert annotated(lookup=True)[1][2:4] == ("PROPN", "Number=Plur")


def test_a_pipeline_without_the_components_is_left_as_it_is() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    use_faster_components(nlp)
    assert nlp.pipe_names == ["sentencizer"]
