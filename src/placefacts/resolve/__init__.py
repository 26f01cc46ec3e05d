"""Resolve stage: candidates -> grounded, de-duplicated facts about the subject.

Every fact leaves here with evidence cut from the raw text, so that
`raw[start:end] == evidence.text` holds by construction; a candidate whose
span cannot be mapped is dropped, never emitted without evidence.
"""

from __future__ import annotations

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context
from placefacts.model import Evidence, Fact
from placefacts.normalise import countries
from placefacts.normalise.text import fold

# Qualifiers that make two facts with the same value different facts when both state them and differ.
_DISTINCT_BY = ("point_in_time", "month", "extreme", "scope", "part", "kind", "role", "route")
# Qualifiers whose absence is itself a value: no `part` is the total area, no `month` the annual mean.
_ABSENCE_MEANS = ("part", "month")
# Words that name a unit's type, not the unit: "Guangdong Province" and "Guangdong" are one place.
_UNIT_WORDS = regex_cache.compile(
    r"\b(?:province|county|region|district|department|prefecture|state|oblast|municipality|sheng|shi|"
    r"the|of|city|borough|parish|governorate|canton)\b"
)


def _value_key(candidate: Candidate) -> tuple:
    """What a fact says, whatever its surface form."""
    value = candidate.value
    prop = candidate.property
    if prop == "coordinates":
        return (prop,)
    if not isinstance(value, str):
        return (prop, repr(value))
    folded = fold(value)
    if prop == "country":
        state = countries.country(value)
        return (prop, state.code if state else folded)
    if prop == "located_in":
        return (prop, " ".join(_UNIT_WORDS.sub(" ", folded).split()) or folded)
    return (prop, folded)


def _conflict(a: Candidate, b: Candidate) -> bool:
    if a.property == "located_in":
        # "Region of Tejutla" and "department of Tejutla" are two units; "Guangdong Province" and "Guangdong" one.
        types_a = set(_UNIT_WORDS.findall(fold(str(a.value)))) - {"the", "of"}
        types_b = set(_UNIT_WORDS.findall(fold(str(b.value)))) - {"the", "of"}
        if types_a and types_b and types_a != types_b:
            return True
    if any(a.qualifiers.get(q) != b.qualifiers.get(q) for q in _ABSENCE_MEANS):
        return True
    return any(
        q in a.qualifiers and q in b.qualifiers and str(a.qualifiers[q]) != str(b.qualifiers[q]) for q in _DISTINCT_BY
    )


_COUNTY = regex_cache.compile(r"^(.+)\s(?:County|Parish|Borough)$")


def infer_countries(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """A first-level division that only one country has implies that country."""
    stated = {countries.common_name(s.code) if (s := countries.country(str(c.value))) else c.value
              for c in found if c.property == "country"}
    out: list[Candidate] = []
    # "Montgomery County, Maryland": a county beside a state that several countries have is the American one (not
    # "Maryland County", which is Liberia's)
    counties = [m.group(1) for c in found if c.property == "located_in" and isinstance(c.value, str)
                and (m := _COUNTY.match(c.value))]
    for candidate in found:
        if candidate.property != "located_in" or not isinstance(candidate.value, str):
            continue
        code = countries.division_country(candidate.value)
        if code is None and any(fold(name) != fold(candidate.value) for name in counties) \
                and "US" in countries.division_countries(candidate.value):
            code = "US"
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


def _merge(found: list[Candidate]) -> list[tuple[Candidate, list[Candidate]]]:
    """Group candidates that state the same fact: (the one kept, the restatements whose evidence joins it).

    Two statements merge when their values agree and no qualifier they both give differs;
    conflicting values stay separate facts, never silently merged.
    """
    groups: dict[tuple, list[list]] = {}
    order: list[list] = []  # [kept, restatements], in order of first appearance
    for candidate in found:
        if candidate.value in ("", None) or candidate.end <= candidate.start:
            continue
        entries = groups.setdefault(_value_key(candidate), [])
        for entry in entries:
            kept = entry[0]
            if _conflict(kept, candidate):
                continue
            if candidate.confidence > kept.confidence:
                candidate.qualifiers = {**kept.qualifiers, **candidate.qualifiers}
                entry[0], entry[1] = candidate, [kept, *entry[1]]
            else:
                kept.qualifiers = {**candidate.qualifiers, **kept.qualifiers}
                entry[1].append(candidate)
            break
        else:
            entry = [candidate, []]
            entries.append(entry)
            order.append(entry)
    return [(kept, also) for kept, also in order]


def _evidence(ctx: Context, candidate: Candidate) -> Evidence | None:
    source = candidate.text or ctx.prepared.text
    try:
        start, end = source.raw_span(candidate.start, candidate.end)
    except (ValueError, IndexError):
        return None
    evidence = Evidence(start, end, ctx.doc.raw[start:end])
    return evidence if evidence.text.strip() else None


def resolve(ctx: Context) -> list[Fact]:
    found = list(ctx.found)
    found.extend(infer_countries(ctx, found))
    facts: list[Fact] = []
    for candidate, restatements in _merge(found):
        evidence = _evidence(ctx, candidate)
        if evidence is None:
            continue
        also = [e for e in (_evidence(ctx, r) for r in restatements) if e is not None and e != evidence]
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
                also=list(dict.fromkeys(also)),
            )
        )
    return facts
