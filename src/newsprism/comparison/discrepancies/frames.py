"""Which event a value of a sentence belongs to, and whether the writer asserts it.

A contradiction is between two claims about the same attribute of the same event, not
between two similar sentences. A value — a number, a day, a denial — hangs in the
dependency parse on a predicate: the verb whose event it counts, dates or denies. Two
aligned sentences tell one event through their *main* predicates (the root, or what a
root of saying reports: "officials said the ferry sank Wednesday" tells the sinking); a
value on another predicate of the sentence (a reaction, a background clause) belongs to
another event, unless both sentences hang it on a verb of one lemma.

A claim about what may, will or should happen, one asked, supposed or put as a condition,
is no statement that something happened, and the day a statement was made is the day of
the statement, not of the event it reports: neither is a side of a contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from newsprism.comparison.quotes import SPEECH_VERBS
from newsprism.nlp import EntityIndex

Token = Any

# Auxiliaries of what may, will or should happen ("could reach", "will vote").
_MODAL_AUX = frozenset("will would could might may should shall must can ca wo 'll 'd".split())
# Verbs that put the event they govern in the future or in someone's intent: "expected to
# vote Thursday", "plans to cut 12,000 jobs".
_IRREALIS = frozenset(
    "expect plan schedule hope want intend propose seek aim try threaten consider "
    "prepare need wish mean attempt offer demand ask urge call".split()
)
# Verbs whose infinitive complement tells whether its event happened: "managed to reach",
# "failed to reach" (a denial); any other infinitive tells a purpose or a possibility.
IMPLICATIVE = frozenset("manage fail refuse decline".split())
# Conjunctions that make a clause a condition or an open question.
_IRREALIS_MARKS = frozenset("if whether unless".split())
# A clause opened by one of these asks or names, not tells: "declined to discuss what
# happened", "how it happened is unclear".
_WH_TAGS = frozenset({"WP", "WDT", "WRB"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Arguments that undergo the event, whatever the voice: "killed 23" / "23 were killed".
_PATIENT = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
# From this share of words in common, two sentences say one thing in the same words.
PARALLEL = 0.85
_WORD = re.compile(r"\w+")
# Words that open a relative clause ("which", "who", "whose", "where").
_RELATIVE = frozenset({"WDT", "WP", "WP$", "WRB"})
# Finite forms: a verb in one of these heads a clause of its own even where the parser hung
# it on a noun ("The MV Santa Lucia, a ferry …, overturned at 8 a.m.").
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# How the small parser hangs a clause's subject it did not read as one: beside the
# dateline, unattached, or as an adverb of the verb of saying.
_LOOSE = frozenset({"appos", "dep", "npadvmod"})
# Suffixes that make an event noun of a verb ("capsizing", "election", "approval").
_NOMINAL = ("ing", "ation", "ition", "ion", "ment", "al", "ure")
# Prepositions that set one event before or after another.
_SEQUENCE = frozenset("after before following since until amid".split())
# What shows a verb of saying reports a statement or addresses someone.
_STATEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "dative"})


@dataclass(frozen=True)
class Frame:
    """The predicate a value hangs on, seen from that value."""

    predicate: Token | None
    role: str  # how the value's phrase attaches to it: "patient", "nsubj", "prep:on", …
    main: bool  # the predicate is what its sentence tells

    @property
    def lemma(self) -> str:
        return self.predicate.lemma_.casefold() if self.predicate is not None else ""


def is_predicate(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in {"ROOT", "conj"})


def frame_of(token: Token) -> Frame:
    """The predicate above ``token`` and the role of the phrase that links them."""
    node = token
    while node.head.i != node.i and not is_predicate(node.head):
        node = node.head
    if node.head.i == node.i:
        return Frame(None, "", False)
    predicate = node.head
    if node.dep_ == "prep":
        role = f"prep:{node.lower_}"
    else:
        role = "patient" if node.dep_ in _PATIENT else node.dep_
    return Frame(predicate, role, predicate.i in told_predicates(token.sent))


def main_predicates(sentence: Any) -> set[int]:
    """Indices of the predicates the sentence tells: its root, the verbs coordinated with
    it, and — when the root is a verb of saying — what it reports."""
    root = sentence.root
    found = {root.i}
    found |= {c.i for c in root.children if c.dep_ == "conj" and is_predicate(c)}
    if root.lemma_.casefold() in SPEECH_VERBS:
        for child in root.children:
            if child.dep_ in {"ccomp", "parataxis"} and is_predicate(child):
                found.add(child.i)
                found |= {c.i for c in child.children if c.dep_ == "conj" and is_predicate(c)}
    return found


def told_predicates(sentence: Any) -> set[int]:
    """The main predicates (`main_predicates`), and, in a sentence whose only main verbs are
    verbs of saying or that has none, the verb the small parser hung on a noun although it
    is the sentence's own (see `misread_clause`)."""
    found = main_predicates(sentence)
    doc = sentence.doc
    if any(doc[i].pos_ == "VERB" and doc[i].lemma_.casefold() not in SPEECH_VERBS for i in found):
        return found
    return found | {t.i for t in sentence if misread_clause(t)}


