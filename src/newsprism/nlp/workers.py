"""Worker processes for big batches: the per-article work on both cores.

One newsprism process uses about one core for annotation: spaCy holds the GIL, and MiniLM
beside it (`newsprism.nlp.embedding`) is the part that overlaps. A batch of hundreds of new
articles (`cluster`, `add` of many files, `summarize --batch`) can use every core by giving
its articles, in chunks, to worker processes that each load the models and run the same
code as one process would. Each worker runs torch with one thread: two workers on two cores
with two torch threads each would fight for them (docs/performance.md).

Starting a worker is not free: a fresh process imports newsprism and loads spaCy and
MiniLM, about 8 s of CPU and 630 MB each (docs/performance.md), so callers use workers
only when the batch's own work is large enough to pay for them (`worth_workers`). The pool
is kept for the life of the process once started: later batches of the same run (the
chunks of an `add`) find it warm.

Workers are started with "spawn", not "fork": a fork of a process whose torch and spaCy
threads are running can deadlock, and a spawned worker starts from a clean interpreter.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from newsprism.config import Settings

Item = TypeVar("Item")
Result = TypeVar("Result")

# A worker's start, measured in fresh processes on the shared two-core machine: importing
# newsprism and loading spaCy and MiniLM (docs/performance.md).
WORKER_START_CPU_SECONDS = 8.0
# Idle cores (over the last minute) below which workers would only queue for the busy ones.
MIN_FREE_CORES = 0.5

_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _start_worker() -> None:
    """Set up a worker process: one torch thread, and no further workers of its own."""
    os.environ["NEWSPRISM_WORKERS"] = "1"
    import torch

    torch.set_num_threads(1)


def pool_is_warm(settings: Settings) -> bool:
    """Whether this process already runs the workers ``settings`` asks for."""
    return _pool is not None and _pool_size == settings.workers


def worth_workers(settings: Settings, count: int, cpu_seconds_each: float) -> bool:
    """Whether ``count`` articles of ``cpu_seconds_each`` should go to the workers.

    Yes when the workers are running already. Otherwise only when the time the second core
    saves (half the work) is at least what starting one more set of models costs the
    machine, `WORKER_START_CPU_SECONDS` (on a shared machine a pool that saves less wall
    clock than the CPU it burns is a loss for everyone else), and when there is a core to
    run on, `MIN_FREE_CORES`: on the two-core machine loaded by other work (load 5-7),
    `cluster` of 1,125 articles took 116 s with two workers against 77 s in one process.
    """
    if settings.workers < 2 or not settings.cache or count < 2:
        return False
    if pool_is_warm(settings):
        return True
    saved = count * cpu_seconds_each * (1 - 1 / settings.workers)
    return saved >= WORKER_START_CPU_SECONDS and _free_cores() >= MIN_FREE_CORES


def _free_cores() -> float:
    """Cores left idle over the last minute (the load average counts this process too)."""
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this system
        return float(os.cpu_count() or 1)
    return (os.cpu_count() or 1) - load


def _executor(settings: Settings) -> ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size != settings.workers:
        shutdown_workers()
        _pool = ProcessPoolExecutor(
            settings.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
        )
        _pool_size = settings.workers
    return _pool


def shutdown_workers() -> None:
    """Stop the workers, if any (also done when the process exits)."""
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _pool_size = None, 0


atexit.register(shutdown_workers)


def in_workers(
    function: Callable[[Item, Settings], Result], items: Iterable[Item], settings: Settings
) -> Iterator[Result]:
    """``function(item, settings)`` for every item on the workers, all submitted at once,
    the results yielded in the items' order as they come in.

    ``function`` must be a module-level function (it is pickled by name). The workers get
    ``settings`` with ``workers=1``, so that they never start workers of their own. An
    error in a worker is raised here, and the items not yet started are dropped.
    """
    executor = _executor(settings)
    single = settings.model_copy(update={"workers": 1})
    futures: list[Future[Any]] = [executor.submit(function, item, single) for item in items]
    try:
        for future in futures:
            yield future.result()
    finally:
        for future in futures:
            future.cancel()
