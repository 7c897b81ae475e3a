"""The public Python API: a store, and the steps run on it.

The command line and the web app are built on these names and nothing below them::

    import triangulate

    with triangulate.Store("news.db") as store:
        articles = store.ingest(["coverage/"])           # files, folders, URLs, WARC, RSS, JSONL
        d = store.dossier(articles)                        # read, compare, date, summarise, store
        for claim in d.claims:
            print(claim.status, claim.about)
        d.write("out/", ["json", "md", "html"])

    d = triangulate.dossier(articles)  # the same without a store (nothing cached or kept)

Problems with single inputs never raise: they are reported on the returned
:class:`Ingested` (and to ``on_event``). Everything else raises a named
:class:`~triangulate.errors.TriangulateError` whose message is one complete line.
"""

from __future__ import annotations

import functools
import inspect
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from triangulate import models
from triangulate.core.progress import Progress, no_progress
from triangulate.errors import NotFoundError, SettingsError, StoreError, TriangulateError
from triangulate.ingest.ingester import Ingester, IngestEvent, IngestReport
from triangulate.ingest.metadata import GivenMetadata
from triangulate.ingest.uploads import Upload, upload_items
from triangulate.settings import Settings
from triangulate.store import export as store_export
from triangulate.store import open_store, queries
from triangulate.store import stories as story_store
from triangulate.store.backup import backup_store
from triangulate.store.db import Store as Connection
from triangulate.store.export import EXPORT_FORMATS
from triangulate.store.queries import ArticleFilter

# Reading, the dossier, rendering and stories load spaCy, MiniLM and Jinja: they are imported
# where they are used, so that ingesting or listing articles starts in a fraction of a second.
if TYPE_CHECKING:
    from triangulate.compose.build import DossierResult

EventHandler = Callable[[IngestEvent], None]
ArticleRef = models.Article | str
T = TypeVar("T")

__all__ = [
    "EXPORT_FORMATS",
    "ArticleFilter",
    "Dossier",
    "IngestEvent",
    "IngestReport",
    "Ingested",
    "Store",
    "Upload",
    "backup",
    "dossier",
    "read",
]


class Ingested(list[models.Article]):
    """The articles an ingest stored or found stored already, in input order.

    ``report`` holds one event per input (stored, duplicate, unchanged, error);
    ``failed`` tells whether any input could not be ingested.
    """

    def __init__(self, articles: Iterable[models.Article], report: IngestReport) -> None:
        super().__init__(articles)
        self.report = report

    @property
    def events(self) -> list[IngestEvent]:
        return self.report.events

    @property
    def failed(self) -> bool:
        return self.report.failed


class Dossier:
    """One event's dossier: the typed record, its JSON, and its renderings.

    ``claims``, ``timeline``, ``summary``, ``quotes``, ``framing`` and ``articles`` are the
    record's fields (:mod:`triangulate.models`); ``to_dict()`` is the JSON contract
    (``schemas/dossier.schema.json``).
    """

    def __init__(self, result: DossierResult) -> None:
        self.id = result.id
        self.record = result.dossier
        self._data = result.data

    @property
    def articles(self) -> tuple[models.Article, ...]:
        return self.record.articles

    @property
    def claims(self) -> tuple[models.Claim, ...]:
        return self.record.claims

    @property
    def conflicts(self) -> tuple[models.Claim, ...]:
        """Claims whose sources' values differ: contradictions and updates (``difference``)."""
        return tuple(c for c in self.record.claims if c.status == "conflict")

    @property
    def timeline(self) -> tuple[models.TimelineEntry, ...]:
        return self.record.timeline

    @property
    def summary(self) -> tuple[models.SummarySentence, ...]:
        return self.record.summary

    @property
    def quotes(self) -> tuple[tuple[str, models.Quote], ...]:
        return self.record.quotes

    @property
    def framing(self) -> tuple[tuple[str, models.FramingMarker], ...]:
        return self.record.framing

    def to_dict(self) -> dict[str, Any]:
        """The dossier as JSON-ready data, valid against the shipped schema."""
        return self._data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self._data, ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        from triangulate.render.report import render_markdown

        return render_markdown(self.record)

    def to_html(self) -> str:
        """One self-contained page: inline CSS, no scripts, every article text escaped."""
        from triangulate.render.report import render_html

        return render_html(self.record)

    def write(
        self, out_dir: str | Path, formats: Sequence[str] = ("json", "md", "html")
    ) -> list[Path]:
        """Write ``dossier.json`` / ``.md`` / ``.html`` into ``out_dir``, each atomically."""
        from triangulate.render.report import write_dossier

        return write_dossier(self.record, Path(out_dir), formats)

    def __repr__(self) -> str:
        counts = Counter(c.section for c in self.claims)
        shown = ", ".join(f"{counts[s]} {s}" for s in _SHOWN)
        return f"<Dossier {self.id}: {len(self.articles)} articles; {shown}>"


