"""Cues that tell who says quoted words besides the speech verb above them in the parse: a
source the sentence is told by, the speech verbs of a sentence, a colon and the clause it
ends, a copula that sets the words equal to what someone said, the line that signs a
quotation set as its own paragraph, and a credit the text cuts off before its verb."""

from __future__ import annotations

from typing import Any

from newsprism.comparison.quotes.context import Attribution, Context
from newsprism.comparison.quotes.grammar import passive, tops
from newsprism.comparison.quotes.marks import MARK_CHARACTERS
from newsprism.comparison.quotes.names import Speaker, issuer

Token = Any

_DASHES = ("—", "–", "―", "--", "-")


def according_to(tokens: list[Token], ctx: Context, inner: list[Token]) -> Attribution | None:
    """The source a sentence is told by: "according to X", or "in the words of X". Quoted
    words inside that phrase ("according to passages of "Peril"") name the source, and
    are not what it says; words set beside the source's name are (the parser may hang
    "according to one aide, "…"" there)."""
    found = []
    near = inner[-1].i
    words = {t.i for t in tops(inner) if t.dep_ != "appos"}
    for token in tokens:
        if ctx.quoted[token.i]:
            continue
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
        elif token.lower_ == "words" and token.head.lower_ == "in":
            to = next((c for c in token.children if c.lower_ == "of"), None)
        else:
            continue
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if pobj is None or any(t.i in words for t in pobj.subtree):
            continue
        speaker = ctx.speakers.of(pobj)
        if speaker is not None:
            found.append((abs(token.i - near), Attribution("according to", token.i, speaker)))
    return min(found, key=lambda f: f[0])[1] if found else None


def cue_among(tokens: list[Token], ctx: Context, near: int) -> Attribution | None:
    """The speech verb nearest to token ``near`` whose speaker can be named."""
    for verb in sorted((t for t in tokens if ctx.is_cue(t)), key=lambda t: abs(t.i - near)):
        speaker = ctx.subject_speaker(verb)
        # "Asked point-blank, "Is it you?"": the nearest cue is passive, so the words are
        # put to someone; the one who answers next door did not say them.
        if speaker is not None or passive(verb):
            return Attribution(ctx.lemma(verb), verb.i, speaker)
    return None


