"""Corpus-scale stories: ingest, cluster every stored article, store and write the stories.

The clustering path streams articles from the store in (published, id) order, featurizes
them in batches on an engine (a local process pool, or Ray: :mod:`triangulate.runners.ray`)
and feeds the features to one sequential :class:`StoryClusterer`.  Engines only compute
features, which are pure functions of each article, so every engine gives the same stories.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from triangulate.errors import SettingsError
from triangulate.models import Article
from triangulate.pipeline.cluster import (
    ArticleFeatures,
    ClusterSettings,
    Story,
    StoryClusterer,
    featurize,
)
from triangulate.runners.local import IngestEvent, LazyPool, chunked, ingest, parallel_map
from triangulate.settings import Settings
from triangulate.store import Store, queries
from triangulate.store import stories as story_store

BATCH = 1024  # articles featurized per round trip to the workers
ENGINES = ("local", "ray")


class Engine(Protocol):
    """Computes features for a batch of articles, in the batch's order."""

    def featurize(self, articles: Sequence[Article]) -> list[ArticleFeatures]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Featurizes in a process pool over ``workers`` cores (in-process for one worker)."""

    def __init__(self, workers: int) -> None:
        self._pool = LazyPool(workers, minimum_items=64)

    def featurize(self, articles: Sequence[Article]) -> list[ArticleFeatures]:
        return parallel_map(featurize, articles, self._pool.get(len(articles)))

    def close(self) -> None:
        self._pool.__exit__()

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, t: TracebackType | None
    ) -> None:
        self.close()


def make_engine(name: str, workers: int, address: str | None = None) -> Engine:
    """``local`` or ``ray`` (Ray needs the ``triangulate[ray]`` extra)."""
    if name == "local":
        return LocalEngine(workers)
    if name == "ray":
        from triangulate.runners.ray import RayEngine

        return RayEngine(workers, address=address)
    raise SettingsError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")


def slim(article: Article) -> Article:
    """Only what featurize reads, so that less is pickled to the workers."""
    return dataclasses.replace(article, removed=(), source="")


def cluster_articles(
    articles: Iterable[Article],
    engine: Engine,
    settings: ClusterSettings | None = None,
    batch: int = BATCH,
) -> Iterator[Story]:
    """Stories of ``articles`` (given in ``sort_key`` order), each yielded once it is closed."""
    clusterer = StoryClusterer(settings)
    for chunk in chunked((slim(a) for a in articles), batch):
        for features in engine.featurize(chunk):
            clusterer.add(features)
        yield from clusterer.drain_closed()
    yield from clusterer.finish()


def ordered_article_ids(store: Store) -> list[str]:
    """Every stored article id in the clusterer's order (see ``cluster.sort_key``)."""
    rows = store.conn.execute(
        "SELECT id FROM articles ORDER BY COALESCE(substr(published, 1, 10), ''),"
        " duplicate_of IS NOT NULL, id"
    )
    return [str(row["id"]) for row in rows]


def cluster_store(store: Store, engine: Engine, settings: ClusterSettings | None = None) -> int:
    """Cluster every stored article and replace the stored stories; return how many."""
    ids = ordered_article_ids(store)
    stories = cluster_articles(queries.iter_articles(store, ids), engine, settings)
    return story_store.replace_stories(store, stories)


def run_stories(
    store: Store,
    inputs: Sequence[str],
    settings: Settings,
    engine: str = "local",
    workers: int | None = None,
    out_dir: Path = Path("stories"),
    *,
    dossiers: bool = True,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> Path:
    """Ingest ``inputs``, cluster the store into stories, build the dossier of each story
    told by two or more independent articles, and write ``out_dir/stories.jsonl``."""
    if workers is not None:
        settings = settings.with_(workers=workers)
    if inputs:
        ingest(store, inputs, settings, on_event)
    runner = make_engine(engine, settings.worker_count)
    try:
        cluster_store(store, runner)
    finally:
        runner.close()
    if dossiers:
        build_story_dossiers(store, settings)
    return write_stories(store, out_dir / "stories.jsonl")


def build_story_dossiers(store: Store, settings: Settings) -> int:
    """A dossier for every story with two or more originals (reused when already stored)."""
    from triangulate.pipeline.embed import load_encoder
    from triangulate.runners.dossier import build_for, dossier_id

    encoder = None
    built = 0
    for summary in story_store.story_summaries(store):
        if summary["originals"] < 2:
            continue
        story = story_store.get_story(store, summary["id"])
        ids = [article["id"] for article in story["articles"]]
        identifier = dossier_id(ids)
        if not _dossier_stored(store, identifier):
            encoder = encoder or load_encoder()
            identifier = build_for(store, ids, settings, encoder).id
            built += 1
        story_store.link_dossier(store, summary["id"], identifier)
    return built


def _dossier_stored(store: Store, identifier: str) -> bool:
    row = store.conn.execute("SELECT 1 FROM dossiers WHERE id = ?", (identifier,)).fetchone()
    return row is not None


def story_record(store: Store, story_id: str) -> dict[str, Any]:
    """One line of stories.jsonl: the story and its dossier without the article texts."""
    story = story_store.get_story(store, story_id)
    dossier = None
    if story["dossier_id"]:
        dossier = {"id": story["dossier_id"], **queries.get_dossier(store, story["dossier_id"])}
        dossier["articles"] = [_without_text(a) for a in dossier.get("articles", [])]
    return {
        "story": story["id"],
        "title": story["title"],
        "articles": [article["id"] for article in story["articles"]],
        "originals": story["originals"],
        "first_seen": story["first_seen"],
        "last_seen": story["last_seen"],
        "dossier": dossier,
    }


def _without_text(article: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in article.items() if key not in ("text", "removed")}


def write_stories(store: Store, path: Path) -> Path:
    """Write one JSON line per story, oldest first, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for story_id in story_store.story_ids(store):
                record = story_record(store, story_id)
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
