"""What two reports' leads tell: the central happening of their story, and who acts in it.

News writing puts the story's event in the first sentence, each outlet in its own verb
("sank" / "capsized" / "overturned"), so two leads that are each other's best match are
taken for one happening even without a verb in common. They tell two acts when two bodies
of one kind act in them ("the Senate committee" / "the House committee"), or when a named
participant acts in one and, in the other, is only acted on by someone else ("A wary Supreme
Court weighed …" / "The administration urged a skeptical Supreme Court …": the parties'
plea and the court's hearing are two happenings) or acts only in a clause that says when the
other's statement happened ("When Abbott announced a wall, many were puzzled" / "Abbott
detailed his plan": the puzzlement is not the announcement).
"""

from __future__ import annotations

from typing import Any

from newsprism.comparison.backdrop import TIME_MARKS, reread
from newsprism.comparison.discrepancies import is_predicate, main_predicates
from newsprism.comparison.happenings import doer_of, participant_key
from newsprism.nlp import EntityIndex, sentences_of

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "nsubjpass"})


def _mains(span: Any, sentence: Any, after: int) -> tuple[set[int], set[int]]:
    """A sentence's main predicates, and the roots the parser misread that only say when
    they happened (`happenings.reread`). A dateline's dash parsed as the root ("WASHINGTON ―
    The committee is preparing"): what it governs is what the sentence tells."""
    mains, misread = reread(span.doc, main_predicates(sentence))
    mains |= {
        c.i
        for i in mains
        if span.doc[i].idx < after
        for c in span.doc[i].children
        if c.dep_ in {"ccomp", "conj"} and is_predicate(c)
    }
    return mains, misread


def bodies(
    span: Any, article_id: str, entities: EntityIndex | None, after: int = 0
) -> frozenset[tuple[str, str]]:
    """The named bodies that a sentence (a spaCy span) tells acted, each as its kind and its
    name: a main predicate's subject whose head noun (its kind) is or holds a name ("the
    Senate committee", "the leaders of the House Intelligence Committee") gives
    ("committee", the name). A dateline (before character ``after``) names no one."""
    if span is None or entities is None:
        return frozenset()
    found = set()
    for sentence in sentences_of(span):
        for i in _mains(span, sentence, after)[0]:
            subject = next((c for c in span.doc[i].children if c.dep_ in _SUBJECTS), None)
            if subject is None or subject.idx < after:
                continue
            if not subject.ent_type_:
                # "the leaders of X": the body acts through its members.
                of = next(
                    (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None
                )
                subject = (
                    next((c for c in of.children if c.dep_ == "pobj"), subject) if of else subject
                )
            if subject.pos_ not in {"NOUN", "PROPN"}:
                continue
            for token in (subject, *(c for c in subject.children if c.dep_ == "compound")):
                if (key := participant_key(token, article_id, entities)) is not None:
                    found.add((subject.lemma_.casefold(), key))
    return frozenset(found)


def other_bodies(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether two sentences tell acts of two different bodies of one kind ("the Senate
    committee" / "the House committee"), neither telling an act of the other's. A name
    inside the other ("the coast guard" / "the Philippine Coast Guard") may be the same
    body's."""
    return any(
        kind == other
        and _two_names(name, named)
        and (kind, named) not in a
        and (kind, name) not in b
        for kind, name in a
        for other, named in b
    )


def _two_names(a: str, b: str) -> bool:
    words_a, words_b = set(a.casefold().split()), set(b.casefold().split())
    return not (words_a <= words_b or words_b <= words_a)


def parties(
    span: Any, article_id: str, entities: EntityIndex | None, after: int = 0
) -> frozenset[tuple[str, str]]:
    """Who a sentence (a spaCy span) tells acting, acted on, or acting in a clause of time:
    ("doer", key) for a main predicate's named doer, and for what it completes with an
    infinitive when it has no object of its own ("Biden plans to unveil", "is expected to
    announce": Biden's act); ("acted on", key) for a main predicate's named object or
    passive subject when a phrase of its own does it ("the administration urged the
    court"); ("at the time", key) for the named doer of a clause of time on a main
    predicate ("when Abbott announced …"). What one is urged or asked to do ("urged the
    court to let …") is the asker's plea, not an act of the one asked."""
    if span is None or entities is None:
        return frozenset()
    found: set[tuple[str, str]] = set()

    def add(role: str, phrase: Any) -> None:
        if (key := participant_key(phrase, article_id, entities)) is not None:
            found.add((role, key))

    for sentence in sentences_of(span):
        mains, misread = _mains(span, sentence, after)
        for i in mains:
            verb = span.doc[i]
            doer = doer_of(verb)
            undergoer = next((c for c in verb.children if c.dep_ in _OBJECTS), None)
            add("doer", doer)
            if doer is not None and doer.pos_ != "PRON" and undergoer is not None:
                add("acted on", undergoer)
            for clause in verb.children:
                if clause.dep_ == "advcl" and any(
                    c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in clause.children
                ):
                    add("at the time", doer_of(clause))
            if any(c.dep_ == "dobj" for c in verb.children):
                continue
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if any(c.dep_ == "xcomp" and is_predicate(c) for c in verb.children):
                add("doer", subject)
        for i in misread:
            add("at the time", doer_of(span.doc[i]))
    return frozenset(found)


def acted_on(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether a named participant acts in one sentence and, in the other, is only acted on
    by someone else, or acts only in a clause that says when the other's statement happened
    ("When Abbott announced a wall, many were puzzled" / "Abbott detailed his plan"): the
    other tells another party's act upon it, or what came at the time of its act."""
    return any(
        role == "doer"
        and ("doer", key) not in other
        and (("acted on", key) in other or ("at the time", key) in other)
        for first, other in ((a, b), (b, a))
        for role, key in first
    )
