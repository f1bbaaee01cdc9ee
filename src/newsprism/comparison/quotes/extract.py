"""Direct quotations in one article, with who said them and the verb that says so.

A quotation's cue is found through the parse, in this order: a speech verb governing
the quoted words ("X," Trump said / Trump said the "..."), an "according to X" in the
same sentence, another speech verb outside quotes in the same sentence, then — for
full quotations only — a speech verb in the previous or the next sentence (the
"Trump insisted ... . "It wasn't ..."" pattern). The speaker is the cue's subject;
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
from itertools import pairwise
from typing import Any

from newsprism.comparison.quotes.grammar import a_name, naming, passive
from newsprism.comparison.quotes.lexicon import NAMING_VERBS, SPEECH_VERBS
from newsprism.comparison.quotes.marks import Stretch, quoted_stretches
from newsprism.comparison.quotes.speakers import Speaker, Speakers
from newsprism.model import Article, QuoteOccurrence
from newsprism.nlp import reference

Token = Any

FRAGMENT_WORDS = 3
# How quoted words may not hang from the verb that says them. Words in the verb's subject
# describe the speaker ("'Unabomber' Ted Kaczynski told ..."); a phrase in an adjunct of
# place, time or medium says where or how it was said ("said in an interview with 'Axios
# on HBO'"), unlike "described it as 'X'" or "warned of 'X'", which carry what was said.
_NOT_SAID = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_NOT_SAID_PHRASE = _NOT_SAID | {"npadvmod", "appos"}
_CIRCUMSTANCE = frozenset("in on at with during after before since via through".split())
# The longest attribution that may sit between two pieces of one quotation.
_MAX_INTERRUPTION = 12
_MAX_CLIMB = 8
_MINOR_WORDS = frozenset("a an and at by for from in of on or the to with".split())


@dataclass(frozen=True)
class _Attribution:
    cue: str
    verb: int  # token index of the cue verb (or of "according")
    speaker: Speaker | None


@dataclass(frozen=True)
class _Found:
    stretch: Stretch
    attribution: _Attribution | None
    words: int


class _Context:
    def __init__(self, article: Article, stretches: list[Stretch]) -> None:
        self.article = article
        self.doc = article.doc
        self.text = article.text  # the doc's text; spaCy rebuilds Doc.text on every access
        self.quoted = [False] * len(self.doc)
        for stretch in stretches:
            for start, end in stretch.segments:
                # One character either side takes in the quote marks.
                for token in self.tokens_between(max(0, start - 1), min(len(self.text), end + 1)):
                    self.quoted[token.i] = True
        self.speakers = Speakers(self.doc, self.quoted)
        self.sentences = self.speakers.sentences
        self.dateline_end = reference(article).dateline_end

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping characters [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def tokens(self, stretch: Stretch) -> list[Token]:
        return [t for s, e in stretch.segments for t in self.tokens_between(s, e)]

    def is_cue(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return (
            not self.quoted[token.i]
            and token.pos_ in ("VERB", "AUX")
            and lemma in SPEECH_VERBS
            and not (lemma in NAMING_VERBS and naming(token))
        )

    def subject_speaker(self, verb: Token) -> Speaker | None:
        """The verb's subject; a subjectless verb borrows from the speech verb above it.

        A passive speech verb is said by its agent or by no one named: in "Asked by a
        reporter, "Is it you?" he replied" or "she was told "...", the one asked or told
        is who the words were addressed to.
        """
        if passive(verb):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return self.speakers.of(pobj) if pobj is not None else None
        chain = [verb]
        while chain[-1].head is not chain[-1] and len(chain) < _MAX_CLIMB:
            chain.append(chain[-1].head)
        # A dash the parser took for a verb ("WASHINGTON ― President X ...") has no speaker.
        chain = [v for v in chain if any(ch.isalpha() for ch in v.text)]
        with_subject = [v for v in chain if self._subject(v) is not None]
        if not with_subject:
            return None
        first = with_subject[0]
        if first is not verb:
            first = next((v for v in with_subject if self.is_cue(v)), first)
        # "Interfax quoted Dygalo as saying", "he was quoted by IRNA as saying": the one
        # quoted speaks, not the one quoting.
        quoting = next(
            (v for u, v in pairwise(chain) if u.lower_ == "as" and v.lemma_ == "quote"), None
        )
        if quoting is not None and (quoted := self._quoted_one(quoting)) is not None:
            return self.speakers.of(quoted)
        subject = self._subject(first)
        return self.speakers.of(subject) if subject is not None else None

    def _quoted_one(self, verb: Token) -> Token | None:
        deps = ("dobj", "nsubjpass")
        return next((c for c in verb.children if c.dep_ in deps and not self.quoted[c.i]), None)

    def _subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        # The parser may take a dateline for a subject ("NEW YORK (AP) -- President Clinton
        # said", "LOS ANGELES (AP) _ "Shakespeare in Love" was announced"): a place that
        # files the report does not speak.
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and not self.quoted[c.i]
            and c.idx >= self.dateline_end
        ]
        # Of several, the subject next to the verb is the one that speaks.
        return min(subjects, key=lambda c: abs(c.i - verb.i), default=None)


def _governing_cue(inner: list[Token], ctx: _Context, phrase: bool) -> tuple[Token | None, bool]:
    """The speech verb nearest above the quoted words in the parse.

    When the quoted clause is itself the root, the parser hangs the attribution off it
    ("We have to walk," Trump said → "said" as a child): a speech verb among the
    children of the quoted words counts then. Quoted words reached through the verb's
    subject (or, for a phrase, through an adjunct) are not what it says: the second
    value tells that the nearest speech verb above them was reached only that way.
    """
    own = {t.i for t in inner}
    not_said = _NOT_SAID_PHRASE if phrase else _NOT_SAID
    above: list[tuple[int, int, Token]] = []
    below: list[tuple[int, int, Token]] = []
    blocked = False
    for token in inner:
        if token.head.i in own and token.head is not token:
            continue
        head, steps = token, 0
        while head.head is not head and steps < _MAX_CLIMB:
            below_head, head, steps = head, head.head, steps + 1
            if head.i not in own and ctx.is_cue(head):
                circumstance = below_head.dep_ == "prep" and below_head.lower_ in _CIRCUMSTANCE
                if below_head.dep_ not in not_said and not (phrase and circumstance):
                    above.append((steps, abs(head.i - token.i), head))
                else:
                    blocked = True
                break
        below.extend(
            (1, abs(c.i - token.i), c) for c in token.children if c.i not in own and ctx.is_cue(c)
        )
    candidates = above or below
    if not candidates:
        return None, blocked
    return min(candidates, key=lambda c: c[:2])[2], False


def _according_to(tokens: list[Token], ctx: _Context, near: int) -> _Attribution | None:
    found = []
    for token in tokens:
        if token.lower_ != "according" or ctx.quoted[token.i]:
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        speaker = ctx.speakers.of(pobj) if pobj is not None else None
        if speaker is not None:
            found.append((abs(token.i - near), _Attribution("according to", token.i, speaker)))
    return min(found, key=lambda f: f[0])[1] if found else None


def _scope(verb: Token) -> list[Token]:
    """The words that modify ``verb`` or a verb above it: an "according to" among them is
    whose account the verb's clause is."""
    chain = [verb, *verb.ancestors]
    return [c for v in chain for c in v.children]


