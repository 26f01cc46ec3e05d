"""QuickStatements v1: one tab-separated command per line, ready to paste into the tool.

Choices (see README, Knowledge base):
- every place is a new item: `CREATE`, then `LAST Len "name"` and its other names
  as `Aen` aliases, then its statements on `LAST` (a place with a known item is
  written on that item instead);
- an entity value is written only when its item is known (the fact's `wikidata`,
  a kind of place we know, or the user's label -> item table, `--items`);
  the others are listed in the `--unresolved` file, a label per line, for the user
  to resolve and feed back with `--items`;
- every statement carries a reference: `S854` the source URL, or where the source
  is a file, `S1476` its title (and `S248` the item given with `--stated-in`).
QuickStatements v1 has no escape for `"` inside strings: they become `'`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TextIO

from placefacts.export.wikidata import Items, is_inverse, month_item, table, time_parts, unit_item, wikidata_property
from placefacts.store.query import get_place, place_ids


@dataclass(slots=True)
class Unresolved:
    place: str
    source: str
    property: str
    label: str
    reason: str


@dataclass(slots=True)
class QSStats:
    places: int = 0
    statements: int = 0
    unresolved: list[Unresolved] = field(default_factory=list)
    no_property: int = 0


def string(text: str) -> str:
    return '"' + " ".join(str(text).replace('"', "'").split()) + '"'


def monolingual(text: str, lang: str = "en") -> str:
    return f"{lang}:{string(text)}"


def number(value: float | int) -> str:
    """A plain decimal (QuickStatements reads no exponents)."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def time(value: Any) -> str | None:
    parts = time_parts(value)
    return f"{parts[0]}/{parts[1]}" if parts else None


def reference(document: dict[str, Any], label: str, stated_in: str | None) -> list[str]:
    source = document["source"]
    if source.startswith(("http://", "https://")):
        return ["S854", string(source)]
    out = ["S248", stated_in] if stated_in else []
    return out + ["S1476", monolingual(document.get("title") or label)]


def _qualifiers(fact: dict[str, Any]) -> list[str]:
    quals = fact["qualifiers"]
    out: list[str] = []
    point = time(quals.get("point_in_time"))
    if point:
        out += ["P585", point]
    if fact["property"] == "population" and quals.get("method") in table()["population_method"]:
        out += ["P459", table()["population_method"][quals["method"]]]
    if fact["property"] in ("mean_temperature", "record_temperature"):
        method = "mean" if fact["property"] == "mean_temperature" else quals.get("extreme")
        if method in table()["temperature_method"]:
            out += ["P459", table()["temperature_method"][method]]
        month = month_item(quals.get("month"))
        if month:
            out += ["P2922", month]
    return out


def value_of(fact: dict[str, Any], items: Items) -> tuple[str | None, str]:
    """The QuickStatements value of a fact, or None and why not."""
    value, kind = fact["value"], fact.get("value_type")
    if isinstance(value, dict) and "lat" in value:
        return f"@{number(value['lat'])}/{number(value['lon'])}", ""
    if isinstance(value, bool):
        return None, "not a Wikidata value"
    if isinstance(value, int | float):
        if fact["unit"] is None:
            return number(value), ""
        unit = unit_item(fact["unit"])
        return (f"{number(value)}U{unit[1:]}", "") if unit else (None, f"unit {fact['unit']} has no item")
    if fact["property"] == "inception" or kind == "time":
        written = time(value)
        return (written, "") if written else (None, "not a date")
    item = items.item(fact)
    return (item, "") if item else (None, "no Wikidata item for this value")


def place_lines(place: dict[str, Any], items: Items, stats: QSStats, stated_in: str | None) -> list[str]:
    subject = place.get("wikidata") or "LAST"
    lines = [] if place.get("wikidata") else ["CREATE", f"LAST\tLen\t{string(place['name'])}"]
    ref = reference(place["document"], place["label"], stated_in)
    seen_alias = {place["name"].casefold()}
    for fact in place["facts"]:
        prop = wikidata_property(fact["property"])
        if fact["property"] == "name":
            if subject == "LAST" and str(fact["value"]).casefold() not in seen_alias:
                seen_alias.add(str(fact["value"]).casefold())
                lines.append(f"LAST\tAen\t{string(str(fact['value']))}")
            continue
        if prop is None:
            stats.no_property += 1
            continue
        value, why = value_of(fact, items)
        if value is None:
            stats.unresolved.append(Unresolved(place["name"], place["document"]["source"], fact["property"],
                                               str(fact["value"]), why))
            continue
        cells = [value, prop, subject] if is_inverse(fact["property"]) else [subject, prop, value]
        lines.append("\t".join(cells + _qualifiers(fact) + ref))
        stats.statements += 1
    return lines


def write(conn: sqlite3.Connection, out: TextIO, items: Items | None = None, stated_in: str | None = None) -> QSStats:
    items = items or Items()
    stats = QSStats()
    for pid in place_ids(conn):
        place = get_place(conn, pid, with_context=False)
        for line in place_lines(place, items, stats, stated_in):
            out.write(line + "\n")
        stats.places += 1
    return stats


def write_unresolved(unresolved: list[Unresolved], out: TextIO) -> None:
    """Labels without an item, one per line: put the item in the last column and pass the file as --items."""
    out.write("# label\tproperty\tplace\tsource\treason\titem (fill in: Q...)\n")
    seen: set[tuple[str, str]] = set()
    for u in unresolved:
        if (u.label, u.property) in seen:
            continue
        seen.add((u.label, u.property))
        out.write("\t".join(" ".join(c.split()) for c in (u.label, u.property, u.place, u.source, u.reason)) + "\t\n")
