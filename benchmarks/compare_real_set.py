"""Scoring `compare` on real coverage: several outlets' own reports of one event.

The labels (``compare_real/labels*.json``, rules in ``compare_real/RULES.md``) give every
real contradiction between outlets, the differences that are not contradictions (vaguer
values, updates, unclear cases) and, for one report per event (every report, in the
AllSides speaker set), every quotation with its speaker. An event labelled in two files
keeps the labels of both. Offsets are into the cluster file's text; they are mapped onto
the clean text through the article's alignment (cleaning straightens curly marks). An event
is a whole cluster, or the few reports of a larger cluster that its ``documents`` name (the
newswire pairs of ``labels_duc.json``).

- Discrepancies: a reported discrepancy is right when it has a claim in the sentence of each
  side of a labelled contradiction (the paragraph, for attributions) and its kind is one
  the label's kind accepts; one that meets a labelled difference in the same way is left
  out (neither right nor wrong); every other one is a false alarm. Recall: labelled
  contradictions met by some reported discrepancy.
- Quote speakers: an extracted quotation that overlaps labelled stretches and has a speaker
  is right when every labelled stretch it overlaps is a quote of that person (a title or a
  scare-quoted word has no speaker, so crediting one is wrong; so is crediting a quotation
  whose speaker an excerpt cuts off). Recall: labelled quotes with a speaker whose stretch
  got the right one; ``-v`` lists the tuning half's wrong speakers and the quotes credited
  to no one.
- Shown quotes: every occurrence's text must be the article's words at its span, and the
  quote's text the words of one of its occurrences (cuts marked with "…").
- Facts (``compare_real_facts.py``): consensus precision over the facts whose pairs of
  sentences are judged by hand (``compare_real/facts.json``), the number still unjudged; a
  fact only one outlet reports must be a whole statement (a span without a verb or with
  fewer than four words is counted as a fragment).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare_quality import ACCEPTED, same_person
from compare_real_facts import FactScore, read_judgments, score_facts
from compare_real_trace import Tracer, tally
from newsprism.comparison.pipeline import compare
from newsprism.comparison.quotes.extract import traced_quotes
from newsprism.config import Settings
from newsprism.ingest.clean import normalize_paragraph
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Comparison, Discrepancy, RawArticle
from newsprism.nlp.annotation import annotate
from newsprism.nlp.entities import EntityIndex
from speaker_paths import path_of, print_paths

LABELS = Path(__file__).with_name("compare_real")


def read_labels(folder: Path = LABELS) -> dict[str, dict[str, Any]]:
    """Every labelled event by id, from all label files in ``folder``."""
    events: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("labels*.json")):
        for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
            known = events.setdefault(event["event"], {})
            if known.get("split", event["split"]) != event["split"]:
                raise SystemExit(f"{path.name}: {event['event']} is in two splits")
            # One event labelled in two files (speakers in one, contradictions in the
            # other) keeps the lists of both.
            for key, value in event.items():
                known[key] = known.get(key, []) + value if isinstance(value, list) else value
    return events


def clean_span(article: Article, start: int, end: int, excerpt: str) -> tuple[int, int] | None:
    """The clean-text span of an original-text span: through the alignment, else where the
    excerpt stands nearest to it."""
    mapped = [
        seg.clean + offset - seg.original
        for offset in (start, end - 1)
        for seg in article.alignment
        if seg.original <= offset < seg.original + seg.length
    ]
    # Cleaning straightens curly quotes and apostrophes and turns odd spaces into plain ones.
    excerpt = normalize_paragraph(excerpt)
    if len(mapped) == 2 and article.text[mapped[0] : mapped[1] + 1] == excerpt:
        return mapped[0], mapped[1] + 1
    found = [i for i in _all(article.text, excerpt)]
    if not found:
        return None
    guess = mapped[0] if mapped else start
    best = min(found, key=lambda i: abs(i - guess))
    return best, best + len(excerpt)


def _all(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _widen(article: Article, span: tuple[int, int], kind: str) -> tuple[int, int]:
    units = article.paragraphs if kind == "attribution" else article.sentences
    covering = [u for u in units if u.start < span[1] and span[0] < u.end]
    if not covering:
        return span
    return min(u.start for u in covering), max(u.end for u in covering)


@dataclass
class Gold:
    kind: str
    sides: dict[str, tuple[int, int]]  # article id -> widened clean span
    claims: dict[str, tuple[int, int]]  # article id -> the labelled claim's clean span
    label: str
    note: str


@dataclass
class EventResult:
    event: str
    split: str
    facts_only: bool = False  # a set that labels facts only (no contradictions, no quotes)
    speakers: bool = False  # its quotations' speakers are labelled (in a file of their own)
    gold: list[Gold] = field(default_factory=list)
    right: list[Discrepancy] = field(default_factory=list)
    neutral: list[Discrepancy] = field(default_factory=list)
    wrong: list[Discrepancy] = field(default_factory=list)
    missed: list[Gold] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)  # where each missed one is lost
    quotes_gold: int = 0
    quotes_recalled: int = 0
    attributed: int = 0
    attributed_right: int = 0
    # (how the speaker was found, right or not) of every attributed quotation
    paths: Counter[tuple[str, bool]] = field(default_factory=Counter)
    quote_errors: list[str] = field(default_factory=list)
    shown_quotes: int = 0
    shown_not_in_article: list[str] = field(default_factory=list)
    facts: FactScore = field(default_factory=FactScore)
    # Differences in precision shown (never contradictions): on a labelled difference or not.
    differences: list[Discrepancy] = field(default_factory=list)
    labelled_differences: int = 0


def _gold(item: dict[str, Any], articles: dict[str, Article], kind: str) -> Gold | None:
    sides, claims = {}, {}
    for side in ("a", "b"):
        claim = item[side]
        article = articles.get(claim["doc"])
        if article is None:
            return None
        span = clean_span(article, claim["start"], claim["end"], claim["excerpt"])
        if span is None:
            return None
        sides[article.id] = _widen(article, span, kind)
        claims[article.id] = span
    label = f"{item['a']['excerpt']!r} / {item['b']['excerpt']!r}"
    return Gold(kind, sides, claims, label, item.get("note", ""))


def _meets(found: Discrepancy, gold: Gold, any_kind: bool = False) -> bool:
    if not any_kind and found.kind not in ACCEPTED.get(gold.kind, set()):
        return False
    met = set()
    for claim in found.claims:
        span = gold.sides.get(claim.article)
        if span is not None and claim.start < span[1] and span[0] < claim.end:
            met.add(claim.article)
    return len(met) == 2


def compared_event(cluster: dict[str, Any], settings: Settings) -> tuple[list[Article], Comparison]:
    """The cluster's reports, prepared and annotated, and their comparison."""
    prepared = []
    for document in cluster["documents"]:
        raw = RawArticle(
            origin=document["id"],
            input_id=document["id"],
            source=document.get("source"),
            title=document.get("title"),
            published=document.get("published"),
            text=document["text"],
        )
        prepared.append(prepare(raw, settings))
    articles = annotate(prepared, settings)
    return articles, compare(articles, settings)


