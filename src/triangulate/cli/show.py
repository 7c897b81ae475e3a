"""show: one article's clean text and metadata, or the original as received."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from triangulate.cli import cli, db_option, open_store


@cli.command("show")
@db_option
@click.option("--raw", is_flag=True, help="The original as received (bytes to stdout).")
@click.option("--json", "as_json", is_flag=True, help="Metadata and text as JSON.")
@click.argument("article_id")
def show_command(db: Path | None, raw: bool, as_json: bool, article_id: str) -> None:
    """Show one article's clean text and metadata (or the original as received)."""
    with open_store(db) as store:
        if raw:
            _, data = store.original(article_id)
            sys.stdout.buffer.write(data)
            return
        article = store.article(article_id)
        record = store.record(article)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key in ("id", "outlet", "title", "published", "published_how", "language", "source"):
        click.echo(f"{key}: {'' if record[key] is None else record[key]}")
    click.echo(f"words: {article.words}, removed lines: {len(article.removed)}\n")
    click.echo(article.text)
