"""Bounded reading: every input is measured while it is read, never trusted beforehand.

- files: only regular files are read, at most ``max_input_bytes`` of them (the size a file
  claims is not trusted: a file can grow, ``/proc`` files claim 0 bytes);
- pipes (a FIFO, ``/dev/stdin``, ``<(command)``) and standard input: read as streams, up to
  the size limit and within ``stream_timeout`` seconds;
- devices and sockets are refused (``/dev/zero`` never ends);
- JSON lines and HTML pages: nesting and element counts are measured before parsing.
"""

from __future__ import annotations

import os
import re
import select
import stat
import time
from pathlib import Path
from typing import BinaryIO

from triangulate.errors import InputError, LimitError
from triangulate.settings import Settings

CHUNK = 1 << 16


def over_size(source: str, limit: int) -> LimitError:
    return LimitError(
        source, f"is over the size limit of {limit:,} bytes", "raise --max-bytes or split it"
    )


def read_path(path: Path, settings: Settings) -> bytes:
    """The bytes of a regular file or a pipe, bounded in size (and time for pipes)."""
    with open_input(path) as handle:
        return read_stream(handle, str(path), settings)


def open_input(path: Path) -> BinaryIO:
    """Open a regular file or a pipe for reading; refuse what is neither."""
    source = str(path)
    try:
        # non-blocking, so that opening a pipe nobody writes to returns at once
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror})", "check the path") from None
    mode = os.fstat(descriptor).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        os.close(descriptor)
        what = "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
        raise InputError(source, f"is {what}", "give files, folders, URLs or - for stdin")
    if stat.S_ISREG(mode):
        os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb", buffering=0)


def read_stream(handle: BinaryIO, source: str, settings: Settings) -> bytes:
    """Read to the end: at most ``max_input_bytes``; a pipe within ``stream_timeout`` s."""
    limit = settings.max_input_bytes
    try:
        descriptor = handle.fileno()
    except (OSError, ValueError):  # an in-memory stream (tests, embedding): already bounded
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise over_size(source, limit) from None
        return data
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        return _read_file(descriptor, source, limit)
    return _read_pipe(descriptor, source, limit, settings.stream_timeout)


def _read_file(descriptor: int, source: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := _read_some(descriptor, source):
        size += len(chunk)
        if size > limit:
            raise over_size(source, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _read_pipe(descriptor: int, source: str, limit: int, seconds: float) -> bytes:
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise LimitError(source, f"did not end within {seconds:g} s", "raise --stream-timeout")
        ready, _, _ = select.select([descriptor], [], [], left)
        if not ready:
            continue
        try:
            chunk = _read_some(descriptor, source)
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise over_size(source, limit)
        chunks.append(chunk)


def _read_some(descriptor: int, source: str) -> bytes:
    try:
        return os.read(descriptor, CHUNK)
    except BlockingIOError:
        raise
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror})", "check the file") from None


# ---------------------------------------------------------------------------------- JSON

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)  # unrolled: linear time
_JSON_OPEN_CLOSE = re.compile(r"[\[\]{}]")


def check_json_shape(where: str, line: str, settings: Settings) -> None:
    """Refuse a JSON line nested deeper, or holding more values, than the limits allow,
    before parsing it (parsing either could exhaust the stack or the memory)."""
    structure = _JSON_STRING.sub('""', line)  # brackets and commas inside strings are text
    items = structure.count(",") + structure.count(":")
    if items > settings.max_json_items:
        raise LimitError(
            where,
            f"holds over {settings.max_json_items:,} JSON values",
            "one article per line; raise --max-json-items",
        )
    depth = deepest = 0
    for bracket in _JSON_OPEN_CLOSE.finditer(structure):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > settings.max_json_depth:
                raise LimitError(
                    where,
                    f"nests JSON deeper than {settings.max_json_depth} levels",
                    "one flat object per line; raise --max-json-depth",
                )


# ---------------------------------------------------------------------------------- HTML

_HTML_TAG = re.compile(rb"<[A-Za-z!]")


def check_html_elements(source: str, data: bytes, settings: Settings) -> None:
    """Refuse a page with more elements than the limit, before any parser builds a tree."""
    limit = settings.max_html_elements
    if data.count(b"<") <= limit:  # no more tags than that: nothing to count one by one
        return
    count = 0
    for count, _ in enumerate(_HTML_TAG.finditer(data), start=1):
        if count > limit:
            raise LimitError(
                source,
                f"has over {limit:,} HTML elements",
                "is it one article? raise --max-html-elements",
            )
