"""The align stage: sentences of different articles that report the same thing become a fact.

Two sentences are linked when their embeddings are close *and* they share content:
embeddings alone link sentences that are merely on the same topic, shared words alone
miss paraphrases. Each sentence links to at most its best counterpart in every other
article (a weak link must be best both ways); linked sentences form a fact, which holds at
most two sentences of one article (strongest links first) and whose sentences of different
articles are all at least loosely alike (complete linkage: among many reports, chains of
links would otherwise join sentences that merely share a topic). A fact told by two or more
outlets is **consensus**, a sentence no other outlet matches is **exclusive**. Inside a consensus
fact, a named detail that no other outlet mentions anywhere (a place, a name) is an
exclusive fact of its own, its span the phrase that carries it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.model import Article, Fact
from newsprism.nlp.entities import EntityIndex
from newsprism.nlp.gazetteer import name_key
from newsprism.nlp.temporal import reference

# Cosine of MiniLM sentence embeddings. At STRONG two news sentences are paraphrases on
# their own; below it they must also share content (Dice of content words and entities):
# sentences that are each other's best match need less evidence than a one-way best match.
STRONG = 0.75
MUTUAL = (0.5, 0.2)
ONE_WAY = (0.6, 0.25)
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
# Most sentences of one article in one fact.
PER_ARTICLE = 2
# A sentence with fewer content words says too little to be matched with another ("she
# said.", "WHO SAID WHAT"); one with none (a stray quote mark the sentence splitter left
# alone) is no fact at all.
MIN_CONCEPTS = 2


@dataclass(frozen=True)
class Unit:
    """One sentence of one article, with what alignment compares."""

    article: int
    sentence: int
    concepts: frozenset[str]


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


def links(
    articles: Sequence[Article], concepts: list[list[frozenset[str]]]
) -> list[tuple[tuple[int, int], tuple[int, int], float]]:
    """(sentence, sentence, score) pairs across articles that report the same thing."""
    found = []
    for a in range(len(articles)):
        for b in range(a + 1, len(articles)):
            ea, eb = articles[a].embeddings, articles[b].embeddings
            if ea is None or eb is None or not len(ea) or not len(eb):
                continue
            similarity = ea @ eb.T
            # Too short to match: no one's best counterpart either.
            short_a = [len(c) < MIN_CONCEPTS for c in concepts[a]]
            short_b = [len(c) < MIN_CONCEPTS for c in concepts[b]]
            similarity[short_a, :] = -1.0
            similarity[:, short_b] = -1.0
            for (i, j), mutual in _best_pairs(similarity).items():
                if short_a[i] or short_b[j]:
                    continue
                cos = float(similarity[i, j])
                overlap = dice(concepts[a][i], concepts[b][j])
                floor, needed = MUTUAL if mutual else ONE_WAY
                if cos >= STRONG or (cos >= floor and overlap >= needed):
                    found.append(((a, i), (b, j), cos))
    return found


def _least_similarity(
    articles: Sequence[Article], left: list[tuple[int, int]], right: list[tuple[int, int]]
) -> float:
    """The lowest cosine between sentences of two would-be facts, across articles."""
    least = 1.0
    for a, i in left:
        for b, j in right:
            ea, eb = articles[a].embeddings, articles[b].embeddings
            if a != b and ea is not None and eb is not None:
                least = min(least, float(ea[i] @ eb[j]))
    return least


def _best_pairs(similarity: np.ndarray) -> dict[tuple[int, int], bool]:
    """Each sentence with its most similar sentence of the other article; True if mutual."""
    rows = {(i, int(similarity[i].argmax())) for i in range(similarity.shape[0])}
    cols = {(int(similarity[:, j].argmax()), j) for j in range(similarity.shape[1])}
    return {pair: pair in rows and pair in cols for pair in rows | cols}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w.'-]+", text.casefold()))


def _detail_phrase(chunk: Any) -> tuple[int, int]:
    """The phrase a noun chunk anchors: "at the Sofitel … Hotel in Hanoi", not just the noun."""
    head = chunk.root.head
    if chunk.root.dep_ == "pobj" and head.dep_ == "prep":
        tokens = list(head.subtree)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return chunk.start_char, chunk.end_char


def exclusive_details(
    articles: Sequence[Article], members: list[tuple[int, int]], entities: EntityIndex
) -> list[Fact]:
    """Named details of one consensus fact that only one outlet reports."""
    details = []
    for a, i in members:
        article = articles[a]
        sentence = article.sentences[i]
        others = {w for o in articles if o.source != article.source for w in _words(o.text)}
        span = article.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        for chunk in span.noun_chunks if span is not None else []:
            # A capital at the start of a sentence does not make a word a name.
            names = [t for t in chunk if t.pos_ == "PROPN" and not t.is_sent_start]
            if not names:
                continue
            known = [entities.entity_at(article.id, t.idx, t.idx + len(t)) for t in names]
            if any(e is not None and len(e.mentions) > 1 for e in known):
                continue
            if any(t.text.casefold() in others for t in names):
                continue
            start, end = _detail_phrase(chunk)
            details.append(
                Fact(kind="exclusive", articles=[article.id], sentences=[article.span(start, end)])
            )
    return details


def align_facts(articles: Sequence[Article], entities: EntityIndex | None = None) -> list[Fact]:
    """Consensus facts (several outlets) first, then exclusive ones, each in text order."""
    concepts = [sentence_concepts(a, entities) for a in articles]
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    # Strongest links first; a union that would give one fact more than `PER_ARTICLE`
    # sentences of one article is refused: among many reports, links chain one topic's
    # sentences into one "fact" otherwise, while an outlet states one thing once, or twice
    # (the lead and a quote that says it again).
    sizes: dict[tuple[int, int], Counter[int]] = {}
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for left, right, _ in sorted(links(articles, concepts), key=lambda link: -link[2]):
        a, b = root(left), root(right)
        if a == b:
            continue
        merged = sizes.get(a, Counter({a[0]: 1})) + sizes.get(b, Counter({b[0]: 1}))
        if max(merged.values()) > PER_ARTICLE:
            continue
        ma, mb = members.get(a, [a]), members.get(b, [b])
        if len(ma) + len(mb) > 2 and _least_similarity(articles, ma, mb) < MUTUAL[0]:
            continue
        parent[a] = b
        sizes[b] = merged
        members[b] = ma + mb
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for a, article in enumerate(articles):
        for i in range(len(article.sentences)):
            if concepts[a][i]:
                groups.setdefault(root((a, i)), []).append((a, i))
    facts = []
    for members in groups.values():
        members.sort()
        outlets = {articles[a].source or articles[a].id for a, _ in members}
        ids = list(dict.fromkeys(articles[a].id for a, _ in members))
        spans = [
            articles[a].span(articles[a].sentences[i].start, articles[a].sentences[i].end)
            for a, i in members
        ]
        kind = "consensus" if len(outlets) > 1 else "exclusive"
        facts.append((members[0], Fact(kind=kind, articles=ids, sentences=spans)))
        if kind == "consensus" and entities is not None:
            facts.extend((members[0], d) for d in exclusive_details(articles, members, entities))
    facts.sort(key=lambda item: (item[1].kind != "consensus", item[0]))
    return [fact for _, fact in facts]
