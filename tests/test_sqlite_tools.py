"""The store in the SQLite ecosystem: sqlite-utils and datasette find its full-text index,
and `triangulate backup` copies a live store, newest writes included."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import STORY, WIRE
from triangulate.models import Article
from triangulate.store import open_store, writes
from triangulate.store.migrations import MIGRATIONS, _statements

BIN = Path(sys.executable).parent


def triangulate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "triangulate"), *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def ingested(tmp_path: Path) -> Path:
    """A store made by `triangulate ingest` from two invented articles."""
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    db = tmp_path / "news.db"
    done = triangulate("ingest", "--db", str(db), "--workers", "1", str(tmp_path / "story.txt"),
                       str(tmp_path / "wire.txt"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    return db


def test_sqlite_utils_search_finds_articles(ingested: Path) -> None:
    pytest.importorskip("sqlite_utils")
    tool = shutil.which("sqlite-utils", path=str(BIN)) or shutil.which("sqlite-utils")
    assert tool, "sqlite-utils is installed but its command is not on the path"
    done = subprocess.run(
        [tool, "search", str(ingested), "articles", "Lindmouth", "-c", "id", "--csv"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["id", "wire"]


def test_sqlite_utils_detects_the_index(ingested: Path) -> None:
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(ingested)
    assert db["articles"].detect_fts() == "articles_fts"
    assert {row["id"] for row in db["articles"].search("Castell")} == {"story", "wire"}


def test_datasette_search_box_and_results(ingested: Path) -> None:
    pytest.importorskip("datasette")
    from datasette.app import Datasette  # type: ignore[import-untyped]

    async def visit() -> tuple[str, list[str]]:
        datasette = Datasette([str(ingested)])
        page = await datasette.client.get(f"/{ingested.stem}/articles")
        found = await datasette.client.get(
            f"/{ingested.stem}/articles.json?_search=Lindmouth&_col=id&_shape=array"
        )
        return page.text, [row["id"] for row in found.json()]

    page, ids = asyncio.run(visit())
    assert 'name="_search"' in page  # the search box datasette shows for a table with FTS
    assert ids == ["wire"]


def test_a_store_with_the_old_index_is_rebuilt_and_searchable(tmp_path: Path) -> None:
    """A store made before the index was rebuilt: migrated on open, old articles found."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for version, name, sql in MIGRATIONS:
        if version <= 3:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, '2025-01-01')",
                         (version, name))  # fmt: skip
    conn.commit()
    old_form = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    assert "content='articles'" in old_form[0]
    conn.close()
    with open_store(path) as store:  # a store made before: migrated on open
        writes.save_article(store, _article("before", "Portvale cranes"))
    with open_store(path) as store:
        schema = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
        assert "content=[articles]" in schema.fetchone()[0]
        hits = store.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Portvale'"
        ).fetchall()
        assert len(hits) == 1


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, content_hash=article_id)


def test_backup_while_a_writer_is_active(tmp_path: Path) -> None:
    """Backups taken while another connection writes are whole stores: every article
    committed before the backup started is in it, and SQLite's check passes."""
    db = tmp_path / "live.db"
    with open_store(db) as store:
        writes.save_article(store, _article("first", "Harbour cranes fall silent"))
    stop = threading.Event()
    written: list[int] = []

    def write_until_stopped() -> None:
        with open_store(db) as store:
            store.conn.execute("PRAGMA wal_autocheckpoint = 0")  # the newest pages stay in -wal
            number = 0
            while not stop.is_set() or number < 20:
                number += 1
                writes.save_article(store, _article(f"a{number}", f"Ships waiting {number}"))
                written.append(number)

    writer = threading.Thread(target=write_until_stopped)
    writer.start()
    try:
        copies = []
        for attempt in range(3):
            while len(written) < 5 * (attempt + 1):
                stop.wait(0.01)
            before = len(written)
            done = triangulate("backup", str(db), str(tmp_path / f"copy{attempt}.db"))
            assert done.returncode == 0, done.stderr
            copies.append((tmp_path / f"copy{attempt}.db", before))
        # a plain copy of the file misses what is still in its -wal file
        shutil.copyfile(db, tmp_path / "plain.db")
    finally:
        stop.set()
        writer.join()
    for copy, before in copies:
        assert _count(copy) >= before + 1  # "first" and every article written before it
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _count(tmp_path / "plain.db") < copies[0][1]


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def test_backup_into_a_folder_and_errors_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with open_store(db) as store:
        writes.save_article(store, _article("one", "Harbour cranes fall silent"))
    folder = tmp_path / "backups"
    folder.mkdir()
    done = triangulate("backup", str(db), str(folder))
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(folder / "news.db")
    assert conn.execute("SELECT id FROM articles").fetchall() == [("one",)]
    conn.close()
    assert not list(folder.glob(".*partial"))
    missing = triangulate("backup", str(tmp_path / "none.db"), str(folder))
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1 and "none.db" in missing.stderr
    itself = triangulate("backup", str(db), str(db))
    assert itself.returncode == 1 and "itself" in itself.stderr
