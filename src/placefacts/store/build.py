"""`build`: input paths -> documents -> records -> the knowledge base, resumable and idempotent."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from placefacts.errors import PlacefactsError, ReadError
from placefacts.store.db import open_rw
from placefacts.store.write import content_hash, is_stored, store_record

# Files taken from a walked directory; metadata (.tsv, .json, .jsonl) is left out.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".wiki", ".xml", ".xml.bz2")

ErrorHandler = Callable[[Exception, str], None]


@dataclass(slots=True)
class BuildStats:
    files: int = 0
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    facts: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.files} files: {self.added} documents added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged, {len(self.failed)} failed; {self.facts} facts added "
                f"in {self.seconds:.1f} s")


def input_files(paths: Iterable[str], on_error: ErrorHandler) -> list[str]:
    """Files named, plus the article files under directories named (sorted, so runs are repeatable)."""
    files: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = [str(f) for f in p.rglob("*")
                     if f.is_file() and f.name.lower().endswith(ARTICLE_SUFFIXES) and not f.name.startswith(".")]
            files.extend(sorted(found))
        elif path == "-" or p.exists():
            files.append(path)
        else:
            on_error(ReadError("no such file or directory", path), path)
    return files


def _documents(path: str) -> Iterator:  # noqa: ANN202 - Iterator[Document]
    from placefacts.read import read_path

    yield from read_path(path)


def build(db_path: str | os.PathLike[str], paths: Iterable[str], on_error: ErrorHandler,
          files: list[str] | None = None, progress: Callable[[str], None] | None = None) -> BuildStats:
    """Extract and store every document of `paths`; documents stored before are not extracted again.

    A bad input is reported through `on_error` and the batch goes on; every document
    is its own transaction, so an interrupted build resumes where it stopped.
    """
    from placefacts.pipeline import extract_document

    started = time.monotonic()
    stats = BuildStats()
    failed: list[str] = []

    def fail(exc: Exception, path: str) -> None:
        if path not in failed:
            failed.append(path)
        on_error(exc, path)

    todo = files if files is not None else input_files(paths, fail)
    stats.files = len(todo)
    conn = open_rw(db_path)
    try:
        for path in todo:
            try:
                for doc in _documents(path):
                    if is_stored(conn, doc.source, content_hash(doc.raw)):
                        stats.unchanged += 1
                        continue
                    record = extract_document(doc)
                    outcome = store_record(conn, doc, record)
                    if outcome == "unchanged":
                        stats.unchanged += 1
                    else:
                        setattr(stats, outcome, getattr(stats, outcome) + 1)
                        stats.facts += len(record.facts)
            except PlacefactsError as exc:
                if exc.code == "E006":  # the database itself is failing: stop, do not spray errors
                    raise
                fail(exc, path)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                fail(exc, path)
            if progress is not None:
                progress(path)
    finally:
        conn.close()
    stats.failed = failed
    stats.seconds = time.monotonic() - started
    return stats
