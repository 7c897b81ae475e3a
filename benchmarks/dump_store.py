"""Every stored row of a store's ingest tables, without the ingest time stamps: two stores
ingested from the same inputs by two versions of the code must print the same.

    .venv/bin/python benchmarks/dump_store.py STORE > before.txt
    (another version ingests the same inputs into STORE2)
    .venv/bin/python benchmarks/dump_store.py STORE2 | cmp - before.txt

Articles (every column but ``ingested_at``), removed lines with their reasons, original bytes
and MinHash signatures (as SHA-1 digests), boilerplate line counts, and the full-text index
(the rows it gives for each of the commonest words of the stored titles).
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

TABLES = {
    "articles": "id",
    "removed_lines": "article_id, line",
    "originals": "article_id",
    "signatures": "article_id",
    "boilerplate_lines": "outlet, line_hash",
}
SKIPPED = {"ingested_at"}


def rows(conn: sqlite3.Connection) -> Iterator[str]:
    for table, order in TABLES.items():
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(column for column in columns if column not in SKIPPED)
        for row in conn.execute(f"SELECT {kept} FROM {table} ORDER BY {order}"):
            values = [hashlib.sha1(v).hexdigest() if isinstance(v, bytes) else v for v in row]
            yield f"{table}\t{values!r}"
    for word in _title_words(conn):
        found = conn.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY a.id",
            (f'"{word}"',),
        ).fetchall()
        yield f"fts {word}\t{[row[0] for row in found]!r}"


def _title_words(conn: sqlite3.Connection, count: int = 20) -> list[str]:
    words: Counter[str] = Counter()
    for (title,) in conn.execute("SELECT title FROM articles WHERE title IS NOT NULL"):
        words.update(word for word in title.lower().split() if word.isalpha())
    return sorted(word for word, _ in words.most_common(count))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    store = parser.parse_args().store
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
        for line in rows(conn):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
