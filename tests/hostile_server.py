"""A hostile web server on 127.0.0.1 for tests and `benchmarks/hostile.py`: it answers each
path with what a test sets, in chunks, as slowly as asked, and counts the requests.

Every answer is bounded in size and time (a slow answer stops when the client hangs up),
and `PublicHost` plays a site at a public address without any traffic leaving the machine.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

from newsprism.ingest.netguard import resolve

# A public address that no test ever connects to: `PublicHost` answers for it.
PUBLIC = "93.184.216.34"


@dataclass
class Reply:
    """One answer: the body is sent in ``chunks`` with ``pause`` seconds before each."""

    chunks: list[bytes] = field(default_factory=list)
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    pause: float = 0.0


@dataclass
class HostileServer:
    base: str = ""
    replies: dict[str, Reply] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    sent: dict[str, int] = field(default_factory=dict)  # chunks written, per path
    # (monotonic time, path, "start" | "end") of every answer, in order
    log: list[tuple[float, str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, reply: Reply) -> str:
        self.replies[path] = reply
        return self.url(path)


def _handler(server: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # the body ends when the connection closes

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            server.hits[path] = server.hits.get(path, 0) + 1
            server.log.append((time.monotonic(), path, "start"))
            reply = server.replies.get(path) or Reply([b"not found"], 404)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                for chunk in reply.chunks:
                    if reply.pause:
                        time.sleep(reply.pause)
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    server.sent[path] = server.sent.get(path, 0) + 1
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should have
            finally:
                server.log.append((time.monotonic(), path, "end"))

        def log_message(self, *args: object) -> None:
            return

    return Handler


@contextmanager
def serving_on_loopback(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on an ephemeral loopback port: its base URL, then stopped."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    state = HostileServer()
    with serving_on_loopback(_handler(state)) as state.base:
        yield state


def gzipped(data: bytes, times: int = 1) -> bytes:
    for _ in range(times):
        data = gzip.compress(data, compresslevel=9)
    return data


def public_resolver(host: str, port: int) -> list[str]:
    """Names under ``.example`` are at `PUBLIC`; everything else resolves as usual."""
    return [PUBLIC] if host.endswith(".example") else resolve(host, port)


class PublicHost(httpx.BaseTransport):
    """Answers requests for `PUBLIC` with ``answer``; any other request goes out for real
    (only to loopback in these tests, and only if the address guard lets it through)."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == PUBLIC:
            return self.answer(request)
        return self.real.handle_request(request)

    def close(self) -> None:
        self.real.close()


def streamed(body: bytes, status: int = 200, **headers: str) -> httpx.Response:
    """A mocked answer whose body is read as a stream, as a real one is."""
    return httpx.Response(status, stream=httpx.ByteStream(body), headers=headers)
