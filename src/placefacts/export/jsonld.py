"""JSON-LD: each place a schema.org `Place`, its facts as Wikidata statements, with their evidence.

A fact becomes a direct triple (`wdt:P1082`, the way Wikidata's own RDF
simplifies), and a statement node (`p:P1082` -> `ps:P1082` value, `pq:`
qualifiers, our `pf:` evidence and confidence, `prov:wasDerivedFrom` the
document). Facts that Wikidata states on the other item (an employer's
headquarters) are written with `@reverse`. Values without a known item are
blank nodes with a `schema:name`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any, TextIO

from placefacts.export.wikidata import Items, is_inverse, month_item, table, unit_item, wikidata_property, xsd_time
from placefacts.store.query import get_place, place_ids

PF = "urn:placefacts:"
CONTEXT: dict[str, str] = {
    "schema": "http://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "wikibase": "http://wikiba.se/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "pf": PF + "vocab:",
}


def document_iri(document: dict[str, Any]) -> str:
    source = document["source"]
    if source.startswith(("http://", "https://")):
        return source
    return PF + "document:" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:20]


def rdf_value(fact: dict[str, Any], items: Items) -> Any:
    value = fact["value"]
    if isinstance(value, dict) and "lat" in value:
        return {"@value": f"Point({value['lon']} {value['lat']})", "@type": "geo:wktLiteral"}
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {"@value": str(value), "@type": "xsd:integer"}
    if isinstance(value, float):
        return {"@value": repr(value), "@type": "xsd:decimal"}
    if fact.get("value_type") == "time":
        typed = xsd_time(value)
        if typed:
            return {"@value": typed[0], "@type": typed[1]}
    item = items.item(fact)
    if item:
        return {"@id": "wd:" + item}
    if fact.get("value_type") == "entity" or fact["property"] == "instance_of":
        return {"@type": "schema:Thing", "schema:name": str(value)}
    return str(value)


def _qualifier(name: str, value: Any, fact: dict[str, Any]) -> tuple[str, Any]:
    if name == "point_in_time" and xsd_time(value):
        lexical, datatype = xsd_time(value)  # type: ignore[misc]
        return "pq:P585", {"@value": lexical, "@type": datatype}
    if name == "method" and fact["property"] == "population" and value in table()["population_method"]:
        return "pq:P459", {"@id": "wd:" + table()["population_method"][value]}
    if name == "month" and month_item(value):
        return "pq:P2922", {"@id": "wd:" + month_item(value)}  # type: ignore[operator]
    return "pf:" + name, value if isinstance(value, str | int | float | bool) else json.dumps(value)


def statement(fact: dict[str, Any], items: Items, doc_iri: str) -> dict[str, Any]:
    prop = wikidata_property(fact["property"])
    node: dict[str, Any] = {"@type": "wikibase:Statement", "pf:property": fact["property"],
                            "pf:evidence": fact["evidence"]["text"],
                            "pf:evidenceStart": fact["evidence"]["start"], "pf:evidenceEnd": fact["evidence"]["end"],
                            "pf:confidence": {"@value": str(fact["confidence"]), "@type": "xsd:decimal"},
                            "prov:wasDerivedFrom": {"@id": doc_iri}}
    node[f"ps:{prop}" if prop and not is_inverse(fact["property"]) else "pf:value"] = rdf_value(fact, items)
    if fact["unit"]:
        unit = unit_item(fact["unit"])
        node["pf:unit"] = {"@id": "wd:" + unit} if unit else fact["unit"]
    for name, value in fact["qualifiers"].items():
        key, written = _qualifier(name, value, fact)
        node[key] = written
    if fact.get("inferred"):
        node["pf:inferred"] = True
    return node


def place_node(place: dict[str, Any], items: Items, base: str) -> dict[str, Any]:
    doc = place["document"]
    doc_iri = document_iri(doc)
    source: dict[str, Any] = {"@id": doc_iri, "@type": "schema:CreativeWork", "schema:name": doc["title"] or place["label"],
                              "pf:source": doc["source"], "pf:contentHash": doc["content_hash"]}
    if doc_iri == doc["source"]:
        source["schema:url"] = {"@id": doc_iri}
    node: dict[str, Any] = {"@id": base + str(place["id"]), "@type": "schema:Place", "schema:name": place["name"],
                            "schema:subjectOf": source}
    if place.get("wikidata"):
        node["schema:sameAs"] = {"@id": "wd:" + place["wikidata"]}
    reverse: dict[str, list[Any]] = {}
    for fact in place["facts"]:
        prop = wikidata_property(fact["property"])
        value = rdf_value(fact, items)
        if fact["property"] == "name":
            node.setdefault("schema:alternateName", []).append(str(fact["value"]))
        if fact["property"] == "coordinates" and isinstance(fact["value"], dict):
            node["schema:geo"] = {"@type": "schema:GeoCoordinates", "schema:latitude": fact["value"]["lat"],
                                  "schema:longitude": fact["value"]["lon"]}
        if prop and is_inverse(fact["property"]):
            reverse.setdefault(f"wdt:{prop}", []).append(value)
        elif prop:
            node.setdefault(f"wdt:{prop}", []).append(value)
        key = f"p:{prop}" if prop and not is_inverse(fact["property"]) else f"pf:{fact['property']}"
        node.setdefault(key, []).append(statement(fact, items, doc_iri))
    if reverse:
        node["@reverse"] = reverse
    return node


def write(conn: sqlite3.Connection, out: TextIO, items: Items | None = None, base: str = PF + "place:") -> int:
    """The whole knowledge base as one JSON-LD document (`@graph` of places); returns the number of places."""
    items = items or Items()
    out.write('{"@context": ' + json.dumps(CONTEXT) + ',\n "@graph": [')
    count = 0
    for pid in place_ids(conn):
        node = place_node(get_place(conn, pid, with_context=False), items, base)
        out.write(("," if count else "") + "\n  " + json.dumps(node, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count
