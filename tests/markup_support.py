"""Helpers of the markup tests: the grounding invariant of a `CleanText`, snapshots of `Prepared`."""

from __future__ import annotations

from typing import Any

from placefacts.clean import Prepared
from placefacts.clean.offsets import CleanText


def assert_grounded(clean: CleanText, raw: str, where: str = "") -> None:
    """Every verbatim segment equals the raw text it maps to; every segment lies inside the raw text."""
    starts = clean._clean_starts
    for i, (clean_start, raw_start, raw_end, copy) in enumerate(
        zip(starts, clean._raw_starts, clean._raw_ends, clean._copies, strict=True)
    ):
        clean_end = starts[i + 1] if i + 1 < len(starts) else len(clean.text)
        assert 0 <= raw_start < raw_end <= len(raw), f"{where}: segment {i} maps outside the raw text"
        if copy:
            assert clean.text[clean_start:clean_end] == raw[raw_start:raw_end], f"{where}: segment {i} is not verbatim"
    if clean.text:
        start, end = clean.raw_span(0, len(clean.text))
        assert 0 <= start < end <= len(raw)


def assert_prepared_grounded(prepared: Prepared, raw: str) -> None:
    assert_grounded(prepared.text, raw, "prose")
    for field in prepared.fields:
        assert_grounded(field.value, raw, f"field {field.key}")
    for table in prepared.tables:
        for row in [table.header, *table.rows]:
            for cell in row:
                assert_grounded(cell, raw, f"{table.kind} table")


def snapshot(prepared: Prepared) -> dict[str, Any]:
    """What a cleaner made of a document, as plain JSON (the expected output of a data-file test)."""
    text = prepared.text.text
    return {
        "title": prepared.title,
        "blocks": [[b.kind, b.section, text[b.start : b.end]] for b in prepared.blocks],
        "fields": [[f.group, f.key, f.value.text] for f in prepared.fields],
        "tables": [
            {
                "kind": t.kind,
                "caption": t.caption,
                "header": [c.text for c in t.header],
                "rows": [[c.text for c in row] for row in t.rows],
            }
            for t in prepared.tables
        ],
    }
