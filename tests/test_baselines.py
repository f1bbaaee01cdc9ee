"""LEAD, LexRank and TextRank baselines on tiny clusters, and in the evaluation table."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsprism.evaluation import evaluate
from newsprism.evaluation.baselines import (
    BASELINES,
    SentenceTokenizer,
    baseline,
    baseline_summaries,
    lead,
    truncate,
)
from newsprism.model import DocumentSet, RawArticle

Write = Callable[[str, str | bytes], Path]

OLD = (
    "The river flooded the old town on Monday. Hundreds of homes were evacuated.\n\n"
    "The mayor said the damage would take months to repair."
)
NEW = (
    "Floodwaters receded on Wednesday, officials said. Residents began returning home.\n\n"
    "The mayor said the damage would take months to repair. Insurers were counting costs."
)


def article(text: str, day: int | None, name: str) -> RawArticle:
    published = datetime(2024, 5, day, 9, tzinfo=UTC) if day else None
    return RawArticle(origin=name, text=text, published=published, input_id=name)


def cluster(*documents: RawArticle) -> DocumentSet:
    return DocumentSet(id="flood", documents=list(documents))


def test_tokenizer_splits_sentences_without_nltk_data() -> None:
    tokenizer = SentenceTokenizer()
    sentences = tokenizer.to_sentences("Mr. Smith flew to the U.S. on Monday. He left. Why?")
    assert sentences == ("Mr. Smith flew to the U.S. on Monday.", "He left.", "Why?")
    assert tokenizer.to_words("Kim's U.S.-led talks, 2019!") == (
        "Kim's",
        "U.S.-led",
        "talks",
        "2019",
    )


def test_truncate_cuts_at_the_word_limit() -> None:
    assert truncate(["one two three.", "four five."], 4) == "one two three. four"
    assert truncate(["one two."], 10) == "one two."


def test_lead_takes_the_opening_of_the_newest_document() -> None:
    summary = lead(cluster(article(NEW, 3, "new"), article(OLD, 1, "old")), max_words=8)
    assert summary == "Floodwaters receded on Wednesday, officials said. Residents began"
    # Document order does not matter; the date does.
    assert lead(cluster(article(OLD, 1, "old"), article(NEW, 3, "new")), 8) == summary


def test_lead_without_dates_takes_the_last_document() -> None:
    summary = lead(cluster(article(NEW, None, "new"), article(OLD, None, "old")), 100)
    assert summary.startswith("The river flooded") and summary.endswith("months to repair.")
    assert lead(DocumentSet(id="empty"), 100) == ""


@pytest.mark.parametrize("kind", ["lexrank", "textrank"])
def test_graph_baselines_extract_whole_sentences_within_the_budget(kind: str) -> None:
    flood = cluster(article(OLD, 1, "old"), article(NEW, 3, "new"))
    summary = baseline(kind, max_words=30)(flood)
    assert 0 < len(summary.split()) <= 30
    # Sentences come from the documents, and the repeated one appears once.
    assert summary.split()[0] in (OLD + NEW).split()
    assert summary.count("take months to repair") <= 1
    longer = baseline(kind, max_words=1000)(flood)
    assert longer.count("take months to repair") == 1
    assert len(longer.split()) < len((OLD + " " + NEW).split())


@pytest.mark.parametrize("kind", ["lexrank-whole", "textrank-whole"])
def test_whole_sentence_baselines_neither_cut_nor_use_cut_sentences(kind: str) -> None:
    cut = "Insurers said the bill for the town could reach the..."
    flood = cluster(article(OLD, 1, "old"), article(NEW + " " + cut, 3, "new"))
    for budget in (12, 15, 1000):
        summary = baseline(kind, max_words=budget)(flood)
        assert 0 < len(summary.split()) <= budget
        assert summary.endswith(".") and "reach the" not in summary
    sentences = SentenceTokenizer().to_sentences(OLD + "\n\n" + NEW)
    assert all(s in sentences for s in SentenceTokenizer().to_sentences(summary))


def test_unknown_baseline_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown baseline"):
        baseline("oracle")


def test_baseline_summaries_cover_every_cluster() -> None:
    clusters = [cluster(article(OLD, 1, "old")), DocumentSet(id="empty")]
    result = baseline_summaries(clusters, 20)
    assert set(result) == set(BASELINES)
    assert all(set(s) == {"flood", "empty"} for s in result.values())
    assert result["lead"]["empty"] == "" and result["lexrank"]["empty"] == ""


def test_evaluate_adds_baselines_on_the_clusters_with_references(write: Write) -> None:
    documents = [
        {"id": "old", "published": "2024-05-01T09:00:00", "text": OLD},
        {"id": "new", "published": "2024-05-03T09:00:00", "text": NEW},
    ]
    lines = [
        {"id": "flood", "documents": documents},
        {"id": "other", "documents": [{"id": "x", "text": OLD}]},
        {"id": "bad", "documents": [{"id": "y"}]},
    ]
    clusters = write("clusters.jsonl", "\n".join(json.dumps(line) for line in lines))
    references = write(
        "refs.jsonl",
        json.dumps(
            {
                "id": "flood",
                "references": [
                    {
                        "assessor": "A",
                        "text": "Floodwaters receded on Wednesday and residents returned.",
                    },
                    {
                        "assessor": "B",
                        "text": "The river flooded the town; repairs will take months.",
                    },
                ],
            }
        ),
    )
    result = evaluate(references, None, None, clusters, 100)
    rows = {s.name: s for s in result.systems}
    assert set(rows) == {"LEAD", "LexRank", "TextRank"}
    assert all(s.kind == "baseline" and s.clusters == 1 for s in rows.values())
    assert rows["LEAD"].rouge_1.recall > 0
    assert [p.input for p in result.problems] == [f"{clusters}:3 document y"]
