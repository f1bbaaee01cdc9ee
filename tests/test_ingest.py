"""The ingest stage through `read_articles`: text, HTML, JSON(L), clusters, folders, stdin."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import (
    ARTICLE_HTML,
    DATA,
    EXAMPLES,
    REPORT,
    Write,
    errors_of,
    notices_of,
)
from newsprism import ingest
from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles
from newsprism.ingest.text import looks_like_headline
from newsprism.model import DocumentSet, RawArticle


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
        {"id": "rail", "documents": [_record(4)]},
    ]
    return "\n".join(json.dumps(c) for c in clusters) + "\n"


def test_cluster_jsonl_documents_become_articles(write: Write, settings: Settings) -> None:
    path = write("clusters.jsonl", _cluster_lines())
    collection = read_articles([str(path)], settings)
    assert collection.problems == []
    assert [a.input_id for a in collection.articles] == ["doc-1", "doc-2", "doc-4"]
    assert collection.articles[0].origin == f"{path}:1 document doc-1"


def test_read_document_sets_from(write: Write, settings: Settings) -> None:
    path = write("clusters.jsonl", _cluster_lines() + '{"documents": []}\n')
    items = list(ingest.read_document_sets_from([str(path)], settings))
    storm, rail, problem = items
    assert isinstance(storm, DocumentSet)
    assert storm.id == "storm"
    assert storm.query == "library flood"
    assert [d.input_id for d in storm.documents] == ["doc-1", "doc-2"]
    assert [d.input_id for d in storm.seen_documents] == ["doc-3"]
    assert all(isinstance(d, RawArticle) for d in storm.documents)
    assert rail.id == "rail"
    assert rail.query is None
    assert str(problem) == f"{path}:3: no 'id' in this document set"


def test_read_clusters_reports_bad_documents(write: Write, settings: Settings) -> None:
    line = json.dumps({"id": "c1", "documents": [_record(1), {"id": "d2"}]})
    path = write("c.jsonl", line + "\n" + json.dumps({"id": "c2", "documents": [_record(3)]}))
    items = list(ingest.read_document_sets_from([str(path)], settings))
    assert str(items[0]) == f"{path}:1 document d2: no 'text' (the article body) in this record"
    assert isinstance(items[1], DocumentSet)
    assert items[1].id == "c2"


def test_folder_reads_article_files_only(write: Write, tmp_path: Path, settings: Settings) -> None:
    write("in/a-report.txt", REPORT)
    write("in/sub/page.html", ARTICLE_HTML)
    write("in/README.md", "# Notes\n\nThese are notes about the inputs, not an article.\n")
    write("in/photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200))
    write("in/.hidden/secret.txt", REPORT.replace("Storm", "Hidden storm"))
    collection = read_articles([str(tmp_path / "in")], settings)
    # The notes are passed over, and said so (once a silent skip of a listed input kind).
    [notice] = collection.problems
    assert notice.level == "notice" and notice.input == str(tmp_path / "in")
    assert notice.reason.startswith(
        "passed over README.md: a .md file in a folder is taken as notes"
    )
    assert [Path(a.origin).name for a in collection.articles] == ["a-report.txt", "page.html"]


def test_folder_reads_a_json_article(write: Write, tmp_path: Path, settings: Settings) -> None:
    record = {"title": "Storm hits coast", "source": "Gulf Herald", "text": REPORT}
    write("j/a-report.txt", REPORT.replace("Storm", "A storm"))
    write("j/herald.json", json.dumps(record))
    collection = read_articles([str(tmp_path / "j")], settings)
    assert collection.problems == []
    assert sorted(Path(a.origin.split(":")[0]).name for a in collection.articles) == [
        "a-report.txt",
        "herald.json",
    ]


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


def test_copied_examples_folder(tmp_path: Path, settings: Settings) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "hanoi")
    collection = read_articles([str(tmp_path / "hanoi")], settings)
    assert len(collection.articles) == 2
    assert [p.level for p in collection.problems] == ["notice"]  # its README, passed over


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
