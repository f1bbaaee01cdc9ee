"""A stored story's report, and what is new in it since a time: the one place both faces
(the `story` command and the web app's story page) get them from, so that they number a
story's articles the same way and tell the same news."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, Comparison, Story, StoryReport, Summary

if TYPE_CHECKING:  # only for types: the store loads the database layer
    from newsprism.store import Store


def filed_at(article: Article, story: Story, filed: Mapping[str, datetime]) -> datetime:
    """When an article counts as published: its date, else when it was read (``filed``,
    see `Store.filed`), else when its story began."""
    return article.published or filed.get(article.id) or story.first_seen


def story_order(
    articles: Sequence[Article], story: Story, filed: Mapping[str, datetime]
) -> list[Article]:
    """A story's articles oldest first, the order they are cited [1], [2], …; ties keep
    the story's arrival order (`sorted` is stable)."""
    return sorted(articles, key=lambda a: filed_at(a, story, filed))


def published_after(
    articles: Sequence[Article], story: Story, filed: Mapping[str, datetime], since: datetime
) -> list[Article]:
    """The articles filed after ``since`` (see `filed_at`), in the order given."""
    return [a for a in articles if filed_at(a, story, filed) > since]


def load_story(store: Store, story: Story) -> tuple[list[Article], dict[str, datetime]]:
    """A stored story's articles in `story_order` (not annotated), and when each was filed."""
    filed = store.filed(story.members)
    return story_order(store.articles(story.members), story, filed), filed


def parse_since(text: str) -> datetime:
    """An absolute or relative time ("2024-03-01 14:00", "2 days ago"); UTC if no zone.
    Raises `NewsprismError` naming the text when it is not a time."""
    import dateparser

    when = dateparser.parse(
        text,
        settings={"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "past"},
    )
    if when is None:
        raise NewsprismError(
            f"since {text!r}: not a date or time; try 2024-03-01, '2024-03-01 14:00' or '2 days ago'"
        )
    return when.astimezone(UTC)


def story_report(
    story: Story,
    articles: Sequence[Article],
    settings: Settings,
    since: datetime | None = None,
    max_words: int = 100,
    filed: Mapping[str, datetime] | None = None,
    comparison: Comparison | None = None,
) -> StoryReport:
    """Compare and summarize a story's articles (annotated first if needed); with ``since``,
    also what the articles published after it add (`what_is_new`). ``comparison``: one
    already made of these articles (as the store keeps it), taken as it is."""
    from newsprism.comparison import compare
    from newsprism.summary import summarize

    filed = filed or {}
    articles = story_order(articles, story, filed)
    report = StoryReport(
        story=story,
        articles=[a.id for a in articles],
        summary=Summary(),
        filed={a.id: filed_at(a, story, filed) for a in articles},
    )
    if len(articles) >= 2:
        report.comparison = comparison or compare(articles, settings, max_words=max_words)
        report.summary = report.comparison.summary
    else:
        report.summary = summarize(articles, settings, max_words=max_words)
        report.notices.append("this story has one article so far: there is nothing to compare")
    if since is None:
        return report
    return what_is_new(report, articles, settings, since, max_words)


def what_is_new(
    report: StoryReport,
    articles: Sequence[Article],
    settings: Settings,
    since: datetime,
    max_words: int = 100,
) -> StoryReport:
    """A copy of ``report`` that also tells what the articles published after ``since``
    add to the ones before: a summary of the new ones, with the old ones as read."""
    from newsprism.summary import summarize

    new = published_after(articles, report.story, report.filed, since)
    fresh = {a.id for a in new}
    seen = [a for a in articles if a.id not in fresh]
    notices = list(report.notices)
    update = None
    if not new:
        notices.append(f"nothing was published in this story after {since:%Y-%m-%d %H:%M} UTC")
    else:
        # What is new is weighed like the rest of the report: a new article's value that the
        # older ones contradict carries the dispute, not the look of news everyone agrees on.
        disputes = report.comparison.discrepancies if report.comparison else ()
        update = summarize(new, settings, max_words=max_words, seen=seen, discrepancies=disputes)
        if not seen:
            notices.append(f"every article of this story is newer than {since:%Y-%m-%d %H:%M} UTC")
    return report.model_copy(
        update={
            "since": since,
            "new_articles": [a.id for a in new],
            "update": update,
            "notices": notices,
        }
    )
