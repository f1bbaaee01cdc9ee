"""Evaluation: ROUGE for summaries (with baselines and peers), B-cubed for story clustering."""

from newsprism.evaluation.baselines import BASELINES
from newsprism.evaluation.clusters import ClusterEvaluation, evaluate_clusters
from newsprism.evaluation.rouge import METRICS, Score, rouge
from newsprism.evaluation.summaries import (
    FIRST,
    UPDATE,
    EvaluationResult,
    Reference,
    SystemResult,
    evaluate,
    read_references,
    read_summaries,
    score_systems,
)

__all__ = [
    "BASELINES",
    "FIRST",
    "METRICS",
    "UPDATE",
    "ClusterEvaluation",
    "EvaluationResult",
    "Reference",
    "Score",
    "SystemResult",
    "evaluate",
    "evaluate_clusters",
    "read_references",
    "read_summaries",
    "rouge",
    "score_systems",
]
