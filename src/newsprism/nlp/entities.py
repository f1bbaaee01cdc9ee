"""Entities across outlets: every mention of one real-world thing under one canonical name.

The NER model tags each mention on its own and makes mistakes; grouping works on the
whole story at once:

1. Countries are recognised by any of their names, acronyms or demonyms (gazetteer).
2. Other mentions are grouped by a spelling-insensitive key (case, dots, hyphens,
   titles such as "President" or "Chairman" removed).
3. An acronym joins the group whose initials it spells ("DPRK", "WHO").
4. A name written without its middle initial joins the one person written with it
   ("Anthony Weiner", "Anthony D. Weiner"); two different initials keep it apart
   ("George Bush" beside "George W. Bush" and "George H. W. Bush").
5. A surname or given name alone joins the one person whose full name holds it: in an
   article that names one such person in full, that person; elsewhere the one named most
   in the same articles.
6. The type of a group is decided by a vote over all its mentions, so one sentence
   where the model calls "Trump" an ORG does not make him one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsprism.model import Article, Entity, Mention
from newsprism.nlp.gazetteer import country_name, country_of, name_key
from newsprism.nlp.groups import UnionFind
from newsprism.nlp.temporal import reference

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"}
_COUNTRY_LABELS = {"GPE", "NORP", "ORG", "LOC"}
# When votes tie, the more specific type wins.
_TYPE_PRIORITY = ["PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW"]
_TITLE_WORDS = (
    r"u\.s\.|us|american|former|then|acting|deputy|vice|chief|top|supreme|foreign|prime|"
    r"president|chairman|chairwoman|chair|secretary|minister|leader|mr|mrs|ms|dr|sen|senator|"
    r"rep|representative|gov|governor|gen|general|adm|admiral|col|lt|sgt|capt|king|queen|"
    r"prince|princess|pope|chancellor|spokesman|spokeswoman|spokesperson|ambassador|judge|"
    r"justice|mayor|ceo|premier|sheikh|of state|general secretary|secretary general"
)
_TITLES = re.compile(rf"^(?:(?:{_TITLE_WORDS})\.?\s+)+", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,5}\.?$")
# The NER model takes these for organizations: time zones, and the last word of a title.
_TIME_ZONES = {"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet"}
_OF_TITLE = re.compile(
    r"\b(secretary|minister|department|ministry|office|head|chief)\s+of\s+$", re.I
)
_MINOR_WORDS = {"of", "the", "and", "for", "in", "on", "at", "de", "du", "la", "le", "&"}


def strip_title(name: str) -> str:
    """ "President Donald Trump's" → "Donald Trump"; a bare title is kept as it is."""
    text = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    text = re.sub(r"['\u2019]s?$", "", text).strip()
    stripped = _TITLES.sub("", text).strip()
    return stripped or text


def initials(name: str) -> str:
    """ "Democratic People's Republic of Korea" → "DPRK"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _MINOR_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


@dataclass
class _Mention:
    article: int
    start: int
    end: int
    surface: str
    label: str
    key: str
    in_headline: bool = False


@dataclass
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    country: str | None = None

    @property
    def voters(self) -> list[_Mention]:
        """The mentions whose NER label and spelling count: not one in capitals
        ("BILBAO, Spain (AP) —") of a name the text also writes in mixed case, as NER reads
        capitals poorly (the dateline's city comes out an organization); nor, when the name
        is also written in running text, one in a headline line, where every word is
        capitalized and NER runs the name into the verb after it ("Rep. Jo Roe Resigns")."""
        mixed = {m.surface.casefold() for m in self.mentions if not m.surface.isupper()}
        kept = [
            m for m in self.mentions if not (m.surface.isupper() and m.surface.casefold() in mixed)
        ]
        running = [m for m in kept if not m.in_headline]
        return running or kept

    @property
    def labels(self) -> Counter[str]:
        return Counter(m.label for m in self.voters)

    @property
    def full_forms(self) -> list[str]:
        """The longest forms (most words) of the name."""
        most = max(len(m.key.split()) for m in self.mentions)
        return [m.key for m in self.mentions if len(m.key.split()) == most]

    def is_person(self) -> bool:
        return self.country is None and self.labels["PERSON"] > 0


class _Groups:
    """Mention groups joined into entities: a merged group's mentions move to its root."""

    def __init__(self, groups: list[_Group]) -> None:
        self.groups = groups
        self.sets = UnionFind(range(len(groups)))

    def root(self, i: int) -> int:
        return self.sets.find(i)

    def merge(self, i: int, j: int) -> None:
        a = self.root(i)
        b = self.sets.union(i, j)
        if a != b:
            self.groups[b].mentions.extend(self.groups[a].mentions)
            self.groups[b].country = self.groups[b].country or self.groups[a].country
            self.groups[a].mentions = []

    def live(self) -> list[int]:
        return self.sets.roots()


