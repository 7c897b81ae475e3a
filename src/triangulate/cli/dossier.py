"""dossier: the evidence-linked dossier of one event."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from triangulate.cli import cli, db_option, limit_options, limits, open_store, output_folder
from triangulate.cli.output import echo_error, progress
from triangulate.core.progress import no_progress
from triangulate.core.untrusted import one_line
from triangulate.errors import TriangulateError


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    """The formats asked for, checked before any work (a typo must not cost a build)."""
    from triangulate.api import dossier_formats

    formats = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in dossier_formats()]
    if unknown or not formats:
        known = ", ".join(dossier_formats())
        raise click.BadParameter(f"{', '.join(unknown) or 'none given'}: use any of {known}")
    return formats


def _out(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    return output_folder(value)


@cli.command("dossier")
@db_option
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("dossier"),
    callback=_out, help="Folder for the dossier files (default: ./dossier).",
)  # fmt: skip
@click.option(
    "--format", "formats", default="json,md,html", callback=_formats,
    help="Any of json, md, html (comma-separated).",
)  # fmt: skip
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@limit_options
@click.argument("inputs", nargs=-1, required=True)
def dossier_command(
    db: Path | None,
    out: Path,
    formats: list[str],
    workers: int | None,
    inputs: tuple[str, ...],
    **options: Any,
) -> None:
    """Build the dossier of one event from INPUTS (anything ingest takes, or stored ids)."""
    with open_store(db, workers=workers, **limits(options)) as store, progress() as line:
        counted = None if line is None else lambda _: line.advance("inputs gathered")
        articles = store.gather(inputs, counted)
        for event in articles.events:
            if event.kind == "error":
                echo_error(event.message)
        if not articles:
            raise TriangulateError("none of the inputs gave an article to compare")
        dossier = store.dossier(articles, line.update if line is not None else no_progress)
    written = dossier.write(out, formats)
    _print_account(dossier.to_dict())
    for path in written:
        click.echo(f"wrote {one_line(str(path))}", err=True)
    if articles.failed:
        sys.exit(1)


def _print_account(data: dict[str, Any]) -> None:
    """A short account on stdout: sources, agreements, each conflict and update with its
    sides."""
    articles = data["articles"]
    names = {a["id"]: a.get("outlet") or a["id"] for a in articles}
    click.echo(f"Sources ({len(articles)}):")
    for article in articles:
        copy = f", copy of {article['duplicate_of']}" if article.get("duplicate_of") else ""
        date = article.get("published") or "date unknown"
        inferred = " (inferred)" if article.get("outlet_inferred") else ""
        click.echo(one_line(f"  {article['id']}: {names[article['id']]}{inferred}, {date}{copy}"))
    # the reports' own split: an agreed claim one source states surely, others only perhaps,
    # is "perhaps shared", not an agreement (imported here: the page model loads the
    # schema's validator, which no other command needs at start-up)
    from triangulate.render.view import DossierView, section_of

    counts = DossierView(data).counts()
    click.echo(
        f"Claims: {counts['shared']} agreed, {counts['perhaps_shared']} perhaps shared,"
        f" {counts['conflict']} in conflict, {counts['update']} updated,"
        f" {counts['single']} single-source"
    )
    # contradictions, then updates, each most important first (a stable sort)
    for claim in sorted(data["conflicts"], key=lambda claim: section_of(claim) == "update"):
        shown = "Update" if section_of(claim) == "update" else "Conflict"
        click.echo(one_line(f"{shown}: {claim['about']}"))
        for side in claim["sides"]:
            outlets = ", ".join(names.get(a, a) for a in side["articles"])
            click.echo(one_line(f"  - {side['display']!s}  ({outlets})"))
