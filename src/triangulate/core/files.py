"""Writing an output file so that readers never see half of it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_file(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """An open temporary file beside ``path`` that replaces ``path`` when the block ends.

    The file gets the permissions any other tool's output would get (0666 minus the
    user's umask), so a colleague or a web server can read it where the umask allows.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    handle = os.open(temp, flags, 0o666 & ~_umask())
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(handle, mode, encoding=encoding) as stream:
            yield stream
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with atomic_file(path, "wb" if isinstance(data, bytes) else "w") as stream:
        stream.write(data)


def write_lines(path: Path, lines: Callable[[], Iterator[str]]) -> None:
    """Write the lines a generator gives, atomically."""
    with atomic_file(path) as stream:
        for line in lines():
            stream.write(line)
