"""Sentence compression: the same statement in fewer words, cut along the parse.

What goes is what a summary can do without: text in parentheses, a leading connective
("However,", "But"), the attribution of reported speech ("…, officials said Monday.",
"The minister said that …", "according to …"), and days named relative to the article's
own date ("on Monday", "today"), which point at no day outside it. Direct quotations and
first-person statements keep their speaker, and so does a claim of one's own: one told by a
named person or by one unnamed individual ("a Wall Street analyst"), or hedged ("might",
"could"), whose attribution is what makes it a claim and not the summary's own statement.
Only what institutions and groups relay ("police said", "according to the ministry") loses it. What is kept is a list of pieces of the
article's text, so that the summary sentence cites exactly the spans it uses — and the
cited span still shows who said it.
"""

from __future__ import annotations

import re
from typing import Any

SPEECH = frozenset(
    "say tell report announce add state note explain claim insist warn predict confirm "
    "declare estimate write quote".split()
)
_QUOTES = ('"', "“", "”", "``", "''", "‘", "’", "'")
_FIRST_PERSON = frozenset("i me my mine we us our ours you your yours".split())


def _needs_speaker(span: Any) -> bool:
    """A quotation or a first-person statement: without its speaker it says nothing."""
    return any(t.text in _QUOTES or (t.lower_ in _FIRST_PERSON and t.pos_ == "PRON") for t in span)


_HEDGES = frozenset("may might could".split())
_ONE = frozenset("a an one".split())


def _own_claim(speaker: Any, clause: set[int], *, speaks: bool = True) -> bool:
    """Whether a statement is the speaker's own claim, which keeps its attribution: a named
    person's, a hedged one, or, as the subject of a speech verb, one individual's ("an
    analyst said"; "according to a survey" names no one)."""
    doc = speaker.doc
    if any(doc[i].tag_ == "MD" and doc[i].lower_ in _HEDGES for i in clause):
        return True
    if speaker.ent_type_ == "PERSON":
        return True
    return (
        speaks
        and speaker.tag_ == "NN"
        and any(c.dep_ in ("det", "nummod") and c.lower_ in _ONE for c in speaker.children)
    )


def _subtree(token: Any) -> set[int]:
    return {t.i for t in token.subtree}


def _parentheses(span: Any) -> set[int]:
    drop: set[int] = set()
    opened: int | None = None
    for t in span:
        if t.text == "(" and opened is None:
            opened = t.i
        elif t.text == ")" and opened is not None:
            drop |= set(range(opened, t.i + 1))
            opened = None
    return drop


def _leading(span: Any, keep: set[int]) -> set[int]:
    """A connective or adverb opening the kept clause ("However,", "But", "Meanwhile,")."""
    if not keep:
        return set()
    first = span.doc[min(keep)]
    head = first.head
    # Only a word that modifies the clause's own verb; "On Monday," or "In Brussels," carry facts.
    if first.text in _QUOTES or head.i not in keep or head.dep_ not in ("ROOT", "ccomp"):
        return set()
    if first.dep_ == "cc":
        return {first.i}
    after = first.i + 1
    if first.dep_ in ("advmod", "npadvmod") and after < span.end and span.doc[after].text == ",":
        return {first.i, after}
    return set()


def _trailing(span: Any, root: Any) -> set[int] | None:
    """Kept tokens when the sentence is "<clause>, <speaker> said …."."""
    if root.lemma_ not in SPEECH:
        return None
    clauses = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    if len(clauses) != 1 or _needs_speaker(span):
        return None
    keep = _subtree(clauses[0])
    # The speaker must be the verb's own subject, after the clause: the parse is sound.
    speakers = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > max(keep)]
    if min(keep) != span.start or not speakers or _own_claim(speakers[0], keep):
        return None
    last = span[-1]
    if last.is_punct and last.text in ".!":
        keep.add(last.i)
    return keep


def _front(span: Any, root: Any) -> set[int] | None:
    """Kept tokens when the sentence is "<speaker> said (that) <clause>."."""
    if root.lemma_ not in SPEECH:
        return None
    clauses = [c for c in root.children if c.dep_ == "ccomp" and c.i > root.i]
    if len(clauses) != 1 or _needs_speaker(span):
        return None
    keep = {t.i for t in clauses[0].subtree if not (t.dep_ == "mark" and t.head == clauses[0])}
    if max(keep) < span.end - 2:
        return None
    speakers = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i]
    if speakers and _own_claim(speakers[0], keep):
        return None
    last = span[-1]
    if last.is_punct:
        keep.add(last.i)
    return keep


