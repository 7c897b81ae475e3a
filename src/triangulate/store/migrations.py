"""Schema migrations, applied in order and recorded in the file itself."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = tuple[int, str, str]

MIGRATIONS: list[Migration] = [
    (
        1,
        "articles",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            published_how TEXT,
            language TEXT,
            media_type TEXT NOT NULL,
            text TEXT NOT NULL,
            words INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            fully_extracted INTEGER NOT NULL DEFAULT 1,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE removed_lines (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (article_id, line)
        );
        CREATE TABLE originals (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            media_type TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            minhash BLOB NOT NULL
        );
        CREATE TABLE boilerplate_lines (
            outlet TEXT NOT NULL,
            line_hash TEXT NOT NULL,
            documents INTEGER NOT NULL,
            PRIMARY KEY (outlet, line_hash)
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """,
    ),
    (
        2,
        "readings and dossiers",
        """
        CREATE TABLE readings (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            reader_version TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            reading TEXT NOT NULL
        );
        CREATE TABLE dossiers (
            id TEXT PRIMARY KEY,
            title TEXT,
            article_ids TEXT NOT NULL,
            created_at TEXT NOT NULL,
            dossier TEXT NOT NULL
        );
        """,
    ),
    (
        3,
        "stories",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_seen TEXT,
            last_seen TEXT,
            originals INTEGER NOT NULL,
            dossier_id TEXT,
            clustered_at TEXT NOT NULL
        );
        CREATE INDEX stories_last_seen ON stories(last_seen);
        CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (story_id, article_id)
        );
        CREATE INDEX story_articles_article ON story_articles(article_id);
        """,
    ),
    (
        4,
        "listing indexes",
        """
        CREATE INDEX articles_listing ON articles(published IS NULL, published, id);
        CREATE INDEX stories_listing
            ON stories(last_seen IS NULL, last_seen DESC, originals DESC, id);
        CREATE INDEX dossiers_created ON dossiers(created_at);
        """,
    ),
    (
        5,
        "full-text index other tools recognise",
        # sqlite-utils and datasette find a table's FTS index by the bracketed (or
        # double-quoted) table name in content=[...], the form sqlite-utils' enable_fts
        # writes; the index of migration 1 quoted it with single quotes, so `sqlite-utils
        # search` failed and datasette showed no search box. Same columns and triggers,
        # rebuilt from the articles.
        """
        DROP TRIGGER IF EXISTS articles_ai;
        DROP TRIGGER IF EXISTS articles_ad;
        DROP TRIGGER IF EXISTS articles_au;
        DROP TABLE IF EXISTS articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content=[articles], content_rowid=[rowid]
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        """,
    ),
    (
        6,
        "outlets read from the text",
        """
        ALTER TABLE articles ADD COLUMN outlet_inferred INTEGER NOT NULL DEFAULT 0;
        """,
    ),
]


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """The versions recorded in the file (none for a new file); reads only."""
    try:
        return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    except sqlite3.OperationalError:  # no such table: a new store
        return set()


def migrate(conn: sqlite3.Connection, on_apply: Callable[[int, str], None] | None = None) -> None:
    """Apply every migration not yet recorded, all in one transaction.

    The write lock is taken first and the recorded versions read again under it, so two
    processes opening a new store at once apply each migration once.
    """
    if {version for version, _, _ in MIGRATIONS} <= applied_versions(conn):
        return  # the usual case: nothing to write, no lock taken
    conn.execute("BEGIN IMMEDIATE")
    applied: list[tuple[int, str]] = []
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = applied_versions(conn)
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            applied.append((version, name))
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    for version, name in applied:
        if on_apply:
            on_apply(version, name)


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
