"""What the web app does besides HTTP: read what users submit, compare off the event loop.

The NLP models are loaded once per process (lazily, by `newsprism.nlp.models`) and are not
safe to drive from several threads at once, so all annotating and comparing runs in
worker threads one job at a time; requests waiting for their turn hold no thread.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import PurePosixPath
from typing import Generic, TypeVar

import anyio

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest import (
    Collection,
    Payload,
    check_size,
    collect,
    fetch,
    is_url,
    parse,
    parse_datetime,
    prepare_all,
    read_text,
)
from newsprism.model import Article, Comparison, RawArticle, Story, StoryReport
from newsprism.nlp import annotate
from newsprism.web.jobs import Check, JobQueue
from newsprism.workflows import story_report, what_is_new

FETCH_OFF = "this server does not fetch URLs (it was started without --allow-fetch)"
# Submissions read (downloaded, parsed, cleaned) at once; the rest wait their turn.
READERS = 4

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A small thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


@dataclass(frozen=True)
class Pasted:
    """One article typed or pasted by the user."""

    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None


@dataclass
class Submission:
    """Everything one compare request brings: pasted texts, uploaded files, URLs."""

    pasted: list[Pasted] = field(default_factory=list)
    uploads: list[tuple[str, bytes]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pasted) + len(self.uploads) + len(self.urls)


@dataclass(frozen=True)
class Result:
    """A comparison and the articles it was made from (the report needs their text); for a
    stored story, also its report (with what is new since a time, when asked)."""

    articles: list[Article]
    comparison: Comparison
    problems: list[Problem] = field(default_factory=list)
    id: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    story: StoryReport | None = None

    # Made once per result: a kept story comparison is served many times.
    @cached_property
    def comparison_json(self) -> str:
        return self.comparison.model_dump_json()

    @cached_property
    def report_html(self) -> str:
        """The self-contained HTML report (blocking: call from a worker thread)."""
        from newsprism.report import to_html

        story = self.story
        if story is None:
            return to_html(self.comparison, self.articles)
        return to_html(self.comparison, self.articles, update=story.update, since=story.since)

    @cached_property
    def story_json(self) -> str:
        """`newsprism story --json` of a stored story's result (blocking, like the report)."""
        from newsprism.report import story_json

        assert self.story is not None, "only a stored story's result has a story report"
        return story_json(self.story, self.articles)


def upload_label(filename: str | None, index: int) -> str:
    """A display name for an upload: the last part of the client's file name, nothing else.

    The name is only ever shown and used to guess the format; the bytes stay in memory.
    """
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = "".join(c for c in name if c.isprintable()).strip()[:120]
    return name if name not in ("", ".", "..") else f"upload-{index}"


def _pasted(index: int, item: Pasted) -> RawArticle:
    origin = f"article {index}"
    published = parse_datetime(item.published) if item.published else None
    if item.published and published is None:
        raise InputError(origin, f"cannot read the date {item.published!r}")
    if item.title:
        raw = RawArticle(origin=origin, text=item.text, title=item.title.strip())
    else:
        # As for a text file: a headline-like first line is the title.
        raw = read_text(Payload(origin=origin, data=item.text.encode("utf-8")))
    return raw.model_copy(
        update={"source": (item.source or "").strip() or None, "published": published}
    )


class Reader:
    """Turns a `Submission` into articles, fetching URLs only when the server allows it."""

    def __init__(self, settings: Settings, *, allow_fetch: bool, allow_private: bool) -> None:
        # The server's flags decide what it fetches, whatever its environment says: links
        # of an uploaded feed are fetched only with --allow-fetch, private addresses only
        # with --allow-private, and always through the one guarded client.
        self.settings = settings.model_copy(
            update={
                "fetch_links": settings.fetch_links and allow_fetch,
                "allow_private": allow_fetch and allow_private,
            }
        )
        self.allow_fetch = allow_fetch
        self.allow_private = allow_private
        self._limiter = anyio.CapacityLimiter(READERS)

    def _items(self, submission: Submission) -> list[RawArticle | Problem]:
        items: list[RawArticle | Problem] = []
        for index, item in enumerate(submission.pasted, 1):
            try:
                items.append(_pasted(index, item))
            except InputError as error:
                items.append(Problem.from_error(error))
        for name, data in submission.uploads:
            try:
                check_size(name, len(data), self.settings.max_bytes)
            except InputError as error:
                items.append(Problem.from_error(error))
                continue
            items.extend(parse(Payload(origin=name, data=data, name=name), self.settings))
        for url in submission.urls:
            if not is_url(url):
                items.append(Problem(url, "not an http(s) URL"))
                continue
            if not self.allow_fetch:
                items.append(Problem(url, FETCH_OFF))
                continue
            try:
                payload = fetch(url, self.settings)
            except InputError as error:
                items.append(Problem.from_error(error))
                continue
            items.extend(parse(payload, self.settings))
        return items

    def read(self, submission: Submission) -> Collection:
        """Blocking (it may download): call from a worker thread."""
        return collect(prepare_all(self._items(submission), self.settings))

    async def run(self, submission: Submission) -> Collection:
        """`read` in a worker thread of its own few: slow downloads and heavy uploads wait
        for each other, never for the threads that serve the store's pages."""
        return await anyio.to_thread.run_sync(self.read, submission, limiter=self._limiter)


