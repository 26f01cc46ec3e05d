"""The dump reader: place pages of a pages-articles export, in constant memory, bad dumps named.

tests/data/markup/dump/small.xml is an export written for this project: a
place with an infobox, a redirect, a talk page, a person, a place known by its
first sentence only, a Latgalian town page, a disambiguation page.
"""

from __future__ import annotations

import bz2
import gzip
import importlib.util
import json
import shutil
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from placefacts.cli import main
from placefacts.errors import DumpError
from placefacts.pipeline import extract_document
from placefacts.read import is_dump, read_path
from placefacts.read.dump import read_dump
from placefacts.read.places import is_place

DUMP = Path(__file__).parent / "data" / "markup" / "dump" / "small.xml"
PLACES = ["Brackenford", "Tilby", "Vērbeļova"]


@pytest.fixture(params=["xml", "xml.bz2", "xml.gz"])
def dump(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    data = DUMP.read_bytes()
    path = tmp_path / f"small.{request.param}"
    if request.param == "xml.bz2":
        path.write_bytes(bz2.compress(data))
    elif request.param == "xml.gz":
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def test_place_pages_become_documents(dump: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = list(read_dump(str(dump)))
    assert [d.title for d in docs] == PLACES
    first = docs[0]
    assert first.form == "wikitext"
    assert first.source == f"{dump}#Brackenford"
    assert first.revision == "501"
    assert "<ref>Loamshire Gazetteer & Almanac, 1999.</ref>" in first.raw  # unescaped
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary == (f"placefacts: dump {dump}: 7 pages, 3 places, 2 skipped (not a place), 1 redirects, "
                       "1 other namespaces")


def test_dump_facts_are_grounded_in_the_page_text(dump: Path) -> None:
    records = {d.title: (d, extract_document(d).to_dict()) for d in read_dump(str(dump))}
    brackenford = records["Brackenford"][1]
    got = {(f["property"], json.dumps(f["value"])) for f in brackenford["facts"]}
    assert ("population", "23118") in got
    assert ("elevation", "64") in got
    assert ("area", "21.6") in got
    assert any(p == "coordinates" for p, _ in got)
    town = records["Vērbeļova"][1]
    assert {("population", "1904"), ("area", "4.2")} <= {(f["property"], json.dumps(f["value"])) for f in town["facts"]}
    for doc, record in records.values():
        for fact in record["facts"]:
            ev = fact["evidence"]
            assert doc.raw[ev["start"] : ev["end"]] == ev["text"]


def test_truncated_dump_yields_what_it_can_then_names_the_file(tmp_path: Path) -> None:
    text = DUMP.read_text("utf-8")
    cut = text.index("<title>Ada Quill</title>") + 40
    path = tmp_path / "cut.xml.bz2"
    path.write_bytes(bz2.compress(text[:cut].encode("utf-8")))
    docs = []
    with pytest.raises(DumpError) as caught:
        for doc in read_dump(str(path)):
            docs.append(doc.title)
    assert docs == ["Brackenford"]
    assert str(path) in str(caught.value)
    assert str(caught.value).startswith("E004 ")
    assert "\n" not in str(caught.value)


def test_corrupt_compression_is_a_dump_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml.bz2"
    path.write_bytes(bz2.compress(DUMP.read_bytes())[:300] + b"\x00garbage" * 20)
    with pytest.raises(DumpError):
        list(read_dump(str(path)))


def test_other_xml_is_not_a_dump(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel><title>News</title></channel></rss>", "utf-8")
    with pytest.raises(DumpError, match="not a MediaWiki XML export"):
        list(read_dump(str(path)))


def test_dump_found_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    shutil.copy(DUMP, path)
    assert is_dump(str(path))
    assert [d.title for d in read_path(str(path))] == PLACES
    plain = tmp_path / "article.txt"
    plain.write_text("Tilby is a village in Loamshire.", "utf-8")
    assert not is_dump(str(plain))
    assert [d.form for d in read_path(str(plain))] == ["text"]
    packed = tmp_path / "export.bz2"  # compressed, and not named as a dump: its content decides
    packed.write_bytes(bz2.compress(DUMP.read_bytes()))
    assert [d.title for d in read_path(str(packed))] == PLACES


def test_cli_extracts_a_dump_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "small.xml.bz2"
    path.write_bytes(bz2.compress(DUMP.read_bytes()))
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", "--jobs", "1", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["source"] for r in lines] == [f"{path}#{title}" for title in PLACES]
    assert "3 places" in result.stderr


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Marrowby", "{{Infobox UK place\n| name = Marrowby\n}}\n'''Marrowby''' is a town.", True),
    ("Wend", "{{Geobox|River\n| name = Wend\n}}\n'''Wend''' is a river.", False),
    ("Tollgate", "{{Geobox|Settlement\n| name = Tollgate\n}}", True),
    ("Ada Quill", "{{Infobox person\n| birth_place = Marrowby\n}}", False),
    ("Marrowby School", "{{Infobox school district\n}}", False),
    ("Pellow", "'''Pellow''' is a [[hamlet]] in the parish of [[Tregarth]], Cornwall.", True),
    ("Quillet", "'''Quillet''' is a [[poem]] by Ada Quill, written in 1888.", False),
    ("Ostrafeld", "'''Ostrafeld''' ist eine Gemeinde im Landkreis Heidmark.", True),
    ("Pellow (disambiguation)", "'''Pellow''' is a hamlet in Cornwall.", False),
])
def test_what_counts_as_a_place(title: str, text: str, expected: bool) -> None:
    assert is_place(title, text) is expected


def _bench() -> object:
    path = Path(__file__).parent.parent / "bench" / "dump_memory.py"
    spec = importlib.util.spec_from_file_location("dump_memory", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak_reading(path: Path, reader: Callable[[str], Iterator[object]] = read_dump) -> tuple[int, int]:
    tracemalloc.start()
    try:
        pages = sum(1 for _ in reader(str(path)))
        return pages, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_the_dump_grows(tmp_path: Path) -> None:
    bench = _bench()
    small = bench.write_dump(tmp_path / "small.xml.bz2", 150)  # type: ignore[attr-defined]
    large = bench.write_dump(tmp_path / "large.xml.bz2", 1200)  # type: ignore[attr-defined]
    small_pages, small_peak = _peak_reading(small)
    large_pages, large_peak = _peak_reading(large)
    assert (small_pages, large_pages) == (150, 1200)
    # Eight times the pages: the peak is that of one page, not of the dump.
    assert large_peak < small_peak * 1.2 + 64 * 1024, (small_peak, large_peak)


def test_a_dump_told_by_its_content_is_streamed_not_read_whole(tmp_path: Path) -> None:
    # Not named as a dump: read_path looks at its first bytes, and must not read the rest before streaming it.
    bench = _bench()
    small = bench.write_dump(tmp_path / "small.xml.bz2", 150)  # type: ignore[attr-defined]
    large = bench.write_dump(tmp_path / "large.xml.bz2", 1200)  # type: ignore[attr-defined]
    for path in (small, large):  # uncompressed, so that reading one whole would show in the peak
        path.with_suffix("").with_suffix(".dat").write_bytes(bz2.decompress(path.read_bytes()))
    small, large = tmp_path / "small.dat", tmp_path / "large.dat"
    small_pages, small_peak = _peak_reading(small, read_path)
    large_pages, large_peak = _peak_reading(large, read_path)
    assert (small_pages, large_pages) == (150, 1200)
    assert large_peak < small_peak * 1.2 + 64 * 1024, (small_peak, large_peak)
