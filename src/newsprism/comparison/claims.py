"""What a sentence claims: each main predicate with the participants it links.

Two sentences whose embeddings say they are paraphrases may still make two claims: the same
man in the news and in a past campaign, two sentences of one speech, a policy and a vow.
A paraphrase keeps the participants and may change the predicate's words ("were Saudi
citizens" / "were Saudi nationals"; "would not comply with the subpoena" / "rejected the
subpoena"), so a claim is read as its predicate's participants: around a copula its subject
and its complement, which a paraphrase may swap ("Reid was the lone opposition" / "The lone
"no" vote was Reid"); around any other verb its doer and what it acts on or through. A
participant is matched by the entity it names, else by its head noun or a content word of
its phrase; a count or a measure on both sides is the same participant whatever the values
(which of the two is right is the discrepancy finder's question).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from newsprism.comparison.discrepancies import is_predicate, is_speech, main_predicates
from newsprism.comparison.happenings import further
from newsprism.comparison.voices import entity_key
from newsprism.nlp import EntityIndex, name_key, sentences_of

Token = Any

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENTS = frozenset({"attr", "acomp", "oprd"})
# What qualifies a participant's head: its words count as the participant's ("Saudi
# citizens", "the lone opposition", "McCarthy's district", "15 of the 19 hijackers").
_MODIFIERS = frozenset({"amod", "compound", "nummod", "poss", "npadvmod", "quantmod", "nmod"})
_CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
_MEASURES = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
# A time is when a claim holds (see `anchors`), not one of its participants.
_TIMES = frozenset({"DATE", "TIME"})
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHARES = frozenset({"%", "percent", "per", "percentage"})


@dataclass(frozen=True)
class Term:
    """One participant of a claim."""

    entity: str | None  # the canonical entity its head names
    head: str  # the head's lemma
    words: frozenset[str]  # content lemmas (entities as "@key") of its head and modifiers
    number: bool  # a count or a measure ("35 percent", "15 of the 19")

    def matches(self, other: Term) -> bool:
        if self.entity is not None and other.entity is not None:
            return _one_entity(self.entity, other.entity)
        if self.number and other.number:
            return True
        return self.head == other.head or bool(self.words & other.words)

    def differs(self, other: Term) -> bool:
        """Two different named entities: two participants, however alike the rest."""
        return (
            self.entity is not None
            and other.entity is not None
            and not _one_entity(self.entity, other.entity)
        )


@dataclass(frozen=True)
class Claim:
    """A main predicate and its participants: a copula's subject and complement, or who
    does a verb, who or what undergoes it, and the phrases it acts through."""

    copula: bool
    doer: Term | None  # a copula's subject
    undergoer: Term | None  # a copula's complement
    others: tuple[Term, ...] = ()
    period: bool | None = None  # over a period of years, or on one occasion (`anchors`)
    era: str | None = None  # an earlier year's, the news's, or still to come (`anchors`)
    # A participant is one more of its kind ("issued another statement"): another occasion.
    further: bool = False

    def restates(self, other: Claim) -> bool:
        """Whether the two claims link the same participants (a copula's either way), and
        are not one over a period of years and one on one occasion, nor of two eras, nor one
        more of a kind beside the first ("another statement" / "a statement")."""
        if self.copula != other.copula or self.further != other.further:
            return False
        if None not in (self.period, other.period) and self.period != other.period:
            return False
        if None not in (self.era, other.era) and self.era != other.era:
            return False
        pairs = [(self.doer, other.doer), (self.undergoer, other.undergoer)]
        if self.copula:
            swapped = [(self.doer, other.undergoer), (self.undergoer, other.doer)]
            return any(
                all(x is not None and y is not None and x.matches(y) for x, y in order)
                for order in (pairs, swapped)
            )
        if any(x is not None and y is not None and x.differs(y) for x, y in pairs):
            return False
        matched = sum(1 for x, y in pairs if x is not None and y is not None and x.matches(y))
        used: set[int] = set()
        for term in self.others:
            hit = next(
                (k for k, t in enumerate(other.others) if k not in used and term.matches(t)), None
            )
            if hit is not None:
                used.add(hit)
                matched += 1
        return matched >= 1


def claims(
    span: Any,
    article_id: str,
    entities: EntityIndex | None,
    periods: dict[int, bool] | None = None,
    eras: Mapping[int, str] | None = None,
) -> frozenset[Claim]:
    """The claims a sentence (a spaCy span) makes through its main predicates, what they
    complete with an infinitive ("was directed to contact Stone"), and a copula they report
    ("officials said the ferry was overloaded", "the return showed the rate was 35.7")."""
    if span is None:
        return frozenset()
    inside = range(span.start, span.end)
    found = set()
    for sentence in sentences_of(span):
        heads = set(main_predicates(sentence))
        # What every verb of saying among them reports ("said that … and said that …").
        heads |= {
            c.i
            for i in list(heads)
            if is_speech(span.doc[i])
            for c in span.doc[i].children
            if c.dep_ in {"ccomp", "parataxis"} and is_predicate(c)
        }
        heads |= {
            c.i
            for i in list(heads)
            for c in span.doc[i].children
            if (c.dep_ == "xcomp" and is_predicate(c))
            or (c.dep_ in {"ccomp", "parataxis"} and c.lemma_.casefold() == "be")
        }
        for i in heads:
            if i in inside and (claim := _claim(span.doc[i], article_id, entities)) is not None:
                found.add(replace(claim, period=(periods or {}).get(i), era=(eras or {}).get(i)))
    return frozenset(found)


def measured(span: Any) -> frozenset[float]:
    """The values a sentence (a spaCy span) measures: counts, sums and shares written in
    figures ("4.2 percent", "266,000 jobs", "$3.5 billion"), scaled by the number word after
    them. A year or a time is when, not how much; a small whole number ("two seats") is
    too common to say which measure it is, unless it is a share."""
    if span is None:
        return frozenset()
    found = set()
    for token in span:
        if not token.like_num or token.ent_type_ in _TIMES:
            continue
        try:
            value = float(token.text.replace(",", ""))
        except ValueError:
            continue
        after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        value *= _SCALES.get(after, 1.0)
        if value < 10 and value.is_integer() and after not in _SHARES:
            continue
        found.add(value)
    return frozenset(found)


def restate(a: frozenset[Claim], b: frozenset[Claim]) -> bool:
    """Whether a claim of one sentence links the same participants as one of the other."""
    return any(x.restates(y) for x in a for y in b)


def _claim(verb: Token, article_id: str, entities: EntityIndex | None) -> Claim | None:
    def term(token: Token | None) -> Term | None:
        return _term(token, article_id, entities)

    if verb.lemma_.casefold() == "be":
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        complement = next((c for c in verb.children if c.dep_ in _COMPLEMENTS), None)
        return Claim(True, term(subject), term(complement))
    if not is_predicate(verb) or is_speech(verb):
        return None
    undergoer = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None and verb.dep_ == "xcomp":
        # "was directed to contact Stone": the one directed contacts.
        doer = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    obliques = [
        pobj
        for prep in verb.children
        if prep.dep_ in {"prep", "agent"}
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.ent_type_ not in _TIMES
    ]
    agent = next((c for c in obliques if c.head.dep_ == "agent"), None)
    if agent is not None:
        doer = agent
        obliques.remove(agent)
    others = [c for c in verb.children if c.dep_ in _COMPLEMENTS] + obliques
    parts = tuple(t for t in map(term, others) if t)
    more = any(further(p) for p in (doer, undergoer) if p is not None)
    return Claim(False, term(doer), term(undergoer), parts, further=more)


def _term(token: Token | None, article_id: str, entities: EntityIndex | None) -> Term | None:
    """The participant a phrase headed by ``token`` names; None for a pronoun, which names
    no one without its antecedent."""
    if token is None or token.pos_ == "PRON":
        return None
    parts = [token, *(c for c in token.children if c.dep_ in _MODIFIERS)]
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        parts += [c for c in of.children if c.dep_ == "pobj"]
    words = set()
    number = False
    for part in parts:
        if part.ent_type_ in _MEASURES or (part.like_num and not _a_year(part)):
            number = True
        if part.is_stop or part.pos_ not in _CONTENT:
            continue
        entity = _entity(part, article_id, entities)
        words.add(f"@{entity}" if entity else name_key(part.lemma_))
    return Term(
        _entity(token, article_id, entities), token.lemma_.casefold(), frozenset(words), number
    )


def _a_year(token: Token) -> bool:
    """A year names when, not how many ("the 2019 rate"); the tagger also calls some
    measures dates ("was 31.2")."""
    return token.ent_type_ in _TIMES and len(token.text) == 4 and token.text.isdigit()


def _entity(token: Token, article_id: str, entities: EntityIndex | None) -> str | None:
    if entities is None or not token.ent_type_ or token.ent_type_ in {"CARDINAL", "ORDINAL"}:
        return None
    entity = entities.entity_at(article_id, token.idx, token.idx + len(token))
    return entity_key(entity) if entity is not None else None


def _one_entity(a: str, b: str) -> bool:
    """Whether two entity keys may name one participant: a person keyed by surname
    ("person:stone") and a name the index typed otherwise that ends in it ("Roger Stone")."""
    if a == b:
        return True
    for key, name in ((a, b), (b, a)):
        if key.startswith("person:") and not name.startswith("person:"):
            words = name.casefold().split()
            return bool(words) and words[-1] == key.removeprefix("person:")
    return False
