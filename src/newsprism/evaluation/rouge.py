"""ROUGE-1, ROUGE-2 and ROUGE-SU4 as the DUC evaluations computed them with ROUGE-1.5.5.

DUC 2005-2007 ran ``ROUGE-1.5.5.pl -n 2 -x -m -2 4 -u -f A -p 0.5 -t 0 -l <N>`` once per
jackknifed set of references. Written by hand because no Python library computes ROUGE-SU4 or
this jackknifing. Step by step (the ROUGE-1.5.5.pl routine that does it in brackets):

1. Cut [readText, ``-l N``]: peer and every reference keep their first N whitespace-separated
   words, before any other processing.
2. Tokens [readText, createNGram]: every character other than ASCII letters and digits becomes a
   space, letters are lower-cased. (ROUGE turns a hyphen into a token of its own and then drops
   it because it starts with no letter or digit; the result is the same.) Stopwords are kept.
3. Stemming [``-m``, MorphStem]: tokens longer than 3 characters are Porter-stemmed with ROUGE's
   Perl port of Martin Porter's reference stemmer, i.e. NLTK's ``MARTIN_EXTENSIONS`` mode plus
   one change of C.-Y. Lin in step 4 ("-ement" words are also tried for "-ment" and "-ent":
   "statement" -> "statem"), reproduced by `RougeStemmer`.
4. Units [createNGram, createSkipBigram with ``-2 4 -u``]: ROUGE-N counts the n-grams of the
   whole token sequence (sentence boundaries are not barriers). ROUGE-SU4 counts the skip-bigrams
   (t_i, t_j) with i < j <= i + 5 (at most four words skipped) plus the unigram t_i of every
   token *except the last* -- ROUGE-1.5.5's loop stops one token early, and so do we.
5. Several references [computeNGramScore, ``-f A`` "model average"]: against references
   r_1..r_k, hits = sum over k of sum over units g of min(count_peer(g), count_rk(g));
   recall R = hits / sum_k |r_k|; precision P = hits / (k * |peer|);
   F = P * R / ((1 - alpha) * P + alpha * R) with alpha = 0.5 (``-p 0.5``), i.e. F1.
   (``-f B``, "best model", keeps only the reference with the highest recall; ``formula="best"``.)
6. Jackknifing (done around ROUGE: ROUGE-1.5.5 dropped its internal jackknifing in version 1.4,
   and NIST ran it once per subset): with M >= 2 references, the peer is scored M times, each time
   against the M - 1 references left after removing one, with the model average of step 5 inside
   each subset, and R, P and F are the means of those M scores. A human peer whose own summary is
   one of the references is scored only against the other M - 1 (the one subset without itself),
   which is how DUC made human and system scores comparable. With one reference there is nothing
   to leave out.
7. A system's score is the mean over the clusters it summarized [computeAverages, ``-t 0``];
   ROUGE prints the mean of its bootstrap resamples, which equals this up to resampling noise.

Not reproduced: the WordNet 2.0 exception list ROUGE consults before stemming (irregular forms
such as "went" -> "go"; NLTK ships no WordNet data offline), and ROUGE's rounding of every
per-cluster score to five decimals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import Literal

from nltk.stem.porter import PorterStemmer

METRICS = ("rouge-1", "rouge-2", "rouge-su4")
SKIP_GAP = 4
ALPHA = 0.5
# ROUGE stems only tokens longer than this many characters [createNGram].
_MIN_STEM_LENGTH = 3
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")

Formula = Literal["average", "best"]


class RougeStemmer(PorterStemmer):
    """The Porter stemmer of ROUGE-1.5.5: Martin Porter's version with C.-Y. Lin's step 4."""

    # The suffixes ROUGE tries first, before "-ment", then "-ent" or "-ion" on what is left.
    _STEP4_FIRST = (
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
        "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(mode=PorterStemmer.MARTIN_EXTENSIONS)

    def _strip(self, word: str, suffix: str) -> str:
        stem = word[: -len(suffix)]
        return stem if self._measure(stem) > 1 else word

    def _step4(self, word: str) -> str:
        # Longest suffix first, as the Perl alternation anchored at the end matches.
        for suffix in sorted(self._STEP4_FIRST, key=len, reverse=True):
            if word.endswith(suffix):
                word = self._strip(word, suffix)
                break
        if word.endswith("ment"):
            word = self._strip(word, "ment")
        if word.endswith("ent"):
            return self._strip(word, "ent")
        if word.endswith(("sion", "tion")):
            return self._strip(word, "ion")
        return word


@cache
def _stemmer() -> RougeStemmer:
    return RougeStemmer()


@cache
def stem(token: str) -> str:
    """ROUGE's stem of one lower-cased token (short tokens are left alone)."""
    return _stemmer().stem(token) if len(token) > _MIN_STEM_LENGTH else token