def misread_clause(token: Token) -> bool:
    """Whether a verb hung on a noun is the predicate of the sentence's own clause: a finite
    one with no relative word ("A ferry carrying 187 people capsized on Wednesday, the coast
    guard said"), a participle on a root that is no verb ("The MV Santa Lucia, a ferry bound
    for X, overturned at 8 a.m."), or a participle on a noun that hangs on a verb of saying
    reporting no clause, as no argument of it ("A ferry capsized on Lake Victoria on
    Tuesday, police said" read as "police said a ferry [capsized on …]", the ferry a second
    subject, an adverb, or set beside the dateline): a verb of saying reports a clause, and
    a verb has one subject."""
    if token.pos_ != "VERB" or token.dep_ not in {"acl", "relcl"}:
        return False
    if any(c.tag_ in _RELATIVE or c.lower_ == "that" for c in token.children):
        return False
    root = token.sent.root
    if token.tag_ in _FINITE or (token.head.i == root.i and root.pos_ != "VERB"):
        return True
    return _reports_no_clause(root) and _loose_noun(token.head, root)


def _reports_no_clause(root: Token) -> bool:
    return root.lemma_.casefold() in SPEECH_VERBS and not any(
        c.dep_ in {"ccomp", "parataxis"} and is_predicate(c) for c in root.children
    )


def _loose_noun(noun: Token, root: Token) -> bool:
    """Whether a noun hangs on the root as no argument of its verb: set beside the dateline
    or left unattached, read as an adverb of the verb of saying, or as its second
    subject."""
    node = noun
    for _ in range(4):
        if node.i == root.i:
            return True
        subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
        second = node.dep_ == "nsubj" and node.head.i == root.i and len(subjects) > 1
        if node.dep_ not in _LOOSE and not second:
            return False
        node = node.head
    return False


def is_speech(predicate: Token | None) -> bool:
    """Whether the predicate is a verb of saying that introduces what was said ("said that
    …", "told reporters", "urged them to …"); one that acts on a thing ("called for more
    money", "announced a contribution") or a phrasal verb ("called off") tells an event
    like any verb."""
    return (
        predicate is not None
        and predicate.lemma_.casefold() in SPEECH_VERBS
        and not _phrasal(predicate)
        and any(c.dep_ in _STATEMENT_DEPS and not _relative(c) for c in predicate.children)
    )


def _relative(clause: Token) -> bool:
    """Whether a clause the parser hung on a verb as what it reports is a relative clause
    on the verb's object ("announced a plant on Monday that will employ 2,000 people"): its
    subject is "that" or "which" as a relative pronoun, where a statement opens with a
    conjunction ("said that it will"); "who" may ask ("asked who won")."""
    return any(c.dep_ in _SUBJECTS and c.tag_ == "WDT" for c in clause.children)


def _phrasal(predicate: Token) -> bool:
    """Whether a particle makes the verb another verb: "called off the tour" cancels it,
    while "spoke out" still speaks."""
    return any(c.dep_ == "prt" and c.lower_ != "out" for c in predicate.children)


def asserted(predicate: Token | None) -> bool:
    """Whether the writer (or the quoted source) states that the event took place: not a
    modal, future, wished, planned or conditional event, nor one in a question. Only the
    predicate and the verbs it completes are read ("is expected to vote", "said it would
    cut"); a main clause's mood says nothing of a clause beside it."""
    if predicate is None:
        return False
    node = predicate
    for _ in range(6):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODAL_AUX for c in node.children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _IRREALIS_MARKS for c in node.children):
            return False
        # A relative or adverbial clause's "which", "when" links it; elsewhere a wh-word asks.
        if node.dep_ not in {"relcl", "advcl"} and any(c.tag_ in _WH_TAGS for c in node.children):
            return False
        if node.dep_ == "xcomp" and node.head.lemma_.casefold() in _IRREALIS:
            return False
        implicative = node.dep_ == "xcomp" and node.head.lemma_.casefold() in IMPLICATIVE
        if any(c.tag_ == "TO" for c in node.children) and not implicative:
            return False
        if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
            break
        node = node.head
    return not predicate.sent.text.rstrip().rstrip("\"'”’").endswith("?")


