"""Renderings of a `Comparison` for people: Markdown, a self-contained HTML page, CSV."""

from newsprism.report.csv import to_csv
from newsprism.report.html import to_html
from newsprism.report.markdown import article_name, citation_marks, to_markdown
from newsprism.report.write import (
    Format,
    render_report,
    report_format,
    save_report,
    write_report,
)

__all__ = [
    "Format",
    "article_name",
    "citation_marks",
    "render_report",
    "report_format",
    "save_report",
    "to_csv",
    "to_html",
    "to_markdown",
    "write_report",
]
