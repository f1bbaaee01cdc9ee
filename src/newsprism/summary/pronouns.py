"""A sentence that opens with a personal pronoun names its referent instead.

So does one whose main clause has a pronoun for its subject after an opening phrase ("On
Wednesday, he adopted …"): that pronoun points back just the same.

Out of its article, "He said …" points at nobody. The referent is taken as the nearest
PERSON named before the sentence in the same article (within a few sentences, gender-checked
where an honorific tells it), written in its fullest form in that article; the pronoun is
replaced by that name, which is then cited as a span of the article too. "It" and "they"
mostly refer to things no entity tagger names ("It will allow currency users…", "They
brought in arms…"), so sentences opening with them are not offered at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Article, Mention

REACH = 3  # sentences back in which the referent must have been named
_PERSONAL = {"he": "male", "she": "female", "his": "male", "her": "female"}
_UNRESOLVED = frozenset("it its they them their".split())
_POSSESSIVE = frozenset({"his", "her"})
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_MALE = re.compile(r"\b(?:Mr|Sir|King|Prince|Lord)\.?\s*$")
_FEMALE = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Dame|Queen|Princess|Lady)\.?\s*$")


@dataclass(frozen=True)
class Referent:
    """What replaces a leading pronoun: the name's interval and whether it is possessive."""

    name: tuple[int, int]
    pronoun: tuple[int, int]
    possessive: bool


def leading_pronoun(text: str, start: int) -> tuple[str, tuple[int, int]] | None:
    """The lower-cased pronoun opening ``text`` (found at ``start``) and its interval."""
    match = _FIRST_WORD.match(text)
    if match is None:
        return None
    word = match.group(0).casefold()
    if word in _PERSONAL or word in _UNRESOLVED:
        return word, (start, start + match.end())
    return None


def opening_subject_pronoun(
    article: Article, start: int, end: int
) -> tuple[str, tuple[int, int]] | None:
    """The pronoun that is the subject of the main clause of ``[start, end)`` right after an
    opening phrase and its comma ("On Wednesday, he …"), lower-cased, with its interval.
    When the opening phrase names a person, the pronoun is given as unresolvable ("it"):
    "After meeting Ana Ruiz, he said" is rarely about her, and a referent found before it
    would be a guess."""
    if article.doc is None:
        return None
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    root = span.root
    for token in root.children:
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.i > span.start + 1
            and token.doc[token.i - 1].text == ","
            and (word := token.lower_) in (*_PERSONAL, *_UNRESOLVED)
        ):
            named = any(
                m.label == "PERSON" and start <= m.start < token.idx for m in article.mentions
            )
            return "it" if named else word, (token.idx, token.idx + len(token.text))
    return None


def _surname(mention: Mention) -> str:
    return mention.text.split()[-1].casefold().removesuffix("'s")


def _gender(article: Article, people: list[Mention], surname: str) -> str | None:
    """Male or female, when an honorific before the person's name says so."""
    for m in people:
        if _surname(m) != surname:
            continue
        before = article.text[max(0, m.start - 12) : m.start]
        if _MALE.search(before):
            return "male"
        if _FEMALE.search(before):
            return "female"
    return None


def referent(article: Article, index: int, pronoun: tuple[str, tuple[int, int]]) -> Referent | None:
    """The referent of ``pronoun`` (from `leading_pronoun`) opening sentence ``index``, or
    None when it cannot be found: the sentence should then not be used alone."""
    word, interval = pronoun
    if word in _UNRESOLVED:
        return None
    people = [m for m in article.mentions if m.label == "PERSON" and m.end <= interval[0]]
    for mention in reversed(people):
        if mention.sentence < index - REACH:
            break
        surname = _surname(mention)
        gender = _gender(article, people, surname)
        if gender is not None and gender != _PERSONAL[word]:
            continue
        same = [m for m in people if _surname(m) == surname]
        fullest = max(same, key=lambda m: (len(m.text.split()), -m.start))
        end = fullest.end - 2 if fullest.text.endswith(("'s", "’s")) else fullest.end
        return Referent((fullest.start, end), interval, word in _POSSESSIVE)
    return None