def subject_of(predicate: Token) -> Token | None:
    """The predicate's subject, or the one it shares with the verb it is coordinated with
    or the verb it completes ("pledged to cut": the pledger cuts)."""
    node = predicate
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if node.dep_ not in {"conj", "xcomp"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def named(token: Token | None, entities: EntityIndex, text: str) -> str | None:
    """The canonical name of the entity a token is part of, if it names one."""
    if token is None or not token.ent_type_:
        return None
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    entity = entities.find(text[span.start_char : span.end_char]) if span is not None else None
    return entity.name if entity is not None else None


def actor_of(predicate: Token) -> Token | None:
    """Who does it: the subject of an active verb, the "by" phrase of a passive one."""
    if any(c.dep_ == "nsubjpass" for c in predicate.children):
        agent = next((c for c in predicate.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return subject_of(predicate)


def parallel(a: Any, b: Any, value_a: tuple[int, int], value_b: tuple[int, int]) -> bool:
    """Whether two sentences (spaCy spans) tell one thing in the same words but for the two
    values (character offsets into their documents), each in the same place."""
    return same_words_but(
        a.text, (value_a[0] - a.start_char, value_a[1] - a.start_char),
        b.text, (value_b[0] - b.start_char, value_b[1] - b.start_char),
    )  # fmt: skip


def same_words_but(
    text_a: str, value_a: tuple[int, int], text_b: str, value_b: tuple[int, int]
) -> bool:
    """Whether two sentences say one thing in the same words but for a value each (offsets
    into each text), in the same place: then the values are surely about the same thing
    ("said Monday" / "said Sunday" in otherwise equal sentences)."""
    words_a, before_a, after_a = _around(text_a, value_a)
    words_b, before_b, after_b = _around(text_b, value_b)
    if not words_a or not words_b or (before_a, after_a) != (before_b, after_b):
        return False
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() >= PARALLEL


def _around(text: str, value: tuple[int, int]) -> tuple[list[str], str, str]:
    """The words outside the value, and the word just before and after it."""
    words, before, after = [], "", ""
    for match in _WORD.finditer(text):
        if match.end() <= value[0]:
            before = match.group().casefold()
        elif match.start() >= value[1]:
            after = after or match.group().casefold()
        else:
            continue
        words.append(match.group().casefold())
    return words, before, after


def comparable(a: Frame, b: Frame) -> bool:
    """Whether two values may be claims about one event: both asserted, and either on verbs
    of one lemma, or both on the main predicates of their (aligned) sentences when neither
    sentence tells the other's event under a verb of its own ("the governor appealed on
    Tuesday after the court struck the law down" dates the appeal, not the ruling)."""
    if a.predicate is None or b.predicate is None:
        return False
    if not (asserted(a.predicate) and asserted(b.predicate)):
        return False
    if a.lemma == b.lemma:
        return True
    if not (a.main and b.main):
        return False
    return not (
        names_event(b.predicate.sent, a.lemma, b.predicate)
        or names_event(a.predicate.sent, b.lemma, a.predicate)
    )


def names_event(sentence: Any, lemma: str, besides: Token) -> bool:
    """Whether the sentence tells the event of the verb ``lemma`` apart from ``besides``, its
    own dated predicate: by a verb of that lemma or a noun derived from it ("arrested a
    suspect on Sunday in the shooting", "approved the freeze after a long debate"). Then
    its own predicate is another event, the arrest after the shooting."""
    for token in sentence:
        if token.i == besides.i:
            continue
        if is_predicate(token) and token.lemma_.casefold() == lemma:
            return True
        noun = token.pos_ == "NOUN" and derives_from(token.lemma_.casefold(), lemma)
        if noun and not _manner(token):
            return True
    return False


def _manner(noun: Token) -> bool:
    """Whether an event noun tells how its sentence's event came about rather than another
    event: a new one ("passed in a 52-48 vote"), not one the reader knows ("arrested in
    the shooting") nor one before or after it ("approved after a long debate")."""
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
    return indefinite and not (noun.dep_ == "pobj" and noun.head.lower_ in _SEQUENCE)


def derives_from(noun: str, verb: str) -> bool:
    """Whether an event noun is made of the verb by English derivation: "vote" / "vote",
    "capsizing" / "capsize", "election" / "elect", "approval" / "approve"."""
    return verb in verbs_of(noun)


def verbs_of(noun: str) -> set[str]:
    """The verbs a noun may be made of by English derivation (see `derives_from`)."""
    found = {noun}
    for suffix in _NOMINAL:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)]
            found |= {stem, f"{stem}e"}
    return found
