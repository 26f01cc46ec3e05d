"""Cleaned text that remembers where every character came from.

Cleaning (joining link breaks, dropping markup, rendering templates) changes
the text; facts must still point into the raw input. A `CleanText` is built
from segments: a *copy* segment maps character for character onto the raw
text, a *replace* segment maps all its characters onto one raw range (a
rendered template, an entity, a collapsed run of whitespace). Any span of
the clean text then maps back to a raw span with `raw_span`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class CleanText:
    text: str
    # Parallel lists, one entry per segment, ordered by clean start.
    _clean_starts: list[int] = field(default_factory=list)
    _raw_starts: list[int] = field(default_factory=list)
    _raw_ends: list[int] = field(default_factory=list)
    _copies: list[bool] = field(default_factory=list)

    def _locate(self, pos: int) -> tuple[int, int]:
        """Raw (start, end) of the clean character at `pos`."""
        i = bisect_right(self._clean_starts, pos) - 1
        if i < 0:
            raise IndexError(pos)
        if self._copies[i]:
            raw = self._raw_starts[i] + pos - self._clean_starts[i]
            return raw, raw + 1
        return self._raw_starts[i], self._raw_ends[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the raw span that produced it."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad clean span {start}:{end} of {len(self.text)}")
        return self._locate(start)[0], self._locate(end - 1)[1]

    def slice(self, start: int, end: int) -> CleanText:
        """A sub-text (clean offsets restart at 0) still mapped onto the same raw text."""
        out = CleanTextBuilder()
        pos = start
        while pos < end:
            i = bisect_right(self._clean_starts, pos) - 1
            seg_end = self._clean_starts[i + 1] if i + 1 < len(self._clean_starts) else len(self.text)
            stop = min(seg_end, end)
            if self._copies[i]:
                raw = self._raw_starts[i] + pos - self._clean_starts[i]
                out.copy(self.text[pos:stop], raw)
            else:
                out.replace(self.text[pos:stop], self._raw_starts[i], self._raw_ends[i])
            pos = stop
        return out.build()


class CleanTextBuilder:
    """Append-only builder of a `CleanText`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._clean_starts: list[int] = []
        self._raw_starts: list[int] = []
        self._raw_ends: list[int] = []
        self._copies: list[bool] = []

    def __len__(self) -> int:
        return self._length

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def copy(self, text: str, raw_start: int) -> None:
        """Append `text`, which is raw[raw_start:raw_start+len(text)] verbatim."""
        if not text:
            return
        if (
            self._copies
            and self._copies[-1]
            and self._raw_ends[-1] == raw_start
        ):
            self._raw_ends[-1] = raw_start + len(text)  # extend the previous copy
        else:
            self._push(raw_start, raw_start + len(text), True)
        self._parts.append(text)
        self._length += len(text)

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append `text`, standing for raw[raw_start:raw_end] (which it need not equal)."""
        if not text:
            return
        if raw_end <= raw_start:
            raw_end = raw_start + 1
        self._push(raw_start, raw_end, False)
        self._parts.append(text)
        self._length += len(text)

    def _push(self, raw_start: int, raw_end: int, is_copy: bool) -> None:
        self._clean_starts.append(self._length)
        self._raw_starts.append(raw_start)
        self._raw_ends.append(raw_end)
        self._copies.append(is_copy)

    def build(self) -> CleanText:
        return CleanText(
            "".join(self._parts), self._clean_starts, self._raw_starts, self._raw_ends, self._copies
        )


def identity(raw: str) -> CleanText:
    """A clean text equal to the raw text."""
    builder = CleanTextBuilder()
    builder.copy(raw, 0)
    return builder.build()
