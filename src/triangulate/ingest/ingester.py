"""Ingest: stream documents through preparation (in worker processes) into one store.

The duplicate policy lives here: an exact input stored already is "unchanged", the same text
under another id is reported, a near-identical copy is linked to its original (the earliest
published), and two sources with one file name get distinct ids.

Documents go in chunks: workers prepare a chunk (extract, clean) while this process stores
what they have finished, taking the store's write lock only for each store step. Events are
told once their write is committed: an article reported "stored" is in the store.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from typing import Any, TypeVar

from triangulate.core.dates import given_publication
from triangulate.errors import InputError, TriangulateError
from triangulate.ingest import dedupe
from triangulate.ingest.clean import BoilerplateMemory
from triangulate.ingest.decode import decode_text
from triangulate.ingest.inputs import Item, RawDocument, iter_documents, storable
from triangulate.ingest.metadata import GivenMetadata
from triangulate.ingest.prepare import Prepared, prepare_document
from triangulate.models import Article
from triangulate.runners.local import LazyPool, chunked
from triangulate.settings import Settings
from triangulate.store import Store, queries, writes

T = TypeVar("T")
R = TypeVar("R")
CHUNK = 128
# A chunk is stored in writes of about this many bytes of originals (a chunk of plain texts
# is usually one write): each starts once the documents it writes are prepared, so that the
# last documents of a batch are not stored all together after the workers are done.
WRITE_BYTES = 1 << 20
# When a batch starts with this many HTML pages, they go to the workers as soon as they are
# read, before the rest of the first chunk: the workers start while this process reads it.
EARLY_PAGES = 8


@dataclass(frozen=True)
class IngestEvent:
    kind: str  # stored, unchanged, duplicate, error
    source: str
    article: str | None = None
    message: str = ""


@dataclass
class IngestReport:
    events: list[IngestEvent] = field(default_factory=list)
    relinked: list[str] = field(default_factory=list)  # earlier articles found to be copies

    @property
    def copies(self) -> int:
        return self.count("duplicate") + len(self.relinked)

    def count(self, kind: str) -> int:
        return sum(1 for event in self.events if event.kind == kind)

    @property
    def failed(self) -> bool:
        return self.count("error") > 0

    @property
    def article_ids(self) -> list[str]:
        return [e.article for e in self.events if e.article and e.kind != "error"]


# What is ready to write: a document with its preparation, or an input's event (stored
# already, not readable)
_Ready = tuple[RawDocument, Prepared | InputError] | IngestEvent


@dataclass
class _Chunk:
    items: list[RawDocument | IngestEvent]
    done: list[IngestEvent | None]  # an "unchanged" event for inputs stored already
    prepared: Iterator[Prepared | InputError]  # one per fresh document, computed meanwhile


def _for_worker(document: RawDocument) -> RawDocument:
    """What a worker needs: decoded text goes without its bytes (they stay here to be stored)."""
    if document.kind == "text" and document.text is not None:
        return _with_fields(document, data=b"")
    return document


def _with_fields(document: RawDocument, **changes: object) -> RawDocument:
    """``dataclasses.replace`` without making every field storable again: they were when the
    document was read, and a replace ran that over all of them, its text encoded whole once
    more, twice per document (a new value given here must be storable already)."""
    copied = copy.copy(document)
    for name, value in changes.items():
        object.__setattr__(copied, name, value)
    return copied


class Ingester:
    """Ingests documents into one store, remembering boilerplate and wire copies across batches."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.memory = BoilerplateMemory.from_rows(queries.boilerplate_rows(store))
        self.duplicates = dedupe.DuplicateIndex(settings.near_duplicate_threshold)
        self.relinked: list[str] = []  # stored articles that turned out to be copies
        for article_id, data in queries.recent_signatures(store, self.duplicates.window):
            self.duplicates.add(article_id, dedupe.from_bytes(data))

    def run(
        self,
        inputs: Sequence[str],
        on_event: Callable[[IngestEvent], None] | None = None,
        given: GivenMetadata | None = None,
    ) -> IngestReport:
        """``given``: an outlet, title or date for the plain-text inputs."""
        return self.run_items(iter_documents(inputs, self.settings, given), on_event)

    def run_items(
        self, items: Iterable[Item], on_event: Callable[[IngestEvent], None] | None = None
    ) -> IngestReport:
        """Ingest documents already read (files, uploads); events come out in input order.

        Chunks overlap: workers prepare the next chunk while this process stores the last.
        """
        report = IngestReport()
        emit = partial(_record, report, on_event)
        with LazyPool(
            self.settings.worker_count,
            time_limit=self.settings.item_time_limit,
            isolate=self.settings.isolate_workers,
        ) as pool:
            pending: _Chunk | None = None
            for chunk, early in self._chunks(iter(items), pool):
                submitted = self._submit(chunk, pool, early)
                if pending is not None:
                    self._store_chunk(pending, emit)
                pending = submitted
                self.memory.prune()
            if pending is not None:
                self._store_chunk(pending, emit)
        writes.save_boilerplate_counts(self.store, self.memory.rows())
        report.relinked = list(self.relinked)
        return report

    def _chunks(
        self, items: Iterator[Item], pool: LazyPool
    ) -> Iterator[tuple[list[Item], _Chunk | None]]:
        """The batch in chunks of CHUNK items, the first with its leading HTML pages
        submitted already when there are EARLY_PAGES of them (the chunks are the same either
        way: a chunk of plain texts is counted whole in the boilerplate memory)."""
        size = min(EARLY_PAGES, CHUNK)
        head = list(islice(items, size))
        early = None
        if (
            len(head) == size
            and pool.uses_processes(size)
            and all(isinstance(item, RawDocument) and item.kind == "html" for item in head)
        ):
            early = self._submit(head, pool)  # the workers start on these now
        first = ([] if early else head) + list(islice(items, CHUNK - len(head)))
        if first or early is not None:
            yield first, early
        for chunk in chunked(items, CHUNK):
            yield chunk, None

    def _submit(self, chunk: list[Item], pool: LazyPool, early: _Chunk | None = None) -> _Chunk:
        """Decode, skip what is stored already, and hand the rest to the workers; after the
        ``early`` part of this chunk, submitted before."""
        if early is not None:
            rest = self._submit(chunk, pool)
            return _Chunk(
                early.items + rest.items,
                early.done + rest.done,
                chain(early.prepared, rest.prepared),
            )
        items = [self._decoded(item) for item in chunk]
        done = [self._unchanged(item) for item in items]
        fresh = [
            item for item, seen in zip(items, done, strict=True)
            if isinstance(item, RawDocument) and seen is None
        ]  # fmt: skip
        # the whole chunk is counted before any text is cleaned: a line repeated across the
        # batch is known as such from its first document on
        keys = [self._count(document) for document in fresh]
        jobs = [
            (
                _for_worker(document),
                None if lines is None else self.memory.for_keys(lines, document.outlet),
            )
            for document, lines in zip(fresh, keys, strict=True)
        ]
        return _Chunk(items, done, _prepare_all(jobs, pool, self.settings))

    def _store_chunk(self, chunk: _Chunk, emit: Callable[[IngestEvent], None]) -> None:
        """Store one chunk, in input order, in writes of about WRITE_BYTES, telling each
        write's events once it is committed.

        A write's documents are all prepared before the write lock is taken, so another
        writer waits only for the writes; each article is written atomically (see
        writes.batch).
        """
        write: list[_Ready] = []
        size = 0
        for item, unchanged in zip(chunk.items, chunk.done, strict=True):
            if isinstance(item, IngestEvent):
                write.append(item)
            elif unchanged is not None:
                write.append(unchanged)
            else:
                write.append((item, next(chunk.prepared)))  # waits for the workers
                size += len(item.data)
            if size >= WRITE_BYTES:
                self._write(write, emit)
                write, size = [], 0
        self._write(write, emit)

    def _write(self, ready: list[_Ready], emit: Callable[[IngestEvent], None]) -> None:
        if not ready:
            return
        events: list[IngestEvent] = []
        with writes.batch(self.store):
            for entry in ready:
                if isinstance(entry, IngestEvent):
                    events.append(entry)
                else:
                    self._store(*entry, events.append)
        for event in events:  # committed: an article told as stored is in the store
            emit(event)

    def _count(self, document: RawDocument) -> frozenset[str] | None:
        """Count a text's lines in the batch's boilerplate memory."""
        if document.kind != "text" or document.text is None:
            return None
        return self.memory.add_document(document.text, document.outlet)

    def _decoded(self, item: Item) -> RawDocument | IngestEvent:
        if isinstance(item, InputError):
            return IngestEvent("error", item.source, message=str(item))
        if item.kind != "text" or item.text is not None:
            return item
        try:
            return _with_fields(item, text=storable(decode_text(item.data, item.source)))
        except InputError as error:
            return IngestEvent("error", item.source, message=str(error))

    def _unchanged(self, item: RawDocument | IngestEvent) -> IngestEvent | None:
        """An event when this exact input is already stored under its id."""
        if isinstance(item, IngestEvent) or item.id is None:
            return None
        try:
            _, data = queries.original(self.store, item.id)
        except TriangulateError:
            return None
        if data != item.data:
            return None
        return IngestEvent("unchanged", item.source, item.id, "already stored")

    def _store(
        self,
        document: RawDocument,
        prepared: Prepared | InputError,
        emit: Callable[[IngestEvent], None],
    ) -> None:
        if isinstance(prepared, InputError):
            emit(IngestEvent("error", document.source, message=str(prepared)))
            return
        article = self._with_unique_id(prepared.article)
        if article.id != prepared.article.id:  # stored under its suffixed id already?
            known = self._unchanged(dataclasses.replace(document, id=article.id))
            if known is not None:
                emit(known)
                return
        same = queries.find_by_content_hash(self.store, article.content_hash)
        if same is not None and same != article.id:
            emit(IngestEvent("unchanged", document.source, same, f"same text as {same}"))
            return
        minhash = dedupe.from_bytes(prepared.signature)
        original = self._original_for(article, minhash)
        if original is not None:
            article = dataclasses.replace(article, duplicate_of=original)
        writes.save_article(self.store, article, document.data, prepared.signature)
        self.duplicates.add(article.id, minhash)
        kind = "duplicate" if original else "stored"
        emit(
            IngestEvent(
                kind, document.source, article.id, f"copy of {original}" if original else ""
            )
        )

    def _original_for(self, article: Article, minhash: dedupe.MinHash) -> str | None:
        """The original this article copies; an earlier-published copy becomes the original."""
        found = self.duplicates.original_of(article.id, minhash)
        if found is None:
            return None
        original = queries.get_article(self.store, found)
        if original.duplicate_of is not None:
            original = queries.get_article(self.store, original.duplicate_of)
        if _known_date(article) and (_known_date(original) or "9999") > _known_date(article):
            writes.relink_copies(self.store, original.id, article.id)
            self.relinked.append(original.id)
            return None
        return original.id

    def _with_unique_id(self, article: Article) -> Article:
        """Two different sources with the same file name get distinct ids, and so does
        another text under a stored source's name (a file of that name in another folder,
        an upload of that name, an edited file): a stored article is never replaced, so the
        dossiers that cite it keep their spans. The same source's same text keeps its id."""
        for _ in range(3):  # the suffixed id may be taken too: a source's, then a text's
            stored = queries.source_and_hash_of(self.store, article.id)
            if stored is None:
                return article
            source, content_hash = stored
            if source != article.source:
                suffix = dedupe_suffix(article.source)
            elif content_hash == article.content_hash:
                return article
            else:
                suffix = dedupe_suffix(article.content_hash)
            article = dataclasses.replace(article, id=f"{article.id}-{suffix}")
        return article


