"""Extractive multi-document summaries of the Hanoi-summit reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from newsprism.config import Settings
from newsprism.model import Article, Cluster, RawArticle
from newsprism.summarize import summarize, summarize_cluster


@pytest.fixture
def cached(session_cache: Path) -> Settings:
    return Settings.load(cache_dir=session_cache)


def _words(text: str) -> int:
    return len(text.split())


def test_summary_reports_the_outcome_cited_by_both_outlets(
    annotated_examples: list[Article], cached: Settings
) -> None:
    summary = summarize(annotated_examples, cached, max_words=60)
    assert summary.sentences
    assert _words(summary.text) <= 60
    assert "READ NEXT" not in summary.text
    outcome = [
        s for s in summary.sentences if "agreement" in s.text.lower() or "deal" in s.text.lower()
    ]
    assert outcome, summary.text
    ids = {a.id for a in annotated_examples}
    assert any({c.article for c in s.citations} == ids for s in outcome)
    for sentence in summary.sentences:
        own = sentence.citations[0]
        article = next(a for a in annotated_examples if a.id == own.article)
        assert article.text[own.start : own.end] == sentence.text


@pytest.mark.parametrize("budget", [15, 40, 100])
def test_word_limit_is_respected(
    annotated_examples: list[Article], cached: Settings, budget: int
) -> None:
    summary = summarize(annotated_examples, cached, max_words=budget)
    assert _words(summary.text) <= budget
    assert summary.sentences


def test_large_budget_returns_all_non_redundant_content(
    annotated_examples: list[Article], cached: Settings
) -> None:
    summary = summarize(annotated_examples, cached, max_words=5000)
    total = sum(_words(a.text) for a in annotated_examples)
    assert 100 < _words(summary.text) < total
    assert len({s.text for s in summary.sentences}) == len(summary.sentences)


def test_update_mode_drops_what_was_read(
    annotated_examples: list[Article], cached: Settings
) -> None:
    wire = next(a for a in annotated_examples if "Hanoi" in (a.title or "") or "DPRK" in a.text)
    other = next(a for a in annotated_examples if a.id != wire.id)
    plain = summarize([wire], cached, max_words=60)
    update = summarize([wire], cached, max_words=60, seen=[other])
    first = plain.sentences[0].text
    assert plain.text != update.text
    assert "No agreement was reached" in plain.text or "without a deal" in plain.text
    assert first not in update.text or "agreement" not in first


def test_query_changes_the_choice(annotated_examples: list[Article], cached: Settings) -> None:
    plain = summarize(annotated_examples, cached, max_words=45)
    focused = summarize(
        annotated_examples, cached, max_words=45, query="lunch and signing ceremony at the hotel"
    )
    assert focused.text != plain.text
    assert "lunch" in focused.text.lower()


def test_batch_cluster_cites_input_ids(cached: Settings) -> None:
    documents = [
        RawArticle(origin=str(path), text=path.read_text(encoding="utf-8"), input_id=path.stem)
        for path in sorted(EXAMPLES.glob("*.txt"))
    ]
    broken = RawArticle(origin="empty", text="   ", input_id="empty")
    cluster = Cluster(id="hanoi", documents=[*documents, documents[0], broken])
    result = summarize_cluster(cluster, cached, 60)
    assert result["id"] == "hanoi"
    assert 0 < _words(result["summary"]) <= 60
    cited = {ref for s in result["sentences"] for ref in s["citations"]}
    assert cited <= {"us-outlet", "wire-service"}
    assert cited
