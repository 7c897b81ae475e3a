"""Corpus-scale stories: ingest, cluster every stored article, store and write the stories.

The clustering path streams articles from the store in (published, id) order, featurizes
them in batches on an engine (a local process pool, or Ray: :mod:`triangulate.runners.ray`)
and feeds the features to one sequential :class:`StoryClusterer`.  Engines only compute
features, which are pure functions of each article, so every engine gives the same stories.
A batch goes to the engine as a few dozen parts (one task per part, not per article), and
the engine featurizes the next batch while this process clusters the one before.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar

from triangulate.core.files import atomic_file
from triangulate.core.progress import Progress, no_progress
from triangulate.ingest.ingester import IngestEvent, ingest
from triangulate.models import Article, Story
from triangulate.runners import make_runner
from triangulate.runners.local import growing_chunks
from triangulate.settings import Settings
from triangulate.store import Store, queries
from triangulate.store import stories as story_store
from triangulate.stories.cluster import ArticleFeatures, ClusterSettings, StoryClusterer, featurize

BATCH = 1024  # articles featurized per round trip to the workers
# The first batch is short and each next one twice the last, up to BATCH: the clusterer waits
# for the first batch's features with nothing to do (a whole batch on one worker kept it
# idle 0.8 s), and from then on the engine works ahead of it.
FIRST_BATCH = 64
# Tasks per batch: enough for the local pool to use its processes (it does from 64 items
# on) and to share the work evenly, few enough that a task's overhead is spread over ~16
# articles rather than paid per article.
PARTS = 64
T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Runs a step function over a batch of items, results in the batch's order."""

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]: ...

    def close(self) -> None: ...


def slim(article: Article) -> Article:
    """Only what featurize reads, so that less is pickled to the workers."""
    return dataclasses.replace(article, removed=(), source="")


def cluster_articles(
    articles: Iterable[Article],
    engine: Engine,
    settings: ClusterSettings | None = None,
    batch: int = BATCH,
    on_batch: Callable[[int], None] | None = None,
) -> Iterator[Story]:
    """Stories of ``articles`` (given in ``sort_key`` order), each yielded once it is closed;
    ``on_batch`` is told how many articles each batch clustered."""
    clusterer = StoryClusterer(settings)
    chunks = growing_chunks((slim(a) for a in articles), min(FIRST_BATCH, batch), batch)
    # One thread waits on the engine for the next batch's features while this one clusters
    # (the store is read here, on the caller's thread).
    with ThreadPoolExecutor(1, thread_name_prefix="featurize") as ahead:
        pending = _featurize_next(ahead, engine, chunks)
        while pending is not None:
            chunk, future = pending
            features = future.result()
            pending = _featurize_next(ahead, engine, chunks)
            for item in features:
                clusterer.add(item)
            if on_batch is not None:
                on_batch(len(chunk))
            yield from clusterer.drain_closed()
    yield from clusterer.finish()


def featurize_part(articles: Sequence[Article]) -> list[ArticleFeatures]:
    """One task's work: the features of a part of a batch, in order."""
    return [featurize(article) for article in articles]


def in_parts(items: Sequence[T], parts: int = PARTS) -> list[Sequence[T]]:
    """``items`` cut into at most ``parts`` runs of near-equal length, in order."""
    count = min(parts, len(items))
    bounds = [len(items) * k // count for k in range(count + 1)] if count else [0]
    return [items[start:end] for start, end in itertools.pairwise(bounds)]


def _featurize_next(
    ahead: ThreadPoolExecutor, engine: Engine, chunks: Iterator[list[Article]]
) -> tuple[list[Article], Future[list[ArticleFeatures]]] | None:
    chunk = next(chunks, None)
    if chunk is None:
        return None
    return chunk, ahead.submit(_featurize_batch, engine, chunk)


def _featurize_batch(engine: Engine, chunk: list[Article]) -> list[ArticleFeatures]:
    return [item for part in engine.map(featurize_part, in_parts(chunk)) for item in part]


def ordered_article_ids(store: Store) -> list[str]:
    """Every stored article id in the clusterer's order (see ``cluster.sort_key``)."""
    rows = store.conn.execute(
        "SELECT id FROM articles ORDER BY COALESCE(substr(published, 1, 10), ''),"
        " duplicate_of IS NOT NULL, id"
    )
    return [str(row["id"]) for row in rows]


def cluster_store(
    store: Store,
    engine: Engine,
    settings: ClusterSettings | None = None,
    on_progress: Progress = no_progress,
) -> int:
    """Cluster every stored article and replace the stored stories; return how many."""
    ids = ordered_article_ids(store)
    done = 0
    on_progress("articles clustered", done, len(ids))

    def clustered(count: int) -> None:
        nonlocal done
        done += count
        on_progress("articles clustered", done, len(ids))

    stories = cluster_articles(
        queries.iter_articles(store, ids), engine, settings, BATCH, clustered
    )
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
    min_originals: int = 1,
    address: str | None = None,
    on_event: Callable[[IngestEvent], None] | None = None,
    on_progress: Progress = no_progress,
) -> Path:
    """Ingest ``inputs``, cluster the store into stories, build the dossier of each story
    told by ``min_originals`` or more independent articles, and write
    ``out_dir/stories.jsonl``."""
    if workers is not None:
        settings = settings.with_(workers=workers)
    if inputs:
        ingest(store, inputs, settings, on_event)
    # the clusterer runs here, one batch while the engine featurizes the next
    runner = make_runner(engine, settings.worker_count, address, beside_caller=True)
    try:
        cluster_store(store, runner, on_progress=on_progress)
    finally:
        runner.close()
    if dossiers:
        build_story_dossiers(store, settings, on_progress, min_originals)
    return write_stories(store, out_dir / "stories.jsonl")


def build_story_dossiers(
    store: Store,
    settings: Settings,
    on_progress: Progress = no_progress,
    min_originals: int = 1,
) -> int:
    """A dossier for every story told by ``min_originals`` or more independent articles
    (reused when already stored).

    By default every story, one told by a single report too: its dossier has nothing to
    line up, but it dates the event and states its counts and quotes as that source's own
    (single-source claims), which is what a reader of a local incident reported once, or
    of an incident whose reports the clusterer split, comes to the story for. At corpus
    scale, where most stories are one article, ``min_originals=2`` reads only the stories
    there is something to compare in."""
    from triangulate.compose.build import build_for, dossier_id
    from triangulate.nlp.encoder import load_encoder

    encoder = None
    built = 0
    told = [s for s in story_store.story_summaries(store) if s["originals"] >= min_originals]
    for number, summary in enumerate(told):
        on_progress("story dossiers", number, len(told))
        story = story_store.get_story(store, summary["id"])
        ids = [article["id"] for article in story["articles"]]
        identifier = dossier_id(ids)
        if not _dossier_stored(store, identifier):
            encoder = encoder or load_encoder()
            identifier = build_for(store, ids, settings, encoder).id
            built += 1
        story_store.link_dossier(store, summary["id"], identifier)
    on_progress("story dossiers", len(told), len(told))
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
    with atomic_file(path) as stream:
        for story_id in story_store.story_ids(store):
            record = story_record(store, story_id)
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
