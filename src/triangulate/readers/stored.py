"""Readings of stored articles, cached in the store per text and reader version."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from triangulate.core.progress import Progress, no_progress
from triangulate.models import Article, Reading
from triangulate.readers.reader import (
    READER_VERSION,
    merge_across,
    read_article,
    reading_from_json,
    reading_to_json,
)
from triangulate.runners.local import LazyPool, lazy_map
from triangulate.settings import Settings
from triangulate.store import Store, queries, writes

READS_WORTH_A_POOL = 12  # below this, starting workers and loading spaCy twice costs more


def read_stored(
    store: Store,
    articles: Sequence[Article],
    settings: Settings,
    on_progress: Progress = no_progress,
) -> list[Reading]:
    """Readings for ``articles``, recomputed only when the text or the reader changed."""
    cached: dict[str, Reading] = {}
    for article in articles:
        stored = queries.stored_reading(store, article.id)
        if stored and stored[0] == READER_VERSION and stored[1] == article.content_hash:
            cached[article.id] = reading_from_json(stored[2])
    todo = [article for article in articles if article.id not in cached]
    on_progress("articles read", len(cached), len(articles))
    readings = iter_read(todo, settings.worker_count)
    for article, reading in zip(todo, readings, strict=True):
        writes.save_reading(
            store, article.id, READER_VERSION, article.content_hash, reading_to_json(reading)
        )
        cached[article.id] = reading
        on_progress("articles read", len(cached), len(articles))
    return merge_across([cached[article.id] for article in articles])


def read_each(articles: Sequence[Article], workers: int) -> list[Reading]:
    """Read articles one by one, the whole reading of each in a worker process.

    Names are merged within each article here and across articles by the caller.
    """
    return list(iter_read(articles, workers))


def iter_read(articles: Sequence[Article], workers: int) -> Iterator[Reading]:
    """The readings of :func:`read_each`, in order, each as soon as it is done."""
    with LazyPool(workers, minimum_items=READS_WORTH_A_POOL) as pool:
        yield from lazy_map(read_article, list(articles), pool.get(len(articles)))
