"""Does a predicted fact match a gold fact? The spec's matching rules, one function each."""

from __future__ import annotations

from typing import Any

from placefacts.normalise.text import fold

COORDINATE_TOLERANCE = 0.01  # degrees; the spec leaves coordinates open, ~1 km is what sources round to


def _fold_all(value: Any) -> str:
    return fold(str(value))


def entity_equal(pred: Any, gold: Any, alts: list[Any] | None = None) -> bool:
    target = _fold_all(pred)
    return any(target == _fold_all(g) for g in [gold, *(alts or [])])


def number_equal(pred: Any, gold: Any, unit: str | None = None) -> bool:
    try:
        p, g = float(pred), float(gold)
    except (TypeError, ValueError):
        return False
    if unit == "°C":
        return abs(p - g) <= 0.15
    return abs(p - g) <= max(abs(g) * 0.005, 1e-9)


def time_equal(pred: Any, gold: Any) -> bool:
    """Equal to the gold's precision: "1938" matches a predicted "1938-05-04"."""
    p, g = str(pred), str(gold)
    return p[: len(g)] == g if len(p) >= len(g) else False


def coordinates_equal(pred: Any, gold: Any) -> bool:
    try:
        return (
            abs(float(pred["lat"]) - float(gold["lat"])) <= COORDINATE_TOLERANCE
            and abs(float(pred["lon"]) - float(gold["lon"])) <= COORDINATE_TOLERANCE
        )
    except (TypeError, KeyError, ValueError):
        return False


def direction_equal(pred: Any, gold: Any) -> bool:
    return fold(str(pred)).replace(" ", "") == fold(str(gold)).replace(" ", "")


def qualifier_equal(name: str, pred: Any, gold: Any) -> bool:
    if pred is None:
        return False
    if name == "direction":
        return direction_equal(pred, gold)
    if name == "point_in_time":
        return time_equal(pred, gold)
    if isinstance(gold, bool) or isinstance(pred, bool):
        return pred == gold
    if isinstance(gold, (int, float)):
        return number_equal(pred, gold)
    return entity_equal(pred, gold)


def value_equal(prop_type: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    p, g = pred.get("value"), gold.get("value")
    if prop_type in ("entity", "text"):
        return isinstance(p, str) and entity_equal(p, g, gold.get("alt"))
    if prop_type == "count":
        return isinstance(p, (int, float)) and not isinstance(p, bool) and int(p) == p and int(p) == int(g)
    if prop_type == "quantity":
        return number_equal(p, g, gold.get("unit") or pred.get("unit"))
    if prop_type == "time":
        return time_equal(p, g)
    if prop_type == "coordinates":
        return coordinates_equal(p, g)
    return p == g


def fact_matches(prop_type: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred.get("property") != gold.get("property"):
        return False
    if not value_equal(prop_type, pred, gold):
        return False
    qualifiers = pred.get("qualifiers") or {}
    gold_qualifiers = gold.get("qualifiers") or {}
    return all(qualifier_equal(q, qualifiers.get(q), gold_qualifiers.get(q)) for q in gold.get("require", []))


def max_matching(edges: list[list[int]], n_right: int) -> list[int]:
    """A maximum bipartite matching (Kuhn's augmenting paths; sets here are small).

    `edges[left]` lists the right nodes that `left` may pair with; the result
    gives, for each right node, its left partner or -1.
    """
    match_right = [-1] * n_right

    def augment(left: int, seen: list[bool]) -> bool:
        for right in edges[left]:
            if seen[right]:
                continue
            seen[right] = True
            if match_right[right] == -1 or augment(match_right[right], seen):
                match_right[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, [False] * n_right)
    return match_right
