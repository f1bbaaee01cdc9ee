"""How each speaker was found, for counting right and wrong speakers per way of finding one.

A speaker's path is the reading that found its cue (`attribution.PATHS`: the speech verb
over the words, a source or a colon, a verb elsewhere in the sentence, a sentence before or
after …) and where the name it gives stands: in the cue's own sentence, or carried from an
earlier sentence or paragraph (a pronoun, a role or a document resolved to a name before).

Run alone, it counts the paths over the attribution bench's self-written cases:
``python benchmarks/speaker_paths.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from newsprism.comparison.quotes.context import Attribution
from newsprism.comparison.quotes.extract import traced_quotes
from newsprism.comparison.quotes.lexicon import ORG_NOUNS, ROLE_NOUNS
from newsprism.comparison.quotes.names import Speaker
from newsprism.config import Settings
from newsprism.ingest.prepare import prepare
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate

_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})


def path_of(article: Article, found: Attribution | None) -> str:
    """The path of one attributed quotation: its cue's reading and where its speaker is named."""
    if found is None or found.speaker is None or article.doc is None:
        return "none"
    sentence = article.doc[found.verb].sent
    speaker = found.speaker
    if sentence.start_char <= speaker.start and speaker.end <= sentence.end_char:
        where = "named there"
    elif speaker.start >= sentence.end_char:
        where = "named after"
    else:
        starts = [p.start for p in article.paragraphs if p.start <= sentence.start_char]
        same = bool(starts) and starts[-1] <= speaker.start
        where = "carried in the paragraph" if same else "carried from a paragraph before"
    return f"{found.path}, {where}, {_form(article, speaker)}"


def _form(article: Article, speaker: Speaker) -> str:
    """How the speaker is given: a name, a person's role ("the senator", "an aide"), or a thing
    that speaks ("the announcement", "the video")."""
    span = article.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or not len(span):
        return "a thing"
    if any(t.ent_type_ in _NAMED or (t.pos_ == "PROPN" and t.text[:1].isupper()) for t in span):
        return "a name"
    return "a role" if span[-1].lemma_.lower() in ROLE_NOUNS | ORG_NOUNS else "a thing"


def print_paths(title: str, paths: Counter[tuple[str, bool]]) -> None:
    """Right and wrong speakers per path, the paths wrong most often first."""
    print(f"\nspeakers by path, {title}:  right  wrong")
    names = sorted({p for p, _ in paths}, key=lambda p: (-paths[(p, False)], -paths[(p, True)], p))
    for name in names:
        print(f"  {name:<44} {paths[(name, True)]:>5} {paths[(name, False)]:>6}")
    # The evidence that holds across sets is how the speaker is given, whatever the path.
    for form in ("a name", "a role", "a thing"):
        right = sum(n for (p, ok), n in paths.items() if ok and p.endswith(form))
        wrong = sum(n for (p, ok), n in paths.items() if not ok and p.endswith(form))
        print(f"  {'every path, given by ' + form:<44} {right:>5} {wrong:>6}")


def bench_paths() -> tuple[Counter[tuple[str, bool]], int, int]:
    """Right and wrong speakers per path over the attribution bench's cases (a wrong one is
    a speaker the reader would not name, or any speaker where the reader names none), with
    the quotations a reader credits and how many of them got no speaker."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from attribution_bench import CASES
    from test_attribution_bench import _same

    settings = Settings.load(cache=False)
    raws = [
        prepare(RawArticle(origin=f"case{i}.txt", text=text, source=f"outlet{i}"), settings)
        for i, (_, text, _) in enumerate(CASES)
    ]
    paths: Counter[tuple[str, bool]] = Counter()
    credited = unspoken = 0
    for article, (_, _, expected) in zip(annotate(raws, settings, embed=False), CASES, strict=True):
        traced = traced_quotes(article)
        for needle, speaker in expected.items():
            found = [(o, a) for o, a in traced if needle in (o.text or "")]
            credited += speaker is not None
            unspoken += speaker is not None and not any(o.speaker_text for o, _ in found)
            for occurrence, attribution in found:
                if occurrence.speaker_text:
                    right = _same(speaker, occurrence.speaker_text)
                    paths[(path_of(article, attribution), right)] += 1
    return paths, credited, unspoken


if __name__ == "__main__":
    counts, credited, unspoken = bench_paths()
    print_paths("attribution bench", counts)
    print(f"quotations a reader credits: {credited}, given no speaker: {unspoken}")