def score_event(
    cluster: dict[str, Any],
    labels: dict[str, Any],
    settings: Settings,
    judgments: dict[Any, bool] | None = None,
) -> EventResult:
    articles, comparison = compared_event(cluster, settings)
    annotated = {a.input_id: a for a in articles}
    by_id = {a.id: a for a in articles}
    result = EventResult(cluster["id"], labels["split"], labels.get("only") == "facts")

    result.gold = [
        g
        for item in labels.get("contradictions", [])
        if (g := _gold(item, annotated, item["kind"])) is not None
    ]
    differences = [
        g
        for item in labels.get("differences", [])
        if (g := _gold(item, annotated, item["kind"])) is not None
    ]
    for found in comparison.discrepancies:
        if any(_meets(found, g) for g in result.gold):
            result.right.append(found)
        elif any(_meets(found, g, any_kind=True) for g in differences):
            result.neutral.append(found)
        else:
            result.wrong.append(found)
    result.missed = [
        g for g in result.gold if not any(_meets(d, g) for d in comparison.discrepancies)
    ]
    if result.missed:
        tracer = Tracer.of(articles, comparison, settings.embedding_package)
        result.lost = [tracer.loss(g.kind, g.claims) for g in result.missed]

    result.differences = comparison.differences
    result.labelled_differences = sum(
        any(_meets(found, g, any_kind=True) for g in [*differences, *result.gold])
        for found in comparison.differences
    )
    _score_quotes(result, comparison, labels, annotated)
    result.facts = score_facts(
        comparison, by_id, judgments or {}, cluster["id"], labels["split"], result.facts_only
    )
    return result


