"""Who each outlet credits a quotation to, for the quote matrix.

A quote row names one speaker, but outlets do not always agree on it: one credits the words
to the governor, another to a spokesman. A cell that said only "verbatim" would read as
"this outlet has the same words from the same person", so a cell whose outlet credits
someone else, or nobody, says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsprism.model import Comparison, Quote, QuoteOccurrence

UNATTRIBUTED = "no speaker named"


def _overlap(a: QuoteOccurrence, start: int, end: int) -> bool:
    return a.start < end and start < a.end


class Speakers:
    """The canonical speaker of each quote occurrence of one comparison."""

    def __init__(self, comparison: Comparison, outlet: Mapping[str, str]) -> None:
        self._outlet = outlet
        # What each outlet calls each entity, to read a surname as the person it names.
        self._names: dict[tuple[str, str], str] = {}
        for entity in comparison.entities:
            for source, names in entity.aliases.items():
                for name in names:
                    self._names.setdefault((source, name.casefold()), entity.name)
        self._attributions = [
            claim
            for d in comparison.discrepancies
            if d.kind == "attribution"
            for claim in d.claims
            if isinstance(claim.value, str)
        ]

    def of(self, occurrence: QuoteOccurrence) -> str | None:
        """The speaker this occurrence's outlet gives, by its canonical name when known."""
        # The discrepancy detector has already named the speaker of a disputed credit.
        for claim in self._attributions:
            if claim.article == occurrence.article and _overlap(occurrence, claim.start, claim.end):
                return str(claim.value)
        if not occurrence.speaker_text:
            return None
        named = occurrence.speaker_text.strip()
        source = self._outlet.get(occurrence.article, "")
        return self._names.get((source, named.casefold())) or named

    def differs(self, quote: Quote, occurrence: QuoteOccurrence) -> str | None:
        """The speaker to show in the cell: this outlet's, when it is not the row's."""
        if quote.speaker is None:
            return None
        speaker = self.of(occurrence)
        if speaker is None:
            return UNATTRIBUTED
        if _same_person(speaker, quote.speaker):
            return None
        return speaker


def _same_person(a: str, b: str) -> bool:
    """'Santos' and 'Rodel Santos', 'Marcos' and 'Ferdinand Marcos Jr.' name one person:
    the shorter name's words stand together in the longer one."""
    x, y = a.casefold().replace(".", "").split(), b.casefold().replace(".", "").split()
    short, long = sorted((x, y), key=len)
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def cell_label(match: str, speaker: str | None) -> str:
    """ "verbatim", or "verbatim, credited to Rodel Santos" when the outlet's speaker
    differs from the row's."""
    if speaker is None:
        return match
    return f"{match}, {speaker}" if speaker == UNATTRIBUTED else f"{match}, credited to {speaker}"
