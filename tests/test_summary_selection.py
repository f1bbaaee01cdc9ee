"""Choosing sentences: redundancy judged against the set's own background, fillers last in
the greedy choice, an exact choice when the budget holds a large share of the sentences."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from newsprism.model import Article, Sentence
from newsprism.summary.candidates import Candidate
from newsprism.summary.exact import EXACT_SHARE, Choice
from newsprism.summary.selection import (
    REDUNDANT,
    _apart,
    in_reading_order,
    redundancy_bar,
    select,
    select_greedily,
)


def _candidate(article: int, index: int, words: int, filler: bool = False) -> Candidate:
    return Candidate(article, index, [(0, 1)], "x " * words, words, False, None, filler)


def _unit(*rows: list[float]) -> np.ndarray:
    vectors = np.array(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _pair_at(cosine: float) -> np.ndarray:
    """Two unit vectors with the given cosine."""
    return _unit([1.0, 0.0], [cosine, float(np.sqrt(1 - cosine**2))])


def test_the_bar_rises_with_what_the_set_s_sentences_share_anyway() -> None:
    candidates = [_candidate(0, 0, 10), _candidate(1, 0, 10)]
    apart = redundancy_bar(candidates, _pair_at(0.1))
    close = redundancy_bar(candidates, _pair_at(0.5))
    assert apart == np.float32(0.1) + REDUNDANT * (1 - np.float32(0.1))
    assert close > apart
    assert abs(close - (0.5 + REDUNDANT * 0.5)) < 1e-6


def test_forms_of_one_sentence_count_once_and_one_article_is_its_own_background() -> None:
    vectors = _pair_at(0.3)
    # Three forms of sentence 0 and one of sentence 1, all in one article.
    candidates = [_candidate(0, 0, 10), _candidate(0, 0, 6), _candidate(0, 0, 4, True)]
    candidates.append(_candidate(0, 1, 10))
    bar = redundancy_bar(candidates, vectors[[0, 0, 0, 1]])
    assert abs(bar - (0.3 + REDUNDANT * 0.7)) < 1e-6


def test_two_outlets_telling_one_event_are_both_kept_when_that_is_what_the_set_shares() -> None:
    # Four sentences: two openings (cosine 0.75) and two others; the background decides.
    candidates = [_candidate(0, 0, 10), _candidate(1, 0, 10), _candidate(0, 1, 10)]
    candidates.append(_candidate(1, 1, 10))
    concepts = [frozenset({"a b", "c d"}), frozenset({"a b", "e f"})]
    concepts += [frozenset({"g h"}), frozenset({"i j"})]
    weights = {"a b": 2.0, "c d": 1.0, "e f": 1.0, "g h": 0.5, "i j": 0.5}
    score = np.array([1.0, 1.0, 0.2, 0.2])
    openings = _pair_at(0.75)
    # Topic-wide background: every sentence close to the others (cosine ~0.6).
    shared = _unit([1.0, 0.0, 0.0], [0.75, 0.66, 0.0], [0.6, 0.3, 0.74], [0.6, 0.3, -0.74])
    assert abs(float(shared[0] @ shared[1]) - float(openings[0] @ openings[1])) < 0.01
    kept = select(candidates, shared, score, concepts, weights, 20).chosen
    assert sorted(kept) == [0, 1]
    # Little shared background: the second opening is a paraphrase of the first.
    sparse = _unit([1.0, 0.0, 0.0, 0.0], [0.75, 0.66, 0.0, 0.0], [0, 0, 1, 0], [0, 0, 0, 1])
    kept = select(candidates, sparse, score, concepts, weights, 20).chosen
    assert 0 in kept and 1 not in kept


def test_a_filler_is_taken_only_when_no_whole_sentence_fits() -> None:
    vectors = _unit([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0])
    candidates = [_candidate(0, 0, 10), _candidate(1, 0, 12), _candidate(1, 0, 6, True)]
    candidates.append(_candidate(2, 0, 8))
    concepts = [frozenset({"a b"}), frozenset({"c d", "e f"}), frozenset({"c d"})]
    concepts.append(frozenset({"g h"}))
    weights = {"a b": 6.0, "c d": 3.0, "e f": 1.0, "g h": 0.1}
    score = np.ones(4)
    # 18 words: after the first, the whole second sentence does not fit; the 8-word last one
    # does, so the filler waits although it is worth more per word.
    apart = _apart(candidates, vectors, ())
    chosen = select_greedily(Choice(candidates, score, concepts, weights, 18, apart)).chosen
    assert chosen == [0, 3]
    # Once no whole sentence fits, the filler fills the words left.
    chosen = select_greedily(Choice(candidates, score, concepts, weights, 16, apart)).chosen
    assert chosen == [0, 2]


def test_two_tellings_of_one_compared_fact_are_told_once_however_they_are_worded() -> None:
    # Two outlets' openings, far apart as vectors (cosine 0.2), that a comparison found to
    # be one fact; a third sentence of another fact.
    candidates = [_candidate(0, 0, 10), _candidate(1, 0, 10), _candidate(0, 1, 10)]
    concepts = [frozenset({"a b"}), frozenset({"c d"}), frozenset({"e f"})]
    weights = {"a b": 1.0, "c d": 1.0, "e f": 0.5}
    score = np.array([1.0, 1.0, 0.5])
    vectors = _unit([1.0, 0.0, 0.0], [0.2, 0.98, 0.0], [0.0, 0.0, 1.0])
    assert sorted(select(candidates, vectors, score, concepts, weights, 40).chosen) == [0, 1, 2]
    told = [frozenset({7}), frozenset({7}), frozenset({8})]
    kept = select(candidates, vectors, score, concepts, weights, 40, told).chosen
    assert sorted(kept) in ([0, 2], [1, 2])


def _knapsack(others: int) -> tuple[list[Candidate], np.ndarray, list[frozenset[str]]]:
    """The densest sentence (30 words) and two that fill 50 words together, then ``others``
    20-word sentences that add nothing the summary is asked to cover."""
    candidates = [_candidate(0, 0, 30), _candidate(1, 0, 25), _candidate(2, 0, 25)]
    concepts = [frozenset({"a b", "c d", "e f"}), frozenset({"g h", "i j"}), frozenset({"k l"})]
    for n in range(others):
        candidates.append(_candidate(3, n, 20))
        concepts.append(frozenset({f"z{n} z"}))
    vectors = np.eye(len(candidates), dtype=np.float32)
    return candidates, vectors, concepts


def test_a_budget_that_holds_much_of_the_set_is_filled_exactly() -> None:
    weights = {"a b": 1.0, "c d": 1.0, "e f": 1.0, "g h": 1.0, "i j": 1.0, "k l": 1.5}
    candidates, vectors, concepts = _knapsack(0)
    score = np.ones(len(candidates))
    # By value per word the 30-word sentence comes first, and then nothing else fits.
    apart = _apart(candidates, vectors, ())
    greedy = select_greedily(Choice(candidates, score, concepts, weights, 50, apart))
    assert greedy.chosen == [0]
    # Chosen at once, the two 25-word sentences cover more and spend every word.
    exact = select(candidates, vectors, score, concepts, weights, 50)
    assert sorted(exact.chosen) == [1, 2] and exact.words == 50
    # Among many sentences the budget is a small share: value per word decides.
    candidates, vectors, concepts = _knapsack(20)
    assert EXACT_SHARE * sum(c.words for c in candidates) > 50
    score = np.ones(len(candidates))
    assert select(candidates, vectors, score, concepts, weights, 50).chosen == [0]


def test_the_exact_choice_keeps_out_redundant_sentences_and_other_forms_of_a_chosen_one() -> None:
    # Sentence 0 whole (20 words) and compressed (12); sentence 1 says the same as sentence 0.
    candidates = [_candidate(0, 0, 20), _candidate(0, 0, 12), _candidate(1, 0, 12)]
    candidates.append(_candidate(2, 0, 10))
    concepts = [frozenset({"a b", "c d"}), frozenset({"a b"}), frozenset({"e f"})]
    concepts.append(frozenset({"g h"}))
    weights = {"a b": 1.0, "c d": 1.0, "e f": 1.0, "g h": 1.0}
    vectors = _unit([1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.99, 0.14, 0.0], [0.0, 0.0, 1.0])
    chosen = select(candidates, vectors, np.ones(4), concepts, weights, 40)
    assert sorted(chosen.chosen) == [0, 3]
    assert chosen.exhausted  # nothing that may join adds a concept, and 10 words are left


def _report(id: str, sentences: int, published: datetime | None) -> Article:
    text = " ".join(f"Sentence {n}." for n in range(sentences))
    spans, start = [], 0
    for n in range(sentences):
        piece = f"Sentence {n}."
        spans.append(Sentence(start=start, end=start + len(piece), text=piece))
        start += len(piece) + 1
    return Article(id=id, text=text, sentences=spans, published=published)


def test_a_summary_opens_with_the_leads_and_an_undated_report_is_not_read_first() -> None:
    day = datetime(2026, 11, 12, 6, tzinfo=UTC)
    articles = [
        _report("undated", 10, None),
        _report("morning", 10, day),
        _report("noon", 4, day.replace(hour=12)),
        _report("next day", 10, day.replace(day=13)),
    ]
    chosen = [_candidate(0, 8, 10), _candidate(1, 5, 10), _candidate(2, 0, 10)]
    chosen += [_candidate(3, 0, 10), _candidate(0, 1, 10)]
    order = in_reading_order(list(range(5)), chosen, articles)
    # Within the day, by depth in the report: the noon lead, the undated report's second
    # sentence, the morning report's middle, the undated report's end; then the next day.
    assert order == [2, 4, 1, 0, 3]
