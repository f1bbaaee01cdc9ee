"""Worker processes for big batches: the per-article work on both cores.

One newsprism process uses about one core for annotation: spaCy holds the GIL, and MiniLM
beside it (`newsprism.nlp.embedding`) is the part that overlaps. A batch of hundreds of new
articles (`cluster`, `add` of many files, `summarize --batch`) can use every core by giving
its articles, in chunks, to worker processes that each load the models and run the same
code as one process would. Each worker runs torch with one thread: two workers on two cores
with two torch threads each would fight for them (docs/performance.md).

On Linux the workers are forked from this process once it has loaded the models, so they
share them (copy on write) and start in a fraction of a second of CPU. That is safe because
a worker runs torch on one thread (it never enters a parallel region of the OpenMP pool it
inherits), gets standard streams of its own, and the fork happens only while no other thread
of this process could hold a lock a worker needs (only daemon helpers, such as the progress
display, may run). Elsewhere, or with another thread at work, workers are spawned: a fresh
interpreter that imports newsprism and loads spaCy and MiniLM, about 8 s of CPU and 630 MB
each. Callers use workers only when the batch's own work pays for starting them
(`worth_workers`, docs/performance.md). The pool is kept for the life of the process once
started: later batches of the same run (the chunks of an `add`) find it warm.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from newsprism.config import Settings
from newsprism.nlp import machine

Item = TypeVar("Item")
Result = TypeVar("Result")

# A spawned worker's start, measured in fresh processes on the shared two-core machine:
# importing newsprism and loading spaCy and MiniLM (docs/performance.md).
WORKER_START_CPU_SECONDS = 8.0
# A forked worker's start: the fork and the pages it copies as it runs (docs/performance.md).
FORKED_WORKER_START_CPU_SECONDS = 0.3
# Cores left beside this process and the other jobs below which workers would only queue
# for the busy ones.
MIN_FREE_CORES = 0.5
# The shortest and longest windows the gate measures the other jobs' load over: a second
# holds 100 ticks of each core's counter; a minute is the load average's own span.
MIN_WINDOW_SECONDS = 1.0
MAX_WINDOW_SECONDS = 60.0

_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _start_worker() -> None:
    """Set up a worker process: one torch thread, and no further workers of its own."""
    global _pool, _pool_size
    os.environ["NEWSPRISM_WORKERS"] = "1"
    _pool, _pool_size = None, 0  # a forked worker's copy of this process's pool
    # A forked worker's streams are the parent's objects, whose locks another thread (the
    # progress display) may have held at the fork: it writes through objects of its own.
    sys.stdout, sys.stderr = _own(sys.stdout), _own(sys.stderr)
    import torch

    torch.set_num_threads(1)


def _own(stream: Any) -> Any:
    """A new text stream on ``stream``'s file descriptor (``stream`` if it has none)."""
    try:
        return open(stream.fileno(), "w", closefd=False)
    except (OSError, ValueError, AttributeError):
        return stream


def start_method() -> str:
    """How workers start: "fork" where the platform forks (Linux) and no other thread of
    this process but daemon helpers is running, else "spawn" (see the module doc)."""
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if sys.platform.startswith("linux") and all(t.daemon for t in others):
        return "fork"
    return "spawn"


def pool_is_warm(processes: int) -> bool:
    """Whether this process already runs at least ``processes`` workers."""
    return _pool is not None and _pool_size >= processes


def worth_workers(
    settings: Settings, count: int, cpu_seconds_each: float, *, processes: int | None = None
) -> bool:
    """Whether ``count`` articles of ``cpu_seconds_each`` should go to the workers
    (``processes`` of them, by default ``settings.workers``).

    Yes when the workers are running already. Otherwise only when the time the second core
    saves (half the work) is at least what starting the workers costs the machine: forked,
    `FORKED_WORKER_START_CPU_SECONDS` each; spawned, one more set of models,
    `WORKER_START_CPU_SECONDS` (on a shared machine a pool that saves less wall clock than
    the CPU it burns is a loss for everyone else), and when the other jobs running now leave
    a core to run on beside this process (`_free_cores`, at least `MIN_FREE_CORES`; not the
    load this process or a command before it caused): on the two-core machine loaded by
    other work (load 5-7),
    `cluster` of 1,125 articles took 116 s with two workers against 77 s in one process.
    """
    if settings.workers < 2 or not settings.cache or count < 2:
        return False
    processes = processes or settings.workers
    if pool_is_warm(processes):
        return True
    saved = count * cpu_seconds_each * (1 - 1 / settings.workers)
    if start_method() == "fork":
        start = FORKED_WORKER_START_CPU_SECONDS * processes
    else:
        start = WORKER_START_CPU_SECONDS
    return saved >= start and _free_cores() >= MIN_FREE_CORES


def _free_cores() -> float:
    """Cores left for a worker beside this process and the other jobs running now
    (`newsprism.nlp.machine`): measured over this process's life so far (a command's
    start-up and reading: several seconds), or since the gate last looked; a window too short
    to measure, or older than the load average's minute, is replaced by a fresh one of
    `MIN_WINDOW_SECONDS`. Where the kernel gives no CPU counters, the one-minute load
    average (which counts this process, and jobs that ended during the last minute)."""
    global _since
    now = machine.sample()
    if now is None:
        try:
            load = os.getloadavg()[0]
        except OSError:  # no load average on this system
            return float(os.cpu_count() or 1)
        return (os.cpu_count() or 1) - load
    if _since is None or not MIN_WINDOW_SECONDS <= now.at - _since.at <= MAX_WINDOW_SECONDS:
        _since = now
        time.sleep(MIN_WINDOW_SECONDS)
        now = machine.sample() or now
    free = machine.free_cores(_since, now)
    _since = now
    return free


# From the process's start: the first window the gate measures over.
_since = machine.sample()


def _executor(settings: Settings, processes: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is not None and pool_is_warm(processes):
        return _pool
    shutdown_workers()
    method = start_method()
    if method == "fork":
        _load_models(settings)
    _pool = ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
    )
    _pool_size = processes
    return _pool


def _load_models(settings: Settings) -> None:
    """The models a worker runs, loaded here before the fork so that the workers share them
    (one process would load them for the same batch)."""
    from newsprism.nlp.models import sentence_encoder, spacy_pipeline
    from newsprism.nlp.static import static_encoder

    spacy_pipeline(settings.spacy_model)
    sentence_encoder(settings.embedding_package)
    static_encoder()


def shutdown_workers() -> None:
    """Stop the workers, if any (also done when the process exits)."""
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _pool_size = None, 0


atexit.register(shutdown_workers)


def in_workers(
    function: Callable[[Item, Settings], Result],
    items: Iterable[Item],
    settings: Settings,
    *,
    processes: int | None = None,
) -> Iterator[Result]:
    """``function(item, settings)`` for every item on the workers (at least ``processes``,
    by default ``settings.workers``; a larger pool already running is used as it is), all
    submitted at once, the results yielded in the items' order as they come in.

    ``function`` must be a module-level function (it is pickled by name). The workers get
    ``settings`` with ``workers=1``, so that they never start workers of their own. An
    error in a worker is raised here, and the items not yet started are dropped.
    """
    executor = _executor(settings, processes or settings.workers)
    single = settings.model_copy(update={"workers": 1})
    futures: list[Future[Any]] = [executor.submit(function, item, single) for item in items]
    try:
        for future in futures:
            yield future.result()
    finally:
        for future in futures:
            future.cancel()
