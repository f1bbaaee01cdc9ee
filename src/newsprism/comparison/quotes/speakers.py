"""Who a cue verb's subject is: a name expanded from the parse, or an antecedent found.

Subjects come in three shapes: a name ("Trump", "White House spokeswoman Sarah
Sanders"), a pronoun ("he said"), or a common noun phrase ("the statement from the
White House", "the top U.S. diplomat"). Names are taken from the NER mention when
there is one, else from the compound/flat proper nouns around the token. Pronouns and
definite role descriptions are resolved to the nearest preceding compatible named
mention outside quotations, preferring sentence subjects, as wire copy uses them.
"""

from __future__ import annotations

from typing import Any

from newsprism.comparison.quotes.antecedents import SUBJECT_DEPS, Antecedents
from newsprism.comparison.quotes.lexicon import (
    FEMALE_TITLES,
    ISSUED,
    ISSUING_VERBS,
    MALE_TITLES,
    NAME_PARTICLES,
    NAMING_VERBS,
    ORG_NOUNS,
    OWNERS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    THING_PRONOUNS,
)
from newsprism.comparison.quotes.names import (
    Named,
    Speaker,
    definite_role,
    head_title,
    issuer,
    name_key,
    name_tokens,
    named_after,
    office,
    title_words,
)

Token = Any

_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# How many sentences ahead a lead's "a federal judge" may be named.
_AHEAD = 2


