"""Decode the bytes of a file into text, faithfully.

Offsets of every fact are into the string returned here, so nothing is
normalised: CRLF, non-breaking spaces and odd spacing all stay. Only a byte
order mark is dropped, since it is not part of the text.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from placefacts.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, or a detected legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte order mark but is not valid {encoding}", path) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DecodeError("looks like a binary file, not text", path, "give a UTF-8 text, HTML or wikitext file")
    western = _plausible_cp1252(data)
    if western is not None:
        return western
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None or guess.chaos > 0.2:
        raise DecodeError("is not UTF-8 and its encoding cannot be detected", path, "convert it to UTF-8")
    return str(guess)


_CP1252_MARKS = set("’‘“”–—…°·«»€£§©®ºª×")


def _plausible_cp1252(data: bytes) -> str | None:
    """Windows-1252 (a superset of Latin-1) when every non-ASCII character it yields is a letter or common mark.

    Detectors guess badly on short texts; the commonest legacy encoding of
    European place names is tried first and kept only if it reads cleanly.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [c for c in text if ord(c) > 127 and not (c.isalpha() or c in _CP1252_MARKS)]
    return text if not odd else None
