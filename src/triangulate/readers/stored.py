"""Readings of stored articles, cached in the store per text and reader version."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial

from triangulate.core.progress import Progress, no_progress
from triangulate.models import Article, Reading
from triangulate.readers.reader import (
    MAX_READ_CHARS,
    READER_VERSION,
    capped,
    log,
    merge_across,
    read_article,
    reading_from_json,
    reading_to_json,
)
from triangulate.runners.local import LazyPool
from triangulate.settings import Settings
from triangulate.store import Store, queries, writes

READS_WORTH_A_POOL = 12  # below this, starting workers and loading spaCy twice costs more


def read_stored(
    store: Store,
    articles: Sequence[Article],
    settings: Settings,
    on_progress: Progress = no_progress,
) -> list[Reading]:
    """Readings for ``articles``, recomputed only when the text or the reader changed;
    ``on_progress`` is told how many of them are read."""
    cached: dict[str, Reading] = {}
    for article in articles:
        stored = queries.stored_reading(store, article.id)
        if stored and stored[0] == READER_VERSION and stored[1] == article.content_hash:
            cached[article.id] = capped(reading_from_json(stored[2]))
    todo = [article for article in articles if article.id not in cached]
    on_progress("articles read", len(cached), len(articles))
    fresh = _read_all(
        todo,
        settings.worker_count,
        settings.max_article_chars,
        settings.item_time_limit,
        settings.isolate_workers,
    )
    for article, reading in zip(todo, fresh, strict=True):
        if reading is None:  # could not be read: nothing to cache, an empty reading instead
            cached[article.id] = empty_reading(article)
        else:
            writes.save_reading(
                store, article.id, READER_VERSION, article.content_hash, reading_to_json(reading)
            )
            cached[article.id] = reading
        on_progress("articles read", len(cached), len(articles))
    return merge_across([cached[article.id] for article in articles])


def read_each(
    articles: Sequence[Article],
    workers: int,
    max_chars: int = MAX_READ_CHARS,
    time_limit: float | None = None,
) -> list[Reading]:
    """Read articles one by one, the whole reading of each in a worker process; an article
    whose reading stopped its worker or ran out of time gets an empty reading (and an error
    line naming it).

    Names are merged within each article here and across articles by the caller.
    """
    readings = _read_all(articles, workers, max_chars, time_limit, isolate=False)
    return [
        reading or empty_reading(article)
        for article, reading in zip(articles, readings, strict=True)
    ]


def _read_all(
    articles: Sequence[Article],
    workers: int,
    max_chars: int,
    time_limit: float | None,
    isolate: bool,
) -> Iterator[Reading | None]:
    """The readings in order, each as soon as it is done (None: it could not be read)."""
    read = partial(read_article, max_chars=max_chars)
    with LazyPool(
        workers, minimum_items=READS_WORTH_A_POOL, time_limit=time_limit, isolate=isolate
    ) as pool:
        yield from pool.map(read, list(articles), _unread)


def _unread(article: Article, reason: str) -> None:
    # an error, not a warning: the batch goes on without this article's reading, and the
    # command line ends with exit code 1, as for any input that failed
    log.error("%s: could not be read: %s", article.id, reason)


def empty_reading(article: Article) -> Reading:
    """The reading of an article nothing could be read from."""
    return Reading(article=article.id, version=READER_VERSION, published=article.published,
                   published_inferred=article.published_inferred)  # fmt: skip
