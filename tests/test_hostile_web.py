"""One compare request must not hold comparing for everyone (issue 21, item 4): words are
bounded per article and per request, the queue is short (503 + Retry-After past it),
abandoned jobs are cancelled, and the server stops within seconds while one runs."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient

from newsprism.config import Settings
from newsprism.web import create_app
from newsprism.web.jobs import Busy, Cancelled, Check, JobQueue, unless_abandoned
from newsprism.web.limits import MAX_ARTICLE_WORDS, MAX_REQUEST_WORDS
from web_client import local_client

SENTENCE = "The harbor council met on Tuesday to vote on the bridge repairs. "  # 12 words


def _text(words: int) -> str:
    return SENTENCE * (words // 12 + 1)


@pytest.fixture
def web(tmp_path: Path) -> TestClient:
    with local_client(create_app(Settings.load(cache=False), str(tmp_path / "w.db"))) as client:
        yield client


def test_an_article_over_the_word_limit_is_422(web: TestClient) -> None:
    articles = [{"text": _text(MAX_ARTICLE_WORDS + 12)}, {"text": _text(100)}]
    answer = web.post("/api/compare", json={"articles": articles})
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("article 1 has ")
    assert f"at most {MAX_ARTICLE_WORDS:,} words" in answer.json()["error"]


def test_a_request_over_the_word_limit_is_413(web: TestClient) -> None:
    each = MAX_REQUEST_WORDS // 3 + 12
    answer = web.post("/api/compare", json={"articles": [{"text": _text(each)}] * 3})
    assert answer.status_code == 413
    assert f"at most {MAX_REQUEST_WORDS:,} words a request" in answer.json()["error"]
    form = {"text": [_text(each)] * 3}
    page = web.post("/compare", data=form)
    assert page.status_code == 413


def _blocking(release: threading.Event, ran: list[str], name: str):  # type: ignore[no-untyped-def]
    def work(check: Check) -> str:
        ran.append(name)
        release.wait(10)
        check()
        return name

    return work


def test_past_the_queue_a_job_is_turned_away_with_retry_after() -> None:
    async def scenario() -> None:
        queue, release, ran = JobQueue(waiting=1), threading.Event(), []
        async with anyio.create_task_group() as group:
            group.start_soon(queue.run, _blocking(release, ran, "a"))
            group.start_soon(queue.run, _blocking(release, ran, "b"))
            await anyio.sleep(0.2)
            with pytest.raises(Busy) as busy:
                await queue.run(_blocking(release, ran, "c"))
            assert busy.value.status_code == 503
            assert int(busy.value.headers["Retry-After"]) >= 1
            release.set()
        assert ran == ["a", "b"]

    anyio.run(scenario)


def test_a_job_whose_client_left_while_it_waited_never_starts() -> None:
    async def scenario() -> None:
        queue, release, ran = JobQueue(), threading.Event(), []
        gone = threading.Event()
        gone.set()
        async with anyio.create_task_group() as group:
            group.start_soon(queue.run, _blocking(release, ran, "running"))
            await anyio.sleep(0.1)
            release.set()
            with pytest.raises(Cancelled):
                await queue.run(_blocking(release, ran, "abandoned"), gone)
        assert ran == ["running"]

    anyio.run(scenario)


class _Leaving:
    """A request whose client disconnects after ``after`` seconds."""

    def __init__(self, after: float) -> None:
        self.at = time.monotonic() + after

    async def is_disconnected(self) -> bool:
        return time.monotonic() >= self.at


def test_a_running_job_is_cancelled_when_its_client_disconnects() -> None:
    stages: list[str] = []

    def work(check: Check) -> str:
        for stage in range(50):  # a job checks between its stages
            time.sleep(0.05)
            check()
            stages.append(f"stage {stage}")
        return "done"

    async def scenario() -> None:
        queue = JobQueue()
        with pytest.raises(Exception) as gone:
            await unless_abandoned(_Leaving(0.3), lambda cancel: queue.run(work, cancel))  # type: ignore[arg-type]
        assert getattr(gone.value, "status_code", None) == 499
        await anyio.sleep(0.3)

    anyio.run(scenario)
    assert 0 < len(stages) < 20  # stopped at a stage boundary, not run to the end


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sigterm_stops_the_server_within_seconds_during_a_comparison(tmp_path: Path) -> None:
    """A comparison (models loading, then annotating) is under way when SIGTERM comes: the
    server answers nothing more and exits within its grace period, not when the job ends."""
    port = _free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NEWSPRISM_CACHE": "0"}
    command = [sys.executable, "-m", "newsprism", "serve", "--port", str(port)]
    with subprocess.Popen(
        [*command, "--db", str(tmp_path / "s.db")],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as server:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(base + "/api/stories", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)

        def post() -> None:
            texts = [{"text": _text(4000)}, {"text": _text(4000).replace("harbor", "river")}]
            # The server goes away under it, as it should.
            with contextlib.suppress(httpx.HTTPError):
                httpx.post(base + "/api/compare", json={"articles": texts}, timeout=60)

        client = threading.Thread(target=post, daemon=True)
        client.start()
        time.sleep(2)
        server.send_signal(signal.SIGTERM)
        try:
            # Before the fix the server waited for the comparison, or for ever.
            server.wait(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
        log = server.stderr.read() if server.stderr else ""
    # uvicorn ends by re-raising the signal it handled: a clean stop reads -SIGTERM.
    assert server.returncode in (0, -signal.SIGTERM), log
    assert "Application shutdown complete" in log and "Traceback" not in log, log


def test_a_jobs_own_error_passes_through_as_it_is() -> None:
    class Staying:
        async def is_disconnected(self) -> bool:
            return False

    async def refused(cancel: threading.Event) -> str:
        raise Busy(7, 5)

    async def scenario() -> None:
        with pytest.raises(Busy):
            await unless_abandoned(Staying(), refused)  # type: ignore[arg-type]

    anyio.run(scenario)
