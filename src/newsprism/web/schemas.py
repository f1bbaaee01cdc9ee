"""Request and response bodies of the REST API that are not part of the data model."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from newsprism.ingest import is_url

T = TypeVar("T")

# Comparing is quadratic in the number of articles; a story of more is browsed, not compared.
MAX_COMPARE_ARTICLES = 20


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleInput(Body):
    """One article given as text."""

    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=200, description="The outlet.")
    published: datetime | None = Field(
        default=None, description="ISO 8601; a time without a zone is read as UTC."
    )
    text: str = Field(
        min_length=1, description="The article body; paragraphs separated by blank lines."
    )


class CompareRequest(Body):
    """Articles as text, or URLs the server fetches (when it was started with --allow-fetch)."""

    articles: list[ArticleInput] = Field(default_factory=list, max_length=MAX_COMPARE_ARTICLES)
    urls: list[str] = Field(default_factory=list, max_length=MAX_COMPARE_ARTICLES)
    force: bool = Field(
        default=False, description="Compare even articles that look unrelated to each other."
    )

    @field_validator("urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not is_url(url.strip()):
                raise ValueError(f"not an http(s) URL: {url!r}")
        return [u.strip() for u in urls]


class FeedInput(Body):
    url: str = Field(min_length=1, max_length=2000)
    title: str | None = Field(default=None, max_length=500)

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        return check_feed_url(url)


def check_feed_url(url: str) -> str:
    """The URL, stripped; raises ValueError unless it is an http(s) URL with a host."""
    url = url.strip()
    if not is_url(url) or not urlsplit(url).hostname:
        raise ValueError(f"a feed is an http(s) URL; got {url!r}")
    return url


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset`` on, out of ``total``."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ArticleSummary(BaseModel):
    """An article in a list: its metadata and the story it belongs to."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: datetime | None = None
    story: str | None = None


class Error(BaseModel):
    """Every error answer of the API."""

    error: str
    problems: list[str] | None = Field(
        default=None, description="Each input that could not be used, and why."
    )
