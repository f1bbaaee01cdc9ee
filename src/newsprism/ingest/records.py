"""The one check every JSON article record passes before it becomes a `RawArticle`.

A record comes from a file, an upload or a cluster line written by someone else: its
fields may be numbers, objects or lists where text is expected, its URL anything at all.
Each record is validated here (pydantic, strict about types) and a bad one becomes an
`InputError` naming the record and the field, so the good records around it are kept.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from newsprism.errors import InputError
from newsprism.ingest.payload import domain_of, http_url, parse_datetime
from newsprism.model import RawArticle

Text = Annotated[str, Field(max_length=10_000)]


class ArticleRecord(BaseModel):
    """The fields of one article record that newsprism reads; others are ignored."""

    model_config = ConfigDict(extra="ignore", strict=True)

    text: str
    title: Text | None = None
    source: Text | None = None
    url: Text | None = None
    published: Text | None = None
    date: Text | None = None
    authors: Text | list[Text] | None = Field(default=None, max_length=1000)
    author: Text | list[Text] | None = Field(default=None, max_length=1000)
    id: Text | int | None = None

    @field_validator("url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value and http_url(value) is None:
            raise ValueError(f"not an http(s) URL: {value[:200]!r}")
        return value or None


def _authors(value: str | list[str] | None) -> list[str]:
    if isinstance(value, str):
        return [a.strip() for a in value.replace(";", ",").split(",") if a.strip()]
    return [a.strip() for a in value or [] if a.strip()]


def _reason(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"][:1])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"'{field}': {message}" if field else message


def article_record(record: dict[str, Any], origin: str) -> RawArticle:
    """One article of a JSONL line or of a cluster's ``documents``; `InputError` if unusable."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "no 'text' (the article body) in this record")
    try:
        fields = ArticleRecord.model_validate(record)
    except ValidationError as error:
        raise InputError(origin, _reason(error)) from None
    published = fields.published or fields.date
    parsed = parse_datetime(published)
    if published and parsed is None:
        raise InputError(origin, f"'published' is not a date: {published[:200]!r}")
    return RawArticle(
        origin=origin,
        text=fields.text,
        title=fields.title or None,
        source=fields.source or domain_of(fields.url),
        url=fields.url,
        published=parsed,
        authors=_authors(fields.authors or fields.author),
        input_id=str(fields.id) if fields.id is not None else None,
    )


def loads(text: str | bytes) -> Any:
    """`json.loads`, with nesting too deep for the parser as a `ValueError` like any other
    malformed JSON (Python's parser raises RecursionError at about 1,000 levels)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None
