"""read: what the readers find in stored articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from triangulate.cli import cli, db_option, limits, open_store, reading_limit_options
from triangulate.cli.output import is_terminal, progress
from triangulate.core.progress import no_progress
from triangulate.core.untrusted import json_text, one_line, printable

HIGHLIGHT_STYLES = {
    "entities": "bold cyan",
    "times": "bold green",
    "quantities": "bold yellow",
    "quotes": "italic magenta",
    "framing": "bold red",
}


@cli.command("read")
@db_option
@click.option("--all", "read_all", is_flag=True, help="Read every stored article.")
@click.option("--json", "as_json", is_flag=True, help="A JSON list, one object per article.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@reading_limit_options
@click.argument("ids", nargs=-1)
def read_command(
    db: Path | None,
    read_all: bool,
    as_json: bool,
    workers: int | None,
    ids: tuple[str, ...],
    **options: Any,
) -> None:
    """Read articles: sentences, entities, dates, figures, quotes, framing, facts."""
    if not ids and not read_all:
        raise click.UsageError("give article ids or --all")
    from triangulate.readers.reader import reading_to_json

    with (
        open_store(db, create=False, workers=workers, **limits(options)) as store,
        progress() as line,
    ):
        articles = store.articles(None if read_all else list(ids))
        readings = store.read(articles, line.update if line is not None else no_progress)
    data = [reading_to_json(reading) for reading in readings]
    if as_json:
        click.echo(json_text(data))
        return
    for article, reading in zip(articles, data, strict=True):
        _print_reading(article.text, article.id, reading)


def _print_reading(text: str, article_id: str, reading: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.text import Text

    rendered = Text(printable(text))  # the same length: the spans still fit
    for kind, style in HIGHLIGHT_STYLES.items():
        for item in reading[kind]:
            rendered.stylize(style, item["start"], item["end"])
    console = Console(force_terminal=is_terminal(), highlight=False)
    console.rule(Text(one_line(f"{article_id} ({reading['published'] or 'date unknown'})")))
    console.print(rendered)
    counts = ", ".join(f"{len(reading[k])} {k}" for k in (*HIGHLIGHT_STYLES, "facts"))
    console.print(f"[dim]{counts}[/dim]")
