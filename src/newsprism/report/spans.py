"""Article text as escaped HTML with the report's spans marked, nested correctly.

Every span the report points at (a fact sentence, a quote, a claim, a citation …) becomes
one element id. Spans of different kinds overlap freely, but HTML elements must nest: a
span that crosses the end of another is closed there and reopened as a continuation piece
that carries the same ``data-k`` (so highlighting reaches every piece) but not the id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from newsprism.model import Article, Span

# Outer before inner when two marks start and end together: a sentence holds a claim.
_RANK = {"consensus": 0, "exclusive": 0, "quote": 1, "claim": 2}


@dataclass
class Mark:
    """One marked stretch of an article, with its styles and the groups it belongs to."""

    key: str
    start: int
    end: int
    kinds: set[str] = field(default_factory=set)
    groups: list[str] = field(default_factory=list)

    @property
    def rank(self) -> int:
        return min((_RANK.get(k, 3) for k in self.kinds), default=3)


class SpanIndex:
    """The spans of a report, one `Mark` per distinct (article, start, end)."""

    def __init__(self, articles: Sequence[Article], numbers: dict[str, int]) -> None:
        self._texts = {a.id: a.text for a in articles}
        self._numbers = numbers
        self._marks: dict[str, Mark] = {}

    def add(self, span: Span, kind: str | None = None, group: str | None = None) -> str | None:
        """Register ``span``; its element id, or None when it points nowhere we can show."""
        text = self._texts.get(span.article)
        if text is None or not 0 <= span.start < span.end <= len(text):
            return None
        key = f"a{self._numbers[span.article]}-{span.start}-{span.end}"
        mark = self._marks.setdefault(key, Mark(key, span.start, span.end))
        if kind:
            mark.kinds.add(kind)
        if group and group not in mark.groups:
            mark.groups.append(group)
        return key

    def keys(self, spans: Sequence[Span], group: str | None = None) -> list[str]:
        """The element ids of ``spans`` (registered under ``group``), unknown ones left out."""
        return [k for s in spans if (k := self.add(s, group=group)) is not None]

    def marks_of(self, article: Article) -> list[Mark]:
        prefix = f"a{self._numbers[article.id]}-"
        return [m for k, m in self._marks.items() if k.startswith(prefix)]


def _open(mark: Mark, first: bool) -> str:
    classes = " ".join(["m", *sorted(mark.kinds)])
    attrs = f' id="{mark.key}"' if first else ""
    groups = escape(" ".join(mark.groups))
    return f'<span class="{classes}"{attrs} data-k="{mark.key}" data-g="{groups}">'


def _nest(text: str, start: int, end: int, marks: list[Mark], opened: set[str]) -> str:
    """HTML of ``text[start:end]`` with ``marks`` (clipped to it) as properly nested spans."""
    clipped = [(max(m.start, start), min(m.end, end), m) for m in marks]
    clipped = [c for c in clipped if c[0] < c[1]]
    cuts = sorted({start, end, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    stack: list[tuple[int, Mark]] = []
    parts: list[str] = []
    for pos, nxt in zip(cuts, [*cuts[1:], end], strict=True):
        ending = [i for i, (e, _) in enumerate(stack) if e == pos]
        reopen: list[tuple[int, Mark]] = []
        if ending:
            # Close down to the lowest mark that ends here; those above it that go on reopen.
            while len(stack) > ending[0]:
                e, mark = stack.pop()
                parts.append("</span>")
                if e > pos:
                    reopen.append((e, mark))
        starting = reopen + [(e, m) for s, e, m in clipped if s == pos]
        for e, mark in sorted(starting, key=lambda c: (-c[0], c[1].rank, c[1].key)):
            parts.append(_open(mark, mark.key not in opened))
            opened.add(mark.key)
            stack.append((e, mark))
        if nxt > pos:
            parts.append(str(escape(text[pos:nxt])))
    parts.extend("</span>" for _ in stack)
    return "".join(parts)


def render_article(article: Article, marks: list[Mark]) -> Markup:
    """The article's clean text as escaped ``<p>`` paragraphs holding its marks."""
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    opened: set[str] = set()
    html = []
    for start, end in paragraphs:
        inside = [m for m in marks if m.start < end and start < m.end]
        html.append(f"<p>{_nest(article.text, start, end, inside, opened)}</p>")
    # Marks outside every paragraph (between them) still need their id for citations.
    for mark in marks:
        if mark.key not in opened:
            html.append(_open(mark, True) + "</span>")
    return Markup("\n".join(html))
