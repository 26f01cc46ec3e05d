"""Text normalisation: the folded form under which names compare (the spec's matching rule)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (the spec's matching rule)."""
    value = unicodedata.normalize("NFKD", value.casefold())
    value = "".join(c for c in value if not unicodedata.combining(c))
    value = re.sub(r"[^\w\s]|_", " ", value)
    value = " ".join(value.split())
    if value.startswith("the "):
        value = value[4:]
    return value
