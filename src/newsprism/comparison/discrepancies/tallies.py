"""A vote's tally names the vote: two reports giving one tally ("396-9") tell one vote,
whatever verb each uses for it ("It passed in a 396-9 vote" / "the House voted 396-9"), so
the days they give it are claims about one event.

In each report the tally counts a vote (the verb "vote", or the noun "vote" it qualifies)
and hangs on a predicate; the report's day for that happening is the one day it gives any
asserted verb of that lemma, outside statements ("The resolution passed Tuesday … It passed
in a 396-9 vote"). A report that gives that verb two days, or the tally to two votes, is not
clear and says nothing. Two reports with one tally whose days for it cannot both hold
contradict each other even when one names the other's day for something else (the speech
about the vote, the next day): the tally, not the day, says which event is meant.

A tally is one claim about its vote, its yeas and nays: two counterpart sentences that give
one vote (one event by the detectors' rules: one asserted happening, one actor, no other
day) two tallies contradict each other ("passed the farm bill 52-48" / "approved the farm
bill by a vote of 51-49"), unless a report gives both tallies (two votes). One side must
say the tally counts a vote, since "3-5" may be a range and "86-85" a game's score.

One happening is one whoever tells it: a report that gives no tally still tells the tallied
vote where it dates, with one day, an asserted verb of the tallying report's lemma on the
thing the tallying report's dated verb is on (the same noun, and a word in common where
both say which one: "The House resolution on the national motto passed Tuesday … It passed
in a 396-9 vote" / "for passing a resolution on Tuesday reaffirming the national motto"; a
farm bill is not a tax bill), so its day is compared too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import Any

from newsprism.comparison.discrepancies.evidence import Evidence
from newsprism.comparison.discrepancies.frames import (
    Frame,
    asserted,
    comparable,
    frame_of,
    is_speech,
)
from newsprism.comparison.discrepancies.times import same_weekday
from newsprism.model import Claim, Discrepancy, Span
from newsprism.nlp import TimeValue, same_time

# "396-9", "52–48", "228 to 191": the yeas and nays of one vote.
_TALLY = re.compile(r"(?<![\w.,$/-])(\d{1,3}) ?(?:-|–|to) ?(\d{1,3})(?![\w.,%/-])")


@dataclass(frozen=True)
class _Thing:
    """What a vote was on: its noun, and the words that say which one it is ("the House
    resolution on the national motto": resolution; house, national, motto)."""

    noun: str
    words: frozenset[str]

    def may_be(self, other: _Thing) -> bool:
        shared = self.words & other.words
        return self.noun == other.noun and (bool(shared) or not (self.words and other.words))


@dataclass(frozen=True)
class _Vote:
    day: TimeValue
    lemmas: frozenset[str]  # the verbs the report tells the vote with
    things: tuple[_Thing, ...]  # what those verbs were on, where dated


def tallied_days(evidence: Evidence, articles: Sequence[str]) -> list[Discrepancy]:
    """Days of one tallied vote that two reports give otherwise."""
    votes = {article: _votes(evidence, article) for article in articles}
    days = {
        article: {tally: v.day for tally, v in found.items()} for article, found in votes.items()
    }
    for article in articles:
        for other in articles:
            for tally, vote in votes[other].items():
                if tally not in days[article] and (
                    day := _day_told(evidence, article, vote.lemmas, vote.things)
                ):
                    days[article][tally] = day
    found = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            for tally in days[a].keys() & days[b].keys():
                if not (tally in votes[a] or tally in votes[b]):
                    continue  # two reports tied to the vote only through a third
                ta, tb = days[a][tally], days[b][tally]
                if same_time(ta, tb) is not False or same_weekday(ta, tb):
                    continue
                found.append(
                    Discrepancy(
                        kind="date",
                        description=f"different dates for the {'-'.join(tally)} vote",
                        claims=[
                            Claim.on(
                                evidence.articles[a].span(ta.start, ta.end), ta.value, ta.text
                            ),
                            Claim.on(
                                evidence.articles[b].span(tb.start, tb.end), tb.value, tb.text
                            ),
                        ],
                    )
                )
    return found


def tally_discrepancies(evidence: Evidence, left: Span, right: Span) -> list[Discrepancy]:
    """One vote given two tallies by two counterpart sentences."""
    found_a, found_b = _tallies_in(evidence, left), _tallies_in(evidence, right)
    if len(found_a) != 1 or len(found_b) != 1:
        return []
    (tally_a, match_a, token_a), (tally_b, match_b, token_b) = found_a[0], found_b[0]
    fa, fb = frame_of(token_a), frame_of(token_b)
    if tally_a == tally_b or not (_counts_vote(token_a, fa) or _counts_vote(token_b, fb)):
        return []
    text_a, text_b = evidence.texts(left.article, right.article)
    if tally_b in _all_tallies(text_a) or tally_a in _all_tallies(text_b):
        return []  # a report that gives both tallies tells two votes
    if not comparable(fa, fb) or not evidence.same_actor(
        left.article, fa.predicate, right.article, fb.predicate
    ):
        return []
    if evidence.other_days(left.article, fa.predicate, right.article, fb.predicate):
        return []
    claims = [
        Claim.on(evidence.articles[article].span(m.start(), m.end()), "-".join(tally))
        for article, m, tally in (
            (left.article, match_a, tally_a),
            (right.article, match_b, tally_b),
        )
    ]
    return [Discrepancy(kind="number", description="different tallies of one vote", claims=claims)]


def _tallies_in(evidence: Evidence, sentence: Span) -> list[tuple[tuple[str, str], Any, Any]]:
    """The tallies of a sentence outside quotations, each with its match and first token;
    none that counts a noun ("3-5 inches": a range)."""
    text = evidence.articles[sentence.article].text
    found = []
    for match in _TALLY.finditer(text, sentence.start, sentence.end):
        token = evidence.token_at(sentence.article, match.start())
        if token is None or evidence.is_quoted(sentence.article, match.start()):
            continue
        if token.dep_ != "nummod":
            found.append(((match.group(1), match.group(2)), match, token))
    return found


def _all_tallies(text: str) -> set[tuple[str, str]]:
    return {(m.group(1), m.group(2)) for m in _TALLY.finditer(text)}


def _counts_vote(token: Any, frame: Frame) -> bool:
    """Whether the tally counts a vote: the verb "vote", or the noun "vote" it qualifies
    ("a 52-48 vote", "a vote of 52-48")."""
    head = token.head
    if head.lower_ == "of" and head.dep_ == "prep":
        head = head.head
    return "vote" in {head.lemma_.casefold(), frame.lemma}


def _votes(evidence: Evidence, article: str) -> dict[tuple[str, str], _Vote]:
    """Each tally the report gives one vote, with the one day it gives that vote."""
    lemmas: dict[tuple[str, str], set[str]] = {}
    for match in _TALLY.finditer(evidence.articles[article].text):
        token = evidence.token_at(article, match.start())
        if token is None or evidence.is_quoted(article, match.start()):
            continue
        frame = frame_of(token)
        if frame.predicate is None or "vote" not in {token.head.lemma_.casefold(), frame.lemma}:
            continue
        lemmas.setdefault((match.group(1), match.group(2)), set()).add(frame.lemma)
    found = {}
    for tally, lemma in lemmas.items():
        dated = _dated(evidence, article, lemma)
        if len(lemma) == 1 and dated and all(same_time(t, dated[0][0]) for t, _ in dated):
            things = tuple(t for _, verb in dated if (t := _thing(verb)) is not None)
            found[tally] = _Vote(dated[0][0], frozenset(lemma), things)
    return found


def _day_told(
    evidence: Evidence, article: str, lemmas: frozenset[str], things: tuple[_Thing, ...]
) -> TimeValue | None:
    """The one day the report gives an asserted verb of the lemmas on one of the things;
    None when it gives none, or two."""
    dated = [
        t
        for t, verb in _dated(evidence, article, lemmas)
        if (thing := _thing(verb)) is not None and any(thing.may_be(o) for o in things)
    ]
    return dated[0] if dated and all(same_time(t, dated[0]) for t in dated) else None


def _dated(evidence: Evidence, article: str, lemmas: Set[str]) -> list[tuple[TimeValue, Any]]:
    """The days the report gives asserted happenings of one of the lemmas, outside
    statements, with the verb of each."""
    found = []
    for value in evidence.times[article]:
        token = evidence.token_at(article, value.start) if value.kind == "date" else None
        frame = frame_of(token) if token is not None else None
        if frame is None or frame.lemma not in lemmas or not _as_its_time(token, frame):
            continue
        if asserted(frame.predicate) and not is_speech(frame.predicate):
            found.append((value, frame.predicate))
    return found


def _as_its_time(token: Any, frame: Frame) -> bool:
    """Whether the day is hung on the verb as its time ("passed Tuesday", "on Tuesday"); a
    day the parser hung on the thing the verb acts on ("passing a resolution on Tuesday")
    is the verb's too, since a bill or a resolution has no day of its own."""
    if frame.role.startswith(("prep:", "npadvmod")):
        return True
    prep = token.head
    thing = prep.head
    return (
        frame.predicate is not None
        and frame.role == "patient"
        and prep.dep_ == "prep"
        and token.dep_ == "pobj"
        and thing.dep_ in {"dobj", "nsubjpass"}
        and thing.head.i == frame.predicate.i
    )


def _thing(verb: Any) -> _Thing | None:
    """What the verb acts on: its object, or the subject of a passive verb or of one without
    an object ("the resolution passed") when a common noun; not who acts ("the House")."""
    children = list(verb.children)
    noun = next((c for c in children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if noun is None:
        noun = next((c for c in children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    words = frozenset(
        t.lemma_.casefold()
        for t in noun.subtree
        if t.i != noun.i and t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.ent_type_ != "DATE"
    )
    return _Thing(noun.lemma_.casefold(), words)