def _cue_among(tokens: list[Token], ctx: _Context, near: int) -> _Attribution | None:
    """The speech verb nearest to token ``near`` whose speaker can be named."""
    for verb in sorted((t for t in tokens if ctx.is_cue(t)), key=lambda t: abs(t.i - near)):
        speaker = ctx.subject_speaker(verb)
        # "Asked point-blank, "Is it you?"": the nearest cue is passive, so the words are
        # put to someone; the one who answers next door did not say them.
        if speaker is not None or passive(verb):
            return _Attribution(verb.lemma_.lower(), verb.i, speaker)
    return None


def _neighbour(ctx: _Context, index: int, step: int, paragraph_only: bool) -> Any | None:
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


def _main_cue(sentence: Any, ctx: _Context) -> list[Token]:
    """The speech verbs of a sentence's main clause: the root, the verbs joined to it, and an
    attribution the parser hangs off a quoted clause ("X," he said). A speech verb in a
    subordinate clause ("the day he pledged loyalty, Trump ...") reports another statement
    and introduces no quotation next door."""
    root = sentence.root

    def main(t: Token) -> bool:
        return t.i == root.i or (t.dep_ == "conj" and t.head.i == root.i) or ctx.quoted[t.head.i]

    return [t for t in sentence if ctx.is_cue(t) and main(t)]


def _own_sentence(indexes: list[int], found: _Attribution, ctx: _Context) -> bool:
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


def _sentences_of(inner: list[Token], ctx: _Context) -> list[int]:
    """Indexes of the sentences holding the quoted words, and the attribution the parser
    splits off after a quote that ends a sentence ("Help!" he cried. / "... rates." he
    said.): a next sentence that starts in lower case goes on the same sentence."""
    indexes = sorted(
        {i for i, s in enumerate(ctx.sentences) for t in inner if s.start <= t.i < s.end}
    )
    after = _neighbour(ctx, indexes[-1], 1, paragraph_only=True)
    if after is not None and after[0].text[:1].islower():
        indexes.append(next(i for i, s in enumerate(ctx.sentences) if s.start == after.start))
    return indexes


