"""The story's timeline: what happened when, across the outlets.

Every sentence holding a resolved time expression becomes an event at that time; a
sentence with several becomes one event per expression, told by the clause around it.
Sentences of one fact (aligned across outlets) whose times agree (`same_time`) are one
event with all their spans, at the most precise of their times, told by the shortest
clear sentence among them.

Placement:

- instants sort by their UTC time; dates, weeks, months and years by their first day,
  a coarser value before a finer one that starts with it ("2019-02" before "2019-02-01",
  a date before the instants of that day);
- a clock time without a date ("2 p.m. local time (0700 GMT)") is read as on the day the
  article's lead names for its event (a report published on Thursday that leads with "the
  ferry capsized on Wednesday" tells "8 a.m." of Wednesday), else on its reference day
  (published date or dateline), as news style has it; an article without either keeps the
  bare time ("T07:00Z"), and such events come after all dated ones, ordered by the weekday
  they name (if any) and the time;
- durations, unresolved expressions ("Thursday" in an undated article, "the second day"),
  the dateline's date and the yardsticks of comparisons ("closer than a year ago") are
  left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from newsprism.comparison.quotes import quoted_stretches
from newsprism.model import Article, Fact, Span, TimelineEvent
from newsprism.nlp import (
    Reference,
    TimeValue,
    day_range,
    reference,
    resolve_times,
    same_time,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_PRECISION = {"year": 0, "month": 1, "week": 2, "date": 3, "instant": 4, "time": 4}
_COMPARISON = re.compile(r"\bthan\s*$", re.I)
_CONJUNCTION = re.compile(r"\s*(?:;|,?\s+(?:and|but|while|whereas|then|before|after)\s)\s*")
_QUOTES = "\"'“”‘’«»"


@dataclass
class _Event:
    fact: tuple[object, ...]
    value: TimeValue
    time: str
    key: tuple
    order: tuple[int, int]
    spans: list[Span] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def build_timeline(
    articles: Sequence[Article],
    facts: Sequence[Fact],
    resolved: Mapping[str, list[TimeValue]] | None = None,
) -> list[TimelineEvent]:
    """Events of all annotated ``articles`` in time order; ``facts`` merges what outlets
    share. ``resolved`` holds each article's times when the caller has read them already."""
    events: list[_Event] = []
    for order, article in enumerate(articles):
        ref = reference(article)
        found = resolved[article.id] if resolved is not None else resolve_times(article)
        times = [t for t in found if _placeable(article, t, ref)]
        day = _lead_day(article, times) or ref.day
        for value in times:
            placed = _placement(value, day)
            if placed is None:
                continue
            iso, key = placed
            start, end = _whole_quotation(
                article, _told_by(article, value, times, ref.dateline_end)
            )
            fact = _fact_of(facts, article.id, value) or (article.id, start)
            event = next((e for e in events if e.fact == fact and _agree(e, value, iso)), None)
            if event is None:
                event = _Event(fact, value, iso, key, (order, value.start))
                events.append(event)
            elif _PRECISION[value.kind] > _PRECISION[event.value.kind]:
                event.value, event.time, event.key = value, iso, key
            if all(s.article != article.id or s.start != start for s in event.spans):
                event.spans.append(article.span(start, end))
                event.texts.append(article.text[start:end])
    events.sort(key=lambda e: (e.key, e.order))
    return [TimelineEvent(time=e.time, text=_clearest(e.texts), spans=e.spans) for e in events]


def _placeable(article: Article, value: TimeValue, ref: Reference) -> bool:
    """A resolved point in time, neither the dateline's nor the yardstick of a comparison."""
    # A decade is background ("in the 1980s"), too coarse to order a story's events by.
    if value.value is None or value.kind in {"duration", "decade"}:
        return False
    if value.start < ref.dateline_end:
        return False
    return not _COMPARISON.search(article.text[max(0, value.start - 12) : value.start])


def _lead_day(article: Article, times: list[TimeValue]) -> date | None:
    """The day the lead (the first sentence, past the dateline) names for its event."""
    lead = article.sentences[0] if article.sentences else None
    return next(
        (
            t.day
            for t in times
            if lead is not None and t.kind == "date" and lead.start <= t.start < lead.end
        ),
        None,
    )


def _placement(value: TimeValue, ref: date | None) -> tuple[str, tuple] | None:
    """The event's ISO time and its sort key: (undated?, weekday, moment, precision)."""
    iso = value.value or ""
    if value.kind == "time" and ref is not None:
        iso = f"{ref.isoformat()}{iso.removesuffix('Z')}"
        iso += ":00+00:00" if value.utc_time is not None else ""
    if value.kind == "time" and ref is None:
        clock = value.utc_time or time.fromisoformat(iso.removeprefix("T").removesuffix("Z"))
        weekday = value.weekday if value.weekday is not None else 7
        return iso, (1, weekday, datetime.combine(date.min, clock), 4)
    if value.kind in {"instant", "time"}:
        moment = datetime.fromisoformat(iso)
        moment = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
        return iso, (0, 0, moment, 4)
    first = day_range(value)
    if first is None:
        return None
    return iso, (0, 0, datetime.combine(first[0], time()), _PRECISION[value.kind])


