"""http(s) inputs against a local server: pages, redirects, errors, limits."""

from __future__ import annotations

import socket

import pytest

from conftest import (
    ARTICLE_HTML,
    REPORT,
    LocalServer,
    Route,
    errors_of,
)
from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.ingest.download import fetch
from newsprism.ingest.prepare import read_articles


@pytest.fixture
def settings() -> Settings:
    """The test server is on 127.0.0.1, which the address guard refuses unless allowed."""
    return Settings.load(cache=False, allow_private=True)


def test_url_html_page(http_server: LocalServer, settings: Settings) -> None:
    url = http_server.page("/news/bridge.html", ARTICLE_HTML, "text/html; charset=utf-8")
    collection = read_articles([url], settings)
    assert collection.problems == []
    [article] = collection.articles
    assert article.url == url
    assert article.origin == url
    assert article.title == "Harbor bridge reopens after two-year repair"
    assert article.source == "The Coastal Ledger"
    assert article.published.hour == 16


def test_url_without_site_name_uses_domain(http_server: LocalServer, settings: Settings) -> None:
    page = ARTICLE_HTML.replace('<meta property="og:site_name" content="The Coastal Ledger">', "")
    page = page.replace(" | The Coastal Ledger", "")
    url = http_server.page("/plain-site.html", page)
    [article] = read_articles([url], settings).articles
    assert article.source.startswith("127.0.0.1")


def test_url_plain_text(http_server: LocalServer, settings: Settings) -> None:
    url = http_server.page("/story.txt", REPORT, "text/plain; charset=utf-8")
    [article] = read_articles([url], settings).articles
    assert article.title.startswith("Storm floods")
    assert article.url == url


def _redirects(server: LocalServer, name: str, hops: int, target: str) -> str:
    for hop in range(hops, 0, -1):
        location = target if hop == 1 else f"/{name}/{hop - 1}"
        server.routes[f"/{name}/{hop}"] = Route(302, b"", {"Location": location})
    return server.url(f"/{name}/{hops}")


def test_url_redirect_chain_within_limit(http_server: LocalServer, settings: Settings) -> None:
    final = http_server.page("/moved/article.html", ARTICLE_HTML)
    start = _redirects(http_server, "hop", settings.max_redirects, "/moved/article.html")
    collection = read_articles([start], settings)
    assert collection.problems == []
    [article] = collection.articles
    assert article.url == final
    assert article.origin == start


def test_url_too_many_redirects(http_server: LocalServer, settings: Settings) -> None:
    http_server.page("/loop-target.html", ARTICLE_HTML)
    start = _redirects(http_server, "far", settings.max_redirects + 1, "/loop-target.html")
    collection = read_articles([start], settings)
    assert collection.articles == []
    assert errors_of(collection) == [f"{start}: more than {settings.max_redirects} redirects"]


def test_url_404(http_server: LocalServer, settings: Settings) -> None:
    url = http_server.url("/does-not-exist")
    collection = read_articles([url], settings)
    assert errors_of(collection) == [f"{url}: the server answered HTTP 404 Not Found"]


def test_url_server_error(http_server: LocalServer, settings: Settings) -> None:
    http_server.routes["/broken"] = Route(500, b"oops", {"Content-Type": "text/plain"})
    url = http_server.url("/broken")
    assert errors_of(read_articles([url], settings)) == [
        f"{url}: the server answered HTTP 500 Internal Server Error"
    ]


def test_url_pdf_is_refused(http_server: LocalServer, settings: Settings) -> None:
    url = http_server.page("/report.pdf", b"%PDF-1.4\n" + bytes(100), "application/pdf")
    collection = read_articles([url], settings)
    assert errors_of(collection) == [
        f"{url}: not an HTML page or a feed (content type application/pdf)"
    ]


@pytest.mark.parametrize("send_length", [True, False])
def test_url_over_max_bytes(http_server: LocalServer, send_length: bool) -> None:
    body = ARTICLE_HTML.replace("</article>", "<p>filler</p>" * 2000 + "</article>").encode()
    path = f"/huge-{send_length}.html"
    http_server.routes[path] = Route(200, body, {"Content-Type": "text/html"}, send_length)
    settings = Settings.load(cache=False, max_bytes=10_000, allow_private=True)
    collection = read_articles([http_server.url(path)], settings)
    [error] = errors_of(collection)
    assert error.startswith(http_server.url(path) + ": ")
    assert "over the 0.0 MB limit" in error or "over the" in error
    assert "--max-bytes" in error


def test_url_unreachable_port(settings: Settings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article.html"
    collection = read_articles([url], settings.model_copy(update={"fetch_timeout": 5.0}))
    [error] = errors_of(collection)
    assert error.startswith(f"{url}: could not connect")
    assert "\n" not in error


def test_fetch_raises_input_error(http_server: LocalServer, settings: Settings) -> None:
    with pytest.raises(InputError) as caught:
        fetch(http_server.url("/nope"), settings)
    assert caught.value.input == http_server.url("/nope")


def test_bad_and_good_urls_mixed(http_server: LocalServer, settings: Settings) -> None:
    good = http_server.page("/good.html", ARTICLE_HTML)
    collection = read_articles([http_server.url("/missing-1"), good], settings)
    assert len(collection.articles) == 1
    assert len(collection.errors) == 1
