"""Scoring the facts of `compare` on real coverage ("several outlets report" / "only one does").

Consensus facts are judged by hand (rules in ``compare_real/RULES.md``, section "Facts"), pair
by pair: ``compare_real/facts.json`` says, for two sentences of different outlets, whether they
state the same thing about the same happening. A consensus fact is right when every pair of its
sentences from different outlets is judged the same, wrong when one pair is judged different,
and unjudged otherwise (it is left out of precision and counted, so new output gets judged).
Sentences are keyed by document id and their offsets in the cluster file's text, with a short
excerpt to read them by; no article text is stored.

Exclusive facts must be whole statements: a span without a verb or with fewer than four words
is counted as a fragment.

Recall (``RULES.md``, "A second consensus set"): beside the pairs a consensus fact links, the
pairs of sentences of two outlets that are each other's most similar (cosine at least
``CANDIDATE``) and that no consensus fact links are judged too; the judged-same ones among
them are statements several outlets make that `compare` lists as one outlet's.

Run ``python compare_real_facts.py CLUSTERS.jsonl --dump unjudged.json`` to write the pairs no
judgment covers yet (with their full sentences, for the judge to read; keep that file out of
the repository).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from newsprism.model import Article, Comparison, Span

JUDGED = Path(__file__).with_name("compare_real")
EXCERPT = 40
# The cosine from which two outlets' mutually most similar sentences are recall candidates.
CANDIDATE = 0.5

Key = tuple[str, int, int]  # document id, start and end in the cluster file's text


@dataclass
class FactScore:
    consensus: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    unjudged: list[dict[str, Any]] = field(default_factory=list)  # pairs no judgment covers
    unjudged_facts: int = 0
    exclusive: int = 0
    fragments: list[str] = field(default_factory=list)
    linked_same: int = 0  # pairs a consensus fact links, judged the same statement
    apart_same: list[str] = field(default_factory=list)  # candidates judged same, not linked


def original_span(article: Article, start: int, end: int) -> tuple[int, int]:
    """The cluster file's offsets of a clean-text span, through the article's alignment."""

    def back(offset: int) -> int | None:
        for seg in article.alignment:
            if seg.clean <= offset < seg.clean + seg.length:
                return seg.original + offset - seg.clean
        return None

    first, last = back(start), back(end - 1)
    return (first if first is not None else start, last + 1 if last is not None else end)


def sentence_key(article: Article, span: Span) -> dict[str, Any]:
    start, end = original_span(article, span.start, span.end)
    excerpt = " ".join(article.original[start:end].split())
    return {
        "doc": article.input_id,
        "start": start,
        "end": end,
        "excerpt": excerpt[:EXCERPT] + ("…" if len(excerpt) > EXCERPT else ""),
    }


def _key(side: dict[str, Any]) -> Key:
    return (side["doc"], side["start"], side["end"])


def read_judgments(folder: Path = JUDGED) -> dict[frozenset[Key], bool]:
    """Each judged pair of sentences, from every ``facts*.json`` in ``folder``: True when
    they state the same thing."""
    pairs = [
        pair
        for path in sorted(folder.glob("facts*.json"))
        for pair in json.loads(path.read_text(encoding="utf-8"))["pairs"]
    ]
    return {frozenset((_key(p["a"]), _key(p["b"]))): p["same"] for p in pairs}


def _has_verb(article: Article, start: int, end: int) -> bool:
    span = article.doc.char_span(start, end, alignment_mode="expand") if article.doc else None
    return span is None or any(t.pos_ in {"VERB", "AUX"} for t in span)


def score_facts(
    comparison: Comparison,
    articles: dict[str, Article],
    judgments: dict[frozenset[Key], bool],
    event: str,
    split: str,
    recall: bool = False,
) -> FactScore:
    """Consensus precision over judged facts, and the fragments among exclusive facts; with
    ``recall``, the same-statement candidates no consensus fact links."""
    score = FactScore()
    for fact in comparison.facts:
        if fact.kind == "exclusive":
            score.exclusive += 1
            for sentence in fact.sentences:
                article = articles[sentence.article]
                words = article.text[sentence.start : sentence.end].split()
                if len(words) < 4 or not _has_verb(article, sentence.start, sentence.end):
                    score.fragments.append(" ".join(words)[:80])
            continue
        score.consensus += 1
        sides = [(articles[s.article], s) for s in fact.sentences]
        verdicts: list[bool | None] = []
        shown = []
        for (a, sa), (b, sb) in combinations(sides, 2):
            if (a.source or a.id) == (b.source or b.id):
                continue
            ka, kb = sentence_key(a, sa), sentence_key(b, sb)
            verdict = judgments.get(frozenset((_key(ka), _key(kb))))
            verdicts.append(verdict)
            if verdict is None:
                score.unjudged.append(_pending(event, split, (a, sa, ka), (b, sb, kb)))
            elif verdict is False:
                shown.append(f"{ka['excerpt']!r} / {kb['excerpt']!r}")
            else:
                score.linked_same += 1
        if any(v is False for v in verdicts):
            score.wrong.extend(shown[:1])
        elif any(v is None for v in verdicts):
            score.unjudged_facts += 1
        else:
            score.right += 1
    if recall:
        _apart(score, comparison, articles, judgments, event, split)
    return score


def _pending(
    event: str, split: str, *sides: tuple[Article, Span, dict[str, Any]]
) -> dict[str, Any]:
    """A pair to judge, with its full sentences (for the judge; never stored)."""
    record: dict[str, Any] = {"event": event, "split": split}
    for name, (article, span, key) in zip("ab", sides, strict=True):
        record[name] = key | {"source": article.source, "text": span.text}
    return record


def _apart(
    score: FactScore,
    comparison: Comparison,
    articles: dict[str, Article],
    judgments: dict[frozenset[Key], bool],
    event: str,
    split: str,
) -> None:
    """The recall candidates no consensus fact links: two outlets' sentences that are each
    other's most similar at cosine ``CANDIDATE`` or more. Same-statement ones are counted;
    unjudged ones of the tuning half are queued for judging."""
    together = {
        frozenset(((s.article, s.start), (t.article, t.start)))
        for fact in comparison.facts
        if fact.kind == "consensus"
        for s, t in combinations(fact.sentences, 2)
    }
    for a, b in combinations(articles.values(), 2):
        if (a.source or a.id) == (b.source or b.id) or a.embeddings is None or b.embeddings is None:
            continue
        if not len(a.embeddings) or not len(b.embeddings):
            continue
        similarity = a.embeddings @ b.embeddings.T
        for i, row in enumerate(similarity):
            j = int(row.argmax())
            if int(similarity[:, j].argmax()) != i or row[j] < CANDIDATE:
                continue
            sa, sb = a.sentences[i], b.sentences[j]
            if frozenset(((a.id, sa.start), (b.id, sb.start))) in together:
                continue
            spans = a.span(sa.start, sa.end), b.span(sb.start, sb.end)
            ka, kb = sentence_key(a, spans[0]), sentence_key(b, spans[1])
            verdict = judgments.get(frozenset((_key(ka), _key(kb))))
            if verdict:
                score.apart_same.append(f"{ka['excerpt']!r} / {kb['excerpt']!r}")
            elif verdict is None and split == "tune":
                score.unjudged.append(
                    _pending(event, split, (a, spans[0], ka), (b, spans[1], kb)) | {"apart": True}
                )


def main() -> None:
    from compare_real_set import run

    parser = argparse.ArgumentParser(description="Write the consensus pairs not judged yet.")
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--dump", type=Path, required=True)
    parser.add_argument("--split", choices=["tune", "heldout"])
    args = parser.parse_args()
    results = run(args.clusters, False, args.split)
    pending = [p for r in results for p in r.facts.unjudged]
    unique = {frozenset((_key(p["a"]), _key(p["b"]))): p for p in pending}
    args.dump.write_text(json.dumps(list(unique.values()), indent=1, ensure_ascii=False))
    print(f"{len(unique)} unjudged pairs written to {args.dump}")


if __name__ == "__main__":
    main()
