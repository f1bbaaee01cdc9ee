"""One article as quote attribution reads it: its parse, which tokens are quoted, its speakers."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from newsprism.comparison.quotes.grammar import agent, naming, passive
from newsprism.comparison.quotes.lexicon import (
    ISSUED,
    ISSUING_VERBS,
    JUDGING_VERBS,
    NAMING_VERBS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    SPEECH_VERBS,
)
from newsprism.comparison.quotes.marks import Stretch
from newsprism.comparison.quotes.names import name_key, office, same_person
from newsprism.comparison.quotes.speakers import Speaker, Speakers
from newsprism.model import Article
from newsprism.nlp import reference

Token = Any

MAX_CLIMB = 8
# Arcs the parser gives a subject it misreads as a modifier.
_MISREAD = frozenset({"advmod", "npadvmod", "dep"})
# A dash breaks the sentence; a comma may only close an apposition ("a letter from her
# physician, Dr. Ada Lin, stating …" is the letter's).
_DASHES = frozenset({"—", "–", "--"})
# Entity types that tell when, how much or where, never who.
_NOT_ACTORS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE", "LOC"}
)


@dataclass(frozen=True)
class Attribution:
    cue: str
    verb: int  # token index of the cue verb (or of "according")
    speaker: Speaker | None
    # Which reading found the cue (`attribution.PATHS`): how far the speaker is trusted.
    path: str = ""


def _contrasted(first: Token, conjunct: Token) -> bool:
    """Whether "but" joins ``conjunct`` to ``first``."""
    return any(c.dep_ == "cc" and c.lower_ == "but" and c.i < conjunct.i for c in first.children)


class Context:
    def __init__(self, article: Article, stretches: list[Stretch]) -> None:
        self.article = article
        self.doc = article.doc
        self.text = article.text  # the doc's text; spaCy rebuilds Doc.text on every access
        self.quoted = [False] * len(self.doc)
        for stretch in stretches:
            for start, end in stretch.segments:
                # One character either side takes in the quote marks.
                for token in self.tokens_between(max(0, start - 1), min(len(self.text), end + 1)):
                    self.quoted[token.i] = True
        self.speakers = Speakers(self.doc, self.quoted)
        self.sentences = self.speakers.sentences
        self.dateline_end = reference(article).dateline_end

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping characters [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def tokens(self, stretch: Stretch) -> list[Token]:
        return [t for s, e in stretch.segments for t in self.tokens_between(s, e)]

    def lemma(self, token: Token) -> str:
        """A verb's lemma; the lemmatizer misses a regular past form of a speech verb now and
        then ("texted" → "texte")."""
        lemma = token.lemma_.lower()
        past = token.tag_ in ("VBD", "VBN") and token.lower_.endswith("ed")
        if lemma not in SPEECH_VERBS and past and token.lower_[:-2] in SPEECH_VERBS:
            return token.lower_[:-2]
        return lemma

    def is_cue(self, token: Token) -> bool:
        lemma = self.lemma(token)
        return (
            not self.quoted[token.i]
            and token.pos_ in ("VERB", "AUX")
            and lemma in SPEECH_VERBS
            and not (lemma in NAMING_VERBS and naming(token))
        )

    def judges(self, token: Token) -> bool:
        """A verb that judges in words ("accused", "praised"), said as its subject's own."""
        lemma = token.lemma_.lower()
        return (
            not self.quoted[token.i]
            and token.pos_ == "VERB"
            and lemma in JUDGING_VERBS
            and not (lemma in NAMING_VERBS and naming(token))
        )

    def subject_speaker(self, verb: Token) -> Speaker | None:
        """The verb's subject; a subjectless verb borrows from the speech verb above it.

        A passive speech verb is said by its agent or by no one named: in "Asked by a
        reporter, "Is it you?" he replied" or "she was told "...", the one asked or told
        is who the words were addressed to.
        """
        if passive(verb):
            by = agent(verb)
            return self.speakers.of(by) if by is not None else None
        # "a letter from her physician stating …", "supporters waving flags and chanting …":
        # a participle that modifies a noun says what that noun says.
        modified = verb
        while modified.dep_ == "conj" and modified.head is not modified:
            modified = modified.head
        # A document names no one of its own ("releasing a report claiming …") speaks for
        # whoever issued it: the subject of the verbs above, as before.
        noun = modified.head if modified.dep_ == "acl" else self._issued(modified)
        # "… pushed back on the agency's finding — insisting the risk is "real"": a
        # participle set off by a dash is the clause's, whatever noun the parser hangs it on.
        if modified.dep_ == "acl" and self._set_off(modified):
            noun = None
        if modified.tag_ == "VBG" and noun is not None and not self.quoted[noun.i]:
            found = self.speakers.of(noun)
            own = found is not None and noun.left_edge.idx <= found.start <= noun.idx
            if not (own and noun.lemma_.lower() in ISSUED):
                return found
        chain = [verb]
        while chain[-1].head is not chain[-1] and len(chain) < MAX_CLIMB:
            chain.append(chain[-1].head)
        # A dash the parser took for a verb ("WASHINGTON ― President X ...") has no speaker.
        chain = [v for v in chain if any(ch.isalpha() for ch in v.text)]
        with_subject = [v for v in chain if self._subject(v) is not None]
        if not with_subject:
            return None
        first = with_subject[0]
        # "her mother, who used to say, "..."": a verb that completes another ("used to
        # say", "wants to tell") is said by that verb's subject; any other subjectless verb
        # ("..., saying") borrows the subject of the speech verb above it.
        controlled = verb.dep_ == "xcomp" and first.i == verb.head.i
        # "X said …, but the congressman has taken to calling it a "prank"": a clause joined
        # to the speech verb's with someone of its own as subject is that someone's.
        own = self._subject(first, verb.i) if first.dep_ == "conj" else None
        controlled = controlled or (own is not None and self.speakers.someone(own))
        if first is not verb and not controlled:
            first = next((v for v in with_subject if self.is_cue(v)), first)
        # "Interfax quoted Dygalo as saying", "he was quoted by IRNA as saying": the one
        # quoted speaks, not the one quoting.
        quoting = next(
            (v for u, v in pairwise(chain) if u.lower_ == "as" and v.lemma_ == "quote"), None
        )
        if quoting is not None and (quoted := self._quoted_one(quoting)) is not None:
            return self.speakers.of(quoted)
        subject = self._subject(first, verb.i)
        if subject is None:
            return None
        found = self.speakers.of(subject)
        if found is not None and subject.lower_ in PERSON_PRONOUNS:
            # "He asked the congressman if he …": a pronoun subject is never its own verb's
            # object, so the one asked (by name, or by a title the article gave them) is
            # not who asks.
            for target in (c for c in first.children if c.dep_ in ("dobj", "dative")):
                other = self._known(target)
                if other is not None and same_person(found.text, other.text):
                    return self.speakers.of(subject, excluding=other)
        return found

    def _known(self, token: Token) -> Speaker | None:
        """Who ``token`` names: a person by name, or a role the article gave that person."""
        if self.quoted[token.i] or not self.speakers.someone(token):
            return None
        if token.lower_ in PERSON_PRONOUNS:
            return None
        found = self.speakers.of(token)
        if found is None or token.pos_ == "PROPN" or self.speakers.entity(token) is not None:
            return found
        held = self.speakers.titles.get(name_key(found.text), set())
        return found if office(token.lemma_) in held else None

    def _set_off(self, participle: Token) -> bool:
        at = participle.left_edge.i - 1
        return at >= 0 and self.doc[at].text in _DASHES

    def thing_subject(self, verb: Token) -> bool:
        """Whether ``verb``'s own subject is a thing: a common noun that is no one (no name,
        role or body) and no document someone issued. A verb that completes another
        ("seems to indicate") has that verb's subject."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subject is None and verb.dep_ == "xcomp" and verb.head is not verb:
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "a video that claimed …": a relative pronoun stands for the noun its clause is on.
        if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subject = verb.head
        if subject is None or self.quoted[subject.i] or subject.pos_ != "NOUN":
            return False
        lemma = subject.lemma_.lower()
        if lemma in ISSUED or lemma in ORG_NOUNS or self.speakers.someone(subject):
            return False
        clause = {t.i for t in verb.subtree} if subject.i == verb.head.i else set()
        return not any(
            c.pos_ == "PROPN" or (c.ent_type_ and c.ent_type_ not in _NOT_ACTORS)
            for c in subject.subtree
            if c.i not in clause
        )

    def own_subject(self, verb: Token) -> bool:
        """Whether ``verb`` has a subject of its own outside the quotation."""
        return any(c.dep_ in ("nsubj", "nsubjpass") and not self.quoted[c.i] for c in verb.children)

    def _issued(self, participle: Token) -> Token | None:
        """The document an issuing verb acts on, when ``participle`` hangs on that verb."""
        verb = participle.head
        if participle.dep_ != "advcl" or verb.lemma_.lower() not in ISSUING_VERBS:
            return None
        return next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ISSUED),
            None,
        )

    def _parenthetical(self, verb: Token) -> Token | None:
        """ "Her remarks, said Tom Quill, the campaign manager, were "…"": a speech verb set
        off by a comma with a person's name right after it is an inserted "said X", whose
        speaker is that person, whatever subject the parser gives the verb."""
        doc = self.doc
        if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text != ",":
            return None
        # The verb's own subject, before it, is no one ("Her remarks"): "the congressman,
        # speaking quietly, said Cobb was …" is the congressman's.
        own = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if own is None or self.speakers.someone(own):
            return None
        # The name comes right after the verb (a title may stand first: "said Sen. X") and
        # is set off by a comma, as an inserted "said X," is.
        at = verb.i + 1
        while at < len(doc) and self.speakers.entity(doc[at]) is None and doc[at].pos_ == "PROPN":
            at += 1
        ent = self.speakers.entity(doc[at]) if at < len(doc) and at <= verb.i + 3 else None
        if ent is None or ent.label_ != "PERSON" or self.quoted[ent.root.i]:
            return None
        return ent.root if ent.end < len(doc) and doc[ent.end].text == "," else None

    def _misread_name(self, verb: Token) -> Token | None:
        """A name right before a finite verb that the parser took for an adverb: who acts.

        "Senate leader Ann Tully accused ...": a person named there, outside any phrase.
        "Hotline On Call says ...": a name the tagger gives no type (a programme, a
        publication) is one when every word from it to the verb is capitalized and hangs
        on it or on the verb; a day or a number there ("Tuesday") says when or how
        much, and a place is where. A person named right before the verb, wherever the
        parser hangs the name (", top expert Dr. Ann Lee said"), is its subject too: a
        finite verb with no subject of its own follows none."""
        ent = self.speakers.entity(self.doc[verb.i - 1]) if verb.i > 0 else None
        before = ent is not None and ent.label_ == "PERSON" and ent.end == verb.i
        if ent is not None and before and not self.quoted[ent.root.i]:
            return ent.root
        for child in verb.lefts:
            if child.dep_ not in _MISREAD or self.quoted[child.i]:
                continue
            if child.ent_type_ == "PERSON" and child.i == verb.i - 1:
                return child
            run = self.doc[child.i : verb.i]
            named = child.pos_ == "PROPN" and child.ent_type_ not in _NOT_ACTORS
            if named and all(
                t.text[:1].isupper() and not self.quoted[t.i] and child.i <= t.head.i <= verb.i
                for t in run
            ):
                return child
        return None

    def _quoted_one(self, verb: Token) -> Token | None:
        deps = ("dobj", "nsubjpass")
        return next((c for c in verb.children if c.dep_ in deps and not self.quoted[c.i]), None)

    def _subject(self, verb: Token, near: int | None = None) -> Token | None:
        by = agent(verb)
        if by is not None:
            return by
        # The parser may take a dateline for a subject ("NEW YORK (AP) -- President Clinton
        # said", "LOS ANGELES (AP) _ "Shakespeare in Love" was announced"): a place that
        # files the report does not speak.
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and not self.quoted[c.i]
            and c.idx >= self.dateline_end
        ]
        # Only a finite verb inverts: "…," and calling his own Justice Department a "…""
        # has no subject after "calling".
        finite = verb.tag_ in ("VBD", "VBZ", "VBP")
        after_quote = any(self.quoted[i] for i in range(max(0, verb.i - 3), verb.i))
        parenthetical = self._parenthetical(verb) if finite and self.is_cue(verb) else None
        if parenthetical is not None:
            return parenthetical
        if not subjects and after_quote and finite and self.is_cue(verb):
            # ""...," tweeted Italiano": in a quotative inversion the parser may take the
            # speaker named right after the verb for its object.
            # ""...," added another, Mona Patel": a determiner pronoun ("another", "one")
            # stands there for whoever it brings in.
            named = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
            someone = named is not None and (
                named.pos_ == "PROPN" or (named.pos_ == "PRON" and named.tag_ in ("DT", "CD"))
            )
            if named is not None and someone and named.left_edge.i == verb.i + 1:
                return named
        if not subjects and verb.tag_ in ("VBD", "VBZ", "VBP"):
            misread = self._misread_name(verb)
            if misread is not None:
                return misread
        # "X said "...", but Y said "..."": a subject set against another by "but" is a
        # second clause's, which the parser may join to the first's subject.
        subjects += [
            c
            for s in subjects
            for c in s.children
            if c.dep_ == "conj" and c.i < verb.i and _contrasted(s, c)
        ]
        # Of several, the subject next to the verb that speaks is the one that speaks; one
        # that names someone before one that does not (the parser may split "study
        # co-author Lois Hetland" into two subjects).
        at = verb.i if near is None else near
        someone = [c for c in subjects if self.speakers.someone(c)]
        return min(someone or subjects, key=lambda c: abs(c.i - at), default=None)
