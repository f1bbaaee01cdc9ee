"""Base pieces of the data model shared by every other model module."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# The JSON contract's version: it changes when a field is renamed or removed, or its meaning
# changes (2: `differences` apart from `discrepancies`; `story --json` is a comparison).
SCHEMA_VERSION = "2"


class Model(BaseModel):
    """Base class: strict about unknown fields, prints compactly."""

    model_config = ConfigDict(extra="forbid")

    def __str__(self) -> str:
        return self.model_dump_json(exclude_defaults=True)


class Span(Model):
    """A stretch ``[start, end)`` of an article's clean text."""

    article: str = Field(description="Id of the article the offsets point into.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str | None = Field(default=None, description="The covered text, for readers of the JSON.")
