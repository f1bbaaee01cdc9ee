"""The story's event: what each report's lead tells, whatever verb it uses for it.

Reports of one story share one central event, and news writing tells it first: in the
lead, the first sentence past the dateline and the one after it. Each outlet picks its
own verb for it ("sank" / "capsized" / "overturned"; "passed" / "voted"), so no lemma
ties the reports' accounts together; the lead's place in the report does. A time is a
claim about the story's event when it is hung, as the time of it, on

- a predicate the lead asserts (see `lead_predicates`), or
- later in the report, a verb of one of those lemmas or a noun derived from one ("the
  capsizing on Wednesday", "Tuesday's vote").

Two reports' claims about it are weighed against each other with the guards that keep
any two times one attribute of one event:

- the two leads are aligned into one fact: the reports state one happening first;
- each report gives the event one value at that precision (else it is not clear which is
  meant), and the two are of one precision as `times` reads it;
- neither report names the other's value anywhere: a report that names both tells two
  events (the event and a follow-up), not another time for one; nor counts it among its
  own ("after a second night of unrest") while no named participant ties the two;
- the participants agree where both name them (two named doers are two acts), neither
  sentence dates something to another year than its report (background), and neither
  tells the other's event beside its own (the ruling and the attack on it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.frames import (
    actor_of,
    asserted,
    derives_from,
    is_predicate,
    is_speech,
    names_event,
    told_predicates,
)
from newsprism.comparison.discrepancies.times import (
    PRECISION,
    bound,
    counted_apart,
    same_weekday,
    time_claim,
    two_values,
)
from newsprism.comparison.quotes import SPEECH_VERBS
from newsprism.model import Discrepancy, Fact
from newsprism.nlp import TimeValue, same_time

Token = Any

# Sentences of a report that make its lead.
LEAD_SENTENCES = 2
# Clauses that tell how or when the lead's event came about ("were killed when the ferry
# sank", "capsized, killing 23"), as opposed to what a noun is ("a ferry carrying 187").
_EVENT_CLAUSES = frozenset({"advcl"})


@dataclass(frozen=True)
class _Told:
    value: TimeValue
    predicate: Token  # the verb or event noun the time is hung on


@dataclass(frozen=True)
class _Participant:
    named: bool  # a name ("Dona Rosa"), else a common noun ("ferry")
    words: frozenset[str]  # the name's words, or the noun's lemma

    def may_be(self, other: _Participant, evidence: Evidence) -> bool:
        if self.named:
            return bool(self.words & other.words)
        (x,), (y,) = self.words, other.words
        return x == y or evidence.may_be_one(x, y)


def lead(evidence: Evidence, article: str) -> list[Any]:
    """The report's lead: its first sentences that assert something (a dateline alone
    is none)."""
    doc = evidence.articles[article].doc
    found = []
    for sentence in doc.sents if doc is not None else ():
        if any(is_predicate(t) and t.pos_ == "VERB" for t in sentence):
            found.append(sentence)
        if len(found) == LEAD_SENTENCES:
            break
    return found


def _clause_heads(sentence: Any) -> list[Token]:
    """What a sentence asserts happened: its main predicates (see `frames`; a sentence with
    no other main verb has its predicate where the parser hung it on a noun) and the
    clauses of time or manner on them. What someone said is a statement, whose day is not
    the event's."""
    mains = {
        i
        for i in told_predicates(sentence)
        if sentence.doc[i].pos_ == "VERB" and sentence.doc[i].lemma_.casefold() not in SPEECH_VERBS
    }
    heads = [sentence.doc[i] for i in sorted(mains)]
    heads += [t for t in sentence if t.dep_ in _EVENT_CLAUSES and t.head.i in mains]
    return [
        t
        for t in heads
        if t.pos_ == "VERB"
        and t.lemma_.casefold() not in SPEECH_VERBS
        and asserted(t)
        and not any(c.dep_ == "neg" for c in t.children)
    ]


def lead_predicates(evidence: Evidence, article: str) -> list[Token]:
    """The predicates of the report's lead that tell its event. A later lead sentence that
    tells a sequence ("left port at 7:20 and overturned 40 minutes later") ties to the
    event only a verb the first sentence tells too: which step is the story's event is not
    clear from the sentence alone."""
    sentences = lead(evidence, article)
    if not sentences:
        return []
    first = _clause_heads(sentences[0])
    found = list(first)
    told = {t.lemma_.casefold() for t in first}
    for sentence in sentences[1:]:
        heads = _clause_heads(sentence)
        if len({t.lemma_.casefold() for t in heads}) > 1:
            heads = [t for t in heads if t.lemma_.casefold() in told]
        found += heads
    return found


def _hung_on(value: TimeValue, token: Token, times: Sequence[TimeValue]) -> Token | None:
    """The verb or noun a time is hung on as its time ("capsized at 0100 GMT", "the vote
    on Tuesday", "Tuesday's vote"); None when the time is what something acts on
    ("recalled Tuesday") or a bound ("after 8 a.m.")."""
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        # "Wednesday morning": a time naming a part of another is that time.
        inside = any(t.start <= head.idx < t.end for t in times)
        if node.dep_ == "prep":
            if bound(node):
                return None
            break
        if not inside and node.dep_ in {"npadvmod", "poss", "compound", "nmod"}:
            break
        if not inside and node.dep_ not in {"pobj", "advmod", "quantmod", "nummod", "amod"}:
            return None
        node = head
    else:
        return None
    return head if head.pos_ in {"VERB", "NOUN"} else None


