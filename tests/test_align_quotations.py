"""Quoted words are found whatever marks enclose them: straight, typographic or wire copy's."""

from __future__ import annotations

import pytest

from newsprism.comparison.sentences import sentence_features
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import RawArticle
from newsprism.nlp.annotation import annotate

WORDS = "we will rebuild every pier"


@pytest.mark.parametrize(
    "text",
    [
        'The mayor said: "We will rebuild every pier" after the storm.',
        "The mayor said: “We will rebuild every pier” after the storm.",
        "The mayor said: ``We will rebuild every pier'' after the storm.",
    ],
)
def test_a_quotation_is_read_inside_any_kind_of_mark(text: str) -> None:
    settings = Settings.load()
    article = prepare(RawArticle(origin="o", source="Outlet", text=text), settings)
    [article] = annotate([article], settings)
    features = sentence_features(article)
    assert features.quotations[0] == frozenset({WORDS})
