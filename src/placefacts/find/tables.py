"""Facts from tables: monthly and annual temperatures of climate tables, population histories.

A climate table's "Daily mean" row gives mean_temperature per month (the
"Year" column: the annual mean); "Record high"/"Record low" rows give
record_temperature. Values are always °C: a °F figure is converted, and a
cell that has both ("29.3 (84.7)" under "°C (°F)") gives its °C figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.clean import Table
from placefacts.clean.offsets import CleanText
from placefacts.find import values
from placefacts.find.context import Candidate, Context, component
from placefacts.normalise.dates import MONTHS
from placefacts.normalise.numbers import tidy

_MEAN = regex_cache.compile(r"\b(?:daily\s+)?mean\b|\baverage\b", re.IGNORECASE)
_NOT_MEAN = regex_cache.compile(r"high|low|max|min|precip|rain|snow|sun|humid|day|dew|uv|wind|pressure|frost|record", re.IGNORECASE)
_RECORD = regex_cache.compile(r"\brecord\s+(high|low|max\w*|min\w*)\b|\b(highest|lowest)\b", re.IGNORECASE)
_NOT_RECORD = regex_cache.compile(r"humidex|wind\s*chill|precip|rain|snow|dew|apparent", re.IGNORECASE)
_UNIT = regex_cache.compile(r"°\s?([CF])\b|\b(?:degrees?\s+)?(Celsius|Fahrenheit)\b", re.IGNORECASE)
_YEAR_CELL = regex_cache.compile(
    r"\s*(?:(?P<before>est\.?|estimated?)\s*)?(?P<year>1[5-9]\d\d|20\d\d)\s*"
    r"(?:\(?\s*(?P<after>est\.?|estimated?|census)\s*\)?)?\s*",
    re.IGNORECASE,
)
_POP_HEADER = regex_cache.compile(r"pop|inhabitants|residents|census", re.IGNORECASE)
_YEAR_HEADER = regex_cache.compile(r"year|census|date", re.IGNORECASE)


def _month(cell: str) -> int | None:
    """1..12 for a month column, 0 for the year column, None otherwise."""
    word = cell.strip().lower().rstrip(".")
    if word in ("year", "annual", "yearly", "total"):
        return 0
    return MONTHS.get(word)


def _temperature_row(label: str) -> tuple[str, dict[str, str]] | None:
    record = _RECORD.search(label)
    if record and not _NOT_RECORD.search(label):
        word = (record.group(1) or record.group(2)).lower()
        return "record_temperature", {"extreme": "max" if word.startswith(("high", "max")) else "min"}
    if _MEAN.search(label) and not _NOT_MEAN.search(label) and _UNIT.search(label):
        return "mean_temperature", {}
    return None


def _units(label: str) -> list[str]:
    """Temperature units of a row label in order: "°C (°F)" -> ["C", "F"]."""
    return [(m.group(1) or m.group(2))[0].upper() for m in _UNIT.finditer(label)]


def _celsius(cell: CleanText, label_units: list[str]) -> tuple[float, int, int] | None:
    """The °C figure of a cell: (value, clean start, clean end)."""
    text = cell.text
    first = values.first_number(text)
    if first is None:
        return None
    if label_units[:1] == ["C"] or not label_units:
        return float(first.value), first.start, first.end
    second = values.first_number(text, first.end)
    if "C" in label_units and second is not None:  # "°F (°C)": the figure in brackets
        return float(second.value), second.start, second.end
    return (float(first.value) - 32) * 5 / 9, first.start, first.end


def _climate(table: Table) -> Iterator[Candidate]:
    columns = [_month(h.text) for h in table.header]
    rows = []
    for row in table.rows:
        if not row:
            continue
        kind = _temperature_row(row[0].text)
        if kind is not None:
            rows.append((row, kind, _units(row[0].text)))
    # Weather boxes may carry the same measure twice (°C and °F rows): the °C row wins.
    in_celsius = {(k[0], tuple(k[1].items())) for _, k, u in rows if u[:1] == ["C"]}
    for row, (prop, qualifiers), label_units in rows:
        if label_units[:1] == ["F"] and "C" not in label_units and (prop, tuple(qualifiers.items())) in in_celsius:
            continue
        cols = columns if len(columns) == len(row) else [None, *range(1, 13), 0][: len(row)]
        for cell, month in zip(row, cols, strict=False):
            if month is None or not cell.text.strip():
                continue
            read = _celsius(cell, label_units)
            if read is None:
                continue
            value, start, end = read
            extra = dict(qualifiers)
            if month:
                extra["month"] = month
            yield Candidate(prop, tidy(round(value, 2)), start, end, unit="°C", qualifiers=extra,
                            confidence=0.9, text=cell)


def _population(table: Table) -> Iterator[Candidate]:
    header = [h.text for h in table.header]
    census = "census" in (table.caption + " " + " ".join(header)).lower()
    years = [(i, _YEAR_CELL.fullmatch(h)) for i, h in enumerate(header)]
    if sum(1 for _, m in years if m) >= 3:  # years across the top, a population row below
        for row in table.rows:
            if row and _POP_HEADER.search(row[0].text):
                for i, match in years:
                    if match and i < len(row):
                        yield from _population_cell(match, row[i], census, None)
        return
    year_col = next((i for i, h in enumerate(header) if _YEAR_HEADER.search(h)), 0)
    pop_col = next((i for i, h in enumerate(header) if i != year_col and _POP_HEADER.search(h)), 1 if year_col == 0 else 0)
    for row in table.rows:
        if len(row) <= max(year_col, pop_col):
            continue
        match = _YEAR_CELL.fullmatch(row[year_col].text)
        if match:
            note = " ".join(c.text for i, c in enumerate(row) if i not in (year_col, pop_col))
            yield from _population_cell(match, row[pop_col], census, note)


def _population_cell(year: re.Match[str], cell: CleanText, census: bool, note: str | None) -> Iterator[Candidate]:
    read = values.first_number(cell.text)
    if read is None or read.value != int(read.value) or read.value < 1 or "?" in cell.text:
        return
    qualifiers = {"point_in_time": year.group("year"), "scope": "city"}
    marker = f"{year.group('before') or ''} {year.group('after') or ''} {note or ''}".lower()
    if "est" in marker:
        qualifiers["method"] = "estimate"
    elif census or "census" in marker:
        qualifiers["method"] = "census"
    yield Candidate("population", int(read.value), read.start, read.end, qualifiers=qualifiers,
                    confidence=0.85, text=cell)


@component("tables", reads=("tables",), writes=("mean_temperature", "record_temperature", "population"))
def find_tables(ctx: Context) -> Iterator[Candidate]:
    for table in ctx.prepared.tables:
        if table.kind == "climate":
            yield from _climate(table)
        elif table.kind == "population":
            yield from _population(table)
