"""The store's behaviour on any database: run by test_store.py (SQLite) and
test_store_postgres.py (PostgreSQL) through a subclass that provides ``target``.

Articles, features and story states are made by hand: the store must not care where
they came from, and these tests stay free of the language models.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, text

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, Feed, Removal, Segment, Span, text_id
from newsprism.store import StaleStoryError, Store, database, schema_revision
from newsprism.store.schema import Base, StoryRow
from newsprism.stories.state import ArticleFeatures, Move, StoryState

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def make_article(n: int, source: str = "Daily Planet", published: datetime | None = T0) -> Article:
    body = f"Report number {n} about the harbour bridge.\n\nThe council met on day {n}."
    return Article(
        id=text_id(body),
        input_id=f"doc-{n}",
        title=f"Bridge report {n}",
        source=source,
        url=f"https://example.org/{n}",
        published=published,
        authors=["A. Writer"],
        language="en",
        origin=f"inputs/{n}.txt",
        text=body,
        paragraphs=[Span(article=text_id(body), start=0, end=body.index("\n"))],
        original="READ NEXT: more\n" + body,
        alignment=[Segment(clean=0, original=16, length=len(body))],
        removed=[Removal(kind="read-next", text="READ NEXT: more", start=0, end=15)],
    )


def features(article: Article, seed: int = 0) -> ArticleFeatures:
    vector = np.random.default_rng(seed).normal(size=8).astype(np.float32)
    vector /= np.linalg.norm(vector)
    return ArticleFeatures(
        id=article.id,
        published=article.published or T0,
        title=article.title,
        source=article.source,
        headline=vector,
        body=vector,
        entities=frozenset({"harbour bridge"}),
    )


def join(story: StoryState | None, feature: ArticleFeatures, story_id: str) -> StoryState:
    """What a clusterer would do: start ``story_id`` or add the article to ``story``."""
    if story is None:
        story = StoryState(
            id=story_id,
            first_seen=feature.published,
            last_seen=feature.published,
            headline_sum=np.zeros_like(feature.headline),
            body_sum=np.zeros_like(feature.body),
        )
    story.headline_sum = story.headline_sum + feature.headline
    story.body_sum = story.body_sum + feature.body
    story.members.append(feature.id)
    if feature.source and feature.source not in story.sources:
        story.sources.append(feature.source)
    story.first_seen = min(story.first_seen, feature.published)
    story.last_seen = max(story.last_seen, feature.published)
    for key in feature.entities:
        story.entity_counts[key] = story.entity_counts.get(key, 0) + 1
    story.titles[feature.id] = feature.title or ""
    story.title = story.title or feature.title
    return story


def started(store: Store) -> tuple[list[Article], StoryState]:
    """Four articles, the first stored as the one member of story s1; and s1."""
    articles = [make_article(n) for n in (1, 2, 3, 4)]
    story = join(None, features(articles[0], 1), "s1")
    store.add_article(articles[0], features(articles[0], 1), story)
    return articles, story


def raw_engine(target: str) -> Engine:
    """A plain engine on the database, for tampering with it behind the store's back."""
    return create_engine(database.resolve(target).url)


