"""Regular expressions built from word lists.

A plain alternation of hundreds of forms makes the regex engine try every form
in turn at every position of the text; case-blind, it cannot even skip forms by
their first letter. The same forms factored on their common prefixes let the
engine branch on one character at a time, and it still prefers the longest form
that fits, as an alternation sorted longest first does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # trie key marking that a form ends at this node


def word_alternation(forms: Iterable[str], space: str = r"[\s-]") -> str:
    """A regex (without a group around it) that matches any of `forms`, longest first; a space in a form
    matches `space`."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(trie, space) if trie else "(?!)"


def _emit(node: dict[str, dict], space: str) -> str:
    branches = [
        (_longest(child), (space if char == " " else re.escape(char)) + _emit(child, space))
        for char, child in node.items()
        if char != _END
    ]
    if not branches:
        return ""
    # Where two branches can take the same character (a space and a hyphen), the longer is tried first.
    branches.sort(key=lambda pair: -pair[0])
    body = branches[0][1] if len(branches) == 1 else "(?:" + "|".join(b for _, b in branches) + ")"
    if _END in node:
        return f"(?:{body})?"  # greedy: the longer form first, this one if the rest of the pattern fails
    return body


def _longest(node: dict[str, dict]) -> int:
    return max((1 + _longest(child) for char, child in node.items() if char != _END), default=0)
