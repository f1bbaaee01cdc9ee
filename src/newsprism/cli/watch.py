"""`newsprism watch`: follow feeds, store and cluster what they publish, log what it did."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.logging import RichHandler

from newsprism.cli.app import (
    CacheDirOption,
    FetchLinksOption,
    MaxBytesOption,
    NoCacheOption,
    app,
    database,
    err,
    settings_from,
)
from newsprism.cli.stories import DbOption, tracked_json
from newsprism.cli.terminal import clean, report_problems
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.config import Settings
    from newsprism.model import Article
    from newsprism.store import Store
    from newsprism.workflows import Tracked, Tracker, TrackResult

_handler: logging.Handler | None = None


class _Lines(logging.Formatter):
    """The watcher's lines read like every other command's: the message, with "warning: "
    or "error: " before a problem, after the time (a watcher's output is a log)."""

    def format(self, record: logging.LogRecord) -> str:
        if record.levelno >= logging.ERROR:
            level = "error: "
        elif record.levelno >= logging.WARNING:
            level = "warning: "
        else:
            level = ""
        line = f"{self.formatTime(record, '%Y-%m-%d %H:%M:%S')} {level}{record.getMessage()}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def _printable(record: logging.LogRecord) -> bool:
    """Feed URLs and titles, server messages and entry problems come from the feeds: each
    log line is printed without their control characters, on one line."""
    record.msg, record.args = clean(record.getMessage()), None
    return True


def _log_to_stderr() -> logging.Logger:
    """Log the watcher's lines to stderr: rich on a terminal, plain lines for a log file."""
    global _handler
    logger = logging.getLogger("newsprism.watch")
    if _handler is not None:  # a second run in the same process (tests) replaces it
        logger.removeHandler(_handler)
    if err.is_terminal:
        _handler = RichHandler(console=err, show_path=False, markup=False, log_time_format="[%X]")
    else:
        _handler = logging.StreamHandler(sys.stderr)
        _handler.setFormatter(_Lines())
    _handler.addFilter(_printable)
    logger.addHandler(_handler)
    logger.setLevel(logging.INFO)
    return logger


def _printing() -> Tracker:
    """`track`, printing each stored article's line (add --json's) as it is committed."""
    from newsprism.workflows import track

    def tracker(articles: list[Article], store: Store, settings: Settings) -> TrackResult:
        def shown(item: Tracked) -> None:
            if item.stored:
                sys.stdout.write(tracked_json(item) + "\n")
                sys.stdout.flush()

        return track(articles, store, settings, on_item=shown)

    return tracker


@contextmanager
def _stopped_by_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM (how services are stopped) and Ctrl-C end the watch. Each also sets ``stop``,
    which ends the loop at its next wait: an interrupt raised inside a library that
    swallows it (it happened, rarely, on a real run) must not leave the watch running."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        stop.set()
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, interrupt) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism watch feeds.txt --interval 600\n\n"
        "  newsprism watch subscriptions.opml --once --db news.db\n\n"
        "  newsprism watch https://example.org/feed.xml --fetch-links"
    )
)
def watch(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Feed URLs, list files (one URL a line, # comments) or OPML files.",
            show_default=False,
        ),
    ],
    interval: Annotated[
        float, typer.Option("--interval", min=1.0, help="Seconds between passes over the feeds.")
    ] = 900.0,
    once: Annotated[
        bool,
        typer.Option(
            "--once", metavar="", help="One pass, then exit: 1 if every feed polled failed, else 0."
        ),
    ] = False,
    db: DbOption = None,
    max_backoff: Annotated[
        float,
        typer.Option("--max-backoff", min=1.0, help="Longest wait, in seconds, after failures."),
    ] = 6 * 3600.0,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", metavar="", help="One JSON line per stored article on stdout, as add --json."
        ),
    ] = False,
    fetch_links: FetchLinksOption = False,
    max_bytes: MaxBytesOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Poll RSS/Atom feeds, store and cluster their new entries into stories (English articles only, for now).

    List files are read again before every pass, so feeds can be added or taken out while it runs. Conditional requests (ETag, Last-Modified) keep polls cheap; a feed that moved permanently (301/308) is polled at its new address. A failing feed waits longer each time (interval × 2^failures up to --max-backoff, or the server's Retry-After) without holding up the others. Ctrl-C stops cleanly.
    """
    from newsprism.ingest import Schedule, SourceList, client
    from newsprism.store import Store
    from newsprism.workflows import track
    from newsprism.workflows import watch as watch_feeds

    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    listed = SourceList(sources, settings)
    found = listed.read()
    report_problems(err, found.problems)
    if not found.feeds:
        raise NewsprismError("no feed to watch in the given sources")
    log = _log_to_stderr()
    schedule = Schedule(interval=interval, max_backoff=max_backoff)
    stop = threading.Event()
    with (
        Store.open(database(db), settings) as store,
        client(settings) as http,
        _stopped_by_signals(stop),
    ):
        count = len(found.feeds)
        every = "once" if once else f"every {interval:g} s"
        log.info(
            "watching %d feed%s %s, storing in %s",
            count,
            "" if count == 1 else "s",
            every,
            store.target.name,
        )
        try:
            passes = watch_feeds(
                store,
                listed,
                settings,
                http,
                schedule,
                passes=1 if once else None,
                stop=stop,
                anytime=once,
                tracker=_printing() if as_json else track,
            )
        except KeyboardInterrupt:
            if once:
                raise  # an interrupted single pass is not a success
            stop.set()
        if stop.is_set() and not once:
            log.info("stopped")
            return
    if once and passes[0].polls and passes[0].ok == 0:
        raise typer.Exit(1)
