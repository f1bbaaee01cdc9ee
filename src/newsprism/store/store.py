"""The persistent store: articles, stories, memberships and feeds in one database.

A `Store` is opened on a file path or a URL, migrates the schema if it is older than this
version, and refuses (without touching it) a database from a newer version. Each write
method is one transaction: after it returns, what it wrote survives a crash of the process
(in `Store.batch`, once the batch ends).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article, Story
from newsprism.nlp import model_versions
from newsprism.store import database
from newsprism.store.calibrations import StoryCalibrations
from newsprism.store.feeds import FeedRecords, now
from newsprism.store.reports import StoryReports
from newsprism.store.schema import ArticleRow, MembershipRow, StoryAliasRow, StoryRow
from newsprism.store.search import StorySearch
from newsprism.store.writes import ArticleWrites
from newsprism.stories import ArticleFeatures, StoryState

_EXTRA = ("authors", "paragraphs", "alignment", "removed")


class Store(ArticleWrites, FeedRecords, StorySearch, StoryReports, StoryCalibrations):
    """Articles and the stories they form, kept in SQLite or PostgreSQL.

    Open with `Store.open`; use as a context manager or call `close`.
    """

    def __init__(
        self, engine: Engine, target: database.Target, settings: Settings, timeout: float
    ) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{database.WRITE: True})
        self.target = target
        self.settings = settings
        self._timeout = timeout
        self._batch = None
        self._pending = {}
        self._members = {}

    @classmethod
    def open(
        cls,
        target: str | None = None,
        settings: Settings | None = None,
        *,
        create: bool = True,
        timeout: float = 10.0,
    ) -> Store:
        """Open the database at ``target`` (path or URL; default ``settings.database``).

        A missing SQLite file and its folders are created unless ``create`` is false.
        Waits up to ``timeout`` seconds for a lock held by another process. Raises
        `NewsprismError` for a locked, read-only, foreign or newer-schema database.
        """
        settings = settings or Settings.load()
        where = database.resolve(str(target or settings.database))
        if where.path is not None:
            _prepare_file(where.path, create)
        engine = database.connect(where, timeout)
        try:
            with database.translated(where, timeout):
                outdated = database.check_schema(engine, where)
                if where.is_sqlite:
                    database.use_wal(engine)
                if outdated:
                    database.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, where, settings, timeout)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with database.translated(self.target, self._timeout), Session(self._engine) as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One transaction that takes the write lock first; committed when the block ends
        (inside `batch`, the batch's transaction)."""
        if self._batch is not None:
            yield self._batch
            return
        with (
            database.translated(self.target, self._timeout),
            Session(self._writer) as session,
            session.begin(),
        ):
            yield session

    @cached_property
    def _models(self) -> str:
        return model_versions(self.settings.spacy_model, self.settings.embedding_package)

    # Articles and stories

    def has_article(self, id: str) -> bool:
        with self._read() as session:
            return session.get(ArticleRow, id) is not None

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids the store holds, in one read: `has_article` for each
        of an input's articles was 0.9 s of CPU for the 1,124 of the DUC stream
        (docs/performance.md)."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        with self._read() as session:
            for first in range(0, len(wanted), 500):
                chunk = wanted[first : first + 500]
                found.update(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(chunk))))
        return found

    def _article_row(self, article: Article, features: ArticleFeatures) -> ArticleRow:
        extra = article.model_dump(mode="json", include=set(_EXTRA))
        return ArticleRow(
            id=article.id,
            input_id=article.input_id,
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published or features.published,
            published_given=article.published is not None,
            ingested_at=now(),
            language=article.language,
            origin=article.origin,
            text=article.text,
            original=article.original,
            extra=extra,
            models=self._models,
            features=features.to_dict(),
        )

    def articles(self, ids: Iterable[str]) -> list[Article]:
        """The stored articles with these ids, in the order given (unknown ids skipped);
        text and metadata only, ready for `newsprism.nlp.annotation.annotate`. An article
        stored without a publication date comes back without one (``published`` None)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Article] = {}
        with self._read() as session:
            for first in range(0, len(wanted), 500):
                chunk = wanted[first : first + 500]
                rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk)))
                found.update((row.id, _article(row)) for row in rows)
        return [found[i] for i in wanted if i in found]

    def features(self, ids: Iterable[str]) -> dict[str, ArticleFeatures]:
        """The clustering features kept with each stored article, by id (articles stored
        before features were kept or with features of an older kind, and unknown ids, are
        left out)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, ArticleFeatures] = {}
        with self._read() as session:
            for first in range(0, len(wanted), 500):
                query = select(ArticleRow.id, ArticleRow.features).where(
                    ArticleRow.id.in_(wanted[first : first + 500]),
                    ArticleRow.features.is_not(None),
                )
                found.update(
                    (aid, ArticleFeatures.from_dict(data))
                    for aid, data in session.execute(query)
                    if ArticleFeatures.current(data)
                )
        return found

    def filed(self, ids: Iterable[str]) -> dict[str, datetime]:
        """When each stored article is filed: its own date, or the time it was read when it
        had none (what orders an undated article among the others, never its date)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, datetime] = {}
        with self._read() as session:
            for first in range(0, len(wanted), 500):
                query = select(ArticleRow.id, ArticleRow.published).where(
                    ArticleRow.id.in_(wanted[first : first + 500])
                )
                found.update((aid, when) for aid, when in session.execute(query))
        return found

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article joined, if it is stored."""
        with self._read() as session:
            row = session.get(MembershipRow, article_id)
            return row.story_id if row else None

    def memberships(self, limit: int = 50, offset: int = 0) -> list[tuple[str, str]]:
        """(article id, story id) pairs, stories with the newest activity first and the
        articles of one story in arrival order: a page of the whole store."""
        query = (
            select(MembershipRow.article_id, MembershipRow.story_id)
            .join(StoryRow, StoryRow.id == MembershipRow.story_id)
            .order_by(StoryRow.last_seen.desc(), StoryRow.id, MembershipRow.position)
            .limit(limit)
            .offset(offset)
        )
        with self._read() as session:
            return [(article, story) for article, story in session.execute(query)]

    def story_states(self) -> list[StoryState]:
        """Every story as the clusterer keeps it, oldest first: to continue a stream.

        A story kept with sums of an older kind of features is left out: its vectors cannot be
        compared with today's, so it stays listed but no new article joins it."""
        with self._read() as session:
            rows = session.scalars(select(StoryRow.state).order_by(StoryRow.first_seen))
            return [StoryState.from_dict(state) for state in rows if StoryState.current(state)]

    def stories(self, limit: int = 50, offset: int = 0) -> list[Story]:
        """Stories with the newest activity first."""
        query = (
            select(StoryRow.state)
            .order_by(StoryRow.last_seen.desc(), StoryRow.id)
            .limit(limit)
            .offset(offset)
        )
        with self._read() as session:
            return [StoryState.from_dict(state).to_story() for state in session.scalars(query)]

    def story(self, id: str) -> Story | None:
        """The story with this id; for the id of a story a regrouping dissolved
        (`keep_calibration`), the story that now holds the article that started it."""
        with self._read() as session:
            row = session.get(StoryRow, id)
            if row is None and (alias := session.get(StoryAliasRow, id)) is not None:
                row = session.get(StoryRow, alias.story_id)
            return StoryState.from_dict(row.state).to_story() if row else None

    def match_stories(self, prefix: str, limit: int = 2) -> list[str]:
        """Ids of stories that start with ``prefix`` (to accept a short id, like git)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = (
            select(StoryRow.id)
            .where(StoryRow.id.like(f"{escaped}%", escape="\\"))
            .order_by(StoryRow.id)
            .limit(limit)
        )
        with self._read() as session:
            return list(session.scalars(query))

    def count_stories(self) -> int:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(StoryRow)) or 0

    def count_articles(self) -> int:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def check(self) -> list[str]:
        """What is inconsistent in the database, in words; empty when all is well.

        Checks SQLite's own integrity and foreign keys, that each story's size, its
        state and its memberships agree, and that every article belongs to a story.
        """
        problems: list[str] = []
        with self._read() as session:
            if self.target.is_sqlite:
                verdict = session.execute(text("PRAGMA integrity_check")).scalars().all()
                problems += [f"integrity: {v}" for v in verdict if v != "ok"]
                broken = session.execute(text("PRAGMA foreign_key_check")).all()
                problems += [f"foreign key: {tuple(row)}" for row in broken]
            members: dict[str, list[str]] = {}
            order = select(MembershipRow).order_by(MembershipRow.story_id, MembershipRow.position)
            for m in session.scalars(order):
                members.setdefault(m.story_id, []).append(m.article_id)
            for row in session.scalars(select(StoryRow)):
                stored = members.pop(row.id, [])
                if not (row.size == len(row.state["members"]) and stored == row.state["members"]):
                    problems.append(
                        f"story {row.id}: size {row.size}, state lists "
                        f"{len(row.state['members'])} members, {len(stored)} stored"
                    )
            problems += [f"memberships of a missing story {sid}" for sid in members]
            joined = select(MembershipRow.article_id)
            alone = select(func.count()).where(ArticleRow.id.not_in(joined))
            if lonely := session.scalar(alone):
                problems.append(f"{lonely} articles belong to no story")
        return problems


def _prepare_file(path: Path, create: bool) -> None:
    if path.exists():
        if path.is_dir():
            raise NewsprismError(f"{path}: is a folder, not a database file")
        return
    if not create:
        raise NewsprismError(f"{path}: no such database; add articles first (newsprism add)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsprismError(f"{path}: cannot create its folder ({error.strerror})") from None


def _article(row: ArticleRow) -> Article:
    return Article.model_validate(
        {
            "id": row.id,
            "input_id": row.input_id,
            "title": row.title,
            "source": row.source,
            "url": row.url,
            # An undated article is filed under the time it was read (so that stories can
            # be ordered and clustered), but that time is not its date: comparing must weigh
            # it against every other report, and pages must show it as undated.
            "published": row.published if row.published_given else None,
            "language": row.language,
            "origin": row.origin,
            "text": row.text,
            "original": row.original,
            **{name: row.extra.get(name, []) for name in _EXTRA},
        }
    )
