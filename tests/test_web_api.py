"""The web app through FastAPI's test client: API, pages, status codes and the safety rules."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import SpooledTemporaryFile
from typing import Any

import httpx
import numpy as np
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES, LocalServer
from newsprism.cli import app as cli
from newsprism.config import Settings
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest.download import client as http_client
from newsprism.ingest.download import fetch
from newsprism.ingest.netguard import is_public
from newsprism.ingest.prepare import Collection
from newsprism.model import Article, Comparison, Story, Summary, text_id
from newsprism.store import Store
from newsprism.stories.state import ArticleFeatures, StoryState
from newsprism.web import create_app
from newsprism.web.security import cookie_value
from newsprism.web.service import upload_label
from web_client import LOCAL_BASE, local_client

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
START = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
HANOI = "s-hanoi"
XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def put_story(store: Store, story_id: str, articles: list[Article], when: datetime) -> None:
    """Store a story through the store's own API, the way tracking grows one."""
    vector = np.full(384, 1 / np.sqrt(384), dtype=np.float32)
    members: list[str] = []
    for i, article in enumerate(articles):
        members.append(article.id)
        state = StoryState(
            id=story_id,
            first_seen=when,
            last_seen=when + timedelta(minutes=i),
            headline_sum=vector * (i + 1),
            body_sum=vector * (i + 1),
            members=list(members),
            sources=list(dict.fromkeys(a.source or "" for a in articles[: i + 1])),
            titles={a.id: a.title or "" for a in articles[: i + 1]},
            title=next((a.title for a in articles[: i + 1] if a.title), None),
        )
        features = ArticleFeatures(
            id=article.id,
            published=article.published or when,
            title=article.title,
            source=article.source,
            headline=vector,
            body=vector,
        )
        assert store.add_article(article, features, state)


def article(text: str, title: str, source: str, url: str | None = None) -> Article:
    return Article(id=text_id(text), title=title, source=source, text=text, url=url)


@pytest.fixture(scope="module")
def stocked(tmp_path_factory: pytest.TempPathFactory, examples: Collection) -> Path:
    """A database with the Hanoi story (two outlets) and four one-article stories."""
    path = tmp_path_factory.mktemp("web") / "stocked.db"
    with Store.open(str(path), Settings.load(cache=False)) as store:
        put_story(store, HANOI, examples.articles, START)
        for n in range(4):
            text = f"Council votes on budget number {n}.\n\nThe vote was close, officials said."
            hostile = n == 3
            title, url = (XSS, "javascript:alert(2)") if hostile else (f"Budget vote {n}", None)
            put_story(
                store,
                f"s-one-{n}",
                [article(text, title, f"Gazette {n}", url)],
                START + timedelta(days=n + 1),
            )
    return path


@contextmanager
def serving(db: Path | str, **options: Any) -> Iterator[TestClient]:
    app = create_app(Settings.load(), str(db), **options)
    with local_client(app) as client:
        yield client


@pytest.fixture
def api(stocked: Path) -> Iterator[TestClient]:
    with serving(stocked, token=TOKEN) as client:
        yield client


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    with serving(tmp_path / "fresh.db", token=TOKEN) as client:
        yield client


