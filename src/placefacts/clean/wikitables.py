"""Tables of wikitext: {{Weather box}}, population-history templates, and {| wiki tables |}.

Each becomes a `Table` shaped like its rendered HTML, so that one table
finder reads both: a climate table has a header "Month, Jan ... Dec, Year"
and rows "Record high °F, 70, 75, ...". Cells are mapped into the raw
parameter values; labels that the template itself prints (the row names,
the month names) map onto the raw parameter name or template name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mwparserfromhell.nodes import Tag, Template
from mwparserfromhell.wikicode import Wikicode

from placefacts import regex_cache
from placefacts.clean import Table
from placefacts.clean import templates as tpl
from placefacts.clean.offsets import CleanText, CleanTextBuilder
from placefacts.clean.tables import build_table
from placefacts.clean.wikioffsets import children, content_start, params, synthetic

Inline = Callable[[Wikicode, int], CleanText]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "year")
_WEATHER_PARAM = regex_cache.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|year)\s+(.+?)(?:\s+(c|f|mm|cm|inch|in|days|hours|%))?$")
# {{Weather box}} measures -> the row names its rendered table prints.
_MEASURES = {
    "record high": "Record high", "high": "Average high", "mean": "Daily mean", "low": "Average low",
    "record low": "Record low", "precipitation": "Average precipitation", "rain": "Average rainfall",
    "snow": "Average snowfall", "humidity": "Average relative humidity", "sun": "Mean monthly sunshine hours",
    "precipitation days": "Average precipitation days", "rain days": "Average rainy days",
    "snow days": "Average snowy days", "d sun": "Mean daily sunshine hours", "percentsun": "Percent possible sunshine",
    "dew point": "Average dew point", "uv": "Average ultraviolet index", "record high humidex": "Record high humidex",
    "mean maximum": "Mean maximum", "mean minimum": "Mean minimum",
}
_UNITS = {"c": "°C", "f": "°F", "mm": "mm", "cm": "cm", "inch": "inches", "in": "inches", "days": "days", "hours": "hours", "%": "%"}


def _empty() -> CleanText:
    return CleanTextBuilder().build()


def weather_table(node: Template, start: int, inline: Inline) -> Table | None:
    name_span = (start + 2, start + 2 + len(str(node.name)))
    rows: dict[str, list[CleanText]] = {}
    for param, value_start in params(node, start):
        key = " ".join(tpl.param_name(param).lower().split())
        match = _WEATHER_PARAM.match(key) if param.showkey else None
        if not match:
            continue
        month, measure, unit = match.groups()
        label = f"{_MEASURES.get(measure, measure.capitalize())} {_UNITS.get(unit or '', '')}".strip()
        if label not in rows:
            name_start = value_start - len(str(param.name)) - 1
            rows[label] = [synthetic(label, name_start, name_start + len(str(param.name)))] + [_empty() for _ in _MONTHS]
        rows[label][1 + _MONTHS.index(month)] = inline(param.value, value_start)
    if not rows:
        return None
    header = [synthetic(h, *name_span) for h in ("Month", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                                   "Sep", "Oct", "Nov", "Dec", "Year")]
    location = tpl.plain(tpl.named(node, start).get("location", (None, 0))[0])
    return Table("climate", header, list(rows.values()), f"Climate data for {location}".strip())


def population_table(node: Template, start: int, inline: Inline) -> Table | None:
    """{{Historical populations|1855|2057|...}} (pairs) or {{US Census population|1880=400|...}} (named years)."""
    name_span = (start + 2, start + 2 + len(str(node.name)))
    rows: list[list[CleanText]] = []
    positional = [(p, s) for p, s in tpl.positional(node, start) if p.value.strip()]
    for index in range(0, len(positional) - 1, 2):
        (year, year_start), (count, count_start) = positional[index], positional[index + 1]
        rows.append([inline(year.value, year_start), inline(count.value, count_start)])
    named = tpl.named(node, start)
    for key, (param, value_start) in named.items():
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", key) and param.value.strip():
            name_start = value_start - len(str(param.name)) - 1
            year = synthetic(key, name_start, name_start + len(str(param.name)))
            rows.append([year, inline(param.value, value_start)])
    if "estyear" in named and "estimate" in named:
        (year, year_start), (count, count_start) = named["estyear"], named["estimate"]
        rows.append([inline(year.value, year_start), inline(count.value, count_start), synthetic("estimate", *name_span)])
    if not rows:
        return None
    header = [synthetic(h, *name_span) for h in ("Year", "Pop.")]
    return Table("population", header, rows, "Historical population")


def wikitable(raw: str, node: Tag, start: int, inline: Inline) -> Table | None:
    """A {| ... |} table (or an HTML <table> in wikitext): caption, a header row of th cells, body rows."""
    if node.contents is None:
        return None
    caption = ""
    rows: list[list[tuple[Tag, int]]] = [[]]  # cells before the first row marker form a row of their own
    for child, child_start in children(node.contents, content_start(node, start)):
        if not isinstance(child, Tag) or child.contents is None:
            continue
        tag = str(child.tag).lower()
        if tag == "caption" or (tag == "td" and str(child).startswith("|+")):
            # "|+ caption": mwparserfromhell reads it as a cell whose text starts with "+"
            caption = " ".join(inline(child.contents, content_start(child, child_start)).text.lstrip("+").split())
        elif tag in ("td", "th"):
            rows[-1].append((child, child_start))
        elif tag == "tr":
            rows.append([(c, s) for c, s in children(child.contents, content_start(child, child_start))
                         if isinstance(c, Tag) and str(c.tag).lower() in ("td", "th")])
            rows.append([])

    def rendered(cells: list[tuple[Tag, int]]) -> tuple[bool, list[CleanText]]:
        texts = [inline(c.contents, content_start(c, s)) if c.contents is not None else _empty() for c, s in cells]
        return all(str(c.tag).lower() == "th" for c, _ in cells), texts

    return build_table(caption, map(rendered, rows))
