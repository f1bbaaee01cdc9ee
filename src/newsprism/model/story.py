"""A story: the articles, from a stream, that report one event."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from newsprism.model.base import Model
from newsprism.model.comparison import Comparison, Summary


class Story(Model):
    id: str = Field(description="Stable id: derived from the article that started the story.")
    title: str | None = Field(
        default=None,
        description="The most central headline; the opening words of the first article when "
        "no member has a headline.",
    )
    members: list[str] = Field(default_factory=list, description="Article ids, in arrival order.")
    sources: list[str] = Field(default_factory=list, description="Outlets, in order of arrival.")
    first_seen: datetime
    last_seen: datetime

    @property
    def size(self) -> int:
        return len(self.members)


class Assignment(Model):
    """One line of `newsprism cluster` output."""

    id: str = Field(description="The input id of the article.")
    story: str


class StoryReport(Model):
    """A stored story's report: the comparison, the summary, and what is new since a time."""

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
