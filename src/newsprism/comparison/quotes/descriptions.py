"""Speakers an article describes rather than names: who a document speaks for, the name a
lead's "a federal judge" is given just after, and a lawyer whose name the parser hangs on the
client. `Speakers` reads subjects through these."""

from __future__ import annotations

from typing import Any

from newsprism.comparison.quotes.groups import Groups
from newsprism.comparison.quotes.lexicon import (
    GROUP_PRONOUNS,
    ISSUING_VERBS,
    JUDGING_VERBS,
    NAMING_VERBS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
)
from newsprism.comparison.quotes.names import Speaker, issuer, name_key, named_after, office

Token = Any

PRONOUNS = frozenset(PERSON_PRONOUNS) | GROUP_PRONOUNS
# How many sentences ahead a lead's "a federal judge" may be named.
_AHEAD = 2


class Descriptions(Groups):
    """What a described speaker stands for; `Speakers` supplies `of`."""

    def of(self, token: Token) -> Speaker | None:
        raise NotImplementedError

    def _names(self, token: Token) -> bool:
        """A name, or a noun that a name makes someone's ("the Ruiz campaign")."""
        if token.i in self._ent_of or token.pos_ == "PROPN":
            return True
        return any(c.dep_ == "compound" and c.i in self._ent_of for c in token.children)

    def _named_later(self, token: Token) -> Speaker | None:
        """The name a lead gives "a federal judge" just after: "The judge, Ann Roe of the
        District Court, ..." in the next sentences."""
        here = next(i for i, s in enumerate(self.sentences) if s.start <= token.i < s.end)
        for sentence in self.sentences[here : here + _AHEAD + 1]:
            for t in sentence:
                if t.i <= token.i or t.lemma_ != token.lemma_ or self.quoted[t.i]:
                    continue
                if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                    continue
                # In apposition, as the parse says or as the commas show.
                name = next((c for c in t.children if c.dep_ == "appos"), None)
                if name is None and t.i + 2 < len(self.doc) and self.doc[t.i + 1].text == ",":
                    name = self.doc[t.i + 2]
                ent = self._ent_of.get(name.i) if name is not None else None
                if name is not None and ent is not None and ent.label_ == "PERSON":
                    return self.of(name)
        return None

    def _headline_role(self, token: Token) -> Speaker | None:
        """ "mayor admits after floods": a singular role noun with no determiner is a
        headline's "the mayor", whom the report names further on with that title."""
        if token.tag_ not in ("NN", "NNP") or any(
            c.dep_ in ("det", "poss") for c in token.children
        ):
            return None
        role = office(token.lemma_)
        for named in self.named:
            if named.person and named.start > token.i and role in self.titles.get(named.key, ()):
                return self._speaker(list(self.doc[named.start : named.end]))
        return None

    def _from_whom(self, token: Token) -> Token | None:
        """The named source of "a statement from X" (X a name, or a role named beside it)."""
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
            for target in (c for c in prep.children if c.dep_ == "pobj"):
                if target.i in self._ent_of or target.pos_ == "PROPN" or self._named_role(target):
                    return target
        return None

    def _named_role(self, token: Token) -> bool:
        """A role noun with its holder's name in apposition ("the statement from his
        attorney, Jo Roe"): the name is the source."""
        return token.lemma_.lower() in ROLE_NOUNS and any(
            c.dep_ == "appos" and (c.i in self._ent_of or c.pos_ == "PROPN") for c in token.children
        )

    def _author(self, token: Token, document: bool) -> Speaker | None:
        """Who wrote "the letter" (a definite document that speaks): whoever the article
        said sent, wrote or spoke in that document when it last mentioned one ("In a letter
        sent Monday, Ann Roe told ... . The letter said"). Of a thing that is not plainly
        a document ("the ad", "the indictment"), only whoever acted with it is its author:
        "Stone's indictment" is not Stone's."""
        here = next(i for i, s in enumerate(self.sentences) if s.start <= token.i < s.end)
        window = self.window(here)[:-1]
        for sentence in reversed(window):
            mentions = [
                t
                for t in sentence
                if t.lemma_ == token.lemma_
                and not self.quoted[t.i]
                and t.pos_ == "NOUN"
                # "the Iranian government's statements" are not "the statement".
                and t.tag_ == token.tag_
            ]
            for t in reversed(mentions):
                owner = next((c for c in t.children if c.dep_ == "poss"), None) or issuer(t)
                owner = (owner or self._from_whom(t) or named_after(t)) if document else None
                verb = t.head.head if t.dep_ == "pobj" else t.head
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                # Who reports on it, answers it or judges it is not its author
                # ("California Lawyer reports on an ordinance … the ordinance says").
                if _talked_about(t, verb):
                    subject = None
                source = owner or (subject if t.dep_ in ("dobj", "pobj") else None)
                if source is not None and not self.quoted[source.i]:
                    return self.of(source) if document or self._names(source) else None
                again = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children)
                if document and not again:
                    # The document brought in nearest is the one meant ("A Congressional
                    # Research Service report found ... said the report"); one it gives no
                    # author is no one's known words, not an older document's author's.
                    return None
        # Never mentioned before: "the statement" is the one just reported ("the Guards
        # said, according to the radio. "...," the statement said"), by a name or by a
        # pronoun that stands for one ("…," they wrote. The announcement concluded, …).
        for sentence in reversed(window if document else []):
            root = sentence.root
            if root.lemma_.lower() not in SPEECH_VERBS or self.quoted[root.i]:
                continue
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is None or self.quoted[subject.i]:
                return None
            if subject.i in self._ent_of or subject.lower_ in PRONOUNS:
                return self.of(subject)
            return None
        return None

    def _named_by(self, token: Token) -> Speaker | None:
        """The name the article gives a described speaker.

        "A coalition of groups called Fair Pay": a naming participle names the noun. "A
        lawyer for Mr. Crane, Peter Voss, said": the parser may hang the lawyer's name on
        the client; one person's full name is never in apposition to another's.
        """
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                name = next((c for c in child.children if c.dep_ in ("oprd", "attr", "dobj")), None)
                if name is not None and (name.i in self._ent_of or name.pos_ == "PROPN"):
                    return self.of(name)
            if child.dep_ != "prep" or token.lemma_.lower() not in ROLE_NOUNS:
                continue
            for client in (c for c in child.children if c.dep_ == "pobj"):
                for other in (c for c in client.children if c.dep_ == "appos"):
                    a, b = self._ent_of.get(client.i), self._ent_of.get(other.i)
                    if a is None or b is None or a.label_ != "PERSON" or b.label_ != "PERSON":
                        continue
                    if name_key(a.text) != name_key(b.text):
                        return self.of(other)
        return None


# Prepositions that say what a speech is about or answers, not what it is spoken in.
_ABOUT = frozenset({"on", "about", "of", "to", "over"})


def _talked_about(mention: Token, verb: Token) -> bool:
    """Whether ``mention`` is what a speech or judging verb speaks about (its object, or the
    object of "on", "about", "to" …), not what its subject issued."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS | JUDGING_VERBS or lemma in ISSUING_VERBS:
        return False
    return mention.dep_ == "dobj" or (mention.dep_ == "pobj" and mention.head.lower_ in _ABOUT)
