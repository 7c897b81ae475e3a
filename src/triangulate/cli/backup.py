"""backup: a consistent copy of a store, safe while other commands write to it."""

from __future__ import annotations

from pathlib import Path

import click

from triangulate.cli import cli


@cli.command("backup")
@click.argument("store", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("dest", type=click.Path(path_type=Path))
def backup_command(store: Path, dest: Path) -> None:
    """Copy the store file STORE to DEST (a file or a folder), newest writes included.

    Uses SQLite's online backup API: copying the file alone misses what is still in its
    -wal file. Other commands may go on writing meanwhile.
    """
    from triangulate.api import backup

    written = backup(store, dest)
    click.echo(f"wrote {written}", err=True)
