"""Facts from infobox fields: names, kind, country and units, position, elevation, area, population, founding.

Which key gives which fact is data (`data/infobox_params.json`), shared by
wikitext parameters (`area_total_km2`) and rendered HTML rows
("Area • Total"). Every candidate's evidence is a span of the field's own
value, so it maps into the raw parameter value or table cell.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from placefacts import regex_cache
from placefacts.clean import Field
from placefacts.find import values
from placefacts.find.context import Candidate, Context, component
from placefacts.find.lexicon import entries
from placefacts.find.subject import title_name
from placefacts.normalise import countries, units
from placefacts.normalise.dates import DATE_RE, parse_date
from placefacts.normalise.numbers import tidy
from placefacts.normalise.text import fold

_YEAR_IN_KEY = regex_cache.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_NAME_SEPARATORS = regex_cache.compile(r"\s*(?:\n|;|•|·|/|\bor\b)\s*")
_TONE = regex_cache.compile(r"(?<=[^\W\d_])\d")  # "Chiang1-men2": tone numbers of a romanisation
_PARENTHESIS = regex_cache.compile(r"\s*\([^)]*\)?\s*$")
_LIST = regex_cache.compile(r"\s*(?:\n|,|;|•)\s*")
_AVERAGE = regex_cache.compile(r"\b(?:avg|average|mean)\b\.?:?\s*", re.IGNORECASE)
_RANGE = regex_cache.compile(r"\d\s*[–-]\s*\d")
_CATEGORY_SEPARATORS = regex_cache.compile(r"\s*(?:\n|,|;|\band\b|&)\s*")


@cache
def _spec() -> dict[str, Any]:
    return json.loads(resources.files("placefacts.find").joinpath("data", "infobox_params.json").read_text("utf-8"))


def normalise_key(key: str) -> tuple[str, str, str | None]:
    """(key, index, year): "Population (2009) • Total" -> ("population total", "", "2009"); "subdivision_name1" -> ("subdivision name", "1", None)."""
    years = _YEAR_IN_KEY.findall(key)
    year = years[-1] if years else None  # "Population (2010) • Estimate (2012)": the row's own year
    text = re.sub(r"\([^)]*\)", " ", key).replace("•", " ").replace("_", " ").lower()
    text = " ".join(text.replace(":", " ").split())
    fields = _spec()["fields"]
    if text not in fields:
        numbered = re.fullmatch(r"(.*?)\s?(\d+)", text)
        if numbered and numbered.group(1) in _spec()["numbered"]:
            return numbered.group(1), numbered.group(2), year
    return text, "", year


class _Fields:
    """The fields of a document, looked up by normalised key and index."""

    def __init__(self, fields: list[Field]) -> None:
        self.parsed = [(f, *normalise_key(f.key)) for f in fields]
        self.by_key: dict[tuple[str, str], Field] = {}
        for field, key, index, _year in self.parsed:
            self.by_key.setdefault((key, index), field)

    def text(self, key: str, index: str = "") -> str:
        field = self.by_key.get((key, index))
        return field.value.text.strip() if field else ""


@dataclass(frozen=True, slots=True)
class _Row:
    """One field with what its key says: the rule that reads it, its index ("1" of subdivision_name1), a year."""

    field: Field
    spec: dict[str, Any]
    index: str
    key_year: str | None


def _candidate(row: _Row, value: Any, span: tuple[int, int], confidence: float = 0.9, **extra: Any) -> Candidate:
    return Candidate(row.spec["property"], value, span[0], span[1], text=row.field.value, confidence=confidence,
                     **extra)


def _spans(text: str, separators: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Spans of the items of a list value, without quotes and trailing punctuation."""
    pos = 0
    for sep in [*separators.finditer(text), None]:
        end = sep.start() if sep else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip(" \"'“”„«»"))
        trail = len(chunk.rstrip(" \"'“”«».,:"))
        if trail > lead:
            yield pos + lead, pos + trail
        pos = sep.end() if sep else len(text)


def _is_title_form(ctx: Context, value: str) -> bool:
    return ctx.is_subject(value) or ctx.is_subject(title_name(value)) or fold(value) == fold(ctx.subject or "")


