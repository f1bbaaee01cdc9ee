"""The sentences a summary may use, in the form it would use them.

A candidate is one article sentence without its dateline, kept only when it reads well on
its own: complete, not a byline, not a question, not a piece of a longer quotation nor a
quotation without its speaker, and long enough to say something (in an update, also short
enough not to retell what the reader knows). A sentence its source cut off is offered only
as the complete clause that opens it, if it has one (`newsprism.summary.truncated`). A
sentence that compresses (`newsprism.summary.compress`) is offered twice, whole and
compressed; the selection never takes both. A whole sentence that opens with a complete
clause is also offered as that clause alone, a *filler*: the selection uses a filler only
when no whole or compressed sentence fits the words left, so a summary of a few long
sentences is not left a sentence short. A leading "He"/"She" is replaced by its
referent's name (`newsprism.summary.pronouns`); a sentence whose leading pronoun has no
named referent is not offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Article
from newsprism.nlp import dateline_length
from newsprism.summary.compress import compress, join
from newsprism.summary.pronouns import leading_pronoun, opening_subject_pronoun, referent
from newsprism.summary.truncated import complete_clause, uncut_end

MIN_WORDS = 8
# In an update, a longer sentence mostly retells what the reader knows around its new detail.
# A first summary takes any length: the selection charges every word, and a report's long
# opening sentence is often the story itself.
UPDATE_MAX_WORDS = 40

_BYLINE = re.compile(r"^(?:By|BY|From)\s+[A-Z]", re.UNICODE)
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|``.*?\'\'', re.DOTALL)
_SINGULAR_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
_CLOSING = "\"”'’)"
# Words that need an antecedent in an earlier sentence: out of context they dangle.
_DANGLING = frozenset(
    "he she it they him them his her its their this these those that such also but and or "
    "so yet however meanwhile still instead moreover furthermore thus then there nevertheless "
    "besides otherwise likewise similarly therefore hence".split()
)


@dataclass
class Candidate:
    """One usable sentence: where it is, the pieces of it the summary keeps, its text."""

    article: int  # index of its article in the summarized list
    index: int  # sentence index in its article
    pieces: list[tuple[int, int]]  # character intervals of the article's text, in order
    text: str
    words: int
    dangling: bool
    name: tuple[int, int] | None = None  # the referent's name that replaced a leading pronoun
    filler: bool = False  # the opening clause of a whole sentence (see the module doc)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every interval of the article the text is made of."""
        return [self.name, *self.pieces] if self.name else list(self.pieces)


def _balanced(text: str) -> bool:
    """Quote marks pair up: the sentence is not a cut piece of a quotation."""
    if text.count('"') % 2:
        return False
    return text.count("“") == text.count("”") and text.count("``") == text.count("''")


