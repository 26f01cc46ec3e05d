"""The `placefacts` command: a thin click shell over the library.

Each command lives in its own module and imports the library lazily, so
`placefacts --help` stays fast. Errors are printed as one line,
`placefacts: E00N <path>: <message>`, and set a non-zero exit status.
"""

from __future__ import annotations

import click

from placefacts import __version__
from placefacts.cli.evaluate import eval_command
from placefacts.cli.extract import extract_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="placefacts")
def main() -> None:
    """Turn articles about places into facts people can check."""


main.add_command(extract_command)
main.add_command(eval_command)

for _module, _name in (
    ("placefacts.cli.store", "build_command"),
    ("placefacts.cli.store", "query_command"),
    ("placefacts.cli.serve", "serve_command"),
    ("placefacts.cli.export", "export_command"),
):
    try:
        _mod = __import__(_module, fromlist=[_name])
    except ModuleNotFoundError as _exc:  # a command whose module is not written yet
        if _exc.name != _module:
            raise
        continue
    main.add_command(getattr(_mod, _name))
