"""ingest: files, folders, globs, URLs, WARC, RSS/Atom, JSONL or standard input into the store."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from triangulate.cli import cli, db_option, limit_options, limits, open_store
from triangulate.cli.output import ProgressLine, echo_error, progress
from triangulate.core.untrusted import json_text

if TYPE_CHECKING:
    from triangulate.api import IngestEvent


INGEST_STAGE = "inputs ingested"


@cli.command("ingest")
@db_option
@limit_options
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input, for machines.")
@click.option("--outlet", default=None, help="The outlet of the plain-text inputs.")
@click.option("--title", default=None, help="The title of the plain-text inputs.")
@click.option(
    "--published", default=None, metavar="YYYY-MM-DD",
    help="The publication date of the plain-text inputs.",
)  # fmt: skip
@click.argument("inputs", nargs=-1, required=True)
def ingest_command(
    db: Path | None,
    workers: int | None,
    as_json: bool,
    outlet: str | None,
    title: str | None,
    published: str | None,
    inputs: tuple[str, ...],
    **options: Any,
) -> None:
    """Ingest files, folders, globs, URLs, WARC, RSS/Atom, JSONL or - (stdin).

    Every input is attempted: each one that fails gets one line, and the exit code is 1.
    With --json, an article is reported once it is committed to the store.

    --outlet, --title and --published are stored as given for plain-text inputs; a text or
    HTML file's sidecar (story.meta.json beside story.txt: {"outlet": ..., "title": ...,
    "published": "2024-06-12"}) gives them for that file. Otherwise the outlet is read from
    the text where it names itself (a copyright line, a byline, a sign-off), marked inferred.
    """
    with open_store(db, workers=workers, **limits(options)) as store:
        with progress(not as_json) as line:
            report = store.ingest_report(
                inputs,
                _reporter(as_json, line, inputs),
                outlet=outlet,
                title=title,
                published=published,
            )
        if not as_json:
            click.echo(
                f"{report.count('stored')} stored, {report.copies} copies linked,"
                f" {report.count('unchanged')} unchanged, {report.count('error')} failed"
                f" ({store.path})",
                err=True,
            )
    if report.failed:
        sys.exit(1)


def _reporter(
    as_json: bool, line: ProgressLine | None, inputs: tuple[str, ...]
) -> Callable[[IngestEvent], None]:
    """Prints what needs saying about each input, and counts it on the progress line."""
    total = None
    if line is not None:
        from triangulate.api import count_inputs

        total = count_inputs(inputs)

    def report(event: IngestEvent) -> None:
        if line is not None:
            line.advance(INGEST_STAGE, total)
        if as_json:
            click.echo(json_text(event.__dict__, indent=None))
        elif event.kind == "error":
            echo_error(event.message)

    return report