def _in_headline(text: str, start: int, end: int) -> bool:
    """Whether the mention stands in a title-cased line of three words or more: every word
    longer than a minor word capitalized, as headlines are written."""
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _credit(article: Article, start: int, end: int) -> bool:
    """Whether the mention is the agency credited in the dateline ("MANILA (Asia Wire) --"):
    the source of the report, not something the report is about."""
    if start >= reference(article).dateline_end:
        return False
    return article.text.rfind("(", 0, start) > article.text.rfind(")", 0, start) and (
        article.text.find(")", end) != -1
    )


def _common_words(articles: Sequence[Article]) -> set[str]:
    """Words the reports write in lower case and never capitalize inside a sentence."""
    lower = {w for a in articles for w in re.findall(r"\b[a-z]+\b", a.text)}
    inside = {
        w.casefold() for a in articles for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z]+", a.text)
    }
    return lower - inside


def _common_noun(article: Article, m: Mention, common: set[str]) -> bool:
    """A one-word "person" that opens its sentence, of a word the reports otherwise write in
    lower case ("Ferry disasters are common" beside "the ferry"), is a common noun the tagger
    read as a name because of its capital: a person's name is never written in lower case.
    (An organization may be: "the navy", "Navy divers".)"""
    if (
        m.label != "PERSON"
        or " " in m.text
        or m.text.casefold() not in common
        or m.sentence >= len(article.sentences)
    ):
        return False
    return article.sentences[m.sentence].start == m.start


def _mentions(articles: Sequence[Article]) -> list[_Mention]:
    found = []
    common = _common_words(articles)
    for index, article in enumerate(articles):
        for m in article.mentions:
            if m.label not in ENTITY_LABELS or m.text.casefold() in _TIME_ZONES:
                continue
            if _credit(article, m.start, m.end) or _common_noun(article, m, common):
                continue
            if " " not in m.text and _OF_TITLE.search(article.text[max(0, m.start - 30) : m.start]):
                continue
            surface = (
                strip_title(m.text)
                if m.label == "PERSON"
                else re.sub(r"^the\s+", "", m.text.strip(), flags=re.IGNORECASE)
            )
            country = country_of(surface) if m.label in _COUNTRY_LABELS else None
            key = f"country:{country}" if country else name_key(surface)
            if key:
                headline = _in_headline(article.text, m.start, m.end)
                found.append(_Mention(index, m.start, m.end, surface, m.label, key, headline))
    return found


def _merge_acronyms(groups: _Groups) -> None:
    by_initials: defaultdict[str, list[int]] = defaultdict(list)
    for i in groups.live():
        for form in set(groups.groups[i].full_forms):
            if len(form.split()) > 1:
                by_initials[initials(form)].append(i)
    for i in groups.live():
        surfaces = {m.surface for m in groups.groups[i].mentions}
        if groups.groups[i].country or not any(_ACRONYM.match(s) for s in surfaces):
            continue
        acronym = next(s for s in surfaces if _ACRONYM.match(s)).replace(".", "")
        targets = {groups.root(t) for t in by_initials.get(acronym, [])} - {groups.root(i)}
        if len(targets) == 1:
            groups.merge(i, targets.pop())


def _part_of(short: str, full: str) -> bool:
    """ "kim" or "ortega lara" is part of "jose ortega lara": a shorter run of its words."""
    words, whole = short.split(), full.split()
    if len(words) >= len(whole):
        return False
    return any(whole[i : i + len(words)] == words for i in range(len(whole) - len(words) + 1))


def _without_initials(key: str) -> str:
    """ "anthony d weiner" → "anthony weiner": the one-letter words inside a name dropped."""
    words = key.split()
    inner = [w for w in words[1:-1] if len(w) > 1]
    return " ".join([words[0], *inner, words[-1]]) if len(words) > 2 else key


def _merge_middle_initials(groups: _Groups) -> None:
    people = [i for i in groups.live() if groups.groups[i].is_person()]
    keyed = {m.key: i for i in people for m in groups.groups[i].mentions}
    with_initials: defaultdict[str, set[int]] = defaultdict(set)
    for key, i in keyed.items():
        if (bare := _without_initials(key)) != key:
            with_initials[bare].add(i)
    for bare, holders in with_initials.items():
        if bare in keyed and len(holders) == 1:
            groups.merge(keyed[bare], holders.pop())


def _merge_short_names(groups: _Groups) -> None:
    """Attach a surname, given name or partial name to the one person whose full name holds it."""
    people = [i for i in groups.live() if groups.groups[i].is_person()]
    for i in groups.live():
        group = groups.groups[i]
        keys = {m.key for m in group.mentions}
        if group.country or len(keys) != 1:
            continue
        token = next(iter(keys))
        candidates = [
            p
            for p in people
            if p != i
            and groups.root(p) == p
            and any(_part_of(token, f) for f in groups.groups[p].full_forms)
        ]
        if not candidates or not (group.labels["PERSON"] or len(candidates) == 1):
            continue
        _to_the_one_named_here(groups, i, candidates)
        if not group.mentions:
            continue
        articles = {m.article for m in group.mentions}

        def closeness(p: int, articles: set[int] = articles) -> tuple[int, int]:
            shared = sum(1 for m in groups.groups[p].mentions if m.article in articles)
            return shared, len(groups.groups[p].mentions)

        ranked = sorted(candidates, key=closeness, reverse=True)
        if len(ranked) == 1 or closeness(ranked[0]) > closeness(ranked[1]):
            groups.merge(i, ranked[0])


