"""What a pronoun or a description refers back to: the nearest fitting mention before it.

Wire copy names a speaker once and then says "he", "the minister" or "the company"; the
referent is the nearest preceding compatible mention outside quotations, main-clause
subjects first, or an unnamed one the article brought in ("a young man ... the man").
"""

from __future__ import annotations

from typing import Any

from newsprism.comparison.quotes.lexicon import (
    FEMALE_TITLES,
    MALE_TITLES,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
)
from newsprism.comparison.quotes.names import (
    Named,
    Speaker,
    definite_role,
    office,
    same_person,
)

Token = Any

ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How far back (in sentences) an antecedent is looked for.
_WINDOW = 8


class Antecedents:
    """Reference resolution over one article; `Speakers` fills in the mentions it reads."""

    doc: Any
    text: str
    quoted: list[bool]
    named: list[Named]
    sentences: list[Any]
    gender: dict[str, str]
    titles: dict[str, set[str]]
    offices: set[str]
    _ent_of: dict[int, Any]

    def _speaker(self, tokens: list[Token]) -> Speaker | None:
        raise NotImplementedError

    def _from_noun(self, token: Token) -> Speaker | None:
        raise NotImplementedError

    def _span(self, first: int, last: int) -> Speaker:
        raise NotImplementedError

    def _a_person(self, ent: Any) -> bool:
        raise NotImplementedError

    def antecedent(
        self,
        token: Token,
        *,
        person: bool,
        gender: str | None = None,
        role: str | None = None,
        strict: bool = False,
        labels: frozenset[str] = ORG_LABELS,
        excluding: Speaker | None = None,
        focus: bool = False,
    ) -> Speaker | None:
        """The nearest fitting named mention before ``token``, subjects first in each sentence.

        Main-clause subjects come first, then names before the main verb ("DeFreese said
        Barton went to church. ... she said": DeFreese). An unnamed person who is the subject of a nearer sentence
        ("Another investigator, speaking on condition of anonymity, ...") is who a
        pronoun or a role refers to; the speaker is then that description. ``excluding``
        is someone the pronoun cannot mean (the object of its own verb: in "he asked the
        senator if …", "he" is not the senator). With ``focus`` (the pronoun "it"), only
        a subject is meant: a thing in focus is what a sentence is about, and a place or a
        body named only inside a phrase of the nearest sentence naming one ("a key section
        of the cable on the groups in Benghazi seemed …") is not what "it" says.
        """
        here = next(i for i, s in enumerate(self.sentences) if s.start <= token.i < s.end)
        if person and gender is not None and role is None:
            earlier = self._repeated(token, self.sentences[here], gender)
            if earlier is not None:
                return self.antecedent(earlier, person=True, gender=gender, excluding=excluding)
        window = self.window(here)
        candidates = [
            n
            for n in self.named
            if n.end <= token.i
            and n.start >= window[0].start
            and n.person == person
            and (person or self.doc[n.start].ent_type_ in labels)
            and (gender is None or self.gender.get(n.key, gender) == gender)
            and not self._excluded(n, excluding)
        ]
        titled = []
        if role is not None:
            role = office(role)
            titled = [n for n in candidates if role in self.titles.get(n.key, ())]
            if strict and not titled:
                return None
            # "A young man approached the governor ... the man asked her": a role no one
            # named holds refers back to the unnamed one it was first said of.
            introduced = None if titled else self._introduced(token, window)
            if introduced is not None:
                return introduced
            # "Mayor Jane Roe ... The minister added:" — someone the article gave another
            # role is not who the role means.
            candidates = titled or [
                n for n in candidates if not self.titles.get(n.key, set()) & ROLE_NOUNS
            ]
        for sentence in reversed(window):
            # A name that only classifies a thing ("Amplifying the Ruiz campaign message, he
            # said") stands for no one there.
            inside = [
                n
                for n in candidates
                if sentence.start <= n.start < sentence.end and not self._modifier(n)
            ]
            thing = None if person else self._thing_subject(sentence, token.i)
            if thing is not None:
                # "The cable warned ... . It said": "it" is the thing in focus, the nearest
                # main subject, before any organization the sentence names.
                return self._from_noun(thing)
            if not inside:
                if person and gender is not None:
                    described = self._described_subject(sentence, token.i, gender)
                    if described is not None and not _is(described, excluding):
                        return described
                unnamed = (
                    self._unnamed_subject(sentence, token.i) if person and not titled else None
                )
                if unnamed is not None and not _is(unnamed, excluding):
                    return unnamed
                continue
            subjects = [n for n in inside if self._is_subject(n)]
            if focus and not subjects:
                return None
            main = [n for n in subjects if self._in_main_clause(n)]
            if not main and person and role is None:
                # "The president spoke ... along with Vice President Ann Roe. "...," he
                # said": a sentence whose subject refers back keeps that earlier person in
                # focus; a name further on in it, or the subject of what was said ("he said
                # Roe's plan fails - he also claimed"), is not who the pronoun means.
                carried = self._carried_subject(sentence, token.i, gender)
                if carried is not None and not _is(carried, excluding):
                    return carried
            # The parser may hang "Another acquaintance, Marsha DeFreese, said" anywhere; a
            # name before the main verb still stands where the subject does.
            ahead = [n for n in inside if n.end <= sentence.root.i]
            chosen = (main or ahead or subjects or inside)[-1]
            if gender is not None:
                self.gender.setdefault(chosen.key, gender)
            return self._speaker(list(self.doc[chosen.start : chosen.end]))
        return None

    def _excluded(self, named: Named, excluding: Speaker | None) -> bool:
        text = self.doc[named.start : named.end].text
        return excluding is not None and same_person(text, excluding.text)

    def _introduced(self, token: Token, window: list[Any]) -> Speaker | None:
        """The nearest earlier unnamed mention of ``token``'s noun brought in as someone new
        ("a young man", "another man"), as the description it was given."""
        for sentence in reversed(window):
            for t in reversed(sentence):
                if t.i >= token.i or self.quoted[t.i] or t.pos_ != "NOUN":
                    continue
                if t.lemma_ != token.lemma_ or t.i in self._ent_of:
                    continue
                if any(c.dep_ in ("appos", "compound") and c.i in self._ent_of for c in t.children):
                    return None
                new = any(
                    c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children
                )
                if not new:
                    return None
                left = [c for c in t.lefts if c.dep_ in ("amod", "compound")]
                start = left[0].idx if left and left[0].i == t.i - len(left) else t.idx
                return Speaker(self.text[start : t.idx + len(t.text)], start, t.idx + len(t.text))
        return None

    def _thing_subject(self, sentence: Any, before: int) -> Token | None:
        """The subject of ``sentence``'s main speech verb, before token ``before``, when it is
        a singular common noun for a thing (no name, no person's role): the thing that was
        speaking ("The cable warned ...")."""
        root = sentence.root
        if root.lemma_.lower() not in SPEECH_VERBS or self.quoted[root.i]:
            return None
        for t in root.children:
            if t.i >= before or t.dep_ not in SUBJECT_DEPS or self.quoted[t.i]:
                continue
            if t.tag_ != "NN" or t.i in self._ent_of:
                return None
            lemma = t.lemma_.lower()
            if lemma in ROLE_NOUNS or office(lemma) in self.offices:
                return None
            return t
        return None

    def _repeated(self, token: Token, sentence: Any, gender: str) -> Token | None:
        """The same pronoun as subject earlier in ``token``'s sentence, with no named
        subject between: "he said Roe's plan fails - he also claimed ..." is one man."""
        earlier = None
        for t in sentence:
            if t.i >= token.i:
                break
            if self.quoted[t.i] or t.dep_ not in SUBJECT_DEPS:
                continue
            if PERSON_PRONOUNS.get(t.lower_) == gender:
                earlier = t
            elif t.i in self._ent_of or t.pos_ == "PROPN":
                earlier = None
        return earlier

    def _carried_subject(self, sentence: Any, before: int, gender: str | None) -> Speaker | None:
        """Who the main subject of ``sentence`` refers back to, when that subject is a
        person pronoun of the same gender or a definite role ("he", "the president")."""
        for t in sentence:
            if t.i >= before or self.quoted[t.i] or t.dep_ not in SUBJECT_DEPS:
                continue
            verb = t.head
            while verb.dep_ == "conj" and verb.head is not verb:
                verb = verb.head
            if verb.dep_ != "ROOT" or t.i in self._ent_of:
                continue
            said = PERSON_PRONOUNS.get(t.lower_)
            if said is not None and gender in (None, said):
                return self.antecedent(t, person=True, gender=said)
            if said is None and definite_role(t):
                role = t.lemma_.lower()
                if (role in MALE_TITLES and gender == "female") or (
                    role in FEMALE_TITLES and gender == "male"
                ):
                    return None
                return self.antecedent(t, person=True, role=role)
            return None
        return None

    def window(self, here: int) -> list[Any]:
        """Sentence ``here`` and the `_WINDOW` sentences before it that are not all quotation:
        a run of quoted sentences ("..." he said) does not push the speaker out of reach."""
        start, counted = here, 0
        while start > 0 and counted < _WINDOW:
            start -= 1
            sentence = self.sentences[start]
            counted += any(t.is_alpha and not self.quoted[t.i] for t in sentence)
        return self.sentences[start : here + 1]

    def _described_subject(self, sentence: Any, before: int, gender: str) -> Speaker | None:
        """ "The queen recalled ... "...," she said": a definite role subject of a nearer
        sentence is who the pronoun means, resolved to the person who holds that title."""
        for t in sentence:
            if t.i >= before or self.quoted[t.i] or t.dep_ not in SUBJECT_DEPS:
                continue
            if not definite_role(t) or t.i in self._ent_of:
                continue
            role = t.lemma_.lower()
            if (role in MALE_TITLES and gender == "female") or (
                role in FEMALE_TITLES and gender == "male"
            ):
                continue
            holders = [n for n in self.named if n.person and n.end <= t.i]
            if any(office(role) in self.titles.get(n.key, ()) for n in holders):
                return self.antecedent(t, person=True, role=role)
        return None

    def _unnamed_subject(self, sentence: Any, before: int) -> Speaker | None:
        """A singular role noun without a name, subject of ``sentence`` before token ``before``."""
        for t in sentence:
            if t.i >= before or self.quoted[t.i] or t.i in self._ent_of:
                continue
            if t.dep_ not in SUBJECT_DEPS or t.tag_ != "NN" or t.lemma_.lower() not in ROLE_NOUNS:
                continue
            if any(c.i in self._ent_of for c in t.children if c.dep_ in ("appos", "compound")):
                continue
            # "The prime minister" refers back to someone named; "another investigator",
            # "one observer" bring in someone new.
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
                continue
            left = [c for c in t.lefts if c.dep_ in ("amod", "compound")]
            start = left[0].idx if left and left[0].i == t.i - len(left) else t.idx
            end = t.idx + len(t.text)
            return Speaker(self.text[start:end], start, end)
        return None

    def _in_main_clause(self, named: Named) -> bool:
        head = self.doc[named.start : named.end].root
        while head.dep_ in ("compound", "flat", "conj", "appos") and head.head is not head:
            head = head.head
        verb = head.head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        return verb.dep_ == "ROOT"

    def _modifier(self, named: Named) -> bool:
        """A name that modifies a common noun ("the Ruiz campaign")."""
        root = self.doc[named.start : named.end].root
        return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN"

    def _is_subject(self, named: Named) -> bool:
        span = self.doc[named.start : named.end]
        head = span.root
        while head.dep_ in ("compound", "flat", "conj", "appos") and head.head is not head:
            head = head.head
        return head.dep_ in SUBJECT_DEPS


def _is(found: Speaker, excluding: Speaker | None) -> bool:
    return excluding is not None and same_person(found.text, excluding.text)
