"""The comparison of the bundled Hanoi reports, end to end: the acceptance of the compare issue."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, by_source
from newsprism.cli import app
from newsprism.comparison.pipeline import compare
from newsprism.errors import NewsprismError
from newsprism.model import Article, Comparison, Span
from newsprism.nlp.entities import EntityIndex
from newsprism.report import to_markdown


@pytest.fixture(scope="module")
def comparison(annotated_examples: list[Article]) -> Comparison:
    return compare(annotated_examples)


def _fact_texts(comparison: Comparison, kind: str) -> list[str]:
    return [" ".join(s.text or "" for s in f.sentences) for f in comparison.facts if f.kind == kind]


def test_no_agreement_is_consensus(comparison: Comparison) -> None:
    shared = _fact_texts(comparison, "consensus")
    assert any(
        "No agreement was reached" in t and "unable to reach an agreement" in t for t in shared
    )


def test_sanctions_in_their_entirety_is_consensus(comparison: Comparison) -> None:
    shared = _fact_texts(comparison, "consensus")
    assert any(t.count("in their entirety") >= 2 for t in shared)


def test_sofitel_lunch_is_exclusive_to_the_wire(
    comparison: Comparison, annotated_examples: list[Article]
) -> None:
    wire = by_source(annotated_examples, "wire-service")
    exclusive = [f for f in comparison.facts if f.kind == "exclusive"]
    sofitel = [f for f in exclusive if "Sofitel Legend Metropole" in (f.sentences[0].text or "")]
    assert sofitel and all(f.articles == [wire.id] for f in sofitel)


def test_every_fact_span_points_into_its_article(
    comparison: Comparison, annotated_examples: list[Article]
) -> None:
    texts = {a.id: a.text for a in annotated_examples}
    for fact in comparison.facts:
        for span in fact.sentences:
            assert texts[span.article][span.start : span.end] == span.text


def test_press_conference_time_is_not_a_discrepancy(comparison: Comparison) -> None:
    for d in comparison.discrepancies:
        claims = " ".join(c.text or "" for c in d.claims)
        assert not ("EST" in claims and "GMT" in claims)


def test_read_next_appears_nowhere(comparison: Comparison) -> None:
    dumped = comparison.model_dump_json()
    assert "READ NEXT" not in dumped and "Lie Detector" not in dumped


def test_dprk_is_north_korea(comparison: Comparison) -> None:
    korea = [e for e in comparison.entities if e.name == "North Korea"]
    assert len(korea) == 1
    assert "DPRK" in {n for names in korea[0].aliases.values() for n in names}


def test_json_contract_keys(comparison: Comparison) -> None:
    data = json.loads(comparison.model_dump_json())
    for key in ("articles", "entities", "quotes", "facts", "discrepancies", "timeline", "framing"):
        assert key in data
    fact = data["facts"][0]
    assert {"kind", "articles", "sentences"} <= fact.keys()
    assert {"article", "start", "end", "text"} <= fact["sentences"][0].keys()


def test_markdown_report(comparison: Comparison) -> None:
    text = to_markdown(comparison)
    assert "## What several outlets report" in text and "## Who said what" in text
    assert "Sofitel Legend Metropole" in text


def test_an_untitled_article_is_told_by_its_opening_words(
    comparison: Comparison, annotated_examples: list[Article]
) -> None:
    untitled = by_source(annotated_examples, "us-outlet")
    refs = {ref.id: ref for ref in comparison.articles}
    assert refs[untitled.id].title is None
    assert refs[untitled.id].lead == untitled.opening()
    assert refs[untitled.id].lead.startswith("At 2 a.m. EST early Thursday")
    titled = by_source(annotated_examples, "wire-service")
    assert refs[titled.id].lead is None
    assert f"| *{refs[untitled.id].lead}* |" in to_markdown(comparison)


def test_markdown_tells_publication_times_for_people(comparison: Comparison) -> None:
    when = datetime(2019, 2, 28, 9, 5, tzinfo=UTC)
    refs = [comparison.articles[0].model_copy(update={"published": when})]
    text = to_markdown(comparison.model_copy(update={"articles": refs}))
    assert "| 28 Feb 2019, 09:05 UTC |" in text and "2019-02-28T" not in text


def test_markdown_escapes_article_text(comparison: Comparison) -> None:
    fact = comparison.facts[0]
    hostile = fact.sentences[0].model_copy(update={"text": "<script>alert(1)</script> | [x](y)"})
    changed = comparison.model_copy(
        update={"facts": [fact.model_copy(update={"sentences": [hostile]})]}
    )
    text = to_markdown(changed)
    assert "<script>" not in text and "\\<script\\>" in text and "\\[x\\](y)" in text


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Vote [details](https://e.example/x)", "Vote \\[details\\](https\\://e.example/x)"),
        ("Read www.e.example now", "Read www\\.e.example now"),
        ("&copy; AT&T ~~cut~~", "\\&copy; AT\\&T \\~\\~cut\\~\\~"),
        ("1. Opening", "1\\. Opening"),
    ],
)
def test_markdown_titles_are_text_not_links_or_lists(
    comparison: Comparison, title: str, shown: str
) -> None:
    """A headline is the outlet's words: no link, entity, strike-through or list is made of it."""
    refs = [comparison.articles[0].model_copy(update={"title": title})]
    table = to_markdown(comparison.model_copy(update={"articles": refs}))
    heading = to_markdown(comparison, title=title).splitlines()[0]
    assert f"| {shown} |" in table and heading == f"# {shown}"


