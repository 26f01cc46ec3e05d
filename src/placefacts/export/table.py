"""CSV: one row per fact, with its place, Wikidata property, qualifiers (JSON) and evidence."""

from __future__ import annotations

import csv
import json
import sqlite3
from typing import TextIO

from placefacts.store.query import get_place, place_ids

COLUMNS = ("place_id", "place", "country", "source", "property", "wikidata_property", "value", "unit",
           "qualifiers", "evidence_start", "evidence_end", "evidence", "confidence", "inferred", "wikidata")


def write(conn: sqlite3.Connection, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    rows = 0
    for pid in place_ids(conn):
        place = get_place(conn, pid, with_context=False)
        for f in place["facts"]:
            value = f["value"]
            writer.writerow([
                place["id"], place["name"], place["country"] or "", place["document"]["source"], f["property"],
                f["wikidata_property"] or "",
                json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value,
                f["unit"] or "", json.dumps(f["qualifiers"], ensure_ascii=False, sort_keys=True) if f["qualifiers"] else "",
                f["evidence"]["start"], f["evidence"]["end"], f["evidence"]["text"], f["confidence"],
                "true" if f["inferred"] else "", f["wikidata"] or "",
            ])
            rows += 1
    return rows
