"""Words about a person are not that person's words.

A speaker carried to quoted words from another sentence (the one before, or a pronoun or a
role resolved to someone named earlier) is a guess from focus, and the words themselves can
refute it: a speaker names themselves in the first person, not by their own name, and
"his conduct is unbecoming" is about someone other than who says it. So a carried speaker
is dropped when the words name them, or when they speak of someone in the third person,
never in the first, and that someone can only be the carried speaker (no other person of
that gender is in reach for the pronoun to mean).
"""

from __future__ import annotations

from typing import Any

from newsprism.comparison.quotes.context import Context
from newsprism.comparison.quotes.lexicon import FIRST_PERSON, ROLE_NOUNS, THIRD_PERSON
from newsprism.comparison.quotes.names import (
    Speaker,
    name_key,
    name_tokens,
    office,
    same_person,
)

Token = Any


def _named_inside(inner: list[Token], speaker: Speaker, ctx: Context) -> bool:
    """Whether the quoted words name ``speaker`` as a person (the tagger may miss a bare
    surname: a capitalized proper noun spelled like theirs, in no other kind of name)."""
    surname = name_key(speaker.text)
    for token in inner:
        ent = ctx.speakers.entity(token)
        if ent is not None and ent.label_ == "PERSON" and token.i == ent.end - 1:
            name = " ".join(t.text for t in name_tokens(list(ent)))
            if same_person(name, speaker.text):
                return True
        bare = ent is None and token.pos_ == "PROPN" and token.text[:1].isupper()
        if bare and token.lower_ == surname:
            return True
    return False


def _others_in_reach(inner: list[Token], speaker: Speaker, gender: str, ctx: Context) -> bool:
    """Whether someone besides ``speaker`` is in reach for a pronoun of ``gender`` in the
    quoted words: a person named or described (by a role) before them in the window the
    article's pronouns look back over, or named in the words themselves, or for "she" a
    country."""
    speakers = ctx.speakers
    here = next(i for i, s in enumerate(ctx.sentences) if s.start <= inner[0].i < s.end)
    window = speakers.window(here)
    start, end = window[0].start, inner[-1].i + 1
    key = name_key(speaker.text)
    titles = {office(t) for t in speakers.titles.get(key, set())}
    for named in speakers.named:
        if not named.person or not start <= named.start < end:
            continue
        text = ctx.doc[named.start : named.end].text
        if same_person(text, speaker.text):
            continue
        if speakers.gender.get(named.key, gender) == gender:
            return True
    for token in ctx.doc[start:end]:
        inside = inner[0].i <= token.i <= inner[-1].i
        ent = speakers.entity(token)
        other = (
            ent is not None and ent.label_ == "PERSON" and not same_person(ent.text, speaker.text)
        )
        if inside and other:
            return True
        # A country may be "she" ("… her hostile intentions"), in a report or in the words.
        if gender == "female" and ent is not None and ent.label_ == "GPE":
            return True
        role = token.pos_ == "NOUN" and token.lemma_.lower() in ROLE_NOUNS
        own = office(token.lemma_) in titles or speaker.start <= token.idx < speaker.end
        if role and not (inside or ctx.quoted[token.i] or own):
            return True
    return False


def about_the_speaker(inner: list[Token], speaker: Speaker, ctx: Context) -> bool:
    """Whether quoted words are about (or addressed to) ``speaker`` rather than theirs."""
    if _named_inside(inner, speaker, ctx):
        return True
    if any(t.lower_ in FIRST_PERSON for t in inner):
        return False
    known = ctx.speakers.gender.get(name_key(speaker.text))
    for token in inner:
        gender = THIRD_PERSON.get(token.lower_)
        if gender is None or (known is not None and known != gender):
            continue
        if not _others_in_reach(inner, speaker, gender, ctx):
            return True
    return False


def carried(speaker: Speaker, inner: list[Token]) -> bool:
    """Whether ``speaker`` is named before the sentence that holds the quoted words (a
    credit the parser splits off after them, '"…?" Ann Lee asked.', is not carried)."""
    return speaker.start < inner[0].sent.start_char
