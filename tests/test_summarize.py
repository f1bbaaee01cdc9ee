"""Extractive multi-document summaries: the Hanoi-summit reports, compression, pronouns,
update mode, the word budget and the batch path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, sentence_spans
from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.ingest.prepare import prepare
from newsprism.model import (
    Article,
    Claim,
    Discrepancy,
    DocumentSet,
    RawArticle,
    Sentence,
    Summary,
)
from newsprism.nlp import dateline_length
from newsprism.nlp.annotation import annotate
from newsprism.nlp.models import spacy_pipeline
from newsprism.summary import summarize, summarize_document_set
from newsprism.summary.candidates import (
    _cut_short,
    _first_person,
    candidates_of,
)
from newsprism.summary.compress import _entities, compress, join


@pytest.fixture
def cached(session_cache: Path) -> Settings:
    return Settings.load(cache_dir=session_cache)


@pytest.fixture(scope="session")
def nlp(single_thread_torch: None) -> Any:
    return spacy_pipeline(Settings.load(cache=False).spacy_model)


def _words(text: str) -> int:
    return len(text.split())


def _article(text: str, settings: Settings, name: str = "report") -> Article:
    raw = RawArticle(origin=f"{name}.txt", text=text, source=name, input_id=name)
    return annotate([prepare(raw, settings)], settings)[0]


def _assert_cites_its_own_words(summary: Summary, articles: list[Article]) -> None:
    """Every summary sentence is made of spans of one article: each own span's text is in it."""
    by_id = {a.id: a for a in articles}
    for sentence in summary.sentences:
        own = [c for c in sentence.citations if c.article == sentence.citations[0].article]
        article = by_id[own[0].article]
        pieces = [article.text[c.start : c.end] for c in own]
        assert pieces[0][1:] in sentence.text, (pieces, sentence.text)
        assert sum(len(p) for p in pieces) >= len(sentence.text) * 0.5


# --- the Hanoi reports ------------------------------------------------------------------------


def test_summary_says_the_summit_failed_and_why_citing_both_outlets(
    annotated_examples: list[Article], cached: Settings
) -> None:
    summary = summarize(annotated_examples, cached, max_words=60)
    text = summary.text
    assert summary.sentences and _words(text) <= 60
    assert "READ NEXT" not in text
    outcome = [s for s in summary.sentences if "agreement" in s.text or "deal" in s.text]
    assert outcome, text
    ids = {a.id for a in annotated_examples}
    assert any({c.article for c in s.citations} == ids for s in outcome)
    # Why: what the two sides wanted was too far apart (a gap; sanctions).
    assert "gap" in text or "sanctions" in text, text
    assert summary.notice is None
    _assert_cites_its_own_words(summary, annotated_examples)


@pytest.mark.parametrize("budget", [15, 40, 100])
def test_word_limit_is_respected(
    annotated_examples: list[Article], cached: Settings, budget: int
) -> None:
    summary = summarize(annotated_examples, cached, max_words=budget)
    assert _words(summary.text) <= budget
    assert summary.sentences


def test_more_words_than_content_gives_all_of_it_with_a_notice(
    annotated_examples: list[Article], cached: Settings
) -> None:
    summary = summarize(annotated_examples, cached, max_words=5000)
    total = sum(_words(a.text) for a in annotated_examples)
    assert 100 < _words(summary.text) < total
    assert len({s.text for s in summary.sentences}) == len(summary.sentences)
    assert summary.notice and "5000" in summary.notice
    # Nothing quoted without its speaker, nothing cut out of a longer quotation.
    assert all(not s.text.startswith(("I ", "We ")) for s in summary.sentences)
    _assert_cites_its_own_words(summary, annotated_examples)


def test_update_mode_tells_only_what_is_new(
    annotated_examples: list[Article], cached: Settings, single_thread_torch: None
) -> None:
    """An updated wire story: the reader read the first version; only the new paragraph is news."""
    wire = next(a for a in annotated_examples if "DPRK" in a.text)
    added = (
        "North Korean Foreign Minister Ri Yong Ho told a midnight news conference that "
        "Pyongyang had asked only for partial relief from the sanctions."
    )
    updated = _article(f"{wire.text}\n\n{added}", cached, "wire-update")
    plain = summarize([updated], cached, max_words=60)
    update = summarize([updated], cached, max_words=60, seen=[wire])
    assert plain.text != update.text
    assert update.sentences and all(
        "Ri Yong Ho" in s.text or "partial relief" in s.text for s in update.sentences
    ), update.text
    # Everything else was read already: the summary is short, and says why.
    assert update.notice and "new to the reader" in update.notice


