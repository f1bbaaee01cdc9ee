"""What a sentence tells happened: who did what to whom, read from its dependency parse.

Two sentences on one topic often share a verb while each tells something else ("the account
was hacked" / "he hired a firm to look into the hack"), and two sentences of one speech share
its words while each says something else. What a sentence *tells* is its main predicate:
the root, the verbs coordinated with it, what a root of saying reports ("officials said the
ferry sank": the sinking) and what a root completes with an infinitive ("vowed to end": the
ending). Each is kept with its doer and undergoer, as canonical entities when they name one
("Smith resigned" and "the senator resigned" are not told apart, "Smith resigned" and
"Jones resigned" are). A verb that only frames a statement ("said", "is") tells no
happening of its own.

Two sentences tell one happening when they share a verb whose doers and undergoers do not
name different entities, and one of them tells it while the other tells or mentions
it ("his account was hacked" / "a hacked account"): what one sentence only mentions on the
way to telling something else, and the other too, is the topic they share, not a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsprism.comparison.discrepancies import is_predicate, main_predicates
from newsprism.comparison.voices import entity_key
from newsprism.nlp import EntityIndex

Token = Any

_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod"})
_NUMBER_WORDS = frozenset(
    "dozen dozens hundred hundreds thousand thousands million billion".split()
)
_AGENT = frozenset({"nsubj", "csubj"})
# The one that undergoes the event, whatever the voice: "hit the coast" / "the coast was hit".
_PATIENT = frozenset({"dobj", "nsubjpass"})


@dataclass(frozen=True)
class Happening:
    """A verb of a sentence, with the entities that do and undergo it, and whether it is
    a main predicate of its sentence."""

    verb: str
    doer: str | None
    undergoer: str | None
    main: bool  # what the sentence tells, not a happening it mentions on the way
    counted: bool = False  # a number counts who or what does or undergoes it

    def same_as(self, other: Happening) -> bool:
        """One verb, told by at least one of the two sentences, and neither its doers nor
        its undergoers are two different entities."""
        return (
            self.verb == other.verb
            and (self.main or other.main)
            and not _differ(self.doer, other.doer)
            and not _differ(self.undergoer, other.undergoer)
        )


def reacts(mains: frozenset[Happening], mention: Happening, told: Happening) -> bool:
    """Whether a sentence that only mentions a happening tells a named someone's act about
    it ("Trump praised the police for arresting a suspect" / "a suspect was arrested"): an
    act of one who neither does nor undergoes the happening is a reaction to it, another
    statement."""
    if mention.main:
        return False
    parties = {mention.doer, mention.undergoer, told.doer, told.undergoer} - {None}
    return any(h.main and h.doer is not None and h.doer not in parties for h in mains)


def one_count(a: frozenset[Happening], b: frozenset[Happening]) -> bool:
    """Whether both sentences count who or what takes part in one happening ("12 people were
    injured" / "injuring a dozen"): the same attribute of one happening, whatever the values,
    which a reader and the discrepancy finder must see side by side."""
    return any(x.counted and y.counted and x.same_as(y) for x in a for y in b)


def _differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def told(
    span: Any, article_id: str, entities: EntityIndex | None, frame_verbs: frozenset[str]
) -> frozenset[Happening]:
    """The happenings a sentence (a spaCy span) tells, frame verbs left out."""
    if span is None:
        return frozenset()
    inside = range(span.start, span.end)
    mains: set[int] = set()
    for sentence in {t.sent for t in span}:
        mains |= {i for i in main_predicates(sentence) if i in inside}
    doc = span.doc
    # What a main verb completes with an infinitive is told too ("vowed to end" tells the end).
    mains |= {
        c.i
        for i in list(mains)
        for c in doc[i].children
        if c.dep_ == "xcomp" and is_predicate(c) and c.i in inside
    }
    found = set()
    for verb in span:
        # A root that is no verb (a dash, a headline's noun) tells no happening.
        if not (verb.pos_ == "VERB" or (verb.i in mains and is_predicate(verb))):
            continue
        lemma = verb.lemma_.casefold()
        if lemma in frame_verbs:
            continue
        doer = next((c for c in verb.children if c.dep_ in _AGENT), None)
        if doer is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        undergoer = next((c for c in verb.children if c.dep_ in _PATIENT), None)
        found.add(
            Happening(
                lemma,
                _entity(doer, article_id, entities),
                _entity(undergoer, article_id, entities),
                verb.i in mains,
                any(_counts(arg) for arg in (doer, undergoer) if arg is not None),
            )
        )
    return frozenset(found)


def _counts(phrase: Token) -> bool:
    """Whether a number counts the phrase: "12 people", "a dozen", "at least 300 passengers"
    (a day, a sum, a share or a rank is no count of who or what takes part: sums and
    shares of one story are earned, paid or raised over many periods by many people)."""
    for token in (phrase, *(c for c in phrase.children if c.dep_ in _NUMBER_DEPS)):
        if token.ent_type_ not in {"", "CARDINAL"}:
            continue
        if token.like_num or token.lemma_.casefold() in _NUMBER_WORDS:
            return True
    return False


def _entity(token: Token | None, article_id: str, entities: EntityIndex | None) -> str | None:
    """The canonical entity the phrase headed by ``token`` names, if it names one."""
    if token is None or entities is None:
        return None
    if token.pos_ == "PRON":
        return None
    # The head's own name ("Senator Smith", "the Smith campaign" names a campaign, not Smith).
    if not token.ent_type_:
        return None
    entity = entities.entity_at(article_id, token.idx, token.idx + len(token))
    if entity is None:
        return None
    return entity_key(entity)
