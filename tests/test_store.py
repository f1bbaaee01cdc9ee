"""The store on SQLite: the shared suite, plus what only a file database can get wrong."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.ingest.prepare import read_articles
from newsprism.model import Article
from newsprism.store import Store
from newsprism.stories import cluster
from newsprism.workflows import tracking
from newsprism.workflows.tracking import Tracked, track
from test_store_suite import (
    EVENTS,
    StoreSuite,
    event_of,
    features,
    join,
    make_article,
    write_stream,
)


class TestSQLiteStore(StoreSuite):
    @pytest.fixture
    def target(self, tmp_path: Path) -> str:
        return str(tmp_path / "stories.db")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_creates_folders_and_uses_wal(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "deep" / "er" / "news.db"
    with Store.open(str(path), settings) as store:
        a = make_article(1)
        store.add_article(a, features(a), join(None, features(a), "s1"))
        with store._engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
            assert pragma("PRAGMA busy_timeout").scalar() == 10_000
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_default_location_comes_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "data" / "newsprism.db"
    with Store.open(settings=Settings.load(cache=False, database=str(path))) as store:
        assert store.count_stories() == 0
    assert path.is_file()


def test_newer_schema_file_is_left_byte_for_byte(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "future.db"
    Store.open(str(path), settings).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'beyond'")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(NewsprismError, match="newer version"):
        Store.open(str(path), settings)
    assert _digest(path) == before


def test_missing_file_without_create(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(NewsprismError, match="no such database"):
        Store.open(str(path), settings, create=False)
    assert not path.exists()


def test_not_a_database(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, eggs\n" * 100)
    with pytest.raises(NewsprismError, match=r"notes.db: not a newsprism database"):
        Store.open(str(path), settings)
    with pytest.raises(NewsprismError, match="is a folder"):
        Store.open(str(tmp_path), settings)


def test_read_only_database(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "archive.db"
    with Store.open(str(path), settings) as store:
        a = make_article(1)
        store.add_article(a, features(a), join(None, features(a), "s1"))
    # Tests run as root, which file permissions do not stop: SQLite's read-only mode does.
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    with Store.open(url, settings) as store:
        assert store.count_articles() == 1  # reading works
        b = make_article(2)
        with pytest.raises(NewsprismError, match=r"archive.db: the database is read-only"):
            store.add_article(b, features(b), join(None, features(b), "s2"))
        with pytest.raises(NewsprismError, match="read-only"):
            store.add_feed("https://example.org/rss")
        assert store.count_articles() == 1


def test_feeds_of_an_older_schema_survive_the_upgrade(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feeds.db"
    with Store.open(str(path), settings) as store:
        store.add_feed("https://example.org/rss", "Example")
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE story_aliases")
    connection.execute("DROP TABLE story_calibrations")
    connection.execute("DROP TABLE story_reports")  # as 0002 left it
    connection.execute("ALTER TABLE feeds DROP COLUMN location")
    connection.execute("ALTER TABLE articles DROP COLUMN features")
    connection.execute("UPDATE alembic_version SET version_num = '0002'")
    connection.commit()
    connection.close()
    with Store.open(str(path), settings) as store:
        [feed] = store.feeds()
        assert (feed.url, feed.title, feed.location) == ("https://example.org/rss", "Example", None)
        store.save_feed(feed.model_copy(update={"location": "https://example.org/feed"}))
        assert store.feeds()[0].location == "https://example.org/feed"


def test_articles_of_an_older_schema_have_no_features(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "old.db"
    a, b = make_article(1), make_article(2)
    with Store.open(str(path), settings) as store:
        store.add_article(a, features(a), join(None, features(a), "s1"))
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE story_aliases")
    connection.execute("DROP TABLE story_calibrations")
    connection.execute("ALTER TABLE articles DROP COLUMN features")  # as 0004 left it
    connection.execute("UPDATE alembic_version SET version_num = '0004'")
    connection.commit()
    connection.close()
    with Store.open(str(path), settings) as store:
        assert [x.id for x in store.articles([a.id])] == [a.id]
        store.add_article(b, features(b), join(None, features(b), "s2"))
        kept = store.features([a.id, b.id])
        assert list(kept) == [b.id] and kept[b.id].entities == features(b).entities
        assert np.allclose(kept[b.id].headline, features(b).headline)


def test_features_of_an_older_kind_are_left_out_not_misread(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "old.db"
    a, b = make_article(1), make_article(2)
    with Store.open(str(path), settings) as store:
        store.add_article(a, features(a), join(None, features(a), "s1"))
        store.add_article(b, features(b), join(None, features(b), "s2"))
    connection = sqlite3.connect(path)
    # As version 1 wrote them (entities from the recognizer, lemmas): no "version" key.
    connection.execute(
        "UPDATE articles SET features = json_remove(features, '$.version') WHERE id = ?", (a.id,)
    )
    connection.commit()
    connection.close()
    with Store.open(str(path), settings) as store:
        assert list(store.features([a.id, b.id])) == [b.id]


def test_read_only_database_that_needs_an_upgrade(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "old.db"
    Store.open(str(path), settings).close()
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE story_aliases")
    connection.execute("DROP TABLE story_calibrations")
    connection.execute("DROP TABLE story_reports")
    connection.execute("DROP TABLE feed_entries")
    connection.execute("DROP TABLE feeds")
    connection.execute("ALTER TABLE articles DROP COLUMN features")
    connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.commit()
    connection.close()
    with pytest.raises(NewsprismError, match="read-only"):
        Store.open(f"sqlite:///file:{path}?mode=ro&uri=true", settings)
    with Store.open(str(path), settings) as store:
        assert store.feeds() == []


def test_locked_database(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "busy.db"
    Store.open(str(path), settings).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with Store.open(str(path), settings, timeout=0.2) as store:
            assert store.count_articles() == 0  # WAL: reading does not wait for the writer
            a = make_article(1)
            with pytest.raises(NewsprismError, match=r"busy.db: the database is locked"):
                store.add_article(a, features(a), join(None, features(a), "s1"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store.open(str(path), settings) as store:
        a = make_article(1)
        assert store.add_article(a, features(a), join(None, features(a), "s1"))


def test_locked_while_creating(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(NewsprismError, match="locked"):
            Store.open(str(path), settings, timeout=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_unreachable_server_is_one_line(settings: Settings) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:9/none"
    with pytest.raises(NewsprismError) as raised:
        Store.open(url, settings, timeout=1)
    message = str(raised.value)
    assert "127.0.0.1:9" in message and "secret" not in message and "\n" not in message


# track(): the real pipeline (annotate, features, clusterer) on a small stream.


@pytest.fixture(scope="module")
def stream(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    path = write_stream(tmp_path_factory.mktemp("stream") / "stream.jsonl")
    return read_articles([str(path)], Settings.load(cache=False)).articles


def _partition(store: Store, articles: list[Article]) -> set[frozenset[str]]:
    """The stories as sets of input ids."""
    ref = {a.id: a.ref for a in articles}
    return {frozenset(ref[m] for m in s.members) for s in store.stories(limit=100)}


def _events() -> set[frozenset[str]]:
    from test_store_suite import STREAM

    return {frozenset(i["id"] for i in STREAM if event_of(i["id"]) == e) for e in EVENTS}


def test_track_stores_and_clusters(tmp_path: Path, stream: list[Article]) -> None:
    settings = Settings.load()
    seen = []
    with Store.open(str(tmp_path / "news.db"), settings) as store:
        result = track(stream, store, settings, on_item=seen.append)
        assert seen == result.items and len(result.stored) == len(stream)
        assert _partition(store, stream) == _events()
        assert store.check() == []
        # Each story was started by exactly one of its articles.
        assert sum(item.started for item in result.items) == len(EVENTS)
        [undated] = [a for a in stream if a.published is None]
        [notice] = result.notices
        assert notice.level == "notice" and "no publication date" in notice.reason
        # Filed under the time it was read, but read back undated: that time is not its date.
        [back] = store.articles([undated.id])
        assert back.published is None
        # The time it was read still places it among the others (`story --since`).
        filed = store.filed([a.id for a in stream])
        assert filed[undated.id].tzinfo is not None
        assert all(filed[a.id] == a.published for a in stream if a.published is not None)
        dated = [a for a in stream if a.published is not None]
        assert all(b.published is not None for b in store.articles([a.id for a in dated]))
    connection = sqlite3.connect(tmp_path / "news.db")
    given = dict(connection.execute("SELECT input_id, published_given FROM articles"))
    connection.close()
    assert given == {a.ref: int(a.published is not None) for a in stream}


def test_track_gives_the_stories_cluster_gives_whatever_the_input_order(
    tmp_path: Path, stream: list[Article]
) -> None:
    # All published at once: only the tie-break orders them, and it must not be input order.
    same_time = [a.model_copy(update={"published": stream[0].published}) for a in stream]
    settings = Settings.load()
    expected = {(s.id, s.story) for s in cluster(same_time, settings)}
    for name, articles in (("forward", same_time), ("backward", same_time[::-1])):
        with Store.open(str(tmp_path / f"{name}.db"), settings) as store:
            result = track(articles, store, settings)
            assert {(i.article.ref, i.story) for i in result.items} == expected


def test_track_skips_what_is_stored(tmp_path: Path, stream: list[Article]) -> None:
    settings = Settings.load()
    with Store.open(str(tmp_path / "news.db"), settings) as store:
        first = track(stream, store, settings)
        again = track([*stream, stream[0]], store, settings)
        assert [i.status for i in again.items] == ["duplicate"] * (len(stream) + 1)
        stories = {i.article.id: i.story for i in first.items}
        assert all(stories[i.article.id] == i.story for i in again.items)
        assert store.count_articles() == len(stream) and store.check() == []


def test_track_continues_where_the_last_run_stopped(tmp_path: Path, stream: list[Article]) -> None:
    settings = Settings.load()
    path = str(tmp_path / "news.db")
    early = [a for a in stream if a.ref in {"porto-times", "norway-post"}]
    with Store.open(path, settings) as store:
        track(early, store, settings)
    with Store.open(path, settings) as store:
        result = track(stream, store, settings)
        assert len(result.duplicates) == 2 and len(result.stored) == len(stream) - 2
        # The later Porto reports join the story the first run started.
        assert _partition(store, stream) == _events()
        assert store.count_stories() == len(EVENTS) and store.check() == []


def test_track_when_another_process_stored_the_article_first(
    tmp_path: Path, stream: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.load()
    with Store.open(str(tmp_path / "news.db"), settings) as store:
        track(stream[:1], store, settings)
        assert store.stored_ids([stream[1].id, stream[0].id, stream[0].id]) == {stream[0].id}
        # The store says it holds none, as if the other process committed just after we asked.
        monkeypatch.setattr(store, "stored_ids", lambda _ids: set())
        result = track(stream[:2], store, settings)
        assert [i.status for i in result.items] == ["duplicate", "new"]
        assert result.items[0].story == store.story_of(stream[0].id)
        assert store.count_articles() == 2 and store.check() == []


def test_track_while_another_process_adds_to_the_same_story(
    tmp_path: Path, stream: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tracking, "COMMIT_BATCH", 1)  # a transaction an article
    settings = Settings.load()
    path = str(tmp_path / "news.db")
    by_ref = {a.ref: a for a in stream}
    other = Store.open(path, settings)

    def interleave(item: Tracked) -> None:
        # Right after our first commit, "another process" adds a report to the story.
        if item.article.ref == "porto-times":
            track([by_ref["porto-iberia"]], other, settings)

    try:
        with Store.open(path, settings) as store:
            ours = [by_ref["porto-times"], by_ref["porto-wire"]]
            result = track(ours, store, settings, on_item=interleave)
            assert [i.status for i in result.items] == ["new", "new"]
            [story] = store.stories()
            assert [by_ref_id(stream, m) for m in story.members] == [
                "porto-times",
                "porto-iberia",
                "porto-wire",
            ]
            assert store.check() == []
    finally:
        other.close()


def batches_kept(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each batch `track` stores is kept, in order, as it goes."""
    kept: list[bool] = []
    commit_batch = tracking._commit_batch

    def counted(*args: Any) -> list[Tracked] | None:
        items = commit_batch(*args)
        kept.append(items is not None)
        return items

    monkeypatch.setattr(tracking, "_commit_batch", counted)
    return kept