def test_what_the_reader_has_seen_is_parsed_but_never_embedded(
    annotated_examples: list[Article],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    single_thread_torch: None,
) -> None:
    """Only the concepts of the articles read count (`concept_weights`): MiniLM does not run
    on them, and the summary is the one their vectors would have given."""
    from newsprism.nlp import embedding

    wire = next(a for a in annotated_examples if "DPRK" in a.text)
    added = (
        "North Korean Foreign Minister Ri Yong Ho told a midnight news conference that "
        "Pyongyang had asked only for partial relief from the sanctions."
    )
    fresh = Settings.load(cache_dir=tmp_path)
    updated = prepare(RawArticle(origin="update.txt", text=f"{wire.text}\n\n{added}"), fresh)
    read = prepare(RawArticle(origin="wire.txt", text=wire.text), fresh)
    embedded: list[str] = []
    real = embedding.embed_texts

    def spy(texts: list[str], *args: Any, **kwargs: Any) -> Any:
        embedded.extend(texts)
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(embedding, "embed_texts", spy)
    update = summarize([updated], fresh, max_words=60, seen=[read])
    assert added in embedded, "the new article's sentences are embedded"
    assert embedded.count(wire.sentences[0].text) == 1, "a sentence of both, for the new one"
    # The seen article with its vectors, as every caller gave it before: the same summary.
    assert update == summarize([updated], fresh, max_words=60, seen=[wire])


def test_query_changes_the_choice(annotated_examples: list[Article], cached: Settings) -> None:
    plain = summarize(annotated_examples, cached, max_words=45)
    focused = summarize(
        annotated_examples, cached, max_words=45, query="lunch and signing ceremony at the hotel"
    )
    assert focused.text != plain.text
    assert "lunch" in focused.text.lower()


# --- compression ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The euro will be launched on January 1, 1999, the central bank said on Monday.",
            "The euro will be launched on January 1, 1999.",
        ),
        (
            "The minister said that the mine would not be stopped.",
            "The mine would not be stopped.",
        ),
        ("However, the plan was approved by parliament.", "The plan was approved by parliament."),
        (
            "The European Central Bank (ECB) raised its rates on Thursday.",
            "The European Central Bank raised its rates.",
        ),
        (
            "At 2 a.m. EST early Thursday, the president addressed the media in Hanoi.",
            "The president addressed the media in Hanoi.",
        ),
        (
            "Most companies are not prepared for the shift, according to a survey by the ministry.",
            "Most companies are not prepared for the shift.",
        ),
        # Quotations and first-person statements keep their speaker; dates stay.
        ('"We will win this fight," the minister said.', None),
        ("We will not give up the mine, the minister said.", None),
        ("In 1996, the plan was approved by parliament.", None),
        # Institutions and groups relay; a person's or one individual's claim, or a hedged
        # one, keeps who made it.
        ("The ferry was overloaded, police said on Monday.", "The ferry was overloaded."),
        (
            "The election was stolen, Jo Roe said on Monday.",
            "The election was stolen, Jo Roe said.",
        ),
        ("Senator Jo Roe said that the vote had been rigged.", None),
        ("The bank is hiding its losses, an analyst said.", None),
        ("Prices may rise, according to a survey by the ministry.", None),
        ("Investors panicked, according to Jo Roe, an analyst.", None),
    ],
)
def test_compression(nlp: Any, sentence: str, expected: str | None) -> None:
    pieces = compress(nlp(sentence), 0, len(sentence))
    assert (join(sentence, pieces) if pieces else None) == expected


def test_compression_reads_a_sentence_s_entities_as_spacy_gives_them(
    annotated_examples: list[Article],
) -> None:
    # `_entities` reads only the span's tokens; spaCy's Span.ents rebuilds every entity of
    # the document. Whole sentences, and pieces that cut an entity at either end.
    compared = 0
    for span in sentence_spans(annotated_examples):
        ours = [(e.start, e.end, e.label_, e.root.i) for e in _entities(span)]
        assert ours == [(e.start, e.end, e.label_, e.root.i) for e in span.ents]
        compared += bool(ours)
    assert compared > 10


