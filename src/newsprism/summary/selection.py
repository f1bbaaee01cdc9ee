"""Choosing sentences under the word budget, without saying anything twice, and ordering them.

Greedy maximization of the concepts covered (`newsprism.summary.concepts`), each
candidate judged by what it adds per word: the weight of the concepts it would newly
cover, times its sentence score, divided by its length. This is the cost-scaled greedy
algorithm for budgeted coverage (Khuller et al.; Lin and Bilmes): covering a concept
twice earns nothing, so redundancy is penalized by the objective itself, and a short
sentence that says as much as a long one wins. Two more guards: no two sentences that are
redundant (`redundancy_bar`: a paraphrase with other words covers other bigrams), and
diminishing returns per article — the k-th sentence taken from one article counts 1/k — so
that the summary draws on every outlet rather than retelling one report. A sentence that
opens with a word pointing back ("This", "Such", "Also") counts half: it reads well only
after its antecedent. A filler (a whole sentence's opening clause) is taken only when no
whole or compressed sentence of positive value fits the words left.

When the budget holds a large share of the candidates (a few short reports), the choice is
made exactly instead (`newsprism.summary.exact`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np

from newsprism.model import Article
from newsprism.summary.candidates import MIN_WORDS, Candidate
from newsprism.summary.exact import DANGLING, EXACT_SHARE, Choice, exact_select, pool_words

# Two sentences are redundant when their cosine similarity is this share of the way from
# the similarity typical of the set's reports to identity (`redundancy_bar`).
REDUNDANT = 0.62


@dataclass
class Selection:
    """The chosen candidates, and whether the content ran out before the budget did."""

    chosen: list[int]
    words: int
    exhausted: bool


def _gain(concepts: frozenset[str], covered: set[str], weights: dict[str, float]) -> float:
    # fsum: the same sum whatever the set's iteration order, so runs are reproducible.
    return math.fsum(weights.get(c, 0.0) for c in concepts if c not in covered)


def background(candidates: Sequence[Candidate], vectors: np.ndarray) -> float:
    """The median cosine similarity of two candidate sentences of different articles: what
    any two sentences about this event share (one article: its own sentences)."""
    # One vector per sentence: the forms of a sentence share their sentence's vector.
    first = {(c.article, c.index): i for i, c in reversed(list(enumerate(candidates)))}
    rows = sorted(first.values())
    owners = np.array([candidates[i].article for i in rows])
    similarity = vectors[rows] @ vectors[rows].T
    apart = owners[:, None] != owners[None, :]
    if not apart.any():
        apart = ~np.eye(len(rows), dtype=bool)
    return max(float(np.median(similarity[apart])), 0.0) if apart.any() else 0.0


def redundancy_bar(candidates: Sequence[Candidate], vectors: np.ndarray) -> float:
    """The cosine similarity above which two candidates say the same thing.

    Similarity is judged against the background of the set (`background`). Ten articles on
    a topic followed for weeks share little (a median near 0.2), and a fixed bar of 0.7 then
    marks paraphrases; three excerpts that all open on the same event share much (near
    0.45), and the same bar would take each outlet's own telling of it, with its own
    details, for a repeat. So the bar sits `REDUNDANT` of the way from that median to 1.
    """
    shared = background(candidates, vectors)
    return shared + REDUNDANT * (1.0 - shared)


def _apart(
    candidates: Sequence[Candidate],
    vectors: np.ndarray,
    told: Sequence[frozenset[int]],
) -> Callable[[int, int], bool]:
    """Whether two candidates may both be in the summary: other sentences, not redundant
    (`redundancy_bar`), not two tellings of one compared fact."""
    redundant = redundancy_bar(candidates, vectors)

    def apart(i: int, j: int) -> bool:
        a, b = candidates[i], candidates[j]
        return (
            (a.article, a.index) != (b.article, b.index)
            and float(vectors[i] @ vectors[j]) < redundant
            and not (told and told[i] & told[j])
        )

    return apart


def select(
    candidates: Sequence[Candidate],
    vectors: np.ndarray,
    score: np.ndarray,
    concepts: Sequence[frozenset[str]],
    weights: dict[str, float],
    max_words: int,
    told: Sequence[frozenset[int]] = (),
) -> Selection:
    """The candidates to use: chosen exactly when the budget holds a large share of them,
    otherwise best value per word first (see the module doc).

    ``told`` gives, per candidate, the facts of a comparison its sentence belongs to: the
    sentences of one fact are its outlets' tellings of one thing, so once one is chosen the
    others are redundant whatever their similarity.
    """
    score = score / max(float(score.max()), 1e-12)
    apart = _apart(candidates, vectors, told)
    choice = Choice(candidates, score, concepts, weights, max_words, apart)
    if max_words >= EXACT_SHARE * pool_words(candidates):
        picked = exact_select(choice)
        if picked is not None:
            said = set().union(*(concepts[i] for i in picked))
            used = sum(candidates[i].words for i in picked)
            # Out of content, not of words, when no sentence that may join adds a concept.
            left = any(
                score[i] > 0
                and _gain(concepts[i], said, weights) > 0
                and all(apart(i, j) for j in picked)
                for i in range(len(candidates))
                if i not in picked
            )
            return Selection(picked, used, not left and max_words - used >= MIN_WORDS)
    return select_greedily(choice)


def select_greedily(choice: Choice) -> Selection:
    """Best value per word first, fillers last (see the module doc)."""
    candidates, concepts, weights = choice.candidates, choice.concepts, choice.weights
    covered: set[str] = set()
    taken: dict[int, int] = {}  # sentences taken per article
    chosen: list[int] = []
    used = 0
    open_ = [i for i in range(len(candidates)) if choice.score[i] > 0]
    # What each open candidate would newly cover: it changes only when a chosen sentence
    # covers one of its concepts, so it is summed again only then (the same fsum).
    gains = {i: _gain(concepts[i], covered, weights) for i in open_}
    filling = False  # whether fillers may be taken
    while True:
        best, best_value, left = None, 0.0, False
        for i in open_:
            c = candidates[i]
            if c.filler and not filling:
                continue
            value = gains[i] * choice.score[i] / c.words
            value /= 1 + taken.get(c.article, 0)
            value *= DANGLING if c.dangling else 1.0
            left = left or value > 0
            if value > best_value and used + c.words <= choice.max_words:
                best, best_value = i, value
        if best is None and not filling:
            filling = True
            continue
        if best is None:
            # Out of content, not of words, when nothing worth adding is left at all.
            return Selection(chosen, used, not left and choice.max_words - used >= MIN_WORDS)
        pick = candidates[best]
        chosen.append(best)
        used += pick.words
        newly = concepts[best] - covered
        covered |= newly
        taken[pick.article] = taken.get(pick.article, 0) + 1
        open_ = [i for i in open_ if choice.apart(i, best)]
        for i in open_:
            if not newly.isdisjoint(concepts[i]):
                gains[i] = _gain(concepts[i], covered, weights)


def _utc_day(when: datetime) -> date:
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC).date()


def _days(articles: Sequence[Article]) -> list[date]:
    """Each article's day of publication (UTC); an undated one is read with the day most of
    the dated ones share, not before all of them."""
    dated = [_utc_day(a.published) if a.published else None for a in articles]
    known = Counter(d for d in dated if d is not None)
    usual = min(known, key=lambda d: (-known[d], d)) if known else date.min
    return [d or usual for d in dated]


def in_reading_order(
    chosen: list[int], candidates: Sequence[Candidate], articles: Sequence[Article]
) -> list[int]:
    """The chosen sentences day by day and, within a day, by how near the top of its report
    each stands: reports of one day tell one state of the news, each leading with what
    matters most, so the summary opens with the event, not with whichever outlet published
    first; a later day's reports bring what happened since. A sentence that needs an
    antecedent does not open the summary."""
    days = _days(articles)

    def place(i: int) -> tuple[date, float, int, int]:
        candidate = candidates[i]
        sentences = max(1, len(articles[candidate.article].sentences))
        depth = candidate.index / sentences
        return days[candidate.article], depth, candidate.article, candidate.index

    ordered = sorted(chosen, key=place)
    opener = next((n for n, i in enumerate(ordered) if not candidates[i].dangling), 0)
    return [ordered[opener], *ordered[:opener], *ordered[opener + 1 :]]
