"""The ingest stage through `read_articles`: every input kind newsprism accepts."""

from __future__ import annotations

import io
import json
import shutil
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import DATA, EXAMPLES, LocalServer, Route
from newsprism import ingest
from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.ingest.fetch import fetch
from newsprism.ingest.text import looks_like_headline
from newsprism.model import Cluster, RawArticle
from newsprism.pipeline import read_articles

Write = Callable[[str, str | bytes], Path]

REPORT = (DATA / "report.txt").read_text(encoding="utf-8")
ARTICLE_HTML = (DATA / "article.html").read_text(encoding="utf-8")

# Long enough (over 120 words) to count as a feed entry with the full report.
FULL_ENTRIES = [
    (
        "Rail strike halts trains across the region",
        " ".join(
            [
                "Train drivers walked out on Friday morning in a dispute over pay and working hours,",
                "halting almost every regional service and leaving thousands of commuters stranded",
                "at stations across the north of the country. The union said the strike would last",
                "forty-eight hours unless the rail operator returned to the negotiating table with",
                "a better offer. Managers said they had already offered a raise of four percent and",
                "accused the union of refusing to discuss new shift patterns. Buses replaced some of",
                "the trains, but long queues formed outside the main station before seven o'clock.",
                "Several schools closed early because teachers could not reach them in time. The",
                "transport minister urged both sides to meet again on Saturday and said the",
                "government was ready to appoint a mediator if the talks failed. Passengers who",
                "bought tickets for cancelled trains will receive a full refund, the operator said.",
            ]
        ),
    ),
    (
        "Museum returns stolen painting after forty years",
        " ".join(
            [
                "A landscape painting stolen from a private collection in 1983 was handed back to",
                "the family of its owner on Wednesday, after detectives traced it to an auction",
                "house in another country. The small oil painting shows a river valley at dusk and",
                "was taken during a burglary in which several pieces of silver also disappeared.",
                "Police said a dealer had recognized the work from an old catalog and alerted them",
                "before the sale. The owner's granddaughter said the family had never stopped",
                "hoping it would be found. She thanked the investigators and said the painting",
                "would be lent to the city museum, where visitors will be able to see it from next",
                "month. No one has been charged, and investigators said they were still trying to",
                "find out how the painting crossed the border and who had kept it for so long.",
                "The auction house said it was cooperating fully with the inquiry.",
            ]
        ),
    ),
]


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split(". "))


def rss(items: list[tuple[str, str, str | None]], title: str = "Regional News") -> str:
    """An RSS 2.0 feed; items are (title, link, full body or None for link-only)."""
    parts = []
    for number, (item_title, link, body) in enumerate(items, 1):
        content = (
            f"<content:encoded><![CDATA[{_paragraphs(body)}]]></content:encoded>" if body else ""
        )
        parts.append(
            f"<item><title>{escape(item_title)}</title><link>{escape(link)}</link>"
            f"<guid>item-{number}</guid><pubDate>Fri, 14 Jun 2024 08:30:00 +0000</pubDate>"
            f"<description>A short teaser.</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>https://news.example.org/</link>"
        f"{''.join(parts)}</channel></rss>"
    )


def atom(entries: list[tuple[str, str, str | None]], title: str = "Atom Herald") -> str:
    parts = []
    for number, (entry_title, link, body) in enumerate(entries, 1):
        content = f'<content type="html">{escape(_paragraphs(body))}</content>' if body else ""
        parts.append(
            f"<entry><title>{escape(entry_title)}</title><link href='{escape(link)}'/>"
            f"<id>urn:entry:{number}</id><updated>2024-06-14T10:15:00Z</updated>"
            f"<author><name>Sam Writer</name></author>"
            f"<summary>A short teaser.</summary>{content}</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:feed</id><updated>2024-06-14T10:15:00Z</updated>"
        f"{''.join(parts)}</feed>"
    )


def errors_of(collection: object) -> list[str]:
    return [str(p) for p in collection.errors]


def notices_of(collection: object) -> list[str]:
    return [str(p) for p in collection.problems if p.level == "notice"]


# --- plain text ---------------------------------------------------------------------------


