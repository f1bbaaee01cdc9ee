"""Articles about different events are flagged before they are compared."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES, by_source
from newsprism.cli import app
from newsprism.comparison.pipeline import compare
from newsprism.comparison.relatedness import RELATED_SIMILARITY, relatedness
from newsprism.config import Settings
from newsprism.errors import UnrelatedArticlesError
from newsprism.ingest.prepare import read_articles
from newsprism.model import Article
from newsprism.nlp.annotation import annotate


@pytest.fixture(scope="module")
def flood(annotated_examples: list[Article]) -> Article:
    articles = read_articles([str(DATA / "report.txt")], Settings.load()).articles
    return annotate(articles, Settings.load())[0]


def test_reports_of_one_event_are_related(annotated_examples: list[Article]) -> None:
    check = relatedness(annotated_examples)
    assert check.unrelated == [] and check.message() == ""
    assert min(check.nearest) > RELATED_SIMILARITY


def test_different_events_are_unrelated(annotated_examples: list[Article], flood: Article) -> None:
    summit = by_source(annotated_examples, "us-outlet")
    check = relatedness([summit, flood])
    assert len(check.unrelated) == 2
    assert check.message().startswith("these two articles look unrelated: similarity 0.")


def test_the_odd_one_out_is_named(annotated_examples: list[Article], flood: Article) -> None:
    message = relatedness([*annotated_examples, flood]).message()
    assert message.startswith("1 of 3 articles look unrelated to all the others: Storm floods")


def test_compare_warns_or_refuses(annotated_examples: list[Article], flood: Article) -> None:
    summit = by_source(annotated_examples, "wire-service")
    with pytest.raises(UnrelatedArticlesError, match="look unrelated"):
        compare([summit, flood], refuse_unrelated=True)
    forced = compare([summit, flood])
    assert forced.warnings and "look unrelated" in forced.warnings[0]
    assert compare(annotated_examples).warnings == []


def test_cli_asks_for_force(annotated_examples: list[Article], tmp_path: Path) -> None:
    inputs = [str(EXAMPLES / "us-outlet.txt"), str(DATA / "report.txt")]
    runner = CliRunner()
    refused = runner.invoke(app, ["compare", *inputs])
    assert refused.exit_code == 1
    assert "look unrelated" in str(refused.exception) and "--force" in str(refused.exception)
    report = tmp_path / "report.md"
    forced = runner.invoke(app, ["compare", *inputs, "--force", "-o", str(report)])
    assert forced.exit_code == 0, forced.output
    assert "warning: compare: these two articles look unrelated" in forced.stderr
    assert "**Warning:** these two articles look unrelated" in report.read_text(encoding="utf-8")


def test_cli_one_article_is_refused_before_annotating() -> None:
    result = CliRunner().invoke(app, ["compare", str(EXAMPLES / "us-outlet.txt")])
    assert result.exit_code == 1
    assert "comparing needs two or more articles about one event; read 1" in str(result.exception)
