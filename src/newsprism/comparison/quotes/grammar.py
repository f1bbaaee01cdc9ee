"""What the parse says about quoted words and speech verbs: passives, names, heads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsprism.comparison.quotes.lexicon import NAMING_NOUNS, NAMING_VERBS, SPEECH_VERBS

Token = Any


def passive(verb: Token) -> bool:
    """A passive participle: "was asked", "Asked by X, ...", "a group called"."""
    if verb.tag_ != "VBN":
        return False
    deps = {c.dep_: c for c in verb.children}
    if "aux" in deps and any(c.lemma_.lower() == "have" for c in verb.children if c.dep_ == "aux"):
        return False
    # "he's asked a firm to ...", "she's maintained that ...": with an object or a clause,
    # the ambiguous "'s" is "has".
    contracted = deps.get("auxpass") is not None and deps["auxpass"].lower_ in ("'s", "’s")
    if contracted and ("dobj" in deps or "ccomp" in deps):
        return False
    if "auxpass" in deps or "nsubjpass" in deps:
        return True
    # A bare participle ("Asked about it, ...", "a group called X"); one joined to a verb
    # ("has sat down and told") shares that verb's "have".
    return not ({"aux", "nsubj"} & deps.keys()) and verb.dep_ not in ("ROOT", "conj")


def naming(verb: Token) -> bool:
    """A naming verb's participle ("a group called X", "personnel, called officers,"),
    unless "has called" makes it someone's words; the tag alone tells, as the parser may
    give such a participle a subject. With an agent ("was called "a disaster" by Baker")
    the words are the agent's."""
    if agent(verb) is not None:
        return False
    return passive(verb) or (
        verb.tag_ == "VBN"
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    )


def agent(verb: Token) -> Token | None:
    """Who a passive verb's "by" phrase names: its agent, or a "by" phrase the parser hangs
    on the verb's complement ("were labeled "disturbing" by critics"). A verb with a
    subject of its own is active: "called a ruling by the court "…"" is the caller's."""
    if any(c.dep_ == "nsubj" for c in verb.children):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is None and verb.tag_ == "VBN":
        complements = (c for c in verb.children if c.dep_ in ("oprd", "attr", "acomp", "xcomp"))
        by = next(
            (
                g
                for c in complements
                for g in c.children
                if g.dep_ in ("agent", "prep") and g.lower_ == "by"
            ),
            None,
        )
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def tops(inner: list[Token]) -> list[Token]:
    """The quoted words whose head lies outside the quotation (or that head the sentence)."""
    own = {t.i for t in inner}
    return [t for t in inner if t.head.i == t.i or t.head.i not in own]


def a_name(inner: list[Token], quoted: list[bool], entity: Callable[[Token], Any]) -> bool:
    """Quoted words that name something rather than report what someone said.

    "what is known as the "nuclear option"", "a task force called "Shield"", a
    "so-called" word, or a nickname in front of a person's name (""Unabomber" Ted
    Kaczynski"): the article's own structure says the quotation marks set off a name.
    """
    heads = tops(inner)
    if title_cased(inner) and _after_noun_comma(inner, quoted):
        return True
    for top in heads:
        head = top.head
        # A quoted noun inside the writer's noun phrase ("an "open door" policy", "a
        # "Batman" villain") classifies the writer's noun: it is a term, not speech.
        modifier = top.dep_ in ("compound", "nmod") and top.pos_ in ("NOUN", "PROPN")
        if len(heads) == 1 and modifier and head.pos_ == "NOUN" and not quoted[head.i]:
            return True
        if any(c.lower_ == "so-called" for c in top.children):
            return True
        # "the report used the word "negligent"", unless a speech verb says the word
        # ("repeated the phrase, "Hope to higher ground"").
        beside = top.dep_ in ("amod", "compound", "nmod", "appos") and not quoted[head.i]
        named = head.lemma_.lower() in NAMING_NOUNS and head.head.lemma_.lower() not in SPEECH_VERBS
        if len(heads) == 1 and beside and named:
            return True
        # "the word "cuts"", "the subject line, "budget talk"": a phrase set beside the
        # writer's own noun names what that noun holds (unless a speech verb says it:
        # "called the speech "a stunt"").
        if len(heads) == 1 and top.dep_ == "appos" and _beside_noun(inner, head, quoted):
            return True
        # A work's name beside the writer's noun names it, whatever verb holds the noun
        # ("revealed his new website, "From the Desk of Jo Roe,"").
        beside_noun = head.pos_ == "NOUN" and not quoted[head.i]
        if len(heads) == 1 and top.dep_ == "appos" and beside_noun and title_cased(inner):
            return True
        head = top.head
        if top.dep_ in ("compound", "amod", "nmod") and not quoted[head.i]:
            ent = entity(head)
            if head.pos_ == "PROPN" and ent is not None and ent.label_ == "PERSON":
                return True
        node = top
        for _ in range(3):
            if node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in NAMING_VERBS and naming(node):
                return True
            if node.pos_ in ("VERB", "AUX") and node.lower_ != "as":
                break
    return False


def _after_noun_comma(inner: list[Token], quoted: list[bool]) -> bool:
    """Quoted words set off by a comma right after the writer's noun, as an apposition
    is, whatever the parse says ("his new website, "From the Desk of Jo Roe,"")."""
    doc, at = inner[0].doc, inner[0].i - 1
    while at >= 0 and quoted[at] and doc[at].pos_ == "PUNCT":
        at -= 1
    if at < 1 or doc[at].text != ",":
        return False
    noun = doc[at - 1]
    return noun.pos_ == "NOUN" and not quoted[noun.i]


_MINOR_WORDS = frozenset("a an and as at but by for from in nor of on or the to with".split())


def title_cased(inner: list[Token]) -> bool:
    """Quoted words with every main word capitalized, as a work's or a thing's name is
    ("The Art of the Deal")."""
    alpha = [t for t in inner if t.is_alpha and t.lower_ not in _MINOR_WORDS]
    return bool(alpha) and all(t.text[:1].isupper() for t in alpha)


_NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "LOC"})


def a_work(inner: list[Token]) -> bool:
    """Title-cased words that name a work, a law or a programme ("Meet the Press", "The
    Safe Roads Act"), not merely people or places ("Bill Clinton's Arkansas")."""
    alpha = [t for t in inner if t.is_alpha and t.lower_ not in _MINOR_WORDS]
    return title_cased(inner) and any(t.ent_type_ not in _NAME_LABELS for t in alpha)


def _beside_noun(inner: list[Token], noun: Token, quoted: list[bool]) -> bool:
    """Verbless quoted words in apposition to the writer's determined noun, which no speech
    verb governs."""
    return (
        noun.pos_ == "NOUN"
        and not quoted[noun.i]
        and any(c.dep_ == "det" for c in noun.children)
        and noun.head.lemma_.lower() not in SPEECH_VERBS
        and not any(t.pos_ in ("VERB", "AUX") for t in inner)
    )