def _names(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    text = row.field.value.text
    for start, end in _spans(text, _NAME_SEPARATORS):
        written = _PARENTHESIS.sub("", text[start:end])  # "Варна (Bulgarian)"
        end = start + len(written)
        value = _TONE.sub("", written) if row.spec.get("romanisation") else written
        if not re.search(r"[^\W\d_]", value) or len(value) > 60 or _is_title_form(ctx, value):
            continue
        yield _candidate(row, value, (start, end), row.spec.get("confidence", 0.85), qualifiers={"kind": row.spec["kind"]})


def _categories(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    text = row.field.value.text
    for start, end in _spans(_PARENTHESIS.sub("", text), _CATEGORY_SEPARATORS):
        value = text[start:end]
        if not re.search(r"\d", value) and len(value.split()) <= 5 and not _is_title_form(ctx, value):
            yield _candidate(row, value, (start, end), 0.85)


def _places(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    """Countries and containing units, one per item ("Trego County, Kansas" gives both)."""
    kind = fields.text(row.spec["type_key"], row.index) if "type_key" in row.spec else ""
    if re.search(r"[^s]s$", kind) and len(list(_spans(row.field.value.text, _LIST))) > 1:
        return  # "Districts: East York, Etobicoke, ...": the units it is made of, not those it lies in
    said = "country" if fold(kind) in {fold(t) for t in _spec()["country_types"]} else row.spec["property"]
    text = row.field.value.text
    for start, end in _spans(text, _LIST):
        value = _PARENTHESIS.sub("", text[start:end])
        if not value or re.search(r"\d", value) or _is_title_form(ctx, value):
            continue
        state = countries.country(value)
        prop = said
        if prop == "country" and state is None and countries.constituent(value):
            prop = "located_in"  # "England" in a country row
        elif prop == "located_in" and state is not None and countries.sovereign_of(state.code) is None:
            prop = "country"
        yield Candidate(prop, value, start, start + len(value), text=row.field.value, confidence=0.9)


def _coordinates(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    read = values.coordinates(row.field.value.text)
    if read is not None:
        yield _candidate(row, read.value, (read.start, read.end), 0.95)


def _measure(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    """Elevation (m) or area (km2), in the unit the key names or the value writes."""
    unit = row.spec.get("unit", "")
    default = unit.split(":", 1)[1] if unit.startswith("auto:") else unit
    text = row.field.value.text
    average = _AVERAGE.search(text)
    offset = average.end() if average else 0  # "22–64 m (avg. 30 m)": the average
    if not average and _RANGE.search(text):
        return
    read = values.quantity(text[offset:], default)
    if read is None or read.unit is None:
        return
    written = read.unit if unit.startswith("auto:") else unit
    if row.spec["property"] == "elevation":
        value, canonical = units.to_m(float(read.value), written), "m"
    else:
        value, canonical = units.to_km2(float(read.value), written), "km2"
    if value is None or value < 0:
        return
    qualifiers = {q: row.spec[q] for q in ("part", "scope") if q in row.spec}
    yield _candidate(row, tidy(value, 4), (offset + read.start, offset + read.end), unit=canonical, qualifiers=qualifiers)


def _population(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    text = row.field.value.text
    read = values.first_number(text)
    if read is None or read.value != int(read.value) or read.value < 1:
        return
    notes = [text[read.end :], *(fields.text(key) for key in row.spec.get("year_keys", []))]
    years = [found.value for found in map(values.year, notes) if found]
    qualifiers: dict[str, Any] = {"scope": row.spec.get("scope", "city")}
    if row.key_year or years:
        qualifiers["point_in_time"] = row.key_year or years[0]
    said = " ".join([row.field.key, *notes]).lower()
    method = row.spec.get("method") or ("estimate" if re.search(r"\best", said) else "census" if "census" in said else None)
    if method:
        qualifiers["method"] = method
    yield _candidate(row, int(read.value), (read.start, read.end), qualifiers=qualifiers)


def _inception(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    match = DATE_RE.search(row.field.value.text)
    date = parse_date(match.group()) if match else None
    if not date or not match:
        return
    event = row.spec.get("event") or (fields.text(row.spec["event_key"], row.index) if "event_key" in row.spec else "")
    qualifiers = {"event": " ".join(event.lower().split()) or "established"}
    yield _candidate(row, date, (match.start(), match.end()), 0.85, qualifiers=qualifiers)


def _entities(ctx: Context, row: _Row, fields: _Fields) -> Iterator[Candidate]:
    text = row.field.value.text
    for start, end in _spans(text, _LIST):
        value = _PARENTHESIS.sub("", text[start:end])
        if re.search(r"[^\W\d_]", value) and not _is_title_form(ctx, value):
            yield _candidate(row, value, (start, start + len(value)), 0.85)


_HANDLERS = {
    "name": _names, "instance_of": _categories, "country": _places, "located_in": _places,
    "coordinates": _coordinates, "elevation": _measure, "area": _measure, "population": _population,
    "inception": _inception, "twin_town": _entities, "airport": _entities,
}


def _split_coordinates(fields: _Fields) -> Iterator[Candidate]:
    """Coordinates split over parameters (latd=57 |latm=07 |...): evidence is the latitude degrees."""
    for group in _spec()["coordinate_parts"]:
        lat_field = fields.by_key.get((group[0], ""))
        if lat_field is None:
            continue
        parts = [fields.text(key) for key in group]
        lat = values.degrees_from_parts(*parts[:4])
        lon = values.degrees_from_parts(*parts[4:])
        if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180:
            continue
        row = _Row(lat_field, {"property": "coordinates"}, "", None)
        yield _candidate(row, {"lat": lat, "lon": lon}, (0, len(lat_field.value.text.rstrip())))
        return


@component("infobox", reads=("fields",), writes=(
    "name", "instance_of", "country", "located_in", "coordinates", "elevation", "area", "population",
    "inception", "twin_town", "airport"))
def find_infobox(ctx: Context) -> Iterator[Candidate]:
    if not ctx.prepared.fields:
        return
    fields = _Fields(ctx.prepared.fields)
    specs, patterns = _spec()["fields"], _spec()["patterns"]
    found: list[tuple[Candidate, bool]] = []
    for field, key, index, key_year in fields.parsed:
        spec = specs.get(key) or next((p for p in patterns if re.search(p["pattern"], key)), None)
        if spec is None or spec["property"] not in _HANDLERS:
            continue
        for candidate in _HANDLERS[spec["property"]](ctx, _Row(field, spec, index, key_year), fields):
            found.append((candidate, bool(spec.get("fallback"))))
    found.extend((c, False) for c in _split_coordinates(fields))
    # A value in another unit (elevation_ft beside elevation_m) only counts where the preferred one is missing.
    preferred = {_slot(c) for c, fallback in found if not fallback}
    accepted: list[Candidate] = []
    for candidate, fallback in found:
        if (not fallback or _slot(candidate) not in preferred) and not _restates(candidate, [*ctx.found, *accepted]):
            accepted.append(candidate)
    yield from accepted


def _restates(candidate: Candidate, earlier: list[Candidate]) -> bool:
    """The same place or name found before in another form: "Guangdong" after "Guangdong Province",
    "People's Republic of China" after "China", "江门市" after "江门" (the guide keeps the shortest full name)."""
    prop, value = candidate.property, candidate.value
    if prop not in ("country", "located_in", "name") or not isinstance(value, str):
        return False
    mine = fold(value)
    for other in earlier:
        if other.property != prop or not isinstance(other.value, str) or fold(other.value) == mine:
            continue
        if prop == "country":
            a, b = countries.country(value), countries.country(other.value)
            if a is not None and b is not None and a.code == b.code:
                return True
        elif prop == "located_in" and _with_unit_word(fold(other.value), mine):
            return True
        elif prop == "name" and value.startswith(other.value):
            rest = value[len(other.value) :].strip()
            if rest and " " not in rest and (len(rest) <= 2 or not rest.isascii()):
                return True  # a generic suffix such as 市 "city"
    return False


def _with_unit_word(a: str, b: str) -> bool:
    """One name is the other with an administrative word: "placer county" / "placer", "county of x" / "x"."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    words = set(entries("admin_units"))
    if longer.startswith(shorter + " "):
        return longer[len(shorter) + 1 :] in words
    if longer.endswith(" of " + shorter):
        return longer[: -len(shorter) - 4] in words
    return False


def _slot(candidate: Candidate) -> tuple:
    return (candidate.property, candidate.qualifiers.get("part"), candidate.qualifiers.get("scope"))
