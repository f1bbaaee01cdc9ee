"""Who did it, to whom, and where: one event told with a different actor or place.

Inside a consensus fact, a verb both sentences use (same lemma, once in each, outside
quotations, not a verb of opinion nor one of speech that introduces a statement, not
denied) is taken as one event both
outlets report, and its role fillers are compared:

- the agent (subject of an active verb, "by" phrase of a passive one, the subject a
  coordinated verb or an infinitive shares with its head) and the object (direct
  object, subject of a passive verb): named people, organizations or countries,
  resolved through the story's entities, so "DPRK" and "North Korea" are one;
- the place: named places after "in" or "at" on the verb or on its arguments ("held
  their summit in Hanoi"), with the places named inside them ("at the Sofitel in Hanoi");
  and, for a noun both sentences name once, the place named before it ("the Luxembourg
  summit" / "the Helsinki summit").

The caller pairs only sentences that are each other's closest counterpart in a fact. A
false contradiction misleads more than a missed one, so a role differs only when both
sides are wholly named (every coordinated filler an entity); they share no name, and no
name of one may be a spelling or a part of one of the other's ("Khomenei"/"Khomeini",
"Kim"/"Kim Yong Chol"; a shorter list of the same people is no contradiction); neither
name appears in the other verb's clause in another role; the verbs are not dated to
days they do not share (one act each day: the House passed the bill Monday, the Senate
Wednesday); the fillers are of one entity type (countries and places: conflicting ones,
see `newsprism.comparison.discrepancies.places`); and some other dependent of the verb agrees — the same object, place or day — so that both sentences
tell the same event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from rapidfuzz import fuzz

from newsprism.comparison.discrepancies.fillers import Filler, discrepancy, place_discrepancy
from newsprism.comparison.discrepancies.places import (
    PLACE_TYPES,
    PlaceKnowledge,
    place_phrases,
    places_named_in,
)
from newsprism.comparison.quotes import SPEECH_VERBS, quoted_stretches
from newsprism.model import Article, Discrepancy, Entity
from newsprism.nlp import EntityIndex, is_demonym, name_key, strip_title

Token = Any
SpacySpan = Any

PARTICIPANT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# rapidfuzz ratio from which two names are taken for spellings of one ("Gaddafi", "Gadhafi").
SAME_SPELLING = 85
# Who holds a view is not a fact about the event: two outlets may each name a believer.
_OPINION_VERBS = frozenset(
    "think believe feel hope want wish know expect fear doubt consider hear see seem".split()
)
# Dependents whose agreement shows that two sentences tell the same event.
_ANCHOR_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "npadvmod", "xcomp", "ccomp"}
)
_ROLE_WORDS = {"agent": "actors", "object": "objects"}
# How a place name modifies a noun before it: "the Luxembourg summit", "Hanoi's summit".
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# What shows a speech verb reports a statement or addresses someone: "said (that) …",
# "urged them to …", "said: …", "told him".
_STATEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "dative"})


class RoleComparer:
    """Compares the participants and places of the events two aligned sentences share."""

    def __init__(
        self,
        articles: Sequence[Article],
        entities: EntityIndex,
        other_days: Callable[[str, Token, str, Token], bool] | None = None,
    ) -> None:
        self.entities = entities
        # Whether two verbs are dated to days they do not share: then they tell two acts.
        self.other_days = other_days
        self.places = PlaceKnowledge(articles, entities)
        self._quoted = {
            a.id: [seg for s in quoted_stretches(a.text, a.paragraphs) for seg in s.segments]
            for a in articles
        }

    def discrepancies(
        self, a: Article, sa: SpacySpan, b: Article, sb: SpacySpan
    ) -> list[Discrepancy]:
        """Participant and place discrepancies between sentence ``sa`` of ``a`` and ``sb`` of ``b``."""
        found = []
        for va, vb in self._shared_events(a, sa, b, sb):
            if _denied(va) or _denied(vb):
                continue  # who did not do something is no claim about who did
            if self.other_days is not None and self.other_days(a.id, va, b.id, vb):
                continue  # the House's vote on Monday, the Senate's on Wednesday
            for role in ("agent", "object"):
                found += self._participant(role, (a, va), (b, vb))
            found += self._place((a, va), (b, vb))
        return found + self._place_modifiers((a, sa), (b, sb))

    def _place_modifiers(
        self, left: tuple[Article, SpacySpan], right: tuple[Article, SpacySpan]
    ) -> list[Discrepancy]:
        """One thing placed by a name before it: "the Luxembourg summit" / "the Helsinki
        summit". Only a noun each sentence modifies once, by one named place."""
        (a, sa), (b, sb) = left, right
        ma, mb = self._placed_nouns(a, sa), self._placed_nouns(b, sb)
        found = []
        for noun in ma.keys() & mb.keys():
            (fa, ta), (fb, tb) = ma[noun], mb[noun]
            if fa.names & fb.names or not self._all_conflict(fa, fb):
                continue
            if self._named_in(b, tb, fa) or self._named_in(a, ta, fb):
                continue
            description = f"different places for '{noun}': {fa.value()} / {fb.value()}"
            found.append(discrepancy("place", description, a, fa, b, fb))
        return found

    def _placed_nouns(
        self, article: Article, sentence: SpacySpan
    ) -> dict[str, tuple[Filler, Token]]:
        """Noun lemma -> the named place modifying it and the sentence's root, for the nouns
        the sentence names once, each with exactly one place before it."""
        seen: Counter[str] = Counter()
        placed: dict[str, tuple[Filler, Token]] = {}
        for token in sentence:
            if token.pos_ != "NOUN":
                continue
            lemma = token.lemma_.casefold()
            seen[lemma] += 1
            places = []
            for child in token.children:
                entity = self._entity(article, child) if child.dep_ in _MODIFIER_DEPS else None
                if entity is not None and entity.type in PLACE_TYPES and entity not in places:
                    places.append(entity)
                    bounds = _mention_bounds(article, entity, child)
            if len(places) == 1:
                surface = article.text[bounds[0] : bounds[1]]
                placed[lemma] = (Filler((places[0],), *bounds, (surface,)), sentence.root)
        return {lemma: found for lemma, found in placed.items() if seen[lemma] == 1}

    def _shared_events(
        self, a: Article, sa: SpacySpan, b: Article, sb: SpacySpan
    ) -> Iterator[tuple[Token, Token]]:
        """Pairs of verbs with one lemma, each the only verb of that lemma in its sentence."""
        verbs_a, verbs_b = self._events(a, sa), self._events(b, sb)
        for lemma, tokens in verbs_a.items():
            if len(tokens) == 1 and len(verbs_b.get(lemma, ())) == 1:
                yield tokens[0], verbs_b[lemma][0]

    def _events(self, article: Article, sentence: SpacySpan) -> dict[str, list[Token]]:
        events: dict[str, list[Token]] = {}
        quoted = self._quoted.get(article.id, [])
        for token in sentence:
            lemma = token.lemma_.casefold()
            if token.pos_ != "VERB" or lemma in _OPINION_VERBS:
                continue
            if lemma in SPEECH_VERBS and not _act_of_speech(token):
                continue
            if any(s <= token.idx < e for s, e in quoted):
                continue
            events.setdefault(lemma, []).append(token)
        return events

    def _participant(
        self,
        role: str,
        left: tuple[Article, Token],
        right: tuple[Article, Token],
    ) -> list[Discrepancy]:
        (a, va), (b, vb) = left, right
        ta, tb = _role_token(va, role), _role_token(vb, role)
        if ta is None or tb is None:
            return []
        fa, fb = self._filler(a, ta, PARTICIPANT_TYPES), self._filler(b, tb, PARTICIPANT_TYPES)
        if fa is None or fb is None or not _all_distinct(fa, fb):
            return []
        if len({e.type for e in (*fa.entities, *fb.entities)}) != 1:
            return []
        if fa.entities[0].type == "GPE" and not self._all_conflict(fa, fb):
            return []  # "Beijing" may speak for "China"
        if self._named_in(b, vb, fa) or self._named_in(a, va, fb):
            return []
        if not self._anchors(a, va, {ta.i}) & self._anchors(b, vb, {tb.i}):
            return []
        verb = va.lemma_.casefold()
        description = f"different {_ROLE_WORDS[role]} of '{verb}': {fa.value()} / {fb.value()}"
        return [discrepancy("participant", description, a, fa, b, fb)]

    def _place(
        self, left: tuple[Article, Token], right: tuple[Article, Token]
    ) -> list[Discrepancy]:
        (a, va), (b, vb) = left, right
        pa, pb = place_phrases(va), place_phrases(vb)
        differ = self.conflicting_places(self.places_in(a, pa), self.places_in(b, pb))
        if differ is None:
            return []
        fa, fb = differ
        if self._named_in(b, vb, fa) or self._named_in(a, va, fb):
            return []
        skip_a, skip_b = {p.i for p in pa}, {p.i for p in pb}
        if not self._anchors(a, va, skip_a) & self._anchors(b, vb, skip_b):
            return []
        return [place_discrepancy(va.lemma_.casefold(), a, fa, b, fb)]

    def place_of(self, article: Article, verb: Token) -> Filler | None:
        """The named places where the verb's event happened, outermost first."""
        return self.places_in(article, place_phrases(verb))

    def conflicting_places(
        self, fa: Filler | None, fb: Filler | None
    ) -> tuple[Filler, Filler] | None:
        """The places each side names that the other does not, when they cannot both be
        where one event happened; None when they can."""
        fa, fb = _unshared(fa, fb)
        if fa is None or fb is None or not _all_distinct(fa, fb) or not self._all_conflict(fa, fb):
            return None
        return fa, fb

    def _all_conflict(self, fa: Filler, fb: Filler) -> bool:
        return all(self.places.conflict(x, y) for x in fa.entities for y in fb.entities)

    def _entity(self, article: Article, token: Token) -> Entity | None:
        return self.entities.entity_at(article.id, token.idx, token.idx + len(token))

    def _filler(self, article: Article, token: Token, types: frozenset[str]) -> Filler | None:
        """The entities of a role filler and its conjuncts; None unless every one is named."""
        found: list[Entity] = []
        bounds: list[tuple[int, int]] = []
        for head in (token, *token.conjuncts):
            # "a senior official, Kim Yong Chol": an unnamed head with a named apposition.
            candidates = [head, *(c for c in head.children if c.dep_ == "appos")]
            named = next((t for t in candidates if self._entity(article, t)), None)
            entity = self._entity(article, named) if named is not None else None
            if entity is None or entity.type not in types:
                return None
            start, end = _mention_bounds(article, entity, named)
            # "250,000 Canadians": a group of people, of which others may do the same.
            if is_demonym(article.text[start:end]):
                return None
            if entity not in found:
                found.append(entity)
            bounds.append((start, end))
        surfaces = tuple(article.text[s:e] for s, e in bounds)
        return Filler(tuple(found), min(s for s, _ in bounds), max(e for _, e in bounds), surfaces)

    def places_in(self, article: Article, preps: list[Token]) -> Filler | None:
        """The named places of the place phrases, the outermost first; None if none is named."""
        found: list[Entity] = []
        bounds: list[tuple[int, int]] = []
        for token in places_named_in(preps):
            entity = self._entity(article, token)
            if entity is not None and entity.type in PLACE_TYPES and entity not in found:
                found.append(entity)
                bounds.append(_mention_bounds(article, entity, token))
        if not found:
            return None
        surfaces = tuple(article.text[s:e] for s, e in bounds)
        start, end = min(s for s, _ in bounds), max(e for _, e in bounds)
        return Filler(tuple(found), start, end, surfaces, ", ", tuple(s for s, _ in bounds))

    def _named_in(self, article: Article, verb: Token, filler: Filler) -> bool:
        """Whether the verb's clause names any entity of ``filler``, in whatever role."""
        tokens = list(verb.subtree)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        inside = self.entities.entities_in(article.id, start, end)
        return bool(filler.names & {e.name for e in inside})

    def _anchors(self, article: Article, verb: Token, skip: set[int]) -> set[str]:
        """The entities and content lemmas of the verb's other dependents."""
        keys: set[str] = set()
        for child in verb.children:
            if child.i in skip:
                continue
            if child.dep_ in {"prep", "agent"}:
                targets = [t for t in child.children if t.dep_ == "pobj"]
            elif child.dep_ in _ANCHOR_DEPS:
                targets = [child]
            else:
                continue
            for target in (t for head in targets for t in (head, *head.conjuncts)):
                entity = self._entity(article, target)
                if entity is not None:
                    keys.add(f"@{entity.name}")
                elif not (target.is_stop or target.is_punct or target.pos_ == "PRON"):
                    keys.add(name_key(target.lemma_))
        return keys


