"""Renderings of a `Comparison` (and of a stored story's report) for people: Markdown, a
self-contained HTML page, CSV, JSON."""

from newsprism.report.csv import to_csv
from newsprism.report.html import to_html
from newsprism.report.markdown import article_name, citation_marks, human_time, to_markdown
from newsprism.report.notebook import to_notebook_html
from newsprism.report.per_outlet import coverage
from newsprism.report.story import outlets, render_story_report, story_json, to_story_markdown
from newsprism.report.titles import neutral_title
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
    "coverage",
    "human_time",
    "neutral_title",
    "outlets",
    "render_report",
    "render_story_report",
    "report_format",
    "save_report",
    "story_json",
    "to_csv",
    "to_html",
    "to_markdown",
    "to_notebook_html",
    "to_story_markdown",
    "write_report",
]
