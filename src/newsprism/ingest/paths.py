"""The files a folder or a glob names, found without following symbolic links into folders.

Python's recursive glob (and `Path.rglob` before 3.13) follows a link to a folder, so a
link back up the tree (``a/up -> ..``) makes it walk forever. Here folders are walked with
`os.walk` (links to folders are not entered; links to files are read like files) and a
pattern's ``**`` is matched against each file's path.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path


def walk_files(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, at any depth, in no particular order."""
    for root, _, files in os.walk(folder, followlinks=False):
        for name in files:
            yield Path(root) / name


def _matches(parts: Sequence[str], segments: Sequence[str]) -> bool:
    """Whether path ``parts`` match pattern ``segments`` (``**``: any number of folders).
    As in glob, a wildcard does not match a name starting with a dot."""

    @cache
    def match(i: int, j: int) -> bool:
        if j == len(segments):
            return i == len(parts)
        if segments[j] == "**":
            return match(i, j + 1) or (
                i < len(parts) and not parts[i].startswith(".") and match(i + 1, j)
            )
        if i == len(parts):
            return False
        hidden = parts[i].startswith(".") and not segments[j].startswith(".")
        return not hidden and fnmatch.fnmatchcase(parts[i], segments[j]) and match(i + 1, j + 1)

    return match(0, 0)


def glob_files(pattern: str) -> list[Path]:
    """The files ``pattern`` matches, sorted; ``**`` matches any number of folders."""
    segments = pattern.split(os.sep)
    if "**" not in segments:
        return [Path(p) for p in sorted(glob.glob(pattern)) if Path(p).is_file()]
    fixed = segments.index("**")
    base = os.sep.join(segments[:fixed]) or (os.sep if pattern.startswith(os.sep) else ".")
    rest = segments[fixed:]
    found = []
    # The part before '**' may hold wildcards of its own ('data/*/**/*.txt').
    for root in glob.glob(base) if glob.has_magic(base) else [base]:
        if not os.path.isdir(root):
            continue
        for path in walk_files(Path(root)):
            if _matches(path.relative_to(root).parts, tuple(rest)):
                found.append(path)
    return sorted(found, key=str)
