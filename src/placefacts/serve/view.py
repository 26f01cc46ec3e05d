"""A place as a page shows it: facts grouped by theme, values formatted, charts drawn."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from placefacts.serve.charts import MONTHS, Series, line_chart, month_axis, value_axis, year_axis

# Theme of each property, in page order; anything else goes under "Other".
THEMES: list[tuple[str, tuple[str, ...]]] = [
    ("Names & classification", ("name", "instance_of")),
    ("Location", ("country", "located_in", "coordinates", "near_water", "terrain", "elevation", "area",
                  "distance_to")),
    ("People", ("population", "ethnic_group", "religion", "language")),
    ("Climate", ("climate", "mean_temperature", "record_temperature")),
    ("History", ("inception",)),
    ("Economy", ("product", "industry", "employer")),
    ("Facilities & transport", ("facility", "airport", "rail_link", "road_link")),
    ("Notable people", ("notable_person",)),
    ("Twin towns", ("twin_town",)),
]
_THEME_OF = {prop: theme for theme, props in THEMES for prop in props}
LABELS = {"instance_of": "kind of place", "located_in": "located in", "near_water": "on water",
          "mean_temperature": "mean temperature", "record_temperature": "record temperature",
          "distance_to": "distance to", "rail_link": "rail link", "road_link": "road link",
          "notable_person": "notable person", "twin_town": "twin town", "ethnic_group": "ethnic group"}


def format_value(fact: dict[str, Any]) -> str:
    value, unit = fact["value"], fact.get("unit")
    if isinstance(value, dict) and "lat" in value:
        lat, lon = float(value["lat"]), float(value["lon"])
        return f"{abs(lat):.4g}° {'N' if lat >= 0 else 'S'}, {abs(lon):.4g}° {'E' if lon >= 0 else 'W'}"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = str(value)
    text = text.replace("-", "\u2212") if isinstance(value, int | float) else text
    return f"{text} {unit}" if unit else text


def format_qualifiers(qualifiers: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for name, value in qualifiers.items():
        if name == "month" and isinstance(value, int) and 1 <= value <= 12:
            value = MONTHS[value - 1]
        elif name == "proportion" and isinstance(value, int | float) and 0 <= value <= 1:
            value = f"{value * 100:.4g} %"
        out.append((name.replace("_", " "), str(value)))
    return out


def grouped(facts: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Facts by theme, themes in page order, facts in record order within a theme."""
    order = [theme for theme, _ in THEMES] + ["Other"]
    groups: dict[str, list[dict[str, Any]]] = {theme: [] for theme in order}
    for fact in facts:
        groups[_THEME_OF.get(fact["property"], "Other")].append(fact)
    return [(theme, groups[theme]) for theme in order if groups[theme]]


def _year(value: Any) -> float | None:
    match = re.match(r"^\s*(-?\d{1,4})", str(value)) if value is not None else None
    return float(match.group(1)) if match else None


def population_chart(facts: list[dict[str, Any]]) -> Markup | None:
    """Population by year, one line per scope; drawn when two or more dated figures exist."""
    by_scope: dict[str, dict[float, float]] = {}
    for fact in facts:
        if fact["property"] != "population" or not isinstance(fact["value"], int | float):
            continue
        year = _year(fact["qualifiers"].get("point_in_time"))
        if year is None:
            continue
        scope = str(fact["qualifiers"].get("scope") or "city")
        by_scope.setdefault(scope, {}).setdefault(year, float(fact["value"]))
    if sum(len(points) for points in by_scope.values()) < 2:
        return None
    series = [Series(scope.replace("_", " "), sorted(points.items())) for scope, points in sorted(by_scope.items())]
    years = [x for s in series for x, _ in s.points]
    values = [y for s in series for _, y in s.points]
    return line_chart(series, year_axis(years), value_axis(values, include_zero=True), "Population over time",
                      "inhabitants", point_label="{series}, {x}: {y}")


def climate_chart(facts: list[dict[str, Any]]) -> Markup | None:
    """Monthly mean temperature, with record highs and lows where the text gives them."""
    lines: dict[str, dict[float, float]] = {"Mean": {}, "Record high": {}, "Record low": {}}
    for fact in facts:
        month = fact["qualifiers"].get("month")
        if not isinstance(fact["value"], int | float) or not isinstance(month, int) or not 1 <= month <= 12:
            continue
        if fact["property"] == "mean_temperature":
            lines["Mean"].setdefault(float(month), float(fact["value"]))
        elif fact["property"] == "record_temperature":
            extreme = fact["qualifiers"].get("extreme")
            name = "Record high" if extreme == "max" else "Record low" if extreme == "min" else None
            if name:
                lines[name].setdefault(float(month), float(fact["value"]))
    if sum(len(points) for points in lines.values()) < 2:
        return None
    colors = {"Mean": "#2e8b57", "Record high": "#c0392b", "Record low": "#1f5fa8"}
    series = [Series(name, sorted(points.items()), colors[name], dashed=name != "Mean")
              for name, points in lines.items() if points]
    values = [y for s in series for _, y in s.points]
    return line_chart(series, month_axis(), value_axis(values, include_zero=True), "Monthly temperature", "°C",
                      point_label="{series}, {x}: {y} °C")