def cut(text: str, max_words: int | None) -> str:
    """The first ``max_words`` whitespace-separated words of ``text`` (all when None)."""
    words = text.split()
    return " ".join(words if max_words is None else words[:max_words])


def tokenize(text: str, max_words: int | None = None, *, stemming: bool = True) -> list[str]:
    """The tokens ROUGE-1.5.5 scores: cut, alphanumeric runs lower-cased, stemmed."""
    tokens = _NOT_ALNUM.sub(" ", cut(text, max_words)).lower().split()
    return [stem(t) for t in tokens] if stemming else tokens


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of ``tokens``."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def skip_bigrams(
    tokens: Sequence[str], max_gap: int = SKIP_GAP, *, unigrams: bool = True
) -> Counter[tuple[str, ...]]:
    """Skip-bigrams with at most ``max_gap`` words between, plus unigrams (ROUGE-SU)."""
    counts: Counter[tuple[str, ...]] = Counter()
    for i in range(len(tokens) - 1):  # ROUGE-1.5.5 never counts the last token's unigram
        if unigrams:
            counts[(tokens[i],)] += 1
        for j in range(i + 1, min(len(tokens), i + max_gap + 2)):
            counts[(tokens[i], tokens[j])] += 1
    return counts


@dataclass(frozen=True)
class Units:
    """The counted units of one text for every metric, computed once per text."""

    counts: dict[str, Counter[tuple[str, ...]]]

    @classmethod
    def of(cls, text: str, max_words: int | None) -> Units:
        tokens = tokenize(text, max_words)
        return cls(
            {
                "rouge-1": ngrams(tokens, 1),
                "rouge-2": ngrams(tokens, 2),
                "rouge-su4": skip_bigrams(tokens),
            }
        )


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float
    f1: float

    @classmethod
    def mean(cls, scores: Sequence[Score]) -> Score:
        n = len(scores)
        if not n:
            return cls(0.0, 0.0, 0.0)
        return cls(
            sum(s.recall for s in scores) / n,
            sum(s.precision for s in scores) / n,
            sum(s.f1 for s in scores) / n,
        )


def _f(precision: float, recall: float, alpha: float = ALPHA) -> float:
    denominator = (1 - alpha) * precision + alpha * recall
    return precision * recall / denominator if denominator > 0 else 0.0


def _hits(peer: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> int:
    return sum(min(count, peer[unit]) for unit, count in reference.items() if unit in peer)


def score_against(
    peer: Counter[tuple[str, ...]],
    references: Sequence[Counter[tuple[str, ...]]],
    formula: Formula = "average",
) -> Score:
    """One metric of a peer against a set of references (ROUGE's ``-f A`` or ``-f B``)."""
    peer_total = peer.total()
    hits = model_total = peer_totals = 0
    best = -1.0
    for reference in references:
        reference_hits, reference_total = _hits(peer, reference), reference.total()
        if formula == "best":
            recall = reference_hits / reference_total if reference_total else 0.0
            if recall > best:
                best = recall
                hits, model_total, peer_totals = reference_hits, reference_total, peer_total
        else:
            hits += reference_hits
            model_total += reference_total
            peer_totals += peer_total
    recall = hits / model_total if model_total else 0.0
    precision = hits / peer_totals if peer_totals else 0.0
    return Score(recall, precision, _f(precision, recall))


def jackknife_subsets(count: int, own: int | None = None) -> list[tuple[int, ...]]:
    """The reference subsets a peer is scored against (indices), as DUC jackknifed them."""
    everyone = tuple(range(count))
    if own is not None and 0 <= own < count:
        return [tuple(i for i in everyone if i != own)] if count > 1 else []
    if count < 2:
        return [everyone] if count else []
    return list(combinations(everyone, count - 1))


def score_units(
    peer: Units, references: Sequence[Units], own: int | None = None, formula: Formula = "average"
) -> dict[str, Score]:
    """Every metric, jackknifed over ``references``; ``own`` is the peer's own reference."""
    subsets = jackknife_subsets(len(references), own)
    if not subsets:
        raise ValueError("no reference left to score against")
    return {
        metric: Score.mean(
            [
                score_against(
                    peer.counts[metric], [references[i].counts[metric] for i in subset], formula
                )
                for subset in subsets
            ]
        )
        for metric in METRICS
    }


def rouge(
    peer: str,
    references: Sequence[str],
    max_words: int | None = 100,
    *,
    own: int | None = None,
    formula: Formula = "average",
) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-SU4 of one summary against its references (see module doc)."""
    return score_units(
        Units.of(peer, max_words), [Units.of(r, max_words) for r in references], own, formula
    )
