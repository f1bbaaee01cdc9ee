"""Downloading http(s) inputs: one guarded client for every request newsprism makes.

Whatever asks (a URL on the command line, a feed polled by `watch`, the page a feed entry
links to, a URL given to the web app), the request goes through `client`: public
addresses only (`netguard`), bounded redirects, a timeout per read and a total deadline
per download, and a body counted as it is decoded, so neither a slow server nor a
compressed one can hold a fetch or its memory beyond the settings.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.ingest.decompress import ACCEPT_ENCODING, BoundedDecoder
from newsprism.ingest.netguard import DEADLINE, GuardedTransport, Resolver, resolve
from newsprism.ingest.payload import Payload, check_size

# Pages, feeds and the text formats newsprism reads; anything else is refused unread.
ACCEPTED_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "text/plain": "text",
    "application/json": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL with a valid host; else `InputError`."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError, ValueError) as error:
        raise InputError(url, f"not a valid URL ({error})") from None
    if parsed.scheme not in ("http", "https"):
        raise InputError(url, "not an http(s) URL")
    if not parsed.host:
        raise InputError(url, "not a valid URL (no host)")
    return url


def client(
    settings: Settings,
    transport: httpx.BaseTransport | None = None,
    *,
    resolver: Resolver = resolve,
) -> httpx.Client:
    """The HTTP client for every fetch. ``transport`` (tests) sits under the address guard,
    which sees every request, redirects included."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        timeout=settings.fetch_timeout,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        transport=GuardedTransport(
            transport, allow_private=settings.allow_private, resolver=resolver
        ),
        # A proxy from the environment would resolve and connect on its own, past the guard.
        trust_env=False,
    )


class Deadline:
    """When a download must be over: checked at every request (redirects too) and chunk."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def extensions(self) -> dict[str, float]:
        return {DEADLINE: self.at}

    def error(self, url: str) -> InputError:
        return InputError(url, f"not downloaded within the {self.seconds:g} s limit")


@contextmanager
def get(
    http: httpx.Client, url: str, settings: Settings, headers: dict[str, str] | None = None
) -> Iterator[tuple[httpx.Response, Deadline]]:
    """A streamed GET of ``url`` under a new deadline; request failures become `InputError`
    (naming the URL given, and the hop when a redirect was refused). The status is the
    caller's to check."""
    check_url(url)
    deadline = Deadline(settings.fetch_deadline)
    try:
        with http.stream("GET", url, headers=headers, extensions=deadline.extensions()) as answer:
            yield answer, deadline
    except httpx.HTTPError as error:
        raise http_problem(url, error, settings, deadline) from None
    except httpx.InvalidURL as error:  # a redirect to a malformed URL
        raise InputError(url, f"redirected to an invalid URL ({error})") from None
    except InputError as error:
        if error.input == url:
            raise
        # Refused at a redirect: name the URL the user gave as well as the hop.
        raise InputError(url, f"{error.input}: {error.reason}") from None


def fetch(url: str, settings: Settings, http: httpx.Client | None = None) -> Payload:
    """The body of ``url``; raises `InputError` with the reason it could not be used."""
    own = http is None
    http = http or client(settings)
    try:
        with get(http, url, settings) as (response, deadline):
            if not response.is_success:
                reason = f"{response.status_code} {response.reason_phrase}".rstrip()
                raise InputError(url, f"the server answered HTTP {reason}")
            return read_body(url, response, settings, "an HTML page or a feed", deadline)
    finally:
        if own:
            http.close()


def read_body(
    url: str, response: httpx.Response, settings: Settings, wanted: str, deadline: Deadline
) -> Payload:
    """The streamed body of a successful response, refused unread when its declared type
    is not one newsprism reads, and cut off as soon as its decoded size passes
    ``settings.max_bytes`` or the download passes its deadline."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and media_type not in ACCEPTED_TYPES:
        raise InputError(url, f"not {wanted} (content type {media_type})")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit():
        check_size(url, int(declared), settings.max_bytes)
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), settings.max_bytes, url)
    chunks, received = [], 0
    for raw in response.iter_raw():
        received += len(raw)
        check_size(url, received, settings.max_bytes)
        chunks.append(decoder.decode(raw))
        if deadline.passed:
            raise deadline.error(url)
    chunks.append(decoder.flush())
    return Payload(
        origin=url,
        data=b"".join(chunks),
        name=response.url.path,
        url=str(response.url),
        content_type=media_type or None,
        charset=response.charset_encoding,
    )


def http_problem(
    url: str, error: httpx.HTTPError, settings: Settings, deadline: Deadline | None = None
) -> InputError:
    """What went wrong with a request, in the user's terms."""
    if isinstance(error, httpx.TooManyRedirects):
        return InputError(url, f"more than {settings.max_redirects} redirects")
    if isinstance(error, httpx.TimeoutException):
        if deadline is not None and deadline.passed:
            return deadline.error(url)
        return InputError(url, f"no answer within {settings.fetch_timeout:g} s")
    if isinstance(error, httpx.UnsupportedProtocol):
        return InputError(url, f"not a valid URL ({error})")
    return InputError(url, f"could not connect ({error or type(error).__name__})")
