"""A consistent copy of a live store, through SQLite's online backup API.

Copying the store file alone is not a backup: in WAL mode the newest writes live in the
``-wal`` file beside it until a checkpoint. The backup API copies the database as one reader
sees it, WAL included, while writers go on (in WAL mode a reader never blocks a writer).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from triangulate.errors import StoreError


def backup_store(source: Path | str, dest: Path | str) -> Path:
    """Copy the store at ``source`` to ``dest`` (a file, or a folder to put it in).

    The copy is written beside ``dest`` and renamed into place, so ``dest`` is either the
    previous file or a complete copy; the source is opened read-only and never migrated.
    """
    source_path = Path(source).expanduser()
    if not source_path.is_file():
        raise StoreError(f"{source_path}: no such store file")
    target = Path(dest).expanduser()
    if target.is_dir():
        target = target / source_path.name
    if target.resolve() == source_path.resolve():
        raise StoreError(f"{target}: the backup cannot replace the store itself")
    partial = target.with_name(f".{target.name}.partial")
    try:
        _copy(source_path, partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{source_path}: cannot back up to {target} ({error})") from error
    return target


def _copy(source: Path, partial: Path) -> None:
    partial.unlink(missing_ok=True)
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30.0)
    try:
        reader.execute("PRAGMA busy_timeout = 30000")
        writer = sqlite3.connect(partial)
        try:
            # all pages in one step: one read transaction, so the copy is one moment of the
            # store; writers are not blocked meanwhile (WAL)
            reader.backup(writer, pages=-1)
            writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            writer.close()
    finally:
        reader.close()
    check = sqlite3.connect(partial)
    try:
        verdict = check.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        check.close()
    if verdict != "ok":
        raise StoreError(f"{partial}: the copy does not pass SQLite's check ({verdict})")
