"""The command line: a thin layer over the public API. Every error becomes one line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from triangulate.errors import TriangulateError
from triangulate.version import __version__

if TYPE_CHECKING:
    from triangulate.api import Store


class Group(click.Group):
    """Turns the library's named errors into one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TriangulateError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)
        except OSError as error:  # an output path that cannot be written, a full disk
            where = error.filename or "output"
            click.echo(f"error: {where}: {error.strerror or error} (check the path)", err=True)
            ctx.exit(1)


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite store (default: the user data directory, or $TRIANGULATE_DB).",
)


def open_store(db: Path | None, **options: Any) -> Store:
    """The store of ``--db`` with the command's options (those left unset keep defaults).

    The API is imported here, when a command runs, so that ``--help`` stays instant.
    """
    from triangulate.api import Store

    return Store(db, **{k: v for k, v in options.items() if v is not None})


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="triangulate")
def cli() -> None:
    """Show how different outlets report the same news event."""


def main() -> None:
    cli(prog_name="triangulate")


# The command modules register themselves on `cli`; their heavy imports stay inside the commands.
from triangulate.cli import (  # noqa: E402, F401
    articles,
    backup,
    dossier,
    export,
    ingest,
    read,
    serve,
    show,
    stories,
)
