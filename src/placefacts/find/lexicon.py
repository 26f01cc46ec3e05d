"""Lexicons kept as data files beside the finders (`find/data/*.txt`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from placefacts.normalise.patterns import word_alternation


@cache
def entries(name: str) -> dict[str, str]:
    """Lines of data/<name>.txt as {surface form: value}; "a=b" maps a variant to a value."""
    text = resources.files(__package__).joinpath("data", f"{name}.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        form, _, value = line.partition("=")
        out[form.strip()] = (value or form).strip()
    return out


@cache
def alternation(name: str) -> str:
    """A regex alternation of a lexicon's surface forms, longest first, spaces flexible."""
    return word_alternation(entries(name))
