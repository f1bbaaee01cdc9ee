"""The front half of the data flow: inputs → ingest → clean → language check → dedupe.

The CLI, the web app and the Python API all read articles through here, so every
entry point drops the same duplicates and reports the same problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from newsprism import ingest
from newsprism.clean import clean
from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.language import check_language
from newsprism.model import Article, RawArticle


@dataclass
class Collection:
    """Articles that could be read, and what went wrong with the rest."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


def prepare(raw: RawArticle, settings: Settings) -> Article:
    """Clean one ingested article and check its language; raises `InputError`."""
    article = clean(raw)
    if len(article.text) > settings.max_chars:
        # The parser needs memory in proportion to the text; no news report is this long.
        raise InputError(
            raw.origin,
            f"{len(article.text):,} characters is more than one article "
            f"(limit {settings.max_chars:,}, see NEWSPRISM_MAX_CHARS)",
        )
    return check_language(article, settings)


def iter_articles(
    inputs: Iterable[str],
    settings: Settings,
    *,
    source: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Problem]:
    """Yield each usable article once, and a `Problem` for everything skipped."""
    yield from prepare_all(ingest.read(inputs, settings, source=source, stdin=stdin), settings)


def prepare_all(
    items: Iterable[RawArticle | Problem], settings: Settings
) -> Iterator[Article | Problem]:
    """`prepare` each raw article, dropping copies of one already yielded."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        try:
            article = prepare(item, settings)
        except InputError as error:
            yield Problem.from_error(error)
            continue
        if article.id in seen:
            yield Problem(
                item.origin, f"same text as {seen[article.id]}; dropped the copy", "notice"
            )
            continue
        seen[article.id] = item.origin
        yield article


def read_articles(
    inputs: Iterable[str],
    settings: Settings,
    *,
    source: str | None = None,
    stdin: BinaryIO | None = None,
) -> Collection:
    """All of `iter_articles`, collected."""
    return collect(iter_articles(inputs, settings, source=source, stdin=stdin))


def collect(items: Iterable[Article | Problem]) -> Collection:
    """Articles and problems, sorted apart in their order."""
    result = Collection()
    for item in items:
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            result.articles.append(item)
    return result