def after_colon(inner: list[Token], ctx: Context) -> Attribution | None:
    """Who a colon hands the words to: a speech verb before it, else the subject of the
    clause the colon ends, when it names someone ("Ford pressed her: "So you deny it?"", "Mrs Keane was blunt: "..."",
    or a bare name: "Ruiz: "Nobody is above the law""). A thing before the colon ("The sign
    read: "Closed"") credits no one."""
    colon = ctx.doc[inner[0].i - 1] if inner[0].i > 0 else None
    while colon is not None and colon.is_punct and ctx.quoted[colon.i] and colon.i > 0:
        colon = ctx.doc[colon.i - 1]
    if colon is None or colon.text != ":" or ctx.quoted[colon.i]:
        return None
    # A speech verb before the colon says the words ("read from a letter written by a
    # constituent: "..."").
    said = cue_among([t for t in colon.sent if t.i < colon.i], ctx, colon.i)
    if said is not None:
        return said
    # "read from a letter sent by a constituent:": the document's sender wrote the words.
    for token in (t for t in colon.sent if t.i < colon.i and not ctx.quoted[t.i]):
        source = issuer(token) if token.dep_ == "pobj" and token.head.lower_ == "from" else None
        if source is None:
            continue
        speaker = ctx.speakers.of(source)
        if speaker is not None:
            return Attribution("read", source.i, speaker)
    # The clause the colon ends: the word before it whose head lies beyond it (the parser
    # may hang the colon, and that clause, on the quoted words).
    before = [t for t in colon.sent if t.i < colon.i]
    lead = next(
        (t for t in reversed(before) if t.head.i == t.i or not before[0].i <= t.head.i < colon.i),
        None,
    )
    if lead is None or ctx.quoted[lead.i]:
        return None
    subject = next((c for c in lead.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # A headline's "Kline: "..."": a lone proper noun opening its paragraph is who speaks.
    alone = len(before) == 1 and _opens_paragraph(lead, ctx) and lead.pos_ == "PROPN"
    if subject is None and len(before) == 1:
        subject = lead
    # "Brennan's response was blunt:": whose response it is speaks.
    owner = next((c for c in subject.children if c.dep_ == "poss"), None) if subject else None
    if subject is not None and not ctx.speakers.someone(subject) and owner is not None:
        subject = owner if ctx.speakers.someone(owner) else subject
    if subject is None or ctx.quoted[subject.i]:
        return None
    if not (ctx.speakers.someone(subject) or (alone and subject.i == lead.i)):
        return None
    speaker = ctx.speakers.of(subject)
    return Attribution(lead.lemma_.lower(), lead.i, speaker) if speaker else None


def _opens_paragraph(token: Token, ctx: Context) -> bool:
    return any(p.start == token.idx for p in ctx.article.paragraphs) or token.i == 0


def equated_cue(inner: list[Token], ctx: Context) -> Token | None:
    """The speech verb a copula sets the quoted words equal to: ""Solid and deep" is how
    Birch described the record", "What Lowe called the bridge was "sturdy"". The words
    are what that verb says, though no speech verb governs them in the parse."""
    for top in tops(inner):
        below, copula = top, top.head
        # Wire copy's ``marks'' may come between the words and their verb in the parse.
        while copula.pos_ == "PUNCT" and ctx.quoted[copula.i] and copula.head.i != copula.i:
            below, copula = copula, copula.head
        role = below.dep_ in ("nsubj", "csubj", "attr", "acomp") or below.i != top.i
        if copula.lemma_ != "be" or not role:
            continue
        for clause in copula.children:
            if clause.i == top.i or clause.dep_ not in ("ccomp", "csubj", "attr", "advcl"):
                continue
            wh = any(c.tag_ in ("WRB", "WP") for c in clause.children)
            if wh and ctx.is_cue(clause):
                return clause
    return None


def signed(inner: list[Token], ctx: Context) -> Attribution | None:
    """The name on the line that signs a quotation set as a paragraph of its own, as pull
    quotes and quoted posts are ("..." / "— Sen. Tom Cotton (R-Ark.), in a tweet")."""
    paragraphs = ctx.article.paragraphs
    here = next((i for i, p in enumerate(paragraphs) if p.start <= inner[-1].idx < p.end), None)
    if here is None:
        return None
    paragraph = paragraphs[here]
    own = ctx.tokens_between(paragraph.start, paragraph.end)
    # An embedded post signs itself on its own line ("..." / "— Sen. X") or in the same
    # paragraph, right after the closing mark (""..." — Mayor X (@handle) June 4, 2020").
    close = inner[-1].i + 1
    while close < len(ctx.doc) and ctx.quoted[close] and ctx.doc[close].is_punct:
        close += 1
    first = own[0].i if own else inner[0].i
    before = [t for t in ctx.doc[first : inner[0].i] if not (t.is_punct or t.is_space)]
    after = ctx.text[ctx.doc[close].idx : paragraph.end] if close < len(ctx.doc) else ""
    if not before and any(q for q in ctx.quoted[first:close]) and after.startswith(_DASHES):
        start, end = ctx.doc[close].idx, paragraph.end
    else:
        if here + 1 >= len(paragraphs):
            return None
        line = paragraphs[here + 1]
        if any(not ctx.quoted[t.i] and not (t.is_punct or t.is_space) for t in own):
            return None
        if not ctx.text[line.start : line.end].lstrip().startswith(_DASHES):
            return None
        start, end = line.start, line.end
    words = [t for t in ctx.tokens_between(start, end) if not (t.is_punct or t.is_space)]
    # The person the line names, before the body they speak for ("— RNC Chair Ronna Dale").
    people = [t for t in words[:8] if t.ent_type_ == "PERSON" or ctx.speakers.titled(t)]
    name = next(iter(people), None) or next((t for t in words[:8] if ctx.speakers.someone(t)), None)
    if name is None:
        return None
    speaker = ctx.speakers.of(name)
    return Attribution("signed", name.i, speaker) if speaker is not None else None


def cut_credit(inner: list[Token], ctx: Context) -> Attribution | None:
    """ "“The Board has upheld the ban,” the Board...": a quotation closed on a comma, then
    the words the text ends in, with no verb among them — a credit an excerpt cut before
    its verb. Who it names or describes said the words."""
    end = inner[-1].idx + len(inner[-1].text)
    after = [t for t in ctx.doc[inner[-1].i + 1 :] if not (t.is_punct or t.is_space)]
    if not after or ctx.text[end : after[0].idx].strip(" \n" + MARK_CHARACTERS) != ",":
        return None
    if any(t.pos_ in ("VERB", "AUX") or ctx.quoted[t.i] for t in after):
        return None
    # The head of the words ("Treasury Secretary Jo Roe" is Roe), which the tagger may take
    # for an adjective when it is a surname standing alone.
    own = {t.i for t in after}
    name = next((t for t in after if t.head.i == t.i or t.head.i not in own), None)
    if name is None or not (name.pos_ in ("PROPN", "NOUN") or ctx.speakers.someone(name)):
        return None
    speaker = ctx.speakers.of(name)
    return Attribution("cut", name.i, speaker) if speaker is not None else None


def as_said(sentence: Any, ctx: Context) -> Attribution | None:
    """ "Judges are umpires, as Ann Roe once said, and they call "balls and strikes"": a
    speech verb brought in by "as", saying nothing of its own ("as X said", "as X put
    it"), set off as an aside (by a comma, or opening the sentence), credits the
    sentence's words to whoever it names; "stood watch as he spoke" tells when."""
    for verb in sentence:
        said = ctx.is_cue(verb) or (verb.lemma_ == "put" and not ctx.quoted[verb.i])
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        if not said or mark is None:
            continue
        last = verb.right_edge.i + 1
        aside = mark.i == sentence.start or ctx.doc[mark.i - 1].text == ","
        if not (aside or (last < len(ctx.doc) and ctx.doc[last].text == ",")):
            continue
        own = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
        if any(c.lower_ != "it" for c in own) or (verb.lemma_ == "put" and not own):
            continue
        speaker = ctx.subject_speaker(verb)
        if speaker is not None and named(speaker, ctx):
            return Attribution(verb.lemma_.lower(), verb.i, speaker, "as said")
    return None


def named(speaker: Speaker, ctx: Context) -> bool:
    """Whether a speaker is given by a name, not only by a role or a description."""
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span
    )