class Speakers(Antecedents):
    """Speaker resolution over one annotated article; ``quoted`` flags tokens inside quotes."""

    def __init__(self, doc: Any, quoted: list[bool]) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text from the tokens on every access
        self.quoted = quoted
        ents = [e for e in doc.ents if e.label_ in _NAMED_LABELS]
        person_keys = {name_key(e.text) for e in ents if e.label_ == "PERSON"}
        # Relatives share a surname ("Gov. Tom Hale and his son, Mark Hale"): each full
        # name then keeps its own titles and gender, so "the governor" is not the son.
        forenames: dict[str, set[str]] = {}
        for e in ents:
            words = [t.lower_ for t in name_tokens(list(e))] if e.label_ == "PERSON" else []
            if len(words) >= 2:
                forenames.setdefault(words[-1], set()).add(words[-2])
        self._kin = {key for key, names in forenames.items() if len(names) > 1}
        self.named = [
            Named(
                e.start,
                e.end,
                e.label_ == "PERSON" or name_key(e.text) in person_keys,
                self._key(e),
            )
            for e in ents
            if not any(quoted[e.start : e.end])
        ]
        # The tagger misses a bare surname now and then ("Dees said he ...", even tagged a
        # plural noun); a capitalized subject spelled like a surname the article gives a
        # person is that person.
        self.named += [
            Named(t.i, t.i + 1, True, t.lower_)
            for t in doc
            if t.dep_ in SUBJECT_DEPS and t.text[:1].isupper() and t.lower_ in person_keys
            if t.ent_type_ == "" and not quoted[t.i]
        ]
        # "Twitter's Adam Sharp wrote": the tagger may miss a name (or call it a work of art);
        # a proper noun that speaks is a person a later "he" may mean.
        self.named += [
            Named(self._proper_run(t)[0].i, t.i + 1, True, t.lower_)
            for t in doc
            if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.text[:1].isupper()
            if t.head.lemma_.lower() in SPEECH_VERBS and not quoted[t.i]
            if t.ent_type_ not in _NAMED_LABELS
        ]
        # "His wife, Dolores, ...": the tagger may miss a lone first name; a proper noun in
        # apposition to a role noun names a person who holds that role.
        appositions = [
            t
            for t in doc
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.text[:1].isupper()
            if t.head.lemma_.lower() in ROLE_NOUNS and t.ent_type_ == "" and not quoted[t.i]
        ]
        self.named += [Named(t.i, t.i + 1, True, t.lower_) for t in appositions]
        self.named.sort(key=lambda n: n.start)
        self._ent_of = {i: e for e in ents for i in range(e.start, e.end)}
        self.sentences = list(doc.sents)
        self.gender: dict[str, str] = {}
        self.titles: dict[str, set[str]] = {}
        self.offices: set[str] = set()
        for e in ents:
            if e.label_ == "PERSON" or name_key(e.text) in person_keys:
                self._learn_titles(e)
        for t in appositions:
            role = t.head.lemma_.lower()
            self.titles.setdefault(t.lower_, set()).update({role, office(role)})
            if role in MALE_TITLES or role in FEMALE_TITLES:
                self.gender.setdefault(t.lower_, "male" if role in MALE_TITLES else "female")

    def _key(self, ent: Any) -> str:
        """A name's key: its surname, or its last two words when relatives share it."""
        key = name_key(ent.text)
        words = [t.lower_ for t in name_tokens(list(ent))]
        return f"{words[-2]} {key}" if key in self._kin and len(words) >= 2 else key

    def _learn_titles(self, ent: Any) -> None:
        key = self._key(ent)
        words = title_words(self.doc, ent, self.quoted)
        self.titles.setdefault(key, set()).update(words)
        held = head_title(self.doc, ent)
        if held is not None and ent.label_ == "PERSON":
            self.offices.add(held)
        if any(w in MALE_TITLES for w in words):
            self.gender.setdefault(key, "male")
        elif any(w in FEMALE_TITLES for w in words):
            self.gender.setdefault(key, "female")

    def _speaker(self, tokens: list[Token]) -> Speaker | None:
        tokens = name_tokens(tokens)
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return Speaker(self.text[start:end], start, end)

    def entity(self, token: Token) -> Any | None:
        """The named-entity span that ``token`` belongs to, if any."""
        return self._ent_of.get(token.i)

    def of(self, token: Token) -> Speaker | None:
        """The speaker a subject (or an "according to" object) token stands for."""
        # Quoted words are what was said; a speaker is never among them ("a set of "green
        # corridors" that call for trees": the relative pronoun leads back into the quote).
        if self.quoted[token.i]:
            return None
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return self.antecedent(token, person=True, gender=PERSON_PRONOUNS[lower])
        if lower in THING_PRONOUNS:
            return self.antecedent(token, person=False)
        if token.pos_ == "PRON":
            if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
                return self.of(token.head.head)
            return None
        ent = self._ent_of.get(token.i)
        # "Senate Democratic Leader Chuck Schumer" may parse as a title with the name in
        # apposition: the person named speaks, not the title.
        if ent is None or ent.label_ != "PERSON":
            person = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "appos"
                    and getattr(self._ent_of.get(c.i), "label_", "") == "PERSON"
                ),
                None,
            )
            if person is not None and token.pos_ == "PROPN":
                return self.of(person)
        if (ent is not None or token.pos_ == "PROPN") and not definite_role(token):
            # The parse mends names the NER model cut ("Ursula von der" + "Leyen").
            run = self._proper_run(token)
            first = min(run[0].i, ent.start if ent is not None else run[0].i)
            last = max(run[-1].i + 1, ent.end if ent is not None else 0)
            return self._speaker(list(self.doc[first:last]))
        if token.text[:1].isupper() and not token.is_sent_start and not definite_role(token):
            return self._speaker(self._proper_run(token))
        return self._from_noun(token)

    def _proper_run(self, token: Token) -> list[Token]:
        """The head plus the compound/flat proper nouns right before and after it."""
        first = last = token.i
        while first > 0 and self.doc[first - 1].head.i in range(first, last + 1):
            prev = self.doc[first - 1]
            named = prev.text[:1].isupper() or prev.lower_ in NAME_PARTICLES
            if prev.dep_ not in ("compound", "flat") or not named:
                break
            first -= 1
        while last + 1 < len(self.doc) and self.doc[last + 1].dep_ == "flat":
            last += 1
        return list(self.doc[first : last + 1])

    def _from_noun(self, token: Token) -> Speaker | None:
        """A common-noun subject: the named source in it, a role's antecedent, or the phrase."""
        # A role is a noun for a person by office, or an office this article gives someone
        # in front of their name ("House Speaker Jo Doe ... the House speaker said").
        role = token.lemma_.lower() in ROLE_NOUNS or office(token.lemma_) in self.offices
        named = self._named_by(token)
        if named is not None:
            return named
        # "Gingrich's attorney, Randy Evans": the apposition names the speaker, the owner
        # only whose attorney.
        children = sorted(token.children, key=lambda c: c.dep_ != "appos")
        for child in children:
            target = None
            if child.dep_ == "appos" or (child.dep_ == "poss" and not role):
                target = child
            elif child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                # "the resident of Woodland Hills" says where the speaker lives.
                place = self._ent_of.get(target.i) if target is not None else None
                if child.lower_ == "of" and place is not None and place.label_ in _PLACES:
                    target = None
            elif child.dep_ == "compound" and not role:
                # "the NATO statement" is NATO's, "a Ruiz statement" Ruiz's; but "the Obama
                # campaign" is an organization named after a person, not the person.
                ent = self._ent_of.get(child.i)
                document = token.lemma_.lower() in ISSUED
                if ent is not None and (
                    ent.label_ == "ORG" or (document and ent.label_ == "PERSON")
                ):
                    target = child
            if target is not None and (
                target.i in self._ent_of or target.pos_ == "PROPN" or self._named_role(target)
            ):
                found = self.of(target)
                if found is not None:
                    return found
        # "The letter, signed by 40 senators": whoever issued it, named or described.
        source = issuer(token)
        if source is not None and source.lemma_.lower() not in ISSUED:
            found = self.of(source)
            if found is not None:
                return found
        definite = any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
        )
        document = token.lemma_.lower() in ISSUED
        if document and token.dep_ == "dobj" and token.head.lemma_.lower() in ISSUING_VERBS:
            # "House Republicans released a memo that said ...": who issued it.
            maker = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            found = self.of(maker) if maker is not None else None
            if found is not None:
                return found
        if definite and (document or not (role or token.lemma_.lower() in ORG_NOUNS)):
            # "The campaign answered with an ad. The ad says": a thing that speaks is its
            # author's words.
            found = self._author(token, document)
            if found is not None:
                return found
        if definite and role:
            found = self.antecedent(token, person=True, role=token.lemma_.lower())
            if found is not None:
                return found
        if definite and token.lemma_.lower() in ORG_NOUNS:
            # "Yahoo was hacked, and the company said": the organization named before it.
            found = self.antecedent(token, person=False, labels=frozenset({"ORG"}))
            if found is not None:
                return found
        # "His wife, Dolores, ... his wife said": an owned role is the person the article
        # gave that role to, and no one else ("his lawyer" may be someone never named).
        owned = any(c.dep_ == "poss" and c.lower_ in OWNERS for c in token.children)
        if owned and role:
            found = self.antecedent(token, person=True, role=token.lemma_.lower(), strict=True)
            if found is not None:
                return found
        if role and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            found = self._named_later(token)
            if found is not None:
                return found
        # No named antecedent: "Smith's lawyer" is someone who speaks for Smith, not Smith,
        # and "a C.I.A. spokesman" a person described, not the agency; the description is
        # the speaker, owner included.
        left = [t for t in token.lefts if t.dep_ not in ("det", "punct", "predet")]
        owner = next((c for c in left if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        tokens = [*left, token] if left and left[0].i == token.i - len(left) else [token]
        if role and owner is not None:
            tokens = list(self.doc[self._proper_run(owner)[0].i : token.i + 1])
        start, end = tokens[0].idx, token.idx + len(token.text)
        return Speaker(self.text[start:end], start, end)

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
        window = self._window(here)[:-1]
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
        # said, according to the radio. "...," the statement said").
        for sentence in reversed(window if document else []):
            root = sentence.root
            if root.lemma_.lower() not in SPEECH_VERBS or self.quoted[root.i]:
                continue
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is not None and not self.quoted[subject.i] and subject.i in self._ent_of:
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
