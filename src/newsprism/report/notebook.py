"""How a `Comparison` shows in Jupyter (``_repr_html_``): a compact view, not the full page.

The full report is a page of its own (scripts, a security policy, the articles' text); a
notebook cell gets what a reader checks first: the outlets and their headlines, where they
differ with each side's words and value, and how many facts and quotes they share.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from newsprism.model import Comparison
from newsprism.report.markdown import human_time, in_marks, plain_value
from newsprism.report.titles import neutral_title

_STYLE = "text-align:left;vertical-align:top;padding:2px 8px"


def _cell(value: object, tag: str = "td") -> str:
    return f'<{tag} style="{_STYLE}">{escape(value)}</{tag}>'


def to_notebook_html(comparison: Comparison) -> str:
    """An HTML fragment: title, outlets, discrepancies, counts; every value escaped."""
    number = {a.id: i for i, a in enumerate(comparison.articles, 1)}
    outlet = {a.id: a.source or f"Article {number[a.id]}" for a in comparison.articles}
    shared = sum(1 for f in comparison.facts if f.kind == "consensus")
    parts = [f"<h3>{escape(neutral_title(comparison) or 'newsprism comparison')}</h3>"]
    parts += [f"<p><b>{escape(w)}</b></p>" for w in comparison.warnings]
    rows = "".join(
        "<tr>" + _cell(f"[{number[a.id]}] {outlet[a.id]}") + _cell(a.title or a.lead or "")
        + _cell(human_time(a.published) or "undated") + _cell(a.input_id or a.id) + "</tr>"
        for a in comparison.articles
    )  # fmt: skip
    head = "".join(_cell(h, "th") for h in ("Outlet", "Headline", "Published", "Id"))
    parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    parts.append(f"<p><b>Where they differ: {len(comparison.discrepancies)}</b></p>")
    items = []
    for d in comparison.discrepancies:
        sides = "; ".join(
            f"{escape(in_marks(c.text or ''))} [{number.get(c.article, '?')}] "
            f"(value: {escape(plain_value(c.value) or '—')})"
            for c in d.claims
        )
        items.append(f"<li><b>{escape(d.kind)}</b> — {escape(d.description)}: {sides}</li>")
    parts.append(f"<ul>{''.join(items)}</ul>" if items else "<p>No contradiction found.</p>")
    parts.append(
        f"<p>{shared} facts shared by several outlets, {len(comparison.facts) - shared} reported "
        f"by one only, {len(comparison.quotes)} quotations. The full report: "
        "<code>newsprism.to_html(comparison, articles)</code>.</p>"
    )
    return str(Markup("\n".join(parts)))
