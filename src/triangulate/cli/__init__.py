"""The command line: a thin layer over the public API. Every error becomes one line.

Options are checked before any work starts; a closed pipe (``| head``) ends a command
quietly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from triangulate.cli.output import echo_error, inputs_failed, show_warnings
from triangulate.errors import TriangulateError
from triangulate.version import __version__

if TYPE_CHECKING:
    from triangulate.api import Store


class Group(click.Group):
    """Turns the library's named errors into one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        show_warnings()
        try:
            result = super().invoke(ctx)
        except TriangulateError as error:
            echo_error(str(error))
            ctx.exit(1)
        except BrokenPipeError:  # the reader went away (``| head``): nothing more to say
            _silence_stdout()
            ctx.exit(0)
        except OSError as error:  # an output path that cannot be written, a full disk
            where = error.filename or "output"
            echo_error(f"{where}: {error.strerror or error} (check the path)")
            ctx.exit(1)
        if inputs_failed():  # the rest was done; an input the library told failed counts
            ctx.exit(1)
        return result


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (tests): nothing will be flushed
        pass


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite store (default: the user data directory, or $TRIANGULATE_DB).",
)


def open_store(db: Path | None, *, create: bool = True, **options: Any) -> Store:
    """The store of ``--db`` with the command's options (those left unset keep defaults).

    Reading commands pass ``create=False``: a store that does not exist is an error naming
    it, never a new empty one. The API is imported here, when a command runs, so that
    ``--help`` stays instant.
    """
    from triangulate.api import Store

    return Store(db, create=create, **{k: v for k, v in options.items() if v is not None})


Command = TypeVar("Command", bound=Callable[..., Any])

# The limits that bound every input (Settings holds their defaults and their meaning).
LIMIT_OPTIONS = (
    ("--max-bytes", "max_input_bytes", int, "Largest input read, in bytes (20 MiB)."),
    ("--max-chars", "max_article_chars", int, "Longest article text, in characters (400,000)."),
    ("--item-timeout", "item_time_limit", float, "Seconds to extract or read one item (120)."),
    ("--fetch-deadline", "fetch_deadline", float, "Seconds for one URL, all tries (60)."),
    ("--stream-timeout", "stream_timeout", float, "Seconds to read stdin or a pipe (60)."),
    ("--max-html-elements", "max_html_elements", int, "Most elements in one page (200,000)."),
    ("--max-json-depth", "max_json_depth", int, "Deepest nesting in one JSON line (32)."),
    ("--max-json-items", "max_json_items", int, "Most values in one JSON line (100,000)."),
    ("--busy-timeout", "busy_timeout", float, "Seconds to wait for another writer (60)."),
)


READING_LIMITS = ("max_article_chars", "item_time_limit", "busy_timeout")


def limit_options(command: Command) -> Command:
    """The options that bound inputs, each defaulting to Settings (see the README)."""
    return _options(command, {name for _, name, _, _ in LIMIT_OPTIONS})


def reading_limit_options(command: Command) -> Command:
    """The limits that bound reading stored articles."""
    return _options(command, set(READING_LIMITS))


def _options(command: Command, names: set[str]) -> Command:
    for flag, name, kind, text in reversed(LIMIT_OPTIONS):
        if name in names:
            command = click.option(flag, name, type=kind, default=None, help=text)(command)
    return command


def limits(options: dict[str, Any]) -> dict[str, Any]:
    """The limit options given on the command line, by their Settings names."""
    names = {name for _, name, _, _ in LIMIT_OPTIONS}
    return {key: value for key, value in options.items() if key in names and value is not None}


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="triangulate")
def cli() -> None:
    """Show how different outlets report the same news event."""


def output_folder(out: Path, option: str = "--out") -> Path:
    """Check, before any work, that ``out`` is a folder that can be written (or made)."""
    if str(out) == "-":
        raise click.BadParameter(
            "this command writes files: give a folder, not -", param_hint=option
        )
    if out.exists() and not out.is_dir():
        raise click.BadParameter(f"{out} is a file, not a folder", param_hint=option)
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise click.BadParameter(f"{out} is inside {existing}, which is a file", param_hint=option)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise click.BadParameter(f"{existing} cannot be written to", param_hint=option)
    return out


def main() -> None:
    try:
        cli(prog_name="triangulate")
    except BrokenPipeError:  # raised outside a command (help, version) into a closed pipe
        _silence_stdout()


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
