"""Read stage: files (or stdin) -> `Document`s, decoded faithfully, form detected.

A dump yields one document per article page; any other file yields one.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
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
    if len(_WIKITEXT.findall(head)) >= 2:
        return "wikitext"
    return "text"


def is_dump(path: str) -> bool:
    """A MediaWiki XML export: by its name, else by its first bytes (decompressed when .bz2/.gz)."""
    if path.endswith((".xml.bz2", ".xml.gz", ".xml")):
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


def read_bytes(path: str) -> bytes:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise ReadError("no such file", path) from exc
    except IsADirectoryError as exc:
        raise ReadError("is a directory", path, "give files, or use a shell glob") from exc
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})", path) from exc


def read_path(path: str, input_format: str | None = None) -> Iterator[Document]:
    """Documents of one input path; `input_format` ("text", "html", "wikitext", "dump") overrides detection."""
    if input_format == "dump" or (input_format is None and is_dump(path)):
        from placefacts.read.dump import read_dump

        yield from read_dump(path)
        return
    raw = decode(read_bytes(path), path)
    form: InputForm = input_format if input_format in ("text", "html", "wikitext") else detect_form(raw)  # type: ignore[assignment]
    yield Document(source=path, raw=raw, form=form)
