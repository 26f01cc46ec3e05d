"""Units as written -> the spec's canonical units (km, m, km2, MW, °C)."""

from __future__ import annotations

import json
from importlib import resources

from placefacts.normalise.patterns import word_alternation

_TABLE: dict[str, dict[str, float]] = {
    dim: units
    for dim, units in json.loads(resources.files(__package__).joinpath("data/units.json").read_text("utf-8")).items()
    if not dim.startswith("_")
}


def _alternation(dimension: str) -> str:
    return word_alternation(_TABLE[dimension], space=r"\s")


LENGTH_UNIT = _alternation("length")
AREA_UNIT = _alternation("area")
POWER_UNIT = _alternation("power")
TEMPERATURE_UNIT = r"°\s?[CF]|º\s?[CF]|degrees?\s(?:Celsius|Fahrenheit|C|F)\b"


def factor(unit: str, dimension: str) -> float | None:
    key = " ".join(unit.lower().split())
    return _TABLE[dimension].get(key)


def to_km(value: float, unit: str) -> float | None:
    f = factor(unit, "length")
    return None if f is None else value * f


def to_m(value: float, unit: str) -> float | None:
    f = factor(unit, "length")
    return None if f is None else value * f * 1000.0


def to_km2(value: float, unit: str) -> float | None:
    f = factor(unit, "area")
    return None if f is None else value * f


def to_mw(value: float, unit: str) -> float | None:
    f = factor(unit, "power")
    return None if f is None else value * f


def to_celsius(value: float, unit: str) -> float:
    if unit.strip().lower().endswith(("f", "fahrenheit")):
        return (value - 32.0) * 5.0 / 9.0
    return value
