"""Who may write: the bearer token of the API, the token cookie of the HTML forms, and
the response headers that keep pages from being framed, sniffed or scripted by others."""

from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_COOKIE = "newsprism_token"
# Host header values of a server on this machine only (see `allowed_hosts` of create_app).
LOOPBACK_HOSTS = ("localhost", "*.localhost", "127.0.0.1", "[::1]")

# Pages are HTML, CSS and script files from this server: no inline script, no other origin.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# A report carries its own inline CSS and JS (allowed by hashes in its own meta policy); served
# inside our story and result pages, sandboxed so its scripts run in an opaque origin.
REPORT_POLICY = (
    "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    # ::ffff:127.0.0.1 is how a dual-stack socket shows an IPv4 peer on this machine.
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    return (mapped or address).is_loopback


def same_token(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so the answer time does not tell how much was right."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def check_bearer(request: Request, token: str | None) -> None:
    """401 without a token, 403 with a wrong one; nothing when no token is configured."""
    if token is None:
        return
    header = request.headers.get("authorization")
    if not header:
        raise HTTPException(
            401,
            "this server requires a token: send the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not same_token(value.strip(), token):
        raise HTTPException(403, "wrong token", headers={"WWW-Authenticate": "Bearer"})


def cookie_value(token: str) -> str:
    """What the sign-in cookie holds: derived from the token, so the browser never keeps
    the token itself (which also opens the API)."""
    return hmac.new(token.encode(), b"newsprism web forms", "sha256").hexdigest()


def signed_in(request: Request, token: str | None) -> bool:
    """Whether this browser may use the forms: it holds the sign-in cookie (or no token is set)."""
    return token is None or same_token(request.cookies.get(TOKEN_COOKIE), cookie_value(token))


def check_same_origin(request: Request) -> None:
    """403 for a form posted from another site (a page elsewhere aiming at this server)."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if urlsplit(origin).netloc.lower() != host.lower():
        raise HTTPException(403, "this form can only be sent from this server's own pages")


# What every answer carries unless it sets its own (a report sets its own policy).
DEFAULT_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "content-security-policy": PAGE_POLICY,
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """ASGI middleware adding the headers every answer should carry (unless set already)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                defaults = {k.encode(): v.encode() for k, v in DEFAULT_HEADERS.items()}
                if b"content-security-policy" in present:
                    defaults.pop(b"x-frame-options")
                headers += [(k, v) for k, v in defaults.items() if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)
