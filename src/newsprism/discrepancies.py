"""Where outlets contradict each other inside facts they share.

Only sentences aligned into one consensus fact are compared, so that two numbers or
two times are weighed against each other only when both outlets speak about the same
thing. Values are normalized first: equal values written differently ("2 a.m. EST" and
"0700 GMT") are not discrepancies; names are entities, so "DPRK" and "North Korea" are
one participant (roles and places: `newsprism.roles`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

from newsprism.entities import EntityIndex
from newsprism.model import Article, Claim, Discrepancy, Fact, Quote, Span
from newsprism.numbers import format_range, parse_number, ranges_conflict
from newsprism.roles import RoleComparer
from newsprism.temporal import TimeValue, resolve_times, same_time

_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
# Words that deny the event they govern: "failed to reach", "without a deal".
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr"}
_NOBODY = {"nothing", "nobody", "none", "neither", "no one"}
_DENIERS = {"fail", "unable", "refuse", "without", "decline", "never", "no", "not", "n't"}


def _claim(span: Span, text: str, value: str | float | None) -> Claim:
    return Claim(article=span.article, start=span.start, end=span.end, text=text, value=value)


def _sentence_span(article: Article, span: Span) -> Any:
    return article.doc.char_span(span.start, span.end, alignment_mode="expand")


def _quantities(article: Article, span: Span) -> list[tuple[str, tuple[float, float], Any]]:
    """(unit lemma, value range, entity span) of every number in a sentence with its unit."""
    sentence = _sentence_span(article, span)
    found = []
    for ent in sentence.ents if sentence is not None else []:
        if ent.label_ not in _NUMBER_LABELS:
            continue
        head = ent.root.head if ent.root.dep_ in {"nummod", "quantmod"} else ent.root
        unit = ent.label_ if ent.label_ in {"MONEY", "PERCENT"} else head.lemma_.casefold()
        number_text = (
            ent.text if head.i < ent.start or head.i >= ent.end else ent[: head.i - ent.start].text
        )
        value = parse_number(number_text) or parse_number(ent.text)
        if value is not None and unit:
            found.append((unit, value, ent))
    return found


def _number_discrepancies(fact: Fact, articles: dict[str, Article]) -> list[Discrepancy]:
    result = []
    for left, right in combinations(fact.sentences, 2):
        if left.article == right.article:
            continue
        a, b = articles[left.article], articles[right.article]
        for unit, value, ent in _quantities(a, left):
            for other_unit, other_value, other in _quantities(b, right):
                if unit == other_unit and ranges_conflict(value, other_value):
                    result.append(
                        Discrepancy(
                            kind="number",
                            description=f"different numbers of {unit}",
                            claims=[
                                _claim(
                                    a.span(ent.start_char, ent.end_char),
                                    ent.text,
                                    format_range(value),
                                ),
                                _claim(
                                    b.span(other.start_char, other.end_char),
                                    other.text,
                                    format_range(other_value),
                                ),
                            ],
                        )
                    )
    return result


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
        agreed = {(a.start, b.start) for a in ta for b in tb if same_time(a, b)}
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
                                _claim(
                                    articles[left.article].span(a.start, a.end), a.text, a.value
                                ),
                                _claim(
                                    articles[right.article].span(b.start, b.end), b.text, b.value
                                ),
                            ],
                        )
                    )
    return result


def _polarity(sentence: Any) -> dict[str, bool]:
    """Content lemma → whether the sentence denies it ("no deal", "failed to reach")."""
    result: dict[str, bool] = {}
    for token in sentence:
        if token.pos_ not in {"VERB", "NOUN"} or token.is_stop:
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
                        _claim(
                            left,
                            a.text[left.start : left.end],
                            "denied" if pa[flipped[0]] else "affirmed",
                        ),
                        _claim(
                            right,
                            b.text[right.start : right.end],
                            "denied" if pb[flipped[0]] else "affirmed",
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


def _attribution_discrepancies(quotes: Sequence[Quote], entities: EntityIndex) -> list[Discrepancy]:
    result = []
    for quote in quotes:
        speakers: dict[str, list[Claim]] = {}
        for occurrence in quote.occurrences:
            if not occurrence.speaker_text:
                continue
            entity = entities.find(occurrence.speaker_text)
            name = entity.name if entity else occurrence.speaker_text
            speakers.setdefault(name, []).append(_claim(occurrence, occurrence.text or "", name))
        if len(speakers) > 1:
            result.append(
                Discrepancy(
                    kind="attribution",
                    description="the same words are credited to different speakers",
                    claims=[claims[0] for claims in speakers.values()],
                )
            )
    return result


def find_discrepancies(
    articles: Sequence[Article],
    facts: Sequence[Fact],
    entities: EntityIndex,
    quotes: Sequence[Quote] = (),
) -> list[Discrepancy]:
    """Numbers, times, dates, participants, places, polarity and attributions on which
    outlets disagree."""
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
    found += _attribution_discrepancies(quotes, entities)
    return found
