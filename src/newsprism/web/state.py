"""What every request handler shares: the app's state, the templates, error answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from newsprism.config import Settings
from newsprism.report import article_name, human_time
from newsprism.store import Store
from newsprism.version import __version__
from newsprism.web.security import signed_in
from newsprism.web.service import LRU, Comparer, Reader, Result

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["version"] = __version__


def _utc(moment: datetime) -> str:
    """A stored time, in UTC and labelled so (a +08:00 time once printed with "UTC")."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


templates.env.filters["utc"] = _utc
templates.env.filters["local_time"] = human_time
templates.env.filters["article_name"] = article_name


class Rejected(HTTPException):
    """An error answer that lists each input that could not be used."""

    def __init__(self, status: int, message: str, problems: list[str]) -> None:
        super().__init__(status, message)
        self.problems = problems


@dataclass
class AppState:
    settings: Settings
    store: Store
    comparer: Comparer
    reader: Reader
    results: LRU[str, Result]
    token: str | None
    max_request_bytes: int

    def signed_in(self, request: Request) -> bool:
        """Whether this browser may use the forms (always, when no token is configured)."""
        return signed_in(request, self.token)


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.newsprism
    return state


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200
) -> Response:
    """An HTML page from a template, with what the layout needs."""
    state = state_of(request)
    values = {
        "token_required": state.token is not None,
        "signed_in": state.signed_in(request),
        **(context or {}),
    }
    return templates.TemplateResponse(request, name, values, status_code=status)


def wants_json(request: Request) -> bool:
    """API paths answer JSON; pages answer HTML unless the client asks for JSON only."""
    if request.url.path.startswith(("/api/", "/openapi")) or request.url.path == "/api":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(
    request: Request,
    status: int,
    message: str,
    problems: list[str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """An error as ``{"error": ...}`` for the API, as a page for a browser."""
    if wants_json(request) or getattr(request.app.state, "newsprism", None) is None:
        body: dict[str, Any] = {"error": message}
        if problems:
            body["problems"] = problems
        return JSONResponse(body, status_code=status, headers=headers)
    page = render(
        request,
        "error.html",
        {"status": status, "message": message, "problems": problems or []},
        status=status,
    )
    if headers:
        page.headers.update(headers)
    return page