def _according(span: Any) -> set[int]:
    for t in span:
        if t.lower_ == "according" and t.i + 1 < span.end and t.doc[t.i + 1].lower_ == "to":
            drop = _subtree(t) | _subtree(t.doc[t.i + 1])
            sources = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if sources and _own_claim(sources[0], {u.i for u in span} - drop, speaks=False):
                return set()
            before = t.i - 1
            if before >= span.start and t.doc[before].text == ",":
                drop.add(before)
            elif max(drop) + 1 < span.end and t.doc[max(drop) + 1].text == ",":
                drop.add(max(drop) + 1)
            return drop
    return set()


_RELATIVE = re.compile(
    r"(?:early |late )?(?:last |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tomorrow|tonight)(?: (?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)


def _entities(span: Any) -> list[Any]:
    """The entities inside ``span``, as ``span.ents`` gives them. spaCy builds those from
    ``doc.ents``, every entity of the document made anew on each call, and compression asks
    for them sentence by sentence: here only the span's tokens are read."""
    from spacy.tokens import Span

    doc, found = span.doc, []
    for token in span:
        if token.ent_iob_ != "B" or not token.ent_type:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end:
            found.append(Span(doc, token.i, end, label=token.ent_type, kb_id=token.ent_kb_id))
    return found


def _relative_dates(span: Any, entities: list[Any]) -> set[int]:
    """Days named relative to the article's date ("on Monday", "today", "last week"):
    out of the article they point at no day."""
    drop: set[int] = set()
    for ent in entities:
        if ent.label_ not in ("DATE", "TIME") or not _RELATIVE.fullmatch(ent.text):
            continue
        root = ent.root
        if root.dep_ in ("npadvmod", "tmod") and root.head.pos_ in ("VERB", "AUX"):
            drop |= {t.i for t in ent}
        elif (
            root.dep_ == "pobj"
            and root.head.lower_ == "on"
            and root.head.i == ent.start - 1
            and root.head.head.pos_ in ("VERB", "AUX")
        ):
            drop |= {t.i for t in ent} | {root.head.i}
    return drop


def _temporal_tokens(entities: list[Any]) -> set[int]:
    """Tokens of clock times and of days named relative to the article's date."""
    return {
        t.i
        for e in entities
        if e.label_ == "TIME" or (e.label_ == "DATE" and _RELATIVE.fullmatch(e.text))
        for t in e
    }


def _leading_time(span: Any, entities: list[Any], keep: set[int]) -> set[int]:
    """A time opening the clause and set off by a comma ("At 2 a.m. EST early Thursday,")."""
    temporal = _temporal_tokens(entities)
    if not keep or not temporal:
        return set()
    doc, first = span.doc, min(keep)
    run: list[int] = []
    for i in range(first, span.end):
        if doc[i].text == ",":
            break
        if not (i in temporal or (doc[i].dep_ == "prep" and not run)):
            return set()
        run.append(i)
    else:
        return set()
    if not temporal.intersection(run):
        return set()
    return {*run, run[-1] + 1}


def compress(doc: Any, start: int, end: int) -> list[tuple[int, int]] | None:
    """The pieces (character intervals) of a shorter form of the sentence at ``start:end``,
    or None when nothing can go."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 4:
        return None
    root = span.root
    keep = {t.i for t in span}
    kept = _trailing(span, root)
    if kept is None:
        kept = _front(span, root)
    if kept is not None:
        keep &= kept
    entities = _entities(span)
    keep -= _leading(span, keep)
    keep -= _leading_time(span, entities, keep)
    keep -= _according(span)
    keep -= _parentheses(span)
    keep -= _relative_dates(span, entities)
    if len(keep) == len(span) or len(keep) < 4:
        return None
    pieces: list[tuple[int, int]] = []
    for i in sorted(keep):
        token = doc[i]
        if pieces and i - 1 in keep:
            pieces[-1] = (pieces[-1][0], token.idx + len(token.text))
        else:
            pieces.append((token.idx, token.idx + len(token.text)))
    return pieces


def join(text: str, pieces: list[tuple[int, int]], *, capitalize: bool = True) -> str:
    """The pieces of ``text`` as one sentence: spaced as in the text, ending in a full stop,
    its first letter capitalized."""
    out = ""
    for start, end in pieces:
        part = text[start:end]
        if part[:1] in ",.;:!?":
            out = out.rstrip(",;: ")
            if part == "." and out.endswith((".", "!", "?")):
                continue
        if part[:1] in ",.;:!?)'’" or not out:
            if part[:1] == "," and (not out or out.endswith(("(", "--"))):
                part = part[1:].lstrip()
            out += part
        elif text[start - 1 : start].isspace() or part[:1].isalnum():
            out += " " + part
        else:
            out += part
    out = out.strip(" ,;:")
    if capitalize and out[:1].islower():
        out = out[0].upper() + out[1:]
    if out and out[-1] not in ".!\"”'’":
        out = out.rstrip(",;:") + "."
    return out
