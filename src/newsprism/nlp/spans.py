"""What spaCy spans are read for, computed without spaCy's per-token walks."""

from __future__ import annotations

from typing import Any


def sentences_of(span: Any) -> list[Any]:
    """The sentences ``span`` (a spaCy span) overlaps, in order: ``{t.sent for t in span}``.
    spaCy finds a token's sentence by walking to its boundaries, so asking it of every token
    costs the square of the sentence's length; here each sentence is found once."""
    if not len(span):
        return []
    sentence = span[0].sent
    found = [sentence]
    while sentence.end < span.end:
        sentence = span.doc[sentence.end].sent
        found.append(sentence)
    return found
