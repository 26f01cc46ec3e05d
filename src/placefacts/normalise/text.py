"""Text normalisation: the folded form under which names compare (the spec's matching rule)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from placefacts import regex_cache

_PUNCTUATION = regex_cache.compile(r"[^\w\s]|_")


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (the spec's matching rule)."""
    if value.isascii():  # most names: nothing to decompose
        value = _PUNCTUATION.sub(" ", value.lower())
    else:
        value = unicodedata.normalize("NFKD", value.casefold())
        value = "".join(c for c in value if not unicodedata.combining(c))
        value = _PUNCTUATION.sub(" ", value)
    value = " ".join(value.split())
    if value.startswith("the "):
        value = value[4:]
    return value
