"""The annotation cache stays under its bound, least recently used first, and `newsprism
cache info|clear` shows and empties it without touching anything else in the folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.nlp.cache import AnnotationCache

ENTRY = 8 * 1000 + 128  # a .npy of 1,000 float64 values, with its header


def _put(cache: AnnotationCache, name: str, when: float) -> Path:
    key = AnnotationCache.key(name)
    cache.put_array(key, np.zeros(1000))
    path = cache.root / key[:2] / f"{key}.npy"
    os.utime(path, (when, when))
    return path


def test_trimming_removes_the_least_recently_used_first(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path, max_bytes=10 * ENTRY)
    first, second, third = (_put(cache, n, t) for n, t in (("a", 100), ("b", 200), ("c", 300)))
    assert cache.get_array(AnnotationCache.key("a")) is not None  # read: used now
    cache.max_bytes = 2 * ENTRY
    assert cache.trim() == 2
    assert first.exists() and not second.exists() and not third.exists()
    assert cache.usage().size <= 0.9 * 2 * ENTRY


def test_writes_past_the_bound_trim_the_cache(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path, max_bytes=5 * ENTRY)
    for i in range(20):
        _put(cache, str(i), 1000 + i)
    assert cache.usage().size <= 5 * ENTRY + ENTRY
    assert cache.get_array(AnnotationCache.key("19")) is not None  # the newest is kept


def test_clear_and_info_touch_only_the_cache_s_own_files(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path)
    _put(cache, "a", 100)
    mine = tmp_path / "notes.txt"
    mine.write_text("keep me")
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / "photo.npy").write_bytes(b"not ours")
    runner = CliRunner()
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path), "--json"])
    assert info.exit_code == 0
    assert json.loads(info.stdout)["entries"] == 1
    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(tmp_path)])
    assert cleared.exit_code == 0 and "removed 1 entries" in cleared.stdout
    assert mine.read_text() == "keep me" and (tmp_path / "ab" / "photo.npy").exists()
    assert cache.usage().entries == 0
