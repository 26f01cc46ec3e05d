"""Reading the knowledge base: place search (FTS5), fact queries, one place in full.

Every query is parameterised; user text reaches FTS5 only as quoted terms.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from placefacts import regex_cache
from placefacts.errors import NotFoundError, QueryError
from placefacts.model import PROPERTY_TYPES, WIKIDATA_PROPERTY
from placefacts.store.context import sentence_around

MAX_LIMIT = 1000
_TERM = regex_cache.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """User text -> an FTS5 query of quoted prefix terms, all required (no FTS syntax gets through)."""
    terms = _TERM.findall(text)
    if not terms:
        raise QueryError("the search has no words in it", hint="search for a place name, e.g. Jezkazgan")
    return " ".join(f'"{t}"*' for t in terms)


def _check_limit(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}", hint=f"got {limit}")
    if offset < 0:
        raise QueryError("offset must not be negative", hint=f"got {offset}")


def _country_of(conn: sqlite3.Connection, place_id: int) -> str | None:
    row = conn.execute("SELECT value_text FROM facts WHERE place_id = ? AND property = 'country' ORDER BY seq LIMIT 1",
                       (place_id,)).fetchone()
    return row[0] if row else None


def _place_summary(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "label": row["label"],
        "country": _country_of(conn, row["id"]),
        "source": row["source"],
        "facts": conn.execute("SELECT count(*) FROM facts WHERE place_id = ?", (row["id"],)).fetchone()[0],
    }


_PLACE_COLUMNS = "p.id, p.name, p.label, p.wikidata, d.source, d.title, d.revision, d.form, d.content_hash"


def search_places(conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0,
                  country: str | None = None) -> list[dict[str, Any]]:
    """Places whose name, title or other names match every word of `text` (prefixes too), best first."""
    _check_limit(limit, offset)
    where, params = "place_search MATCH ?", [fts_query(text)]
    if country:
        where += " AND " + _COUNTRY_FILTER.replace("f.place_id", "p.id")
        params += [country, country]
    rows = conn.execute(
        f"SELECT {_PLACE_COLUMNS} FROM place_search JOIN places p ON p.id = place_search.rowid"
        f" JOIN documents d ON d.id = p.document_id WHERE {where}"
        " ORDER BY bm25(place_search, 10.0, 5.0, 2.0), p.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [_place_summary(conn, r) for r in rows]


def _qualifiers(conn: sqlite3.Connection, fact_ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {i: {} for i in fact_ids}
    for chunk in range(0, len(fact_ids), 500):
        ids = fact_ids[chunk:chunk + 500]
        marks = ",".join("?" * len(ids))
        for row in conn.execute(f"SELECT fact_id, name, value_json FROM qualifiers WHERE fact_id IN ({marks})"
                                " ORDER BY rowid", ids):
            out[row[0]][row[1]] = json.loads(row[2])
    return out


def _fact(row: sqlite3.Row, qualifiers: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row["id"],
        "place_id": row["place_id"],
        "property": row["property"],
        "wikidata_property": WIKIDATA_PROPERTY.get(row["property"]),
        "value_type": row["value_type"],
        "value": json.loads(row["value_json"]),
        "unit": row["unit"],
        "qualifiers": qualifiers,
        "evidence": {"start": row["start"], "end": row["end"], "text": row["text"]},
        "confidence": row["confidence"],
        "inferred": bool(row["inferred"]),
        "wikidata": row["wikidata"],
        "extractor": row["extractor"],
    }
    return out


_FACT_SELECT = ("SELECT f.*, e.start, e.end, e.text, p.name AS place_name, d.source AS source FROM facts f"
                " JOIN evidence e ON e.fact_id = f.id JOIN places p ON p.id = f.place_id"
                " JOIN documents d ON d.id = p.document_id")
_COUNTRY_FILTER = ("EXISTS (SELECT 1 FROM facts c WHERE c.place_id = f.place_id AND c.property = 'country'"
                   " AND (c.value_text = ? COLLATE NOCASE OR c.wikidata = ?))")


def known_properties(conn: sqlite3.Connection) -> list[str]:
    stored = {r[0] for r in conn.execute("SELECT DISTINCT property FROM facts")}
    return sorted(stored | set(PROPERTY_TYPES))


def query_facts(conn: sqlite3.Connection, prop: str | None = None, minimum: float | None = None,
                maximum: float | None = None, country: str | None = None, value: str | None = None,
                place: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Facts by property, numeric range (counts, quantities, a time's year), value, country and place name."""
    _check_limit(limit, offset)
    if prop is not None and prop not in known_properties(conn):
        raise QueryError(f"unknown property {prop!r}", hint="one of: " + ", ".join(known_properties(conn)))
    if minimum is not None and maximum is not None and minimum > maximum:
        raise QueryError(f"min {minimum:g} is above max {maximum:g}")
    where: list[str] = []
    params: list[Any] = []
    if prop is not None:
        where.append("f.property = ?")
        params.append(prop)
    if minimum is not None:
        where.append("f.value_num >= ?")
        params.append(minimum)
    if maximum is not None:
        where.append("f.value_num <= ?")
        params.append(maximum)
    if value is not None:
        where.append("f.value_text = ? COLLATE NOCASE")
        params.append(value)
    if country:
        where.append(_COUNTRY_FILTER)
        params += [country, country]
    if place:
        where.append("f.place_id IN (SELECT rowid FROM place_search WHERE place_search MATCH ?)")
        params.append(fts_query(place))
    sql = _FACT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY f.place_id, f.seq LIMIT ? OFFSET ?"
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    quals = _qualifiers(conn, [r["id"] for r in rows])
    out = []
    for r in rows:
        fact = _fact(r, quals[r["id"]])
        fact["place"] = r["place_name"]
        fact["source"] = r["source"]
        out.append(fact)
    return out


