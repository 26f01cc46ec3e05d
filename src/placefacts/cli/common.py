"""Helpers shared by the commands: error reporting."""

from __future__ import annotations

import click

from placefacts.errors import PlacefactsError


def report_error(error: PlacefactsError | Exception, path: str | None = None) -> None:
    """Print one line naming the input and the problem."""
    if isinstance(error, PlacefactsError):
        message = str(error)
    else:
        where = f"{path}: " if path else ""
        message = f"E000 {where}unexpected {type(error).__name__}: {error}"
    click.echo(f"placefacts: {message}", err=True)
