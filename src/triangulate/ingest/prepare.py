"""From a raw document to an Article: decode, extract or clean, find metadata."""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from typing import Any

from triangulate.errors import InputError, LimitError
from triangulate.ingest import dedupe
from triangulate.ingest.clean import BoilerplateMemory, clean_text
from triangulate.ingest.decode import decode_text
from triangulate.ingest.inputs import RawDocument, url_id
from triangulate.ingest.limits import check_html_elements
from triangulate.ingest.metadata import (
    content_hash,
    detect_language,
    infer_outlet,
    outlet_from_url,
)
from triangulate.models import Article, RemovedLine
from triangulate.readers.published import publication_date
from triangulate.readers.times import find_dateline
from triangulate.settings import Settings

log = logging.getLogger("triangulate")


@dataclass(frozen=True)
class Body:
    """What the cleaner or the extractor made of a document."""

    text: str
    removed: tuple[RemovedLine, ...] = ()
    title: str | None = None
    published: str | None = None  # what the page says, and how it says it
    published_how: str | None = None
    dateline: str | None = None  # a dateline found in the raw text
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    outlet_inferred: bool = False  # read from the text's own words, not given
    language: str | None = None
    fully_extracted: bool = True


def extract_body(raw: RawDocument, settings: Settings) -> Body:
    """The CPU-heavy part for HTML (run in worker processes); text is passed through."""
    if raw.kind != "html":
        return Body(text="")
    check_html_elements(raw.source, raw.data, settings)
    # imported with the first page: trafilatura and its parsers are a third of the imports,
    # and a batch of plain texts never needs them
    from triangulate.ingest.extract import extract_html

    try:
        page = extract_html(raw.data, raw.url, favor_precision=settings.favor_precision)
    except InputError as error:  # told by the input's own name, not the extractor's
        raise InputError(raw.source, error.problem, error.hint) from None
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
    # before cleaning: the lines that name the outlet are boilerplate the cleaner drops
    outlet = None if raw.outlet else infer_outlet(text.splitlines())
    return Body(
        text=cleaned.text,
        removed=cleaned.removed,
        title=cleaned.title,
        dateline=find_dateline(text),  # before cleaning: it may drop the dateline's line
        outlet=outlet,
        outlet_inferred=outlet is not None,
    )


@dataclass(frozen=True)
class Prepared:
    """An article ready to store, with its MinHash signature."""

    article: Article
    signature: bytes

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent back from a worker as plain tuples (the article's fields, its removed lines as
        (line, text, reason)): pickling a record and each of its removed lines as objects cost
        the ingesting process twice as much to read back."""
        return (_unpacked, (_packed(self.article), self.signature))


_ARTICLE_FIELDS = tuple(field.name for field in fields(Article))
_REMOVED = _ARTICLE_FIELDS.index("removed")


def _packed(article: Article) -> tuple[Any, ...]:
    values = [getattr(article, name) for name in _ARTICLE_FIELDS]
    values[_REMOVED] = tuple((r.line, r.text, r.reason) for r in article.removed)
    return tuple(values)


def _unpacked(values: tuple[Any, ...], signature: bytes) -> Prepared:
    fields_ = dict(zip(_ARTICLE_FIELDS, values, strict=True))
    fields_["removed"] = tuple(RemovedLine(*removed) for removed in fields_["removed"])
    return Prepared(Article(**fields_), signature)


def prepare_document(
    raw: RawDocument, memory: BoilerplateMemory | None, settings: Settings
) -> Prepared | InputError:
    """Everything CPU-bound for one document; runs in worker processes."""
    try:
        body = extract_body(raw, settings) if raw.kind == "html" else text_body(raw, memory)
        article = build_article(raw, body)
        check_length(article, settings)
    except InputError as error:
        return error
    except (Exception, RecursionError) as error:  # a parser crash must not stop the batch
        return InputError(raw.source, f"could not be parsed ({type(error).__name__}: {error})")
    return Prepared(article, dedupe.to_bytes(dedupe.signature(article.text)))


def check_length(article: Article, settings: Settings) -> None:
    """Refuse an article longer than reading reads: what ingest stores, reading reads whole."""
    if len(article.text) > settings.max_article_chars:
        raise LimitError(
            article.source,
            f"has {len(article.text):,} characters of text, over the limit of"
            f" {settings.max_article_chars:,}",
            "is it one article? raise --max-chars",
        )


def build_article(raw: RawDocument, body: Body) -> Article:
    """Combine what the container said with what the body gave."""
    if not body.text.strip():
        raise InputError(raw.source, "has no article text left after cleaning", "is it an article?")
    outlet, outlet_inferred = _outlet(raw, body)
    publication = publication_date(
        given=raw.published,
        page=body.published,
        page_how=body.published_how,
        dateline=body.dateline,
        text=body.text,
        source=raw.source if raw.kind == "text" and raw.url is None else None,
    )
    return Article(
        id=raw.id or url_id(raw.source),
        source=raw.source,
        url=raw.url,
        text=body.text,
        outlet=_bounded(outlet, "an outlet", raw.source),
        outlet_inferred=outlet_inferred,
        title=_bounded(raw.title or body.title, "a title", raw.source),
        authors=raw.authors or body.authors,
        published=publication.date,
        published_inferred=publication.inferred,
        published_how=publication.how,
        language=body.language or detect_language(body.text),
        media_type="text/html" if raw.kind == "html" else "text/plain",
        removed=body.removed,
        content_hash=content_hash(body.text),
        fully_extracted=body.fully_extracted,
    )


MAX_NAME_CHARS = 500  # a title or an outlet's name longer than this is cut (with "…")


def _bounded(name: str | None, what: str, source: str) -> str | None:
    """A title or outlet as given, cut at the last space before ``MAX_NAME_CHARS`` when it is
    longer, and the cut told as a warning naming the input (a JSONL line's title of 180,000
    characters filled every list and report it was shown in)."""
    if name is None or len(name) <= MAX_NAME_CHARS:
        return name
    cut = name[: MAX_NAME_CHARS - 1]
    space = cut.rfind(" ")
    kept = (cut[:space] if space > MAX_NAME_CHARS // 2 else cut).rstrip() + "…"
    log.warning("%s: %s of %s characters, cut to %s", source, what, f"{len(name):,}", len(kept))
    return kept


def _outlet(raw: RawDocument, body: Body) -> tuple[str | None, bool]:
    """The outlet and whether it was inferred: as given with the input, else the page's
    site name or the one the text names itself by, else the address's host name."""
    if raw.outlet:
        return raw.outlet, raw.outlet_inferred
    if body.outlet:
        return body.outlet, body.outlet_inferred
    return outlet_from_url(raw.url), False
