"""The report of `newsprism story`: its model, the comparison and summaries it holds, and
its Markdown. Imported by the command when it runs, so that `--help` does not load the
data model and the stages."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from pydantic import Field

from newsprism.cli.app import count
from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, ArticleRef, Comparison, Model, Story, Summary
from newsprism.report import Format, to_csv, to_html, to_markdown
from newsprism.report.coverage import coverage
from newsprism.report.markdown import UNDATED, article_name, cited_sentence, escape, human_time
from newsprism.report.titles import neutral_title


def outlets(story: Story) -> str:
    return ", ".join(dict.fromkeys(s for s in story.sources if s))


class StoryReport(Model):
    """What `newsprism story` reports: the comparison, the summary, and what is new."""

    story: Story
    articles: list[str] = Field(description="Article ids in the order cited [1], [2], ...")
    comparison: Comparison | None = Field(default=None, description="None for one article.")
    summary: Summary | None
    since: datetime | None = None
    new_articles: list[str] = Field(default_factory=list, description="Published after since.")
    update: Summary | None = Field(default=None, description="What the new articles add.")
    notices: list[str] = Field(default_factory=list)
    # When each article was filed (its date, or when it was read): for the coverage table.
    filed: dict[str, datetime] = Field(default_factory=dict, exclude=True)


def parse_since(text: str) -> datetime:
    """An absolute or relative time ("2024-03-01 14:00", "2 days ago"); UTC if no zone."""
    import dateparser

    when = dateparser.parse(
        text,
        settings={"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "past"},
    )
    if when is None:
        raise NewsprismError(
            f"--since {text!r}: not a date or time; try 2024-03-01, '2024-03-01 14:00' or '2 days ago'"
        )
    return when.astimezone(UTC)


def story_report(
    story: Story,
    articles: Sequence[Article],
    settings: Settings,
    since: datetime | None = None,
    max_words: int = 100,
    filed: Mapping[str, datetime] | None = None,
) -> StoryReport:
    """Compare and summarize a story's (annotated) articles; with ``since``, also
    summarize what the articles published after it add to the ones before.

    ``filed`` (`Store.filed`) places an undated article in time, by when it was read."""
    from newsprism.comparison.compare import compare
    from newsprism.summary import summarize

    def when(article: Article) -> datetime:
        return article.published or (filed or {}).get(article.id) or story.first_seen

    articles = sorted(articles, key=when)
    report = StoryReport(
        story=story,
        articles=[a.id for a in articles],
        summary=Summary(),
        filed={a.id: when(a) for a in articles},
    )
    if len(articles) >= 2:
        report.comparison = compare(articles, settings, max_words=max_words)
        report.summary = report.comparison.summary
    else:
        report.summary = summarize(articles, settings, max_words=max_words)
        report.notices.append("this story has one article so far: there is nothing to compare")
    if since is not None:
        report.since = since
        new = [a for a in articles if when(a) > since]
        seen = [a for a in articles if not when(a) > since]
        report.new_articles = [a.id for a in new]
        if not new:
            report.notices.append(
                f"nothing was published in this story after {since:%Y-%m-%d %H:%M} UTC"
            )
        else:
            report.update = summarize(new, settings, max_words=max_words, seen=seen)
            if not seen:
                report.notices.append(
                    f"every article of this story is newer than {since:%Y-%m-%d %H:%M} UTC"
                )
    return report


def _cited(summary: Summary, number: dict[str, int], outlet: dict[str, str]) -> str:
    parts = [cited_sentence(sentence, number, outlet) for sentence in summary.sentences]
    return " ".join(parts) or "Nothing to add."


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
            f"{row.first:%Y-%m-%d %H:%M} UTC | {row.last:%Y-%m-%d %H:%M} UTC |"
        )
    return [*lines, ""]


def to_story_markdown(report: StoryReport, articles: Sequence[Article]) -> str:
    """The report as Markdown: the story, what is new, then the comparison."""
    story = report.story
    number = {aid: i for i, aid in enumerate(report.articles, 1)}
    outlet = {a.id: a.source or a.id for a in articles}
    # A fact the outlets share, not one outlet's headline (which may take a side).
    shared = neutral_title(report.comparison) if report.comparison is not None else None
    first, last = story.first_seen.astimezone(UTC), story.last_seen.astimezone(UTC)
    head = [
        f"# {escape(shared or story.title or story.id)}",
        "",
        f"Story {story.id}: {count(story.size, 'article')} from "
        f"{escape(outlets(story)) or 'unknown outlets'}, "
        f"{first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} UTC.",
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
    """The JSON of `story --json`: that of `compare --json` (a one-article story has no
    facts, quotes or discrepancies, only its article and summary), plus ``story``, ``since``,
    ``new_articles``, ``update`` and ``notices``: one reader serves both commands."""
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
