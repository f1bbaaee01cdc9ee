"""One input's bytes, how they were obtained, and how to turn them into text safely."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from dateutil import parser as date_parser

from newsprism.errors import InputError

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "a program",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\sencoding=["']([\w.:-]+)""")


@dataclass(frozen=True)
class Payload:
    """The raw bytes of one file, stdin or download."""

    origin: str
    data: bytes
    name: str = ""
    url: str | None = None
    content_type: str | None = None
    charset: str | None = None

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem


def check_size(origin: str, size: int, limit: int) -> None:
    if size > limit:
        raise InputError(
            origin, f"{size / 1e6:.1f} MB is over the {limit / 1e6:.1f} MB limit (see --max-bytes)"
        )


def read_limited(path: Path, origin: str, limit: int) -> bytes:
    """A file's bytes, refused past ``limit``. The size the file system reports is checked
    first, and the read is counted too (`read_stream`): a FIFO, a device or a process
    substitution reports size 0. OS errors are the caller's to word."""
    check_size(origin, path.stat().st_size, limit)
    with path.open("rb") as handle:
        return read_stream(handle, origin, limit)


def read_stream(stream: BinaryIO, origin: str, limit: int) -> bytes:
    """A stream's bytes, refused once more than ``limit`` come: never read whole."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(origin, f"more than the {limit / 1e6:.1f} MB limit (see --max-bytes)")
    return data


def decode(payload: Payload, *, html: bool = False) -> str:
    """The payload as text; raises `InputError` for empty, binary or undecodable data."""
    data = payload.data
    if not data.strip():
        raise InputError(payload.origin, "empty")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(payload.origin, f"binary file ({kind}), not text, HTML or a feed")
    # Only a UTF-16 byte-order mark makes NUL bytes text (Windows editors save that way).
    charset = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    if charset is None and b"\x00" in data[:8192]:
        raise InputError(payload.origin, "binary file, not text, HTML or a feed")
    charset = charset or payload.charset
    if charset is None and (found := _XML_ENCODING.match(data[:200])):
        charset = found.group(1).decode("ascii")
    if charset is None and html and (found := _META_CHARSET.search(data[:4096])):
        charset = found.group(1).decode("ascii")
    try:
        # utf-8-sig drops a byte-order mark that a declared UTF-8 would keep.
        utf8 = charset is None or codecs.lookup(charset).name == "utf-8"
        return data.decode("utf-8-sig" if utf8 or charset is None else charset)
    except LookupError:
        return data.decode("utf-8-sig", errors="replace")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        raise InputError(
            payload.origin,
            f"not valid {charset or 'UTF-8'} text (byte 0x{bad:02x} at offset {error.start}); "
            "save it as UTF-8",
        ) from None


def _parse_free_date(text: str) -> datetime:
    try:
        return date_parser.parse(text)
    except (ValueError, OverflowError):
        # Some feeds write year-day-month ("1998-14-06"); read it so when that is the
        # only valid reading.
        return date_parser.parse(text, yearfirst=True, dayfirst=True)


def parse_datetime(value: object) -> datetime | None:
    """A timezone-aware datetime from an ISO string or free date text; naive times are UTC."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, datetime):
            parsed = value
        else:
            text = str(value).strip()
            try:
                parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                parsed = _parse_free_date(text)
        # dateutil accepts zones such as +25:00 that fail only when the offset is used.
        parsed.utcoffset()
    except (ValueError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def http_url(value: str) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else None."""
    value = value.strip()
    if not value or any(c.isspace() or not c.isprintable() for c in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return None
    return value


def domain_of(url: str | None) -> str | None:
    """The site of a URL without ``www.``: the outlet when nothing better is known."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    return host.removeprefix("www.") or None
