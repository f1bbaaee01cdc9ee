"""Run one newsprism command in a fresh process: its wall-clock seconds and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def run_measured(arguments: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of ``python -m newsprism ARGUMENTS``; its
    stderr passes through, its stdout goes to ``stdout`` (or is dropped)."""
    seconds, _, peak = run_usage(arguments, stdout)
    return seconds, peak


def run_usage(arguments: list[str], stdout: Path | None = None) -> tuple[float, float, float]:
    """`run_measured` with the CPU seconds between: wall-clock seconds, CPU seconds (user
    and system, the command's worker processes included) and peak memory (MB)."""
    return command_usage([sys.executable, "-m", "newsprism", *arguments], stdout)


def command_usage(command: list[str], stdout: Path | None = None) -> tuple[float, float, float]:
    """`run_usage` of any command: wall-clock seconds, CPU seconds (its waited-for
    children included) and peak memory (MB)."""
    with open(stdout or os.devnull, "w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out)
        # wait4 gives this child's own resource use (with that of the processes it waited
        # for: its workers), not the sum over all children so far.
        _, _, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = 0  # reaped above; keeps Popen from waiting on it again
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
