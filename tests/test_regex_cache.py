"""Patterns from the on-disk cache are the patterns `re.compile` makes, and a bad cache never breaks a run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from placefacts import regex_cache
from placefacts.regex_cache import PatternCache

# Flags, named and numbered groups, look-arounds, non-ASCII, case-blind classes: what the finders use.
PATTERNS = [
    (r"\b(?P<value>\d{1,3}(?:,\d{3})*)\s(?:inhabitants|people)\b", 0),
    (r"(?<![\w'’-])(?:Kazakh|Russian|Uyghur)s?(?![\w'’]|-(?!\s))", 0),
    (r"\bpopulat(?:ion|ed)\b", re.IGNORECASE),
    (r"(?i:founded|established)\s(?:in\s)?(\d{4})", 0),
    (r"""  ^ (?P<deg>\d+) ° \s* (?P<min>\d+)? ′?  # degrees and minutes""", re.VERBOSE | re.MULTILINE),
    (r"(a)(?P<b>b)?(?(2)c|d)", 0),
]
TEXT = "Founded in 1938, Zhezqazğan had 90,188 inhabitants; most were Kazakhs and Russians. 47° 48′ abd POPULATION ad"


def _compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """What the cache's compiler makes of a pattern: `re.compile`'s code, with a first-character set where it helps."""
    return regex_cache._engine(source, regex_cache._compile(source, flags))


def _behaviour(pattern: re.Pattern[str]) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(TEXT)]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_cached_pattern_is_the_one_re_compile_makes(tmp_path: Path, source: str, flags: int) -> None:
    path = tmp_path / "patterns.marshal"
    first = PatternCache(path)
    fresh = first.compile(source, flags)
    first.save()
    assert path.exists()

    from_disk = PatternCache(path).compile(source, flags)
    expected = re.compile(source, flags)
    # Pattern equality compares the pattern, the flags and the compiled code.
    assert fresh == from_disk == _compiled(source, flags)
    assert (from_disk.pattern, from_disk.flags) == (expected.pattern, expected.flags)
    assert (from_disk.groups, from_disk.groupindex) == (expected.groups, expected.groupindex)
    assert _behaviour(from_disk) == _behaviour(expected)


def test_nothing_new_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    cache = PatternCache(path)
    cache.compile(r"\d+")
    cache.save()
    written = path.stat().st_mtime_ns
    again = PatternCache(path)
    again.compile(r"\d+")
    again.save()
    assert path.stat().st_mtime_ns == written


def test_damaged_cache_falls_back_and_is_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not a cache")
    cache = PatternCache(path)
    assert cache.compile(r"\bcity\b", re.IGNORECASE).search("The CITY") is not None
    cache.save()
    assert PatternCache(path).compile(r"\bcity\b", re.IGNORECASE) == _compiled(r"\bcity\b", re.IGNORECASE)


def test_code_the_engine_rejects_is_compiled_afresh(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    cache = PatternCache(path)
    cache.compile("abc")
    cache.save()
    tampered = PatternCache(path)
    stored = tampered._load()
    flags, code, *rest = stored[("abc", 0)]
    stored[("abc", 0)] = (flags, b"\xff\xff\xff\xff" * (len(code) // 4), *rest)
    assert tampered.compile("abc") == _compiled("abc")


def test_bad_pattern_raises_as_re_compile_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        PatternCache(tmp_path / "patterns.marshal").compile(r"(unclosed")


def test_no_folder_means_no_cache(tmp_path: Path) -> None:
    cache = PatternCache(None)
    assert cache.compile(r"\w+") == _compiled(r"\w+")
    cache.save()  # nothing to write to, nothing raised


def test_folder_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(regex_cache.ENV, str(tmp_path))
    assert regex_cache.default_path().parent == tmp_path
    monkeypatch.setenv(regex_cache.ENV, "")
    assert regex_cache.default_path() is None


def test_unwritable_folder_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = PatternCache(blocker / "sub" / "patterns.marshal")  # its parent can never be a folder
    assert cache.compile(r"x+") == _compiled(r"x+")
    cache.save()


def test_a_changed_private_compiler_falls_back_to_re_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def changed(*args: object) -> None:
        raise TypeError("compile() takes 7 arguments")

    monkeypatch.setattr(regex_cache, "_engine", changed)
    cache = PatternCache(tmp_path / "patterns.marshal")
    assert cache.compile(r"\btown\b", re.IGNORECASE) == re.compile(r"\btown\b", re.IGNORECASE)
    cache.save()
    assert not (tmp_path / "patterns.marshal").exists()  # nothing that could not be used is kept
