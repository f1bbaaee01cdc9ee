"""The shared data model: every stage takes and returns these objects."""

from __future__ import annotations

import json
from typing import Literal

from newsprism.model.article import (
    Article,
    Cluster,
    Mention,
    RawArticle,
    Removal,
    Segment,
    Sentence,
    normalize_text,
    text_id,
)
from newsprism.model.base import SCHEMA_VERSION, Model, Span
from newsprism.model.comparison import (
    ArticleRef,
    Claim,
    Comparison,
    Discrepancy,
    Entity,
    Fact,
    FramingTerm,
    Quote,
    QuoteOccurrence,
    Summary,
    SummarySentence,
    TimelineEvent,
)

SchemaName = Literal["article", "cluster", "comparison"]
_SCHEMAS: dict[str, type[Model]] = {
    "article": Article,
    "cluster": Cluster,
    "comparison": Comparison,
}


def json_schema(name: SchemaName = "article") -> str:
    """The published JSON Schema of one top-level model."""
    return json.dumps(_SCHEMAS[name].model_json_schema(), indent=2)


__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticleRef",
    "Claim",
    "Cluster",
    "Comparison",
    "Discrepancy",
    "Entity",
    "Fact",
    "FramingTerm",
    "Mention",
    "Model",
    "Quote",
    "QuoteOccurrence",
    "RawArticle",
    "Removal",
    "Segment",
    "Sentence",
    "Span",
    "Summary",
    "SummarySentence",
    "TimelineEvent",
    "json_schema",
    "normalize_text",
    "text_id",
]
