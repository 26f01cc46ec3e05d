"""The characters a match can start with, for searches the regex compiler leaves without them.

A search is fast when the engine knows which characters a match can start
with: it skips in C to the next such character and only there runs the
pattern. Python's compiler works that set out only for a pattern that opens
with plain literals or a class. A pattern that opens with `\\b`, a look-behind,
or a word list under IGNORECASE gets none, and then every search starts a full
match at every position of its text. Most of the finders' patterns open that
way (`\\b(?:lies|sits)`, `(?<![\\w'])(?:the\\s)?Name`).

`add_first_chars` works the set out from the parsed pattern: it steps over
zero-width openings (they consume nothing, so the first character is still
the next thing's), spells out case variants as the engine folds them, and
gives up wherever it cannot be sure. The set holds every character a match can
start with, so it changes where the engine looks, never what it finds.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from functools import lru_cache
from re import _compiler, _parser  # type: ignore[attr-defined]
from re._constants import (  # type: ignore[import-not-found]
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BEGINNING,
    AT_BEGINNING_STRING,
    ATOMIC_GROUP,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    CATEGORY_SPACE,
    CATEGORY_WORD,
    IN,
    INFO,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NEGATE,
    POSSESSIVE_REPEAT,
    RANGE,
    SRE_FLAG_IGNORECASE,
    SRE_FLAG_LOCALE,
    SRE_FLAG_UNICODE,
    SRE_INFO_CHARSET,
    SUBPATTERN,
    SUCCESS,
)
from typing import Any

_WIDEST_FOLDED_RANGE = 0x3000  # a case-folded class wider than this is left to the engine as it is
# Classes whose members' lower-case forms fall in the class only when the members do (checked in the tests),
# so under IGNORECASE the class itself holds every character the engine may let through.
_FOLD_CLOSED = (CATEGORY_DIGIT, CATEGORY_WORD, CATEGORY_SPACE)


class _Unknown(Exception):
    """A construct whose first character this module does not work out: the pattern keeps its code."""


class _Firsts:
    """Characters a match may start with: code points, ranges, and classes as the engine codes them."""

    def __init__(self) -> None:
        self.chars: set[int] = set()
        self.ranges: set[tuple[int, int]] = set()
        self.categories: set[int] = set()

    def items(self) -> list[tuple[Any, Any]]:
        return (
            [(LITERAL, low) if low == high else (RANGE, (low, high)) for low, high in _runs(self.chars)]
            + [(RANGE, bounds) for bounds in sorted(self.ranges)]
            + [(CATEGORY, category) for category in sorted(self.categories)]
        )


def _runs(chars: set[int]) -> list[tuple[int, int]]:
    """The characters as runs of consecutive code points (a spelled-out class is a few runs, not thousands)."""
    runs: list[tuple[int, int]] = []
    for char in sorted(chars):
        if runs and runs[-1][1] == char - 1:
            runs[-1] = (runs[-1][0], char)
        else:
            runs.append((char, char))
    return runs


def add_first_chars(code: list[int], tree: Any, flags: int) -> list[int]:
    """`code` as `re` compiled `tree`, with an INFO charset where the compiler found neither prefix nor charset."""
    if not code or code[0] != INFO or code[2] != 0 or code[3] == 0:
        return code  # the compiler's own prefix or charset, or a pattern that can match nothing
    flags |= tree.state.flags
    if flags & SRE_FLAG_LOCALE:
        return code
    opening = tree.data[0] if tree.data else None
    if opening and opening[0] is AT and opening[1] in (AT_BEGINNING, AT_BEGINNING_STRING):
        return code  # the engine already gives up after the first position
    firsts = _Firsts()
    try:
        if _sequence(tree.data, flags, firsts):
            return code  # may match empty
    except _Unknown:
        return code
    charset, _ = _compiler._optimize_charset(firsts.items())
    info = [INFO, 0, SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, 0, info)  # categories are already the engine's codes
    info[1] = len(info) - 1
    return info + code[1 + code[1] :]


@lru_cache(maxsize=256)
def opening_chars(pattern: re.Pattern[str], most: int = 256) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, for a finder to test a character against before it
    asks the engine to match there (a call and a set-up each, at places most of which open with none of them).

    None where a match may be empty or start with more than `most` characters, or the set is not worked out.
    """
    firsts = _Firsts()
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        flags = pattern.flags | tree.state.flags
        if flags & SRE_FLAG_LOCALE or _sequence(tree.data, flags, firsts):
            return None
    except Exception:  # a construct not worked out, or a parser that changed (a private API): ask the engine
        return None
    chars = set(firsts.chars)
    for low, high in firsts.ranges:
        if high - low >= most:
            return None
        chars.update(range(low, high + 1))
    for category in firsts.categories:
        if category != _SPACE:
            return None  # a class with members beyond the plane, or too many to list
        chars |= _BLANKS
    return frozenset(map(chr, chars)) if len(chars) <= most else None


