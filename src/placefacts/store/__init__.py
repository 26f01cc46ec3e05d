"""The knowledge base: records stored in SQLite, searchable, servable, exportable.

Tables: documents (source, title, revision, content hash, raw text), places
(one per document), facts, qualifiers, evidence, and an FTS5 index of place
names (see `schema.py`).
"""

from __future__ import annotations

from placefacts.store.build import ARTICLE_SUFFIXES, BuildStats, build, input_files
from placefacts.store.db import open_ro, open_rw
from placefacts.store.write import content_hash, store_record

__all__ = ["ARTICLE_SUFFIXES", "BuildStats", "build", "content_hash", "input_files", "open_ro", "open_rw",
           "store_record"]
