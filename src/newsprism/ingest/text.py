"""Plain text and JSON lines: the article formats that need no extraction."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from newsprism.errors import InputError, Problem
from newsprism.ingest.payload import Payload, decode, domain_of
from newsprism.ingest.records import article_record, loads
from newsprism.model import DocumentSet, RawArticle

_HEADLINE_MAX_WORDS = 25
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "\u201d", "'")
_NOT_AN_OBJECT = "expected a JSON object with at least a 'text' field"


def looks_like_headline(line: str) -> bool:
    """A short line that does not end like a sentence, as headlines are written."""
    words = line.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not line.rstrip().endswith(_SENTENCE_END)


def read_text(payload: Payload) -> RawArticle:
    """A plain-text report; its first line is the title when it looks like a headline."""
    text = decode(payload)
    body = text.lstrip("\ufeff")
    first, _, rest = body.lstrip().partition("\n")
    title = None
    if rest.strip() and looks_like_headline(first.strip()):
        title = first.strip()
        body = rest
    return RawArticle(
        origin=payload.origin,
        text=body,
        title=title,
        source=domain_of(payload.url) or payload.stem or None,
        url=payload.url,
    )


def json_records(payload: Payload) -> Iterator[tuple[str, dict[str, Any] | Problem]]:
    """(where, record) of JSON Lines, or of one JSON document holding an object or a list."""
    text = decode(payload)
    try:
        whole = loads(text)
    except ValueError:
        whole = None  # JSON Lines (or broken JSON): read line by line below
    if isinstance(whole, dict | list):
        items = whole if isinstance(whole, list) else [whole]
        for index, item in enumerate(items, 1):
            where = (
                f"{payload.origin} item {index}"
                if isinstance(whole, list)
                else f"{payload.origin}:1"
            )
            yield where, item if isinstance(item, dict) else Problem(where, _NOT_AN_OBJECT)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{payload.origin}:{number}"
        try:
            record = loads(line)
        except json.JSONDecodeError as error:
            yield where, Problem(where, f"not valid JSON ({error.msg} at column {error.colno})")
            continue
        except ValueError as error:
            yield where, Problem(where, f"not usable JSON ({error})")
            continue
        yield where, record if isinstance(record, dict) else Problem(where, _NOT_AN_OBJECT)


def _document_origin(where: str, record: Any, index: int) -> str:
    doc_id = record.get("id") if isinstance(record, dict) else None
    return f"{where} document {doc_id or index + 1}"


def read_jsonl(payload: Payload) -> Iterator[RawArticle | Problem]:
    """Articles from JSONL: one per line, or every document of cluster lines."""
    for where, record in json_records(payload):
        if isinstance(record, Problem):
            yield record
            continue
        try:
            if "documents" in record:
                yield from _documents(where, record["documents"])
            else:
                yield article_record(record, where)
        except InputError as error:
            yield Problem.from_error(error)


def _documents(where: str, items: Any) -> list[RawArticle]:
    if not isinstance(items, list):
        raise InputError(where, "'documents' must be a list")
    result = []
    for index, item in enumerate(items):
        origin = _document_origin(where, item, index)
        if not isinstance(item, dict):
            raise InputError(origin, "expected a JSON object")
        result.append(article_record(item, origin))
    return result


def read_document_sets(payload: Payload) -> Iterator[DocumentSet | Problem]:
    """Document sets of the document-set JSONL exchange format, one per line."""
    for where, record in json_records(payload):
        if isinstance(record, Problem):
            yield record
            continue
        try:
            cluster_id = record.get("id")
            if cluster_id is None:
                raise InputError(where, "no 'id' in this document set")
            yield DocumentSet(
                id=str(cluster_id),
                query=record.get("query") or None,
                documents=_documents(where, record.get("documents", [])),
                seen_documents=_documents(where, record.get("seen_documents") or []),
            )
        except InputError as error:
            yield Problem.from_error(error)
        except ValidationError as error:
            yield Problem(where, f"not a valid document set ({error.error_count()} errors)")


# The name of 0.1, deprecated: kept for one release.
read_clusters = read_document_sets
