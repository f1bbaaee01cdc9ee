"""What comparing several articles of one story produces.

The JSON keys of `Comparison` are a public contract: add fields freely, never
rename or remove one.
"""

from __future__ import annotations

import importlib
from datetime import datetime
from typing import Literal

from pydantic import Field

from newsprism.model.base import SCHEMA_VERSION, Model, Span

MatchKind = Literal["verbatim", "partial", "paraphrase", "single"]
FactKind = Literal["consensus", "exclusive"]
DiscrepancyKind = Literal[
    "number", "time", "date", "participant", "place", "attribution", "polarity"
]


class ArticleRef(Model):
    id: str
    input_id: str | None = Field(
        default=None, description="The id the input gave the article, to join results back to it."
    )
    title: str | None = None
    lead: str | None = Field(
        default=None, description="Without a headline: the opening words, to tell it by."
    )
    source: str | None = None
    published: datetime | None = None


class Entity(Model):
    """One real-world thing, with every name it goes by in every outlet."""

    name: str = Field(description="Canonical name.")
    type: str = Field(description="PERSON, ORG, GPE, NORP, LOC, … decided by vote.")
    aliases: dict[str, list[str]] = Field(
        default_factory=dict, description="Names used, per outlet (source)."
    )
    mentions: dict[str, int] = Field(
        default_factory=dict, description="Number of mentions per article id."
    )
    spans: list[Span] = Field(default_factory=list)


class QuoteOccurrence(Span):
    """One outlet's rendering of a quote."""

    match: MatchKind = Field(description="How it relates to the quote's main text.")
    speaker_text: str | None = Field(
        default=None, description="The speaker as the article names it."
    )
    cue: str | None = Field(default=None, description="The verb that introduces it (said, told…).")


class Quote(Model):
    text: str = Field(description="The longest rendering.")
    speaker: str | None = Field(default=None, description="Canonical entity name of the speaker.")
    occurrences: list[QuoteOccurrence] = Field(default_factory=list)


class Fact(Model):
    kind: FactKind
    articles: list[str] = Field(description="Ids of the articles that report it.")
    sentences: list[Span] = Field(default_factory=list)


class Claim(Span):
    value: str | float | None = Field(default=None, description="The normalized value.")

    @classmethod
    def on(cls, span: Span, value: str | float | None, text: str | None = None) -> Claim:
        """A claim over ``span``, reading ``text`` there (the span's own text by default)."""
        covered = text if text is not None else span.text or ""
        return cls(article=span.article, start=span.start, end=span.end, text=covered, value=value)


class Discrepancy(Model):
    kind: DiscrepancyKind
    description: str = ""
    claims: list[Claim] = Field(default_factory=list)


class TimelineEvent(Model):
    time: str = Field(description="ISO 8601 date or instant, as precise as the text allows.")
    text: str
    spans: list[Span] = Field(default_factory=list)


class FramingTerm(Model):
    term: str
    score: float
    count: int = 0
    spans: list[Span] = Field(default_factory=list)


class Dispute(Model):
    """What other outlets report against a summary sentence's value (one discrepancy)."""

    kind: DiscrepancyKind
    description: str = ""
    claims: list[Claim] = Field(
        default_factory=list, description="The claims that contradict the sentence."
    )


class SummarySentence(Model):
    text: str
    citations: list[Span] = Field(
        default_factory=list,
        description="Spans of the articles that support it; never of an outlet whose report "
        "contradicts it.",
    )
    disputed: list[Dispute] = Field(
        default_factory=list,
        description="Discrepancies the sentence takes a side in, with the claims against it.",
    )


class Summary(Model):
    sentences: list[SummarySentence] = Field(default_factory=list)
    notice: str | None = Field(
        default=None,
        description="Why the summary is shorter than asked, e.g. the articles hold less "
        "non-redundant content than the word budget.",
    )

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


class Comparison(Model):
    """Everything newsprism found across the articles of one story."""

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        description="Version of this JSON contract; a comparison written before versions "
        "existed reads as the current one.",
    )
    articles: list[ArticleRef] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    differences: list[Discrepancy] = Field(
        default_factory=list,
        description="Differences in precision, not contradictions: one outlet's value is "
        "vaguer and the other's lies inside it ('at least 23' / 31).",
    )
    timeline: list[TimelineEvent] = Field(default_factory=list)
    framing: dict[str, list[FramingTerm]] = Field(default_factory=dict)
    summary: Summary | None = None
    warnings: list[str] = Field(
        default_factory=list,
        description="What the reader should know before trusting it, e.g. unrelated articles.",
    )

    def _repr_html_(self) -> str:
        """How Jupyter shows a comparison: `newsprism.report.to_notebook_html`'s compact view.

        Rendering belongs to the report stage, above the data model, so it is looked up by
        name when a notebook displays the comparison and the model imports nothing above it.
        """
        view = importlib.import_module("newsprism.report")
        html: str = view.to_notebook_html(self)
        return html
