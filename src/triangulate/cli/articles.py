"""articles: one row per stored article."""

from __future__ import annotations

from pathlib import Path

import click

from triangulate.cli import cli, db_option, open_store
from triangulate.cli.output import print_table
from triangulate.core.dates import shown_publication_date
from triangulate.core.untrusted import json_text

ARTICLE_COLUMNS = ("id", "outlet", "title", "published", "language", "words", "removed")


@cli.command("articles")
@db_option
@click.option("--json", "as_json", is_flag=True, help="A JSON list instead of a table.")
def articles_command(db: Path | None, as_json: bool) -> None:
    """List stored articles: id, outlet, title, published, language, words, removed lines."""
    with open_store(db, create=False) as store:
        rows = store.article_rows()
    if as_json:
        click.echo(json_text(rows))
        return
    shown = (
        {
            **row,
            "outlet": _shown_outlet(row["outlet"], row["outlet_inferred"]),
            "published": shown_publication_date(row["published"], row["published_inferred"]),
        }
        for row in rows
    )
    print_table(shown, ARTICLE_COLUMNS)


def _shown_outlet(outlet: str | None, inferred: bool) -> str:
    return f"{outlet} (inferred)" if outlet and inferred else outlet or ""
