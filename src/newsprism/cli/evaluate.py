"""`newsprism eval`: measure newsprism's output against references."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsprism.cli.app import app, err, needs, out
from newsprism.cli.terminal import print_table, report_problems

eval_app = typer.Typer(help="Evaluate newsprism's output against references.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _file(help: str) -> typer.models.OptionInfo:
    """An input file option: a missing or unreadable file stops the command (exit 2)
    rather than leaving its rows out of the table."""
    return typer.Option(exists=True, dir_okay=False, readable=True, help=help)


@eval_app.command(
    "rouge",
    epilog=(
        "Example:\n\n"
        "  newsprism eval rouge --references refs.jsonl --summaries summaries.jsonl "
        "--peers peers.jsonl --clusters clusters.jsonl --max-words 100"
    ),
)
def eval_rouge(
    references: Annotated[Path, _file("JSONL: {id, references: [{assessor, text}]}.")],
    summaries: Annotated[Path | None, _file("JSONL: {id, summary} (newsprism's output).")] = None,
    peers: Annotated[
        Path | None, _file("JSONL: {id, system, text}: other systems to rank against.")
    ] = None,
    clusters: Annotated[
        Path | None,
        _file("Document-set JSONL: compute the LEAD, LexRank and TextRank baselines on it."),
    ] = None,
    max_words: Annotated[int, typer.Option(help="Cut every summary at this many words.")] = 100,
) -> None:
    """ROUGE-1, ROUGE-2 and ROUGE-SU4 (recall and F1, Porter-stemmed, jackknifed over the references), with baselines and peers ranked in one table; given the clusters, first and update summaries are also shown apart."""
    needs("eval", "sumy")  # its baselines; loaded with the evaluation stage
    from newsprism.cli.eval_tables import render_groups, render_table
    from newsprism.config import Settings
    from newsprism.errors import NewsprismError
    from newsprism.evaluation import evaluate

    result = evaluate(references, summaries, peers, clusters, max_words, settings=Settings.load())
    report_problems(err, result.problems)
    if not result.clusters or not any(s.clusters for s in result.systems):
        # An empty table with exit 0 reads as "scored nothing wrong" in a script.
        raise NewsprismError(f"{references}: nothing could be scored (see the lines above)")
    print_table(out, render_table(result))
    groups = render_groups(result)
    if groups is not None:
        print_table(out, groups)


@eval_app.command(
    "clusters",
    epilog=(
        "Example:\n\n"
        "  newsprism cluster clusters.jsonl -o assignments.jsonl\n\n"
        "  newsprism eval clusters --gold clusters.jsonl --pred assignments.jsonl --baseline"
    ),
)
def eval_clusters(
    gold: Annotated[
        Path, _file("JSONL {id, story}, or document-set JSONL (each document set is a gold story).")
    ],
    pred: Annotated[Path | None, _file("JSONL {id, story}: newsprism cluster's output.")] = None,
    baseline: Annotated[
        bool,
        typer.Option(
            "--baseline",
            metavar="",
            help="Also cluster the documents offline (agglomerative, HDBSCAN) on the same "
            "vectors; the documents come from --gold when it is document-set JSONL, else --input.",
        ),
    ] = False,
    inputs: Annotated[
        list[str] | None,
        typer.Option("--input", help="The clustered documents, for --baseline (as for cluster)."),
    ] = None,
) -> None:
    """B-cubed precision, recall and F1 and the adjusted Rand index of story clusters, with offline baselines in the same table."""
    needs("eval", "sumy")  # loaded with the evaluation stage
    from newsprism.cli.eval_tables import render_cluster_table
    from newsprism.config import Settings
    from newsprism.errors import NewsprismError
    from newsprism.evaluation import evaluate_clusters

    if pred is None and not baseline:
        raise NewsprismError("give --pred assignments.jsonl, --baseline, or both")
    documents = [str(gold)] if baseline and not inputs else list(inputs or [])
    result = evaluate_clusters(
        gold, pred, baseline_inputs=documents if baseline else (), settings=Settings.load()
    )
    report_problems(err, result.problems)
    print_table(out, render_cluster_table(result))