def hanoi_texts() -> list[dict[str, str]]:
    return [
        {"source": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted(EXAMPLES.glob("*.txt"))
    ]


# Pages and documents


@pytest.mark.parametrize(
    "path", ["/", "/stories", "/feeds", "/docs", "/login", f"/stories/{HANOI}"]
)
def test_pages_render_with_safe_headers(api: TestClient, path: str) -> None:
    page = api.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    # Only this server's own script files (the compare form's busy state), never inline.
    assert "script-src 'self';" in policy and "unsafe" not in policy
    assert all(
        tag.startswith('<script src="/static/') for tag in re.findall(r"<script[^>]*>", page.text)
    )
    assert page.headers["x-content-type-options"] == "nosniff"
    assert '<link rel="stylesheet" href="/static/style.css">' in page.text
    assert "http://" not in page.text.split("</head>")[0]  # nothing loaded from elsewhere


def test_stylesheet_is_served(api: TestClient) -> None:
    assert "font" in api.get("/static/style.css").text


def test_stories_page_newest_first_and_escaped(api: TestClient) -> None:
    page = api.get("/stories").text
    positions = [page.index(f"/stories/s-one-{n}") for n in (2, 1, 0)]
    assert positions == sorted(positions)
    assert page.index("/stories/s-one-0") < page.index(f"/stories/{HANOI}")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_story_page_lists_outlets_and_embeds_report(api: TestClient) -> None:
    page = api.get(f"/stories/{HANOI}").text
    assert "us-outlet" in page and "wire-service" in page
    assert f'src="/stories/{HANOI}/report"' in page
    single = api.get("/stories/s-one-0").text
    assert "Only one article" in single and "<iframe" not in single
    hostile = api.get("/stories/s-one-3").text
    assert "<script>alert" not in hostile and "javascript:" not in hostile


def test_openapi_documents_the_api(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/stories",
                 "/api/stories/{story_id}", "/api/stories/{story_id}/comparison",
                 "/api/stories/{story_id}/summary", "/api/compare", "/api/feeds"):  # fmt: skip
        assert path in paths
    assert {"Comparison", "Story", "Summary", "Feed", "Article"} <= set(
        spec["components"]["schemas"]
    )
    comparison = paths["/api/stories/{story_id}/comparison"]["get"]["responses"]
    assert comparison["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Comparison"
    )
    assert "404" in comparison
    assert "/api/compare" in api.get("/docs").text


# Reading the store


def test_stories_pagination(api: TestClient) -> None:
    first = api.get("/api/stories", params={"limit": 2}).json()
    assert first["total"] == 5 and first["limit"] == 2 and first["offset"] == 0
    assert [s["id"] for s in first["items"]] == ["s-one-3", "s-one-2"]
    last = api.get("/api/stories", params={"limit": 2, "offset": 4}).json()
    assert [s["id"] for s in last["items"]] == [HANOI]
    assert api.get("/api/stories", params={"offset": 10}).json()["items"] == []
    story = Story.model_validate(first["items"][0])
    assert story.size == 1


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "x"}])
def test_bad_pagination_is_422(api: TestClient, query: dict[str, Any]) -> None:
    answer = api.get("/api/stories", params=query)
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("invalid request")


def test_story_and_404(api: TestClient) -> None:
    story = Story.model_validate(api.get(f"/api/stories/{HANOI}").json())
    assert story.sources == ["us-outlet", "wire-service"] and story.size == 2
    missing = api.get("/api/stories/s-nope")
    assert missing.status_code == 404
    assert missing.json() == {"error": "no story s-nope"}
    assert api.get("/api/stories/s-nope/comparison").status_code == 404


def test_one_article_story_cannot_be_compared(api: TestClient) -> None:
    answer = api.get("/api/stories/s-one-1/comparison")
    assert answer.status_code == 409
    assert "comparing needs two" in answer.json()["error"]


def test_articles_pagination_and_one_article(api: TestClient, examples: Collection) -> None:
    everything = api.get("/api/articles", params={"limit": 200}).json()
    assert everything["total"] == 6 and len(everything["items"]) == 6
    ids = [a["id"] for a in everything["items"]]
    page = api.get("/api/articles", params={"limit": 2, "offset": 4}).json()
    assert [a["id"] for a in page["items"]] == ids[4:6]
    hanoi = {a.id for a in examples.articles}
    assert {a["story"] for a in everything["items"] if a["id"] in hanoi} == {HANOI}
    one = api.get(f"/api/articles/{examples.articles[0].id}")
    assert one.status_code == 200
    assert Article.model_validate(one.json()).text == examples.articles[0].text
    assert api.get("/api/articles/0000").json() == {"error": "no article 0000"}


def test_unknown_paths(api: TestClient) -> None:
    assert api.get("/api/nothing").json() == {"error": "Not Found"}
    page = api.get("/nothing")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


# Writing: tokens


