"""The clean stage: keep the report, drop the page around it, remember where each character was.

Cleaning works paragraph by paragraph. A paragraph is either debris (a "READ NEXT"
teaser, a photo caption, a share or subscribe line, a byline or author's tagline, a
copyright notice, a wire service's note to its editors) and is recorded as a `Removal`,
or it is kept after mojibake repair (ftfy), quote and whitespace normalization. Kept
paragraphs are aligned with their original text, so every clean offset maps back to the
text as it was read.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import ftfy

from newsprism.errors import InputError
from newsprism.model import Article, RawArticle, Removal, Segment, Span, text_id

PARAGRAPH_BREAK = "\n\n"

# Typographic variants of the two quote characters: outlets differ only in typography,
# and cross-outlet matching of quotes must not depend on it.
_QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    }
)  # fmt: skip

_TEASER = re.compile(
    r"^\s*(read next|read more|also read|see also|related( stories| articles| coverage)?|"
    r"recommended( for you)?|more from [\w .'-]{1,40}|watch|watch now|listen|"
    r"most read|trending|editor'?s picks?|more:)\s*[:|\-\u2013\u2014>]",
    re.IGNORECASE,
)
# Glued to the end of a real paragraph, as scrapers often leave them.
_TEASER_TAIL = re.compile(
    r"\s*\b(READ NEXT|READ MORE|ALSO READ|SEE ALSO|RELATED)\s*:.*$", re.DOTALL
)
_PHOTO_CREDIT = re.compile(
    r"[\[(]\s*(?:(?:AP|AFP|Reuters|Getty|EPA|Xinhua)\s+)?(?:photo|photos|image|picture|pictured|"
    r"photograph|credit|file photo)\b[^\])]{0,120}[\])]\s*$|"
    r"^\s*(?:photo|image|picture|credit|photograph)\s*(?:credit)?\s*:",
    re.IGNORECASE,
)
# A row of share buttons names only networks; "Facebook declined to comment." is news.
_NETWORK = r"(facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|messenger)"
_SHARE = re.compile(
    r"^\s*(advertisement|sponsored( content)?|share( this)?( article| story| on \w+)?|"
    r"subscribe\b.*|sign up\b.*|follow us\b.*|click here\b.*|tweet|email|print|"
    r"(\d+\s+)?comments?|skip (to|ad)\b.*|story continues below.*|"
    rf"{_NETWORK}([ ,|/]+({_NETWORK}|email|print|copy link))*)\s*[.!:]?\s*$",
    re.IGNORECASE,
)
# "Copyright" must be followed by a symbol or year, or stand in a line that is no sentence:
# "Copyright lawyers welcomed the ruling." is news.
_COPYRIGHT = re.compile(
    r"^\s*(\u00a9|\(c\)|copyright\s*(\u00a9|\(c\)|\d{4})|copyright\b[^.!?]*$)|"
    r"\ball rights reserved\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
_BYLINE = re.compile(
    rf"^\s*By\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*(?:[,|\u2013\u2014-].*)?$"
)
# "By Thursday, the storm had passed" opens a sentence with a time; it is not a byline.
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december christmas easter".split()
)
_CREDIT_LINE = re.compile(
    r"^\s*\(?\s*(reporting|writing|editing|additional reporting) by\b.*\)?\s*$", re.IGNORECASE
)
# Directions of a wire service to its subscribing editors, not part of the report: who may
# print it, who filed it, where it may be cut, whom to call to buy it.
_WIRE_NOTICE = re.compile(
    r"^\W*(?:"
    r"for use by (?:clients|subscribers)\b|for use by .{0,40}\bnews service clients\b|"
    r"story filed by [^,.;]{1,60}\W*$|nonsubscribers:|to purchase this material\b|"
    r"\(?(?:distributed|transmitted) by [^.()]{0,60}(?:news service|syndicate|features)\W*$|"
    r"\(?(?:begin|end) optional trim\b|story can end here\b|optional (?:material|add) follows\b|"
    r"(?:xxxx )?end of story\W*$|endit\W*$|\(visit .{0,80} on the world wide web\b|"
    r"(?:u\.s\.|europe|latin america|asia|canada)\b[^:]{0,30}:.*\bfax\b"
    r")",
    re.IGNORECASE,
)
# An author's tagline closing a piece: "(Jane Roe is a senior editor at The Review.)",
# "Jane Roe writes for the Daily Planet."
_TAGLINE = re.compile(
    rf"^\s*(?:\(\s*{_NAME}\s+(?:is|was)\s+[^()]{{3,120}}\)|{_NAME}\s+writes for\s+[^()]{{3,120}})\s*$"
)
# Typesetting codes of newspaper wire copy (NYT): italics on and off, quad left, centre and
# right, hard tab. They format the page; they are not words.
_TYPESETTING = re.compile(r"&(?:UR|LR|QL|QC|QR|HT);")
_SPACES = re.compile(r"\s+")
# What ftfy can change: a character outside printable ASCII (mojibake, C1 controls, odd
# widths, ligatures) or an HTML entity. Most news paragraphs have neither, and ftfy costs
# about a quarter of a millisecond a paragraph even when it changes nothing.
_FTFY_CAN_CHANGE = re.compile(r"[^\t\n\r\x20-\x7e]|&")
_WORD = re.compile(r"\S+")
# Whitespace that cleaning turns into one space: anything but a single space.
_COLLAPSED = re.compile(r"\s*[^\S ]\s*| {2,}")
# Paragraph pairs up to this many character pairs are diffed character by character.
_CHAR_DIFF_LIMIT = 250_000


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``: blank-line separated if it has blank lines, else lines."""
    separator = (
        re.compile(r"\n[ \t\r\f\v]*\n\s*") if re.search(r"\n\s*\n", text) else re.compile(r"\n")
    )
    spans, start = [], 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        chunk = text[begin:end]
        stripped = chunk.strip()
        if stripped:
            offset = begin + len(chunk) - len(chunk.lstrip())
            result.append((offset, offset + len(stripped)))
    return result


