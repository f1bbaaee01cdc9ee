"""Sentences their source cut off, and the complete clause a cut sentence may still hold.

Excerpts and feed items are often cut mid-sentence, marked ("…the ministry said it had
summoned the...", "… [...]") or not (the text simply stops without closing punctuation). Such
a sentence is never used as it is. It is used only in the form of a complete clause that
opens it: the text up to a comma, semicolon, colon or dash, kept when the parse says that
what stood before the break is a whole clause (a verb with its subject, every word of it
attached inside it) and that everything after the break only hangs off it as an optional
part — a coordinated clause, an apposition, a modifier, a subordinate clause — never as an
object or complement the clause needs, nor as the next item of a list. "Republicans have slammed Biden's proposals for $400 billion
to boost caregiving for the elderly and disabled, $174 billion..." becomes "Republicans
have slammed Biden's proposals for $400 billion to boost caregiving for the elderly and
disabled."; "The student involved in the case, known in court..." has no such clause and
is dropped.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.model import Article

# An ellipsis, or a feed's bracketed cut mark ("[…]", "[...]", "[+1234 chars]"), at the end.
_CUT_MARK = re.compile(r"(?:\.\.\.|…|\[(?:\.\.\.|…|\+?\d+ chars)\])[\s\"”’')\]]*$")
_CLOSED = re.compile(r"[.!?][\"”’')\]]*$")
_BREAKS = frozenset({",", ";", ":", "—", "–", "--"})
# What may hang off a complete clause and go without leaving it incomplete.
_OPTIONAL = frozenset(
    "conj cc appos advcl acl relcl prep advmod npadvmod punct parataxis dep".split()
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def cut_off(text: str, last: bool) -> bool:
    """Whether the source cut the sentence: it ends in a cut mark, or it is the ``last``
    of its text and has no closing punctuation."""
    text = text.rstrip()
    return bool(_CUT_MARK.search(text)) or (last and not _CLOSED.search(text))


def _optional(token: Any, brk: int) -> bool:
    """The token, after the break, leaves the clause before it whole when it goes: it hangs
    off the part after the break, or off the clause as an optional part. A conjunct of a
    noun is an item of a list, and a list cut short would claim too little ("dependent on
    energy, the production of…"); only coordinated clauses may go."""
    if token.head.i >= brk:
        return True
    if token.dep_ == "conj":
        return token.head.pos_ in ("VERB", "AUX")
    return token.dep_ in _OPTIONAL


def complete_clause(doc: Any, start: int, end: int) -> int | None:
    """The end offset of the longest complete clause opening the sentence at ``start:end``
    and ending before a break, or None when it has none (see the module doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    for brk in reversed(range(span.start + 1, span.end)):
        if doc[brk].text not in _BREAKS or brk <= root.i:
            continue
        kept = range(span.start, brk)
        if not any(c.dep_ in _SUBJECTS and c.i in kept for c in root.children):
            continue
        inside = all(t.i == root.i or t.head.i in kept for t in doc[span.start : brk])
        hanging = all(_optional(t, brk) for t in doc[brk : span.end] if t.i != root.i)
        if inside and hanging:
            last = doc[brk - 1]
            return last.idx + len(last.text)
    return None


def uncut_end(article: Article, index: int, start: int | None = None) -> int | None:
    """Where the whole statement of the article's sentence ``index`` (read from ``start``)
    ends: the sentence's end, or, when its source cut it off, the end of the complete clause
    opening it; None when a cut sentence holds no such clause (a fragment states nothing)."""
    sentence = article.sentences[index]
    start = sentence.start if start is None else start
    if not cut_off(article.text[start : sentence.end], last=index == len(article.sentences) - 1):
        return sentence.end
    return complete_clause(article.doc, start, sentence.end) if article.doc else None
