"""Wording read off a sentence's tokens: where quotations open and close, the quotations
themselves, the clauses a sentence asks rather than tells, and those it only weighs."""

from __future__ import annotations

from typing import Any

from newsprism.comparison.quotes import SPEECH_VERBS

# Words in a row one outlet quotes and the other has too: the same words of the same
# speaker; a whole quotation this long counts too ("in their entirety").
QUOTED_RUN = 3


def asked(span: Any) -> set[int]:
    """Token indices of the clauses a sentence asks rather than tells: opened by "whether",
    or by "if" as what a verb says or asks ("did not say if it was hacked")."""
    found: set[int] = set()
    for token in span or []:
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if "whether" in marks or ("if" in marks and token.dep_ == "ccomp"):
            found |= {t.i for t in token.subtree}
    return found


# How a verb acts on the noun a claim completes: as its object, its passive subject, or
# through a preposition ("disputed the claim that …", "pushed back on reports that …").
_ACTED_ON = frozenset({"dobj", "nsubjpass", "pobj"})


def weighed(span: Any) -> set[int]:
    """Token indices of the claims a sentence weighs rather than makes: a clause opened by
    "that" completing a noun that a verb other than one of saying acts on ("Tenants rejected
    the landlord's claim that the fire started in the basement"): the sentence tells the
    rejection, and its speakers may hold the claim false. What one says in a statement ("said
    in a statement that …") or denies ("denied reports that …": a contradiction to show) is
    still said."""
    found: set[int] = set()
    for token in span or []:
        noun = token.head
        if not (
            token.dep_ in {"acl", "ccomp"}
            and noun.pos_ in {"NOUN", "PROPN"}
            and noun.dep_ in _ACTED_ON
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
        ):
            continue
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ == "VERB" and verb.lemma_.casefold() not in SPEECH_VERBS:
            found |= {t.i for t in token.subtree}
    return found


# Typographic and wire-copy marks say which way they go; a straight mark only toggles.
_OPENING = frozenset({"“", "``", "`"})  # spaCy splits "``" into two
_CLOSING = frozenset({"”", "''"})


def inside_after(mark: str, inside: bool) -> bool:
    """Whether the words after a token are inside a quotation."""
    if mark in _OPENING:
        return True
    if mark in _CLOSING:
        return False
    return not inside if mark == '"' else inside


def quotations_of(words: list[str], inside: list[bool]) -> frozenset[str]:
    """Each stretch of words inside quote marks, whole, when it is QUOTED_RUN words or more."""
    found, run = set(), []
    for word, quoted in zip([*words, ""], [*inside, False], strict=True):
        if quoted:
            run.append(word)
            continue
        if len(run) >= QUOTED_RUN:
            found.add(" ".join(run))
        run = []
    return frozenset(found)
