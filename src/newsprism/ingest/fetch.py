"""Downloading http(s) inputs with httpx: bounded time, size and redirects."""

from __future__ import annotations

import httpx

from newsprism.config import Settings
from newsprism.errors import InputError
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


def client(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The HTTP client for inputs; ``transport`` sees every request, redirects included."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        timeout=settings.fetch_timeout,
        headers={"User-Agent": settings.user_agent},
        transport=transport,
        # Proxies from the environment would be mounted in front of a given transport.
        trust_env=transport is None,
    )


def fetch(url: str, settings: Settings, http: httpx.Client | None = None) -> Payload:
    """The body of ``url``; raises `InputError` with the reason it could not be used."""
    own = http is None
    http = http or client(settings)
    try:
        with http.stream("GET", url) as response:
            response.raise_for_status()
            return read_body(url, response, settings, "an HTML page or a feed")
    except httpx.HTTPStatusError as error:
        status = error.response
        raise InputError(
            url, f"the server answered HTTP {status.status_code} {status.reason_phrase}"
        ) from None
    except httpx.HTTPError as error:
        raise http_problem(url, error, settings) from None
    finally:
        if own:
            http.close()


def read_body(url: str, response: httpx.Response, settings: Settings, wanted: str) -> Payload:
    """The streamed body of a successful response, refused unread when its declared type
    is not one newsprism reads, and cut off as soon as it passes ``settings.max_bytes``."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and media_type not in ACCEPTED_TYPES:
        raise InputError(url, f"not {wanted} (content type {media_type})")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit():
        check_size(url, int(declared), settings.max_bytes)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        check_size(url, size, settings.max_bytes)
        chunks.append(chunk)
    return Payload(
        origin=url,
        data=b"".join(chunks),
        name=response.url.path,
        url=str(response.url),
        content_type=media_type or None,
        charset=response.charset_encoding,
    )


def http_problem(url: str, error: httpx.HTTPError, settings: Settings) -> InputError:
    """What went wrong with a request, in the user's terms."""
    if isinstance(error, httpx.TooManyRedirects):
        return InputError(url, f"more than {settings.max_redirects} redirects")
    if isinstance(error, httpx.TimeoutException):
        return InputError(url, f"no answer within {settings.fetch_timeout:g} s")
    if isinstance(error, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return InputError(url, f"not a valid URL ({error})")
    return InputError(url, f"could not connect ({error or type(error).__name__})")
