"""The top-level Python API: lazy, complete, seen by type checkers, and as the README shows it."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import newsprism
import newsprism.errors
from newsprism.config import Settings
from newsprism.ingest.prepare import Collection, read_articles
from newsprism.model import Article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "hanoi-summit"
INIT = ROOT / "src" / "newsprism" / "__init__.py"
HEAVY = ("spacy", "torch", "sentence_transformers", "faiss", "trafilatura", "sqlalchemy")


def _loaded_after(code: str) -> dict[str, bool]:
    """Which heavy modules a fresh interpreter has loaded after running ``code``."""
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_import_newsprism_loads_no_heavy_module() -> None:
    assert _loaded_after("import newsprism") == dict.fromkeys(HEAVY, False)


def test_the_data_types_and_errors_load_no_model() -> None:
    loaded = _loaded_after("import newsprism\nnewsprism.Comparison; newsprism.NewsprismError")
    assert not any(loaded[m] for m in ("spacy", "torch", "sentence_transformers", "faiss"))


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in newsprism.__all__:
        assert getattr(newsprism, name) is not None, name
    assert set(newsprism.__all__) <= set(dir(newsprism))
    assert newsprism.compare.__module__ == "newsprism.comparison.pipeline"
    assert newsprism.Store.__name__ == "Store"
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = newsprism.nothing_here  # type: ignore[attr-defined]


def test_type_checkers_see_every_public_name() -> None:
    """The ``if TYPE_CHECKING`` imports name exactly the lazy names, from the same modules."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    seen = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == newsprism._LAZY
    assert set(newsprism.__all__) == {*seen, "__version__"}


def test_every_public_error_is_in_errors_too() -> None:
    errors = [
        name
        for name in newsprism.__all__
        if isinstance(getattr(newsprism, name), type)
        and issubclass(getattr(newsprism, name), Exception)
    ]
    assert len(errors) == 6
    for name in errors:
        assert getattr(newsprism.errors, name) is getattr(newsprism, name)
        assert issubclass(getattr(newsprism, name), newsprism.NewsprismError)
        assert name in newsprism.errors.__all__
    from newsprism.store import DatabaseBusyError, StaleStoryError

    assert newsprism.StaleStoryError is StaleStoryError
    assert newsprism.DatabaseBusyError is DatabaseBusyError


def test_unannotated_article_raises_not_annotated(examples: Collection) -> None:
    from newsprism.stories.features import term_counts

    article = examples.articles[0]
    with pytest.raises(newsprism.NotAnnotatedError, match="annotate it first") as caught:
        term_counts(article)
    # Callers that caught the ValueError it used to be still catch it.
    assert isinstance(caught.value, ValueError)
    assert caught.value.article == article.id


def test_read_articles_takes_paths_and_is_what_compare_takes() -> None:
    settings = Settings.load(cache=False)
    one = read_articles(EXAMPLES / "us-outlet.txt", settings)
    assert isinstance(one, Sequence) and len(one) == 1 and isinstance(one[0], Article)
    both = newsprism.read_articles([EXAMPLES / "us-outlet.txt", str(EXAMPLES / "wire-service.txt")])
    assert [a.source for a in both] == ["us-outlet", "wire-service"]
    assert both[:1] == both.articles[:1]


def test_read_articles_strict_raises_for_an_unusable_input(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    collection = newsprism.read_articles([EXAMPLES / "us-outlet.txt", missing])
    assert len(collection) == 1
    assert [p.input for p in collection.errors] == [str(missing)]
    with pytest.raises(newsprism.InputError, match="no such file"):
        newsprism.read_articles([EXAMPLES / "us-outlet.txt", missing], strict=True)


def _readme_python() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", readme, re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1, "the README shows one Python example"
    return blocks[0]


def test_readme_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], single_thread_torch: None
) -> None:
    code = _readme_python()
    assert len(code.strip().splitlines()) <= 3, "the README promises three lines"
    monkeypatch.chdir(ROOT)  # its paths are the bundled examples, from the repository root
    exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    report = capsys.readouterr().out
    assert report.startswith("# ")  # a fact both outlets report, not one outlet's headline
    assert "Kim, Trump end second summit without deal in Hanoi" in report.split("\n", 1)[1]
    assert "## What several outlets report" in report


def test_the_readme_stays_a_front_door() -> None:
    """Issue 15: the README is at most 200 lines; the details live in docs/."""
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 200
