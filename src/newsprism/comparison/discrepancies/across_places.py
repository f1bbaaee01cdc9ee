"""Places compared across whole reports, not only inside sentences aligned into a fact.

Two outlets may word one happening so differently that alignment leaves the two
sentences apart ("Police arrested Ana Ruiz at her home in Tulsa on Friday" / "Ruiz, 41,
was arrested in Dallas, the FBI said"). As with days (`times.times_across`) and counts
(`across`), a place is still a claim about one attribute of one event when:

- it places one happening: one verb, asserted, not a statement, with a named doer or
  undergoer (`Evidence.happening`), in a sentence that dates nothing to another year;
- each report places that happening once (or always in the same place), else it is not
  clear which occasion is meant;
- the places cannot both hold (two cities of one kind, two countries: see `places`);
- neither report names the other's place anywhere: a report that names both may tell two
  happenings (arrested in one city, charged in another), not another place for one;
- and neither dates it to another day than the other does (two arrests, two visits).

A named organization or building has one seat (`seats_across`): "the Southern Poverty
Law Center in Montgomery, Ala." / "the Southern Poverty Law Center, a nonprofit
organization in Birmingham, Ala." place one thing twice. The place must be set on the
name itself ("the X in Y"; an apposition "X, a group in Y"; "X, based in Y"), not on a
verb whose object the name is ("sued Ford in Detroit" places the suit); each report
seats the thing once (or always in the same place); the places are two cities or two
regions that cannot both hold it — a country is where a body works as much as where it
sits ("the Red Cross in Haiti") —, and neither report names the other's place anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.fillers import Filler, discrepancy
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.model import Discrepancy
from newsprism.nlp import country_of

Token = Any

# What has one seat: a named organization, a named building.
_SEATED = frozenset({"ORG", "FAC"})
# Participles that seat what they modify: "X, based in Y", "headquartered in Y".
_SEATING = frozenset({"base", "headquarter"})


def places_across(
    evidence: Evidence, roles: RoleComparer, articles: Sequence[str]
) -> list[Discrepancy]:
    """Places of one happening that two reports each give once, otherwise."""
    placed = {article: _placed(evidence, roles, article) for article in articles}
    return _across(
        evidence, roles, articles, placed, lambda _, verb: f"places for '{verb.lemma_.casefold()}'"
    )


def seats_across(
    evidence: Evidence, roles: RoleComparer, articles: Sequence[str]
) -> list[Discrepancy]:
    """Organizations and buildings that two reports each seat once, in two places."""
    seated = {article: _seated(evidence, roles, article) for article in articles}
    return _across(evidence, roles, articles, seated, lambda name, _: f"seats of {name}", False)


def _across(
    evidence: Evidence,
    roles: RoleComparer,
    articles: Sequence[str],
    told: Mapping[str, Mapping[Hashable, tuple[Token, Filler]]],
    what: Callable[[Hashable, Token], str],
    countries: bool = True,
) -> list[Discrepancy]:
    """The places two reports give one key that cannot both hold, when neither report names
    the other's anywhere (a report that names both may tell two happenings: arrested in one
    city, charged in another) and neither dates its verb to another day."""
    found = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for key in told[a].keys() & told[b].keys():
                (va, fa), (vb, fb) = told[a][key], told[b][key]
                differ = roles.conflicting_places(fa, fb)
                if differ is None:
                    continue
                fa, fb = differ
                if not countries and any(country_of(e.name) for f in differ for e in f.entities):
                    continue
                if _named(evidence, b, fa) or _named(evidence, a, fb):
                    continue
                if evidence.other_days(a, va, b, vb):
                    continue
                description = f"different {what(key, va)}: {fa.value()} / {fb.value()}"
                aa, ab = evidence.articles[a], evidence.articles[b]
                found.append(discrepancy("place", description, aa, fa, ab, fb))
    return found


def _seated(
    evidence: Evidence, roles: RoleComparer, article: str
) -> dict[Hashable, tuple[Token, Filler]]:
    """Each organization or building the report seats in one place only (no verb: a seat
    is no happening's place)."""
    keyed: dict[Hashable, list[tuple[Token, Filler]]] = {}
    for entity in evidence.entities.entities:
        if entity.type not in _SEATED:
            continue
        for span in entity.spans:
            if span.article != article or evidence.is_quoted(article, span.start):
                continue
            name = evidence.sentence(span)
            if name is None or not len(name) or evidence.background(article, name.sent):
                continue
            filler = roles.places_in(evidence.articles[article], _seat_phrases(name.root))
            if filler is not None:
                keyed.setdefault(entity.name, []).append((None, filler))
    return _once(keyed)


def _seat_phrases(name: Token) -> list[Token]:
    """The "in" phrases set on a name, on a noun in apposition to it, or on a participle
    that seats it; none on a verb's object, where the parser hangs the verb's place."""
    holders = [
        c
        for c in name.children
        if c.dep_ == "appos" or (c.dep_ == "acl" and c.lemma_.casefold() in _SEATING)
    ]
    if name.dep_ != "dobj":
        holders.append(name)
    return [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"]


def _placed(
    evidence: Evidence, roles: RoleComparer, article: str
) -> dict[Hashable, tuple[Token, Filler]]:
    """Each happening the report places in one place only, with its verb and place."""
    doc = evidence.articles[article].doc
    keyed: dict[Hashable, list[tuple[Token, Filler]]] = {}
    for verb in doc if doc is not None else ():
        if verb.pos_ != "VERB" or evidence.is_quoted(article, verb.idx):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # where something did not happen is no claim of where it did
        filler = roles.place_of(evidence.articles[article], verb)
        if filler is None or evidence.background(article, verb.sent):
            continue
        for key in evidence.happenings(article, verb):
            keyed.setdefault(key, []).append((verb, filler))
    return _once(keyed)


def _once(
    keyed: dict[Hashable, list[tuple[Token, Filler]]],
) -> dict[Hashable, tuple[Token, Filler]]:
    """What a report places once, or always in the same place: else it is not clear which
    occasion is meant."""
    return {
        key: told[0]
        for key, told in keyed.items()
        if all(f.names == told[0][1].names for _, f in told)
    }


def _named(evidence: Evidence, article: str, filler: Filler) -> bool:
    """Whether the report names any of the filler's places anywhere."""
    text = evidence.articles[article].text
    named = {e.name for e in evidence.entities.entities_in(article, 0, len(text))}
    return bool(filler.names & named)
