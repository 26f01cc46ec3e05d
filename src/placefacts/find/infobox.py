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
from functools import cache
from importlib import resources
from typing import Any

from placefacts.clean import Field
from placefacts.find import values
from placefacts.find.context import Candidate, Context, component
from placefacts.find.lexicon import entries
from placefacts.find.subject import title_name
from placefacts.find.textutil import fold
from placefacts.normalise import units
from placefacts.normalise.dates import DATE_RE, parse_date
from placefacts.normalise.numbers import tidy
from placefacts.resolve import countries

_YEAR_IN_KEY = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_NAME_SEPARATORS = re.compile(r"\s*(?:\n|;|•|·|/|\bor\b)\s*")
_TONE = re.compile(r"(?<=[^\W\d_])\d")  # "Chiang1-men2": tone numbers of a romanisation
_PARENTHESIS = re.compile(r"\s*\([^)]*\)?\s*$")
_LIST = re.compile(r"\s*(?:\n|,|;|•)\s*")
_AVERAGE = re.compile(r"\b(?:avg|average|mean)\b\.?:?\s*", re.IGNORECASE)
_RANGE = re.compile(r"\d\s*[–-]\s*\d")
_CATEGORY_SEPARATORS = re.compile(r"\s*(?:\n|,|;|\band\b|&)\s*")


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


def _candidate(prop: str, value: Any, field: Field, span: tuple[int, int], **extra: Any) -> Candidate:
    return Candidate(prop, value, span[0], span[1], text=field.value, confidence=extra.pop("confidence", 0.9), **extra)


def _spans(text: str, separators: re.Pattern[str]) -> Iterator[tuple[int, int]]:
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


def _names(ctx: Context, field: Field, spec: dict, **_: Any) -> Iterator[Candidate]:
    text = field.value.text
    for start, end in _spans(text, _NAME_SEPARATORS):
        written = _PARENTHESIS.sub("", text[start:end])  # "Варна (Bulgarian)"
        end = start + len(written)
        value = _TONE.sub("", written) if spec.get("romanisation") else written
        if not re.search(r"[^\W\d_]", value) or len(value) > 60 or _is_title_form(ctx, value):
            continue
        yield _candidate("name", value, field, (start, end), qualifiers={"kind": spec["kind"]},
                         confidence=spec.get("confidence", 0.85))


def _categories(ctx: Context, field: Field, spec: dict, **_: Any) -> Iterator[Candidate]:
    text = field.value.text
    for start, end in _spans(_PARENTHESIS.sub("", text), _CATEGORY_SEPARATORS):
        value = text[start:end]
        if re.search(r"\d", value) or len(value.split()) > 5 or _is_title_form(ctx, value):
            continue
        yield _candidate("instance_of", value, field, (start, end), confidence=0.85)


def _place(ctx: Context, field: Field, prop: str) -> Iterator[Candidate]:
    """A country or a containing unit: one per item of the value ("Trego County, Kansas" gives both)."""
    text = field.value.text
    for start, end in _spans(text, _LIST):
        value = _PARENTHESIS.sub("", text[start:end])
        end = start + len(value)
        if not value or re.search(r"\d", value) or _is_title_form(ctx, value):
            continue
        state = countries.country(value)
        if prop == "country" and state is None and countries.constituent(value):
            prop = "located_in"  # "England" in a country row
        if prop == "located_in" and state is not None and countries.sovereign_of(state.code) is None:
            prop = "country"
        yield _candidate(prop, value, field, (start, end), confidence=0.9)


def _country(ctx: Context, field: Field, spec: dict, **_: Any) -> Iterator[Candidate]:
    yield from _place(ctx, field, "country")


def _unit(ctx: Context, field: Field, spec: dict, index: str = "", fields: _Fields | None = None, **_: Any) -> Iterator[Candidate]:
    type_key = spec.get("type_key")
    kind = fields.text(type_key, index) if type_key and fields else ""
    if re.search(r"[^s]s$", kind) and len(list(_spans(field.value.text, _LIST))) > 1:
        return  # "Districts: East York, Etobicoke, ...": the units it is made of, not those it lies in
    country = fold(kind) in {fold(t) for t in _spec()["country_types"]}
    yield from _place(ctx, field, "country" if country else "located_in")


def _coordinates(ctx: Context, field: Field, spec: dict, **_: Any) -> Iterator[Candidate]:
    read = values.coordinates(field.value.text)
    if read is not None:
        yield _candidate("coordinates", read.value, field, (read.start, read.end), confidence=0.95)


def _measure(prop: str, ctx: Context, field: Field, spec: dict, **_: Any) -> Iterator[Candidate]:
    unit = spec.get("unit", "")
    default = unit.split(":", 1)[1] if unit.startswith("auto:") else unit
    text = field.value.text
    average = _AVERAGE.search(text)
    if average:  # "22–64 m (avg. 30 m)"
        text = text[average.end() :]
    elif _RANGE.search(text):
        return
    read = values.quantity(text, default)
    if read is None or read.unit is None:
        return
    written = read.unit if unit.startswith("auto:") else unit
    if prop == "elevation":
        value = units.to_m(float(read.value), written)
        canonical = "m"
    else:
        value = units.to_km2(float(read.value), written)
        canonical = "km2"
    if value is None or value < 0:
        return
    qualifiers = {q: spec[q] for q in ("part", "scope") if q in spec}
    offset = average.end() if average else 0
    yield _candidate(prop, tidy(value, 4), field, (offset + read.start, offset + read.end), unit=canonical,
                     qualifiers=qualifiers)


