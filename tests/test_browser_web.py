"""The web app in a real headless Chromium (Debian's, never downloaded), served by uvicorn
on a free loopback port."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from conftest import DATA, EXAMPLES, ROOT
from newsprism.config import Settings
from newsprism.ingest.prepare import Collection, read_articles
from newsprism.model import Article
from newsprism.store import Store
from newsprism.web import create_app
from newsprism.web.security import LOOPBACK_HOSTS
from test_web_api import HANOI, START, put_story

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts" / "web"
TOKEN = "browser-test-token-0123456789"
FERRY = "s-ferry"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory,
    examples: Collection,
    annotated_examples: list[Article],
    single_thread_torch: None,
) -> Iterator[str]:
    """The web app over a database holding the Hanoi story, served by uvicorn on a free
    loopback port in a thread of this process (which shares the loaded models)."""
    db = tmp_path_factory.mktemp("served") / "stories.db"
    ferry = read_articles([str(DATA / "ferry-capsizing")], Settings.load(cache=False)).articles
    with Store.open(str(db), Settings.load(cache=False)) as store:
        put_story(store, HANOI, examples.articles, START)
        put_story(store, FERRY, ferry, START + timedelta(days=10))
    app = create_app(Settings.load(), str(db), token=TOKEN, allowed_hosts=LOOPBACK_HOSTS)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    [port] = {s.getsockname()[1] for s in server.servers[0].sockets}
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[tuple[Any, list[str]]]:
    """A tab on the server; the list collects script errors and blocked resources."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=server)
    # Comparing takes seconds, more on a busy machine.
    context.set_default_timeout(60_000)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    tab.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((server, "data:", "about:"))
            else problems.append(request.url)
        ),
    )
    try:
        yield tab, problems
    finally:
        context.close()


def _shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_compare_two_articles_through_the_form(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    tab.goto("/login?next=/")
    tab.get_by_label("Token").fill(TOKEN)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/")
    texts = sorted(EXAMPLES.glob("*.txt"))
    for i, path in enumerate(texts):
        box = tab.locator("fieldset.article").nth(i)
        box.get_by_label("Outlet").fill(path.stem.replace("-", " ").title())
        box.get_by_label("Text").fill(path.read_text(encoding="utf-8"))
    _shot(tab, "compare-form.png")
    tab.get_by_role("button", name="Compare").click()
    tab.wait_for_url("**/results/*")
    assert tab.get_by_role("heading", name="Comparison of 2 reports").is_visible()
    report = tab.frame_locator("iframe.report")
    report.get_by_text("Sometimes, you have to walk").first.wait_for()
    # The report's own script works inside the sandboxed frame: a citation highlights.
    report.locator("a.cite").first.click()
    report.locator(".hl").first.wait_for(timeout=10_000)
    _shot(tab, "compare-result.png")
    assert problems == []


def test_stories_page_and_story_report(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    tab.goto("/stories")
    row = tab.get_by_role("row").filter(has_text="us-outlet")
    assert "2" in row.get_by_role("cell").nth(1).inner_text()
    assert row.get_by_role("cell").nth(2).inner_text() == "—"  # not compared yet
    assert "newsprism track" not in tab.content()
    _shot(tab, "stories.png")
    row.get_by_role("link").click()
    tab.wait_for_url(f"**/stories/{HANOI}")
    headlines = tab.locator("ol.headlines .hed").all_inner_texts()
    assert len(headlines) == 2
    # Never one outlet's headline over the story: who reported it, until it is compared.
    assert (
        tab.get_by_role("heading", level=1).inner_text() == "2 reports from us-outlet, wire-service"
    )
    for time_ in tab.locator("dl.meta time").all():
        assert time_.inner_text().endswith(" UTC")
    report = tab.frame_locator("iframe.report")
    report.locator("a.cite").first.wait_for()
    _shot(tab, "story.png")
    tab.reload()
    title = tab.get_by_role("heading", level=1).inner_text()
    assert title not in headlines and not title.startswith("2 reports")
    tab.goto("/stories")
    row = tab.get_by_role("row").filter(has_text="us-outlet")
    assert row.get_by_role("cell").nth(2).inner_text().isdigit()  # counted once compared
    assert problems == []


def _rows(tab: Any) -> list[str]:
    return tab.locator("table.stories tbody tr td:first-child").all_inner_texts()


def test_stories_search_filter_and_order(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    tab.goto("/stories")
    assert tab.locator("#story-count").inner_text() == "2 stories."
    assert len(_rows(tab)) == 2
    tab.get_by_label("Search").fill("ferry")
    tab.get_by_role("button", name="Show").click()
    tab.wait_for_url("**/stories?q=ferry*")
    assert tab.locator("#story-count").inner_text() == "1 story matches."
    assert "ferry" in _rows(tab)[0].lower()
    tab.goto("/stories")
    tab.get_by_label("Outlet").select_option("us-outlet")
    tab.get_by_role("button", name="Show").click()
    tab.wait_for_url("**outlet=us-outlet*")
    assert len(_rows(tab)) == 1 and "ferry" not in _rows(tab)[0].lower()
    tab.goto("/stories")
    newest = _rows(tab)
    tab.get_by_label("Order").select_option("oldest")
    tab.get_by_role("button", name="Show").click()
    tab.wait_for_url("**sort=oldest*")
    assert _rows(tab) == newest[::-1]
    tab.goto("/stories")
    tab.get_by_label("Active from").fill((START + timedelta(days=5)).date().isoformat())
    tab.get_by_role("button", name="Show").click()
    tab.wait_for_url("**from=*")
    assert len(_rows(tab)) == 1 and "ferry" in _rows(tab)[0].lower()
    _shot(tab, "stories-filtered.png")
    assert problems == []


def test_the_compare_form_shows_it_is_busy_and_submits_once(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    posts: list[str] = []
    tab.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    tab.goto("/login?next=/")
    tab.get_by_label("Token").fill(TOKEN)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/")
    posts.clear()
    for i, path in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        tab.locator("fieldset.article").nth(i).get_by_label("Text").fill(path.read_text("utf-8"))
    busy = tab.locator("#busy")
    assert not busy.is_visible()
    # Two submissions in a row, as an impatient double click sends them; the page's state is
    # read in the same turn, before the answer replaces the page.
    shown = tab.evaluate(
        """() => {
            const form = document.querySelector("form.compare");
            form.requestSubmit();
            const button = form.querySelector("button[type=submit]");
            const state = {busy: !document.getElementById("busy").hidden,
                           disabled: button.disabled, label: button.textContent};
            form.requestSubmit();
            return state;
        }"""
    )
    assert shown == {"busy": True, "disabled": True, "label": "Comparing…"}
    _shot(tab, "compare-busy.png")
    tab.wait_for_url("**/results/*")
    assert [u for u in posts if u.endswith("/compare")] == [posts[0]] and len(posts) == 1
    assert problems == []


def test_pages_on_a_phone_screen(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server)
    try:
        tab = context.new_page()
        pages = (
            ("/", "phone-compare.png"),
            ("/feeds", "phone-feeds.png"),
            ("/stories", "phone-stories.png"),
            (f"/stories/{FERRY}", "phone-story.png"),
        )
        for path, name in pages:
            tab.goto(path)
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{path} scrolls sideways ({width}px)"
            _shot(tab, name)
    finally:
        context.close()
