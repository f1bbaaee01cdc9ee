"""Quality of `compare`: discrepancies and quote attribution on edited pairs of real reports.

Usage: python benchmarks/compare_quality.py [CLUSTERS.jsonl] [--pairs PAIRS.json]
       [--real REAL.jsonl [--split tune|heldout]] [--verbose]

Each pair is one real news report (outlet A, read by document id from a cluster JSONL
file) and a copy of it with known edits (outlet B). The edits are listed in
``compare_pairs.json``, next to this script: ``find`` → ``replace`` on the clean text of
A, a paragraph dropped (``drop``) or moved (``move`` … ``before``), each with its kind and
whether it makes the two reports contradict each other (``conflict``). Since the two
reports are otherwise the same, every conflict is a discrepancy `compare` should report,
and anything else it reports is wrong.

``compare_pairs_heldout.json`` (``--pairs``) holds more pairs of the same kind, from DUC
topics and documents ``compare_pairs.json`` does not use. The code was tuned on the
first file only, so the held-out file is the estimate of how it does on new reports.

Scoring:

- Discrepancies. The gold span of an edit is the stretch its replacement changed (in B)
  and replaced (in A), widened to whole words. A reported discrepancy is a true positive
  when it matches a gold conflict: one of its claims overlaps the edit's span in its
  article and its kind is one the edit's kind accepts (a date edit may be reported as a
  date or a time; a speaker swap as an attribution, which claims the quote, not the
  name, so there a claim in the edited paragraph counts). Every other reported
  discrepancy is a false positive. A gold conflict is recalled when some reported
  discrepancy matches it.
- Quote attribution. Gold quotes are labelled by hand, by their opening words and the
  speaker's name (a swap edit gives the copy's speaker in ``speaker_b``), and scored in
  both articles. An extracted occurrence matches a gold quote when its span holds the
  quote's opening words. Its speaker is the story's canonical entity for the name the
  article gives (as written when no entity fits). Precision: correctly attributed
  occurrences / occurrences that match a gold quote and have a speaker. Recall:
  correctly attributed gold quotes / gold quotes. Names refer to one person when one's
  last word is a word of the other (surnames; titles and case ignored).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.comparison.pipeline import compare
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, Comparison, Discrepancy, RawArticle
from newsprism.nlp.entities import EntityIndex, strip_title

# A quotation mark as news copy types it: straight, or wire copy's ASCII pairs.
_ANY_MARK = "(?:\"|``|'')"

PAIRS = Path(__file__).with_name("compare_pairs.json")
# Which reported kinds answer an edit of each kind.
ACCEPTED = {
    "number": {"number"},
    "date": {"date", "time"},
    "time": {"time", "date"},
    "attribution": {"attribution"},
    "polarity": {"polarity"},
    "participant": {"participant"},
    "place": {"place"},
}


@dataclass
class Edit:
    kind: str
    conflict: bool
    a_span: tuple[int, int] | None  # in A's text; None for structural edits
    b_span: tuple[int, int] | None
    label: str


@dataclass
class PairResult:
    name: str
    document: str
    edits: list[Edit]
    tp: int = 0
    fp: list[Discrepancy] = field(default_factory=list)
    missed: list[Edit] = field(default_factory=list)
    gold_quotes: int = 0
    attributed: int = 0
    correct_attributed: int = 0
    recalled_quotes: int = 0
    quote_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def read_documents(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """The documents with the wanted ids, from a cluster JSONL file."""
    found: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            for document in json.loads(line).get("documents", []):
                if document.get("id") in wanted:
                    found[document["id"]] = document
    return found


def _typed(text: str, needle: str) -> list[re.Match[str]]:
    """Where ``needle`` stands in ``text``. The spec types quotation marks straight; wire
    copy types them in ASCII, ``so'' or ''so'', and clean text keeps them as written."""
    pattern = "".join(_ANY_MARK if ch == '"' else re.escape(ch) for ch in needle)
    return list(re.finditer(pattern, text))


def _unique(text: str, needle: str, where: str) -> tuple[int, str]:
    """The one place ``needle`` stands in ``text``, and the text there."""
    found = _typed(text, needle)
    if len(found) != 1:
        state = "not found" if not found else "found more than once"
        raise SystemExit(f"{where}: {needle!r} {state}")
    return found[0].start(), found[0].group()


def _retyped(replacement: str, written: str) -> str:
    """The replacement with the quotation marks typed as the text it replaces types them."""
    marks = iter(re.findall(_ANY_MARK, written))
    return re.sub('"', lambda _: next(marks, '"'), replacement)


def _paragraph(text: str, opening: str, where: str) -> tuple[int, int]:
    """The paragraph (with the blank line after it, if any) that opens with ``opening``."""
    start, _ = _unique(text, opening, where)
    if start and text[start - 2 : start] != "\n\n":
        raise SystemExit(f"{where}: {opening!r} does not open a paragraph")
    end = text.find("\n\n", start)
    if end < 0:  # the last paragraph takes the blank line before it
        return max(0, start - 2), len(text)
    return start, end + 2


def _words_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole words; an empty one takes in the word before it."""
    if start == end:
        start = max(0, start - 1)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _changed(old: str, new: str) -> tuple[int, int, int, int]:
    """The differing stretch of two strings: (start, old end, start, new end)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, prefix, len(new) - suffix


def apply_edits(text: str, edits: list[dict[str, Any]], where: str) -> tuple[str, list[Edit]]:
    """The edited copy of ``text`` and each edit's gold spans; paragraph edits go first."""
    result: list[Edit] = []
    copy = text
    for edit in edits:
        if "drop" in edit:
            start, end = _paragraph(copy, edit["drop"], where)
            copy = copy[:start] + copy[end:]
        elif "move" in edit:
            start, end = _paragraph(copy, edit["move"], where)
            moved = copy[start:end]
            copy = copy[:start] + copy[end:]
            if not moved.endswith("\n\n"):
                moved = moved.lstrip("\n") + "\n\n"
            target, _ = _paragraph(copy, edit["before"], where)
            copy = copy[:target] + moved + copy[target:]
        else:
            continue
        result.append(Edit(edit["kind"], bool(edit.get("conflict")), None, None, str(edit)))
    replacements = [e for e in edits if "find" in e]
    placed = []
    for edit in replacements:
        a_at, _ = _unique(text, edit["find"], where)
        b_at, written = _unique(copy, edit["find"], f"{where} (copy)")
        placed.append((b_at, a_at, written, edit))
    shift_points: list[tuple[int, int]] = []
    for b_at, a_at, find, edit in sorted(placed, key=lambda p: p[0]):
        replace = _retyped(edit["replace"], find)
        b_at += sum(delta for point, delta in shift_points if point <= b_at)
        copy = copy[:b_at] + replace + copy[b_at + len(find) :]
        shift_points.append((b_at, len(replace) - len(find)))
        a0, a1, b0, b1 = _changed(find, replace)
        a_span = _words_around(text, a_at + a0, a_at + a1)
        result.append(
            Edit(
                edit["kind"],
                bool(edit.get("conflict")),
                a_span,
                (b_at + b0, b_at + b1),
                f"{find!r} → {replace!r}",
            )
        )
    # Widen B spans only now that every replacement is in place.
    for item in result:
        if item.b_span is not None:
            item.b_span = _words_around(copy, *item.b_span)
    return copy, result


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _paragraph_of(article: Article, span: tuple[int, int]) -> tuple[int, int]:
    for paragraph in article.paragraphs:
        if paragraph.start <= span[0] < paragraph.end:
            return paragraph.start, paragraph.end
    return span