_SPACE = _compiler.CH_UNICODE[CATEGORY_SPACE]
# The engine's Unicode blanks are str.isspace()'s, and none lies beyond U+3000 (tested).
_BLANKS = frozenset(char for char in range(0x3001) if chr(char).isspace())


def _sequence(data: list[tuple[Any, Any]], flags: int, firsts: _Firsts) -> bool:
    """Add what `data` can start with to `firsts`; True when all of it can match empty."""
    for op, av in data:
        if not _node(op, av, flags, firsts):
            return False
    return True


def _node(op: Any, av: Any, flags: int, firsts: _Firsts) -> bool:  # noqa: PLR0911,PLR0912 (one branch per construct)
    """Add what one parsed construct can start with; True when it can match empty."""
    if op is LITERAL:
        _add_literal(av, flags, firsts)
        return False
    if op is IN:
        _add_class(av, flags, firsts)
        return False
    if op in (AT, ASSERT, ASSERT_NOT):
        return True  # zero-width: the next construct gives the first character
    if op is BRANCH:
        empty = False
        for alternative in av[1]:
            empty = _sequence(alternative.data, flags, firsts) or empty
        return empty
    if op is SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return _sequence(inner.data, _compiler._combine_flags(flags, add_flags, del_flags), firsts)
    if op is ATOMIC_GROUP:
        return _sequence(av.data, flags, firsts)
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        least, _most, inner = av
        return _sequence(inner.data, flags, firsts) or least == 0
    raise _Unknown(op)  # ANY, NOT_LITERAL, group references, conditionals


def _folding(flags: int) -> bool:
    return bool(flags & SRE_FLAG_IGNORECASE)


def _add_literal(char: int, flags: int, firsts: _Firsts) -> None:
    if _folding(flags):
        firsts.chars.update(_case_variants(char))
    else:
        firsts.chars.add(char)


def _add_class(items: list[tuple[Any, Any]], flags: int, firsts: _Firsts) -> None:
    if items and items[0][0] is NEGATE:  # "[^\\W\\d_]": spelled out over the plane, everything beyond let through
        if _folding(flags):
            raise _Unknown(NEGATE)
        firsts.chars.update(_plane_members(tuple(items), flags))
        firsts.ranges.add((0x10000, 0x10FFFF))
        return
    for op, av in items:
        if op is LITERAL:
            _add_literal(av, flags, firsts)
        elif op is RANGE:
            low, high = av
            if not _folding(flags):
                firsts.ranges.add((low, high))
            elif high - low > _WIDEST_FOLDED_RANGE:
                raise _Unknown(op)
            else:
                for char in range(low, high + 1):
                    firsts.chars.update(_case_variants(char))
        elif op is CATEGORY:
            if _folding(flags) and av not in _FOLD_CLOSED:
                raise _Unknown(op)
            firsts.categories.add(_compiler.CH_UNICODE[av] if flags & SRE_FLAG_UNICODE else av)
        else:
            raise _Unknown(op)  # an item the parser does not make today


def _case_variants(char: int) -> set[int]:
    """Every character the engine may take for `char` under IGNORECASE (Unicode or ASCII folding)."""
    if char > 0xFFFF:
        raise _Unknown(char)  # the engine folds these by another rule
    lower = _sre.unicode_tolower(char)
    variants = {char, _sre.ascii_tolower(char)}
    for folded in (lower, *_compiler._EXTRA_CASES.get(lower, ())):
        # The characters whose lower case is `folded`: itself, where lower-casing keeps it, and the others.
        if _sre.unicode_tolower(folded) == folded:
            variants.add(folded)
        variants.update(_lowered_to().get(folded, ()))
    return variants


@lru_cache(maxsize=64)
def _plane_members(items: tuple[tuple[Any, Any], ...], flags: int) -> frozenset[int]:
    """The characters of the Basic Multilingual Plane in a class, asked of the engine itself."""
    code = [IN, 0]
    _compiler._compile_charset(list(items), flags, code)
    code[1] = len(code) - 1
    member = _sre.compile("", flags, [*code, SUCCESS], 0, {}, (None,))
    return frozenset(map(ord, member.findall(_plane())))


@lru_cache(maxsize=1)
def _plane() -> str:
    """Every character of the Basic Multilingual Plane, in order (for the engine to sort them in one pass)."""
    return "".join(map(chr, range(0x10000)))


@lru_cache(maxsize=1)
def _lowered_to() -> dict[int, list[int]]:
    """The characters of the Basic Multilingual Plane that lower-casing changes, by what it makes of them."""
    lowered: dict[int, list[int]] = {}
    for char in range(0x10000):
        lower = _sre.unicode_tolower(char)
        if lower != char:
            lowered.setdefault(lower, []).append(char)
    return lowered
