"""Read queries shared by the CLI and the web app. Rows come back as plain data."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from triangulate.errors import NotFoundError
from triangulate.models import Article, RemovedLine
from triangulate.store.db import Store

SUMMARY_COLUMNS = (
    "id, outlet, outlet_inferred, title, published, published_inferred, language, words,"
    " duplicate_of,"
    " (SELECT COUNT(*) FROM removed_lines r WHERE r.article_id = articles.id) AS removed"
)


LISTING_ORDER = "published IS NULL, published, id"  # the articles_listing index


def article_summaries(store: Store) -> list[dict[str, Any]]:
    """One row per stored article, for tables and listings."""
    rows = store.conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY {LISTING_ORDER}")
    return [_summary(row) for row in rows]


@dataclass(frozen=True)
class ArticleFilter:
    """What a listing keeps: words of the title or text, an outlet, a date range."""

    query: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""

    def __bool__(self) -> bool:
        return any((self.query.strip(), self.outlet, self.since, self.until))

    def where(self) -> tuple[str, list[Any]]:
        """An SQL condition on ``articles`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        match = fts_query(self.query)
        if match:
            clauses.append(
                "articles.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            params.append(match)
        if self.outlet:
            clauses.append("articles.outlet = ?")
            params.append(self.outlet)
        if self.since:
            clauses.append("articles.published >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("articles.published <= ?")
            params.append(self.until)
        return " AND ".join(clauses) or "1", params


def fts_query(query: str) -> str:
    """An FTS5 query matching every word of ``query`` as plain words ("" for none). A NUL
    separates words: SQLite would end the query's string at it, unterminated."""
    words = [w.replace('"', '""') for w in query.replace("\x00", " ").split()]
    return " ".join(f'"{w}"' for w in words)


def article_page(
    store: Store, kept: ArticleFilter, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of the articles a filter keeps, in listing order, and how many it keeps."""
    where, params = kept.where()
    total = store.conn.execute(f"SELECT COUNT(*) FROM articles WHERE {where}", params)
    rows = store.conn.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE {where} ORDER BY {LISTING_ORDER}"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [_summary(row) for row in rows], int(total.fetchone()[0])


def article_summaries_of(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Summary rows of the given ids (those stored), in the given order."""
    found = {}
    for start in range(0, len(ids), 500):  # SQLite caps the parameters of one statement
        part = ids[start : start + 500]
        marks = ", ".join("?" * len(part))
        rows = store.conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE id IN ({marks})", part
        )
        found.update({row["id"]: _summary(row) for row in rows})
    return [found[i] for i in ids if i in found]


def article_count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def outlets(store: Store, limit: int) -> list[str]:
    """Distinct outlet names, alphabetically, at most ``limit`` of them."""
    rows = store.conn.execute(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT ?",
        (limit,),
    )
    return [str(row[0]) for row in rows]


def _summary(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(row)
    data["published_inferred"] = bool(data["published_inferred"])
    data["outlet_inferred"] = bool(data["outlet_inferred"])
    return data


def article_exists(store: Store, article_id: str) -> bool:
    row = store.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None


def find_by_content_hash(store: Store, content_hash: str) -> str | None:
    row = store.conn.execute(
        "SELECT id FROM articles WHERE content_hash = ? ORDER BY rowid LIMIT 1", (content_hash,)
    ).fetchone()
    return None if row is None else str(row["id"])


def source_and_hash_of(store: Store, article_id: str) -> tuple[str, str] | None:
    """The stored article's source and content hash (None: no article with that id)."""
    row = store.conn.execute(
        "SELECT source, content_hash FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return None if row is None else (str(row["source"]), str(row["content_hash"]))


def get_article(store: Store, article_id: str) -> Article:
    row = store.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no article with id {article_id!r} in {store.path}")
    return _article(store, row)


def iter_articles(store: Store, ids: list[str] | None = None) -> Iterator[Article]:
    """Every stored article (or the given ids, in that order)."""
    if ids is not None:
        for article_id in ids:
            yield get_article(store, article_id)
        return
    for row in store.conn.execute("SELECT * FROM articles ORDER BY rowid"):
        yield _article(store, row)


def _article(store: Store, row: sqlite3.Row) -> Article:
    removed = store.conn.execute(
        "SELECT line, text, reason FROM removed_lines WHERE article_id = ? ORDER BY line",
        (row["id"],),
    )
    return Article(
        id=row["id"],
        source=row["source"],
        url=row["url"],
        text=row["text"],
        outlet=row["outlet"],
        title=row["title"],
        authors=tuple(json.loads(row["authors"])),
        published=row["published"],
        published_inferred=bool(row["published_inferred"]),
        published_how=row["published_how"],
        language=row["language"],
        media_type=row["media_type"],
        removed=tuple(RemovedLine(r["line"], r["text"], r["reason"]) for r in removed),
        content_hash=row["content_hash"],
        duplicate_of=row["duplicate_of"],
        fully_extracted=bool(row["fully_extracted"]),
        outlet_inferred=bool(row["outlet_inferred"]),
    )


def original(store: Store, article_id: str) -> tuple[str, bytes]:
    row = store.conn.execute(
        "SELECT media_type, data FROM originals WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no original stored for article {article_id!r}")
    return str(row["media_type"]), bytes(row["data"])


def recent_signatures(store: Store, limit: int) -> list[tuple[str, bytes]]:
    """The MinHash signatures of the ``limit`` most recently stored articles, oldest first."""
    rows = store.conn.execute(
        "SELECT article_id, minhash FROM signatures ORDER BY rowid DESC LIMIT ?", (limit,)
    ).fetchall()
    return [(str(row["article_id"]), bytes(row["minhash"])) for row in reversed(rows)]


def boilerplate_rows(store: Store) -> list[tuple[str, str, int]]:
    rows = store.conn.execute("SELECT outlet, line_hash, documents FROM boilerplate_lines")
    return [(r["outlet"], r["line_hash"], r["documents"]) for r in rows]


def stored_reading(store: Store, article_id: str) -> tuple[str, str, dict[str, Any]] | None:
    row = store.conn.execute(
        "SELECT reader_version, content_hash, reading FROM readings WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    return str(row["reader_version"]), str(row["content_hash"]), json.loads(row["reading"])


def dossier_summaries(store: Store, limit: int = -1, offset: int = 0) -> list[dict[str, Any]]:
    """Dossiers, latest first (a page of them with ``limit``, ``offset``)."""
    rows = store.conn.execute(
        "SELECT id, title, article_ids, created_at FROM dossiers ORDER BY created_at DESC"
        " LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [{**dict(r), "article_ids": json.loads(r["article_ids"])} for r in rows]


def dossier_count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0])


def get_dossier(store: Store, dossier_id: str) -> dict[str, Any]:
    row = store.conn.execute("SELECT dossier FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no dossier with id {dossier_id!r} in {store.path}")
    data: dict[str, Any] = json.loads(row["dossier"])
    return data


def search_articles(store: Store, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Full-text search over titles and texts (SQLite FTS5); the query is taken as plain words."""
    match = fts_query(query)
    if not match:
        return []
    rows = store.conn.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE rowid IN"
        " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?)",
        (match, limit),
    )
    return [_summary(row) for row in rows]


def dossier_meta(store: Store, dossier_id: str) -> dict[str, Any] | None:
    """Title, article ids, creation time and JSON size of one dossier, without its JSON."""
    row = store.conn.execute(
        "SELECT id, title, article_ids, created_at, length(dossier) AS size FROM dossiers"
        " WHERE id = ?",
        (dossier_id,),
    ).fetchone()
    if row is None:
        return None
    return {**dict(row), "article_ids": json.loads(row["article_ids"])}


def reading_stamp(store: Store, article_id: str) -> tuple[str, str] | None:
    """(reader version, content hash) of an article's stored reading, without the reading."""
    row = store.conn.execute(
        "SELECT reader_version, content_hash FROM readings WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else (str(row["reader_version"]), str(row["content_hash"]))


def dossier_stamps_with_article(store: Store, article_id: str) -> list[tuple[str, str, int]]:
    """(id, creation time, JSON size) of every dossier built from ``article_id``, as
    :func:`dossier_meta` gives them, without parsing their JSON."""
    rows = store.conn.execute(
        "SELECT id, created_at, length(dossier) AS size FROM dossiers WHERE EXISTS"
        " (SELECT 1 FROM json_each(dossiers.article_ids) WHERE json_each.value = ?)"
        " ORDER BY created_at, id",
        (article_id,),
    )
    return [(str(r["id"]), str(r["created_at"]), int(r["size"])) for r in rows]


def dossiers_with_article(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The stored dossier JSON of every dossier built from ``article_id``."""
    rows = store.conn.execute(
        "SELECT dossier FROM dossiers WHERE EXISTS"
        " (SELECT 1 FROM json_each(dossiers.article_ids) WHERE json_each.value = ?)"
        " ORDER BY created_at",
        (article_id,),
    )  # only the dossiers that hold the article are read and parsed
    return [json.loads(r["dossier"]) for r in rows]


def story_summaries(store: Store) -> list[dict[str, Any]]:
    """Rows of the ``stories`` table when a store has one (older stores do not)."""
    try:
        rows = store.conn.execute("SELECT * FROM stories ORDER BY rowid DESC").fetchall()
    except sqlite3.OperationalError:
        return []
    return [dict(row) for row in rows]
