"""Opening the store: one SQLite file in WAL mode, migrated on open.

Several processes may use one store at once (two ingests, the web app beside a command):
readers never wait (WAL), and each writer takes the write lock only for its write
(``BEGIN IMMEDIATE`` in :mod:`triangulate.store.writes`), waiting up to the busy timeout
for another writer to finish.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from triangulate.errors import StoreError
from triangulate.store.migrations import migrate

DEFAULT_BUSY_TIMEOUT = 60.0  # seconds; Settings.busy_timeout


class Store:
    """A connection to one store file. Reads and writes live in `queries` and `writes`."""

    def __init__(
        self, conn: sqlite3.Connection, path: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> None:
        self.conn = conn
        self.path = path
        self.busy_timeout = busy_timeout

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


def open_store(
    path: Path | str, *, create: bool = True, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> Store:
    """Open (creating and migrating when needed) the store at ``path`` (":memory:" works).

    With ``create=False`` a missing store is an error naming it, and nothing is created:
    a mistyped ``--db`` for a reading command must not leave an empty store behind.
    """
    where = str(path)
    if where != ":memory:" and not create and not Path(where).expanduser().is_file():
        raise StoreError(f"{where}: no store there (check --db, or ingest something first)")
    try:
        if where != ":memory:":
            Path(where).expanduser().parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(where, timeout=busy_timeout, check_same_thread=False)
        foreign = _other_programs_tables(conn)
        if foreign:
            conn.close()
            raise StoreError(
                f"{where}: an SQLite file of another program (tables {foreign}), not a"
                " triangulate store; left as it was (give another --db)"
            )
        _configure(conn, busy_timeout)
        migrate(conn)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(
            f"{where}: cannot open the store ({error}); is it a triangulate SQLite file?"
        ) from error
    return Store(conn, where, busy_timeout)


def _other_programs_tables(conn: sqlite3.Connection) -> str:
    """The first tables of a database that has tables but not a store's own (its migrations
    and its articles), "" otherwise: such a file is never written to, not even switched to
    WAL, so that opening another program's database by mistake leaves it as it was."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    tables = [str(row[0]) for row in rows]
    if not tables or {"schema_migrations", "articles"} <= set(tables):
        return ""
    return ", ".join(tables[:3]) + (", ..." if len(tables) > 3 else "")


def _configure(conn: sqlite3.Connection, busy_timeout: float) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    # a new store's first connections race to set its journal mode, and SQLite may refuse
    # the loser at once, without its own wait
    while_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"), busy_timeout)
    conn.execute("PRAGMA synchronous = NORMAL")


def while_busy(step: Callable[[], object], busy_timeout: float) -> None:
    """Run ``step``, trying again while another connection holds a lock SQLite's own wait
    gave up on early (a busy snapshot, a recovery, a journal mode being set), for up to
    ``busy_timeout`` seconds; then the last error is raised."""
    deadline = time.monotonic() + busy_timeout
    pause = 0.05
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def is_busy(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused for another connection's lock."""
    message = str(error).lower()
    return "locked" in message or "busy" in message
