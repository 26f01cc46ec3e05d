"""Golden tests: the extractor scored on the shared gold by `placefacts eval`, against floors that only go up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from placefacts.cli import main

FLOORS = json.loads((Path(__file__).parent / "golden_floors.json").read_text("utf-8"))
SEED = "gold/000_51423491cc0256e5.json"


def _eval(shared: Path, gold: list[str], properties: list[str] | None = None) -> dict:
    args = ["eval", *[str(shared / g) for g in gold], "--root", str(shared), "--format", "json"]  # absolute paths stay
    if properties:
        args += ["--properties", ",".join(properties)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _lead_gold(shared: Path) -> list[str]:
    out = []
    for path in sorted((shared / "gold/dev").glob("*.json")):
        source = json.loads(path.read_text("utf-8"))["source"]
        if source.startswith(("corpus/wiktor/", "corpus/cities-leads/")):
            out.append(str(path.relative_to(shared)))
    return out


def test_seed_lead_properties(shared: Path) -> None:
    report = _eval(shared, [SEED], FLOORS["lead_properties"])
    floor = FLOORS["seed_lead"]
    assert report["micro"]["recall"] >= floor["recall"], report["by_property"]
    assert report["micro"]["precision"] >= floor["precision"], report["by_property"]
    assert report["must_not_hits"] == 0
    assert report["grounded_share"] == 1.0


def test_seed_all_properties(shared: Path) -> None:
    report = _eval(shared, [SEED])
    assert report["micro"]["f1"] >= FLOORS["seed_all"]["f1"], report["by_property"]
    assert report["must_not_hits"] == 0
    assert report["grounded_share"] == 1.0


def test_dev_leads_all_properties(shared: Path) -> None:
    report = _eval(shared, _lead_gold(shared))
    floor = FLOORS["dev_leads_all"]
    assert report["micro"]["f1"] >= floor["f1"], report["by_property"]
    assert report["micro"]["precision"] >= floor["precision"], report["by_property"]
    assert report["must_not_hits"] == 0
    assert report["grounded_share"] == 1.0


HELDOUT = Path(__file__).resolve().parent.parent / "gold" / "heldout"


def test_heldout_lead_properties(shared: Path) -> None:
    report = _eval(shared, [str(HELDOUT)], FLOORS["lead_properties"])
    floor = FLOORS["heldout_lead_properties"]
    assert report["documents"] >= 40
    assert report["micro"]["f1"] >= floor["f1"], report["by_property"]
    assert report["micro"]["precision"] >= floor["precision"], report["by_property"]


def test_heldout_all_properties(shared: Path) -> None:
    report = _eval(shared, [str(HELDOUT)])
    floor = FLOORS["heldout_all"]
    assert report["micro"]["f1"] >= floor["f1"], report["by_property"]
    assert report["micro"]["precision"] >= floor["precision"], report["by_property"]
    assert report["grounded_share"] == 1.0


def test_dev_leads_lead_properties(shared: Path) -> None:
    report = _eval(shared, _lead_gold(shared), FLOORS["lead_properties"])
    floor = FLOORS["dev_leads_lead_properties"]
    assert report["micro"]["f1"] >= floor["f1"], report["by_property"]
    assert report["micro"]["precision"] >= floor["precision"], report["by_property"]
    assert report["grounded_share"] == 1.0


def test_every_annotated_lead_property_is_found(shared: Path) -> None:
    report = _eval(shared, [SEED, *_lead_gold(shared)], FLOORS["lead_properties"])
    annotated = {p: c for p, c in report["by_property"].items() if c["gold"]}
    assert len(annotated) >= 10
    never = [p for p, c in annotated.items() if c["matched"] == 0]
    assert not never, f"never matched a gold fact: {never}"


BLIND = Path(__file__).resolve().parent.parent / "gold" / "blind"


def _blind(leads: bool) -> list[str]:
    """gold/blind split into lead articles and full pages (their `source` says which)."""
    out = []
    for path in sorted(BLIND.glob("*.json")):
        source = json.loads(path.read_text("utf-8"))["source"]
        if source.startswith(("corpus/wiktor/", "corpus/cities-leads/")) == leads:
            out.append(str(path))
    return out


def test_blind_leads(shared: Path) -> None:
    lead = _eval(shared, _blind(leads=True), FLOORS["lead_properties"])
    every = _eval(shared, _blind(leads=True))
    assert lead["documents"] >= 30
    for report, floor in ((lead, FLOORS["blind_leads_lead_properties"]), (every, FLOORS["blind_leads_all"])):
        assert report["micro"]["f1"] >= floor["f1"], report["by_property"]
        assert report["micro"]["precision"] >= floor["precision"], report["by_property"]
        assert report["grounded_share"] == 1.0


def test_blind_full_pages(shared: Path) -> None:
    report = _eval(shared, _blind(leads=False))
    floor = FLOORS["blind_full_pages"]
    assert report["documents"] >= 3
    assert report["micro"]["f1"] >= floor["f1"], report["by_property"]
    assert report["micro"]["precision"] >= floor["precision"], report["by_property"]
    assert report["grounded_share"] == 1.0


FRESH = Path(__file__).resolve().parent.parent / "gold" / "fresh"


@pytest.mark.parametrize(("properties", "floor"), [(True, "fresh_lead_properties"), (False, "fresh_all")])
def test_fresh(shared: Path, properties: bool, floor: str) -> None:
    report = _eval(shared, [str(FRESH)], FLOORS["lead_properties"] if properties else None)
    assert report["documents"] >= 30
    assert report["micro"]["f1"] >= FLOORS[floor]["f1"], report["by_property"]
    assert report["micro"]["precision"] >= FLOORS[floor]["precision"], report["by_property"]
    assert report["grounded_share"] == 1.0
