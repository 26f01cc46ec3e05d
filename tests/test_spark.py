"""The Spark engine on local[2] gives exactly the local engine's records (files, dumps, failures)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from placefacts.cli import main
from placefacts.errors import DumpError
from placefacts.model import Document
from placefacts.parallel import Failure, extract_paths

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WIKTOR = SHARED / "wiktor"
DUMP = SHARED / "dumps" / "dbpedia_minidump_en.xml.bz2"

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a Java runtime")


def _sample(n: int) -> list[str]:
    if not WIKTOR.is_dir():
        pytest.skip("shared/corpus/wiktor is not checked out beside the repository")
    return sorted(str(p) for p in WIKTOR.glob("*.txt"))[:n]


@pytest.fixture(scope="module")
def spark():
    from placefacts.spark import session

    spark = session("local[2]", {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": "2",
        "spark.default.parallelism": "2",
    })
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


def _local(paths: list[str], input_format: str | None = None) -> tuple[list[str], list[str]]:
    records, failures = [], []
    for outcome in extract_paths(paths, input_format, jobs=1):
        if isinstance(outcome, Failure):
            failures.append(outcome.message)
        else:
            records.append(outcome.to_json())
    return records, failures


def test_jsonl_on_local2_equals_the_local_engine_over_wiktor_sample(spark, tmp_path: Path) -> None:
    from placefacts.spark import extract_spark, read_jsonl_output

    paths = _sample(150)
    paths.insert(40, str(tmp_path / "missing.txt"))
    out = tmp_path / "out"
    run = extract_spark(paths, str(out), files_per_unit=40)
    expected, expected_failures = _local(paths)
    assert list(read_jsonl_output(str(out))) == expected
    assert run.documents == len(expected) == 150
    assert [f.message for f in run.failures] == expected_failures
    assert len(sorted(out.glob("part-*"))) == 4  # 151 paths in units of 40: one partition each


def test_parquet_rows_carry_the_same_facts_and_input_order(spark, tmp_path: Path) -> None:
    from placefacts.spark import extract_spark, row_record

    paths = _sample(60)
    out = tmp_path / "out.parquet"
    run = extract_spark(paths, str(out), out_format="parquet", files_per_unit=25)
    assert run.documents == 60 and not run.failures
    rows = spark.read.parquet(str(out)).orderBy("order").collect()
    assert [row_record(row) for row in rows] == [json.loads(line) for line in _local(paths)[0]]


def _fake_dump(pages: list[str], fail_after: int | None = None):
    """A dump reader over wiktor files: the driver-side splitting is what is under test."""
    import placefacts.read

    real = placefacts.read.read_path

    def read_path(path: str, input_format: str | None = None) -> Iterator[Document]:
        if not placefacts.read.is_dump(path):
            yield from real(path, input_format)
            return
        for index, page in enumerate(pages):
            if fail_after is not None and index == fail_after:
                raise DumpError("unexpected end of file", path)
            title = Path(page).stem.split("_", 1)[1].replace("_", " ")
            yield Document(source=f"{path}:{title}", raw=Path(page).read_text("utf-8"), form="text", title=title)

    return read_path


def test_a_dump_is_split_into_staged_chunks_with_identical_records(spark, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import placefacts.read
    from placefacts.spark import extract_spark, read_jsonl_output

    pages = _sample(23)
    monkeypatch.setattr(placefacts.read, "read_path", _fake_dump(pages, fail_after=17))
    inputs = ["pages.xml.bz2", *_sample(30)[25:], "more.xml.bz2"]
    out = tmp_path / "out"
    run = extract_spark(inputs, str(out), files_per_unit=10, chunk_pages=5)
    expected, expected_failures = _local(inputs)
    assert list(read_jsonl_output(str(out))) == expected
    assert len(expected) == 17 + 5 + 17
    assert sorted(f.message for f in run.failures) == sorted(expected_failures)
    assert len(expected_failures) == 2 and "E004 pages.xml.bz2: unexpected end of file" in expected_failures
    assert len(sorted(out.glob("part-*"))) == 4 + 1 + 4  # 17 pages in chunks of 5, the files, 17 pages again
    assert not (tmp_path / "out.staging").exists()


def test_plan_units_streams_pages_into_bounded_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import placefacts.read
    from placefacts.spark import plan_units

    monkeypatch.setattr(placefacts.read, "read_path", _fake_dump(_sample(12)))
    failures: list[Failure] = []
    units = plan_units(["a.txt", "b.txt", "d.xml", "c.txt"], None, tmp_path, failures, files_per_unit=2,
                       chunk_pages=5)
    assert [u[0] for u in units] == ["files", "staged", "staged", "staged", "files"]
    assert [len(Path(u[1]).read_text().splitlines()) for u in units if u[0] == "staged"] == [5, 5, 2]
    assert not failures


@pytest.mark.skipif(not DUMP.exists(), reason="the dump sample is not checked out")
def test_real_dump_sample_gives_the_same_records(spark, tmp_path: Path) -> None:
    pytest.importorskip("placefacts.read.dump", reason="the dump reader is not written yet")
    from placefacts.spark import extract_spark, read_jsonl_output

    out = tmp_path / "out"
    run = extract_spark([str(DUMP)], str(out), chunk_pages=10)
    expected, expected_failures = _local([str(DUMP)])
    assert expected
    assert list(read_jsonl_output(str(out))) == expected
    assert [f.message for f in run.failures] == expected_failures


@pytest.mark.skipif(not DUMP.exists(), reason="the dump sample is not checked out")
def test_multistream_dump_is_read_by_the_executors_with_the_same_records(spark, tmp_path: Path) -> None:
    import bz2

    from multistream_data import make_multistream
    from placefacts.pipeline import extract_document
    from placefacts.read.dump import read_dump
    from placefacts.spark import extract_spark, plan_units, read_jsonl_output

    dump = make_multistream(bz2.decompress(DUMP.read_bytes()), tmp_path, pages_per_stream=4)
    failures: list[Failure] = []
    units = plan_units([str(dump)], None, tmp_path / "staging", failures)
    assert units and {u[0] for u in units} == {"streams"} and not failures  # nothing staged by the driver
    out = tmp_path / "out"
    run = extract_spark([str(dump)], str(out))
    whole = [extract_document(d).to_json() for d in read_dump(str(dump))]  # the dump read as one stream
    assert whole and list(read_jsonl_output(str(out))) == whole == _local([str(dump)])[0]
    assert run.failures == []


def test_cli_engine_spark_writes_the_folder_and_reports_failures(spark, tmp_path: Path) -> None:
    paths = _sample(5)
    out = tmp_path / "cli-out"
    result = CliRunner().invoke(main, ["extract", "--engine", "spark", "--master", "local[2]", "--out", str(out),
                                       *paths, str(tmp_path / "gone.txt")])
    assert result.exit_code == 1, result.output
    assert f"placefacts: E001 {tmp_path / 'gone.txt'}: no such file" in result.stderr
    assert "5 records written" in result.stderr
    lines = [line for part in sorted(out.glob("part-*")) for line in part.read_text("utf-8").splitlines()]
    assert lines == _local(paths)[0]
    again = CliRunner().invoke(main, ["extract", "--engine", "spark", "--out", str(out), *paths])
    assert again.exit_code == 1 and "E009" in again.stderr and "already exists" in again.stderr


def test_cli_engine_spark_needs_out() -> None:
    result = CliRunner().invoke(main, ["extract", "--engine", "spark", "x.txt"])
    assert result.exit_code == 2 and "--out" in result.stderr
