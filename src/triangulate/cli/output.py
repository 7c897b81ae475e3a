"""What the commands print: tables on a terminal, tab-separated text in pipes, progress.

Article text is untrusted, on a terminal too: control characters and bidirectional overrides
are shown as visible symbols, one for one (:mod:`triangulate.core.untrusted`).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from triangulate.core.untrusted import one_line


def echo_error(message: str) -> None:
    click.echo(f"error: {one_line(message)}", err=True)


def is_terminal() -> bool:
    return sys.stdout.isatty()


def print_table(rows: Iterable[dict[str, object]], columns: tuple[str, ...]) -> None:
    """A rich table on a terminal, tab-separated text in pipes (streamed row by row)."""
    if is_terminal():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(*columns)
        for row in rows:
            # as Text: a title's "[link=...]" or "[/bold]" is the article's words, not markup
            # (which could hide text, link elsewhere, or stop the listing with an error)
            table.add_row(*(Text(cell(row.get(c))) for c in columns))
        Console().print(table)
        return
    click.echo("\t".join(columns))
    for row in rows:
        click.echo("\t".join(cell(row.get(c)) for c in columns))


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return one_line(" ".join(text.split()))


def shows_progress() -> bool:
    """Progress is for a person at a terminal: never in pipes, files or logs."""
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


class ProgressLine:
    """One line on stderr per stage of a long command: its count (of the total when known),
    the time it has taken and an estimate of the time left (or the rate, without a total).

    ``update(stage, done, total)`` is the :data:`triangulate.core.progress.Progress`
    callback the API steps call; ``advance(stage)`` counts one more item of a stage.
    """

    def __init__(self, bar: Any) -> None:
        self.bar = bar
        self.tasks: dict[str, Any] = {}
        self.stage = ""

    def update(self, stage: str, done: int, total: int | None = None) -> None:
        if stage != self.stage and self.stage in self.tasks:
            self.bar.update(self.tasks[self.stage], visible=False)  # one stage at a time
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total, of=_of(total))
        self.stage = stage
        task = self.tasks[stage]
        self.bar.update(task, completed=done, total=total, of=_of(total), visible=True)

    def advance(self, stage: str, total: int | None = None) -> None:
        if stage != self.stage or stage not in self.tasks:
            self.update(stage, 0, total)
        self.bar.advance(self.tasks[stage])


def _of(total: int | None) -> str:
    return "" if total is None else f"/{total}"


def _estimate(task: Any) -> str:
    """ "about 1:20 left" when the total is known, else the items per second."""
    if task.total is None:
        return f"{task.speed:.1f}/s" if task.speed else ""
    if task.finished or task.time_remaining is None:
        return ""
    minutes, seconds = divmod(round(task.time_remaining), 60)
    return f"about {minutes}:{seconds:02d} left"


@contextmanager
def progress(enabled: bool = True) -> Iterator[ProgressLine | None]:
    """A progress line on stderr when it is a terminal; None (nothing shown) otherwise."""
    if not (enabled and shows_progress()):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class Estimate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(_estimate(task), style="dim")

    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed}{task.fields[of]} {task.description}"),
        TimeElapsedColumn(),
        Estimate(),
    )
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True, refresh_per_second=8) as bar:
        yield ProgressLine(bar)


class _WarningLines(logging.Handler):
    """Each warning (or error: an input the batch went on without) as one line on the
    stderr of the moment; the errors are counted for the exit code."""

    failed = 0  # errors told since the command began

    def emit(self, record: logging.LogRecord) -> None:
        try:
            kind = "error" if record.levelno >= logging.ERROR else "warning"
            _WarningLines.failed += kind == "error"
            click.echo(f"{kind}: {one_line(record.getMessage())}", err=True)
        except Exception:
            self.handleError(record)


def inputs_failed() -> int:
    """How many error lines the library told since :func:`show_warnings` last began a
    command (an article that could not be read)."""
    return _WarningLines.failed


def show_warnings() -> None:
    """Print the library's warnings (a text read only in part, a cut) and errors (an article
    that could not be read) as lines on stderr, the errors counted from now on.

    Set before any worker starts, so that workers print theirs the same way.
    """
    _WarningLines.failed = 0
    logger = logging.getLogger("triangulate")
    if not any(isinstance(handler, _WarningLines) for handler in logger.handlers):
        logger.addHandler(_WarningLines())
    logger.setLevel(logging.WARNING)
    logger.propagate = False
