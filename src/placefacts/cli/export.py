"""`placefacts export`: a knowledge base as JSON-LD, QuickStatements or CSV."""

from __future__ import annotations

import sys

import click

from placefacts.cli.common import report_error

FORMATS = ("jsonld", "quickstatements", "csv")


@click.command("export")
@click.option("--db", "db_path", default="places.db", show_default=True, help="The SQLite knowledge base file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@click.option("--items", "items_path", type=click.Path(exists=True, dir_okay=False),
              help="QuickStatements/JSON-LD: a TSV of label<TAB>Qid resolving values to Wikidata items.")
@click.option("--unresolved", "unresolved_path", type=click.Path(dir_okay=False, writable=True),
              help="QuickStatements: write the values left out for lack of an item here, to resolve.")
@click.option("--stated-in", help="QuickStatements: the item (S248) of the sources that are files, e.g. Q328.")
def export_command(db_path: str, fmt: str, out_path: str | None, items_path: str | None,
                   unresolved_path: str | None, stated_in: str | None) -> None:
    """Export a knowledge base for Wikidata (QuickStatements v1), linked data (JSON-LD) or spreadsheets (CSV)."""
    import contextlib
    import os
    import re

    from placefacts.errors import OptionError, PlacefactsError
    from placefacts.export import Items, export
    from placefacts.store import open_ro

    try:
        if stated_in and not re.fullmatch(r"Q\d+", stated_in):
            raise OptionError(f"--stated-in must be a Wikidata item, got {stated_in!r}", hint="e.g. Q328")
        conn = open_ro(db_path)
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(open(out_path, "w", encoding="utf-8", newline="")) if out_path else sys.stdout
            unresolved = (stack.enter_context(open(unresolved_path, "w", encoding="utf-8"))
                          if unresolved_path else None)
            summary = export(conn, fmt, out, Items.load(items_path), stated_in, unresolved)
        conn.close()
    except PlacefactsError as exc:
        report_error(exc)
        raise SystemExit(1) from None
    except BrokenPipeError:  # `... | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the interpreter's final flush is quiet
        return
    except OSError as exc:
        report_error(OptionError(f"cannot write ({exc.strerror or exc})", exc.filename or out_path))
        raise SystemExit(1) from None
    click.echo(f"placefacts: {db_path}: exported {summary}", err=True)
