"""Polling one feed: a conditional GET, its new entries as articles, back-off on errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, Literal

import httpx

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.download import check_url, fetch, get, read_body
from newsprism.ingest.feeds import FeedEntry, ParsedFeed, entry_article, link_only, parse_feed
from newsprism.ingest.payload import Payload
from newsprism.ingest.prepare import collect, prepare, prepare_all
from newsprism.ingest.read import parse
from newsprism.model import Article, Feed

# A server's Retry-After is honoured up to this long; a larger value is more likely
# a misconfiguration than a wish never to be polled again.
RETRY_AFTER_LIMIT = timedelta(days=1)

Status = Literal["fetched", "not modified", "error"]


@dataclass(frozen=True)
class Schedule:
    """How often a healthy feed is polled, and how far failures push the next poll."""

    interval: float = 900.0  # seconds
    max_backoff: float = 6 * 3600.0

    def delay(self, failures: int) -> timedelta:
        """``interval × 2^failures``, at most ``max_backoff`` (never below ``interval``)."""
        cap = max(self.max_backoff, self.interval)
        return timedelta(seconds=min(self.interval * 2 ** min(failures, 32), cap))


@dataclass
class Poll:
    """What one poll learned: the feed's new state, its new articles, what went wrong.

    ``entry_ids`` are the entries this response settled (stored or not worth storing):
    mark them seen only once ``articles`` are stored, so a crash in between re-reads them.
    """

    feed: Feed
    status: Status
    articles: list[Article] = field(default_factory=list)
    entry_ids: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    moved_to: str | None = None  # the feed answered from here after a permanent redirect

    @property
    def ok(self) -> bool:
        return self.status != "error"


@dataclass(frozen=True)
class _Response:
    status: int
    reason: str
    headers: httpx.Headers
    payload: Payload | None = None
    moved_to: str | None = None  # where permanent redirects led, if they did


def validators(feed: Feed) -> dict[str, str]:
    """The conditional-request headers the feed's last full response allows."""
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def retry_after(value: str | None, now: datetime) -> timedelta | None:
    """A Retry-After header (seconds or an HTTP date) as a delay from ``now``."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        delay = timedelta(seconds=int(value))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        delay = when - now
    return min(max(delay, timedelta(0)), RETRY_AFTER_LIMIT)


def _get(url: str, headers: dict[str, str], settings: Settings, http: httpx.Client) -> _Response:
    """GET with validators; the body only for a 2xx. Raises `InputError` when no answer."""
    with get(http, url, settings, headers) as (response, deadline):
        # Only a chain of permanent redirects moves a feed: a 302/307 on the way may
        # point elsewhere next time.
        permanent = response.history and all(r.status_code in (301, 308) for r in response.history)
        moved_to = str(response.url) if permanent else None
        answer = _Response(
            response.status_code, response.reason_phrase, response.headers, None, moved_to
        )
        if not response.is_success:
            return answer
        payload = read_body(url, response, settings, "a feed", deadline)
        return _Response(answer.status, answer.reason, answer.headers, payload, moved_to)


def _linked(
    entry: FeedEntry, settings: Settings, http: httpx.Client
) -> tuple[Article | None, list[Problem]]:
    """The page a link-only entry points to, with the entry's key and title. Only an
    http(s) link is fetched, through the watcher's guarded client: a link is the feed
    publisher's to choose, and must not name a local file or a private address."""
    assert entry.link is not None
    try:
        payload = fetch(check_url(entry.link), settings, http)
    except InputError as error:
        return None, [Problem.from_error(error)]
    # The page is read as a page: a feed found there does not fetch links in turn.
    items = list(parse(payload, settings.model_copy(update={"fetch_links": False})))
    collection = collect(prepare_all(items[:1], settings))
    if not collection.articles:
        return None, collection.problems or [Problem(entry.link, "no article on this page")]
    article = collection.articles[0]
    update = {
        "input_id": entry.key,
        "title": article.title or entry.title,
        "published": article.published or entry.published,
    }
    return article.model_copy(update=update), collection.problems