def normalize_paragraph(text: str) -> str:
    """Repair mojibake, straighten quotes, drop typesetting codes, collapse whitespace."""
    if _FTFY_CAN_CHANGE.search(text):
        text = ftfy.fix_text(text, uncurl_quotes=False)
    fixed = _TYPESETTING.sub(" ", text)
    return _SPACES.sub(" ", fixed.translate(_QUOTES)).strip()


def _byline_authors(paragraph: str) -> list[str] | None:
    if len(paragraph.split()) > 16:
        return None
    match = _BYLINE.match(paragraph)
    if not match:
        return None
    first = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))[0]
    if first.casefold() in _TIME_WORDS:
        return None
    # An English list of names ends with its conjunction ("A, B and C"); a comma after
    # that, or any comma in a list without one, introduces the outlet ("By A, Reuters").
    groups = re.split(r"\s*,\s*", match.group("names"))
    joined = [i for i, group in enumerate(groups) if re.search(r"\band\b|&", group)]
    names_part = groups[: joined[-1] + 1] if joined else groups[:1]
    names = [n for group in names_part for n in re.split(r"\s*(?:\band\b|&)\s*", group)]
    return [n.strip() for n in names if n.strip()]


def _debris_kind(paragraph: str, index: int, count: int) -> str | None:
    """Why a whole paragraph is not part of the report, or None when it is."""
    paragraph = _TYPESETTING.sub(" ", paragraph)
    words = len(paragraph.split())
    if _TEASER.match(paragraph):
        return "read-next"
    if _PHOTO_CREDIT.search(paragraph) and words <= 60:
        return "photo-caption"
    if words <= 12 and _SHARE.match(paragraph):
        return "share"
    if words <= 25 and _COPYRIGHT.search(paragraph):
        return "copyright"
    if (index < 3 or index >= count - 2) and _byline_authors(paragraph) is not None:
        return "byline"
    if words <= 20 and _CREDIT_LINE.match(paragraph):
        return "byline"
    if words <= 40 and _WIRE_NOTICE.match(paragraph):
        return "wire-notice"
    if index >= count - 4 and words <= 25 and _TAGLINE.match(paragraph):
        return "byline"
    return None


def _char_blocks(original: str, clean: str, at: tuple[int, int]) -> list[Segment]:
    matcher = SequenceMatcher(None, original, clean, autojunk=False)
    return [
        Segment(original=at[0] + i, clean=at[1] + j, length=size)
        for i, j, size in matcher.get_matching_blocks()
        if size
    ]


def _common_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _ends(original: str, clean: str, at: tuple[int, int]) -> list[Segment]:
    """The common prefix and suffix: all that is kept of a gap too long to diff."""
    prefix = _common_prefix(original, clean)
    rest = min(len(original), len(clean)) - prefix
    suffix = min(_common_prefix(original[::-1], clean[::-1]), rest)
    segments = [Segment(original=at[0], clean=at[1], length=prefix)] if prefix else []
    if suffix:
        start = (at[0] + len(original) - suffix, at[1] + len(clean) - suffix)
        segments.append(Segment(original=start[0], clean=start[1], length=suffix))
    return segments


def _rewrapped(original: str, clean: str, at: tuple[int, int]) -> list[Segment] | None:
    """The alignment, in linear time, when cleaning only collapsed the spaces between words
    (rewrapped lines: the usual case), else None. Diffing characters would cost about 2 ms
    a paragraph, most of the cleaning time."""
    if " ".join(original.split()) != clean:
        return None
    start, end = len(original) - len(original.lstrip()), len(original.rstrip())
    segments: list[Segment] = []
    a, b = start, 0
    for space in _COLLAPSED.finditer(original, start, end):
        words = space.start() - a
        # A run that opens with a space keeps that space: the one the clean text has.
        kept = words + 1 if space.group().startswith(" ") else words
        segments.append(Segment(original=at[0] + a, clean=at[1] + b, length=kept))
        a, b = space.end(), b + words + 1
    segments.append(Segment(original=at[0] + a, clean=at[1] + b, length=end - a))
    return segments