def test_plain_text_headline_becomes_title(write: Write, settings: Settings) -> None:
    path = write("library-flood.txt", REPORT)
    collection = read_articles([str(path)], settings)
    assert collection.problems == []
    [article] = collection.articles
    assert article.title == "Storm floods city library basement, thousands of books damaged"
    assert article.text.startswith("Heavy rain overnight flooded")
    assert article.source == "library-flood"
    assert article.origin == str(path)
    assert article.language == "en"
    assert len(article.paragraphs) == 4


def test_plain_text_first_sentence_is_not_a_title(write: Write, settings: Settings) -> None:
    body = REPORT.split("\n", 2)[2]
    path = write("no-headline.txt", body)
    [article] = read_articles([str(path)], settings).articles
    assert article.title is None
    assert article.text.startswith("Heavy rain overnight flooded")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Storm floods city library basement", True),
        ("Kim, Trump end second summit without deal in Hanoi", True),
        ("The library closed after the storm.", False),
        ('"We saved the manuscripts," she said', True),
        ("A question?", False),
        ("", False),
        (" ".join(["word"] * 30), False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_a_single_line_text_keeps_its_line_as_text(write: Write, settings: Settings) -> None:
    line = "Heavy rain flooded the basement of the city library on Sunday night"
    path = write("one-line.txt", line)
    [article] = read_articles([str(path)], settings).articles
    assert article.title is None
    assert article.text == line


def test_utf8_bom_is_dropped(write: Write, settings: Settings) -> None:
    path = write("bom.txt", "\ufeff".encode() + REPORT.encode())
    [article] = read_articles([str(path)], settings).articles
    assert article.title.startswith("Storm floods")
    assert "\ufeff" not in article.text


# --- HTML -------------------------------------------------------------------------------


def test_html_file_title_site_time_and_text(settings: Settings) -> None:
    collection = read_articles([str(DATA / "article.html")], settings)
    assert collection.problems == []
    [article] = collection.articles
    assert article.title == "Harbor bridge reopens after two-year repair"
    assert article.source == "The Coastal Ledger"
    assert article.published == datetime(2021, 6, 14, 16, 45, tzinfo=timezone(timedelta(hours=2)))
    assert article.published.utcoffset() == timedelta(hours=2)
    assert article.authors == ["Maria Lopez"]
    assert article.text.startswith("The Harbor Street bridge reopened")
    assert '"This bridge carries the life of our city," Brooks said.' in article.text
    assert article.text.rstrip().endswith('now that the road is open."')
    for debris in ("Politics", "Privacy policy", "All rights reserved", "Subscribe"):
        assert debris not in article.text
    assert len(article.paragraphs) == 5


def test_html_time_element_gives_time_of_day(write: Write, settings: Settings) -> None:
    page = ARTICLE_HTML.replace(
        '<meta property="article:published_time" content="2021-06-14T16:45:00+02:00">', ""
    ).replace("<article>", '<article><time datetime="2021-06-15T08:05:00Z">June 15</time>')
    path = write("time.html", page)
    [article] = read_articles([str(path)], settings).articles
    assert article.published == datetime(2021, 6, 15, 8, 5, tzinfo=UTC)


def test_html_is_recognized_without_html_suffix(write: Write, settings: Settings) -> None:
    path = write("page.download", ARTICLE_HTML)
    [article] = read_articles([str(path)], settings).articles
    assert article.title == "Harbor bridge reopens after two-year repair"
    assert "<p>" not in article.text


def test_html_meta_charset_is_honoured(write: Write, settings: Settings) -> None:
    page = ARTICLE_HTML.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
        "Tom Reyes", "Tom Peña"
    )
    path = write("latin.html", page.encode("iso-8859-1"))
    [article] = read_articles([str(path)], settings).articles
    assert "Tom Peña" in article.text


# --- JSONL and cluster JSONL ------------------------------------------------------------


def _record(number: int, **fields: object) -> dict[str, object]:
    record = {
        "id": f"doc-{number}",
        "title": f"Report {number}",
        "source": "Example Wire",
        "url": f"https://wire.example.org/{number}",
        "published": "2024-03-01T09:30:00+01:00",
        "text": REPORT.split("\n", 2)[2].replace("Sunday", f"day {number}"),
    }
    record.update(fields)
    return record