def _attribute(
    inner: list[Token], ctx: _Context, adjacent: bool, phrase: bool
) -> _Attribution | None:
    """The cue and speaker of quoted words ``inner``; ``adjacent`` lets next-door sentences tell."""
    verb, blocked = _governing_cue(inner, ctx, phrase)
    if blocked:
        return None
    if verb is not None:
        # "According to the report, Dale told "senior officials" ...": the sentence is the
        # report's account, so a phrase quoted in it (a short one, or one without a verb) is
        # the report's wording; a whole quotation is still what the verb's subject said.
        wording = phrase or not any(t.pos_ in ("VERB", "AUX") for t in inner)
        source = _according_to(_scope(verb), ctx, inner[-1].i) if wording else None
        if source is not None:
            return source
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
            return _Attribution(asked.lemma_.lower(), asked.i, ctx.subject_speaker(asked))
        speaker = ctx.subject_speaker(verb)
        # A passive verb names its speaker in its agent or not at all; another verb of the
        # sentence has a different statement's speaker as subject.
        if speaker is not None or passive(verb):
            return _Attribution(verb.lemma_.lower(), verb.i, speaker)
    indexes = _sentences_of(inner, ctx)
    around = [t for i in indexes for t in ctx.sentences[i]]
    first, last = inner[0].i, inner[-1].i
    found = _according_to(around, ctx, last) or _cue_among(around, ctx, first)
    if found is None and adjacent:
        before = _neighbour(ctx, indexes[0], -1, paragraph_only=False)
        after = _neighbour(ctx, indexes[-1], 1, paragraph_only=True)
        if before is not None:
            found = _cue_among(_main_cue(before, ctx), ctx, first)
        if found is None and after is not None and not any(ctx.quoted[t.i] for t in after):
            found = _cue_among(_main_cue(after, ctx), ctx, last)
        if found is not None and not _own_sentence(indexes, found, ctx):
            found = None
    if found is None and verb is not None:
        found = _Attribution(verb.lemma_.lower(), verb.i, None)
    return found


def _title_cased(inner: list[Token]) -> bool:
    """Quoted words that name a work or a thing ("The Art of the Deal"), not speech."""
    alpha = [t for t in inner if t.is_alpha and t.lower_ not in _MINOR_WORDS]
    return bool(alpha) and all(t.text[:1].isupper() for t in alpha)


def _continues(previous: _Found, current: _Found, ctx: _Context) -> bool:
    """Whether ``current`` resumes ``previous`` after an attribution ("X," he said. "Y.")."""
    a, b = previous.attribution, current.attribution
    if a is None or b is None or a.verb != b.verb:
        return False
    if previous.stretch.last_paragraph != current.stretch.paragraph:
        return False
    verb_at = ctx.doc[a.verb].idx
    if not previous.stretch.end <= verb_at < current.stretch.start:
        return False
    gap = ctx.text[previous.stretch.end : current.stretch.start]
    return len(gap.split()) <= _MAX_INTERRUPTION


def _joined_text(segments: list[tuple[int, int]], ctx: _Context) -> str:
    """The quoted words of several pieces, each join marked " … ".

    A shown quotation must be the article's own words: "X," he said. "Y." is two pieces
    of one quotation, and gluing them ("X. Y.", or "X Y" when X ends without a stop)
    would put words and stops in the speaker's mouth that the article never printed.
    """
    return " … ".join(ctx.text[start:end] for start, end in segments)


def _occurrence(group: list[_Found], ctx: _Context) -> QuoteOccurrence:
    segments = [seg for found in group for seg in found.stretch.segments]
    start, end = segments[0][0], segments[-1][1]
    attribution = next((f.attribution for f in group if f.attribution), None)
    speaker = next(
        (f.attribution.speaker for f in group if f.attribution and f.attribution.speaker), None
    )
    words = sum(f.words for f in group)
    return QuoteOccurrence(
        article=ctx.article.id,
        start=start,
        end=end,
        text=_joined_text(segments, ctx),
        match="partial" if words <= FRAGMENT_WORDS else "single",
        speaker_text=speaker.text if speaker else None,
        cue=attribution.cue if attribution else None,
    )


def extract_quotes(article: Article) -> list[QuoteOccurrence]:
    """Every direct quotation in an annotated article, in text order."""
    if article.doc is None:
        raise ValueError(f"article {article.ref} is not annotated; run annotate() first")
    paragraphs = article.paragraphs or [article.span(0, len(article.text))]
    stretches = quoted_stretches(article.text, paragraphs)
    ctx = _Context(article, stretches)
    found: list[_Found] = []
    for stretch in stretches:
        inner = [t for t in ctx.tokens(stretch) if not (t.is_punct or t.is_space)]
        words = sum(1 for t in inner if any(c.isalnum() for c in t.text))
        if words == 0:
            continue
        # Phrases and titles need an attribution of their own; the sentence next door won't do.
        phrase = words <= FRAGMENT_WORDS or _title_cased(inner)
        attribution = (
            None
            if a_name(inner, ctx.quoted, ctx.speakers.entity)
            else _attribute(inner, ctx, not phrase, phrase)
        )
        if phrase and attribution is None:
            continue
        found.append(_Found(stretch, attribution, words))
    groups: list[list[_Found]] = []
    for item in found:
        if groups and _continues(groups[-1][-1], item, ctx):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [_occurrence(group, ctx) for group in groups]
