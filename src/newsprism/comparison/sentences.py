"""What alignment compares in each sentence of one article: its content words and entities,
its clause wording and quotations, what it tells happened and who did it, whose statement it is
and whether it states anything alone (`Sentences`, built once per article by
`sentence_features`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.comparison.anchors import eras, over_periods
from newsprism.comparison.claims import Claim, claims, measured
from newsprism.comparison.discrepancies import is_speech
from newsprism.comparison.happenings import Happening, told
from newsprism.comparison.leads import bodies, parties
from newsprism.comparison.voices import Voice, voices
from newsprism.comparison.wording import QUOTED_RUN, asked, inside_after, quotations_of, weighed
from newsprism.model import Article, Quote
from newsprism.nlp import EntityIndex, TimeValue, name_key, reference, resolve_times

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
# Verbs that frame a statement (who said it, that it was reported or asked) or carry no
# happening of their own: two sentences that share only one of them share no statement.
_FRAME_VERBS = frozenset(
    "say tell add write report state note claim announce ask answer reply respond explain "
    "describe call refer mention comment speak talk declare insist argue suggest know think "
    "believe want seem appear be have do make get go come take give put see show use become "
    "continue include accord follow mean remain keep".split()
)
# Words in a row that two outlets only share when one copies the other's clause (a
# quotation, a wire sentence), when a verb is among them; names run this long too.
SHARED_RUN = 5
# A sentence with fewer content words says too little to be matched with another ("she
# said.", "WHO SAID WHAT"); one with none (a stray quote mark the sentence splitter left
# alone) is no fact at all. Unless another outlet has the very same sentence.
MIN_CONCEPTS = 2
# A sentence of fewer words, or without a verb, is no statement of its own (a headline left
# in the text, a dateline, "Obama said."): it is not listed as an exclusive fact.
MIN_STATEMENT_WORDS = 4


@dataclass(frozen=True)
class Sentences:
    """What alignment compares in the sentences of one article, one entry per sentence."""

    concepts: list[frozenset[str]]
    clauses: list[frozenset[tuple[str, ...]]]  # runs of SHARED_RUN words holding a verb
    weighs: list[frozenset[tuple[str, ...]]]  # those of a claim the sentence only weighs
    framed: list[frozenset[tuple[str, ...]]]  # those whose verbs only say or help
    quoted: list[frozenset[tuple[str, ...]]]  # runs of QUOTED_RUN words with a verb, quoted
    quotations: list[frozenset[str]]  # whole quotations of at least QUOTED_RUN words
    runs: list[frozenset[tuple[str, ...]]]  # every run of QUOTED_RUN words
    texts: list[str]  # the wording, case and spacing aside
    statement: list[bool]  # long enough, and with a verb, to state something alone
    mains: list[frozenset[Happening]]  # what each sentence tells happened, and who did it
    bodies: list[frozenset[tuple[str, str]]]  # named bodies that act in what each tells
    parties: list[frozenset[tuple[str, str]]]  # who each tells acting, who acted on
    voices: list[Voice]  # whose statement each sentence is, when it names them
    claims: list[frozenset[Claim]]  # each main predicate with its participants
    values: list[frozenset[float]]  # the measures each gives in figures

    @property
    def lead(self) -> int | None:
        """The report's first statement: news writing puts the central happening there."""
        return next(
            (
                i
                for i, ok in enumerate(self.statement)
                if ok and len(self.concepts[i]) >= MIN_CONCEPTS
            ),
            None,
        )


