"""Running `compare` on the contradiction bench and matching what it reports to the
labels: shared by the bench's tests and by `benchmarks/contradiction_bench.py`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from contradiction_bench import CASES, Case, Expected
from newsprism.comparison.pipeline import compare
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Comparison, Discrepancy, RawArticle
from newsprism.nlp.annotation import annotate

# The kind a label is scored under: a day and an hour are one attribute, when.
SCORED = {"date": "when", "time": "when", "number": "number", "place": "place"}


def scored_kind(kind: str) -> str:
    return SCORED.get(kind, "other")


@dataclass
class CaseResult:
    """One case: which labelled contradictions were found, and what was reported wrongly."""

    group: str
    expected: list[Expected]
    found: list[bool] = field(default_factory=list)
    false_alarms: list[Discrepancy] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    comparison: Comparison | None = None

    @property
    def right(self) -> bool:
        return all(self.found) and not self.false_alarms


def label_span(articles: Sequence[Article], needle: str, group: str) -> tuple[str, int, int]:
    """The article holding ``needle`` and its offsets there."""
    holders = [(a, a.text.find(needle)) for a in articles if needle in a.text]
    if len(holders) != 1:
        raise ValueError(f"{group}: {needle!r} is in {len(holders)} reports, not one")
    article, start = holders[0]
    return article.id, start, start + len(needle)


def _meets(found: Discrepancy, label: Expected, articles: Sequence[Article], group: str) -> bool:
    """Both claims of ``found`` overlap the label's two stretches, and the kind fits."""
    kind, *needles = label
    if scored_kind(found.kind) != scored_kind(kind):
        return False
    spans = [label_span(articles, needle, group) for needle in needles]

    def covers(span: tuple[str, int, int]) -> bool:
        article, start, end = span
        return any(c.article == article and c.start < end and start < c.end for c in found.claims)

    return all(covers(span) for span in spans)


def score_case(
    case: Case, articles: Sequence[Article], reported: Sequence[Discrepancy]
) -> CaseResult:
    group, _, expected = case
    result = CaseResult(group, list(expected))
    result.found = [any(_meets(d, e, articles, group) for d in reported) for e in expected]
    result.false_alarms = [
        d for d in reported if not any(_meets(d, e, articles, group) for e in expected)
    ]
    return result


def _raw(index: int, outlet: str, headline: str, published: str | None, text: str) -> RawArticle:
    when = datetime.fromisoformat(published) if published else None
    return RawArticle(
        origin=f"case{index}-{outlet}.txt", source=outlet, title=headline, text=text, published=when
    )


def run_bench(cases: Sequence[Case] = CASES, settings: Settings | None = None) -> list[CaseResult]:
    """Compare each case's reports and score what is reported."""
    settings = settings or Settings.load(cache=False)
    prepared = [
        [prepare(_raw(i, *report), settings) for report in reports]
        for i, (_, reports, _) in enumerate(cases)
    ]
    annotated = iter(annotate([a for case in prepared for a in case], settings))
    results = []
    for case, articles in zip(cases, prepared, strict=True):
        mine = [next(annotated) for _ in articles]
        comparison = compare(mine, settings)
        result = score_case(case, mine, comparison.discrepancies)
        result.articles, result.comparison = mine, comparison
        results.append(result)
    return results
