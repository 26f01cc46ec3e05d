"""elevation and area of the subject, converted to m and km2.

Where the text gives a metric figure beside an imperial one ("2,172 ft or
662 m", "4.1 square miles (10.6 km2)"), the metric figure as written is used.
A height said of a summit or a harbour's depth is not the place's elevation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.keywords import key_words
from placefacts.normalise.numbers import NUMBER, parse_number, tidy
from placefacts.normalise.units import AREA_UNIT, LENGTH_UNIT, factor

_METRIC_LENGTH = {"m", "metre", "metres", "meter", "meters", "mtr"}
_METRIC_AREA = {"km2", "km²", "sq km", "sq. km", "sq. km.", "square kilometres", "square kilometers",
                "square kilometre", "square kilometer", "km^2"}

_HEIGHT = rf"(?P<num>{NUMBER})\s?(?P<unit>{LENGTH_UNIT})\b(?:\s?(?:\(|or\s)(?P<num2>{NUMBER})\s?(?P<unit2>{LENGTH_UNIT})\b\)?)?"
_ELEVATION = [
    regex_cache.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:elevation|altitude|height above sea level)\b(?:\sof)?(?:\s(?:about|around|approximately|some))?\s?:?\s?{_HEIGHT}",
        rf"{_HEIGHT}\s(?:above\s(?:mean\s)?sea\s?level|a\.?s\.?l\.?|AMSL)\b",
        rf"\b(?:lies|sits|stands|situated|located)\sat\s(?:an?\s)?(?:about\s|around\s)?{_HEIGHT}"
        r"(?!\s(?:from|of|away|north|south|east|west|to))",
    )
]
# Cheap gates before the patterns: the words any elevation or area statement has.
_ELEVATION_KEYS = key_words("elevation", "altitude", "above", "sea level", "asl", "lies at", "sits at", "stands at",
                   "situated at", "located at")
_AREA_KEYS = key_words("area", "cover", "occup", "span", "extend", "surface", "size")
_CHANGED = regex_cache.compile(r"\b(?:increased|expanded|enlarged|grew|reduced|shrank|decreased)\b[^.;]{0,60}\bfrom\b", re.IGNORECASE)
_SUMMIT = regex_cache.compile(r"\b(?:summit|peak|highest|lowest|mount|mountain|hill|tower|deep|depth|chimney|tall)\b", re.IGNORECASE)

_AREA_QTY = regex_cache.compile(
    rf"(?P<num>{NUMBER})\s?(?P<unit>{AREA_UNIT})(?![\w²])(?:\s?\((?P<num2>{NUMBER})\s?(?P<unit2>{AREA_UNIT})(?![\w²])\))?",
    re.IGNORECASE,
)
_AREA_CUE = regex_cache.compile(
    r"\b(?:area|covers|covering|covered|occupies|occupying|spans|spanning|extends over|surface|size)\b",
    re.IGNORECASE,
)
# "(0.3 km2) (0.90%) is water": a share may stand between the figure and the part.
_LAND = regex_cache.compile(r"^(?:[^.;]|\.\d){0,25}?\b(?:is|of)\s(?:it\s)?(?:is\s)?land\b|^\s?(?:of\s)?land\b", re.IGNORECASE)
_ALL_LAND = regex_cache.compile(r",?\s(?:and\s)?(?P<phrase>all\s(?:of\s)?(?:it\s)?(?:is\s)?land)\b", re.IGNORECASE)
_WATER = regex_cache.compile(
    r"^(?:[^.;]|\.\d){0,30}?\b(?:is|of)\s(?:it\s)?(?:is\s)?(?:covered by\s)?water\b|^\s?(?:of\s)?water\b", re.IGNORECASE
)
_SCOPE_BEFORE = (
    ("metro", regex_cache.compile(r"\bmetropolitan\b|\bmetro\b", re.IGNORECASE)),
    ("urban_area", regex_cache.compile(r"\burban\s(?:area|agglomeration)\b", re.IGNORECASE)),
)


def _metric_first(match: re.Match[str], metric: set[str], dimension: str) -> tuple[float, str] | None:
    """(value, unit) preferring the metric figure as written."""
    pairs = [("num2", "unit2"), ("num", "unit")]
    for num, unit in pairs:
        if match.group(num) and match.group(unit) and " ".join(match.group(unit).lower().split()) in metric:
            value = parse_number(match.group(num))
            if value is not None:
                return value, match.group(unit)
    value = parse_number(match.group("num"))
    if value is None:
        return None
    return value, match.group("unit")


@component("elevation", reads=("prose",), writes=("elevation",))
def find_elevation(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences_with(_ELEVATION_KEYS):
        if ctx.about(sentence) is False or _SUMMIT.search(sentence.text):
            continue
        matches = [m for pattern in _ELEVATION for m in pattern.finditer(text, sentence.start, sentence.end)]
        for match in matches:
            opened = text.rfind("(", sentence.start, match.start())
            if opened > text.rfind(")", sentence.start, match.start()):
                continue  # "(elevation 2,172 ft)" after another name belongs to that name
            found = _metric_first(match, _METRIC_LENGTH, "length")
            if not found:
                continue
            value, unit = found
            f = factor(unit, "length")
            if f is None:
                continue
            metres = value * f * 1000.0
            if not -500 < metres < 6000:
                continue
            yield Candidate("elevation", tidy(metres, 2), match.start(), match.end(), unit="m", confidence=0.85)


@component("area", reads=("prose",), writes=("area",))
def find_area(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences_with(_AREA_KEYS):
        if ctx.about(sentence) is False:
            continue
        if not _AREA_CUE.search(sentence.text):
            continue
        for match in _AREA_QTY.finditer(text, sentence.start, sentence.end):
            before = text[max(sentence.start, match.start() - 60) : match.start()]
            if not _AREA_CUE.search(before) and not re.search(r",\s(?:of which|with)\s|\band\s$", before):
                continue
            if re.search(r"\b(?:purchased|bought|sold|acquired|includes|comprising|farm|park|estate)\b[^.]{0,20}$", before, re.IGNORECASE):
                continue
            if _CHANGED.search(sentence.text):
                continue  # "increased the area of Berlin from 66 to 883 km2": a past change, not its area
            found = _metric_first(match, _METRIC_AREA, "area")
            if not found:
                continue
            value, unit = found
            f = factor(unit, "area")
            if f is None:
                continue
            qualifiers: dict[str, str] = {}
            after = text[match.end() : match.end() + 40]
            all_land = _ALL_LAND.match(after)
            if all_land:
                # "a total area of 0.9 square miles (2.2 km²), all of it land": the total, the land, and no water
                km2 = tidy(value * f, 4)
                yield Candidate("area", km2, match.start(), match.end(), unit="km2", confidence=0.85)
                yield Candidate("area", km2, match.start(), match.end() + all_land.end(), unit="km2",
                                qualifiers={"part": "land"}, confidence=0.8)
                phrase = match.end() + all_land.start("phrase")
                yield Candidate("area", 0, phrase, match.end() + all_land.end(), unit="km2", qualifiers={"part": "water"},
                                inferred=True, confidence=0.75)
                continue
            if _LAND.search(after) or re.search(r"\bland\s(?:area\s)?(?:of\s|is\s)?$", before, re.IGNORECASE):
                qualifiers["part"] = "land"
            elif _WATER.search(after) or re.search(r"\bwater\s(?:area\s)?(?:of\s|is\s)?$", before, re.IGNORECASE):
                qualifiers["part"] = "water"
            for scope, pattern in _SCOPE_BEFORE:
                if pattern.search(before):
                    qualifiers["scope"] = scope
            yield Candidate("area", tidy(value * f, 4), match.start(), match.end(), unit="km2", qualifiers=qualifiers,
                            confidence=0.85)
