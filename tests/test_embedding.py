"""Sentence embeddings computed on a worker thread beside spaCy's parse (`nlp/embedding.py`)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import DATA
from newsprism.config import Settings
from newsprism.ingest.clean import clean
from newsprism.model import Article, RawArticle
from newsprism.nlp.annotation import annotate
from newsprism.nlp.embedding import embed_cached
from newsprism.nlp.models import embed_texts

_TEXTS = [
    (DATA / "report.txt").read_text(encoding="utf-8").split("\n", 2)[2],
    "The rail strike ended on Sunday after two days. Trains run again on every line.",
    "The museum opened a new wing for modern art on Friday evening. Critics liked it.",
    "Floods closed the coastal road near the port. The police said nobody was hurt.",
    "A storm cut power to 3,000 homes overnight. Crews restored most of it by noon.",
]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [clean(RawArticle(origin=f"{i}.txt", text=text)) for i, text in enumerate(_TEXTS)]


@pytest.fixture
def two_threads() -> Any:
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(2)
    yield torch
    torch.set_num_threads(before)


def test_each_article_gets_the_vectors_of_its_own_sentences(
    articles: list[Article], tmp_path: Path, two_threads: Any
) -> None:
    done: list[int] = []
    # batch_size 2: three batches, so some are embedded while later ones are parsed.
    settings = Settings.load(cache_dir=tmp_path, batch_size=2)
    result = annotate(articles, settings, progress=done.append)
    assert [a.id for a in result] == [a.id for a in articles]
    for article in result:
        expected = embed_texts([s.text for s in article.sentences], settings.embedding_package)
        # In bfloat16 another batch or thread count moves the last digits (~1e-3), no more.
        assert article.embeddings is not None and article.embeddings.shape == expected.shape
        assert float(np.min(np.sum(article.embeddings * expected, axis=1))) > 0.9999
    assert sum(done) == len(articles)
    assert two_threads.get_num_threads() == 2, "torch's thread count is restored"


def test_progress_counts_an_article_once_it_is_embedded(
    articles: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedded: list[int] = []
    reported: list[int] = []

    def encode(texts: list[str], *_: Any) -> np.ndarray:
        embedded.append(len(texts))
        return np.zeros((len(texts), 384), dtype=np.float32)

    monkeypatch.setattr("newsprism.nlp.embedding.embed_texts", encode)
    settings = Settings.load(cache_dir=tmp_path, batch_size=1)

    def progress(count: int) -> None:
        reported.append(count)
        assert len(embedded) >= len(reported), "an article counted before its embedding"

    annotate(articles[1:], settings, progress=progress)
    assert reported == [1, 1, 1, 1]


def test_an_error_on_the_worker_reaches_the_caller_and_leaves_nothing_running(
    articles: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, two_threads: Any
) -> None:
    def encode(texts: list[str], *_: Any) -> np.ndarray:
        raise RuntimeError("the encoder failed")

    monkeypatch.setattr("newsprism.nlp.embedding.embed_texts", encode)
    with pytest.raises(RuntimeError, match="the encoder failed"):
        annotate(articles[1:], Settings.load(cache_dir=tmp_path, batch_size=1))
    assert not [t for t in threading.enumerate() if t.name.startswith("newsprism-embed")]
    assert two_threads.get_num_threads() == 2
    assert not list(tmp_path.rglob("*.npy")), "no embedding was cached"


def test_precision_is_bfloat16_only_where_the_cpu_multiplies_it_natively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.nlp import models

    def precision(flags: str | None) -> str:
        cpuinfo = tmp_path / "cpuinfo"
        if flags is None:
            cpuinfo.unlink(missing_ok=True)
        else:
            cpuinfo.write_text(f"processor\t: 0\nflags\t\t: {flags}\n\n", encoding="utf-8")
        monkeypatch.setattr(models, "_CPUINFO", str(cpuinfo))
        models.embedding_precision.cache_clear()
        return models.embedding_precision()

    try:
        assert precision("fpu sse2 avx2 avx512f avx512_bf16") == "bfloat16"
        assert precision("fpu sse2 avx2 amx_tile amx_bf16") == "bfloat16"
        assert precision("fpu sse2 avx2 avx512f") == "float32"
        assert precision(None) == "float32"
        assert "embedding-precision=float32" in models.model_versions("a", "b")
    finally:
        models.embedding_precision.cache_clear()


def test_bfloat16_vectors_keep_float32_meaning(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.nlp import models

    sentences = [s for text in _TEXTS for s in text.split(". ") if s.strip()]
    package = Settings.load().embedding_package
    monkeypatch.setattr(models, "embedding_precision", lambda: "float32")
    exact = embed_texts(sentences, package, batch_size=16)
    monkeypatch.setattr(models, "embedding_precision", lambda: "bfloat16")
    cheap = embed_texts(sentences, package, batch_size=16)
    assert cheap.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(cheap, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(exact * cheap, axis=1))) > 0.999
    assert not np.array_equal(exact, cheap), "autocast computed in bfloat16"


def test_cached_text_vectors_are_read_back_without_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.nlp import embedding

    settings = Settings.load(cache_dir=tmp_path)
    texts = ["Euro introduction.", "Describe the steps taken by the banks."]
    first = embed_cached(texts, settings)
    assert np.array_equal(first, embed_texts(texts, settings.embedding_package))

    def unused(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("MiniLM ran for texts already in the cache")

    monkeypatch.setattr(embedding, "embed_texts", unused)
    assert np.array_equal(embed_cached(texts, settings), first)
    with pytest.raises(AssertionError):  # other texts are another entry
        embed_cached(texts[:1], settings)


def test_batches_embedded_apart_give_the_vectors_of_one_call() -> None:
    from newsprism.nlp.models import length_batches

    sentences = [s for text in _TEXTS for s in text.split(". ") if s.strip()]
    package = Settings.load().embedding_package
    whole = embed_texts(sentences, package, batch_size=4)
    apart = np.zeros_like(whole)
    batches = length_batches(sentences, 4)
    assert sorted(i for batch in batches for i in batch) == list(range(len(sentences)))
    for batch in batches:
        apart[batch] = embed_texts([sentences[i] for i in batch], package, batch_size=4)
    assert np.array_equal(apart, whole)


def test_two_threads_embed_at_once_as_one_does() -> None:
    import torch

    sentences = [s for text in _TEXTS for s in text.split(". ") if s.strip()]
    package = Settings.load().embedding_package
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        alone = embed_texts(sentences, package, batch_size=4)
        results: dict[int, list[np.ndarray]] = {0: [], 1: []}

        def embed(index: int) -> None:
            for _ in range(5):
                results[index].append(embed_texts(sentences, package, batch_size=4))

        threads = [threading.Thread(target=embed, args=(i,)) for i in results]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        torch.set_num_threads(before)
    assert all(np.array_equal(v, alone) for runs in results.values() for v in runs)
    assert len(results[0]) == len(results[1]) == 5


def test_the_caller_embeds_too_once_every_article_is_parsed(
    articles: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    caller_helped = threading.Event()

    def encode(texts: list[str], *_: Any) -> np.ndarray:
        name = threading.current_thread().name
        threads.append(name)
        if name == threading.main_thread().name:
            caller_helped.set()
        else:  # the worker waits, so that batches are left for the caller
            caller_helped.wait(timeout=10)
        return np.ones((len(texts), 384), dtype=np.float32)

    monkeypatch.setattr("newsprism.nlp.embedding.embed_texts", encode)
    result = annotate(articles[1:], Settings.load(cache_dir=tmp_path, batch_size=1))
    assert threading.main_thread().name in threads
    assert any(name.startswith("newsprism-embed") for name in threads)
    assert all(
        a.embeddings is not None and a.embeddings.shape == (len(a.sentences), 384) for a in result
    )
    assert not [t for t in threading.enumerate() if t.name.startswith("newsprism-embed")]


def test_a_sentence_repeated_across_articles_is_embedded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedded: list[str] = []

    def encode(texts: list[str], *_: Any) -> np.ndarray:
        embedded.extend(texts)
        return np.stack([_pseudo_vector(" ".join(t.split())) for t in texts])

    monkeypatch.setattr("newsprism.nlp.embedding.embed_texts", encode)
    texts = [
        "The ferry sank near the island on Monday. Rescuers pulled 40 people from the sea.",
        "Rescuers  pulled 40  people from the sea. The coast guard said the search goes on.",
        "The coast guard said the search goes on. The ferry sank near the island on Monday.",
    ]
    articles = [clean(RawArticle(origin=f"{i}.txt", text=t)) for i, t in enumerate(texts)]
    # batch_size 1: each article is a job of its own, and its repeats come from earlier jobs.
    result = annotate(articles, Settings.load(cache_dir=tmp_path, batch_size=1))
    wanted = [" ".join(s.text.split()) for a in result for s in a.sentences]
    assert len(wanted) == 6 and len(set(wanted)) == 3
    assert sorted(" ".join(t.split()) for t in embedded) == sorted(set(wanted))
    for article in result:
        assert article.embeddings is not None
        for sentence, vector in zip(article.sentences, article.embeddings, strict=True):
            assert np.array_equal(vector, _pseudo_vector(" ".join(sentence.text.split())))
    cached = annotate(articles, Settings.load(cache_dir=tmp_path, batch_size=1))
    assert all(
        np.array_equal(a.embeddings, b.embeddings) for a, b in zip(cached, result, strict=True)
    )


def _pseudo_vector(text: str) -> np.ndarray:
    """A vector that tells texts apart, for a stand-in encoder."""
    vector = np.zeros(384, dtype=np.float32)
    vector[sum(map(ord, text)) % 384] = 1.0
    vector[len(text) % 384] += 1.0
    return vector


def test_embedding_before_the_entities_leaves_the_parse_as_the_whole_pipeline_gives(
    articles: list[Article], tmp_path: Path
) -> None:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG

    from newsprism.nlp.models import spacy_pipeline

    settings = Settings.load(cache_dir=tmp_path, batch_size=2)
    nlp = spacy_pipeline(settings.spacy_model)
    attrs = [TAG, POS, DEP, HEAD, LEMMA, SENT_START, ENT_IOB, ENT_TYPE]
    # Parsed afresh, then read back from the cache.
    for result in (annotate(articles, settings), annotate(articles, settings)):
        for article in result:
            whole = nlp(article.text)
            assert article.doc is not None
            assert np.array_equal(article.doc.to_array(attrs), whole.to_array(attrs))
            assert [(m.start, m.end, m.label) for m in article.mentions] == [
                (e.start_char, e.end_char, e.label_) for e in whole.ents
            ]
        assert any(article.mentions for article in result)


def _float32(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.nlp import models

    monkeypatch.setattr(models, "embedding_precision", lambda: "float32")


# Short and long sentences in one batch (pads of up to a hundred word pieces), one past
# MAX_SEQ_LENGTH (truncated), a lone punctuation mark and an empty text.
_UNEVEN = [
    "Talks resumed.",
    "The two leaders met for a second day in Hanoi, where they had dinner on Wednesday.",
    " ".join(["The ferry carried 200 passengers and crew when it sank off the coast."] * 14),
    "?",
    "",
    "Officials said on Thursday that the strike had ended.",
]


def test_unpadded_vectors_are_sentence_transformers_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.nlp.models import sentence_encoder

    _float32(monkeypatch)
    package = Settings.load().embedding_package
    expected = sentence_encoder(package).encode(
        _UNEVEN, batch_size=16, normalize_embeddings=True, convert_to_numpy=True
    )
    vectors = embed_texts(_UNEVEN, package, batch_size=16)
    assert vectors.dtype == np.float32 and vectors.shape == expected.shape
    np.testing.assert_allclose(vectors, expected, atol=1e-5)
    # Alone or beside longer sentences, a sentence gets one vector.
    alone = embed_texts(_UNEVEN[:1], package)
    np.testing.assert_allclose(alone[0], vectors[0], atol=1e-5)


def test_a_model_unpadded_does_not_compute_is_encoded_as_sentence_transformers_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules.pooling import Pooling

    from newsprism.nlp import models
    from newsprism.nlp.unpadded import UnpaddedEncoder

    package = Settings.load().embedding_package
    model = models.sentence_encoder(package)
    assert UnpaddedEncoder.fits(model)
    first_piece = SentenceTransformer(modules=[model[0], Pooling(384, pooling_mode="cls")])
    assert not UnpaddedEncoder.fits(first_piece)
    _float32(monkeypatch)
    monkeypatch.setattr(models, "_unpadded", lambda package: None)
    expected = model.encode(_UNEVEN, batch_size=4, normalize_embeddings=True)
    np.testing.assert_allclose(embed_texts(_UNEVEN, package, batch_size=4), expected, atol=1e-6)


def test_a_comparison_embeds_its_own_texts_on_one_torch_thread(
    annotated_examples: list[Article], two_threads: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A comparison's own MiniLM calls (its words, its quotations) are a batch or two: a
    second torch thread gains nothing there and, with the other core busy, costs many times
    the CPU (`STAGE_TORCH_THREADS`)."""
    from newsprism.comparison.pipeline import compare
    from newsprism.nlp.unpadded import UnpaddedEncoder

    threads: list[int] = []
    real = UnpaddedEncoder.__call__

    def counted(self: UnpaddedEncoder, texts: list[str]) -> Any:
        threads.append(two_threads.get_num_threads())
        return real(self, texts)

    monkeypatch.setattr(UnpaddedEncoder, "__call__", counted)
    compare(annotated_examples)
    assert threads and set(threads) == {1}
    assert two_threads.get_num_threads() == 2, "torch's thread count is restored"
