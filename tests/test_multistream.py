"""Multistream dumps: workers read ranges of streams, and the pages are those of a whole read, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from multistream_data import make_multistream
from placefacts.errors import DumpError
from placefacts.model import Record
from placefacts.parallel import Failure, extract_paths
from placefacts.pipeline import extract_document
from placefacts.read.dump import read_dump
from placefacts.read.multistream import index_for, read_range, stream_ranges

OWN_EXPORT = Path(__file__).parent / "data" / "markup" / "dump" / "small.xml"
REAL_DUMP = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dumps" / "dbpedia_minidump_en.xml.bz2"


def _export(which: str) -> bytes:
    if which == "own":
        return OWN_EXPORT.read_bytes()
    if not REAL_DUMP.exists():
        pytest.skip("the shared dump sample is not checked out")
    import bz2

    return bz2.decompress(REAL_DUMP.read_bytes())


def _doc_fields(docs: list) -> list[tuple]:
    return [(d.source, d.title, d.revision, d.form, d.raw) for d in docs]


@pytest.mark.parametrize("which", ["own", "real"])
@pytest.mark.parametrize("streams_per_range", [1, 2, 5])
def test_ranges_give_the_pages_of_a_whole_read_in_order(tmp_path: Path, which: str, streams_per_range: int) -> None:
    dump = make_multistream(_export(which), tmp_path, pages_per_stream=2)
    index = index_for(str(dump))
    assert index is not None
    ranges = stream_ranges(str(dump), index, streams_per_range)
    assert ranges[-1][1] is None and all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    by_ranges = [doc for start, end in ranges for doc in read_range(str(dump), start, end)]
    whole = list(read_dump(str(dump)))  # bzip2 reads the concatenated streams as one
    assert whole and _doc_fields(by_ranges) == _doc_fields(whole)


def test_index_is_found_beside_full_and_partial_dumps(tmp_path: Path) -> None:
    full = tmp_path / "enwiki-20260101-pages-articles-multistream.xml.bz2"
    part = tmp_path / "enwiki-20260101-pages-articles-multistream3.xml-p151574p311329.bz2"
    for path in (full, part):
        path.write_bytes(b"")
    assert index_for(str(full)) is None  # no index beside it: read as one stream
    (tmp_path / "enwiki-20260101-pages-articles-multistream-index.txt.bz2").write_bytes(b"")
    (tmp_path / "enwiki-20260101-pages-articles-multistream-index3.txt-p151574p311329.bz2").write_bytes(b"")
    assert index_for(str(full)) == str(tmp_path / "enwiki-20260101-pages-articles-multistream-index.txt.bz2")
    assert index_for(str(part)) == str(tmp_path / "enwiki-20260101-pages-articles-multistream-index3.txt-p151574p311329.bz2")
    assert index_for(str(tmp_path / "enwiki-20260101-pages-articles.xml.bz2")) is None


def test_two_workers_give_the_records_of_a_whole_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump = make_multistream(_export("own"), tmp_path, pages_per_stream=1)
    expected = [extract_document(doc).to_json() for doc in read_dump(str(dump))]
    capsys.readouterr()
    assert list(extract_paths([str(dump)], jobs=2, transform=Record.to_json)) == expected
    assert list(extract_paths([str(dump)], jobs=1, transform=Record.to_json)) == expected
    assert "ranges of streams" in capsys.readouterr().err


def test_a_corrupt_stream_fails_its_range_and_the_others_go_on(tmp_path: Path) -> None:
    dump = make_multistream(_export("own"), tmp_path, pages_per_stream=1)
    index = index_for(str(dump))
    ranges = stream_ranges(str(dump), index, 1)
    data = bytearray(dump.read_bytes())
    start, end = ranges[0]
    data[start + 10 : end] = b"\0" * (end - start - 10)  # the first page's stream is garbage
    dump.write_bytes(bytes(data))
    with pytest.raises(DumpError, match=r"the streams at bytes \d+-\d+ cannot be decompressed"):
        list(read_range(str(dump), start, end))
    outcomes = list(extract_paths([str(dump)], jobs=2))
    failures = [o for o in outcomes if isinstance(o, Failure)]
    assert len(failures) == 1 and failures[0].path == str(dump) and "E004" in failures[0].message
    assert len(outcomes) > 1  # the other ranges' places


def test_a_bad_index_is_one_error_for_the_dump(tmp_path: Path) -> None:
    dump = make_multistream(_export("own"), tmp_path)
    index = Path(index_for(str(dump)))
    index.write_bytes(b"not bzip2")
    outcomes = list(extract_paths([str(dump)], jobs=1))
    assert len(outcomes) == 1 and isinstance(outcomes[0], Failure) and "cannot be read" in outcomes[0].message


def test_build_reads_ranges_in_the_workers_and_stores_what_a_whole_read_stores(tmp_path: Path) -> None:
    from kbdata import canonical
    from placefacts.store import build

    dump = make_multistream(_export("own"), tmp_path, pages_per_stream=1)
    errors: list[str] = []

    def on_error(exc: Exception, path: str) -> None:
        errors.append(str(exc))

    by_ranges = tmp_path / "ranges.db"
    first = build(by_ranges, [str(dump)], on_error, jobs=2)
    again = build(by_ranges, [str(dump)], on_error, jobs=2)  # every page is there: none is extracted again
    index = Path(index_for(str(dump)))
    index.rename(tmp_path / "elsewhere.bz2")  # without its index the dump is read whole, in this process
    whole = tmp_path / "whole.db"
    plain = build(whole, [str(dump)], on_error, jobs=1)
    assert errors == []
    assert first.added == plain.added == 3 and first.facts == plain.facts > 0
    assert (again.added, again.unchanged, again.facts) == (0, 3, 0)
    assert canonical(by_ranges) == canonical(whole)


def test_build_reports_a_corrupt_range_and_stores_the_rest(tmp_path: Path) -> None:
    from placefacts.store import build

    dump = make_multistream(_export("own"), tmp_path, pages_per_stream=1)
    start, end = stream_ranges(str(dump), index_for(str(dump)), 2)[0]
    data = bytearray(dump.read_bytes())
    data[start + 10 : end] = b"\0" * (end - start - 10)
    dump.write_bytes(bytes(data))
    errors: list[str] = []
    stats = build(tmp_path / "kb.db", [str(dump)], lambda exc, path: errors.append(str(exc)), jobs=2)
    assert len(errors) == 1 and errors[0].startswith(f"E004 {dump}: the streams at bytes")
    assert stats.failed == [str(dump)] and stats.added >= 1


def test_a_walked_folder_takes_dump_parts_but_not_their_indexes(tmp_path: Path) -> None:
    from placefacts.store import input_files

    names = ["enwiki-20260101-pages-articles-multistream3.xml-p151574p311329.bz2",
             "enwiki-20260101-pages-articles-multistream-index3.txt-p151574p311329.bz2", "town.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    assert input_files([str(tmp_path)], lambda exc, path: None) == [str(tmp_path / names[0]), str(tmp_path / names[2])]
