"""A `Comparison` as one self-contained HTML file: inline CSS and JS, no network requests.

Everything from an article is data: Jinja2 autoescapes every value, the marked article text
is built from escaped pieces (`newsprism.report.spans`), the JSON the script reads is made
inert inside ``<script>``, and a Content-Security-Policy lets only this file's own script and
style (by hash) run and nothing load.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from newsprism.model import Article, Comparison, Discrepancy, Dispute, Span, Summary
from newsprism.report.chart import build_chart
from newsprism.report.disputes import differ_note, disputes_of, fact_disputes
from newsprism.report.markdown import claim_value, human_time, plain_value
from newsprism.report.spans import SpanIndex, render_article
from newsprism.report.speakers import UNATTRIBUTED, Speakers, cell_label
from newsprism.report.titles import neutral_title
from newsprism.version import __version__

_MATCH_ORDER = ("verbatim", "partial", "paraphrase", "single")


@dataclass
class _Cite:
    number: int
    outlet: str
    targets: list[str]


@dataclass
class _Context:
    comparison: Comparison
    articles: dict[str, Article]
    number: dict[str, int]
    outlet: dict[str, str]
    index: SpanIndex
    groups: dict[str, dict[str, str]] = field(default_factory=dict)

    def cites(self, spans: Sequence[Span], group: str | None = None) -> list[_Cite]:
        """One citation per cited article, pointing at all its cited spans."""
        by_article: dict[str, list[str]] = {}
        for span in spans:
            key = self.index.add(span, group=group)
            if key is not None:
                by_article.setdefault(span.article, []).append(key)
        return [
            _Cite(self.number[a], self.outlet[a], keys)
            for a, keys in sorted(by_article.items(), key=lambda item: self.number[item[0]])
        ]

    def outlets_of(self, ids: Sequence[str]) -> str:
        return ", ".join(dict.fromkeys(self.outlet.get(i, i) for i in ids))


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def script_json(data: Any) -> Markup:
    """JSON that cannot end its ``<script>`` element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _safe_url(url: str | None) -> str | None:
    """Only web links: a ``javascript:`` or ``data:`` URL from an input is not a link."""
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else None


def _facts(ctx: _Context) -> dict[str, Any]:
    """Marks every fact's sentences, and lists them: the shared facts with each outlet's
    wording, and per outlet what only it reports."""
    shared: list[dict[str, Any]] = []
    exclusive: dict[str, list[dict[str, Any]]] = {}
    for i, fact in enumerate(ctx.comparison.facts):
        group = f"f{i}"
        versions: list[dict[str, Any]] = []
        for span in fact.sentences:
            key = ctx.index.add(span, kind=fact.kind, group=group)
            number = ctx.number.get(span.article)
            versions.append({"key": key, "text": span.text or "", "number": number,
                             "outlet": ctx.outlet.get(span.article, span.article)})  # fmt: skip
        label = "Reported by several outlets" if fact.kind == "consensus" else "Only one outlet"
        ctx.groups[group] = {"label": label, "detail": ctx.outlets_of(fact.articles)}
        if fact.kind == "consensus":
            kinds = fact_disputes(fact, ctx.comparison.discrepancies)
            shared.append({"versions": versions, "differ": differ_note(kinds) if kinds else ""})
        elif fact.articles:
            for span, version in zip(fact.sentences, versions, strict=True):
                disputes = disputes_of(span, ctx.comparison.discrepancies)
                version["disputed"] = _disputed(ctx, disputes, group)
            exclusive.setdefault(ctx.outlet.get(fact.articles[0], "?"), []).extend(versions)
    return {
        "shared": shared,
        "exclusive": exclusive,
        "consensus": len(shared),
        "single": sum(1 for f in ctx.comparison.facts if f.kind == "exclusive"),
    }


def _quotes(ctx: _Context) -> list[dict[str, Any]]:
    rows = []
    speakers = Speakers(ctx.comparison, ctx.outlet)
    for i, quote in enumerate(ctx.comparison.quotes):
        group = f"q{i}"
        cells: dict[str, list[dict[str, Any]]] = {}
        labels = []
        for occurrence in quote.occurrences:
            key = ctx.index.add(occurrence, kind="quote", group=group)
            speaker = speakers.differs(quote, occurrence)
            cells.setdefault(occurrence.article, []).append(
                {
                    "match": occurrence.match,
                    "speaker": speaker,
                    "text": occurrence.text or "",
                    "key": key,
                }
            )
            where = ctx.outlet.get(occurrence.article, occurrence.article)
            labels.append(f"{cell_label(occurrence.match, speaker)} in {where}")
        kinds = "; ".join(labels)
        ctx.groups[group] = {
            "label": f"Quote · {quote.speaker or 'unknown speaker'}",
            "detail": kinds,
        }
        rows.append({"quote": quote, "cells": cells})
    return rows


def _discrepancies(
    ctx: _Context, found: list[Discrepancy], prefix: str = "d", label: str = "Discrepancy"
) -> list[dict[str, Any]]:
    items = []
    for i, discrepancy in enumerate(found):
        group = f"{prefix}{i}"
        claims = []
        for claim in discrepancy.claims:
            key = ctx.index.add(claim, kind="claim", group=group)
            claims.append(
                {
                    "claim": claim,
                    "key": key,
                    "outlet": ctx.outlet.get(claim.article),
                    "number": ctx.number.get(claim.article),
                    "value": plain_value(claim.value),
                }
            )
        ctx.groups[group] = {
            "label": f"{label} · {discrepancy.kind}",
            "detail": discrepancy.description
            or " vs ".join(plain_value(c.value) for c in discrepancy.claims),
        }
        items.append({"discrepancy": discrepancy, "claims": claims})
    return items