def test_joined_pieces_keep_the_text_s_spacing() -> None:
    text = "The European Union (EU)'s executive body (EC) met."
    pieces = [(0, 18), (23, 40), (46, 50)]
    assert join(text, pieces) == "The European Union's executive body met."


# --- readability: datelines, pronouns, quotations, the writer's voice --------------------------


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("BRUSSELS, January 22 (Xinhua) -- Two polls showed support.", "Two polls showed support."),
        ("GENEVA (AP) _ The balloon took off.", "The balloon took off."),
        ("Washington _ Former Speaker Newt Gingrich filed.", "Former Speaker Newt Gingrich filed."),
        ("LONDON -- Prices rose.", "Prices rose."),
        ("If the case did not apply _ and it may not _ he lost.", None),
        ("The team says it is ready.", None),
    ],
)
def test_datelines(sentence: str, body: str | None) -> None:
    assert sentence[dateline_length(sentence) :] == (body or sentence)


def test_a_sentence_the_splitter_cut_short_is_not_used() -> None:
    text = "Japan's regulator told Microsoft Corp. to stop its practices. It agreed."
    cut = text.index(" to stop")
    article = Article(
        id="x",
        text=text,
        sentences=[
            Sentence(start=0, end=cut, text=text[:cut]),
            Sentence(start=cut + 1, end=61, text=text[cut + 1 : 61]),
            Sentence(start=62, end=len(text), text=text[62:]),
        ],
    )
    assert _cut_short(article, 0) and not _cut_short(article, 1) and not _cut_short(article, 2)


@pytest.mark.parametrize(
    ("sentence", "voice"),
    [
        ("I have covered the ministry for years.", True),
        ("Yesterday my editor and I drove to the border.", True),
        ('"I will not resign," the minister said.', False),
        ("Porto reopened the Dom Luis I bridge on Saturday.", False),
        ("The portrait of Elizabeth I was sold in London.", False),
    ],
)
def test_the_writer_s_own_voice(nlp: Any, sentence: str, voice: bool) -> None:
    article = Article(id="x", text=sentence)
    article._doc = nlp(sentence)
    assert _first_person(article, 0, len(sentence)) is voice


STORY = (
    "German Economics Minister Guenter Rexrodt spoke to business leaders in Bonn on Monday.\n\n"
    "He urged German companies to prepare their accounts for the single currency this year.\n\n"
    "It will be introduced in eleven countries at the start of next year, officials said.\n\n"
    '"Companies had years to prepare. Many of them simply waited for others to move first. '
    'That was a mistake," Rexrodt told the meeting.\n\n'
    "I have covered the ministry for years and never saw such a crowd at a briefing."
)


def test_leading_pronoun_is_replaced_by_the_name_and_cited(
    cached: Settings, single_thread_torch: None
) -> None:
    article = _article(STORY, cached)
    candidates = candidates_of([article])
    texts = [c.text for c in candidates]
    named = [c for c in candidates if c.text.startswith("Guenter Rexrodt urged")]
    assert named, texts
    name = named[0].spans[0]
    assert article.text[name[0] : name[1]] == "Guenter Rexrodt"
    assert "He urged" not in " ".join(texts)
    # "It" has no named referent: the sentence is not offered alone.
    assert not any(t.startswith(("It ", "Eleven", "Officials")) for t in texts)
    # A sentence inside a longer quotation would lose its speaker.
    assert not any("simply waited" in t for t in texts)
    # The writer's own voice is not news.
    assert not any("covered the ministry" in t for t in texts)


def test_a_subject_pronoun_after_an_opening_phrase_is_named_too(
    cached: Settings, single_thread_torch: None
) -> None:
    text = (
        "Governor Maria Villanueva said on Monday that the bridge would stay closed for repairs.\n\n"
        "On Tuesday, she reopened one lane of the bridge to buses and ambulances.\n\n"
        "After meeting Carlos Vega, he agreed to pay for the repairs of the bridge."
    )
    article = _article(text, cached)
    texts = [c.text for c in candidates_of([article])]
    assert (
        "On Tuesday, Maria Villanueva reopened one lane of the bridge to buses and ambulances."
        in texts
    )
    assert not any("she reopened" in t for t in texts)
    # The person named in the opening phrase is rarely the subject: not offered alone.
    assert not any("he agreed" in t or "Vega agreed" in t for t in texts)


