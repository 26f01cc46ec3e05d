"""Tables from their rows, and what a table is: a climate box, a population history, or something else.

Built and classified (from the caption and the header cells) the same way for
HTML and wikitext tables, so that the table finders can rely on `Table.kind`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from placefacts import regex_cache
from placefacts.clean import Table
from placefacts.clean.offsets import CleanText

_MONTH = regex_cache.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE)
_CLIMATE = regex_cache.compile(r"\bclimate\b|\bweather\b|\btemperature", re.IGNORECASE)
_POPULATION = regex_cache.compile(r"\bpopulation\b|\bcensus\b|\binhabitants\b|\bpop\.", re.IGNORECASE)
_HISTORY = regex_cache.compile(r"historical|history|census|growth|development|evolution", re.IGNORECASE)
_YEAR_CELL = regex_cache.compile(r"^(?:1[5-9]\d\d|20\d\d)\b")


def classify(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """"climate", "population" or "other"."""
    months = sum(1 for cell in header if _MONTH.match(cell.strip()))
    if months >= 12 or (months >= 6 and _CLIMATE.search(caption)):
        return "climate"
    if _CLIMATE.search(caption) and any(_MONTH.match(c.strip()) for r in rows for c in r[:2]):
        return "climate"
    first = header[0].strip().lower() if header else ""
    second = " ".join(header[1:2]).lower()
    if (first.startswith(("year", "census")) or "year" in first) and _POPULATION.search(second + " " + caption):
        return "population"
    if _POPULATION.search(caption) and _HISTORY.search(caption):
        return "population"
    if header and sum(1 for cell in header if _YEAR_CELL.match(cell.strip())) >= 3 and any(
        _POPULATION.search(r[0]) for r in rows if r
    ):
        return "population"  # years across the top, a "Population" row below
    return "other"


def build_table(caption: str, rows: Iterable[tuple[bool, list[CleanText]]]) -> Table | None:
    """A table from its rows, each (all its cells are header cells, the cells), top to bottom.

    Header rows before the first body row give the caption (one cell, as in
    "Climate data for X") or the header (several cells); None when no body row.
    """
    header: list[CleanText] = []
    body: list[list[CleanText]] = []
    for all_header, cells in rows:
        if not cells:
            continue
        if all_header and not body:
            if len(cells) == 1:
                caption = caption or " ".join(cells[0].text.split())
            elif not header:
                header = cells
            continue
        body.append(cells)
    if not body:
        return None
    return Table(classify(caption, [h.text for h in header], [[c.text for c in row] for row in body]), header, body, caption)
