"""ingest: files, folders, globs, URLs, WARC, RSS/Atom, JSONL or standard input into the store."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from triangulate.cli import cli, db_option, limit_options, limits, open_store
from triangulate.cli.output import echo_error, json_text, progress

if TYPE_CHECKING:
    from triangulate.api import IngestEvent


@cli.command("ingest")
@db_option
@limit_options
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input, for machines.")
@click.argument("inputs", nargs=-1, required=True)
def ingest_command(
    db: Path | None, workers: int | None, as_json: bool, inputs: tuple[str, ...], **options: Any
) -> None:
    """Ingest files, folders, globs, URLs, WARC, RSS/Atom, JSONL or - (stdin).

    Every input is attempted: each one that fails gets one line, and the exit code is 1.
    With --json, an article is reported once it is committed to the store.
    """
    with open_store(db, workers=workers, **limits(options)) as store:
        with progress(not as_json) as advance:
            ingested = store.ingest(inputs, _reporter(as_json, advance))
        report = ingested.report
        if not as_json:
            click.echo(
                f"{report.count('stored')} stored, {report.copies} copies linked,"
                f" {report.count('unchanged')} unchanged, {report.count('error')} failed"
                f" ({store.path})",
                err=True,
            )
    if report.failed:
        sys.exit(1)


def _reporter(as_json: bool, advance: Callable[[], None]) -> Callable[[IngestEvent], None]:
    def report(event: IngestEvent) -> None:
        advance()
        if as_json:
            click.echo(json_text(event.__dict__, indent=None))
        elif event.kind == "error":
            echo_error(event.message)

    return report
