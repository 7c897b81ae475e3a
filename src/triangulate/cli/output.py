"""What the commands print: tables on a terminal, tab-separated text in pipes, progress."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click


def is_terminal() -> bool:
    return sys.stdout.isatty()


def print_table(rows: list[dict[str, object]], columns: tuple[str, ...]) -> None:
    """A rich table on a terminal, tab-separated text in pipes."""
    if is_terminal():
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*(cell(row.get(c)) for c in columns))
        Console().print(table)
        return
    click.echo("\t".join(columns))
    for row in rows:
        click.echo("\t".join(cell(row.get(c)) for c in columns))


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split())


@contextmanager
def progress(enabled: bool, what: str = "inputs read") -> Iterator[Callable[[], None]]:
    """A progress line on a terminal; nothing in pipes."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} " + what), transient=True) as bar:
        task = bar.add_task(what, total=None)
        yield lambda: bar.advance(task)
