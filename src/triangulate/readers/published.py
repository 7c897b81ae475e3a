"""When an article was published: one decision, from everything that can tell.

In order of trust: the date the container gives with the article (a JSONL field, a feed
entry), the page's own date (its metadata, a time stamp, its address, htmldate; what
htmldate only guessed from dates in the page counts as inferred), a dateline at the top of
the text, and last the latest full date the text mentions in the past tense (inferred).
Ingest decides it once and stores it with how it was found (``Article.published_how``);
a reader given an article without one decides it the same way.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

from triangulate.models import Article
from triangulate.readers.times import find_dateline, latest_mentioned_date

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MIN_YEAR = 1000  # the year 0001 of a default date-time is no publication date


@dataclass(frozen=True)
class Publication:
    """A publication date (ISO YYYY-MM-DD, or None when nothing tells it), where it was
    found (see ``core.dates.PUBLICATION_HOW``) and whether it is a guess."""

    date: str | None
    how: str | None = None
    inferred: bool = False


UNKNOWN = Publication(None)


def publication_date(
    *,
    given: str | None = None,
    page: str | None = None,
    page_how: str | None = None,
    dateline: str | None = None,
    text: str = "",
) -> Publication:
    """The publication date: ``given`` by the container, else the ``page``'s (found as
    ``page_how``), else a ``dateline`` (found before cleaning, or in ``text``), else the
    latest date ``text`` mentions."""
    if day := iso_date(given):
        return Publication(day, "given")
    if page := iso_date(page):
        return Publication(page, page_how, (page_how or "").endswith("-guess"))
    if found := dateline or find_dateline(text):
        return Publication(found, "dateline")
    if latest := latest_mentioned_date(text):
        return Publication(latest, "inferred-from-text", True)
    return UNKNOWN


def publication_of(article: Article) -> Publication:
    """An article's publication date: the one stored with it, else decided from its text."""
    if article.published:
        return Publication(article.published, article.published_how, article.published_inferred)
    return publication_date(text=article.text)


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD date of an ISO date or date-time, else of a parsed date, else None;
    a date that is not in the calendar ("2024-13-45") is None."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if match:
        return _real_date(match.group(0))
    try:
        return _real_date(date_parser.parse(value[:200]).date().isoformat())
    except (ValueError, OverflowError):
        return None


def _real_date(iso: str) -> str | None:
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return None
    return iso if day.year >= MIN_YEAR else None
