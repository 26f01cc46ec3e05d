"""Clean stage: raw document -> `Prepared` (clean prose, structured fields, tables).

Every reader's cleaner returns the same `Prepared` shape so that the finders
never care whether the input was plain text, HTML or wikitext. All text in
it is a `CleanText`, mapped back onto the raw document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from placefacts.clean.offsets import CleanText

BlockKind = Literal["title", "heading", "paragraph", "item"]


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or list item of the prose, as a clean span."""

    kind: BlockKind
    start: int
    end: int
    section: str = ""  # text of the nearest heading above; "" in the lead


@dataclass(slots=True)
class Field:
    """One key/value of a structured source: an infobox parameter or row."""

    key: str
    value: CleanText
    group: str = "infobox"  # e.g. "infobox settlement", "infobox uk place"


@dataclass(slots=True)
class Table:
    """A table of the page: a header row and body rows of clean cells."""

    kind: str  # "climate", "population", or "other"
    header: list[CleanText] = field(default_factory=list)
    rows: list[list[CleanText]] = field(default_factory=list)
    caption: str = ""


@dataclass(slots=True)
class Prepared:
    """The cleaned document that every finder reads."""

    text: CleanText
    blocks: list[Block] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    title: str | None = None

    def lead_end(self) -> int:
        """Clean offset where the lead section ends (the first heading, else the end)."""
        for block in self.blocks:
            if block.kind == "heading":
                return block.start
        return len(self.text.text)
