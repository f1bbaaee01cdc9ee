"""Who "they" are: a body or a role in the plural, or people named together.

Reports say "they" after naming a group ("The Democrats on the committee walked out"),
people in a role ("Investigators"), or several people at once ("Ann Roe and Tim Lee", "the
couple", "the philanthropists Ann and Tim Lee"); anything else leaves "they" unresolved.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from newsprism.comparison.quotes.antecedents import SUBJECT_DEPS, Antecedents
from newsprism.comparison.quotes.lexicon import COUPLES, GROUP_PRONOUNS, ROLE_NOUNS
from newsprism.comparison.quotes.names import Speaker

Token = Any

# Arcs that build one noun phrase of names ("the philanthropists Ann and Tim Lee").
_NAME_PARTS = frozenset({"appos", "compound", "conj", "cc", "nmod", "flat", "punct"})
# How far back (in sentences) "they" looks for the group it means.
_GROUP_BACK = 2


class Groups(Antecedents):
    """The groups "they" refers back to, over one article."""

    def group(self, token: Token) -> Speaker | None:
        """Who "they" are: the plural main subject of the nearest sentence before that has
        one, when it is a body by name ("The Democrats on the committee walked out. "...,"
        they said"), a role in the plural ("Investigators ... they said"), people named
        together ("Ann Roe and Tim Lee walked out. … they said": both of them, also in
        apposition to a noun for them: "The philanthropists Ann and Tim Lee"), or a noun for
        two people together ("The couple … they wrote"), who are the people named together
        before it. A sentence whose main subject is someone else in the singular, or
        several joined by "and" who are not all people named, leaves "they" unresolved."""
        here = next(i for i, s in enumerate(self.sentences) if s.start <= token.i < s.end)
        for sentence in reversed(self.sentences[max(0, here - _GROUP_BACK) : here + 1]):
            root = sentence.root
            subject = next(
                (
                    c
                    for c in root.children
                    if c.dep_ in SUBJECT_DEPS and c.i < token.i and not self.quoted[c.i]
                ),
                None,
            )
            if subject is None or subject.i == token.i or subject.lower_ in GROUP_PRONOUNS:
                continue
            if any(c.dep_ == "conj" for c in subject.children):
                return self._together(subject)
            together = self._named_with(root, token.i)
            if together is not None:
                return together
            if subject.lemma_.lower() in COUPLES and not self.quoted[subject.i]:
                return self._couple(subject)
            if subject.tag_ not in ("NNS", "NNPS"):
                return None
            ent = self._ent_of.get(subject.i)
            body = ent is not None and ent.label_ in ("ORG", "NORP")
            if body or (ent is None and subject.lemma_.lower() in ROLE_NOUNS):
                if ent is not None:
                    return self._speaker(list(self.doc[ent.start : ent.end]))
                return self._from_noun(subject)
            return None
        return None

    def _together(self, first: Token) -> Speaker | None:
        """People named together ("Bill and Melinda Roe"), as one joint speaker; None when
        one of them is not a person named."""
        joined = [first, *(c for c in first.children if c.dep_ == "conj")]
        ents = [e for t in joined if (e := self._ent_of.get(t.i)) is not None]
        # One of them may be tagged otherwise ("Mara Quist and Leo Quist" with Leo an
        # organization): a name spelled like a person's the article names is a person.
        if len(ents) < len(joined) or any(
            self.quoted[e.start] or not (e.label_ == "PERSON" or self._a_person(e)) for e in ents
        ):
            return None
        return self._span(ents[0].start, ents[-1].end - 1)

    def _named_with(self, root: Token, before: int) -> Speaker | None:
        """People named together inside the subjects of ``root``, beside a noun for them
        ("The philanthropists Ann and Tim Lee", however the parser hangs the names): two
        or more people with only "and" or a comma between them. Names in a phrase or a
        clause of the subject ("the lawyers for Ann Lee and Tim Roe") are other people."""
        own: list[Token] = []
        heads = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < before]
        while heads:
            head = heads.pop()
            own.append(head)
            heads += [c for c in head.children if c.dep_ in _NAME_PARTS]
        people = sorted(
            {e.start: e for t in own if (e := self._ent_of.get(t.i)) is not None}.values(),
            key=lambda e: e.start,
        )
        if len(people) < 2 or any(self.quoted[e.start] or e.label_ != "PERSON" for e in people):
            return None
        between = [t for a, b in pairwise(people) for t in self.doc[a.end : b.start]]
        if not between or any(t.lower_ not in ("and", ",") for t in between):
            return None
        return self._span(people[0].start, people[-1].end - 1)

    def _couple(self, noun: Token) -> Speaker | None:
        """The people a noun for two together means: the nearest people named together
        before it."""
        here = next(i for i, s in enumerate(self.sentences) if s.start <= noun.i < s.end)
        for sentence in reversed(self.window(here)):
            for t in reversed(sentence):
                if t.i >= noun.i or self.quoted[t.i]:
                    continue
                found = self._together(t) if any(c.dep_ == "conj" for c in t.children) else None
                if found is not None:
                    return found
        return None
