"""When an article was published: one decision, from everything that can tell.

In order of trust: the date the container gives with the article (a JSONL field, a feed
entry), the page's own date (its metadata, a time stamp, its address, htmldate; what
htmldate only guessed from dates in the page counts as inferred), a dateline at the top of
the text, then what is inferred: a date in a text file's name, a wire dateline's month and day
with the year the text last writes of, and last the latest full date the text mentions in the
past tense.
Ingest decides it once and stores it with how it was found (``Article.published_how``);
a reader given an article without one decides it the same way.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import PurePath

from dateutil import parser as date_parser

from triangulate.models import Article
from triangulate.readers.times import (
    find_dateline,
    latest_mentioned_date,
    latest_written_year,
    yearless_dateline,
)

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MIN_YEAR = 1000  # the year 0001 of a default date-time is no publication date
# "harbour-2031-03-04.txt", "2031_03_04 vote.txt": a full date, its parts set apart alike
_NAMED_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.])(\d\d)\2(\d\d)(?!\d)")
# files whose names are the article's own (not "export.jsonl:12", "crawl.warc.gz#3")
_TEXT_FILE_SUFFIXES = {".txt", ".text", ".md"}


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
    source: str | None = None,
) -> Publication:
    """The publication date: ``given`` by the container, else the ``page``'s (found as
    ``page_how``), else a ``dateline`` (found before cleaning, or in ``text``), else a date in
    the name of the text file ``source``; else, inferred, a year-less wire dateline in
    ``text`` with the year the text writes of, or the latest date ``text`` mentions."""
    if day := iso_date(given):
        return Publication(day, "given")
    if page := iso_date(page):
        return Publication(page, page_how, (page_how or "").endswith("-guess"))
    if found := dateline or find_dateline(text):
        return Publication(found, "dateline")
    if named := file_name_date(source):
        # the user who named the file "harbour-2031-03-04.txt" gave the date, as a
        # container's field does: relative days are read against it
        return Publication(named, "file-name")
    if wire := _yearless_dateline_date(text):
        return Publication(wire, "dateline", True)
    if latest := latest_mentioned_date(text):
        return Publication(latest, "inferred-from-text", True)
    return UNKNOWN


def file_name_date(source: str | None) -> str | None:
    """The ISO date written in a text file's name ("harbour-2031-03-04.txt"), else None."""
    if not source:
        return None
    name = PurePath(source)
    if name.suffix.lower() not in _TEXT_FILE_SUFFIXES:
        return None
    found = _NAMED_DATE.search(name.stem)
    return _real_date(f"{found[1]}-{found[3]}-{found[4]}") if found else None


def _yearless_dateline_date(text: str) -> str | None:
    """A wire dateline's month and day ("MARROWBY, March 9 (Wire) -") in the latest year the
    text writes of, or the year after when the text tells of a later day of that year; None
    when the text writes no year (a year is never guessed from nothing)."""
    month_day = yearless_dateline(text)
    if month_day is None:
        return None  # the text's years, read line by line, only for a dateline found
    year = latest_written_year(text)
    if year is None:
        return None
    day = _real_date(f"{year:04d}-{month_day[0]:02d}-{month_day[1]:02d}")
    latest = latest_mentioned_date(text)
    if day is not None and latest is not None and latest > day:
        day = _real_date(f"{year + 1:04d}-{month_day[0]:02d}-{month_day[1]:02d}")
    return day


def publication_of(article: Article) -> Publication:
    """An article's publication date: the one stored with it, else decided from its text."""
    if article.published:
        return Publication(article.published, article.published_how, article.published_inferred)
    return publication_date(text=article.text, source=article.source)


# A bare number ("-5", "12", "5.", "12,5"): to the date parser a day of this month. One of
# eight figures or more may be a compact date ("20240305").
_BARE_NUMBER = re.compile(r"[+-]?[\d.,]*\d[\d.,]*")
_COMPACT_DATE_FIGURES = 8


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD date of an ISO date or date-time, else of a parsed date, else None;
    a date that is not in the calendar ("2024-13-45") is None."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if match:
        return _real_date(match.group(0))
    bare = value.strip()
    if _BARE_NUMBER.fullmatch(bare) and sum(c.isdigit() for c in bare) < _COMPACT_DATE_FIGURES:
        return None  # no date given
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
