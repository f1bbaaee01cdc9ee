"""Story clustering evaluation: B-cubed precision, recall and F1, and the adjusted Rand index,
with offline baselines computed on the same article vectors in the same run.

Gold and predictions are JSON lines of ``{"id": <document id>, "story": <story id>}``; gold
may instead be document-set JSONL (``{"id": <story>, "documents": [{"id": ...}, ...]}``), where
each document's gold story is its cluster. Only documents in the gold are scored; a gold
document missing from the predictions counts as a story of its own (and is reported).

B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009): for each document, precision is the
share of its predicted story that shares its gold story, recall the share of its gold story
that shares its predicted story; both are averaged over documents, and F1 is their harmonic
mean. The adjusted Rand index is scikit-learn's.

Baselines (offline: they see all documents at once, which newsprism's online clustering
does not): agglomerative clustering with average linkage, and HDBSCAN, on the same article
features newsprism clusters with: on TF-IDF of the content-word lemmas alone (the classic
representation), on the embeddings alone (mean of the headline and body cosines), and on all
four of newsprism's spaces with its weights. The
agglomerative distance threshold is chosen without the gold, by the best silhouette; an
"oracle" row also shows the threshold that is best on the very gold it is scored on, which
no real system could know.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsprism.config import Settings
from newsprism.errors import Problem
from newsprism.ingest import json_records, payloads
from newsprism.stories import ArticleFeatures

# Distance thresholds tried by the baselines, over the useful range of cosine distances.
THRESHOLDS = tuple(round(0.2 + 0.025 * i, 3) for i in range(32))
HDBSCAN_MIN_CLUSTER_SIZE = 2


@dataclass(frozen=True)
class ClusterScores:
    name: str
    kind: str  # "system" or "baseline"
    documents: int
    stories: int
    precision: float
    recall: float
    f1: float
    ari: float
    note: str = ""


@dataclass
class ClusterEvaluation:
    documents: int
    gold_stories: int
    systems: list[ClusterScores] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_assignments(
    path: str | Path, settings: Settings | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """``{document id: story id}`` from assignment JSONL or document-set JSONL, and bad lines."""
    settings = settings or Settings.load()
    stories: dict[str, str] = {}
    problems: list[Problem] = []

    def put(where: str, document: object, story: object) -> None:
        if not isinstance(document, str | int) or isinstance(document, bool):
            problems.append(Problem(where, "no document 'id'"))
        elif str(document) in stories:
            problems.append(Problem(where, f"document {document} appears again; kept the first"))
        else:
            stories[str(document)] = str(story)

    for payload in payloads([str(path)], settings):
        if isinstance(payload, Problem):
            problems.append(payload)
            continue
        for where, record in json_records(payload):
            if isinstance(record, Problem):
                problems.append(record)
            elif isinstance(record.get("documents"), list) and record.get("id") is not None:
                for document in record["documents"]:
                    put(where, document.get("id") if isinstance(document, dict) else None,
                        record["id"])  # fmt: skip
            elif record.get("story") is not None:
                put(where, record.get("id"), record["story"])
            else:
                problems.append(Problem(where, "expected {id, story} or a cluster with documents"))
    return stories, problems


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) over the documents of ``gold``.

    A document without a prediction is a predicted story of its own.
    """
    if not gold:
        return 0.0, 0.0, 0.0
    labels = {d: predicted.get(d, f"\x00missing:{d}") for d in gold}
    both = Counter((gold[d], labels[d]) for d in gold)
    gold_size = Counter(gold.values())
    predicted_size = Counter(labels.values())
    precision = recall = 0.0
    for (g, p), shared in both.items():
        # ``shared`` documents each contribute shared/|predicted| and shared/|gold|.
        precision += shared * shared / predicted_size[p]
        recall += shared * shared / gold_size[g]
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(
    name: str, kind: str, gold: Mapping[str, str], predicted: Mapping[str, str], note: str = ""
) -> ClusterScores:
    """B-cubed and ARI of one system's predictions on the gold documents."""
    from sklearn.metrics import adjusted_rand_score

    ids = list(gold)
    labels = [predicted.get(d, f"\x00missing:{d}") for d in ids]
    precision, recall, f1 = bcubed(gold, predicted)
    ari = float(adjusted_rand_score([gold[d] for d in ids], labels)) if ids else 0.0
    return ClusterScores(name, kind, len(ids), len(set(labels)), precision, recall, f1, ari, note)


