"""Rich views for the terminal. Pure rendering: takes the data model, prints it."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from newsprism.errors import Problem
    from newsprism.model import Article

# A table written where no terminal says how wide to be (a file, a pipe in a script, CI) is
# printed at its natural width, up to this, rather than squeezed into rich's default of 80
# columns; prose keeps the 80.
UNATTACHED_TABLE_WIDTH = 250


# What would act on the terminal instead of showing: C0 and C1 control characters (ESC
# starts the sequences that clear the screen, move the cursor, retitle the window or make
# links; CR overwrites a line), DEL, and the marks that reorder text right to left.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n]")


def clean(value: object, *, lines: bool = False) -> str:
    """Text that came from an input (a title, an outlet, a URL, a path, an id, a message
    quoting one), made safe to print: control characters removed and, unless ``lines``,
    line breaks and tabs turned into spaces, so that one value stays on its line and no
    input can forge a line of newsprism's own (``error: ...``)."""
    text = _CONTROLS.sub("", str(value))
    return text if lines else _BREAKS.sub(" ", text)


def plain(value: object, style: str = "", *, lines: bool = False) -> Text:
    """`clean` text as a rich `Text`, which is never read as markup (a title holding
    ``[link=...]`` or ``[/]`` is shown as written)."""
    return Text(clean(value, lines=lines), style=style)


def _attached() -> bool:
    """Whether any standard stream is a terminal (``cmd | less`` still has one)."""
    for descriptor in (0, 1, 2):
        try:
            os.get_terminal_size(descriptor)
        except (OSError, ValueError):
            continue
        return True
    return False


def print_table(console: Console, table: Table) -> None:
    """Print ``table`` one row a line when no terminal or ``COLUMNS`` sets the width."""
    if console.is_terminal or os.environ.get("COLUMNS") or _attached():
        console.print(table)
        return
    natural = console.measure(table, options=console.options.update_width(10_000)).maximum
    width = max(console.width, min(natural, UNATTACHED_TABLE_WIDTH))
    # A console cannot print wider than itself; one for this table writes to the same file.
    Console(file=console.file, width=width, highlight=False).print(table)


def report_problems(console: Console, problems: Iterable[Problem]) -> None:
    """One line per problem, so that scripts can grep them."""
    for problem in problems:
        style = "red" if problem.level == "error" else "yellow"
        label = Text(f"{problem.level}: ", style=f"bold {style}")
        console.print(label + plain(problem), soft_wrap=True, highlight=False)


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
        table.add_row(key, plain(value) if value else Text("—", style="dim"))
    return table


def _removed(article: Article) -> Table | Text:
    if not article.removed:
        return Text("Cleaning removed nothing.", style="dim")
    table = Table(title="Removed by cleaning", title_justify="left", expand=True)
    table.add_column("kind", style="yellow", no_wrap=True)
    table.add_column("text")
    for removal in article.removed:
        table.add_row(plain(removal.kind), plain(removal.text, lines=True))
    return table


def _sentences(article: Article) -> Table:
    table = Table(title="Sentences", title_justify="left", expand=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("span", style="dim", no_wrap=True)
    table.add_column("text")
    for number, sentence in enumerate(article.sentences, 1):
        table.add_row(str(number), f"{sentence.start}-{sentence.end}", plain(sentence.text))
    return table


def _entities(article: Article) -> Table:
    counts = Counter((m.text, m.label) for m in article.mentions)
    table = Table(title="Named entities", title_justify="left", expand=True)
    table.add_column("name")
    table.add_column("type", style="magenta")
    table.add_column("mentions", justify="right")
    for (name, label), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(plain(name), plain(label), str(count))
    return table


def show_articles(console: Console, articles: Sequence[Article], *, full_text: bool) -> None:
    for article in articles:
        parts: list = [_metadata(article)]
        if full_text:
            parts.append(
                Panel(plain(article.text, lines=True), title="Clean text", title_align="left")
            )
        parts.append(_removed(article))
        if article.sentences:
            parts.append(_sentences(article))
        if article.mentions:
            parts.append(_entities(article))
        title = plain(article.title or article.origin, "bold")
        console.print(Panel(Group(*parts), title=title, title_align="left"))
