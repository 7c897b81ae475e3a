"""Turn inputs into raw documents: files, folders, globs, URLs, WARC, feeds, JSONL, stdin.

Each input yields :class:`RawDocument` records, or an :class:`InputError` for what could not be
read, so that one bad input never stops the batch: every file of a folder or a glob, every
line of a JSONL file and every entry of a feed is attempted on its own. Everything is read
through :mod:`triangulate.ingest.limits`, bounded in size and time.
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import math
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from triangulate.errors import InputError, LimitError
from triangulate.ingest.decode import (
    GunzippedStream,
    decode_text,
    gunzip,
    inflated_past,
    looks_binary,
)
from triangulate.ingest.limits import check_json_shape, open_input, read_path, read_stream
from triangulate.ingest.metadata import SIDECAR_SUFFIX, GivenMetadata, read_sidecar
from triangulate.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | {".warc"}
MAX_ID_CHARS = 200


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

    def __post_init__(self) -> None:
        # names and texts are stored as UTF-8: a file name that is not UTF-8 or a lone
        # surrogate from JSON ("\ud800") cannot be, and is written with U+FFFD instead
        for name in ("source", "id", "url", "title", "published", "outlet", "text"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, storable(value))
        object.__setattr__(self, "authors", tuple(storable(a) for a in self.authors))
        if self.id is not None:
            object.__setattr__(self, "id", addressable_id(self.id))


def addressable_id(article_id: str) -> str:
    """An id is part of addresses and commands: no control codes; not "." or "..", which a
    browser reads as a step of the path however quoted; not ending in ".json", which names
    the JSON twin of the page of the id without it ("brief.json" is stored as "brief_json")."""
    article_id = _CONTROL.sub("_", article_id)
    if article_id in (".", ".."):
        return article_id.replace(".", "_")
    if article_id.endswith(".json"):
        return article_id[: -len(".json")] + "_json"
    return article_id


def storable(text: str) -> str:
    """``text`` with what UTF-8 cannot hold (lone surrogates) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


Item = RawDocument | InputError


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


def iter_documents(
    inputs: Sequence[str], settings: Settings, given: GivenMetadata | None = None
) -> Iterator[Item]:
    """Every document behind the inputs, in order; problems come as InputError items.

    ``given`` (an outlet, title or date from the command line) applies to plain-text
    documents; a text or HTML file's sidecar (``story.meta.json`` beside ``story.txt``)
    applies to that file and wins over ``given``.
    """
    for spec in inputs:
        count = 0
        for item in attempted(spec, partial(_expand, spec, settings, given)):
            count += 1
            yield item
        if not count:  # an empty folder or JSONL file: said, never silent
            yield InputError(
                storable(spec), "holds nothing to ingest", "no article file, line or entry in it"
            )


