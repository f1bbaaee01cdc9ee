"""Every request newsprism makes connects only to public addresses (unless allowed).

A URL newsprism fetches may come from someone else: a feed names the pages of its
entries, a web user names pages for the server to fetch, a page redirects elsewhere. Any
of them could point at the machine's loopback services, the cloud metadata address or
the private LAN. The transport below resolves every request's host itself (redirects
pass through it too), refuses it when any address is not a public one, and connects to
the address it checked, so a second DNS answer cannot swap in another address. It also
keeps each request within the total deadline of its download (see `fetch`).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable

import httpx

from newsprism.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# The request extension holding a download's deadline (a `time.monotonic()` value).
DEADLINE = "newsprism.deadline"

# IPv6 prefixes whose last 32 bits are an IPv4 address the traffic ends up at: NAT64
# (RFC 6052) and the IPv4-compatible form (deprecated, still routed by some stacks).
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215: local use only
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries traffic to, if it embeds one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local…),
    also through the IPv4 address an IPv6 one embeds (mapped, 6to4, NAT64, compatible)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in _NAT64_LOCAL:
            return False
        inner = embedded_ipv4(address)
        if inner is not None:
            return is_public(inner)
    return address.is_global and not address.is_multicast


def _timeouts(request: httpx.Request) -> dict[str, float | None]:
    """The request's timeouts, none longer than what is left of its download's deadline."""
    timeouts = dict(request.extensions.get("timeout", {}))
    deadline = request.extensions.get(DEADLINE)
    if deadline is None:
        return timeouts
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpx.ReadTimeout("the download's deadline passed", request=request)
    return {key: left if value is None else min(value, left) for key, value in timeouts.items()}


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
                        "(newsprism fetches only from public addresses unless allowed)",
                    )
        return str(candidates[0])

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        timeouts = _timeouts(request)
        address = self._address(request)
        # Connect to the checked address; the Host header and the TLS name stay the host's.
        # A copy: the client resolves redirects and reports URLs from the original request.
        pinned = httpx.Request(
            request.method,
            request.url.copy_with(host=address) if address != host else request.url,
            headers=request.headers,
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": host, "timeout": timeouts},
        )
        return self._inner.handle_request(pinned)

    def close(self) -> None:
        self._inner.close()
