"""distance_to: "300 km (186 mi) northwest of Buenos Aires", "lies 400 kilometres to the south west".

The distance is kept in km; where the text gives a metric figure beside an
imperial one ("9 miles (14 km)"), the metric figure as written is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import FUNCTION_WORD, strip_intro
from placefacts.find.keywords import key_words
from placefacts.find.textutil import NAME
from placefacts.normalise.numbers import NUMBER, WORD_NUMBER, parse_number, tidy
from placefacts.normalise.units import LENGTH_UNIT, factor, to_km

_POINT = r"(?i:north|south|east|west)"
DIRECTION = (
    rf"(?:{_POINT}(?:[\s/-]?(?i:north|south)?(?i:east|west))?(?:[/-]{_POINT}(?:[\s-]?(?i:east|west))?)?(?i:ern)?|[NS]\.?\s?[EW]\.|[NSEW]{{1,3}}(?![\w]))"
)
_UNIT = rf"(?i:{LENGTH_UNIT})"
_QTY = rf"(?P<num>{NUMBER}|{WORD_NUMBER})\s?(?P<unit>{_UNIT})\b\.?"
_CONV = rf"(?:\s?\((?:about\s|approx\.\s)?(?P<num2>{NUMBER})\s?(?P<unit2>{_UNIT})\b\.?\))?"
_DIST = regex_cache.compile(
    rf"(?:(?i:about|approximately|around|some|nearly|roughly|almost|just over|just under|c\.)\s)?{_QTY}{_CONV}"
    rf"(?:\s(?:to\sthe\s|due\s)?(?P<dir>{DIRECTION}))?"
    rf"(?:\s(?:of|from)\s(?:the\s)?(?:(?:state|national|provincial|regional|district|central|downtown|greater)\s)?"
    rf"(?:(?:capital(?:\scity)?|city|town|village|township|port)(?:,\s|\sof\s|\s))?(?P<target>{NAME}(?:\s\d+)?|city\scentre|city\scenter|town\scentre|town\scenter))?"
    rf"(?:\s(?:to\sthe\s)(?P<dir2>{DIRECTION}))?",
)
# "The Baikonur Cosmodrome lies ...": the named thing before the verb.
_OTHER_PLACE = regex_cache.compile(rf"^(?:The\s|the\s)?({NAME}(?:\s[a-z][\w-]*){{0,3}}?)\s(?:lies|lie|is|are|located|situated|sits|stands)\b")
# "Baytown, 13 miles (21 km) to the southwest,", "The village of Old Windsor, just over 2 miles (3 km) to the south,"
_APPOSED = regex_cache.compile(
    rf"(?:^|[^\w,]\s|\bthat\s|\b(?:village|town|city|hamlet|community|settlement)\sof\s)(?P<name>{NAME}),\s"
    r"(?:(?:just\s)?(?:over|under)\s|about\s|some\s|approximately\s|roughly\s|nearly\s)?$"
)
_NOT_A_PLACE_TAIL = regex_cache.compile(r"\s(?:had|has|have|been|was|were|it|they|for)\b")


def _names_a_place(topic: str) -> bool:
    """Whether a sentence's topic is a name: not "The closest city", "By this route it", "... Post Office had been"."""
    return not FUNCTION_WORD.match(topic) and not _NOT_A_PLACE_TAIL.search(topic)
# A cheap gate: every distance names its unit.
_UNIT_KEYS = key_words("km", "kilomet", "mi", "metre", "meter", "league", " m ", " m)", "nm")
_LIES = regex_cache.compile(r"\b(?:lies|lie|is|are|located|situated|sits|stands)\s(?:about\s|some\s|approximately\s)?$", re.IGNORECASE)
_LIES_REACH = 30  # longer than any _LIES match ("situated approximately " and a final newline)
# The opening of a sentence where _OTHER_PLACE looks for the topic: an introduction, a name and a few words. Bounded,
# so that a sentence of thousands of distances is not copied and searched again for each one.
_HEAD_REACH = 400


def _lies_before(text: str, start: int, at: int) -> bool:
    """`_LIES.search(text[start:at])`, from the last characters only (the pattern ends at the window's end)."""
    if at - start <= _LIES_REACH:
        return _LIES.search(text[start:at]) is not None
    return _LIES.search(text, at - _LIES_REACH, at) is not None


def _sentence_head(text: str, start: int, at: int) -> str:
    return text[start : min(at, start + _HEAD_REACH)]


