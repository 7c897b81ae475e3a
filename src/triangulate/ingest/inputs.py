"""Turn inputs into raw documents: files, folders, globs, URLs, WARC, feeds, JSONL, stdin.

Each input yields :class:`RawDocument` records, or an :class:`InputError` for what could not be
read, so that one bad input never stops the batch.
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from triangulate.errors import InputError
from triangulate.ingest.decode import decode_text, gunzip, looks_binary
from triangulate.ingest.fetch import fetch
from triangulate.ingest.metadata import SIDECAR_SUFFIX, GivenMetadata, read_sidecar
from triangulate.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | {".warc"}


@dataclass(frozen=True)
class RawDocument:
    """One article as received, before cleaning."""

    source: str  # path, URL, "file.warc.gz#3", "file.jsonl:12" or "<stdin>"
    data: bytes  # the original bytes, kept in the store
    kind: str  # "text" or "html"
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    text: str | None = None  # already decoded text when the container gave one
    fully_extracted: bool = True
    outlet_inferred: bool = False  # a JSONL export's outlet that was read from the text


def with_given(document: RawDocument, given: GivenMetadata | None) -> RawDocument:
    """The document with the metadata given for it where it has none of its own."""
    if not given:
        return document
    return replace(
        document,
        outlet=given.outlet or document.outlet,
        outlet_inferred=document.outlet_inferred and not given.outlet,
        title=given.title or document.title,
        published=given.published or document.published,
    )


Item = RawDocument | InputError


def iter_documents(
    inputs: Sequence[str], settings: Settings, given: GivenMetadata | None = None
) -> Iterator[Item]:
    """Every document behind the inputs, in order; problems come as InputError items.

    ``given`` (an outlet, title or date from the command line) applies to plain-text
    documents; a text or HTML file's sidecar (``story.meta.json`` beside ``story.txt``)
    applies to that file and wins over ``given``.
    """
    for spec in inputs:
        try:
            yield from _expand(spec, settings, given)
        except InputError as error:
            yield error


def _expand(spec: str, settings: Settings, given: GivenMetadata | None) -> Iterator[Item]:
    if spec == "-":
        yield from _from_bytes(
            "<stdin>", sys.stdin.buffer.read(settings.max_input_bytes + 1), settings, given
        )
    elif spec.startswith(("http://", "https://")):
        yield from _from_url(spec, settings)
    elif Path(spec).is_dir():
        yield from _from_folder(Path(spec), settings, given)
    elif Path(spec).exists():
        yield from _from_file(Path(spec), settings, given)
    elif glob.has_magic(spec):
        yield from _from_glob(spec, settings, given)
    else:
        raise InputError(spec, "no such file, folder or URL", "check the path")


def _from_glob(pattern: str, settings: Settings, given: GivenMetadata | None) -> Iterator[Item]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        raise InputError(pattern, "matches no file", "check the pattern")
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _from_folder(path, settings, given)
        elif not path.name.endswith(SIDECAR_SUFFIX):
            yield from _from_file(path, settings, given)


def _from_folder(folder: Path, settings: Settings, given: GivenMetadata | None) -> Iterator[Item]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and _suffix(path) in KNOWN_SUFFIXES:
            yield from _from_file(path, settings, given)


def _suffix(path: Path) -> str:
    """The meaningful suffix, looking through a trailing .gz."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def file_id(path: Path) -> str:
    """The file name without its extensions: ``a/b/story.html.gz`` -> ``story``."""
    name = path.name
    while True:
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem or f".{ext.lower()}" not in KNOWN_SUFFIXES | {".gz"}:
            return name
        name = stem


def url_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def _from_file(path: Path, settings: Settings, given: GivenMetadata | None) -> Iterator[Item]:
    if _suffix(path) == ".warc":
        yield from _from_warc(path, settings)
        return
    data = _read_file(path, settings)
    try:
        sidecar = _sidecar(path, settings)
    except InputError as error:  # the file is not ingested without what was given for it
        problem = f"its sidecar {Path(error.source).name} {error.problem}"
        yield InputError(str(path), problem, error.hint)
        return
    yield from documents_from_bytes(str(path), data, settings, given, sidecar)


def sidecar_path(path: Path) -> Path:
    """Where a file's sidecar is: ``story.meta.json`` beside ``story.txt``."""
    return path.with_name(file_id(path) + SIDECAR_SUFFIX)