def _matches(found: Discrepancy, edit: Edit, a: Article, b: Article) -> bool:
    if found.kind not in ACCEPTED.get(edit.kind, set()):
        return False
    for claim in found.claims:
        article, span = (a, edit.a_span) if claim.article == a.id else (b, edit.b_span)
        if span is None:
            continue
        if found.kind == "attribution":
            span = _paragraph_of(article, span)
        if _overlaps((claim.start, claim.end), span):
            return True
    return False


_WORD = re.compile(r"[\w'-]+")


def _name_words(name: str) -> list[str]:
    name = name.replace("\u2019", "'")  # a curly apostrophe is the same letter as a straight one
    return [w.casefold().removesuffix("'s") for w in _WORD.findall(strip_title(name))]


def same_person(gold: str | list[str], predicted: str | None) -> bool:
    """Whether two names may refer to one speaker: one's last word is a word of the other.

    ``gold`` may list several descriptions of one unnamed speaker."""
    if not predicted:
        return False
    if isinstance(gold, list):
        return any(same_person(name, predicted) for name in gold)
    g, p = _name_words(gold), _name_words(predicted)
    return bool(g and p) and (g[-1] in p or p[-1] in g)


def _gold_quotes(
    article: Article, quotes: list[dict[str, Any]], edited: bool
) -> Iterator[tuple[int, str, str]]:
    """(position of the opening words, speaker, label) of each gold quote in the article."""
    for quote in quotes:
        opening = quote["opens"]
        found = _typed(article.text, opening)
        if not found:
            continue  # dropped from the copy
        at = found[0].start()
        speaker = quote.get("speaker_b", quote["speaker"]) if edited else quote["speaker"]
        yield at, speaker, opening


