"""Renderings of a stored story's report (`StoryReport`): Markdown, JSON, and the
comparison's own HTML and CSV with what is new."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.model import Article, ArticleRef, Comparison, Story, StoryReport, Summary
from newsprism.report.csv import to_csv
from newsprism.report.html import to_html
from newsprism.report.markdown import (
    UNDATED,
    article_name,
    cited_sentence,
    escape,
    human_time,
    to_markdown,
)
from newsprism.report.per_outlet import coverage, published_span
from newsprism.report.titles import neutral_title
from newsprism.report.write import Format


def outlets(story: Story) -> str:
    """The story's outlets, each once, in order of arrival."""
    return ", ".join(dict.fromkeys(s for s in story.sources if s))


def _cited(summary: Summary, number: dict[str, int], outlet: dict[str, str]) -> str:
    parts = [cited_sentence(sentence, number, outlet) for sentence in summary.sentences]
    return " ".join(parts) or "Nothing to add."


def _utc(when: datetime | None) -> str:
    return f"{when:%Y-%m-%d %H:%M} UTC" if when is not None else UNDATED


def _published(articles: Sequence[Article]) -> str:
    """When the story's articles were published, never the time an undated one was read."""
    span = published_span(articles)
    undated = sum(a.published is None for a in articles)
    if span is None:
        return "undated"
    first, last = span
    when = (
        f"{first:%Y-%m-%d %H:%M} UTC"
        if first == last
        else f"{first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} UTC"
    )
    return f"{when}, {undated} undated" if undated else when


def _coverage(articles: Sequence[Article], filed: Mapping[str, datetime]) -> list[str]:
    """Per outlet: how many articles, first and last (UTC)."""
    shown = coverage(articles, filed)
    if shown is None or (len(shown.outlets) < 2 and shown.outlets[0].articles < 2):
        return []
    lines = ["## Coverage", "", "| Outlet | Articles | First | Last |", "|---|---|---|---|"]
    for row in shown.outlets:
        undated = f" ({row.undated} undated)" if row.undated else ""
        lines.append(
            f"| {escape(row.outlet)} | {row.articles}{undated} | "
            f"{_utc(row.first)} | {_utc(row.last)} |"
        )
    return [*lines, ""]


def to_story_markdown(report: StoryReport, articles: Sequence[Article]) -> str:
    """The report as Markdown: the story, what is new, then the comparison."""
    story = report.story
    number = {aid: i for i, aid in enumerate(report.articles, 1)}
    outlet = {a.id: a.source or a.id for a in articles}
    # A fact the outlets share, not one outlet's headline (which may take a side).
    shared = neutral_title(report.comparison) if report.comparison is not None else None
    size = f"{story.size} article{'' if story.size == 1 else 's'}"
    head = [
        f"# {escape(shared or story.title or story.id)}",
        "",
        f"Story {story.id}: {size} from {escape(outlets(story)) or 'unknown outlets'}, "
        f"{_published(articles)}.",
        "",
    ]
    head += [f"> {escape(n)}\n" for n in report.notices]
    head += _coverage(articles, report.filed)
    if report.update is not None and report.since is not None:
        head += [
            f"## New since {report.since:%Y-%m-%d %H:%M} UTC",
            "",
            _cited(report.update, number, outlet),
            "",
        ]
    if report.comparison is not None:
        body = to_markdown(report.comparison).split("\n", 1)[1]  # drop its own title
        return "\n".join(head) + body
    by_id = {a.id: a for a in articles}
    lines = [*head, "## Articles", ""]
    for aid in report.articles:
        a = by_id[aid]
        when = human_time(a.published) or UNDATED
        lines.append(
            f"{number[aid]}. {escape(a.source or '')} — {escape(article_name(a))}, "
            f"{escape(when)} ({aid})"
        )
    if report.summary is not None:
        lines += ["", "## Summary", "", _cited(report.summary, number, outlet)]
    return "\n".join(lines).rstrip() + "\n"


def story_json(report: StoryReport, articles: Sequence[Article]) -> str:
    """The JSON of `compare --json` (a one-article story has no facts, quotes or
    discrepancies, only its article and summary), plus ``story``, ``since``,
    ``new_articles``, ``update`` and ``notices``: one reader serves both."""
    comparison = report.comparison
    if comparison is None:
        by_id = {a.id: a for a in articles}
        refs = [
            ArticleRef(
                id=aid,
                input_id=by_id[aid].input_id,
                title=by_id[aid].title,
                lead=None if by_id[aid].title else by_id[aid].opening(),
                source=by_id[aid].source,
                published=by_id[aid].published,
            )
            for aid in report.articles
        ]
        comparison = Comparison(articles=refs, summary=report.summary)
    data = comparison.model_dump(mode="json")
    data.update(report.model_dump(mode="json", include=_STORY_PART))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_STORY_PART = {"story", "since", "new_articles", "update", "notices"}


def render_story_report(
    kind: str, report: StoryReport, articles: Sequence[Article], path: Path | None = None
) -> str:
    """The report as ``kind`` (html, md, json or csv); ``path`` names the file in an error."""
    if kind == Format.json:
        return story_json(report, articles)
    if kind == Format.markdown:
        return to_story_markdown(report, articles)
    if report.comparison is None:
        raise NewsprismError(
            f"{path or 'this story'}: this story has one article, so there is no comparison "
            f"to show as {kind}; write .md or .json"
        )
    if kind == Format.csv:
        return to_csv(report.comparison)
    return to_html(report.comparison, articles, update=report.update, since=report.since)