def _sidecar(path: Path, settings: Settings) -> GivenMetadata | None:
    """The metadata in the file's sidecar, if it has one."""
    where = sidecar_path(path)
    if _suffix(path) not in TEXT_SUFFIXES | HTML_SUFFIXES or not where.is_file():
        return None
    return read_sidecar(str(where), _read_file(where, settings))


def documents_from_bytes(
    name: str,
    data: bytes,
    settings: Settings,
    given: GivenMetadata | None = None,
    sidecar: GivenMetadata | None = None,
) -> Iterator[Item]:
    """Documents in ``data`` as if read from a file called ``name`` (files and uploads);
    ``given`` applies if it is plain text, ``sidecar`` if it is one text or HTML page."""
    path = Path(name)
    suffix = _suffix(path)
    if path.suffix.lower() == ".gz":
        data = gunzip(data, name, settings.max_input_bytes)
    if suffix == ".warc":
        yield from _warc_records(name, io.BytesIO(data), settings)
    elif suffix in JSONL_SUFFIXES:
        yield from _from_jsonl(name, data, settings)
    elif suffix in FEED_SUFFIXES or (
        suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and _is_feed(data)
    ):
        yield from _from_feed(name, data)
    else:
        document = _document(name, data, kind=_kind(suffix, data), doc_id=file_id(path))
        if document.kind == "text":
            document = with_given(document, given)
        yield with_given(document, sidecar)


def _read_file(path: Path, settings: Settings) -> bytes:
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise InputError(
                str(path),
                f"is {size:,} bytes, over the limit of {settings.max_input_bytes:,}",
                "raise --max-bytes or split it",
            )
        return path.read_bytes()
    except OSError as error:
        raise InputError(
            str(path), f"cannot be read ({error.strerror})", "check permissions"
        ) from None


def _kind(suffix: str, data: bytes) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = data[:2048].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head else "text"


def _is_feed(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _document(source: str, data: bytes, kind: str, doc_id: str | None, **meta: Any) -> RawDocument:
    if not data.strip():
        raise InputError(source, "is empty", "nothing to ingest")
    if looks_binary(data):
        raise InputError(source, "looks like binary data, not text or HTML", "pass text or HTML")
    return RawDocument(source=source, data=data, kind=kind, id=doc_id, **meta)


def _from_bytes(
    source: str, data: bytes, settings: Settings, given: GivenMetadata | None
) -> Iterator[Item]:
    if len(data) > settings.max_input_bytes:
        raise InputError(source, "is over the size limit", "raise --max-bytes")
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        yield from _from_jsonl(source, data, settings)
    elif _is_feed(data):
        yield from _from_feed(source, data)
    else:
        doc_id = hashlib.sha1(data).hexdigest()[:16]
        document = _document(source, data, kind=_kind("", data), doc_id=doc_id)
        yield with_given(document, given) if document.kind == "text" else document


def _from_url(url: str, settings: Settings) -> Iterator[Item]:
    fetched = fetch(url, settings)
    content_type = fetched.content_type.lower()
    if ("xml" in content_type and _is_feed(fetched.data)) or _is_feed(fetched.data):
        yield from _from_feed(url, fetched.data)
        return
    kind = "text" if content_type.startswith("text/plain") else _kind(".html", fetched.data)
    yield _document(url, fetched.data, kind=kind, doc_id=url_id(url), url=fetched.url)


def _from_jsonl(source: str, data: bytes, settings: Settings) -> Iterator[Item]:
    text = decode_text(data, source)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield _jsonl_record(f"{source}:{number}", line)
            except InputError as error:
                yield error


JSONL_FIELDS = (
    "id", "url", "title", "published", "outlet", "outlet_inferred", "text", "html", "authors"
)  # fmt: skip


def _jsonl_record(where: str, line: str) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            where, f"is not valid JSON ({error.msg})", "one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise InputError(where, "is not a JSON object", "one JSON object per line")
    body = record.get("text") or record.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "has no 'text' or 'html'", "give the article's text or HTML")
    url = _optional_str(record, "url")
    doc_id = _optional_str(record, "id") or (
        url_id(url) if url else hashlib.sha1(body.encode()).hexdigest()[:16]
    )
    authors = record.get("authors") or ()
    return RawDocument(
        source=where,
        data=body.encode("utf-8"),
        kind="text" if record.get("text") else "html",
        id=doc_id,
        url=url,
        title=_optional_str(record, "title"),
        published=_optional_str(record, "published"),
        outlet=_optional_str(record, "outlet"),
        outlet_inferred=record.get("outlet_inferred") is True and bool(record.get("outlet")),
        authors=tuple(str(a) for a in authors) if isinstance(authors, list) else (),
        text=record.get("text") or None,
    )


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return str(value) if value not in (None, "") else None


