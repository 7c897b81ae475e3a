"""stories: group many articles into stories (one event each), with a dossier per story."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from triangulate.cli import cli, db_option, limit_options, limits, open_store, output_folder
from triangulate.cli.output import echo_error, progress
from triangulate.core.progress import no_progress
from triangulate.core.untrusted import one_line

if TYPE_CHECKING:
    from triangulate.api import IngestEvent


def _out(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    return output_folder(value)


@cli.command("stories")
@db_option
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("stories"),
    callback=_out, help="Folder for stories.jsonl (default: ./stories).",
)  # fmt: skip
@click.option(
    "--engine", type=click.Choice(["local", "ray"]), default="local",
    help="Where features are computed: a local process pool, or Ray.",
)  # fmt: skip
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.option(
    "--dossiers/--no-dossiers", default=True,
    help="Build a dossier for each story (see --min-originals).",
)  # fmt: skip
@click.option(
    "--min-originals", type=click.IntRange(min=1), default=1, show_default=True,
    help="Build dossiers only for stories told by at least this many independent articles"
    " (2: only stories with sources to compare, the faster choice at corpus scale).",
)  # fmt: skip
@limit_options
@click.argument("inputs", nargs=-1)
def stories_command(
    db: Path | None,
    out: Path,
    engine: str,
    workers: int | None,
    dossiers: bool,
    min_originals: int,
    inputs: tuple[str, ...],
    **options: Any,
) -> None:
    """Ingest INPUTS (files, folders, URLs, WARC, feeds...) and group every stored article
    into stories; write OUT/stories.jsonl, one line per story."""
    failed = 0
    with open_store(db, workers=workers, **limits(options)) as store, progress() as line:
        total = None
        if line is not None:
            from triangulate.api import count_inputs

            total = count_inputs(inputs)

        def report(event: IngestEvent) -> None:
            nonlocal failed
            if line is not None:
                line.advance("inputs ingested", total)
            if event.kind == "error":
                failed += 1
                echo_error(event.message)

        shown = line.update if line is not None else no_progress
        path = store.stories(
            inputs, engine=engine, out_dir=out, dossiers=dossiers, min_originals=min_originals,
            on_event=report, on_progress=shown,
        )  # fmt: skip
        summaries = store.story_rows()
    multi = sum(1 for s in summaries if s["originals"] >= 2)
    click.echo(f"{len(summaries)} stories, {multi} told by two or more independent articles")
    if failed:
        click.echo(f"{failed} input{'s' if failed != 1 else ''} failed", err=True)
    click.echo(f"wrote {one_line(str(path))}", err=True)
    if failed:
        sys.exit(1)
