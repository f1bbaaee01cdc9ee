"""Numbers as news writes them, turned into values: "1.43 million", "two", "a third", "dozens".

A value is a closed range ``(low, high)``: exact numbers have ``low == high``, vague
ones ("dozens", "hundreds", "more than 40") a range, so that two reports conflict only
when their ranges cannot both be true.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# "Two dozen" is 24, not 14: dozens and scores multiply like hundreds.
_SCALES = {
    "dozen": 12, "score": 20, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6,
    "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "k": 1e3,
}  # fmt: skip
_FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fourth": 0.25, "fifth": 0.2, "tenth": 0.1,
}  # fmt: skip
# Plural vagueness: "dozens" is at least two dozen and less than a hundred, and so on.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2e3, 9999),
    "millions": (2e6, 999e6), "billions": (2e9, 999e9), "several": (3, 9), "a few": (2, 5),
    "few": (2, 5), "a couple": (2, 2), "couple": (2, 2), "many": (5, float("inf")),
}  # fmt: skip
_APPROX = re.compile(r"\b(about|around|roughly|approximately|nearly|almost|some|up to|over|"
                     r"more than|at least|less than|fewer than|under)\b")  # fmt: skip
# "half a million", "a half-dozen": half of the scale that follows.
_HALF = re.compile(r"\b(?:a\s+)?half[- ](?:a\s+)?(?=(?:dozen|hundred|thousand|million|billion)\b)")
_ROUNDED_DOWN = 1.5
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.IGNORECASE)


def _words_value(tokens: list[str]) -> float | None:
    """Value of number words and digits with scales: "two hundred thousand", "1.43 million"."""
    total, current, seen = 0.0, 0.0, False
    for token in tokens:
        if _NUMBER.match(token):
            current += float(token.replace(",", ""))
        elif token in _UNITS:
            current += _UNITS[token]
        elif token in _SCALES:
            scale = _SCALES[token]
            current = (current or 1) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
        elif token == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> tuple[float, float] | None:
    """The range of values ``text`` denotes, or None if it is not a number.

    >>> parse_number("1.43 million")
    (1430000.0, 1430000.0)
    >>> parse_number("a third")
    (0.3333333333333333, 0.3333333333333333)
    """
    lowered = text.casefold().replace("%", " ").replace("$", " ").strip()
    qualifier = _APPROX.search(lowered)
    lowered = _APPROX.sub(" ", lowered)
    lowered = re.sub(r"\b(per ?cent|percent|of|the)\b", " ", lowered)
    lowered = _HALF.sub(" 0.5 ", lowered)
    lowered = " ".join(lowered.split())
    if lowered in _VAGUE:
        return _VAGUE[lowered]
    tokens = [t.lower() for t in _TOKEN.findall(lowered)]
    if not tokens:
        return None
    if tokens[-1] in _FRACTIONS:
        count = _words_value(tokens[:-1]) if tokens[:-1] else 1.0
        if count is None:
            return None
        value: float | None = count * _FRACTIONS[tokens[-1]]
    else:
        value = _words_value(tokens)
    if value is None:
        return None
    if qualifier is None:
        return value, value
    word = qualifier.group(1)
    if word in {"over", "more than", "at least"}:
        # A reporter rounds down to the last round figure: "more than 180,000" is not
        # 300,000 (that would be "nearly 300,000"), so the range stops at half as much again.
        return value, value * _ROUNDED_DOWN
    if word in {"less than", "fewer than", "under", "up to"}:
        return 0.0, value
    # "about 40" is fuzzy: newsrooms round to about one significant step.
    return value * 0.9, value * 1.1


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
_ORDINAL_DIGITS = re.compile(r"^(\d[\d,]*)(?:st|nd|rd|th)$", re.IGNORECASE)


def parse_ordinal(text: str) -> float | None:
    """The rank an ordinal names: "40th" and "fortieth" are 40, "twenty-first" 21."""
    words = text.casefold().replace("-", " ").split()
    if len(words) == 1 and (match := _ORDINAL_DIGITS.match(words[0])):
        return float(match.group(1).replace(",", ""))
    if not words or words[-1] not in _ORDINAL_WORDS:
        return None
    rank = _ORDINAL_WORDS[words[-1]]
    before = _words_value(words[:-1]) if words[:-1] else 0.0
    return None if before is None else before + rank


def is_scale(word: str) -> bool:
    """Whether ``word`` multiplies the number before it ("million", "dozen")."""
    return word.casefold() in _SCALES


def ranges_conflict(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when no single value lies in both ranges (allowing for rounding)."""
    # The tolerance scales with the finite bounds: an open one ("many") would make it infinite.
    finite = [abs(x) for x in (a[1], b[1]) if x != float("inf")]
    tolerance = 0.005 * max([*finite, 1.0])
    return a[1] + tolerance < b[0] or b[1] + tolerance < a[0]


def format_range(value: tuple[float, float]) -> str | float:
    """An exact value as a number; a range as text a reader can read ("1600000-2400000",
    not "1.6e+06-2.4e+06")."""
    low, high = value
    if low == high:
        return float(low)
    if high == float("inf"):
        return f"≥{_written(low)}"
    return f"{_written(low)}-{_written(high)}"


# The sign a qualifier gives the number its writer stated; any other qualifier ("about",
# "nearly", "some") makes it approximate.
_SIGNS = {"over": ">", "more than": ">", "at least": "≥", "less than": "<", "fewer than": "<",
          "under": "<", "up to": "≤"}  # fmt: skip


def stated_value(text: str, value: tuple[float, float]) -> str | float:
    """A number as its writer gave it: "at least 23" is "≥23" and "about 40" is "≈40", not
    the ranges they are compared as; a number with no qualifier is shown as ``format_range``
    shows its value."""
    qualifier = _APPROX.search(text.casefold())
    low, high = value
    if qualifier is None or low == high:
        return format_range(value)
    sign = _SIGNS.get(qualifier.group(1), "≈")
    stated = {">": low, "≥": low, "<": high, "≤": high}.get(sign, (low + high) / 2)
    return f"{sign}{_written(stated)}"


def _written(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else f"{x:.6g}"
