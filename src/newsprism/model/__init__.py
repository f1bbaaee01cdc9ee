"""The shared data model: every stage takes and returns these objects."""

from __future__ import annotations

from newsprism.model.article import (
    OPENING_WORDS,
    Article,
    Cluster,
    DocumentSet,
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
from newsprism.model.schema import SchemaName, json_schema
from newsprism.model.story import Assignment, Story, StoryReport

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
    "DocumentSet",
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
    "SchemaName",
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