def test_feeds_need_the_token(fresh: TestClient) -> None:
    feed = {"url": "https://example.org/feed.xml", "title": "Example"}
    missing = fresh.post("/api/feeds", json=feed)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in missing.json()["error"]
    wrong = fresh.post("/api/feeds", json=feed, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert fresh.post("/api/feeds", json=feed, headers={"Authorization": TOKEN}).status_code == 403
    assert fresh.get("/api/feeds").json() == []
    added = fresh.post("/api/feeds", json=feed, headers=AUTH)
    assert added.status_code == 201 and added.json()["title"] == "Example"
    assert fresh.post("/api/feeds", json=feed, headers=AUTH).status_code == 409
    assert [f["url"] for f in fresh.get("/api/feeds").json()] == [feed["url"]]
    assert fresh.delete("/api/feeds", params={"url": feed["url"]}).status_code == 401
    assert fresh.delete("/api/feeds", params={"url": feed["url"]}, headers=AUTH).status_code == 204
    gone = fresh.delete("/api/feeds", params={"url": feed["url"]}, headers=AUTH)
    assert gone.status_code == 404 and "not following" in gone.json()["error"]


@pytest.mark.parametrize(
    "body", [{"url": "ftp://example.org/feed"}, {"url": "feed.xml"}, {"url": "https://"}, {}]
)
def test_bad_feed_is_422(fresh: TestClient, body: dict[str, str]) -> None:
    answer = fresh.post("/api/feeds", json=body, headers=AUTH)
    assert answer.status_code == 422 and "error" in answer.json()


def test_without_a_token_writes_are_open(tmp_path: Path) -> None:
    with serving(tmp_path / "open.db") as client:
        added = client.post("/api/feeds", json={"url": "https://example.org/rss"})
        assert added.status_code == 201


def test_compare_needs_the_token(api: TestClient) -> None:
    answer = api.post("/api/compare", json={"articles": hanoi_texts()})
    assert answer.status_code == 401


def test_forms_need_the_sign_in_cookie(fresh: TestClient) -> None:
    form = {"url": "https://example.org/feed.xml"}
    refused = fresh.post("/feeds", data=form)
    assert refused.status_code == 401 and "Sign in" in refused.text
    assert fresh.post("/compare", data={"text": ["a", "b"]}).status_code == 401
    fresh.cookies.set("newsprism_token", "forged")
    assert fresh.post("/feeds", data=form).status_code == 401
    fresh.cookies.clear()
    wrong = fresh.post("/login", data={"token": "guess", "next": "/feeds"})
    assert wrong.status_code == 403 and "newsprism_token" not in wrong.headers.get("set-cookie", "")
    signed = fresh.post("/login", data={"token": TOKEN, "next": "/feeds"}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/feeds"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    assert TOKEN not in cookie  # the browser keeps a value derived from it
    added = fresh.post("/feeds", data=form, follow_redirects=False)
    assert added.status_code == 303
    assert "example.org/feed.xml" in fresh.get("/feeds").text
    removed = fresh.post("/feeds/remove", data=form, follow_redirects=False)
    assert removed.status_code == 303 and fresh.get("/api/feeds").json() == []


def test_form_from_another_site_is_refused(tmp_path: Path) -> None:
    with serving(tmp_path / "csrf.db") as client:
        form = {"url": "https://example.org/feed.xml"}
        foreign = client.post("/feeds", data=form, headers={"Origin": "https://evil.example"})
        assert foreign.status_code == 403
        own = client.post("/feeds", data=form, headers={"Origin": LOCAL_BASE})
        assert own.status_code == 200  # followed the redirect to the feeds page


def test_sign_in_never_redirects_elsewhere(fresh: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        answer = fresh.post("/login", data={"token": TOKEN, "next": target}, follow_redirects=False)
        assert answer.headers["location"] == "/"


def test_other_host_names_refused_on_localhost(tmp_path: Path) -> None:
    with serving(tmp_path / "hosts.db") as client:
        assert client.get("/api/stories").status_code == 200
        assert client.get("/api/stories", headers={"Host": "localhost:8000"}).status_code == 200
        assert client.get("/api/stories", headers={"Host": "127.0.0.1"}).status_code == 200
        assert (
            client.get("/api/stories", headers={"Host": "rebind.evil.example"}).status_code == 400
        )


@pytest.mark.parametrize("peer", ["203.0.113.7", "10.0.0.2", "testclient"])
def test_an_app_without_a_token_answers_only_this_machine(tmp_path: Path, peer: str) -> None:
    """The policy lives in create_app: mounted in any server, a token-less app refuses a
    peer from elsewhere, even one that claims a loopback Host name."""
    app = create_app(Settings.load(), str(tmp_path / "peer.db"))
    with TestClient(app, base_url=LOCAL_BASE, client=(peer, 4000)) as client:
        answer = client.get("/api/stories")
        assert answer.status_code == 403
        assert answer.json() == {
            "error": "this server has no token, so it answers only requests from this machine"
        }
        assert answer.headers["x-content-type-options"] == "nosniff"
    with TestClient(app, base_url=LOCAL_BASE, client=("::ffff:127.0.0.1", 4000)) as client:
        assert client.get("/api/stories").status_code == 200


def test_an_app_with_a_token_answers_the_network(tmp_path: Path) -> None:
    app = create_app(Settings.load(), str(tmp_path / "net.db"), token=TOKEN)
    with TestClient(app, base_url="http://news.example", client=("203.0.113.7", 4000)) as web:
        assert web.get("/api/stories").status_code == 200
        assert web.post("/api/feeds", json={"url": "https://example.org/rss"}).status_code == 401


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"host": "0.0.0.0"}, "refusing to listen on 0.0.0.0 without a token"),
        ({"host": "::"}, "refusing to listen on :: without a token"),
        ({"allowed_hosts": ["news.example"]}, "refusing to answer as news.example without a token"),
        ({"token": "short", "host": "0.0.0.0"}, "the token is too short"),
        ({"allow_private": True}, "allow_private (--allow-private) needs allow_fetch"),
    ],
)
def test_create_app_refuses_options_against_the_policy(
    tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(NewsprismError, match=re.escape(message)):
        create_app(Settings.load(), str(tmp_path / "no.db"), **options)
    assert not (tmp_path / "no.db").exists()  # refused before opening anything


# Request size and uploads


def test_declared_body_over_the_limit_is_413(tmp_path: Path) -> None:
    with serving(tmp_path / "limit.db", max_request_bytes=1000) as client:
        answer = client.post(
            "/api/feeds", content=b"x" * 1001, headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 413
        assert "1,000-byte limit" in answer.json()["error"]
        page = client.post("/compare", data={"text": "y" * 2000})
        assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")


def test_streamed_body_over_the_limit_is_413(tmp_path: Path) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"url": "https://example.org/' + b"a" * 600
        yield b"b" * 600 + b'"}'

    with serving(tmp_path / "stream.db", max_request_bytes=1000) as client:
        answer = client.post(
            "/api/feeds", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert "content-length" not in answer.request.headers
        assert answer.status_code == 413
        assert client.get("/api/feeds").json() == []


def test_upload_names_are_labels_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work" / "deep"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    files = [
        ("files", ("../../escaped.txt", b"\x89PNG\r\n\x1a\nnot text", "text/plain")),
        ("files", ("..\\..\\escaped2.html", b"", "text/html")),
    ]
    with serving(tmp_path / "up.db") as client:
        answer = client.post("/compare", files=files, data={"text": ["", ""]})
    assert answer.status_code == 400
    assert "escaped.txt: binary file" in answer.text
    assert "escaped2.html: empty" in answer.text
    assert sorted(p.name for p in tmp_path.rglob("*") if "escaped" in p.name) == []


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\x\\..\\story.txt", "story.txt"),
        ("..", "upload-3"),
        ("", "upload-3"),
        (None, "upload-3"),
        ("a\x00b\n.txt", "ab.txt"),
    ],
)
def test_upload_label(name: str | None, label: str) -> None:
    assert upload_label(name, 3) == label


