"""What a slow command is doing, on standard error while it works.

Loading the models and annotating take 10-35 s; without a word the command looks hung. On a
terminal a spinner names the step, and a bar counts articles; redirected output, a pipe or
``--quiet`` get none of it, so logs and scripts see only results and problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import newsprism.cli.app as faces
from newsprism.cli.terminal import progress_bar

if TYPE_CHECKING:
    from newsprism.config import Settings
    from newsprism.model import Article


def _nothing(n: int = 1) -> None:
    return None


class Steps:
    """The progress of one command; silent unless standard error is a terminal."""

    def __init__(self, quiet: bool = False) -> None:
        self.shown = not quiet and faces.err.is_terminal

    @contextmanager
    def status(self, text: str) -> Iterator[None]:
        """A spinner with ``text`` while the block runs; gone when it ends."""
        if not self.shown:
            yield
            return
        with faces.err.status(text, spinner="dots"):
            yield

    @contextmanager
    def count(self, total: int, label: str) -> Iterator[Callable[..., None]]:
        """A bar over ``total`` items (a spinner for one); yields the function that advances it."""
        if not self.shown:
            yield _nothing
        elif total < 2:
            with self.status(f"{label}…"):
                yield _nothing
        else:
            with progress_bar(faces.err, total, label) as advance:
                yield advance


def annotated(
    articles: Sequence[Article], settings: Settings, steps: Steps, **options: Any
) -> list[Article]:
    """`annotate`, telling the reader about the model load and counting the articles."""
    from newsprism.nlp import annotate, spacy_pipeline

    if not articles:
        return []
    with steps.status("Loading the language model…"):
        spacy_pipeline(settings.spacy_model)
    with steps.count(len(articles), "Annotating") as advance:
        return annotate(articles, settings, progress=advance, **options)
