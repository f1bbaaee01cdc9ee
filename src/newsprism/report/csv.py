"""A `Comparison` as one CSV table: every fact, discrepancy and quote, one row per passage.

One long table rather than three files: a spreadsheet filters it by ``section``, and every
row carries the passage it rests on (article, character offsets, text) like the report does.
"""

from __future__ import annotations

import csv
import io

from newsprism.model import Comparison
from newsprism.report.markdown import plain_value

COLUMNS = (
    "section",
    "item",
    "kind",
    "outlet",
    "article",
    "input_id",
    "start",
    "end",
    "text",
    "value",
    "speaker",
    "description",
)


def to_csv(comparison: Comparison) -> str:
    """Facts (``consensus``/``exclusive``), discrepancies and differences in precision (one
    row per claim, with its value) and quotes (one row per outlet's rendering, with the match kind and speaker)."""
    refs = {a.id: a for a in comparison.articles}

    def where(article: str) -> dict[str, object]:
        ref = refs.get(article)
        return {
            "outlet": (ref.source if ref else None) or "",
            "article": article,
            "input_id": (ref.input_id if ref else None) or "",
        }

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, fact in enumerate(comparison.facts, 1):
        for span in fact.sentences:
            writer.writerow(
                {"section": "fact", "item": f"fact {i}", "kind": fact.kind, **where(span.article),
                 "start": span.start, "end": span.end, "text": span.text or ""}
            )  # fmt: skip
    for section, found in (
        ("discrepancy", comparison.discrepancies),
        ("difference", comparison.differences),
    ):
        for i, discrepancy in enumerate(found, 1):
            for claim in discrepancy.claims:
                writer.writerow(
                    {"section": section, "item": f"{section} {i}", "kind": discrepancy.kind,
                     **where(claim.article), "start": claim.start, "end": claim.end,
                     "text": claim.text or "", "value": plain_value(claim.value),
                     "description": discrepancy.description}
                )  # fmt: skip
    for i, quote in enumerate(comparison.quotes, 1):
        for occurrence in quote.occurrences:
            writer.writerow(
                {"section": "quote", "item": f"quote {i}", "kind": occurrence.match,
                 **where(occurrence.article), "start": occurrence.start, "end": occurrence.end,
                 "text": occurrence.text or "",
                 "speaker": occurrence.speaker_text or quote.speaker or ""}
            )  # fmt: skip
    return buffer.getvalue()
