"""What the report claims on the outlets' behalf: a summary sentence cites only the outlets
that support it and says when its value is disputed; an undated article reads "undated";
the quote matrix names the speaker each outlet credits."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from newsprism.model import (
    Article,
    ArticleRef,
    Claim,
    Comparison,
    Discrepancy,
    Entity,
    Fact,
    Quote,
    QuoteOccurrence,
    Sentence,
    Span,
    Summary,
    SummarySentence,
    text_id,
)
from newsprism.report import to_html, to_markdown
from newsprism.summary.candidates import Candidate
from newsprism.summary.citations import citations, settle, support_bar

WIRE = "Thirty-one people were killed when the ferry sank on Wednesday, officials said."
LEDGER = "At least 23 people died after the ferry capsized on Wednesday morning."
HERALD = "The ferry capsized on Wednesday, killing 23 people, the coast guard said."


def _article(text: str, source: str, published: datetime | None = None) -> Article:
    return Article(id=text_id(text), text=text, source=source, published=published)


def _at(article: Article, fragment: str) -> Span:
    start = article.text.index(fragment)
    return article.span(start, start + len(fragment))


def _claim(article: Article, fragment: str, value: str | float) -> Claim:
    return Claim.on(_at(article, fragment), value)


def _whole(article: Article) -> Span:
    return article.span(0, len(article.text))


wire = _article(WIRE, "Wire")
ledger = _article(LEDGER, "Ledger", datetime(2026, 11, 12, 6, 30, tzinfo=UTC))
herald = _article(HERALD, "Herald", datetime(2026, 11, 12, 9, 15, tzinfo=UTC))
DEATHS = Discrepancy(
    kind="number",
    description="different numbers of people",
    claims=[_claim(wire, "Thirty-one", 31.0), _claim(herald, "23", 23.0)],
)


def test_a_sentence_holding_a_claim_cites_no_outlet_that_contradicts_it() -> None:
    cited = [_whole(herald), _whole(wire), _whole(ledger)]
    kept, disputes = settle([_whole(herald)], HERALD, cited, [DEATHS])
    assert {s.article for s in kept} == {herald.id, ledger.id}
    [dispute] = disputes
    assert dispute.kind == "number" and [c.value for c in dispute.claims] == [31.0]
    assert dispute.claims[0].article == wire.id


def test_a_sentence_stating_the_value_in_its_own_words_takes_that_side() -> None:
    # "At least 23" is no claim of the discrepancy, but it states 23, not 31.
    cited = [_whole(ledger), _whole(wire), _whole(herald)]
    kept, disputes = settle([_whole(ledger)], LEDGER, cited, [DEATHS])
    assert {s.article for s in kept} == {ledger.id, herald.id}
    assert [c.article for d in disputes for c in d.claims] == [wire.id]


def test_the_side_of_the_wire_is_cited_against_the_others() -> None:
    cited = [_whole(wire), _whole(herald)]
    kept, disputes = settle([_whole(wire)], WIRE, cited, [DEATHS])
    assert {s.article for s in kept} == {wire.id}
    assert [c.value for d in disputes for c in d.claims] == [23.0]


def test_a_sentence_that_states_no_disputed_value_keeps_its_citations() -> None:
    text = "The ferry capsized on Wednesday morning."
    own = _article("The ferry capsized on Wednesday morning, the navy said.", "Navy")
    cited = [_whole(own), _whole(wire), _whole(herald)]
    kept, disputes = settle([_whole(own)], text, cited, [DEATHS])
    assert kept == cited and disputes == []


def test_a_sentence_stating_both_values_takes_no_side() -> None:
    text = "Officials gave 31 dead, the coast guard 23."
    own = _article("Officials gave 31 dead, the coast guard 23, in the first hours.", "Digest")
    cited = [_whole(own), _whole(wire), _whole(herald)]
    kept, disputes = settle([_whole(own)], text, cited, [DEATHS])
    assert kept == cited and disputes == []


def test_a_cited_outlet_the_detector_did_not_weigh_is_dropped_when_it_says_otherwise() -> None:
    # The Post's sentence is close enough to be cited, but its own number is the wire's.
    post = _article("Officials counted 31 dead after the ferry capsized on Wednesday.", "Post")
    daily = _article("The ferry capsized on Wednesday and 23 died, the coast guard said.", "Daily")
    cited = [_whole(herald), _whole(post), _whole(daily)]
    kept, disputes = settle([_whole(herald)], HERALD, cited, [DEATHS])
    assert {s.article for s in kept} == {herald.id, daily.id}
    against = [c for d in disputes for c in d.claims]
    assert [(c.article, c.text, c.value) for c in against] == [
        (wire.id, "Thirty-one", 31.0),
        (post.id, "31", 31.0),
    ]
    assert post.text[against[1].start : against[1].end] == "31"


def test_a_misattributed_quote_does_not_cite_the_other_speaker_s_outlet() -> None:
    words = "We did everything we could to reach them"
    a = _article(f'"{words}," Governor Maria Villanueva said.', "Wire")
    b = _article(f'"{words}," spokesman Rodel Santos told reporters.', "Ledger")
    credit = Discrepancy(
        kind="attribution",
        claims=[_claim(a, words, "Maria Villanueva"), _claim(b, words, "Rodel Santos")],
    )
    kept, disputes = settle([_whole(a)], a.text, [_whole(a), _whole(b)], [credit])
    assert [s.article for s in kept] == [a.id]
    assert [c.value for d in disputes for c in d.claims] == ["Rodel Santos"]


def _comparison() -> Comparison:
    cited, disputes = settle(
        [_whole(ledger)], LEDGER, [_whole(ledger), _whole(wire), _whole(herald)], [DEATHS]
    )
    sentence = SummarySentence(text=LEDGER, citations=cited, disputed=disputes)
    return Comparison(
        articles=[
            ArticleRef(id=a.id, title=a.text[:20], source=a.source, published=a.published)
            for a in (wire, ledger, herald)
        ],
        discrepancies=[DEATHS],
        summary=Summary(sentences=[sentence]),
    )


def test_markdown_marks_the_disputed_sentence_and_the_undated_article() -> None:
    report = to_markdown(_comparison())
    assert f"{LEDGER} [2][3] *(disputed: 31 in Wire)*" in report
    assert "[1][2][3]" not in report
    [wire_row] = [line for line in report.splitlines() if line.startswith("| 1 |")]
    assert "| undated |" in wire_row


def test_html_marks_the_disputed_sentence_and_the_undated_article() -> None:
    page = to_html(_comparison(), [wire, ledger, herald])
    summary = page[page.index('id="summary"') :]
    summary = summary[: summary.index("</section>")]
    assert 'class="disputed">disputed: ' in summary and "31 in Wire</a>" in summary
    assert 'aria-label="source 1: Wire"' not in summary
    assert page.count(">undated</") == 2  # in the sources line and in the article's column


VAGUER = Discrepancy(
    kind="number",
    description="one value of people is vaguer",
    claims=[_claim(wire, "Thirty-one", 31.0), _claim(ledger, "At least 23", "≥23")],
)


def test_a_difference_in_precision_is_shown_apart_from_the_contradictions() -> None:
    comparison = _comparison().model_copy(update={"differences": [VAGUER]})
    markdown = to_markdown(comparison)
    differ = markdown[markdown.index("## Where they differ") :]
    differ = differ[: differ.index("\n## ", 3)]
    assert "### Differences in precision (not contradictions)" in differ
    assert differ.index("Thirty-one") < differ.index("Differences in precision")  # the 31 / 23
    assert "“At least 23”" in differ[differ.index("Differences in precision") :]
    page = to_html(comparison, [wire, ledger, herald])
    section = page[page.index('id="discrepancies"') :]
    section = section[: section.index("</section>")]
    assert "<h3>Differences in precision</h3>" in section
    assert ">At least 23</a>" in section[section.index("Differences in precision") :]
    assert "Difference in precision · number" in page  # the passage's label in the articles


WORDS = "We did everything we could to reach them"
GOVERNOR = _article(f'"{WORDS}," Governor Maria Villanueva said.', "Wire")
SPOKESMAN = _article(f'"{WORDS}," Santos told reporters at the pier.', "Ledger")
BARE = _article(f'Officials repeated: "{WORDS}."', "Herald")


def _occurrence(article: Article, speaker: str | None) -> QuoteOccurrence:
    span = _at(article, WORDS)
    return QuoteOccurrence(**span.model_dump(), match="verbatim", speaker_text=speaker)


def _quoted(discrepancies: list[Discrepancy] | None = None) -> Comparison:
    quote = Quote(
        text=WORDS,
        speaker="Maria Villanueva",
        occurrences=[
            _occurrence(GOVERNOR, "Maria Villanueva"),
            _occurrence(SPOKESMAN, "Santos"),
            _occurrence(BARE, None),
        ],
    )
    return Comparison(
        articles=[ArticleRef(id=a.id, source=a.source) for a in (GOVERNOR, SPOKESMAN, BARE)],
        entities=[
            Entity(name="Maria Villanueva", type="PERSON", aliases={"Wire": ["Maria Villanueva"]}),
            Entity(
                name="Rodel Santos", type="PERSON", aliases={"Ledger": ["Rodel Santos", "Santos"]}
            ),
        ],
        quotes=[quote],
        discrepancies=discrepancies or [],
    )


def test_the_quote_matrix_names_the_speaker_each_outlet_credits() -> None:
    report = to_markdown(_quoted())
    [row] = [
        line for line in report.splitlines() if line.startswith(f"| Maria Villanueva | “{WORDS}")
    ]
    cells = [c.strip() for c in row.strip("|").split("|")][2:]
    assert cells == ["verbatim", "verbatim, credited to Rodel Santos", "verbatim, no speaker named"]


def test_the_matrix_takes_the_speaker_of_a_disputed_credit_from_the_discrepancy() -> None:
    credit = Discrepancy(
        kind="attribution",
        claims=[
            _claim(GOVERNOR, WORDS, "Maria Villanueva"),
            _claim(SPOKESMAN, WORDS, "Rodel Santos"),
        ],
    )
    comparison = _quoted([credit])
    comparison.entities = []  # no alias to read "Santos" by: the claim names him
    assert "verbatim, credited to Rodel Santos" in to_markdown(comparison)
    page = to_html(comparison, [GOVERNOR, SPOKESMAN, BARE])
    assert '<span class="credited">credited to Rodel Santos</span>' in page
    assert '<span class="credited">no speaker named</span>' in page


def test_a_shorter_name_of_the_row_speaker_is_the_same_speaker() -> None:
    comparison = _quoted()
    comparison.quotes[0].occurrences[0].speaker_text = "Villanueva"
    comparison.entities = []
    report = to_markdown(comparison)
    assert "| verbatim | verbatim, credited to Santos |" in report


def _with_vector(text: str, source: str, vector: list[float]) -> Article:
    article = _article(text, source)
    article.sentences = [Sentence(start=0, end=len(text), text=text)]
    article._embeddings = np.array([vector], dtype=np.float32)
    return article


def test_another_outlet_is_cited_only_above_what_the_set_shares_anyway() -> None:
    # Two outlets' sentences at cosine 0.7: a paraphrase among wire reports that share
    # little (background 0.2), only a sentence on the same event among excerpts that all
    # open on it (background 0.5).
    own = _with_vector(LEDGER, "Ledger", [1.0, 0.0])
    other = _with_vector(HERALD, "Herald", [0.7, float(np.sqrt(1 - 0.49))])
    candidate = Candidate(0, 0, [(0, len(LEDGER))], LEDGER, 12, False)
    vector = np.array([1.0, 0.0], dtype=np.float32)
    quiet = citations(candidate, vector, [own, other], (), support_bar(0.2))
    crowded = citations(candidate, vector, [own, other], (), support_bar(0.5))
    assert {s.article for s in quiet} == {own.id, other.id}
    assert {s.article for s in crowded} == {own.id}


def _shared_facts() -> Comparison:
    """The wire and the Herald tell the deaths in one shared fact and differ on the count;
    the Ledger and the Herald share the capsizing and agree."""
    deaths = Fact(kind="consensus", articles=[wire.id, herald.id],
                  sentences=[_whole(wire), _whole(herald)])  # fmt: skip
    capsized = Fact(
        kind="consensus",
        articles=[ledger.id, herald.id],
        sentences=[_at(ledger, "the ferry capsized"), _at(herald, "The ferry capsized")],
    )
    return _comparison().model_copy(update={"facts": [deaths, capsized]})


def test_a_shared_fact_the_outlets_contradict_each_other_on_says_so() -> None:
    report = to_markdown(_shared_facts())
    shared = report[report.index("## What several outlets report") :]
    deaths, capsized = [line for line in shared.splitlines() if line.startswith("- ")][:2]
    assert deaths.endswith("*(they differ here: number)*")
    assert "differ" not in capsized
    page = to_html(_shared_facts(), [wire, ledger, herald])
    facts = page[page.index('id="facts-shared"') : page.index('id="facts-single"')]
    assert facts.count('class="differ"') == 1
    assert '<a href="#discrepancies">they differ here: number</a>' in facts


def test_a_claim_in_one_sentence_of_a_shared_fact_is_no_dispute_of_it() -> None:
    one_side = Fact(kind="consensus", articles=[wire.id, ledger.id],
                    sentences=[_whole(wire), _whole(ledger)])  # fmt: skip
    comparison = _comparison().model_copy(update={"facts": [one_side]})
    assert "they differ here" not in to_markdown(comparison)


def test_a_sentence_only_one_outlet_reports_carries_what_disputes_it() -> None:
    alone = Fact(kind="exclusive", articles=[wire.id], sentences=[_whole(wire)])
    calm = Fact(kind="exclusive", articles=[ledger.id], sentences=[_whole(ledger)])
    comparison = _comparison().model_copy(update={"facts": [alone, calm]})
    report = to_markdown(comparison)
    single = report[report.index("## What only one outlet reports") :]
    assert f"“{WIRE}” [1] *(disputed: 23 in Herald)*" in single
    assert f"“{LEDGER}” [2]\n" in single  # nothing disputes what the Ledger alone says
    page = to_html(comparison, [wire, ledger, herald])
    facts = page[page.index('id="facts-single"') :]
    facts = facts[: facts.index("</section>")]
    assert facts.count('class="disputed"') == 1 and "23 in Herald</a>" in facts


def test_a_sentence_that_opens_or_closes_with_a_quotation_shows_no_doubled_marks() -> None:
    said = _article('"We lost everything," said Maria Lopez, a vendor.', "Wire")
    told = _article('Maria Lopez told reporters: "We lost everything."', "Ledger")
    plain = _article("Maria Lopez said the vendors lost everything.", "Herald")
    shared = Fact(kind="consensus", articles=[said.id, told.id],
                  sentences=[_whole(said), _whole(told)])  # fmt: skip
    alone = Fact(kind="exclusive", articles=[plain.id], sentences=[_whole(plain)])
    refs = [ArticleRef(id=a.id, source=a.source) for a in (said, told, plain)]
    claims = [Claim.on(_whole(said), "Lopez"), Claim.on(_whole(plain), "Lopez")]
    quarrel = Discrepancy(kind="attribution", description="who said it", claims=claims)
    comparison = Comparison(articles=refs, facts=[shared, alone], discrepancies=[quarrel])
    report = to_markdown(comparison)
    assert f"- {said.text} [1] / {told.text} [2]" in report
    assert f"- “{plain.text}” [3]" in report  # words without marks of their own get ours
    assert '“"' not in report and '"”' not in report
    notebook = comparison._repr_html_()
    assert "&#34;We lost everything,&#34; said Maria Lopez, a vendor. [1]" in notebook
    assert f"“{plain.text}” [3]" in notebook
