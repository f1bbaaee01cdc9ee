"""Bounds on what a client can send: request body size, and forms parsed in memory."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import aclosing
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# A form of four pasted articles and a few uploads; the total is still bounded by the
# request size limit.
MAX_FORM_FIELDS = 100
MAX_FORM_FILES = 20
# Words compared per article and per request: comparing takes time and memory that grow
# faster than the text (2 x 100 KB of text took 50 s and 1.7 GB), and one job at a time
# serves everyone. News reports run from a few hundred to a few thousand words.
MAX_ARTICLE_WORDS = 10_000
MAX_REQUEST_WORDS = 20_000
# Items a page may skip: far more than any store holds, far less than the database's
# 64-bit integers (past which SQLite raises and the connection is reset).
MAX_OFFSET = 1_000_000_000


def check_words(texts: Iterable[tuple[str, str]]) -> None:
    """422 for an article longer than `MAX_ARTICLE_WORDS`, 413 when the articles of one
    request hold more than `MAX_REQUEST_WORDS` together."""
    total = 0
    for name, text in texts:
        words = len(text.split())
        if words > MAX_ARTICLE_WORDS:
            raise HTTPException(
                422,
                f"{name} has {words:,} words; this server compares articles of at most "
                f"{MAX_ARTICLE_WORDS:,} words",
            )
        total += words
    if total > MAX_REQUEST_WORDS:
        raise HTTPException(
            413,
            f"the articles hold {total:,} words together; this server compares at most "
            f"{MAX_REQUEST_WORDS:,} words a request",
        )


class BodyTooLarge(HTTPException):
    """Raised while the body streams in, so that FastAPI's body parsing passes it on as is."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than the {limit:,}-byte limit")


class BodyLimit:
    """ASGI middleware: 413 when the declared or the streamed request body exceeds ``limit``.

    The declared Content-Length is checked before the application runs; a body sent
    without one (chunked) is counted as it is read, so a lying client is stopped too.
    """

    def __init__(self, app: ASGIApp, limit: int, on_error: Any) -> None:
        self.app = app
        self.limit = limit
        self.on_error = on_error  # (scope, status, message) -> ASGI response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await self.on_error(scope, 400, "invalid Content-Length header")(
                    scope, receive, send
                )
                return
            if int(declared) > self.limit:
                error = BodyTooLarge(self.limit)
                await self.on_error(scope, 413, error.detail)(scope, receive, send)
                return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as error:
            if started:
                raise
            await self.on_error(scope, 413, error.detail)(scope, receive, send)


class _MemoryMultiPartParser(MultiPartParser):
    """Starlette's parser with uploads kept in memory up to ``spool_max_size`` (never a
    file named by the client; the request limit bounds the memory)."""

    def __init__(self, *args: Any, spool_max_size: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spool_max_size = spool_max_size


async def read_form(request: Request, limit: int) -> FormData:
    """The request's form (urlencoded or multipart); fields and files up to ``limit`` bytes.

    Raises HTTPException 400 for a malformed form, 413 (`BodyTooLarge`) past the limit.
    """
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    options: dict[str, Any] = {"max_fields": MAX_FORM_FIELDS, "max_part_size": limit}
    try:
        async with aclosing(request.stream()) as stream:
            if kind == "multipart/form-data":
                parser: Any = _MemoryMultiPartParser(
                    request.headers,
                    stream,
                    max_files=MAX_FORM_FILES,
                    spool_max_size=limit + 1,
                    **options,
                )
            elif kind == "application/x-www-form-urlencoded":
                parser = FormParser(request.headers, stream, **options)
            else:
                raise HTTPException(415, "send the form as multipart/form-data or urlencoded")
            return await parser.parse()
    except MultiPartException as error:
        raise HTTPException(400, error.message) from None
