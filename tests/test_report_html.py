"""The self-contained HTML report: structure, citations that land, hostile text kept inert."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsprism.comparison.pipeline import compare
from newsprism.errors import NewsprismError
from newsprism.model import (
    Article,
    ArticleRef,
    Claim,
    Comparison,
    Discrepancy,
    Entity,
    Fact,
    FramingTerm,
    Quote,
    QuoteOccurrence,
    Span,
    Summary,
    SummarySentence,
    TimelineEvent,
    text_id,
)
from newsprism.report import to_html, write_report
from newsprism.report.spans import SpanIndex, render_article

SECTIONS = ("summary", "articles", "discrepancies", "quotes", "timeline", "entities", "framing")
HOSTILE = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
TEXTAREA = "</textarea>"


def make_article(paragraphs: list[str], **fields: object) -> Article:
    text = "\n\n".join(paragraphs)
    article_id = text_id(text)
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append(Span(article=article_id, start=start, end=start + len(paragraph)))
        start += len(paragraph) + 2
    return Article(id=article_id, text=text, paragraphs=spans, **fields)


def find(article: Article, fragment: str) -> Span:
    start = article.text.index(fragment)
    return article.span(start, start + len(fragment))


@pytest.fixture
def hostile() -> tuple[Comparison, list[Article]]:
    """Two articles whose text, title and link try to become markup, and a comparison of them."""
    a = make_article(
        [
            f"Officials said {HOSTILE} was found at 10 a.m. on Monday.",
            f"A photo {IMG} showed 40 people. {TEXTAREA} closed the form.",
            'The mayor said "we will rebuild" after the storm.',
        ],
        source=f"Daily {IMG}",
        title=f"Storm {HOSTILE}",
        url="javascript:alert(1)",
    )
    b = make_article(
        [
            "Officials said a device was found on Monday.",
            'A photo showed 45 people. The mayor said "we will rebuild" <!-- soon.',
        ],
        source="Wire",
        title="Storm hits town",
        url="https://example.org/storm",
    )
    b.published = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    refs = [
        ArticleRef(id=x.id, title=x.title, source=x.source, published=x.published) for x in (a, b)
    ]
    found_a, found_b = find(a, a.text.split("\n\n")[0]), find(b, b.text.split("\n\n")[0])
    people_a, people_b = find(a, "40 people"), find(b, "45 people")
    quote_a, quote_b = find(a, "we will rebuild"), find(b, "we will rebuild")
    comparison = Comparison(
        articles=refs,
        entities=[
            Entity(name=f"Mayor {HOSTILE}", type="PERSON", aliases={a.source: [IMG], "Wire": ["x"]})
        ],
        quotes=[
            Quote(
                text="we will rebuild",
                speaker=f"{TEXTAREA}mayor",
                occurrences=[
                    QuoteOccurrence(**quote_a.model_dump(), match="verbatim"),
                    QuoteOccurrence(**quote_b.model_dump(), match="partial"),
                ],
            )
        ],
        facts=[
            Fact(kind="consensus", articles=[a.id, b.id], sentences=[found_a, found_b]),
            Fact(kind="exclusive", articles=[a.id], sentences=[find(a, f"{TEXTAREA} closed")]),
        ],
        discrepancies=[
            Discrepancy(
                kind="number",
                description=f"how many people {HOSTILE}",
                claims=[
                    Claim(**people_a.model_dump(), value=40.0),
                    Claim(**people_b.model_dump(), value=f"45 {IMG}"),
                ],
            )
        ],
        timeline=[
            TimelineEvent(time="2024-03-04", text=f"found {HOSTILE}", spans=[found_a, found_b]),
            TimelineEvent(time="2024-03-04T10:00:00+00:00", text="at ten", spans=[found_a]),
            TimelineEvent(time="T07:00Z", text="an undated clock time", spans=[quote_b]),
        ],
        framing={a.source: [FramingTerm(term=IMG, score=1.5, count=1, spans=[people_a])]},
        summary=Summary(
            sentences=[
                SummarySentence(text=f"Found {HOSTILE} on Monday.", citations=[found_a, found_b]),
                SummarySentence(text="People came </script><!--", citations=[people_b]),
            ]
        ),
    )
    return comparison, [a, b]


class Page(HTMLParser):
    """Ids, links, targets, scripts and the nesting of every element of a page."""

    VOID = frozenset("meta link br img input hr circle line path".split())

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.keys: set[str] = set()
        self.targets: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if values.get("data-k"):
            self.keys.add(values["data-k"] or "")
        self.targets += (values.get("data-targets") or "").split()
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def test_every_section_is_present(hostile: tuple[Comparison, list[Article]]) -> None:
    page = Page(to_html(*hostile))
    for section in SECTIONS:
        assert section in page.ids
    assert page.errors == [] and page.stack == []
    assert len(page.ids) == len(set(page.ids)), "element ids are unique"


def test_every_citation_points_to_a_marked_span(
    hostile: tuple[Comparison, list[Article]],
) -> None:
    html = to_html(*hostile)
    page = Page(html)
    fragments = [u[1:] for u in page.urls if u.startswith("#")]
    assert html.count('class="cite"') == 3  # [1][2] for the first sentence, [2] for the second
    for fragment in fragments:
        assert fragment in page.ids, fragment
    assert page.targets and set(page.targets) <= page.keys
    assert all(key in page.ids for key in page.keys), "each span has one piece with its id"


def test_hostile_article_text_renders_as_text(hostile: tuple[Comparison, list[Article]]) -> None:
    html = to_html(*hostile)
    for markup in (HOSTILE, IMG, TEXTAREA, "<script>alert", "<img", "onerror=alert(1)>"):
        assert markup not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/textarea&gt;" in html
    page = Page(html)
    assert page.tags.count("script") == 2  # the data and the page's own code, nothing else
    assert "img" not in page.tags and "textarea" not in page.tags
    assert not any(u.lower().startswith("javascript:") for u in page.urls)


def test_no_external_resource_except_article_links(
    hostile: tuple[Comparison, list[Article]],
) -> None:
    html = to_html(*hostile)
    external = [u for u in Page(html).urls if re.match(r"(?i)\s*(https?:)?//", u)]
    assert external == ["https://example.org/storm"]
    assert not re.search(r"(?i)@import|url\(\s*['\"]?(https?:)?//", html)


def test_script_data_is_inert_json(hostile: tuple[Comparison, list[Article]]) -> None:
    html = to_html(*hostile)
    data = re.search(r'<script type="application/json" id="np-groups">(.*?)</script>', html, re.S)
    assert data is not None
    assert "<" not in data.group(1) and "-->" not in data.group(1)
    groups = json.loads(data.group(1))
    assert groups["s1"]["detail"] == "People came </script><!--"
    assert groups["f0"]["label"] and groups["q0"]["label"] and groups["d0"]["label"]


def test_content_security_policy_admits_only_the_page_own_code(
    hostile: tuple[Comparison, list[Article]],
) -> None:
    html = to_html(*hostile)
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found is not None
    policy = unescape(found.group(1))
    assert "default-src 'none'" in policy
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in policy


def test_spans_are_marked_by_kind_and_linked(hostile: tuple[Comparison, list[Article]]) -> None:
    comparison, (a, b) = hostile
    html = to_html(comparison, [a, b])
    assert re.search(r'class="m consensus" id="a1-\d+-\d+"[^>]*data-g="f0', html)
    assert re.search(r'class="m consensus" id="a2-\d+-\d+"[^>]*data-g="f0', html)
    assert 'class="m exclusive"' in html and 'class="m quote"' in html
    assert html.count('class="m claim"') == 2
    assert "verbatim" in html and "partial" in html
    assert html.count("<circle") == 3  # two dated events and one undated clock time
    assert "No date given" in html


def test_overlapping_spans_nest_and_split() -> None:
    article = make_article(["abcdefghij", "klmnop"])
    index = SpanIndex([article], {article.id: 1})
    index.add(article.span(0, 6), kind="consensus", group="f0")
    index.add(article.span(3, 9), kind="quote", group="q0")
    index.add(article.span(3, 6), kind="claim", group="d0")
    index.add(article.span(8, 14), kind="exclusive", group="f1")  # crosses the paragraphs
    html = str(render_article(article, index.marks_of(article)))
    page = Page(html)
    assert page.errors == [] and page.stack == []
    assert re.sub(r"<[^>]+>", "", html) == "abcdefghij\nklmnop"
    assert sorted(page.ids) == sorted(["a1-0-6", "a1-3-9", "a1-3-6", "a1-8-14"])
    assert html.count('data-k="a1-3-9"') == 2  # cut where the sentence ends: two pieces
    assert html.count('data-k="a1-8-14"') == 3  # cut at the quote's end and the paragraph


def test_unknown_spans_are_not_links(hostile: tuple[Comparison, list[Article]]) -> None:
    comparison, articles = hostile
    ghost = Span(article="missing", start=0, end=3)
    outside = Span(article=articles[0].id, start=5, end=10_000)
    assert comparison.summary is not None
    comparison.summary.sentences.append(SummarySentence(text="x", citations=[ghost, outside]))
    page = Page(to_html(comparison, articles))
    assert set(page.targets) <= page.keys


def test_an_article_without_its_text_still_has_its_column(
    hostile: tuple[Comparison, list[Article]],
) -> None:
    comparison, (_, b) = hostile
    html = to_html(comparison, [b])
    page = Page(html)
    assert "article-1" in page.ids and "The text of this article is not available." in html
    assert set(page.targets) <= page.keys and not any(k.startswith("a1-") for k in page.keys)
    assert "4 Mar 2024, 09:30 UTC" in html


def test_write_report_picks_the_format_from_the_suffix(
    tmp_path: Path, hostile: tuple[Comparison, list[Article]]
) -> None:
    comparison, articles = hostile
    for name in ("r.html", "r.HTML", "r.md", "r.json"):
        write_report(tmp_path / name, comparison, articles)
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "## Summary" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["facts"]
    with pytest.raises(NewsprismError, match=r"\.html, \.md, \.json"):
        write_report(tmp_path / "r.pdf", comparison, articles)


def test_hanoi_report(annotated_examples: list[Article]) -> None:
    comparison = compare(annotated_examples)
    assert comparison.summary is not None and comparison.summary.sentences
    html = to_html(comparison, annotated_examples)
    page = Page(html)
    assert page.errors == [] and page.stack == []
    assert set(page.targets) <= page.keys and len(page.targets) >= len(comparison.summary.sentences)
    for number in (1, 2):
        assert re.search(rf'class="m consensus" id="a{number}-', html)
    assert re.search(r'class="m exclusive"[^>]*>[^<]*Sofitel Legend Metropole', html)
    assert "Kim Jong-Un" in html and "DPRK" in html
