"""Dates as written -> ISO 8601 prefixes ("1938", "1938-05", "1938-05-04", BCE "-0300")."""

from __future__ import annotations

import re

from placefacts import regex_cache

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|[1-9][0-9]{0,2}(?=\s?(?:AD|CE|BC|BCE)\b))(?:\s?(?:AD|CE|BC|BCE)\b)?"
# The most specific date forms first.
DATE = (
    rf"(?:{MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s{YEAR}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{MONTH},?\s{YEAR}"
    rf"|{MONTH},?\s{YEAR}"
    rf"|(?:AD\s)?{YEAR})"
)
DATE_RE = regex_cache.compile(r"(?<![\w-])" + DATE + r"(?![\w-])")


def parse_date(text: str) -> str | None:
    """ISO prefix of a written date, at the precision written; None if not a date."""
    text = text.strip().rstrip(".,")
    year_match = re.search(r"(\d{1,4})\s?(AD|CE|BC|BCE)?\s*$", text)
    if not year_match:
        return None
    year = int(year_match.group(1))
    era = (year_match.group(2) or "").upper()
    head = text[: year_match.start()]
    if re.match(r"^AD\s", head):
        head = head[3:]
    if era in ("BC", "BCE"):
        return f"-{year:04d}"
    month = day = None
    for token in re.findall(r"[A-Za-z]+|\d+", head):
        low = token.lower()
        if low in MONTHS:
            month = MONTHS[low]
        elif token.isdigit() and 1 <= int(token) <= 31:
            day = int(token)
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out