def _unshared(fa: Filler | None, fb: Filler | None) -> tuple[Filler | None, Filler | None]:
    """The places each side names that the other does not: "in West Los Angeles and Harlem"
    against "in West Los Angeles and the South Side" differ on the second place only."""
    if fa is None or fb is None:
        return fa, fb
    shared = {
        i
        for i, x in enumerate(fa.entities)
        if any(_may_be_same(x.name, y.name) for y in fb.entities)
    }
    if not shared or len(shared) == len(fa.entities):
        return fa, fb
    kept = tuple(
        e for e in fb.entities if not any(_may_be_same(e.name, x.name) for x in fa.entities)
    )
    if not kept:
        return fa, fb
    return _only(fa, tuple(e for i, e in enumerate(fa.entities) if i not in shared)), _only(
        fb, kept
    )


def _only(filler: Filler, entities: tuple[Entity, ...]) -> Filler:
    """The filler narrowed to some of its entities and the names that write them."""
    kept = [
        (surface, start)
        for surface, start in zip(filler.surfaces, filler.starts, strict=True)
        if any(_may_be_same(surface, e.name) for e in entities)
    ]
    if not kept:
        return Filler(entities, filler.start, filler.end, filler.surfaces, filler.joiner)
    start = min(s for _, s in kept)
    end = max(s + len(surface) for surface, s in kept)
    surfaces, starts = tuple(s for s, _ in kept), tuple(s for _, s in kept)
    return Filler(entities, start, end, surfaces, filler.joiner, starts)