def _inside_quotation(article: Article, start: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at ``start``: the
    sentence is part of someone's words, and alone it would lose its speaker."""
    opening = article.text.rfind("\n", 0, start) + 1
    before = article.text[opening:start]
    return not _balanced(before)


def _unattributed_quotation(text: str) -> bool:
    """The whole sentence is quoted, with no word outside the quotes telling who said it."""
    outside = _QUOTED.sub(" ", text)
    return outside != text and not re.search(r"[^\W\d_]", outside)


def _first_person(article: Article, start: int, end: int) -> bool:
    """The writer says "I" outside quotation marks: a column's voice, not a report of what
    happened. (A plural "we", "our culture", is often generic and stays.) An "I" right
    after a name is a regnal numeral ("Dom Luis I bridge", "Elizabeth I"), whatever the
    tagger says."""
    text = article.text[start:end]
    quoted = [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(text)]
    span = article.doc.char_span(start, end, alignment_mode="expand") if article.doc else None
    return span is not None and any(
        t.lower_ in _SINGULAR_FIRST_PERSON
        and t.pos_ == "PRON"
        and not (t.i > 0 and t.doc[t.i - 1].pos_ == "PROPN" and t.text == "I")
        and not any(a <= t.idx < b for a, b in quoted)
        for t in span
    )


def _readable(text: str) -> bool:
    """A complete statement that stands on its own."""
    # Ends in a full stop, possibly inside closing quotes or parentheses: not a question, not
    # a fragment the sentence splitter cut off at a parenthesis.
    if "\n" in text or _BYLINE.match(text) or not text.rstrip(_CLOSING).endswith((".", "!")):
        return False
    if _unattributed_quotation(text):
        return False
    return _balanced(text) and (text[:1].isupper() or text[:1] in "\"“'‘`")


def _dangles(text: str) -> bool:
    first = re.sub(r"^[^\w]+", "", text).split(" ", 1)[0].casefold().strip(",")
    return first in _DANGLING


def _forms(
    article: Article, start: int, end: int, trimmed: bool
) -> list[tuple[list[tuple[int, int]], bool]]:
    """The forms of a sentence, each with whether it is a filler."""
    forms = [([(start, end)], False)]
    if article.doc is not None:
        pieces = compress(article.doc, start, end)
        if pieces:
            forms.append((pieces, False))
        # A cut sentence is already reduced to its opening clause.
        clause = None if trimmed else complete_clause(article.doc, start, end)
        if clause is not None:
            forms.append(([(start, clause)], True))
    return forms


def _text(article: Article, pieces: list[tuple[int, int]], whole: bool) -> str:
    return article.text[pieces[0][0] : pieces[0][1]] if whole else join(article.text, pieces)


def _named(
    article: Article, index: int, pieces: list[tuple[int, int]], whole: bool
) -> tuple[list[tuple[int, int]], str, tuple[int, int] | None] | None:
    """The pieces and text of a form, a pronoun pointing back replaced by its referent's
    name: one opening the sentence, or the main clause's subject after an opening phrase;
    None when the referent is not found."""
    text = _text(article, pieces, whole)
    first = pieces[0]
    pronoun = leading_pronoun(text, first[0]) or opening_subject_pronoun(article, *first)
    if pronoun is None:
        return pieces, text, None
    found = referent(article, index, pronoun)
    if found is None:
        return None
    before, after = found.pronoun
    while after < first[1] and article.text[after].isspace():
        after += 1
    rest = [(after, first[1]), *pieces[1:]]
    name = article.text[found.name[0] : found.name[1]] + ("'s" if found.possessive else "")
    told = f"{name} {join(article.text, rest, capitalize=False)}"
    if before == first[0]:
        return rest, told, found.name
    return [(first[0], before), *rest], article.text[first[0] : before] + told, found.name


def _cut_short(article: Article, index: int) -> bool:
    """The sentence splitter stopped too early ("… told Microsoft Corp." | "to stop …"): the
    next sentence of the paragraph goes on in lower case."""
    if index + 1 >= len(article.sentences):
        return False
    following = article.sentences[index + 1]
    between = article.text[article.sentences[index].end : following.start]
    return "\n" not in between and following.text[:1].islower()


def candidates_of(articles: list[Article], max_words: int | None = None) -> list[Candidate]:
    """Every usable form of every sentence of every article, in article and sentence order;
    none longer than ``max_words`` words."""
    found = []
    for a, article in enumerate(articles):
        for i, sentence in enumerate(article.sentences):
            start = sentence.start + dateline_length(sentence.text)
            # Of a sentence its source cut off, only the complete clause that opens it, if
            # it has one (`truncated`).
            end = uncut_end(article, i, start)
            if end is None:
                continue
            trimmed = end != sentence.end
            text = join(article.text, [(start, end)]) if trimmed else article.text[start:end]
            if (
                not _readable(text)
                or _inside_quotation(article, start)
                or _cut_short(article, i)
                or _first_person(article, start, end)
            ):
                continue
            for form, filler in _forms(article, start, end, trimmed):
                named = _named(article, i, form, form == [(start, end)] and not trimmed)
                if named is None:
                    continue
                pieces, text, name = named
                words = len(text.split())
                long = max_words is not None and words > max_words
                if words >= MIN_WORDS and not long and _balanced(text):
                    found.append(Candidate(a, i, pieces, text, words, _dangles(text), name, filler))
    return found
