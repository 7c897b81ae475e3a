"""Inputs sent as bytes rather than paths: uploaded files, pasted text and typed URLs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from triangulate.errors import InputError
from triangulate.ingest.inputs import KNOWN_SUFFIXES, Item, documents_from_bytes, iter_documents
from triangulate.ingest.metadata import GivenMetadata
from triangulate.settings import Settings

UPLOAD_SUFFIXES = KNOWN_SUFFIXES | {".warc"}


@dataclass(frozen=True)
class Upload:
    """One input sent through the form: a file, pasted text or a URL."""

    name: str
    data: bytes = b""
    url: str | None = None
    given: GivenMetadata | None = None  # outlet, title, date typed in the form (plain text)


def safe_name(filename: str) -> str:
    """The bare file name of an upload: folders (either slash) dropped, never used as a path."""
    name = PureWindowsPath(PurePosixPath(filename).name).name.strip()
    return name or "upload.txt"


def pasted(text: str, given: GivenMetadata | None = None) -> Upload:
    data = text.encode("utf-8")
    return Upload(f"pasted-{hashlib.sha1(data).hexdigest()[:10]}.txt", data, given=given)


def upload_items(uploads: list[Upload], settings: Settings) -> Iterator[Item]:
    """Documents of every upload, in order; problems come as InputError items."""
    for upload in uploads:
        if upload.url is not None:
            yield from _url_items(upload.url, settings)
        else:
            yield from _file_items(upload, settings)


def _url_items(url: str, settings: Settings) -> Iterator[Item]:
    # Only web addresses: a local path typed in the URL box must never be read.
    if not url.lower().startswith(("http://", "https://")):
        yield InputError(url, "is not a web address", "URLs start with http:// or https://")
        return
    yield from iter_documents([url], settings)


def _file_items(upload: Upload, settings: Settings) -> Iterator[Item]:
    suffixes = [s.lower() for s in Path(upload.name).suffixes if s.lower() != ".gz"]
    if not suffixes or suffixes[-1] not in UPLOAD_SUFFIXES:
        yield InputError(upload.name, "is not a supported file type", "txt, html, warc or jsonl")
        return
    if len(upload.data) > settings.max_input_bytes:
        limit = f"{settings.max_input_bytes:,}"
        yield InputError(upload.name, f"is over the size limit of {limit} bytes", "split it")
        return
    try:
        yield from documents_from_bytes(upload.name, upload.data, settings, upload.given)
    except InputError as error:
        yield error
