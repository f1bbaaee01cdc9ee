"""Big batches on worker processes (`nlp/workers.py`): the same output as one process.

The workers are real processes, forked from the test process once it has loaded the models,
started once for the module and stopped at its end.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import newsprism.nlp.workers as workers
import newsprism.stories.streaming as streaming
import newsprism.workflows.tracking as tracking
from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles
from newsprism.model import DocumentSet, RawArticle
from newsprism.store import Store
from newsprism.stories import (
    calibrated_stream,
    cluster_read,
    collect_stream,
    featurize,
    iter_stream_features,
    stream_features,
)
from newsprism.workflows import summarize_sets, track
from test_store_suite import STREAM, write_stream

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)


def _torch_threads(item: int, settings: Settings) -> tuple[int, int, int]:
    import torch

    return item, torch.get_num_threads(), settings.workers


@pytest.fixture(scope="module")
def pooled() -> Iterator[None]:
    """Every batch of two articles or more goes to the workers (their start is free)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "WORKER_START_CPU_SECONDS", 0.0)
        patch.setattr(workers, "_free_cores", lambda: 2.0)
        yield
    workers.shutdown_workers()


def test_workers_are_used_only_when_the_batch_pays_for_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "_pool", None)
    monkeypatch.setattr(workers, "_free_cores", lambda: 1.0)
    two = Settings.load(workers=2)
    # Spawned, worth it once half the batch's CPU is what one more set of models costs;
    # forked, once it is what the two forks cost.
    starts = {
        "spawn": workers.WORKER_START_CPU_SECONDS,
        "fork": 2 * workers.FORKED_WORKER_START_CPU_SECONDS,
    }
    for method, start in starts.items():
        monkeypatch.setattr(workers, "start_method", lambda method=method: method)
        for each in (0.014, 0.4):
            even = 2 * start / each
            assert workers.worth_workers(two, int(even) + 1, each)
            assert not workers.worth_workers(two, int(even) - 1, each)
    assert not workers.worth_workers(Settings.load(workers=1), 10_000, 0.4)
    # Without the cache nothing would carry the workers' annotations back.
    assert not workers.worth_workers(Settings.load(workers=2, cache=False), 10_000, 0.4)
    # With every core busy, the workers would only wait for them.
    monkeypatch.setattr(workers, "_free_cores", lambda: 0.2)
    assert not workers.worth_workers(two, 10_000, 0.4)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux")
def test_workers_are_forked_only_while_no_other_thread_is_at_work() -> None:
    assert workers.start_method() == "fork"
    release = threading.Event()
    helper = threading.Thread(target=release.wait, daemon=True)
    busy = threading.Thread(target=release.wait)
    helper.start()
    try:
        assert workers.start_method() == "fork", "a daemon helper (a progress display) is no bar"
        busy.start()
        assert workers.start_method() == "spawn"
    finally:
        release.set()
        helper.join()
        if busy.is_alive():
            busy.join()


def test_each_worker_runs_one_torch_thread_and_starts_no_workers(pooled: None) -> None:
    settings = Settings.load(workers=2)
    results = list(workers.in_workers(_torch_threads, range(6), settings))
    assert [item for item, _, _ in results] == list(range(6)), "results come in input order"
    assert {(threads, count) for _, threads, count in results} == {(1, 1)}
    assert workers.pool_is_warm(settings.workers)


def test_stream_features_on_workers_are_those_of_one_process(tmp_path: Path, pooled: None) -> None:
    _same_features_as_one_process(tmp_path)


