"""Recall and precision of `compare`'s discrepancies on the contradiction bench: short
self-written reports of one event by several outlets (`tests/contradiction_bench.py`).

Usage: python benchmarks/contradiction_bench.py [--verbose] [--only TEXT]

Per kind (when: a day or an hour; number; place): recall over the labelled contradictions,
precision over what is reported. A reported discrepancy is right when its claims overlap
the two labelled stretches and its kind fits; anything else it reports, in a control
(labelled with no contradiction) or beside a labelled one, is a false alarm. Controls are
counted apart: how many stay silent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from compare_real_trace import Tracer
from contradiction_bench import CASES
from contradiction_score import CaseResult, label_span, run_bench, scored_kind
from newsprism.config import Settings


def _table(results: list[CaseResult]) -> list[str]:
    gold: Counter[str] = Counter()
    recalled: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for result in results:
        for label, found in zip(result.expected, result.found, strict=True):
            gold[scored_kind(label[0])] += 1
            recalled[scored_kind(label[0])] += found
            reported[scored_kind(label[0])] += found
            right[scored_kind(label[0])] += found
        for alarm in result.false_alarms:
            reported[scored_kind(alarm.kind)] += 1
    lines = [
        "| kind | labelled | found | recall | reported | right | precision |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in [*sorted(set(gold) | set(reported)), "all"]:
        g = sum(gold.values()) if kind == "all" else gold[kind]
        f = sum(recalled.values()) if kind == "all" else recalled[kind]
        r = sum(reported.values()) if kind == "all" else reported[kind]
        ok = sum(right.values()) if kind == "all" else right[kind]
        recall = f"{f / g:.3f}" if g else "-"
        precision = f"{ok / r:.3f}" if r else "-"
        lines.append(f"| {kind} | {g} | {f} | {recall} | {r} | {ok} | {precision} |")
    return lines


def _loss(result: CaseResult, label: tuple[str, str, str]) -> str:
    """Where the pipeline loses a missed contradiction (`compare_real_trace`)."""
    assert result.comparison is not None
    package = Settings.load(cache=False).embedding_package
    tracer = Tracer.of(result.articles, result.comparison, package)
    spans = [label_span(result.articles, needle, result.group) for needle in label[1:]]
    return tracer.loss(label[0], {article: (start, end) for article, start, end in spans})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="List every error.")
    parser.add_argument("--only", help="Run only the cases whose group holds this text.")
    args = parser.parse_args()
    started = time.perf_counter()
    results = run_bench([c for c in CASES if args.only is None or args.only in c[0]])
    controls = [r for r in results if not r.expected]
    print(f"contradiction bench: {len(results)} cases, {len(controls)} controls")
    print("\n".join(_table(results)))
    silent = sum(not r.false_alarms for r in controls)
    print(f"controls silent: {silent} / {len(controls)}")
    print(f"cases fully right: {sum(r.right for r in results)} / {len(results)}")
    if args.verbose:
        for result in results:
            for label, found in zip(result.expected, result.found, strict=True):
                if not found:
                    print(f"MISS  {result.group}: {label[0]} {label[1]!r} / {label[2]!r}")
                    print(f"      lost at: {_loss(result, label)}")
            for alarm in result.false_alarms:
                claims = " / ".join(repr(c.text) for c in alarm.claims)
                print(f"FALSE {result.group}: {alarm.kind} {claims} ({alarm.description})")
    print(f"({time.perf_counter() - started:.0f} s on a shared machine)")


if __name__ == "__main__":
    main()
