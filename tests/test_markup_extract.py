"""Facts from markup input: each tests/data/markup/{html,wikitext} document against its NAME.facts.json.

The expectations are matched by the spec's rules with every qualifier they
list required; every fact must be grounded in the raw markup.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from placefacts.evaluate.match import fact_matches
from placefacts.model import PROPERTY_TYPES, Document
from placefacts.pipeline import extract_document

DATA = Path(__file__).parent / "data" / "markup"
CASES = sorted([*DATA.glob("html/*.facts.json"), *DATA.glob("wikitext/*.facts.json")])
SOURCES = {"html": ".html", "wikitext": ".txt"}


def _record(case: Path) -> tuple[str, dict]:
    source = case.with_name(case.name.replace(".facts.json", SOURCES[case.parent.name]))
    raw = source.read_text("utf-8")
    record = extract_document(Document(source=str(source), raw=raw, form=case.parent.name))  # type: ignore[arg-type]
    return raw, record.to_dict()


def _matches(fact: dict, want: dict) -> bool:
    want = {**want, "require": list(want.get("qualifiers", {}))}
    return fact_matches(PROPERTY_TYPES[want["property"]], fact, want)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_facts(case: Path) -> None:
    raw, record = _record(case)
    spec = json.loads(case.read_text("utf-8"))
    missing = [w for w in spec["expect"] if not any(_matches(f, w) for f in record["facts"])]
    assert not missing, f"not found: {missing}"
    wrong = [f for f in record["facts"] for r in spec["reject"] if _matches(f, r)]
    assert not wrong, f"must not come out: {wrong}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_fact_is_grounded_in_the_raw_markup(case: Path) -> None:
    raw, record = _record(case)
    assert record["facts"]
    for fact in record["facts"]:
        evidence = fact["evidence"]
        assert raw[evidence["start"] : evidence["end"]] == evidence["text"], fact


def test_celsius_row_wins_over_fahrenheit_row() -> None:
    _, record = _record(DATA / "wikitext" / "ostravel.facts.json")
    january = [f for f in record["facts"] if f["property"] == "mean_temperature" and f["qualifiers"].get("month") == 1]
    assert [f["value"] for f in january] == [0.9]
    assert january[0]["evidence"]["text"] == "0.9"


def test_infobox_evidence_lies_inside_the_parameter_value() -> None:
    raw, record = _record(DATA / "wikitext" / "ostravel.facts.json")
    population = next(f for f in record["facts"] if f["property"] == "population" and f["value"] == 12480)
    line_start = raw.rindex("\n", 0, population["evidence"]["start"]) + 1
    assert raw[line_start : population["evidence"]["start"]].strip().startswith("| population_total")
    assert population["evidence"]["text"] == "12,480"
