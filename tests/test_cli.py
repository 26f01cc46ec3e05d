"""The command line: formats, stdin, and one-line errors that leave the batch going."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from placefacts.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marrowby.txt"


def test_jsonl_is_one_record_per_input_in_order(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Tollen is a village in Tyrol, Austria.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(EXAMPLE), str(other)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [r["source"] for r in lines] == [str(EXAMPLE), str(other)]
    assert set(lines[0]) >= {"source", "subject", "facts"}
    fact = lines[0]["facts"][0]
    assert set(fact) >= {"property", "value", "unit", "qualifiers", "evidence", "confidence"}


def test_stdin() -> None:
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", "-"], input="Tollen is a village in Austria.\n")
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["source"] == "-"
    assert any(f["property"] == "country" and f["value"] == "Austria" for f in record["facts"])


def test_bad_files_are_reported_in_one_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\xfe")
    good = tmp_path / "good.txt"
    good.write_text("Tollen is a village in Austria.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(binary), str(missing), str(good)])
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("placefacts:")]
    assert len(errors) == 2
    assert str(binary) in errors[0] and "E002" in errors[0]
    assert str(missing) in errors[1] and "E001" in errors[1]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(good)]


def test_encodings(tmp_path: Path) -> None:
    text = "Zürich-Höngg is a quarter of Zürich, Switzerland."
    for name, data in (
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("utf16.txt", text.encode("utf-16")),
        ("latin1.txt", text.encode("latin-1")),
        ("crlf.txt", (text + "\r\nIt lies on the Limmat River.\r\n").encode("utf-8")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(path)])
        assert result.exit_code == 0, (name, result.output)
        record = json.loads(result.stdout)
        assert any(f["property"] == "country" for f in record["facts"]), name


def test_table_output_names_the_source() -> None:
    result = CliRunner().invoke(main, ["extract", str(EXAMPLE)])
    assert result.exit_code == 0
    assert str(EXAMPLE) in result.output and "population" in result.output
