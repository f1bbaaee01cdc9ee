"""The stream path's features cache: a run over articles seen before calls no model."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

import newsprism.stories.features as features
from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles
from newsprism.stories import ArticleFeatures, stream_features
from test_store_suite import write_stream

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)


def _same(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    fields = ("id", "published", "title", "source", "entities", "terms", "lead")
    return all(getattr(a, f) == getattr(b, f) for f in fields) and (
        np.allclose(a.headline, b.headline) and np.allclose(a.body, b.body)
    )


def test_a_warm_run_reads_the_features_and_calls_no_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.load(cache_dir=tmp_path / "cache")
    articles = read_articles([str(write_stream(tmp_path / "s.jsonl"))], settings).articles[:4]
    cold = stream_features(articles, settings, now=NOW)
    calls: list[str] = []

    def counting(name: str) -> object:
        def called(*args: object, **kwargs: object) -> object:
            calls.append(name)
            raise AssertionError(f"{name} called on a warm run")

        return called

    for name in ("annotate", "embed_texts", "embed_static"):
        monkeypatch.setattr(features, name, counting(name))
    advanced: list[int] = []
    warm = stream_features(articles, settings, now=NOW, progress=advanced.append)
    assert calls == [] and sum(advanced) == len(articles)
    assert all(_same(a, b) for a, b in zip(cold, warm, strict=True))
    # Id, date and source are the article's own, not those of the text's first reading.
    copy = articles[0].model_copy(update={"id": "another", "source": "Elsewhere"})
    [again] = stream_features([copy], settings, now=NOW)
    assert (again.id, again.source) == ("another", "Elsewhere")
    assert np.allclose(again.headline, cold[0].headline)
    # Another title is another headline: computed afresh.
    retitled = articles[0].model_copy(update={"title": "A quite different headline"})
    with pytest.raises(AssertionError, match="warm run"):
        stream_features([retitled], settings, now=NOW)


def test_without_a_cache_the_features_are_computed_each_time(tmp_path: Path) -> None:
    settings = Settings.load(cache=False, cache_dir=tmp_path / "cache")
    articles = read_articles([str(write_stream(tmp_path / "s.jsonl"))], settings).articles[:2]
    first = stream_features(articles, settings, now=NOW)
    second = stream_features(articles, settings, now=NOW)
    assert all(_same(a, b) for a, b in zip(first, second, strict=True))
    assert not (tmp_path / "cache").exists()


def test_the_stream_path_caches_its_features_not_the_parse(tmp_path: Path) -> None:
    # The light level's Doc is never read back once the features are cached: it is not
    # written (about 8 % of `cluster`'s CPU, docs/performance.md); the full level still is.
    from newsprism.nlp import annotate

    settings = Settings.load(cache_dir=tmp_path / "cache")
    articles = read_articles([str(write_stream(tmp_path / "s.jsonl"))], settings).articles[:3]
    stream_features(articles, settings, now=NOW)
    cache = tmp_path / "cache"
    assert len(list(cache.rglob("*.json"))) >= len(articles)
    assert list(cache.rglob("*.spacy")) == []
    annotate(articles[:1], settings, embed=False)
    assert len(list(cache.rglob("*.spacy"))) == 1
