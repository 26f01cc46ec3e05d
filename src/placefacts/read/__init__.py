"""Read stage: files (or stdin) -> `Document`s, decoded faithfully, form detected.

A dump yields one document per article page; any other file yields one.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from placefacts import regex_cache
from placefacts.errors import ReadError
from placefacts.model import Document, InputForm
from placefacts.read.text import decode

_HTML = regex_cache.compile(r"<(?:!doctype\s+html|html|body|div|p|table|head)\b", re.IGNORECASE)
_WIKITEXT = regex_cache.compile(r"\{\{\s*(?:Infobox|Geobox|coord|convert|Short description)|\[\[[^\]]+\]\]|^=+[^=\n]+=+\s*$|'''", re.IGNORECASE | re.MULTILINE)
_DUMP = re.compile(rb"<mediawiki[\s>]")


def detect_form(raw: str) -> InputForm:
    """Plain text, HTML or wikitext, from the content itself."""
    head = raw[:20000]
    if _HTML.search(head):
        return "html"
    if len(list(islice(_WIKITEXT.finditer(head), 2))) == 2:
        return "wikitext"
    return "text"


_DUMP_SUFFIXES = (".xml.bz2", ".xml.gz", ".xml")
_COMPRESSED = (b"BZh", b"\x1f\x8b")


def is_dump(path: str) -> bool:
    """A MediaWiki XML export: by its name, else by its first bytes (decompressed when .bz2/.gz)."""
    if path.endswith(_DUMP_SUFFIXES):
        return True
    if path == "-" or not Path(path).is_file():
        return False
    try:
        from placefacts.read.dump import open_dump

        with open_dump(path) as stream:
            head = stream.read(4096)
    except (OSError, EOFError, ReadError):
        return False
    return bool(_DUMP.search(head))


@contextmanager
def _reading(path: str) -> Iterator[None]:
    """OS errors of reading `path` as the one-line read errors (E002)."""
    try:
        yield
    except FileNotFoundError as exc:
        raise ReadError("no such file", path) from exc
    except IsADirectoryError as exc:
        raise ReadError("is a directory", path, "give files, or use a shell glob") from exc
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})", path) from exc


def read_bytes(path: str) -> bytes:
    with _reading(path):
        if path == "-":
            return sys.stdin.buffer.read()
        return Path(path).read_bytes()


def read_path(path: str, input_format: str | None = None) -> Iterator[Document]:
    """Documents of one input path; `input_format` ("text", "html", "wikitext", "dump") overrides detection."""
    if input_format == "dump" or (input_format is None and path.endswith(_DUMP_SUFFIXES)):
        yield from _dump_documents(path)
        return
    data = read_bytes(path) if input_format is not None or path == "-" else _read_unless_dump(path)
    if data is None:
        yield from _dump_documents(path)
        return
    raw = decode(data, path)
    form: InputForm = input_format if input_format in ("text", "html", "wikitext") else detect_form(raw)  # type: ignore[assignment]
    yield Document(source=path, raw=raw, form=form)


def _read_unless_dump(path: str) -> bytes | None:
    """The file's bytes, opened once; None where its first bytes show a dump, which is then streamed, not read
    whole here (`is_dump` by the bytes already read; a compressed file by its decompressed head)."""
    with _reading(path), open(path, "rb") as handle:
        head = handle.read(4096)
        if head.startswith(_COMPRESSED):
            dump = is_dump(path)
        else:
            dump = _DUMP.search(head) is not None and Path(path).is_file()  # as is_dump: a pipe is never a dump
        return None if dump else head + handle.read()


def _dump_documents(path: str) -> Iterator[Document]:
    from placefacts.read.dump import read_dump

    yield from read_dump(path)
