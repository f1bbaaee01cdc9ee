"""The tables `newsprism eval` prints: evaluation returns data, the command line draws it."""

from __future__ import annotations

from typing import Literal

from rich.table import Table

from newsprism.evaluation import FIRST, METRICS, UPDATE, ClusterEvaluation, EvaluationResult

_SUMMARY_STYLE = {"system": "bold green", "baseline": "cyan", "human": "dim", "peer": ""}


def render_table(result: EvaluationResult) -> Table:
    """The systems ranked by ROUGE-2 recall, with recall and F1 of every metric."""
    limit = f"first {result.max_words} words" if result.max_words else "whole summaries"
    table = Table(
        title=f"ROUGE on {result.clusters} clusters ({limit}, Porter stemming, "
        "stopwords kept, jackknifed references)",
        title_justify="left",
    )
    table.add_column("#", justify="right")
    table.add_column("system")
    table.add_column("kind")
    table.add_column("clusters", justify="right")
    for label in ("R-1", "R-2", "R-SU4"):
        table.add_column(f"{label} R", justify="right")
        table.add_column(f"{label} F1", justify="right")
    for rank, system in enumerate(result.ranked(), 1):
        numbers = [
            f"{value:.4f}"
            for m in METRICS
            for value in (system.scores[m].recall, system.scores[m].f1)
        ]
        table.add_row(
            str(rank),
            system.name,
            system.kind,
            str(system.clusters),
            *numbers,
            style=_SUMMARY_STYLE.get(system.kind, ""),
        )
    return table


def render_groups(result: EvaluationResult) -> Table | None:
    """ROUGE-2 and ROUGE-SU4 recall on first and on update summaries, in the order of the
    main table; None unless the clusters hold both kinds."""
    members = {
        group: {c for c, g in result.groups.items() if g == group} for group in (FIRST, UPDATE)
    }
    if not all(members.values()):
        return None
    table = Table(
        title=f"Recall by kind of cluster: {len(members[FIRST])} first summaries, "
        f"{len(members[UPDATE])} update summaries (the reader has read the earlier documents)",
        title_justify="left",
    )
    table.add_column("#", justify="right")
    table.add_column("system")
    table.add_column("kind")
    for group in (FIRST, UPDATE):
        table.add_column(f"{group} R-2 R", justify="right")
        table.add_column(f"{group} R-SU4 R", justify="right")
    for rank, system in enumerate(result.ranked(), 1):
        numbers = []
        for group in (FIRST, UPDATE):
            scores = system.scores_on(members[group])
            numbers += [f"{scores['rouge-2'].recall:.4f}", f"{scores['rouge-su4'].recall:.4f}"]
        table.add_row(
            str(rank), system.name, system.kind, *numbers, style=_SUMMARY_STYLE.get(system.kind, "")
        )
    return table


_CLUSTER_STYLE = {"system": "bold green", "baseline": "cyan", "oracle": "dim"}


def render_cluster_table(result: ClusterEvaluation) -> Table:
    """Systems and baselines ranked by B-cubed F1."""
    table = Table(
        title=f"Story clustering on {result.documents} documents, "
        f"{result.gold_stories} gold stories",
        title_justify="left",
    )
    table.add_column("#", justify="right")
    for name in ("system", "kind", "stories", "B³ P", "B³ R", "B³ F1", "ARI", "how"):
        right = name in {"stories", "B³ P", "B³ R", "B³ F1", "ARI"}
        justify: Literal["right", "left"] = "right" if right else "left"
        table.add_column(name, justify=justify)
    ranked = sorted(result.systems, key=lambda s: (s.kind == "oracle", -s.f1, s.name))
    for rank, row in enumerate(ranked, 1):
        table.add_row(
            str(rank), row.name, row.kind, str(row.stories),
            f"{row.precision:.4f}", f"{row.recall:.4f}", f"{row.f1:.4f}", f"{row.ari:.4f}",
            row.note, style=_CLUSTER_STYLE.get(row.kind, ""),
        )  # fmt: skip
    return table
