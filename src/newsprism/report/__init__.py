"""Renderings of a `Comparison` for people: Markdown and a self-contained HTML page."""

from newsprism.report.html import to_html
from newsprism.report.markdown import citation_marks, to_markdown
from newsprism.report.write import (
    Format,
    render_report,
    report_format,
    save_report,
    write_report,
)

__all__ = [
    "Format",
    "citation_marks",
    "render_report",
    "report_format",
    "save_report",
    "to_html",
    "to_markdown",
    "write_report",
]