def _read_entries(
    feed: ParsedFeed, unseen: list[FeedEntry], settings: Settings, http: httpx.Client
) -> tuple[list[Article], list[str], list[Problem], bool]:
    """Articles of the ``unseen`` entries, the keys settled, problems, and whether all
    were settled (not when a linked page could not be fetched: retry later)."""
    articles: dict[str, Article] = {}
    settled: list[str] = []
    problems: list[Problem] = feed.malformed()
    complete = True
    for entry in unseen:
        raw = entry_article(entry, feed.outlet)
        if raw is not None:
            try:
                article = prepare(raw.model_copy(update={"input_id": entry.key}), settings)
            except InputError as error:
                article = None
                problems.append(Problem.from_error(error))
        elif settings.fetch_links and entry.link:
            article, found = _linked(entry, settings, http)
            problems.extend(found)
            if article is None:
                complete = False
                continue  # not settled: the page may be back next time
        else:
            article = None
            problems.append(link_only(entry))
        settled.append(entry.key)
        if article is not None:
            articles.setdefault(article.id, article)
    return list(articles.values()), settled, [*problems, *feed.cut(settings)], complete


def failed(
    feed: Feed, reason: str, now: datetime, schedule: Schedule, wait: timedelta | None = None
) -> Poll:
    """A failed poll of ``feed``: one more failure, the next poll put off (at least ``wait``)."""
    failures = feed.failures + 1
    delay = max(schedule.delay(failures), wait or timedelta(0))
    state = feed.model_copy(
        update={
            "failures": failures,
            "last_error": reason,
            "last_polled": now,
            "next_poll": now + delay,
        }
    )
    return Poll(state, "error", problems=[Problem(feed.url, reason)])


def poll(
    feed: Feed,
    settings: Settings,
    http: httpx.Client,
    seen: Callable[[str], bool],
    *,
    schedule: Schedule | None = None,
    now: datetime | None = None,
) -> Poll:
    """Poll ``feed`` once; never raises for a bad feed or an unreachable host.

    ``seen(entry_id)`` says whether an entry was stored before. ``now`` is when the poll
    counts as made (the watch loop passes the start of its pass, so feeds stay in step).
    """
    schedule = schedule or Schedule()
    now = now or datetime.now(UTC)
    try:
        response = _get(feed.location or feed.url, validators(feed), settings, http)
    except InputError as error:
        return failed(feed, error.reason, now, schedule)
    healthy: dict[str, Any] = {
        "failures": 0,
        "last_error": None,
        "last_polled": now,
        "next_poll": now + schedule.delay(0),
    }
    if response.moved_to and response.moved_to != (feed.location or feed.url):
        healthy["location"] = response.moved_to
    if response.status == 304:
        # A 304 may refresh the validators; when it does not, the old ones still hold.
        fresh = {
            "etag": response.headers.get("etag") or feed.etag,
            "last_modified": response.headers.get("last-modified") or feed.last_modified,
        }
        state = feed.model_copy(update={**healthy, **fresh})
        return Poll(state, "not modified", moved_to=healthy.get("location"))
    if response.payload is None:
        reason = f"the server answered HTTP {response.status} {response.reason}".rstrip()
        return failed(
            feed, reason, now, schedule, retry_after(response.headers.get("retry-after"), now)
        )
    try:
        parsed = parse_feed(response.payload, settings)
        if parsed.broken:
            # As read_feed refuses it: recovered entries must carry at least one report.
            parsed.refuse_if_unrecovered(any(e.body is not None for e in parsed.entries))
    except InputError as error:
        return failed(feed, error.reason, now, schedule)
    unseen = [e for e in parsed.entries if not seen(e.key)]
    found = _read_entries(parsed, unseen, settings, http) if unseen else None
    articles, settled, problems, complete = found or ([], [], [], True)
    update: dict[str, Any] = {**healthy, "title": feed.title or parsed.title}
    if complete:
        # Keep the validators only when the whole response was settled: a 304 next
        # time would otherwise hide the entries that still have to be retried.
        update["etag"] = response.headers.get("etag")
        update["last_modified"] = response.headers.get("last-modified")
    else:
        update["etag"] = update["last_modified"] = None
    return Poll(
        feed.model_copy(update=update),
        "fetched",
        articles,
        settled,
        problems,
        moved_to=healthy.get("location"),
    )