def score_pair(spec: dict[str, Any], document: dict[str, Any], settings: Settings) -> PairResult:
    where = f"{spec['name']} ({spec['document']})"
    raw_a = RawArticle(
        origin=spec["document"],
        source=document.get("source") or "A",
        title=document.get("title"),
        published=document.get("published"),
        text=document["text"],
    )
    a = prepare(raw_a, settings)
    text_b, edits = apply_edits(a.text, spec.get("edits", []), where)
    raw_b = raw_a.model_copy(
        update={
            "origin": f"{spec['document']}+edits",
            "source": spec.get("source_b", "Other outlet"),
            "published": spec.get("published_b", raw_a.published),
            "text": text_b,
        }
    )
    b = prepare(raw_b, settings)
    if b.text != text_b:
        raise SystemExit(f"{where}: cleaning changed the edited copy; choose other edits")
    result = PairResult(spec["name"], spec["document"], edits)
    started = time.perf_counter()
    comparison: Comparison = compare([a, b], settings)
    result.seconds = time.perf_counter() - started

    conflicts = [e for e in edits if e.conflict]
    for found in comparison.discrepancies:
        if any(_matches(found, edit, a, b) for edit in conflicts):
            result.tp += 1
        else:
            result.fp.append(found)
    result.missed = [
        e for e in conflicts if not any(_matches(d, e, a, b) for d in comparison.discrepancies)
    ]

    index = EntityIndex(comparison.entities)
    occurrences = [o for q in comparison.quotes for o in q.occurrences]
    for article, edited in ((a, False), (b, True)):
        mine = [o for o in occurrences if o.article == article.id]
        # An occurrence holding several gold quotes ("X," she said. "Y.") is judged once.
        judged: dict[int, bool] = {}
        for at, speaker, opening in _gold_quotes(article, spec.get("quotes", []), edited):
            result.gold_quotes += 1
            hit = next((o for o in mine if o.start - 2 <= at < o.end), None)
            predicted = None
            if hit is not None and hit.speaker_text:
                entity = index.find(hit.speaker_text)
                predicted = entity.name if entity is not None else hit.speaker_text
                judged[id(hit)] = judged.get(id(hit), True) and same_person(speaker, predicted)
            if same_person(speaker, predicted):
                result.recalled_quotes += 1
            else:
                side = "B" if edited else "A"
                state = "not extracted" if hit is None else f"credited to {predicted!r}"
                result.quote_errors.append(f"[{side}] {opening!r}… by {speaker!r}: {state}")
        result.attributed += len(judged)
        result.correct_attributed += sum(judged.values())
    return result


