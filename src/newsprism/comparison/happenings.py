"""What a sentence tells happened: who did what to whom, read from its dependency parse.

Two sentences on one topic often share a verb while each tells something else ("the account
was hacked" / "he hired a firm to look into the hack"), and two sentences of one speech share
its words while each says something else. What a sentence *tells* is its main predicate:
the root, the verbs coordinated with it, what a root of saying reports ("officials said the
ferry sank": the sinking) and what a root completes with an infinitive ("vowed to end": the
ending). Each is kept with its doer and undergoer, as canonical entities when they name one
("Smith resigned" and "the senator resigned" are not told apart, "Smith resigned" and
"Jones resigned" are). A verb that only frames a statement ("said", "is") tells no
happening of its own.

Two sentences tell one happening when they share a verb whose doers and undergoers do not
name different entities, and one of them tells it while the other tells or mentions
it ("his account was hacked" / "a hacked account"): what one sentence only mentions on the
way to telling something else, and the other too, is the topic they share, not a statement.
Two possibilities of opposite polarity ("could issue" / "could not be issued") are two
statements; a report that it happened and one that it did not stay together, as the two
sides of a contradiction. A happening told only as the time of another ("When the Gateses
announced their divorce, the internet …", "within hours of Biden signing the bill, activists
…") says when the sentence's statement happened, one in a clause of concession ("Although
the mayor closed the shelter, …") what it is set against, one in a claim the sentence only
weighs ("Tenants rejected the landlord's claim that the fire started …") what its statement
acts on, and one given as the grounds of another act ("praised the police for arresting
…") what that act answers: none is that statement. A verb of an open question ("declined to
say whether it was hacked") is not told at all. A list
of named participants and a count of another size ("Ohio, Texas and Utah will lose seats" /
"Thirteen states will lose seats") are a part and the whole, not one participant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsprism.comparison.backdrop import in_backdrop, reread
from newsprism.comparison.discrepancies import is_predicate, main_predicates
from newsprism.comparison.voices import entity_key
from newsprism.comparison.wording import asked, weighed
from newsprism.nlp import EntityIndex, parse_number, sentences_of

Token = Any

_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod"})
_NUMBER_WORDS = frozenset(
    "dozen dozens hundred hundreds thousand thousands million billion".split()
)
_DEFINITE = frozenset("all the both these those".split())
_FURTHER = frozenset("another more additional further".split())
# Words that make a thing one more of its kind without a number ("additional video"): "more"
# alone compares ("more armed officers"), so it needs a number.
_ONE_MORE = frozenset("another additional further".split())
_AGENT = frozenset({"nsubj", "csubj"})
# The one that undergoes the event, whatever the voice: "hit the coast" / "the coast was hit".
_PATIENT = frozenset({"dobj", "nsubjpass"})


@dataclass(frozen=True)
class Happening:
    """A verb of a sentence, with the entities that do and undergo it, and whether it is
    a main predicate of its sentence."""

    verb: str
    doer: str | None
    undergoer: str | None
    main: bool  # what the sentence tells, not a happening it mentions on the way
    # The roles ("doer", "undergoer") a number counts: who or what does or undergoes it.
    counted: frozenset[str] = frozenset()
    # Told with a modal auxiliary ("could issue"), and with a negation ("could not be issued").
    modal: bool = False
    negated: bool = False
    # Over a period of years (True) or on one occasion (False), when its sentence says.
    period: bool | None = None
    # Who does or undergoes it is a group named before ("All three were rescued"): some
    # particular people, not a count of everyone it happened to.
    particular: bool = False
    # Counted as more than others counted before ("another 15 people", "30 more"), or one
    # more of its kind ("additional video"): a further one, not what the other report gives.
    further: bool = False
    # In a year before the report's, in the days of its news, or still to come (`anchors`).
    era: str | None = None
    # Told only as the time of another happening ("When X announced …, Y …"), as what the
    # sentence's statement is set against ("Although X announced …, Y …"), or inside a claim
    # it only weighs ("rejected the claim that X announced …").
    backdrop: bool = False
    # The roles given as a list of several named participants, with how many it names
    # ("California, Ohio and Texas will lose"), and the roles given a count, with its value
    # ("Thirteen states will lose"): a list is a part of a total it does not add up to.
    listed: frozenset[tuple[str, int]] = frozenset()
    totals: frozenset[tuple[str, float]] = frozenset()
    # The common nouns heading its doer and its undergoer (lemmas), where no name heads them.
    nouns: tuple[str | None, str | None] = (None, None)

    def same_mood(self, other: Happening) -> bool:
        """Whether two sentences that tell it each as a possibility see the same possibility:
        "could issue" and "could not be issued" are two conditions, not one. Two reports
        that it happened and that it did not are one statement and its denial, which the
        discrepancy finder must see side by side, so only possibilities are told apart."""
        return not (self.modal and other.modal and self.negated != other.negated)

    def others_in_both_roles(self, other: Happening) -> bool:
        """Whether both tell it with another doer and another undergoer, each a common noun
        ("The new rules cut overtime pay" / "Hospital managers cut the night shift"): one
        verb, two happenings. One role named otherwise ("the indictment" / "the case") is
        often one participant in two outlets' words, so one role alone says nothing."""
        return all(
            a is not None and b is not None and a != b
            for a, b in zip(self.nouns, other.nouns, strict=True)
        )

    def same_as(self, other: Happening) -> bool:
        """One verb, told by at least one of the two sentences, neither its doers nor its
        undergoers two different entities, not over a period of years by one and on one
        occasion by the other, nor of two eras (the news and an earlier year, or what is
        still to come: see `anchors`), nor done to a group named before by one and to a
        count of everyone by the other ("All three were rescued" / "156 were rescued": a
        part and the total), nor counted as more than before by one only ("killed another
        15 people on Tuesday" / "killed 12 people on Monday"), nor told by either only as
        the time of its own statement or as what it is set against, nor done by a list of
        named participants in one and by a count of another size in the other ("Ohio, Texas
        and Utah will lose seats" / "Thirteen states will lose seats": some of the states,
        not the thirteen)."""
        return (
            self.verb == other.verb
            and (self.main or other.main)
            and not (self.backdrop or other.backdrop)
            and not _part_of_whole(self, other)
            and not _part_of_whole(other, self)
            and not _differ(self.doer, other.doer)
            and not _differ(self.undergoer, other.undergoer)
            and not _periods_apart(self.period, other.period)
            and not _periods_apart(self.era, other.era)
            and not ((self.particular and other.counted) or (self.counted and other.particular))
            and self.further == other.further
        )


