"""Counts of what befell people, told with two words, compared across whole reports.

"A bus plunged into a ravine, killing 14 passengers" / "Nineteen people died when a coach
fell into a gorge" / "There were eight deaths" / "The death toll stood at 21": one count —
of those the event killed — told by a verb's patient, an intransitive verb's subject, a
noun counted after a copula, or the noun that qualifies a toll. The word that says what
befell the counted ones is the count's *outcome* ("kill", "die", "death"), whatever verb
or noun carries it; the counts of two reports are claims about one quantity when:

- their outcomes are one word, or two words MiniLM takes for one meaning (the cosine from
  which two nouns may name one thing) that are each other's closest outcome in the other
  report, and neither report uses the other's word anywhere: a report that tells of both
  the dead and the survivors, or the killed and the wounded, keeps the two apart, so near
  words that count other things ("die" / "survive") never pair where either report says
  both;
- they count one kind of thing (the same noun, two nouns that may name one thing, or no
  noun of their own: "eight deaths", "killed 17");
- each report gives that outcome, and any outcome it may mean alike, one count (or always
  the same), and tells the count's verb of no other group ("Eight people died in New York
  City, and a man died in Passaic": a part), asserted, outside sentences of another year,
  and neither report states the other's value anywhere;
- and the event is one: the same doer where both name one, no other day, no places that
  cannot both hold, and no later, higher count in a report of a later day (an update).

A vaguer count holding the other ("at least 23" / 31) is a difference, not a contradiction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.comparison.discrepancies.across import Across
from newsprism.comparison.discrepancies.evidence import SAME_THING
from newsprism.comparison.discrepancies.frames import actor_of, asserted, is_speech
from newsprism.comparison.discrepancies.measures import RANK, Quantity, one_claim_per_range, vaguer
from newsprism.comparison.discrepancies.places import place_phrases
from newsprism.comparison.discrepancies.quantities import QuantityReader
from newsprism.comparison.discrepancies.roles import RoleComparer
from newsprism.nlp import is_scale, parse_number, ranges_conflict

Token = Any

# Prepositions by which a verb gives the value its subject or object comes to or stands at:
# "the toll rose to 31", "the toll stood at 21".
_VALUE_PREPOSITIONS = frozenset({"to", "at"})


@dataclass(frozen=True)
class _Count:
    quantity: Quantity
    word: Token  # the word that says what befell the counted ones
    noun: str | None  # what is counted, when the count names it apart from the outcome
    predicate: Token  # the verb that dates and places it
    doer: Token | None  # who brought it about, when the parse names someone

    @property
    def outcome(self) -> str:
        return str(self.word.lemma_).casefold()


def outcomes_across(reader: QuantityReader, roles: RoleComparer, articles: Sequence[str]) -> Across:
    """Counts of one outcome that two reports each give once, with values that differ."""
    found = Across()
    counted = {article: _counts(reader, article) for article in articles}
    # Every word the rule weighs, of all the reports, in one MiniLM call: a call costs far
    # more than a word.
    reader.evidence.embed_words(
        word for counts in counted.values() for c in counts for word in (c.outcome, c.noun) if word
    )
    told = {article: _told_once(reader, counted[article]) for article in articles}
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for ca, cb in _paired(reader, told[a], told[b], a, b):
                qa, qb = ca.quantity, cb.quantity
                if ranges_conflict(qa.value, qb.value):
                    into, make = found.contradictions, reader.discrepancy
                elif vaguer(_as_unit(qa, qb.unit), qb):
                    into, make = found.differences, reader.difference
                else:
                    continue
                if reader.states(a, qa, b, qb) or not _one_event(reader, roles, a, ca, b, cb):
                    continue
                description = f"different counts for '{ca.outcome}' / '{cb.outcome}'"
                if into is found.differences:
                    description = f"one count for '{ca.outcome}' / '{cb.outcome}' is vaguer"
                into.append(make(a, qa, b, qb).model_copy(update={"description": description}))
    return found


def _as_unit(q: Quantity, unit: str) -> Quantity:
    """The quantity read in another unit: counts of one outcome are of one unit whatever
    noun each names ("at least 23 people" / "31 deaths")."""
    return Quantity(unit, q.value, q.ent, q.article, q.stated)


def _counts(reader: QuantityReader, article: str) -> list[_Count]:
    """The report's counts of what befell someone."""
    read = one_claim_per_range(reader.in_article(article))
    untyped = _untyped_values(reader, article, {q.ent.start_char for q in read})
    return [c for q in [*read, *untyped] if (c := _count(reader, article, q)) is not None]


