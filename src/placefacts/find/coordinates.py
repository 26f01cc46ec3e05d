"""coordinates: degree-minute-second, decimal with hemispheres, and signed decimal pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import about_subject
from placefacts.find.textutil import NAME

_DEGREE_SIGNS = ("°", "º", "˚")
_DEG = f"[{''.join(_DEGREE_SIGNS)}]"  # every degree form needs one of them
_MIN = r"(?:['′’]|&prime;)"
_SEC = r"(?:[\"″”]|''|′′|’’)"
_PART = rf"(?P<{{n}}d>\d{{1,3}}(?:\.\d+)?)\s?{_DEG}\s?(?:(?P<{{n}}m>\d{{1,2}}(?:\.\d+)?)\s?{_MIN}\s?(?:(?P<{{n}}s>\d{{1,2}}(?:\.\d+)?)\s?{_SEC}\s?)?)?(?P<{{n}}h>[NSEW])"
_DMS = regex_cache.compile(
    r"(?<![\w.])" + _PART.replace("{n}", "a") + r"[\s,;/]{0,3}" + _PART.replace("{n}", "b") + r"(?!\w)"
)
_DECIMAL_PAIR = regex_cache.compile(
    r"(?<![\w.-])(?P<lat>[-−]?\d{1,2}\.\d{2,})\s?°?\s?[,;]?\s(?P<lon>[-−]?\d{1,3}\.\d{2,})(?![\w.])"
)
_DECIMALS = regex_cache.compile(r"\d\.\d\d")
_PAIR_CUE = regex_cache.compile(r"(?:coordinates?|located at|lat(?:itude)?|position|geographic|\(|/)[^.]{0,60}$", re.IGNORECASE)


def _dms(match: re.Match[str], n: str) -> tuple[float, str]:
    value = float(match.group(f"{n}d"))
    if match.group(f"{n}m"):
        value += float(match.group(f"{n}m")) / 60
    if match.group(f"{n}s"):
        value += float(match.group(f"{n}s")) / 3600
    hemisphere = match.group(f"{n}h")
    return (-value if hemisphere in "SW" else value), hemisphere


_NAME_THEN_PAREN = regex_cache.compile(rf"({NAME})\s\([^()]*$")


def _of_other_name(ctx: Context, text: str, floor: int, pos: int) -> bool:
    """Coordinates in brackets after another place's name ("Whitcomb Summit (42.7°N ...)") are that place's."""
    found = _NAME_THEN_PAREN.search(text, max(floor, pos - 120), pos)
    return bool(found) and not ctx.is_subject(found.group(1)) and about_subject(found.group(1), ctx.aliases) is False


def _valid(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180


@component("coordinates", reads=("prose",), writes=("coordinates",))
def find_coordinates(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    # Both forms need a digit: degree signs for the one, two decimal places for the other.
    has_dms = any(sign in text for sign in _DEGREE_SIGNS)
    has_decimal = _DECIMALS.search(text) is not None
    if not has_dms and not has_decimal:
        return
    for sentence in ctx.sentences:
        # The same tests per sentence: both patterns open with a look-behind, so the engine would try them at every
        # character of every sentence of a text with one temperature or one decimal in it.
        dms_here = has_dms and any(sign in sentence.text for sign in _DEGREE_SIGNS)
        decimal_here = has_decimal and _DECIMALS.search(sentence.text) is not None
        for match in _DMS.finditer(text, sentence.start, sentence.end) if dms_here else ():
            if _of_other_name(ctx, text, sentence.start, match.start()):
                continue
            (a, ha), (b, hb) = _dms(match, "a"), _dms(match, "b")
            if ha in "NS" and hb in "EW":
                lat, lon = a, b
            elif ha in "EW" and hb in "NS":
                lat, lon = b, a
            else:
                continue
            if _valid(lat, lon):
                yield Candidate("coordinates", {"lat": round(lat, 6), "lon": round(lon, 6)}, match.start(), match.end(), confidence=0.9)
        for match in _DECIMAL_PAIR.finditer(text, sentence.start, sentence.end) if decimal_here else ():
            if _of_other_name(ctx, text, sentence.start, match.start()):
                continue
            if not _PAIR_CUE.search(text, max(sentence.start, match.start() - 40), match.start()):
                continue
            lat = float(match.group("lat").replace("−", "-"))
            lon = float(match.group("lon").replace("−", "-"))
            if _valid(lat, lon):
                yield Candidate("coordinates", {"lat": lat, "lon": lon}, match.start(), match.end(), confidence=0.8)