def test_jsonl_one_article_per_line(write: Write, settings: Settings) -> None:
    lines = [json.dumps(_record(1)), "", json.dumps(_record(2, published="2024-03-02"))]
    path = write("articles.jsonl", "\n".join(lines) + "\n")
    collection = read_articles([str(path)], settings)
    assert collection.problems == []
    first, second = collection.articles
    assert first.input_id == "doc-1"
    assert first.ref == "doc-1"
    assert first.title == "Report 1"
    assert first.source == "Example Wire"
    assert first.url == "https://wire.example.org/1"
    assert first.published == datetime(2024, 3, 1, 8, 30, tzinfo=UTC)
    assert first.origin == f"{path}:1"
    assert second.origin == f"{path}:3"
    assert second.published == datetime(2024, 3, 2, tzinfo=UTC)


def test_jsonl_source_falls_back_to_url_domain(write: Write, settings: Settings) -> None:
    record = _record(1, source=None, url="https://www.daily.example.com/a/1", authors="A. B; C. D")
    path = write("a.jsonl", json.dumps(record))
    [article] = read_articles([str(path)], settings).articles
    assert article.source == "daily.example.com"
    assert article.authors == ["A. B", "C. D"]


def test_jsonl_bad_records_name_their_line(write: Write, settings: Settings) -> None:
    lines = [
        json.dumps(_record(1)),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "x", "title": "no text"}),
        json.dumps(_record(5, published="not a date at all")),
        json.dumps(_record(6)),
    ]
    path = write("mixed.jsonl", "\n".join(lines))
    collection = read_articles([str(path)], settings)
    assert [a.input_id for a in collection.articles] == ["doc-1", "doc-6"]
    errors = errors_of(collection)
    assert len(errors) == 4
    assert errors[0].startswith(f"{path}:2: not valid JSON")
    assert errors[1].startswith(f"{path}:3: expected a JSON object")
    assert errors[2] == f"{path}:4: no 'text' (the article body) in this record"
    assert errors[3].startswith(f"{path}:5: 'published' is not a date")


def _cluster_lines() -> str:
    clusters = [
        {
            "id": "storm",
            "query": "library flood",
            "documents": [_record(1), _record(2)],
            "seen_documents": [_record(3)],
        },
        {"id": "rail", "documents": [_record(4, text=FULL_ENTRIES[0][1])]},
    ]
    return "\n".join(json.dumps(c) for c in clusters) + "\n"


def test_cluster_jsonl_documents_become_articles(write: Write, settings: Settings) -> None:
    path = write("clusters.jsonl", _cluster_lines())
    collection = read_articles([str(path)], settings)
    assert collection.problems == []
    assert [a.input_id for a in collection.articles] == ["doc-1", "doc-2", "doc-4"]
    assert collection.articles[0].origin == f"{path}:1 document doc-1"


def test_read_clusters_from(write: Write, settings: Settings) -> None:
    path = write("clusters.jsonl", _cluster_lines() + '{"documents": []}\n')
    items = list(ingest.read_clusters_from([str(path)], settings))
    storm, rail, problem = items
    assert isinstance(storm, Cluster)
    assert storm.id == "storm"
    assert storm.query == "library flood"
    assert [d.input_id for d in storm.documents] == ["doc-1", "doc-2"]
    assert [d.input_id for d in storm.seen_documents] == ["doc-3"]
    assert all(isinstance(d, RawArticle) for d in storm.documents)
    assert rail.id == "rail"
    assert rail.query is None
    assert str(problem) == f"{path}:3: no 'id' in this cluster"


def test_read_clusters_reports_bad_documents(write: Write, settings: Settings) -> None:
    line = json.dumps({"id": "c1", "documents": [_record(1), {"id": "d2"}]})
    path = write("c.jsonl", line + "\n" + json.dumps({"id": "c2", "documents": [_record(3)]}))
    items = list(ingest.read_clusters_from([str(path)], settings))
    assert str(items[0]) == f"{path}:1 document d2: no 'text' (the article body) in this record"
    assert isinstance(items[1], Cluster)
    assert items[1].id == "c2"


# --- feeds ------------------------------------------------------------------------------


