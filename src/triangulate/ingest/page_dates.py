"""htmldate's extensive date search with a dateparser that loads only the locales it needs.

htmldate hands a few date-like strings per hundred pages to dateparser with every locale
enabled; dateparser then compiles the regular expressions of each of its 205 locales on first
use, 1.5 to 2 CPU-seconds in every process that meets such a string. A string can only be
read in a locale that knows its month or weekday names, so the parser here is restricted to
those locales (in dateparser's own order, English when the string names none), and built once
per set of locales. On the 1,171 evaluation pages the dates found are the same as with every
locale (docs/benchmarks.md, "HTML extraction").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from functools import lru_cache
from typing import Any

import htmldate.extractors
from htmldate import find_date
from platformdirs import user_cache_path

from triangulate.core.files import write_atomically

# htmldate's own settings for its dateparser (htmldate.extractors.get_external_parser)
_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
_NAME_KEYS = (
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "october", "november", "december"),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
)
_WORD = re.compile(r"[^\W\d_]{3,}")  # htmldate's month-word pattern
# The hook replaced while our search runs; any other htmldate version keeps its own parser.
_PATCHABLE = callable(getattr(htmldate.extractors, "_external_date", None))


def _fold(word: str) -> str:
    return word.replace("ı", "i").replace("İ", "i").lower()  # as htmldate folds month names


@lru_cache(maxsize=1)
def _locales_by_name() -> tuple[dict[str, frozenset[str]], tuple[str, ...]]:
    """Month and weekday names -> the locales knowing them; all locales in dateparser's order.

    Loading every locale to build this costs a quarter of a CPU-second, so the table is kept in
    the user cache directory, one per dateparser version (rebuilt when it cannot be read).
    """
    from importlib.metadata import version

    cached = user_cache_path("triangulate") / f"dateparser-{version('dateparser')}-names.json"
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        names, order = data["names"], data["order"]
    except (OSError, ValueError, KeyError, TypeError):
        names, order = _names_from_dateparser()
        with suppress(OSError):
            write_atomically(cached, json.dumps({"names": names, "order": order}))
    return {name: frozenset(found) for name, found in names.items()}, tuple(order)


def _names_from_dateparser() -> tuple[dict[str, list[str]], list[str]]:
    from dateparser.languages.loader import default_loader

    names: dict[str, list[str]] = {}
    order: list[str] = []
    for locale in default_loader.get_locales():
        order.append(locale.shortname)
        for key in _NAME_KEYS:
            for entry in locale.info.get(key, []):
                for word in _WORD.findall(entry):
                    known = names.setdefault(_fold(word), [])
                    if locale.shortname not in known:
                        known.append(locale.shortname)
    return names, order


def locales_for(string: str) -> tuple[str, ...]:
    """The locales, in dateparser's order, whose month or weekday names the string uses."""
    names, order = _locales_by_name()
    found: set[str] = set()
    for word in _WORD.findall(string):
        found |= names.get(_fold(word), frozenset())
    return tuple(locale for locale in order if locale in found) or ("en",)


@lru_cache(maxsize=256)
def _parser(locales: tuple[str, ...]) -> Any:
    from dateparser import DateDataParser

    return DateDataParser(locales=list(locales), settings=_SETTINGS, try_previous_locales=False)


def external_date(string: str) -> datetime | None:
    """What htmldate's ``_external_date`` gives, from the string's own locales only."""
    try:
        found = _parser(locales_for(string)).get_date_data(string)["date_obj"]
    except (OverflowError, ValueError):
        return None
    return found if isinstance(found, datetime) else None


@contextmanager
def _restricted_parser() -> Iterator[None]:
    if not _PATCHABLE:
        yield
        return
    original = htmldate.extractors._external_date
    htmldate.extractors._external_date = external_date
    try:
        yield
    finally:
        htmldate.extractors._external_date = original


def find_page_date(tree: Any, **options: Any) -> str | None:
    """``htmldate.find_date`` with the restricted dateparser."""
    with _restricted_parser():
        found = find_date(tree, **options)
    return found if isinstance(found, str) else None
