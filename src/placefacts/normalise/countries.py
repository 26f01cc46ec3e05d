"""Countries and their first-level divisions, from pycountry's ISO 3166 data.

Answers two questions: is this name a sovereign state (and which), and does
this first-level division imply one country beyond doubt ("Alberta" -> Canada)?
Only names that point to a single country are used for inference.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from placefacts import regex_cache
from placefacts.normalise.text import fold

_DATA = resources.files(__package__).joinpath("data")
_DIRECTIONAL = regex_cache.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|mainland|"
    r"north[- ]?(?:east|west)(?:ern)?|south[- ]?(?:east|west)(?:ern)?)\s+)+",
    re.IGNORECASE,
)
# Type words that ISO's local-language division names carry ("Guangdong Sheng", "Qaraghandy oblysy").
_TYPE_SUFFIX = regex_cache.compile(
    r"\s+(?:sheng|shi|zizhiqu|oblysy|oblast'?|oblasti|kraj|krai|prefecture|province|provincia|state|region|"
    r"county|district|department|departamento|voivodeship|governorate|ken|to|fu|do|län|fylke|kommune)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str  # the common English name


def _load(name: str) -> dict[str, str]:
    data = json.loads(_DATA.joinpath(name).read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


TERRITORIES = _load("territories.json")
CONTINENTS = frozenset(fold(n) for n in json.loads(_DATA.joinpath("continents.json").read_text("utf-8"))["names"])


def continent(name: str) -> bool:
    """A continent or world region ("South America", "Antarctica"): neither a country nor a unit."""
    return fold(name) in CONTINENTS
CONSTITUENT = _load("constituent_countries.json")


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(fold(value), country.alpha_2)
    for alias, code in _load("country_aliases.json").items():
        index[fold(alias)] = code
    index.pop("us", None)  # "US" folds to "us": keep only where written in capitals, see country()
    return index


@lru_cache(maxsize=512)  # pycountry's lookup by code is slow, and every finder asks it of the same few codes
def common_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return {"XK": "Kosovo"}.get(code, code)
    return getattr(country, "common_name", None) or country.name.split(",")[0]


@lru_cache(maxsize=16384)  # the answer is an immutable value: every finder asks it of the same names
def country(name: str) -> Country | None:
    """The sovereign state (or ISO-listed territory) a name denotes, if any."""
    stripped = name.strip()
    if stripped in ("US", "U.S.", "U.S", "USA", "U.S.A."):
        return Country("US", "United States")
    code = _country_index().get(fold(stripped))
    if code is None:
        return None
    return Country(code, common_name(code))


def sovereign_of(code: str) -> str | None:
    """The sovereign state of a dependent territory code, else None."""
    return TERRITORIES.get(code)


def constituent(name: str) -> str | None:
    """"England" -> "GB": a country within a sovereign state."""
    return CONSTITUENT.get(name.strip())


@lru_cache(maxsize=1)
def _division_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        if division.parent_code is not None:
            continue
        for variant in _variants(division.name):
            index.setdefault(variant, set()).add(division.country_code)
    return index


def _variants(name: str) -> set[str]:
    out = {fold(name)}
    if "," in name:  # "Asturias, Principado de"
        head, _, tail = name.partition(",")
        out.add(fold(head))
        out.add(fold(f"{tail.strip()} {head}"))
    out.add(fold(_TYPE_SUFFIX.sub("", name)))
    out.add(fold(re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name)))
    return {v for v in out if v}


@lru_cache(maxsize=1)
def _all_division_names() -> frozenset[str]:
    return frozenset(v for division in pycountry.subdivisions for v in _variants(division.name))


def load() -> None:
    """Build every index now: they are built on first use otherwise, and the first article pays for them."""
    _country_index()
    _division_index()
    _all_division_names()


def known_unit(name: str) -> bool:
    """A country or a division of any level that ISO 3166-2 lists ("Tyne and Wear", "Perth and Kinross")."""
    bare = re.sub(r"^(?:Royal Borough|Borough|City|County|District|Metropolitan Borough) of ", "", name.strip())
    return country(name) is not None or fold(bare) in _all_division_names() or fold(name) in _all_division_names()


def division_codes(name: str) -> set[str]:
    """Countries that have a first-level division of this name (any number of them)."""
    return set(_division_index().get(fold(name), ()))


def division_country(name: str) -> str | None:
    """Country code implied by a first-level division name, where only one country has it."""
    candidates = [name, _DIRECTIONAL.sub("", name), _TYPE_SUFFIX.sub("", name)]
    candidates.append(_TYPE_SUFFIX.sub("", _DIRECTIONAL.sub("", name)))
    for candidate in candidates:
        codes = _division_index().get(fold(candidate))
        if codes is None:
            continue
        if len(codes) != 1 or country(candidate) is not None:
            return None  # "Punjab", "Georgia": more than one reading
        return next(iter(codes))
    return None


def division_countries(name: str) -> frozenset[str]:
    """Codes of every country that has a first-level division of this name ("Maryland": US and Liberia)."""
    codes = _division_index().get(fold(name))
    return frozenset(codes) if codes else frozenset()


def strip_directional(name: str) -> str:
    """"Southern Italy" -> "Italy"."""
    return _DIRECTIONAL.sub("", name).strip()
