"""Errors caused by what the user gave us, reported as one line, never a traceback.

Every public error is importable from here (and from the top-level package), whichever
stage raises it, so a caller can catch them without knowing the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DatabaseBusyError",
    "InputError",
    "NewsprismError",
    "NotAnnotatedError",
    "Problem",
    "StaleStoryError",
    "UnrelatedArticlesError",
]


class NewsprismError(Exception):
    """Base class for errors newsprism reports to the user without a traceback."""


class InputError(NewsprismError):
    """One input could not be used; the others go on."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class NotAnnotatedError(NewsprismError, ValueError):
    """A step needs an article's annotation (parse or sentence embeddings) and it has none.

    Also a `ValueError`, which is what was raised before, so older handlers still catch it.
    """

    def __init__(self, article: str, missing: str = "annotation") -> None:
        super().__init__(f"article {article} has no {missing}; annotate it first")
        self.article = article


class DatabaseBusyError(NewsprismError):
    """Another process held the write lock for longer than the timeout: worth a retry."""


class StaleStoryError(NewsprismError):
    """The story changed in the database since its state was read (another writer)."""

    def __init__(self, story: str) -> None:
        super().__init__(
            f"story {story} was changed by another process; reload the stories and retry"
        )
        self.story = story


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


class UnrelatedArticlesError(NewsprismError):
    """The articles given to compare do not look like reports of one event."""
