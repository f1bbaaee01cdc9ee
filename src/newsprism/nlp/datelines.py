"""Datelines: the place, date and agency that open a wire story ("BRUSSELS, January 22
(Xinhua) --", "WASHINGTON (AP) _", "BATANGAS CITY, Philippines — "). They say where a report
was filed, not what happened, so summaries and titles leave them out."""

from __future__ import annotations

import re

# "WASHINGTON (AP) --", "BRUSSELS, January 22 (Xinhua) --", "LONDON --"
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:,?[ /][\w.'’-]+){0,6},?\s*)?"
    r"(?:\((?:[A-Za-z][\w .&-]{0,30})\)\s*)?(?:--|—|–|-|_)\s+"
)
# Wire copy marks a dateline with an underscore ("Washington _ The …"); prose never does.
_UNDERSCORE_DATELINE = re.compile(r"^[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3}\s+_\s+")
_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z .,'’/-]{1,40}(?:,\s*[\w. ]{1,25})?\s*(?:--|—|–|-|_)\s+")


def dateline_length(text: str) -> int:
    """How many leading characters of ``text`` are a dateline."""
    match = _CAPS_DATELINE.match(text) or _UNDERSCORE_DATELINE.match(text)
    if match:
        return match.end()
    match = _DATELINE.match(text)
    if match:
        head = match.group(0)
        # Mixed case: only with an agency in parentheses or a date, never a clause.
        agency = "(" in head and not re.search(r"\b[a-z]{4,}\b", re.sub(r"\(.*\)", "", head))
        if agency or re.search(r"^[A-Z][\w .,'’-]*\b[A-Z][a-z]{2}[a-z]*\.? \d{1,2}\b", head):
            return match.end()
    return 0
