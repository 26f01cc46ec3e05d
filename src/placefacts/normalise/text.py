"""Text normalisation: the folded form under which names compare (the spec's matching rule)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from placefacts import regex_cache

_PUNCTUATION = regex_cache.compile(r"[^\w\s]|_")
# The same for ASCII text as a table (str.translate runs in C without the engine's per-position start-up);
# built by asking the pattern itself, so the two cannot disagree.
_ASCII_PUNCTUATION = {char: " " for char in range(128) if _PUNCTUATION.fullmatch(chr(char))}


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (the spec's matching rule)."""
    if value.isascii():  # most names: nothing to decompose
        value = value.lower().translate(_ASCII_PUNCTUATION)
    else:
        value = unicodedata.normalize("NFKD", value.casefold())
        value = "".join(c for c in value if not unicodedata.combining(c))
        value = _PUNCTUATION.sub(" ", value)
    value = " ".join(value.split())
    if value.startswith("the "):
        value = value[4:]
    return value
