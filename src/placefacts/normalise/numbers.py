"""Numbers as written ("90,000", "1.2 million", "2 100", "−16") -> int or float."""

from __future__ import annotations

import math
import re

from placefacts import regex_cache

_SCALE = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "billion": 1e9, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50,
}
_MINUS = "-\u2212\u2013"

# A written number: grouped thousands, decimals, an optional sign and scale word.
NUMBER = (
    r"(?<![\w.,])[" + _MINUS + r"]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d,])|\d+)"
    r"(?:\.\d+)?(?:\s?(?:thousand|million|billion|lakhs?|crore)\b)?(?!\d|st\b|nd\b|rd\b|th\b)"
)
NUMBER_RE = regex_cache.compile(NUMBER)
_SCALE_WORD = regex_cache.compile(r"\s?(thousand|million|millions|mn|billion|lakhs?|crore)$", re.IGNORECASE)
_GROUPING = regex_cache.compile(r"[,\u00a0\u202f\u2009 ]")  # thousands separators
_YEAR = regex_cache.compile(r"1[0-9]{3}|20[0-9]{2}")
# Small numbers written as words ("eight kilometres"); used where a unit follows.
WORD_NUMBER = r"(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b)"


def parse_number(text: str) -> float | None:
    """Parse one written number; None where it is not one."""
    text = text.strip()
    if not text:
        return None
    sign = 1.0
    if text[0] in _MINUS:
        sign, text = -1.0, text[1:]
    scale = 1.0
    match = _SCALE_WORD.search(text)
    if match:
        scale = _SCALE[match.group(1).lower()]
        text = text[: match.start()]
    word = _WORDS.get(text.lower())
    if word is not None:
        return sign * word * scale
    text = _GROUPING.sub("", text)
    if len(text) > 30:
        return None  # no quantity of a place needs more digits; "999...9" is noise
    try:
        value = float(text)
    except ValueError:
        return None
    value = sign * value * scale
    return value if math.isfinite(value) else None


def as_count(value: float) -> int:
    return int(round(value))


def tidy(value: float, digits: int = 6) -> int | float:
    """A JSON-friendly number: integral floats become ints, others are rounded."""
    rounded = round(value, digits)
    return int(rounded) if rounded == int(rounded) else rounded


def is_year(text: str) -> bool:
    """A bare four-digit year-like number (no thousands separator)."""
    return bool(_YEAR.fullmatch(text.strip()))
