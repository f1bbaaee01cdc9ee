"""The load gate's reading of the machine (`nlp/machine.py`): the other jobs' load now, not
this process's, nor that of a command that ended before it."""

from __future__ import annotations

import sys
import time

import pytest

import newsprism.nlp.machine as machine
import newsprism.nlp.workers as workers
from newsprism.config import Settings
from newsprism.nlp.machine import Sample


def _samples(seconds: float, busy: tuple[float, ...], own: float) -> tuple[Sample, Sample]:
    """Two samples ``seconds`` apart between which the cores were busy ``busy`` seconds
    each, ``own`` of them this process's."""
    before = Sample(100.0, tuple(1_000.0 for _ in busy), 50.0)
    after = Sample(100.0 + seconds, tuple(1_000.0 + b for b in busy), 50.0 + own)
    return before, after


def test_this_process_alone_leaves_the_other_core_free() -> None:
    # A command loading its models on one core of two, nothing else running: whatever the
    # load average still holds of a command that ended before it, a worker has a core.
    before, after = _samples(10.0, (9.5, 0.5), own=9.8)
    assert machine.others_load(before, after) == pytest.approx(0.02)
    assert machine.free_cores(before, after) == pytest.approx(0.98)
    assert machine.busy_shares(before, after) == pytest.approx((0.95, 0.05))


def test_another_job_on_a_core_leaves_none() -> None:
    before, after = _samples(10.0, (10.0, 9.0), own=9.0)
    assert machine.others_load(before, after) == pytest.approx(1.0)
    assert machine.free_cores(before, after) == pytest.approx(0.0)


def test_own_time_beyond_the_counters_ticks_is_no_negative_load() -> None:
    # The counters tick 100 times a second; this process's time is finer.
    before, after = _samples(2.0, (1.0, 0.0), own=1.02)
    assert machine.others_load(before, after) == 0.0
    assert machine.free_cores(before, after) == 1.0


def test_the_gate_opens_and_closes_on_the_other_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    two = Settings.load(workers=2)
    monkeypatch.setattr(workers, "_pool", None)
    monkeypatch.setattr(workers, "start_method", lambda: "fork")
    for busy, own, open_ in (((9.5, 0.5), 9.8, True), ((10.0, 9.0), 9.0, False)):
        before, after = _samples(10.0, busy, own)
        samples = iter([after])
        monkeypatch.setattr(workers, "_since", before)
        monkeypatch.setattr(machine, "sample", lambda samples=samples: next(samples))
        assert workers.worth_workers(two, 10_000, 0.03) is open_
        assert workers._since is after  # the next look starts here


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/stat is Linux's")
def test_the_counters_read_are_the_cores_and_this_process() -> None:
    before = machine.sample()
    end = time.process_time() + 0.3
    while time.process_time() < end:  # this process busy on one core
        pass
    after = machine.sample()
    assert before is not None and after is not None
    assert len(after.busy) == len(machine.cores())
    # Counted in ticks of 10 ms: the difference of two tick counts can fall a tick short
    # of the 0.3 s spent, and its float a hair below that.
    assert after.own - before.own >= 0.3 - 0.02
    # The cores were busy at least while this process ran (less a tick on each).
    spent = sum(b - a for a, b in zip(before.busy, after.busy, strict=True))
    assert spent >= after.own - before.own - 0.02 * len(after.busy)
    assert all(0.0 <= share <= 1.0 for share in machine.busy_shares(before, after))
