"""HTML pages: main text and metadata through trafilatura, publication time through meta tags."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newsprism.errors import InputError
from newsprism.ingest.payload import Payload, decode, domain_of, parse_datetime
from newsprism.model import RawArticle

# trafilatura's own date is day-only; these carry the time of day when a page has one.
_TIME_SELECTORS = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[property="og:published_time"]',
    "time[datetime]",
)

# A report is written in sentences; a page whose text has none (menus, link lists,
# an empty template) holds no article, whatever the extractor's fallback returned.
_SENTENCE = re.compile(r"(?:\S+\s+){4,}\S*[.!?]")


def _published_time(html: str) -> datetime | None:
    tree = LexborHTMLParser(html)
    for selector in _TIME_SELECTORS:
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get("content") or node.attributes.get("datetime")
        if value and (parsed := parse_datetime(value)) is not None:
            return parsed
    return None


def _extractor() -> Any:
    # Imported on first use: trafilatura (and lxml) take a noticeable part of a second,
    # which every command and the comparison stage would otherwise pay at import.
    import trafilatura

    return trafilatura


def html_text(html: str, url: str | None = None) -> str | None:
    """Main text of an HTML page or fragment, one paragraph per line; None if there is none."""
    document = _extractor().bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=False
    )
    text = document.text if document is not None else None
    return text if text and text.strip() else None


def read_html(payload: Payload) -> RawArticle:
    """One article from an HTML page; raises `InputError` when no article text is found."""
    html = decode(payload, html=True)
    document = _extractor().bare_extraction(
        html,
        url=payload.url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    if document is None or not _SENTENCE.search(document.text or ""):
        raise InputError(payload.origin, "no article text found in this HTML page")
    text = document.text
    title = (document.title or "").strip() or None
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest
    url = payload.url or document.url or None
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return RawArticle(
        origin=payload.origin,
        text=text,
        title=title,
        source=document.sitename or domain_of(url) or document.hostname or payload.stem or None,
        url=url,
        published=_published_time(html) or parse_datetime(document.date),
        authors=authors,
    )
