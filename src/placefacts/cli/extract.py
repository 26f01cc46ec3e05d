"""`placefacts extract`: articles in, facts out (JSONL for programs, a table for people)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from placefacts.cli.common import report_error

FORMATS = ("table", "jsonl", "json")
INPUT_FORMATS = ("auto", "text", "html", "wikitext", "dump")


def iter_records(paths: tuple[str, ...], input_format: str, failures: list[str]) -> Iterator[object]:
    """Records of every document of every path; unreadable inputs are reported and skipped."""
    from placefacts.errors import PlacefactsError
    from placefacts.pipeline import extract_document
    from placefacts.read import read_path

    chosen = None if input_format == "auto" else input_format
    for path in paths:
        try:
            for doc in read_path(path, chosen):
                yield extract_document(doc)
        except PlacefactsError as exc:
            report_error(exc)
            failures.append(path)


def render_table(record) -> str:  # noqa: ANN001 - a Record
    lines = [f"== {record.source}  ({record.subject or 'subject unknown'}, {len(record.facts)} facts)"]
    for fact in record.facts:
        value = fact.value
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        unit = f" {fact.unit}" if fact.unit else ""
        quals = "; ".join(f"{k}={v}" for k, v in fact.qualifiers.items())
        evidence = " ".join(fact.evidence.text.split())
        if len(evidence) > 70:
            evidence = evidence[:67] + "..."
        lines.append(f"  {fact.property:<18} {str(value) + unit:<32} {quals:<36} «{evidence}»")
    return "\n".join(lines)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="jsonl: one record per line, as the spec says; table: for people.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="Override the input form detected from the content.")
def extract_command(paths: tuple[str, ...], fmt: str, input_format: str) -> None:
    """Extract facts from articles (files, '-' for stdin, or .xml[.bz2] dumps)."""
    import json

    failures: list[str] = []
    out = sys.stdout
    records = iter_records(paths, input_format, failures)
    if fmt == "json":
        out.write("[")
        for index, record in enumerate(records):
            out.write(("," if index else "") + "\n" + record.to_json())
        out.write("\n]\n")
    else:
        for record in records:
            out.write((record.to_json() if fmt == "jsonl" else render_table(record)) + "\n")
    out.flush()
    if failures:
        raise SystemExit(1)
    del json
