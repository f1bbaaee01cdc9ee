"""The Parquet layout of an annotated corpus: one row per article, its fields and the light
features story clustering reads, optionally its full annotation.

Columns (pyarrow types):

- the article: ``id``, ``input_id``, ``title``, ``source``, ``url``, ``published``
  (timestamp, UTC; null when the input gave none), ``language``, ``origin``, ``text``, and
  ``extra`` (JSON: authors, paragraphs, original text, alignment, removed debris);
- the features (`newsprism.stories.state.ArticleFeatures`): ``filed`` (the time clustering
  files it under: ``published``, or when it was read), ``headline`` and ``body`` (unit
  float32 vectors), ``entities`` (list of keys), ``terms`` (map lemma -> count, in the
  order they were counted), ``lead``;
- with ``--full``: ``sentences`` and ``mentions`` (JSON) and ``embeddings`` (one float32
  vector per sentence) of the full annotation level.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.model import Article
from newsprism.stories import ArticleFeatures

_TIME = pa.timestamp("us", tz="UTC")
_VECTOR = pa.list_(pa.float32())
_EXTRA = ("authors", "paragraphs", "original", "alignment", "removed")

ARTICLE = pa.schema(
    [
        ("id", pa.string()),
        ("input_id", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("published", _TIME),
        ("language", pa.string()),
        ("origin", pa.string()),
        ("text", pa.string()),
        ("extra", pa.string()),
    ]
)
FEATURES = pa.schema(
    [
        ("filed", _TIME),
        ("headline", _VECTOR),
        ("body", _VECTOR),
        ("entities", pa.list_(pa.string())),
        ("terms", pa.map_(pa.string(), pa.int32())),
        ("lead", pa.string()),
    ]
)
FULL = pa.schema(
    [("sentences", pa.string()), ("mentions", pa.string()), ("embeddings", pa.list_(_VECTOR))]
)
FEATURE_COLUMNS = ["id", *FEATURES.names, "title", "source"]


def schema(full: bool) -> pa.Schema:
    fields = [*ARTICLE, *FEATURES, *(FULL if full else ())]
    return pa.schema(fields)


def _article_row(article: Article) -> dict[str, Any]:
    extra = article.model_dump(mode="json", include=set(_EXTRA))
    return {
        "id": article.id,
        "input_id": article.input_id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "origin": article.origin,
        "text": article.text,
        "extra": json.dumps(extra, ensure_ascii=False),
    }


def _feature_row(features: ArticleFeatures) -> dict[str, Any]:
    return {
        "filed": features.published,
        "headline": np.asarray(features.headline, dtype=np.float32),
        "body": np.asarray(features.body, dtype=np.float32),
        "entities": sorted(features.entities),
        "terms": list(features.terms.items()),
        "lead": features.lead,
    }


def _full_row(article: Article) -> dict[str, Any]:
    vectors = article.embeddings if article.embeddings is not None else []
    return {
        "sentences": json.dumps([s.model_dump() for s in article.sentences], ensure_ascii=False),
        "mentions": json.dumps([m.model_dump() for m in article.mentions], ensure_ascii=False),
        "embeddings": [np.asarray(v, dtype=np.float32) for v in vectors],
    }


def to_table(
    articles: Sequence[Article],
    features: Sequence[ArticleFeatures],
    full: Sequence[Article] | None = None,
) -> pa.Table:
    """One row per article: its fields, its features, and (``full``) its full annotation."""
    rows = []
    for i, (article, feature) in enumerate(zip(articles, features, strict=True)):
        row = {**_article_row(article), **_feature_row(feature)}
        if full is not None:
            row.update(_full_row(full[i]))
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema(full is not None))


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` through a temporary name: a file under the final name is
    always complete, so a rerun can skip it."""
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(path)


def article_of(row: dict[str, Any]) -> Article:
    """The article (not annotated) of a row read back."""
    fields = {name: row[name] for name in ARTICLE.names if name != "extra"}
    return Article(**fields, **json.loads(row["extra"] or "{}"))


def features_of(row: dict[str, Any]) -> ArticleFeatures:
    """The clustering features of a row read back."""
    filed: datetime = row["filed"]
    return ArticleFeatures(
        id=row["id"],
        published=filed,
        title=row["title"],
        source=row["source"],
        headline=np.asarray(row["headline"], dtype=np.float32),
        body=np.asarray(row["body"], dtype=np.float32),
        entities=frozenset(row["entities"] or ()),
        terms=dict(row["terms"] or ()),
        lead=row["lead"],
    )


def rows(
    path: Path, columns: Sequence[str] | None = None, batch: int = 256
) -> Iterator[dict[str, Any]]:
    """The rows of one partition file, read ``batch`` rows at a time."""
    reader = pq.ParquetFile(path)
    for record_batch in reader.iter_batches(batch_size=batch, columns=list(columns or []) or None):
        yield from record_batch.to_pylist()
