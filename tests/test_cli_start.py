"""The command line starts fast: importing it loads none of the heavy libraries, which the
commands import when they run (issue 15, step 7)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "torch", "sentence_transformers", "faiss", "trafilatura", "sqlalchemy")


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = (
        f"import sys, newsprism.cli.app; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []
