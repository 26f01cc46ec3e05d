"""Reading the value of one field or table cell: a number with its unit, coordinates, a list of names.

Field values are short and their grammar is the infobox's, not prose's:
"117 km2 (45 sq mi)", "4 561", "392,7" (a decimal comma), "29.3\\n(84.7)",
"60°2′16″N 5°16′6″E". Every reader returns the clean span it read so that
the fact's evidence is exactly that span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from placefacts import regex_cache
from placefacts.normalise import units

_NUM = r"[-−–]?\d+(?:[,.]\d+|[\u00a0\u202f\u2009 ]\d{3}(?!\d))*"
_NUMBER = regex_cache.compile(rf"(?<![\w.,]){_NUM}")
_QUANTITY = regex_cache.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s*(?P<unit>{units.AREA_UNIT}|{units.LENGTH_UNIT}|{units.TEMPERATURE_UNIT})?(?![\w²])", re.IGNORECASE)
_WORD_AFTER = regex_cache.compile(r"\s*[^\W\d_]")
_YEAR = regex_cache.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d,])")
_DMS = (
    r"(?P<{p}d>\d{{1,3}}(?:\.\d+)?)\s*°\s*(?:(?P<{p}m>\d{{1,2}}(?:\.\d+)?)\s*[′'’]\s*)?"
    r"(?:(?P<{p}s>\d{{1,2}}(?:\.\d+)?)\s*[″\"”]\s*)?(?P<{p}h>[{h}])"
)
_COORDS = regex_cache.compile(_DMS.format(p="a", h="NS") + r"[\s,;/]*" + _DMS.format(p="o", h="EW"))
_DECIMAL_COORDS = regex_cache.compile(r"(?<![\d.])(?P<lat>[-−]?\d{1,2}\.\d+)\s*[,;]\s*(?P<lon>[-−]?\d{1,3}\.\d+)(?![\d.])")


@dataclass(frozen=True, slots=True)
class Read:
    value: float | int | str | dict[str, float]
    start: int  # clean span in the field's text
    end: int
    unit: str | None = None


def parse_field_number(text: str) -> float | None:
    """A number as infoboxes write it: "4,417", "4 561", "392,7" (decimal comma), "−16", "114,0"."""
    text = text.strip().replace("−", "-").replace("–", "-")
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("-")
    groups = re.split(r"[\u00a0\u202f\u2009 ]", text)
    if len(groups) > 1 and all(len(g) == 3 and g.isdigit() for g in groups[1:]):
        text = "".join(groups)
    elif len(groups) > 1:
        return None
    if "," in text and "." in text:
        text = text.replace(",", "") if text.index(",") < text.index(".") else text.replace(".", "").replace(",", ".")
    elif "," in text:
        parts = text.split(",")
        # "4,417" groups thousands; "392,7" and "114,0" are decimal commas.
        text = "".join(parts) if all(len(p) == 3 for p in parts[1:]) else ".".join(parts) if len(parts) == 2 else ""
    try:
        return sign * float(text)
    except ValueError:
        return None


def first_number(text: str, start: int = 0) -> Read | None:
    for match in _NUMBER.finditer(text, start):
        value = parse_field_number(match.group())
        if value is not None:
            return Read(value, match.start(), match.end())
    return None


def quantity(text: str, default_unit: str) -> Read | None:
    """The first number of a value, with the unit written after it (else `default_unit`)."""
    for match in _QUANTITY.finditer(text):
        value = parse_field_number(match.group("num"))
        if value is None:
            continue
        if match.group("unit") is None and _WORD_AFTER.match(text, match.end()):
            continue  # a unit this reader does not know ("63,666 dunams"): look for a known one
        return Read(value, match.start(), match.end(), match.group("unit") or default_unit)
    return None


def year(text: str) -> Read | None:
    match = _YEAR.search(text)
    return Read(match.group(1), match.start(1), match.end(1)) if match else None


def coordinates(text: str) -> Read | None:
    """Degrees-minutes-seconds with hemispheres, or a decimal "lat, lon" pair."""
    match = _COORDS.search(text)
    if match:
        lat = _degrees(match.group("ad"), match.group("am"), match.group("as"), match.group("ah") == "S")
        lon = _degrees(match.group("od"), match.group("om"), match.group("os"), match.group("oh") == "W")
        if abs(lat) <= 90 and abs(lon) <= 180:
            return Read({"lat": lat, "lon": lon}, match.start(), match.end())
    match = _DECIMAL_COORDS.search(text)
    if match:
        lat = float(match.group("lat").replace("−", "-"))
        lon = float(match.group("lon").replace("−", "-"))
        if abs(lat) <= 90 and abs(lon) <= 180:
            return Read({"lat": round(lat, 6), "lon": round(lon, 6)}, match.start(), match.end())
    return None


def degrees_from_parts(d: str, m: str, s: str, hemisphere: str) -> float | None:
    """Coordinates split over parameters (latd, latm, lats, latNS)."""
    try:
        value = abs(float(d.replace("−", "-"))) + float(m or 0) / 60 + float(s or 0) / 3600
    except ValueError:
        return None
    negative = hemisphere.strip().upper() in ("S", "W") or d.strip().startswith(("-", "−"))
    return round(-value if negative else value, 6)


def _degrees(d: str, m: str | None, s: str | None, negative: bool) -> float:
    value = float(d) + float(m or 0) / 60 + float(s or 0) / 3600
    return round(-value if negative else value, 6)
