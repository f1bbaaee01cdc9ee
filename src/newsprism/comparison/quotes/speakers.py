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

from newsprism.comparison.quotes.antecedents import SUBJECT_DEPS
from newsprism.comparison.quotes.descriptions import Descriptions
from newsprism.comparison.quotes.lexicon import (
    FEMALE_TITLES,
    GROUP_PRONOUNS,
    ISSUED,
    ISSUING_VERBS,
    MALE_TITLES,
    NAME_PARTICLES,
    ORG_NOUNS,
    OWNERS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    THING_PRONOUNS,
    TITLE_WORDS,
)
from newsprism.comparison.quotes.names import (
    Named,
    Speaker,
    a_place,
    definite_role,
    head_title,
    issuer,
    name_key,
    name_tokens,
    office,
    title_words,
)

Token = Any

_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})


class Speakers(Descriptions):
    """Speaker resolution over one annotated article; ``quoted`` flags tokens inside quotes."""

    def __init__(self, doc: Any, quoted: list[bool]) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text from the tokens on every access
        self.quoted = quoted
        ents = [e for e in doc.ents if e.label_ in _NAMED_LABELS]
        person_keys = {name_key(e.text) for e in ents if e.label_ == "PERSON"}
        self._person_keys = person_keys
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
        # "Twitter's Adam Sharp wrote": a proper noun that speaks, however tagged, is a person.
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
        # "City Councilwoman Rita Moe was unimpressed", "Paulsen, 43, pleaded guilty": a
        # proper-noun subject the tagger missed is a person when a title stands in its name
        # or an age beside it.
        untagged = [
            t
            for t in doc
            if t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" and t.ent_type_ == ""
            if not quoted[t.i] and self.titled(t)
        ]
        self.named += [Named(self._proper_run(t)[0].i, t.i + 1, True, t.lower_) for t in untagged]
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
        for t in untagged:
            words = [w.lower_ for w in self._proper_run(t)[:-1]]
            self.titles.setdefault(t.lower_, set()).update(words)
            if any(w in MALE_TITLES for w in words):
                self.gender.setdefault(t.lower_, "male")
            elif any(w in FEMALE_TITLES for w in words):
                self.gender.setdefault(t.lower_, "female")

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

    def _comma_name(self, token: Token) -> Speaker | None:
        """ "her physician, Dr. Ada Lin,": a person's name set off by a comma right after a
        role is who holds it, though the parser hangs the name elsewhere."""
        doc = self.doc
        if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
            return None
        name = next((t for t in doc[token.i + 2 : token.i + 5] if self._person(t)), None)
        if name is None or self.quoted[name.i]:
            return None
        between = doc[token.i + 2 : name.i]
        if any(not (t.pos_ == "PROPN" and t.text[:1].isupper()) for t in between):
            return None
        return self.of(self._ent_of[name.i].root)

    def _span(self, first: int, last: int) -> Speaker:
        """The description from token ``first`` to token ``last``, as written."""
        start, end = self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text)
        return Speaker(self.text[start:end], start, end)

    def entity(self, token: Token) -> Any | None:
        """The named-entity span that ``token`` belongs to, if any."""
        return self._ent_of.get(token.i)

    def of(self, token: Token, excluding: Speaker | None = None) -> Speaker | None:
        """The speaker a subject (or an "according to" object) token stands for; a pronoun
        never stands for ``excluding``."""
        # Quoted words are what was said; a speaker is never among them ("a set of "green
        # corridors" that call for trees": the relative pronoun leads back into the quote).
        # Nor is a verb ("the Democrat wrote wrote" parses the first "wrote" as the subject).
        if self.quoted[token.i] or (token.pos_ in ("VERB", "AUX") and not token.ent_type_):
            return None
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[lower]
            return self.antecedent(token, person=True, gender=gender, excluding=excluding)
        if lower in THING_PRONOUNS:
            return self.antecedent(token, person=False, focus=True)
        if lower in GROUP_PRONOUNS:
            return self.group(token)
        if token.pos_ == "PRON":
            # "said another, Mona Patel": the name in apposition, as the parse or the comma
            # shows it, is who speaks.
            named = next((c for c in token.children if c.dep_ == "appos" and self._person(c)), None)
            after = self.doc[token.i + 2] if token.i + 2 < len(self.doc) else None
            if named is None and after is not None and self.doc[token.i + 1].text == ",":
                named = after if self._person(after) and not self.quoted[after.i] else None
            if named is not None:
                return self.of(named)
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
        # "Senator says cuts "went too far"": a headline's capitalized title with no name is
        # the role, not a name.
        alone = len(self._proper_run(token)) == 1 and token.lower_ in ROLE_NOUNS
        if ent is None and alone:
            return self._from_noun(token)
        if (ent is not None or token.pos_ == "PROPN") and not definite_role(token):
            # The parse mends names the NER model cut ("Ursula von der" + "Leyen").
            run = self._proper_run(token)
            first = min(run[0].i, ent.start if ent is not None else run[0].i)
            last = max(run[-1].i + 1, ent.end if ent is not None else 0)
            return self._speaker(list(self.doc[first:last]))
        if token.text[:1].isupper() and not token.is_sent_start and not definite_role(token):
            return self._speaker(self._proper_run(token))
        return self._from_noun(token)

    def titled(self, token: Token) -> bool:
        """A capitalized proper noun with a title among the proper nouns before it, or an age
        in apposition to it: a person's name, whatever the tagger says."""
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return False
        run = self._proper_run(token)[:-1]
        if any(t.lower_.rstrip(".") in TITLE_WORDS | MALE_TITLES | FEMALE_TITLES for t in run):
            return True
        return any(c.dep_ == "appos" and c.like_num for c in token.children)

    def someone(self, token: Token) -> bool:
        """Whether ``token`` names or stands for someone who can speak: a person or a body
        by name, a person pronoun, or a person's role."""
        ent = self._ent_of.get(token.i)
        if ent is not None:
            return ent.label_ in ("PERSON", "ORG", "NORP")
        if token.lower_ in PERSON_PRONOUNS or token.lemma_.lower() in ROLE_NOUNS:
            return True
        if token.text[:1].isupper() and token.lower_ in self._person_keys:
            return True
        # "His quarterback, Dev Morris, disagreed": a noun beside a person's name is them.
        if any(c.dep_ == "appos" and self._person(c) for c in token.children):
            return True
        return any(n.start <= token.i < n.end for n in self.named)

    def _a_person(self, ent: Any) -> bool:
        return name_key(ent.text) in self._person_keys

    def _person(self, token: Token) -> bool:
        ent = self._ent_of.get(token.i)
        return ent is not None and ent.label_ == "PERSON"

    def _named_person(self, token: Token) -> bool:
        """A person's name, however the tagger types it here ("Varga's colleague")."""
        return self._person(token) or (token.pos_ == "PROPN" and token.lower_ in self._person_keys)

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
        named = self._named_by(token) or (self._comma_name(token) if role else None)
        if named is not None:
            return named
        # "Gingrich's attorney, Randy Evans": the apposition names the speaker, the owner
        # only whose attorney.
        children = sorted(token.children, key=lambda c: c.dep_ != "appos")
        document = token.lemma_.lower() in ISSUED
        for child in children:
            target = None
            if child.dep_ == "appos" or (child.dep_ == "poss" and not role):
                target = child
            elif child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                # "a statement from her family" speaks for the family, named or not.
                if target is not None and document and child.lower_ != "of":
                    found = self.of(target) if target.pos_ in ("NOUN", "PROPN") else None
                    if found is not None:
                        return found
                # "the resident of Woodland Hills" says where the speaker lives.
                place = self._ent_of.get(target.i) if target is not None else None
                if child.lower_ == "of" and place is not None and place.label_ in _PLACES:
                    target = None
            elif child.dep_ == "compound" and not role:
                # "the NATO statement" is NATO's, "a Ruiz statement" Ruiz's; but "the Obama
                # campaign" is an organization named after a person, not the person.
                ent = self._ent_of.get(child.i)
                if ent is not None and (
                    ent.label_ == "ORG" or (document and ent.label_ == "PERSON")
                ):
                    target = child
            # "The family of Darnell Wright", "Mott's office": people or a body around a
            # person, who is not the one speaking (unless the noun is something they issued).
            owned = child.dep_ in ("poss", "prep") and not (document or role)
            if owned and target is not None and self._named_person(target):
                tokens = self._proper_run(target) if child.dep_ == "poss" else [target]
                first, last = min(tokens[0].i, token.i), max(tokens[-1].i, token.i)
                return self._span(first, last)
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
        # "said the 12 doctors": several people in a role are not the one named before; "the
        # nation's top expert" is one person, as "the expert" is.
        national = any(c.dep_ == "poss" and a_place(c) for c in token.children)
        if (definite or national) and role and token.tag_ != "NNS":
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
        found = self._headline_role(token) if role else None
        if found is not None:
            return found
        # No named antecedent: "Smith's lawyer" is someone who speaks for Smith, not Smith,
        # and "a C.I.A. spokesman" a person described, not the agency; the description is
        # the speaker, owner included.
        left = [t for t in token.lefts if t.dep_ not in ("det", "punct", "predet")]
        owner = next((c for c in left if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        tokens = [*left, token] if left and left[0].i == token.i - len(left) else [token]
        if len(tokens) > 1:
            # With the words that modify the modifiers ("White House sources").
            first = left[0].left_edge.i
            while first < left[0].i and self.doc[first].dep_ in ("det", "predet", "punct"):
                first += 1
            inside = {t.i for c in left for t in c.subtree}
            if all(i in inside for i in range(first, token.i)):
                tokens = list(self.doc[first : token.i + 1])
        if role and owner is not None:
            tokens = list(self.doc[self._proper_run(owner)[0].i : token.i + 1])
        start, end = tokens[0].idx, token.idx + len(token.text)
        return Speaker(self.text[start:end], start, end)