def reacts(mains: frozenset[Happening], mention: Happening, told: Happening) -> bool:
    """Whether a sentence that only mentions a happening tells a named someone's act about
    it ("Trump praised the police for arresting a suspect" / "a suspect was arrested"): an
    act of one who neither does nor undergoes the happening is a reaction to it, another
    statement."""
    if mention.main:
        return False
    parties = {mention.doer, mention.undergoer, told.doer, told.undergoer} - {None}
    return any(h.main and h.doer is not None and h.doer not in parties for h in mains)


def one_count(a: frozenset[Happening], b: frozenset[Happening]) -> bool:
    """Whether both sentences count who or what takes part in one happening ("12 people were
    injured" / "injuring a dozen"): the same attribute of one happening, whatever the values,
    which a reader and the discrepancy finder must see side by side. The count must be of
    the same role: "Thirteen states will gain seats" counts the doers, "Ohio will gain one
    seat" what one of them gains."""
    return any(x.counted & y.counted and x.same_as(y) for x in a for y in b)


def another_occasion(a: frozenset[Happening], b: frozenset[Happening]) -> bool:
    """Whether one sentence tells another occasion than the other: it gives the other's
    happening only as the time of its own statement ("When Abbott announced a wall last week,
    many were puzzled" / "Abbott announced on Wednesday that Texas will build a wall"), or it
    tells a further happening of a kind ("released additional video") where the other does
    not."""
    if any(x.main and x.further for x in a) != any(y.main and y.further for y in b):
        return True
    return any(
        x.verb == y.verb
        and not _differ(x.doer, y.doer)
        and ((x.backdrop and y.main) or (y.backdrop and x.main))
        for x in a
        for y in b
    )