def test_uploads_stay_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Starlette spools uploads over 1 MB to a temporary file; ours never roll over."""

    def no_disk(self: Any) -> None:
        raise AssertionError("an upload was written to disk")

    monkeypatch.setattr(SpooledTemporaryFile, "rollover", no_disk)
    big = ("Paragraph of a long report. " * 40 + "\n\n").encode() * 2000
    assert len(big) > 2_000_000
    with serving(tmp_path / "mem.db") as client:
        answer = client.post("/compare", files=[("files", ("big.txt", big, "text/plain"))])
    assert answer.status_code == 422  # one article is too few; but it was read, in memory
    assert "got 1" in answer.text


# Compare now: validation and URL fetching


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"articles": [{"text": "only one"}]}, 422),
        ({"articles": []}, 422),
        ({"articles": [{"text": ""}, {"text": "b"}]}, 422),
        ({"texts": ["a", "b"]}, 422),
        ({"urls": ["file:///etc/passwd", "https://example.org/"]}, 422),
    ],
)
def test_compare_rejects_bad_bodies(api: TestClient, body: dict[str, Any], status: int) -> None:
    answer = api.post("/api/compare", json=body, headers=AUTH)
    assert answer.status_code == status
    assert set(answer.json()) == {"error"}


def test_compare_malformed_json_is_422(api: TestClient) -> None:
    answer = api.post(
        "/api/compare", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert answer.status_code == 422 and "error" in answer.json()


def test_urls_are_not_fetched_unless_allowed(api: TestClient, http_server: LocalServer) -> None:
    url = http_server.page("/never.txt", "Text.\n\nMore text.", "text/plain")
    answer = api.post("/api/compare", json={"urls": [url, url + "?2"]}, headers=AUTH)
    assert answer.status_code == 400
    assert "does not fetch URLs" in answer.json()["error"]
    assert http_server.hits.get("/never.txt") is None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/private.txt",
        "http://localhost:{port}/private.txt",
        "http://10.20.30.40/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/x",
        "http://[::ffff:127.0.0.1]:{port}/x",
        "http://0.0.0.0:{port}/x",
    ],
)
def test_fetch_refuses_non_public_addresses(
    stocked: Path, http_server: LocalServer, url: str
) -> None:
    http_server.page("/private.txt", "Secret.\n\nInternal only.", "text/plain")
    port = http_server.base.rsplit(":", 1)[1]
    target = url.format(port=port)
    with serving(stocked, allow_fetch=True) as client:
        answer = client.post("/api/compare", json={"urls": [target, target + "?again"]})
    assert answer.status_code == 400
    body = answer.json()
    assert len(body["problems"]) == 2
    assert all("not a public address" in p for p in body["problems"])
    assert http_server.hits.get("/private.txt") is None


def _public_resolver(host: str, port: int) -> list[str]:
    return {"news.example": ["93.184.216.34"], "mixed.example": ["93.184.216.34", "10.0.0.7"]}[host]


def test_redirect_to_a_private_address_is_refused(settings: Settings) -> None:
    seen: list[str] = []

    def upstream(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://10.0.0.5/admin"})

    mock = httpx.MockTransport(upstream)
    with (
        http_client(settings, mock, resolver=_public_resolver) as http,
        pytest.raises(InputError) as caught,
    ):
        fetch("http://news.example/story", settings, http)
    assert seen == ["http://93.184.216.34/story"]
    assert caught.value.input == "http://news.example/story"
    assert caught.value.reason.startswith("http://10.0.0.5/admin: refused")
    assert "not a public address" in caught.value.reason


def test_any_private_address_of_a_name_is_refused(settings: Settings) -> None:
    mock = httpx.MockTransport(lambda r: httpx.Response(200))
    with (
        http_client(settings, mock, resolver=_public_resolver) as http,
        pytest.raises(InputError) as caught,
    ):
        fetch("http://mixed.example/", settings, http)
    assert "mixed.example resolves to 10.0.0.7" in caught.value.reason


def test_connection_goes_to_the_checked_address(settings: Settings) -> None:
    """The address checked is the one connected to (no second DNS answer), under the
    original Host header and TLS name."""
    sent: list[httpx.Request] = []

    def upstream(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        body = httpx.ByteStream(b"Story.\n\nBody.")
        return httpx.Response(200, stream=body, headers={"Content-Type": "text/plain"})

    mock = httpx.MockTransport(upstream)
    with http_client(settings, mock, resolver=_public_resolver) as http:
        payload = fetch("https://news.example/a", settings, http)
    [request] = sent
    assert request.url.host == "93.184.216.34"
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert payload.url == "https://news.example/a"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        ("224.0.0.1", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    import ipaddress

    assert is_public(ipaddress.ip_address(address)) is public


# The serve command


def _serve(*args: str) -> Any:
    """The serve command in this process: it must refuse before opening anything."""
    return CliRunner().invoke(cli, ["serve", *args], env={"NEWSPRISM_TOKEN": ""})


def test_serve_refuses_a_public_host_without_token() -> None:
    done = _serve("--host", "0.0.0.0", "--port", "9")
    assert isinstance(done.exception, NewsprismError)
    assert str(done.exception) == (
        "refusing to listen on 0.0.0.0 without a token; give a token "
        "(--token or NEWSPRISM_TOKEN), or listen on 127.0.0.1"
    )


def test_serve_refuses_a_short_token() -> None:
    done = _serve("--host", "0.0.0.0", "--token", "short")
    assert "too short" in str(done.exception)


def test_serve_refuses_private_without_fetch() -> None:
    assert "(--allow-private) needs allow_fetch (--allow-fetch)" in str(
        _serve("--allow-private").exception
    )


def test_serve_command_serves_on_loopback(tmp_path: Path) -> None:
    """The real command in its own process: answers, checks Host names and the token."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPRISM_")}
    command = [sys.executable, "-m", "newsprism", "serve", "--db", str(tmp_path / "s.db")]
    log = tmp_path / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port), "--token", TOKEN],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                stories = httpx.get(f"{base}/api/stories", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start within 60 s"
                time.sleep(0.2)
        assert stories.json()["total"] == 0
        rebound = httpx.get(f"{base}/api/stories", headers={"Host": "attacker.example"})
        assert rebound.status_code == 400
        feed = {"url": "https://example.org/feed.xml"}
        assert httpx.post(f"{base}/api/feeds", json=feed).status_code == 401
        assert httpx.post(f"{base}/api/feeds", json=feed, headers=AUTH).status_code == 201
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert f"serving http://127.0.0.1:{port}/" in log.read_text()


# Compare now and story reports (these load the NLP models)


@pytest.fixture
def models(single_thread_torch: None, annotated_examples: list[Article]) -> None:
    """Models loaded and the examples' annotations cached, once per run."""


def _check_comparison(data: dict[str, Any], articles: list[Article]) -> Comparison:
    """A valid Comparison of ``articles`` whose summary cites spans of their clean text."""
    comparison = Comparison.model_validate(data)
    text = {a.id: a.text for a in articles}
    assert [ref.id for ref in comparison.articles] == [a.id for a in articles]
    assert comparison.facts and comparison.summary and comparison.summary.sentences
    for sentence in comparison.summary.sentences:
        for cite in sentence.citations:
            assert text[cite.article][cite.start : cite.end] == cite.text
    return comparison


def test_compare_api(api: TestClient, examples: Collection, models: None) -> None:
    answer = api.post("/api/compare", json={"articles": hanoi_texts()}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    comparison = _check_comparison(answer.json(), examples.articles)
    assert {ref.source for ref in comparison.articles} == {"us-outlet", "wire-service"}


def test_compare_form_shows_the_report(api: TestClient, models: None) -> None:
    api.cookies.set("newsprism_token", cookie_value(TOKEN))
    texts = hanoi_texts()
    form = {"text": [t["text"] for t in texts], "source": ["US Outlet", "Wire"], "title": ["", ""]}
    posted = api.post("/compare", data=form, follow_redirects=False)
    assert posted.status_code == 303, posted.text
    page = api.get(posted.headers["location"])
    assert page.status_code == 200 and "US Outlet" in page.text
    report = api.get(posted.headers["location"] + "/report")
    assert report.status_code == 200
    assert report.headers["content-security-policy"].startswith("sandbox allow-scripts")
    assert "Sometimes, you have to walk" in report.text
    assert api.get("/results/unknown/report").status_code == 404


def test_compare_unrelated_articles_needs_force(api: TestClient, models: None) -> None:
    texts = [hanoi_texts()[0], {"source": "city", "text": (DATA / "report.txt").read_text()}]
    refused = api.post("/api/compare", json={"articles": texts}, headers=AUTH)
    assert refused.status_code == 422
    assert "look unrelated" in refused.text and '\\"force\\": true' in refused.text
    forced = api.post("/api/compare", json={"articles": texts, "force": True}, headers=AUTH)
    assert forced.status_code == 200, forced.text
    assert "look unrelated" in forced.json()["warnings"][0]


def test_compare_form_offers_to_compare_unrelated_anyway(api: TestClient, models: None) -> None:
    api.cookies.set("newsprism_token", cookie_value(TOKEN))
    texts = [hanoi_texts()[0]["text"], (DATA / "report.txt").read_text()]
    refused = api.post("/compare", data={"text": texts})
    assert refused.status_code == 422
    assert "look unrelated" in refused.text and 'name="force"' in refused.text
    forced = api.post("/compare", data={"text": texts, "force": "on"}, follow_redirects=False)
    assert forced.status_code == 303, forced.text
    assert "Warning: these two articles look unrelated" in api.get(forced.headers["location"]).text


def test_story_comparison_summary_and_report(
    api: TestClient, examples: Collection, models: None
) -> None:
    answer = api.get(f"/api/stories/{HANOI}/comparison")
    assert answer.status_code == 200, answer.text
    comparison = _check_comparison(answer.json(), examples.articles)
    summary = Summary.model_validate(api.get(f"/api/stories/{HANOI}/summary").json())
    assert summary == comparison.summary
    report = api.get(f"/stories/{HANOI}/report")
    assert report.status_code == 200 and "<html" in report.text


def test_a_story_comparison_outlives_the_server(
    tmp_path: Path, examples: Collection, models: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compared once, a story's discrepancy count and comparison are served after a restart
    without comparing again, and only while its members stay the same."""
    db = tmp_path / "kept.db"
    with Store.open(str(db), Settings.load(cache=False)) as store:
        put_story(store, HANOI, examples.articles, START)
    with serving(db) as client:
        first = client.get(f"/api/stories/{HANOI}/comparison").json()
    found = len(first["discrepancies"])

    def never(*args: Any, **kwargs: Any) -> Comparison:
        raise AssertionError("compared again")

    monkeypatch.setattr("newsprism.web.service.Comparer._compare", never)
    with serving(db) as client:
        listed = client.get("/stories").text
        assert re.search(rf'data-label="Discrepancies"><span class="\w+">{found}</span>', listed)
        assert client.get(f"/api/stories/{HANOI}/comparison").json() == first
    with Store.open(str(db), Settings.load(cache=False)) as store:
        story = store.story(HANOI)
        assert story is not None
        fewer = story.model_copy(update={"members": story.members[:1]})
        assert store.kept_comparison(fewer) is None and not store.comparison_notes([fewer])


def test_fetch_allowed_from_private_addresses_when_asked(
    stocked: Path, http_server: LocalServer, models: None
) -> None:
    urls = [
        http_server.page(f"/local/{t['source']}.txt", t["text"], "text/plain; charset=utf-8")
        for t in hanoi_texts()
    ]
    with serving(stocked, allow_fetch=True, allow_private=True) as client:
        answer = client.post("/api/compare", json={"urls": urls})
    assert answer.status_code == 200, answer.text
    comparison = Comparison.model_validate(answer.json())
    assert {ref.source for ref in comparison.articles} == {"127.0.0.1"}
    assert all(http_server.hits[f"/local/{t['source']}.txt"] == 1 for t in hanoi_texts())
