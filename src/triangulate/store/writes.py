"""Writes to the store. Each article is written in one transaction: all or nothing.

A write takes the store's write lock only for itself: ``BEGIN IMMEDIATE`` asks for the lock
before anything is read, so a transaction never has to upgrade a read to a write (which
fails at once when another process wrote meanwhile). A writer waits for another one up to
the store's busy timeout, trying again as the lock comes and goes, then fails with one line.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from triangulate.errors import StoreError
from triangulate.models import Article
from triangulate.store.db import Store, is_busy, while_busy


def begin(store: Store) -> None:
    """Start a write transaction, waiting for other writers up to the busy timeout."""
    try:
        while_busy(lambda: store.conn.execute("BEGIN IMMEDIATE"), store.busy_timeout)
    except sqlite3.OperationalError as error:
        if is_busy(error):
            raise StoreError(
                f"{store.path}: another process kept the store locked for over"
                f" {store.busy_timeout:g} s (raise --busy-timeout, or try again)"
            ) from error
        raise


@contextmanager
def atomic(store: Store) -> Iterator[None]:
    """All or nothing: a transaction, or a savepoint inside the caller's batch transaction."""
    conn = store.conn
    if not conn.in_transaction:
        with batch(store):
            yield
        return
    conn.execute("SAVEPOINT atomic_write")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO atomic_write")
        conn.execute("RELEASE atomic_write")
        raise
    conn.execute("RELEASE atomic_write")


@contextmanager
def batch(store: Store) -> Iterator[None]:
    """One commit for many atomic writes: each stays all or nothing, and the batch is
    durable only once it ends (a crash loses the batch, never half an article)."""
    conn = store.conn
    with _journals_in_memory(conn):
        begin(store)
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


@contextmanager
def _journals_in_memory(conn: sqlite3.Connection) -> Iterator[None]:
    """SQLite's temporary files in memory for the length of a batch.

    Each atomic write in a batch is a savepoint, whose journal holds the original of every
    page the write changes (an article: its row, its removed lines, its original, its words'
    pages of the full-text index); past 64 KiB it goes to a temporary file, page by page,
    which was half of the writes' system time. One write's journal is what it changes, so
    memory stays bounded; outside batches (large sorts) temporary files stay on disk.
    """
    (previous,) = conn.execute("PRAGMA temp_store").fetchone()
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        # not while a transaction is open (SQLite refuses to change the temporary storage
        # then): only when a commit failed, whose error is already on its way
        if not conn.in_transaction:
            conn.execute(f"PRAGMA temp_store = {int(previous)}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def save_article(
    store: Store,
    article: Article,
    original: bytes | None = None,
    minhash: bytes | None = None,
) -> None:
    """Insert or replace one article with its removed lines, original bytes and signature."""
    with atomic(store):
        store.conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
        store.conn.execute(
            "INSERT INTO articles (id, source, url, outlet, title, authors, published,"
            " published_inferred, published_how, language, media_type, text, words,"
            " content_hash, duplicate_of, fully_extracted, ingested_at, outlet_inferred)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _article_row(article),
        )
        store.conn.executemany(
            "INSERT INTO removed_lines (article_id, line, text, reason) VALUES (?, ?, ?, ?)",
            [(article.id, r.line, r.text, r.reason) for r in article.removed],
        )
        if original is not None:
            store.conn.execute(
                "INSERT INTO originals (article_id, media_type, data) VALUES (?, ?, ?)",
                (article.id, article.media_type, original),
            )
        if minhash is not None:
            store.conn.execute(
                "INSERT INTO signatures (article_id, minhash) VALUES (?, ?)", (article.id, minhash)
            )


def _article_row(article: Article) -> tuple[object, ...]:
    return (
        article.id,
        article.source,
        article.url,
        article.outlet,
        article.title,
        json.dumps(list(article.authors), ensure_ascii=False),
        article.published,
        int(article.published_inferred),
        article.published_how,
        article.language,
        article.media_type,
        article.text,
        article.words,
        article.content_hash,
        article.duplicate_of,
        int(article.fully_extracted),
        _now(),
        int(article.outlet_inferred),
    )


def save_boilerplate_counts(store: Store, rows: Iterable[tuple[str, str, int]]) -> None:
    """Remember how often each line was seen per outlet, for cleaning later batches."""
    with atomic(store):
        store.conn.executemany(
            "INSERT INTO boilerplate_lines (outlet, line_hash, documents) VALUES (?, ?, ?)"
            " ON CONFLICT(outlet, line_hash) DO UPDATE SET documents = excluded.documents",
            list(rows),
        )


def save_reading(
    store: Store, article_id: str, version: str, content_hash: str, reading: dict[str, object]
) -> None:
    with atomic(store):
        store.conn.execute(
            "INSERT INTO readings (article_id, reader_version, content_hash, reading)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET"
            " reader_version = excluded.reader_version, content_hash = excluded.content_hash,"
            " reading = excluded.reading",
            (article_id, version, content_hash, json.dumps(reading, ensure_ascii=False)),
        )


def save_dossier(
    store: Store, dossier_id: str, title: str | None, article_ids: list[str], dossier: object
) -> None:
    with atomic(store):
        store.conn.execute(
            "INSERT INTO dossiers (id, title, article_ids, created_at, dossier)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
            " article_ids = excluded.article_ids, created_at = excluded.created_at,"
            " dossier = excluded.dossier",
            (
                dossier_id,
                title,
                json.dumps(article_ids),
                _now(),
                json.dumps(dossier, ensure_ascii=False),
            ),
        )


def relink_copies(store: Store, old_original: str, new_original: str) -> None:
    """Make ``new_original`` the original of ``old_original`` and of all its copies."""
    with atomic(store):
        store.conn.execute(
            "UPDATE articles SET duplicate_of = ? WHERE (id = ? OR duplicate_of = ?) AND id != ?",
            (new_original, old_original, old_original, new_original),
        )