@pytest.mark.slow
def test_spawned_workers_give_the_features_of_one_process_too(
    tmp_path: Path, pooled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where workers cannot be forked (another platform, another thread at work)."""
    workers.shutdown_workers()
    monkeypatch.setattr(workers, "start_method", lambda: "spawn")
    try:
        _same_features_as_one_process(tmp_path)
    finally:
        workers.shutdown_workers()


def _same_features_as_one_process(tmp_path: Path) -> None:
    one = Settings.load(cache_dir=tmp_path / "one", workers=1)
    two = Settings.load(cache_dir=tmp_path / "two", workers=2)
    articles = read_articles([str(write_stream(tmp_path / "s.jsonl"))], one).articles
    alone = stream_features(articles, one, now=NOW)
    done: list[int] = []
    chunks = list(iter_stream_features(articles, two, step=3, now=NOW, progress=done.append))
    pooled_features = [feature for chunk in chunks for feature in chunk]
    assert [len(chunk) for chunk in chunks] == [
        min(3, len(articles) - first) for first in range(0, len(articles), 3)
    ]
    assert sum(done) == len(articles)
    for a, b in zip(alone, pooled_features, strict=True):
        assert (a.id, a.published, a.entities, a.terms) == (b.id, b.published, b.entities, b.terms)
        np.testing.assert_allclose(a.headline, b.headline, atol=1e-5)
        np.testing.assert_allclose(a.body, b.body, atol=1e-6)
    stories_alone = calibrated_stream(alone, one)[0].memberships()
    assert calibrated_stream(pooled_features, two)[0].memberships() == stories_alone


def test_a_stream_clustered_as_its_features_come_is_clustered_as_a_whole(
    tmp_path: Path, pooled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cluster_read` (the features computed three at a time in stream order on the
    workers, each chunk clustered as it comes, then the whole stream again with the rise
    calibrated on its last five) gives the features and stories of `featurize` and
    `calibrated_stream`, in one process."""
    monkeypatch.setattr(streaming, "WORKER_CHUNK", 3)
    calibrating = {"story_calibration_after": 4, "story_calibration_window": 5}
    one = Settings.load(cache_dir=tmp_path / "one", workers=1, **calibrating)
    two = Settings.load(cache_dir=tmp_path / "two", workers=2, **calibrating)
    path = str(write_stream(tmp_path / "s.jsonl"))
    whole = featurize(collect_stream([path], one), one)
    expected, calibrated = calibrated_stream(whole.features, one)
    assert calibrated is not None and len(whole.features) > 5
    read = collect_stream([path], two)
    done: list[int] = []
    clusterer, calibration = cluster_read(read, two, progress=done.append)
    assert sum(done) == len(read.articles)
    # MiniLM on a worker rounds its last digits its own way (the features' tolerance below).
    assert calibration is not None
    assert (calibration.rise, calibration.articles) == (calibrated.rise, calibrated.articles)
    assert [c.silhouette for c in calibration.candidates] == pytest.approx(
        [c.silhouette for c in calibrated.candidates], abs=1e-6
    )
    assert clusterer.memberships() == expected.memberships()
    for a, b in zip(whole.features, read.features, strict=True):  # (undated: read "now")
        assert (a.id, a.entities, a.terms) == (b.id, b.entities, b.terms)
        np.testing.assert_allclose(a.headline, b.headline, atol=1e-5)


@pytest.mark.slow
def test_batch_summaries_annotated_on_workers_are_those_of_one_process(
    tmp_path: Path, pooled: None
) -> None:
    documents = [
        RawArticle(origin=item["id"], input_id=item["id"], title=item["title"], text=item["text"])
        for item in STREAM
    ]
    sets = [
        DocumentSet(id="first", documents=documents[:4]),
        DocumentSet(id="empty", documents=[RawArticle(origin="blank", text="  ")]),
        DocumentSet(id="second", documents=documents[4:], seen_documents=documents[:2]),
    ]
    one = Settings.load(cache_dir=tmp_path / "one", workers=1)
    two = Settings.load(cache_dir=tmp_path / "two", workers=2)
    alone = [(s.id, str(line)) for s, line in summarize_sets(sets, one, 40)]
    assert [(s.id, str(line)) for s, line in summarize_sets(sets, two, 40)] == alone
    assert "readable text" in alone[1][1]


def test_a_new_store_added_on_the_workers_keeps_the_stories_of_one_process(
    tmp_path: Path, pooled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`add` into a store that holds nothing, calibrated on its input: the features
    computed three at a time on the workers while the calibration's candidates cluster
    them, and the winner's clustering replayed into the store, keep the stories that one
    process keeps."""
    monkeypatch.setattr(tracking, "COMMIT_BATCH", 3)
    monkeypatch.setattr(workers, "FORKED_WORKER_START_CPU_SECONDS", 0.0)
    import newsprism.stories.features as features

    pooled_calls: list[int] = []
    in_workers = features.in_workers

    def counted(*args: Any, **kwargs: Any) -> Any:
        pooled_calls.append(1)
        return in_workers(*args, **kwargs)

    monkeypatch.setattr(features, "in_workers", counted)
    path = str(write_stream(tmp_path / "s.jsonl"))
    kept = {}
    for count in (1, 2):
        settings = Settings.load(
            cache_dir=tmp_path / str(count), workers=count, story_calibration_after=4
        )
        articles = read_articles([path], settings).articles
        with Store.open(str(tmp_path / f"{count}.db"), settings) as store:
            result = track(articles, store, settings)
            assert len(result.stored) == len(articles) and store.check() == []
            assert "calibrated" in " ".join(n.reason for n in result.notices)
            kept[count] = {(s.id, tuple(s.members), s.title) for s in store.stories(limit=100)}
        assert bool(pooled_calls) == (count == 2)
    assert kept[1] == kept[2]
