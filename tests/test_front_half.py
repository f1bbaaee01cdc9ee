"""The shared pieces of the front half: one union-find, one copy rule for every input, one
bounded reader for files and streams (issue 15, step 5)."""

from __future__ import annotations

import io

import pytest

from newsprism.config import Settings
from newsprism.errors import InputError, Problem
from newsprism.ingest.payload import read_stream
from newsprism.ingest.prepare import collect, prepare_all
from newsprism.model import RawArticle
from newsprism.nlp import UnionFind

TEXT = (
    "The council of Alderford approved a plan on Tuesday to rebuild the old market hall.\n\n"
    "Councillors voted 20 to 3 in favour after a debate that lasted most of the afternoon."
)


def test_union_find_joins_sets_into_the_second_and_keeps_first_seen_order() -> None:
    sets = UnionFind(["a", "b", "c", "d"])
    assert sets.union("a", "b") == "b"
    assert sets.union("c", "a") == "b"  # c joins a's set, whose root is b
    assert sets.find("c") == sets.find("a") == "b"
    assert sets.roots() == ["b", "d"]
    assert sets.find("e") == "e"  # an unseen item is a set of its own
    assert sets.roots() == ["b", "d", "e"]


def _raw(origin: str) -> RawArticle:
    return RawArticle(origin=origin, text=TEXT, title="Market hall", input_id=origin)


def test_a_copy_is_dropped_or_given_the_first_ones_place() -> None:
    settings = Settings.load(cache=False)
    items = [_raw("one.txt"), Problem("bad.txt", "empty"), _raw("two.txt")]
    dropped = collect(prepare_all(items, settings))
    assert [a.origin for a in dropped.articles] == ["one.txt"]
    assert [str(p) for p in dropped.problems] == [
        "bad.txt: empty",
        "two.txt: same text as one.txt; dropped the copy",
    ]
    copies: dict[str, str] = {}
    kept = collect(prepare_all(items, settings, copies=copies))
    assert [a.origin for a in kept.articles] == ["one.txt"]
    assert str(kept.problems[-1]) == "two.txt: same text as one.txt; given its story"
    assert copies == {"two.txt": "one.txt"}  # by the inputs' own ids


def test_a_stream_is_read_up_to_its_limit_and_never_past_it() -> None:
    assert read_stream(io.BytesIO(b"x" * 10), "-", 10) == b"x" * 10
    with pytest.raises(InputError, match=r"more than the 0\.0 MB limit"):
        read_stream(io.BytesIO(b"x" * 11), "-", 10)
