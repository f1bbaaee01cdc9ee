"""A new store's input clustered once (`newsprism.workflows.recorded`): the calibration's
winning clustering, replayed into the store, stores what clustering it again stores."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import newsprism.workflows.tracking as tracking
from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles
from newsprism.model import Article
from newsprism.store import Store
from newsprism.stories import stream_key, stream_order
from newsprism.stories.state import ArticleFeatures
from newsprism.workflows import Tracked, track, track_features
from newsprism.workflows.recorded import Replay
from test_store import batches_kept
from test_store_suite import write_stream

DIM = 24
START = datetime(2021, 1, 1, tzinfo=UTC)


def _unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _noisy_events() -> list[ArticleFeatures]:
    """Eight events three days apart, eight reports each over eight days, so noisy that some
    reports start a story alone and join their event's story later: as it grows past them,
    or when the stream's clock has left them alone for two days (at ``_settings``)."""
    rng = np.random.default_rng(4)
    found: list[ArticleFeatures] = []
    for event in range(8):
        direction = _unit(rng.normal(size=DIM))
        words = {f"e{event}w{k}": 2 for k in range(3)}
        for _ in range(8):
            when = START + timedelta(days=event * 3, hours=int(rng.integers(0, 24 * 8)))
            terms = dict(words) if rng.random() < 0.7 else {f"x{rng.integers(0, 99)}": 1}
            names = {f"e{event}"} if rng.random() < 0.6 else set()
            found.append(
                ArticleFeatures(
                    id=f"a{len(found)}",
                    published=when,
                    title=f"report {len(found)}",
                    source=f"outlet{len(found) % 4}",
                    headline=_unit(direction + _unit(rng.normal(size=DIM))),
                    body=_unit(direction + _unit(rng.normal(size=DIM))),
                    entities=frozenset(names),
                    terms=terms,
                )
            )
    return stream_order(found)


def _settings() -> Settings:
    return Settings.load(
        cache=False, story_calibration_after=20, story_lone_days=2, story_lone_margin=0.08
    )


def _pairs(features: list[ArticleFeatures]) -> list[tuple[Article, ArticleFeatures]]:
    return [
        (Article(id=f.id, title=f.title, source=f.source, published=f.published, text="x"), f)
        for f in features
    ]


def _stored(path: Path) -> dict[str, Any]:
    """Everything the store holds about the stories, read back from the file."""
    connection = sqlite3.connect(path)
    try:
        stories = {
            sid: (title, first, last, size, json.loads(state))
            for sid, title, first, last, size, state in connection.execute(
                "SELECT id, title, first_seen, last_seen, size, state FROM stories"
            )
        }
        memberships = sorted(connection.execute("SELECT * FROM memberships"))
        calibrations = [
            json.loads(c)
            for (c,) in connection.execute("SELECT calibration FROM story_calibrations")
        ]
    finally:
        connection.close()
    return {"stories": stories, "memberships": memberships, "calibrations": calibrations}


def _outcome(item: Tracked) -> tuple[Any, ...]:
    return (item.article.id, item.story, item.started, item.pulled, item.settled)


def _replays(patch: pytest.MonkeyPatch) -> list[bool]:
    """For each store pass from now on, whether it was given a `Replay` to cluster with."""
    used: list[bool] = []
    commit = tracking._commit_all

    def seen(pairs: Any, clusterer: Any, *args: Any) -> Any:
        used.append(isinstance(clusterer, Replay))
        return commit(pairs, clusterer, *args)

    patch.setattr(tracking, "_commit_all", seen)
    return used


def _track(path: Path, replayed: bool, monkeypatch: pytest.MonkeyPatch) -> list[Tracked]:
    with monkeypatch.context() as patch:
        if not replayed:  # the store pass clusters the input again
            patch.setattr(Replay, "covers", lambda self, articles: False)
        used = _replays(patch)
        with Store.open(str(path), _settings()) as store:
            result = track_features(_pairs(_noisy_events()), store, _settings())
            assert store.check() == []
        assert used == [replayed]
    return result.items


