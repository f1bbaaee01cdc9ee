"""Summary evaluation: ROUGE against human references, ranked with other systems and baselines.

Inputs are JSON lines. References: ``{"id", "references": [{"assessor", "text"}]}``.
Summaries and peers: ``{"id", "text" or "summary", "system" (optional)}``. Optionally the
clusters themselves (document-set JSONL) so that the LEAD, LexRank and TextRank baselines are
computed on the same clusters. A bad line is reported as ``file:line: reason`` and skipped.

Given the clusters, scores are also reported per kind of cluster: *first* summaries (no
``seen_documents``) and *update* summaries (the reader has already read ``seen_documents``),
which are different tasks and are ranked separately in DUC and TAC.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.evaluation.baselines import BASELINES, baseline_summaries
from newsprism.evaluation.rouge import METRICS, Score, Units, score_units
from newsprism.ingest import json_records, payloads, read_document_sets_from
from newsprism.model import DocumentSet

DEFAULT_SYSTEM = "newsprism"
BASELINE_NAMES = {"lead": "LEAD", "lexrank": "LexRank", "textrank": "TextRank"}
_MISSING_SHOWN = 5
FIRST, UPDATE = "first", "update"


@dataclass(frozen=True)
class Reference:
    assessor: str
    text: str


@dataclass
class SystemResult:
    """One system's mean scores over the clusters it summarized."""

    name: str
    kind: str  # "system" (the summaries scored), "peer", "human" (a reference's author), "baseline"
    clusters: int
    scores: dict[str, Score]
    per_cluster: dict[str, dict[str, Score]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def rouge_1(self) -> Score:
        return self.scores["rouge-1"]

    @property
    def rouge_2(self) -> Score:
        return self.scores["rouge-2"]

    @property
    def rouge_su4(self) -> Score:
        return self.scores["rouge-su4"]

    def scores_on(self, clusters: set[str]) -> dict[str, Score]:
        """Mean scores over those of ``clusters`` this system summarized."""
        scored = [s for c, s in self.per_cluster.items() if c in clusters]
        return {m: Score.mean([s[m] for s in scored]) for m in METRICS}


@dataclass
class EvaluationResult:
    max_words: int | None
    clusters: int  # clusters with references
    systems: list[SystemResult]
    problems: list[Problem] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # cluster id -> FIRST or UPDATE

    def ranked(self) -> list[SystemResult]:
        """Best ROUGE-2 recall first (the DUC ranking), then ROUGE-SU4 recall, then name."""
        return sorted(self.systems, key=lambda s: (-s.rouge_2.recall, -s.rouge_su4.recall, s.name))


def _records(
    path: str | Path, settings: Settings
) -> Iterator[tuple[str, dict[str, Any] | Problem]]:
    """``(file:line, record)`` for every non-blank line, or a `Problem` for a bad one."""
    for payload in payloads([str(path)], settings):
        if isinstance(payload, Problem):
            yield str(path), payload
            continue
        for where, record in json_records(payload):
            if isinstance(record, Problem):
                yield where, record
            elif not isinstance(record.get("id"), str | int) or isinstance(record["id"], bool):
                yield where, Problem(where, "no 'id' (the cluster id)")
            else:
                yield where, record


def _references(where: str, items: Any) -> list[Reference]:
    if not isinstance(items, list) or not items:
        raise InputError(where, "'references' must be a non-empty list")
    result = []
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(where, f"reference {index} has no 'text'")
        result.append(Reference(str(item.get("assessor") or index), item["text"]))
    return result


def read_references(
    path: str | Path, settings: Settings | None = None
) -> tuple[dict[str, list[Reference]], list[Problem]]:
    """``{cluster id: references}`` and the problems of the lines that were skipped."""
    settings = settings or Settings.load()
    references: dict[str, list[Reference]] = {}
    problems: list[Problem] = []
    for where, record in _records(path, settings):
        if isinstance(record, Problem):
            problems.append(record)
            continue
        cluster = str(record["id"])
        try:
            found = _references(where, record.get("references"))
        except InputError as error:
            problems.append(Problem.from_error(error))
            continue
        if cluster in references:
            problems.append(Problem(where, f"cluster {cluster} appears again; kept the first"))
        else:
            references[cluster] = found
    return references, problems


def read_summaries(
    path: str | Path, default_system: str, settings: Settings | None = None
) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """``{system: {cluster id: summary}}``; lines without a ``system`` get ``default_system``."""
    settings = settings or Settings.load()
    systems: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for where, record in _records(path, settings):
        if isinstance(record, Problem):
            problems.append(record)
            continue
        text = record.get("text", record.get("summary"))
        if not isinstance(text, str):
            problems.append(Problem(where, "no 'text' or 'summary' (the summary)"))
            continue
        system = str(record.get("system") or default_system)
        cluster = str(record["id"])
        summaries = systems.setdefault(system, {})
        if cluster in summaries:
            problems.append(Problem(where, f"{system} summarized {cluster} again; kept the first"))
        else:
            summaries[cluster] = text
    return systems, problems


def _own_reference(system: str, references: Sequence[Reference]) -> int | None:
    """Which reference the system wrote itself, if it is one of the assessors."""
    return next((i for i, r in enumerate(references) if r.assessor == system), None)


def score_systems(
    references: Mapping[str, Sequence[Reference]],
    systems: Mapping[str, Mapping[str, str]],
    kinds: Mapping[str, str],
    max_words: int | None = 100,
) -> tuple[list[SystemResult], list[Problem]]:
    """Every system scored on the clusters that have references; gaps reported."""
    units = {c: [Units.of(r.text, max_words) for r in refs] for c, refs in references.items()}
    assessors = {r.assessor for refs in references.values() for r in refs}
    results: list[SystemResult] = []
    problems: list[Problem] = []
    for name, summaries in systems.items():
        per_cluster: dict[str, dict[str, Score]] = {}
        for cluster, refs in references.items():
            if cluster not in summaries:
                continue
            try:
                per_cluster[cluster] = score_units(
                    Units.of(summaries[cluster], max_words),
                    units[cluster],
                    _own_reference(name, refs),
                )
            except ValueError as error:
                problems.append(Problem(f"{name} on {cluster}", str(error), "notice"))
        missing = [c for c in references if c not in summaries]
        if missing:
            shown = ", ".join(missing[:_MISSING_SHOWN]) + (
                ", …" if len(missing) > _MISSING_SHOWN else ""
            )
            reason = f"no summary for {len(missing)} of {len(references)} clusters ({shown})"
            problems.append(Problem(name, reason, "notice"))
        extra = sum(1 for c in summaries if c not in references)
        if extra:
            reason = f"{extra} summaries of clusters without references were not scored"
            problems.append(Problem(name, reason, "notice"))
        kind = kinds.get(name) or ("human" if name in assessors else "peer")
        means = {m: Score.mean([s[m] for s in per_cluster.values()]) for m in METRICS}
        results.append(SystemResult(name, kind, len(per_cluster), means, per_cluster, missing))
    return results, problems


def _clusters(
    path: str | Path, wanted: Mapping[str, Any], settings: Settings
) -> tuple[list[DocumentSet], list[Problem]]:
    clusters: list[DocumentSet] = []
    problems: list[Problem] = []
    for item in read_document_sets_from([str(path)], settings):
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id in wanted:
            clusters.append(item)
    return clusters, problems


def evaluate(
    references_path: str | Path,
    summaries_path: str | Path | None = None,
    peers_path: str | Path | None = None,
    clusters_path: str | Path | None = None,
    max_words: int | None = 100,
    *,
    settings: Settings | None = None,
    baselines: Sequence[str] = BASELINES,
) -> EvaluationResult:
    """Score the summaries, the peers and (given the clusters) the baselines against references.

    Only clusters present in the references are scored. Summaries without a ``system`` are
    called ``newsprism``; peers without one are named after their file.
    """
    settings = settings or Settings.load()
    references, problems = read_references(references_path, settings)
    systems: dict[str, dict[str, str]] = {}
    kinds: dict[str, str] = {}
    for path, default, kind in (
        (summaries_path, DEFAULT_SYSTEM, "system"),
        (peers_path, Path(peers_path or ".").stem, ""),
    ):
        if path is None:
            continue
        found, trouble = read_summaries(path, default, settings)
        problems += trouble
        for name, summaries in found.items():
            if name in systems:
                problems.append(Problem(str(path), f"system {name} already read; kept the first"))
                continue
            systems[name] = summaries
            if kind:
                kinds[name] = kind
    groups: dict[str, str] = {}
    if clusters_path is not None:
        clusters, trouble = _clusters(clusters_path, references, settings)
        problems += trouble
        groups = {c.id: UPDATE if c.seen_documents else FIRST for c in clusters}
        for kind, summaries in baseline_summaries(clusters, max_words or 100, baselines).items():
            name = BASELINE_NAMES.get(kind, kind)
            systems[name] = summaries
            kinds[name] = "baseline"
    results, trouble = score_systems(references, systems, kinds, max_words)
    return EvaluationResult(max_words, len(references), results, problems + trouble, groups)
