"""What the commands print: tables on a terminal, tab-separated text in pipes, progress.

Article text is untrusted, on a terminal too: control characters (escape sequences that
could move the cursor, rewrite lines or set the window title) and bidirectional overrides
are shown as visible symbols, one for one, so offsets into the text stay right.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

# C0 controls but tab and newline, DEL, C1 controls, bidirectional marks and overrides, and
# lone surrogates (a file name that is not UTF-8): none can be printed as they are
_OTHERS = r"\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(rf"[\x00-\x08\x0b-\x1f{_OTHERS}]")
_UNSAFE_IN_LINE = re.compile(rf"[\x00-\x1f{_OTHERS}]")
_UNSAFE_IN_JSON = re.compile(rf"[{_OTHERS}]")  # json.dumps escapes C0 controls itself


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """Text safe for a terminal, the same length: each control character becomes a symbol."""
    return _UNSAFE.sub(_picture, text)


def one_line(text: str) -> str:
    """:func:`printable`, with line breaks shown as symbols too (an error is one line)."""
    return _UNSAFE_IN_LINE.sub(_picture, text)


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON for stdout; characters a terminal would act on are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    """Each warning as one line on the stderr of the moment."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(f"warning: {one_line(record.getMessage())}", err=True)
        except Exception:
            self.handleError(record)


def show_warnings() -> None:
    """Print the library's warnings (a text read only in part, a cut) as lines on stderr.

    Set before any worker starts, so that workers print theirs the same way.
    """
    logger = logging.getLogger("triangulate")
    if not any(isinstance(handler, _WarningLines) for handler in logger.handlers):
        logger.addHandler(_WarningLines())
    logger.setLevel(logging.WARNING)
    logger.propagate = False
