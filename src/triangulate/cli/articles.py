"""ingest, articles, show, export."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from triangulate.cli import cli, db_option, is_terminal, make_settings

if TYPE_CHECKING:
    from triangulate.ingest.ingester import IngestEvent
from triangulate.store import open_store, queries
from triangulate.store.export import EXPORT_FORMATS, export_articles

ARTICLE_COLUMNS = ("id", "outlet", "title", "published", "language", "words", "removed")


@cli.command("ingest")
@db_option
@click.option("--max-bytes", type=int, default=None, help="Largest input accepted, in bytes.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input, for machines.")
@click.argument("inputs", nargs=-1, required=True)
def ingest_command(
    db: Path | None,
    max_bytes: int | None,
    workers: int | None,
    as_json: bool,
    inputs: tuple[str, ...],
) -> None:
    """Ingest files, folders, globs, URLs, WARC, RSS/Atom, JSONL or - (stdin)."""
    from triangulate.ingest.ingester import ingest  # the pipeline's imports are slow: load on use

    settings = make_settings(db, max_input_bytes=max_bytes, workers=workers)
    with open_store(settings.db) as store, _progress(not as_json) as advance:
        report = ingest(store, list(inputs), settings, _reporter(as_json, advance))
    if not as_json:
        click.echo(
            f"{report.count('stored')} stored, {report.copies} copies linked,"
            f" {report.count('unchanged')} unchanged, {report.count('error')} failed"
            f" ({settings.db})",
            err=True,
        )
    if report.failed:
        sys.exit(1)


def _reporter(as_json: bool, advance: Callable[[], None]) -> Callable[[IngestEvent], None]:
    def report(event: IngestEvent) -> None:
        advance()
        if as_json:
            click.echo(json.dumps(event.__dict__, ensure_ascii=False))
        elif event.kind == "error":
            click.echo(f"error: {event.message}", err=True)

    return report


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[], None]]:
    """A progress line on a terminal; nothing in pipes."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.completed} inputs read"), transient=True
    ) as bar:
        task = bar.add_task("ingest", total=None)
        yield lambda: bar.advance(task)


@cli.command("articles")
@db_option
@click.option("--json", "as_json", is_flag=True, help="A JSON list instead of a table.")
def articles_command(db: Path | None, as_json: bool) -> None:
    """List stored articles: id, outlet, title, published, language, words, removed lines."""
    with open_store(make_settings(db).db) as store:
        rows = queries.article_summaries(store)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    print_table([{**row, "published": queries.display_date(row)} for row in rows], ARTICLE_COLUMNS)


def print_table(rows: list[dict[str, object]], columns: tuple[str, ...]) -> None:
    """A rich table on a terminal, tab-separated text in pipes."""
    if is_terminal():
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)
        return
    click.echo("\t".join(columns))
    for row in rows:
        click.echo("\t".join(_cell(row.get(c)) for c in columns))


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split())


@cli.command("show")
@db_option
@click.option("--raw", is_flag=True, help="The original as received (bytes to stdout).")
@click.option("--json", "as_json", is_flag=True, help="Metadata and text as JSON.")
@click.argument("article_id")
def show_command(db: Path | None, raw: bool, as_json: bool, article_id: str) -> None:
    """Show one article's clean text and metadata (or the original as received)."""
    with open_store(make_settings(db).db) as store:
        if raw:
            _, data = queries.original(store, article_id)
            sys.stdout.buffer.write(data)
            return
        article = queries.get_article(store, article_id)
    from triangulate.store.export import article_record

    record = article_record(article)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key in ("id", "outlet", "title", "published", "published_how", "language", "source"):
        click.echo(f"{key}: {'' if record[key] is None else record[key]}")
    click.echo(f"words: {article.words}, removed lines: {len(article.removed)}\n")
    click.echo(article.text)


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None)
def export_command(db: Path | None, fmt: str, out: Path | None) -> None:
    """Export every stored article, text included (stdout by default)."""
    with open_store(make_settings(db).db) as store:
        export_articles(store, fmt, out)
