"""Writing a report to a file whose suffix says which kind: .html, .md, .json or .csv."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.model import Article, Comparison
from newsprism.report.csv import to_csv
from newsprism.report.html import to_html
from newsprism.report.markdown import to_markdown


class Format(StrEnum):
    html = "html"
    markdown = "md"
    json = "json"
    csv = "csv"


def report_format(path: Path) -> Format:
    """The kind of report ``path`` asks for; a clear error for any other suffix."""
    try:
        return Format(path.suffix.lower().lstrip("."))
    except ValueError:
        kinds = ", ".join(f".{f.value}" for f in Format)
        raise NewsprismError(
            f"{path}: cannot write this kind of file; use one of {kinds}"
        ) from None


def render_report(kind: Format, comparison: Comparison, articles: Sequence[Article]) -> str:
    """The report as text of the given kind."""
    if kind is Format.json:
        return comparison.model_dump_json(indent=2) + "\n"
    if kind is Format.markdown:
        return to_markdown(comparison)
    if kind is Format.csv:
        return to_csv(comparison)
    return to_html(comparison, articles)


def write_report(path: Path, comparison: Comparison, articles: Sequence[Article]) -> None:
    """Write ``comparison`` to ``path`` as HTML, Markdown, JSON or CSV, chosen by the suffix."""
    save_report(path, render_report(report_format(path), comparison, articles))


def save_report(path: Path, text: str) -> None:
    """Write a rendered report; a clear error when the file cannot be written."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise NewsprismError(f"{path}: cannot write the report: {error.strerror}") from None
