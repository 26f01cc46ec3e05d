"""`placefacts eval`: score the extractor (or a predictions file) on gold files."""

from __future__ import annotations

import json

import click

from placefacts.cli.common import report_error


@click.command("eval")
@click.argument("gold_paths", nargs=-1)
@click.option("--gold", "gold_options", multiple=True, help="Gold file or folder (repeatable; positional paths work too).")
@click.option("--root", default=".", show_default=True, help="Folder the gold files' 'source' paths are relative to.")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Score this JSONL of records (matched by source) instead of running the extractor.")
@click.option("--properties", help="Comma-separated properties to score (default: each gold file's own).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", "show_errors", is_flag=True, help="List missed and spurious facts per document.")
def eval_command(gold_paths: tuple[str, ...], gold_options: tuple[str, ...], root: str, predictions: str | None,
                 properties: str | None, fmt: str, show_errors: bool) -> None:
    """Precision, recall and F1 per property on gold files, by the spec's matching rules."""
    from pathlib import Path

    from placefacts.errors import PlacefactsError
    from placefacts.evaluate.score import evaluate
    from placefacts.pipeline import extract_document
    from placefacts.read import read_path
    from placefacts.read.text import decode

    paths = list(gold_options) + list(gold_paths)
    if not paths:
        raise click.UsageError("give gold files or folders (--gold PATH or positional)")
    known: dict[str, dict] = {}
    if predictions:
        for line in Path(predictions).read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                known[str(Path(record["source"]).resolve())] = record

    def predict(source: str) -> dict:
        if predictions:
            return known.get(str(Path(source).resolve()), {"facts": []})
        try:
            docs = list(read_path(source))
        except PlacefactsError as exc:
            report_error(exc)
            return {"facts": []}
        return extract_document(docs[0]).to_dict() if docs else {"facts": []}

    def read_raw(source: str) -> str | None:
        try:
            return decode(Path(source).read_bytes(), source)
        except (OSError, PlacefactsError):
            return None

    only = set(properties.split(",")) if properties else None
    try:
        report = evaluate(paths, root, predict, read_raw, only)
    except PlacefactsError as exc:
        report_error(exc)
        raise SystemExit(2) from exc
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    if show_errors:
        for doc in report.documents:
            click.echo(f"== {doc.source}")
            for fact in doc.missed:
                click.echo(f"  missed   {fact['property']:<18} {fact['value']!r} {fact.get('qualifiers', '')}")
            for fact in doc.spurious:
                click.echo(f"  spurious {fact['property']:<18} {fact['value']!r} {fact.get('qualifiers', '')}")
            for fact in doc.must_not_hits:
                click.echo(f"  MUST-NOT {fact['property']:<18} {fact['value']!r}")
    click.echo(f"{'property':<20}{'P':>7}{'R':>7}{'F1':>7}{'match':>7}{'pred':>6}{'gold':>6}")
    for prop, c in report.by_property().items():
        click.echo(f"{prop:<20}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.matched:7d}{c.predicted:6d}{c.gold:6d}")
    total = report.total()
    click.echo(f"micro ({len(report.documents)} documents): P={total.precision:.3f} R={total.recall:.3f} "
               f"F1={total.f1:.3f} (matched {total.matched}, predicted {total.predicted}, gold {total.gold})")
    click.echo(f"must_not hits: {report.must_not_hits}")
    click.echo(f"grounded: {report.grounded_share:.1%} of {sum(d.facts for d in report.documents)} facts")