def _part_of_whole(part: Happening, whole: Happening) -> bool:
    """Whether a role of ``part`` is a list of named participants that a count of the same
    role in ``whole`` does not match: the named ones are some of those counted."""
    return any(
        role == other and size != total
        for role, size in part.listed
        for other, total in whole.totals
    )


def _periods_apart(a: object, b: object) -> bool:
    return a is not None and b is not None and a != b


def _differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def told(
    span: Any,
    article_id: str,
    entities: EntityIndex | None,
    frame_verbs: frozenset[str],
    periods: dict[int, bool] | None = None,
    eras: Mapping[int, str] | None = None,
) -> frozenset[Happening]:
    """The happenings a sentence (a spaCy span) tells, frame verbs left out, each with
    whether ``periods`` says its verb is of a period or of one occasion and the era
    ``eras`` gives it. A verb of an open question ("declined to say whether it was
    breached") is neither told nor mentioned: the sentence asserts nothing of it."""
    if span is None:
        return frozenset()
    inside = range(span.start, span.end)
    mains: set[int] = set()
    for sentence in sentences_of(span):
        mains |= {i for i in main_predicates(sentence) if i in inside}
    doc = span.doc
    mains, misread = reread(doc, mains)
    claimed = weighed(span)
    open_ = asked(span)
    # What a main verb completes with an infinitive is told too ("vowed to end" tells the end).
    mains |= {
        c.i
        for i in list(mains)
        for c in doc[i].children
        if c.dep_ == "xcomp" and is_predicate(c) and c.i in inside
    }
    found = set()
    for verb in span:
        # A root that is no verb (a dash, a headline's noun) tells no happening.
        if not (verb.pos_ == "VERB" or (verb.i in mains and is_predicate(verb))):
            continue
        lemma = verb.lemma_.casefold()
        if lemma in frame_verbs or verb.i in open_:
            continue
        doer = doer_of(verb)
        undergoer = next((c for c in verb.children if c.dep_ in _PATIENT), None)
        roles = {role: arg for role, arg in (("doer", doer), ("undergoer", undergoer)) if arg}
        particular = any(_named_before(arg) for arg in roles.values())
        # A verb coordinated without a subject of its own shares its neighbour's ("Thirteen
        # states will gain or lose seats"): who is counted or listed doing it.
        shared = _shared_doer(verb) if "doer" not in roles else None
        sized = roles | ({"doer": shared} if shared is not None else {})
        found.add(
            Happening(
                lemma,
                participant_key(doer, article_id, entities),
                participant_key(undergoer, article_id, entities),
                verb.i in mains,
                frozenset() if particular else frozenset(r for r, a in roles.items() if _counts(a)),
                any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" for c in verb.children),
                any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children),
                (periods or {}).get(verb.i),
                particular,
                any(further(arg) for arg in roles.values()),
                (eras or {}).get(verb.i),
                in_backdrop(verb, mains, misread) or verb.i in claimed,
                frozenset((r, _listed(a)) for r, a in sized.items() if _listed(a) > 1),
                frozenset((r, t) for r, a in sized.items() if (t := _total(a)) is not None),
                (_common_noun(doer), _common_noun(undergoer)),
            )
        )
    return frozenset(found)


def doer_of(verb: Token) -> Token | None:
    """The phrase that does a verb: its subject, or the agent of a passive."""
    doer = next((c for c in verb.children if c.dep_ in _AGENT), None)
    if doer is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return doer