def _summary(ctx: _Context, summary: Summary | None, key: str = "s") -> list[dict[str, Any]]:
    if summary is None:
        return []
    sentences = []
    for i, sentence in enumerate(summary.sentences):
        group = f"{key}{i}"
        ctx.groups[group] = {"label": f"Cited by summary sentence {i + 1}", "detail": sentence.text}
        sentences.append(
            {
                "text": sentence.text,
                "cites": ctx.cites(sentence.citations, group),
                "disputed": _disputed(ctx, sentence.disputed, group),
            }
        )
    return sentences


def _disputed(ctx: _Context, disputes: Sequence[Dispute], group: str) -> list[dict[str, Any]]:
    """The claims against a listed sentence, each linked to where it is made."""
    return [
        {
            "text": f"{claim_value(d.kind, c)} in {ctx.outlet.get(c.article, c.article)}",
            "key": ctx.index.add(c, kind="claim", group=group),
        }
        for d in disputes
        for c in d.claims
    ]


def _framing(ctx: _Context) -> list[dict[str, Any]]:
    outlets = []
    for o, (outlet, terms) in enumerate(ctx.comparison.framing.items()):
        items = []
        for t, term in enumerate(terms):
            group = f"w{o}-{t}"
            ctx.groups[group] = {"label": f"Framing term of {outlet}", "detail": term.term}
            items.append({"term": term, "targets": ctx.index.keys(term.spans, group)})
        outlets.append({"outlet": outlet, "terms": items})
    return outlets


def _timeline(ctx: _Context) -> Any:
    targets = []
    for i, event in enumerate(ctx.comparison.timeline):
        group = f"t{i}"
        ctx.groups[group] = {"label": f"Timeline · {event.time}", "detail": event.text}
        targets.append(ctx.index.keys(event.spans, group))
    return build_chart(ctx.comparison.timeline, targets)


def _columns(ctx: _Context) -> list[dict[str, Any]]:
    columns = []
    for ref in ctx.comparison.articles:
        article = ctx.articles.get(ref.id)
        columns.append(
            {
                "ref": ref,
                "number": ctx.number[ref.id],
                "outlet": ctx.outlet[ref.id],
                "url": _safe_url(article.url) if article else None,
                "published": human_time(ref.published),
                "headline": ref.title or (article.title if article else None),
                "html": render_article(article, ctx.index.marks_of(article)) if article else None,
            }
        )
    return columns


def _title(comparison: Comparison, outlets: list[str]) -> str:
    """A title no outlet's wording decides (`neutral_title`), else the outlets compared."""
    return neutral_title(comparison) or f"What {', '.join(outlets)} report"


def _csp(css: str, js: str) -> str:
    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    return (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"style-src 'sha256-{digest(css)}'; script-src 'sha256-{digest(js)}'"
    )


def to_html(
    comparison: Comparison,
    articles: Sequence[Article],
    update: Summary | None = None,
    since: datetime | None = None,
) -> str:
    """The comparison as one HTML page: where the outlets differ first, then the summary with
    citations, the lists of shared and single-outlet facts, the articles side by side with
    their spans marked and linked, quotes, timeline, entities, framing.

    ``update`` (with ``since``) is a summary of what the articles published after ``since``
    add; it is shown first, cited like the main summary."""
    env = _environment()
    known = {a.id: a for a in articles}
    number = {ref.id: i for i, ref in enumerate(comparison.articles, 1)}
    outlet = {
        ref.id: ref.source or (known[ref.id].source if ref.id in known else None) or f"Article {n}"
        for ref, n in zip(comparison.articles, number.values(), strict=True)
    }
    shown = [known[ref.id] for ref in comparison.articles if ref.id in known]
    ctx = _Context(comparison, known, number, outlet, SpanIndex(shown, number))
    facts = _facts(ctx)
    quotes = _quotes(ctx)
    discrepancies = _discrepancies(ctx, comparison.discrepancies)
    differences = _discrepancies(ctx, comparison.differences, "p", "Difference in precision")
    summary = _summary(ctx, comparison.summary)
    news = _summary(ctx, update, key="u")
    framing = _framing(ctx)
    chart = _timeline(ctx)
    css = env.get_template("report.css").render()
    js = env.get_template("report.js").render()
    return env.get_template("report.html.j2").render(
        title=_title(comparison, list(dict.fromkeys(outlet.values()))),
        version=__version__,
        columns=_columns(ctx),
        summary=summary,
        news=news,
        since=human_time(since) if update is not None else None,
        facts=facts,
        quotes=quotes,
        outlets=list(dict.fromkeys(outlet.values())),
        outlet_of=outlet,
        unattributed=UNATTRIBUTED,
        discrepancies=discrepancies,
        differences=differences,
        warnings=comparison.warnings,
        entities=comparison.entities,
        framing=framing,
        chart=chart,
        groups=script_json(ctx.groups),
        css=Markup(css),
        js=Markup(js),
        csp=_csp(css, js),
    )
