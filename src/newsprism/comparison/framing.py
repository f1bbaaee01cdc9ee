"""Framing: the words each outlet prefers for what the story is about.

Terms are scored with the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words"): each outlet's term counts
against all other outlets', with the story's pooled counts as the prior. The
z-score keeps a term used once by one outlet from outranking a term used
consistently, which raw frequency ratios would not.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsprism.model import Article, FramingTerm, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

# A term must be this many standard errors away from the other outlets' usage.
MIN_Z = 1.0
# ... and used more than once: one mention shows no choice of words. With a few short
# reports a word one outlet used once and the others never reaches one standard error,
# and a dozen such words per outlet were listed as "preferred".
MIN_COUNT = 2
MAX_TERMS = 12
# Determiners, pronouns and numbers say nothing about how an outlet frames things.
_SKIP_POS = {"DET", "PRON", "NUM", "PUNCT", "SPACE", "PART", "CCONJ", "ADP", "SYM", "X"}
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
_VALUE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def outlet_of(article: Article) -> str:
    return article.source or article.id


def _terms(article: Article) -> Iterator[tuple[str, int, int]]:
    """(term, start, end): noun phrases without determiners, and entity names."""
    doc = article.doc
    for chunk in doc.noun_chunks:
        tokens = [
            t
            for t in chunk
            if t.pos_ not in _SKIP_POS
            and not t.is_stop
            and t.ent_type_ not in _VALUE_LABELS
            and any(c.isalnum() for c in t.text)
            and not _honorific(t)
        ]
        # "North Korean leader Kim Jong Un": the descriptor is the framing, the name
        # is counted among the entities below.
        while tokens and tokens[-1].ent_type_ == "PERSON":
            tokens.pop()
        if not tokens or all(t.ent_type_ in _ENTITY_LABELS for t in tokens):
            continue
        term = " ".join(t.text if t.pos_ == "PROPN" else t.text.lower() for t in tokens)
        yield term, tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    for ent in doc.ents:
        if ent.label_ in _ENTITY_LABELS:
            tokens = [t for t in ent if t.pos_ != "DET"]
            if tokens:
                yield (
                    " ".join(t.text for t in tokens),
                    tokens[0].idx,
                    tokens[-1].idx + len(tokens[-1]),
                )


def _honorific(token: Token) -> bool:
    """ "Mr.", "Sen.", "Dr." before a name: a house style of address, not a framing."""
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return (
        token.text.endswith(".")
        and token.text[:1].isupper()
        and len(token.text) <= 5
        and nxt is not None
        and nxt.pos_ == "PROPN"
    )


def _z_scores(own: Counter[str], rest: Counter[str], prior: Counter[str]) -> dict[str, float]:
    n_own, n_rest, n_prior = sum(own.values()), sum(rest.values()), sum(prior.values())
    # Half a pseudo-count per distinct term (Jeffreys), spread by pooled frequency.
    alpha0 = 0.5 * len(prior)
    scores = {}
    for term, count in own.items():
        alpha = alpha0 * prior[term] / n_prior
        other = rest[term]
        delta = math.log((count + alpha) / (n_own + alpha0 - count - alpha)) - math.log(
            (other + alpha) / (n_rest + alpha0 - other - alpha)
        )
        variance = 1.0 / (count + alpha) + 1.0 / (other + alpha)
        scores[term] = delta / math.sqrt(variance)
    return scores


def frame(articles: Sequence[Article]) -> dict[str, list[FramingTerm]]:
    """Per outlet, the terms it uses markedly more than the other outlets, with evidence;
    an outlet none of whose terms stands out is left out."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    spans: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for article in articles:
        for term, start, end in _terms(article):
            counts[outlet_of(article)][term] += 1
            spans[outlet_of(article), term].append(article.span(start, end))
    if len(counts) < 2:
        return {}
    prior = sum(counts.values(), Counter())
    framing: dict[str, list[FramingTerm]] = {}
    for outlet, own in sorted(counts.items()):
        rest = prior - own
        scored = _z_scores(own, rest, prior)
        marked = [t for t in scored if scored[t] >= MIN_Z and own[t] >= MIN_COUNT]
        best = sorted(marked, key=lambda t: (-scored[t], t))[:MAX_TERMS]
        if best:
            framing[outlet] = [
                FramingTerm(term=t, score=round(scored[t], 3), count=own[t], spans=spans[outlet, t])
                for t in best
            ]
    return framing
