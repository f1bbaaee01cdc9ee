"""Whose statement a sentence is: the speaker of the quotation it holds, or the named
subject of the verb of saying it is told with ("Smith said …", "… , Smith said").

Who said it is part of what a sentence states: the same idea in the words of two different
people (two senators each demanding the report; a spokesman's defence and a critic's
charge) is two statements, not one fact several outlets report. Only named speakers are
told apart: "officials said" and "police said" may be the same people, "Smith said" and
"Jones said" are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from newsprism.comparison.discrepancies import PARALLEL, is_speech, same_words, words_of
from newsprism.model import Article, Entity, Quote
from newsprism.nlp import EntityIndex, sentences_of

_SUFFIXES = frozenset("jr sr ii iii iv".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def entity_key(entity: Entity) -> str:
    """One key per participant: a person by surname, so that two names the entity index
    left apart ("John G. Roberts Jr." / "John Roberts") are not taken for two people."""
    if entity.type != "PERSON":
        return entity.name
    words = [w.strip(".,").casefold() for w in entity.name.split()]
    words = [w for w in words if w and w not in _SUFFIXES]
    return f"person:{words[-1]}" if words else entity.name


@dataclass(frozen=True)
class Voice:
    """Whose statement a sentence is, in which words."""

    speaker: str | None  # a named speaker, None when it names none (or several)
    quoted: tuple[tuple[str, ...], ...]  # the words of each quotation it holds
    words: tuple[str, ...]  # the sentence's own words

    def other_than(self, other: Voice) -> bool:
        """Whether two sentences are statements of two named people in other words. The
        same words credited to two people (a quotation, or a sentence worded alike but for
        who said it) are one statement whose speaker is in question."""
        if self.speaker is None or other.speaker in {None, self.speaker}:
            return False
        if any(same_words(a, b) for a in self.quoted for b in other.quoted):
            return False
        return not self.worded_alike(other)

    def worded_alike(self, other: Voice) -> bool:
        """Whether the two sentences are worded alike but for a few words (who said it)."""
        return SequenceMatcher(None, self.words, other.words, autojunk=False).ratio() >= PARALLEL


def voices(
    article: Article, entities: EntityIndex | None, quotes: Sequence[Quote] = ()
) -> list[Voice]:
    """The voice of each sentence of the article: the one named speaker of the quotations
    it holds, else of its verb of saying (a sentence that sets one speaker's words against
    another's names none)."""
    mine = [
        (o.start, o.end, o.text, o.speaker_text)
        for q in quotes
        for o in q.occurrences
        if o.article == article.id
    ]
    found = []
    for sentence in article.sentences:
        inside = [m for m in mine if m[0] < sentence.end and sentence.start < m[1]]
        keys = {
            entity_key(e)
            for _, _, _, name in inside
            if name and entities is not None and (e := entities.find(name)) is not None
        }
        if not keys and entities is not None:
            keys = _told_by(article, sentence.start, sentence.end, entities)
        speaker = next(iter(keys)) if len(keys) == 1 else None
        quoted = tuple(words_of(text) for _, _, text, _ in inside)
        found.append(Voice(speaker, quoted, words_of(sentence.text)))
    return found


def _told_by(article: Article, start: int, end: int, entities: EntityIndex) -> set[str]:
    """The named subject of the sentence's root when that root is a verb of saying that
    introduces what was said ("X announced that …", not "X announced a contribution",
    which is an act like any other)."""
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    keys = set()
    for sentence in sentences_of(span):
        root = sentence.root
        if not is_speech(root):
            continue
        subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        if (key := _named(subject, article, entities)) is not None:
            keys.add(key)
    return keys


def _named(token: Any, article: Article, entities: EntityIndex) -> str | None:
    if token is None or token.pos_ == "PRON" or not token.ent_type_:
        return None
    entity = entities.entity_at(article.id, token.idx, token.idx + len(token))
    return entity_key(entity) if entity is not None else None
