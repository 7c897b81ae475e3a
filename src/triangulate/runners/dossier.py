"""Reading stored articles (with a cache in the store) and building their dossier."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from triangulate.errors import TriangulateError
from triangulate.models import Article, Dossier, Reading
from triangulate.pipeline.compare import compare
from triangulate.pipeline.embed import TextEncoder, load_encoder
from triangulate.pipeline.read.reader import (
    READER_VERSION,
    merge_across,
    read_article,
    reading_from_json,
    reading_to_json,
)
from triangulate.pipeline.report import build_dossier, dossier_to_json, validate_dossier
from triangulate.pipeline.summarize import find_omissions, summarize
from triangulate.pipeline.timeline import build_timeline
from triangulate.runners.local import LazyPool, parallel_map
from triangulate.settings import Settings
from triangulate.store import Store, queries, writes

READS_WORTH_A_POOL = 12  # below this, starting workers and loading spaCy twice costs more


def read_stored(store: Store, articles: Sequence[Article], settings: Settings) -> list[Reading]:
    """Readings for ``articles``, recomputed only when the text or the reader changed."""
    cached: dict[str, Reading] = {}
    for article in articles:
        stored = queries.stored_reading(store, article.id)
        if stored and stored[0] == READER_VERSION and stored[1] == article.content_hash:
            cached[article.id] = reading_from_json(stored[2])
    todo = [article for article in articles if article.id not in cached]
    for article, reading in zip(todo, read_each(todo, settings.worker_count), strict=True):
        writes.save_reading(
            store, article.id, READER_VERSION, article.content_hash, reading_to_json(reading)
        )
        cached[article.id] = reading
    return merge_across([cached[article.id] for article in articles])


def read_each(articles: Sequence[Article], workers: int) -> list[Reading]:
    """Read articles one by one, the whole reading of each in a worker process.

    Names are merged within each article here and across articles by the caller.
    """
    with LazyPool(workers, minimum_items=READS_WORTH_A_POOL) as pool:
        return parallel_map(read_article, list(articles), pool.get(len(articles)))


@dataclass(frozen=True)
class DossierResult:
    id: str
    dossier: Dossier
    data: dict[str, Any]


def dossier_id(article_ids: Sequence[str]) -> str:
    """The same set of articles always gives the same dossier id."""
    joined = "\n".join(sorted(set(article_ids)))
    return "d" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def build_for(
    store: Store,
    article_ids: Sequence[str],
    settings: Settings,
    encoder: TextEncoder | None = None,
) -> DossierResult:
    """Read, compare, date and summarise the articles; store and return the dossier."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        raise TriangulateError("no articles to compare: give inputs or stored article ids")
    articles = list(queries.iter_articles(store, ids))
    readings = read_stored(store, articles, settings)
    encoder = encoder or load_encoder()
    claims = compare(articles, readings, encoder)
    timeline = build_timeline(articles, readings, encoder)
    summary = summarize(articles, readings, claims, timeline)
    omissions = find_omissions(articles, readings, claims)
    dossier = build_dossier(articles, readings, claims, timeline, summary, omissions)
    data = dossier_to_json(dossier)
    validate_dossier(data)
    identifier = dossier_id(ids)
    title = _title(articles)
    writes.save_dossier(store, identifier, title, ids, data)
    return DossierResult(identifier, dossier, data)


def _title(articles: Sequence[Article]) -> str | None:
    originals = [a for a in articles if a.duplicate_of is None and a.title]
    return originals[0].title if originals else None


def make_dossier(store: Store, article_ids: list[str], settings: Settings) -> str:
    """Build and store the dossier of ``article_ids``; return its id."""
    return build_for(store, article_ids, settings).id
