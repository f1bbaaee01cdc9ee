"""`newsprism cache`: what the annotation cache holds, and emptying it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.text import Text

from newsprism.cli.app import CacheDirOption, JsonOption, app, out
from newsprism.cli.terminal import plain

if TYPE_CHECKING:
    from newsprism.nlp import AnnotationCache

cache_app = typer.Typer(
    help="The annotation cache: its size, and emptying it.", no_args_is_help=True
)
app.add_typer(cache_app, name="cache")


def _cache(cache_dir: Path | None) -> AnnotationCache:
    from newsprism.config import Settings
    from newsprism.nlp import AnnotationCache

    settings = Settings.load(cache_dir=cache_dir)
    return AnnotationCache(settings.cache_dir, max_bytes=settings.cache_max_bytes)


def _megabytes(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


@cache_app.command("info")
def cache_info(cache_dir: CacheDirOption = None, as_json: JsonOption = False) -> None:
    """Where the cache is, how many entries it holds, their size and the bound (cache_max_bytes)."""
    usage = _cache(cache_dir).usage()
    if as_json:
        fields = {"folder": str(usage.root), "entries": usage.entries, "bytes": usage.size}
        sys.stdout.write(json.dumps({**fields, "max_bytes": usage.limit}) + "\n")
        return
    limit = _megabytes(usage.limit) if usage.limit else "none"
    out.print(
        plain(usage.root)
        + Text(
            f": {usage.entries} entries, {_megabytes(usage.size)} "
            f"(bound {limit}; the least recently used go beyond it)"
        )
    )


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOption = None) -> None:
    """Remove every cached annotation (only the cache's own files); the next runs annotate anew."""
    cache = _cache(cache_dir)
    removed = cache.clear()
    out.print(Text(f"removed {removed} entries from ") + plain(cache.root))
