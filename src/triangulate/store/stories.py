"""Stories in the store: which articles tell one event, for the CLI and the web app.

Clustering is a function of the stored articles, so a run replaces every story at once
(:func:`replace_stories`); dossiers are linked afterwards (:func:`link_dossier`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from triangulate.errors import NotFoundError
from triangulate.models import Story
from triangulate.store.db import Store
from triangulate.store.writes import atomic

STORY_ORDER = "last_seen IS NULL, last_seen DESC, originals DESC, id"  # stories_listing
STORY_COLUMNS = (
    "id, title, first_seen, last_seen, originals, dossier_id,"
    " (SELECT COUNT(*) FROM story_articles m WHERE m.story_id = stories.id) AS article_count"
)


def replace_stories(store: Store, stories: Iterable[Story]) -> int:
    """Forget the stored stories and store ``stories`` (consumed lazily) in one transaction."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    count = 0
    with atomic(store):
        store.conn.execute("DELETE FROM story_articles")
        store.conn.execute("DELETE FROM stories")
        for story in stories:
            _insert(store.conn, story, now)
            count += 1
    return count


def _insert(conn: sqlite3.Connection, story: Story, now: str) -> None:
    conn.execute(
        "INSERT INTO stories (id, title, first_seen, last_seen, originals, clustered_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (story.id, story.title, story.first_seen, story.last_seen, story.originals, now),
    )
    conn.executemany(
        "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
        [(story.id, article, position) for position, article in enumerate(story.articles)],
    )


def link_dossier(store: Store, story_id: str, dossier_id: str) -> None:
    with atomic(store):
        store.conn.execute("UPDATE stories SET dossier_id = ? WHERE id = ?", (dossier_id, story_id))


def story_summaries(store: Store, minimum_articles: int = 1) -> list[dict[str, Any]]:
    """One row per story, latest first: id, title, first/last seen, counts, dossier id."""
    rows = store.conn.execute(f"SELECT {STORY_COLUMNS} FROM stories ORDER BY {STORY_ORDER}")
    return [dict(row) for row in rows if row["article_count"] >= minimum_articles]


def story_page(
    store: Store, where: tuple[str, list[Any]] | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of stories, latest first, and how many there are; with ``where`` (an SQL
    condition on ``articles``), only the stories telling at least one article it keeps."""
    condition, params = "1", []
    if where is not None:
        condition = (
            "id IN (SELECT m.story_id FROM story_articles m JOIN articles"
            f" ON articles.id = m.article_id WHERE {where[0]})"
        )
        params = list(where[1])
    total = store.conn.execute(f"SELECT COUNT(*) FROM stories WHERE {condition}", params)
    rows = store.conn.execute(
        f"SELECT {STORY_COLUMNS} FROM stories WHERE {condition} ORDER BY {STORY_ORDER}"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [dict(row) for row in rows], int(total.fetchone()[0])


def story_ids(store: Store) -> list[str]:
    """Every story id, oldest first (the order stories.jsonl is written in)."""
    rows = store.conn.execute(
        "SELECT id FROM stories ORDER BY first_seen IS NOT NULL, first_seen, id"
    )
    return [str(row["id"]) for row in rows]


def story_count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])


def story_summary(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story's row (as in :func:`story_summaries`) without its articles, if stored."""
    row = store.conn.execute(
        f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    return None if row is None else dict(row)


def get_story(store: Store, story_id: str) -> dict[str, Any]:
    """One story with its articles (in the order they joined) as plain data."""
    story = find_story(store, story_id)
    if story is None:
        raise NotFoundError(f"no story with id {story_id!r} in {store.path}")
    return story


def find_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """:func:`get_story`, or None when there is no such story."""
    summary = story_summary(store, story_id)
    if summary is None:
        return None
    members = store.conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.published_inferred, a.duplicate_of,"
        " a.words FROM story_articles m JOIN articles a ON a.id = m.article_id"
        " WHERE m.story_id = ? ORDER BY m.position",
        (story_id,),
    )
    articles = [
        {**dict(member), "published_inferred": bool(member["published_inferred"])}
        for member in members
    ]
    return {**summary, "articles": articles}


def story_of_article(store: Store, article_id: str) -> str | None:
    row = store.conn.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else str(row["story_id"])


def story_members(
    store: Store, story_ids: list[str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Each story's articles (id, outlet, published, duplicate_of), in the order they joined:
    of every story, or of the given ones."""
    chosen, params = "", list(story_ids or [])
    if story_ids is not None:
        chosen = f" WHERE m.story_id IN ({', '.join('?' * len(story_ids))})"
    rows = store.conn.execute(
        "SELECT m.story_id, a.id, a.outlet, a.published, a.duplicate_of FROM story_articles m"
        f" JOIN articles a ON a.id = m.article_id{chosen} ORDER BY m.story_id, m.position",
        params,
    )
    members: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        member = {key: row[key] for key in ("id", "outlet", "published", "duplicate_of")}
        members.setdefault(str(row["story_id"]), []).append(member)
    return members
