"""`placefacts extract`: articles in, facts out (JSONL for programs, a table for people)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from placefacts.cli.common import report_error

FORMATS = ("table", "jsonl", "json")
INPUT_FORMATS = ("auto", "text", "html", "wikitext", "dump")
ENGINES = ("local", "spark")
OUT_FORMATS = ("jsonl", "parquet")


def iter_records(paths: tuple[str, ...], input_format: str, failures: list[str], jobs: int | None = 1,
                 progress: object = None, transform: Callable[[Any], Any] | None = None) -> Iterator[Any]:
    """Records (or `transform(record)`, done in the workers) of every document, in input order.

    Unreadable inputs are reported on one line each and skipped.
    """
    from placefacts.parallel import Failure, extract_paths

    chosen = None if input_format == "auto" else input_format
    for outcome in extract_paths(paths, chosen, jobs=jobs, transform=transform):
        if progress is not None:
            progress.advance()  # type: ignore[attr-defined]
        if isinstance(outcome, Failure):
            if progress is not None:
                progress.clear()  # type: ignore[attr-defined]
            click.echo(f"placefacts: {outcome.message}", err=True)
            failures.append(outcome.path)
            continue
        yield outcome


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


def run_spark(paths: tuple[str, ...], input_format: str, master: str | None, out: str, out_format: str) -> None:
    from placefacts.errors import PlacefactsError
    from placefacts.spark import extract_spark

    try:
        run = extract_spark(paths, out, master=master, out_format=out_format,
                            input_format=None if input_format == "auto" else input_format)
    except PlacefactsError as exc:
        report_error(exc)
        raise SystemExit(1) from None
    except Exception as exc:  # the job itself failed (cluster, Java): Spark has logged the details above
        report_error(exc, out)
        raise SystemExit(1) from None
    for failure in run.failures:
        click.echo(f"placefacts: {failure.message}", err=True)
    click.echo(f"placefacts: {run.documents} records written to {run.out}", err=True)
    if run.failures:
        raise SystemExit(1)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="jsonl: one record per line, as the spec says; table: for people.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="Override the input form detected from the content.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every core; 1 extracts in this process).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: this machine's cores; spark: a Spark cluster (needs --out).")
@click.option("--master", help="Spark master URL for --engine spark, e.g. local[4] or spark://host:7077.")
@click.option("--out", "out", help="Output folder for --engine spark (must not exist).")
@click.option("--out-format", type=click.Choice(OUT_FORMATS), default="jsonl", show_default=True,
              help="Output of --engine spark: partitioned JSONL (part-NNNNN files) or Parquet.")
def extract_command(paths: tuple[str, ...], fmt: str, input_format: str, jobs: int | None, engine: str,
                    master: str | None, out: str | None, out_format: str) -> None:
    """Extract facts from articles (files, '-' for stdin, or .xml[.bz2] dumps)."""
    from placefacts.errors import OptionError

    if engine == "spark":
        if not out:
            report_error(OptionError("--engine spark writes a folder", None, "give --out DIR"))
            raise SystemExit(2)
        run_spark(paths, input_format, master, out, out_format)
        return
    if master or out:
        report_error(OptionError("--master and --out are for --engine spark", None, "add --engine spark"))
        raise SystemExit(2)
    from placefacts.parallel import Progress, read_here

    failures: list[str] = []
    out_stream = sys.stdout
    chosen = None if input_format == "auto" else input_format
    total = None if any(read_here(p, chosen) for p in paths) else len(paths)
    if jobs is None and total == 1:
        jobs = 1  # one article: a pool would only add its start-up
    progress = Progress(total)
    from placefacts.model import Record

    render = render_table if fmt == "table" else Record.to_json  # runs in the workers: the parent only writes
    lines = iter_records(paths, input_format, failures, jobs=jobs, progress=progress if progress.enabled else None,
                         transform=render)
    clear = progress.clear if progress.enabled and out_stream.isatty() else None
    try:
        if fmt == "json":
            out_stream.write("[")
            for index, line in enumerate(lines):
                out_stream.write(("," if index else "") + "\n" + line)
            out_stream.write("\n]\n")
        else:
            for line in lines:
                if clear:
                    clear()
                out_stream.write(line + "\n")
        out_stream.flush()
    finally:
        progress.close()
    if failures:
        raise SystemExit(1)
