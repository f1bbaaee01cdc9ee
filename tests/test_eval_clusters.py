"""Story clustering evaluation: B-cubed, ARI, reading gold and predictions, baselines."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.config import Settings
from newsprism.evaluation.clusters import (
    agglomerative,
    baselines,
    bcubed,
    evaluate_clusters,
    hdbscan,
    read_assignments,
    score,
    silhouette_threshold,
    similarities,
)
from newsprism.stories.state import ArticleFeatures

GOLD = {"a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2"}


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_bcubed_by_hand() -> None:
    predicted = {"a": "P1", "b": "P1", "c": "P2", "d": "P2", "e": "P2"}
    precision, recall, f1 = bcubed(GOLD, predicted)
    # Precision per document: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
    assert precision == pytest.approx(11 / 15)
    assert recall == pytest.approx(11 / 15)
    assert f1 == pytest.approx(11 / 15)


def test_bcubed_extremes() -> None:
    assert bcubed(GOLD, GOLD) == pytest.approx((1.0, 1.0, 1.0))
    singletons = {d: d for d in GOLD}
    precision, recall, _ = bcubed(GOLD, singletons)
    assert precision == 1.0
    assert recall == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)
    one = {d: "x" for d in GOLD}
    precision, recall, _ = bcubed(GOLD, one)
    assert recall == 1.0
    assert precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def test_missing_predictions_are_singletons_and_extra_ones_ignored() -> None:
    predicted = {"a": "P", "b": "P", "c": "P", "d": "Q", "zzz": "Q"}
    row = score("x", "system", GOLD, predicted)
    # "e" is alone, so "d" loses half its recall; "zzz" is not scored.
    assert row.documents == 5
    assert row.precision == 1.0
    assert row.recall == pytest.approx((3 + 0.5 + 0.5) / 5)


def test_ari_is_one_for_a_relabelling_and_low_for_noise() -> None:
    relabelled = {d: {"G1": "x", "G2": "y"}[g] for d, g in GOLD.items()}
    assert score("x", "system", GOLD, relabelled).ari == pytest.approx(1.0)
    assert score("x", "system", GOLD, {d: "z" for d in GOLD}).ari == pytest.approx(0.0)


def test_read_assignments_and_cluster_jsonl(tmp_path: Path) -> None:
    flat = _jsonl(
        tmp_path / "pred.jsonl",
        [{"id": "a", "story": "s1"}, {"id": 7, "story": 2}, {"id": "a", "story": "s9"}],
    )
    stories, problems = read_assignments(flat)
    assert stories == {"a": "s1", "7": "2"}
    assert any("appears again" in str(p) for p in problems)

    clusters = _jsonl(
        tmp_path / "gold.jsonl",
        [
            {"id": "T1", "documents": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}]},
            {"id": "T2", "documents": [{"id": "c", "text": "z"}]},
            {"nothing": True},
        ],
    )
    stories, problems = read_assignments(clusters)
    assert stories == {"a": "T1", "b": "T1", "c": "T2"}
    assert len(problems) == 1 and ":3" in str(problems[0])


def _features(vectors: np.ndarray) -> list[ArticleFeatures]:
    when = datetime(2020, 1, 1, tzinfo=UTC)
    return [
        ArticleFeatures(
            id=str(i),
            published=when,
            title=None,
            source=None,
            headline=v,
            body=v,
            entities=frozenset({f"group{i % 3}"}),
            terms={f"word{i % 3}": 2, "common": 1},
        )
        for i, v in enumerate(vectors)
    ]


def _blobs(seed: int = 0) -> tuple[np.ndarray, dict[str, str]]:
    """Three tight groups of unit vectors in 16 dimensions."""
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(3, 16))
    rows, gold = [], {}
    for i in range(30):
        rows.append(centers[i % 3] + 0.15 * rng.normal(size=16))
        gold[str(i)] = f"g{i % 3}"
    vectors = np.array(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), gold


def test_baselines_find_well_separated_groups() -> None:
    vectors, gold = _blobs()
    distances = np.clip(1 - vectors @ vectors.T, 0, 2).astype(np.float64)
    np.fill_diagonal(distances, 0)
    assert len(set(agglomerative(distances, 0.3))) == 3
    assert len(set(hdbscan(distances))) == 3
    assert 0.2 <= silhouette_threshold(distances) <= 0.9
    rows = baselines(_features(vectors), list(gold), gold, settings=Settings.load(cache=False))
    assert [r.kind for r in rows] == ["baseline", "baseline", "oracle"] * 3
    assert [r.name for r in rows][::3] == [
        "agglomerative, TF-IDF",
        "agglomerative, embeddings",
        "agglomerative, all spaces",
    ]
    assert all(r.f1 == pytest.approx(1.0) for r in rows)
    assert "silhouette" in rows[0].note and "tuned on this gold" in rows[2].note


def test_similarities_weigh_the_four_spaces() -> None:
    vectors, _ = _blobs()
    features = _features(vectors)
    settings = Settings.load(cache=False, story_weight_headline=0, story_weight_body=0,
                             story_weight_entities=0, story_weight_terms=1)  # fmt: skip
    spaces = similarities(features, settings)
    same, other = spaces["all spaces"][0, 3], spaces["all spaces"][0, 1]
    assert same == pytest.approx(1.0) and other < 0.2
    assert spaces["embeddings"][0, 0] == pytest.approx(1.0, abs=1e-5)
    assert spaces["TF-IDF"][0, 3] == pytest.approx(1.0) and spaces["TF-IDF"][0, 1] < 0.2


def test_evaluate_and_cli_table(tmp_path: Path) -> None:
    gold = _jsonl(tmp_path / "gold.jsonl", [{"id": d, "story": g} for d, g in GOLD.items()])
    pred = _jsonl(tmp_path / "pred.jsonl", [{"id": d, "story": "one"} for d in "abcd"])
    result = evaluate_clusters(gold, pred)
    assert result.documents == 5 and result.gold_stories == 2
    assert [s.name for s in result.systems] == ["newsprism"]
    assert any("no story for 1 gold documents (e)" in str(p) for p in result.problems)

    outcome = CliRunner().invoke(
        app, ["eval", "clusters", "--gold", str(gold), "--pred", str(pred)]
    )
    assert outcome.exit_code == 0, outcome.output
    assert "B³ F1" in outcome.output and "newsprism" in outcome.output


def test_cli_needs_something_to_score(tmp_path: Path) -> None:
    gold = _jsonl(tmp_path / "gold.jsonl", [{"id": "a", "story": "x"}])
    outcome = CliRunner().invoke(app, ["eval", "clusters", "--gold", str(gold)])
    assert outcome.exit_code != 0
