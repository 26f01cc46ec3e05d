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


def word_alternation(forms: Iterable[str], space: str = r"[\s-]", ignore_case: bool = True) -> str:
    """A regex (without a group around it) that matches any of `forms`, longest first; a space in a form
    matches `space`. Pass `ignore_case=False` when no case-blind pattern embeds it: "a" and "A" then never take
    the same character, and more of the forms can be factored."""
    trie: dict[str, dict] = {}
    for form in sorted(forms):  # the same pattern in every process, whatever order a set gives the forms
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(trie, space, ignore_case) if trie else "(?!)"


def _emit(node: dict[str, dict], space: str, ignore_case: bool) -> str:
    children = [char for char in node if char != _END]
    if not children:
        return ""
    if len({_clash_key(char, ignore_case) for char in children}) < len(children):
        # Two branches can take the same character ("a" and "A" in a case-blind pattern, a space and a hyphen):
        # the first to match would win, not the longest, so below here the forms are listed longest first.
        suffixes = sorted(_suffixes(node), key=len, reverse=True)
        body = "|".join(_escape(suffix, space) for suffix in suffixes if suffix)
        return f"(?:{body})?" if "" in suffixes else f"(?:{body})"
    branches = [(_escape(char, space) + _emit(node[char], space, ignore_case)) for char in children]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{body})?"  # greedy: the longer form first, this one if the rest of the pattern fails
    return body


def _clash_key(char: str, ignore_case: bool) -> str:
    if char == " ":
        return "-"
    return char.lower() if ignore_case else char


def _escape(text: str, space: str) -> str:
    return "".join(space if char == " " else re.escape(char) for char in text)


def _suffixes(node: dict[str, dict], prefix: str = "") -> list[str]:
    out = [prefix] if _END in node else []
    for char, child in node.items():
        if char != _END:
            out.extend(_suffixes(child, prefix + char))
    return out
