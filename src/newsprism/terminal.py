"""Rich views for the terminal. Pure rendering: takes the data model, prints it."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console, ConsoleDimensions, Group
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsprism.errors import Problem
from newsprism.model import Article

# Output with no terminal anywhere (a file, a pipe in a script, CI) is not wrapped at
# rich's default of 80 columns, which cut the tables of `eval` into unreadable slivers.
UNATTACHED_WIDTH = 200


def _attached() -> bool:
    """Whether any standard stream is a terminal (``cmd | less`` still has one)."""
    for descriptor in (0, 1, 2):
        try:
            os.get_terminal_size(descriptor)
        except (OSError, ValueError):
            continue
        return True
    return False


class WideConsole(Console):
    """A rich console that is `UNATTACHED_WIDTH` wide when no terminal and no ``COLUMNS``
    says how wide to be."""

    @property
    def size(self) -> ConsoleDimensions:
        size = super().size
        if self._width is None and not os.environ.get("COLUMNS") and not _attached():
            return ConsoleDimensions(UNATTACHED_WIDTH, size.height)
        return size

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]


def report_problems(console: Console, problems: Iterable[Problem]) -> None:
    """One line per problem, so that scripts can grep them."""
    for problem in problems:
        style = "red" if problem.level == "error" else "yellow"
        label = Text(f"{problem.level}: ", style=f"bold {style}")
        console.print(label + Text(str(problem)), soft_wrap=True, highlight=False)


@contextmanager
def progress_bar(console: Console, total: int, label: str) -> Iterator[Callable[..., None]]:
    """A progress bar on a terminal; silent when output is redirected."""
    if not console.is_terminal or total < 2:
        yield lambda n=1: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n=1: progress.advance(task, n)


def _metadata(article: Article) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan")
    table.add_column()
    rows = {
        "id": article.id if not article.input_id else f"{article.id} (input id {article.input_id})",
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "authors": ", ".join(article.authors) or None,
        "language": article.language,
        "read from": article.origin,
        "size": f"{len(article.text)} characters, {len(article.paragraphs)} paragraphs",
    }
    for key, value in rows.items():
        table.add_row(key, Text(value) if value else Text("—", style="dim"))
    return table


def _removed(article: Article) -> Table | Text:
    if not article.removed:
        return Text("Cleaning removed nothing.", style="dim")
    table = Table(title="Removed by cleaning", title_justify="left", expand=True)
    table.add_column("kind", style="yellow", no_wrap=True)
    table.add_column("text")
    for removal in article.removed:
        table.add_row(removal.kind, Text(removal.text))
    return table


def _sentences(article: Article) -> Table:
    table = Table(title="Sentences", title_justify="left", expand=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("span", style="dim", no_wrap=True)
    table.add_column("text")
    for number, sentence in enumerate(article.sentences, 1):
        table.add_row(str(number), f"{sentence.start}-{sentence.end}", Text(sentence.text))
    return table


def _entities(article: Article) -> Table:
    counts = Counter((m.text, m.label) for m in article.mentions)
    table = Table(title="Named entities", title_justify="left", expand=True)
    table.add_column("name")
    table.add_column("type", style="magenta")
    table.add_column("mentions", justify="right")
    for (name, label), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(Text(name), label, str(count))
    return table


def show_articles(console: Console, articles: Sequence[Article], *, full_text: bool) -> None:
    for article in articles:
        parts: list = [_metadata(article)]
        if full_text:
            parts.append(Panel(Text(article.text), title="Clean text", title_align="left"))
        parts.append(_removed(article))
        if article.sentences:
            parts.append(_sentences(article))
        if article.mentions:
            parts.append(_entities(article))
        title = Text(article.title or article.origin, style="bold")
        console.print(Panel(Group(*parts), title=title, title_align="left"))
