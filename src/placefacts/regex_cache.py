"""Compiled regular expressions, kept on disk between runs.

Importing the finders compiles some 500 patterns, several of them lexicons of
thousands of forms, and Python's regex compiler (itself written in Python)
spends over a second on them: a cost every `placefacts extract` run and every
fresh worker pays before its first article. The compiled code depends only on
the pattern, its flags and the Python build, so it is kept in the user's cache
folder and handed straight to the engine next time (start-up ~2 s -> ~0.6 s).

The code is `re`'s own, with one addition: the set of characters a match can
start with, where `re` leaves a search without one (`regex_first`).

The engine validates any code it is given, and a cache that is missing,
unreadable or from another Python means compiling afresh: results never
depend on it. `PLACEFACTS_CACHE_DIR` chooses the folder; set empty, no cache.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from placefacts.regex_first import add_first_chars

ENV = "PLACEFACTS_CACHE_DIR"
_KEEP = 4000  # entries; beyond this only the patterns this process used are kept
_CODE_VERSION = 3  # raised whenever this module (or regex_first) compiles the same pattern to other code

Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]  # flags, code, groups, group names both ways


def default_path() -> Path | None:
    folder = os.environ.get(ENV)
    if folder is None:
        folder = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "placefacts")
    if not folder:
        return None
    build = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{_CODE_VERSION}".encode()).hexdigest()[:16]
    return Path(folder) / f"patterns-{build}.marshal"


class PatternCache:
    """Compiled code of patterns by (pattern, flags), read from `path` on first use and written back by `save`."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stored: dict[tuple[str, int], Entry] | None = None
        self._used: dict[tuple[str, int], Entry] = {}
        self._added = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, int(flags))
        entry = self._used.get(key) or self._load().get(key)
        if entry is not None:
            try:
                compiled = _engine(pattern, entry)
                self._used[key] = entry
                return compiled
            except Exception:  # code this engine rejects: compile afresh below
                pass
        try:
            entry = _compile(pattern, int(flags))
            compiled = _engine(pattern, entry)
        except re.error:
            raise
        except Exception:  # the private compiler API changed: plain re.compile, never cached
            return re.compile(pattern, flags)
        self._used[key] = entry
        self._added = True
        return compiled

    def _load(self) -> dict[tuple[str, int], Entry]:
        if self._stored is None:
            self._stored = {}
            if self.path is not None:
                try:
                    stored = marshal.loads(self.path.read_bytes())
                    if isinstance(stored, dict):
                        self._stored = stored
                except (OSError, ValueError, EOFError, TypeError):
                    pass  # no cache yet, or a damaged one: it is rewritten on save
        return self._stored

    def save(self) -> None:
        """Write the cache if this process compiled anything new (atomically: a concurrent run never reads half)."""
        if not self._added or self.path is None:
            return
        entries = dict(self._load())
        if len(entries) + len(self._used) > _KEEP:
            entries = {}
        entries.update(self._used)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(entries))
            os.replace(temporary, self.path)
            self._added = False
        except OSError:
            pass  # a read-only home: every run compiles, as without a cache


def _engine(pattern: str, entry: Entry) -> re.Pattern[str]:
    """The engine's pattern from compiled code (what `re.compile` ends with); it validates the code."""
    return _sre.compile(pattern, entry[0], array("I", entry[1]).tolist(), *entry[2:])


def _compile(pattern: str, flags: int) -> Entry:
    """What `re.compile` computes before it calls the engine, as plain data."""
    tree = _parser.parse(pattern, flags)
    code = array("I", [int(op) for op in add_first_chars(_compiler._code(tree, flags), tree, flags)]).tobytes()
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup)


_DEFAULT = PatternCache(default_path())
atexit.register(_DEFAULT.save)


def compile(pattern: str, flags: Any = 0) -> re.Pattern[str]:  # noqa: A001  (the same call as re.compile)
    """`re.compile(pattern, flags)`, from the on-disk cache where it holds the pattern."""
    return _DEFAULT.compile(pattern, flags)