def _score_quotes(
    result: EventResult,
    comparison: Comparison,
    labels: dict[str, Any],
    annotated: dict[str | None, Article],
) -> None:
    texts = {a.id: a.text for a in annotated.values()}
    for quote in comparison.quotes:
        for occurrence in quote.occurrences:
            result.shown_quotes += 1
            where = texts.get(occurrence.article, "")[occurrence.start : occurrence.end]
            if not _shown_in(occurrence.text or "", where):
                result.shown_not_in_article.append(repr((occurrence.text or "")[:70]))
        if not any(_shown_in(quote.text, texts.get(o.article, "")) for o in quote.occurrences):
            result.shown_not_in_article.append(f"{quote.text[:70]!r} (quote)")
    result.speakers = bool(labels.get("quotes"))
    index = EntityIndex(comparison.entities)
    recalled: set[int] = set()
    for doc in dict.fromkeys(item["doc"] for item in labels.get("quotes", [])):
        article = annotated.get(doc)
        if article is not None:
            items = [item for item in labels["quotes"] if item["doc"] == doc]
            _score_speakers(result, comparison, index, article, items, recalled)
    result.quotes_recalled = len(recalled)


def _score_speakers(
    result: EventResult,
    comparison: Comparison,
    index: EntityIndex,
    article: Article,
    items: list[dict[str, Any]],
    recalled: set[int],
) -> None:
    """The speakers one report's quotations got, against that report's labels."""
    gold = []
    for item in items:
        span = clean_span(
            article, item["start"], item["end"], article.original[item["start"] : item["end"]]
        )
        if span is not None:
            gold.append((span, item))
    mine = [o for q in comparison.quotes for o in q.occurrences if o.article == article.id]
    traced = {(o.start, o.end): path_of(article, a) for o, a in traced_quotes(article)}
    credited: set[int] = set()
    result.quotes_gold += sum(1 for _, g in gold if g["kind"] == "quote" and g["speaker"])
    for occurrence in mine:
        covered = [(s, g) for s, g in gold if s[0] < occurrence.end and occurrence.start < s[1]]
        if not covered or not occurrence.speaker_text:
            continue
        entity = index.find(occurrence.speaker_text)
        predicted = entity.name if entity is not None else occurrence.speaker_text
        verdicts = [
            g["kind"] == "quote"
            and g["speaker"] is not None
            and same_person(g["speaker"], predicted)
            for _, g in covered
        ]
        result.attributed += 1
        path = traced.get((occurrence.start, occurrence.end), "none")
        result.paths[(path, all(verdicts))] += 1
        if all(verdicts):
            result.attributed_right += 1
        else:
            wanted = ", ".join(
                repr(g["speaker"] if g["kind"] == "quote" else None) for _, g in covered
            )
            result.quote_errors.append(
                f"{covered[0][1]['opens']!r}… by {wanted}: credited to {predicted!r} ({path})"
            )
        for (_, g), ok in zip(covered, verdicts, strict=True):
            if ok:
                recalled.add(id(g))
        credited.update(id(g) for _, g in covered)
    for _, g in gold:
        if g["kind"] == "quote" and g["speaker"] and id(g) not in credited:
            result.quote_errors.append(f"{g['opens']!r}… by {g['speaker']!r}: credited to no one")


