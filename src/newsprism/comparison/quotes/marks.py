"""Quoted stretches of clean text: quote marks paired paragraph by paragraph.

Clean text carries straight double quotes (curly ones are straightened), so a mark does
not say whether it opens or closes; marks alternate within a paragraph. Wire copy (AP,
NYT) types them in ASCII instead, ``opening'' or ''both'', and these are read as the
same marks. News copy follows the wire convention for long quotes: a quote still open at
the end of a paragraph goes on in the next paragraph when that paragraph opens with a
quote mark; otherwise it ends with its paragraph (a missing closing mark).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.model import Span

MARK = '"'
# Every character a quotation mark or an apostrophe may be typed as.
MARK_CHARACTERS = "\"'`“”‘’"
# An ASCII pair is shown to the pairing as a straight mark and a filler that belongs to no
# quotation: the same length, so offsets stay those of the text. After a word, three marks
# close a single quote and then the double one: "he said, `I'm out.'''".
_FILL = "\x00"
_WIRE_MARKS = re.compile(r"``|(?<=\S)'(?='')|''")
# A comma before the closing mark belongs to the reporter's sentence ("...," he said),
# not to the words quoted.
_TRAILING = ", \t\n" + _FILL


@dataclass(frozen=True)
class Stretch:
    """One quotation as marked in the text: its words, one segment per paragraph."""

    segments: tuple[tuple[int, int], ...]
    paragraph: int
    last_paragraph: int

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] == _FILL):
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if end > start else None


def _opens(text: str, pos: int, end: int) -> bool:
    """A mark can open a quote when words follow it (a stray closing mark cannot)."""
    return pos + 1 < end and not text[pos + 1].isspace()


def _pairs(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed (open, close) mark pairs of one paragraph, and the position of an unclosed mark."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    pos = text.find(MARK, start, end)
    while pos != -1:
        if open_at is None:
            if _opens(text, pos, end):
                open_at = pos
        else:
            pairs.append((open_at, pos))
            open_at = None
        pos = text.find(MARK, pos + 1, end)
    return pairs, open_at


def _marks_view(text: str) -> str:
    return _WIRE_MARKS.sub(lambda m: m.group() if len(m.group()) == 1 else MARK + _FILL, text)


def quoted_stretches(text: str, paragraphs: Sequence[Span]) -> list[Stretch]:
    """Every quotation in ``text``, in order, continued across paragraphs as news copy does."""
    text = _marks_view(text)
    stretches: list[Stretch] = []
    pending: list[tuple[int, int]] = []
    pending_first = 0
    for index, para in enumerate(paragraphs):
        start, end = para.start, para.end
        if pending:
            if text.startswith(MARK, start):
                close = text.find(MARK, start + 1, end)
                piece = _trim(text, start + 1, end if close == -1 else close)
                if piece:
                    pending.append(piece)
                if close == -1:
                    continue
                stretches.append(Stretch(tuple(pending), pending_first, index))
                pending = []
                start = close + 1
            else:
                stretches.append(Stretch(tuple(pending), pending_first, index - 1))
                pending = []
        pairs, unclosed = _pairs(text, start, end)
        for open_at, close in pairs:
            piece = _trim(text, open_at + 1, close)
            if piece:
                stretches.append(Stretch((piece,), index, index))
        if unclosed is not None:
            piece = _trim(text, unclosed + 1, end)
            if piece:
                pending, pending_first = [piece], index
    if pending:
        stretches.append(Stretch(tuple(pending), pending_first, len(paragraphs) - 1))
    return stretches