def test_summary_sentence_with_a_name_cites_it(cached: Settings, single_thread_torch: None) -> None:
    article = _article(STORY, cached)
    summary = summarize([article], cached, max_words=100)
    sentence = next(s for s in summary.sentences if s.text.startswith("Guenter Rexrodt urged"))
    cited = [article.text[c.start : c.end] for c in sentence.citations]
    assert cited[0] == "Guenter Rexrodt"
    assert cited[1].startswith("urged German companies")


# --- batch ------------------------------------------------------------------------------------


def _documents() -> list[RawArticle]:
    return [
        RawArticle(origin=str(path), text=path.read_text(encoding="utf-8"), input_id=path.stem)
        for path in sorted(EXAMPLES.glob("*.txt"))
    ]


def test_batch_cluster_cites_input_ids(cached: Settings) -> None:
    documents = _documents()
    broken = RawArticle(origin="empty", text="   ", input_id="empty")
    cluster = DocumentSet(id="hanoi", documents=[*documents, documents[0], broken])
    result = summarize_document_set(cluster, cached, 60)
    assert result["id"] == "hanoi"
    assert 0 < _words(result["summary"]) <= 60
    cited = {ref for s in result["sentences"] for ref in s["citations"]}
    assert cited == {"us-outlet", "wire-service"}
    assert "notice" not in result


def test_batch_one_article_and_empty_clusters(cached: Settings) -> None:
    one = summarize_document_set(DocumentSet(id="one", documents=_documents()[:1]), cached, 60)
    assert one["summary"] and {r for s in one["sentences"] for r in s["citations"]} == {"us-outlet"}
    empty = DocumentSet(id="empty", documents=[RawArticle(origin="x", text=" ", input_id="x")])
    with pytest.raises(NewsprismError, match="readable"):
        summarize_document_set(empty, cached, 60)


FRENCH = "Ceci est un article en français sur la politique du gouvernement et ses conséquences."


def test_batch_command_reports_bad_clusters_and_notices(tmp_path: Path) -> None:
    from newsprism.cli import app

    documents = [
        {"id": p.stem, "source": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted(EXAMPLES.glob("*.txt"))
    ]
    lines = [
        json.dumps({"id": "hanoi", "documents": documents}),
        "{not json",
        json.dumps({"id": "french", "documents": [{"id": "x", "text": FRENCH}]}),
        json.dumps({"id": "short", "documents": documents[:1]}),
    ]
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "summaries.jsonl"
    result = CliRunner().invoke(
        app, ["summarize", "--batch", str(clusters), "--max-words", "3000", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in written] == ["hanoi", "short"]
    assert all(line["notice"] for line in written)
    stderr = " ".join(result.stderr.split())  # the console wraps long lines
    assert "clusters.jsonl:2: not valid JSON" in stderr
    assert "error: " in stderr and "cluster french: none of its 1 documents" in stderr
    assert "notice: " in stderr and "cluster short: the articles hold" in stderr


def test_summarize_command_prints_the_notice_on_stderr() -> None:
    from newsprism.cli import app

    result = CliRunner().invoke(app, ["summarize", str(EXAMPLES), "--max-words", "3000"])
    assert result.exit_code == 0, result.output
    assert "notice: summary: the articles hold" in " ".join(result.stderr.split())
    assert "notice" not in result.stdout


# --- a disputed value is told once ------------------------------------------------------------


def test_both_sides_of_a_discrepancy_are_one_thing_told_once(
    cached: Settings, single_thread_torch: None
) -> None:
    ledger = _article(
        "Rescuers pulled 150 people from the water by mid-afternoon. "
        "Navy divers searched the hull for more victims.",
        cached,
        "ledger",
    )
    wire = _article(
        "The governor said 156 people had been rescued by the coast guard, the navy and "
        "local fishermen. Relatives gathered at the port, where officials posted lists.",
        cached,
        "wire",
    )

    def claim(article: Article, number: str) -> Claim:
        start = article.text.index(number)
        return Claim.on(article.span(start, start + len(number)), float(number))

    rescued = Discrepancy(kind="number", claims=[claim(ledger, "150"), claim(wire, "156")])
    apart = summarize([ledger, wire], cached, max_words=100)
    assert sum("150" in s.text or "156" in s.text for s in apart.sentences) == 2
    summary = summarize([ledger, wire], cached, max_words=100, discrepancies=[rescued])
    [told] = [s for s in summary.sentences if "150" in s.text or "156" in s.text]
    assert told.disputed  # told once, with the other side's value beside it
