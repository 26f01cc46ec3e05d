"""`placefacts serve`: the knowledge base as web pages and a JSON API (read-only)."""

from __future__ import annotations

import click

from placefacts.cli.common import report_error


@click.command("serve")
@click.option("--db", "db_path", default="places.db", show_default=True, help="The SQLite knowledge base file.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
def serve_command(db_path: str, host: str, port: int) -> None:
    """Serve a knowledge base: pages at /, the API under /api, its description at /docs."""
    import uvicorn

    from placefacts.errors import PlacefactsError
    from placefacts.serve import create_app

    try:
        app = create_app(db_path)
    except PlacefactsError as exc:
        report_error(exc)
        raise SystemExit(1) from None
    click.echo(f"placefacts: serving {db_path} at http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
