"""How an article names a speaker: the name's words, its key, and the titles it gives them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsprism.comparison.quotes.lexicon import (
    ISSUED,
    NAME_PARTICLES,
    ROLE_ALIASES,
    ROLE_NOUNS,
    TITLE_WORDS,
)

Token = Any

# How many words before a name may hold its title.
TITLE_REACH = 8


@dataclass(frozen=True)
class Speaker:
    """A speaker as the article names it, with the character span of that name."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Named:
    start: int  # token offsets
    end: int
    person: bool
    key: str  # lowercased last word, shared by "Mike Pompeo" and "Pompeo"


def name_key(text: str) -> str:
    words = text.replace("'s", "").split()
    return words[-1].lower() if words else ""


def same_person(a: str, b: str) -> bool:
    """One person written two ways: the same surname, and no two different forenames
    ("Melinda Gates" is not "Bill Gates")."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return len(wa) < 2 or len(wb) < 2 or wa[-2] == wb[-2]


def _words(text: str) -> list[str]:
    return [w.strip(".,").lower() for w in text.replace("'s", "").split()]


def office(word: str) -> str:
    """One spelling for one office: "Rep.", "congressman" → "representative"."""
    word = word.lower()
    return ROLE_ALIASES.get(word.rstrip("."), word)


def name_tokens(tokens: list[Token]) -> list[Token]:
    """A name without determiners, possessive marks or the titles and roles before it.

    "White House spokeswoman Sarah Sanders" and "Finance Minister Ana Ruiz" are
    one mention to the NER model; the speaker is the person named at the end.
    """
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    cuts = [
        i
        for i, t in enumerate(tokens)
        if (t.text[:1].islower() and t.lower_ not in NAME_PARTICLES)
        or t.lower_.rstrip(".") in TITLE_WORDS
    ]
    if cuts and cuts[-1] < len(tokens) - 1:
        tokens = tokens[cuts[-1] + 1 :]
    return tokens


def title_words(doc: Any, ent: Any, quoted: list[bool]) -> list[str]:
    """The words an article puts before a name as its title, and their office.

    "Minister for Agriculture, Natural Resources and Environment Costas Petrides": the
    title may stand several words before the name, but not past a verb ("the president
    met with Kim" gives Kim no title), nor past another name ("Queen Noor of Jordan,
    financier George Soros"), nor into a quotation (in "'... an actress,' producer Martin
    Bregman said" the actress is someone the producer talks about). Only words that
    modify the name in the parse count: in "a lawyer for Mr. Grimm" the lawyer is
    someone else.
    """
    first = ent.start
    while first > max(ent.sent.start, ent.start - TITLE_REACH):
        before = doc[first - 1]
        if before.pos_ in {"VERB", "AUX"} or before.ent_type_ or quoted[before.i]:
            break
        first -= 1
    anchors = {ent.root.i}
    # "His wife, Marisol,": the noun a name is in apposition to is its title.
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        anchors.add(ent.root.head.i)
    words = [
        t.lower_
        for t in doc[first : ent.start]
        if t.i in anchors or any(a.i in anchors for a in t.ancestors)
    ]
    # "Queen Noor" is one mention to the NER model: its title is inside it.
    words += [
        t.lower_ for t in ent if not t.text[:1].isupper() or t.lower_.rstrip(".") in TITLE_WORDS
    ]
    return words + [office(w) for w in words if office(w) != w]


def head_title(doc: Any, ent: Any) -> str | None:
    """The office a title gives a person: its head noun, the word right before the name
    ("House Speaker Jo Doe" → speaker) or the noun the name is in apposition to."""
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return office(root.head.lemma_)
    if ent.start == 0:
        return None
    before = doc[ent.start - 1]
    # Outside any entity: "Twitter's Jo Doe" names an employer, not an office.
    in_title = before.is_alpha and not before.ent_type_ and before.pos_ in ("NOUN", "PROPN")
    if in_title and any(a.i == root.i for a in before.ancestors):
        return office(before.lower_)
    return None


def definite_role(token: Token) -> bool:
    """ "the Minister", "the queen": a role noun after a definite article describes a person
    named elsewhere, even when capitalized."""
    if token.lemma_.lower() not in ROLE_NOUNS and token.lower_ not in ROLE_NOUNS:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def a_place(token: Token) -> bool:
    """ "the nation's", "America's": a place whose office a role names."""
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    return token.ent_type_ == "GPE" or (the and token.lower_ == "nation")


def issuer(token: Token) -> Token | None:
    """Who issued a written statement: "a statement issued by X", "a report by X", "a
    statement released in the name of X". The statement speaks for them."""
    if token.lemma_.lower() not in ISSUED:
        return None
    for by in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"):
        return next((c for c in by.children if c.dep_ == "pobj"), None)
    for verb in (c for c in token.children if c.dep_ == "acl"):
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            if child.dep_ == "prep" and child.lower_ == "in":
                name = next((c for c in child.children if c.dep_ == "pobj"), None)
                if name is None or name.lower_ != "name":
                    continue
                of = next((c for c in name.children if c.lower_ == "of"), None)
                if of is not None:
                    return next((c for c in of.children if c.dep_ == "pobj"), None)
    return None


def named_after(token: Token) -> Token | None:
    """The organization or person a document is named after ("a Congressional Research
    Service report", "the Ruiz memo")."""
    for child in token.children:
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON"):
            return child
    return None
