"""Multistream dumps made from a plain export, laid out as Wikimedia publishes them."""

from __future__ import annotations

import bz2
import re
from pathlib import Path

_PAGE = re.compile(rb"<page>.*?</page>\s*", re.DOTALL)
_PAGE_ID = re.compile(rb"<page>.*?<id>(\d+)</id>", re.DOTALL)
_TITLE = re.compile(rb"<title>(.*?)</title>", re.DOTALL)


def make_multistream(export: bytes, folder: Path, name: str = "xxwiki-20260101-pages-articles-multistream",
                     pages_per_stream: int = 3) -> Path:
    """Write `export` as NAME.xml.bz2 (a header stream, streams of pages, a closing stream) and its index
    NAME-index.txt.bz2 (`offset:page_id:title` per page); returns the dump's path."""
    pages = _PAGE.findall(export)
    header = export[: export.index(b"<page>")]
    footer = export[export.rindex(b"</page>") + len(b"</page>") :].lstrip()
    streams = [header] + [b"".join(pages[i : i + pages_per_stream]) for i in range(0, len(pages), pages_per_stream)]
    data, index = b"", []
    for number, stream in enumerate(streams):
        offset = len(data)
        data += bz2.compress(stream)
        if number:
            for page in _PAGE.findall(stream):
                page_id, title = _PAGE_ID.search(page)[1], _TITLE.search(page)[1]  # type: ignore[index]
                index.append(f"{offset}:{page_id.decode()}:{title.decode()}")
    data += bz2.compress(footer)
    dump = folder / f"{name}.xml.bz2"
    dump.write_bytes(data)
    (folder / f"{name}-index.txt.bz2").write_bytes(bz2.compress(("\n".join(index) + "\n").encode()))
    return dump
