"""Web archives (WARC, as crawlers and Common Crawl's news archive write them): every page a
file holds, read as if it had been fetched.

A WARC file is read as a stream, record by record, however large; each HTTP response (or
resource) of a type newsprism reads becomes a `Payload` named ``FILE#URL`` and goes through
the readers of any download. A body is decoded (chunked, gzip) by warcio and cut off past
``settings.max_bytes``, like a download. Records that are not pages (requests, metadata,
images, scripts, error answers) are passed over, and counted in one notice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.download import ACCEPTED_TYPES
from newsprism.ingest.payload import Payload, check_size

SUFFIXES = (".warc", ".warc.gz")
_READ = {"response", "resource"}


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def _page(record: object, origin: str, settings: Settings) -> Payload | None:
    """The record's body as a payload, or None when it is not a page newsprism reads."""
    kind = getattr(record, "rec_type", None)
    http = getattr(record, "http_headers", None)
    if kind not in _READ:
        return None
    if kind == "response" and (http is None or not http.get_statuscode().startswith("2")):
        return None
    headers = http if http is not None else record.rec_headers  # type: ignore[attr-defined]
    declared = headers.get_header("Content-Type") or ""
    media_type = declared.split(";")[0].strip().lower()
    if media_type not in ACCEPTED_TYPES:
        return None
    data = record.content_stream().read(settings.max_bytes + 1)  # type: ignore[attr-defined]
    check_size(origin, len(data), settings.max_bytes)
    charset = declared.partition("charset=")[2].strip(' "') or None
    url = origin.partition("#")[2] or None
    return Payload(
        origin=origin,
        data=data,
        name=urlsplit(url).path if url else "",
        url=url,
        content_type=media_type,
        charset=charset,
    )


def warc_payloads(path: Path, settings: Settings) -> Iterator[Payload | Problem]:
    """The pages of the WARC file at ``path`` (see the module doc)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    passed = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                origin = f"{path}#{uri}"
                try:
                    page = _page(record, origin, settings)
                except InputError as error:
                    yield Problem.from_error(error)
                    continue
                if page is None:
                    passed += record.rec_type in _READ
                else:
                    yield page
    except ArchiveLoadFailed as error:
        # warcio explains at length, over several lines: its first line says what is wrong.
        first = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
        yield Problem(str(path), f"not a readable WARC file ({first.removeprefix('ERROR: ')})")
        return
    except OSError as error:
        yield Problem(str(path), f"cannot read ({error.strerror or error})")
        return
    if passed:
        what = "record that is not a page" if passed == 1 else "records that are not pages"
        yield Problem(str(path), f"passed over {passed} {what}", "notice")
