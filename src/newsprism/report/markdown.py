"""A `Comparison` as a Markdown report: readable as plain text, renders anywhere."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from newsprism.model import (
    OPENING_WORDS,
    Article,
    Claim,
    Comparison,
    Discrepancy,
    Dispute,
    Span,
    SummarySentence,
)
from newsprism.report.chart import when_label
from newsprism.report.disputes import differ_note, disputes_of, fact_disputes
from newsprism.report.speakers import Speakers, cell_label
from newsprism.report.titles import neutral_title
from newsprism.version import __version__

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
# What GitHub-flavoured renderers turn into a link without any markup ("https://…",
# "www.…"), and a line opening that would start a list or underline a heading.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(://)|(?<=\bwww)(\.)")
_LINE_START = re.compile(r"^(\d+)([.)])(?=\s)|^([-+=])(?=\s|$)")

UNDATED = "undated"
_NOTE_WORDS = 6  # a contradicting claim quoted in a dispute note, at most
# Quotation marks an article's own words may open or close with (cleaning makes curly double
# marks straight; single ones and apostrophes stay).
_OPENS = "\"'“‘`"
_CLOSES = "\"'”’"


def in_marks(text: str) -> str:
    """An article's words between quotation marks, unless they open or close with marks of
    their own: a sentence that opens with a quotation ('"We lost everything," she said.')
    would read with doubled marks (“"We …), so it stands as the article wrote it."""
    if text[:1] in _OPENS or text[-1:] in _CLOSES:
        return text
    return f"“{text}”"


def citation_marks(spans: Iterable[Span], number: Mapping[str, int]) -> str:
    """ "[1][3]": each cited article once, in source-list order (unknown ones as [?])."""
    numbers = {number.get(span.article) for span in spans}
    known = sorted(n for n in numbers if n is not None)
    return "".join(f"[{n}]" for n in known) + ("[?]" if None in numbers else "")


def plain_value(value: str | float | None) -> str:
    """A claim's value as people write it: "31", not "31.0"; a clock time as the timeline
    shows it; nothing for no value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float | int):
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.6g}"
    if re.fullmatch(r"T\d{2}:\d{2}.*|\d{4}-\d{2}(-\d{2})?(T.*)?", value):
        return when_label(value)
    return value


def claim_value(kind: str, claim: Claim) -> str:
    """A contradicting claim in a few words: its number, its speaker, or its own words."""
    if isinstance(claim.value, float | int) and not isinstance(claim.value, bool):
        return plain_value(claim.value)
    if kind == "attribution" and claim.value:
        return f"credited to {claim.value}"
    words = (claim.text or str(claim.value or "")).split()
    short = " ".join(words[:_NOTE_WORDS]) + (" …" if len(words) > _NOTE_WORDS else "")
    return in_marks(short)


def dispute_note(disputes: Sequence[Dispute], outlet: Mapping[str, str]) -> str:
    """ "disputed: 31 in Wire; “0100 GMT” in Wire", or "" when nothing disputes it: a cited
    sentence whose value another outlet contradicts must not read as agreed."""
    parts = [
        f"{claim_value(d.kind, c)} in {outlet.get(c.article, c.article)}"
        for d in disputes
        for c in d.claims
    ]
    return "disputed: " + "; ".join(dict.fromkeys(parts)) if parts else ""


def escape(text: str) -> str:
    """Article text is data, not markup: neutralize everything Markdown would interpret."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(0), text)
    return _LINE_START.sub(lambda m: (m.group(1) or "") + "\\" + (m.group(2) or m.group(3)), text)


def cited_sentence(
    sentence: SummarySentence, number: Mapping[str, int], outlet: Mapping[str, str]
) -> str:
    """A summary sentence, its citation marks, and what disputes it, as Markdown."""
    text = f"{escape(sentence.text)} {citation_marks(sentence.citations, number)}".strip()
    note = dispute_note(sentence.disputed, outlet)
    return f"{text} *({escape(note)})*" if note else text


class _Sources:
    """Numbers the articles [1], [2] … and names their outlets."""

    def __init__(self, comparison: Comparison) -> None:
        self.number = {a.id: i for i, a in enumerate(comparison.articles, 1)}
        self.outlet = {a.id: a.source or a.id for a in comparison.articles}

    def cite(self, span: Span) -> str:
        return f"[{self.number.get(span.article, '?')}]"

    def quoted(self, span: Span) -> str:
        return f"{in_marks(escape(span.text or ''))} {self.cite(span)}"


def article_name(article: Article, words: int = OPENING_WORDS) -> str:
    """How every face names an article: its headline, or without one its opening words in
    quotation marks (never the file it came from, which says nothing of the story)."""
    if article.title:
        return article.title
    lead = article.opening(words)
    if lead is None:
        text = article.text.split()
        lead = " ".join(text[:words]) + ("…" if len(text) > words else "")
    return in_marks(lead) if lead else article.origin


def human_time(moment: datetime | None) -> str | None:
    """A publication time for people: day, month, year, clock and zone when known."""
    if moment is None:
        return None
    zone = moment.tzname() or ""
    return f"{moment.day} {moment:%b %Y, %H:%M} {zone}".strip()


def _articles(comparison: Comparison) -> list[str]:
    lines = ["## Articles", "", "| # | Outlet | Title | Published | Id |", "|---|---|---|---|---|"]
    for number, a in enumerate(comparison.articles, 1):
        # No date is not the time it was read: say so rather than leave a gap.
        published = human_time(a.published) or UNDATED
        # An untitled article is told by its opening words, set apart in italics.
        title = escape(a.title) if a.title else (f"*{escape(a.lead)}*" if a.lead else "")
        cells = [str(number), escape(a.source or ""), title, escape(published), escape(a.id)]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _summary(comparison: Comparison, sources: _Sources) -> list[str]:
    if comparison.summary is None or not comparison.summary.sentences:
        return []
    parts = [
        cited_sentence(s, sources.number, sources.outlet) for s in comparison.summary.sentences
    ]
    return ["## Summary", "", " ".join(parts), ""]


def _facts(comparison: Comparison, sources: _Sources) -> list[str]:
    lines = ["## What several outlets report", ""]
    shared = [f for f in comparison.facts if f.kind == "consensus"]
    for fact in shared:
        line = "- " + " / ".join(sources.quoted(s) for s in fact.sentences)
        if kinds := fact_disputes(fact, comparison.discrepancies):
            line += f" *({differ_note(kinds)})*"
        lines.append(line)
    if not shared:
        lines.append("No fact is reported by more than one outlet.")
    lines += ["", "## What only one outlet reports", ""]
    by_outlet: dict[str, list[Span]] = defaultdict(list)
    for fact in comparison.facts:
        if fact.kind == "exclusive":
            by_outlet[sources.outlet.get(fact.articles[0], "?")].extend(fact.sentences)
    for outlet, spans in by_outlet.items():
        lines += [f"### {escape(outlet)}", ""]
        for span in spans:
            note = dispute_note(disputes_of(span, comparison.discrepancies), sources.outlet)
            lines.append(f"- {sources.quoted(span)}" + (f" *({escape(note)})*" if note else ""))
        lines.append("")
    return lines


def _discrepancies(comparison: Comparison, sources: _Sources) -> list[str]:
    lines = ["## Where they differ", ""]
    lines += [_discrepancy(d, sources) for d in comparison.discrepancies]
    if not comparison.discrepancies:
        lines.append("No contradiction found between the outlets.")
    if comparison.differences:
        lines += ["", "### Differences in precision (not contradictions)", ""]
        lines += [_discrepancy(d, sources) for d in comparison.differences]
    return [*lines, ""]


def _discrepancy(d: Discrepancy, sources: _Sources) -> str:
    claims = "; ".join(
        f"{sources.quoted(c)} (value: {escape(plain_value(c.value) or '—')})" for c in d.claims
    )
    return f"- **{d.kind}** — {escape(d.description)}: {claims}"


def _quotes(comparison: Comparison, sources: _Sources) -> list[str]:
    if not comparison.quotes:
        return []
    outlets = list(dict.fromkeys(sources.outlet.values()))
    lines = [
        "## Who said what",
        "",
        "| Speaker | Quote | " + " | ".join(escape(o) for o in outlets) + " |",
    ]
    lines.append("|---|---|" + "---|" * len(outlets))
    speakers = Speakers(comparison, sources.outlet)
    for quote in comparison.quotes:
        cells = []
        for outlet in outlets:
            kinds = [
                cell_label(o.match, speakers.differs(quote, o))
                for o in quote.occurrences
                if sources.outlet.get(o.article) == outlet
            ]
            cells.append(escape("; ".join(dict.fromkeys(kinds))) or "—")
        row = [escape(quote.speaker or "unknown"), in_marks(escape(quote.text)), *cells]
        lines.append("| " + " | ".join(row) + " |")
    return [*lines, ""]


def _entities(comparison: Comparison) -> list[str]:
    lines = ["## Entities", "", "| Name | Type | Names used | Mentions |", "|---|---|---|---|"]
    for e in comparison.entities:
        names = "; ".join(f"{escape(o)}: {escape(', '.join(n))}" for o, n in e.aliases.items())
        lines.append(f"| {escape(e.name)} | {e.type} | {names} | {sum(e.mentions.values())} |")
    return [*lines, ""]


def _timeline(comparison: Comparison, sources: _Sources) -> list[str]:
    if not comparison.timeline:
        return []
    lines = ["## Timeline", ""]
    for event in comparison.timeline:
        cites = "".join(dict.fromkeys(sources.cite(s) for s in event.spans))
        lines.append(f"- **{escape(when_label(event.time))}** {escape(event.text)} {cites}")
    return [*lines, ""]


def _framing(comparison: Comparison) -> list[str]:
    lines = ["## Framing: words each outlet prefers", ""]
    if not comparison.framing:
        return [*lines, "No term stands out: no outlet uses one markedly more than the others.", ""]
    for outlet, terms in comparison.framing.items():
        words = ", ".join(f"{escape(t.term)} ({t.score:.1f})" for t in terms) or "—"
        lines.append(f"- **{escape(outlet)}**: {words}")
    return [*lines, ""]


def to_markdown(comparison: Comparison, title: str | None = None) -> str:
    """The report as Markdown, where the outlets differ first; its title is a fact they
    share (`neutral_title`) unless ``title`` is given."""
    sources = _Sources(comparison)
    title = title or neutral_title(comparison) or "newsprism comparison"
    lines = [f"# {escape(title)}", ""]
    lines += [f"> **Warning:** {escape(w)}." for w in comparison.warnings]
    lines += [""] if comparison.warnings else []
    lines += _articles(comparison)
    lines += _discrepancies(comparison, sources)
    lines += _summary(comparison, sources)
    lines += _facts(comparison, sources)
    lines += _quotes(comparison, sources)
    lines += _entities(comparison)
    lines += _timeline(comparison, sources)
    lines += _framing(comparison)
    # Also how a folder scan knows this file for a report, not an article to compare.
    lines += [f"*Made by newsprism {__version__}.*"]
    return "\n".join(lines).rstrip() + "\n"
