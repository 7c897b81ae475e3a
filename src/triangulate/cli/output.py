"""What the commands print: tables on a terminal, tab-separated text in pipes, progress.

Article text is untrusted, on a terminal too: control characters (escape sequences that
could move the cursor, rewrite lines or set the window title) and bidirectional overrides
are shown as visible symbols, one for one, so offsets into the text stay right.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
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
    return one_line(" ".join(text.split()))


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
