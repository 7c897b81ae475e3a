"""export: every stored article, text included, as JSONL, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path

import click

from triangulate.cli import cli, db_option, open_store
from triangulate.cli.output import is_terminal
from triangulate.core.untrusted import printable
from triangulate.store.export import EXPORT_FORMATS


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="File to write (default, or -: standard output).",
)  # fmt: skip
def export_command(db: Path | None, fmt: str, out: Path | None) -> None:
    """Export every stored article, text included (stdout by default)."""
    if out is not None and str(out) == "-":
        out = None
    if out is None and is_terminal() and fmt == "parquet":
        raise click.UsageError("Parquet is binary: write it to a file with --out FILE")
    with open_store(db, create=False) as store:
        if out is None and is_terminal():  # the text's control characters shown, never run
            click.echo(printable(store.exported(fmt).decode("utf-8")), nl=False)
        else:
            store.export(fmt, out)