def _shown_in(shown: str, text: str) -> bool:
    """Whether every piece of a shown quotation, between cut marks, is the article's words,
    in order."""
    at = 0
    for piece in re.split(r"…|\.\.\.", shown):
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 1.0


def describe(found: Discrepancy) -> str:
    return f"{found.kind}: " + " / ".join(f"{c.text!r} ({c.value})" for c in found.claims)


def _share(part: float, whole: float) -> str:
    """A ratio over labels, or a dash where nothing was labelled to measure it on."""
    return f"{part / whole:>6.3f}" if whole else f"{'-':>6}"


def _print_labelled(results: list[EventResult], discrepancies: bool = True) -> None:
    """Discrepancies (unless the set labels none), speakers, exclusive facts and shown
    quotes, per split."""
    print(
        f"{'split':<8} {'events':>6} {'gold':>5} {'rep':>5} {'right':>5} {'diff':>5} "
        f"{'wrong':>5} {'P':>6} {'R':>6}  {'quotes':>6} {'spk P':>6} {'spk R':>6} "
        f"{'excl':>5} {'frag':>5} {'bad q':>5}"
    )
    for split in ("heldout", "tune", "all"):
        chosen = [r for r in results if split in {"all", r.split}]
        gold = sum(len(r.gold) for r in chosen)
        right = sum(len(r.right) for r in chosen)
        wrong = sum(len(r.wrong) for r in chosen)
        neutral = sum(len(r.neutral) for r in chosen)
        recalled = gold - sum(len(r.missed) for r in chosen)
        attributed = sum(r.attributed for r in chosen)
        found = (
            f"{gold:>5} {right + wrong + neutral:>5} {right:>5} {neutral:>5} {wrong:>5} "
            f"{_ratio(right, right + wrong):>6.3f} {_ratio(recalled, gold):>6.3f}"
            if discrepancies
            else " ".join(f"{'-':>{w}}" for w in (5, 5, 5, 5, 5, 6, 6))
        )
        quotes = sum(r.quotes_gold for r in chosen)
        print(
            f"{split:<8} {len(chosen):>6} {found}  {quotes:>6} "
            f"{_share(sum(r.attributed_right for r in chosen), attributed)} "
            f"{_share(sum(r.quotes_recalled for r in chosen), quotes)} "
            f"{sum(r.facts.exclusive for r in chosen):>5} "
            f"{sum(len(r.facts.fragments) for r in chosen):>5} "
            f"{sum(len(r.shown_not_in_article) for r in chosen):>5}"
        )


