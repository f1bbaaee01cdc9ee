"""One quotation credited to different speakers by two outlets.

Two ways to see that two outlets give the same words: quote matching put the two
renderings in one quote (long enough to be matched without a speaker), or the two
renderings sit in sentences aligned into one fact and hold the same words. The second
catches short quotes ("Bibi, go home," X said), which matching never links across
speakers: a few words alone are too common to show that two outlets quote one remark.

Either way the words must be a remark, not a phrase (a few words — "deep state",
"conference call" — are said by many), and both speakers must be named people or both
named organizations that cannot be one: a spokesman speaks for his organization, and a
speaker the extractor could not name, or found only in a sentence nearby, is no evidence of
another speaker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from newsprism.comparison.discrepancies.frames import same_words_but
from newsprism.comparison.quotes import PERSON_PRONOUNS, TITLE_WORDS
from newsprism.model import Claim, Discrepancy, Entity, Fact, Quote, QuoteOccurrence, Span
from newsprism.nlp import EntityIndex, name_key, strip_title

_WORD = re.compile(r"\w+")
# From this rapidfuzz ratio two names are taken for spellings of one ("Gadhafi", "Gaddafi").
_SAME_SPELLING = 85
# Fewer words than this are a phrase many may say, not one remark.
_REMARK_WORDS = 3
_SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
_TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\.?\s+$", re.I
)


def _rival_speakers(
    a: QuoteOccurrence, b: QuoteOccurrence, entities: EntityIndex, texts: Mapping[str, str]
) -> tuple[str, str] | None:
    """The two speakers' names when they are named entities of one type that cannot be one
    person or body, and neither outlet names the other's speaker in the sentence of the
    words (then it may credit them to that speaker too) or in the words themselves (they
    may be about that person: "X has lost it," said Y); None otherwise."""
    found = [entities.find(o.speaker_text) if o.speaker_text else None for o in (a, b)]
    ea, eb = found
    if ea is None or eb is None or ea.type != eb.type or ea.type not in _SPEAKER_TYPES:
        return None
    if ea.name == eb.name or _may_be_one(ea.name, eb.name):
        return None
    for occurrence, other in ((a, eb), (b, ea)):
        text = texts[occurrence.article]
        named = _named_beside(occurrence, texts)
        # "…," he said: the pronoun may mean the other outlet's speaker wherever this report
        # names that person; only coreference could tell, and a false alarm costs more.
        where = _sentences(text, occurrence.start, occurrence.end) if named else text
        if named is None or any(
            _names_in(name, where) for name in (other.name, *_all_aliases(other))
        ):
            return None
    return ea.name, eb.name


def _named_beside(occurrence: QuoteOccurrence, texts: Mapping[str, str]) -> bool | None:
    """How the outlet itself points at the speaker beside the words, with a verb of saying:
    True by name ("…," Santos said), False by a pronoun ("…," he said), None when it does
    not (a speaker found in a sentence nearby is the extractor's reading, and two readings
    that differ are no evidence that two outlets do)."""
    if not occurrence.cue or not occurrence.speaker_text:
        return None
    text = texts[occurrence.article]
    around = _sentences(text, occurrence.start, occurrence.end)
    words = text[occurrence.start : occurrence.end]
    outside = around.replace(words, " ") if words else around
    if _names_in(occurrence.speaker_text, outside):
        return True
    return False if PERSON_PRONOUNS.keys() & set(words_of(outside)) else None


def _all_aliases(entity: Entity) -> list[str]:
    return [name for names in entity.aliases.values() for name in names]


def _sentences(text: str, start: int, end: int) -> str:
    """The stretch of clean text with the sentences around it, up to its paragraph's edges."""
    first = max(text.rfind(stop, 0, start) for stop in (". ", "\n\n"))
    last = min((i for stop in (". ", "\n\n") if (i := text.find(stop, end)) >= 0), default=-1)
    return text[first + 1 if first >= 0 else 0 : last if last >= 0 else len(text)]


