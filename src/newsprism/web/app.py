"""The web app: HTML pages and a JSON API over the store, and compare-now for pasted text."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Scope

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.store import Store
from newsprism.version import __version__
from newsprism.web import api, pages
from newsprism.web.limits import BodyLimit
from newsprism.web.policy import LocalOnly, host_names
from newsprism.web.security import DEFAULT_HEADERS, SecurityHeaders
from newsprism.web.service import LRU, Comparer, Reader
from newsprism.web.state import HERE, AppState, error_response

DEFAULT_MAX_REQUEST_BYTES = 10_000_000
# Compare-now results kept for their report page; older ones must be submitted again.
KEPT_RESULTS = 32

DESCRIPTION = """\
newsprism reads several news reports of one event and tells what each outlet says:
shared and exclusive facts, contradictions, quotes, entities, a timeline and a summary,
each statement traced to a span (article id, start, end) of an article's clean text.

Write endpoints (POST, DELETE) need `Authorization: Bearer <token>` when the server was
started with a token. Errors answer `{"error": "..."}`.
"""


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(x) for x in item.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where}: {item.get('msg')}" if where else str(item.get("msg")))
    return "invalid request: " + "; ".join(parts)


def _install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        problems = getattr(exc, "problems", None)
        return error_response(request, exc.status_code, str(exc.detail), problems, exc.headers)

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    async def refused(request: Request, exc: Exception) -> Response:
        return error_response(request, 400, str(exc))

    async def crashed(request: Request, exc: Exception) -> Response:
        # Starlette answers a crash outside every middleware, so the headers go on here.
        return error_response(request, 500, "internal server error", headers=DEFAULT_HEADERS)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(NewsprismError, refused)
    app.add_exception_handler(Exception, crashed)


def _error_app(scope: Scope, status: int, message: str) -> ASGIApp:
    """An error answer for middleware, which runs before routing."""
    return error_response(Request(scope), status, message)


def create_app(
    settings: Settings,
    store_target: str | Path | None = None,
    token: str | None = None,
    allow_fetch: bool = False,
    allow_private: bool = False,
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
    allowed_hosts: Sequence[str] | None = None,
    preload: bool = False,
    host: str | None = None,
) -> FastAPI:
    """The web app over the store at ``store_target`` (path or URL; default the settings').

    ``token``: required by write endpoints and forms (at least 16 characters). Without one
    the app is for this machine only: it answers only peers on this machine, under this
    machine's host names (`newsprism.web.policy`). ``allow_fetch``: the server may fetch
    URLs users give, only from public addresses unless ``allow_private``.
    ``allowed_hosts``: Host header values accepted; by default this machine's names when
    there is no token or ``host`` is a loopback address, else any. ``host``: the address
    the app is served on, when known (a public one needs a token). ``preload``: load the
    NLP models in the background at startup instead of at the first comparison.

    Raises `NewsprismError` for options the policy refuses, or if the store cannot be opened.
    """
    hosts = host_names(token or None, host, allowed_hosts, allow_fetch, allow_private)
    store = Store.open(str(store_target) if store_target else None, settings)
    state = AppState(
        settings=settings,
        store=store,
        comparer=Comparer(settings),
        reader=Reader(settings, allow_fetch=allow_fetch, allow_private=allow_private),
        results=LRU(KEPT_RESULTS),
        token=token or None,
        max_request_bytes=max_request_bytes,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if preload:
            state.comparer.warm_up()
        try:
            yield
        finally:
            state.comparer.jobs.stopping.set()  # a running job stops at its next stage
            store.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # the stock pages load scripts from a CDN; /docs is served locally
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.newsprism = state
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_error_handlers(app)
    # The last added runs first: headers on every answer, then the peer and host checks,
    # then size.
    app.add_middleware(BodyLimit, limit=max_request_bytes, on_error=_error_app)
    if hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    if state.token is None:
        app.add_middleware(LocalOnly, on_error=_error_app)
    app.add_middleware(SecurityHeaders)
    return app
