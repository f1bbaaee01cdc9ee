"""Commands over the store: add articles to stories, list stories, report on one story."""

from __future__ import annotations

import json
import sys
from datetime import UTC
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from newsprism.cli.app import (
    CacheDirOption,
    FetchLinksOption,
    Inputs,
    JsonOption,
    MaxBytesOption,
    NoCacheOption,
    QuietOption,
    SourceOption,
    app,
    count,
    database,
    err,
    out,
    read_inputs,
    settings_from,
)
from newsprism.cli.output import FormatOption, OutputOption, ReportJsonOption, chosen_kind
from newsprism.cli.progress import Steps, annotated
from newsprism.cli.terminal import clean, plain, print_table, report_problems
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.model import Story
    from newsprism.store import Store
    from newsprism.workflows import Tracked

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: an SQLite file or a postgresql+psycopg:// URL "
        "\\[default: ~/.local/share/newsprism/newsprism.db].",
        show_default=False,
    ),
]


def _shown(item: Tracked) -> str:
    from rich.markup import escape

    from newsprism.report import article_name

    article = item.article
    name = clean(" — ".join(x for x in (article.source, article_name(article)) if x))
    if item.stored:
        where = "new story" if item.started else "story"
        line = f"[green]stored[/]   {article.id}  {escape(name)}  → {where} {item.story}"
        for pulled in item.pulled:
            line += f"\n[green]moved[/]    {pulled}  (alone until now)  → story {item.story}"
        for move in item.settled:
            line += f"\n[green]moved[/]    {move.article}  (alone for long)  → story {move.joined}"
        return line
    return f"[dim]skipped[/]  {article.id}  {escape(name)}  (already stored, story {item.story})"


def tracked_json(item: Tracked) -> str:
    """One line of `add --json` and `watch --json`: what happened to one article."""
    article = item.article
    line = {
        "id": article.id,
        "input_id": article.input_id,
        "source": article.source,
        "title": article.title,
        "status": "stored" if item.stored else "skipped",
        "story": item.story,
        "new_story": item.started,
        "moved": list(item.pulled),
        "moved_elsewhere": [{"id": m.article, "story": m.joined} for m in item.settled],
    }
    return json.dumps(line, ensure_ascii=False)


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism add examples/hanoi-summit/\n\n"
        "  newsprism add stream.jsonl --db news.db\n\n"
        "  newsprism add https://example.org/feed.xml --fetch-links"
    )
)
def add(
    inputs: Inputs,
    db: DbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", metavar="", help="One JSON line per article (JSONL).")
    ] = False,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """Store articles and group them into stories; each line says which story an article joined. Articles already stored are skipped; a new run continues the stories. English articles only, for now."""
    from newsprism.store import Store
    from newsprism.workflows import track

    settings = settings_from(max_bytes, fetch_links, no_cache, cache_dir)
    with Steps(quiet).status("Reading the inputs…"):
        collection = read_inputs(inputs, settings, source, headlines=True)

    def shown(item: Tracked) -> None:
        if as_json:
            sys.stdout.write(tracked_json(item) + "\n")
            sys.stdout.flush()
        else:
            out.print(_shown(item))

    with Store.open(database(db), settings) as store:
        err.print(
            plain(f"adding {count(len(collection.articles), 'article')} to {store.target.name}")
        )
        # Printed as each article is committed: a line on screen means it is stored.
        result = track(
            collection.articles, store, settings, on_item=shown, on_step=lambda m: err.print(m)
        )
        report_problems(err, result.notices)
        articles, stories = store.count_articles(), store.count_stories()
    err.print(
        f"stored {len(result.stored)}, skipped {len(result.duplicates)} already stored; "
        f"the database holds {count(articles, 'article')} in {count(stories, 'story')}"
    )


def _story_json(story: Story) -> dict[str, object]:
    return {**story.model_dump(mode="json"), "size": story.size}


@app.command(
    epilog="Examples:\n\n  newsprism stories\n\n  newsprism stories --db news.db --limit 5 --json"
)
def stories(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many stories to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """The stories in the database, the most recently active first."""
    from newsprism.config import Settings
    from newsprism.report import outlets
    from newsprism.store import Store
    from newsprism.workflows import story_setting

    with Store.open(database(db), Settings.load(), create=False) as store:
        found = store.stories(limit=limit)
        total = store.count_stories()
        setting = story_setting(store)
    if as_json:
        sys.stdout.write(json.dumps([_story_json(s) for s in found], indent=2) + "\n")
        return
    if not found:
        err.print("no stories yet; store articles with: newsprism add FILES...")
        return
    table = Table("Story", "Last activity", "Size", "Outlets", "Title")
    for story in found:
        when = story.last_seen.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        table.add_row(
            story.id, when, str(story.size), plain(outlets(story)), plain(story.title or "")
        )
    print_table(out, table)
    if total > len(found):
        err.print(f"the {len(found)} most recently active of {count(total, 'story')} (--limit)")
    err.print(plain(f"story setting for new articles: {setting}"))


def _find(store: Store, story_id: str) -> Story:
    """The story with this id, or the only one whose id starts with it."""
    story = store.story(story_id)
    if story is not None:
        return story
    matches = store.match_stories(story_id) if story_id else []
    if len(matches) == 1:
        found = store.story(matches[0])
        assert found is not None
        return found
    if matches:
        raise NewsprismError(
            f"story {story_id!r}: more than one story id starts with it; give more"
        )
    raise NewsprismError(f"story {story_id!r}: no such story (see newsprism stories)")


@app.command(
    epilog=(
        "Examples:\n\n"
        "  newsprism story 3fa2c1\n\n"
        "  newsprism story 3fa2c1 --since '2 days ago'\n\n"
        "  newsprism story 3fa2c1 --since 2024-03-01T12:00Z -o update.md"
    )
)
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id (or its start).")],
    db: DbOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Also tell what articles published after this time add (UTC if no zone)."
        ),
    ] = None,
    as_json: ReportJsonOption = False,
    kind: FormatOption = None,
    output: OutputOption = None,
    max_words: Annotated[int, typer.Option(min=1, help="Longest summary, in words.")] = 100,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    quiet: QuietOption = False,
) -> None:
    """One story: where its outlets differ, what they agree on, a summary, and with --since what is new. Its JSON is that of `compare --json` with the story added."""
    from newsprism.report import render_story_report, save_report, to_story_markdown
    from newsprism.store import Store
    from newsprism.workflows import load_story, parse_since, story_report

    settings = settings_from(None, False, no_cache, cache_dir)
    chosen = chosen_kind(output, kind, as_json)  # refuse disagreeing options before the slow part
    when = parse_since(since) if since else None
    steps = Steps(quiet)
    with Store.open(database(db), settings, create=False) as store:
        found = _find(store, story_id)
        stored, filed = load_story(store, found)
    articles = annotated(stored, settings, steps)
    with steps.status(f"Comparing {count(len(articles), 'article')}…"):
        report = story_report(found, articles, settings, when, max_words, filed)
    if chosen is None:
        from rich.markdown import Markdown

        out.print(Markdown(clean(to_story_markdown(report, articles), lines=True)))
        return
    text = render_story_report(chosen.value, report, articles, output)
    if output is not None:
        save_report(output, text)
        err.print(plain(f"wrote {output}"))
    else:
        sys.stdout.write(text)
    for notice in report.notices:
        err.print(Text("notice: ", style="bold yellow") + plain(notice))
