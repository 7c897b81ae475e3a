"""show: one article's clean text and metadata, or the original as received."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from triangulate.cli import cli, db_option, open_store
from triangulate.cli.output import is_terminal
from triangulate.core.untrusted import json_text, one_line, printable


@cli.command("show")
@db_option
@click.option("--raw", is_flag=True, help="The original as received (bytes, in a pipe).")
@click.option("--json", "as_json", is_flag=True, help="Metadata and text as JSON.")
@click.argument("article_id")
def show_command(db: Path | None, raw: bool, as_json: bool, article_id: str) -> None:
    """Show one article's clean text and metadata (or the original as received).

    On a terminal, control characters in the text are shown as symbols, never run.
    """
    with open_store(db, create=False) as store:
        if raw:
            _, data = store.original(article_id)
            _write_original(data)
            return
        article = store.article(article_id)
        record = store.record(article)
    if as_json:
        click.echo(json_text(record))
        return
    for key in ("id", "outlet", "title", "published", "published_how", "language", "source"):
        click.echo(f"{key}: {'' if record[key] is None else one_line(str(record[key]))}")
    click.echo(f"words: {article.words}, removed lines: {len(article.removed)}\n")
    click.echo(printable(article.text))


def _write_original(data: bytes) -> None:
    """The bytes as received into a pipe or file; on a terminal, as safe text."""
    if is_terminal():
        click.echo(printable(data.decode("utf-8", errors="replace")))
        return
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
