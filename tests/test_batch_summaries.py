"""How `summarize --batch` shares its sets among the workers (`workflows/batch.py`): the
largest new work first, the summaries back in input order, an article counted once.
(That the workers' summaries are those of one process: `test_workers.py`.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import newsprism.workflows.batch as batch
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, DocumentSet, RawArticle
from newsprism.nlp import AnnotationCache, blas_threads
from newsprism.nlp.annotation import _keys


def _article(text: str, settings: Settings) -> Article:
    return prepare(RawArticle(origin=text[:12], text=text), settings)


def _set(name: str) -> DocumentSet:
    return DocumentSet(id=name, documents=[RawArticle(origin=name, text=name)])


def test_sets_go_out_largest_first_and_come_back_in_input_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent: list[str] = []

    def in_workers(
        function: Callable[[Any, Settings], Any], items: Iterable[Any], settings: Settings
    ) -> Iterator[Any]:
        for item in items:
            sent.append(item[0].id)
            yield function(item, settings)

    monkeypatch.setattr(batch, "in_workers", in_workers)
    monkeypatch.setattr(batch, "_summary", lambda item, settings: {"id": item[0].id})
    sets = [_set(name) for name in ("small", "none", "large", "middle", "also-small")]
    sizes = [10.0, 0.0, 300.0, 50.0, 10.0]
    prepared = [([], []) for _ in sets]
    lines = list(batch._on_workers(sets, prepared, sizes, Settings.load(cache=False), 40))
    assert sent == ["large", "middle", "small", "also-small", "none"]
    assert [s.id for s, _ in lines] == [s.id for s in sets]
    assert [line for _, line in lines] == [{"id": s.id} for s in sets]


def test_an_article_counts_once_as_new_work_and_a_read_one_as_its_parse(tmp_path: Path) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    shared = _article("Floods closed the river road on Tuesday, officials said.", settings)
    own = _article("Rescuers reached the last village by boat on Wednesday.", settings)
    read = _article("The river rose two meters overnight, the weather office said.", settings)
    cached = _article("The army sent three helicopters to the flooded valley.", settings)
    cache = AnnotationCache(tmp_path)
    [key] = _keys([cached], cache, settings, "full", ())
    for entry in (cache._path(key, ".spacy"), cache._path(cache.key(key, "embeddings"), ".npy")):
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(b"")
    work = batch._new_work([([shared, cached], []), ([own, shared], [read])], settings)
    assert work == [
        (1, float(len(shared.text))),
        (2, len(own.text) + batch.PARSE_SHARE * len(read.text)),
    ]


def test_blas_threads_limits_numpys_blas_for_the_block_only() -> None:
    from threadpoolctl import threadpool_info

    def blas() -> set[int]:
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    before = blas()
    with blas_threads(1):
        assert blas() == {1}
    assert blas() == before
