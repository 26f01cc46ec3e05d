"""Exports: QuickStatements v1 (checked line by line against the v1 grammar), JSON-LD (rdflib), CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from kbdata import CHART_FACTS, SEED, chart_town, hostile_town, make_kb, record_for
from placefacts.cli import main
from placefacts.export import Items, export
from placefacts.export.quickstatements import _qualifiers, value_of
from placefacts.store import open_ro, open_rw, store_record

# --- a validator for the QuickStatements v1 grammar -------------------------------------------------
_NUM = r"[+-]?\d+(?:\.\d+)?"
_STRING = r'"[^"\t\n]*"'
VALUE = re.compile("|".join([
    r"Q\d+", "LAST", _STRING,
    r"[a-z]{2,3}(?:-[a-z0-9]+)*:" + _STRING,                                   # monolingual text
    r"[+-]\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\dZ/(?:[0-9]|1[0-4])",                   # time/precision
    rf"@{_NUM}/{_NUM}",                                                         # coordinates
    rf"{_NUM}(?:~{_NUM}|\[{_NUM},{_NUM}\])?(?:U\d+)?",                          # quantity [unit]
    "somevalue", "novalue",
]))
TERM = re.compile(r"(?:L|D|A)[a-z]{2,3}(?:-[a-z0-9]+)*|S[a-z_]+wiki")


def check_quickstatements(text: str) -> int:
    """Every line parses as QuickStatements v1; LAST only after a CREATE. Returns the statement count."""
    created, statements = False, 0
    for number, line in enumerate(text.splitlines(), 1):
        cells = line.split("\t")
        where = f"line {number}: {line!r}"
        if cells == ["CREATE"]:
            created = True
            continue
        assert len(cells) >= 3, where
        subject, prop, value, rest = cells[0], cells[1], cells[2], cells[3:]
        assert re.fullmatch(r"Q\d+|LAST", subject), where
        assert "LAST" not in (subject, value) or created, where
        if TERM.fullmatch(prop):
            assert rest == [] and re.fullmatch(_STRING, value), where
            continue
        assert re.fullmatch(r"-?P\d+", prop) and VALUE.fullmatch(value), where
        assert len(rest) % 2 == 0, where
        seen_source = False
        for key, val in zip(rest[::2], rest[1::2], strict=True):
            assert re.fullmatch(r"[PS]\d+", key) and VALUE.fullmatch(val), where
            assert not (seen_source and key.startswith("P")), f"{where}: a qualifier after a source"
            seen_source = seen_source or key.startswith("S")
        statements += 1
    return statements


@pytest.mark.parametrize(("line", "ok"), [
    ("CREATE", True),
    ('CREATE\nLAST\tLen\t"Jezkazgan"', True),
    ("Q42\tP1082\t90000\tP585\t+1999-00-00T00:00:00Z/9\tP459\tQ39825\tS854\t\"https://x.org/a\"", True),
    ("Q42\tP2046\t419.5U712226", True),
    ("Q42\tP625\t@47.783/-67.7", True),
    ('Q42\tP1448\ten:"Zhezkazgan"', True),
    ("Q42\tP1082\t90,000", False),
    ("Q42\tP585\t1999", True),  # a plain number is a quantity: grammatical
    ("Q42\tP585\t+1999-00-00/9", False),
    ("Q42\tpopulation\t90000", False),
    ("Q42\tP1082\t90000\tS854\t\"u\"\tP585\t+1999-00-00T00:00:00Z/9", False),
    ("LAST\tP17\tQ232", False),  # no CREATE before it
    ('Q42\tLen\t"a"b"', False),
])
def test_the_validator_itself(line, ok):
    if ok:
        check_quickstatements(line)
    else:
        with pytest.raises(AssertionError):
            check_quickstatements(line)


# --- what the facts become -----------------------------------------------------------------------------
def fact(prop, value, unit=None, value_type=None, **quals):
    return {"property": prop, "value": value, "unit": unit, "qualifiers": quals, "wikidata": None,
            "value_type": value_type}


@pytest.mark.parametrize(("f", "value", "qualifiers"), [
    (fact("population", 90000, point_in_time="1999", method="census", scope="city"),
     "90000", ["P585", "+1999-00-00T00:00:00Z/9", "P459", "Q39825"]),
    (fact("population", 148700, method="estimate"), "148700", ["P459", "Q791801"]),
    (fact("area", 419.5, "km2"), "419.5U712226", []),
    (fact("elevation", 350.0, "m"), "350U11573", []),
    (fact("distance_to", 28.0, "km"), "28U828224", []),
    (fact("mean_temperature", -16.0, "°C", month=1), "-16U25267", ["P459", "Q19373", "P2922", "Q108"]),
    (fact("record_temperature", 45.2, "°C", extreme="max", month=7),
     "45.2U25267", ["P459", "Q10578722", "P2922", "Q121"]),
    (fact("record_temperature", -41.0, "°C", extreme="min", point_in_time="1969-01"),
     "-41U25267", ["P585", "+1969-01-00T00:00:00Z/10", "P459", "Q10585806"]),
    (fact("inception", "1938", value_type="time"), "+1938-00-00T00:00:00Z/9", []),
    (fact("inception", "1938-05-04", value_type="time"), "+1938-05-04T00:00:00Z/11", []),
    (fact("inception", "-0300", value_type="time"), "-0300-00-00T00:00:00Z/9", []),
    (fact("coordinates", {"lat": 47.783, "lon": -67.7}), "@47.783/-67.7", []),
    (fact("instance_of", "City"), "Q515", []),
    (fact("country", "Kazakhstan"), None, []),
    ({**fact("country", "Kazakhstan"), "wikidata": "Q232"}, "Q232", []),
    (fact("facility", 207.0, "GW"), None, []),
])
def test_quickstatements_values(f, value, qualifiers):
    assert value_of(f, Items())[0] == value
    assert _qualifiers(f) == qualifiers


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Path:
    db = make_kb(tmp_path_factory.mktemp("kb") / "kb.db")
    raw = ("Quantaville is a city in Freedonia at 47.783°N 67.7°E, 350 m above sea level, covering 419.5 km2. "
           "It was founded in 1938. Acme Corp has its headquarters there. It is twinned with Sister Town.\n")
    doc, record = record_for("https://en.wikipedia.org/wiki/Quantaville", raw, "Quantaville", [
        ("instance_of", "city", "city", None, {}),
        ("country", "Freedonia", "Freedonia", None, {}),
        ("coordinates", {"lat": 47.783, "lon": 67.7}, "47.783°N 67.7°E", None, {}),
        ("elevation", 350.0, "350 m", "m", {}),
        ("area", 419.5, "419.5 km2", "km2", {}),
        ("inception", "1938", "founded in 1938", None, {}),
        ("employer", "Acme Corp", "Acme Corp", None, {"role": "headquarters"}),
        ("twin_town", "Sister Town", "Sister Town", None, {}),
    ])
    record.facts[6].wikidata = "Q4674"
    conn = open_rw(db)
    store_record(conn, doc, record)
    conn.close()
    return db


def run_export(kb: Path, fmt: str, **options) -> str:
    conn = open_ro(kb)
    out = io.StringIO()
    export(conn, fmt, out, **options)
    conn.close()
    return out.getvalue()


def test_quickstatements_export_parses(kb):
    text = run_export(kb, "quickstatements", stated_in="Q328")
    assert check_quickstatements(text) > 0
    lines = text.splitlines()
    ref = '\tS248\tQ328\tS1476\ten:"testborough"'
    assert 'LAST\tLen\t"Testborough"' in lines
    assert "LAST\tP1082\t12500\tP585\t+1991-00-00T00:00:00Z/9\tP459\tQ39825" + ref in lines
    assert "LAST\tP1082\t15900\tP585\t+2011-00-00T00:00:00Z/9\tP459\tQ791801" + ref in lines
    assert "LAST\tP2076\t-8.5U25267\tP459\tQ19373\tP2922\tQ108" + ref in lines
    assert "LAST\tP2076\t38U25267\tP459\tQ10578722\tP2922\tQ121" + ref in lines
    url = '\tS854\t"https://en.wikipedia.org/wiki/Quantaville"'
    for line in ("LAST\tP625\t@47.783/67.7", "LAST\tP2044\t350U11573", "LAST\tP2046\t419.5U712226",
                 "LAST\tP571\t+1938-00-00T00:00:00Z/9", "LAST\tP31\tQ515", "Q4674\tP159\tLAST"):
        assert line + url in lines
    # The hostile article's quotes and markup cannot break a line.
    assert any(line.startswith('LAST\tLen\t"Evilville<script>alert(\'x\')</script>') for line in lines)


def test_unresolved_values_round_trip_through_items(kb, tmp_path):
    runner = CliRunner()
    unresolved, items, out = tmp_path / "unresolved.tsv", tmp_path / "items.tsv", tmp_path / "qs.txt"
    result = runner.invoke(main, ["export", "--db", str(kb), "--format", "quickstatements", "--out", str(out),
                                  "--unresolved", str(unresolved)])
    assert result.exit_code == 0, result.output
    assert "statements" in result.stderr
    rows = [line.split("\t") for line in unresolved.read_text().splitlines() if not line.startswith("#")]
    labels = {(r[0], r[1]) for r in rows}
    assert {("Freedonia", "country"), ("Northshire", "located_in"), ("Sister Town", "twin_town")} <= labels
    assert "\tP17\t" not in out.read_text()
    items.write_text("".join("\t".join(r[:-1] + ["Q1000" if r[0] == "Freedonia" else ""]) + "\n" for r in rows))
    again = runner.invoke(main, ["export", "--db", str(kb), "--format", "quickstatements", "--items", str(items)])
    assert again.exit_code == 0
    assert check_quickstatements(again.stdout)
    assert 'LAST\tP17\tQ1000\tS1476\ten:"testborough"' in again.stdout.splitlines()


SCHEMA = Namespace("http://schema.org/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
WD = Namespace("http://www.wikidata.org/entity/")
PF = Namespace("urn:placefacts:vocab:")


def test_jsonld_parses_with_rdflib(kb):
    text = run_export(kb, "jsonld")
    json.loads(text)
    graph = rdflib.Graph().parse(data=text, format="json-ld")
    places = set(graph.subjects(RDF.type, SCHEMA.Place))
    assert len(places) == (4 if SEED.is_file() else 3)
    town = next(s for s in places if graph.value(s, SCHEMA.name) == Literal("Testborough"))
    populations = sorted(int(o) for o in graph.objects(town, WDT.P1082))
    assert populations == [12500, 14200, 15900, 17300]
    stmt = next(s for s in graph.objects(town, P.P1082) if graph.value(s, PS.P1082) == Literal(12500))
    assert graph.value(stmt, PQ.P585) == Literal("1991", datatype=XSD.gYear)
    assert graph.value(stmt, PQ.P459) == WD.Q39825
    assert str(graph.value(stmt, PF.evidence)) == "population of 12,500 at the 1991 census"
    temps = [s for s in graph.objects(town, P.P2076) if graph.value(s, PQ.P2922) == WD.Q108]
    assert {graph.value(s, PF.unit) for s in temps} == {WD.Q25267}
    quanta = next(s for s in places if graph.value(s, SCHEMA.name) == Literal("Quantaville"))
    assert graph.value(quanta, WDT.P31) == WD.Q515
    assert graph.value(WD.Q4674, WDT.P159) == quanta  # an inverse property, stated on the employer
    assert "Point(67.7 47.783)" in str(graph.value(quanta, WDT.P625))
    assert graph.value(graph.value(quanta, SCHEMA.geo), SCHEMA.latitude).toPython() == pytest.approx(47.783)
    source = graph.value(quanta, SCHEMA.subjectOf)
    assert source == URIRef("https://en.wikipedia.org/wiki/Quantaville")
    country = graph.value(town, WDT.P17)
    assert graph.value(country, SCHEMA.name) == Literal("Freedonia")


def test_csv_has_a_row_per_fact(kb):
    rows = list(csv.DictReader(io.StringIO(run_export(kb, "csv"))))
    town = [r for r in rows if r["place"] == "Testborough"]
    assert len(town) == len(CHART_FACTS)
    raw = chart_town()[0].raw
    for row in town:
        assert raw[int(row["evidence_start"]):int(row["evidence_end"])] == row["evidence"]
    first = next(r for r in town if r["property"] == "population")
    assert (first["value"], first["wikidata_property"], json.loads(first["qualifiers"])["method"]) == (
        "12500", "P1082", "census")
    evil = [r for r in rows if r["place"] == hostile_town()[1].subject]
    assert len(evil) == len(hostile_town()[1].facts)


def test_export_cli_errors(tmp_path, kb):
    runner = CliRunner()
    missing = runner.invoke(main, ["export", "--db", str(tmp_path / "none.db"), "--format", "csv"])
    assert missing.exit_code == 1 and "E006" in missing.stderr
    bad = runner.invoke(main, ["export", "--db", str(kb), "--format", "quickstatements", "--stated-in", "wiki"])
    assert bad.exit_code == 1 and "E009" in bad.stderr
