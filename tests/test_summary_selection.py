"""Choosing sentences: redundancy judged against the set's own background, fillers last."""

from __future__ import annotations

import numpy as np

from newsprism.summary.candidates import Candidate
from newsprism.summary.selection import REDUNDANT, redundancy_bar, select


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
    chosen = select(candidates, vectors, score, concepts, weights, 18).chosen
    assert chosen == [0, 3]
    # Once no whole sentence fits, the filler fills the words left.
    chosen = select(candidates, vectors, score, concepts, weights, 16).chosen
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
