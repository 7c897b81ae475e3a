"""The floors our benchmarks are measured against, each a standalone command.

    python benchmarks/baselines.py trafilatura FOLDER [--workers N] [--mode default]
    python benchmarks/baselines.py sqlite FOLDER DB

``trafilatura``: every file of FOLDER through ``trafilatura.extract`` in N processes (default:
all cores), as a plain loop would do it. ``--mode default`` is the call with its defaults;
``precise`` adds ``favor_precision=True, include_comments=False`` (the settings our extractor
starts from); ``metadata`` is the default call with ``with_metadata=True`` (title, author,
date, site name: what ingest also finds).

``sqlite``: every file of FOLDER read, decoded as UTF-8 and inserted, with its bytes, into a
new SQLite file in WAL mode with an FTS5 index over the text (the store's own layout for
these columns: external-content FTS5 kept by a trigger), 128 rows per commit, in one process:
the least any text ingest into SQLite with full-text search can cost.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

MODES: dict[str, dict[str, Any]] = {
    "default": {},
    "precise": {"favor_precision": True, "include_comments": False},
    "metadata": {"with_metadata": True},
}
_mode: dict[str, Any] = {}


def files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def _extract(path: Path) -> int:
    import trafilatura

    text = trafilatura.extract(path.read_bytes(), **_mode)
    return len(text or "")


def _set_mode(mode: str) -> None:
    _mode.update(MODES[mode])


def trafilatura_loop(folder: Path, workers: int, mode: str) -> int:
    """Characters extracted from every file of ``folder``."""
    paths = files(folder)
    _set_mode(mode)
    if workers <= 1:
        return sum(map(_extract, paths))
    with ProcessPoolExecutor(workers, initializer=_set_mode, initargs=(mode,)) as pool:
        return sum(pool.map(_extract, paths, chunksize=max(1, len(paths) // (8 * workers))))


SCHEMA = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, text TEXT NOT NULL);
CREATE TABLE originals (article_id TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
"""


def _chunks(paths: list[Path], size: int) -> Iterator[list[Path]]:
    for start in range(0, len(paths), size):
        yield paths[start : start + size]


def sqlite_floor(folder: Path, db: Path) -> int:
    """Rows inserted: every text file of ``folder`` with its bytes, FTS5 index included."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(SCHEMA)
    count = 0
    for chunk in _chunks(files(folder), 128):
        conn.execute("BEGIN")
        for path in chunk:
            data = path.read_bytes()
            text = data.decode("utf-8")
            title = text.split("\n", 1)[0]
            conn.execute(
                "INSERT INTO articles (id, title, text) VALUES (?, ?, ?)", (path.stem, title, text)
            )
            conn.execute(
                "INSERT INTO originals (article_id, data) VALUES (?, ?)", (path.stem, data)
            )
            count += 1
        conn.execute("COMMIT")
    conn.close()
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    loop = commands.add_parser("trafilatura")
    loop.add_argument("folder", type=Path)
    loop.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    loop.add_argument("--mode", choices=sorted(MODES), default="default")
    floor = commands.add_parser("sqlite")
    floor.add_argument("folder", type=Path)
    floor.add_argument("db", type=Path)
    args = parser.parse_args()
    if args.command == "trafilatura":
        print(trafilatura_loop(args.folder, args.workers, args.mode))
    else:
        print(sqlite_floor(args.folder, args.db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
