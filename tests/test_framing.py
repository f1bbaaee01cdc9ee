"""Framing: only words an outlet uses markedly more than the others count as its own."""

from __future__ import annotations

from newsprism.comparison.framing import frame
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate


def _articles(*texts: tuple[str, str]) -> list[Article]:
    settings = Settings.load(cache=False)
    raws = [RawArticle(origin=f"{s}.txt", text=t, source=s) for s, t in texts]
    return annotate([prepare(r, settings) for r in raws], settings, embed=False)


LEFT = (
    "Undocumented immigrants crowded the border town on Monday. Local shelters said "
    "undocumented immigrants arrived by bus overnight. Mr. Lopez, the mayor, said the town "
    "would house undocumented immigrants in a school gym. Volunteers brought food for the "
    "undocumented immigrants and their children. A church opened its doors as well."
)
RIGHT = (
    "Illegal aliens crowded the border town on Monday. Local shelters said illegal aliens "
    "arrived by bus overnight. Mr. Lopez, the mayor, said the town would house illegal "
    "aliens in a school gym. Deputies watched the illegal aliens leave the station. "
    "A tractor blocked one road for an hour."
)


def test_a_term_one_outlet_repeats_is_its_framing_and_a_word_used_once_is_not() -> None:
    framing = frame(_articles(("left", LEFT), ("right", RIGHT)))
    terms = {outlet: [t.term for t in found] for outlet, found in framing.items()}
    assert "undocumented immigrants" in terms["left"]
    assert "illegal aliens" in terms["right"]
    # Said once by one outlet and never by the other: no evidence of a preference.
    assert not {"church", "tractor", "road"} & {t for found in terms.values() for t in found}
    assert not any("Mr." in t for found in terms.values() for t in found)


def test_reports_worded_alike_frame_nothing() -> None:
    same = "The council approved the budget on Tuesday after a long debate."
    assert frame(_articles(("a", same), ("b", same))) == {}
