"""Small text tools shared by the finders: character classes, names, sentences, folding."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from placefacts import regex_cache

# Compact classes: enumerating every cased code point made each pattern that embeds a name take
# tens of milliseconds to compile. Latin-1 is exact; the extended Latin, Greek and Cyrillic blocks are
# taken whole (a word rarely starts with a lower-case letter from them), scripts without case never
# start a capitalised word.
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0370-\u03ff\u0400-\u052f\u0531-\u0556\u1e00-\u1fff"
LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u0370-\u03ff\u0400-\u052f\u0561-\u0587\u1e00-\u1fff"
# A run of letters and combining accents, taken whole. The engine loops over a run of one class in C; a group of
# the two classes repeated went through the group's machinery at every character of every name.
_LETTER_RUN = r"(?>(?:[^\W\d_]+|[\u0300-\u036f]+)+)"

# Atomic, and names repeat possessively: a name never gives back words, so long runs of capitalised
# words or abbreviations cannot make a pattern backtrack exponentially.
CAP_WORD = (
    rf"(?>[{UPPER}](?:\.[{UPPER}])+\.?|(?:St|Mt|Ft|Pt|Ste)\.|"
    rf"[{UPPER}](?:{_LETTER_RUN}(?:['’·-]{_LETTER_RUN})*|(?:['’·-]{_LETTER_RUN})+)|[{UPPER}]\.(?=\s[{UPPER}][{LOWER}])|"
    rf"[{UPPER}](?![^\W_]))"
)
# Lower-case words allowed inside a name: "Bay of Biscay", "Agusan del Norte", "Stoke-on-Trent", "Møre og Romsdal".
CONNECTOR = r"(?:of|de|del|della|dei|di|da|do|dos|das|du|des|la|las|los|le|les|el|al|y|e|og|en|upon|am|an|im|bei|van|von|der|den|the|ibn|bin|bint|'s|’s)"
# At most nine words: no place is named longer, and a bound keeps every pattern that embeds a name
# linear on long runs of capitalised words.
NAME = rf"{CAP_WORD}(?:[ \-–]{CAP_WORD}|[ \-]{CONNECTOR}[ \-](?:{CONNECTOR}[ \-])?{CAP_WORD}){{0,8}}+"
NAME_RE = regex_cache.compile(NAME)

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st mt ft jr sr col gen gov capt lt sgt rev hon prof no nos vs etc e.g i.e approx est c ca
    u.s u.k u.s.a jan feb mar apr jun jul aug sep sept oct nov dec co corp inc ltd ave rd blvd km mi sq pop pt
    fig al op vol ed nr ste sta""".split()
)
_BOUNDARY = regex_cache.compile(
    r"(?:(?<=[.!?])[\"”’)\]]*[ ]+(?=[\"“(]?[0-9" + UPPER + r"])"
    r"|(?<=[" + LOWER + r"0-9)\]\"”’][.])(?=[" + UPPER + r"][" + LOWER + r"])"  # "end.Next", "as \"Charlotteans\".Charlotte"
    r"|\n+)"
)
_BOUNDARY_CUE = regex_cache.compile(r"[.!?\n]")  # a boundary starts at a newline or just after a stop


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`_BOUNDARY.finditer(text, start, end)`, the full pattern tried only from the next stop or newline on
    (it opens with look-behinds, so on its own the engine tries it at every character)."""
    pos = start
    while pos <= end:
        cue = _BOUNDARY_CUE.search(text, max(0, pos - 1), end)
        if cue is None:
            return
        match = _BOUNDARY.search(text, max(pos, cue.start()), end)
        if match is None:
            return
        yield match
        # After an empty match ("end.Next") no other branch can match at the same place: go on one further.
        pos = match.end() if match.end() > match.start() else match.end() + 1


def word_before_stop(text: str, floor: int, stop: int) -> str | None:
    """The run of non-blanks that ends where the stop `text[stop]` stands, from `floor` at the earliest.

    What `(\\S+)[.!?][\"”’)\\]]*\\s*$` captures in text[floor:stop + 2] after a stop that a closing mark or a blank
    follows, without an end-anchored search (which tries every start in the window, each to its end).
    """
    segment = text[floor:stop]
    if not segment or segment[-1].isspace():
        return None
    return segment.split()[-1]


_DASH_OR_SLASH = regex_cache.compile(r"[–—/-]")
_INITIALS = regex_cache.compile(r"[a-z]|(?:[a-z]\.)+[a-z]?")  # "j", "u.s", "e.g": a stop after them ends no sentence


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
    for match in _boundaries(text, start, end):
        # A boundary after a stop ("end. Next", "end.Next"), not a line break: an abbreviation's stop ends nothing.
        if "\n" not in match.group():
            before = word_before_stop(text, max(start, match.start() - 30), match.start() - 1)
            if before:
                # "Lambert–St. Louis": the abbreviation is the part after a dash or slash.
                word = _DASH_OR_SLASH.split(before.lower().lstrip("(\"“"))[-1]
                if word in _ABBREVIATIONS or _INITIALS.fullmatch(word):
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
