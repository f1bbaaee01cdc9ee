"""Baseline summaries of a cluster, to rank newsprism against: LEAD, LexRank and TextRank.

LEAD is the DUC baseline: the opening of the newest document. LexRank and TextRank are sumy's
implementations over all documents of the cluster, given a word budget instead of a sentence
count. sumy's own tokenizer needs NLTK's punkt data, which is not installed, so sentences come
from spaCy's rule-based sentencizer (no model, no download) and words from a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from newsprism.evaluation.rouge import cut
from newsprism.model import DocumentSet, RawArticle, normalize_text
from newsprism.summary import cut_off

BASELINES = ("lead", "lexrank", "textrank")
# LexRank and TextRank under the rules newsprism's summaries follow: whole sentences within
# the budget (no sentence cut at the word limit) and none that its source cut off.
WHOLE_SENTENCE_BASELINES = ("lexrank-whole", "textrank-whole")
_WORD = re.compile(r"\w+(?:['’.-]+\w+)*")


class SentenceTokenizer:
    """A sumy tokenizer (``language``, ``to_sentences``, ``to_words``) that needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text.strip() for s in _sentencizer()(paragraph).sents if s.text.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


@cache
def _sentencizer() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def truncate(sentences: Sequence[str], max_words: int) -> str:
    """The sentences joined, cut after ``max_words`` whitespace-separated words."""
    words: list[str] = []
    for sentence in sentences:
        words.extend(sentence.split())
        if len(words) >= max_words:
            break
    return " ".join(words[:max_words])


def _newest(documents: Sequence[RawArticle]) -> RawArticle:
    """The newest document; undated ones count as oldest, ties go to the later one in the file."""
    oldest = datetime.min.replace(tzinfo=UTC)

    def when(item: tuple[int, RawArticle]) -> tuple[datetime, int]:
        index, doc = item
        published = doc.published or oldest
        return (published if published.tzinfo else published.replace(tzinfo=UTC)), index

    return max(enumerate(documents), key=when)[1]


def lead(cluster: DocumentSet, max_words: int = 100) -> str:
    """The opening of the cluster's newest document: its sentences in order, cut at ``max_words``.

    That is the DUC baseline, the document's first ``max_words`` words; taken from the text
    itself, so that no sentence splitting can change its spacing.
    """
    if not cluster.documents:
        return ""
    return cut(_newest(cluster.documents).text, max_words)


class _WordBudget:
    """A sumy sentence count: best-rated sentences until ``max_words`` words, no repeats.

    sumy calls it with the sentences sorted best first; newswire repeats sentences across
    reports, and a summary should not. With ``whole``, a sentence that would overrun the
    budget or that its source cut off is passed over instead.
    """

    def __init__(self, max_words: int, whole: bool = False) -> None:
        self.max_words = max_words
        self.whole = whole

    def __call__(self, ranked: Sequence[Any]) -> list[Any]:
        chosen: list[Any] = []
        seen: set[str] = set()
        words = 0
        for info in ranked:
            text = str(info.sentence)
            key = normalize_text(text)
            length = len(text.split())
            if key in seen:
                continue
            if self.whole and (words + length > self.max_words or cut_off(text, last=True)):
                continue
            seen.add(key)
            chosen.append(info)
            words += length
            if words >= self.max_words:
                break
        return chosen


def _summarizer(kind: str) -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[kind](
        Stemmer("english")
    )
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def graph_summary(
    cluster: DocumentSet, kind: str, max_words: int = 100, whole: bool = False
) -> str:
    """A LexRank or TextRank (sumy) extract of all the cluster's documents, in document order;
    with ``whole``, of whole sentences that their sources did not cut off."""
    from sumy.parsers.plaintext import PlaintextParser

    text = "\n\n".join(doc.text for doc in cluster.documents)
    if not text.strip():
        return ""
    document = PlaintextParser.from_string(text, SentenceTokenizer()).document
    sentences = _summarizer(kind)(document, _WordBudget(max_words, whole))
    return truncate([str(s) for s in sentences], max_words)


def baseline(kind: str, max_words: int = 100) -> Callable[[DocumentSet], str]:
    """The summarizer named ``kind`` (one of `BASELINES`) with its word limit."""
    if kind == "lead":
        return lambda cluster: lead(cluster, max_words)
    graph, _, whole = kind.partition("-")
    if graph in ("lexrank", "textrank") and whole in ("", "whole"):
        return lambda cluster: graph_summary(cluster, graph, max_words, bool(whole))
    known = ", ".join((*BASELINES, *WHOLE_SENTENCE_BASELINES))
    raise ValueError(f"unknown baseline {kind!r}; choose from {known}")


def baseline_summaries(
    clusters: Sequence[DocumentSet], max_words: int = 100, kinds: Sequence[str] = BASELINES
) -> dict[str, dict[str, str]]:
    """``{baseline: {cluster id: summary}}`` for every cluster."""
    result: dict[str, dict[str, str]] = {}
    for kind in kinds:
        summarize = baseline(kind, max_words)
        result[kind] = {cluster.id: summarize(cluster) for cluster in clusters}
    return result
