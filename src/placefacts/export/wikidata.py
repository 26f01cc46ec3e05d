"""What our facts are in Wikidata's terms: items for units, methods, months and kinds of place; time values."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from placefacts import regex_cache
from placefacts.model import WIKIDATA_PROPERTY

ENTITY = "http://www.wikidata.org/entity/"
DIRECT = "http://www.wikidata.org/prop/direct/"


@cache
def table() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "data" / "wikidata.json").read_text(encoding="utf-8"))


def wikidata_property(prop: str) -> str | None:
    return WIKIDATA_PROPERTY.get(prop)


def is_inverse(prop: str) -> bool:
    """Facts whose Wikidata statement sits on the other item (the employer's P159 names the place)."""
    return prop in table()["inverse"]


def unit_item(unit: str | None) -> str | None:
    return table()["units"].get(unit) if unit else None


def month_item(month: Any) -> str | None:
    return table()["months"][month - 1] if isinstance(month, int) and 1 <= month <= 12 else None


_TIME = regex_cache.compile(r"^(-?)(\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def time_parts(value: Any) -> tuple[str, int] | None:
    """ISO prefix ("1938", "1938-05", "1938-05-04", "-0300") -> (Wikidata time, precision 9/10/11)."""
    match = _TIME.match(str(value).strip()) if value is not None else None
    if not match:
        return None
    sign, year, month, day = match.groups()
    precision = 11 if day else 10 if month else 9
    return f"{'-' if sign else '+'}{int(year):04d}-{month or '00'}-{day or '00'}T00:00:00Z", precision


def xsd_time(value: Any) -> tuple[str, str] | None:
    """ISO prefix -> (lexical form, XSD datatype) for RDF."""
    parts = time_parts(value)
    if parts is None:
        return None
    text = str(value).strip()
    return text, {9: "xsd:gYear", 10: "xsd:gYearMonth", 11: "xsd:date"}[parts[1]]


class Items:
    """Items of entity values: the fact's own `wikidata`, then a user's label -> item table, then kinds of place."""

    def __init__(self, user: dict[str, str] | None = None) -> None:
        self.user = {k.casefold(): v for k, v in (user or {}).items()}

    @staticmethod
    def load(path: str | None) -> Items:
        """A TSV of label<TAB>Qid lines (the `unresolved` file, filled in, is one)."""
        if path is None:
            return Items()
        found: dict[str, str] = {}
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            cells = line.rstrip("\n").split("\t")
            qid = next((c.strip() for c in reversed(cells) if re.fullmatch(r"Q\d+", c.strip())), None)
            if qid and cells[0].strip() and not line.startswith("#"):
                found[cells[0].strip()] = qid
        return Items(found)

    def item(self, fact: dict[str, Any]) -> str | None:
        if fact.get("wikidata"):
            return str(fact["wikidata"])
        value = fact["value"]
        if not isinstance(value, str):
            return None
        if value.casefold() in self.user:
            return self.user[value.casefold()]
        if fact["property"] == "instance_of":
            return table()["instance_of"].get(value.casefold())
        return None
