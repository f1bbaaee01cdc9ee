"""Undoing a response's Content-Encoding while counting what each layer produces.

A compressed body is small on the wire and large once decoded: 1 KB of gzip holds about
1 MB of zeros, and gzip applied twice (``Content-Encoding: gzip, gzip``) about 1 GB.
httpx decodes each received chunk in one step, so the size limit would only be checked
after the memory is spent. Here every layer is asked for at most what the limit still
allows, so no layer ever holds more than the limit.
"""

from __future__ import annotations

import zlib

from newsprism.errors import InputError

# What newsprism asks servers for (httpx would also offer brotli and zstd when those
# packages happen to be installed; they are not decoded here).
ACCEPT_ENCODING = "gzip, deflate"
# A server has no reason to stack more encodings than this; each layer costs a pass.
MAX_LAYERS = 2


class _Layer:
    """One gzip or deflate layer; a deflate body may be zlib-wrapped or raw (both are seen)."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        wbits = zlib.MAX_WBITS | 16 if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)
        self._started = False
        self.produced = 0

    def decompress(self, data: bytes, room: int) -> bytes:
        """At most ``room`` bytes of output (``room`` > what may still be produced means
        over the limit; the caller checks)."""
        try:
            out = self._zlib.decompress(data, room)
        except zlib.error:
            if self._started or self.encoding != "deflate":
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._zlib.decompress(data, room)
        self._started = True
        self.produced += len(out)
        return out

    def flush(self) -> bytes:
        out = self._zlib.flush()
        self.produced += len(out)
        return out


class BoundedDecoder:
    """Decodes a body chunk by chunk; raises `InputError` as soon as any layer would
    produce more than ``limit`` bytes, or for an encoding it does not know."""

    def __init__(self, content_encoding: str, limit: int, origin: str) -> None:
        names = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
        names = [e for e in names if e != "identity"]
        for name in names:
            if name not in ("gzip", "x-gzip", "deflate"):
                raise InputError(origin, f"the server used an unsupported encoding ({name})")
        if len(names) > MAX_LAYERS:
            raise InputError(
                origin, f"the server encoded the body {len(names)} times (at most {MAX_LAYERS})"
            )
        # The last encoding applied is the first to undo.
        self._layers = [_Layer(name) for name in reversed(names)]
        self.limit = limit
        self.origin = origin
        self.size = 0

    def _over(self) -> InputError:
        return InputError(
            self.origin,
            f"more than the {self.limit / 1e6:.1f} MB limit once decompressed (see --max-bytes)",
        )

    def _through(self, data: bytes, final: bool) -> bytes:
        for layer in self._layers:
            room = self.limit - layer.produced + 1
            try:
                out = layer.decompress(data, room) if data else b""
                if final:
                    out += layer.flush()
            except zlib.error:
                raise InputError(
                    self.origin, f"the server sent corrupt {layer.encoding} data"
                ) from None
            if layer.produced > self.limit:
                raise self._over()
            data = out
        return data

    def decode(self, chunk: bytes) -> bytes:
        """The decoded bytes of one received chunk."""
        out = self._through(chunk, final=False)
        self.size += len(out)
        return out

    def flush(self) -> bytes:
        """What the layers still hold at the end of the body."""
        out = self._through(b"", final=True)
        self.size += len(out)
        return out