class StoreSuite:
    """Subclasses define the ``target`` fixture: a fresh, empty database per test."""

    @pytest.fixture
    def settings(self) -> Settings:
        return Settings.load(cache=False)

    @pytest.fixture
    def opened(self, target: str, settings: Settings) -> Callable[..., Store]:
        stores: list[Store] = []

        def _open(**options: object) -> Store:
            store = Store.open(target, settings, **options)
            stores.append(store)
            return store

        yield _open
        for store in stores:
            store.close()

    def test_round_trip(self, opened: Callable[..., Store]) -> None:
        store = opened()
        tokyo = timezone(timedelta(hours=9))
        article = make_article(1, published=datetime(2024, 3, 1, 18, 0, tzinfo=tokyo))
        feature = features(article)
        assert store.add_article(article, feature, join(None, feature, "s1"))
        [back] = store.articles([article.id])
        assert back.published == article.published and back.published.tzinfo is not None
        assert back.published.utcoffset() == timedelta(0)
        assert back.model_dump(exclude={"published"}) == article.model_dump(exclude={"published"})

    def test_story_state_round_trip(self, opened: Callable[..., Store]) -> None:
        store = opened()
        a, b = make_article(1), make_article(2, "Wire", T0 + timedelta(hours=3))
        state = join(None, features(a, 1), "s1")
        store.add_article(a, features(a, 1), state)
        state = join(state, features(b, 2), "s1")
        store.add_article(b, features(b, 2), state)
        [back] = store.story_states()
        assert back.to_dict() == state.to_dict()
        np.testing.assert_array_equal(back.body_sum, state.body_sum)
        story = store.story("s1")
        assert story is not None
        assert story.members == [a.id, b.id] and story.sources == ["Daily Planet", "Wire"]
        assert story.first_seen == T0 and story.last_seen == T0 + timedelta(hours=3)
        assert store.story("nope") is None
        assert store.check() == []

    def test_a_story_of_an_older_kind_of_features_is_listed_but_not_continued(
        self, opened: Callable[..., Store], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store = opened()
        a = make_article(1)
        store.add_article(a, features(a, 1), join(None, features(a, 1), "s1"))
        assert [s.id for s in store.story_states()] == ["s1"]
        monkeypatch.setattr("newsprism.stories.state.FEATURES_VERSION", 99)
        assert store.story_states() == [], "its sums cannot be compared with new features"
        assert store.features([a.id]) == {}
        assert [s.id for s in store.stories()] == ["s1"]

    def test_same_article_is_stored_once(self, opened: Callable[..., Store]) -> None:
        store = opened()
        article = make_article(1)
        state = join(None, features(article), "s1")
        assert store.add_article(article, features(article), state)
        assert not store.add_article(article, features(article), state)
        assert store.has_article(article.id)
        assert store.count_articles() == 1 and store.count_stories() == 1
        assert store.story_of(article.id) == "s1"
        assert store.check() == []

    def test_article_must_be_a_member_of_its_story(self, opened: Callable[..., Store]) -> None:
        store = opened()
        a, b = make_article(1), make_article(2)
        with pytest.raises(ValueError):
            store.add_article(b, features(b), join(None, features(a), "s1"))
        assert store.count_articles() == 0

    def test_a_story_changed_by_another_writer_is_refused(
        self, opened: Callable[..., Store]
    ) -> None:
        mine, theirs = opened(), opened()
        a, b, c = make_article(1), make_article(2), make_article(3)
        mine.add_article(a, features(a), join(None, features(a), "s1"))
        [stale] = mine.story_states()
        [fresh] = theirs.story_states()
        assert theirs.add_article(b, features(b), join(fresh, features(b), "s1"))
        with pytest.raises(StaleStoryError, match="s1"):
            mine.add_article(c, features(c), join(stale, features(c), "s1"))
        assert not mine.has_article(c.id) and mine.check() == []
        # A story another writer started under the same id is just as stale.
        lone = join(None, features(c), "s1")
        with pytest.raises(StaleStoryError):
            mine.add_article(c, features(c), lone)

    def test_a_grown_story_takes_in_an_article_that_was_alone(
        self, opened: Callable[..., Store]
    ) -> None:
        store = opened()
        (a, b, c, _), story = started(store)
        store.add_article(b, features(b, 2), join(None, features(b, 2), "s2"))
        story = join(join(story, features(c, 3), "s1"), features(b, 2), "s1")
        assert store.add_article(c, features(c, 3), story, [Move(b.id, "s2", "s1")])
        assert store.story_of(b.id) == "s1" and store.story("s2") is None
        assert [s.members for s in store.story_states()] == [[a.id, c.id, b.id]]
        assert store.check() == []

    def test_a_report_left_alone_joins_another_story_than_the_new_articles(
        self, opened: Callable[..., Store]
    ) -> None:
        store = opened()
        (a, b, c, d), grown = started(store)
        grown = join(grown, features(b, 2), "s1")
        store.add_article(b, features(b, 2), grown)
        store.add_article(c, features(c, 3), join(None, features(c, 3), "s3"))
        # d starts a story of its own, and moves the clock on: c, alone for long, joins s1.
        grown = join(grown, features(c, 3), "s1")
        new = join(None, features(d, 4), "s4")
        assert store.add_article(d, features(d, 4), new, [Move(c.id, "s3", "s1")], [grown])
        assert store.story_of(c.id) == "s1" and store.story("s3") is None
        assert store.story_of(d.id) == "s4"
        states = {s.id: s.members for s in store.story_states()}
        assert states == {"s1": [a.id, b.id, c.id], "s4": [d.id]}
        assert store.check() == []

    def test_a_move_into_a_story_another_writer_changed_is_refused(
        self, opened: Callable[..., Store]
    ) -> None:
        mine, theirs = opened(), opened()
        (_, b, c, d), grown = started(mine)
        mine.add_article(c, features(c, 3), join(None, features(c, 3), "s3"))
        [fresh] = [s for s in theirs.story_states() if s.id == "s1"]
        assert theirs.add_article(b, features(b, 2), join(fresh, features(b, 2), "s1"))
        stale = join(grown, features(c, 3), "s1")
        new = join(None, features(d, 4), "s4")
        with pytest.raises(StaleStoryError, match="s1"):
            mine.add_article(d, features(d, 4), new, [Move(c.id, "s3", "s1")], [stale])
        assert not mine.has_article(d.id) and mine.story_of(c.id) == "s3"
        assert mine.check() == []

    def test_a_move_out_of_a_story_that_changed_is_refused(
        self, opened: Callable[..., Store]
    ) -> None:
        store = opened()
        (_, b, c, d), story = started(store)
        lone = join(None, features(b, 2), "s2")
        store.add_article(b, features(b, 2), lone)
        store.add_article(d, features(d, 4), join(lone, features(d, 4), "s2"))  # no longer alone
        story = join(join(story, features(c, 3), "s1"), features(b, 2), "s1")
        with pytest.raises(StaleStoryError, match="s2"):
            store.add_article(c, features(c, 3), story, [Move(b.id, "s2", "s1")])
        assert not store.has_article(c.id) and store.story_of(b.id) == "s2"
        assert store.check() == []

    def test_a_batch_checks_each_story_against_its_own_last_write(
        self, opened: Callable[..., Store]
    ) -> None:
        store = opened()
        (a, b, c, d), story = started(store)
        [stored] = store.story_states()
        with store.batch():
            # s1 grows, s2 starts, and a third article grows s1 and pulls s2's article in.
            store.add_article(b, features(b, 2), join(story, features(b, 2), "s1"))
            store.add_article(c, features(c, 3), join(None, features(c, 3), "s2"))
            story = join(join(story, features(d, 4), "s1"), features(c, 3), "s1")
            assert store.add_article(d, features(d, 4), story, [Move(c.id, "s2", "s1")])
        [back] = store.story_states()
        assert back.to_dict() == story.to_dict() and back.members == [a.id, b.id, d.id, c.id]
        assert store.story("s2") is None and store.check() == []
        # A state that started from the stored one, not from the batch's own last write, is
        # refused, and the whole batch with it.
        e, f = make_article(5), make_article(6)
        kept = list(back.members)
        with pytest.raises(StaleStoryError, match="s1"), store.batch():
            store.add_article(e, features(e, 5), join(back, features(e, 5), "s1"))
            store.add_article(f, features(f, 6), join(stored, features(f, 6), "s1"))
        assert [s.members for s in store.story_states()] == [kept]
        assert not store.has_article(e.id) and store.check() == []

    def test_a_batch_writes_one_update_a_story(
        self, opened: Callable[..., Store], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store = opened()
        articles = [make_article(n) for n in range(4)]
        written: list[str] = []
        write = StoryRow.write

        def counted(row: StoryRow, story: StoryState) -> None:
            written.append(story.id)
            write(row, story)

        monkeypatch.setattr(StoryRow, "write", counted)
        state = None
        with store.batch():
            for n, article in enumerate(articles):
                state = join(state, features(article, n), "s1")
                store.add_article(article, features(article, n), state)
        # Once to insert the row, once with the state the batch left.
        assert written == ["s1", "s1"]
        [back] = store.story_states()
        assert state is not None and back.members == [a.id for a in articles]

    def test_stories_newest_activity_first(self, opened: Callable[..., Store]) -> None:
        store = opened()
        states: dict[str, StoryState] = {}
        plan = [("old", 0), ("new", 5), ("mid", 2), ("old", 9)]  # "old" wakes up last
        for n, (sid, hours) in enumerate(plan):
            article = make_article(n, published=T0 + timedelta(hours=hours))
            feature = features(article, n)
            states[sid] = join(states.get(sid), feature, sid)
            assert store.add_article(article, feature, states[sid])
        assert [s.id for s in store.stories()] == ["old", "new", "mid"]
        assert [s.id for s in store.stories(limit=1, offset=1)] == ["new"]
        assert store.stories(limit=5)[0].size == 2
        assert store.match_stories("mi") == ["mid"] and store.match_stories("%") == []
        assert [s.id for s in store.story_states()] == ["old", "mid", "new"]
        ids = [make_article(n).id for n in range(len(plan))]
        pages = [store.memberships(limit=2, offset=o) for o in (0, 2, 4)]
        assert pages == [[(ids[0], "old"), (ids[3], "old")], [(ids[1], "new"), (ids[2], "mid")], []]

    def test_articles_keep_the_order_asked(self, opened: Callable[..., Store]) -> None:
        store = opened()
        articles = [make_article(n) for n in range(3)]
        state = None
        for n, article in enumerate(articles):
            state = join(state, features(article, n), "s1")
            store.add_article(article, features(article, n), state)
        ids = [articles[2].id, "unknown", articles[0].id]
        assert [a.id for a in store.articles(ids)] == [articles[2].id, articles[0].id]

    def test_continues_where_it_stopped(self, opened: Callable[..., Store]) -> None:
        first = opened()
        a = make_article(1)
        first.add_article(a, features(a), join(None, features(a), "s1"))
        first.close()
        second = opened()
        [state] = second.story_states()
        b = make_article(2, published=T0 + timedelta(days=1))
        assert second.add_article(b, features(b), join(state, features(b), "s1"))
        story = second.story("s1")
        assert story is not None and story.members == [a.id, b.id]
        assert second.count_articles() == 2 and second.check() == []

    def test_feeds(self, opened: Callable[..., Store]) -> None:
        store = opened()
        feed = store.add_feed("https://example.org/rss", "Example")
        assert feed.title == "Example" and feed.failures == 0 and feed.added is not None
        assert store.add_feed("https://example.org/rss", "Other").title == "Example"
        store.add_feed("https://example.org/atom")
        polled = T0 + timedelta(minutes=5)
        updated = feed.model_copy(
            update={"etag": '"abc"', "failures": 2, "last_error": "timeout", "last_polled": polled}
        )
        store.save_feed(updated)
        store.save_feed(Feed(url="https://example.org/new"))
        feeds = {f.url: f for f in store.feeds()}
        assert feeds["https://example.org/rss"] == updated
        assert feeds["https://example.org/new"].added is not None
        assert next(iter(feeds)) == "https://example.org/rss"
        assert not store.seen_entry("https://example.org/rss", "entry-1")
        store.mark_entry("https://example.org/rss", "entry-1")
        store.mark_entry("https://example.org/rss", "entry-1")
        assert store.seen_entry("https://example.org/rss", "entry-1")
        assert not store.seen_entry("https://example.org/atom", "entry-1")
        assert store.remove_feed("https://example.org/rss")
        assert not store.remove_feed("https://example.org/rss")
        assert not store.seen_entry("https://example.org/rss", "entry-1")
        assert [f.url for f in store.feeds()] == [
            "https://example.org/atom",
            "https://example.org/new",
        ]

    def test_schema_matches_the_migrations(self, target: str, opened: Callable[..., Store]) -> None:
        opened().close()
        engine = raw_engine(target)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_heads() == (schema_revision(),)
        engine.dispose()

    def test_upgrades_an_older_database(self, target: str, settings: Settings) -> None:
        engine = database.connect(database.resolve(target), 5.0)
        database.upgrade(engine, "0001")
        with engine.begin() as connection:
            assert "feeds" not in {r[0] for r in connection.execute(_TABLES[engine.name])}
        engine.dispose()
        with Store.open(target, settings) as store:
            store.add_feed("https://example.org/rss")
            assert [f.url for f in store.feeds()] == ["https://example.org/rss"]
        engine = raw_engine(target)
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_heads() == (
                schema_revision(),
            )
        engine.dispose()

    def test_refuses_a_newer_schema(self, target: str, opened: Callable[..., Store]) -> None:
        store = opened()
        a = make_article(1)
        store.add_article(a, features(a), join(None, features(a), "s1"))
        store.close()
        engine = raw_engine(target)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
        engine.dispose()
        with pytest.raises(NewsprismError, match=r"newer version of newsprism.*f00dcafe"):
            opened()
        engine = raw_engine(target)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM articles")).scalar() == 1
            version = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar() == "f00dcafe"
        engine.dispose()

    def test_refuses_a_database_of_another_program(
        self, target: str, opened: Callable[..., Store]
    ) -> None:
        engine = raw_engine(target)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
        engine.dispose()
        with pytest.raises(NewsprismError, match=r"not newsprism's.*invoices"):
            opened()


_TABLES = {
    "sqlite": text("SELECT name FROM sqlite_master WHERE type = 'table'"),
    "postgresql": text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"),
}


# A small stream for the tests that run the real pipeline (annotate, features, clusterer):
# three events, reported by several outlets, and one report without a date.
STREAM: list[dict[str, str]] = [
    {
        "id": "porto-times",
        "source": "Harbor Times",
        "published": "2024-03-01T08:00:00Z",
        "title": "Dom Luis bridge partly collapses in Porto, two injured",
        "text": "A section of the Dom Luis I bridge in Porto collapsed into the Douro river on "
        "Friday morning, injuring two workers, the city's fire brigade said.\n\n"
        "Mayor Rui Moreira closed the bridge to all traffic and said engineers from the "
        "University of Porto would inspect the iron arch before it reopens.",
    },
    {
        "id": "porto-wire",
        "source": "Wire Service",
        "published": "2024-03-01T09:30:00Z",
        "title": "Part of Porto's Dom Luis bridge collapses into the Douro",
        "text": "PORTO -- Part of the Dom Luis I bridge collapsed into the Douro river in Porto "
        "on Friday, and two workers were injured, firefighters said.\n\n"
        "Porto mayor Rui Moreira shut the bridge and said university engineers would check "
        "the iron arch. Three workers were on the deck when it gave way, the fire brigade said.",
    },
    {
        "id": "norway-post",
        "source": "Nordic Post",
        "published": "2024-03-01T12:00:00Z",
        "title": "Labour wins Norway's snap election, Støre to stay prime minister",
        "text": "Norway's Labour Party won Sunday's snap parliamentary election, and Jonas Gahr "
        "Støre will remain prime minister, official results showed.\n\n"
        "Labour took 48 of the 169 seats in the Storting, ahead of the Conservatives led "
        "by Erna Solberg, who conceded defeat in Oslo.",
    },
    {
        "id": "norway-wire",
        "source": "Wire Service",
        "published": "2024-03-01T13:00:00Z",
        "title": "Norway's Labour Party wins election; Støre keeps his job",
        "text": "OSLO -- Norway's Labour Party won the snap parliamentary election, and prime "
        "minister Jonas Gahr Støre will stay in office, official results showed.\n\n"
        "Labour won 48 seats in the 169-seat Storting. Conservative leader Erna Solberg "
        "conceded defeat in Oslo on Sunday night.",
    },
    {
        "id": "chile-fire",
        "source": "Andes Herald",
        "published": "2024-03-01T15:00:00Z",
        "title": "Wildfire forces thousands to flee near Valparaíso",
        "text": "A wildfire driven by strong winds forced thousands of people to leave their "
        "homes near Valparaíso, Chile, on Friday, the national forestry agency Conaf said.\n\n"
        "President Gabriel Boric declared a state of emergency in the Valparaíso region.",
    },
    {
        "id": "porto-iberia",
        "source": "Iberia Daily",
        "published": "2024-03-02T07:00:00Z",
        "title": "Porto reopens Dom Luis bridge to pedestrians after collapse",
        "text": "Porto reopened the upper deck of the Dom Luis I bridge to pedestrians on "
        "Saturday, a day after part of the bridge collapsed into the Douro river.\n\n"
        "Mayor Rui Moreira said the engineers of the University of Porto found the iron "
        "arch sound, and that the two injured workers had left hospital.",
    },
    {
        "id": "kenya-undated",
        "source": "Rift Valley News",
        "title": "Kenyan runner sets marathon world record in Nairobi",
        "text": "Kenyan runner Ruth Chepngetich set a marathon world record in Nairobi, "
        "finishing in two hours, nine minutes and 56 seconds, Athletics Kenya said.\n\n"
        "The previous record was held by Ethiopia's Tigst Assefa.",
    },
]
EVENTS = {"porto": 3, "norway": 2, "chile": 1, "kenya": 1}


def write_stream(path: Path, ids: Iterable[str] | None = None) -> Path:
    """Write the stream (or the items with these ids) as JSONL, one article per line."""
    keep = set(ids) if ids is not None else None
    lines = [json.dumps(item) for item in STREAM if keep is None or item["id"] in keep]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def event_of(input_id: str | None) -> str:
    return (input_id or "").split("-")[0]
