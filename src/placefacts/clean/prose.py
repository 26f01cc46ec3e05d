"""Writing clean prose from markup: blocks, collapsed blanks, an exact offset map.

Both markup cleaners (HTML, wikitext) walk their source and hand pieces of
text here, each with the raw range it came from. The writer collapses blank
runs the way a browser does, drops blanks at block edges, and separates
blocks with "\\n\\n"; a soft line break inside a block (<br>) is "\\n", which
the sentence splitter reads as a boundary. In inline mode (a field value or
a table cell) there are no blocks and every break is "\\n".
"""

from __future__ import annotations

from placefacts import regex_cache
from placefacts.clean import Block, BlockKind
from placefacts.clean.offsets import CleanText, CleanTextBuilder

_BLANKS = regex_cache.compile(r"[ \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = regex_cache.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]+")

# Sections whose content is apparatus (citations, link lists), not statements about the place.
SKIP_SECTIONS = frozenset(
    {
        "references", "notes", "footnotes", "citations", "sources", "bibliography", "external links",
        "see also", "further reading", "notes and references", "references and notes", "gallery",
        "photo gallery", "image gallery", "literature", "weblinks", "einzelnachweise", "external link",
    }
)


def is_skipped_section(heading: str) -> bool:
    return " ".join(heading.lower().split()).strip(" :") in SKIP_SECTIONS


class ProseWriter:
    """Appends text pieces, each mapped to its raw range, into blocks of a `CleanText`."""

    def __init__(self, inline: bool = False) -> None:
        self.out = CleanTextBuilder()
        self.blocks: list[Block] = []
        self.section = ""
        self._inline = inline
        self._kind: BlockKind | None = None
        self._start = 0  # clean offset where the open block's text starts
        self._has_text = False
        self._pending: tuple[str, int, int, bool] | None = None  # (separator, raw start, raw end, verbatim)
        self._last_raw = 0

    # -- blocks ------------------------------------------------------------
    def open(self, kind: BlockKind) -> None:
        """Start a new block of `kind` (closing the open one); it takes the next text."""
        self.close()
        self._kind = kind

    def close(self) -> Block | None:
        """Close the open block; returns it (None when it got no text)."""
        block = None
        if self._kind is not None and self._has_text:
            block = Block(self._kind, self._start, len(self.out), self.section)
            if not self._inline:
                self.blocks.append(block)
        self._kind = None
        self._has_text = False
        self._pending = None
        return block

    @property
    def kind(self) -> BlockKind | None:
        return self._kind

    def out_text(self, start: int, end: int) -> str:
        """Clean text written so far, [start:end)."""
        return "".join(self.out._parts)[start:end]

    # -- separators --------------------------------------------------------
    def space(self, raw_start: int, raw_end: int, verbatim: bool = False) -> None:
        """A collapsible blank: a blank run, or markup standing between words."""
        if self._has_text and self._pending is None:
            self._pending = (" ", raw_start, raw_end, verbatim)

    def line_break(self, raw_start: int, raw_end: int) -> None:
        """A soft break inside a block (<br>, a newline between list lines)."""
        if self._has_text and (self._pending is None or self._pending[0] == " "):
            self._pending = ("\n", raw_start, raw_end, False)

    # -- text --------------------------------------------------------------
    def text(self, text: str, raw_start: int, raw_end: int | None = None) -> None:
        """Append `text`: verbatim raw text at `raw_start` (`raw_end` None), or standing for raw[raw_start:raw_end]."""
        if raw_end is not None:  # rendered text: all of it maps onto one raw range
            for index, word in enumerate(_BLANKS.split(_INVISIBLE.sub("", text))):
                if index:
                    self.space(raw_start, raw_end)
                if word:
                    self._emit(word, raw_start, raw_end)
            return
        pos = 0
        for blank in _BLANKS.finditer(text):
            self._verbatim(text[pos : blank.start()], raw_start + pos)
            self.space(raw_start + blank.start(), raw_start + blank.end(), blank.group() == " ")
            pos = blank.end()
        self._verbatim(text[pos:], raw_start + pos)

    def _verbatim(self, word: str, raw_start: int) -> None:
        pos = 0
        for hidden in _INVISIBLE.finditer(word):
            if hidden.start() > pos:
                self._emit(word[pos : hidden.start()], raw_start + pos, None)
            pos = hidden.end()
        if pos < len(word):
            self._emit(word[pos:], raw_start + pos, None)

    def _emit(self, word: str, raw_start: int, raw_end: int | None) -> None:
        if self._kind is None:
            self._kind = "paragraph"
        if not self._has_text:
            if len(self.out):
                sep = "\n" if self._inline else "\n\n"
                if self._last_raw < raw_start:
                    self.out.replace(sep, self._last_raw, raw_start)
                else:
                    self.out.replace(sep, raw_start, raw_start + 1)
            self._start = len(self.out)
            self._has_text = True
        elif self._pending is not None:
            sep, a, b, verbatim = self._pending
            if verbatim:
                self.out.copy(sep, a)
            else:
                self.out.replace(sep, a, b)
        self._pending = None
        if raw_end is None:
            self.out.copy(word, raw_start)
            self._last_raw = raw_start + len(word)
        else:
            self.out.replace(word, raw_start, raw_end)
            self._last_raw = raw_end

    def finish(self) -> CleanText:
        self.close()
        return self.out.build()
