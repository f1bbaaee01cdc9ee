"""The `newsprism` command line: a thin layer that calls the stages and prints.

Each module registers its commands on the one Typer app of `newsprism.cli.app`;
`newsprism.cli.entry` imports them all.
"""

from newsprism.cli.entry import app, main

__all__ = ["app", "main"]