def get_place(conn: sqlite3.Connection, place_id: int, with_context: bool = True) -> dict[str, Any]:
    """One place with all its facts (in record order), each with its evidence and, optionally, its sentence."""
    row = conn.execute(f"SELECT {_PLACE_COLUMNS}, d.raw FROM places p JOIN documents d ON d.id = p.document_id"
                       " WHERE p.id = ?", (place_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no place with id {place_id}", hint="search for it by name")
    facts_rows = conn.execute(_FACT_SELECT + " WHERE f.place_id = ? ORDER BY f.seq", (place_id,)).fetchall()
    quals = _qualifiers(conn, [r["id"] for r in facts_rows])
    facts = []
    for r in facts_rows:
        fact = _fact(r, quals[r["id"]])
        if with_context:
            ctx = sentence_around(row["raw"], r["start"], r["end"], row["form"])
            fact["context"] = {"before": ctx.before, "evidence": ctx.evidence, "after": ctx.after}
        facts.append(fact)
    return {
        "id": row["id"],
        "name": row["name"],
        "label": row["label"],
        "wikidata": row["wikidata"],
        "country": next((f["value"] for f in facts if f["property"] == "country"), None),
        "document": {"source": row["source"], "title": row["title"], "revision": row["revision"],
                     "form": row["form"], "content_hash": row["content_hash"]},
        "facts": facts,
    }


def place_ids(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM places ORDER BY id")]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
            for table in ("documents", "places", "facts")}


def list_places(conn: sqlite3.Connection, limit: int = 20, offset: int = 0, country: str | None = None,
                order: str = "id") -> list[dict[str, Any]]:
    """Places without a search: by id, or with the most facts first (`order="facts"`)."""
    _check_limit(limit, offset)
    where, params = "", []
    if country:
        where, params = " WHERE " + _COUNTRY_FILTER.replace("f.place_id", "p.id"), [country, country]
    by = "(SELECT count(*) FROM facts WHERE place_id = p.id) DESC, p.id" if order == "facts" else "p.id"
    rows = conn.execute(f"SELECT {_PLACE_COLUMNS} FROM places p JOIN documents d ON d.id = p.document_id{where}"
                        f" ORDER BY {by} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
    return [_place_summary(conn, r) for r in rows]
