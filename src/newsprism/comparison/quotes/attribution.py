"""Who says quoted words: the speech verb above them in the parse, an "according to", a
speech verb elsewhere in the sentence, or one next door (see `extract` for the order)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsprism.comparison.quotes.about import about_the_speaker, carried
from newsprism.comparison.quotes.context import MAX_CLIMB, Attribution, Context
from newsprism.comparison.quotes.cues import (
    according_to,
    after_colon,
    as_said,
    cue_among,
    cut_credit,
    equated_cue,
    named,
    signed,
)
from newsprism.comparison.quotes.grammar import passive
from newsprism.comparison.quotes.marks import MARK_CHARACTERS

Token = Any

# How quoted words may not hang from the verb that says them. Words in the verb's subject
# describe the speaker ("'Unabomber' Ted Kaczynski told ..."); a phrase in an adjunct of
# place, time or medium says where or how it was said ("said in an interview with 'Axios
# on HBO'"), unlike "described it as 'X'" or "warned of 'X'", which carry what was said.
_NOT_SAID = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_NOT_SAID_PHRASE = _NOT_SAID | {"npadvmod", "appos"}
# What a speech verb reports: a clause, or what the words are said to be.
_REPORTED = frozenset({"ccomp", "xcomp", "oprd", "acomp", "attr"})
_CIRCUMSTANCE = frozenset("in on at with during after before since via through".split())

# How a quotation's cue was found, strongest first: a speech verb whose clause holds the
# words, the source a phrase is worded by, the one asked, a verb reporting the verb, a
# source or colon in the sentence, "as X said", another speech verb of the sentence, a
# signing line, a credit cut before its verb, a sentence before or after.
PATHS = (
    "verb",
    "according to",
    "asked",
    "reporting",
    "sentence source",
    "colon",
    "as said",
    "sentence verb",
    "signed",
    "cut credit",
    "sentence before",
    "sentence after",
)


def _via(found: Attribution | None, path: str) -> Attribution | None:
    return replace(found, path=path) if found is not None else None


def _governing_cue(
    inner: list[Token], ctx: Context, phrase: bool, work: bool = False
) -> tuple[Token | None, bool]:
    """The speech verb nearest above the quoted words in the parse.

    When a quoted word heads the verb that says it (the parser may hang "Trump said" off
    the quoted clause), a speech verb among its children counts. Quoted words reached through the verb's
    subject, through whom it addresses (or, for a phrase, through an adjunct) are not
    what it says: the second value tells that the nearest speech verb above them was
    reached only that way. A work's name reached through another verb names the thing that
    verb acts on ("said the council would approve the "Safe Roads Act"").
    """
    own = {t.i for t in inner}
    not_said = _NOT_SAID_PHRASE if phrase else _NOT_SAID
    above: list[tuple[int, int, Token]] = []
    below: list[tuple[int, int, Token]] = []
    blocked = False
    for token in inner:
        # Only the quoted words whose head is outside them climb. A quoted clause that is
        # a root of its own is left to the speech verb nearest it in the sentence: a verb
        # the parser hangs off such a root may open a long sentence ("Prosecutors called
        # witnesses: ..., Jo Roe, who told the victim, "...""), far from the words.
        if token.head.i in own:
            continue
        head, steps = token, 0
        request: tuple[int, int, Token] | None = None
        while head.head.i != head.i and steps < MAX_CLIMB:
            below_head, head, steps = head, head.head, steps + 1
            # A work's name the parser hangs on its own quote mark has no parse to tell who
            # names it; a phrase an attributive participle governs ("signs reading "No
            # war"") is what the participle gives its noun, not anyone's words.
            if work and ctx.quoted[head.i] and head.pos_ == "PUNCT":
                break
            participle = head.dep_ == "acl" and head.tag_ in ("VBG", "VBN")
            if phrase and participle and below_head.i in own and not ctx.is_cue(head):
                break
            # A verb that judges in words says the words hanging from it, not a work's name.
            cue = ctx.is_cue(head) or (not work and ctx.judges(head))
            if head.i not in own and cue:
                circumstance = below_head.dep_ == "prep" and below_head.lower_ in _CIRCUMSTANCE
                if below_head.dep_ in not_said or (phrase and circumstance):
                    blocked = True
                    break
                if _addressee(below_head, head, own, phrase, work):
                    blocked = True
                    break
                # "Jo Park asked Lee to explore "paths to service", the office said": a
                # phrase in what someone was asked to do is the wording of whoever reports
                # the request, when someone does; else the one who asked.
                if phrase and request is None and _requested(below_head, head):
                    request = (steps, abs(head.i - token.i), head)
                    continue
                above.append((steps, abs(head.i - token.i), head))
                request = None
                break
            if work and head.i not in own and head.pos_ in ("VERB", "AUX"):
                break
        if request is not None:
            above.append(request)
        # A relative clause on the quoted words is about them ("from "The Godfather,"
        # whom the indictment alleges ..."), not who says them.
        below.extend(
            (1, abs(c.i - token.i), c)
            for c in token.children
            if c.i not in own and ctx.is_cue(c) and c.dep_ not in ("relcl", "acl")
        )
    candidates = above or below
    if not candidates:
        return None, blocked
    return min(candidates, key=lambda c: c[:2])[2], False


def _reporting(verb: Token, ctx: Context) -> Attribution | None:
    """The speech verb above ``verb`` whose clause reports it, with a speaker it names."""
    below = verb
    for above in verb.ancestors:
        if ctx.is_cue(above) and below.dep_ not in _NOT_SAID_PHRASE:
            speaker = ctx.subject_speaker(above)
            return Attribution(ctx.lemma(above), above.i, speaker) if speaker else None
        below = above
    return None


def _reported(inner: list[Token], verb: Token) -> bool:
    """Whether the quoted words lie in a clause or complement ``verb`` reports."""
    for token in inner:
        below = token
        while below.head.i != below.i and below.head.i != verb.i:
            below = below.head
        if below.head.i == verb.i and below.dep_ in _REPORTED:
            return True
    return False


def _addressee(below: Token, verb: Token, own: set[int], phrase: bool, work: bool) -> bool:
    """Whether ``below`` is whom ``verb`` addresses: its indirect object, or its object when
    a clause of its own carries what was said ("told "Morning Report" that ..."). One
    tells someone, and tells them a clause: a phrase that is the object of "tell", or a
    work's name right after it, however parsed, is who was told (""…," she told "Face
    the Nation" on Sunday", "told "Morning Report" host Ann Lee")."""
    if below.dep_ == "dative":
        return True
    told = (phrase and below.dep_ == "dobj") or (work and below.i > verb.i)
    if told and verb.lemma_.lower() == "tell":
        return True
    said = any(c.dep_ in ("ccomp", "xcomp") and c.i not in own for c in verb.children)
    return below.dep_ == "dobj" and said


def _requested(below: Token, verb: Token) -> bool:
    """Whether ``below`` is what ``verb``'s object was asked to do ("asked Lee to explore")."""
    return below.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.children)