def _discrepancy(claims: list[Claim]) -> Discrepancy:
    return Discrepancy(
        kind="attribution",
        description="the same words are credited to different speakers",
        claims=claims,
    )


def matched_attributions(
    quotes: Sequence[Quote], entities: EntityIndex, texts: Mapping[str, str]
) -> list[Discrepancy]:
    """Quotes whose matched renderings, in different articles, name rival speakers."""
    result = []
    for quote in quotes:
        if len(words_of(quote.text)) < _REMARK_WORDS:
            continue
        for a, b in combinations(quote.occurrences, 2):
            if a.article == b.article:
                continue
            rivals = _rival_speakers(a, b, entities, texts)
            if rivals is not None:
                result.append(_discrepancy([Claim.on(a, rivals[0]), Claim.on(b, rivals[1])]))
                break
    return result


def words_of(text: str | None) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text or ""))


def same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
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
    words = words_of(strip_title(speaker or ""))
    return bool(words) and words[-1] in words_of(text)


def aligned_attributions(
    facts: Sequence[Fact],
    quotes: Sequence[Quote],
    entities: EntityIndex,
    texts: Mapping[str, str],
    reported: Sequence[Discrepancy] = (),
) -> list[Discrepancy]:
    """Renderings in two aligned sentences of different articles that hold the same words
    and name speakers who cannot be one person; ``reported`` ones are not repeated."""
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
                    wa, wb = words_of(a.text), words_of(b.text)
                    if not same_words(wa, wb):
                        continue
                    # A sentence told in the same words but for the speaker credits even a
                    # word to another; otherwise a few words are a phrase many may say.
                    rivals = _swapped(a, left, b, right, texts, entities)
                    if rivals is None and min(len(wa), len(wb)) >= _REMARK_WORDS:
                        rivals = _rival_speakers(a, b, entities, texts)
                    if rivals is None:
                        continue
                    name_a, name_b = rivals
                    seen |= {(a.article, a.start), (b.article, b.start)}
                    result.append(_discrepancy([Claim.on(a, name_a), Claim.on(b, name_b)]))
    return result


def _swapped(
    a: QuoteOccurrence,
    left: Span,
    b: QuoteOccurrence,
    right: Span,
    texts: Mapping[str, str],
    entities: EntityIndex,
) -> tuple[str, str] | None:
    """The speakers as written when the two sentences are one in the same words but for the
    speaker's name ("… when Lind said" / "… when Brandt said"): the same words credited to
    another name, whatever the tagger made of the names."""
    if not a.speaker_text or not b.speaker_text or _may_be_one(a.speaker_text, b.speaker_text):
        return None
    sentence_a = texts[left.article][left.start : left.end]
    sentence_b = texts[right.article][right.start : right.end]
    at_a = _nearest(sentence_a, a.speaker_text, a.start - left.start, a.end - left.start)
    at_b = _nearest(sentence_b, b.speaker_text, b.start - right.start, b.end - right.start)
    if at_a is None or at_b is None or not same_words_but(sentence_a, at_a, sentence_b, at_b):
        return None
    found = [(entities.find(t), t) for t in (a.speaker_text, b.speaker_text)]
    name_a, name_b = (entity.name if entity else text for entity, text in found)
    return name_a, name_b


def _nearest(text: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``name`` stands in ``text`` closest to the stretch ``start``–``end``, with the
    titles written before it ("Mrs. Gore")."""
    places = [m.start() for m in re.finditer(re.escape(name), text)]
    if not places:
        return None
    at = min(places, key=lambda at: min(abs(at - start), abs(at - end)))
    head = at
    while title := _TITLE_BEFORE.search(text, 0, head):
        head = title.start()
    return head, at + len(name)


def _inside(occurrence: QuoteOccurrence, sentence: Span) -> bool:
    """Whether the rendering overlaps the sentence (a quote may run over several)."""
    return occurrence.start < sentence.end and sentence.start < occurrence.end
