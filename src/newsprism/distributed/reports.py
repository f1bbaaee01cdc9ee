"""`batch reports`: the report of every story of a clustered corpus (comparison and summary),
one task per story on the workers, written as JSON and HTML (Markdown for a one-article
story, which has nothing to compare) as each comes back.

The client reads the corpus once in stream order and sends a story to the workers as soon as
its last member has been read, so it holds the articles of the stories still open, not the
whole corpus. A story whose files are there already (written whole: a temporary name, then
renamed) is skipped, so a rerun finishes what a stopped run left.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.config import Settings
from newsprism.distributed.corpus import complete, write_text
from newsprism.distributed.engine import run_all
from newsprism.distributed.stories import STORIES, ordered_rows
from newsprism.errors import NewsprismError, Problem
from newsprism.model import Article, Comparison, Story

if TYPE_CHECKING:
    from distributed import Client
    from newsprism.store import Store


@dataclass
class ReportsResult:
    written: int = 0  # stories reported by this run
    skipped: int = 0  # stories an earlier run had reported
    kept: int = 0  # comparisons kept in the store
    problems: list[Problem] = field(default_factory=list)


def read_stories(corpus: Path) -> list[Story]:
    """The stories `batch stories` saved in the corpus folder."""
    path = corpus / STORIES
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Story.model_validate(item) for item in data]
    except FileNotFoundError:
        raise NewsprismError(
            f"{corpus}: no stories yet; run `newsprism batch stories {corpus}` first"
        ) from None
    except (OSError, ValueError) as error:
        raise NewsprismError(f"{path}: unreadable stories ({error})") from None


def report_files(out_dir: Path, story: Story) -> tuple[Path, Path]:
    """The JSON report and the page (HTML, or Markdown for one article) of a story."""
    page = ".html" if story.size > 1 else ".md"
    return out_dir / f"{story.id}.json", out_dir / f"{story.id}{page}"


@dataclass(frozen=True)
class Reported:
    """What a worker sends back for one story."""

    json: str
    page: str
    comparison: Comparison | None  # None for one article
    title: str | None  # a fact the outlets share, for lists of stories


def report_story(
    story: Story, articles: list[Article], settings: Settings, max_words: int
) -> Reported:
    """Runs on a worker: the story's report as JSON and as its page (see `report_files`)."""
    from newsprism.nlp import annotate
    from newsprism.report import neutral_title, render_story_report, story_json
    from newsprism.workflows import story_report

    annotated = annotate(articles, settings)
    report = story_report(story, annotated, settings, max_words=max_words)
    comparison = report.comparison
    return Reported(
        json=story_json(report, annotated),
        page=render_story_report("html" if comparison else "md", report, annotated),
        comparison=comparison,
        title=neutral_title(comparison) if comparison else None,
    )


def _keep(store: Store, story: Story, reported: Reported) -> int:
    """Keep the comparison in the store if it holds the story with these members."""
    held = store.story(story.id)
    if held is None or set(held.members) != set(story.members) or reported.comparison is None:
        return 0
    store.keep_comparison(held, reported.comparison, reported.title)
    return 1


def _complete_stories(corpus: Path, wanted: list[Story]) -> Iterator[tuple[Story, list[Article]]]:
    """Each wanted story with its articles, as soon as the last of them has been read."""
    from newsprism.distributed.columns import ARTICLE, article_of

    manifest = complete(corpus)
    story_of = {m: s for s in wanted for m in s.members}
    waiting: dict[str, dict[str, Article]] = {}
    columns = [*ARTICLE.names, "filed"]
    for row in ordered_rows(corpus, manifest, columns):
        story = story_of.get(row["id"])
        if story is None:
            continue
        held = waiting.setdefault(story.id, {})
        held[row["id"]] = article_of(row)
        if len(held) == len(story.members):
            del waiting[story.id]
            yield story, [held[m] for m in story.members]


def report_corpus(
    client: Client | None,
    corpus: Path,
    out_dir: Path,
    settings: Settings,
    *,
    min_size: int = 2,
    max_words: int = 100,
    store: Store | None = None,
    on_story: Callable[[int], None] | None = None,
) -> ReportsResult:
    """Report every story of at least ``min_size`` articles not reported yet (see the module
    doc); ``client`` may be None when every one is.

    With ``store`` (where `batch stories --store` put the stories), each comparison is also
    kept there, so that `newsprism serve` shows it without comparing again; a story the
    store holds with other members (it grew since) is left to be compared when asked."""
    stories = [s for s in read_stories(corpus) if s.size >= min_size]
    result = ReportsResult()
    todo = [s for s in stories if not all(p.is_file() for p in report_files(out_dir, s))]
    result.skipped = len(stories) - len(todo)
    if not todo or client is None:
        return result
    out_dir.mkdir(parents=True, exist_ok=True)
    by_id = {s.id: s for s in todo}

    def done(key: str, reported: Reported) -> None:
        pages = (reported.json, reported.page)
        for path, text in zip(report_files(out_dir, by_id[key]), pages, strict=True):
            write_text(path, text)
        result.written += 1
        if store is not None:
            result.kept += _keep(store, by_id[key], reported)
        if on_story is not None:
            on_story(1)

    def failed(key: str, error: BaseException) -> None:
        result.problems.append(Problem(key, f"not reported: {error}"))

    tasks = (
        (story.id, (story, articles, settings, max_words))
        for story, articles in _complete_stories(corpus, todo)
    )
    run_all(client, report_story, tasks, done, failed)
    return result
