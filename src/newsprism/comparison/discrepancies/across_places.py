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
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.fillers import Filler, place_discrepancy
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.model import Discrepancy

Token = Any


def places_across(
    evidence: Evidence, roles: RoleComparer, articles: Sequence[str]
) -> list[Discrepancy]:
    """Places of one happening that two reports each give once, otherwise."""
    placed = {article: _placed(evidence, roles, article) for article in articles}
    found = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for key in placed[a].keys() & placed[b].keys():
                (va, fa), (vb, fb) = placed[a][key], placed[b][key]
                differ = roles.conflicting_places(fa, fb)
                if differ is None:
                    continue
                fa, fb = differ
                if _named(evidence, b, fa) or _named(evidence, a, fb):
                    continue
                if evidence.other_days(a, va, b, vb):
                    continue
                found.append(
                    place_discrepancy(
                        va.lemma_.casefold(), evidence.articles[a], fa, evidence.articles[b], fb
                    )
                )
    return found


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
        if (key := evidence.happening(article, verb)) is not None:
            keyed.setdefault(key, []).append((verb, filler))
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