@pytest.mark.parametrize("batch", [5, 32])
def test_a_new_stores_replayed_clustering_stores_what_clustering_again_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(tracking, "COMMIT_BATCH", batch)
    replayed = _track(tmp_path / "replayed.db", True, monkeypatch)
    again = _track(tmp_path / "again.db", False, monkeypatch)
    # The stream moves lone reports both ways (a story grew past them; the clock left
    # them alone), inside a batch and across batches.
    assert sum(len(item.pulled) for item in replayed) >= 2
    assert sum(len(item.settled) for item in replayed) >= 2
    assert [_outcome(i) for i in replayed] == [_outcome(i) for i in again]
    assert _stored(tmp_path / "replayed.db") == _stored(tmp_path / "again.db")


def test_another_process_writing_during_the_replay_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch another process wrote into is stored again by a clusterer of the stored
    stories, as without the replay: every article stored once, the stories consistent."""
    monkeypatch.setattr(tracking, "COMMIT_BATCH", 5)
    kept = batches_kept(monkeypatch)
    mine = _noisy_events()
    first = mine[0]
    # Another report of the first event, stored by another process into its story once our
    # first batch is committed: our later reports of that event meet a story they did not
    # start from.
    theirs = ArticleFeatures(
        id="theirs",
        published=first.published + timedelta(hours=1),
        title="their report",
        source="another outlet",
        headline=first.headline,
        body=first.body,
        entities=first.entities,
        terms=first.terms,
    )
    path = str(tmp_path / "news.db")
    other = Store.open(path, _settings())

    def interleave(item: Tracked) -> None:
        if item.article.id == mine[4].id:
            track_features(_pairs([theirs]), other, _settings())

    try:
        with Store.open(path, _settings()) as store:
            result = track_features(_pairs(mine), store, _settings(), on_item=interleave)
            assert [i.article.id for i in result.items] == [f.id for f in mine]
            assert {i.status for i in result.items} == {"new"}
            assert kept[0] and not all(kept)
            assert store.count_articles() == len(mine) + 1 and store.check() == []
            assert store.story_of("theirs") == store.story_of(first.id)
    finally:
        other.close()


def test_add_calibrates_a_new_store_on_its_whole_input_before_storing_any(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`track` computing the features of a new store's input (as `add` does) chooses the
    setting on all of them as they come, replays the winner, and stores what
    `track_features` of the same features stores; the count of the input is known before
    its first features are."""
    settings = Settings.load(cache=False, story_calibration_after=4)
    path = write_stream(tmp_path / "stream.jsonl")
    articles = read_articles([str(path)], settings).articles
    used = _replays(monkeypatch)
    with Store.open(str(tmp_path / "added.db"), settings) as store:
        result = track(articles, store, settings)
        features = store.features(a.id for a in articles)
        kept = store.calibration()
    assert used == [True]
    assert kept is not None and kept[0].articles == kept[1] == len(articles)
    [notice] = [n.reason for n in result.notices if n.input == "stories"]
    assert notice.startswith(f"story setting calibrated on the last {len(articles)} articles")
    pairs = [(a, features[a.id]) for a in articles]
    pairs.sort(key=lambda pair: stream_key(pair[1].published, pair[1].id))
    with Store.open(str(tmp_path / "given.db"), settings) as store:
        track_features(pairs, store, settings)
    added, given = _stored(tmp_path / "added.db"), _stored(tmp_path / "given.db")
    assert added["stories"] == given["stories"]
    assert added["memberships"] == given["memberships"]
    # The same choice; the silhouettes summed in another order may differ in the last bit.
    [mine], [theirs] = added["calibrations"], given["calibrations"]
    assert (mine["rise"], mine["articles"]) == (theirs["rise"], theirs["articles"])
    assert [c["silhouette"] for c in mine["candidates"]] == pytest.approx(
        [c["silhouette"] for c in theirs["candidates"]]
    )
