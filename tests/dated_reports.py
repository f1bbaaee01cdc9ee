"""Short self-written reports, each with its publication time, prepared and annotated as
`compare` reads them: shared by the tests of the detectors that weigh whole reports."""

from __future__ import annotations

from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate


def dated_reports(*reports: tuple[str, str | None]) -> list[Article]:
    """One article per (text, published) pair, each from its own outlet."""
    settings = Settings.load()
    raws = [
        RawArticle(origin=f"Outlet {i}", source=f"Outlet {i}", text=text, published=published)
        for i, (text, published) in enumerate(reports)
    ]
    return annotate([prepare(r, settings) for r in raws], settings)
