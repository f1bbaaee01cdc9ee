"""A person's age, compared across whole reports.

An age set beside a name ("Mychelle, 7", "Karen Doyle, aged 34,", "Doyle, a 34-year-old
teacher", "the 34-year-old Karen Doyle") is an attribute of that person, wherever the
sentence stands, so two reports giving one person two ages contradict each other even
when alignment leaves the sentences apart. It is a claim only when:

- the name is the story's one entity of that name in both reports: a bare surname or
  given name that is a word of another entity's name ("Barton" beside
  Mark and Leigh Ann Barton) may be either, and the two reports' names must be one name
  written more or less fully ("Doyle" / "Karen Doyle"), since the resolver may have put
  a bare name with the wrong person;
- each report gives the person one age (or always the same), outside quotations and
  sentences that date something to another year (an age then, not now);
- and the ages cannot both hold: ages change on birthdays, so between reports published
  on the same day they must be equal, and otherwise differ by at most the birthdays that
  fit between the two publication days. An undated report says nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.places import subdivisions_named
from newsprism.model import Claim, Discrepancy, Entity
from newsprism.nlp import city_of, country_of, name_key, strip_title

# What a name with an age beside it may be typed: the small tagger takes rare given names
# for organizations or places ("Mychelle", "Talia"); a group of people ("Democrats, 51,")
# is counted, not aged.
_AGED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC"})
# The oldest age taken for one: a larger number beside a name is something else.
_OLDEST = 120
# After a name: ", 7." ", 8, the next" ", aged 34," ", a 34-year-old teacher".
_AFTER = re.compile(
    r",\s+(?:aged\s+(?P<aged>\d{1,3})|(?P<bare>\d{1,3})|an?\s+(?P<noun>\d{1,3})-year-old\b)"
    r"(?(noun)|(?=\s*(?:[,.;:)]|--|\u2014|\u2013|$)|\s+(?:and|or)\b))"
)
# Before a name: "the 34-year-old Karen Doyle".
_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+$")


@dataclass(frozen=True)
class _Age:
    years: int
    start: int  # the name and the age together
    end: int
    surface: str  # the name as written


def ages_across(evidence: Evidence, articles: Sequence[str]) -> list[Discrepancy]:
    """People whom two reports published close enough in time give ages that cannot both
    hold."""
    told = {article: _ages(evidence, article) for article in articles}
    found = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for name in told[a].keys() & told[b].keys():
                age_a, age_b = told[a][name], told[b][name]
                if not _one_name(age_a.surface, age_b.surface):
                    continue
                if not _cannot_both_hold(evidence, a, age_a.years, b, age_b.years):
                    continue
                claims = [
                    Claim(
                        article=article,
                        start=age.start,
                        end=age.end,
                        text=evidence.articles[article].text[age.start : age.end],
                        value=float(age.years),
                    )
                    for article, age in ((a, age_a), (b, age_b))
                ]
                description = f"different ages of {name}: {age_a.years} / {age_b.years}"
                found.append(Discrepancy(kind="number", description=description, claims=claims))
    return found


def _ages(evidence: Evidence, article: str) -> dict[str, _Age]:
    """Entity name -> the one age the report gives that person beside an unambiguous name."""
    text = evidence.articles[article].text
    given: dict[str, list[_Age]] = {}
    for entity in evidence.entities.entities:
        if not _may_be_a_person(entity):
            continue
        for span in entity.spans:
            if span.article != article:
                continue
            age = _age_beside(text, span.start, span.end)
            if age is None or evidence.is_quoted(article, span.start):
                continue
            token = evidence.token_at(article, span.start)
            if token is None or evidence.background(article, token.sent):
                continue
            if _ambiguous(evidence.entities.entities, entity, age.surface):
                continue
            given.setdefault(entity.name, []).append(age)
    return {name: ages[0] for name, ages in given.items() if len({a.years for a in ages}) == 1}


def _may_be_a_person(entity: Entity) -> bool:
    """A person, or a name typed otherwise that the gazetteer knows as no place ("Texas,
    38," counts electoral votes)."""
    if entity.type == "PERSON":
        return True
    if entity.type not in _AGED_TYPES:
        return False
    name = entity.name
    return not (country_of(name) or subdivisions_named(name) or city_of(name))


def _age_beside(text: str, start: int, end: int) -> _Age | None:
    surface = text[start:end]
    after = _AFTER.match(text, end)
    if after is not None:
        form = next(g for g in ("aged", "bare", "noun") if after.group(g))
        years = int(after.group(form))
        last = after.end() if form == "noun" else after.end(form)
        return _Age(years, start, last, surface) if 0 < years <= _OLDEST else None
    before = _BEFORE.search(text, max(0, start - 20), start)
    if before is not None and 0 < (years := int(before.group(1))) <= _OLDEST:
        return _Age(years, before.start(), end, surface)
    return None


def _words(name: str) -> set[str]:
    return set(name_key(strip_title(name)).split())


def _ambiguous(entities: Sequence[Entity], entity: Entity, surface: str) -> bool:
    """Whether a one-word name is also a word of another entity's name ("Barton" of
    "Leigh Ann Barton", of "the Barton Foundation")."""
    words = _words(surface)
    if len(words) != 1:
        return False
    return any(other is not entity and words <= _words(other.name) for other in entities)


def _one_name(x: str, y: str) -> bool:
    """Whether one name is the other written more or less fully ("Doyle" / "Karen Doyle")."""
    wx, wy = _words(x), _words(y)
    return bool(wx and wy) and (wx <= wy or wy <= wx)


def _cannot_both_hold(evidence: Evidence, a: str, age_a: int, b: str, age_b: int) -> bool:
    """Whether no birthday between the two publication days reconciles the two ages."""
    published_a, published_b = evidence.articles[a].published, evidence.articles[b].published
    if published_a is None or published_b is None or age_a == age_b:
        return False
    day_a, day_b = published_a.date(), published_b.date()
    if day_b < day_a:
        day_a, day_b, age_a, age_b = day_b, day_a, age_b, age_a
    days = (day_b - day_a).days
    fewest, most = days // 366, math.ceil(days / 365)
    return not fewest <= age_b - age_a <= most
