"""Proper names in clean text and the words around them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from placefacts import regex_cache
from placefacts.find.textutil import NAME
from placefacts.normalise.countries import constituent, country, known_unit, strip_directional
from placefacts.regex_first import opening_chars

_NAME_RE = regex_cache.compile(rf"(?<![\w'’-])(?:(?:the|The)\s)?({NAME})")
_LEADING_WORDS = regex_cache.compile(r"^(?:The|A|An|In|On|At|Its|It|This|From|By|With|After|Before|During|Since|Today|However)\s")
_LEADING_OPENINGS = opening_chars(_LEADING_WORDS)  # a name opening otherwise has no leading word


class Mention(NamedTuple):  # a tuple: made for every name of every sentence, and a frozen dataclass builds slowly
    value: str  # the name, without a leading "the"
    start: int  # clean span of the name itself
    end: int
    outer_start: int  # including a leading "the"


# "Selwyn District of Canterbury": a named unit, then the unit containing it.
_NAMED_UNIT = regex_cache.compile(
    r"^(?!(?:Rural|Urban|Regional|Metropolitan|Local|Royal|Municipal|Special|Autonomous)\s)\S.*\s"
    r"(?:District|County|Province|Region|Department|Municipality|Shire|Borough)$"
)
_NUMBERED = regex_cache.compile(r"\.\s\d+")
_AND_JOIN = regex_cache.compile(rf"\s(?:and|&)\s({NAME})")


_COMMA_NAME = regex_cache.compile(rf",\s(?:in\s)?(?:the\s)?({NAME})")


def _unit_follows(text: str, pos: int, end: int) -> bool:
    """"Tyne and Wear, England": a chain goes on after the pair, so the pair is one unit."""
    nxt = _COMMA_NAME.match(text, pos, end)
    if not nxt:
        return False
    name = strip_directional(nxt.group(1))
    return known_unit(name) or constituent(name) is not None


def names(text: str, start: int, end: int) -> Iterator[Mention]:
    """Capitalised names in text[start:end]; a sentence-initial function word is not part of one.

    "X and Y" is one name where ISO 3166 knows it as one unit ("Tyne and Wear").
    """
    skip_to = -1
    for match in _NAME_RE.finditer(text, start, end):
        if match.start() < skip_to:
            continue
        after = match.end(1) + 1  # "and" or "&" must open there for _AND_JOIN to match: tested first, in C
        joined = _AND_JOIN.match(text, match.end(1), end) if text.startswith(("and", "&"), after) else None
        if joined and (known_unit(text[match.start(1) : joined.end(1)]) or _unit_follows(text, joined.end(1), end)):
            skip_to = joined.end(1)
            yield Mention(text[match.start(1) : joined.end(1)], match.start(1), joined.end(1), match.start())
            continue
        value = match.group(1)
        name_start = match.start(1)
        while _LEADING_OPENINGS is None or value[:1] in _LEADING_OPENINGS:
            lead = _LEADING_WORDS.match(value)
            if not lead or len(value) == lead.end():
                break
            value = value[lead.end() :]
            name_start += lead.end()
        value = value.rstrip(".")
        if not value:
            continue
        numbered = _NUMBERED.match(text, name_start + len(value), end) if value.endswith(" No") else None
        if numbered:
            value += numbered.group()  # "Rural Municipality of Buckland No. 491"
        yield from _split(value, name_start, match.start())


_POSSESSIVE_S = regex_cache.compile(r"['’]s\s")
_POSSESSIVE_ENDINGS = ("'s", "’s", "'s\n", "’s\n")  # what r"['’]s$" matches at the end


def _split(value: str, start: int, outer_start: int) -> Iterator[Mention]:
    """Split "France's Caribbean" and "South Island of New Zealand" where a country starts a new name."""
    possessive = _POSSESSIVE_S.search(value) if "s" in value else None
    if possessive and country(value[: possessive.start()]):
        yield Mention(value[: possessive.start()], start, start + possessive.start(), outer_start)  # "France"
        rest = possessive.end()
        yield from _split(value[rest:], start + rest, start + rest)
        return
    of = value.rfind(" of ")
    unit_then_of = of > 0 and _NAMED_UNIT.search(value[:of]) is not None
    if of > 0 and (country(value[of + 4 :]) or constituent(value[of + 4 :]) or unit_then_of) and not country(value):
        yield Mention(value[:of], start, start + of, outer_start)
        tail = start + of + 4
        yield Mention(value[of + 4 :], tail, start + len(value), tail)
        return
    if value.endswith(_POSSESSIVE_ENDINGS) and len(value) > 3:
        value = value[:-2]
    yield Mention(value, start, start + len(value), outer_start)


def window_before(text: str, pos: int, limit: int, floor: int = 0) -> str:
    return text[max(floor, pos - limit) : pos]
