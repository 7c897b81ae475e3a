"""read and dossier: the readings of stored articles, and the dossier of an event."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from triangulate.cli import cli, db_option, is_terminal, make_settings
from triangulate.errors import TriangulateError
from triangulate.settings import Settings
from triangulate.store import Store, open_store, queries

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
@click.argument("ids", nargs=-1)
def read_command(db: Path | None, read_all: bool, as_json: bool, ids: tuple[str, ...]) -> None:
    """Read articles: sentences, entities, dates, figures, quotes, framing, facts."""
    if not ids and not read_all:
        raise click.UsageError("give article ids or --all")
    from triangulate.read.reader import reading_to_json
    from triangulate.read.stored import read_stored

    settings = make_settings(db)
    with open_store(settings.db) as store:
        chosen = None if read_all else list(ids)
        articles = list(queries.iter_articles(store, chosen))
        readings = read_stored(store, articles, settings)
    data = [reading_to_json(reading) for reading in readings]
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for article, reading in zip(articles, data, strict=True):
        _print_reading(article.text, article.id, reading)


def _print_reading(text: str, article_id: str, reading: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.text import Text

    rendered = Text(text)
    for kind, style in HIGHLIGHT_STYLES.items():
        for item in reading[kind]:
            rendered.stylize(style, item["start"], item["end"])
    console = Console(force_terminal=is_terminal(), highlight=False)
    console.rule(f"{article_id} ({reading['published'] or 'date unknown'})")
    console.print(rendered)
    counts = ", ".join(f"{len(reading[k])} {k}" for k in (*HIGHLIGHT_STYLES, "facts"))
    console.print(f"[dim]{counts}[/dim]")


@cli.command("dossier")
@db_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("dossier"))
@click.option("--format", "formats", default="json,md,html", help="Any of json, md, html.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.argument("inputs", nargs=-1, required=True)
def dossier_command(
    db: Path | None, out: Path, formats: str, workers: int | None, inputs: tuple[str, ...]
) -> None:
    """Build the dossier of one event from INPUTS (anything ingest takes, or stored ids)."""
    from triangulate.dossier.build import build_for
    from triangulate.render.report import write_dossier

    settings = make_settings(db, workers=workers)
    with open_store(settings.db) as store:
        ids, failed = _article_ids(store, list(inputs), settings)
        result = build_for(store, ids, settings)
    written = write_dossier(
        result.dossier, out, [f.strip() for f in formats.split(",") if f.strip()]
    )
    _print_account(result.data)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    if failed:
        sys.exit(1)


def _article_ids(store: Store, inputs: list[str], settings: Settings) -> tuple[list[str], bool]:
    """Stored ids are taken as they are; everything else is ingested first."""
    from triangulate.ingest.ingester import ingest

    ids = [i for i in inputs if queries.article_exists(store, i) and not Path(i).exists()]
    rest = [i for i in inputs if i not in ids]
    failed = False
    if rest:
        report = ingest(store, rest, settings)
        for event in report.events:
            if event.kind == "error":
                click.echo(f"error: {event.message}", err=True)
        ids += report.article_ids
        failed = report.failed
    if not ids:
        raise TriangulateError("none of the inputs gave an article to compare")
    return list(dict.fromkeys(ids)), failed


def _print_account(data: dict[str, Any]) -> None:
    """A short account on stdout: sources, agreements, each conflict with its sides."""
    articles = data["articles"]
    names = {a["id"]: a.get("outlet") or a["id"] for a in articles}
    click.echo(f"Sources ({len(articles)}):")
    for article in articles:
        copy = f", copy of {article['duplicate_of']}" if article.get("duplicate_of") else ""
        date = article.get("published") or "date unknown"
        click.echo(f"  {article['id']}: {names[article['id']]}, {date}{copy}")
    statuses = [claim["status"] for claim in data["claims"]]
    click.echo(
        f"Claims: {statuses.count('agreed')} agreed, {statuses.count('conflict')} in conflict,"
        f" {statuses.count('update')} updated, {statuses.count('single')} single-source"
    )
    for claim in data["conflicts"]:
        click.echo(f"Conflict: {claim['about']}")
        for side in claim["sides"]:
            outlets = ", ".join(names.get(a, a) for a in side["articles"])
            click.echo(f"  - {side['display']!s}  ({outlets})")