def _scope(verb: Token) -> list[Token]:
    """The words that modify ``verb`` or a verb above it: an "according to" among them is
    whose account the verb's clause is."""
    chain = [verb, *verb.ancestors]
    return [c for v in chain for c in v.children]


def _neighbour(ctx: Context, index: int, step: int, paragraph_only: bool) -> Any | None:
    """The nearest sentence with words before (step -1) or after (+1) sentence ``index``."""
    here = ctx.sentences[index]
    index += step
    while 0 <= index < len(ctx.sentences):
        sentence = ctx.sentences[index]
        gap = ctx.text[here.end_char : sentence.start_char] if step > 0 else ""
        if paragraph_only and "\n" in gap:
            return None
        if any(t.is_alpha for t in sentence):
            return sentence
        index += step
    return None


def _main_cue(sentence: Any, ctx: Context) -> list[Token]:
    """The speech verbs of a sentence's main clause: the root, the verbs joined to it, and an
    attribution the parser hangs off a quoted clause ("X," he said). A speech verb in a
    subordinate clause ("the day he pledged loyalty, Trump ...") reports another statement
    and introduces no quotation next door."""
    root = sentence.root

    def main(t: Token) -> bool:
        return t.i == root.i or (t.dep_ == "conj" and t.head.i == root.i) or ctx.quoted[t.head.i]

    return [t for t in sentence if ctx.is_cue(t) and main(t)]


def _cut_off(inner: list[Token], ctx: Context) -> bool:
    """Quoted words the text ends in, with no closing mark or closed on a comma: an excerpt
    cut them, or the credit after them."""
    end = inner[-1].idx + len(inner[-1].text)
    rest = ctx.text[end:]
    if not any(mark in rest for mark in MARK_CHARACTERS):
        return not rest.strip(" \n.…")
    return rest.strip(" \n.…" + MARK_CHARACTERS) == ","


