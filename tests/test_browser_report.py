"""The HTML report of the Hanoi example in a real headless Chromium (Debian's, never downloaded)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from newsprism.comparison.pipeline import compare
from newsprism.model import Article
from newsprism.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts" / "report"
DESKTOP = {"width": 1360, "height": 900}
PHONE = {"width": 390, "height": 844}

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def report(annotated_examples: list[Article], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(path, compare(annotated_examples), annotated_examples)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, report: Path) -> Iterator[tuple[Any, list[str]]]:
    """The report opened from disk; the list collects errors and any network request."""
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    tab.on(
        "request",
        lambda request: (
            problems.append(f"request: {request.url}")
            if not request.url.startswith("file:")
            else None
        ),
    )
    tab.goto(report.as_uri())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        yield tab, problems
    finally:
        context.close()


VISIBLE = """el => {
    const box = el.getBoundingClientRect();
    const column = el.closest('.article-body').getBoundingClientRect();
    const inside = (top, bottom) => box.bottom > top && box.top < bottom;
    return inside(0, window.innerHeight) && inside(column.top, column.bottom);
}"""


def test_citation_scrolls_to_and_highlights_its_span(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    citations = tab.locator("#summary a.cite")
    assert citations.count() >= 2
    citation = citations.nth(citations.count() - 1)  # the last: furthest down an article
    targets = (citation.get_attribute("data-targets") or "").split()
    assert targets
    span = tab.locator(f'[id="{targets[0]}"]')
    assert "hl" not in (span.get_attribute("class") or "")
    citation.click()
    tab.wait_for_function(f"() => document.getElementById({targets[0]!r}).classList.contains('hl')")
    tab.wait_for_function(f"() => ({VISIBLE})(document.getElementById({targets[0]!r}))")
    assert all(
        "hl" in (tab.locator(f'[data-k="{k}"]').first.get_attribute("class") or "") for k in targets
    )
    tab.screenshot(path=str(ARTIFACTS / "citation.png"))
    assert problems == []


def test_hovering_a_shared_fact_outlines_its_counterpart(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    shared = tab.locator("#article-1 .m.consensus").first
    groups = (shared.get_attribute("data-g") or "").split()
    fact = next(g for g in groups if g.startswith("f"))
    shared.hover()
    counterpart = tab.locator(f'#article-2 .m[data-g~="{fact}"]').first
    assert "peer" in (counterpart.get_attribute("class") or "")
    shared.click()
    assert "linked" in (counterpart.get_attribute("class") or "")
    assert "Reported by several outlets" in tab.locator("#inspector").inner_text()
    assert problems == []


def test_articles_side_by_side_then_stacked_on_a_phone(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    first, second = tab.locator("#article-1"), tab.locator("#article-2")
    a, b = first.bounding_box(), second.bounding_box()
    assert a and b and abs(a["y"] - b["y"]) < 2 and b["x"] >= a["x"] + a["width"]
    tab.screenshot(path=str(ARTIFACTS / "desktop.png"), full_page=True)
    tab.set_viewport_size(PHONE)
    a, b = first.bounding_box(), second.bounding_box()
    assert a and b and b["y"] >= a["y"] + a["height"] and abs(a["x"] - b["x"]) < 2
    assert a["width"] <= PHONE["width"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    first.scroll_into_view_if_needed()
    tab.screenshot(path=str(ARTIFACTS / "phone.png"))
    assert problems == []


def test_timeline_event_links_to_its_passage(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    event = tab.locator("#timeline g.event").first
    key = (event.get_attribute("data-targets") or "").split()[0]
    event.click()
    tab.wait_for_function(f"() => document.getElementById({key!r}).classList.contains('hl')")
    assert problems == []


def _top(tab: Any, selector: str) -> float:
    box = tab.locator(selector).bounding_box()
    assert box, selector
    return box["y"]


def test_where_outlets_differ_comes_first_also_on_a_phone(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    order = ["#discrepancies", "#summary", "#facts", "#articles", "#quotes"]
    tops = [_top(tab, s) for s in order]
    assert tops == sorted(tops)
    tab.set_viewport_size(PHONE)
    # On a phone the contradictions once started ~13,000 px down, below every article.
    assert _top(tab, "#discrepancies") < 2 * PHONE["height"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.screenshot(path=str(ARTIFACTS / "phone-top.png"), full_page=False)
    assert problems == []


def test_stat_cards_are_links_to_their_lists(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    card = tab.locator('.stats a[href="#facts-shared"]')
    shown = int(card.locator(".value").inner_text())
    assert shown == tab.locator("#facts ol.facts > li").count() > 0
    card.click()
    tab.wait_for_function("() => location.hash === '#facts-shared'")
    heading = tab.locator("#facts-shared").bounding_box()
    assert heading and 0 <= heading["y"] < DESKTOP["height"]
    singles = int(tab.locator('.stats a[href="#facts-single"] .value').inner_text())
    assert singles == tab.locator("#facts ul.facts.single > li").count() > 0
    assert problems == []


def test_a_listed_fact_jumps_to_its_passage_and_back_returns(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    back = tab.locator("#back")
    assert not back.is_visible()
    link = tab.locator("#facts ul.facts.single a.claim-link").first
    key = link.get_attribute("data-targets")
    link.click()
    tab.wait_for_function(f"() => document.getElementById({key!r}).classList.contains('hl')")
    assert back.is_visible()
    tab.screenshot(path=str(ARTIFACTS / "jumped.png"))
    back.click()
    tab.wait_for_function(
        """el => { const b = el.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; }""",
        arg=link.element_handle(),
    )
    assert not back.is_visible()
    assert problems == []


def test_marks_can_be_narrowed_to_one_kind(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    decoration = "el => getComputedStyle(el).textDecorationLine"
    shared = tab.locator("#article-1 .m.consensus:not(.exclusive)").first
    single = tab.locator("#article-1 .m.exclusive").first
    assert shared.evaluate(decoration) == "underline"
    tab.locator('#show input[value="exclusive"]').check()
    assert tab.locator("#article-columns").get_attribute("data-show") == "exclusive"
    assert shared.evaluate(decoration) == "none"
    assert single.evaluate(decoration) == "underline"
    tab.locator('#show input[value="claim"]').check()
    assert single.evaluate(decoration) == "none"
    tab.locator('#show input[value="all"]').check()
    assert shared.evaluate(decoration) == "underline"
    assert problems == []


def test_the_title_is_no_outlets_headline_and_the_headlines_stand_side_by_side(
    page: tuple[Any, list[str]],
) -> None:
    tab, problems = page
    headlines = tab.locator(".headlines .hed")
    assert headlines.count() == 2
    title = tab.locator("h1").inner_text()
    assert title not in [headlines.nth(i).inner_text() for i in range(2)]
    a, b = (headlines.nth(i).bounding_box() for i in range(2))
    assert a and b and abs(a["y"] - b["y"]) < 2
    assert problems == []
