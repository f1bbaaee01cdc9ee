"""Errors caused by what the user gave us, reported as one line, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class NewsprismError(Exception):
    """Base class for errors newsprism reports to the user without a traceback."""


class InputError(NewsprismError):
    """One input could not be used; the others go on."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    """A skipped input (``level="error"``) or something worth telling (``"notice"``)."""

    input: str
    reason: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"

    @classmethod
    def from_error(cls, error: InputError) -> Problem:
        return cls(error.input, error.reason)