def _prf(tp: float, predicted: float, gold: float) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 1.0
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _describe(found: Discrepancy) -> str:
    claims = " / ".join(f"{c.text!r}" for c in found.claims)
    return f"{found.kind}: {claims}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "clusters", type=Path, nargs="?", help="Cluster JSONL holding the edited pairs' documents."
    )
    parser.add_argument(
        "--real",
        type=Path,
        help="Cluster JSONL of real multi-outlet coverage labelled in compare_real/.",
    )
    parser.add_argument(
        "--split", choices=["tune", "heldout"], help="With --real: score only this half."
    )
    parser.add_argument(
        "--pairs", type=Path, default=PAIRS, help="Pair spec (default: compare_pairs.json)."
    )
    parser.add_argument("--only", help="Run only the pair with this name.")
    parser.add_argument("--verbose", "-v", action="store_true", help="List every error.")
    args = parser.parse_args()
    if args.real:
        from compare_real_set import run

        print(f"real coverage: {args.real}")
        run(args.real, args.verbose, args.split)
        if args.clusters is None:
            return
        print()
    if args.clusters is None:
        parser.error("give CLUSTERS.jsonl, --real REAL.jsonl, or both")
    specs = json.loads(args.pairs.read_text(encoding="utf-8"))["pairs"]
    if args.only:
        specs = [s for s in specs if s["name"] == args.only]
    documents = read_documents(args.clusters, {s["document"] for s in specs})
    missing = sorted({s["document"] for s in specs} - documents.keys())
    if missing:
        raise SystemExit(f"not in {args.clusters}: {', '.join(missing)}")
    settings = Settings.load()
    started = time.perf_counter()
    results = []
    header = f"{'pair':<6} {'document':<18} {'edits':>5} {'confl':>5} {'TP':>3} {'FP':>3} {'FN':>3}  {'quotes':>6} {'attr':>4} {'ok':>3} {'secs':>6}"
    print(header)
    print("-" * len(header))
    for spec in specs:
        result = score_pair(spec, documents[spec["document"]], settings)
        results.append(result)
        conflicts = sum(e.conflict for e in result.edits)
        print(
            f"{result.name:<6} {result.document:<18} {len(result.edits):>5} {conflicts:>5} "
            f"{result.tp:>3} {len(result.fp):>3} {len(result.missed):>3}  "
            f"{result.gold_quotes:>6} {result.attributed:>4} {result.correct_attributed:>3} "
            f"{result.seconds:>6.1f}"
        )
        if args.verbose:
            for found in result.fp:
                print(f"         FP  {_describe(found)}")
            for edit in result.missed:
                print(f"         FN  {edit.kind}: {edit.label}")
            for error in result.quote_errors:
                print(f"         Q   {error}")
    elapsed = time.perf_counter() - started
    edits = [e for r in results for e in r.edits]
    gold = sum(e.conflict for e in edits)
    tp = sum(r.tp for r in results)
    reported = tp + sum(len(r.fp) for r in results)
    recalled = gold - sum(len(r.missed) for r in results)
    p, _, _ = _prf(tp, reported, gold)
    r = recalled / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print()
    print(f"pairs {len(results)}, edits {len(edits)} ({gold} conflicts), reported {reported}")
    print(f"discrepancies      P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    quotes = sum(r.gold_quotes for r in results)
    attributed = sum(r.attributed for r in results)
    correct = sum(r.correct_attributed for r in results)
    qp, _, _ = _prf(correct, attributed, quotes)
    qr = sum(r.recalled_quotes for r in results) / quotes if quotes else 1.0
    qf = 2 * qp * qr / (qp + qr) if qp + qr else 0.0
    print(
        f"quote attribution  P {qp:.3f}  R {qr:.3f}  F1 {qf:.3f}  ({quotes} gold quotes in both articles, {attributed} attributed)"
    )
    print(f"time {elapsed:.1f} s ({elapsed / max(1, len(results)):.1f} s per pair)")


if __name__ == "__main__":
    main()
