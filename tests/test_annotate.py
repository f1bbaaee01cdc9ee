"""The annotate stage: sentences, mentions, embeddings, and the on-disk cache."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import DATA, by_source, sentence_spans
from newsprism.config import Settings
from newsprism.ingest.clean import clean
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import LIGHT_COMPONENTS, OPENING_TOKENS, Level, annotate
from newsprism.nlp.cache import AnnotationCache
from newsprism.nlp.models import PIPELINE_VERSION, model_versions, spacy_pipeline
from newsprism.nlp.spans import sentences_of
from newsprism.nlp.static import STATIC_DIM, embed_static
from newsprism.stories import features as features_module
from newsprism.stories.features import entity_keys, features_for, headline_text, term_counts


def _article(text: str) -> Article:
    return clean(RawArticle(origin="test.txt", text=text))


@pytest.fixture(scope="module")
def report(single_thread_torch: None) -> Article:
    return _article((DATA / "report.txt").read_text(encoding="utf-8").split("\n", 2)[2])


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    """Make spaCy and the sentence encoder fail if they are asked to process anything."""
    nlp = spacy_pipeline(settings.spacy_model)

    def pipe(texts: Iterable[str], **_: Any) -> Iterator[Any]:
        for text in texts:
            raise AssertionError(f"spaCy ran again on {text[:40]!r}")
        yield from ()

    def encode(texts: list[str], *_: Any) -> np.ndarray:
        assert not texts, "the sentence encoder ran again"
        return np.zeros((0, 384), dtype=np.float32)

    monkeypatch.setattr(nlp, "pipe", pipe)
    monkeypatch.setattr("newsprism.nlp.embedding.embed_texts", encode)


def _same(first: list[Article], second: list[Article]) -> None:
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        assert a.sentences == b.sentences
        assert a.mentions == b.mentions
        assert a.doc.text == b.doc.text
        assert [t.lemma_ for t in a.doc] == [t.lemma_ for t in b.doc]
        assert [t.dep_ for t in a.doc] == [t.dep_ for t in b.doc]
        np.testing.assert_allclose(a.embeddings, b.embeddings, atol=1e-6)


# --- what annotation produces ---------------------------------------------------------


def test_sentences_lie_inside_paragraphs(annotated_examples: list[Article]) -> None:
    for article in annotated_examples:
        assert len(article.sentences) > len(article.paragraphs) // 2
        for sentence in article.sentences:
            assert sentence.text == article.text[sentence.start : sentence.end]
            assert "\n" not in sentence.text
            assert sentence.text == sentence.text.strip()
            assert any(
                p.start <= sentence.start and sentence.end <= p.end for p in article.paragraphs
            )
        starts = [s.start for s in article.sentences]
        assert starts == sorted(starts)


def test_every_paragraph_starts_a_sentence(annotated_examples: list[Article]) -> None:
    for article in annotated_examples:
        starts = {s.start for s in article.sentences}
        assert all(p.start in starts for p in article.paragraphs)


@pytest.mark.parametrize("level", ["full", "light"])
def test_sentences_never_cross_a_paragraph_break(session_cache: Path, level: Level) -> None:
    article = _article(
        "Officials met in the capital on Monday without a statement\n\n"
        "the talks will continue next week in another city\n\n"
        "Nobody said when."
    )
    settings = Settings.load(cache_dir=session_cache)
    [annotated] = annotate([article], settings, level=level, embed=False)
    expected = [
        "Officials met in the capital on Monday without a statement",
        "the talks will continue next week in another city",
        "Nobody said when.",
    ]
    # The light level splits only its opening, the first paragraph.
    assert [s.text for s in annotated.sentences] == (expected if level == "full" else expected[:1])


def _senter_sentences(text: str, settings: Settings) -> list[str]:
    """The sentences the light level's components find in the whole of ``text``."""
    nlp = spacy_pipeline(settings.spacy_model)
    doc = nlp.make_doc(text)
    for name in LIGHT_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_the_light_level_splits_only_its_opening(session_cache: Path) -> None:
    text = (
        "Rescuers pulled two miners from the flooded shaft on Tuesday. Three are still missing. "
        "The mine had been cited for safety faults (see report).\n\n"
        "Officials said pumps would run all night. Families waited at the gate."
    )
    settings = Settings.load(cache_dir=session_cache)
    [light] = annotate([_article(text)], settings, level="light", embed=False)
    whole = _senter_sentences(text, settings)
    assert [s.text for s in light.sentences] == whole[:3]
    assert (
        light.sentences[0].text == "Rescuers pulled two miners from the flooded shaft on Tuesday."
    )
    # The tokens are the whole text's: clustering reads names and words off all of them.
    assert light.doc.text == light.text and "Families" in {t.text for t in light.doc}