def _shared_doer(verb: Token) -> Token | None:
    """The doer of the verb a subjectless verb is coordinated with ("gain or lose")."""
    while verb.dep_ == "conj" and doer_of(verb) is None:
        verb = verb.head
    return doer_of(verb)


def _common_noun(phrase: Token | None) -> str | None:
    """The lemma of the common noun heading a phrase, if one does (not a name, a pronoun or
    a number)."""
    if phrase is None or phrase.pos_ != "NOUN" or phrase.ent_type_:
        return None
    return str(phrase.lemma_.casefold())


def _listed(phrase: Token) -> int:
    """How many named participants a phrase lists ("California, Ohio and Texas": 3); 0 for
    a phrase that is no list of names."""
    members = [phrase, *(t for t in phrase.subtree if t.dep_ == "conj" and _conjoined(t, phrase))]
    return len(members) if all(t.ent_type_ or t.pos_ == "PROPN" for t in members) else 0


def _conjoined(token: Token, phrase: Token) -> bool:
    """Whether ``token`` is ``phrase`` or one of the phrases coordinated with it."""
    while token.dep_ == "conj" and token.i != phrase.i:
        token = token.head
    return token.i == phrase.i


def _total(phrase: Token) -> float | None:
    """The count of a phrase that a number gives ("Thirteen states": 13)."""
    for token in phrase.children:
        if token.dep_ in _NUMBER_DEPS and token.like_num and token.ent_type_ in {"", "CARDINAL"}:
            value = parse_number(token.text)
            if value is not None and value[0] == value[1]:
                return value[0]
    return None


def _named_before(phrase: Token) -> bool:
    """Whether the phrase is a number standing for a group named before: "all three",
    "both", "the two" (no noun of its own)."""
    if phrase.lower_ == "both":
        return True
    return phrase.like_num and any(
        c.dep_ in {"det", "predet"} and c.lower_ in _DEFINITE for c in phrase.children
    )


def _further(phrase: Token) -> bool:
    """Whether a phrase counts more than others counted before: "another 15 people", "30
    more protesters", "an additional 200 homes"."""
    return any(
        t.lower_ in _FURTHER
        for token in (phrase, *(c for c in phrase.children if c.dep_ in _NUMBER_DEPS))
        for t in token.children
        if t.dep_ in {"det", "amod", "advmod", "quantmod"}
    )


def further(phrase: Token) -> bool:
    """Whether a phrase is a further one than the other report's: counted as more than
    others counted before ("another 15 people", "30 more protesters") or one more of its
    kind ("additional video", "another statement")."""
    return _further(phrase) and (_counts(phrase) or _one_more(phrase))


def _one_more(phrase: Token) -> bool:
    """Whether the phrase is one more of its kind: "additional video", "another statement"."""
    return any(c.dep_ in {"det", "amod"} and c.lower_ in _ONE_MORE for c in phrase.children)


def _counts(phrase: Token) -> bool:
    """Whether a number counts the phrase: "12 people", "a dozen", "at least 300 passengers"
    (a day, a sum, a share or a rank is no count of who or what takes part: sums and
    shares of one story are earned, paid or raised over many periods by many people)."""
    for token in (phrase, *(c for c in phrase.children if c.dep_ in _NUMBER_DEPS)):
        if token.ent_type_ not in {"", "CARDINAL"}:
            continue
        if token.like_num or token.lemma_.casefold() in _NUMBER_WORDS:
            return True
    return False


def participant_key(
    token: Token | None, article_id: str, entities: EntityIndex | None
) -> str | None:
    """The canonical entity the phrase headed by ``token`` names, if it names one."""
    if token is None or entities is None:
        return None
    if token.pos_ == "PRON":
        return None
    # The head's own name ("Senator Smith", "the Smith campaign" names a campaign, not Smith).
    if not token.ent_type_:
        return None
    entity = entities.entity_at(article_id, token.idx, token.idx + len(token))
    if entity is None:
        return None
    return entity_key(entity)
