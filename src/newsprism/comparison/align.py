"""The align stage: sentences of different articles that report the same thing become a fact.

Two sentences are linked when they state the same thing, not merely the same topic: their
embeddings are close *and* they share content (content words and entities) *and* they share
what happens (a verb other than one that only frames a statement, such as "said") or wording
(a clause: a run of words with a verb, as a copied wire sentence has; a quotation's words).
At paraphrase strength the content may be worded otherwise, but the claim must be one: what
happens, the wording, or the claim's participants (`claims`: "were Saudi citizens" / "were
Saudi nationals"); embeddings alone link the same man in the news and in a past campaign, or
two sentences of one speech. Words of an open question ("declined to say whether it was
hacked") are shared with no claim, nor are words of a claim one sentence only weighs
("rejected the landlord's claim that the fire started …") with the other's statement of it. Shared nouns alone link sentences about the same people
doing different things. Each sentence links to at most its best counterpart in every other article
(a weak link must be best both ways); linked sentences form a fact, which holds at most two
sentences of one article (strongest links first) and whose sentences of different articles
are all linked with each other (complete linkage: among many reports, chains of links would
otherwise join sentences that merely share a topic). A fact told by two or more outlets is
**consensus**, a sentence no other outlet matches is **exclusive** when it is a statement (a
headline, a dateline or "she said." left alone states nothing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsprism.comparison.claims import restate
from newsprism.comparison.happenings import (
    another_occasion,
    one_count,
    reacts,
)
from newsprism.comparison.leads import acted_on, other_bodies
from newsprism.comparison.sentences import MIN_CONCEPTS, Sentences, dice, sentence_features
from newsprism.model import Article, Fact, FactKind, Quote
from newsprism.nlp import EntityIndex, TimeValue, UnionFind
from newsprism.summary import uncut_end

# Cosine of MiniLM sentence embeddings. At PARAPHRASE two news sentences restate each other
# on their own; below it they must also share content (Dice of content words and entities)
# and what happens: sentences that are each other's best match need less content in common
# than a one-way best match.
PARAPHRASE = 0.8
MUTUAL = (0.5, 0.2)
ONE_WAY = (0.6, 0.25)
# Most sentences of one article in one fact.
PER_ARTICLE = 2


def quotes_words_of(a: Sentences, i: int, b: Sentences, j: int) -> bool:
    """Whether sentence ``i`` quotes words sentence ``j`` has too: three words with a verb
    other than "be" from a longer quotation, or a short quotation whole ("in their entirety"). A few
    words without a verb out of a longer quotation are a name or a topic ("the American
    people"), not the same words of the same speaker."""
    if a.quoted[i] & b.runs[j]:
        return True
    text = f" {b.texts[j]} "
    return any(f" {q} " in text for q in a.quotations[i])


def shared_clause(a: Sentences, i: int, b: Sentences, j: int) -> bool:
    """Whether the sentences share a clause that tells something, or a claim both only weigh
    ("belied the White House's insistence that it changed one word" / "contradict statements
    by the White House that it changed one word"). One framed by a verb of saying alone
    ("said the tax cuts would") counts only in sentences worded alike but for a few words (a
    copy that names another speaker, which the attribution finder weighs)."""
    shared = a.clauses[i] & b.clauses[j] | a.weighs[i] & b.weighs[j]
    if not shared:
        return False
    if shared - (a.framed[i] & b.framed[j]):
        return True
    return a.voices[i].worded_alike(b.voices[j])


def same_statement(cos: float, a: Sentences, i: int, b: Sentences, j: int, mutual: bool) -> bool:
    """Whether sentence ``i`` of one article and ``j`` of another state the same thing."""
    return bool(link_grounds(cos, a, i, b, j, mutual))


def link_grounds(
    cos: float, a: Sentences, i: int, b: Sentences, j: int, mutual: bool
) -> frozenset[str]:
    """On which grounds sentence ``i`` of one article and ``j`` of another state the same
    thing, none when they do not: the very same words, one count of one happening, the two
    leads, a shared clause, quoted words, one verb of one happening, one measured value, a
    paraphrase that keeps its claim's participants. Each ground is a path a link is made
    by, so links can be counted right and wrong per path."""
    if a.texts[i] and a.texts[i] == b.texts[j]:
        return frozenset({"same words"})
    if len(a.concepts[i]) < MIN_CONCEPTS or len(b.concepts[j]) < MIN_CONCEPTS:
        return frozenset()
    if one_count(a.mains[i], b.mains[j]):
        return frozenset({"one count"})
    paraphrase = cos >= PARAPHRASE
    # Who says it is part of what is said: below paraphrase strength (where only the speaker
    # differs, and which one said it is the question), two named speakers make two statements.
    if not paraphrase and a.voices[i].other_than(b.voices[j]):
        return frozenset()
    floor, needed = MUTUAL if mutual else ONE_WAY
    if not paraphrase and (cos < floor or dice(a.concepts[i], b.concepts[j]) < needed):
        return frozenset()
    # Two leads that are each other's best match tell the central happening, whatever verb
    # each outlet chose for it ("capsized" / "overturned"), unless two bodies of one kind
    # act in them ("the Senate committee" / "the House committee": two acts), one acts in a
    # lead and is acted on by another in the other ("the court weighed" / "the parties
    # urged the court"), or one lead tells another occasion: the other's happening only as
    # the time of its own ("When X announced …, …"), or a further one ("released
    # additional video").
    leads = (
        mutual
        and i == a.lead
        and j == b.lead
        and not other_bodies(a.bodies[i], b.bodies[j])
        and not acted_on(a.parties[i], b.parties[j])
        and not another_occasion(a.mains[i], b.mains[j])
    )
    # A clause or a quotation both carry is a shared statement only in sentences that are
    # about the same thing at all: one outlet quoting a phrase to answer it, or naming a
    # group in passing, shares the words and says something else.
    # The same participants given the same measured value ("The CPI climbed 4.2 percent" /
    # "The CPI rose 4.2%") state one thing, whatever verb each outlet picks for the change.
    met = {
        "leads": leads,
        "clause": shared_clause(a, i, b, j),
        "quoted words": quotes_words_of(a, i, b, j) or quotes_words_of(b, j, a, i),
        "one verb": tell_one_happening(a, i, b, j),
        "value": bool(a.values[i] & b.values[j] and restate(a.claims[i], b.claims[j])),
    }
    # Embeddings alone say the same topic in the same register ("X announced Tuesday he'll
    # run" / "X ran in 2008"): a paraphrase also keeps the claim's participants.
    if paraphrase and restate(a.claims[i], b.claims[j]):
        met["paraphrase"] = True
    return frozenset(ground for ground, ok in met.items() if ok)


def tell_one_happening(a: Sentences, i: int, b: Sentences, j: int) -> bool:
    """Whether the two sentences tell one happening: a main predicate of each is one verb
    with no two different entities doing or undergoing it, nor other common nouns in both
    roles, not told as a possibility by one and its denial by the other, and neither
    sentence only mentions it on the way to a named someone's reaction to it."""
    return any(
        x.same_as(y)
        and x.same_mood(y)
        and not x.others_in_both_roles(y)
        and not reacts(a.mains[i], x, y)
        and not reacts(b.mains[j], y, x)
        for x in a.mains[i]
        for y in b.mains[j]
    )


def links(
    articles: Sequence[Article], features: list[Sentences]
) -> list[tuple[tuple[int, int], tuple[int, int], float]]:
    """(sentence, sentence, score) pairs across articles that report the same thing."""
    found = []
    for a in range(len(articles)):
        for b in range(a + 1, len(articles)):
            ea, eb = articles[a].embeddings, articles[b].embeddings
            if ea is None or eb is None or not len(ea) or not len(eb):
                continue
            similarity = ea @ eb.T
            # Too short to match: no one's best counterpart either, unless word for word.
            short_a = [len(c) < MIN_CONCEPTS for c in features[a].concepts]
            short_b = [len(c) < MIN_CONCEPTS for c in features[b].concepts]
            similarity[short_a, :] = -1.0
            similarity[:, short_b] = -1.0
            pairs = _best_pairs(similarity)
            pairs.update(_verbatim(features[a], features[b], short_a, short_b))
            for pair, mutual in _counts(features[a], features[b], short_a, short_b).items():
                pairs.setdefault(pair, mutual)
            for (i, j), mutual in pairs.items():
                cos = max(float(similarity[i, j]), 0.0)
                if same_statement(cos, features[a], i, features[b], j, mutual):
                    found.append(((a, i), (b, j), cos if cos > 0 else 1.0))
    return found


def _verbatim(
    a: Sentences, b: Sentences, short_a: list[bool], short_b: list[bool]
) -> dict[tuple[int, int], bool]:
    """Statements of few content words two outlets word identically ("He has the money."):
    one statement. An exclamation or a two-word tail ("Wow!", "she said.") is no statement
    to share; it is not listed as a fact at all."""
    where = {t: j for j, t in enumerate(b.texts) if short_b[j] and b.statement[j] and t}
    return {
        (i, where[t]): True
        for i, t in enumerate(a.texts)
        if short_a[i] and a.statement[i] and t in where
    }


def _counts(
    a: Sentences, b: Sentences, short_a: list[bool], short_b: list[bool]
) -> dict[tuple[int, int], bool]:
    """Sentences that count who or what takes part in one happening, however far apart
    their wording ("12 people were injured" / "injuring a dozen")."""
    return {
        (i, j): False
        for i in range(len(a.mains))
        for j in range(len(b.mains))
        if not short_a[i] and not short_b[j] and one_count(a.mains[i], b.mains[j])
    }


def _all_alike(
    articles: Sequence[Article],
    features: list[Sentences],
    left: list[tuple[int, int]],
    right: list[tuple[int, int]],
) -> bool:
    """Whether every sentence of one would-be fact states the same thing as every sentence
    of the other from another article."""
    for a, i in left:
        for b, j in right:
            ea, eb = articles[a].embeddings, articles[b].embeddings
            if a == b or ea is None or eb is None:
                continue
            cos = float(ea[i] @ eb[j])
            if not same_statement(cos, features[a], i, features[b], j, mutual=True):
                return False
    return True


def _best_pairs(similarity: np.ndarray) -> dict[tuple[int, int], bool]:
    """Each sentence with its most similar sentence of the other article; True if mutual."""
    rows = {(i, int(similarity[i].argmax())) for i in range(similarity.shape[0])}
    cols = {(int(similarity[:, j].argmax()), j) for j in range(similarity.shape[1])}
    return {pair: pair in rows and pair in cols for pair in rows | cols}


def align_facts(
    articles: Sequence[Article],
    entities: EntityIndex | None = None,
    quotes: Sequence[Quote] = (),
    times: dict[str, list[TimeValue]] | None = None,
) -> list[Fact]:
    """Consensus facts (several outlets) first, then exclusive ones, each in text order;
    ``quotes`` tell whose words a sentence holds, ``times`` (by article id) when."""
    features = [
        sentence_features(a, entities, quotes, times.get(a.id) if times else None) for a in articles
    ]
    sets: UnionFind[tuple[int, int]] = UnionFind()
    # Strongest links first; a union that would give one fact more than `PER_ARTICLE`
    # sentences of one article is refused: among many reports, links chain one topic's
    # sentences into one "fact" otherwise, while an outlet states one thing once, or twice
    # (the lead and a quote that says it again).
    sizes: dict[tuple[int, int], Counter[int]] = {}
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    joined: set[tuple[int, int]] = set()
    for left, right, _ in sorted(links(articles, features), key=lambda link: -link[2]):
        a, b = sets.find(left), sets.find(right)
        if a == b:
            continue
        merged = sizes.get(a, Counter({a[0]: 1})) + sizes.get(b, Counter({b[0]: 1}))
        if max(merged.values()) > PER_ARTICLE:
            continue
        ma, mb = members.get(a, [a]), members.get(b, [b])
        if len(ma) + len(mb) > 2 and not _all_alike(articles, features, ma, mb):
            continue
        sets.union(a, b)
        sizes[b] = merged
        members[b] = ma + mb
        joined.update((left, right))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for n, article in enumerate(articles):
        for i in range(len(article.sentences)):
            if features[n].concepts[i] or (n, i) in joined:
                groups.setdefault(sets.find((n, i)), []).append((n, i))
    facts = []
    for group in groups.values():
        group.sort()
        outlets = {articles[a].source or articles[a].id for a, _ in group}
        kind: FactKind = "consensus" if len(outlets) > 1 else "exclusive"
        ends = {(a, i): articles[a].sentences[i].end for a, i in group}
        if kind == "exclusive":
            # Sentences of one outlet alone: only those that state something are facts, and
            # of a sentence its source cut off ("…"), only the whole clause opening it.
            cut = {(a, i): uncut_end(articles[a], i) for a, i in group if features[a].statement[i]}
            ends = {pair: end for pair, end in cut.items() if end is not None}
            group = [pair for pair in group if pair in ends]
            if not group:
                continue
        ids = list(dict.fromkeys(articles[a].id for a, _ in group))
        spans = [articles[a].span(articles[a].sentences[i].start, ends[a, i]) for a, i in group]
        facts.append((group[0], Fact(kind=kind, articles=ids, sentences=spans)))
    facts.sort(key=lambda item: (item[1].kind != "consensus", item[0]))
    return [fact for _, fact in facts]
