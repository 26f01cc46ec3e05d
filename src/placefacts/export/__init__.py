"""Exports of a knowledge base: JSON-LD (schema.org + Wikidata), QuickStatements v1, CSV."""

from __future__ import annotations

import sqlite3
from typing import TextIO

from placefacts.export.wikidata import Items

FORMATS = ("jsonld", "quickstatements", "csv")


def export(conn: sqlite3.Connection, fmt: str, out: TextIO, items: Items | None = None,
           stated_in: str | None = None, unresolved: TextIO | None = None) -> str:
    """Write the knowledge base in `fmt`; returns a one-line summary."""
    if fmt == "jsonld":
        from placefacts.export import jsonld

        return f"{jsonld.write(conn, out, items)} places"
    if fmt == "quickstatements":
        from placefacts.export import quickstatements

        stats = quickstatements.write(conn, out, items, stated_in)
        if unresolved is not None:
            quickstatements.write_unresolved(stats.unresolved, unresolved)
        return (f"{stats.places} places, {stats.statements} statements; {len(stats.unresolved)} facts left out"
                f" (value without a Wikidata item), {stats.no_property} without a Wikidata property")
    if fmt == "csv":
        from placefacts.export import table

        return f"{table.write(conn, out)} facts"
    from placefacts.errors import OptionError

    raise OptionError(f"unknown export format {fmt!r}", hint="one of: " + ", ".join(FORMATS))


__all__ = ["FORMATS", "Items", "export"]
