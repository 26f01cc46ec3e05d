"""The sentence around a piece of evidence, for showing it highlighted where it was said."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from placefacts import regex_cache

WINDOW = 320  # characters looked at on each side; a sentence longer than that is cut with "…"

_END = regex_cache.compile(r"[.!?][\"')\]]*(?=\s)|\n[ \t]*\n|<(?:/?p|br|/?li|/?h\d|/?td|/?tr|/?div)\b[^>]*>", re.IGNORECASE)
_TAG = regex_cache.compile(r"<[^>]*>|^[^<>]*>|<[^>]*$")  # whole tags, and tags cut by the window's edges
_WIKILINK = regex_cache.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_BOLD = regex_cache.compile(r"'{2,}")
_LINK_PART = regex_cache.compile(r"\[\[[^\]|]*\||\[\[|\]\]")  # what is left of a link cut by the evidence span
_SPACE = regex_cache.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class InContext:
    before: str
    evidence: str
    after: str


def _readable(piece: str, form: str) -> str:
    """Markup taken out of a piece of raw HTML or wikitext, so people read the words."""
    if form == "html":
        piece = html.unescape(_TAG.sub("", piece))
    elif form == "wikitext":
        piece = _LINK_PART.sub("", _BOLD.sub("", _WIKILINK.sub(r"\1", _TAG.sub("", piece))))
    return _SPACE.sub(" ", piece)


def sentence_around(raw: str, start: int, end: int, form: str = "text") -> InContext:
    """Split the sentence holding raw[start:end] into the text before, the evidence, and the text after."""
    start, end = max(0, min(start, len(raw))), max(0, min(end, len(raw)))
    lo = max(0, start - WINDOW)
    begin = lo
    for match in _END.finditer(raw, lo, start):
        begin = match.end()
    cut_before = begin == lo and lo > 0
    hi = min(len(raw), end + WINDOW)
    match = _END.search(raw, end, hi)
    stop = match.end() if match and not match.group(0).startswith(("<", "\n")) else (match.start() if match else hi)
    cut_after = match is None and hi < len(raw)
    before = _readable(raw[begin:start], form).lstrip()
    after = _readable(raw[end:stop], form).rstrip()
    return InContext(("…" if cut_before else "") + before, _readable(raw[start:end], form),
                     after + ("…" if cut_after else ""))
