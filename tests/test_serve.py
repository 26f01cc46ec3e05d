"""The web application through its test client: JSON API shape, one error shape, pages, charts, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kbdata import CHART_FACTS, HOSTILE, SEED, make_kb
from placefacts.errors import StoreError
from placefacts.serve import create_app
from placefacts.serve.charts import Axis, Series, line_chart, nice_step, value_axis
from placefacts.serve.view import climate_chart, population_chart


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Path:
    return make_kb(tmp_path_factory.mktemp("kb") / "kb.db")


@pytest.fixture(scope="module")
def client(kb) -> TestClient:
    return TestClient(create_app(kb), raise_server_exceptions=False)


def place_id(client: TestClient, name: str) -> int:
    return client.get("/api/places", params={"q": name}).json()["places"][0]["id"]


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "path", "hint"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def test_api_places_search(client):
    body = client.get("/api/places", params={"q": "testbor"}).json()
    assert body["count"] == 1
    place = body["places"][0]
    assert set(place) == {"id", "name", "label", "country", "source", "facts"}
    assert (place["name"], place["country"], place["facts"]) == ("Testborough", "Freedonia", len(CHART_FACTS))
    everything = client.get("/api/places").json()
    assert everything["count"] >= 2


def test_api_place(client):
    body = client.get(f"/api/places/{place_id(client, 'Testborough')}").json()
    assert body["name"] == "Testborough" and body["document"]["source"] == "articles/testborough.txt"
    fact = body["facts"][4]
    assert fact["property"] == "population" and fact["value"] == 12500 and fact["wikidata_property"] == "P1082"
    assert fact["qualifiers"] == {"point_in_time": "1991", "method": "census", "scope": "city"}
    assert fact["evidence"]["text"] == "population of 12,500 at the 1991 census"
    assert fact["context"] == {"before": "The town had a ", "evidence": fact["evidence"]["text"], "after": "."}


@pytest.mark.parametrize(("params", "values"), [
    ({"property": "population", "min": 15000, "country": "Freedonia"}, [15900, 17300]),
    ({"property": "population", "max": 12500, "country": "Freedonia"}, [12500]),
    ({"property": "record_temperature", "min": 0}, [38.0]),
])
def test_api_facts(client, params, values):
    body = client.get("/api/facts", params=params).json()
    assert [f["value"] for f in body["facts"]] == values and body["count"] == len(values)


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/places/999999", 404, "E008"),
    ("/api/places/abc", 422, "E007"),
    ("/api/facts?min=lots", 422, "E007"),
    ("/api/facts?property=populaton", 422, "E007"),
    ("/api/facts?property=population&min=10&max=1", 422, "E007"),
    ("/api/places?limit=0", 422, "E007"),
    ("/api/places?q=%22%29%3B", 422, "E007"),
    ("/api/nothing-here", 404, "E008"),
])
def test_api_errors_have_one_shape(client, url, status, code):
    error = assert_error(client.get(url), status, code)
    assert error["path"].startswith("/api")


def test_server_error_has_the_same_shape(kb, monkeypatch):
    from placefacts.store import query

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(query, "counts", broken)
    client = TestClient(create_app(kb), raise_server_exceptions=False)
    error = assert_error(client.get("/api/stats"), 500, "E000")
    assert "boom" not in error["message"]  # internals stay in the log
    page = client.get("/")
    assert page.status_code == 500 and "E000" in page.text


def test_missing_database_fails_at_once(tmp_path):
    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/places", "/api/places/{place_id}", "/api/facts"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/facts" in docs.text and "min" in docs.text
    # Nothing is fetched from elsewhere: no external scripts, styles or images.
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", docs.text)
    assert client.get("/redoc").status_code == 404


def test_search_page(client):
    page = client.get("/search", params={"q": "testborough"})
    assert page.status_code == 200
    assert f'href="/places/{place_id(client, "Testborough")}"' in page.text
    assert "nothing matches" not in page.text
    assert client.get("/search", params={"q": "()"}).status_code == 200


def test_place_page_shows_evidence_and_charts(client):
    page = client.get(f"/places/{place_id(client, 'Testborough')}").text
    assert page.count('<tr class="fact"') == len(CHART_FACTS)
    assert "<mark>population of 12,500 at the 1991 census</mark>" in page
    assert "articles/testborough.txt" in page
    for theme in ("Names &amp; classification", "Location", "People", "Climate"):
        assert f"<h2>{theme}</h2>" in page
    assert page.count("<svg") == 2
    assert "Population over time" in page and "Monthly temperature" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)


def test_html_errors(client):
    page = client.get("/places/999999")
    assert page.status_code == 404 and "E008" in page.text and "text/html" in page.headers["content-type"]
    assert client.get("/places/x").status_code == 422


def test_article_text_is_escaped_everywhere(client):
    pid = place_id(client, "evilville")
    page = client.get(f"/places/{pid}").text
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert page.count("<svg") == 1  # the population chart, whose series is named by the hostile scope
    results = client.get("/search", params={"q": "evilville <script>"}).text
    assert "<script>" not in results


@pytest.mark.skipif(not SEED.is_file(), reason="shared/ is not checked out beside the repository")
def test_seed_page_shows_every_fact_with_its_evidence(client):
    from placefacts.pipeline import extract_document
    from placefacts.read import read_path

    record = extract_document(next(read_path(str(SEED))))
    pid = place_id(client, "Jezkazgan")
    page = client.get(f"/places/{pid}").text
    assert page.count('<tr class="fact"') == len(record.facts)
    marks = re.findall(r"<mark>(.*?)</mark>", page, re.S)
    import html

    # Compare text, not one escaper's spelling of it ("&#39;" and "&#x27;" are both an apostrophe).
    assert sorted(html.unescape(m) for m in marks) == sorted(" ".join(f.evidence.text.split()) for f in record.facts)
    dated = {f.qualifiers.get("point_in_time") for f in record.facts if f.property == "population"} - {None}
    assert ("Population over time" in page) == (len(dated) >= 2)


def _facts(*rows):
    return [{"property": p, "value": v, "qualifiers": q} for p, v, q in rows]


@pytest.mark.parametrize(("facts", "drawn"), [
    (_facts(("population", 10, {"point_in_time": "1990"})), False),
    (_facts(("population", 10, {"point_in_time": "1990"}), ("population", 20, {})), False),
    (_facts(("population", 10, {"point_in_time": "1990"}), ("population", 20, {"point_in_time": "2000"})), True),
    (_facts(("population", 10, {"point_in_time": "1990", "scope": "city"}),
            ("population", 30, {"point_in_time": "1990", "scope": "metro"})), True),
])
def test_population_chart_needs_two_dated_figures(facts, drawn):
    assert (population_chart(facts) is not None) == drawn


@pytest.mark.parametrize(("facts", "drawn", "series"), [
    (_facts(("mean_temperature", 5.0, {"month": 1})), False, []),
    (_facts(("mean_temperature", 5.0, {"month": 1}), ("mean_temperature", 25.0, {"month": 7})), True, ["Mean"]),
    (_facts(("mean_temperature", 5.0, {})), False, []),
    (_facts(("record_temperature", 40.0, {"month": 7, "extreme": "max"}),
            ("record_temperature", -30.0, {"month": 1, "extreme": "min"})), True, ["Record high", "Record low"]),
])
def test_climate_chart(facts, drawn, series):
    svg = climate_chart(facts)
    assert (svg is not None) == drawn
    for name in series:
        assert f">{name}</text>" in str(svg)


def test_svg_escapes_every_label():
    svg = str(line_chart([Series(HOSTILE, [(1.0, 2.0), (2.0, 3.0)])], Axis(0, 3, [(1.0, "<b>")]),
                         value_axis([2.0, 3.0], True), title='"><script>x</script>'))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg


@pytest.mark.parametrize(("span", "step"), [(10, 2), (100000, 20000), (0.7, 0.2), (1, 0.2), (45, 10)])
def test_nice_step(span, step):
    assert nice_step(span) == pytest.approx(step)


def test_serve_cli_refuses_a_missing_database(tmp_path):
    from click.testing import CliRunner

    from placefacts.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 1 and "E006" in result.stderr and "absent.db" in result.stderr
