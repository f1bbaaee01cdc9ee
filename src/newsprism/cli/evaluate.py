"""`newsprism eval`: measure newsprism's output against references."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsprism.cli.app import app, err, out
from newsprism.config import Settings
from newsprism.terminal import report_problems

eval_app = typer.Typer(help="Evaluate newsprism's output against references.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command(
    "rouge",
    epilog=(
        "Example:\n\n"
        "  newsprism eval rouge --references refs.jsonl --summaries summaries.jsonl "
        "--peers peers.jsonl --clusters clusters.jsonl --max-words 100"
    ),
)
def eval_rouge(
    references: Annotated[Path, typer.Option(help="JSONL: {id, references: [{assessor, text}]}.")],
    summaries: Annotated[
        Path | None, typer.Option(help="JSONL: {id, summary} (newsprism's output).")
    ] = None,
    peers: Annotated[
        Path | None, typer.Option(help="JSONL: {id, system, text}: other systems to rank against.")
    ] = None,
    clusters: Annotated[
        Path | None,
        typer.Option(help="Cluster JSONL: compute the LEAD, LexRank and TextRank baselines on it."),
    ] = None,
    max_words: Annotated[int, typer.Option(help="Cut every summary at this many words.")] = 100,
) -> None:
    """ROUGE-1, ROUGE-2 and ROUGE-SU4 (recall and F1, Porter-stemmed, jackknifed over
    the references), with baselines and peers ranked in one table."""
    from newsprism.evaluation import evaluate, render_table

    result = evaluate(references, summaries, peers, clusters, max_words, settings=Settings.load())
    report_problems(err, result.problems)
    out.print(render_table(result))