def _agree(event: _Event, value: TimeValue, iso: str) -> bool:
    return event.time == iso or same_time(event.value, value) is True


def _fact_of(facts: Sequence[Fact], article: str, value: TimeValue) -> tuple[str, int] | None:
    """The fact the expression belongs to: the widest-reported one whose span holds it."""
    holding = [
        (len(f.articles), s.end - s.start, i)
        for i, f in enumerate(facts)
        for s in f.sentences
        if s.article == article and s.start <= value.start < s.end
    ]
    return ("fact", max(holding)[2]) if holding else None


def _told_by(
    article: Article, value: TimeValue, times: list[TimeValue], dateline_end: int
) -> tuple[int, int]:
    """The sentence holding the expression (without the dateline), or its clause if the
    sentence holds other times."""
    sentence = next((s for s in article.sentences if s.start <= value.start < s.end), None)
    bounds = (
        (max(sentence.start, dateline_end), sentence.end) if sentence else (value.start, value.end)
    )
    others = [t for t in times if t is not value and bounds[0] <= t.start < bounds[1]]
    doc = article.doc
    span = doc.char_span(value.start, value.end, alignment_mode="expand") if doc else None
    if not others or span is None:
        return bounds
    best = None
    for token in span.root.ancestors:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        start, end = _clause(token)
        if any(start <= t.start < end for t in others):
            break
        # A clause without its subject ("left on Wednesday") does not read on its own.
        # Nor does a relative clause without its noun ("who arrived on Tuesday").
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if any(c.tag_ not in {"WP", "WDT"} for c in subjects):
            best = (max(start, bounds[0]), min(end, bounds[1]))
    return best or _between_conjunctions(article.text, bounds, value, others) or bounds


def _whole_quotation(article: Article, bounds: tuple[int, int]) -> tuple[int, int]:
    """``bounds`` widened to the sentences of a quotation they cut: a piece of a quotation
    shown alone opens a quote mark it never closes and loses who said it."""
    start, end = bounds
    # Segment by segment: a quotation that runs on over paragraphs reads, as news copy
    # has it, one paragraph at a time.
    for stretch in quoted_stretches(article.text, article.paragraphs):
        for s_start, s_end in stretch.segments:
            if s_start < end and start < s_end and not (start < s_start and s_end < end):
                start, end = min(start, s_start), max(end, s_end)
    sentences = [s for s in article.sentences if s.start < end and start < s.end]
    if (start, end) == bounds or not sentences:
        return bounds
    return min(start, sentences[0].start), max(end, sentences[-1].end)


def _between_conjunctions(
    text: str, bounds: tuple[int, int], value: TimeValue, others: list[TimeValue]
) -> tuple[int, int] | None:
    """The stretch between the conjunctions that separate the expression from the other
    times of its sentence ("Kim arrived on Tuesday | and | Trump left on Wednesday"), for
    when the parse does not tell the clauses apart."""
    start, end = bounds
    for other in others:
        if other.end <= value.start:
            cut = _CONJUNCTION.search(text, other.end, value.start)
            if cut is None:
                return None
            start = max(start, cut.end())
        elif other.start >= value.end:
            cut = _CONJUNCTION.search(text, value.end, other.start)
            if cut is None:
                return None
            end = min(end, cut.start())
    end = start + len(text[start:end].rstrip(" .,;:-"))
    return (start, end) if len(text[start:end].split()) >= 3 else None


def _clause(verb: Token) -> tuple[int, int]:
    """The verb's subtree up to the first clause coordinated after it, without the edges."""
    words = [t for t in verb.subtree if not (t.is_punct or t.is_space)]
    end = words[-1].idx + len(words[-1])
    for child in verb.children:
        if child.dep_ in {"conj", "cc"} and child.i > verb.i:
            end = min(end, child.left_edge.idx)
    start = words[0].idx
    text = verb.doc.text[start:end]
    return start, start + len(text.rstrip(" ,;:-"))


def _clearest(texts: list[str]) -> str:
    """The shortest text that reads on its own: not a quotation, not a fragment."""

    def unclear(text: str) -> tuple[bool, bool, int]:
        return text[:1] in _QUOTES, len(text.split()) < 4, len(text)

    return min(texts, key=unclear).strip(" ,;")
