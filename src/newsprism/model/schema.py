"""The published JSON Schemas of the top-level models."""

from __future__ import annotations

import json
from typing import Literal

from newsprism.model.article import Article, DocumentSet
from newsprism.model.base import Model
from newsprism.model.comparison import Comparison
from newsprism.model.story import Story

# "cluster" is the name of 0.1 for "document-set", still accepted for one release.
SchemaName = Literal["article", "document-set", "cluster", "comparison", "story"]
_SCHEMAS: dict[str, type[Model]] = {
    "article": Article,
    "document-set": DocumentSet,
    "cluster": DocumentSet,
    "comparison": Comparison,
    "story": Story,
}


def json_schema(name: SchemaName = "article") -> str:
    """The published JSON Schema of one top-level model."""
    return json.dumps(_SCHEMAS[name].model_json_schema(), indent=2)
