"""Summary quality on several kinds of news, beside baselines scored in the same run.

Usage: python benchmarks/summary_quality.py SET_DIR [SET_DIR ...] [--words 50 100]
       [--only tune|held-out] [--cache-dir DIR] [--peers 3]

Each SET_DIR holds ``clusters.jsonl`` (cluster JSONL, with ``query`` and ``seen_documents``
where the task has them), ``references.jsonl`` (``{"id", "references": [{"assessor",
"text"}]}``) and optionally ``peers.jsonl`` (other systems' summaries, scored in the same
run; only at the word limit they were written for, the largest of ``--words``). For every
set and word limit, newsprism (`summarize_document_set`, as `newsprism summarize --batch` runs
it), LEAD, LexRank and TextRank summarize the same clusters, and everything is scored with
the project's ROUGE (ROUGE-1.5.5 settings: Porter stemming, stopwords kept, cut at the word
limit, jackknifed references). LexRank and TextRank are also scored under newsprism's own
rules ("whole sentences": no sentence cut at the word limit, none that its source cut off),
to tell the choice of sentences from the words a cut last sentence adds.

Columns: ROUGE-2 and ROUGE-SU4 recall over all clusters, over the first and the update
summaries apart (clusters with ``seen_documents`` are update summaries), and over the two
halves of every set: clusters whose id ends in an even number are the *tune* half (the only
one looked at while choosing settings), odd ones the *held-out* half. The last column is the
share of newsprism's summaries holding a sentence its source cut off (one ending in "..." or
"…", or without closing punctuation).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.evaluation import read_references, read_summaries, score_systems
from newsprism.evaluation.baselines import (
    BASELINES,
    WHOLE_SENTENCE_BASELINES,
    baseline_summaries,
)
from newsprism.ingest import read_document_sets_from
from newsprism.model import DocumentSet
from newsprism.summary import summarize_document_set

BASELINE_NAMES = {
    "lead": "LEAD",
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lexrank-whole": "LexRank, whole sentences",
    "textrank-whole": "TextRank, whole sentences",
}
TUNE, HELD_OUT = "tune", "held-out"
_LAST_NUMBER = re.compile(r"(\d+)\D*$")
_CUT = re.compile(r"(?:\.\.\.|…)[\"”’')\]]*$")
_CLOSED = re.compile(r"[.!?][\"”’')\]]*$")


def half(cluster_id: str) -> str:
    """The half a cluster belongs to: by the parity of the last number in its id."""
    match = _LAST_NUMBER.search(cluster_id)
    number = int(match.group(1)) if match else sum(map(ord, cluster_id))
    return TUNE if number % 2 == 0 else HELD_OUT


def cut_off(sentence: str) -> bool:
    """The sentence stops where its source cut it, or has no closing punctuation."""
    text = sentence.strip()
    return bool(_CUT.search(text)) or not _CLOSED.search(text)


def newsprism_summaries(
    clusters: Sequence[DocumentSet], settings: Settings, max_words: int
) -> tuple[dict[str, str], float]:
    """``{cluster id: summary}`` and the share of summaries with a cut-off sentence."""
    summaries: dict[str, str] = {}
    cut = 0
    for cluster in clusters:
        try:
            line = summarize_document_set(cluster, settings, max_words)
        except NewsprismError as error:
            print(f"{cluster.id}: {error}", file=sys.stderr)
            continue
        summaries[cluster.id] = line["summary"]
        cut += any(cut_off(s["text"]) for s in line["sentences"])
    return summaries, cut / max(len(summaries), 1)


def _groups(clusters: Sequence[DocumentSet]) -> dict[str, set[str]]:
    ids = {c.id for c in clusters}
    groups = {"all": ids}
    update = {c.id for c in clusters if c.seen_documents}
    if update and update != ids:
        groups["first"] = ids - update
        groups["update"] = update
    for name in (TUNE, HELD_OUT):
        members = {c for c in ids if half(c) == name}
        if members and members != ids:
            groups[name] = members
    return groups


def _table(
    title: str,
    rows: list[tuple[str, dict[str, tuple[float, float]]]],
    groups: Sequence[str],
    notes: dict[str, str],
) -> str:
    header = ["system", *(f"{metric} {g}" for g in groups for metric in ("R-2", "SU4"))]
    lines = [f"\n{title}\n", "| " + " | ".join([*header, "cut"]) + " |"]
    lines.append("|" + "---|" * (len(header) + 1))
    for name, scores in rows:
        cells = [f"{v:.4f}" for g in groups for v in scores[g]]
        lines.append("| " + " | ".join([name, *cells, notes.get(name, "")]) + " |")
    return "\n".join(lines)


def evaluate_set(
    folder: Path,
    words: Sequence[int],
    settings: Settings,
    only: str | None,
    peers_shown: int,
    log: Callable[[str], None],
) -> None:
    clusters = [c for c in read_document_sets_from([str(folder / "clusters.jsonl")], settings)]
    bad = [c for c in clusters if not isinstance(c, DocumentSet)]
    for problem in bad:
        print(problem, file=sys.stderr)
    references, problems = read_references(folder / "references.jsonl", settings)
    for problem in problems:
        print(problem, file=sys.stderr)
    chosen = [
        c
        for c in clusters
        if isinstance(c, DocumentSet)
        and c.id in references
        and (only is None or half(c.id) == only)
    ]
    references = {c.id: references[c.id] for c in chosen}
    peers: dict[str, dict[str, str]] = {}
    if (folder / "peers.jsonl").exists():
        peers, _ = read_summaries(folder / "peers.jsonl", "peer", settings)
    groups = _groups(chosen)
    for limit in words:
        started = time.perf_counter()
        systems: dict[str, dict[str, str]] = {}
        kinds: dict[str, str] = {}
        notes: dict[str, str] = {}
        systems["newsprism"], share = newsprism_summaries(chosen, settings, limit)
        kinds["newsprism"], notes["newsprism"] = "system", f"{share:.0%}"
        log(f"{folder.name} @{limit}: newsprism in {time.perf_counter() - started:.0f} s")
        for kind, summaries in baseline_summaries(
            chosen, limit, (*BASELINES, *WHOLE_SENTENCE_BASELINES)
        ).items():
            systems[BASELINE_NAMES[kind]] = summaries
            kinds[BASELINE_NAMES[kind]] = "baseline"
        if limit == max(words):
            systems.update({f"peer {name}": s for name, s in peers.items()})
        results, _ = score_systems(references, systems, kinds, limit)
        ranked = sorted(results, key=lambda r: -r.rouge_2.recall)
        shown = [r for r in ranked if r.kind != "peer"]
        shown += [r for r in ranked if r.kind == "peer"][:peers_shown]
        shown.sort(key=lambda r: -r.rouge_2.recall)
        rows = []
        for result in shown:
            by_group = {}
            for name, members in groups.items():
                scores = result.scores_on(members)
                by_group[name] = (scores["rouge-2"].recall, scores["rouge-su4"].recall)
            rows.append((result.name, by_group))
        sizes = ", ".join(f"{g} {len(m)}" for g, m in groups.items())
        title = (
            f"{folder.name}, {limit} words, ROUGE recall ({sizes} clusters; "
            f"{time.perf_counter() - started:.0f} s)"
        )
        print(_table(title, rows, list(groups), notes), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", type=Path, nargs="+", help="Folders of the evaluation sets.")
    parser.add_argument("--words", type=int, nargs="+", default=[50, 100])
    parser.add_argument("--only", choices=(TUNE, HELD_OUT), help="Score one half only.")
    parser.add_argument("--cache-dir", type=Path, help="Annotation cache (default: the user's).")
    parser.add_argument("--peers", type=int, default=3, help="Best peer systems shown.")
    args = parser.parse_args()
    settings = Settings.load()
    if args.cache_dir:
        settings = settings.model_copy(update={"cache_dir": args.cache_dir})
    for folder in args.sets:
        if not (folder / "clusters.jsonl").is_file() or not (folder / "references.jsonl").is_file():
            raise SystemExit(f"{folder}: needs clusters.jsonl and references.jsonl")
        evaluate_set(
            folder,
            args.words,
            settings,
            args.only,
            args.peers,
            lambda m: print(m, file=sys.stderr, flush=True),
        )


if __name__ == "__main__":
    main()
