"""Exact selection when the summary holds a large share of what the articles say.

With two or three short reports, a summary of 50 or 100 words holds a fifth to a half of
all their sentences, and only two to four of them fit. Choosing by value per word, one at
a time, then leaves words unspent: the densest sentences first, and what is left of the
budget too short for any other (a knapsack that greedy packs badly when its items are
large against its capacity). So the choice is made at once, as an integer program over
the candidates (Gillick and Favre's concept coverage, with the sentence score of
`selection`):

    maximize   Σ_concepts weight(c) · max over chosen sentences covering c of s(sentence)
    subject to the chosen sentences' words ≤ budget,
               at most one form of a sentence (whole, compressed, opening clause),
               no two redundant sentences, no two tellings of one compared fact.

``s`` is the sentence score to the power `SCORE_EXPONENT`: a concept counts by how many
outlets state it first, and the score (centrality, coverage, position, relevance) orders
sentences that cover the same concepts. A sentence that needs an antecedent counts
`DANGLING`, as in the greedy selection.

On ten long wire reports the budget holds a few per cent of the input and the greedy
choice by density does better (measured in docs/evaluation.md), so `selection` uses this
only above `EXACT_SHARE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from newsprism.summary.candidates import Candidate

# The budget's share of the candidates' words from which the choice is made exactly. The
# sets measured lie far on either side: excerpts of a few outlets 0.17–0.6, ten wire
# reports at most 0.11.
EXACT_SHARE = 0.15
SCORE_EXPONENT = 0.25
DANGLING = 0.5  # the weight of a sentence that needs an antecedent
TIME_LIMIT = 5.0  # seconds; the best selection found so far is used after that


def pool_words(candidates: Sequence[Candidate]) -> int:
    """The words of the sentences the candidates come from, each sentence counted once by
    its longest form."""
    longest: dict[tuple[int, int], int] = {}
    for c in candidates:
        key = (c.article, c.index)
        longest[key] = max(longest.get(key, 0), c.words)
    return sum(longest.values())


class _Rows:
    """The constraint matrix, one row at a time: ``low ≤ Σ coefficient · variable ≤ high``."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.values: list[float] = []
        self.low: list[float] = []
        self.high: list[float] = []

    def add(self, terms: Sequence[tuple[int, float]], low: float, high: float) -> None:
        row = len(self.low)
        for col, value in terms:
            self.rows.append(row)
            self.cols.append(col)
            self.values.append(value)
        self.low.append(low)
        self.high.append(high)

    def constraint(self, variables: int) -> LinearConstraint:
        shape = (len(self.low), variables)
        matrix = coo_matrix((self.values, (self.rows, self.cols)), shape=shape).tocsr()
        return LinearConstraint(matrix, self.low, self.high)


@dataclass(frozen=True)
class Choice:
    """What a selection chooses from: the candidates, their scores (a maximum of 1) and
    concepts, what each concept is worth, the word budget, and whether two candidates may
    both be used (other sentences, not redundant)."""

    candidates: Sequence[Candidate]
    score: np.ndarray
    concepts: Sequence[frozenset[str]]
    weights: dict[str, float]
    max_words: int
    apart: Callable[[int, int], bool]


def exact_select(choice: Choice) -> list[int] | None:
    """The candidates that cover the most (see the module doc) within the budget; None when
    the solver finds no solution."""
    candidates, score, concepts, weights = (
        choice.candidates,
        choice.score,
        choice.concepts,
        choice.weights,
    )
    max_words, apart = choice.max_words, choice.apart
    usable = [
        i for i in range(len(candidates)) if score[i] > 0 and candidates[i].words <= max_words
    ]
    if not usable:
        return []
    strength = np.array(
        [score[i] ** SCORE_EXPONENT * (DANGLING if candidates[i].dangling else 1.0) for i in usable]
    )
    # Variables: x (one per usable candidate), then y (one per concept a candidate covers).
    covers = [(c, x) for x, i in enumerate(usable) for c in sorted(concepts[i]) if c in weights]
    n = len(usable) + len(covers)
    gain = np.zeros(n)
    rows = _Rows()
    rows.add([(x, float(candidates[i].words)) for x, i in enumerate(usable)], 0, max_words)
    holders: dict[str, list[int]] = {}
    for k, (concept, x) in enumerate(covers):
        y = len(usable) + k
        gain[y] = weights[concept] * strength[x]
        rows.add([(y, 1.0), (x, -1.0)], -np.inf, 0)  # credit only through a chosen sentence
        holders.setdefault(concept, []).append(y)
    for ys in holders.values():
        if len(ys) > 1:  # a concept is credited once
            rows.add([(y, 1.0) for y in ys], 0, 1)
    for a, i in enumerate(usable):
        for b in range(a + 1, len(usable)):
            if not apart(i, usable[b]):  # two forms of one sentence, or redundant
                rows.add([(a, 1.0), (b, 1.0)], 0, 1)
    integral = np.zeros(n)
    integral[: len(usable)] = 1
    result = milp(
        -gain,
        constraints=rows.constraint(n),
        integrality=integral,
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT},
    )
    if result.x is None:
        return None
    return [i for x, i in enumerate(usable) if result.x[x] > 0.5]
