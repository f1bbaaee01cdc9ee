"""RSS and Atom feeds (feedparser): entries with full content become articles."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.fetch import fetch, is_url
from newsprism.ingest.html import html_text, read_html
from newsprism.ingest.payload import Payload, decode, domain_of
from newsprism.model import RawArticle

# Entries shorter than this carry a teaser, not the report: the page has to be fetched.
FULL_CONTENT_WORDS = 120


def looks_like_feed(head: str) -> bool:
    lowered = head.lstrip()[:1000].lower()
    return lowered.startswith("<?xml") and any(t in lowered for t in ("<rss", "<feed", "<rdf:rdf"))


def _published(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _body(entry: Any) -> str | None:
    """The longest text the entry carries, as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    best = max(candidates, key=len)
    if not best.strip():
        return None
    return html_text(f"<html><body><article>{best}</article></body></html>") or best


def read_feed(payload: Payload, settings: Settings) -> Iterator[RawArticle | Problem]:
    """The feed's entries; link-only entries are fetched when ``settings.fetch_links``."""
    feed = feedparser.parse(decode(payload).encode("utf-8"))
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "it has no entries"
        raise InputError(payload.origin, f"not a readable RSS/Atom feed ({reason})")
    outlet = feed.feed.get("title") or domain_of(feed.feed.get("link")) or domain_of(payload.url)
    for number, entry in enumerate(feed.entries, 1):
        origin = f"{payload.origin} entry {number}"
        link = entry.get("link")
        body = _body(entry)
        try:
            if body and len(body.split()) >= FULL_CONTENT_WORDS:
                yield RawArticle(
                    origin=origin,
                    text=body,
                    title=entry.get("title"),
                    source=outlet or domain_of(link),
                    url=link,
                    published=_published(entry),
                    authors=[a.get("name") for a in entry.get("authors", []) if a.get("name")],
                    input_id=entry.get("id"),
                )
            elif link and is_url(link) and settings.fetch_links:
                article = read_html(fetch(link, settings))
                yield article.model_copy(
                    update={
                        "title": article.title or entry.get("title"),
                        "published": article.published or _published(entry),
                        "input_id": entry.get("id"),
                    }
                )
            else:
                hint = "; use --fetch-links to fetch the page" if link else ""
                yield Problem(origin, f"the entry carries only a summary or a link{hint}", "notice")
        except InputError as error:
            yield Problem.from_error(error)
