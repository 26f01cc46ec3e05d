"""Golden tests of whole pages in markup (rendered HTML, wikitext) on the shared gold.

Reads ../shared at test time (skipped where it is not checked out). The
floor is the issue's bar for full pages; tables and infoboxes must carry
their properties whatever the prose finders do.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from placefacts.cli import main

MARKUP_PREFIXES = ("corpus/wikipedia-html/", "corpus/wikitext/")
F1_FLOOR = 0.89  # the issue asked 0.75; floors only go up
# Properties that the infobox and table finders carry on these pages: recall floors.
STRUCTURED_RECALL = {"coordinates": 1.0, "elevation": 1.0, "record_temperature": 1.0, "population": 0.95,
                     "mean_temperature": 0.9, "instance_of": 0.85, "area": 0.85}


def _markup_gold(shared: Path) -> list[str]:
    out = []
    for path in sorted((shared / "gold" / "dev").glob("*.json")):
        if json.loads(path.read_text("utf-8"))["source"].startswith(MARKUP_PREFIXES):
            out.append(str(path))
    return out


def _eval(shared: Path, gold: list[str]) -> dict:
    result = CliRunner().invoke(main, ["eval", *gold, "--root", str(shared), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_full_pages_in_markup(shared: Path) -> None:
    gold = _markup_gold(shared)
    assert len(gold) >= 5
    report = _eval(shared, gold)
    assert report["micro"]["f1"] >= F1_FLOOR, report["by_property"]
    assert report["grounded_share"] == 1.0
    assert report["must_not_hits"] == 0
    for prop, floor in STRUCTURED_RECALL.items():
        assert report["by_property"][prop]["recall"] >= floor, (prop, report["by_property"][prop])
