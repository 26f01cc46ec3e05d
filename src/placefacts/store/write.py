"""Writing records: one transaction per document, so a killed build loses nothing committed."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import PurePath
from typing import Any, Literal

from placefacts import regex_cache
from placefacts.errors import StoreError
from placefacts.model import PROPERTY_TYPES, Document, Fact, Record

Outcome = Literal["added", "unchanged", "replaced"]

_LEADING_INDEX = regex_cache.compile(r"^\d+_")


def content_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def label_for(doc: Document) -> str:
    """The title, else a readable file name (`0000_Santa_Maria,_California.txt` -> `Santa Maria, California`)."""
    if doc.title:
        return doc.title
    name = PurePath(doc.source).name
    for suffix in (".bz2", ".xml", ".html", ".htm", ".wiki", ".txt"):
        name = name.removesuffix(suffix)
    return _LEADING_INDEX.sub("", name).replace("_", " ").strip() or doc.source


def is_stored(conn: sqlite3.Connection, source: str, digest: str) -> bool:
    row = conn.execute("SELECT 1 FROM documents WHERE source = ? AND content_hash = ?", (source, digest)).fetchone()
    return row is not None


def _year(value: str) -> float | None:
    match = re.match(r"^(-?\d{1,4})", value)
    return float(match.group(1)) if match else None


def _value_columns(fact: Fact) -> dict[str, Any]:
    value = fact.value
    cols: dict[str, Any] = {"value_text": None, "value_num": None, "lat": None, "lon": None}
    if isinstance(value, dict):
        cols["lat"], cols["lon"] = value.get("lat"), value.get("lon")
    elif isinstance(value, bool):
        cols["value_text"] = str(value).lower()
    elif isinstance(value, int | float):
        cols["value_num"] = float(value)
    else:
        cols["value_text"] = str(value)
        if PROPERTY_TYPES.get(fact.property) == "time":
            cols["value_num"] = _year(str(value))
    return cols


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _insert_fact(conn: sqlite3.Connection, place_id: int, document_id: int, seq: int, fact: Fact) -> None:
    cols = _value_columns(fact)
    value_type = PROPERTY_TYPES.get(fact.property) or ("coordinates" if isinstance(fact.value, dict) else "text")
    cur = conn.execute(
        "INSERT INTO facts (place_id, seq, property, value_type, value_json, value_text, value_num, lat, lon,"
        " unit, confidence, inferred, wikidata, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (place_id, seq, fact.property, value_type, _dumps(fact.value), cols["value_text"], cols["value_num"],
         cols["lat"], cols["lon"], fact.unit, float(fact.confidence), int(fact.inferred), fact.wikidata,
         fact.extractor),
    )
    fact_id = cur.lastrowid
    conn.executemany(
        "INSERT INTO qualifiers (fact_id, name, value_json, value_text) VALUES (?,?,?,?)",
        [(fact_id, name, _dumps(v), v if isinstance(v, str) else _dumps(v)) for name, v in fact.qualifiers.items()],
    )
    ev = fact.evidence
    conn.execute(
        "INSERT INTO evidence (fact_id, document_id, start, end, text, alignment) VALUES (?,?,?,?,?,?)",
        (fact_id, document_id, ev.start, ev.end, ev.text, ev.alignment),
    )


def store_record(conn: sqlite3.Connection, doc: Document, record: Record, force: bool = False) -> Outcome:
    """Store one document and its record atomically.

    The same source with the same content is left alone (unless `force`: a newer
    extractor's record); the same source with new content replaces the old
    version (and its facts) in the same transaction.
    """
    digest = content_hash(doc.raw)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not force and is_stored(conn, doc.source, digest):
                conn.execute("ROLLBACK")
                return "unchanged"
            replaced = conn.execute("DELETE FROM documents WHERE source = ?", (doc.source,)).rowcount > 0
            document_id = conn.execute(
                "INSERT INTO documents (source, title, revision, form, content_hash, raw) VALUES (?,?,?,?,?,?)",
                (doc.source, doc.title, doc.revision, doc.form, digest, doc.raw),
            ).lastrowid
            label = label_for(doc)
            name = record.subject or label
            place_id = conn.execute(
                "INSERT INTO places (document_id, name, label) VALUES (?,?,?)", (document_id, name, label)
            ).lastrowid
            assert place_id is not None and document_id is not None
            for seq, fact in enumerate(record.facts):
                _insert_fact(conn, place_id, document_id, seq, fact)
            aliases = " ".join(str(f.value) for f in record.facts if f.property == "name")
            conn.execute("INSERT INTO place_search (rowid, name, label, aliases) VALUES (?,?,?,?)",
                         (place_id, name, label, aliases))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise StoreError(f"cannot store document ({exc})", doc.source) from exc
    return "replaced" if replaced else "added"
