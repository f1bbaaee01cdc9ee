"""Fetching URLs for web users without letting them reach the server's own network.

A URL given to the web app is fetched by the server, so a user could point it at the
server's loopback services, the cloud metadata address or the private LAN. The
transport below resolves every request's host itself (redirects pass through it too),
refuses it when any address is not a global one, and connects to the address it
checked, so a second DNS answer cannot swap in another address.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx

from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.ingest.fetch import client, fetch
from newsprism.ingest.payload import Payload

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local…)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that connects only to public addresses (unless ``allow_private``)."""

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        *,
        allow_private: bool = False,
        resolver: Resolver = resolve,
    ) -> None:
        self._inner = inner or httpx.HTTPTransport()
        self._allow_private = allow_private
        self._resolver = resolver

    def _address(self, request: httpx.Request) -> str:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        try:
            literal: IPAddress | None = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None:
            candidates = [literal]
        else:
            try:
                candidates = [
                    ipaddress.ip_address(a.split("%")[0]) for a in self._resolver(host, port)
                ]
            except (OSError, UnicodeError) as error:
                raise httpx.ConnectError(
                    f"cannot resolve {host} ({error})", request=request
                ) from None
            if not candidates:
                raise httpx.ConnectError(f"cannot resolve {host}", request=request)
        if not self._allow_private:
            for address in candidates:
                if not is_public(address):
                    what = host if literal is not None else f"{host} resolves to {address}, which"
                    raise InputError(
                        str(request.url),
                        f"refused: {what} is not a public address "
                        "(this server fetches only from public addresses)",
                    )
        return str(candidates[0])

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        address = self._address(request)
        if address == host:
            return self._inner.handle_request(request)
        # Connect to the checked address; the Host header and the TLS name stay the host's.
        # A copy: the client resolves redirects and reports URLs from the original request.
        pinned = httpx.Request(
            request.method,
            request.url.copy_with(host=address),
            headers=request.headers,
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": host},
        )
        return self._inner.handle_request(pinned)

    def close(self) -> None:
        self._inner.close()


def fetch_guarded(
    url: str, settings: Settings, *, allow_private: bool = False, resolver: Resolver = resolve
) -> Payload:
    """`newsprism.ingest.fetch.fetch` through a `GuardedTransport`; raises `InputError`."""
    transport = GuardedTransport(allow_private=allow_private, resolver=resolver)
    with client(settings, transport=transport) as http:
        try:
            return fetch(url, settings, http)
        except InputError as error:
            if error.input == url:
                raise
            # Refused at a redirect: name the URL the user gave as well as the hop.
            raise InputError(url, f"{error.input}: {error.reason}") from None
