"""Which places of a story may hold one another, and which surely differ; and which
phrases of a sentence place its event (`place_phrases`, `places_named_in`).

Two outlets placing one event "in Hanoi" and "in Vietnam" do not contradict each
other: the city lies in the country. Whether one place lies in another comes from
the gazetteer (countries; pycountry's subdivisions and the country that holds each;
GeoNames' cities and their countries)
and from the story's own text ("Da Nang, Vietnam", "the Sofitel in Hanoi",
"Vietnam's Hanoi"). Two places conflict only when that knowledge says they cannot
both be right: different countries, or distinct places of one kind (two states, two
cities) neither of which is known to hold the other. An unknown relation — a city
against a region the gazetteer does not know — is never a conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import pycountry

from newsprism.model import Article, Entity
from newsprism.nlp import EntityIndex, city_of, country_of, name_key, plain_key

Token = Any  # a spaCy token

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that place an event: "held the summit in Hanoi", "at the Sofitel", "near X".
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near"})
# Inside a place phrase: "in his cell on the outskirts of Bilbao", "a plant near the town of X".
_INNER_PLACE_PREPOSITIONS = _PLACE_PREPOSITIONS | {"of", "on", "outside"}
# What may stand between two place names when the first lies in the second.
_INSIDE = re.compile(r"\s*(?:,|\b(?:in|of|at|near|outside)\b)\s*(?:the\s+)?", re.I)
# ... and when the second lies in the first ("Vietnam's Hanoi").
_OWNER = re.compile(r"\s*['\u2019]s?\s+")


@dataclass(frozen=True)
class _Subdivision:
    code: str
    country: str
    type: str
    parent: str | None


@cache
def _subdivisions() -> dict[str, tuple[_Subdivision, ...]]:
    """Subdivision name key → every subdivision of that name (several countries may share one)."""
    found: defaultdict[str, list[_Subdivision]] = defaultdict(list)
    for item in pycountry.subdivisions:
        parent = getattr(item, "parent_code", None)
        found[plain_key(item.name)].append(
            _Subdivision(item.code, item.country_code, item.type, parent)
        )
    return {k: tuple(v) for k, v in found.items()}


def subdivisions_named(name: str) -> tuple[_Subdivision, ...]:
    """The states, provinces, regions… that ``name`` may name (none for a country)."""
    if country_of(name) is not None:
        return ()
    return _subdivisions().get(plain_key(name), ())


class PlaceKnowledge:
    """What the gazetteer and the story's text say about how its places nest."""

    def __init__(self, articles: Sequence[Article], entities: EntityIndex) -> None:
        self._entities = entities
        self._within: defaultdict[str, set[str]] = defaultdict(set)
        for article in articles:
            self._read_nesting(article)

    def _read_nesting(self, article: Article) -> None:
        """ "X, Y", "X in Y", "X of Y" and "Y's X" between adjacent place mentions."""
        mentions = []
        for m in sorted(article.mentions, key=lambda m: m.start):
            entity = self._entities.entity_at(article.id, m.start, m.end)
            if entity is not None and entity.type in PLACE_TYPES | {"ORG"}:
                mentions.append((m.start, m.end, entity.name))
        for (_, end, first), (start, _, second) in pairwise(mentions):
            if first == second:
                continue
            gap = article.text[end:start]
            if _INSIDE.fullmatch(gap):
                self._within[first].add(second)
            elif _OWNER.fullmatch(gap):
                self._within[second].add(first)

    def holders(self, name: str) -> set[str]:
        """Every place the text says ``name`` lies in, directly or through others."""
        seen: set[str] = set()
        pending = [name]
        while pending:
            for holder in self._within.get(pending.pop(), ()):
                if holder not in seen:
                    seen.add(holder)
                    pending.append(holder)
        return seen

    def country(self, name: str) -> str | None:
        """The country code of a place: itself, its one subdivision's or its city's, or the
        text's nesting."""
        for candidate in (name, *sorted(self.holders(name))):
            if (code := country_of(candidate)) is not None:
                return code
            countries = {s.country for s in subdivisions_named(candidate)}
            if len(countries) == 1:
                return countries.pop()
            if not countries and (city := city_of(candidate)) is not None:
                return city.country
        return None

    def nested(self, a: str, b: str) -> bool:
        """Whether one of two places is known to lie in the other."""
        if b in self.holders(a) or a in self.holders(b):
            return True
        return _subdivision_nested(a, b) or _subdivision_nested(b, a)

    def conflict(self, a: Entity, b: Entity) -> bool:
        """Whether ``a`` and ``b`` cannot both be where one event happened."""
        if a.name == b.name or self.nested(a.name, b.name):
            return False
        ca, cb = self.country(a.name), self.country(b.name)
        if ca is not None and cb is not None and ca != cb:
            return True
        if country_of(a.name) or country_of(b.name):
            return False  # a country against a place in it, or one not known to be elsewhere
        if set(name_key(a.name).split()) & set(name_key(b.name).split()):
            return False  # "Gaza City" and "Gaza", "New York City" and "New York"
        sa, sb = subdivisions_named(a.name), subdivisions_named(b.name)
        if sa and sb:
            # Distinct subdivisions of one kind ("Texas", "Ohio") do not overlap.
            return bool({s.type for s in sa} & {s.type for s in sb})
        if sb:
            return _city_outside(a.name, b.name, sb)
        if sa:
            return _city_outside(b.name, a.name, sa)
        return a.type == b.type