def _km(match: re.Match[str]) -> float | None:
    """The distance in km, preferring a metric figure as written."""
    for num, unit in (("num2", "unit2"), ("num", "unit")):
        if match.group(num) and match.group(unit):
            f = factor(match.group(unit), "length")
            if f is not None and match.group(unit).lower() in ("km", "kilometres", "kilometers", "kilometre", "kilometer", "kms", "m", "metres", "meters", "metre", "meter"):
                value = parse_number(match.group(num))
                return None if value is None else value * f
    value = parse_number(match.group("num"))
    return None if value is None else to_km(value, match.group("unit"))


# Where a quantity can start, in the lower-cased text: a digit or a number word (letter-first, so the engine
# skips to the next one). A number opens after no letter, digit, stop or comma (NUMBER's look-behind), so the
# other digits of "1,234" are no place to try; lower-casing leaves those characters what they were.
_QUANTITY_START = regex_cache.compile(r"(?<![\w.,])\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty")
_APPROXIMATE = ("about", "approximately", "around", "some", "nearly", "roughly", "almost", "just over", "just under", "c.")
_MINUS_SIGNS = "-\u2212\u2013"


def _starts(low: str, at: int) -> Iterator[int]:
    """Where a match with its number at `at` can start: there, at a minus sign before it, or at a word of
    approximation (and its blank) before either."""
    signed = at > 0 and low[at - 1] in _MINUS_SIGNS
    for number_at in (at, at - 1) if signed else (at,):
        yield number_at
        for word in _APPROXIMATE:
            begin = number_at - len(word) - 1
            if begin >= 0 and low.startswith(word, begin):
                yield begin


def _distances(text: str, low: str | None, start: int, end: int) -> Iterator[re.Match[str]]:
    """`_DIST.finditer(text, start, end)`, the pattern tried only at the few places a match can start from a
    number on: left to right, each match going on from where the last one ended."""
    if low is None:
        yield from _DIST.finditer(text, start, end)
        return
    numbers = [cue.start() for cue in _QUANTITY_START.finditer(low, start, end)]
    places = sorted({place for at in numbers for place in _starts(low, at) if place >= start})
    floor = start
    for place in places:
        if place < floor:
            continue
        match = _DIST.match(text, place, end)
        if match:
            yield match
            floor = match.end()


@component("distances", reads=("prose",), writes=("distance_to",))
def find_distances(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    low = ctx.lowered_text()
    for sentence in ctx.sentences_with(_UNIT_KEYS):
        about = ctx.about(sentence)
        for match in _distances(text, low, sentence.start, sentence.end):
            if not match.group("num"):
                continue
            km = _km(match)
            direction = match.group("dir") or match.group("dir2")
            target = match.group("target")
            if target:
                target = re.sub(r"['’]s$", "", target)  # "Melbourne's central business district"
            if km is None or km <= 0:
                continue
            if target and target[0].islower() and "centre" not in target and "center" not in target:
                continue
            if target is None:
                # "Baytown, 13 miles (21 km) to the southwest, intended to ...": a name and its distance in apposition
                apposed = _APPOSED.search(text, max(sentence.start, match.start() - 80), match.start()) if direction else None
                if apposed and not ctx.is_subject(apposed.group("name")) and text.startswith(",", match.end()):
                    qualifiers = {"distance_km": tidy(km, 3), "direction": direction}
                    yield Candidate("distance_to", apposed.group("name"), apposed.start("name"), match.end(),
                                    qualifiers=qualifiers, confidence=0.75)
                    continue
                # "The Baikonur Cosmodrome lies 400 kilometres to the south west": the other place is the topic.
                if about is not False or not direction or not _lies_before(text, sentence.start, match.start()):
                    continue
                before = _sentence_head(text, sentence.start, match.start())
                other = _OTHER_PLACE.match(strip_intro(before))
                if not other or not _names_a_place(other.group(1)):
                    continue
                target = other.group(1)
                start = sentence.start + before.find(target)
            else:
                if not (direction or re.search(r"\bfrom\b", match.group(), re.IGNORECASE)):
                    continue
                if ctx.is_subject(target) or ctx.is_subject(re.sub(r"\s(?:town|city)\s(?:centre|center)$", "", target)):
                    # "Downtown Savannah is 13 miles north of the Montgomery town center": the topic is the other place.
                    other = _OTHER_PLACE.match(strip_intro(_sentence_head(text, sentence.start, match.start())))
                    if not other or ctx.is_subject(other.group(1)) or not _names_a_place(other.group(1)):
                        continue
                    target = other.group(1)
                elif about is False:
                    continue
                start = match.start("num")
            qualifiers: dict[str, object] = {"distance_km": tidy(km, 3)}
            if direction:
                qualifiers["direction"] = direction
            yield Candidate("distance_to", target, start, match.end(), qualifiers=qualifiers, confidence=0.8)
