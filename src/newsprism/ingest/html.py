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

# Parsing HTML whose elements are left open costs time quadratic in how deep they nest
# (100,000 unclosed <div> took minutes); real pages nest a few dozen deep, and even a
# sloppy one leaves at most a few hundred elements open.
MAX_OPEN_ELEMENTS = 1000
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)")
# Elements that never hold others, or that the next sibling closes: they do not nest.
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup rp rt "
    "html head body".split()
)


def open_elements(html: str) -> int:
    """How many elements the page leaves open at its deepest point, counted from its tags
    (an upper bound of the parser's depth; no parse needed)."""
    open_now = deepest = 0
    for closing, name in _TAG.findall(html):
        if name.lower() in _NOT_NESTING:
            continue
        open_now = max(0, open_now - 1) if closing else open_now + 1
        deepest = max(deepest, open_now)
    return deepest


def check_nesting(html: str, origin: str) -> None:
    """Refuse markup nested deeper than any page is, before a parser spends minutes on it."""
    if open_elements(html) > MAX_OPEN_ELEMENTS:
        raise InputError(
            origin, f"HTML nested more than {MAX_OPEN_ELEMENTS} elements deep; not parsed"
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
    """Main text of an HTML page or fragment, one paragraph per line; None if there is none
    (or if it nests too deep to parse)."""
    if open_elements(html) > MAX_OPEN_ELEMENTS:
        return None
    document = _extractor().bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=False
    )
    text = document.text if document is not None else None
    return text if text and text.strip() else None


def read_html(payload: Payload) -> RawArticle:
    """One article from an HTML page; raises `InputError` when no article text is found."""
    html = decode(payload, html=True)
    check_nesting(html, payload.origin)
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