def test_rss_full_content_entries_become_articles(write: Write, settings: Settings) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    items.append(("Only a link", "https://news.example.org/teaser", None))
    path = write("feed.rss", rss(items))
    collection = read_articles([str(path)], settings)
    assert errors_of(collection) == []
    assert [a.title for a in collection.articles] == [t for t, _ in FULL_ENTRIES]
    first = collection.articles[0]
    assert first.source == "Regional News"
    assert first.url == "https://news.example.org/0"
    assert first.input_id == "item-1"
    assert first.published == datetime(2024, 6, 14, 8, 30, tzinfo=UTC)
    assert first.text.startswith("Train drivers walked out on Friday morning")
    assert "<p>" not in first.text
    assert first.origin == f"{path} entry 1"
    [notice] = notices_of(collection)
    assert notice.startswith(f"{path} entry 3: the entry carries only a summary or a link")
    assert "--fetch-links" in notice


def test_atom_feed_with_xml_suffix(write: Write, settings: Settings) -> None:
    entries = [
        (FULL_ENTRIES[1][0], "https://herald.example.org/painting", FULL_ENTRIES[1][1]),
        ("Teaser only", "https://herald.example.org/teaser", None),
    ]
    path = write("atom.xml", atom(entries))
    collection = read_articles([str(path)], settings)
    [article] = collection.articles
    assert article.title == FULL_ENTRIES[1][0]
    assert article.source == "Atom Herald"
    assert article.authors == ["Sam Writer"]
    assert article.published == datetime(2024, 6, 14, 10, 15, tzinfo=UTC)
    assert article.input_id == "urn:entry:1"
    assert len(notices_of(collection)) == 1
    assert errors_of(collection) == []


def test_feed_links_are_fetched_with_fetch_links(
    write: Write, http_server: LocalServer, settings: Settings
) -> None:
    link = http_server.page("/linked-article.html", ARTICLE_HTML)
    path = write("links.rss", rss([("Bridge reopens (feed title)", link, None)]))
    collection = read_articles([str(path)], settings.model_copy(update={"fetch_links": True}))
    assert collection.problems == []
    [article] = collection.articles
    assert article.title == "Harbor bridge reopens after two-year repair"
    assert article.url == link
    assert article.input_id == "item-1"
    assert article.source == "The Coastal Ledger"
    assert article.text.startswith("The Harbor Street bridge reopened")


def test_feed_links_are_not_fetched_by_default(
    write: Write, http_server: LocalServer, settings: Settings
) -> None:
    link = http_server.page("/never-fetched.html", ARTICLE_HTML)
    path = write("links.rss", rss([("Bridge", link, None)]))
    collection = read_articles([str(path)], settings)
    assert collection.articles == []
    assert len(notices_of(collection)) == 1
    assert http_server.hits.get("/never-fetched.html") is None


def test_feed_link_that_fails_is_an_error_of_its_entry(
    write: Write, http_server: LocalServer, settings: Settings
) -> None:
    items = [
        ("Gone", http_server.url("/gone.html"), None),
        (*FULL_ENTRIES[0][:1], "https://x.example/1", FULL_ENTRIES[0][1]),
    ]
    path = write("links.rss", rss(items))
    collection = read_articles([str(path)], settings.model_copy(update={"fetch_links": True}))
    assert len(collection.articles) == 1
    [error] = errors_of(collection)
    assert error.startswith(f"{http_server.url('/gone.html')}: the server answered HTTP 404")


def test_feed_over_http(http_server: LocalServer, settings: Settings) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    url = http_server.page("/feed", rss(items), "application/rss+xml; charset=utf-8")
    collection = read_articles([url], settings)
    assert len(collection.articles) == 2
    assert collection.articles[0].origin == f"{url} entry 1"


# --- folders, globs, stdin ----------------------------------------------------------------


