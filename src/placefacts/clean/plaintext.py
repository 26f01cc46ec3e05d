"""Clean plain text: repair link breaks and tokenised spacing, keep the offset map.

Two real artefacts are repaired here:

* Mirrors that turn every link into a line break. The text after a link
  starts a new line: with a non-breaking space where there was a space, with
  the punctuation itself where there was none. A new line starting with a
  capital is a new sentence (some mirrors lost the full stop there).
* Tokenised text (`Mola di Bari , commonly ... ( Barese : )`): spaces before
  punctuation and inside brackets are dropped.

The clean text uses a single "\\n" for a sentence boundary that has no full
stop, "\\n\\n" between paragraphs, and one space for any run of blanks.
"""

from __future__ import annotations

import re

from placefacts import regex_cache
from placefacts.clean import Block, Prepared
from placefacts.clean.offsets import CleanTextBuilder

_LINE = regex_cache.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_BLANK = "[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
_LEAD_WS = regex_cache.compile(_BLANK + "*")
_BLANK_CHARS = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_WS_RUN = regex_cache.compile(_BLANK + "+")
_ODD_BLANKS = regex_cache.compile("(?: " + _BLANK + "+|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]" + _BLANK + "*)")
_JOIN_TIGHT = regex_cache.compile(r"[,.;:)\]!?%\u2019']")
_BULLET = regex_cache.compile(r"[\u2022\u25aa\u25cf\u2023\u2043*#\u2013\u2014-]\s")
# Words that cannot end a sentence: a line ending in one continues.
_CONTINUES = regex_cache.compile(
    r"\b(the|a|an|of|in|on|at|to|and|or|by|for|from|with|as|is|was|are|were|its|their|his|her)$",
    re.IGNORECASE,
)
# " , ", " ( ", "word 's": every form opens with a blank, so the engine jumps from blank to blank.
_TOKENISED_MARK = regex_cache.compile(r" (?:[,.;:)] |\( |(?<=\w )'s\b)")
_TIGHT_BEFORE = frozenset(",.;:)]!?%")


def looks_tokenised(raw: str) -> bool:
    """True for whitespace-tokenised text (spaces before commas and full stops)."""
    sample = raw[:5000]
    marks = len(_TOKENISED_MARK.findall(sample))
    commas = sample.count(",") + sample.count(".")
    return marks >= 3 and marks * 2 >= commas


def _emit_line(out: CleanTextBuilder, raw: str, start: int, end: int, tokenised: bool) -> None:
    """Append raw[start:end] with blank runs collapsed (and tokenisation undone)."""
    pos = start
    # A single plain space is kept as it is (most of the text); only other blank runs are visited.
    for run in (_WS_RUN if tokenised else _ODD_BLANKS).finditer(raw, start, end):
        out.copy(raw[pos : run.start()], pos)
        nxt = raw[run.end()] if run.end() < end else ""
        prev = raw[run.start() - 1] if run.start() > start else ""
        drop = tokenised and (
            nxt in _TIGHT_BEFORE
            or prev == "("
            or raw.startswith("'s", run.end())
            or raw.startswith("\u2019s", run.end())
            or raw.startswith("n't", run.end())
        )
        if not drop:
            if run.group() == " ":
                out.copy(" ", run.start())
            else:
                out.replace(" ", run.start(), run.end())
        pos = run.end()
    out.copy(raw[pos:end], pos)


def clean_plaintext(raw: str, title: str | None = None) -> Prepared:
    tokenised = looks_tokenised(raw)
    out = CleanTextBuilder()
    blocks: list[Block] = []
    section = ""
    block_start: int | None = None
    block_kind = "paragraph"
    blank_lines = 0
    block_lines = 0
    gap_start = 0  # raw offset where the pending line break began
    lines: list[tuple[int, int, int]] = []  # (content start, content end, line end)

    for match in _LINE.finditer(raw):
        if match.start() == match.end():
            break
        lines.append((match.start(1), match.end(1), match.end()))

    def close_block(kind_override: str | None = None) -> None:
        nonlocal block_start
        if block_start is not None and len(out) > block_start:
            kind = kind_override or block_kind
            blocks.append(Block(kind, block_start, len(out), section))  # type: ignore[arg-type]
        block_start = None

    content = [i for i, line in enumerate(lines) if not _is_blank(raw, line)]
    first_content = content[0] if content else -1
    last_content = content[-1] if content else -1
    for index, (cstart, cend, _line_end) in enumerate(lines):
        lead = _LEAD_WS.match(raw, cstart, cend)
        body_start = lead.end() if lead else cstart
        # rstrip, not a "\s+$" search: that is quadratic on a long blank run inside a line.
        body_end = body_start + len(raw[body_start:cend].rstrip(_BLANK_CHARS))
        if body_start >= body_end:
            blank_lines += 1
            continue
        first = raw[body_start]
        is_bullet = bool(_BULLET.match(raw, body_start)) or first == "\u2022"
        if len(out):
            gap = (gap_start, body_start)
            prev_text = raw[max(0, gap_start - 40) : gap_start]
            if blank_lines:
                # A short unpunctuated paragraph followed by a blank line is a heading.
                close_block()
                out.replace("\n\n", *gap)
            elif is_bullet:
                close_block()
                out.replace("\n", *gap)
            elif _JOIN_TIGHT.match(first) or raw.startswith("'s", body_start):
                pass  # the break stood between a link and its punctuation
            elif "\u00a0" in raw[gap_start:body_start] or first.islower() or _CONTINUES.search(prev_text):
                out.replace(" ", *gap)
            else:
                out.replace("\n", *gap)  # sentence boundary without full stop
        if block_start is None:
            block_start = len(out)
            block_kind = "item" if is_bullet else "paragraph"
            block_lines = 0
        _emit_line(out, raw, body_start, body_end, tokenised)
        blank_lines = 0
        gap_start = body_end
        block_lines += 1
        next_blank = index + 1 < len(lines) and _is_blank(raw, lines[index + 1])
        more_after = index < last_content
        if next_blank and more_after and block_lines == 1 and block_kind != "item" and _looks_like_heading(raw[body_start:body_end]):
            heading = raw[body_start:body_end]
            if index == first_content:  # the first line of the document is its title, not a heading
                close_block("title")
                title = title or heading
            else:
                close_block("heading")
                section = heading
    close_block()
    return Prepared(text=out.build(), blocks=blocks, title=title)


def _is_blank(raw: str, line: tuple[int, int, int]) -> bool:
    return not raw[line[0] : line[1]].strip(" \t\u00a0\u3000\ufeff")


def _looks_like_heading(line: str) -> bool:
    """A short line with no sentence punctuation at its end and a capital start."""
    line = line.strip()
    return (
        0 < len(line) <= 60
        and line[0].isupper()
        and line[-1] not in ".!?:;,)\"'\u201d"
        and line.count(" ") <= 6
    )