def _hands_over(verb: Token, ctx: Context) -> bool:
    """Whether a speech verb leaves what was said to quoted words: it says quoted words
    (not through its subject), or has no clause or object of its own saying something."""
    subjects = {t.i for c in verb.children if c.dep_ in _NOT_SAID for t in c.subtree}
    said = [t for t in verb.subtree if t.i not in subjects and t.is_alpha]
    if ctx.quoted[verb.head.i] or any(ctx.quoted[t.i] for t in said):
        return True
    return not any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not ctx.speakers.someone(c))
        for c in verb.children
    )


def _answered(found: Attribution, inner: list[Token], ctx: Context) -> Attribution:
    """ "X was asked about the strike. "We followed every procedure."": words that are no
    question, after a sentence telling that someone was asked, are that someone's answer."""
    verb = ctx.doc[found.verb]
    if found.speaker is not None or found.cue != "ask" or not passive(verb):
        return found
    if any(t.text == "?" for t in inner):
        return found
    asked = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    speaker = ctx.speakers.of(asked) if asked is not None else None
    return replace(found, speaker=speaker) if speaker is not None else found


def _own_sentence(indexes: list[int], found: Attribution, ctx: Context) -> bool:
    """Whether a next-door attribution may stand for a quotation: it stands as a sentence of
    its own, or the writer's sentence around it is about the same speaker ("The House
    speaker gave his party a "fair chance". ... Boehner said"). In "Smith praised the
    plan "for ..."" after "Jones called up Smith", the words are not Jones's."""
    root = ctx.sentences[indexes[0]].root
    if ctx.quoted[root.i]:
        return True
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or ctx.quoted[subject.i] or found.speaker is None:
        return False
    own = ctx.speakers.of(subject)
    return own is not None and _same_name(own.text, found.speaker.text)


def _same_name(a: str, b: str) -> bool:
    """Two ways of writing one name: the last word of one is a word of the other."""
    wa, wb = a.lower().split(), b.lower().split()
    return bool(wa and wb) and (wa[-1] in wb or wb[-1] in wa)


def _sentences_of(inner: list[Token], ctx: Context) -> list[int]:
    """Indexes of the sentences holding the quoted words, and the attribution the parser
    splits off after a quote that ends a sentence ("Help!" he cried. / "... rates." he
    said.): a next sentence that starts in lower case goes on the same sentence."""
    indexes = sorted(
        {i for i, s in enumerate(ctx.sentences) for t in inner if s.start <= t.i < s.end}
    )
    after = _neighbour(ctx, indexes[-1], 1, paragraph_only=True)
    # A quotation closed on a comma ("…,” Trump said") has not ended its sentence either.
    end = inner[-1].idx + len(inner[-1].text)
    closed_on_comma = (
        after is not None and ctx.text[end : after.start_char].strip(" \n" + MARK_CHARACTERS) == ","
    )
    if after is not None and (after[0].text[:1].islower() or closed_on_comma):
        indexes.append(next(i for i, s in enumerate(ctx.sentences) if s.start == after.start))
    return indexes


def attribute(
    inner: list[Token], ctx: Context, adjacent: bool, phrase: bool, work: bool = False
) -> Attribution | None:
    """The cue and speaker of quoted words ``inner``; ``adjacent`` lets next-door sentences tell.

    A speaker carried from elsewhere (a sentence next door, a pronoun or a role resolved to
    someone named before) whom the words are about is not who says them (`about`).
    """
    found = _attribute(inner, ctx, adjacent, phrase, work)
    if found is None or found.speaker is None or not carried(found.speaker, inner):
        return found
    return replace(found, speaker=None) if about_the_speaker(inner, found.speaker, ctx) else found