def test_folder_reads_article_files_only(write: Write, tmp_path: Path, settings: Settings) -> None:
    write("in/a-report.txt", REPORT)
    write("in/sub/page.html", ARTICLE_HTML)
    write("in/README.md", "# Notes\n\nThese are notes about the inputs, not an article.\n")
    write("in/photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200))
    write("in/.hidden/secret.txt", REPORT.replace("Storm", "Hidden storm"))
    collection = read_articles([str(tmp_path / "in")], settings)
    assert collection.problems == []
    assert [Path(a.origin).name for a in collection.articles] == ["a-report.txt", "page.html"]


def test_examples_folder(settings: Settings) -> None:
    collection = read_articles([str(EXAMPLES)], settings)
    assert [Path(a.origin).name for a in collection.articles] == [
        "us-outlet.txt",
        "wire-service.txt",
    ]


def test_empty_folder_is_a_problem(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.md").write_text("notes")
    collection = read_articles([str(tmp_path / "nothing")], settings)
    [error] = errors_of(collection)
    assert "folder has no article files" in error


def test_glob(write: Write, tmp_path: Path, settings: Settings) -> None:
    write("g/one.txt", REPORT)
    write("g/two.txt", REPORT.replace("Sunday", "Monday"))
    write("g/three.html", ARTICLE_HTML)
    collection = read_articles([str(tmp_path / "g" / "*.txt")], settings)
    assert [Path(a.origin).name for a in collection.articles] == ["one.txt", "two.txt"]
    nothing = read_articles([str(tmp_path / "g" / "*.json")], settings)
    assert "pattern matches no article files" in errors_of(nothing)[0]


def test_stdin(settings: Settings) -> None:
    collection = read_articles(["-"], settings, stdin=io.BytesIO(REPORT.encode()))
    [article] = collection.articles
    assert article.origin == "-"
    assert article.title.startswith("Storm floods")


def test_stdin_with_source(settings: Settings) -> None:
    stream = io.BytesIO(REPORT.encode())
    [article] = read_articles(["-"], settings, source="Daily Planet", stdin=stream).articles
    assert article.source == "Daily Planet"


def test_stdin_missing(settings: Settings) -> None:
    collection = read_articles(["-"], settings, stdin=None)
    assert errors_of(collection) == ["-: no standard input to read"]


def test_source_overrides_every_outlet(write: Write, settings: Settings) -> None:
    text = write("t.txt", REPORT)
    jsonl = write("a.jsonl", json.dumps(_record(1)))
    collection = read_articles(
        [str(text), str(jsonl), str(DATA / "article.html")], settings, source="Daily Planet"
    )
    assert len(collection.articles) == 3
    assert {a.source for a in collection.articles} == {"Daily Planet"}


def test_duplicate_text_gives_a_notice(write: Write, tmp_path: Path, settings: Settings) -> None:
    first = write("first.txt", REPORT)
    second = write("copy/second.txt", REPORT.replace("\n\n", "\n\n\n") + "\n")
    collection = read_articles([str(first), str(second)], settings)
    assert len(collection.articles) == 1
    assert collection.errors == []
    [notice] = notices_of(collection)
    assert notice == f"{second}: same text as {first}; dropped the copy"


def test_same_input_twice_is_read_once(settings: Settings) -> None:
    path = str(EXAMPLES / "us-outlet.txt")
    collection = read_articles([path, path], settings)
    assert len(collection.articles) == 1
    assert "same text as" in notices_of(collection)[0]


# --- http(s) ------------------------------------------------------------------------------


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
    settings = Settings.load(cache=False, max_bytes=10_000)
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


def test_copied_examples_folder(tmp_path: Path, settings: Settings) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "hanoi")
    collection = read_articles([str(tmp_path / "hanoi")], settings)
    assert len(collection.articles) == 2
    assert collection.problems == []


def test_feed_in_declared_latin1_encoding(write: Write, settings: Settings) -> None:
    title, body = FULL_ENTRIES[0]
    feed = rss([(title, "https://news.example.org/1", body.replace("Managers", "Señor Peña"))])
    feed = feed.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Regional", "Café")
    path = write("latin.rss", feed.encode("iso-8859-1"))
    collection = read_articles([str(path)], settings)
    assert collection.problems == []
    [article] = collection.articles
    assert "Señor Peña" in article.text
    assert article.source == "Café News"


def test_slightly_broken_feed_is_recovered_with_a_notice(write: Write, settings: Settings) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    feed = rss(items).replace("<title>Regional News</title>", "<title>Regional&nbsp;News</title>")
    path = write("entity.rss", feed)
    collection = read_articles([str(path)], settings)
    assert len(collection.articles) == 2
    assert collection.errors == []
    [notice] = notices_of(collection)
    assert notice.startswith(f"{path}: malformed feed (undefined entity")


def test_truncated_feed_names_the_xml_error(write: Write, settings: Settings) -> None:
    feed = rss([(FULL_ENTRIES[0][0], "https://news.example.org/1", None)])
    path = write("cut.rss", feed[: len(feed) // 2])
    [error] = read_articles([str(path)], settings).errors
    assert str(error).startswith(f"{path}: not a well-formed RSS/Atom feed (")
    assert "line 1" in str(error) or "line 2" in str(error)


def test_utf16_text_with_byte_order_mark(write: Write, settings: Settings) -> None:
    path = write("windows.txt", REPORT.encode("utf-16"))
    [article] = read_articles([str(path)], settings).articles
    assert article.title.startswith("Storm floods")


def test_json_document_with_one_article(write: Write, settings: Settings) -> None:
    path = write("one.json", json.dumps(_record(1), indent=2))
    collection = read_articles([str(path)], settings)
    assert collection.problems == []
    [article] = collection.articles
    assert article.input_id == "doc-1"
    assert article.origin == f"{path}:1"


def test_json_array_of_articles(write: Write, settings: Settings) -> None:
    path = write("many.json", json.dumps([_record(1), "oops", _record(3)], indent=1))
    collection = read_articles([str(path)], settings)
    assert [a.input_id for a in collection.articles] == ["doc-1", "doc-3"]
    assert collection.articles[1].origin == f"{path} item 3"
    assert [str(p) for p in collection.errors] == [
        f"{path} item 2: expected a JSON object with at least a 'text' field"
    ]


def test_json_array_from_stdin(settings: Settings) -> None:
    data = json.dumps([_record(1), _record(2)]).encode()
    collection = read_articles(["-"], settings, stdin=io.BytesIO(data))
    assert [a.input_id for a in collection.articles] == ["doc-1", "doc-2"]


def test_stdin_text_starting_with_a_bracket_is_text(settings: Settings) -> None:
    text = "[Updated] " + REPORT.split("\n", 2)[2]
    [article] = read_articles(["-"], settings, stdin=io.BytesIO(text.encode())).articles
    assert article.text.startswith("[Updated] Heavy rain")


@pytest.mark.parametrize(
    "prolog", ["", "\ufeff", "<!-- generated -->\n", '<?xml-stylesheet href="s.xsl"?>']
)
def test_feed_without_xml_declaration(
    write: Write, http_server: LocalServer, settings: Settings, prolog: str
) -> None:
    items = [(t, f"https://news.example.org/{n}", body) for n, (t, body) in enumerate(FULL_ENTRIES)]
    feed = prolog + rss(items).split("\n", 1)[1]
    path = write("nodecl.xml", feed)
    url = http_server.page(f"/rss-{len(prolog)}", feed, "application/rss+xml")
    for value in (str(path), url):
        collection = read_articles([value], settings)
        assert collection.problems == [], value
        assert len(collection.articles) == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-02-28T14:00:00+07:00", datetime(2019, 2, 28, 7, tzinfo=UTC)),
        ("2019-02-28T07:00:00Z", datetime(2019, 2, 28, 7, tzinfo=UTC)),
        ("2019-02-28 07:00", datetime(2019, 2, 28, 7, tzinfo=UTC)),
        ("Thu, 28 Feb 2019 07:00:00 GMT", datetime(2019, 2, 28, 7, tzinfo=UTC)),
        (datetime(2019, 2, 28, 7), datetime(2019, 2, 28, 7, tzinfo=UTC)),
        ("2019-02-28T14:00:00+25:00", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_datetime(value: object, expected: datetime | None) -> None:
    parsed = ingest.parse_datetime(value)
    assert parsed == expected
    if parsed is not None:
        assert parsed.tzinfo is not None


def test_jsonl_published_with_impossible_zone_is_an_error(write: Write, settings: Settings) -> None:
    path = write("zone.jsonl", json.dumps(_record(1, published="2019-02-28T14:00:00+25:00")))
    [error] = read_articles([str(path)], settings).errors
    assert str(error).startswith(f"{path}:1: 'published' is not a date")


def test_year_day_month_dates_are_read_when_no_other_reading_exists() -> None:
    from newsprism.ingest.payload import parse_datetime

    assert parse_datetime("1998-14-06T14:27:00").isoformat() == "1998-06-14T14:27:00+00:00"
    assert parse_datetime("1998-06-14").month == 6
    assert parse_datetime("not a date") is None
