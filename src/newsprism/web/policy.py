"""Who may reach the app at all, enforced by `create_app` itself, so that the app mounted
in another server keeps the rules `newsprism serve` starts it with.

Without a token the app is for this machine only: it refuses to be served on an address
others can reach, answers only peers on this machine, and only under this machine's host
names (a web page could otherwise reach it through a domain that resolves to 127.0.0.1:
DNS rebinding). With a token it may face the network; the token must be long enough that
guessing it over the network is hopeless."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence

from starlette.types import ASGIApp, Receive, Scope, Send

from newsprism.errors import NewsprismError
from newsprism.web.security import LOOPBACK_HOSTS, is_loopback

MIN_TOKEN_LENGTH = 16
LOCAL_ONLY = "this server has no token, so it answers only requests from this machine"


def host_header(host: str) -> str:
    """How a listening address appears in a Host header (an IPv6 address in brackets)."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


def _is_loopback_name(pattern: str) -> bool:
    return is_loopback(pattern.removeprefix("*."))


def host_names(
    token: str | None,
    host: str | None,
    allowed_hosts: Sequence[str] | None,
    allow_fetch: bool,
    allow_private: bool,
) -> list[str] | None:
    """The Host header values the app accepts (None: any), after checking the options
    against the policy; raises `NewsprismError` for options that break it.

    ``host`` is the address the app is served on, when the caller knows it."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise NewsprismError(f"the token is too short: use at least {MIN_TOKEN_LENGTH} characters")
    if allow_private and not allow_fetch:
        raise NewsprismError("allow_private (--allow-private) needs allow_fetch (--allow-fetch)")
    local = host is not None and is_loopback(host)
    if token is None and host is not None and not local:
        raise NewsprismError(
            f"refusing to listen on {host} without a token; give a token "
            "(--token or NEWSPRISM_TOKEN), or listen on 127.0.0.1"
        )
    if allowed_hosts is not None:
        if token is None:
            public = [h for h in allowed_hosts if not _is_loopback_name(h)]
            if public:
                raise NewsprismError(
                    f"refusing to answer as {public[0]} without a token; give a token, "
                    "or allow only this machine's host names"
                )
        return list(allowed_hosts)
    if token is None or local:
        return [*LOOPBACK_HOSTS, *([host_header(host)] if host else [])]
    return None


class LocalOnly:
    """ASGI middleware answering only peers on this machine (for an app without a token)."""

    def __init__(self, app: ASGIApp, on_error: Callable[[Scope, int, str], ASGIApp]) -> None:
        self.app = app
        self.on_error = on_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            # An unknown peer (None) is refused too: nothing says it is this machine.
            peer = scope.get("client")
            if not peer or not is_loopback(str(peer[0])):
                await self.on_error(scope, 403, LOCAL_ONLY)(scope, receive, send)
                return
        await self.app(scope, receive, send)