def _from_feed(source: str, data: bytes) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = (
            "has no entries" if not feed.bozo else f"is not a readable feed ({feed.bozo_exception})"
        )
        raise InputError(source, problem, "check that it is RSS or Atom")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _feed_entry(f"{source}#{number}", entry, outlet)
        except InputError as error:
            yield error


def _feed_entry(where: str, entry: Any, outlet: str | None) -> RawDocument:
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else ""
    full = bool(body.strip())
    body = body or entry.get("summary", "")
    if not body.strip():
        raise InputError(where, "has neither content nor summary", "the feed carries no text")
    link = entry.get("link")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
    author = entry.get("author")
    return RawDocument(
        source=where,
        data=body.encode("utf-8"),
        kind="html",
        id=(entry.get("id") and url_id(entry["id"])) or (url_id(link) if link else None),
        url=link,
        title=entry.get("title"),
        published=published,
        outlet=outlet,
        authors=(author,) if author else (),
        fully_extracted=full,
    )


def _from_warc(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        handle: BinaryIO = path.open("rb")
    except OSError as error:
        raise InputError(
            str(path), f"cannot be read ({error.strerror})", "check permissions"
        ) from None
    with handle:
        yield from _warc_records(str(path), handle, settings)


def _warc_records(source: str, handle: BinaryIO, settings: Settings) -> Iterator[Item]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(
        handle, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False
    )
    count = 0
    try:
        for count, record in enumerate(records, start=1):
            item = _warc_record(f"{source}#{count}", record, settings)
            if item is not None:
                yield item
    except Exception as error:  # fastwarc raises plain exceptions on broken records
        yield InputError(
            f"{source}#{count + 1}", f"broken WARC record ({error})", "the rest was skipped"
        )
    if count == 0:
        yield InputError(source, "holds no readable WARC response records", "is it a WARC file?")


def _warc_record(where: str, record: Any, settings: Settings) -> Item | None:
    url = record.headers.get("WARC-Target-URI")
    content_type = (record.http_content_type or "").lower()
    if record.http_headers is None or (content_type and "html" not in content_type):
        return None
    if record.content_length > settings.max_input_bytes:
        return InputError(where, "record is over the size limit", "raise --max-bytes")
    data = record.reader.read()
    if len(data) < record.content_length or not data:
        return InputError(where, "is a truncated WARC record", "re-download the archive")
    try:
        return _document(where, data, kind="html", doc_id=url_id(url) if url else None, url=url)
    except InputError as error:
        return error


COUNT_READ_LIMIT = 64 * 1024 * 1024  # JSONL files larger than this are not counted ahead


def count_documents(inputs: Sequence[str]) -> int | None:
    """How many documents (so ingest events) the inputs hold, by a quick look that parses
    nothing; None when one of them cannot be told before it is read (a URL, stdin, a WARC
    archive, a feed, a compressed or very large JSONL file)."""
    total = 0
    for spec in inputs:
        if spec == "-" or spec.startswith(("http://", "https://")):
            return None
        path = Path(spec)
        if path.is_dir():
            files = [p for p in sorted(path.rglob("*")) if _counted_in_folder(path, p)]
        elif path.exists() or not glob.has_magic(spec):
            files = [path]  # a missing path is one error
        else:
            files = [Path(m) for m in sorted(glob.glob(spec, recursive=True))]
            files = [m for m in files if not m.name.endswith(SIDECAR_SUFFIX)]
        for file in files:
            count = _documents_in(file)
            if count is None:
                return None
            total += count
    return total


def _counted_in_folder(folder: Path, path: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
    return path.is_file() and not hidden and _suffix(path) in KNOWN_SUFFIXES


def _documents_in(path: Path) -> int | None:
    suffix = _suffix(path)
    if path.is_dir():
        return sum(_documents_in(p) or 0 for p in path.rglob("*") if _counted_in_folder(path, p))
    if suffix == ".warc" or suffix in FEED_SUFFIXES:
        return None
    if suffix not in JSONL_SUFFIXES:
        return 1
    try:
        if path.suffix.lower() == ".gz" or path.stat().st_size > COUNT_READ_LIMIT:
            return None
        return sum(1 for line in path.read_bytes().splitlines() if line.strip())
    except OSError:
        return 1  # reported as one error
