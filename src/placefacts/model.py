"""The typed core model: documents, evidence, facts and records. No I/O here.

A `Record` serialises to exactly the JSON object of the fact interchange
format (`shared/spec/facts.md`); optional extras (`wikidata`, `inferred`,
`alignment`, `extractor`) only ever add fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

InputForm = Literal["text", "html", "wikitext"]
ValueType = Literal["entity", "quantity", "count", "time", "text", "coordinates"]
Alignment = Literal["exact", "fuzzy"]

# property -> value type, as in the spec's vocabulary table (v1).
PROPERTY_TYPES: dict[str, ValueType] = {
    "name": "text",
    "instance_of": "text",
    "country": "entity",
    "located_in": "entity",
    "near_water": "entity",
    "terrain": "entity",
    "coordinates": "coordinates",
    "elevation": "quantity",
    "area": "quantity",
    "population": "count",
    "ethnic_group": "entity",
    "religion": "entity",
    "language": "entity",
    "climate": "text",
    "mean_temperature": "quantity",
    "record_temperature": "quantity",
    "inception": "time",
    "product": "entity",
    "industry": "entity",
    "employer": "entity",
    "facility": "entity",
    "airport": "entity",
    "rail_link": "entity",
    "road_link": "entity",
    "distance_to": "entity",
    "notable_person": "entity",
    "twin_town": "entity",
}

# Wikidata property of each fact property, where one exists.
WIKIDATA_PROPERTY: dict[str, str] = {
    "name": "P1448",
    "instance_of": "P31",
    "country": "P17",
    "located_in": "P131",
    "near_water": "P206",
    "terrain": "P706",
    "coordinates": "P625",
    "elevation": "P2044",
    "area": "P2046",
    "population": "P1082",
    "ethnic_group": "P172",
    "religion": "P140",
    "language": "P2936",
    "climate": "P2564",
    "mean_temperature": "P2076",
    "record_temperature": "P2076",
    "inception": "P571",
    "product": "P1056",
    "industry": "P452",
    "employer": "P159",
    "airport": "P931",
    "notable_person": "P19",
    "twin_town": "P190",
}

Value = str | int | float | dict[str, float]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document, decoded but otherwise exactly as read."""

    source: str
    raw: str
    form: InputForm = "text"
    title: str | None = None
    revision: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the raw document text: `raw[start:end] == text`."""

    start: int
    end: int
    text: str
    alignment: Alignment = "exact"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Fact:
    property: str
    value: Value
    evidence: Evidence
    unit: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.8
    inferred: bool = False
    wikidata: str | None = None
    extractor: str = ""
    # The same fact stated again elsewhere (an infobox row and a prose sentence): one fact, every evidence.
    also: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "property": self.property,
            "value": self.value,
            "unit": self.unit,
            "qualifiers": dict(self.qualifiers),
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }
        if self.inferred:
            out["inferred"] = True
        if self.wikidata:
            out["wikidata"] = self.wikidata
        if self.extractor:
            out["extractor"] = self.extractor
        if self.also:
            out["also_evidence"] = [e.to_dict() for e in self.also]
        return out

    @property
    def key(self) -> tuple[str, str]:
        """Identity of a fact for de-duplication: property and folded value."""
        return (self.property, json.dumps(self.value, sort_keys=True, ensure_ascii=False).casefold())


@dataclass(slots=True)
class Record:
    """The facts of one document: one JSONL line of `placefacts extract`."""

    source: str
    subject: str | None
    facts: list[Fact] = field(default_factory=list)
    title: str | None = None
    revision: str | None = None
    form: InputForm = "text"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "subject": self.subject,
            "facts": [f.to_dict() for f in self.facts],
        }
        if self.title is not None:
            out["title"] = self.title
        if self.revision is not None:
            out["revision"] = self.revision
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)
