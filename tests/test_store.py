"""The SQLite store: migrations recorded, one transaction per article, nothing half-written."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from triangulate.errors import StoreError
from triangulate.models import Article, RemovedLine
from triangulate.store import open_store, queries, writes
from triangulate.store.db import while_busy
from triangulate.store.migrations import MIGRATIONS


def article(article_id: str, text: str = "A fictional story about a harbour strike.") -> Article:
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        title="Harbour strike",
        removed=(RemovedLine(0, "Accept cookies", "cookie-notice"),),
        content_hash=f"hash-{article_id}",
    )


def test_migrations_are_recorded_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert versions == [m[0] for m in MIGRATIONS]
    assert mode == "wal"
    open_store(path).close()  # a second open applies nothing again


def test_round_trip_and_search(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        writes.save_article(store, article("a1"), original=b"raw bytes")
        assert queries.get_article(store, "a1") == article("a1")
        assert queries.original(store, "a1")[1] == b"raw bytes"
        assert [row["id"] for row in queries.search_articles(store, 'harbour "strike')] == ["a1"]


def test_a_failed_write_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        writes.save_article(store, article("a1"))
        broken = Article(
            id="a1",
            source="x",
            text="replacement",
            removed=(RemovedLine(0, "x", "r"), RemovedLine(0, "y", "r")),  # duplicate key
        )
        with pytest.raises(sqlite3.IntegrityError):
            writes.save_article(store, broken)
        assert queries.get_article(store, "a1") == article("a1")


def test_opening_garbage_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"\x00\x01not sqlite" * 500)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(path)


def test_in_a_batch_a_failed_article_is_undone_alone(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        broken = Article(
            id="bad",
            source="x",
            text="half an article",
            removed=(RemovedLine(0, "x", "r"), RemovedLine(0, "y", "r")),  # duplicate key
        )
        with writes.batch(store):
            writes.save_article(store, article("a1"))
            with pytest.raises(sqlite3.IntegrityError):
                writes.save_article(store, broken)
            writes.save_article(store, article("a2"))
        assert [row["id"] for row in queries.article_summaries(store)] == ["a1", "a2"]
        assert not store.conn.execute(
            "SELECT 1 FROM removed_lines WHERE article_id = 'bad'"
        ).fetchall()


def test_a_batch_keeps_its_journals_in_memory_and_only_while_it_lasts(tmp_path: Path) -> None:
    """Each article's savepoint journal stays in memory during a batch (not a temporary
    file written page by page); afterwards temporary files go to disk again."""
    with open_store(tmp_path / "s.db") as store:
        outside = store.conn.execute("PRAGMA temp_store").fetchone()[0]
        with writes.batch(store):
            assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
            writes.save_article(store, article("a1"))
        assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == outside
        with pytest.raises(RuntimeError), writes.batch(store):
            raise RuntimeError("stopped")
        assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == outside


def test_a_batch_that_fails_keeps_what_was_stored_before(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        writes.save_article(store, article("kept"))
        with pytest.raises(RuntimeError), writes.batch(store):
            writes.save_article(store, article("lost"))
            raise RuntimeError("the process is stopped")
        assert [row["id"] for row in queries.article_summaries(store)] == ["kept"]


def test_a_step_refused_for_another_connections_lock_is_tried_again(tmp_path: Path) -> None:
    """SQLite may refuse at once, without its own wait (a new store's journal mode set by
    several processes at once); the step is tried again until the lock is let go."""
    db = tmp_path / "held.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    waiter = sqlite3.connect(db, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        waiter.execute("INSERT INTO t VALUES (1)")
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    while_busy(lambda: waiter.execute("INSERT INTO t VALUES (1)"), busy_timeout=30)
    assert waiter.execute("SELECT count(*) FROM t").fetchone() == (1,)
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        while_busy(lambda: waiter.execute("SELECT * FROM missing"), busy_timeout=30)
    holder.close()
    waiter.close()
