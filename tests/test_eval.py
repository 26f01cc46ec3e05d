"""The spec's matching rules, as `placefacts eval` applies them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from placefacts.evaluate.match import fact_matches, max_matching
from placefacts.evaluate.score import score_document
from placefacts.normalise import text


def _fact(prop: str, value, **extra) -> dict:
    return {"property": prop, "value": value, **extra}


def test_entities_fold_case_accents_punctuation_and_a_leading_the() -> None:
    gold = _fact("near_water", "Paraná River", alt=["Parana"])
    assert fact_matches("entity", _fact("near_water", "the parana river"), gold)
    assert fact_matches("entity", _fact("near_water", "PARANÁ"), gold)
    assert not fact_matches("entity", _fact("near_water", "Uruguay River"), gold)


def test_quantities_within_half_a_percent_and_celsius_within_015() -> None:
    assert fact_matches("quantity", _fact("area", 100.4, unit="km2"), _fact("area", 100, unit="km2"))
    assert not fact_matches("quantity", _fact("area", 101, unit="km2"), _fact("area", 100, unit="km2"))
    assert fact_matches("quantity", _fact("mean_temperature", -16.1, unit="°C"), _fact("mean_temperature", -16, unit="°C"))
    assert not fact_matches("quantity", _fact("mean_temperature", -16.2, unit="°C"), _fact("mean_temperature", -16, unit="°C"))


def test_times_compare_to_the_gold_precision_and_counts_exactly() -> None:
    assert fact_matches("time", _fact("inception", "1938-05-04"), _fact("inception", "1938"))
    assert not fact_matches("time", _fact("inception", "1938"), _fact("inception", "1938-05"))
    assert not fact_matches("count", _fact("population", 90001), _fact("population", 90000))


def test_required_qualifiers_must_match_and_others_are_free() -> None:
    gold = _fact("population", 90000, qualifiers={"point_in_time": "1999", "method": "census"}, require=["point_in_time"])
    assert fact_matches("count", _fact("population", 90000, qualifiers={"point_in_time": "1999"}), gold)
    assert not fact_matches("count", _fact("population", 90000, qualifiers={"point_in_time": "2009"}), gold)
    assert not fact_matches("count", _fact("population", 90000), gold)
    direction = _fact("distance_to", "X", qualifiers={"direction": "south-west"}, require=["direction"])
    assert fact_matches("entity", _fact("distance_to", "X", qualifiers={"direction": "South West"}), direction)


def test_matching_is_one_to_one_and_maximal() -> None:
    # Prediction 0 could take gold 0 or 1, prediction 1 only gold 0: the best pairing matches both.
    pairing = max_matching([[0, 1], [0]], 2)
    assert sorted(pairing) == [0, 1]


def test_score_document_counts_precision_recall_must_not_and_grounding() -> None:
    raw = "Karsk is a town in Ohio."
    gold = {
        "source": "x.txt",
        "facts": [_fact("instance_of", "town"), _fact("located_in", "Ohio")],
        "must_not": [_fact("country", "Spain")],
    }
    record = {
        "facts": [
            _fact("instance_of", "town", evidence={"start": 11, "end": 15, "text": "town"}),
            _fact("instance_of", "town", evidence={"start": 11, "end": 15, "text": "town"}),
            _fact("country", "Spain", evidence={"start": 0, "end": 5, "text": "wrong"}),
        ]
    }
    score = score_document(gold, record, raw)
    assert score.by_property["instance_of"].matched == 1
    assert score.by_property["instance_of"].predicted == 2
    assert score.by_property["located_in"].gold == 1 and score.by_property["located_in"].matched == 0
    assert len(score.must_not_hits) == 1
    assert (score.grounded, score.facts) == (2, 3)


def test_properties_outside_the_gold_list_are_not_scored() -> None:
    gold = {"source": "x", "properties": ["population"], "facts": [_fact("population", 5)]}
    record = {"facts": [_fact("population", 5), _fact("twin_town", "Y")]}
    score = score_document(gold, record, None)
    assert set(score.by_property) == {"population"}


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_names_fold_by_the_table_as_by_the_pattern(name: str) -> None:
    # fold() turns ASCII punctuation to blanks with a table; the pattern it stands for must agree.
    expected = " ".join(text._PUNCTUATION.sub(" ", name.lower()).split())
    expected = expected[4:] if expected.startswith("the ") else expected
    assert text.fold.__wrapped__(name) == expected
