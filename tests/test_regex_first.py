"""A first-character set changes where a search looks, never what it finds."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from functools import lru_cache
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import placefacts.pipeline  # noqa: F401  (compiles every finder's pattern)
from placefacts import regex_cache
from placefacts.regex_first import add_first_chars, opening_chars

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wiktor"
# Characters that fold oddly (Kelvin sign, long s, dotless and dotted i, title-case digraph), digits, marks, breaks.
ODD = ["\u212a", "\u017f", "\u0131", "\u0130", "\u01c5", "K", "k", "S", "s", "I", "i", "°", "′", "–", "’", "'", "\n", "\xa0"]


@lru_cache(maxsize=1)
def _finders_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each finder pattern as the cache compiles it, beside `re.compile`'s."""
    return [(_with_first_chars(source, flags), re.compile(source, flags)) for source, flags in sorted(regex_cache._DEFAULT._used)]


def _with_first_chars(source: str, flags: int = 0) -> re.Pattern[str]:
    return regex_cache._engine(source, regex_cache._compile(source, flags))


def _found(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    end = len(text) if end is None else end
    return [(m.span(), m.groups()) for m in pattern.finditer(text, start, end)]


def _gains(source: str, flags: int = 0) -> bool:
    tree = _parser.parse(source, flags)
    code = _compiler._code(tree, flags)
    return add_first_chars(list(code), tree, flags) != code


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\b(?:lies|sits)\s", 0),
        (r"\bpopulat(?:ion|ed)\b", re.IGNORECASE),
        (r"(?<![\w'’-])(?:the\s)?[A-Z][a-z]+", 0),
        (r"(?:\d|one|two)\s(?i:km|mi)", 0),
        (r"(?>\s*)x", 0),
        (r"[^\W\d_]+", 0),  # a negated class: spelled out
    ],
)
def test_openings_the_compiler_leaves_get_a_set(source: str, flags: int) -> None:
    assert _gains(source, flags)


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"^(?:lies|sits)", 0),  # the engine stops after the first position already
        (r"\Apopulation", re.IGNORECASE),
        (r"a*", 0),  # may match empty
        (r"\b(?:x|y?)", 0),
        (r"\b[^a]b", 0),  # anything but one character
        (r"\b[^a-z]b", re.IGNORECASE),  # a negated class under case folding
        (r"\b.b", 0),
        (r"(a)?\b(?(1)b|c)", 0),  # a conditional
        (r"town", 0),  # the compiler's own prefix
        (r"\b\U0001d400", re.IGNORECASE),  # folded by another rule beyond the BMP
    ],
)
def test_what_it_cannot_be_sure_of_keeps_its_code(source: str, flags: int) -> None:
    assert not _gains(source, flags)
    assert _with_first_chars(source, flags) == re.compile(source, flags)


def test_case_variants_follow_the_engine() -> None:
    # Kelvin sign folds to k, long s to s, dotless i is one of i's extra cases.
    for source, text in [(r"\bkm\b", "5 \u212am"), (r"\bsea\b", "the \u017fea"), (r"\bis\b", "it \u0131s"), (r"\bİ", "x İ")]:
        compiled = _with_first_chars(source, re.IGNORECASE)
        assert _found(compiled, text) == _found(re.compile(source, re.IGNORECASE), text)
    assert _with_first_chars(r"\bkm\b", re.IGNORECASE).search("5 \u212am") is not None


def test_classes_kept_under_folding_hold_every_folded_member() -> None:
    # A character whose lower-case form is a digit, word character or space is one itself, so the class alone
    # holds every character IGNORECASE lets through.
    for name, cls in (("digit", r"\d"), ("word", r"\w"), ("space", r"\s")):
        member = re.compile(cls)
        escaped = [
            hex(char)
            for char in range(0x110000)
            if _sre.unicode_tolower(char) != char
            and member.match(chr(_sre.unicode_tolower(char)))
            and not member.match(chr(char))
        ]
        assert escaped == [], name


def test_every_finder_pattern_finds_the_same_in_real_articles() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))[:40]]
    if not texts:
        pytest.skip(f"no corpus at {CORPUS}")
    patterns = _finders_patterns()
    assert len(patterns) > 300
    gained = 0
    for ours, stock in patterns:
        gained += ours != stock
        for text in texts:
            assert _found(ours, text) == _found(stock, text), stock.pattern
    assert gained > len(patterns) // 2  # the point of it: most finder patterns open without a prefix


WORDS = st.sampled_from(
    ["the", "The", "town", "lies", "km", "of", "in", "population", "1,234", "42", "River", "St.", "city's", "(", ")", ","]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(WORDS, st.sampled_from(ODD), st.text(min_size=1, max_size=3)), max_size=40),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_every_finder_pattern_finds_the_same_in_made_up_text(parts: list[str], cut_start: int, cut_end: int) -> None:
    text = " ".join(parts)
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for ours, stock in _finders_patterns():
        assert _found(ours, text, start, end) == _found(stock, text, start, end), stock.pattern


def test_opening_chars_hold_every_place_a_match_starts() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))[:15]]
    if not texts:
        pytest.skip(f"no corpus at {CORPUS}")
    listed = 0
    for _ours, stock in _finders_patterns():
        openers = opening_chars(stock)
        if openers is None:
            continue
        listed += 1
        for text in texts:
            for place in range(len(text)):
                if text[place] not in openers:
                    assert stock.match(text, place) is None, (stock.pattern, text[place])
    assert listed > 100


def test_opening_chars_examples() -> None:
    assert opening_chars(re.compile(r"\bkm|mi\b", re.IGNORECASE)) == frozenset("kKmM\u212a")
    assert opening_chars(re.compile(r",\s|\s(?:and|or)\s")) >= {",", " ", "\n", "\xa0"}
    assert opening_chars(re.compile(r"\w+")) is None  # too many to list
    assert opening_chars(re.compile(r"x?")) is None  # may match empty
    # Every blank Unicode knows lies at or below U+3000, so a listed \s is complete.
    assert [hex(c) for c in range(0x3001, 0x110000) if chr(c).isspace()] == []
    assert [c for c in range(0x3001) if chr(c).isspace()] == [c for c in range(0x3001) if re.match(r"\s", chr(c))]