def test_a_long_opening_is_split_up_to_its_limit(session_cache: Path) -> None:
    sentence = "The council voted on the budget of the harbour district again today. "
    text = sentence * (2 * OPENING_TOKENS // 12)  # one paragraph of about 2 * the limit
    settings = Settings.load(cache_dir=session_cache)
    [light] = annotate([_article(text)], settings, level="light", embed=False)
    whole = _senter_sentences(text, settings)
    assert 0 < len(light.sentences) < len(whole)
    assert [s.text for s in light.sentences[:-1]] == whole[: len(light.sentences) - 1]
    assert light.sentences[-1].end <= len(light.doc[:OPENING_TOKENS].text)


def test_closing_quote_stays_with_its_sentence(session_cache: Path) -> None:
    article = _article('He said: "We will walk away." Then he left the room quickly.')
    [annotated] = annotate([article], Settings.load(cache_dir=session_cache), embed=False)
    for sentence in annotated.sentences:
        assert any(c.isalnum() for c in sentence.text)


def test_no_sentence_starts_inside_a_clause_after_a_parenthesis(session_cache: Path) -> None:
    article = _article(
        "Top leader of the Democratic People's Republic of Korea (DPRK) Kim Jong Un and "
        "U.S. President Donald Trump ended their second summit on Thursday. "
        "The vote passed (Smith dissented.) Then the chamber adjourned for the week. "
        "Turnout fell sharply (see chart). Officials blamed the weather."
    )
    [annotated] = annotate([article], Settings.load(cache_dir=session_cache), embed=False)
    assert [s.text for s in annotated.sentences] == [
        "Top leader of the Democratic People's Republic of Korea (DPRK) Kim Jong Un and "
        "U.S. President Donald Trump ended their second summit on Thursday.",
        "The vote passed (Smith dissented.)",
        "Then the chamber adjourned for the week.",
        "Turnout fell sharply (see chart).",
        "Officials blamed the weather.",
    ]


@pytest.mark.parametrize("level", ["full", "light"])
def test_a_numeral_stays_with_its_sign(session_cache: Path, level: Level) -> None:
    article = _article(
        "Articles No. 5 and Nos. 6 and 7 were struck from the bill by the committee. "
        "He voted no. 3 of his aides resigned the next morning."
    )
    settings = Settings.load(cache_dir=session_cache)
    [annotated] = annotate([article], settings, level=level, embed=False)
    texts = [s.text for s in annotated.sentences]
    assert "Articles No. 5 and Nos. 6 and 7 were struck from the bill by the committee." in texts
    assert not any(t[:1].isdigit() for t in texts)


def test_cache_key_names_the_pipeline_version() -> None:
    assert f"newsprism-pipeline={PIPELINE_VERSION}" in model_versions("a_model", "a_package")


def test_examples_sentences(annotated_examples: list[Article]) -> None:
    us = by_source(annotated_examples, "us-outlet")
    texts = [s.text for s in us.sentences]
    assert texts[0].startswith("At 2 a.m. EST early Thursday, President Donald Trump")
    assert texts[0].endswith("came to abrupt end.")
    assert '"Sometimes, you have to walk," Trump announced.' in texts


def test_mentions_carry_labels_and_sentence(annotated_examples: list[Article]) -> None:
    for article in annotated_examples:
        assert article.mentions
        for mention in article.mentions:
            assert mention.text == article.text[mention.start : mention.end]
            assert mention.label.isupper()
            sentence = article.sentences[mention.sentence]
            assert sentence.start <= mention.start < sentence.end
    wire = by_source(annotated_examples, "wire-service")
    labels = {(m.text, m.label) for m in wire.mentions}
    assert ("Trump", "PERSON") in labels
    assert ("Hanoi", "GPE") in labels
    assert any(label == "ORG" for _, label in labels)


def test_mentions_match_the_doc(annotated_examples: list[Article]) -> None:
    for article in annotated_examples:
        assert article.doc is not None
        assert article.doc.text == article.text
        assert [(e.start_char, e.label_) for e in article.doc.ents] == [
            (m.start, m.label) for m in article.mentions
        ]
        assert any(t.lemma_ != t.text for t in article.doc)


def test_embeddings_one_unit_row_per_sentence(annotated_examples: list[Article]) -> None:
    for article in annotated_examples:
        vectors = article.embeddings
        assert isinstance(vectors, np.ndarray)
        assert vectors.shape == (len(article.sentences), 384)
        assert vectors.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_embeddings_place_similar_sentences_close(annotated_examples: list[Article]) -> None:
    us = by_source(annotated_examples, "us-outlet")
    wire = by_source(annotated_examples, "wire-service")
    similarity = us.embeddings @ wire.embeddings.T
    # Each outlet's "no agreement" sentence is nearer to the other's than to unrelated ones.
    assert similarity.max() > 0.6
    assert similarity.min() < 0.3


def test_annotate_keeps_order_and_does_not_change_inputs(
    examples: Any, annotated_examples: list[Article]
) -> None:
    assert [a.id for a in annotated_examples] == [a.id for a in examples.articles]
    assert all(a.sentences == [] for a in examples.articles)
    assert all(a.doc is None for a in examples.articles)


def test_annotated_article_serializes_without_doc(annotated_examples: list[Article]) -> None:
    article = annotated_examples[0]
    again = Article.model_validate_json(article.model_dump_json())
    # Pydantic's == also compares private attributes (the Doc); the data is what must survive.
    assert again.model_dump() == article.model_dump()
    assert again.doc is None


def test_embed_false_and_disabled_ner(report: Article, tmp_path: Path) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    [plain] = annotate([report], settings, embed=False, disable={"ner"})
    assert plain.embeddings is None
    assert plain.mentions == []
    assert plain.sentences
    [full] = annotate([report], settings, embed=False)
    assert full.mentions, "a cache entry made without NER must not serve a call with NER"


def test_light_level_has_what_clustering_reads_and_no_parse(
    report: Article, tmp_path: Path
) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    [light] = annotate([report], settings, level="light", embed=False)
    [full] = annotate([report], settings, embed=False)
    assert (light.annotation, full.annotation) == ("light", "full")
    assert not light.doc.has_annotation("DEP") and full.doc.has_annotation("DEP")
    assert not light.doc.has_annotation("LEMMA"), "the light level runs no lemmatizer"
    assert not light.doc.has_annotation("TAG"), "nor a tagger"
    assert light.sentences and not light.mentions and full.mentions
    # Clustering reads the same names and words from either level.
    assert entity_keys(light) == entity_keys(full) != frozenset()
    assert term_counts(light) == term_counts(full) != {}


def test_levels_are_cached_apart(
    report: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    annotate([report], settings, level="light", embed=False)
    [full] = annotate([report], settings, embed=False)
    assert full.doc.has_annotation("DEP"), "a light entry must not serve the full level"
    _forbid_parsing(monkeypatch, settings)
    [light] = annotate([report], settings, level="light", embed=False)
    assert light.annotation == "light"


def test_empty_list(tmp_path: Path) -> None:
    assert annotate([], Settings.load(cache_dir=tmp_path)) == []


def test_batches_keep_order(report: Article, tmp_path: Path) -> None:
    other = _article("The rail strike ended on Sunday after two days. Trains run again.")
    third = _article("The museum opened a new wing for modern art on Friday evening.")
    settings = Settings.load(cache_dir=tmp_path, batch_size=2)
    result = annotate([report, other, third], settings)
    assert [a.id for a in result] == [report.id, other.id, third.id]
    assert [len(a.embeddings) for a in result] == [len(a.sentences) for a in result]


# --- the cache ----------------------------------------------------------------------------


def test_second_run_reads_the_cache(
    report: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    first = annotate([report], settings)
    assert list(tmp_path.rglob("*.spacy"))
    assert list(tmp_path.rglob("*.npy"))
    _forbid_parsing(monkeypatch, settings)
    second = annotate([report], settings)
    _same(first, second)


def test_progress_is_reported(report: Article, tmp_path: Path) -> None:
    done: list[int] = []
    annotate([report], Settings.load(cache_dir=tmp_path), embed=False, progress=done.append)
    assert done == [1]


def test_no_cache_writes_nothing(
    report: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    settings = Settings.load(cache=False, cache_dir=folder)
    annotate([report], settings)
    assert not folder.exists() or not any(folder.rglob("*"))
    # Nor does it read: a filled cache is ignored with cache=False.
    annotate([report], Settings.load(cache_dir=folder))
    assert any(folder.rglob("*.spacy"))
    calls: list[int] = []
    nlp = spacy_pipeline(settings.spacy_model)
    original = nlp.pipe

    def counting(texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        texts = list(texts)
        calls.append(len(texts))
        yield from original(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting)
    annotate([report], settings, embed=False)
    assert calls == [1]


@pytest.mark.parametrize("damage", [b"", b"garbage, not a DocBin or npy", b"\x93NUMPY\x01\x00"])
def test_corrupted_cache_files_are_ignored(
    report: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    first = annotate([report], settings)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 2
    for path in files:
        path.write_bytes(damage)
    second = annotate([report], settings)
    _same(first, second)
    # The damaged entries were replaced: a third run needs no model.
    _forbid_parsing(monkeypatch, settings)
    _same(first, annotate([report], settings))


def test_cached_embeddings_of_wrong_length_are_recomputed(report: Article, tmp_path: Path) -> None:
    settings = Settings.load(cache_dir=tmp_path)
    first = annotate([report], settings)
    [npy] = tmp_path.rglob("*.npy")
    np.save(npy, np.ones((1, 384), dtype=np.float32))
    second = annotate([report], settings)
    _same(first, second)


def test_unwritable_cache_folder_does_not_stop_annotation(report: Article, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    [article] = annotate([report], Settings.load(cache_dir=blocker / "cache"), embed=False)
    assert article.sentences


def test_cache_store_and_load(tmp_path: Path) -> None:
    cache = AnnotationCache(tmp_path)
    key = cache.key("a", "b")
    assert key != cache.key("a", "c")
    assert key != cache.key("ab", "")
    assert cache.get_array(key) is None
    cache.put_array(key, np.arange(6, dtype=np.float32).reshape(2, 3))
    np.testing.assert_array_equal(cache.get_array(key), np.arange(6).reshape(2, 3))
    assert not list(tmp_path.rglob("*.tmp"))
    disabled = AnnotationCache(tmp_path, enabled=False)
    assert disabled.get_array(key) is None


def test_failed_cache_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newsprism.nlp.cache.os.replace", full_disk)
    cache = AnnotationCache(tmp_path)
    cache.put_array(cache.key("x"), np.zeros((2, 3), dtype=np.float32))
    assert cache.get_array(cache.key("x")) is None
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_clock_time_keeps_its_zone(session_cache: Path) -> None:
    article = _article(
        "The launch came at 7:20 a.m. MDT and was watched by thousands near the pad. "
        "The meeting ended at 11 a.m. The talks resume tomorrow."
    )
    [annotated] = annotate([article], Settings.load(cache_dir=session_cache), embed=False)
    assert [s.text for s in annotated.sentences] == [
        "The launch came at 7:20 a.m. MDT and was watched by thousands near the pad.",
        "The meeting ended at 11 a.m.",
        "The talks resume tomorrow.",
    ]


def test_the_body_vector_is_the_static_embedding_of_the_whole_text(
    report: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The light level embeds no sentence; clustering's body vector is the static model's
    embedding of the whole text (a word at its very end counts), and MiniLM reads only the
    headline."""
    settings = Settings.load(cache_dir=tmp_path)
    [light] = annotate([report], settings, level="light")
    assert light.embeddings is None, "the light level embeds no sentence by default"
    encoded: list[str] = []
    real_encode = features_module.embed_texts

    def counted(texts: list[str], *args: Any, **options: Any) -> np.ndarray:
        encoded.extend(texts)
        return real_encode(texts, *args, **options)

    monkeypatch.setattr(features_module, "embed_texts", counted)
    [features] = features_for([light], settings)
    assert encoded == [headline_text(light)]
    assert features.body.shape == (STATIC_DIM,)
    assert np.allclose(features.body, embed_static([light.text.strip()])[0], atol=1e-5)
    longer = light.model_copy(update={"text": light.text + " Volcanic ash grounded flights."})
    assert not np.allclose(embed_static([longer.text])[0], features.body, atol=1e-3)


def test_the_sentences_of_a_span_are_those_of_its_tokens(
    annotated_examples: list[Article],
) -> None:
    # `sentences_of` finds each sentence once; spaCy's Token.sent walks it for every token.
    crossing = 0
    for span in sentence_spans(annotated_examples):
        ours = sentences_of(span)
        assert set(ours) == {t.sent for t in span}
        assert [s.start for s in ours] == sorted(s.start for s in ours)
        crossing += len(ours) > 1
    assert crossing > 5
    assert sentences_of(annotated_examples[0].doc[3:3]) == []
