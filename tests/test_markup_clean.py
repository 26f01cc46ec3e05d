"""Data-file tests of the markup cleaners, in the style of mwparserfromhell's own.

tests/data/markup/{html,wikitext}/NAME.{html,txt} is an input written for this
project; NAME.expected.json is what the cleaner must make of it (title,
blocks, fields, tables). templates.jsonl pairs wikitext with the prose it
renders to. Set PLACEFACTS_REGENERATE=1 to rewrite the .expected.json files
from the current output (then read the diff before committing it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from markup_support import assert_grounded, assert_prepared_grounded, snapshot
from placefacts.clean.html import clean_html
from placefacts.clean.wikitext import clean_wikitext

DATA = Path(__file__).parent / "data" / "markup"
CLEANERS = {"html": clean_html, "wikitext": clean_wikitext}
INPUTS = sorted([*DATA.glob("html/*.html"), *DATA.glob("wikitext/*.txt")])


def _clean(path: Path):  # noqa: ANN202
    raw = path.read_text("utf-8")
    return raw, CLEANERS[path.parent.name](raw)


def _dump(got: dict) -> str:
    """The snapshot as JSON with one block, field or table row per line, for readable diffs."""
    def line(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    tables = []
    for table in got["tables"]:
        rows = ",\n".join(f"    {line(row)}" for row in table["rows"])
        tables.append(f'  {{"kind": {line(table["kind"])}, "caption": {line(table["caption"])},\n'
                      f'   "header": {line(table["header"])},\n   "rows": [\n{rows}\n   ]}}')
    parts = [
        f' "title": {line(got["title"])}',
        ' "blocks": [\n' + ",\n".join(f"  {line(b)}" for b in got["blocks"]) + "\n ]",
        ' "fields": [\n' + ",\n".join(f"  {line(f)}" for f in got["fields"]) + "\n ]",
        ' "tables": [\n' + ",\n".join(tables) + "\n ]",
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_cleaner_output(path: Path) -> None:
    raw, prepared = _clean(path)
    expected_path = path.with_suffix(".expected.json")
    got = snapshot(prepared)
    if os.environ.get("PLACEFACTS_REGENERATE"):
        expected_path.write_text(_dump(got), "utf-8")
    expected = json.loads(expected_path.read_text("utf-8"))
    assert got["title"] == expected["title"]
    assert got["blocks"] == expected["blocks"]
    assert got["fields"] == expected["fields"]
    assert got["tables"] == expected["tables"]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_every_clean_character_maps_into_the_raw_markup(path: Path) -> None:
    raw, prepared = _clean(path)
    assert_prepared_grounded(prepared, raw)


def test_html_leaves_out_apparatus() -> None:
    _, prepared = _clean(DATA / "html" / "kelderwick.html")
    text = prepared.text.text
    for absent in ("[1]", "edit", "Main page", "Contents", "citation needed", "not prose", "market hall in 1900",
                   "Towns of Loamshire", "Gazetteer", "Official site", "For the river", "From Wikipedia"):
        assert absent not in text, absent
    assert "cellar & a farm" in text  # &amp; decoded, mapped onto its entity
    start = text.index("&")
    raw = (DATA / "html" / "kelderwick.html").read_text("utf-8")
    assert raw[slice(*prepared.text.raw_span(start, start + 1))] == "&amp;"


def test_wikitext_leaves_out_apparatus() -> None:
    _, prepared = _clean(DATA / "wikitext" / "ostravel.txt")
    text = prepared.text.text
    for absent in ("Gazetteer", "cite", "ref", "File:", "Category", "check this figure", "charter of the bishop",
                   "Official website", "de:Ostravel", "Short description", "Heidmark district}}"):
        assert absent not in text, absent


def _template_cases() -> list[dict]:
    lines = (DATA / "templates.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("case", _template_cases(), ids=lambda c: c["wikitext"][:40])
def test_template_rendering(case: dict) -> None:
    prepared = clean_wikitext(case["wikitext"])
    assert prepared.text.text == case["prose"]
    assert_grounded(prepared.text, case["wikitext"])


def test_rendered_template_maps_onto_the_whole_template() -> None:
    raw = "It lies {{convert|12|km|mi}} east."
    prepared = clean_wikitext(raw)
    start = prepared.text.text.index("12 kilometres")
    end = start + len("12 kilometres (7.5 mi)")
    assert raw[slice(*prepared.text.raw_span(start, end))] == "{{convert|12|km|mi}}"


_HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<div class='navbox'>", "</div>", "<table class='infobox'>", "<tr>", "<th>", "<td>", "</table>",
    "<br>", "<b>", "</b>", "&amp;", "&#160;", "&bogus;", "&#x41;", "<!--", "-->", "<script>", "</script>", "<",
    ">", "\"", "'", "<h2>", "</h2>", "References", "Population", "<sup class='reference'>[1]</sup>", "<li>",
    "<ul>", "</ul>", " ", "\n", "Marrowby is a town.", "4,417", "<a href='x", "<p class=x", "</td>", "</tr>",
])
_WIKI_PIECES = st.sampled_from([
    "{{", "}}", "[[", "]]", "|", "=", "'''", "''", "\n", "\n\n", "== History ==", "<ref>", "</ref>", "<!--",
    "-->", "{{convert|", "{{coord|", "{{Infobox settlement|", "{{Weather box|", "Jan mean C = ", "{|", "|}",
    "|-", "!", "* ", "&amp;", "&nbsp;", "Marrowby", " is a town", "12", "km", "mi", "N", "W", "File:",
    "Category:", "{{lang-de|", "population_total = 1,204", "<br />", "<span style='display:none'>", "</span>",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=60).map("".join))
def test_html_cleaner_never_fails_and_stays_grounded(raw: str) -> None:
    assert_prepared_grounded(clean_html(raw), raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WIKI_PIECES, max_size=60).map("".join))
def test_wikitext_cleaner_never_fails_and_stays_grounded(raw: str) -> None:
    assert_prepared_grounded(clean_wikitext(raw), raw)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_safe_for_both_cleaners(raw: str) -> None:
    assert_prepared_grounded(clean_html(raw), raw)
    assert_prepared_grounded(clean_wikitext(raw), raw)
