"""Data-driven finder tests: tests/cases/*.jsonl hold sentences written for this project.

Each line: {"text": ..., "expect": [facts that must come out], "reject": [facts that must not]}.
Expected facts are matched by the spec's rules, with every qualifier they list required.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import placefacts
from placefacts.evaluate.match import fact_matches
from placefacts.model import PROPERTY_TYPES

CASES = sorted(Path(__file__).parent.glob("cases/*.jsonl"))


def _load() -> list[tuple[str, dict]]:
    out = []
    for path in CASES:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if line.strip():
                out.append((f"{path.stem}:{number}", json.loads(line)))
    return out


def _matches(fact: dict, want: dict) -> bool:
    gold = {**want, "require": want.get("require", list(want.get("qualifiers", {})))}
    return fact_matches(PROPERTY_TYPES[want["property"]], fact, gold)


@pytest.mark.parametrize(("case_id", "case"), _load(), ids=[c[0] for c in _load()])
def test_case(case_id: str, case: dict) -> None:
    record = placefacts.extract(case["text"], source=case_id).to_dict()
    facts = record["facts"]
    for want in case.get("expect", []):
        assert any(_matches(f, want) for f in facts), f"missing {want}\ngot {json.dumps(facts, ensure_ascii=False)}"
    for bad in case.get("reject", []):
        hits = [f for f in facts if _matches(f, {**bad, "require": []})]
        assert not hits, f"must not emit {bad}, got {hits}"
    for fact in facts:
        ev = fact["evidence"]
        assert case["text"][ev["start"] : ev["end"]] == ev["text"]
