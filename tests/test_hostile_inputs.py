"""Malformed records, requests and file trees (issue 21, item 11): each bad one is refused
with a reason naming it, the good ones around it are kept, nothing hangs or answers 500."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import REPORT
from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles
from newsprism.web import create_app
from newsprism.web.security import DEFAULT_HEADERS
from web_client import local_client

GOOD = {"text": REPORT, "title": "Storm floods city library"}


def _jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({**GOOD, "title": 42}, "'title': Input should be a valid string"),
        ({**GOOD, "source": {"name": "x"}}, "'source': Input should be a valid string"),
        ({**GOOD, "url": ["http://a.example/"]}, "'url': Input should be a valid string"),
        ({**GOOD, "url": "http://[::1/x"}, "'url': not an http(s) URL"),
        ({**GOOD, "url": "javascript:alert(1)"}, "'url': not an http(s) URL"),
        ({**GOOD, "authors": [1, 2]}, "'authors'"),
        ({**GOOD, "published": 20240101}, "'published': Input should be a valid string"),
        ({"text": ["a", "b"]}, "no 'text'"),
    ],
)
def test_a_bad_record_is_refused_and_the_good_ones_kept(
    tmp_path: Path, bad: dict[str, object], reason: str
) -> None:
    other = {**GOOD, "text": REPORT.replace("library", "museum"), "url": "https://b.example/2"}
    path = _jsonl(tmp_path / "records.jsonl", [GOOD, bad, other])
    collection = read_articles([str(path)], Settings.load(cache=False))
    assert len(collection.articles) == 2
    [error] = [str(p) for p in collection.errors]
    assert error.startswith(f"{path}:2: {reason}"), error


def test_deeply_nested_json_is_refused_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + "[" * 100_000 + "\n", encoding="utf-8")
    collection = read_articles([str(path)], Settings.load(cache=False))
    assert len(collection.articles) == 1
    [error] = [str(p) for p in collection.errors]
    assert error == f"{path}:2: not usable JSON (nested too deeply)"
    whole = tmp_path / "deep.json"
    whole.write_text('{"text": ' * 100_000, encoding="utf-8")
    assert len(read_articles([str(whole)], Settings.load(cache=False)).errors) == 1


def _looped(tmp_path: Path) -> Path:
    """A tree whose folders link back up to it, twice (an endless walk if followed)."""
    root = tmp_path / "tree"
    (root / "a").mkdir(parents=True)
    (root / "a" / "story.txt").write_text(REPORT, encoding="utf-8")
    os.symlink("..", root / "a" / "up")
    os.symlink("../..", root / "a" / "top")
    return root


def test_a_symlink_loop_neither_hangs_a_folder_nor_a_recursive_glob(tmp_path: Path) -> None:
    root = _looped(tmp_path)
    settings = Settings.load(cache=False)
    for value in [str(root), f"{root}/**/*.txt", f"{root}/**"]:
        collection = read_articles([value], settings)
        assert [a.origin for a in collection.articles] == [str(root / "a" / "story.txt")], value


def test_recursive_glob_matches_at_any_depth_and_skips_hidden(tmp_path: Path) -> None:
    from newsprism.ingest.paths import glob_files

    for name in ["x.txt", "d/y.txt", "d/e/z.txt", ".hidden/h.txt", "d/.h.txt", "d/w.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [str(p.relative_to(tmp_path)) for p in glob_files(f"{tmp_path}/**/*.txt")]
    assert found == ["d/e/z.txt", "d/y.txt", "x.txt"]
    found = [str(p.relative_to(tmp_path)) for p in glob_files(f"{tmp_path}/d/**/z.txt")]
    assert found == ["d/e/z.txt"]


@pytest.fixture
def web(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings.load(cache=False), str(tmp_path / "w.db"))
    with local_client(app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/api/stories", "/api/articles"])
def test_a_huge_page_offset_is_422_and_the_connection_lives_on(web: TestClient, path: str) -> None:
    answer = web.get(path, params={"offset": 2**63})
    assert answer.status_code == 422
    assert "offset" in answer.json()["error"]
    assert web.get(path).status_code == 200
    assert web.get("/stories", params={"page": 2**62}).status_code == 200


def test_a_500_carries_the_security_headers(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = web.app.state.newsprism.store  # type: ignore[attr-defined]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "stories", broken)
    answer = web.get("/api/stories")
    assert answer.status_code == 500
    assert answer.json() == {"error": "internal server error"}
    for name, value in DEFAULT_HEADERS.items():
        assert answer.headers[name] == value


def test_deeply_unclosed_html_is_refused_before_parsing(tmp_path: Path) -> None:
    """Item 8: 100,000 unclosed <div> after a real article took a minute to parse."""
    from newsprism.ingest.html import open_elements

    page = f"<html><body><article><p>{REPORT}</p></article>{'<div>' * 100_000}</body></html>"
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    [error] = [str(p) for p in read_articles([str(path)], Settings.load(cache=False)).errors]
    assert error == f"{path}: HTML nested more than 1000 elements deep; not parsed"
    sloppy = "<html><body>" + "<div><p>a<li>b<br><img src=x>" * 200 + "</div>" * 150
    assert open_elements(sloppy) == 200


def _items(count: int, body: str = "one line") -> str:
    items = "".join(
        f"<item><title>t{n}</title><guid>g{n}</guid><description>{body}</description></item>"
        for n in range(count)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>{items}</channel></rss>'
    )


def test_feed_entries_are_bounded(tmp_path: Path) -> None:
    """Item 8: a feed of 20,000 one-line entries took 69 s; the first max_feed_entries are
    read (with a warning), and a feed of more than four times that is not parsed."""
    settings = Settings.load(cache=False, max_feed_entries=10)
    long_body = " ".join(["word"] * 130) + "."
    path = tmp_path / "many.xml"
    path.write_text(_items(25, long_body), encoding="utf-8")
    collection = read_articles([str(path)], settings)
    assert len(collection.articles) == 1  # the ten entries share one text
    assert f"{path}: the feed has 25 entries; read the first 10" in [
        str(p).split(" (")[0] for p in collection.problems
    ]
    huge = tmp_path / "huge.xml"
    huge.write_text(_items(41), encoding="utf-8")
    [error] = [str(p) for p in read_articles([str(huge)], settings).errors]
    assert error.startswith(f"{huge}: the feed has 41 entries, more than 40")
