"""The front half of the data flow: inputs → ingest → clean → language check → dedupe.

The CLI, the web app and the Python API all read articles through here, so every
entry point drops the same duplicates and reports the same problems.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, overload

from newsprism import ingest
from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.clean import clean
from newsprism.ingest.language import check_language
from newsprism.ingest.read import Sources
from newsprism.model import Article, RawArticle

# What `read_articles` takes: one input or several, each a path or a string (URL, glob, "-").
Inputs = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


@dataclass
class Collection(Sequence[Article]):
    """Articles that could be read, and what went wrong with the rest.

    It is also the sequence of its articles, so it can be handed to `annotate`, `compare`,
    `summarize` or `cluster` as it is.
    """

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | list[Article]:
        return self.articles[index]

    def __len__(self) -> int:
        return len(self.articles)


def prepare(raw: RawArticle, settings: Settings) -> Article:
    """Clean one ingested article and check its language; raises `InputError`."""
    return _checked(clean(raw), raw, settings)


def prepare_headline(raw: RawArticle, settings: Settings) -> tuple[Article, Problem | None]:
    """`prepare`, but a report with a headline and no text left after cleaning is kept as
    its headline, with a notice: a story can still take it (wire batches and feeds carry
    such items), while comparing it would say nothing.
    """
    notice = None
    try:
        article = clean(raw)
    except InputError as error:
        title = (raw.title or "").strip()
        if not title:
            raise
        try:
            # The headline goes first, so the original text is kept (its debris recorded).
            article = clean(raw.model_copy(update={"text": f"{title}\n\n{raw.text}"}))
        except InputError:
            raise error from None
        notice = Problem(error.input, f"{error.reason}; kept its headline", "notice")
    return _checked(article, raw, settings), notice


def _checked(article: Article, raw: RawArticle, settings: Settings) -> Article:
    """The checks after cleaning: not longer than an article can be, and in English."""
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
    source: Sources = None,
    stdin: BinaryIO | None = None,
    headlines: bool = False,
) -> Iterator[Article | Problem]:
    """Yield each usable article once, and a `Problem` for everything skipped (with
    ``headlines``, a report with nothing but a headline is kept: see `prepare_headline`)."""
    raws = ingest.read(inputs, settings, source=source, stdin=stdin)
    yield from prepare_all(raws, settings, headlines=headlines)


def prepare_all(
    items: Iterable[RawArticle | Problem],
    settings: Settings,
    *,
    headlines: bool = False,
    copies: dict[str, str] | None = None,
) -> Iterator[Article | Problem]:
    """`prepare` each raw article (with ``headlines``, `prepare_headline`), yielding each
    text once: a copy of one already yielded is dropped with a notice. With ``copies``,
    the copy's ref is recorded there against the first's (so that it can be given the
    first's story: an output line per input id)."""
    kept: dict[str, Article] = {}
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        try:
            if headlines:
                article, notice = prepare_headline(item, settings)
                if notice is not None:
                    yield notice
            else:
                article = prepare(item, settings)
        except InputError as error:
            yield Problem.from_error(error)
            continue
        first = kept.setdefault(article.id, article)
        if first is not article:
            if copies is not None:
                copies[article.ref] = first.ref
            fate = "given its story" if copies is not None else "dropped the copy"
            yield Problem(item.origin, f"same text as {first.origin}; {fate}", "notice")
            continue
        yield article


def read_articles(
    inputs: Inputs,
    settings: Settings | None = None,
    *,
    source: Sources = None,
    stdin: BinaryIO | None = None,
    headlines: bool = False,
    strict: bool = False,
) -> Collection:
    """All of `iter_articles`, collected: ``inputs`` is one path, URL or glob or several.

    An input that cannot be used is skipped and named in `Collection.problems`; with
    ``strict`` the first one raises `InputError` instead (notices never do).
    """
    settings = settings or Settings.load()
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    items = iter_articles(
        [os.fspath(i) for i in inputs], settings, source=source, stdin=stdin, headlines=headlines
    )
    collection = collect(items)
    if strict and collection.errors:
        first = collection.errors[0]
        raise InputError(first.input, first.reason)
    return collection


def collect(items: Iterable[Article | Problem]) -> Collection:
    """Articles and problems, sorted apart in their order."""
    result = Collection()
    for item in items:
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            result.articles.append(item)
    return result
