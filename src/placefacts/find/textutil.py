"""Small text tools shared by the finders: character classes, names, sentences, folding."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


def _char_class(predicate) -> str:  # noqa: ANN001 - a str -> bool test
    """A regex character class body of every BMP character satisfying `predicate`."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x20, min(sys.maxunicode, 0xFFFF)):
        if 0xD800 <= code <= 0xDFFF:
            continue
        if predicate(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


UPPER = _char_class(lambda c: c.isupper() or c.istitle())
LOWER = _char_class(str.islower)
LETTER = _char_class(str.isalpha)

# A capitalised word: "Karagandy", "Kara-Kengir", "U.S.", "St." (an abbreviation keeps its dot).
CAP_WORD = (
    rf"(?:[{UPPER}](?:\.[{UPPER}])+\.?|(?:St|Mt|Ft|Pt|Ste)\.|"
    rf"[{UPPER}][{LETTER}\u0300-\u036f'’·-]*[{LETTER}\u0300-\u036f]|[{UPPER}](?![\d{LETTER}]))"
)
# Lower-case words allowed inside a name: "Bay of Biscay", "Agusan del Norte", "Stoke-on-Trent".
CONNECTOR = r"(?:of|de|del|della|dei|di|da|do|dos|das|du|des|la|las|los|le|les|el|al|y|e|en|on|upon|am|an|im|bei|van|von|der|den|the|'s|’s)"
NAME = rf"{CAP_WORD}(?:[ \-–]{CAP_WORD}|[ \-]{CONNECTOR}[ \-](?:{CONNECTOR}[ \-])?{CAP_WORD})*"
NAME_RE = re.compile(NAME)

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st mt ft jr sr col gen gov capt lt sgt rev hon prof no nos vs etc e.g i.e approx est c ca
    u.s u.k u.s.a jan feb mar apr jun jul aug sep sept oct nov dec co corp inc ltd ave rd blvd km mi sq pop pt
    fig al op vol ed nr ste sta""".split()
)
_BOUNDARY = re.compile(
    r"(?:(?<=[.!?])[\"”’)\]]*[ ]+(?=[\"“(]?[0-9" + UPPER + r"])"
    r"|(?<=[" + LOWER + r"0-9)][.])(?=[" + UPPER + r"][" + LOWER + r"])"
    r"|\n+)"
)
_WORD_BEFORE = re.compile(r"(\S+)[.!?][\"”’)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # clean offsets
    end: int
    text: str
    block: int  # index into Prepared.blocks
    section: str


def split_sentences(text: str, start: int, end: int, block: int = 0, section: str = "") -> list[Sentence]:
    """Split text[start:end] into sentences, keeping abbreviations and initials intact."""
    out: list[Sentence] = []
    pos = start
    for match in _BOUNDARY.finditer(text, start, end):
        if "\n" not in match.group():
            before = _WORD_BEFORE.search(text, max(start, match.start() - 30), match.start() + 1)
            if before:
                word = before.group(1).lower().lstrip("(\"“")
                if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]?", word):
                    continue
        _add(out, text, pos, match.start(), block, section)
        pos = match.end()
    _add(out, text, pos, end, block, section)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, block: int, section: str) -> None:
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], block, section))


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (the spec's matching rule)."""
    value = unicodedata.normalize("NFKD", value.casefold())
    value = "".join(c for c in value if not unicodedata.combining(c))
    value = re.sub(r"[^\w\s]|_", " ", value)
    value = " ".join(value.split())
    if value.startswith("the "):
        value = value[4:]
    return value
