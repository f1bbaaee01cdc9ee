"""What `newsprism watch` follows: feed URLs given directly, listed in a file, or in OPML."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.feeds import looks_like_feed
from newsprism.ingest.payload import Payload, decode, http_url, read_limited

# A comment starts a line or follows whitespace; a '#' inside a URL is its fragment.
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_XML_START = re.compile(r"\s*<")


@dataclass(frozen=True)
class Source:
    """One feed to follow; ``title`` when the list gave one (OPML does)."""

    url: str
    title: str | None = None


@dataclass
class Sources:
    """The feeds found in the arguments, and why some lines or files were skipped."""

    feeds: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def feed_url(value: str) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else None."""
    return http_url(value)


def read_list(text: str, origin: str) -> Sources:
    """One URL per line; blank lines and ``#`` comments are skipped, bad lines reported."""
    found = Sources()
    for number, line in enumerate(text.splitlines(), 1):
        value = _COMMENT.sub("", line).strip()
        if not value:
            continue
        url = feed_url(value)
        if url is None:
            found.problems.append(Problem(f"{origin}:{number}", f"not an http(s) URL: {value!r}"))
        else:
            found.feeds.append(Source(url))
    return found


class _Refused(Exception):
    """A construct OPML never needs and that could expand or fetch data."""


def read_opml(data: bytes, origin: str) -> Sources:
    """The feed outlines (``xmlUrl``) of an OPML document, at any depth.

    DTDs and entity declarations are refused before they take effect: an outline list
    has no use for them, and they are how XML bombs and external fetches get in.
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    found = Sources()
    root: list[str] = []

    def refuse(what: str) -> NoReturn:
        raise _Refused(f"it declares {what} (line {parser.CurrentLineNumber})")

    def start(name: str, attributes: dict[str, str]) -> None:
        if not root:
            root.append(name)
            if name.lower() != "opml":
                raise _Refused(f"its root element is <{name}>, not <opml>")
        attrs = {key.lower(): value for key, value in attributes.items()}
        if name.lower() != "outline" or "xmlurl" not in attrs:
            return  # folders and plain outlines only group feeds
        where = f"{origin}:{parser.CurrentLineNumber}"
        url = feed_url(attrs["xmlurl"])
        if url is None:
            found.problems.append(Problem(where, f"not an http(s) URL: {attrs['xmlurl']!r}"))
        else:
            found.feeds.append(Source(url, (attrs.get("title") or attrs.get("text") or None)))

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = lambda *_: refuse("a DTD")
    parser.EntityDeclHandler = lambda *_: refuse("an entity")
    parser.ExternalEntityRefHandler = lambda *_: refuse("an external entity")
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise InputError(origin, f"not a usable OPML file: {refused}") from None
    except expat.ExpatError as error:
        reason = f"{expat.ErrorString(error.code)} at line {error.lineno}"
        raise InputError(origin, f"not well-formed OPML ({reason})") from None
    return found


def read_file(path: Path, settings: Settings) -> Sources:
    """A list file or an OPML file; raises `InputError` when it cannot be read at all."""
    origin = str(path)
    try:
        data = read_limited(path, origin, settings.max_bytes)
    except FileNotFoundError:
        raise InputError(origin, "no such file, and not an http(s) URL") from None
    except IsADirectoryError:
        raise InputError(origin, "is a directory, not a feed list") from None
    except OSError as error:
        raise InputError(origin, f"cannot read ({error.strerror or error})") from None
    if not data.strip():
        return Sources()  # a list emptied on purpose follows nothing
    text = decode(Payload(origin=origin, data=data, name=path.name))
    if looks_like_feed(text):
        raise InputError(origin, "is a feed document, not a list of feeds; give the feed's URL")
    if _XML_START.match(text.lstrip("\ufeff")):
        return read_opml(data, origin)
    return read_list(text, origin)


def read_sources(values: Iterable[str], settings: Settings) -> Sources:
    """Every feed the arguments name, each URL once, in order of first mention."""
    found = Sources()
    for value in values:
        try:
            listed = _read_value(value, settings)
        except InputError as error:
            found.problems.append(Problem.from_error(error))
            continue
        found.feeds.extend(listed.feeds)
        found.problems.extend(listed.problems)
    found.feeds = _unique(found.feeds)
    return found


def _read_value(value: str, settings: Settings) -> Sources:
    """One argument: a feed URL, or a file to read (`InputError` when it cannot be)."""
    if feed_url(value):
        return Sources([Source(value.strip())])
    return read_file(Path(value), settings)


def _unique(feeds: Iterable[Source]) -> list[Source]:
    """Each URL once, in order of first mention."""
    unique: dict[str, Source] = {}
    for source in feeds:
        # A later mention may carry the title an earlier bare URL lacked.
        if source.url not in unique or unique[source.url].title is None:
            unique[source.url] = source
    return list(unique.values())


class SourceList:
    """The SOURCES of `watch`, read again before every pass: a feed added to a list file is
    followed from the next pass, one taken out is no longer polled. A file that cannot be
    read (gone, half-written, not well-formed) keeps the feeds of its last good read, so a
    slip while editing it never stops the watch."""

    def __init__(self, values: Iterable[str], settings: Settings) -> None:
        self.values = list(values)
        self.settings = settings
        self._last: dict[str, list[Source]] = {}
        self._told: set[str] = set()

    def read(self) -> Sources:
        """The feeds now listed, and the problems not reported by the previous read."""
        found = Sources()
        for value in self.values:
            try:
                listed = _read_value(value, self.settings)
            except InputError as error:
                if value not in self._last:
                    found.problems.append(Problem.from_error(error))
                    continue
                kept = self._last[value]
                reason = (
                    f"{error.reason}; still following the {len(kept)} feed(s) of its last good read"
                )
                listed = Sources(kept, [Problem(error.input, reason, "warning")])
            self._last[value] = listed.feeds
            found.feeds.extend(listed.feeds)
            found.problems.extend(listed.problems)
        found.feeds = _unique(found.feeds)
        told, self._told = self._told, {str(p) for p in found.problems}
        found.problems = [p for p in found.problems if str(p) not in told]
        return found