def _to_the_one_named_here(groups: _Groups, i: int, candidates: list[int]) -> None:
    """Move the short name's mentions in an article that names exactly one of ``candidates``
    in full to that person: one outlet's "Hutchinson" is the Asa Hutchinson it names, even
    when another outlet writes far more about Seth Hutchinson. A short name left with no
    mention of its own joins the last person it went to."""
    group = groups.groups[i]
    target = None
    for article in sorted({m.article for m in group.mentions}):
        named = [
            p for p in candidates if any(m.article == article for m in groups.groups[p].mentions)
        ]
        if len(named) == 1:
            target = named[0]
            groups.groups[target].mentions += [m for m in group.mentions if m.article == article]
            group.mentions = [m for m in group.mentions if m.article != article]
    if target is not None and not group.mentions:
        groups.merge(i, target)


def _entity_type(group: _Group) -> str:
    if group.country:
        return "GPE"
    votes = group.labels
    best = max(votes.values())
    return next(t for t in _TYPE_PRIORITY if votes.get(t) == best)


def _canonical_name(group: _Group) -> str:
    if group.country:
        return country_name(group.country)
    voters = group.voters
    most = max(len(m.key.split()) for m in voters)
    counts = Counter(m.surface for m in voters if len(m.key.split()) == most)
    return max(counts, key=lambda s: (counts[s], -s.count("-"), len(s)))


class EntityIndex:
    """The story's entities, findable by name or by position in an article."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self._keys: dict[str, int] = {}
        positions: defaultdict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for index, entity in enumerate(entities):
            names = [entity.name, *(n for names in entity.aliases.values() for n in names)]
            for name in names:
                self._keys.setdefault(name_key(strip_title(name)), index)
            for span in entity.spans:
                positions[span.article].append((span.start, span.end, index))
        self._positions = {k: sorted(v) for k, v in positions.items()}
        self._starts = {k: [s for s, _, _ in v] for k, v in self._positions.items()}

    def find(self, name: str) -> Entity | None:
        """The entity ``name`` refers to: any alias, title or not, or a unique surname."""
        key = name_key(strip_title(name))
        if key in self._keys:
            return self.entities[self._keys[key]]
        if (code := country_of(name)) is not None:
            return next((e for e in self.entities if e.name == country_name(code)), None)
        if len(key.split()) == 1:
            holders = [
                e for e in self.entities if e.type == "PERSON" and key in name_key(e.name).split()
            ]
            if len(holders) == 1:
                return holders[0]
        return None

    def entities_in(self, article: str, start: int, end: int) -> list[Entity]:
        """Entities mentioned within ``[start, end)`` of an article, in text order, once each."""
        spans = self._positions.get(article, [])
        first = max(0, bisect_right(self._starts.get(article, []), start) - 1)
        found: list[Entity] = []
        for s, e, index in spans[first:]:
            if s >= end:
                break
            if e > start and self.entities[index] not in found:
                found.append(self.entities[index])
        return found

    def entity_at(self, article: str, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``, if any."""
        found = self.entities_in(article, start, end)
        return found[0] if found else None


def resolve_entities(articles: Sequence[Article]) -> EntityIndex:
    """Group the NER mentions of all ``articles`` into entities (see the module doc)."""
    by_key: dict[str, _Group] = {}
    for mention in _mentions(articles):
        group = by_key.setdefault(mention.key, _Group())
        group.mentions.append(mention)
        if mention.key.startswith("country:"):
            group.country = mention.key.split(":", 1)[1]
    groups = _Groups(list(by_key.values()))
    _merge_acronyms(groups)
    _merge_middle_initials(groups)
    _merge_short_names(groups)
    entities = []
    for i in groups.live():
        group = groups.groups[i]
        aliases: defaultdict[str, set[str]] = defaultdict(set)
        counts: Counter[str] = Counter()
        spans = []
        for m in group.mentions:
            article = articles[m.article]
            aliases[article.source or article.id].add(m.surface)
            counts[article.id] += 1
            spans.append(article.span(m.start, m.end))
        entities.append(
            Entity(
                name=_canonical_name(group),
                type=_entity_type(group),
                aliases={k: sorted(v) for k, v in sorted(aliases.items())},
                mentions=dict(counts),
                spans=sorted(spans, key=lambda s: (s.article, s.start)),
            )
        )
    entities.sort(key=lambda e: (-sum(e.mentions.values()), e.name))
    return EntityIndex(entities)