def test_a_batch_another_process_wrote_into_is_stored_again_article_by_article(
    tmp_path: Path, stream: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two articles a transaction: the first batch is committed before its articles are
    # reported; then "another process" adds a report to the Porto story, so the next batch
    # (a new story, then a Porto report) meets a story it did not start from. Nothing of
    # that batch is kept; its articles are stored again one by one against the stories
    # as stored.
    monkeypatch.setattr(tracking, "COMMIT_BATCH", 2)
    batches = batches_kept(monkeypatch)
    settings = Settings.load()
    path = str(tmp_path / "news.db")
    by_ref = {a.ref: a for a in stream}
    other = Store.open(path, settings)
    reported: list[str] = []

    def interleave(item: Tracked) -> None:
        assert other.has_article(item.article.id)  # reported once it is on disk
        reported.append(item.article.ref)
        if item.article.ref == "norway-post":
            track([by_ref["porto-wire"]], other, settings)

    try:
        with Store.open(path, settings) as store:
            refs = ["porto-times", "norway-post", "chile-fire", "porto-iberia"]
            result = track([by_ref[r] for r in refs], store, settings, on_item=interleave)
            assert reported == refs and [i.status for i in result.items] == ["new"] * 4
            assert batches == [True, False]
            porto = store.story(store.story_of(by_ref["porto-times"].id) or "")
            assert porto is not None
            assert [by_ref_id(stream, m) for m in porto.members] == [
                "porto-times",
                "porto-wire",
                "porto-iberia",
            ]
            assert store.count_articles() == 5 and store.check() == []
    finally:
        other.close()


def by_ref_id(articles: list[Article], article_id: str) -> str:
    return next(a.ref for a in articles if a.id == article_id)


def test_stored_articles_keep_their_features_and_are_never_annotated_again(
    tmp_path: Path, stream: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprism.workflows.tracking as tracking
    from newsprism.nlp.annotation import annotate
    from newsprism.stories.features import features_for, iter_stream_features, stream_features

    annotated: list[str] = []

    def recorded(articles: list[Article], *args: object, **kwargs: object) -> list[Any]:
        annotated.extend(a.id for a in articles)
        return stream_features(articles, *args, **kwargs)  # type: ignore[arg-type]

    def recorded_chunks(articles: list[Article], *args: object, **kwargs: object) -> Any:
        annotated.extend(a.id for a in articles)
        return iter_stream_features(articles, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tracking, "stream_features", recorded)
    monkeypatch.setattr(tracking, "iter_stream_features", recorded_chunks)
    settings = Settings.load()
    early = [a for a in stream if a.ref in {"porto-times", "norway-post"}]
    with Store.open(str(tmp_path / "news.db"), settings) as store:
        track(early, store, settings)
        assert sorted(annotated) == sorted(a.id for a in early)
        annotated.clear()
        track(stream, store, settings)
        assert sorted(annotated) == sorted(a.id for a in stream if a not in early)
        kept = store.features([a.id for a in stream] + ["no-such-article"])
    assert set(kept) == {a.id for a in stream}
    for expected in features_for(annotate(stream, settings, level="light"), settings):
        got = kept[expected.id]
        assert (got.title, got.source, got.entities, dict(got.terms), got.lead) == (
            expected.title, expected.source, expected.entities, dict(expected.terms), expected.lead
        )  # fmt: skip
        assert np.allclose(got.headline, expected.headline)
        assert np.allclose(got.body, expected.body)


def test_a_store_of_schema_0006_gains_the_regrouping_record(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "calibrated.db"
    a = make_article(1)
    with Store.open(str(path), settings) as store:
        store.add_article(a, features(a), join(None, features(a), "s1"))
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE story_aliases")
    connection.execute("ALTER TABLE story_calibrations DROP COLUMN regrouped")  # as 0006 left it
    connection.execute("UPDATE alembic_version SET version_num = '0006'")
    connection.commit()
    connection.close()
    with Store.open(str(path), settings) as store:
        assert store.regrouping() is None and store.story("s-gone") is None
        assert store.story("s1") is not None and store.check() == []
