"""Stream a MediaWiki `pages-articles` XML export, page by page, in constant memory.

`xml.etree.ElementTree.iterparse` reads the (decompressed) stream in chunks;
each <page> is cleared once read and the root forgets it, so memory holds
one page at a time however large the dump. Main-namespace pages that are not
redirects and are about a place (`read.places`) become `Document`s whose raw
text is the page's <text> content, unescaped; the rest are counted, and a
one-line summary goes to stderr at the end.
"""

from __future__ import annotations

import bz2
import gzip
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from typing import IO

from placefacts.errors import DumpError, ReadError
from placefacts.model import Document
from placefacts.read.places import is_place


def open_dump(path: str) -> IO[bytes]:
    """The dump's decompressed byte stream (.bz2, .gz, or plain), chosen by its first bytes."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the caller
        magic = handle.read(3)
        handle.seek(0)
    except FileNotFoundError as exc:
        raise ReadError("no such file", path) from exc
    except IsADirectoryError as exc:
        raise ReadError("is a directory", path, "give dump files") from exc
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})", path) from exc
    if magic == b"BZh":
        return bz2.BZ2File(handle)
    if magic[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=handle)
    return handle


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_dump(path: str) -> Iterator[Document]:
    """Documents of the place articles of a dump, in dump order."""
    counts: Counter[str] = Counter()
    stream = open_dump(path)
    try:
        yield from pages(path, stream, counts)
    except ET.ParseError as exc:
        line, column = exc.position
        _summary(path, counts, sys.stderr)
        raise DumpError(f"malformed XML at line {line}, column {column} ({parse_error_reason(exc)})", path,
                        f"{counts['pages']} pages before it were read") from None
    except (OSError, EOFError) as exc:  # a truncated or corrupt compressed stream
        _summary(path, counts, sys.stderr)
        raise DumpError(f"cannot be decompressed ({exc})", path,
                        f"{counts['pages']} pages before it were read") from None
    finally:
        stream.close()
    _summary(path, counts, sys.stderr)


def pages(path: str, stream: IO[bytes], counts: Counter[str]) -> Iterator[Document]:
    """The place articles of an export's XML stream (a whole dump, or streams of one wrapped in a root)."""
    root: ET.Element | None = None
    seen_mediawiki = False
    for event, elem in ET.iterparse(stream, events=("start", "end")):
        tag = _local(elem.tag)
        if event == "start":
            if root is None:
                root = elem
                seen_mediawiki = tag == "mediawiki"
                if not seen_mediawiki:
                    raise DumpError(f"is not a MediaWiki XML export (its root is <{tag}>)", path,
                                    "give a pages-articles .xml, .xml.bz2 or .xml.gz dump")
            continue
        if tag != "page":
            continue
        counts["pages"] += 1
        doc = _document(path, elem, counts)
        elem.clear()
        if root is not None:
            root.clear()  # drop the emptied page from the root too, or memory grows with the dump
        if doc is not None:
            counts["places"] += 1
            yield doc


def _document(path: str, page: ET.Element, counts: Counter[str]) -> Document | None:
    fields = {_local(child.tag): child for child in page}
    title = (fields["title"].text or "") if "title" in fields else ""
    namespace = (fields["ns"].text or "0").strip() if "ns" in fields else "0"
    if namespace != "0":
        counts["other namespaces"] += 1
        return None
    if "redirect" in fields:
        counts["redirects"] += 1
        return None
    revision = fields.get("revision")
    text, revision_id = "", None
    if revision is not None:
        for child in revision:
            name = _local(child.tag)
            if name == "text":
                text = child.text or ""
            elif name == "id":
                revision_id = (child.text or "").strip() or None
    if text.lstrip()[:9].upper() == "#REDIRECT":
        counts["redirects"] += 1
        return None
    if not is_place(title, text):
        counts["skipped (not a place)"] += 1
        return None
    return Document(source=f"{path}#{title}", raw=text, form="wikitext", title=title, revision=revision_id)


def parse_error_reason(exc: ET.ParseError) -> str:
    return str(exc).split(":", 1)[0]


def _summary(path: str, counts: Counter[str], out: IO[str]) -> None:
    parts = [f"{counts['pages']} pages", f"{counts['places']} places"]
    parts += [f"{counts[k]} {k}" for k in ("skipped (not a place)", "redirects", "other namespaces")]
    print(f"placefacts: dump {path}: " + ", ".join(parts), file=out)
