"""What a sentence gives only as the backdrop of its statement: a happening told as the time
of another ("When X announced …, Y …"), as what the statement is set against ("While many
have speculated that …, X said …"), or as the grounds of another act ("praised the police
for arresting …"). Such a verb, below the sentence's main predicates, is not what the
sentence tells (`happenings`)."""

from __future__ import annotations

from typing import Any

from newsprism.comparison.discrepancies import is_predicate

Token = Any

# What opens a clause or a phrase that only says when something else happened.
TIME_MARKS = frozenset("when whenever after before once until till".split())
_TIME_PREPS = frozenset("after before within following upon until".split())
# What opens a clause or a phrase that the sentence's statement is set against ("While many
# have speculated that …, X said …", "despite claims that …").
_CONCESSIVE = frozenset("while although though whereas".split())
_CONCESSIVE_PREP = "despite"
# What opens the act a verb answers: "praised the police for arresting …", "criticized the
# board over closing …".
_GROUNDS = frozenset({"for", "over"})


def reread(doc: Any, mains: set[int]) -> tuple[set[int], set[int]]:
    """A sentence's main predicates, and those the small parser took for its root although
    a time marker opens their clause ("When Abbott announced …, many were puzzled" parsed
    with "announced" as the root and "puzzled" as what it reports): a clause opened by
    "when" says when the sentence's statement happened, and what it governs is that
    statement."""
    misread = {
        i
        for i in mains
        if any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS and c.i < i
            for c in doc[i].children
        )
        and _complements(doc[i])
    }
    return (mains - misread) | {c.i for i in misread for c in _complements(doc[i])}, misread


def _complements(verb: Token) -> list[Token]:
    """The clauses a verb governs after it as what it reports."""
    return [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and is_predicate(c)]


def in_backdrop(verb: Token, mains: set[int], misread: set[int]) -> bool:
    """Whether the verb is told only as the time of another, or as what the statement is
    set against: it stands, below the sentence's main predicates, in a clause of time
    ("When X announced …") or under a preposition of time ("within hours of X signing …",
    "after leaving port"), in a clause of concession opening the sentence ("While many
    have speculated that X offered …, Y said that was never the case"), or as the grounds
    of another act ("praised the police for quickly arresting a suspect": the statement is
    the praise, whoever gives it)."""
    head = verb.head
    if (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ in _GROUNDS
        and head.head.pos_ == "VERB"
        and verb.i not in mains
    ):
        return True
    for token in (verb, *verb.ancestors):
        if token.i in mains:
            return False
        if token.i in misread:
            return True
        # The small parser hangs "when" on its clause as a mark or as an adverb.
        if token.dep_ == "advcl" and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in token.children
        ):
            return True
        # Opening the sentence, "while" concedes what the statement is set against; after
        # it ("prices rose, while stocks fell"), it adds a statement of its own.
        if (
            token.dep_ == "advcl"
            and token.i < token.head.i
            and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in token.children)
        ):
            return True
        if (
            token is not verb
            and token.dep_ == "prep"
            and token.lower_ in _TIME_PREPS | {_CONCESSIVE_PREP}
        ):
            return True
    return False
