"""RSS and Atom feeds (feedparser): entries with full content become articles."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXParseException

import feedparser

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.fetch import fetch, is_url
from newsprism.ingest.html import html_text, read_html
from newsprism.ingest.payload import Payload, decode, domain_of
from newsprism.model import RawArticle

# Entries shorter than this carry a teaser, not the report: the page has to be fetched.
FULL_CONTENT_WORDS = 120
# The root element after an optional prolog (declaration, comments, stylesheet, doctype);
# many feeds are served without the XML declaration.
_FEED_ROOT = re.compile(
    r"(?:<\?xml[^>]*>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*<(?:rss|feed|rdf:rdf)\b",
    re.IGNORECASE | re.DOTALL,
)
_MARKUP = re.compile(r"<[^>]*>")
_ENTRY_TAG = re.compile(rb"<(?:item|entry)[\s>/]", re.IGNORECASE)
# A feed of up to this many times max_feed_entries is parsed (and its first entries read);
# a longer one is refused unparsed.
ENTRY_PARSE_FACTOR = 4
# Notices feedparser raises about encodings; the entries are still read in full.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def looks_like_feed(head: str) -> bool:
    """Whether the document's root element is an RSS, Atom or RDF feed."""
    return _FEED_ROOT.match(head.lstrip("\ufeff \t\r\n")[:1000]) is not None


def entry_published(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _body(entry: Any) -> str | None:
    """The longest text the entry carries, as plain text; None when it is too short to be
    the report (then extracting it is not worth its cost, a few ms an entry)."""
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    best = max(candidates, key=len)
    if len(_MARKUP.sub(" ", best).split()) < FULL_CONTENT_WORDS:
        return None
    return html_text(f"<html><body><article>{best}</article></body></html>") or best


def _malformed(feed: Any) -> str | None:
    """Why the feed is not well-formed XML, or None; encoding notices do not count."""
    error = feed.get("bozo_exception") if feed.get("bozo") else None
    if error is None or isinstance(error, _HARMLESS):
        return None
    if isinstance(error, SAXParseException):
        return f"{error.getMessage()} at line {error.getLineNumber()}"
    return str(error) or type(error).__name__


def _entry(entry: Any, origin: str, outlet: str | None, settings: Settings) -> RawArticle | Problem:
    """One entry: its full content, its fetched page, or a notice that it only links."""
    link = entry.get("link")
    body = _body(entry)
    try:
        if body is not None and len(body.split()) >= FULL_CONTENT_WORDS:
            return RawArticle(
                origin=origin,
                text=body,
                title=entry.get("title"),
                source=outlet or domain_of(link),
                url=link,
                published=entry_published(entry),
                authors=[a.get("name") for a in entry.get("authors", []) if a.get("name")],
                input_id=entry.get("id"),
            )
        if link and settings.fetch_links:
            # Only an http(s) link is fetched, through the guarded client: a feed must not
            # make newsprism read a local file or reach a private address.
            if not is_url(link):
                return Problem(origin, f"the entry's link is not an http(s) URL: {link!r}")
            article = read_html(fetch(link, settings))
            return article.model_copy(
                update={
                    "title": article.title or entry.get("title"),
                    "published": article.published or entry_published(entry),
                    "input_id": entry.get("id"),
                }
            )
    except InputError as error:
        return Problem.from_error(error)
    hint = "; use --fetch-links to fetch the page" if link else ""
    return Problem(origin, f"the entry carries only a summary or a link{hint}", "notice")


def too_many_entries(origin: str, count: int, settings: Settings) -> Problem:
    return Problem(
        origin,
        f"the feed has {count} entries; read the first {settings.max_feed_entries} "
        "(max_feed_entries)",
        "warning",
    )


def parse_feed(payload: Payload, settings: Settings) -> Any:
    """feedparser's reading of the feed; `InputError` when it cannot read it, or when the
    feed holds so many entries that parsing them all would take minutes (feedparser
    takes about a millisecond an entry; a feed carries tens)."""
    entries = len(_ENTRY_TAG.findall(payload.data))
    if entries > ENTRY_PARSE_FACTOR * settings.max_feed_entries:
        raise InputError(
            payload.origin,
            f"the feed has {entries} entries, more than "
            f"{ENTRY_PARSE_FACTOR * settings.max_feed_entries} (see max_feed_entries); not parsed",
        )
    # feedparser reads the bytes itself, so the XML declaration's encoding is honoured.
    headers = {"content-type": f"application/xml; charset={payload.charset}"}
    try:
        return feedparser.parse(payload.data, response_headers=headers if payload.charset else None)
    except Exception as error:  # its loose parser fails on some broken input, e.g. &#xD800;
        raise InputError(
            payload.origin, f"not a readable RSS/Atom feed ({type(error).__name__})"
        ) from None


def read_feed(payload: Payload, settings: Settings) -> Iterator[RawArticle | Problem]:
    """The feed's entries; link-only entries are fetched when ``settings.fetch_links``."""
    decode(payload)  # refuses empty, binary and undecodable data with a clear reason
    feed = parse_feed(payload, settings)
    broken = _malformed(feed)
    if not feed.entries:
        raise InputError(
            payload.origin, f"not a readable RSS/Atom feed ({broken or 'it has no entries'})"
        )
    outlet = feed.feed.get("title") or domain_of(feed.feed.get("link")) or domain_of(payload.url)
    items = [
        _entry(entry, f"{payload.origin} entry {number}", outlet, settings)
        for number, entry in enumerate(feed.entries[: settings.max_feed_entries], 1)
    ]
    if len(feed.entries) > settings.max_feed_entries:
        items.append(too_many_entries(payload.origin, len(feed.entries), settings))
    if broken:
        # Loose parsing recovers most slightly broken feeds; when it recovers no article,
        # the feed's own error is the one worth telling.
        if not any(isinstance(item, RawArticle) for item in items):
            raise InputError(payload.origin, f"not a well-formed RSS/Atom feed ({broken})")
        yield Problem(
            payload.origin, f"malformed feed ({broken}); read what could be recovered", "notice"
        )
    yield from items
