"""One quotation is one statement: a quotation of several sentences that only one outlet
carries is listed once, whole, in the article's own words (self-written reports)."""

from __future__ import annotations

from newsprism.comparison.pipeline import compare
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate

_SHARED = "A ferry carrying 140 passengers sank near Port Vila on Tuesday morning."
_A = (
    f"{_SHARED} Rescuers pulled dozens of survivors from the water.\n\n"
    '"My brother called me from the deck. That was the last time I heard him," said Mara '
    "Tuilagi, who waited at the pier.\n\n"
    "The harbour office said an inquiry would begin next week."
)
_B = (
    "A ferry with 140 passengers on board sank off Port Vila on Tuesday morning. "
    "Coast guard boats searched the area until nightfall."
)


def _articles(*texts: str) -> list[Article]:
    settings = Settings.load()
    raws = [RawArticle(origin=f"o{i}", source=f"Outlet {i}", text=t) for i, t in enumerate(texts)]
    return annotate([prepare(r, settings) for r in raws], settings)


def test_a_quotation_cut_by_said_x_is_one_exclusive_fact() -> None:
    articles = _articles(_A, _B)
    comparison = compare(articles)
    exclusive = [s for f in comparison.facts if f.kind == "exclusive" for s in f.sentences]
    pieces = [s for s in exclusive if "brother" in (s.text or "") or "last time" in (s.text or "")]
    assert len(pieces) == 1
    [whole] = pieces
    assert "My brother called me from the deck." in (whole.text or "")
    assert "That was the last time I heard him" in (whole.text or "")
    # What is shown is the article's own words at the span.
    assert whole.text == articles[0].text[whole.start : whole.end]
    # Sentences outside the quotation stay facts of their own.
    assert any((s.text or "").startswith("The harbour office said") for s in exclusive)
