"""The data model's JSON contract and the settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import by_source
from newsprism.config import Settings
from newsprism.errors import InputError, NewsprismError, Problem
from newsprism.ingest.prepare import Collection
from newsprism.model import (
    SCHEMA_VERSION,
    Article,
    Comparison,
    DocumentSet,
    Fact,
    Quote,
    QuoteOccurrence,
    RawArticle,
    Span,
    json_schema,
    normalize_text,
    text_id,
)

# --- JSON round trips -------------------------------------------------------------------


def test_article_json_round_trip(examples: Collection) -> None:
    for article in examples.articles:
        again = Article.model_validate_json(article.model_dump_json())
        assert again == article
        assert again.to_original(10) == article.to_original(10)


def test_annotated_article_json_round_trip(annotated_examples: list[Article]) -> None:
    article = by_source(annotated_examples, "wire-service")
    data = json.loads(article.model_dump_json())
    assert data["sentences"] and data["mentions"]
    again = Article.model_validate(data)
    assert again.model_dump() == article.model_dump()
    assert again.sentences == article.sentences


def test_published_keeps_its_zone() -> None:
    published = datetime.fromisoformat("2019-02-28T14:00:00+07:00")
    article = Article(id="x", text="Text.", published=published)
    again = Article.model_validate_json(article.model_dump_json())
    assert again.published == published
    assert again.published.utcoffset() == published.utcoffset()


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValueError, match="extra"):
        Article.model_validate({"id": "x", "text": "t", "colour": "red"})


def test_article_span_and_ref(examples: Collection) -> None:
    article = examples.articles[0]
    span = article.span(0, 10)
    assert span == Span(article=article.id, start=0, end=10, text=article.text[:10])
    assert article.ref == article.id
    assert article.to_original(len(article.text) + 5) is None


def test_text_id_ignores_case_width_and_spacing() -> None:
    assert text_id("Hello  World\n\nAgain") == text_id("hello world again")
    assert text_id("Ｈｅｌｌｏ") == text_id("Hello")
    assert text_id("Hello") != text_id("Hello!")
    assert normalize_text("  A\tb  ") == "a b"


def test_cluster_round_trip() -> None:
    raw = RawArticle(
        origin="c.jsonl:1 document d1",
        text="Body.",
        published=datetime(2024, 1, 2, 3, 4, tzinfo=UTC),
        input_id="d1",
    )
    cluster = DocumentSet(id="c1", query="q", documents=[raw], seen_documents=[raw])
    assert DocumentSet.model_validate_json(cluster.model_dump_json()) == cluster


def test_comparison_round_trip() -> None:
    span = Span(article="a1", start=0, end=5, text="Hello")
    comparison = Comparison(
        facts=[Fact(kind="consensus", articles=["a1", "a2"], sentences=[span])],
        quotes=[
            Quote(
                text="Hello",
                speaker="Donald Trump",
                occurrences=[QuoteOccurrence(article="a1", start=0, end=5, match="verbatim")],
            )
        ],
    )
    assert Comparison.model_validate_json(comparison.model_dump_json()) == comparison
    with pytest.raises(ValueError):
        Fact(kind="maybe", articles=[])


def test_a_comparison_carries_the_contract_version_and_an_older_one_still_reads() -> None:
    written = json.loads(Comparison().model_dump_json())
    assert written["schema_version"] == SCHEMA_VERSION == "2"
    older = {"articles": [], "facts": [], "discrepancies": [], "quotes": []}
    read = Comparison.model_validate(older)
    assert read.differences == [] and read.schema_version == SCHEMA_VERSION


# --- JSON Schema --------------------------------------------------------------------------


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


@pytest.mark.parametrize(
    ("name", "properties", "required"),
    [
        (
            "article",
            {"id", "title", "source", "url", "published", "text", "paragraphs", "sentences",
             "mentions", "removed", "alignment", "language"},
            {"id", "text"},
        ),
        ("document-set", {"id", "query", "documents", "seen_documents"}, {"id"}),
        (
            "comparison",
            {"schema_version", "articles", "entities", "quotes", "facts", "discrepancies",
             "differences", "timeline", "summary"},
            set(),
        ),
    ],
)  # fmt: skip
def test_json_schema(name: str, properties: set[str], required: set[str]) -> None:
    schema = json.loads(json_schema(name))
    assert schema["type"] == "object"
    assert schema["title"].lower() == name.replace("-", "")
    assert properties <= set(schema["properties"])
    assert required <= set(schema.get("required", []))
    for ref in _refs(schema):
        assert ref.startswith("#/$defs/")
        assert ref.removeprefix("#/$defs/") in schema["$defs"]
    assert schema.get("additionalProperties") is False


def test_article_schema_describes_published_as_date_time() -> None:
    schema = json.loads(json_schema("article"))
    published = schema["properties"]["published"]
    assert {"type": "string", "format": "date-time"} in published["anyOf"]


# --- settings ---------------------------------------------------------------------------


def test_settings_defaults() -> None:
    settings = Settings.load()
    assert settings.max_bytes == 5_000_000
    assert settings.languages == ("en",)
    assert settings.cache is True
    assert settings.fetch_links is False


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSPRISM_MAX_BYTES", "1234")
    monkeypatch.setenv("NEWSPRISM_FETCH_TIMEOUT", "2.5")
    monkeypatch.setenv("NEWSPRISM_CACHE", "off")
    monkeypatch.setenv("NEWSPRISM_FETCH_LINKS", "yes")
    monkeypatch.setenv("NEWSPRISM_LANGUAGES", "en, fr")
    monkeypatch.setenv("NEWSPRISM_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("NEWSPRISM_UNKNOWN_THING", "ignored")
    settings = Settings.load()
    assert settings.max_bytes == 1234
    assert settings.fetch_timeout == 2.5
    assert settings.cache is False
    assert settings.fetch_links is True
    assert settings.languages == ("en", "fr")
    assert settings.cache_dir == tmp_path


def test_overrides_win_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_MAX_BYTES", "1234")
    assert Settings.load(max_bytes=99).max_bytes == 99
    assert Settings.load(max_bytes=None).max_bytes == 1234


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEWSPRISM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Settings.load().cache_dir == tmp_path / "newsprism"


def test_invalid_environment_value_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_MAX_BYTES", "lots")
    with pytest.raises(NewsprismError, match="NEWSPRISM_MAX_BYTES"):
        Settings.load()


@pytest.mark.parametrize(
    "override", [{"max_bytes": 0}, {"batch_size": -1}, {"min_language_confidence": 2}]
)
def test_invalid_override_names_the_option(override: dict[str, Any]) -> None:
    with pytest.raises(NewsprismError, match=next(iter(override))):
        Settings.load(**override)


def test_settings_are_frozen() -> None:
    settings = Settings.load()
    with pytest.raises(ValueError):
        settings.max_bytes = 1  # type: ignore[misc]


# --- errors -----------------------------------------------------------------------------


def test_problem_from_input_error() -> None:
    error = InputError("a.txt", "empty")
    assert str(error) == "a.txt: empty"
    problem = Problem.from_error(error)
    assert problem == Problem("a.txt", "empty", "error")
    assert str(problem) == "a.txt: empty"
    assert isinstance(error, NewsprismError)