def _claims(evidence: Evidence, article: str, predicates: Sequence[Token]) -> list[_Told]:
    """The report's times of its event: on a lead predicate, or on a verb of one of their
    lemmas or a noun derived from one, outside background sentences."""
    indices = {t.i for t in predicates}
    lemmas = {t.lemma_.casefold() for t in predicates}
    found = []
    for value in evidence.times[article]:
        if value.kind not in PRECISION:
            continue
        token = evidence.token_at(article, value.start)
        head = _hung_on(value, token, evidence.times[article]) if token is not None else None
        if head is None:
            continue
        if _tells_event(head, indices, lemmas) and not evidence.background(article, head.sent):
            found.append(_Told(value, head))
    return found


def _tells_event(head: Token, indices: set[int], lemmas: set[str]) -> bool:
    """Whether a verb or noun tells the report's event: a lead predicate, an asserted verb
    of one of their lemmas that is no statement, or a noun derived from one."""
    lemma = head.lemma_.casefold()
    if head.i in indices:
        return True
    if head.pos_ == "VERB":
        return lemma in lemmas and not is_speech(head) and asserted(head)
    return any(derives_from(lemma, verb) for verb in lemmas)


def _one_value(told: list[_Told], precision: str) -> _Told | None:
    """The report's one value for its event at a precision; None when it gives none, or
    two that differ."""
    of = [t for t in told if PRECISION[t.value.kind] == precision]
    if not of:
        return None
    first = of[0]
    if all(same_time(t.value, first.value) or same_weekday(t.value, first.value) for t in of):
        return first
    return None


def _leads_aligned(facts: Sequence[Fact], evidence: Evidence, a: str, b: str) -> bool:
    """Whether a consensus fact holds a sentence of each report's lead."""
    spans = {
        article: {(s.start_char, s.end_char) for s in lead(evidence, article)} for article in (a, b)
    }
    for fact in facts:
        if fact.kind != "consensus":
            continue
        sides = {
            s.article
            for s in fact.sentences
            if s.article in spans and any(start <= s.start < end for start, end in spans[s.article])
        }
        if sides == {a, b}:
            return True
    return False


def _participant(evidence: Evidence, article: str, token: Token | None) -> _Participant | None:
    if token is None or (name := evidence.participant(article, token)) is None:
        return None
    if name.startswith("entity:"):
        return _Participant(True, frozenset(name[7:].casefold().split()))
    if token.pos_ == "PROPN":
        words = {t.lower_ for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i}
        return _Participant(True, frozenset(words))
    return _Participant(False, frozenset({name[5:]}))


def _participants(evidence: Evidence, article: str, predicate: Token) -> list[_Participant]:
    """Who the happening is done by or to, as far as the report says: the doer and
    undergoer of a verb; for a verb the parser hung on a noun, that noun and the verb's own
    subject ("The barge Dona Rosa capsized" read as a relative clause)."""
    if predicate.pos_ != "VERB":
        return []
    tokens = [actor_of(predicate)]
    tokens += [c for c in predicate.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}]
    if predicate.dep_ in {"acl", "relcl"}:
        tokens.append(predicate.head)
    return [p for t in tokens if (p := _participant(evidence, article, t)) is not None]


def _same_participants(evidence: Evidence, a: str, ta: Token, b: str, tb: Token) -> bool:
    """False when the two happenings are surely done by or to others: two named doers that
    cannot be one ("the House passed" / "the Senate passed": one act on one bill by two
    actors is two acts), or, of the participants both name alike (two names, or two
    nouns), none that may be one ("Dona Rosa" / "the Rosa"; "the ferry" / "the vessel"),
    while "Santa Clara" is another barge and "the governor" another actor than "the
    court". A name against a noun tells nothing."""
    if ta.pos_ == "VERB" and tb.pos_ == "VERB":
        da = _participant(evidence, a, actor_of(ta))
        db = _participant(evidence, b, actor_of(tb))
        if da is not None and db is not None and da.named and db.named:
            return da.may_be(db, evidence) and _any_may_be(evidence, a, ta, b, tb)
    return _any_may_be(evidence, a, ta, b, tb)


def _any_may_be(evidence: Evidence, a: str, ta: Token, b: str, tb: Token) -> bool:
    comparable = [
        (x, y)
        for x in _participants(evidence, a, ta)
        for y in _participants(evidence, b, tb)
        if x.named == y.named
    ]
    return not comparable or any(x.may_be(y, evidence) for x, y in comparable)


def _told_apart(a: _Told, b: _Told) -> bool:
    """Whether either report tells the other's event beside its own dated one ("the
    governor on Tuesday attacked a ruling that struck the law down"): two events."""
    la, lb = a.predicate.lemma_.casefold(), b.predicate.lemma_.casefold()
    if la == lb:
        return False
    return names_event(b.predicate.sent, la, b.predicate) or names_event(
        a.predicate.sent, lb, a.predicate
    )


def central_times(
    evidence: Evidence, facts: Sequence[Fact], articles: Sequence[str]
) -> list[Discrepancy]:
    """Times of the story's event that two reports give otherwise."""
    told = {a: _claims(evidence, a, lead_predicates(evidence, a)) for a in articles}
    found = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            if not (told[a] and told[b]) or not _leads_aligned(facts, evidence, a, b):
                continue
            for precision in dict.fromkeys(PRECISION.values()):
                ca, cb = _one_value(told[a], precision), _one_value(told[b], precision)
                if ca is None or cb is None:
                    continue
                if (
                    two_values(evidence, a, ca.value, b, cb.value)
                    and _same_participants(evidence, a, ca.predicate, b, cb.predicate)
                    and not _told_apart(ca, cb)
                    and not counted_apart(
                        evidence, a, ca.value, ca.predicate, b, cb.value, cb.predicate
                    )
                ):
                    found.append(time_claim(evidence, a, ca.value, b, cb.value))
    return found
