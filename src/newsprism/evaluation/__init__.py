"""Evaluation: ROUGE for summaries (with baselines and peers), B-cubed for story clustering."""

from newsprism.evaluation.baselines import BASELINES
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
    render_groups,
    render_table,
    score_systems,
)

__all__ = [
    "BASELINES",
    "FIRST",
    "METRICS",
    "UPDATE",
    "EvaluationResult",
    "Reference",
    "Score",
    "SystemResult",
    "evaluate",
    "read_references",
    "read_summaries",
    "render_groups",
    "render_table",
    "rouge",
    "score_systems",
]
