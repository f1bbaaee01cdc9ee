"""RSS and Atom feeds (feedparser): entries with full content become articles."""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any
from xml.sax import SAXParseException

import feedparser

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.download import fetch, is_url
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


def _published(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _key(entry: Any) -> str:
    """The entry's identity across polls: its id (guid), else its link, else its content."""
    if entry.get("id") or entry.get("link"):
        return str(entry.get("id") or entry.get("link"))
    content = "\n".join(
        [entry.get("title", ""), entry.get("summary", "")]
        + [c.get("value", "") for c in entry.get("content", [])]
    )
    return "sha1:" + hashlib.sha1(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed, as read once from the document."""

    number: int  # its place in the feed, from 1
    origin: str  # '<feed> entry <number>', for messages
    key: str  # its identity across polls (`_key`)
    id: str | None
    link: str | None
    title: str | None
    published: datetime | None
    authors: tuple[str, ...]
    content: str  # the longest text it carries (HTML or plain), maybe only a teaser

    @cached_property
    def body(self) -> str | None:
        """The content as plain text when it is the report, None when it is too short to
        be (then extracting it is not worth its cost, a few ms an entry)."""
        if len(_MARKUP.sub(" ", self.content).split()) < FULL_CONTENT_WORDS:
            return None
        text = html_text(f"<html><body><article>{self.content}</article></body></html>")
        text = text or self.content
        return text if len(text.split()) >= FULL_CONTENT_WORDS else None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed read once: its outlet and first ``max_feed_entries`` entries, and what is
    wrong with it (loosely parsed XML, entries beyond the limit)."""

    origin: str
    title: str | None
    outlet: str | None
    entries: list[FeedEntry]
    total: int  # entries in the document
    broken: str | None  # why the XML is not well-formed, when it was recovered loosely

    def malformed(self) -> list[Problem]:
        """The notice that the feed was recovered from malformed XML, if it was."""
        if not self.broken:
            return []
        reason = f"malformed feed ({self.broken}); read what could be recovered"
        return [Problem(self.origin, reason, "notice")]

    def cut(self, settings: Settings) -> list[Problem]:
        """The warning that entries past ``max_feed_entries`` were left, if any were."""
        if self.total <= len(self.entries):
            return []
        reason = (
            f"the feed has {self.total} entries; read the first {settings.max_feed_entries} "
            "(max_feed_entries)"
        )
        return [Problem(self.origin, reason, "warning")]

    def refuse_if_unrecovered(self, recovered: bool) -> None:
        """Loose parsing recovers most slightly broken feeds; when it recovers no article,
        the feed's own error is the one worth telling."""
        if self.broken and not recovered:
            raise InputError(self.origin, f"not a well-formed RSS/Atom feed ({self.broken})")


def _malformed(feed: Any) -> str | None:
    """Why the feed is not well-formed XML, or None; encoding notices do not count."""
    error = feed.get("bozo_exception") if feed.get("bozo") else None
    if error is None or isinstance(error, _HARMLESS):
        return None
    if isinstance(error, SAXParseException):
        return f"{error.getMessage()} at line {error.getLineNumber()}"
    return str(error) or type(error).__name__


def _feedparser(payload: Payload, settings: Settings) -> Any:
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


def parse_feed(payload: Payload, settings: Settings) -> ParsedFeed:
    """The feed's entries, read once; `InputError` when the payload is not a readable
    feed. A well-formed feed with no entry yet has an empty list."""
    text = decode(payload)  # refuses empty, binary and undecodable data with a clear reason
    feed = _feedparser(payload, settings)
    broken = _malformed(feed)
    if not feed.entries and not (feed.get("version") and looks_like_feed(text)):
        raise InputError(
            payload.origin, f"not a readable RSS/Atom feed ({broken or 'it has no entries'})"
        )
    entries = []
    for number, entry in enumerate(feed.entries[: settings.max_feed_entries], 1):
        contents = [c.get("value", "") for c in entry.get("content", [])]
        entries.append(
            FeedEntry(
                number=number,
                origin=f"{payload.origin} entry {number}",
                key=_key(entry),
                id=entry.get("id"),
                link=entry.get("link"),
                title=entry.get("title"),
                published=_published(entry),
                authors=tuple(a.get("name") for a in entry.get("authors", []) if a.get("name")),
                content=max([*contents, entry.get("summary", "")], key=len),
            )
        )
    return ParsedFeed(
        origin=payload.origin,
        title=feed.feed.get("title"),
        outlet=feed.feed.get("title") or domain_of(feed.feed.get("link")) or domain_of(payload.url),
        entries=entries,
        total=len(feed.entries),
        broken=broken,
    )


def entry_article(entry: FeedEntry, outlet: str | None) -> RawArticle | None:
    """The entry as an article when it carries the report itself, else None."""
    if entry.body is None:
        return None
    return RawArticle(
        origin=entry.origin,
        text=entry.body,
        title=entry.title,
        source=outlet or domain_of(entry.link),
        url=entry.link,
        published=entry.published,
        authors=list(entry.authors),
        input_id=entry.id,
    )


def link_only(entry: FeedEntry) -> Problem:
    """The notice for an entry that carries only a summary or a link."""
    hint = "; use --fetch-links to fetch the page" if entry.link else ""
    return Problem(entry.origin, f"the entry carries only a summary or a link{hint}", "notice")


def _entry(entry: FeedEntry, outlet: str | None, settings: Settings) -> RawArticle | Problem:
    """One entry: its full content, its fetched page, or a notice that it only links."""
    article = entry_article(entry, outlet)
    if article is not None:
        return article
    if entry.link and settings.fetch_links:
        # Only an http(s) link is fetched, through the guarded client: a feed must not
        # make newsprism read a local file or reach a private address.
        if not is_url(entry.link):
            return Problem(entry.origin, f"the entry's link is not an http(s) URL: {entry.link!r}")
        try:
            page = read_html(fetch(entry.link, settings))
        except InputError as error:
            return Problem.from_error(error)
        return page.model_copy(
            update={
                "title": page.title or entry.title,
                "published": page.published or entry.published,
                "input_id": entry.id,
            }
        )
    return link_only(entry)


def read_feed(payload: Payload, settings: Settings) -> Iterator[RawArticle | Problem]:
    """The feed's entries; link-only entries are fetched when ``settings.fetch_links``."""
    feed = parse_feed(payload, settings)
    if not feed.entries:
        reason = feed.broken or "it has no entries"
        raise InputError(payload.origin, f"not a readable RSS/Atom feed ({reason})")
    items = [_entry(entry, feed.outlet, settings) for entry in feed.entries]
    feed.refuse_if_unrecovered(any(isinstance(item, RawArticle) for item in items))
    yield from feed.malformed()
    yield from items
    yield from feed.cut(settings)
