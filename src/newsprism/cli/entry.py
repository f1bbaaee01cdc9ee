"""The entry point: every command registered on the one Typer app, user errors as one line."""

from __future__ import annotations

import sys

from rich.text import Text

from newsprism.cli import articles, evaluate, stories  # noqa: F401  (registers the commands)
from newsprism.cli import batch as _batch  # noqa: F401
from newsprism.cli import cache as _cache  # noqa: F401
from newsprism.cli import cluster as _cluster  # noqa: F401
from newsprism.cli import serve as _serve  # noqa: F401
from newsprism.cli import settings as _settings  # noqa: F401
from newsprism.cli import watch as _watch  # noqa: F401
from newsprism.cli.app import app, err
from newsprism.cli.terminal import plain
from newsprism.errors import NewsprismError


def main() -> None:
    """Console-script entry point: user errors become one line, not a traceback."""
    try:
        app()
    except NewsprismError as error:
        # The message as text: a path may hold "[...]".
        err.print(Text("error: ", style="bold red") + plain(error))
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