def print_table(results: list[EventResult], verbose: bool) -> None:
    facts_only = all(r.facts_only for r in results)
    if not facts_only:
        _print_labelled(results)
    print(
        f"\n{'split':<8} {'consensus':>9} {'judged':>6} {'right':>5} {'wrong':>5} {'P':>6} "
        f"{'unjudged':>8}"
        + (f" {'excl':>5} {'frag':>5} {'same':>5} {'apart':>5} {'R':>6}" if facts_only else "")
    )
    for split in ("heldout", "tune", "all"):
        chosen = [r.facts for r in results if split in {"all", r.split}]
        right = sum(f.right for f in chosen)
        wrong = sum(len(f.wrong) for f in chosen)
        extra = ""
        if facts_only:
            # Recall over judged candidates: the tuning half's only (RULES.md).
            same = sum(f.linked_same for f in chosen)
            apart = sum(len(f.apart_same) for f in chosen)
            extra = (
                f" {sum(f.exclusive for f in chosen):>5} "
                f"{sum(len(f.fragments) for f in chosen):>5} {same:>5} {apart:>5} "
                + (f"{_ratio(same, same + apart):>6.3f}" if split == "tune" else f"{'-':>6}")
            )
        print(
            f"{split:<8} {sum(f.consensus for f in chosen):>9} {right + wrong:>6} {right:>5} "
            f"{wrong:>5} {_share(right, right + wrong)} "
            f"{sum(f.unjudged_facts for f in chosen):>8}" + extra
        )
    if facts_only:
        # The events whose speakers another file labels (the AllSides speaker set).
        spoken = [r for r in results if r.speakers]
        if spoken:
            print()
            _print_labelled(spoken, discrepancies=False)
        if verbose:
            _print_tuning_errors(results)
        return
    kinds: Counter[tuple[str, str]] = Counter()
    for r in results:
        for name, found in (("right", r.right), ("diff", r.neutral), ("wrong", r.wrong)):
            for d in found:
                kinds[(d.kind, name)] += 1
    print(
        "by kind: "
        + ", ".join(
            f"{k} {kinds[(k, 'right')]}/{kinds[(k, 'diff')]}/{kinds[(k, 'wrong')]}"
            for k in sorted({k for k, _ in kinds})
        )
        + "  (right/difference/wrong)"
    )
    for split in ("heldout", "tune"):
        stages = tally([loss for r in results if r.split == split for loss in r.lost])
        if stages:
            print(f"missed, {split}, lost at: " + ", ".join(f"{k} {n}" for k, n in stages.items()))
    shown = sum(len(r.differences) for r in results)
    labelled = sum(r.labelled_differences for r in results)
    print(f"differences in precision shown apart: {shown} ({labelled} on a labelled difference)")
    if verbose:
        _print_tuning_errors(results)


def _print_tuning_errors(results: list[EventResult]) -> None:
    """Every error of the tuning half; held-out errors are not read while the code changes."""
    paths = sum((r.paths for r in results if r.split == "tune"), Counter[tuple[str, bool]]())
    if paths:
        print_paths("tuning half", paths)
    for r in results:
        if r.split != "tune":
            continue
        for d in r.wrong:
            print(f"  [{r.event[:8]}] FP  {describe(d)}")
        for g, loss in zip(r.missed, r.lost, strict=True):
            print(f"  [{r.event[:8]}] FN  {g.kind}: {g.label} — lost: {loss}")
        for e in r.quote_errors:
            print(f"  [{r.event[:8]}] Q   {e}")
        for e in r.shown_not_in_article:
            print(f"  [{r.event[:8]}] SHOWN {e}")
        for e in r.facts.fragments:
            print(f"  [{r.event[:8]}] FRAG {e!r}")
        for e in r.facts.wrong:
            print(f"  [{r.event[:8]}] FACT {e}")
        for e in r.facts.apart_same:
            print(f"  [{r.event[:8]}] APART {e}")
        for d in r.differences:
            print(f"  [{r.event[:8]}] VAGUER {describe(d)}")


def _compared(cluster: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The reports a labelled event compares: the whole cluster, or the ``documents`` it names
    (a pair taken from a topic of many reports), under the event's own id."""
    wanted = event.get("documents")
    if not wanted:
        return cluster
    documents = [d for d in cluster["documents"] if d["id"] in wanted]
    if len(documents) != len(wanted):
        raise SystemExit(f"{event['event']}: not every labelled document is in {cluster['id']}")
    return {**cluster, "id": event["event"], "documents": documents}


def run(clusters: Path, verbose: bool, split: str | None = None) -> list[EventResult]:
    labelled: dict[str, list[dict[str, Any]]] = {}
    for event in read_labels().values():
        labelled.setdefault(event.get("cluster", event["event"]), []).append(event)
    judgments = read_judgments()
    settings = Settings.load()
    results = []
    with clusters.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            cluster = json.loads(line)
            for event in labelled.get(cluster["id"], []):
                if split and event["split"] != split:
                    continue
                results.append(score_event(_compared(cluster, event), event, settings, judgments))
    print_table(results, verbose)
    return results