def _population(ctx: Context, field: Field, spec: dict, key_year: str | None = None,
                fields: _Fields | None = None, **_: Any) -> Iterator[Candidate]:
    text = field.value.text
    read = values.first_number(text)
    if read is None or read.value != int(read.value) or read.value < 1:
        return
    context = " ".join([field.key, text[read.end :], *(fields.text(k) for k in spec.get("year_keys", []) if fields)])
    year = key_year or (values.year(text[read.end :]).value if values.year(text[read.end :]) else None)
    if year is None:
        for key in spec.get("year_keys", []):
            found = values.year(fields.text(key)) if fields else None
            if found:
                year = found.value
                break
    qualifiers: dict[str, Any] = {"scope": spec.get("scope", "city")}
    if year:
        qualifiers["point_in_time"] = year
    lowered = context.lower()
    method = spec.get("method") or ("estimate" if re.search(r"\best", lowered) else "census" if "census" in lowered else None)
    if method:
        qualifiers["method"] = method
    yield _candidate("population", int(read.value), field, (read.start, read.end), qualifiers=qualifiers)


def _inception(ctx: Context, field: Field, spec: dict, index: str = "", fields: _Fields | None = None, **_: Any) -> Iterator[Candidate]:
    match = DATE_RE.search(field.value.text)
    date = parse_date(match.group()) if match else None
    if not date or not match:
        return
    event = spec.get("event") or (fields.text(spec["event_key"], index) if fields and spec.get("event_key") else "")
    qualifiers = {"event": " ".join(event.lower().split()) or "established"}
    yield _candidate("inception", date, field, (match.start(), match.end()), qualifiers=qualifiers, confidence=0.85)


def _entities(prop: str, ctx: Context, field: Field, spec: dict, **_: Any) -> Iterator[Candidate]:
    text = field.value.text
    for start, end in _spans(text, re.compile(r"\s*(?:\n|;|,|•)\s*")):
        value = re.sub(r"\s*\([^)]*\)$", "", text[start:end]).strip()
        if value and re.search(r"[^\W\d_]", value) and not _is_title_form(ctx, value):
            yield _candidate(prop, value, field, (start, start + len(value)), confidence=0.85)


_HANDLERS = {
    "name": _names,
    "instance_of": _categories,
    "country": _country,
    "located_in": _unit,
    "coordinates": _coordinates,
    "elevation": lambda ctx, field, spec, **kw: _measure("elevation", ctx, field, spec),
    "area": lambda ctx, field, spec, **kw: _measure("area", ctx, field, spec),
    "population": _population,
    "inception": _inception,
    "twin_town": lambda ctx, field, spec, **kw: _entities("twin_town", ctx, field, spec),
    "airport": lambda ctx, field, spec, **kw: _entities("airport", ctx, field, spec),
}


def _split_coordinates(fields: _Fields) -> Iterator[Candidate]:
    """Coordinates split over parameters (latd=57 |latm=07 |...): evidence is the latitude degrees."""
    for group in _spec()["coordinate_parts"]:
        lat_field = fields.by_key.get((group[0], ""))
        if lat_field is None:
            continue
        parts = [fields.text(key) for key in group]
        lat = values.degrees_from_parts(parts[0], parts[1], parts[2], parts[3])
        lon = values.degrees_from_parts(parts[4], parts[5], parts[6], parts[7])
        if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180:
            continue
        span = (0, len(lat_field.value.text.rstrip()))
        yield _candidate("coordinates", {"lat": lat, "lon": lon}, lat_field, span, confidence=0.9)
        return


@component("infobox", reads=("fields",), writes=(
    "name", "instance_of", "country", "located_in", "coordinates", "elevation", "area", "population",
    "inception", "twin_town", "airport"))
def find_infobox(ctx: Context) -> Iterator[Candidate]:
    if not ctx.prepared.fields:
        return
    fields = _Fields(ctx.prepared.fields)
    specs = _spec()["fields"]
    found: list[tuple[Candidate, bool]] = []
    for field, key, index, key_year in fields.parsed:
        spec = specs.get(key) or next((p for p in _spec()["patterns"] if re.search(p["pattern"], key)), None)
        if spec is None or spec["property"] not in _HANDLERS:
            continue
        for candidate in _HANDLERS[spec["property"]](ctx, field, spec, index=index, key_year=key_year, fields=fields):
            found.append((candidate, bool(spec.get("fallback"))))
    found.extend((c, False) for c in _split_coordinates(fields))
    # A value in another unit (elevation_ft beside elevation_m) only counts where the preferred one is missing.
    preferred = {_slot(c) for c, fallback in found if not fallback}
    kept = [c for c, fallback in found if not fallback or _slot(c) not in preferred]
    yield from (c for c in kept if not _restates(c, [*ctx.found, *kept]))


def _restates(candidate: Candidate, others: list[Candidate]) -> bool:
    """The same place or name already found in another form: "Guangdong" beside "Guangdong Province",
    "People's Republic of China" beside "China", "江门市" beside "江门" (the guide keeps the shortest full name)."""
    prop, value = candidate.property, candidate.value
    if prop not in ("country", "located_in", "name") or not isinstance(value, str):
        return False
    mine = fold(value)
    for other in others:
        if other is candidate or other.property != prop or not isinstance(other.value, str):
            continue
        theirs = fold(other.value)
        if prop == "country":
            a, b = countries.country(value), countries.country(other.value)
            if a is not None and b is not None and a.code == b.code and mine != theirs and other.extractor != "infobox":
                return True
        elif prop == "located_in" and mine != theirs and _with_unit_word(theirs, mine):
            return other.extractor != "infobox" or len(theirs) < len(mine)
        elif prop == "name" and value != other.value and value.startswith(other.value):
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
