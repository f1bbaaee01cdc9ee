"""The watch loop: poll every due feed, store and cluster what is new, sleep, repeat.

For each feed the order of writes is: articles (through `track`), then the entries seen,
then the feed's state with its validators. A crash between two steps therefore makes the
next run fetch the whole feed again and find the articles already stored, never skip one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from newsprism.config import Settings
from newsprism.errors import NewsprismError, Problem
from newsprism.ingest import Poll, Schedule, Source, SourceList, failed, poll
from newsprism.model import Article, Feed
from newsprism.store import DatabaseBusyError, Store
from newsprism.workflows.tracking import TrackResult, track

log = logging.getLogger("newsprism.watch")

Tracker = Callable[[list[Article], Store, Settings], TrackResult]


@dataclass
class Pass:
    """What one pass over the feeds did."""

    polls: list[Poll] = field(default_factory=list)
    stored: int = 0

    @property
    def ok(self) -> int:
        return sum(p.ok for p in self.polls)

    @property
    def failed(self) -> int:
        return sum(not p.ok for p in self.polls)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def due(feed: Feed, now: datetime, early: timedelta | None = timedelta(0)) -> bool:
    """Whether ``feed`` may be polled at ``now``.

    A healthy feed may go up to ``early`` before its time (None: at any time), so that
    it is polled at the pass nearest to its time; a failing one waits out its back-off.
    """
    if feed.next_poll is None:
        return True
    scheduled = _aware(feed.next_poll)
    if feed.failures == 0 and (early is None or scheduled - early <= now):
        return True
    return scheduled <= now


def follow(store: Store, sources: Sequence[Source]) -> list[Feed]:
    """The stored state of each source's feed; feeds not followed yet are added."""
    known = {feed.url: feed for feed in store.feeds()}
    return [known.get(s.url) or store.add_feed(s.url, s.title) for s in sources]


def _wait(delay: float) -> str:
    """A delay as a reader thinks of it: 45 s, 12 min, 3.5 h."""
    if delay < 120:
        return f"{delay:.0f} s"
    if delay < 7200:
        return f"{delay / 60:.0f} min"
    return f"{delay / 3600:.1f} h"


def _report(result: Poll, tracked: TrackResult | None, now: datetime) -> None:
    """One line for the feed; entries that could not be used get a line each first."""
    for problem in result.problems if result.ok else []:
        log.log(logging.WARNING if problem.level == "error" else logging.INFO, "  %s", problem)
    for notice in tracked.notices if tracked else []:
        log.info("  %s", notice)
    url = result.feed.url
    if result.moved_to:
        log.info("%s: moved permanently to %s; polled there from now on", url, result.moved_to)
    if not result.ok:
        retry = _aware(result.feed.next_poll or now)
        log.warning(
            "%s: error (%s), failure %d in a row; next try in %s (%s UTC)",
            url,
            result.feed.last_error,
            result.feed.failures,
            _wait((retry - now).total_seconds()),
            f"{retry.astimezone(UTC):%Y-%m-%d %H:%M:%S}",
        )
    elif result.status == "not modified":
        log.info("%s: not modified", url)
    elif not result.entry_ids:
        log.info("%s: no new entries", url)
    else:
        stored = len(tracked.stored) if tracked else 0
        started = sum(t.started for t in tracked.stored) if tracked else 0
        duplicates = len(tracked.duplicates) if tracked else 0
        entries = len(result.entry_ids)
        parts = [f"{entries} new {'entry' if entries == 1 else 'entries'}"]
        parts.append(f"{stored} stored ({started} new {'story' if started == 1 else 'stories'})")
        if duplicates:
            parts.append(f"{duplicates} already stored")
        skipped = len(result.entry_ids) - len(result.articles)
        if skipped:
            parts.append(f"{skipped} skipped")
        log.info("%s: %s", url, ", ".join(parts))


def _poll(
    feed: Feed,
    store: Store,
    settings: Settings,
    http: httpx.Client,
    schedule: Schedule,
    now: datetime,
) -> Poll:
    return poll(
        feed,
        settings,
        http,
        lambda entry_id: store.seen_entry(feed.url, entry_id),
        schedule=schedule,
        now=now,
    )


def poll_and_store(
    feed: Feed,
    store: Store,
    settings: Settings,
    http: httpx.Client,
    schedule: Schedule,
    now: datetime,
    tracker: Tracker = track,
    polled: Poll | None = None,
) -> tuple[Poll, int]:
    """Poll one feed (unless ``polled`` already did) and persist the outcome; returns the
    poll and the articles stored."""
    result = polled or _poll(feed, store, settings, http, schedule, now)
    try:
        tracked = tracker(result.articles, store, settings) if result.articles else None
    except DatabaseBusyError as error:
        return _busy(feed, result, error), 0
    except NewsprismError:
        raise  # the database itself failed: it would fail for every feed alike
    except Exception as error:
        # An entry the pipeline chokes on must not stop the watcher, nor crash it again
        # at every restart: the feed backs off, its entries stay unseen for a retry.
        log.error("%s: storing its entries failed", feed.url, exc_info=True)
        reason = f"storing its entries failed ({type(error).__name__}: {error})"
        result, tracked = failed(feed, reason, now, schedule), None
    try:
        for entry_id in result.entry_ids:
            store.mark_entry(feed.url, entry_id)
        store.save_feed(result.feed)
    except DatabaseBusyError as error:
        return _busy(feed, result, error), len(tracked.stored) if tracked else 0
    _report(result, tracked, now)
    return result, len(tracked.stored) if tracked else 0


