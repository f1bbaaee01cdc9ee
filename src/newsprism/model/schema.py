"""The published JSON Schemas of the top-level models."""

from __future__ import annotations

import json
from typing import Literal

from newsprism.model.article import Article, Cluster
from newsprism.model.base import Model
from newsprism.model.comparison import Comparison
from newsprism.model.story import Story

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