_SHOWN = ("agreed", "conflict", "update", "single")  # each claim's section


def _one_call_at_a_time(cls: type[T]) -> type[T]:
    """Every public method of ``cls`` holds the instance's lock while it runs: a store used
    from several threads runs their calls one after another on its one connection (SQLite
    cannot run two transactions on one connection at once). A thread of its own with a
    store of its own runs alongside: the file takes several writers."""
    for name, member in list(vars(cls).items()):
        if inspect.isfunction(member) and not name.startswith("_"):
            setattr(cls, name, _locked(member))
    return cls


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            if self._closed and method.__name__ != "close":
                raise StoreError(f"{self.settings.db}: the store is closed (open it again)")
            return method(self, *args, **kwargs)

    return call


@_one_call_at_a_time
class Store:
    """A triangulate store: one SQLite file (WAL mode) that any SQLite tool opens.

    ``path`` defaults to the user data directory (or ``$TRIANGULATE_DB``); ``":memory:"``
    keeps everything in memory; with ``create=False`` a missing store is an error. Options
    are those of :class:`~triangulate.settings.Settings` (``workers``, ``max_input_bytes``,
    ``fetch_timeout``...), checked once, here. Threads may share a store: their calls run
    one at a time (a store each runs them side by side).
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        settings: Settings | None = None,
        create: bool = True,
        **options: Any,
    ) -> None:
        self._lock = threading.RLock()
        self._closed = False
        if path is not None and not isinstance(path, (str, Path)):
            raise SettingsError(f"path: give a file name or ':memory:', not {type(path).__name__}")
        base = settings or Settings()
        if path is not None:
            base = base.with_(db_path=Path(path))
        self.settings = base.with_(**options) if options else base
        self.connection: Connection = open_store(
            self.settings.db, create=create, busy_timeout=self.settings.busy_timeout
        )

    @property
    def path(self) -> str:
        return self.connection.path

    def close(self) -> None:
        self.connection.close()
        self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, t: TracebackType | None
    ) -> None:
        self.close()

    # ---------------------------------------------------------------- ingest

    def ingest(
        self,
        inputs: Iterable[str | Path],
        on_event: EventHandler | None = None,
        *,
        outlet: str | None = None,
        title: str | None = None,
        published: str | None = None,
    ) -> Ingested:
        """Ingest files, folders, globs, URLs, WARC, RSS/Atom, JSONL (``"-"``: standard input).

        ``outlet``, ``title`` and ``published`` (an ISO date) are stored as given for every
        plain-text input; a file's sidecar (``story.meta.json`` beside ``story.txt``) gives
        them for that file. An :class:`InputError` when a given value is not valid.
        """
        report = self.ingest_report(
            inputs, on_event, outlet=outlet, title=title, published=published
        )
        return self._ingested(report)

    def ingest_report(
        self,
        inputs: Iterable[str | Path],
        on_event: EventHandler | None = None,
        *,
        outlet: str | None = None,
        title: str | None = None,
        published: str | None = None,
    ) -> IngestReport:
        """:meth:`ingest` without reading the stored articles back: only its report (one
        event per input, naming each article), for a caller that does not need the articles
        themselves (the ``ingest`` command prints counts)."""
        given = given_metadata(outlet=outlet, title=title, published=published)
        ingester = Ingester(self.connection, self.settings)
        return ingester.run(input_list(inputs), on_event, given)

    def ingest_uploads(
        self, uploads: Sequence[Upload], on_event: EventHandler | None = None
    ) -> Ingested:
        """Ingest inputs held in memory: uploaded files, pasted text, typed URLs."""
        items = upload_items(list(uploads), self.settings)
        report = Ingester(self.connection, self.settings).run_items(items, on_event)
        return self._ingested(report)

    def gather(
        self, inputs: Iterable[str | Path], on_event: EventHandler | None = None
    ) -> Ingested:
        """Stored article ids as they are, everything else ingested first: the articles of
        both, in input order (an id that is also a path on disk is taken as the path)."""
        given = input_list(inputs)
        stored = {i for i in given if self.has_article(i) and not Path(i).exists()}
        report = self.ingest_report([i for i in given if i not in stored], on_event)
        ids = [i for i in given if i in stored] + report.article_ids
        return Ingested(self.articles(list(dict.fromkeys(ids))), report)

    def _ingested(self, report: IngestReport) -> Ingested:
        ids = list(dict.fromkeys(report.article_ids))
        return Ingested(queries.iter_articles(self.connection, ids) if ids else [], report)

    # ---------------------------------------------------------------- articles

    def has_article(self, article_id: str) -> bool:
        return queries.article_exists(self.connection, article_id)

    def article(self, article_id: str) -> models.Article:
        """One stored article; :class:`NotFoundError` when there is none."""
        return queries.get_article(self.connection, article_id)

    def articles(self, ids: Sequence[str] | None = None) -> list[models.Article]:
        """Stored articles: those of ``ids`` in that order, or all of them."""
        chosen = reference_ids(ids) if ids is not None else None
        return list(queries.iter_articles(self.connection, chosen))

    def article_rows(self) -> list[dict[str, Any]]:
        """One summary row per article (id, outlet, title, published, language, words...)."""
        return queries.article_summaries(self.connection)

    def article_page(
        self, kept: ArticleFilter, limit: int, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of the summary rows a filter keeps, and how many it keeps in all."""
        return queries.article_page(self.connection, kept, limit, offset)

    def article_rows_of(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Summary rows of the given ids that are stored, in that order."""
        return queries.article_summaries_of(self.connection, list(ids))

    def article_count(self) -> int:
        return queries.article_count(self.connection)

    def outlets(self, limit: int = 1000) -> list[str]:
        """Distinct outlet names, alphabetically."""
        return queries.outlets(self.connection, limit)

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Articles whose text, title or outlet match an SQLite FTS5 query, best first."""
        if not isinstance(query, str):
            raise SettingsError(f"query: give words as text, not {type(query).__name__}")
        _check_whole_number("limit", limit, 0)
        return queries.search_articles(self.connection, query, limit=limit)

    def original(self, article_id: str) -> tuple[str, bytes]:
        """(media type, bytes) of the article as it was received."""
        return queries.original(self.connection, article_id)

    def record(self, article: models.Article) -> dict[str, Any]:
        """An article as plain data, in the documented JSONL field order."""
        return store_export.article_record(article)

    # ---------------------------------------------------------------- reading and dossiers

    def read(
        self, articles: Sequence[ArticleRef] | None = None, on_progress: Progress = no_progress
    ) -> list[models.Reading]:
        """Readings of stored articles (all when ``None``), cached in the store;
        ``on_progress(stage, done, total)`` is told as articles are read."""
        from triangulate.readers.stored import read_stored

        chosen = self._articles(articles) if articles is not None else self.articles()
        return read_stored(self.connection, chosen, self.settings, on_progress)

    def stored_reading(self, article: models.Article) -> dict[str, Any] | None:
        """The cached reading of an article's present text as JSON data, if it was read."""
        stored = queries.stored_reading(self.connection, article.id)
        return stored[2] if stored and stored[1] == article.content_hash else None

    def dossier(
        self, articles: Sequence[ArticleRef], on_progress: Progress = no_progress
    ) -> Dossier:
        """Build the dossier of stored articles (or their ids), store it and return it;
        ``on_progress(stage, done, total)`` is told of each step."""
        from triangulate.compose.build import build_for

        ids = reference_ids(articles)
        return Dossier(build_for(self.connection, ids, self.settings, on_progress=on_progress))

    def dossier_rows(self) -> list[dict[str, Any]]:
        return queries.dossier_summaries(self.connection)

    def dossier_page(self, limit: int, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """One page of dossiers, latest first, and how many there are."""
        rows = queries.dossier_summaries(self.connection, limit, offset)
        return rows, queries.dossier_count(self.connection)

    def dossier_data(self, dossier_id: str) -> dict[str, Any]:
        """A stored dossier's JSON; :class:`NotFoundError` when there is none."""
        return queries.get_dossier(self.connection, dossier_id)

    def dossier_meta(self, dossier_id: str) -> dict[str, Any] | None:
        return queries.dossier_meta(self.connection, dossier_id)

    def dossiers_with(self, article_id: str) -> list[dict[str, Any]]:
        """The stored dossiers that cite an article."""
        return queries.dossiers_with_article(self.connection, article_id)

    def article_stamp(self, article: models.Article) -> tuple[object, ...]:
        """What an article's page is made from, compared cheaply: the article as stored, the
        version of its reading (if it reads the present text) and the dossiers built from it
        (id, creation time, size). Equal stamps mean the same page; nothing large is parsed."""
        reading = queries.reading_stamp(self.connection, article.id)
        read_as = reading[0] if reading and reading[1] == article.content_hash else None
        dossiers = tuple(queries.dossier_stamps_with_article(self.connection, article.id))
        return (article, read_as, dossiers)

    def _articles(self, refs: Sequence[ArticleRef]) -> list[models.Article]:
        return self.articles(reference_ids(refs))

    # ---------------------------------------------------------------- stories

    def stories(
        self,
        inputs: Iterable[str | Path] = (),
        *,
        engine: str = "local",
        address: str | None = None,
        out_dir: str | Path = "stories",
        dossiers: bool = True,
        min_originals: int = 1,
        on_event: EventHandler | None = None,
        on_progress: Progress = no_progress,
    ) -> Path:
        """Ingest ``inputs``, group every stored article into stories, build a dossier per
        story told by ``min_originals`` or more independent articles (by default every
        story); write ``out_dir/stories.jsonl``."""
        from triangulate.stories import run as story_run

        _check_whole_number("min_originals", min_originals, 1)
        return story_run.run_stories(
            self.connection,
            input_list(inputs),
            self.settings,
            engine,
            out_dir=Path(out_dir),
            dossiers=dossiers,
            min_originals=min_originals,
            address=address,
            on_event=on_event,
            on_progress=on_progress,
        )

    def story_rows(self, minimum_articles: int = 1) -> list[dict[str, Any]]:
        return story_store.story_summaries(self.connection, minimum_articles)

    def story_members(
        self, story_ids: Sequence[str] | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        return story_store.story_members(
            self.connection, list(story_ids) if story_ids is not None else None
        )

    def story_page(
        self, kept: ArticleFilter | None, limit: int, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of stories, latest first (with a filter, those telling an article it
        keeps), and how many there are."""
        where = kept.where() if kept else None
        return story_store.story_page(self.connection, where, limit, offset)

    def story_count(self) -> int:
        return story_store.story_count(self.connection)

    def find_story(self, story_id: str) -> dict[str, Any] | None:
        return story_store.find_story(self.connection, story_id)

    def story_of(self, article_id: str) -> dict[str, Any] | None:
        """The summary of the story an article belongs to, if stories were built."""
        story_id = story_store.story_of_article(self.connection, article_id)
        return story_store.story_summary(self.connection, story_id) if story_id else None

    # ---------------------------------------------------------------- export

    def export(self, fmt: str, out: str | Path | None = None) -> None:
        """Everything stored, text included, as ``jsonl``, ``csv`` or ``parquet``
        (to ``out``, or standard output)."""
        store_export.export_articles(self.connection, fmt, Path(out) if out is not None else None)

    def exported(self, fmt: str) -> bytes:
        """Everything stored, as :meth:`export` writes it, as bytes."""
        return store_export.exported(self.connection, fmt)


def count_inputs(inputs: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold, when a quick look tells (files, folders, JSONL);
    None when some cannot be counted before they are read (URLs, WARC, feeds, stdin)."""
    from triangulate.ingest.inputs import count_documents

    return count_documents(input_list(inputs))


def given_metadata(
    *, outlet: str | None = None, title: str | None = None, published: str | None = None
) -> GivenMetadata:
    """Checked metadata given with inputs (an :class:`InputError` names the bad value)."""
    values = {"outlet": outlet, "title": title, "published": published}
    return GivenMetadata.of("given metadata", values)


def backup(store_path: str | Path, dest: str | Path) -> Path:
    """A consistent copy of the store file at ``store_path`` (WAL included) at ``dest``
    (a file, or a folder), made with SQLite's online backup API while writers go on."""
    return backup_store(store_path, dest)


def dossier_formats() -> tuple[str, ...]:
    """The formats a dossier can be written in (``Dossier.write``)."""
    from triangulate.render.report import FORMAT_FILES

    return tuple(FORMAT_FILES)


def read(articles: Iterable[models.Article], workers: int = 1) -> list[models.Reading]:
    """Read articles without a store: sentences, entities, dates, figures, quotes, framing."""
    from triangulate.readers.reader import merge_across
    from triangulate.readers.stored import read_each

    return merge_across(read_each(article_list(articles), workers))


def dossier(articles: Iterable[models.Article], workers: int = 1) -> Dossier:
    """The dossier of articles without a store (nothing is cached or kept)."""
    chosen = article_list(articles)  # once: a generator is read through only once
    if not chosen:
        raise TriangulateError("no articles to compare: give at least one article")
    from triangulate.compose.build import build_dossier_of

    return Dossier(build_dossier_of(chosen, read(chosen, workers)))


# The arguments of the API, checked once where they come in: a wrong kind is a named error
# in one line, not a Python error from deep inside (or, for a string, its characters read
# one by one: "one.txt" as the inputs "o", "n", "e", ".", ...).


def input_list(inputs: Iterable[str | Path] | str | Path) -> list[str]:
    """The inputs as text: one path or URL, or any number of them."""
    if isinstance(inputs, (str, Path)):
        return [str(inputs)]
    items = _listed(inputs, "inputs", "a list of files, folders, globs, URLs or '-'")
    for item in items:
        if not isinstance(item, (str, Path)):
            raise SettingsError(f"inputs: each is a path or a URL, not {type(item).__name__}")
    return [str(item) for item in items]


def article_list(articles: Iterable[models.Article] | models.Article) -> list[models.Article]:
    """Articles as records (an id or a path is not one: ``store.articles`` gives them)."""
    if isinstance(articles, models.Article):
        return [articles]
    items = _listed(articles, "articles", "a list of articles (store.articles(), store.ingest())")
    for item in items:
        if not isinstance(item, models.Article):
            raise SettingsError(
                f"articles: each is an Article (from store.articles() or store.ingest()),"
                f" not {type(item).__name__}"
            )
    return items


def reference_ids(refs: Iterable[ArticleRef] | ArticleRef) -> list[str]:
    """The ids of stored articles given as articles or ids."""
    if isinstance(refs, (str, models.Article)):
        refs = [refs]
    items = _listed(refs, "articles", "a list of stored articles or their ids")
    for item in items:
        if not isinstance(item, (str, models.Article)):
            raise SettingsError(f"articles: each is an Article or an id, not {type(item).__name__}")
    return [item if isinstance(item, str) else item.id for item in items]


def _check_whole_number(name: str, value: object, least: int) -> None:
    """Refuse anything but a whole number of ``least`` or more (``True`` is no number)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise SettingsError(f"{name}: give a whole number of {least} or more, not {value!r}")


def _listed(values: object, name: str, wanted: str) -> list[Any]:
    if isinstance(values, (bytes, dict)) or not isinstance(values, Iterable):
        raise SettingsError(f"{name}: give {wanted}, not {type(values).__name__}")
    return list(values)


def find_article(store: Store, article_id: str) -> models.Article | None:
    """A stored article or None (for callers that try several spellings of an id)."""
    try:
        return store.article(article_id)
    except NotFoundError:
        return None