def _all_distinct(fa: Filler, fb: Filler) -> bool:
    """Whether no name of one filler, canonical or as written, may be another spelling or a
    part of one of the other's: the resolver may have put a bare "Gingrich" with the wrong
    Gingrich."""
    names_a = {*fa.names, *(strip_title(s) for s in fa.surfaces)}
    names_b = {*fb.names, *(strip_title(s) for s in fb.surfaces)}
    return not any(_may_be_same(x, y) for x in names_a for y in names_b)


def _may_be_same(a: str, b: str) -> bool:
    """ "Khomenei" and "Khomeini", "Kim" and "Kim Yong Chol": names the resolver left apart
    that may still name one person or place; "the Clintons" names every Clinton."""
    ka, kb = name_key(a), name_key(b)
    wa, wb = {w.removesuffix("s") for w in ka.split()}, {w.removesuffix("s") for w in kb.split()}
    return wa <= wb or wb <= wa or fuzz.ratio(ka, kb) >= SAME_SPELLING


def _denied(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _act_of_speech(verb: Token) -> bool:
    """A speech verb that reports no statement but does something to a thing ("Kolby
    announced a Norwegian contribution"): who did it is a participant. One that introduces
    what was said ("said that…", "told reporters") is left to the attributions."""
    if any(child.dep_ in _STATEMENT_DEPS for child in verb.children):
        return False
    return any(
        child.dep_ == "dobj" and child.pos_ in {"NOUN", "PROPN"} and child.ent_type_ != "PERSON"
        for child in verb.children
    )


def _role_token(verb: Token, role: str) -> Token | None:
    """The head of the verb's agent or object, following passives and shared subjects."""
    children = list(verb.children)
    if role == "object":
        return next((c for c in children if c.dep_ in {"dobj", "nsubjpass"}), None)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    by = next((c for c in children if c.dep_ == "agent"), None)
    if by is not None:
        return next((c for c in by.children if c.dep_ == "pobj"), None)
    passive = any(c.dep_ == "nsubjpass" for c in children)
    head = verb.head
    # "Trump arrived and met Kim", "Trump tried to meet Kim": the head's subject acts.
    shares = verb.dep_ == "conj" or (
        verb.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in head.children)
    )
    if shares and not passive and head is not verb and head.pos_ in {"VERB", "AUX"}:
        return _role_token(head, "agent")
    return None


def _mention_bounds(article: Article, entity: Entity, token: Token) -> tuple[int, int]:
    """The character span of the entity's mention holding ``token``."""
    for span in entity.spans:
        if span.article == article.id and span.start <= token.idx < span.end:
            return span.start, span.end
    return token.idx, token.idx + len(token)
