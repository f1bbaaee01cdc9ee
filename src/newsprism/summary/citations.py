"""Every summary sentence cites the article sentences that say the same thing, and no
outlet whose report contradicts it.

"The same thing" is judged against what the set's sentences share anyway, as redundancy is:
the bar sits `SUPPORT` of the way from the set's background similarity to 1 (0.6 on ten wire
reports of a topic, whose sentences share about 0.2). Three excerpts that all open on one
event share about 0.45, and a fixed 0.6 there would let any sentence on the event cite every
outlet ("[1][2][3]" reads as "all three say this").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from newsprism.model import Article, Claim, Discrepancy, Dispute, Fact, Span
from newsprism.nlp import parse_number
from newsprism.summary.candidates import Candidate

SUPPORT = 0.5


def support_bar(background: float) -> float:
    """The cosine similarity above which another outlet's sentence says the same thing."""
    return background + SUPPORT * (1.0 - background)


def citations(
    candidate: Candidate,
    vector: np.ndarray,
    articles: list[Article],
    facts: Sequence[Fact],
    bar: float,
) -> list[Span]:
    """Its own span, every sentence of another article at least ``bar`` alike (see
    `support_bar`), and the sentences of any given fact it belongs to."""
    own = articles[candidate.article]
    spans = [own.span(start, end) for start, end in candidate.spans]
    keys = {(own.id, start, end) for start, end in candidate.spans}
    for a, article in enumerate(articles):
        if a == candidate.article or article.embeddings is None or not len(article.embeddings):
            continue
        close = np.asarray(article.embeddings) @ vector
        for i in np.flatnonzero(close >= bar):
            sentence = article.sentences[int(i)]
            key = (article.id, sentence.start, sentence.end)
            if key not in keys:
                keys.add(key)
                spans.append(article.span(sentence.start, sentence.end))
    for f in facts_of(candidate, articles, facts):
        for s in facts[f].sentences:
            if (s.article, s.start, s.end) not in keys:
                keys.add((s.article, s.start, s.end))
                spans.append(s)
    return spans


def facts_of(
    candidate: Candidate, articles: list[Article], facts: Sequence[Fact]
) -> frozenset[int]:
    """The indices of the given facts whose sentences include the candidate's sentence."""
    own = articles[candidate.article]
    sentence = own.sentences[candidate.index]
    return frozenset(
        f
        for f, fact in enumerate(facts)
        if any(
            s.article == own.id and s.start < sentence.end and sentence.start < s.end
            for s in fact.sentences
        )
    )


def disputes_cited(cited: Sequence[Span], discrepancies: Sequence[Discrepancy]) -> frozenset[int]:
    """The indices of the discrepancies with a claim inside the ``cited`` spans."""
    return frozenset(
        d
        for d, discrepancy in enumerate(discrepancies)
        if any(_overlaps(c, cited) for c in discrepancy.claims)
    )


# A number written in digits ("1,200", "23") or in words ("Thirty-one", "twelve").
_NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?")


def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(
        s.article == span.article and s.start < span.end and span.start < s.end for s in spans
    )


def _key(value: str | float | None) -> str | float | None:
    """Values compared as the reader would: 31 and 31.0 alike, case ignored."""
    if isinstance(value, float | int):
        return round(float(value), 6)
    return value.casefold().strip() if isinstance(value, str) else None


def _numbers(text: str) -> set[float]:
    found = set()
    for token in _NUMBER_TOKEN.findall(text):
        if token.lower() in ("a", "an"):  # "a ferry" says nothing about a count
            continue
        value = parse_number(token.replace("-", " "))
        if value is not None and value[0] == value[1]:
            found.add(round(value[0], 6))
    return found


def _states(text: str, claim: Claim) -> bool:
    """Whether the sentence's words state the claim's value: its number, or its words."""
    if isinstance(claim.value, float | int):
        return round(float(claim.value), 6) in _numbers(text)
    words = " ".join((claim.text or "").split()).casefold()
    return bool(words) and words in " ".join(text.split()).casefold()


def _side(
    own: Sequence[Span], text: str, cited: Sequence[Span], discrepancy: Discrepancy
) -> set[str | float | None] | None:
    """The values the sentence takes in this discrepancy, None when it takes none.

    Its own words decide: a claim inside the pieces the sentence is made of; else, when it
    cites a sentence holding a claim, the claims whose value its text states (a sentence
    that states both sides, or neither, takes none)."""
    inside = {_key(c.value) for c in discrepancy.claims if _overlaps(c, own)}
    if inside:
        return inside
    if not any(_overlaps(c, cited) for c in discrepancy.claims):
        return None
    stated = {_key(c.value) for c in discrepancy.claims if _states(text, c)}
    return stated if len(stated) == 1 else None


def _stated_claim(span: Span, claim: Claim) -> Claim | None:
    """The claim's number where ``span``'s own words state it, as a claim of that article."""
    if not isinstance(claim.value, float | int) or not span.text:
        return None
    for match in _NUMBER_TOKEN.finditer(span.text):
        if round(float(claim.value), 6) in _numbers(match.group()):
            start = span.start + match.start()
            return Claim(
                article=span.article,
                start=start,
                end=start + len(match.group()),
                text=match.group(),
                value=claim.value,
            )
    return None


def _against_in_citation(
    span: Span, side: set[str | float | None], discrepancy: Discrepancy
) -> list[Claim]:
    """A cited sentence of an outlet the detector did not weigh that states a value the
    summary sentence does not hold, and not its own: that outlet says otherwise."""
    stated = [(c, _stated_claim(span, c)) for c in discrepancy.claims]
    if any(found for c, found in stated if _key(c.value) in side):
        return []
    return [found for c, found in stated if found is not None and _key(c.value) not in side]


def settle(
    own: Sequence[Span],
    text: str,
    cited: Sequence[Span],
    discrepancies: Sequence[Discrepancy],
) -> tuple[list[Span], list[Dispute]]:
    """The citations of a summary sentence once outlets that contradict it are dropped,
    and what disputes it.

    ``own`` are the pieces of its own article the sentence is made of, ``text`` its text,
    ``cited`` every span `citations` found. A citation reads "this outlet says so": an
    article whose claim in a discrepancy has another value than the sentence's is not
    cited (unless it also holds the sentence's value), nor is a cited sentence of another
    outlet whose own words state the other value of a disputed number; the sentence
    carries the claims against it so that the reader sees the value is disputed.
    """
    home = {s.article for s in own}
    drop: set[str] = set()
    dropped: set[tuple[str, int, int]] = set()
    disputes: list[Dispute] = []
    for discrepancy in discrepancies:
        side = _side(own, text, cited, discrepancy)
        if side is None:
            continue
        agree = {c.article for c in discrepancy.claims if _key(c.value) in side}
        against = [c for c in discrepancy.claims if _key(c.value) not in side]
        weighed = {c.article for c in discrepancy.claims}
        for span in cited:
            if span.article in home or span.article in weighed:
                continue
            if found := _against_in_citation(span, side, discrepancy):
                dropped.add((span.article, span.start, span.end))
                against += found
        if not against:
            continue
        drop |= {c.article for c in against} - agree - home
        disputes.append(
            Dispute(kind=discrepancy.kind, description=discrepancy.description, claims=against)
        )
    kept = [
        s for s in cited if s.article not in drop and (s.article, s.start, s.end) not in dropped
    ]
    return kept, disputes
