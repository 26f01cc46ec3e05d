"""`build`: input paths -> documents -> records -> the knowledge base, resumable and idempotent."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from placefacts.errors import DumpError, PlacefactsError, ReadError
from placefacts.model import Document, Record
from placefacts.parallel import ordered_map
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
    from placefacts.read.multistream import is_multistream_name  # parts are named "…-multistream1.xml-p1p41242.bz2"

    files: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = [str(f) for f in p.rglob("*")
                     if f.is_file() and not f.name.startswith(".")
                     and (f.name.lower().endswith(ARTICLE_SUFFIXES) or is_multistream_name(f.name))]
            files.extend(sorted(found))
        elif path == "-" or p.exists():
            files.append(path)
        else:
            on_error(ReadError("no such file or directory", path), path)
    return files


class ExtractionError(PlacefactsError):
    """A finder failed on one document: reported, and the batch goes on."""

    code = "E000"


# ("doc", file index, path, Document), or ("streams", file index, path, start, end, db path, force): a range of
# a multistream dump, read by the worker, which skips the pages stored before by checking the knowledge base itself.
Work = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class StoredBefore:
    """A page of a range that the knowledge base already holds with the same content."""


@dataclass(frozen=True, slots=True)
class RangeFailed:
    """A range of a dump that could not be read: the `DumpError`'s parts (an exception pickles without them)."""

    message: str
    hint: str | None


# (file index, path, document, outcome); a str is an extraction failure's message.
Outcome = tuple[int, str, Document | None, Record | str | StoredBefore | RangeFailed]


def _extract_chunk(chunk: list[Work]) -> list[Outcome]:
    out: list[Outcome] = []
    for item in chunk:
        if item[0] == "streams":
            out.extend(_range_outcomes(item))
        else:
            out.append(_outcome(item[1], item[2], item[3]))
    return out


def _outcome(index: int, path: str, doc: Document) -> Outcome:
    from placefacts.pipeline import extract_document

    try:
        return index, path, doc, extract_document(doc)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return index, path, doc, f"unexpected {type(exc).__name__}: {exc}"


def _range_outcomes(item: Work) -> list[Outcome]:
    """Outcomes of the pages of a range of a multistream dump; pages stored before are not extracted again."""
    from placefacts.read.multistream import read_range
    from placefacts.store.db import open_ro

    _, index, path, start, end, db_path, force = item
    out: list[Outcome] = []
    conn = open_ro(db_path)
    try:
        for doc in read_range(path, start, end):
            stored = not force and is_stored(conn, doc.source, content_hash(doc.raw))
            out.append((index, path, None, StoredBefore()) if stored else _outcome(index, path, doc))
    except PlacefactsError as exc:  # the pages read before it are kept
        out.append((index, path, None, RangeFailed(exc.message, exc.hint)))
    except Exception as exc:  # noqa: BLE001 - a reader bug on one range must not stop the batch
        out.append((index, path, None, RangeFailed(f"unexpected {type(exc).__name__}: {exc}", None)))
    finally:
        conn.close()
    return out


def build(db_path: str | os.PathLike[str], paths: Iterable[str], on_error: ErrorHandler,
          files: list[str] | None = None, progress: Callable[[int, str], None] | None = None,
          jobs: int = 1, force: bool = False) -> BuildStats:
    """Extract and store every document of `paths`; documents stored before are not extracted again.

    A bad input is reported through `on_error` and the batch goes on; every document
    is its own transaction, so an interrupted build resumes where it stopped.
    `progress(n, path)` is told each time `n` more files are done. `force` extracts
    every document again and replaces what was stored (after the extractor changed).
    """
    from placefacts.read import read_path
    from placefacts.read.multistream import multistream_ranges

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
    done = 0  # files fully handled, for the progress bar

    def advance(upto: int) -> None:
        nonlocal done
        if progress is not None and upto > done:
            progress(upto - done, todo[upto - 1])
        done = max(done, upto)

    def work() -> Iterator[Work]:
        for index, path in enumerate(todo):
            try:
                ranges = multistream_ranges(path)
                if ranges is not None:  # the workers read its ranges of streams: no decompressing here
                    for start, end in ranges:
                        yield "streams", index, path, start, end, str(db_path), force
                    continue
                for doc in read_path(path):
                    if not force and is_stored(conn, doc.source, content_hash(doc.raw)):
                        stats.unchanged += 1
                    else:
                        yield "doc", index, path, doc
            except PlacefactsError as exc:
                fail(exc, path)
            except Exception as exc:  # noqa: BLE001 - a reader bug on one input must not stop the batch
                fail(exc, path)

    try:
        # Documents travel to the workers and records come back; storing stays here, so there is one writer.
        for index, path, doc, result in ordered_map(_extract_chunk, work(), jobs):
            advance(index)  # every file before this one is finished
            if isinstance(result, StoredBefore):
                stats.unchanged += 1
                continue
            if isinstance(result, RangeFailed):
                fail(DumpError(result.message, path, result.hint), path)
                continue
            if isinstance(result, str):
                fail(ExtractionError(result, doc.source if doc is not None else path), path)
                continue
            assert doc is not None  # a record always travels with its document
            outcome = store_record(conn, doc, result, force)  # a StoreError (E006) stops the build
            if outcome == "unchanged":
                stats.unchanged += 1
            else:
                setattr(stats, outcome, getattr(stats, outcome) + 1)
                stats.facts += len(result.facts)
        advance(len(todo))
    finally:
        conn.close()
    stats.failed = failed
    stats.seconds = time.monotonic() - started
    return stats
