"""From a raw document to an Article: decode, extract or clean, find metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from triangulate.errors import InputError
from triangulate.ingest import dedupe
from triangulate.ingest.clean import BoilerplateMemory, clean_text
from triangulate.ingest.decode import decode_text
from triangulate.ingest.extract import extract_html
from triangulate.ingest.inputs import RawDocument, url_id
from triangulate.ingest.metadata import (
    content_hash,
    detect_language,
    outlet_from_lines,
    outlet_from_url,
)
from triangulate.models import Article, RemovedLine
from triangulate.readers.times import find_dateline, infer_publication_date
from triangulate.settings import Settings

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Body:
    """What the cleaner or the extractor made of a document."""

    text: str
    removed: tuple[RemovedLine, ...] = ()
    title: str | None = None
    published: str | None = None
    published_how: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    language: str | None = None
    fully_extracted: bool = True


def extract_body(raw: RawDocument, settings: Settings) -> Body:
    """The CPU-heavy part for HTML (run in worker processes); text is passed through."""
    if raw.kind != "html":
        return Body(text="")
    page = extract_html(raw.data, raw.url, favor_precision=settings.favor_precision)
    return Body(
        text=page.text,
        title=page.title,
        published=page.published,
        published_how=page.published_how,
        authors=page.authors,
        outlet=page.sitename,
        language=page.language,
        fully_extracted=page.fully_extracted and raw.fully_extracted,
    )


def text_body(raw: RawDocument, memory: BoilerplateMemory | None) -> Body:
    """Clean a plain-text document; needs the batch's boilerplate memory."""
    text = raw.text if raw.text is not None else decode_text(raw.data, raw.source)
    cleaned = clean_text(text, memory, raw.outlet)
    dateline = find_dateline(text)
    return Body(
        text=cleaned.text,
        removed=cleaned.removed,
        title=cleaned.title,
        published=dateline,
        published_how="dateline" if dateline else None,
        outlet=outlet_from_lines([line.text for line in cleaned.removed]),
    )


@dataclass(frozen=True)
class Prepared:
    """An article ready to store, with its MinHash signature."""

    article: Article
    signature: bytes


def prepare_document(
    raw: RawDocument, memory: BoilerplateMemory | None, settings: Settings
) -> Prepared | InputError:
    """Everything CPU-bound for one document; runs in worker processes."""
    try:
        body = extract_body(raw, settings) if raw.kind == "html" else text_body(raw, memory)
        article = build_article(raw, body)
    except InputError as error:
        return error
    except Exception as error:  # a parser crash on hostile input must not stop the batch
        return InputError(raw.source, f"could not be parsed ({type(error).__name__}: {error})")
    return Prepared(article, dedupe.to_bytes(dedupe.signature(article.text)))


def build_article(raw: RawDocument, body: Body) -> Article:
    """Combine what the container said with what the body gave."""
    if not body.text.strip():
        raise InputError(raw.source, "has no article text left after cleaning", "is it an article?")
    published, how, inferred = _publication(raw, body)
    return Article(
        id=raw.id or url_id(raw.source),
        source=raw.source,
        url=raw.url,
        text=body.text,
        outlet=raw.outlet or body.outlet or outlet_from_url(raw.url),
        title=raw.title or body.title,
        authors=raw.authors or body.authors,
        published=published,
        published_inferred=inferred,
        published_how=how,
        language=body.language or detect_language(body.text),
        media_type="text/html" if raw.kind == "html" else "text/plain",
        removed=body.removed,
        content_hash=content_hash(body.text),
        fully_extracted=body.fully_extracted,
    )


def _publication(raw: RawDocument, body: Body) -> tuple[str | None, str | None, bool]:
    given = iso_date(raw.published)
    if given:
        return given, "given", False
    if body.published:
        guessed = (body.published_how or "").endswith("-guess")
        return body.published, body.published_how, guessed
    inferred, how = infer_publication_date(body.text)
    return (inferred, how, True) if inferred else (None, None, False)


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO date or date-time, else a parsed date, else None."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if match:
        return match.group(0)
    from dateutil import parser

    try:
        return str(parser.parse(value).date().isoformat())
    except (ValueError, OverflowError):
        return None