def _told_once(reader: QuantityReader, counts: list[_Count]) -> dict[str, _Count]:
    """The report's counts (``counts``, their words embedded) by outcome, where it gives
    each outcome one count: a report that gives two counts of one outcome, or of two
    outcomes it may mean alike ("killing five more" at one office, "Four died" at another),
    or tells its verb of another group too, tells several quantities (parts, nights,
    places), none of which is the one the other report counts."""
    evidence = reader.evidence

    def alike(x: str, y: str) -> bool:
        return evidence.closeness(x, y) >= SAME_THING

    return {
        count.outcome: count
        for count in counts
        if not _told_again(count)
        and not any(
            alike(other.outcome, count.outcome)
            and ranges_conflict(other.quantity.value, count.quantity.value)
            for other in counts
        )
    }


def _told_again(count: _Count) -> bool:
    """Whether the report tells its verb of another group too ("Eight people died in New
    York City, and a man died in Passaic"): then the count is a part, not the whole."""
    word = count.word
    if word.pos_ != "VERB":
        return False
    return any(
        t.i != word.i and t.pos_ == "VERB" and t.lemma_ == word.lemma_ and asserted(t)
        for t in word.doc
    )


def _count(reader: QuantityReader, article: str, q: Quantity) -> _Count | None:
    """The count a number gives of what befell people or things, if it gives one."""
    if q.measure or q.unit.endswith(RANK) or "/" in q.unit or _magnitude(q.ent):
        return None
    predicate = q.frame.predicate
    if predicate is None or is_speech(predicate) or not asserted(predicate):
        return None
    if reader.evidence.background(article, q.ent.sent):
        return None
    root = q.ent.root
    counted = root.head if root.dep_ in {"nummod", "quantmod"} else None
    if counted is None:
        qualifier = _toll_qualifier(root, predicate)
        if qualifier is not None:
            return _Count(q, qualifier, None, predicate, None)
    if q.thing is not None:
        return None  # a measure of a thing ("the 35-word oath"), compared as such
    if predicate.lemma_.casefold() == "be":
        # "There were eight deaths": the noun counted says what befell them.
        if counted is None or counted.pos_ != "NOUN" or q.frame.role != "patient":
            return None
        return _Count(q, counted, None, predicate, None)
    if predicate.pos_ != "VERB":
        return None
    noun = counted.lemma_.casefold() if counted is not None and counted.pos_ == "NOUN" else None
    if q.frame.role == "patient":
        # "left 30 people injured", "left 12 dead": the complement says what befell them.
        complement = next((c for c in predicate.children if c.dep_ == "oprd"), predicate)
        return _Count(q, complement, noun, predicate, _doer(predicate))
    intransitive = not any(c.dep_ in {"dobj", "dative", "ccomp"} for c in predicate.children)
    if q.frame.role == "nsubj" and intransitive:
        # "Nineteen people died": the counted ones undergo it; no one else is named.
        return _Count(q, predicate, noun, predicate, None)
    return None


def _doer(predicate: Token) -> Token | None:
    """Who brought it about; a relative pronoun stands for the noun its clause is on ("a
    dispute that left seven dead" is the dispute's count, not the spree's)."""
    doer = actor_of(predicate)
    relative = doer is not None and doer.tag_ in {"WDT", "WP"} and predicate.dep_ == "relcl"
    return predicate.head if relative else doer


