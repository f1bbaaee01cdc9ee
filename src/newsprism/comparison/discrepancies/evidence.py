"""What the discrepancy detectors read of one story, computed once: the articles by id,
the story's entities, every article's resolved times and its quoted stretches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsprism.comparison.quotes.marks import quoted_stretches
from newsprism.model import Article, Span
from newsprism.nlp.entities import EntityIndex
from newsprism.nlp.temporal import TimeValue, resolve_times


@dataclass
class Evidence:
    articles: dict[str, Article]
    entities: EntityIndex
    times: dict[str, list[TimeValue]] = field(default_factory=dict)
    quoted: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, articles: Sequence[Article], entities: EntityIndex) -> Evidence:
        return cls(
            articles={a.id: a for a in articles},
            entities=entities,
            times={a.id: resolve_times(a) for a in articles},
            quoted={
                a.id: [seg for s in quoted_stretches(a.text, a.paragraphs) for seg in s.segments]
                for a in articles
            },
        )

    def sentence(self, span: Span) -> Any:
        """The spaCy span of a sentence span (None when the article is not parsed)."""
        doc = self.articles[span.article].doc
        return doc.char_span(span.start, span.end, alignment_mode="expand") if doc else None

    def token_at(self, article: str, offset: int) -> Any:
        """The token holding the character at ``offset``."""
        doc = self.articles[article].doc
        span = doc.char_span(offset, offset + 1, alignment_mode="expand") if doc else None
        return span[0] if span is not None and len(span) else None

    def is_quoted(self, article: str, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted.get(article, ()))

    def texts(self, a: str, b: str) -> tuple[str, str]:
        return self.articles[a].text, self.articles[b].text
