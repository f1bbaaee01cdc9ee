"""The command line starts fast: importing it loads none of the heavy libraries, which the
commands import when they run (issue 15, step 7)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("spacy", "torch", "sentence_transformers", "faiss", "trafilatura", "sqlalchemy")
# The distributed engine and Parquet: only `newsprism batch` loads them.
ENGINE = ("dask", "distributed", "pyarrow")


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = f"import sys, newsprism.cli.app; print(' '.join(m for m in {HEAVY + ENGINE!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_single_machine_commands_never_load_the_engine(tmp_path: Path) -> None:
    """Every command registered, and `cluster` run to its end on a text: no dask, no
    pyarrow (the default install has neither)."""
    article = tmp_path / "a.txt"
    article.write_text("Rain fell on Lisbon on Monday, the weather service said.\n", "utf-8")
    code = (
        "import sys\n"
        "from newsprism.cli import app\n"
        f'try:\n    app(["cluster", {str(article)!r}, "--no-cache", "-q"])\n'
        "except SystemExit:\n    pass\n"
        f"print(' '.join(m for m in {ENGINE!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert '"story"' in done.stdout
    assert done.stdout.splitlines()[-1].split() == []
