"""The shared data model: every stage takes and returns these objects."""

from __future__ import annotations

import json
from typing import Literal

from newsprism.model.article import (
    OPENING_WORDS,
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
    DiscrepancyKind,
    Dispute,
    Entity,
    Fact,
    FactKind,
    FramingTerm,
    MatchKind,
    Quote,
    QuoteOccurrence,
    Summary,
    SummarySentence,
    TimelineEvent,
)
from newsprism.model.feed import Feed
from newsprism.model.story import Assignment, Story, StoryReport

SchemaName = Literal["article", "cluster", "comparison", "story"]
_SCHEMAS: dict[str, type[Model]] = {
    "article": Article,
    "cluster": Cluster,
    "comparison": Comparison,
    "story": Story,
}


def json_schema(name: SchemaName = "article") -> str:
    """The published JSON Schema of one top-level model."""
    return json.dumps(_SCHEMAS[name].model_json_schema(), indent=2)


__all__ = [
    "OPENING_WORDS",
    "SCHEMA_VERSION",
    "Article",
    "ArticleRef",
    "Assignment",
    "Claim",
    "Cluster",
    "Comparison",
    "Discrepancy",
    "DiscrepancyKind",
    "Dispute",
    "Entity",
    "Fact",
    "FactKind",
    "Feed",
    "FramingTerm",
    "MatchKind",
    "Mention",
    "Model",
    "Quote",
    "QuoteOccurrence",
    "RawArticle",
    "Removal",
    "Segment",
    "Sentence",
    "Span",
    "Story",
    "StoryReport",
    "Summary",
    "SummarySentence",
    "TimelineEvent",
    "json_schema",
    "normalize_text",
    "text_id",
]
