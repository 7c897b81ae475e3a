"""dossier: the evidence-linked dossier of one event."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from triangulate.cli import cli, db_option, open_store
from triangulate.cli.output import progress
from triangulate.core.progress import no_progress
from triangulate.errors import TriangulateError


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
    with open_store(db, workers=workers) as store, progress() as line:
        counted = None if line is None else lambda _: line.advance("inputs gathered")
        articles = store.gather(inputs, counted)
        for event in articles.events:
            if event.kind == "error":
                click.echo(f"error: {event.message}", err=True)
        if not articles:
            raise TriangulateError("none of the inputs gave an article to compare")
        dossier = store.dossier(articles, line.update if line is not None else no_progress)
    written = dossier.write(out, [f.strip() for f in formats.split(",") if f.strip()])
    _print_account(dossier.to_dict())
    for path in written:
        click.echo(f"wrote {path}", err=True)
    if articles.failed:
        sys.exit(1)


def _print_account(data: dict[str, Any]) -> None:
    """A short account on stdout: sources, agreements, each conflict with its sides."""
    articles = data["articles"]
    names = {a["id"]: a.get("outlet") or a["id"] for a in articles}
    click.echo(f"Sources ({len(articles)}):")
    for article in articles:
        copy = f", copy of {article['duplicate_of']}" if article.get("duplicate_of") else ""
        date = article.get("published") or "date unknown"
        inferred = " (inferred)" if article.get("outlet_inferred") else ""
        click.echo(f"  {article['id']}: {names[article['id']]}{inferred}, {date}{copy}")
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
