"""Opening the store: one SQLite file in WAL mode, migrated on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType

from triangulate.errors import StoreError
from triangulate.store.migrations import migrate


class Store:
    """A connection to one store file. Reads and writes live in `queries` and `writes`."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def open_store(path: Path | str) -> Store:
    """Open (creating and migrating when needed) the store at ``path`` (":memory:" works)."""
    where = str(path)
    try:
        if where != ":memory:":
            Path(where).expanduser().parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(where, timeout=30.0, check_same_thread=False)
        _configure(conn)
        migrate(conn)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(
            f"{where}: cannot open the store ({error}); is it a triangulate SQLite file?"
        ) from error
    return Store(conn, where)


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA busy_timeout = 30000")