def _attribute(
    inner: list[Token], ctx: Context, adjacent: bool, phrase: bool, work: bool
) -> Attribution | None:
    """The cue and speaker as the parse and the sentences around give them.

    The name of a work (``work``: title-cased, not only people and places) is someone's
    only when a speech verb says it through the parse, hanging from that verb itself and
    not from a verb it reports: in "praised a drama like "Homeland" and said ...", another
    verb of the sentence says something else, and the programme must not be glued to it.
    """
    verb, blocked = _governing_cue(inner, ctx, phrase, work)
    if blocked:
        return None
    verb = verb or equated_cue(inner, ctx)
    if verb is not None:
        # "According to the report, Dale told "senior officials" ...": the sentence is the
        # report's account, so a phrase quoted in it (a short one, or one without a verb) is
        # the report's wording; a whole quotation is still what the verb's subject said.
        wording = phrase or not any(t.pos_ in ("VERB", "AUX") for t in inner)
        # What the verb reports ("told aides he was "done negotiating", according to two
        # people") is still its subject's words: the source tells that they were said.
        wording = wording and not _reported(inner, verb)
        source = according_to(_scope(verb), ctx, inner) if wording else None
        if source is not None:
            return _via(source, "according to")
        # "Asked by an aide, "Is this final?" Ruiz replied": words between a passive speech
        # participle that says nothing of its own and the verb that answers it are what was
        # asked, not the answer ("Asked about taxes, "..." Ruiz said" is the answer). The
        # parser hangs the participle on either verb.
        asked = next(
            (
                c
                for t in (verb, *inner)
                for c in t.children
                if c.dep_ == "advcl" and c.i < inner[0].i and ctx.is_cue(c) and passive(c)
                if all(g.dep_ in ("agent", "punct") for g in c.children)
            ),
            None,
        )
        if asked is not None and inner[-1].i < verb.i:
            speaker = ctx.subject_speaker(asked)
            return Attribution(ctx.lemma(asked), asked.i, speaker, "asked")
        speaker = ctx.subject_speaker(verb)
        # "Pilots said the description seems to indicate a "graveyard spiral"": a thing
        # that says something inside what someone reports is that someone's wording (a
        # document is not: "Lee said the letter warned of "grave harm"" quotes the letter).
        if speaker is not None and ctx.thing_subject(verb):
            outer = _reporting(verb, ctx)
            if outer is not None:
                return _via(outer, "reporting")
        # Words no name says, in a sentence that credits them "as X said", are X's.
        if speaker is None or not named(speaker, ctx):
            credit = as_said(verb.sent, ctx)
            if credit is not None:
                return credit
        # A passive verb names its speaker in its agent or not at all; another verb of the
        # sentence has a different statement's speaker as subject.
        if speaker is not None or passive(verb):
            return Attribution(ctx.lemma(verb), verb.i, speaker, "verb")
        # A verb with a subject of its own that names no one was said by that unnamed one
        # ("one warned photographers to "stay back""), unless a speech verb above reports
        # it ("Gore said they would ask for a "cease-fire"").
        if ctx.own_subject(verb):
            outer = _via(_reporting(verb, ctx), "reporting")
            return outer or Attribution(ctx.lemma(verb), verb.i, None, "verb")
    indexes = _sentences_of(inner, ctx)
    around = [t for i in indexes for t in ctx.sentences[i]]
    first, last = inner[0].i, inner[-1].i
    found = _via(according_to(around, ctx, inner), "sentence source")
    found = found or _via(after_colon(inner, ctx), "colon")
    # A work's name or a short phrase that no speech verb says is the writer's, whoever
    # else speaks in the sentence ("the company built a "back door", and Lee said ...").
    if phrase and verb is None:
        return found
    found = found or as_said(ctx.sentences[indexes[0]], ctx)
    found = found or _via(cue_among(around, ctx, first), "sentence verb")
    # A line that signs the quotation names its author before any sentence next door.
    found = found or (_via(signed(inner, ctx), "signed") if adjacent else None)
    found = found or (_via(cut_credit(inner, ctx), "cut credit") if adjacent else None)
    if found is None and adjacent:
        before = _neighbour(ctx, indexes[0], -1, paragraph_only=False)
        after = _neighbour(ctx, indexes[-1], 1, paragraph_only=True)
        if before is not None:
            cues = _main_cue(before, ctx)
            # Whole words with no credit of their own are the last speaker's, as wire
            # copy writes them. Words the text cuts off may have lost their credit with
            # them: a report before that is done with what it says (what someone said or
            # did) is no credit; one that quotes words itself, which they go on, or says
            # nothing of its own ("X said in a statement.") still is.
            if _cut_off(inner, ctx):
                cues = [v for v in cues if _hands_over(v, ctx)]
            found = _via(cue_among(cues, ctx, first), "sentence before")
            found = _answered(found, inner, ctx) if found is not None else None
        if found is None and after is not None and not any(ctx.quoted[t.i] for t in after):
            found = _via(cue_among(_main_cue(after, ctx), ctx, last), "sentence after")
        if found is not None and not _own_sentence(indexes, found, ctx):
            found = None
    if found is None and verb is not None:
        found = Attribution(ctx.lemma(verb), verb.i, None, "verb")
    return found
