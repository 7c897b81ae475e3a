"""The command line: a thin layer over the library. Every error becomes one line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from triangulate import __version__
from triangulate.errors import TriangulateError
from triangulate.settings import Settings


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


def make_settings(db: Path | None, **options: Any) -> Settings:
    return Settings(db_path=db, **{k: v for k, v in options.items() if v is not None})


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="triangulate")
def cli() -> None:
    """Show how different outlets report the same news event."""


def main() -> None:
    cli(prog_name="triangulate")


def is_terminal() -> bool:
    return sys.stdout.isatty()


# The command modules register themselves on `cli`; their heavy imports stay inside the commands.
from triangulate.cli import articles, compare, serve, stories  # noqa: E402, F401