def _division_code(name: str, subdivision: _Subdivision) -> str | None:
    """GeoNames' first-level division code of a subdivision: the ISO one for US states
    (GeoNames uses the postal codes), elsewhere that of the city it is named after ("Madrid",
    "Quebec"), if there is one; else unknown."""
    if subdivision.parent is None and subdivision.country == "US":
        return subdivision.code.partition("-")[2]
    city = city_of(name)
    return city.division if city is not None and city.country == subdivision.country else None


def _city_outside(city_name: str, region: str, readings: tuple[_Subdivision, ...]) -> bool:
    """Whether the city ``city_name`` (not itself a region's name) lies outside every region
    the name ``region`` may be: "Bilbao" (Basque Country) against "Madrid" (the city's region)."""
    city = city_of(city_name)
    if city is None or city.division is None:
        return False
    codes = {_division_code(region, s) for s in readings if s.country == city.country}
    return bool(codes) and None not in codes and city.division not in codes


@cache
def _parents() -> dict[str, str | None]:
    return {s.code: s.parent for subs in _subdivisions().values() for s in subs}


def _subdivision_nested(inner: str, outer: str) -> bool:
    """Whether pycountry puts a subdivision named ``inner`` under one named ``outer``."""
    parents = _parents()
    outer_codes = {s.code for s in subdivisions_named(outer)}
    for item in subdivisions_named(inner):
        parent = item.parent
        while parent is not None:
            if parent in outer_codes:
                return True
            parent = parents.get(parent)
    return False


def place_phrases(verb: Token) -> list[Token]:
    """ "in"/"at" phrases on the verb and on its arguments: the parser often hangs them on
    the noun before them ("held the summit in Hanoi", "worked with Ravussin in Phoenix")."""
    arguments = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    objects = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ not in _PLACE_PREPOSITIONS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    holders = [verb, *arguments, *objects]
    return [
        c
        for holder in holders
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS
    ]


def places_named_in(preps: list[Token]) -> Iterator[Token]:
    """The objects of place phrases, and the places named inside them, outermost first."""
    pending = [p for prep in preps for p in prep.children if p.dep_ == "pobj"]
    while pending:
        token = pending.pop(0)
        yield token
        for child in token.children:
            if child.dep_ in {"appos", "conj", "npadvmod"}:
                pending.append(child)
            elif child.dep_ == "prep" and child.lower_ in _INNER_PLACE_PREPOSITIONS:
                pending.extend(g for g in child.children if g.dep_ == "pobj")
