"""Articles and their annotations: what ingest, clean and annotate produce.

All offsets are character offsets into an article's *clean* text. Annotation
results that are not JSON (the spaCy ``Doc``, the embedding matrix) live in
private attributes so that the public model stays serializable.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime
from typing import Any

from pydantic import Field, PrivateAttr

from newsprism.model.base import Model, Span

# How much of its lead stands in for the headline of an article that has none.
OPENING_WORDS = 12


class Segment(Model):
    """``length`` characters copied unchanged from ``original`` to ``clean``."""

    clean: int = Field(ge=0)
    original: int = Field(ge=0)
    length: int = Field(ge=1)


class Removal(Model):
    """A piece of the original text that cleaning dropped, and why."""

    kind: str = Field(
        description="e.g. read-next, photo-caption, byline, share, copyright, wire-notice"
    )
    text: str
    start: int = Field(ge=0, description="Offset into the original text.")
    end: int = Field(ge=0)


class Sentence(Model):
    start: int
    end: int
    text: str


class Mention(Model):
    """A named-entity mention as tagged by the NER model."""

    start: int
    end: int
    text: str
    label: str
    sentence: int = Field(description="Index into the article's sentences.")


class RawArticle(Model):
    """What ingest read, before cleaning: the text may still carry page debris."""

    origin: str = Field(description="The input (path, URL, path:line) it came from.")
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: datetime | None = None
    authors: list[str] = Field(default_factory=list)
    input_id: str | None = None


class Article(Model):
    """One news report, cleaned, optionally annotated."""

    id: str = Field(description="Hash of the normalized clean text.")
    input_id: str | None = Field(default=None, description="The id the input gave, if any.")
    title: str | None = None
    source: str | None = Field(default=None, description="The outlet.")
    url: str | None = None
    published: datetime | None = Field(default=None, description="Timezone-aware when known.")
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    origin: str = Field(default="", description="The input this article was read from.")
    text: str = Field(description="Clean text; paragraphs separated by a blank line.")
    paragraphs: list[Span] = Field(default_factory=list)
    original: str = Field(default="", description="The text before cleaning.")
    alignment: list[Segment] = Field(
        default_factory=list, description="Map from clean offsets back to the original text."
    )
    removed: list[Removal] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)

    _doc: Any = PrivateAttr(default=None)
    _embeddings: Any = PrivateAttr(default=None)
    _level: str | None = PrivateAttr(default=None)

    @property
    def ref(self) -> str:
        """The id outputs should use: the input's own id when it had one."""
        return self.input_id or self.id

    @property
    def doc(self) -> Any:
        """The spaCy ``Doc`` of the clean text, once annotated."""
        return self._doc

    @property
    def embeddings(self) -> Any:
        """One normalized embedding row per sentence, once annotated."""
        return self._embeddings

    @property
    def annotation(self) -> str | None:
        """How far the article is annotated: "full" (parse and sentence embeddings, what
        comparing and summarizing read), "light" (what story clustering reads) or None."""
        return self._level

    def span(self, start: int, end: int) -> Span:
        return Span(article=self.id, start=start, end=end, text=self.text[start:end])

    def opening(self, words: int = OPENING_WORDS) -> str | None:
        """A stand-in headline for an article without one: its first sentence, cut to
        ``words`` words (None before the article is split into sentences)."""
        if not self.sentences:
            return None
        first = self.sentences[0].text.split()
        if len(first) <= words:
            return " ".join(first)
        return " ".join(first[:words]).rstrip(",;:") + "…"

    def to_original(self, offset: int) -> int | None:
        """Offset in the original text of the clean character at ``offset``."""
        for seg in self.alignment:
            if seg.clean <= offset < seg.clean + seg.length:
                return seg.original + offset - seg.clean
        return None


class DocumentSet(Model):
    """A batch of reports of one event: one line of the document-set JSONL exchange format
    (``{"id", "query", "documents", "seen_documents"}``), as read."""

    id: str
    query: str | None = None
    documents: list[RawArticle] = Field(default_factory=list)
    seen_documents: list[RawArticle] = Field(default_factory=list)


# The name of 0.1, deprecated: kept for one release so that code written against it runs.
Cluster = DocumentSet


def normalize_text(text: str) -> str:
    """The form two copies of one report share: NFKC, casefolded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_id(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]
