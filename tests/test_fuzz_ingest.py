"""Fuzzing the ingest edge (issue 21) with hypothesis: text, HTML, JSON lines and feeds
built from hostile pieces never raise (every bad input is a `Problem`), and a good record
among fuzzed ones is still read. A fixed small budget runs by default; the same properties
with a large budget are marked slow."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPORT
from newsprism.config import Settings
from newsprism.errors import Problem
from newsprism.ingest.payload import Payload
from newsprism.ingest.read import parse
from newsprism.model import RawArticle

SETTINGS = Settings.load(cache=False, fetch_links=False, max_bytes=200_000)
GOOD = {"text": REPORT, "title": "Storm floods city library"}
# Pieces that broke readers before: controls, markup, bidi marks, lone surrogates as
# escapes, deep brackets, odd URLs.
HOSTILE = st.sampled_from(
    [
        "\x1b[2J", "\x00", "\r\n", "\u202e", "[/]", "[link=x]", "<div>", "</p>", "<![CDATA[",
        "&#xD800;", "&amp;", "\\ud800", "[[[[", "{{{{", "http://[::1/x", "file:///etc/passwd",
        "\ufeff", "<?xml version='1.0'?>", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "é", "中文",
    ]
)  # fmt: skip
TEXTS = st.lists(st.one_of(HOSTILE, st.text(max_size=40)), max_size=40).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        name: JSON_VALUES | TEXTS
        for name in ("text", "title", "source", "url", "published", "authors", "id", "documents")
    },
)


def _read(data: bytes, name: str) -> list[RawArticle | Problem]:
    items = list(parse(Payload(origin=name, data=data, name=name), SETTINGS))
    assert all(isinstance(item, RawArticle | Problem) for item in items)
    return items


def _html(parts: list[str]) -> bytes:
    return f"<html><head><title>{parts[0] if parts else ''}</title></head><body>{''.join(parts)}</body></html>".encode(
        "utf-8", "surrogatepass"
    )


def _feed(entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{body}</description></item>"
        for t, link, body in entries
    )
    document = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    )
    return document.encode("utf-8", "surrogatepass")


def _jsonl(records: list[Any]) -> bytes:
    lines = [json.dumps(r) for r in records]
    lines.insert(len(lines) // 2, json.dumps(GOOD))
    return "\n".join(lines).encode()


def check_text(data: bytes) -> None:
    _read(data, "fuzz.txt")


def check_html(parts: list[str]) -> None:
    _read(_html(parts), "fuzz.html")


def check_feed(entries: list[tuple[str, str, str]]) -> None:
    _read(_feed(entries), "fuzz.xml")


def check_jsonl(records: list[Any]) -> None:
    items = _read(_jsonl(records), "fuzz.jsonl")
    assert any(isinstance(i, RawArticle) and i.title == GOOD["title"] for i in items)


CASES = [
    (
        check_text,
        st.binary(max_size=2000) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
    ),
    (check_html, st.lists(st.one_of(HOSTILE, TEXTS), max_size=30)),
    (check_feed, st.lists(st.tuples(TEXTS, st.one_of(HOSTILE, TEXTS), TEXTS), max_size=8)),
    (check_jsonl, st.lists(st.one_of(RECORDS, JSON_VALUES), max_size=8)),
]
IDS = ["text", "html", "feed", "jsonl"]


def _run(check: Any, strategy: Any, examples: int) -> None:
    budget = settings(
        max_examples=examples,
        deadline=None,  # time is bounded by the readers' own limits, not asserted here
        derandomize=True,  # the default run is the same on every machine
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    budget(given(strategy)(check))()


@pytest.mark.parametrize(("check", "strategy"), CASES, ids=IDS)
def test_fuzz_ingest_small_budget(check: Any, strategy: Any) -> None:
    _run(check, strategy, 40)


@pytest.mark.slow
@pytest.mark.parametrize(("check", "strategy"), CASES, ids=IDS)
def test_fuzz_ingest_large_budget(check: Any, strategy: Any) -> None:
    _run(check, strategy, 1500)
