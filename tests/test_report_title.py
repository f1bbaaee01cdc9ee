"""The report's title: the most widely shared fact told in the reporter's own words."""

from __future__ import annotations

from newsprism.model import Article, Comparison, Fact, Quote, QuoteOccurrence, Span, text_id
from newsprism.report import neutral_title

QUOTE_A = '"We will rebuild every pier by the summer," the mayor told reporters.'
QUOTE_B = '"We will rebuild every pier by the summer," Mayor Ana Cruz said.'
EVENT_A = "A storm destroyed three piers in the harbour on Sunday night."
EVENT_B = "Three piers were destroyed when the storm hit the harbour on Sunday."
PHRASE = '"No repairs were possible" before dawn, as the storm hit the harbour on Sunday.'
WORDS = "We will rebuild every pier by the summer"


def _article(text: str, source: str) -> Article:
    return Article(id=text_id(text + source), text=text, source=source)


def _whole(article: Article) -> Span:
    return article.span(0, len(article.text))


def _shared(*articles: Article) -> Fact:
    return Fact(
        kind="consensus",
        articles=[a.id for a in articles],
        sentences=[_whole(a) for a in articles],
    )


def _quote(words: str, *articles: Article) -> Quote:
    occurrences = []
    for article in articles:
        start = article.text.index(words)
        occurrences.append(
            QuoteOccurrence(
                article=article.id, start=start, end=start + len(words), match="verbatim"
            )
        )
    return Quote(text=words, occurrences=occurrences)


def test_a_shared_quotation_gives_way_to_a_shared_fact_told_in_own_words() -> None:
    a, b = _article(QUOTE_A, "A"), _article(QUOTE_B, "B")
    event = _shared(_article(EVENT_A, "A"), _article(EVENT_B, "B"))
    comparison = Comparison(facts=[_shared(a, b), event], quotes=[_quote(WORDS, a, b)])
    assert neutral_title(comparison) == EVENT_A.rstrip(".")


def test_a_quotation_is_the_title_when_nothing_else_is_shared() -> None:
    a, b = _article(QUOTE_A, "A"), _article(QUOTE_B, "B")
    comparison = Comparison(facts=[_shared(a, b)], quotes=[_quote(WORDS, a, b)])
    assert neutral_title(comparison) == QUOTE_B.rstrip(".")


def test_a_short_quoted_phrase_in_the_reporters_sentence_does_not_count() -> None:
    a, b = _article(PHRASE, "A"), _article(PHRASE, "B")
    comparison = Comparison(
        facts=[_shared(a, b), _shared(_article(EVENT_A, "C"))],
        quotes=[_quote("No repairs were possible", a, b)],
    )
    assert neutral_title(comparison) == PHRASE.rstrip(".")
