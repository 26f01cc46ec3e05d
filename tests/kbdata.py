"""Knowledge-base test data we control: articles and their records, written straight to the store.

The extractor is improved elsewhere in parallel, so the pages and charts are
tested on records built here, each fact grounded on a span found in the text.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from placefacts.model import Document, Evidence, Fact, Record
from placefacts.store import open_rw, store_record

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_51423491cc0256e5.txt"

CHART_TOWN = (
    "Testborough is a town in Northshire, Freedonia, on the River Test. "
    "The town had a population of 12,500 at the 1991 census. "
    "By the 2001 census the population had grown to 14,200, and an estimate of 15,900 was made in 2011. "
    "The 2021 census counted 17,300 inhabitants.\n\n"
    "Testborough has a continental climate. The mean temperature is -8.5 °C in January, -7 °C in February, "
    "-1 °C in March, 7 °C in April, 14 °C in May, 19 °C in June, 21.5 °C in July, 20 °C in August, "
    "14 °C in September, 6 °C in October, -1.5 °C in November and -6 °C in December. "
    "The highest temperature recorded was 38 °C in July and the lowest was -41 °C in January.\n"
)

# (property, value, evidence text, unit, qualifiers); the evidence's first occurrence is the span.
CHART_FACTS: list[tuple[str, Any, str, str | None, dict[str, Any]]] = [
    ("instance_of", "town", "town", None, {}),
    ("located_in", "Northshire", "Northshire", None, {}),
    ("country", "Freedonia", "Freedonia", None, {}),
    ("near_water", "River Test", "River Test", None, {}),
    ("population", 12500, "population of 12,500 at the 1991 census", None,
     {"point_in_time": "1991", "method": "census", "scope": "city"}),
    ("population", 14200, "By the 2001 census the population had grown to 14,200", None,
     {"point_in_time": "2001", "method": "census", "scope": "city"}),
    ("population", 15900, "an estimate of 15,900 was made in 2011", None,
     {"point_in_time": "2011", "method": "estimate", "scope": "city"}),
    ("population", 17300, "The 2021 census counted 17,300 inhabitants", None,
     {"point_in_time": "2021", "method": "census", "scope": "city"}),
    ("climate", "continental climate", "continental climate", None, {}),
    *[("mean_temperature", v, text, "°C", {"month": m}) for m, (v, text) in enumerate([
        (-8.5, "-8.5 °C in January"), (-7.0, "-7 °C in February"), (-1.0, "-1 °C in March"),
        (7.0, "7 °C in April"), (14.0, "14 °C in May"), (19.0, "19 °C in June"), (21.5, "21.5 °C in July"),
        (20.0, "20 °C in August"), (14.0, "14 °C in September"), (6.0, "6 °C in October"),
        (-1.5, "-1.5 °C in November"), (-6.0, "-6 °C in December")], start=1)],
    ("record_temperature", 38.0, "highest temperature recorded was 38 °C in July", "°C", {"extreme": "max", "month": 7}),
    ("record_temperature", -41.0, "lowest was -41 °C in January", "°C", {"extreme": "min", "month": 1}),
]

HOSTILE = "<script>alert('x')</script>"
HOSTILE_TOWN = (
    f'Evilville{HOSTILE} is a village in "Quote" County & Co, Nowhere. '
    f"It had a population of 300 in 1990 and 420 in 2000. Its mayor wrote <img src=x onerror=alert(1)>.\n"
)
HOSTILE_FACTS: list[tuple[str, Any, str, str | None, dict[str, Any]]] = [
    ("instance_of", "village", "village", None, {}),
    ("located_in", '"Quote" County & Co', '"Quote" County & Co', None, {}),
    ("population", 300, "population of 300 in 1990", None, {"point_in_time": "1990", "scope": HOSTILE}),
    ("population", 420, "420 in 2000", None, {"point_in_time": "2000", "scope": HOSTILE}),
    ("facility", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>", None, {"kind": HOSTILE}),
]


def record_for(source: str, raw: str, subject: str,
               facts: list[tuple[str, Any, str, str | None, dict[str, Any]]]) -> tuple[Document, Record]:
    out = []
    for prop, value, text, unit, quals in facts:
        start = raw.index(text)
        out.append(Fact(prop, value, Evidence(start, start + len(text), text), unit=unit, qualifiers=dict(quals),
                        confidence=0.9, extractor="test"))
    return Document(source=source, raw=raw), Record(source=source, subject=subject, facts=out)


def chart_town() -> tuple[Document, Record]:
    return record_for("articles/testborough.txt", CHART_TOWN, "Testborough", CHART_FACTS)


def hostile_town() -> tuple[Document, Record]:
    return record_for("articles/evilville.txt", HOSTILE_TOWN, f"Evilville{HOSTILE}", HOSTILE_FACTS)


def make_kb(path: Path, with_seed: bool = True) -> Path:
    """A knowledge base with the chart town, the hostile town and (if shared/ is there) the seed, extracted."""
    conn = open_rw(path)
    for doc, record in (chart_town(), hostile_town()):
        store_record(conn, doc, record)
    if with_seed and SEED.is_file():
        from placefacts.pipeline import extract_document
        from placefacts.read import read_path

        for doc in read_path(str(SEED)):
            store_record(conn, doc, extract_document(doc))
    conn.close()
    return path


def synthetic_articles(folder: Path, count: int) -> list[Path]:
    """`count` small place articles with a few facts each, plus metadata files a build must skip."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{i:04d}_Place_{i}.txt"
        path.write_text(
            f"Place{i} is a town in Northshire, Freedonia, on the River Test. "
            f"The town had a population of {1000 + 37 * i:,} at the 2011 census. "
            f"It was founded in {1800 + i % 200}.\n", encoding="utf-8")
        paths.append(path)
    (folder / "metadata.tsv").write_text("idx\tfile\n0\t0000_Place_0.txt\n", encoding="utf-8")
    (folder / "notes.json").write_text('{"not": "an article"}', encoding="utf-8")
    return paths


def canonical(db: Path) -> list[tuple[Any, ...]]:
    """The knowledge base's content without row ids, in a stable order: equal iff the same facts are stored."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT d.source, d.content_hash, d.form, p.name, p.label, f.seq, f.property, f.value_json, f.unit,"
        " f.confidence, e.start, e.end, e.text,"
        " (SELECT group_concat(name || '=' || value_json, ';') FROM"
        "   (SELECT name, value_json FROM qualifiers q WHERE q.fact_id = f.id ORDER BY name))"
        " FROM documents d JOIN places p ON p.document_id = d.id"
        " LEFT JOIN facts f ON f.place_id = p.id LEFT JOIN evidence e ON e.fact_id = f.id"
        " ORDER BY d.source, f.seq").fetchall()
    counts = tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("documents", "places", "facts", "qualifiers", "evidence", "place_search"))
    conn.close()
    return [counts, *rows]
