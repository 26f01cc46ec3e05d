"""Score predictions against gold files: per-property P/R/F1, micro totals, must_not hits, grounding."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from placefacts.errors import GoldError
from placefacts.evaluate.match import fact_matches, max_matching
from placefacts.model import PROPERTY_TYPES


@dataclass
class Counts:
    matched: int = 0  # true positives (pairs in the matching)
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    source: str
    by_property: dict[str, Counts] = field(default_factory=dict)
    must_not_hits: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    grounded: int = 0
    facts: int = 0


@dataclass
class Report:
    documents: list[DocumentScore] = field(default_factory=list)

    def by_property(self) -> dict[str, Counts]:
        out: dict[str, Counts] = {}
        for doc in self.documents:
            for prop, counts in doc.by_property.items():
                out.setdefault(prop, Counts()).add(counts)
        return dict(sorted(out.items()))

    def total(self) -> Counts:
        total = Counts()
        for counts in self.by_property().values():
            total.add(counts)
        return total

    @property
    def must_not_hits(self) -> int:
        return sum(len(d.must_not_hits) for d in self.documents)

    @property
    def grounded_share(self) -> float:
        facts = sum(d.facts for d in self.documents)
        return sum(d.grounded for d in self.documents) / facts if facts else 1.0

    def to_dict(self) -> dict[str, Any]:
        total = self.total()
        return {
            "documents": len(self.documents),
            "micro": {"precision": total.precision, "recall": total.recall, "f1": total.f1,
                      "matched": total.matched, "predicted": total.predicted, "gold": total.gold},
            "by_property": {
                p: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "matched": c.matched,
                    "predicted": c.predicted, "gold": c.gold}
                for p, c in self.by_property().items()
            },
            "must_not_hits": self.must_not_hits,
            "grounded_share": self.grounded_share,
        }


def gold_files(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(sorted(p.rglob("*.json")))
        elif p.is_file():
            out.append(p)
        else:
            raise GoldError("no such gold file or folder", path)
    return out


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"cannot be read as JSON ({exc})", str(path)) from exc
    if not isinstance(gold, dict) or "source" not in gold or not isinstance(gold.get("facts"), list):
        raise GoldError("is not a gold file: needs 'source' and a 'facts' list", str(path))
    return gold


def score_document(
    gold: dict[str, Any], record: dict[str, Any], raw: str | None, only: set[str] | None = None
) -> DocumentScore:
    scored = set(gold.get("properties") or PROPERTY_TYPES)
    if only:
        scored &= only
    score = DocumentScore(source=gold["source"])
    predictions = [f for f in record.get("facts", []) if f.get("property") in scored]
    for fact in record.get("facts", []):
        score.facts += 1
        ev = fact.get("evidence") or {}
        if raw is not None and isinstance(ev.get("start"), int) and raw[ev["start"] : ev.get("end", -1)] == ev.get("text"):
            score.grounded += 1
    golds = [g for g in gold["facts"] if g.get("property") in scored]
    for prop in sorted(scored):
        p_facts = [f for f in predictions if f["property"] == prop]
        g_facts = [g for g in golds if g["property"] == prop]
        if not p_facts and not g_facts:
            continue
        prop_type = PROPERTY_TYPES.get(prop, "entity")
        edges = [[j for j, g in enumerate(g_facts) if fact_matches(prop_type, p, g)] for p in p_facts]
        pairing = max_matching(edges, len(g_facts))
        matched_preds = {left for left in pairing if left != -1}
        score.by_property[prop] = Counts(len(matched_preds), len(p_facts), len(g_facts))
        score.missed.extend(g for j, g in enumerate(g_facts) if pairing[j] == -1)
        score.spurious.extend(p for i, p in enumerate(p_facts) if i not in matched_preds)
    for bad in gold.get("must_not", []):
        prop_type = PROPERTY_TYPES.get(bad.get("property", ""), "entity")
        bad_any = {**bad, "require": bad.get("require", [])}
        for fact in record.get("facts", []):
            if fact_matches(prop_type, fact, bad_any):
                score.must_not_hits.append(fact)
    return score


def evaluate(
    gold_paths: Iterable[str],
    root: str,
    predict: Callable[[str], dict[str, Any]],
    read_raw: Callable[[str], str | None],
    only: set[str] | None = None,
) -> Report:
    """Score `predict(source_path)` for every gold file; sources are relative to `root`."""
    report = Report()
    for path in gold_files(gold_paths):
        gold = load_gold(path)
        source = str(Path(root) / gold["source"])
        record = predict(source)
        report.documents.append(score_document(gold, record, read_raw(source), only))
    return report
