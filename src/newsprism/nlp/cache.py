"""On-disk cache of annotations, keyed by text hash and model versions.

A parsed spaCy ``Doc`` is stored as DocBin bytes and sentence embeddings as ``.npy``.
Writes go to a temporary file that is renamed into place, so an interrupted run
never leaves a half-written entry; an unreadable entry is treated as missing.

The cache is bounded: a read marks an entry as used (its modification time), and once the
writes since the last check pass a twentieth of the bound, the least recently used entries
are removed until the cache holds at most nine tenths of it. Only files the cache itself
names (``<2 hex>/<64 hex>.spacy|.npy``) are ever counted or removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:spacy|npy)")
_SHARD = re.compile(r"[0-9a-f]{2}")


@dataclass(frozen=True)
class CacheUsage:
    """What the cache folder holds."""

    root: Path
    entries: int
    size: int  # bytes
    limit: int | None  # bytes, None when unbounded


class AnnotationCache:
    """Docs and embeddings under ``root``; a disabled cache stores and finds nothing.
    With ``max_bytes``, the least recently used entries go once the cache outgrows it."""

    def __init__(self, root: Path, *, enabled: bool = True, max_bytes: int | None = None) -> None:
        self.root = root
        self.enabled = enabled
        self.max_bytes = max_bytes
        self._written = 0

    def entries(self) -> Iterator[os.DirEntry[str]]:
        """The cache's own files, nothing else that may lie in the folder."""
        try:
            shards = [d for d in os.scandir(self.root) if d.is_dir() and _SHARD.fullmatch(d.name)]
        except OSError:
            return
        for shard in shards:
            try:
                found = list(os.scandir(shard.path))
            except OSError:
                continue
            yield from (f for f in found if _ENTRY.fullmatch(f.name) and f.is_file())

    def usage(self) -> CacheUsage:
        count = size = 0
        for entry in self.entries():
            count += 1
            size += entry.stat().st_size
        return CacheUsage(self.root, count, size, self.max_bytes)

    def clear(self) -> int:
        """Remove every entry; how many were removed."""
        removed = 0
        for entry in self.entries():
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                continue
        return removed

    def trim(self) -> int:
        """Remove the least recently used entries until the cache holds at most nine tenths
        of ``max_bytes``; how many were removed."""
        self._written = 0
        if self.max_bytes is None:
            return 0
        files = []
        for entry in self.entries():
            try:
                stat = entry.stat()
            except OSError:
                continue
            files.append((stat.st_mtime, stat.st_size, entry.path))
        total = sum(size for _, size, _ in files)
        removed = 0
        for _, size, path in sorted(files):
            if total <= 0.9 * self.max_bytes:
                break
            try:
                os.unlink(path)
            except OSError:
                continue
            total -= size
            removed += 1
        return removed

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str, suffix: str) -> Path:
        return self.root / key[:2] / f"{key}{suffix}"

    def _read(self, key: str, suffix: str) -> bytes | None:
        if not self.enabled:
            return None
        path = self._path(key, suffix)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if self.max_bytes is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: the last to go when the cache is trimmed
        return data

    def _write(self, key: str, suffix: str, data: bytes) -> None:
        if not self.enabled:
            return
        path = self._path(key, suffix)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
            self._written += len(data)
            if self.max_bytes is not None and self._written > self.max_bytes / 20:
                self.trim()
        except OSError:
            # A read-only or full cache folder slows newsprism down but must not stop it.
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def has(self, key: str, suffix: str) -> bool:
        """Whether the entry of ``key`` and ``suffix`` (".spacy", ".npy", ".json") is there,
        without reading it."""
        return self.enabled and self._path(key, suffix).is_file()

    def get_doc(self, key: str, vocab: Any) -> Any | None:
        from spacy.tokens import DocBin

        data = self._read(key, ".spacy")
        if data is None:
            return None
        try:
            docs = list(DocBin().from_bytes(data).get_docs(vocab))
        except Exception:
            return None
        return docs[0] if len(docs) == 1 else None

    def put_doc(self, key: str, doc: Any) -> None:
        from spacy.tokens import DocBin

        self._write(key, ".spacy", DocBin(docs=[doc]).to_bytes())

    def get_array(self, key: str) -> np.ndarray | None:
        data = self._read(key, ".npy")
        if data is None:
            return None
        try:
            return np.load(io.BytesIO(data), allow_pickle=False)
        except (ValueError, OSError, EOFError):
            return None

    def put_array(self, key: str, array: np.ndarray) -> None:
        buffer = io.BytesIO()
        np.save(buffer, array, allow_pickle=False)
        self._write(key, ".npy", buffer.getvalue())

    def get_json(self, key: str) -> dict[str, Any] | None:
        data = self._read(key, ".json")
        if data is None:
            return None
        try:
            value = json.loads(data)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put_json(self, key: str, value: dict[str, Any]) -> None:
        self._write(key, ".json", json.dumps(value, separators=(",", ":")).encode("utf-8"))
