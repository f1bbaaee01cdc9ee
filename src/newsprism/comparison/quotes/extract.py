"""Direct quotations in one article, with who said them and the verb that says so.

A quotation's cue is found through the parse, in this order: a speech verb governing
the quoted words ("X," Trump said / Trump said the "..."), an "according to X" in the
same sentence, another speech verb outside quotes in the same sentence, then — for
full quotations only — a speech verb in the previous or the next sentence (the
"Trump insisted ... . "It wasn't ..."" pattern; words the text cuts off take the sentence
before only when it hands the words over). The speaker is the cue's subject;
subjectless participles and conjuncts ("..., saying", "and said") take the subject
of the speech verb above them.

A quotation interrupted by its attribution ("X," he said. "Y.") is one occurrence: its
span runs from the first quoted word to the last, the attribution included, and its
text holds the quoted words only, joined. Short quoted phrases (at most
`FRAGMENT_WORDS` words: scare quotes, "much closer") and quoted titles ("The Art of
the Deal": every word capitalized) count only when a speech verb or "according to"
attributes them; short ones are then marked ``partial``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsprism.comparison.quotes.attribution import attribute
from newsprism.comparison.quotes.context import Attribution, Context
from newsprism.comparison.quotes.grammar import a_name, a_work, title_cased
from newsprism.comparison.quotes.marks import MARK_CHARACTERS, Stretch, quoted_stretches
from newsprism.model import Article, QuoteOccurrence

Token = Any

FRAGMENT_WORDS = 3
# The longest attribution that may sit between two pieces of one quotation.
_MAX_INTERRUPTION = 12


@dataclass(frozen=True)
class _Found:
    stretch: Stretch
    attribution: Attribution | None
    words: int
    # A phrase no speech verb says: a term, unless the quotation it opens goes on after
    # the attribution ("This carnage," he declared, "stops right here.").
    term: bool = False


def _continues(previous: _Found, current: _Found, ctx: Context) -> bool:
    """Whether ``current`` resumes ``previous`` after an attribution ("X," he said. "Y.")."""
    a, b = previous.attribution, current.attribution
    if b is None or current.term or (a is not None and a.verb != b.verb):
        return False
    if a is None and not (previous.term and _cut(previous, current, ctx)):
        return False
    if previous.stretch.last_paragraph != current.stretch.paragraph:
        return False
    verb_at = ctx.doc[b.verb].idx
    if not previous.stretch.end <= verb_at < current.stretch.start:
        return False
    gap = ctx.text[previous.stretch.end : current.stretch.start]
    return len(gap.split()) <= _MAX_INTERRUPTION


def _cut(previous: _Found, current: _Found, ctx: Context) -> bool:
    """Whether only an attribution set off by commas stands between two quoted stretches
    ("This carnage," he declared, "stops here."), as when one quotation is cut."""
    gap = ctx.text[previous.stretch.end : current.stretch.start].replace('"', " ").strip()
    return gap.startswith(",") and gap.endswith((",", ":"))


def _coordinated(previous: Stretch, current: Stretch, ctx: Context) -> bool:
    """Whether only a coordinator stands between two quoted stretches ("X" and "Y")."""
    gap = ctx.text[previous.end : current.start]
    return gap.translate(str.maketrans("", "", MARK_CHARACTERS + ",")).split() in (["and"], ["or"])


def _utterance(inner: list[Token], ctx: Context) -> bool:
    """Short quoted words that are a sentence of their own, not a phrase: they open a
    sentence (or follow a colon) with a capital that is no name's, as in "her father told
    her: "Never stop fighting."" or ""Absolutely not," he said"."""
    first = inner[0]
    if not first.text[:1].isupper() or first.pos_ == "PROPN" or first.ent_type_:
        return False
    # Past the opening mark, typed as one character or as wire copy's two.
    at = first.i - 1
    while at >= 0 and not ctx.doc[at].text.strip(MARK_CHARACTERS):
        at -= 1
    if at < 0:
        return True
    before = ctx.doc[at]
    return before.text in (":", ".", "?", "!") or before.is_space or before.is_sent_end is True


def _joined_text(segments: list[tuple[int, int]], ctx: Context) -> str:
    """The quoted words of several pieces, each join marked " … ".

    A shown quotation must be the article's own words: "X," he said. "Y." is two pieces
    of one quotation, and gluing them ("X. Y.", or "X Y" when X ends without a stop)
    would put words and stops in the speaker's mouth that the article never printed.
    """
    return " … ".join(ctx.text[start:end] for start, end in segments)


def _occurrence(group: list[_Found], ctx: Context) -> tuple[QuoteOccurrence, Attribution | None]:
    segments = [seg for found in group for seg in found.stretch.segments]
    start, end = segments[0][0], segments[-1][1]
    attributions = [f.attribution for f in group if f.attribution]
    attribution = next(iter(attributions), None)
    credited = next((a for a in attributions if a.speaker), attribution)
    speaker = credited.speaker if credited else None
    words = sum(f.words for f in group)
    occurrence = QuoteOccurrence(
        article=ctx.article.id,
        start=start,
        end=end,
        text=_joined_text(segments, ctx),
        match="partial" if words <= FRAGMENT_WORDS else "single",
        speaker_text=speaker.text if speaker else None,
        cue=attribution.cue if attribution else None,
    )
    return occurrence, credited


def extract_quotes(article: Article) -> list[QuoteOccurrence]:
    """Every direct quotation in an annotated article, in text order."""
    return [occurrence for occurrence, _ in traced_quotes(article)]


def traced_quotes(article: Article) -> list[tuple[QuoteOccurrence, Attribution | None]]:
    """Every direct quotation with the attribution that gave its speaker (its path tells
    how the cue was found), for measuring each way of finding one."""
    if article.doc is None:
        raise ValueError(f"article {article.ref} is not annotated; run annotate() first")
    paragraphs = article.paragraphs or [article.span(0, len(article.text))]
    stretches = quoted_stretches(article.text, paragraphs)
    ctx = Context(article, stretches)
    found: list[_Found] = []
    for stretch in stretches:
        inner = [t for t in ctx.tokens(stretch) if not (t.is_punct or t.is_space)]
        words = sum(1 for t in inner if any(c.isalnum() for c in t.text))
        if words == 0:
            continue
        # Phrases and titles need an attribution of their own; the sentence next door won't do.
        title = title_cased(inner)
        phrase = (words <= FRAGMENT_WORDS and not _utterance(inner, ctx)) or title
        attribution = (
            None
            if a_name(inner, ctx.quoted, ctx.speakers.entity)
            else attribute(inner, ctx, not phrase, phrase, a_work(inner))
        )
        term = phrase and attribution is None
        # "signs reading "No war" and "Bring them home"": a phrase coordinated with a term
        # is one too, whatever verb the parser hangs the second on.
        if phrase and found and found[-1].term and _coordinated(found[-1].stretch, stretch, ctx):
            attribution, term = None, True
        found.append(_Found(stretch, attribution, words, term))
    groups: list[list[_Found]] = []
    for item in found:
        if groups and _continues(groups[-1][-1], item, ctx):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [_occurrence(group, ctx) for group in groups if not all(f.term for f in group)]
