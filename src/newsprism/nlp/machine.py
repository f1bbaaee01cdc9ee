"""How busy the machine's cores are, and how much of that is this process.

The load gate (`newsprism.nlp.workers.worth_workers`) asks whether a worker would find a
core of its own. The one-minute load average answers for the last minute as a whole: a
command started right after another (a benchmark's runs, a script's steps) reads the
previous command's load, which decays over a minute, as if a job still ran
(docs/performance.md). What matters is the other jobs that run *now*, beside this
process. Two samples of the kernel's CPU counters (``/proc/stat``) and of this process's
own CPU time tell exactly that over the time between them: the cores' busy time, less this
process's, is the other jobs' load while this process ran.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

_STAT = Path("/proc/stat")
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Sample:
    """The CPU counters at one moment."""

    at: float  # `time.monotonic`, seconds
    busy: tuple[float, ...]  # busy seconds of each core this process may run on, since boot
    own: float  # CPU seconds of this process (every thread) and its waited-for children


def cores() -> list[int]:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return sorted(os.sched_getaffinity(0))
    return list(range(os.cpu_count() or 1))


def sample() -> Sample | None:
    """The counters now; None where the kernel does not give them (no ``/proc/stat``)."""
    try:
        lines = _STAT.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    mine = {f"cpu{core}" for core in cores()}
    busy: list[float] = []
    for line in lines:
        name, *fields = line.split()
        if name not in mine:
            continue
        # user nice system idle iowait irq softirq steal: idle and waiting on the disk are
        # free; stolen time (another virtual machine's) is not.
        ticks = [int(value) for value in fields[:8]]
        busy.append((sum(ticks) - ticks[3] - ticks[4]) / _TICKS)
    if not busy:
        return None
    times = os.times()
    own = times.user + times.system + times.children_user + times.children_system
    return Sample(time.monotonic(), tuple(busy), own)


def busy_shares(before: Sample, after: Sample) -> tuple[float, ...]:
    """Each core's busy share between the two samples (0 idle, 1 busy all along)."""
    span = max(after.at - before.at, 1e-9)
    return tuple(
        min(1.0, max(0.0, (b - a) / span)) for a, b in zip(before.busy, after.busy, strict=True)
    )


def others_load(before: Sample, after: Sample) -> float:
    """The cores' worth of CPU that other processes used between the two samples: every
    core's busy time less this process's own (its workers' once waited for)."""
    span = max(after.at - before.at, 1e-9)
    machine = sum(b - a for a, b in zip(before.busy, after.busy, strict=True))
    return max(0.0, machine - (after.own - before.own)) / span


def free_cores(before: Sample, after: Sample) -> float:
    """Cores left for a worker: this process's cores, less the one it runs on itself, less
    what other processes used between the two samples."""
    return len(after.busy) - 1 - others_load(before, after)