class Comparer:
    """Annotates and compares, one job at a time, and remembers recent story comparisons."""

    def __init__(self, settings: Settings, cache_size: int = 32) -> None:
        self.settings = settings
        self.jobs = JobQueue()
        self._models = threading.Lock()
        self._stories: LRU[tuple[str, tuple[str, ...]], Result] = LRU(cache_size)
        self._updates: LRU[tuple[object, ...], Result] = LRU(cache_size)

    def _compare(self, articles: Sequence[Article], *, force: bool, check: Check) -> Comparison:
        from newsprism.comparison import compare  # the stages: imported when first needed

        with self._models:
            check()
            articles = annotate(articles, self.settings)
            check()
            return compare(articles, self.settings, refuse_unrelated=not force)

    def _load_models(self) -> None:
        import newsprism.comparison  # noqa: F401  (the stages, before the first comparison)
        from newsprism.nlp import sentence_encoder, spacy_pipeline

        with self._models:
            spacy_pipeline(self.settings.spacy_model)
            sentence_encoder(self.settings.embedding_package)

    def warm_up(self) -> None:
        """Load the models in the background now, so that the first user waits less.

        A daemon thread, not a worker of the event loop: stopping the server must not
        wait for the load to finish. Comparisons wait for it through the models lock.
        """
        threading.Thread(target=self._load_models, name="newsprism-models", daemon=True).start()

    async def run(self, work: Callable[[Check], V], cancel: threading.Event | None = None) -> V:
        """Run CPU-heavy ``work`` after the jobs before it (see `JobQueue.run`)."""
        return await self.jobs.run(work, cancel)

    async def compare(
        self,
        articles: Sequence[Article],
        *,
        force: bool = False,
        cancel: threading.Event | None = None,
    ) -> Comparison:
        """Raises `UnrelatedArticlesError` for articles of different events, unless ``force``;
        `Busy` when too many wait; `Cancelled` once ``cancel`` is set."""
        return await self.run(
            lambda check: self._compare(articles, force=force, check=check), cancel
        )

    def known(self, story: Story) -> Result | None:
        """The story's comparison if one was made for its present members, else None
        (nothing is computed: a list of stories shows what is known)."""
        return self._stories.get((story.id, tuple(story.members)))

    def remember(self, story: Story, result: Result) -> Result:
        """Serve ``result`` as the story's comparison while its members stay the same."""
        self._stories.put((story.id, tuple(story.members)), result)
        return result

    async def story(
        self, story: Story, articles: list[Article], filed: dict[str, datetime]
    ) -> Result:
        """The report of a story's articles (in `story_order`, with when each was filed),
        computed once per set of members."""
        key = (story.id, tuple(story.members))

        def work(check: Check) -> Result:
            # Another request may have computed it while this one waited its turn.
            done = self._stories.get(key)
            if done is None:
                # The clustering put them in one story: no relatedness check.
                comparison = self._compare(articles, force=True, check=check)
                report = story_report(
                    story, articles, self.settings, filed=filed, comparison=comparison
                )
                done = Result(articles, comparison, story=report)
                self._stories.put(key, done)
            return done

        known = self._stories.get(key)
        return known if known is not None else await self.run(work)

    async def news(self, base: Result, since: datetime) -> Result:
        """``base`` (a stored story's result) with what is new since ``since``, computed
        once per story, members and time."""
        story = base.story
        assert story is not None, "only a stored story's result"
        key = (story.story.id, tuple(story.story.members), since)
        cached = self._updates.get(key)
        if cached is not None:
            return cached

        def work(check: Check) -> Result:
            with self._models:
                check()
                report = what_is_new(story, base.articles, self.settings, since)
            done = Result(base.articles, base.comparison, story=report)
            self._updates.put(key, done)
            return done

        return await self.run(work)
