"""One outlet denies what the other affirms: "the vessel was not overloaded" / "the ferry
was overloaded".

Two sentences that merely word one outcome otherwise are no contradiction: "failure to
reach a deal would …" and "if they don't reach a deal, …" both suppose; "could not break
the impasse" and "ended with no deal" tell one outcome with two verbs; two pieces of one
quotation are one person's words. So a denial stands against an affirmation only when:

- both are asserted events (not modal, wished, planned, conditional or asked; see
  `frames`), outside quotations, on verbs of one lemma that each sentence uses once, not
  verbs of saying or holding a view ("declined to say whether", "did not rule out");
- they have the same participants as far as both name them: the same named subject and
  object, or the same noun (a pronoun says nothing);
- and neither outlet says the other's version anywhere: an outlet that reports both the
  denial and the affirmation tells a dispute, not another fact.

A sentence in the other's words but for a "not" on the verb needs none of this.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.frames import (
    IMPLICATIVE,
    PARALLEL,
    asserted,
    is_speech,
    subject_of,
)
from newsprism.model import Claim, Discrepancy, Span

Token = Any

_NOBODY = {"nothing", "nobody", "none", "neither", "no one"}
# Verbs whose complement did not happen: "failed to reach", "refused to sign".
_DENIERS = IMPLICATIVE - {"manage"}
# Who holds a view is no fact about the event.
_OPINION = frozenset("think believe feel hope know fear doubt seem".split())
_OBJECTS = frozenset({"dobj", "attr", "oprd"})


def denied(token: Token) -> bool:
    """Whether the sentence denies the event of ``token`` ("no deal was reached", "failed
    to reach", "did not call")."""
    # "invited without conferring" denies the conferring, not the inviting.
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children):
        return True
    for child in token.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and (
            child.lower_ in _NOBODY or any(g.lower_ == "no" for g in child.children)
        ):
            return True
    head = token.head
    return (token.dep_ == "xcomp" and head.lemma_.casefold() in _DENIERS) or (
        token.dep_ == "pcomp" and head.lower_ == "without"
    )


def _events(evidence: Evidence, span: Span) -> dict[str, list[Token]]:
    sentence = evidence.sentence(span)
    events: dict[str, list[Token]] = {}
    for token in sentence if sentence is not None else []:
        if token.pos_ != "VERB":
            continue
        events.setdefault(token.lemma_.casefold(), []).append(token)
    return events


def _object_of(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in _OBJECTS), None)


def _same_participants(evidence: Evidence, a: str, ta: Token, b: str, tb: Token) -> bool:
    return evidence.same_participant(
        a, subject_of(ta), b, subject_of(tb)
    ) and evidence.same_participant(a, _object_of(ta), b, _object_of(tb))


def _eligible(evidence: Evidence, article: str, token: Token) -> bool:
    lemma = token.lemma_.casefold()
    return (
        lemma not in _OPINION
        and not is_speech(token)
        and not evidence.is_quoted(article, token.idx)
        and asserted(token)
    )


def _says_otherwise(evidence: Evidence, article: str, token: Token, other: Token) -> bool:
    """Whether ``article`` itself also tells ``other``'s version of the event somewhere."""
    doc = evidence.articles[article].doc
    lemma, wanted = token.lemma_.casefold(), denied(other)
    return any(
        t.pos_ == "VERB"
        and t.lemma_.casefold() == lemma
        and t.i != token.i
        and denied(t) == wanted
        and _eligible(evidence, article, t)
        for t in doc
    )


def _one_claim(evidence: Evidence, a: str, ta: Token, b: str, tb: Token) -> bool:
    """Whether a denial and an affirmation worded otherwise are of one asserted event."""
    if not (_eligible(evidence, a, ta) and _eligible(evidence, b, tb)):
        return False
    if not _same_participants(evidence, a, ta, b, tb):
        return False
    return not (_says_otherwise(evidence, a, ta, tb) or _says_otherwise(evidence, b, tb, ta))


def _negated_in_place(ta: Token, tb: Token) -> bool:
    """One sentence in the other's words but for a negation of the verb ("has not denied" /
    "has denied", "did not call" / "called"): the same words, read as lemmas, once the
    negation and the "do" that carries it are set aside."""
    no, yes = (ta, tb) if denied(ta) else (tb, ta)
    negation = next((c for c in no.children if c.dep_ == "neg" or c.lower_ == "never"), None)
    if negation is None:
        return False
    carrier = {c.i for c in no.children if c.dep_ == "aux" and c.lemma_ == "do"}
    words_no = [
        t.lemma_.casefold()
        for t in no.sent
        if _word(t) and t.i != negation.i and t.i not in carrier
    ]
    words_yes = [t.lemma_.casefold() for t in yes.sent if _word(t)]
    return SequenceMatcher(None, words_no, words_yes, autojunk=False).ratio() >= PARALLEL


def _word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def polarity_discrepancies(evidence: Evidence, left: Span, right: Span) -> list[Discrepancy]:
    """Events one counterpart sentence denies and the other affirms."""
    a, b = left.article, right.article
    ea, eb = _events(evidence, left), _events(evidence, right)
    flipped = []
    for lemma in sorted(ea.keys() & eb.keys()):
        if len(ea[lemma]) != len(eb[lemma]):
            continue  # which use of the verb answers which is not clear
        for ta, tb in zip(ea[lemma], eb[lemma], strict=True):
            if denied(ta) == denied(tb):
                continue
            one = len(ea[lemma]) == 1
            if _negated_in_place(ta, tb) or (one and _one_claim(evidence, a, ta, b, tb)):
                flipped.append((lemma, ta, tb))
    if not flipped:
        return []
    lemma, ta, tb = flipped[0]
    text_a, text_b = evidence.texts(a, b)
    return [
        Discrepancy(
            kind="polarity",
            description="one outlet denies what the other affirms ("
            + ", ".join(f[0] for f in flipped)
            + ")",
            claims=[
                Claim.on(
                    left, "denied" if denied(ta) else "affirmed", text_a[left.start : left.end]
                ),
                Claim.on(
                    right, "denied" if denied(tb) else "affirmed", text_b[right.start : right.end]
                ),
            ],
        )
    ]
