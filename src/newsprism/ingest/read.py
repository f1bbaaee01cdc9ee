"""The ingest stage: turn files, folders, globs, stdin, URLs and feeds into `RawArticle`s.

Every input is read on its own: a bad one becomes a `Problem` naming it and the
reason, and the rest go on.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.download import ACCEPTED_TYPES, fetch, is_url
from newsprism.ingest.feeds import looks_like_feed, read_feed
from newsprism.ingest.html import read_html
from newsprism.ingest.paths import glob_files, walk_files
from newsprism.ingest.payload import Payload, parse_datetime, read_limited, read_stream
from newsprism.ingest.records import loads
from newsprism.ingest.text import looks_like_headline, read_document_sets, read_jsonl, read_text
from newsprism.ingest.warc import is_warc, warc_payloads
from newsprism.model import DocumentSet, RawArticle

# What a folder is searched for; other files (README.md, images) are not articles.
FOLDER_SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}  # fmt: skip
# Not searched for in a folder, where such files are notes (README.md), but said so.
NOTE_SUFFIXES = {".md", ".markdown"}

# The outlet of every input (one name), or of some of them (input as given -> name).
Sources = str | Mapping[str, str] | None

# How the reports newsprism writes are told apart from articles when read back: the
# generator tag of the HTML page, the closing line of the Markdown.
_HTML_MARK = re.compile(rb'<meta\s+name="generator"\s+content="newsprism[\s"]', re.IGNORECASE)
_MARKDOWN_MARK = re.compile(rb"\*Made by newsprism [^*\n]*\*\s*$")
# Top-level keys of the JSON of `compare --json`, `story --json` and their files.
_JSON_REPORT_KEYS = ({"articles", "facts", "discrepancies"}, {"story", "articles", "comparison"})

__all__ = [
    "Payload",
    "Sources",
    "fetch",
    "looks_like_headline",
    "parse",
    "parse_datetime",
    "payloads",
    "read",
    "read_clusters_from",
    "read_document_sets_from",
]


def _file(path: Path, settings: Settings, origin: str | None = None) -> Payload:
    origin = origin or str(path)
    try:
        data = read_limited(path, origin, settings.max_bytes)
    except PermissionError:
        raise InputError(origin, "permission denied") from None
    except IsADirectoryError:
        raise InputError(origin, "is a directory") from None
    except OSError as error:
        raise InputError(origin, f"cannot read ({error.strerror or error})") from None
    return Payload(origin=origin, data=data, name=path.name)


def _stdin(stream: BinaryIO | None, settings: Settings) -> Payload:
    if stream is None:
        raise InputError("-", "no standard input to read")
    return Payload(origin="-", data=read_stream(stream, "-", settings.max_bytes), name="stdin")


def _folder(path: Path, suffixes: set[str] | dict[str, str]) -> list[Path]:
    return sorted(
        p
        for p in walk_files(path)
        if p.name.lower().endswith(tuple(suffixes))
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def _paths(value: str) -> list[Path] | None:
    """The files one argument names, or None if it names none."""
    path = Path(value)
    if path.is_dir():
        return _folder(path, FOLDER_SUFFIXES)
    if path.exists():
        return [path]
    if glob.has_magic(value):
        return glob_files(value)
    return None


def payloads(
    inputs: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Payload | Problem]:
    """The bytes of every input, expanding folders and globs, fetching URLs."""
    for value in inputs:
        try:
            if value == "-":
                yield _stdin(stdin, settings)
            elif is_url(value):
                yield fetch(value, settings)
            elif (paths := _paths(value)) is None:
                yield Problem(value, "no such file, folder or URL")
            elif not paths:
                yield from _notes(value)
                kinds = ", ".join(sorted(FOLDER_SUFFIXES))
                what = "folder has no" if Path(value).is_dir() else "pattern matches no"
                yield Problem(value, f"this {what} article files ({kinds})")
            else:
                yield from _notes(value)
                for path in paths:
                    if is_warc(path):
                        yield from warc_payloads(path, settings)
                        continue
                    try:
                        yield _file(path, settings)
                    except InputError as error:
                        yield Problem.from_error(error)
        except InputError as error:
            yield Problem.from_error(error)


def _notes(value: str) -> Iterator[Problem]:
    """One notice for the Markdown files a folder scan passes over, so none goes unseen."""
    if Path(value).is_dir():
        notes = [str(p.relative_to(value)) for p in _folder(Path(value), NOTE_SUFFIXES)]
        if notes:
            shown = ", ".join(notes[:3]) + (", …" if len(notes) > 3 else "")
            yield Problem(
                value,
                f"passed over {shown}: a .md file in a folder is taken as notes; "
                "name it to read it as an article",
                "notice",
            )


def written_by_newsprism(payload: Payload) -> bool:
    """Whether the payload is a report newsprism wrote (HTML, Markdown or JSON), which read
    back as an article would be compared with the articles it reports on."""
    data = payload.data
    if _HTML_MARK.search(data[:4096]) or _MARKDOWN_MARK.search(data[-512:]):
        return True
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return False
    try:
        record = loads(data)
    except ValueError:  # UnicodeDecodeError is one
        return False  # JSONL, or broken: the JSON reader says which line
    return isinstance(record, dict) and any(keys <= record.keys() for keys in _JSON_REPORT_KEYS)


def _format(payload: Payload) -> str:
    if payload.content_type in ACCEPTED_TYPES and payload.content_type != "text/plain":
        kind = ACCEPTED_TYPES[payload.content_type]
        if kind != "feed" or looks_like_feed(payload.data[:1000].decode("utf-8", "replace")):
            return kind
    if payload.suffix in FOLDER_SUFFIXES and payload.suffix != ".xml":
        return FOLDER_SUFFIXES[payload.suffix]
    head = payload.data[:2048].decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
    if looks_like_feed(head):
        return "feed"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head:
        return "html"
    if head.startswith("{") or re.match(r"\[\s*\{", head):
        return "jsonl"
    return "text"


def _parse(payload: Payload, settings: Settings) -> Iterator[RawArticle | Problem]:
    if written_by_newsprism(payload):
        yield Problem(
            payload.origin, "skipped: a report written by newsprism, not an article", "notice"
        )
        return
    kind = _format(payload)
    if kind == "warc":
        raise InputError(payload.origin, "a WARC file is read from a file, not a download or stdin")
    if kind == "feed":
        yield from read_feed(payload, settings)
    elif kind == "jsonl":
        yield from read_jsonl(payload)
    elif kind == "html":
        yield read_html(payload)
    else:
        yield read_text(payload)


def read(
    inputs: Iterable[str],
    settings: Settings,
    *,
    source: Sources = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawArticle | Problem]:
    """Every article the inputs hold; ``source`` names the outlet of all of them, or maps
    an input (as given) to the outlet of the articles it holds."""
    for value in inputs:
        name = source.get(value) if isinstance(source, Mapping) else source
        for payload in payloads([value], settings, stdin):
            if isinstance(payload, Problem):
                yield payload
            else:
                yield from parse(payload, settings, source=name)


def parse(
    payload: Payload, settings: Settings, *, source: str | None = None
) -> Iterator[RawArticle | Problem]:
    """Every article one payload holds (bytes obtained elsewhere, e.g. a web upload)."""
    try:
        for item in _parse(payload, settings):
            if source and isinstance(item, RawArticle):
                item = item.model_copy(update={"source": source})
            yield item
    except InputError as error:
        yield Problem.from_error(error)


def read_document_sets_from(
    inputs: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[DocumentSet | Problem]:
    """Document sets from document-set JSONL files (batch summarization, evaluation)."""
    for payload in payloads(inputs, settings, stdin):
        if isinstance(payload, Problem):
            yield payload
            continue
        try:
            yield from read_document_sets(payload)
        except InputError as error:
            yield Problem.from_error(error)


# The name of 0.1, deprecated: kept for one release.
read_clusters_from = read_document_sets_from
