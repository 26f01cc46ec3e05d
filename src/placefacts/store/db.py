"""Opening the knowledge base: read-write for building, read-only for serving."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from placefacts.errors import StoreError
from placefacts.store.schema import DDL, SCHEMA_VERSION


def open_rw(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a knowledge base for writing, in WAL mode."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)  # explicit BEGIN/COMMIT per document
        conn.row_factory = sqlite3.Row
        # WAL: a killed build leaves every committed document intact, and readers never block it.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.executescript(DDL)
        found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found is None:
            conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(found[0]) != SCHEMA_VERSION:
            raise StoreError(f"schema version {found[0]}, this placefacts writes {SCHEMA_VERSION}", str(path),
                             "build a new database")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database ({exc})", str(path)) from exc
    return conn


def open_ro(path: str | Path) -> sqlite3.Connection:
    """Open an existing knowledge base read-only: nothing served can change it."""
    file = Path(path)
    if not file.is_file():
        raise StoreError("no such database", str(path), "build one with `placefacts build PATH... --db FILE`")
    try:
        conn = sqlite3.connect(file.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database ({exc})", str(path), "is it a placefacts database?") from exc
    return conn
