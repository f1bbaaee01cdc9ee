"""One quotation credited to different speakers by two outlets.

Two ways to see that two outlets give the same words: quote matching put the two
renderings in one quote (long enough to be matched without a speaker), or the two
renderings sit in sentences aligned into one fact and hold the same words. The second
catches short quotes ("Bibi, go home," X said), which matching never links across
speakers: a few words alone are too common to show that two outlets quote one remark.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from newsprism.model import Claim, Discrepancy, Fact, Quote, QuoteOccurrence, Span
from newsprism.nlp.entities import EntityIndex, strip_title
from newsprism.nlp.gazetteer import name_key

_WORD = re.compile(r"\w+")
# From this rapidfuzz ratio two names are taken for spellings of one ("Gadhafi", "Gaddafi").
_SAME_SPELLING = 85


def _speaker(occurrence: QuoteOccurrence, entities: EntityIndex) -> str | None:
    if not occurrence.speaker_text:
        return None
    entity = entities.find(occurrence.speaker_text)
    return entity.name if entity else occurrence.speaker_text


def _discrepancy(claims: list[Claim]) -> Discrepancy:
    return Discrepancy(
        kind="attribution",
        description="the same words are credited to different speakers",
        claims=claims,
    )


def matched_attributions(quotes: Sequence[Quote], entities: EntityIndex) -> list[Discrepancy]:
    """Quotes whose matched renderings name different speakers."""
    result = []
    for quote in quotes:
        speakers: dict[str, list[Claim]] = {}
        for occurrence in quote.occurrences:
            name = _speaker(occurrence, entities)
            if name is not None:
                speakers.setdefault(name, []).append(Claim.on(occurrence, name))
        if len(speakers) > 1:
            result.append(_discrepancy([claims[0] for claims in speakers.values()]))
    return result


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text or ""))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal words, or one rendering a run of the other's ("Bibi, go home" in a longer one)."""
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _may_be_one(a: str, b: str) -> bool:
    """Names the resolver kept apart that may still name one person: "Gingrich" and "Newt
    Gingrich", two spellings, or one name inside the other."""
    ka, kb = name_key(strip_title(a)), name_key(strip_title(b))
    wa, wb = set(ka.split()), set(kb.split())
    return not wa or not wb or wa <= wb or wb <= wa or fuzz.ratio(ka, kb) >= _SAME_SPELLING


def _names_in(speaker: str | None, text: str) -> bool:
    """Whether ``text`` names the speaker (by the last word of the name as written)."""
    words = _words(strip_title(speaker or ""))
    return bool(words) and words[-1] in _words(text)


def aligned_attributions(
    facts: Sequence[Fact],
    quotes: Sequence[Quote],
    entities: EntityIndex,
    texts: Mapping[str, str],
    reported: Sequence[Discrepancy] = (),
) -> list[Discrepancy]:
    """Renderings in two aligned sentences of different articles that hold the same words
    and name speakers who cannot be one person; ``reported`` ones are not repeated.

    When each sentence also names the other's speaker ("witnesses: Kreifels, …, and Fluty,
    who said …"), both outlets tell the same; the speakers differ by how each was read."""
    occurrences = [o for q in quotes for o in q.occurrences if o.speaker_text]
    seen = {(c.article, c.start) for d in reported for c in d.claims}
    result = []
    for fact in facts:
        if fact.kind != "consensus":
            continue
        for left, right in combinations(fact.sentences, 2):
            if left.article == right.article:
                continue
            mine = [o for o in occurrences if o.article == left.article and _inside(o, left)]
            theirs = [o for o in occurrences if o.article == right.article and _inside(o, right)]
            for a in mine:
                for b in theirs:
                    if (a.article, a.start) in seen or (b.article, b.start) in seen:
                        continue
                    if not _same_words(_words(a.text), _words(b.text)):
                        continue
                    name_a, name_b = _speaker(a, entities), _speaker(b, entities)
                    if name_a is None or name_b is None or _may_be_one(name_a, name_b):
                        continue
                    text_a = texts[left.article][left.start : left.end]
                    text_b = texts[right.article][right.start : right.end]
                    if _names_in(b.speaker_text, text_a) and _names_in(a.speaker_text, text_b):
                        continue
                    seen |= {(a.article, a.start), (b.article, b.start)}
                    result.append(_discrepancy([Claim.on(a, name_a), Claim.on(b, name_b)]))
    return result


def _inside(occurrence: QuoteOccurrence, sentence: Span) -> bool:
    """Whether the rendering overlaps the sentence (a quote may run over several)."""
    return occurrence.start < sentence.end and sentence.start < occurrence.end