def similarities(features: Sequence[ArticleFeatures], settings: Settings) -> dict[str, np.ndarray]:
    """Pairwise similarities the baselines cluster on, with all documents known at once:
    TF-IDF of the content-word lemmas alone (sublinear term frequency, IDF over the whole
    batch), the embeddings alone (mean of the headline and body cosines), and newsprism's
    four spaces with its weights (entities and terms as TF-IDF over the whole batch)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    def tfidf_cosines(rows: list[dict[str, float]], sublinear: bool) -> np.ndarray:
        if not any(rows):
            return np.zeros((len(rows), len(rows)))
        counts = DictVectorizer().fit_transform(rows)
        matrix = TfidfTransformer(sublinear_tf=sublinear).fit_transform(counts)
        return (matrix @ matrix.T).toarray()

    headlines = np.stack([f.headline for f in features])
    bodies = np.stack([f.body for f in features])
    spaces = (
        headlines @ headlines.T,
        bodies @ bodies.T,
        tfidf_cosines([dict.fromkeys(f.entities, 1.0) for f in features], sublinear=False),
        tfidf_cosines([dict(f.terms) for f in features], sublinear=True),
    )
    weights = (
        settings.story_weight_headline,
        settings.story_weight_body,
        settings.story_weight_entities,
        settings.story_weight_terms,
    )
    combined = sum(w * m for w, m in zip(weights, spaces, strict=True)) / sum(weights)
    return {"TF-IDF": spaces[3], "embeddings": (spaces[0] + spaces[1]) / 2, "all spaces": combined}


def _distances(similarity: np.ndarray) -> np.ndarray:
    distances = np.clip(1.0 - similarity, 0.0, 2.0).astype(np.float64)
    np.fill_diagonal(distances, 0.0)
    return distances


def agglomerative(distances: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clusters whose mean distance stays under ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    if len(distances) < 2:
        return np.zeros(len(distances), dtype=int)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return model.fit_predict(distances)


def hdbscan(distances: np.ndarray) -> np.ndarray:
    """HDBSCAN on precomputed distances; each noise point becomes a story of its own."""
    from sklearn.cluster import HDBSCAN

    if len(distances) <= HDBSCAN_MIN_CLUSTER_SIZE:
        return np.arange(len(distances))
    labels = HDBSCAN(
        min_cluster_size=HDBSCAN_MIN_CLUSTER_SIZE, metric="precomputed", copy=True
    ).fit_predict(distances)
    noise = labels < 0
    labels[noise] = labels.max() + 1 + np.arange(noise.sum())
    return labels


def silhouette_threshold(distances: np.ndarray) -> float:
    """The distance threshold whose clustering has the best silhouette (no gold needed)."""
    from sklearn.metrics import silhouette_score

    best, chosen = -2.0, THRESHOLDS[len(THRESHOLDS) // 2]
    for threshold in THRESHOLDS:
        labels = agglomerative(distances, threshold)
        if not 1 < len(set(labels)) < len(distances):
            continue
        value = float(silhouette_score(distances, labels, metric="precomputed"))
        if value > best:
            best, chosen = value, threshold
    return chosen


def baselines(
    features: Sequence[ArticleFeatures],
    ids: Sequence[str],
    gold: Mapping[str, str],
    copies: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> list[ClusterScores]:
    """The offline baselines on ``features`` (whose documents are called ``ids``); the
    ``copies`` of a text (copy id -> original id) share the original's story."""
    if not features:
        return []

    def as_map(labels: np.ndarray) -> dict[str, str]:
        found = {d: str(label) for d, label in zip(ids, labels, strict=True)}
        for copy, original in (copies or {}).items():
            if original in found:
                found.setdefault(copy, found[original])
        return found

    rows = []
    for space, similarity in similarities(features, settings or Settings.load()).items():
        distances = _distances(similarity)
        threshold = silhouette_threshold(distances)
        name = f"agglomerative, {space}"
        rows.append(
            score(
                name,
                "baseline",
                gold,
                as_map(agglomerative(distances, threshold)),
                f"average linkage, distance < {threshold:.3f} (best silhouette)",
            )
        )
        rows.append(
            score(
                f"HDBSCAN, {space}",
                "baseline",
                gold,
                as_map(hdbscan(distances)),
                f"min cluster size {HDBSCAN_MIN_CLUSTER_SIZE}, noise as singletons",
            )
        )
        rows.append(max(
            (score(f"{name} (oracle)", "oracle", gold, as_map(agglomerative(distances, t)),
                   f"threshold {t:.3f} tuned on this gold: a bound, not a result")
             for t in THRESHOLDS),
            key=lambda row: row.f1,
        ))  # fmt: skip
    return rows


def compare_to_gold(
    gold: Mapping[str, str], predictions: Mapping[str, Mapping[str, str]]
) -> tuple[list[ClusterScores], list[Problem]]:
    """Score each named prediction; notices for documents missing or unknown to the gold."""
    results, problems = [], []
    for name, predicted in predictions.items():
        missing = [d for d in gold if d not in predicted]
        extra = sum(1 for d in predicted if d not in gold)
        if missing:
            shown = ", ".join(missing[:5]) + (", …" if len(missing) > 5 else "")
            problems.append(
                Problem(name, f"no story for {len(missing)} gold documents ({shown}); "
                        "each counted as a story of its own", "notice")
            )  # fmt: skip
        if extra:
            problems.append(Problem(name, f"{extra} documents not in the gold were not scored",
                                    "notice"))  # fmt: skip
        results.append(score(name, "system", gold, predicted))
    return results, problems


def evaluate_clusters(
    gold_path: str | Path,
    predicted_path: str | Path | None = None,
    *,
    baseline_inputs: Sequence[str] = (),
    settings: Settings | None = None,
) -> ClusterEvaluation:
    """Score ``predicted_path`` (newsprism's assignments) and, given the documents
    (``baseline_inputs``: anything `newsprism cluster` reads), the baselines."""
    settings = settings or Settings.load()
    gold, problems = read_assignments(gold_path, settings)
    result = ClusterEvaluation(len(gold), len(set(gold.values())), problems=problems)
    if predicted_path is not None:
        predicted, trouble = read_assignments(predicted_path, settings)
        rows, notices = compare_to_gold(gold, {"newsprism": predicted})
        result.problems += trouble + notices
        result.systems += rows
    if baseline_inputs:
        from newsprism.stories import read_stream

        stream = read_stream(baseline_inputs, settings)
        result.problems += stream.problems
        wanted = [(f, a.ref) for f, a in zip(stream.features, stream.articles, strict=True)
                  if a.ref in gold]  # fmt: skip
        if not wanted:
            reason = "no gold document among them: no baseline (give the documents with --input)"
            result.problems.append(Problem(", ".join(baseline_inputs), reason))
        features, ids = [f for f, _ in wanted], [d for _, d in wanted]
        result.systems += baselines(features, ids, gold, stream.copies, settings)
    return result