def _untyped_values(reader: QuantityReader, article: str, read: set[int]) -> list[Quantity]:
    """Values a verb gives its subject that the small tagger typed as dates or left out
    ("the death toll stood at 21"): a bare number after "at" or "to" on the verb."""
    doc = reader.evidence.articles[article].doc
    found = []
    for token in doc if doc is not None else ():
        if token.idx in read or not token.like_num or token.dep_ != "pobj":
            continue
        if token.head.lower_ not in _VALUE_PREPOSITIONS or token.head.head.pos_ != "VERB":
            continue
        value = parse_number(token.text)
        if value is not None:
            unit = token.head.head.lemma_.casefold()
            found.append(Quantity(unit, value, doc[token.i : token.i + 1], article))
    return found


def _magnitude(ent: Any) -> bool:
    """Whether a count names only an order of magnitude ("thousands", "dozens"), which
    holds loosely any number of that order: no claim to set against an exact one."""
    low, high = parse_number(ent.text) or (0, 0)
    return low != high and not any(t.like_num and not is_scale(t.text) for t in ent)


def _toll_qualifier(root: Token, predicate: Token) -> Token | None:
    """The noun qualifying the thing a bare number measures ("a death toll of 21", "the
    death toll was 21", "rose to 31", "stood at 21"): what the toll counts."""
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN":
        measured = of.head
    elif root.dep_ == "attr" or (
        root.dep_ == "pobj" and of.lower_ in _VALUE_PREPOSITIONS and of.head.i == predicate.i
    ):
        measured = _subject(predicate)
    else:
        return None
    if measured is None or measured.pos_ != "NOUN":
        return None
    return next((c for c in measured.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)


def _subject(predicate: Token) -> Token | None:
    return next((c for c in predicate.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _paired(
    reader: QuantityReader, mine: dict[str, _Count], theirs: dict[str, _Count], a: str, b: str
) -> list[tuple[_Count, _Count]]:
    """Counts of one outcome (their words embedded): one word, or mutually closest near
    words neither report uses beside its own (see the module's rules), of one kind of
    thing."""
    evidence = reader.evidence
    words_a, words_b = _lemmas(evidence.articles[a].doc), _lemmas(evidence.articles[b].doc)

    def closest(outcome: str, among: dict[str, _Count]) -> str | None:
        return max(among, key=lambda o: evidence.closeness(outcome, o), default=None)

    pairs = []
    for oa, ca in mine.items():
        for ob, cb in theirs.items():
            if oa != ob:
                if evidence.closeness(oa, ob) < SAME_THING or oa in words_b or ob in words_a:
                    continue
                if closest(oa, theirs) != ob or closest(ob, mine) != oa:
                    continue
            if ca.noun is None or cb.noun is None or evidence.may_be_one(ca.noun, cb.noun):
                pairs.append((ca, cb))
    return pairs


def _lemmas(doc: Any) -> set[str]:
    return {t.lemma_.casefold() for t in doc} if doc is not None else set()


def _one_event(
    reader: QuantityReader, roles: RoleComparer, a: str, ca: _Count, b: str, cb: _Count
) -> bool:
    """Whether the two counts may be of one event: the same doer where both name one, no
    other day, no places that cannot both hold, and no update."""
    evidence = reader.evidence
    doers = ca.doer is not None and cb.doer is not None
    if doers and not evidence.same_participant(a, ca.doer, b, cb.doer):
        return False
    if evidence.other_days(a, ca.predicate, b, cb.predicate):
        return False
    if reader.update(a, ca.quantity, b, cb.quantity):
        return False
    aa, ab = evidence.articles[a], evidence.articles[b]
    places = [
        roles.places_in(article, [p for t in count.quantity.ent.sent for p in place_phrases(t)])
        for article, count in ((aa, ca), (ab, cb))
    ]
    return roles.conflicting_places(*places) is None
