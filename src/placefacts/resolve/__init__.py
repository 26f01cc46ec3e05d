"""Resolve stage: candidates -> grounded, de-duplicated facts about the subject.

Every fact leaves here with evidence cut from the raw text, so that
`raw[start:end] == evidence.text` holds by construction; a candidate whose
span cannot be mapped is dropped, never emitted without evidence.
"""

from __future__ import annotations

from placefacts.find.context import Candidate, Context
from placefacts.model import Evidence, Fact
from placefacts.resolve import countries

# Qualifiers that make two facts with the same value different facts.
_DISTINCT_BY = ("point_in_time", "month", "extreme", "scope", "part", "kind", "role")


def _dedupe_key(candidate: Candidate) -> tuple:
    from placefacts.find.textutil import fold

    value = candidate.value
    folded = fold(value) if isinstance(value, str) else repr(value)
    if candidate.property in ("coordinates",):
        return (candidate.property,)
    if candidate.property in ("name", "instance_of", "country", "located_in", "near_water", "terrain",
                              "product", "industry", "facility", "airport", "rail_link", "notable_person",
                              "twin_town", "ethnic_group", "religion", "language", "climate", "employer",
                              "distance_to", "road_link"):
        return (candidate.property, folded)
    return (candidate.property, folded, tuple(str(candidate.qualifiers.get(q)) for q in _DISTINCT_BY))


def infer_countries(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """A first-level division that only one country has implies that country."""
    stated = {c.value for c in found if c.property == "country"}
    out: list[Candidate] = []
    for candidate in found:
        if candidate.property != "located_in" or not isinstance(candidate.value, str):
            continue
        code = countries.division_country(candidate.value)
        if code is None:
            continue
        name = countries.common_name(code)
        if stated and name not in stated:
            continue  # the text names another country: do not second-guess it
        if name in stated:
            continue
        stated.add(name)
        out.append(
            Candidate("country", name, candidate.start, candidate.end, inferred=True, confidence=0.7,
                      extractor="country_inference", text=candidate.text)
        )
    return out


def resolve(ctx: Context) -> list[Fact]:
    found = list(ctx.found)
    found.extend(infer_countries(ctx, found))
    raw = ctx.doc.raw
    best: dict[tuple, Candidate] = {}
    order: list[tuple] = []
    for candidate in found:
        if candidate.value in ("", None) or candidate.end <= candidate.start:
            continue
        key = _dedupe_key(candidate)
        if key not in best:
            order.append(key)
            best[key] = candidate
        elif candidate.confidence > best[key].confidence:
            best[key] = candidate
    facts: list[Fact] = []
    for key in order:
        candidate = best[key]
        source = candidate.text or ctx.prepared.text
        try:
            start, end = source.raw_span(candidate.start, candidate.end)
        except (ValueError, IndexError):
            continue
        evidence = Evidence(start, end, raw[start:end])
        if not evidence.text.strip():
            continue
        facts.append(
            Fact(
                property=candidate.property,
                value=candidate.value,
                evidence=evidence,
                unit=candidate.unit,
                qualifiers=candidate.qualifiers,
                confidence=max(0.0, min(1.0, candidate.confidence)),
                inferred=candidate.inferred,
                wikidata=candidate.wikidata,
                extractor=candidate.extractor,
            )
        )
    return facts