def _align(original: str, clean: str, at: tuple[int, int]) -> list[Segment]:
    """Stretches copied unchanged from ``original`` to ``clean``, offset by ``at``.

    Diffing characters is quadratic, so long paragraphs are first anchored on runs of
    equal words (common words are not anchors); only the gaps are diffed by character.
    """
    if not original or not clean:
        return []
    if (rewrapped := _rewrapped(original, clean, at)) is not None:
        return rewrapped
    if len(original) * len(clean) <= _CHAR_DIFF_LIMIT:
        return _char_blocks(original, clean, at)
    words_a, words_b = list(_WORD.finditer(original)), list(_WORD.finditer(clean))
    matcher = SequenceMatcher(None, [w.group() for w in words_a], [w.group() for w in words_b])
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks:
        return _ends(original, clean, at)
    segments: list[Segment] = []
    end_a = end_b = 0
    for i, j, size in blocks:
        gap_a, gap_b = words_a[i].start(), words_b[j].start()
        segments += _align(
            original[end_a:gap_a], clean[end_b:gap_b], (at[0] + end_a, at[1] + end_b)
        )
        for k in range(size):
            word_a, word_b = words_a[i + k], words_b[j + k]
            segments.append(
                Segment(
                    original=at[0] + word_a.start(),
                    clean=at[1] + word_b.start(),
                    length=len(word_a.group()),
                )
            )
            if k + 1 < size:
                space_a = original[word_a.end() : words_a[i + k + 1].start()]
                space_b = clean[word_b.end() : words_b[j + k + 1].start()]
                segments += _ends(space_a, space_b, (at[0] + word_a.end(), at[1] + word_b.end()))[
                    :1
                ]
        end_a, end_b = words_a[i + size - 1].end(), words_b[j + size - 1].end()
    segments += _align(original[end_a:], clean[end_b:], (at[0] + end_a, at[1] + end_b))
    return segments


def _merged(segments: list[Segment]) -> list[Segment]:
    """Adjacent segments joined, so the alignment stays short."""
    result: list[Segment] = []
    for segment in segments:
        last = result[-1] if result else None
        if (
            last is not None
            and last.original + last.length == segment.original
            and last.clean + last.length == segment.clean
        ):
            result[-1] = Segment(
                original=last.original, clean=last.clean, length=last.length + segment.length
            )
        else:
            result.append(segment)
    return result


def clean(raw: RawArticle) -> Article:
    """Turn what ingest read into an `Article`; raises `InputError` if no report text is left."""
    original = raw.text
    blocks = _blocks(original)
    removed: list[Removal] = []
    authors = list(raw.authors)
    pieces: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    alignment: list[Segment] = []
    cursor = 0
    for index, (start, end) in enumerate(blocks):
        block = original[start:end]
        kind = _debris_kind(block, index, len(blocks))
        if kind is not None:
            removed.append(Removal(kind=kind, text=block, start=start, end=end))
            if kind == "byline" and (names := _byline_authors(block)):
                authors.extend(n for n in names if n not in authors)
            continue
        tail = _TEASER_TAIL.search(block)
        if tail and tail.start() > 0:
            removed.append(
                Removal(
                    kind="read-next", text=tail.group().strip(), start=start + tail.start(), end=end
                )
            )
            block = block[: tail.start()]
        text = normalize_paragraph(block)
        if not any(c.isalnum() for c in text):
            continue  # a rule or a separator ("-----", "* * *"): layout, not report
        if pieces:
            cursor += len(PARAGRAPH_BREAK)
        alignment.extend(_merged(_align(block, text, (start, cursor))))
        paragraphs.append((cursor, cursor + len(text)))
        pieces.append(text)
        cursor += len(text)
    clean_text = PARAGRAPH_BREAK.join(pieces)
    if not clean_text.strip():
        reason = (
            "empty" if not original.strip() else "no report text left after removing page debris"
        )
        raise InputError(raw.origin, reason)
    article_id = text_id(clean_text)
    return Article(
        id=article_id,
        input_id=raw.input_id,
        title=(normalize_paragraph(raw.title) or None) if raw.title else None,
        source=raw.source,
        url=raw.url,
        published=raw.published,
        authors=authors,
        origin=raw.origin,
        text=clean_text,
        paragraphs=[Span(article=article_id, start=s, end=e) for s, e in paragraphs],
        original=original,
        alignment=alignment,
        removed=removed,
    )