def attempted(source: str, items: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """The items of one source; a failure ends that source alone, as one InputError
    (the items it gave before are kept). No parser crash gets past this."""
    try:
        yield from items()
    except InputError as error:
        yield error
    except (Exception, RecursionError) as error:  # a library crash on hostile input
        yield InputError(source, f"could not be read ({type(error).__name__}: {error})")


def _one(make: Callable[[], Item]) -> Iterator[Item]:
    yield make()


def _expand(spec: str, settings: Settings, given: GivenMetadata | None) -> Iterator[Item]:
    if not spec.strip():
        # Path("") is the working folder: an empty argument (an unset shell variable) would
        # ingest everything below it
        raise InputError(repr(spec), "is an empty path", "give a file, folder, URL or -")
    if spec == "-":
        data = read_stream(sys.stdin.buffer, "<stdin>", settings)
        yield from _from_bytes("<stdin>", data, settings, given)
    elif spec.startswith(("http://", "https://")):
        yield from _from_url(spec, settings)
    elif Path(spec).is_dir():
        yield from _from_folder(Path(spec), settings, given)
    elif Path(spec).exists() or Path(spec).is_symlink():
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
            yield from attempted(match, partial(_from_file, path, settings, given))


def _from_folder(folder: Path, settings: Settings, given: GivenMetadata | None) -> Iterator[Item]:
    """Every regular file with a known suffix below ``folder``, each attempted on its own."""
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and _suffix(path) in KNOWN_SUFFIXES:
            yield from attempted(str(path), partial(_from_file, path, settings, given))


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
    data = read_path(path, settings)
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
    return read_sidecar(str(where), read_path(where, settings))


def documents_from_bytes(
    name: str,
    data: bytes,
    settings: Settings,
    given: GivenMetadata | None = None,
    sidecar: GivenMetadata | None = None,
) -> Iterator[Item]:
    """Documents in ``data`` as if read from a file called ``name`` (files and uploads);
    ``given`` applies if it is plain text, ``sidecar`` if it is one text or HTML page."""
    yield from attempted(name, partial(_documents_from_bytes, name, data, settings, given, sidecar))


def _documents_from_bytes(
    name: str,
    data: bytes,
    settings: Settings,
    given: GivenMetadata | None,
    sidecar: GivenMetadata | None,
) -> Iterator[Item]:
    path = Path(name)
    suffix = _suffix(path)
    if suffix == ".warc":  # inflated as it is read: the whole records of a cut file are kept
        inflated = GunzippedStream(io.BytesIO(data), limit=settings.max_input_bytes)
        yield from _warc_records(name, inflated, settings)
        return
    if path.suffix.lower() == ".gz":
        data = gunzip(data, name, settings.max_input_bytes)
    if suffix in JSONL_SUFFIXES:
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
    # imported here: httpx and its kin take a fifth of a second that ingesting files never needs
    from triangulate.ingest.fetch import fetch

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
            where = f"{source}:{number}"
            yield from attempted(
                where, partial(_one, partial(_jsonl_record, where, line, settings))
            )


JSONL_FIELDS = (
    "id", "url", "title", "published", "outlet", "outlet_inferred", "text", "html", "authors"
)  # fmt: skip


def _jsonl_record(where: str, line: str, settings: Settings) -> RawDocument:
    check_json_shape(where, line, settings)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            where, f"is not valid JSON ({error.msg})", "one JSON object per line"
        ) from None
    except (ValueError, RecursionError) as error:  # numbers too long to convert, deep nesting
        raise InputError(
            where, f"is not usable JSON ({error})", "one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise InputError(where, "is not a JSON object", "one JSON object per line")
    body = record.get("text") or record.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "has no 'text' or 'html'", "give the article's text or HTML")
    url = _optional_str(record, "url")
    doc_id = _optional_str(record, "id") or (
        url_id(url) if url else hashlib.sha1(body.encode("utf-8", "replace")).hexdigest()[:16]
    )
    if len(doc_id) > MAX_ID_CHARS:
        raise LimitError(where, f"has an id over {MAX_ID_CHARS} characters", "use a shorter id")
    authors = record.get("authors") or ()
    return RawDocument(
        source=where,
        data=body.encode("utf-8", "replace"),  # lone surrogates ("\ud800") cannot be encoded
        kind="text" if record.get("text") else "html",
        id=doc_id,
        url=url,
        title=_optional_str(record, "title"),
        published=_optional_str(record, "published"),
        outlet=_optional_str(record, "outlet"),
        outlet_inferred=record.get("outlet_inferred") is True and bool(record.get("outlet")),
        authors=tuple(str(a) for a in authors) if isinstance(authors, list) else (),
        text=body if record.get("text") else None,
    )


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    """A field's text: a string, or a number written as one ("id": 42); a list, an object or
    true/false says nothing a field can hold and is left out (not stored as "['a', 'b']")."""
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN, Infinity, 1e400: JSON the parser accepts, no value of a field
    return str(value) if value != "" else None


def _from_feed(source: str, data: bytes) -> Iterator[Item]:
    import feedparser

    # a stream, never bytes: given bytes, feedparser may take them for a path or a URL
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        problem = (
            "has no entries" if not feed.bozo else f"is not a readable feed ({feed.bozo_exception})"
        )
        raise InputError(source, problem, "check that it is RSS or Atom")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{number}"
        yield from attempted(where, partial(_one, partial(_feed_entry, where, entry, outlet)))


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
    """A WARC file is streamed record by record (each record is bounded); a pipe is read
    whole, within the size limit, first."""
    with open_input(path) as handle:
        stream: BinaryIO = handle
        if not path.is_file():
            stream = io.BytesIO(read_stream(handle, str(path), settings))
        yield from _warc_records(str(path), stream, settings)


def _warc_records(
    source: str, handle: BinaryIO | GunzippedStream, settings: Settings
) -> Iterator[Item]:
    """The HTML response records of a WARC file, plain or gzip (a file's gzip is inflated by
    the WARC reader itself: it keeps every whole record of a cut file too, and faster)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(
        handle,
        record_types=WarcRecordType.response,
        parse_http=True,
        fsspec_args=False,
    )
    count = given = 0
    try:
        for count, record in enumerate(records, start=1):
            item = _warc_record(f"{source}#{count}", record, settings)
            if item is not None:
                given += 1
                yield item
    except Exception as error:  # fastwarc raises plain exceptions on broken records
        given += 1
        yield InputError(
            f"{source}#{count + 1}", f"broken WARC record ({error})", "the rest was skipped"
        )
    if isinstance(handle, GunzippedStream) and handle.cut_at_limit:
        given += 1
        yield inflated_past(source, settings.max_input_bytes)
    if given == 0:
        what = "no HTML response records" if count else "no readable WARC response records"
        yield InputError(source, f"holds {what}", "is it a WARC file of web pages?")


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