def dedupe_suffix(source: str) -> str:
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:6]


def _known_date(article: Article) -> str:
    """The publication date when it was found, not guessed ("" otherwise)."""
    return given_publication(article.published, article.published_inferred) or ""


Job = tuple[RawDocument, BoilerplateMemory | None]


def _prepare(job: Job, settings: Settings) -> Prepared | InputError:
    document, memory = job
    return prepare_document(document, memory, settings)


def _failed_job(job: Job, reason: str) -> InputError:
    """A document whose preparation stopped its worker or ran out of time: its own error."""
    return InputError(job[0].source, reason, "the rest of the batch went on")


# Plain texts are prepared in groups: one of them takes about as long as sending it to a
# worker and its article back, so one by one the passing of messages would cost as much
# again as the work (HTML pages, each tens of times longer, go one by one). Groups of up to
# TEXT_GROUP, fewer messages; at least two groups per worker in a chunk, so that a small
# batch is still shared out.
TEXT_GROUP = 32
SMALLEST_TEXT_GROUP = 8


def _text_group(jobs: int, workers: int) -> int:
    return max(SMALLEST_TEXT_GROUP, min(TEXT_GROUP, jobs // (2 * workers)))


def _prepare_all(
    jobs: list[Job], pool: LazyPool, settings: Settings
) -> Iterator[Prepared | InputError]:
    """Start preparing ``jobs`` now; their results in order, each failure its document's own."""
    if pool.uses_processes(len(jobs)) and any(job[0].kind == "html" for job in jobs):
        # here, before the workers fork, so that they inherit it: a batch of plain texts
        # never imports the extractor (trafilatura)
        from triangulate.ingest.extract import prepare_workers

        prepare_workers()  # once here rather than once in every worker
    prepare = partial(_prepare, settings=settings)
    group = _text_group(len(jobs), pool.workers)
    return map_in_groups(pool, prepare, jobs, _failed_job, _is_text, group)


def _is_text(job: Job) -> bool:
    return job[0].kind == "text"


def map_in_groups(
    pool: LazyPool,
    func: Callable[[T], R],
    items: Sequence[T],
    on_failure: Callable[[T, str], R],
    groupable: Callable[[T], bool],
    size: int,
) -> Iterator[R]:
    """``pool.map(func, items, on_failure)``, consecutive ``groupable`` items sent to a worker
    together, up to ``size``: one message each way per group. Work starts now.

    A group that stopped its worker or ran over the time limit is run again one item at a
    time, so that a failure stays its own item's.
    """
    groups = _groups(items, groupable, size)
    results: Iterator[list[R] | None] = pool.map(partial(_run_group, func), groups, _group_failed)
    return _ungrouped(pool, func, on_failure, groups, results)


def _groups(items: Sequence[T], groupable: Callable[[T], bool], size: int) -> list[list[T]]:
    groups: list[list[T]] = []
    for item in items:
        last = groups[-1] if groups else None
        if last and len(last) < size and groupable(item) and groupable(last[0]):
            last.append(item)
        else:
            groups.append([item])
    return groups


def _run_group(func: Callable[[T], R], group: list[T]) -> list[R] | None:
    return [func(item) for item in group]


def _group_failed(group: list[Any], reason: str) -> None:
    return None  # run again item by item


def _ungrouped(
    pool: LazyPool,
    func: Callable[[T], R],
    on_failure: Callable[[T, str], R],
    groups: list[list[T]],
    results: Iterator[list[R] | None],
) -> Iterator[R]:
    for group, result in zip(groups, results, strict=True):
        yield from pool.map(func, group, on_failure) if result is None else result


def _record(
    report: IngestReport, on_event: Callable[[IngestEvent], None] | None, event: IngestEvent
) -> None:
    report.events.append(event)
    if on_event is not None:
        on_event(event)


def ingest(
    store: Store,
    inputs: Sequence[str],
    settings: Settings,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Ingest every input into ``store``; problems are reported, never raised."""
    return Ingester(store, settings).run(inputs, on_event)
