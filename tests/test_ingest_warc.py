"""Web archives: the pages a WARC file holds are read as downloads; what is not a page is
passed over and counted; a broken file is one problem naming it."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import ARTICLE_HTML
from newsprism.config import Settings
from newsprism.errors import Problem
from newsprism.ingest import read
from newsprism.model import RawArticle

URL = "https://news.example/2024/03/ferry.html"


def _warc(path: Path, *, gzipped: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)

        def response(url: str, status: str, kind: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        request = StatusAndHeaders("GET /2024/03/ferry.html HTTP/1.1", [], is_http_request=True)
        writer.write_record(writer.create_warc_record(URL, "request", http_headers=request))
        response(URL, "200 OK", "text/html; charset=utf-8", ARTICLE_HTML.encode("utf-8"))
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://news.example/gone.html", "404 Not Found", "text/html", b"<p>gone</p>")
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_the_pages_of_a_warc_file_are_read_and_the_rest_counted(tmp_path: Path, name: str) -> None:
    path = _warc(tmp_path / name, gzipped=name.endswith(".gz"))
    items = list(read([str(path)], Settings.load(cache=False)))
    articles = [i for i in items if isinstance(i, RawArticle)]
    notices = [str(i) for i in items if isinstance(i, Problem)]
    assert len(articles) == 1
    assert articles[0].origin == f"{path}#{URL}" and articles[0].url == URL
    assert len(articles[0].text) > 200
    assert notices == [f"{path}: passed over 2 records that are not pages"]
    # A folder is searched for web archives too.
    in_folder = [i for i in read([str(tmp_path)], Settings.load()) if isinstance(i, RawArticle)]
    assert [a.origin for a in in_folder] == [articles[0].origin]


def test_a_broken_warc_file_is_one_problem_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a web archive\r\n" * 20))
    items = list(read([str(path)], Settings.load()))
    assert [(p.input, p.level) for p in items if isinstance(p, Problem)] == [(str(path), "error")]
    assert "not a readable WARC file" in str(items[0])


def test_a_page_over_the_size_limit_is_refused_and_the_others_read(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc", gzipped=False)
    items = list(read([str(path)], Settings.load(max_bytes=1000)))
    assert any(isinstance(i, Problem) and "over the" in str(i) for i in items)
    assert not any(isinstance(i, RawArticle) for i in items)
