"""`placefacts build` and `placefacts query`: the knowledge base from the command line."""

from __future__ import annotations

import sys
from typing import Any

import click

from placefacts.cli.common import report_error

QUERY_FORMATS = ("table", "json", "csv")


@click.command("build")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default="places.db", show_default=True, help="The SQLite knowledge base file.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes extracting in parallel (default: every core).")
@click.option("--force", is_flag=True, help="Extract every document again, replacing what is stored (after an upgrade).")
def build_command(paths: tuple[str, ...], db_path: str, progress: bool | None, jobs: int | None,
                  force: bool) -> None:
    """Extract facts from articles (files or directories) into a knowledge base.

    Running it again on the same inputs changes nothing; a build that was
    stopped half-way goes on where it stopped.
    """
    from placefacts.errors import PlacefactsError
    from placefacts.parallel import default_jobs
    from placefacts.store import build, input_files

    failed: list[str] = []

    def on_error(exc: Exception, path: str) -> None:
        failed.append(path)
        report_error(exc, path)

    files = input_files(paths, on_error)
    show = sys.stderr.isatty() if progress is None else progress
    jobs = jobs or default_jobs()
    try:
        if show and files:
            with click.progressbar(length=len(files), label="Building", file=sys.stderr, show_pos=True,
                                   show_eta=True, item_show_func=lambda p: p and p[-40:]) as bar:
                stats = build(db_path, paths, on_error, files=files, jobs=jobs, force=force,
                              progress=lambda n, p: bar.update(n, p))
        else:
            stats = build(db_path, paths, on_error, files=files, jobs=jobs, force=force)
    except PlacefactsError as exc:
        report_error(exc)
        raise SystemExit(1) from None
    click.echo(f"placefacts: {db_path}: {stats.summary()}", err=True)
    if failed:
        raise SystemExit(1)


def _cell(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else str(value)


def _flatten(row: dict[str, Any]) -> dict[str, Any]:
    """A fact or place as one flat row for a table or CSV."""
    out = {}
    for key, value in row.items():
        if key == "evidence":
            out["evidence"] = " ".join(value["text"].split())
        elif key != "context":
            out[key] = _cell(value)
    return out


def _write(rows: list[dict[str, Any]], fmt: str) -> None:
    import csv
    import json

    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    flat = [_flatten(r) for r in rows]
    if fmt == "csv":
        columns = list(flat[0]) if flat else []
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return
    if not flat:
        click.echo("(nothing found)", err=True)
        return
    columns = [c for c in ("id", "name", "label", "place", "property", "value", "unit", "qualifiers", "country",
                           "evidence", "source") if c in flat[0]]
    widths = {c: min(40, max(len(c), *(len(r[c]) for r in flat))) for c in columns}
    click.echo("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for r in flat:
        cells = [(r[c] if len(r[c]) <= widths[c] else r[c][: widths[c] - 1] + "…").ljust(widths[c]) for c in columns]
        click.echo("  ".join(cells).rstrip())


@click.command("query")
@click.argument("name", required=False)
@click.option("--db", "db_path", default="places.db", show_default=True, help="The SQLite knowledge base file.")
@click.option("--property", "prop", help="Facts of this property, e.g. population.")
@click.option("--min", "minimum", type=float, help="Lowest value (counts, quantities, a date's year).")
@click.option("--max", "maximum", type=float, help="Highest value.")
@click.option("--value", help="Facts with exactly this value (case-insensitive), e.g. --property country --value Chile.")
@click.option("--country", help="Only places in this country (name as stored, or a Wikidata item).")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
def query_command(name: str | None, db_path: str, prop: str | None, minimum: float | None, maximum: float | None,
                  value: str | None, country: str | None, limit: int, fmt: str) -> None:
    """Find places by NAME (full-text), or facts by --property and value range.

    \b
    placefacts query jezkazgan
    placefacts query --property population --min 100000 --country Kazakhstan
    """
    import json

    from placefacts.errors import OptionError, PlacefactsError
    from placefacts.store import open_ro
    from placefacts.store.query import query_facts, search_places

    try:
        fact_filters = prop is not None or minimum is not None or maximum is not None or value is not None
        if not name and not fact_filters and not country:
            raise OptionError("give a place NAME, or --property (with --min/--max/--value), or --country",
                              hint="see placefacts query --help")
        conn = open_ro(db_path)
        try:
            if fact_filters or (country and not name):
                rows = query_facts(conn, prop, minimum, maximum, country, value, name, limit=limit)
            else:
                rows = search_places(conn, name or "", limit=limit, country=country)
        finally:
            conn.close()
    except PlacefactsError as exc:
        report_error(exc)
        if fmt == "json":
            click.echo(json.dumps(exc.to_dict(), ensure_ascii=False))
        raise SystemExit(1) from None
    _write(rows, fmt)
