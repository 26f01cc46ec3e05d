"""The knowledge base's SQLite schema (one file, no server).

A place is the subject of one document: two articles that both call their
subject "Santa Cruz" are two places. Documents are keyed by source + content
hash, so building again on the same inputs changes nothing, and a changed
input replaces its older version (ON DELETE CASCADE takes its facts along).
"""

from __future__ import annotations

SCHEMA_VERSION = 1

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,
    title        TEXT,
    revision     TEXT,
    form         TEXT NOT NULL,
    content_hash TEXT NOT NULL,          -- sha256 of the raw text, hex
    raw          TEXT NOT NULL,          -- the text as read: evidence offsets point into it
    UNIQUE (source, content_hash)
);

CREATE TABLE IF NOT EXISTS places (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,           -- the subject as the article names it
    label       TEXT NOT NULL,           -- title, or a readable form of the file name
    wikidata    TEXT                     -- the place's item, where known
);

CREATE TABLE IF NOT EXISTS facts (
    id          INTEGER PRIMARY KEY,
    place_id    INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,        -- position in the record
    property    TEXT NOT NULL,
    value_type  TEXT NOT NULL,
    value_json  TEXT NOT NULL,           -- the value exactly as in the record
    value_text  TEXT,                    -- entity/text/time as a string
    value_num   REAL,                    -- count/quantity, or a time's year: for range queries
    lat         REAL,
    lon         REAL,
    unit        TEXT,
    confidence  REAL NOT NULL,
    inferred    INTEGER NOT NULL DEFAULT 0,
    wikidata    TEXT,
    extractor   TEXT NOT NULL DEFAULT '',
    UNIQUE (place_id, seq)
);
CREATE INDEX IF NOT EXISTS facts_property_num ON facts(property, value_num);
CREATE INDEX IF NOT EXISTS facts_property_text ON facts(property, value_text COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS qualifiers (
    fact_id    INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    value_json TEXT NOT NULL,
    value_text TEXT,
    PRIMARY KEY (fact_id, name)
);

CREATE TABLE IF NOT EXISTS evidence (
    fact_id     INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    alignment   TEXT NOT NULL DEFAULT 'exact'
);
CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document_id);

-- Full-text search over place names; rowid = places.id.
CREATE VIRTUAL TABLE IF NOT EXISTS place_search USING fts5(
    name, label, aliases, tokenize = "unicode61 remove_diacritics 2"
);
CREATE TRIGGER IF NOT EXISTS places_search_delete AFTER DELETE ON places BEGIN
    DELETE FROM place_search WHERE rowid = old.id;
END;
"""
