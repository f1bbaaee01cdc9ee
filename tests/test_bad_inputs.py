"""Bad inputs: each one is a one-line problem naming it, and the other inputs still come through."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, REPORT, Write
from newsprism.config import Settings
from newsprism.ingest.prepare import read_articles

GOOD = REPORT
LIMIT = 4_000

CASES: dict[str, tuple[str, Callable[[], str | bytes], str]] = {
    "empty file": ("empty.txt", lambda: b"", "empty"),
    "blank file": ("blank.txt", lambda: "  \n\n\t\n", "empty"),
    "binary with NUL bytes": ("data.txt", lambda: b"abc\x00\x01\x02" * 50, "binary file"),
    "PNG image": ("picture.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(64), "a PNG image"),
    "PDF named html": ("paper.html", lambda: b"%PDF-1.7\n" + os.urandom(64), "a PDF document"),
    "gzip data": ("archive.jsonl", lambda: b"\x1f\x8b\x08\x00" + bytes(40), "gzip"),
    "invalid UTF-8": ("latin1.txt", lambda: "Caf\xe9 cr\xe8me, " * 20, "not valid UTF-8"),
    "over the size limit": ("huge.txt", lambda: GOOD * 10, "over the"),
    "HTML without text": (
        "broken.html",
        lambda: "<html><head><title>x</title></head><body><div><span></div></p></body",
        "no article text found",
    ),
    "HTML of navigation only": (
        "nav.html",
        lambda: "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
        "no article text found",
    ),
    "truncated feed": (
        "broken.rss",
        lambda: '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x',
        "feed",
    ),
    "feed without entries": (
        "empty.xml",
        lambda: '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        "no entries",
    ),
    "JSONL line that is not JSON": ("bad.jsonl", lambda: "{this is not json}\n", "not valid JSON"),
    "JSON string": ("string.jsonl", lambda: '"just a string"\n', "expected a JSON object"),
    "page debris only": (
        "debris.txt",
        lambda: "Advertisement\n\nShare this article\n\nREAD NEXT: Another story",
        "no report text left",
    ),
    "French article": ("french.txt", lambda: (DATA / "french.txt").read_bytes(), "French (fr)"),
    "German article": ("german.txt", lambda: (DATA / "german.txt").read_bytes(), "German (de)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_naming_it(case: str, write: Write) -> None:
    name, content, reason = CASES[case]
    good = write("good.txt", GOOD)
    data = content()
    bad = write(name, data.encode("latin-1") if case == "invalid UTF-8" else data)
    settings = Settings.load(cache=False, max_bytes=LIMIT)
    collection = read_articles([str(bad), str(good)], settings)
    assert [a.origin for a in collection.articles] == [str(good)]
    [error] = collection.errors
    message = str(error)
    assert error.input.startswith(str(bad))
    assert message.startswith(f"{bad}")
    assert reason in message
    assert "\n" not in message
    assert "Traceback" not in message
    assert len(message) < 300


@pytest.mark.parametrize("name", ["french.txt", "german.txt"])
def test_non_english_says_only_english_is_supported(name: str, settings: Settings) -> None:
    collection = read_articles([str(DATA / name)], settings)
    [error] = collection.errors
    assert "newsprism reads only English for now" in error.reason


def test_other_languages_can_be_enabled() -> None:
    settings = Settings.load(cache=False, languages=("en", "fr"))
    [article] = read_articles([str(DATA / "french.txt")], settings).articles
    assert article.language == "fr"


def test_nonexistent_path(write: Write, tmp_path: Path, settings: Settings) -> None:
    good = write("good.txt", GOOD)
    missing = tmp_path / "no" / "such.txt"
    collection = read_articles([str(missing), str(good)], settings)
    assert len(collection.articles) == 1
    assert [str(p) for p in collection.errors] == [f"{missing}: no such file, folder or URL"]


def test_jsonl_error_names_path_and_line(write: Write, settings: Settings) -> None:
    path = write(
        "mixed.jsonl", '{"text": "' + GOOD.replace("\n", " ").replace('"', "'") + '"}\n\nnope\n'
    )
    collection = read_articles([str(path)], settings)
    assert len(collection.articles) == 1
    [error] = collection.errors
    assert error.input == f"{path}:3"
    assert str(error).startswith(f"{path}:3: not valid JSON")


def test_many_bad_inputs_at_once(write: Write, tmp_path: Path, settings: Settings) -> None:
    inputs = [str(write("good.txt", GOOD))]
    for name, content, _ in CASES.values():
        data = content()
        inputs.append(str(write(f"all/{name}", data)))
    inputs.append(str(tmp_path / "missing.txt"))
    collection = read_articles(inputs, Settings.load(cache=False, max_bytes=LIMIT))
    assert [a.origin for a in collection.articles] == [inputs[0]]
    assert len(collection.errors) == len(inputs) - 1


def test_feed_that_breaks_the_feed_parser(write: Write, settings: Settings) -> None:
    feed = '<?xml version="1.0"?><rss><channel><item>&#xD800;<title>x</title>'
    path = write("surrogate.rss", feed)
    good = write("good.txt", GOOD)
    collection = read_articles([str(path), str(good)], settings)
    assert len(collection.articles) == 1
    [error] = collection.errors
    assert str(error).startswith(f"{path}: not a readable RSS/Atom feed")


def test_text_longer_than_max_chars(write: Write) -> None:
    path = write("book.txt", GOOD.split("\n", 2)[2] * 3)
    good = write("good.txt", GOOD)
    settings = Settings.load(cache=False, max_chars=1500)
    collection = read_articles([str(path), str(good)], settings)
    assert [a.origin for a in collection.articles] == [str(good)]
    [error] = collection.errors
    assert str(error).startswith(f"{path}: 2,")
    assert "more than one article (limit 1,500" in str(error)


def test_a_file_that_reports_no_size_is_still_read_with_a_limit(tmp_path: Path) -> None:
    # A device (like a FIFO or a process substitution) reports size 0 to stat().
    device = Path("/dev/zero")
    if not device.exists():
        pytest.skip("no /dev/zero here")
    settings = Settings.load(cache=False, max_bytes=1000)
    collection = read_articles([str(device)], settings)
    [error] = collection.errors
    assert "limit" in str(error)