def test_the_summary_tells_each_shared_fact_once(comparison: Comparison) -> None:
    """Two outlets' sentences of one fact are one thing told: never both in the summary."""
    assert comparison.summary is not None

    def facts(own: Span) -> set[int]:
        return {
            f
            for f, fact in enumerate(comparison.facts)
            for s in fact.sentences
            if s.article == own.article and s.start < own.end and own.start < s.end
        }

    told = [facts(s.citations[0]) for s in comparison.summary.sentences]
    assert any(told) and all(not (a & b) for i, a in enumerate(told) for b in told[i + 1 :])


def test_one_article_is_refused(annotated_examples: list[Article]) -> None:
    with pytest.raises(NewsprismError, match="at least two"):
        compare(annotated_examples[:1])


def test_cli_compare_writes_markdown_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    report = tmp_path / "report.md"
    result = runner.invoke(app, ["compare", str(EXAMPLES), "-o", str(report)])
    assert result.exit_code == 0, result.output
    assert "Sofitel" in report.read_text(encoding="utf-8")
    data_path = tmp_path / "report.json"
    result = runner.invoke(app, ["compare", str(EXAMPLES), "-o", str(data_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(data_path.read_text(encoding="utf-8"))["facts"]


def test_cli_compare_refuses_unknown_report_kind(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(EXAMPLES), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code != 0


def test_a_fact_holds_at_most_two_sentences_of_one_article(
    annotated_examples: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprism.comparison.align

    # Three sentences of one article all linked to one sentence of the other: the weakest
    # link would make a third sentence of the first article part of the fact.
    chain = [((0, 0), (1, 0), 0.9), ((0, 1), (1, 0), 0.8), ((0, 2), (1, 0), 0.7)]
    monkeypatch.setattr(newsprism.comparison.align, "links", lambda articles, concepts: chain)
    monkeypatch.setattr(newsprism.comparison.align, "_all_alike", lambda *_: True)
    facts = newsprism.comparison.align.align_facts(annotated_examples)
    [shared] = [f for f in facts if f.kind == "consensus"]
    first = annotated_examples[0]
    assert [(s.article, s.start) for s in shared.sentences] == [
        (first.id, first.sentences[0].start),
        (first.id, first.sentences[1].start),
        (annotated_examples[1].id, annotated_examples[1].sentences[0].start),
    ]


def test_a_dateline_alone_is_no_fact() -> None:
    from newsprism.comparison.align import align_facts
    from newsprism.comparison.sentences import sentence_concepts
    from newsprism.config import Settings
    from newsprism.ingest.prepare import prepare
    from newsprism.model import RawArticle
    from newsprism.nlp.annotation import annotate

    settings = Settings.load()
    texts = {
        "A": "WASHINGTON, June 5 (Xinhua) --\n\nThe Senate passed a farm bill on Friday that "
        "raises crop subsidies for wheat growers by a fifth.",
        "B": "WASHINGTON, June 7 (Xinhua) --\n\nA hurricane forced thousands of residents of "
        "the Florida coast to leave their homes on Sunday.",
    }
    raws = [RawArticle(origin=k, source=k, text=v) for k, v in texts.items()]
    articles = annotate([prepare(r, settings) for r in raws], settings)
    assert all(article.sentences[0].text.endswith("--") for article in articles)
    assert [sentence_concepts(a)[0] for a in articles] == [frozenset(), frozenset()]
    assert not [f for f in align_facts(articles) if f.kind == "consensus"]


def test_a_chain_of_links_does_not_join_sentences_that_differ(
    annotated_examples: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    import newsprism.comparison.align

    # Three reports: the first sentence of the second is close to both others, which are
    # not close to each other (a topic, not one statement): no fact holds all three.
    first, second = annotated_examples
    third = first.model_copy(update={"id": "third", "source": "third-outlet"})
    unit = np.eye(384, dtype=np.float32)
    vectors = [np.tile(unit[9], (len(a.sentences), 1)) for a in (first, second, third)]
    vectors[0][0], vectors[2][5] = unit[0], unit[1]
    vectors[1][0] = (unit[0] + unit[1]) / np.sqrt(2)
    articles = [
        a.model_copy(update={"embeddings": v})
        for a, v in zip((first, second, third), vectors, strict=True)
    ]
    chain = [((0, 0), (1, 0), 0.9), ((1, 0), (2, 5), 0.8)]
    monkeypatch.setattr(newsprism.comparison.align, "links", lambda articles, concepts: chain)
    shared = [f for f in newsprism.comparison.align.align_facts(articles) if f.kind == "consensus"]
    assert [[(s.article, s.start) for s in f.sentences] for f in shared] == [
        [(first.id, first.sentences[0].start), (second.id, second.sentences[0].start)]
    ]


def test_sentences_with_too_little_content_are_not_matched(
    annotated_examples: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprism.comparison.align
    import newsprism.comparison.sentences

    real = newsprism.comparison.sentences.sentence_concepts

    # The first sentence of each article as a stray quote mark (no content word), the second
    # as "she said." (one): neither may be matched with anything.
    def thinned(article: Article, entities: EntityIndex | None = None) -> list[frozenset[str]]:
        bags = real(article, entities)
        return [frozenset(), frozenset(sorted(bags[1])[:1]), *bags[2:]]

    monkeypatch.setattr(newsprism.comparison.sentences, "sentence_concepts", thinned)
    facts = newsprism.comparison.align.align_facts(annotated_examples)
    for article in annotated_examples:
        first, second = (s.start for s in article.sentences[:2])
        holding = {
            s.start: fact.kind for fact in facts for s in fact.sentences if s.article == article.id
        }
        assert first not in holding
        assert holding[second] == "exclusive"
    assert any(fact.kind == "consensus" for fact in facts)
