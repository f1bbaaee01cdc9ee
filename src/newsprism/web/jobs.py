"""Comparing for web users: one job at a time, a short queue, and no work for nobody.

A comparison takes seconds to tens of seconds of CPU and the models serve one job at a
time. So jobs wait in a queue of bounded length (past it, 503 with a Retry-After from the
recent job times); a job whose client hung up is cancelled (before it starts, or between
its stages); and each runs in a daemon thread, so that stopping the server never waits
for one to finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import statistics
import threading
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import anyio
from starlette.exceptions import HTTPException
from starlette.requests import Request

T = TypeVar("T")

# Jobs that may wait behind the running one before new ones are turned away.
MAX_WAITING = 4
# Until jobs have been timed, a job is guessed to take this long (seconds).
FIRST_GUESS = 20.0
# How often a waiting request checks whether its client is still there (seconds).
DISCONNECT_POLL = 0.25


class Cancelled(Exception):
    """The job's client went away, or the server is stopping."""


class Busy(HTTPException):
    def __init__(self, retry_after: int, waiting: int) -> None:
        super().__init__(
            503,
            f"busy: {waiting} comparisons are waiting; try again in about {retry_after} s",
            headers={"Retry-After": str(retry_after)},
        )


Check = Callable[[], None]


class JobQueue:
    """Runs blocking jobs one at a time in daemon threads, at most ``waiting`` queued."""

    def __init__(self, waiting: int = MAX_WAITING) -> None:
        self.waiting = waiting
        self.stopping = threading.Event()
        self._limiter = anyio.CapacityLimiter(1)
        self._queued = 0  # running and waiting (only touched on the event loop)
        self._seconds: deque[float] = deque(maxlen=8)

    @property
    def queued(self) -> int:
        return self._queued

    def retry_after(self) -> int:
        typical = statistics.median(self._seconds) if self._seconds else FIRST_GUESS
        return max(1, math.ceil(typical * self._queued))

    async def run(self, work: Callable[[Check], T], cancel: threading.Event | None = None) -> T:
        """``work(check)`` after the jobs before it; ``check()`` raises `Cancelled` once
        ``cancel`` or `stopping` is set, so a job can stop between its stages."""
        if self._queued > self.waiting:
            raise Busy(self.retry_after(), self._queued)
        cancel = cancel or threading.Event()

        def check() -> None:
            if cancel.is_set() or self.stopping.is_set():
                raise Cancelled

        self._queued += 1
        try:
            async with self._limiter:
                loop = asyncio.get_running_loop()
                began = loop.time()
                result = await _in_daemon_thread(lambda: _started(work, check))
                self._seconds.append(loop.time() - began)
                return result
        finally:
            self._queued -= 1


def _started(work: Callable[[Check], T], check: Check) -> T:
    check()  # a job whose client left while it waited is not started
    return work(check)


async def _in_daemon_thread(work: Callable[[], T]) -> T:
    """``work()`` in a new daemon thread; awaiting it can be cancelled (the thread then
    runs on, unobserved, and ends with the process at the latest)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def target() -> None:
        try:
            result, error = work(), None
        except BaseException as raised:  # handed to the awaiting task as it is
            result, error = None, raised
        # RuntimeError: the event loop is gone (the server stopped), nobody waits.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=target, name="newsprism-job", daemon=True).start()
    value: T = await future
    return value


async def unless_abandoned(request: Request, job: Callable[[threading.Event], Awaitable[T]]) -> T:
    """``job(cancel)``, with ``cancel`` set (and the wait ended) if the client disconnects.
    The job's own errors pass through as they are."""
    cancel = threading.Event()
    outcome: list[T] = []
    failure: list[Exception] = []

    async with anyio.create_task_group() as group:

        async def run() -> None:
            try:
                outcome.append(await job(cancel))
            except Exception as error:  # raised below, outside the task group
                failure.append(error)
            group.cancel_scope.cancel()

        async def watch() -> None:
            while not await request.is_disconnected():
                await anyio.sleep(DISCONNECT_POLL)
            cancel.set()
            group.cancel_scope.cancel()

        group.start_soon(watch)
        group.start_soon(run)
    if failure:
        if isinstance(failure[0], Cancelled):
            raise HTTPException(503, "the comparison was cancelled: the server is stopping")
        raise failure[0]
    if not outcome:
        raise HTTPException(499, "the client closed the connection")
    return outcome[0]
