"""The clean stage: debris goes, the report stays, and every clean offset maps back."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, by_source
from newsprism.config import Settings
from newsprism.errors import InputError
from newsprism.ingest.clean import clean, normalize_paragraph
from newsprism.ingest.prepare import Collection, prepare, prepare_headline
from newsprism.model import RawArticle

BODY = (
    "The council voted on Tuesday to build a new public swimming pool in the northern district, "
    "ending a debate that had lasted for more than three years."
)
SECOND = "Construction is expected to start next spring and to take about eighteen months."


def _clean(text: str, **fields: object) -> object:
    return clean(RawArticle(origin="test.txt", text=text, **fields))


# --- the bundled examples -------------------------------------------------------------


def test_examples_read_both_reports_without_problems(examples: Collection) -> None:
    assert sorted(a.source for a in examples.articles) == ["us-outlet", "wire-service"]
    assert examples.errors == []


def test_read_next_line_is_removed_and_recorded(examples: Collection) -> None:
    article = by_source(examples.articles, "us-outlet")
    assert "READ NEXT" not in article.text
    assert "Bernie Sanders" not in article.text
    kinds = {r.kind: r for r in article.removed}
    assert "read-next" in kinds
    removal = kinds["read-next"]
    assert removal.text.startswith("READ NEXT:")
    assert article.original[removal.start : removal.end] == removal.text


def test_photo_caption_is_removed_and_recorded(examples: Collection) -> None:
    article = by_source(examples.articles, "wire-service")
    assert "[Photo via AP/Evan Vucci]" not in article.text
    captions = [r for r in article.removed if r.kind == "photo-caption"]
    assert len(captions) == 1
    assert captions[0].text.endswith("[Photo via AP/Evan Vucci]")
    assert article.original[captions[0].start : captions[0].end] == captions[0].text


@pytest.mark.parametrize("name", ["us-outlet", "wire-service"])
def test_no_line_of_the_report_is_lost(examples: Collection, name: str) -> None:
    article = by_source(examples.articles, name)
    original = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    removed = {r.text.strip() for r in article.removed}
    kept = 0
    for line in original.splitlines():
        line = line.strip()
        if not line or line in removed or line == article.title:
            continue
        assert normalize_paragraph(line) in article.text, line
        kept += 1
    assert kept >= 8
    assert len(article.removed) == 1


def test_wire_service_headline_becomes_title(examples: Collection) -> None:
    article = by_source(examples.articles, "wire-service")
    assert article.title == "Kim, Trump end second summit without deal in Hanoi"
    assert not article.text.startswith("Kim, Trump end")
    assert by_source(examples.articles, "us-outlet").title is None


@pytest.mark.parametrize("name", ["us-outlet", "wire-service"])
def test_paragraphs_are_separated_by_blank_lines(examples: Collection, name: str) -> None:
    article = by_source(examples.articles, name)
    assert len(article.paragraphs) == article.text.count("\n\n") + 1
    for paragraph in article.paragraphs:
        chunk = article.text[paragraph.start : paragraph.end]
        assert chunk == chunk.strip()
        assert "\n" not in chunk
        assert paragraph.article == article.id


@pytest.mark.parametrize("name", ["us-outlet", "wire-service"])
def test_alignment_maps_clean_offsets_to_the_original(examples: Collection, name: str) -> None:
    article = by_source(examples.articles, name)
    mapped = 0
    for offset, char in enumerate(article.text):
        position = article.to_original(offset)
        if position is None:
            continue
        assert article.original[position] == char
        mapped += 1
    # Only quote marks, which cleaning straightens, have no counterpart.
    assert mapped >= len(article.text) - article.text.count("\n") - 100
    for paragraph in article.paragraphs:
        positions = [
            p
            for offset in range(paragraph.start, paragraph.end)
            if (p := article.to_original(offset)) is not None
        ]
        # A paragraph maps back into one paragraph of the original, not across a break.
        assert "\n" not in article.original[min(positions) : max(positions)]


def test_alignment_of_a_long_paragraph() -> None:
    words = "The mayor said \u201cno\u201d to the plan;  it\u2019s over, donâ€™t\tworry,".split(" ")
    text = " ".join(f"{words[i % len(words)]}{i}" for i in range(3000))
    article = _clean(text)
    assert len(article.paragraphs) == 1
    for segment in article.alignment:
        copied = article.text[segment.clean : segment.clean + segment.length]
        assert article.original[segment.original : segment.original + segment.length] == copied
    assert sum(s.length for s in article.alignment) > 0.9 * len(article.text)
    assert article.to_original(article.text.index("plan;")) == text.index("plan;")
    ends = [(s.original + s.length, s.clean + s.length) for s in article.alignment]
    starts = [(s.original, s.clean) for s in article.alignment[1:]]
    assert all(o0 <= o1 and c0 <= c1 for (o0, c0), (o1, c1) in zip(ends, starts, strict=False))


@pytest.mark.parametrize(
    "text",
    [
        "The council\nvoted  on Tuesday\tto build a pool.",  # only the spaces change
        "The council\nvoted on \u201cTuesday\u201d to build a pool.",  # a word changes too
    ],
)
def test_alignment_of_a_rewrapped_paragraph_copies_every_word(text: str) -> None:
    article = _clean(text)
    for segment in article.alignment:
        copied = article.text[segment.clean : segment.clean + segment.length]
        assert article.original[segment.original : segment.original + segment.length] == copied
    for word in ("council", "voted", "to build a pool."):
        assert article.to_original(article.text.index(word)) == text.index(word)
    # Runs of words with single spaces stay one segment each.
    assert article.alignment[-1].length >= len("to build a pool.")


def test_alignment_is_monotonic(examples: Collection) -> None:
    for article in examples.articles:
        positions = [seg.original for seg in article.alignment]
        assert positions == sorted(positions)
        cleans = [seg.clean for seg in article.alignment]
        assert cleans == sorted(cleans)


def test_curly_quotes_in_examples_become_straight(examples: Collection) -> None:
    article = by_source(examples.articles, "us-outlet")
    assert "\u201c" in article.original
    for mark in "\u201c\u201d\u2018\u2019":
        assert mark not in article.text
    assert '"Sometimes, you have to walk," Trump announced.' in article.text
    assert "didn't end early" in article.text


# --- cleaning rules on small inputs -----------------------------------------------------


def test_byline_becomes_authors() -> None:
    article = _clean(f"By Jane Roe and John Doe, Associated Press\n\n{BODY}\n\n{SECOND}")
    assert article.authors == ["Jane Roe", "John Doe"]
    assert "Jane Roe" not in article.text
    assert [r.kind for r in article.removed] == ["byline"]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Roe", ["Jane Roe"]),
        ("By Jane Roe, Reuters", ["Jane Roe"]),
        ("By Jane Roe, John Doe and Max Moe", ["Jane Roe", "John Doe", "Max Moe"]),
        ("By Jane Roe & John Doe | The Daily Planet", ["Jane Roe", "John Doe"]),
    ],
)
def test_byline_forms(byline: str, authors: list[str]) -> None:
    article = _clean(f"{byline}\n\n{BODY}\n\n{SECOND}")
    assert article.authors == authors


def test_byline_authors_add_to_known_authors_once() -> None:
    article = _clean(f"By Jane Roe and John Doe\n\n{BODY}", authors=["Jane Roe"])
    assert article.authors == ["Jane Roe", "John Doe"]


@pytest.mark.parametrize(
    "sentence",
    [
        "By Thursday, the storm had moved out to sea and the rain had stopped.",
        "By Sunday, 12 people had died.",
        "By Wednesday \u2013 the deadline \u2013 nobody had signed.",
        "By March 3, the river had risen.",
    ],
)
def test_sentence_opening_with_a_time_is_not_a_byline(sentence: str) -> None:
    article = _clean(f"{sentence}\n\n{BODY}")
    assert article.removed == []
    assert article.authors == []
    assert article.text.startswith(sentence)


def test_byline_with_a_month_as_first_name() -> None:
    assert _clean(f"By May Smith, Associated Press\n\n{BODY}").authors == ["May Smith"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright lawyers welcomed the ruling on Tuesday.",
        "Facebook declined to comment.",
        "Twitter said on Monday it would ban political ads.",
        "Subscribers will pay two dollars more from March.",
        "Photographs of the site were released by police on Friday.",
        "Watchdogs said the vote was fair.",
        "Related companies were not named in the report.",
        "Distributed by Example Pictures, the film features two unknown actors.",
        "The end of story time at the library upset parents.",
        "Story filed by the reporter was later corrected, the paper said.",
    ],
)
def test_news_sentences_that_resemble_debris_are_kept(sentence: str) -> None:
    article = _clean(f"{BODY}\n\n{sentence}")
    assert article.removed == []
    assert article.text.endswith(sentence)


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    text = f"{BODY}\n\nBy the end of the year, the city hopes to open two more pools in the south."
    article = _clean(text)
    assert article.removed == []
    assert "By the end of the year" in article.text


def test_mojibake_is_repaired() -> None:
    article = _clean(f"The mayor said she donâ€™t expect delays. {BODY}")
    assert "don't expect delays" in article.text
    assert "â€" not in article.text


@pytest.mark.parametrize(
    "paragraph",
    [
        "Plain ASCII:\tno\r\nchange  at all.",
        "Salt &amp; pepper, caf&eacute; and AT&T",
        "A vertical\x0btab, a form\x0cfeed and a NUL\x00 byte",
        "An escape \x1b[31mred\x1b[0m sequence",
        "Mojibake: cafÃ©, naÃ¯ve, \ufb01ne ligature, \uff21 wide",
    ],
)
def test_paragraphs_ftfy_skips_come_out_as_ftfy_makes_them(paragraph: str) -> None:
    # ftfy is run only on paragraphs it can change; the result must not differ.
    import ftfy

    fixed = ftfy.fix_text(paragraph, uncurl_quotes=False)
    assert normalize_paragraph(paragraph) == " ".join(fixed.split())


def test_curly_quotes_become_straight() -> None:
    article = _clean(
        f"\u201cWe are ready,\u201d the mayor\u2019s aide said. \u2018Yes.\u2019 {BODY}"
    )
    assert article.text.startswith("\"We are ready,\" the mayor's aide said. 'Yes.'")


def test_wire_typesetting_codes_and_rules_are_dropped() -> None:
    text = (
        f"&QL; ----- &QC; &QL;\n\n{BODY} In &UR; The Source, &LR; she wrote.\n\n* * *\n\n{SECOND}"
    )
    article = _clean(text)
    assert article.text == f"{BODY} In The Source, she wrote.\n\n{SECOND}"
    source = article.text.index("The Source")
    assert article.to_original(source) == text.index("The Source")


def test_entities_that_are_text_stay() -> None:
    assert _clean(f"{BODY} Fish &amp; chips cost 5 &GT; 4.").text.endswith(
        "Fish & chips cost 5 > 4."
    )


def test_whitespace_is_collapsed() -> None:
    article = _clean(f"  The   council\tvoted.\u00a0Again.  \n\n\n\n  {SECOND}  ")
    assert article.text == f"The council voted. Again.\n\n{SECOND}"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Advertisement", "share"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Subscribe to our newsletter for daily updates", "share"),
        ("Facebook Twitter WhatsApp", "share"),
        ("Story continues below advertisement", "share"),
        ("© 2024 The Example Times. All rights reserved.", "copyright"),
        ("Copyright 2024 Example Media Group", "copyright"),
        ("Copyright The Associated Press", "copyright"),
        ("Copyright (c) 2019 Example News Ltd", "copyright"),
        ("READ MORE: Council approves budget", "read-next"),
        ("Related: Pool debate in 2021", "read-next"),
        ("(Photo: Jane Roe/The Example Times)", "photo-caption"),
        ("Reporting by John Doe; Editing by Max Moe", "byline"),
        ("For Use By Clients of the Example Times News Service", "wire-notice"),
        ("&UR; (For use by Example News Service clients) &QL; &LR;", "wire-notice"),
        ("Story Filed By Example Newspapers", "wire-notice"),
        ("(BEGIN OPTIONAL TRIM)", "wire-notice"),
        ("(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", "wire-notice"),
        ("XXXX END OF STORY", "wire-notice"),
        ("(Distributed by Example Times Special Features)", "wire-notice"),
        (
            "NONSUBSCRIBERS: To publish this feature article, it must be purchased. "
            "Please contact one of these sales representatives:",
            "wire-notice",
        ),
        ("--Europe and Asia: JANE ROE in Paris at 01-23-45-67; fax, 01-23-45-68.", "wire-notice"),
    ],
)
def test_debris_lines_are_removed(line: str, kind: str) -> None:
    article = _clean(f"{BODY}\n\n{line}\n\n{SECOND}")
    assert article.text == f"{BODY}\n\n{SECOND}"
    assert [(r.kind, r.text) for r in article.removed] == [(kind, line)]


@pytest.mark.parametrize(
    "tagline",
    [
        "(Jane Roe is a senior editor at The Example Review.)",
        "Jane Roe writes for the Example Journal, Springfield.",
    ],
)
def test_closing_author_tagline_is_removed(tagline: str) -> None:
    article = _clean(f"{BODY}\n\n{SECOND}\n\n{tagline}\n\nStory Filed By Example Newspapers")
    assert article.text == f"{BODY}\n\n{SECOND}"
    assert [r.kind for r in article.removed] == ["byline", "wire-notice"]


def test_a_tagline_in_the_body_stays() -> None:
    tagline = "(Jane Roe is a senior editor at The Example Review.)"
    article = _clean(f"{tagline}\n\n{BODY}\n\n{SECOND}\n\nA third paragraph.\n\nA fourth one.")
    assert article.text.startswith(tagline)


def test_teaser_glued_to_a_paragraph_is_cut_off() -> None:
    article = _clean(f"{BODY} READ NEXT: Pools across the country\n\n{SECOND}")
    assert article.text == f"{BODY}\n\n{SECOND}"
    assert [r.kind for r in article.removed] == ["read-next"]
    removal = article.removed[0]
    assert article.original[removal.start : removal.end].strip() == removal.text


def test_single_newlines_separate_paragraphs_when_there_are_no_blank_lines() -> None:
    article = _clean(f"{BODY}\n{SECOND}")
    assert article.text == f"{BODY}\n\n{SECOND}"
    assert len(article.paragraphs) == 2


def test_blank_lines_win_over_single_newlines() -> None:
    article = _clean(f"{BODY}\nstill the same paragraph.\n\n{SECOND}")
    assert article.text == f"{BODY} still the same paragraph.\n\n{SECOND}"


def test_id_is_the_hash_of_the_normalized_text() -> None:
    first = _clean(f"{BODY}\n\n{SECOND}")
    again = _clean(f"  {BODY}\n\n\n{SECOND}\n")
    other = _clean(BODY)
    assert first.id == again.id
    assert first.id != other.id
    assert len(first.id) == 16


def test_title_and_metadata_are_kept() -> None:
    article = _clean(BODY, title="Pool \u201capproved\u201d", source="Example Times", input_id="7")
    assert article.title == 'Pool "approved"'
    assert article.source == "Example Times"
    assert article.input_id == "7"
    assert article.ref == "7"
    assert article.origin == "test.txt"


def test_all_debris_input_raises_input_error() -> None:
    with pytest.raises(InputError) as caught:
        _clean("Advertisement\n\nShare this article\n\nREAD NEXT: Something else")
    assert caught.value.input == "test.txt"
    assert "no report text" in caught.value.reason


def test_whitespace_only_input_raises_empty() -> None:
    with pytest.raises(InputError, match="empty"):
        _clean(" \n\n \t ")


def test_a_title_of_typesetting_codes_only_is_no_title() -> None:
    assert _clean(BODY, title="&HT;").title is None


def test_a_headline_over_nothing_but_debris_is_kept_for_stories_only() -> None:
    tagline = "(Margaret Roe is a senior editor at The Weekly.)\n\n---------------"
    raw = RawArticle(origin="doc.txt", title="Museum delays its exhibition", text=tagline)
    settings = Settings.load(cache=False)
    with pytest.raises(InputError, match="no report text left"):
        prepare(raw, settings)
    article, notice = prepare_headline(raw, settings)
    assert article.text == "Museum delays its exhibition"
    assert article.title == "Museum delays its exhibition"
    assert [r.kind for r in article.removed] == ["byline"]  # the original is still there
    assert notice is not None and notice.level == "notice"
    assert str(notice) == (
        "doc.txt: no report text left after removing page debris; kept its headline"
    )
    full = raw.model_copy(update={"text": "The museum put off its show by a year, staff said."})
    assert prepare_headline(full, settings) == (prepare(full, settings), None)
    with pytest.raises(InputError, match="no report text left"):
        prepare_headline(raw.model_copy(update={"title": None}), settings)