def sentence_concepts(
    article: Article, entities: EntityIndex | None = None
) -> list[frozenset[str]]:
    """Content lemmas per sentence; entity mentions count as their canonical entity.

    The dateline ("WASHINGTON, June 5 (Xinhua) --") is not content: every report from one
    city by one agency shares it, and a sentence that is only a dateline is no fact.
    """
    doc = article.doc
    starts = [s.start for s in article.sentences]
    bags: list[set[str]] = [set() for _ in article.sentences]
    dateline_end = reference(article).dateline_end
    index = 0
    for token in doc:
        while index + 1 < len(starts) and token.idx >= starts[index + 1]:
            index += 1
        if not bags or token.is_stop or token.is_punct or token.pos_ not in _CONTENT_POS:
            continue
        if token.idx < dateline_end:
            continue
        entity = (
            entities.entity_at(article.id, token.idx, token.idx + len(token)) if entities else None
        )
        bags[index].add(f"@{entity.name}" if entity else name_key(token.lemma_))
    return [frozenset(b) for b in bags]


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def sentence_features(
    article: Article,
    entities: EntityIndex | None = None,
    quotes: Sequence[Quote] = (),
    times: list[TimeValue] | None = None,
) -> Sentences:
    """Concepts, clause wording, what it tells (and when), whose statement it is and whether
    each sentence is a statement; ``times`` are the article's resolved times."""
    concepts = sentence_concepts(article, entities)
    clauses, framed, quoted, quotations, runs, texts, statement, mains, acting, roles, said_how = (
        [] for _ in range(11)
    )
    weighs: list[frozenset[tuple[str, ...]]] = []
    values: list[frozenset[float]] = []
    anchor = reference(article)
    dateline_end = anchor.dateline_end
    times = resolve_times(article) if times is None else times
    for sentence in article.sentences:
        span = article.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        periods = over_periods(span, times) if span is not None else {}
        ages = eras(span, times, anchor.day) if span is not None else {}
        inside, flags = False, []
        for token in span or []:
            inside = inside_after(token.text, inside)
            flags.append(inside)
        kept = [
            (t, f)
            for t, f in zip(span or [], flags, strict=True)
            if not (t.is_punct or t.is_space or t.is_quote)
        ]
        tokens = [t for t, _ in kept]
        words = [t.lower_ for t in tokens]
        is_verb = [t.pos_ in {"VERB", "AUX"} for t in tokens]
        # Words of an open question ("declined to say whether his account was hacked")
        # assert nothing: another outlet's "my account was hacked" is not shared with them.
        # So do the words of a claim it only weighs ("rejected the landlord's claim that the
        # fire started …"), unless the other sentence weighs them too.
        open_ = asked(span)
        claim = weighed(span)
        asks = [t.i in open_ or t.i in claim for t in tokens]
        # Quoted words are one speaker's statement only where a verb other than "be" holds
        # them: around a copula, the same opening ("we're the ones who are …") frames two
        # different claims.
        tells = [v and t.lemma_.casefold() != "be" for t, v in zip(tokens, is_verb, strict=True)]
        clauses.append(
            frozenset(
                tuple(words[i : i + SHARED_RUN])
                for i in range(len(words) - SHARED_RUN + 1)
                if any(is_verb[i : i + SHARED_RUN]) and not any(asks[i : i + SHARED_RUN])
            )
        )
        weighs.append(
            frozenset(
                tuple(words[i : i + SHARED_RUN])
                for i in range(len(words) - SHARED_RUN + 1)
                if any(is_verb[i : i + SHARED_RUN])
                and all(t.i in claim for t in tokens[i : i + SHARED_RUN])
            )
        )
        # A clause shared through a verb of saying or an auxiliary alone is the frame of two
        # statements ("said the tax cuts would"), whatever each then says; "announced a
        # contribution of" tells an act.
        acts = [t.pos_ == "VERB" and not is_speech(t) for t in tokens]
        framed.append(
            frozenset(
                tuple(words[i : i + SHARED_RUN])
                for i in range(len(words) - SHARED_RUN + 1)
                if any(is_verb[i : i + SHARED_RUN])
                and not any(acts[i : i + SHARED_RUN])
                and not any(asks[i : i + SHARED_RUN])
            )
        )
        grams = [tuple(words[i : i + QUOTED_RUN]) for i in range(len(words) - QUOTED_RUN + 1)]
        runs.append(frozenset(g for i, g in enumerate(grams) if not any(asks[i : i + QUOTED_RUN])))
        quoted.append(
            frozenset(
                g
                for i, g in enumerate(grams)
                if all(f for _, f in kept[i : i + QUOTED_RUN]) and any(tells[i : i + QUOTED_RUN])
            )
        )
        quotations.append(quotations_of(words, [f for _, f in kept]))
        texts.append(" ".join(words))
        mains.append(told(span, article.id, entities, _FRAME_VERBS, periods, ages))
        acting.append(bodies(span, article.id, entities, dateline_end))
        roles.append(parties(span, article.id, entities, dateline_end))
        said_how.append(claims(span, article.id, entities, periods, ages))
        values.append(measured(span))
        # Words as a reader counts them ("it's" is one), not tokens.
        written = [w for w in sentence.text.split() if any(c.isalnum() for c in w)]
        statement.append(len(written) >= MIN_STATEMENT_WORDS and any(is_verb))
    said = voices(article, entities, quotes)
    return Sentences(
        concepts,
        clauses,
        weighs,
        framed,
        quoted,
        quotations,
        runs,
        texts,
        statement,
        mains,
        acting,
        roles,
        said,
        said_how,
        values,
    )
