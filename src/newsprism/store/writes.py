"""The store's write path for new articles: an article with its story's new state, its
membership and the moves it caused, one transaction each or many in a `batch`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newsprism.errors import StaleStoryError
from newsprism.model import Article
from newsprism.store.schema import ArticleRow, MembershipRow, StoryRow
from newsprism.stories import ArticleFeatures, Move, StoryState


class ArticleWrites:
    """The part of `newsprism.store.Store` that stores new articles into stories."""

    _batch: Session | None  # the transaction of `batch`, while it is open
    # In `batch`: each story written to, by id, its row and the state to write when the
    # batch ends, and its members as of the batch's last write (what the next check reads).
    _pending: dict[str, tuple[StoryRow, StoryState]]
    _members: dict[str, list[str]]

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def has_article(self, id: str) -> bool:
        raise NotImplementedError

    def _article_row(self, article: Article, features: ArticleFeatures) -> ArticleRow:
        raise NotImplementedError

    @contextmanager
    def batch(self) -> Iterator[None]:
        """The writes made in the block share one transaction, committed when it ends: then
        all of them are on disk, or none when an error leaves the block. One commit waits
        for the disk (``synchronous=FULL``) as long as for one article's writes, so a batch
        pays it once (docs/performance.md). A story's state is written when the block ends:
        the last one given for it (`add_article`), as it is then. Reads in the block do not
        see its writes."""
        with self._write() as session:
            self._batch = session
            try:
                yield
                # Each story's state once, as the batch left it, not once per article:
                # a big story's whole state again for every member was most of what
                # `add` wrote (docs/performance.md).
                for row, story in self._pending.values():
                    row.write(story)
            finally:
                self._batch = None
                self._pending, self._members = {}, {}

    def add_article(
        self,
        article: Article,
        features: ArticleFeatures,
        story: StoryState,
        moves: Sequence[Move] = (),
        grown: Sequence[StoryState] = (),
    ) -> bool:
        """Store the article, its membership of ``story`` and the story's new state, in
        one transaction (in `batch`, the batch's, the state written when it ends). False (and nothing written) if the article was already stored.
        ``moves`` are the one-article stories the clusterer let join a story as it took the
        article (`StoryClusterer.take_moves`): their articles move into ``story``, or into
        the story of ``grown`` (their new states) that the move names, and they are dropped.

        ``story`` and each of ``grown`` must be the stored state (in a batch, the one it
        last wrote) plus these articles: if
        another process changed one meanwhile, `StaleStoryError` is raised and nothing is
        written (reload `story_states` and cluster the article again). ``features.published`` is the date
        the article is filed under: its own, or the ingest time when it had none.
        """
        if features.id != article.id:
            raise ValueError(f"features of {features.id} given for article {article.id}")
        if article.id not in story.members:
            raise ValueError(f"article {article.id} is not a member of story {story.id}")
        moved = {move.article for move in moves}
        before = [m for m in story.members if m != article.id and m not in moved]
        try:
            with self._write() as session:
                if session.get(ArticleRow, article.id) is not None:
                    return False
                row = self._story_row(session, story.id)
                if self._stored_members(row) != before:
                    raise StaleStoryError(story.id)
                session.add(self._article_row(article, features))
                if row is None:
                    row = StoryRow(id=story.id)
                    row.write(story)  # its columns, for the insert
                    session.add(row)
                self._written(row, story)
                targets = {story.id: story}
                for other in grown:
                    other_row = self._story_row(session, other.id)
                    kept = [m for m in other.members if m not in moved]
                    if other_row is None or self._stored_members(other_row) != kept:
                        raise StaleStoryError(other.id)
                    self._written(other_row, other)
                    targets[other.id] = other
                # Parents first: the membership's foreign keys are checked at once.
                session.flush()
                position = story.members.index(article.id)
                session.add(
                    MembershipRow(article_id=article.id, story_id=story.id, position=position)
                )
                self._apply_moves(session, targets, moves)
        except IntegrityError:
            # Another process stored the article or started the story after we looked.
            if self.has_article(article.id):
                return False
            raise StaleStoryError(story.id) from None
        return True

    def _story_row(self, session: Session, id: str) -> StoryRow | None:
        """The story's row, locked for this transaction: read from the database the first
        time, or the one this batch already holds."""
        if (pending := self._pending.get(id)) is not None:
            return pending[0]
        # FOR UPDATE: on PostgreSQL, writers of one story take turns (SQLite's BEGIN
        # IMMEDIATE already serializes all writers).
        return session.get(StoryRow, id, with_for_update=True)

    def _stored_members(self, row: StoryRow | None) -> list[str]:
        """The members of the story as stored (in this batch, as its last write left them):
        what the caller's state must have started from."""
        if row is None:
            return []
        members = self._members.get(row.id)
        return members if members is not None else list(row.state["members"])

    def _written(self, row: StoryRow, story: StoryState) -> None:
        """Write the story's state now, or in a batch when the batch ends."""
        if self._batch is None:
            row.write(story)
            return
        self._pending[story.id] = (row, story)
        self._members[story.id] = list(story.members)

    def _apply_moves(
        self, session: Session, targets: Mapping[str, StoryState], moves: Sequence[Move]
    ) -> None:
        """Move each article out of the one-article story it started into the story of
        ``targets`` it joined, and drop the emptied story, in the transaction that stores
        the article being added."""
        for move in moves:
            story = targets.get(move.joined)
            if story is None:
                raise ValueError(f"{move.article} moved into {move.joined}: its state not given")
            left = self._story_row(session, move.left)
            if left is None or self._stored_members(left) != [move.article]:
                raise StaleStoryError(move.left)
            membership = session.get(MembershipRow, move.article)
            if membership is None:
                raise StaleStoryError(move.left)
            membership.story_id = story.id
            membership.position = story.members.index(move.article)
            # The membership points at its new story before the old one goes (cascade).
            session.flush()
            session.delete(left)
            self._pending.pop(move.left, None)
            self._members.pop(move.left, None)
