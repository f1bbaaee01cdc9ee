"""On-disk cache of annotations, keyed by text hash and model versions.

A parsed spaCy ``Doc`` is stored as DocBin bytes and sentence embeddings as ``.npy``.
Writes go to a temporary file that is renamed into place, so an interrupted run
never leaves a half-written entry; an unreadable entry is treated as missing.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np


class AnnotationCache:
    """Docs and embeddings under ``root``; a disabled cache stores and finds nothing."""

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        self.root = root
        self.enabled = enabled

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str, suffix: str) -> Path:
        return self.root / key[:2] / f"{key}{suffix}"

    def _read(self, key: str, suffix: str) -> bytes | None:
        if not self.enabled:
            return None
        try:
            return self._path(key, suffix).read_bytes()
        except OSError:
            return None

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
        except OSError:
            # A read-only or full cache folder slows newsprism down but must not stop it.
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

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
