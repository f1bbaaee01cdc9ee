"""Right and wrong "several outlets report" links per path, on a real set's tuning half.

`align.link_grounds` says on which grounds two sentences of two outlets are linked (the
very same words, one count, the two leads, a shared clause, quoted words, one verb of one
happening, one measured value, a paraphrase keeping its participants). Every pair of
sentences of two outlets in a consensus fact `compare` outputs is counted under the grounds
it meets, right or wrong by the judgments of ``compare_real/facts*.json`` (``RULES.md``,
"Facts"); a fact of three sentences gives three pairs. Only the tuning half is read: the
held-out half's errors are never listed.

``python benchmarks/consensus_paths.py CLUSTERS.jsonl [-v]`` (``-v`` lists the wrong pairs).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

from compare_real_facts import _key, read_judgments, sentence_key
from compare_real_set import _compared, compared_event, read_labels
from newsprism.comparison import align
from newsprism.config import Settings
from newsprism.model import Article, Comparison


def _best(a: Article, b: Article, fa: align.Sentences, fb: align.Sentences) -> dict[Any, bool]:
    """The pairs `align.links` weighs, True when each is the other's best match."""
    assert a.embeddings is not None and b.embeddings is not None
    similarity = a.embeddings @ b.embeddings.T
    similarity[[len(c) < align.MIN_CONCEPTS for c in fa.concepts], :] = -1.0
    similarity[:, [len(c) < align.MIN_CONCEPTS for c in fb.concepts]] = -1.0
    return align._best_pairs(similarity)


def event_paths(
    articles: list[Article],
    comparison: Comparison,
    features: list[align.Sentences],
    judgments: dict[Any, bool],
) -> list[tuple[str, bool | None, str]]:
    """(path, judged same or not or unjudged, the pair's excerpts) of every linked pair."""
    where = {a.id: n for n, a in enumerate(articles)}
    found = []
    for fact in comparison.facts:
        if fact.kind != "consensus":
            continue
        for sa, sb in combinations(fact.sentences, 2):
            a, b = where[sa.article], where[sb.article]
            first, second = articles[a], articles[b]
            if (first.source or first.id) == (second.source or second.id):
                continue
            i = next(k for k, s in enumerate(first.sentences) if s.start == sa.start)
            j = next(k for k, s in enumerate(second.sentences) if s.start == sb.start)
            assert first.embeddings is not None and second.embeddings is not None
            cos = max(float(first.embeddings[i] @ second.embeddings[j]), 0.0)
            mutual = _best(first, second, features[a], features[b]).get((i, j), True)
            grounds = align.link_grounds(cos, features[a], i, features[b], j, mutual)
            ka, kb = sentence_key(first, sa), sentence_key(second, sb)
            verdict = judgments.get(frozenset((_key(ka), _key(kb))))
            found.append(
                (
                    " + ".join(sorted(grounds)) or "no ground of its own (complete linkage)",
                    verdict,
                    f"{ka['excerpt']!r} / {kb['excerpt']!r}",
                )
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description="Consensus links right and wrong per path.")
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="List the wrong pairs.")
    args = parser.parse_args()
    labelled: dict[str, list[dict[str, Any]]] = {}
    for event in read_labels().values():
        if event["split"] == "tune":
            labelled.setdefault(event.get("cluster", event["event"]), []).append(event)
    judgments = read_judgments()
    settings = Settings.load()
    recorded: list[align.Sentences] = []
    features_of = align.sentence_features

    def recording(*args: Any, **kwargs: Any) -> align.Sentences:
        recorded.append(features_of(*args, **kwargs))
        return recorded[-1]

    align.sentence_features = recording  # type: ignore[assignment]
    tally: Counter[tuple[str, bool | None]] = Counter()
    wrong: list[str] = []
    with args.clusters.open(encoding="utf-8") as lines:
        for line in lines:
            cluster = json.loads(line) if line.strip() else None
            for event in labelled.get(cluster["id"], []) if cluster else []:
                recorded.clear()
                articles, comparison = compared_event(_compared(cluster, event), settings)
                for path, verdict, shown in event_paths(articles, comparison, recorded, judgments):
                    tally[(path, verdict)] += 1
                    if verdict is False:
                        wrong.append(f"  [{event['event'][:8]}] {path}: {shown}")
    paths = sorted({p for p, _ in tally}, key=lambda p: -tally[(p, False)] - tally[(p, True)])
    print(f"{'path (grounds met), tuning half':<60} {'right':>5} {'wrong':>5} {'unj.':>5}     P")
    for path in paths:
        right, bad, unjudged = tally[(path, True)], tally[(path, False)], tally[(path, None)]
        share = f"{right / (right + bad):.3f}" if right + bad else "-"
        print(f"{path:<60} {right:>5} {bad:>5} {unjudged:>5} {share:>6}")
    if args.verbose:
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
