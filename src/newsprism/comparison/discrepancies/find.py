"""Where outlets contradict each other inside facts they share.

Only sentences aligned into one consensus fact are compared, so that two numbers or
two times are weighed against each other only when both outlets speak about the same
thing. Values are normalized first: equal values written differently ("2 a.m. EST" and
"0700 GMT") are not discrepancies; names are entities, so "DPRK" and "North Korea" are
one participant (roles and places: `newsprism.comparison.discrepancies.roles`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from itertools import combinations
from typing import Any

from newsprism.comparison.discrepancies.attributions import (
    aligned_attributions,
    matched_attributions,
)
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.model import Article, Claim, Discrepancy, Fact, Quote, Span
from newsprism.nlp.entities import EntityIndex
from newsprism.nlp.numbers import (
    format_range,
    is_scale,
    parse_number,
    parse_ordinal,
    ranges_conflict,
)
from newsprism.nlp.temporal import TimeValue, resolve_times, same_time

_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_AGE = re.compile(r"\b(day|week|month|year)s?[- ]old\b", re.IGNORECASE)
# Words that deny the event they govern: "failed to reach", "without a deal".
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr"}
_NOBODY = {"nothing", "nobody", "none", "neither", "no one"}
_DENIERS = {"fail", "unable", "refuse", "without", "decline", "never", "no", "not", "n't"}


def _sentence_span(article: Article, span: Span) -> Any:
    return article.doc.char_span(span.start, span.end, alignment_mode="expand")


def _number_value(article: Article, tokens: list[Any]) -> tuple[float, float] | None:
    """The value of the longest run of leading tokens that reads as a number: "40" of
    "40 feet", "five" of "another five days" (a determiner before it is no number)."""
    while tokens and tokens[0].pos_ == "DET" and tokens[0].lower_ not in {"a", "an"}:
        tokens = tokens[1:]
    for end in range(len(tokens), 0, -1):
        value = parse_number(
            article.text[tokens[0].idx : tokens[end - 1].idx + len(tokens[end - 1])]
        )
        if value is not None:
            return value
    return None


def _unit(ent: Any) -> str | None:
    """What a number counts: its noun ("12 people"), the unit inside the entity ("40 feet"),
    the noun after "of" ("17 of the states") or, for a bare number, the word governing it
    ("injured 124", "rose by 22,800"); durations and ages for DATE entities."""
    if ent.label_ in {"MONEY", "PERCENT"}:
        return ent.label_
    root = ent.root
    if ent.label_ == "DATE":
        # "two years ago" is a date, "1998" a year: only amounts of time are numbers.
        if any(t.lower_ == "ago" for t in (*ent, *root.children)):
            return None
        if age := _AGE.search(ent.text):
            return f"{age.group(1).casefold()}s old"
        counted = any(c.dep_ == "nummod" for c in root.children)
        return root.lemma_.casefold() if counted and root.lemma_ in _TIME_UNITS else None
    if root.dep_ in {"nummod", "quantmod"}:
        return root.head.lemma_.casefold()
    if not (root.like_num or is_scale(root.text)):
        return root.lemma_.casefold()
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if counted is not None:
        return counted.lemma_.casefold()
    head = root.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head
    return None if head is root else head.lemma_.casefold()


def _bounds(ent: Any) -> list[Any]:
    """The pieces of an entity to read as numbers: both ends of a stated range ("between
    150 and 200 percent", "10 to 28 percent"), else the entity itself. A stated range is
    two claims: "between 120 and 200" contradicts "between 150 and 200", though they
    overlap."""
    tokens = list(ent)
    start = 1 if tokens and tokens[0].lower_ == "between" else 0
    joiners = {"to", "and"} if start else {"to"}
    for i, token in enumerate(tokens[start + 1 : -1], start + 1):
        if token.lower_ in joiners and tokens[i - 1].like_num and tokens[i + 1].like_num:
            return [ent[start:i], ent[i + 1 :]]
    return [ent]


def _ordinal(ent: Any) -> tuple[str, tuple[float, float], Any] | None:
    """ "the 40th nation": a rank of what its head names, never equal to a count."""
    rank = parse_ordinal(ent.text.removeprefix("the ").strip())
    head = ent.root.head
    if rank is None or head is ent.root or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return f"{head.lemma_.casefold()} (rank)", (rank, rank), ent


def _quantities(article: Article, span: Span) -> list[tuple[str, tuple[float, float], Any]]:
    """(unit, value range, entity span) of every number in a sentence with its unit."""
    sentence = _sentence_span(article, span)
    found = []
    for ent in sentence.ents if sentence is not None else []:
        if ent.label_ == "ORDINAL":
            if (ranked := _ordinal(ent)) is not None:
                found.append(ranked)
            continue
        if ent.label_ not in _NUMBER_LABELS:
            continue
        unit = _unit(ent)
        for piece in _bounds(ent) if unit else []:
            value = _number_value(article, list(piece))
            if value is not None:
                found.append((unit, value, piece))
    return found


def _number_discrepancies(fact: Fact, articles: dict[str, Article]) -> list[Discrepancy]:
    """Numbers of one unit that differ, once the numbers both sentences share are set aside.

    Two sentences telling one event carry the same list of numbers ("$6 million in
    punitive and $330,000 in compensatory damages"); only a number without an equal one
    on the other side is a claim of its own, and the claims left of one unit pair in text
    order — when both sides have as many, else it is not clear which answers which.
    """
    result = []
    for left, right in _counterparts(fact, articles):
        a, b = articles[left.article], articles[right.article]
        qa, qb = _quantities(a, left), _quantities(b, right)
        rest_a = [q for q in qa if not any(_agree(q, o) for o in qb)]
        rest_b = [q for q in qb if not any(_agree(q, o) for o in qa)]
        for unit in dict.fromkeys(q[0] for q in rest_a):
            mine = [q for q in rest_a if q[0] == unit]
            theirs = [q for q in rest_b if q[0] == unit]
            if len(mine) != len(theirs):
                continue
            for (_, value, ent), (_, other_value, other) in zip(mine, theirs, strict=True):
                result.append(
                    Discrepancy(
                        kind="number",
                        description=f"different numbers of {unit}",
                        claims=[
                            Claim.on(
                                a.span(ent.start_char, ent.end_char), format_range(value), ent.text
                            ),
                            Claim.on(
                                b.span(other.start_char, other.end_char),
                                format_range(other_value),
                                other.text,
                            ),
                        ],
                    )
                )
    return result


def _agree(
    q: tuple[str, tuple[float, float], Any], other: tuple[str, tuple[float, float], Any]
) -> bool:
    return q[0] == other[0] and not ranges_conflict(q[1], other[1])


def _times_in(times: list[TimeValue], span: Span) -> list[TimeValue]:
    return [t for t in times if span.start <= t.start < span.end]


def _time_discrepancies(
    fact: Fact, articles: dict[str, Article], times: dict[str, list[TimeValue]]
) -> list[Discrepancy]:
    result = []
    for left, right in combinations(fact.sentences, 2):
        if left.article == right.article:
            continue
        ta, tb = _times_in(times[left.article], left), _times_in(times[right.article], right)
        # "Wednesday and Thursday" in both: a time that matches one of the other's is agreed.
        # Only a match of one precision counts: "1998" agrees with both "Monday" and "Sunday".
        agreed = {
            (a.start, b.start) for a in ta for b in tb if a.kind == b.kind and same_time(a, b)
        }
        ta = [a for a in ta if not any(a.start == s for s, _ in agreed)]
        tb = [b for b in tb if not any(b.start == s for _, s in agreed)]
        for a in ta:
            for b in tb:
                if same_time(a, b) is False:
                    kind = "date" if a.kind == b.kind == "date" else "time"
                    result.append(
                        Discrepancy(
                            kind=kind,
                            description=f"different {kind}s for the same event",
                            claims=[
                                Claim.on(
                                    articles[left.article].span(a.start, a.end), a.value, a.text
                                ),
                                Claim.on(
                                    articles[right.article].span(b.start, b.end), b.value, b.text
                                ),
                            ],
                        )
                    )
    return result


def _polarity(sentence: Any) -> dict[str, bool]:
    """Content lemma → whether the sentence denies it ("no deal", "failed to reach")."""
    result: dict[str, bool] = {}
    for token in sentence:
        # Stop words stay in: "call" and "do" are stop words to spaCy, yet "did not call for
        # funding" denies what "called for funding" affirms. Auxiliaries are not VERB.
        if token.pos_ not in {"VERB", "NOUN"}:
            continue
        denied = any(c.dep_ == "neg" or c.lower_ in {"no", "without"} for c in token.children)
        # "No agreement was reached" denies the reaching through its subject.
        denied = denied or any(
            c.dep_ in _ARGUMENTS
            and (c.lower_ in _NOBODY or any(g.lower_ == "no" for g in c.children))
            for c in token.children
        )
        ancestors = list(token.ancestors)[:2]
        denied = denied or any(a.lemma_.casefold() in _DENIERS for a in ancestors)
        if token.dep_ == "pobj" and token.head.lower_ == "without":
            denied = True
        result[token.lemma_.casefold()] = result.get(token.lemma_.casefold(), False) or denied
    return result


def _polarity_discrepancies(fact: Fact, articles: dict[str, Article]) -> list[Discrepancy]:
    result = []
    for left, right in combinations(fact.sentences, 2):
        if left.article == right.article:
            continue
        a, b = articles[left.article], articles[right.article]
        sa, sb = _sentence_span(a, left), _sentence_span(b, right)
        if sa is None or sb is None:
            continue
        pa, pb = _polarity(sa), _polarity(sb)
        flipped = sorted(k for k in pa.keys() & pb.keys() if pa[k] != pb[k])
        if flipped:
            result.append(
                Discrepancy(
                    kind="polarity",
                    description=f"one outlet denies what the other affirms ({', '.join(flipped)})",
                    claims=[
                        Claim.on(
                            left,
                            "denied" if pa[flipped[0]] else "affirmed",
                            a.text[left.start : left.end],
                        ),
                        Claim.on(
                            right,
                            "denied" if pb[flipped[0]] else "affirmed",
                            b.text[right.start : right.end],
                        ),
                    ],
                )
            )
    return result


def _embedding(article: Article, span: Span) -> Any:
    index = next((i for i, s in enumerate(article.sentences) if s.start == span.start), None)
    vectors = article.embeddings
    return None if index is None or vectors is None or index >= len(vectors) else vectors[index]


def _counterparts(fact: Fact, articles: dict[str, Article]) -> list[tuple[Span, Span]]:
    """Sentence pairs of different articles in a fact that are each other's closest match.

    A fact may hold several similar sentences of one article ("Story will move…",
    "Clinton has moved…"); only counterparts tell one event.
    """
    vectors = [_embedding(articles[s.article], s) for s in fact.sentences]

    def closest(i: int, article: str) -> int:
        others = [j for j, s in enumerate(fact.sentences) if s.article == article]
        if len(others) == 1:
            return others[0]
        if vectors[i] is None or any(vectors[j] is None for j in others):
            return -1  # no telling which one is the counterpart
        return max(others, key=lambda j: float(vectors[i] @ vectors[j]))

    pairs = []
    for i, j in combinations(range(len(fact.sentences)), 2):
        left, right = fact.sentences[i], fact.sentences[j]
        if left.article == right.article:
            continue
        if closest(i, right.article) == j and closest(j, left.article) == i:
            pairs.append((left, right))
    return pairs


def _role_discrepancies(
    fact: Fact, articles: dict[str, Article], roles: RoleComparer
) -> list[Discrepancy]:
    result: list[Discrepancy] = []
    seen: set[tuple[str, tuple[tuple[str, int, int], ...]]] = set()
    for left, right in _counterparts(fact, articles):
        a, b = articles[left.article], articles[right.article]
        sa, sb = _sentence_span(a, left), _sentence_span(b, right)
        if sa is None or sb is None:
            continue
        for found in roles.discrepancies(a, sa, b, sb):
            key = (found.kind, tuple((c.article, c.start, c.end) for c in found.claims))
            if key not in seen:
                seen.add(key)
                result.append(found)
    return result


def find_discrepancies(
    articles: Sequence[Article],
    facts: Sequence[Fact],
    entities: EntityIndex,
    quotes: Sequence[Quote] = (),
    *,
    within: timedelta | None = None,
) -> list[Discrepancy]:
    """Numbers, times, dates, participants, places, polarity and attributions on which
    outlets disagree; with ``within``, only between reports published at most that far
    apart (undated ones are weighed against all)."""
    found = _all_discrepancies(articles, facts, entities, quotes)
    if within is None:
        return found
    published = {a.id: a.published for a in articles}

    def apart(d: Discrepancy) -> bool:
        times = [t for c in d.claims if (t := published.get(c.article)) is not None]
        return len(times) > 1 and max(times) - min(times) > within

    return [d for d in found if not apart(d)]


def _all_discrepancies(
    articles: Sequence[Article],
    facts: Sequence[Fact],
    entities: EntityIndex,
    quotes: Sequence[Quote],
) -> list[Discrepancy]:
    by_id = {a.id: a for a in articles}
    times = {a.id: resolve_times(a) for a in articles}
    roles = RoleComparer(articles, entities)
    found: list[Discrepancy] = []
    for fact in facts:
        if fact.kind != "consensus":
            continue
        found += _number_discrepancies(fact, by_id)
        found += _time_discrepancies(fact, by_id, times)
        found += _role_discrepancies(fact, by_id, roles)
        found += _polarity_discrepancies(fact, by_id)
    attributed = matched_attributions(quotes, entities)
    texts = {a.id: a.text for a in articles}
    return found + attributed + aligned_attributions(facts, quotes, entities, texts, attributed)
