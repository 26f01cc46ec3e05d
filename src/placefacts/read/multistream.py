"""Multistream dumps: read by many workers at once, each its own byte ranges.

Wikimedia publishes every `pages-articles` dump also as `…-multistream.xml.bz2`:
bzip2 streams of 100 pages each, one after another, beside an index
(`…-multistream-index.txt.bz2`) whose lines are `offset:page_id:title`, the
offset being where the page's stream starts. Each stream decompresses on its
own, so a worker or a Spark executor seeks to its range and reads it, and no
single process has to decompress all of English Wikipedia for the others.
Pages come out exactly as `read_dump` gives them, in the same order.
"""

from __future__ import annotations

import bz2
import io
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator

from placefacts.errors import DumpError
from placefacts.model import Document
from placefacts.read.dump import pages, parse_error_reason

STREAMS_PER_RANGE = 2  # 200 pages a task: the same as a staged chunk of a plain dump

# "enwiki-…-multistream.xml.bz2" -> "enwiki-…-multistream-index.txt.bz2";
# "enwiki-…-multistream1.xml-p1p41242.bz2" -> "enwiki-…-multistream-index1.txt-p1p41242.bz2".
_DUMP_NAME = re.compile(r"^(?P<stem>.*-multistream)(?P<part>\d*)\.xml(?P<pages>-p\d+p\d+)?\.bz2$")

Range = tuple[int, int | None]  # byte offsets [start, end) of whole streams; None: to the end of the file


def is_multistream_name(name: str) -> bool:
    """Whether a file name is that of a multistream dump (whole, or one part of one)."""
    return _DUMP_NAME.match(name) is not None


def index_for(path: str) -> str | None:
    """The multistream index published beside the dump, if the dump is a multistream one and it is there."""
    match = _DUMP_NAME.match(os.path.basename(path))
    if not match:
        return None
    index = f"{match['stem']}-index{match['part']}.txt{match['pages'] or ''}.bz2"
    candidate = os.path.join(os.path.dirname(path), index)
    return candidate if os.path.isfile(candidate) else None


def multistream_ranges(path: str) -> list[Range] | None:
    """The ranges of a multistream dump whose index lies beside it; None for any other input."""
    index = index_for(path)
    return stream_ranges(path, index) if index is not None else None


def stream_ranges(dump: str, index: str, streams_per_range: int = STREAMS_PER_RANGE) -> list[Range]:
    """The dump's streams of pages, `streams_per_range` to a range, in dump order (from the index)."""
    offsets: list[int] = []
    try:
        with bz2.open(index, "rt", encoding="utf-8") if index.endswith(".bz2") else open(index, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                head = line.split(":", 1)[0]
                if not head.strip():
                    continue
                if not head.isdigit():
                    raise DumpError(f"index {index} line {number} does not start with a byte offset", dump,
                                    "give the dump's own -multistream-index file")
                offset = int(head)
                if not offsets or offset > offsets[-1]:
                    offsets.append(offset)
                elif offset < offsets[-1]:
                    raise DumpError(f"index {index} line {number} goes back in the dump", dump,
                                    "give the dump's own -multistream-index file")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DumpError(f"its index {index} cannot be read ({exc})", dump) from None
    starts = offsets[::streams_per_range]
    return [(start, starts[i + 1] if i + 1 < len(starts) else None) for i, start in enumerate(starts)]


def read_range(path: str, start: int, end: int | None) -> Iterator[Document]:
    """The place articles of the streams in bytes [start, end) of a multistream dump."""
    where = f"bytes {start}-{end if end is not None else 'end'}"
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            data = handle.read() if end is None else handle.read(end - start)
        xml = bz2.decompress(data)
    except (OSError, ValueError, EOFError) as exc:
        raise DumpError(f"the streams at {where} cannot be decompressed ({exc})", path) from None
    if end is None:  # the last stream closes the export's root element, which the wrapper below supplies
        xml = xml.rstrip()
        if xml.endswith(b"</mediawiki>"):
            xml = xml[: -len(b"</mediawiki>")]
    counts: Counter[str] = Counter()
    try:
        yield from pages(path, io.BytesIO(b"<mediawiki>" + xml + b"</mediawiki>"), counts)
    except ET.ParseError as exc:
        raise DumpError(f"malformed XML in the streams at {where} ({parse_error_reason(exc)})", path,
                        f"{counts['pages']} pages before it were read") from None
