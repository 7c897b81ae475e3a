"""Building the dossier of stored articles: read, compare, date, summarise, store."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from triangulate.compare.claims import compare
from triangulate.compose.assemble import build_dossier
from triangulate.compose.schema import dossier_to_json, validate_dossier
from triangulate.compose.summary import find_omissions, summarize
from triangulate.compose.timeline import build_timeline
from triangulate.core.progress import Progress, no_progress
from triangulate.errors import TriangulateError
from triangulate.models import Article, Dossier, Reading
from triangulate.nlp.encoder import TextEncoder, load_encoder
from triangulate.readers.stored import read_stored
from triangulate.settings import Settings
from triangulate.store import Store, queries, writes


@dataclass(frozen=True)
class DossierResult:
    """A built dossier: its id (fixed by its set of articles), the record and its JSON."""

    id: str
    dossier: Dossier
    data: dict[str, Any]


def dossier_id(article_ids: Sequence[str]) -> str:
    """The same set of articles always gives the same dossier id."""
    joined = "\n".join(sorted(set(article_ids)))
    return "d" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def build_dossier_of(
    articles: Sequence[Article],
    readings: Sequence[Reading],
    encoder: TextEncoder | None = None,
    on_progress: Progress = no_progress,
) -> DossierResult:
    """Compare, date and summarise read articles into their dossier (nothing is stored)."""
    if not articles:
        raise TriangulateError("no articles to compare: give inputs or stored article ids")
    on_progress("comparing claims", 0, None)
    encoder = encoder or load_encoder()
    claims = compare(articles, readings, encoder)
    on_progress("building the timeline", 0, None)
    timeline = build_timeline(articles, readings, encoder)
    on_progress("summarising", 0, None)
    summary = summarize(articles, readings, claims, timeline)
    omissions = find_omissions(articles, readings, claims)
    dossier = build_dossier(articles, readings, claims, timeline, summary, omissions)
    data = dossier_to_json(dossier)
    validate_dossier(data)
    return DossierResult(dossier_id([a.id for a in articles]), dossier, data)


def build_for(
    store: Store,
    article_ids: Sequence[str],
    settings: Settings,
    encoder: TextEncoder | None = None,
    on_progress: Progress = no_progress,
) -> DossierResult:
    """Read (with the store's cache), compare, date and summarise; store the dossier."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        raise TriangulateError("no articles to compare: give inputs or stored article ids")
    articles = list(queries.iter_articles(store, ids))
    readings = read_stored(store, articles, settings, on_progress)
    result = build_dossier_of(articles, readings, encoder, on_progress)
    writes.save_dossier(store, result.id, _title(articles), ids, result.data)
    return result


def _title(articles: Sequence[Article]) -> str | None:
    originals = [a for a in articles if a.duplicate_of is None and a.title]
    return originals[0].title if originals else None