def _busy(feed: Feed, result: Poll, error: DatabaseBusyError) -> Poll:
    """Another process holds the database: leave the feed's stored state as it was, so
    the next pass polls it again and stores what this one could not (nothing is lost:
    entries are marked seen only after their articles are stored)."""
    log.warning("%s: %s; its new entries will be stored at the next pass", feed.url, error)
    return Poll(feed, "error", problems=[Problem(feed.url, str(error))])


def run_pass(
    store: Store,
    sources: Sequence[Source],
    settings: Settings,
    http: httpx.Client,
    schedule: Schedule,
    *,
    now: datetime | None = None,
    early: timedelta | None = timedelta(0),
    tracker: Tracker = track,
) -> Pass:
    """Poll every due feed of ``sources`` once (see `due` for ``early``). A feed's failure
    never stops the others; a database error (`NewsprismError`) does."""
    now = now or datetime.now(UTC)
    done = Pass()
    try:
        feeds = follow(store, sources)
    except DatabaseBusyError as error:
        log.warning("%s; no feed polled in this pass", error)
        return done
    due_now = [feed for feed in feeds if due(feed, now, early)]
    if not due_now:
        return done
    # Feeds are fetched (and their linked pages with them) a few at a time, so a slow
    # feed holds up one worker, not the pass; storing and clustering stay on this thread,
    # in the feeds' order, as each poll is ready.
    pool = ThreadPoolExecutor(
        min(settings.poll_workers, len(due_now)), thread_name_prefix="newsprism-poll"
    )
    try:
        polls = pool.map(lambda feed: _poll(feed, store, settings, http, schedule, now), due_now)
        for feed, polled in zip(due_now, polls, strict=True):
            result, stored = poll_and_store(
                feed, store, settings, http, schedule, now, tracker, polled
            )
            done.polls.append(result)
            done.stored += stored
    finally:
        # On Ctrl-C or a database error, polls not started are dropped; those under way
        # end within their download deadline.
        pool.shutdown(wait=False, cancel_futures=True)
    return done


def _current(sources: Sequence[Source] | SourceList) -> Sequence[Source]:
    """The feeds to poll this pass; a list file is read again each time."""
    if not isinstance(sources, SourceList):
        return sources
    found = sources.read()
    for problem in found.problems:
        level = logging.INFO if problem.level == "notice" else logging.WARNING
        log.log(level, "%s", problem)
    return found.feeds


def watch(
    store: Store,
    sources: Sequence[Source] | SourceList,
    settings: Settings,
    http: httpx.Client,
    schedule: Schedule,
    *,
    passes: int | None = None,
    stop: threading.Event | None = None,
    anytime: bool = False,
    tracker: Tracker = track,
) -> list[Pass]:
    """Run a pass every ``schedule.interval`` seconds until ``passes`` are done or ``stop``
    is set; returns the passes made. A `SourceList` is read again before each pass. ``anytime`` polls healthy feeds even before their
    time (a one-off pass asked for now); failing feeds always wait out their back-off. Ctrl-C (KeyboardInterrupt) goes to the caller: the
    order of writes keeps the database consistent wherever it lands."""
    stop = stop or threading.Event()
    done: list[Pass] = []
    # Passes keep to a grid and each counts as made at its grid time, so a feed polled
    # late in one pass (next poll = its pass time + interval) is due at the next one.
    at, clock = datetime.now(UTC), time.monotonic()
    early = None if anytime else timedelta(seconds=schedule.interval / 2)
    while passes is None or len(done) < passes:
        feeds = _current(sources)
        result = run_pass(
            store, feeds, settings, http, schedule, now=at, early=early, tracker=tracker
        )
        done.append(result)
        log.info(
            "pass %d: %d polled, %d failed, %d stored",
            len(done),
            len(result.polls),
            result.failed,
            result.stored,
        )
        if passes is not None and len(done) >= passes:
            break
        at += timedelta(seconds=schedule.interval)
        clock += schedule.interval
        wait = clock - time.monotonic()
        if wait < 0:  # the pass overran the interval: the next starts now, on a new grid
            at, clock, wait = datetime.now(UTC), time.monotonic(), 0
        if stop.wait(wait):
            break
    return done
