"""htmldate's extensive date search with a dateparser that loads only the locales it needs.

htmldate hands a few date-like strings per hundred pages to dateparser with every locale
enabled; dateparser then compiles the regular expressions of each of its 205 locales on first
use, 1.5 to 2 CPU-seconds in every process that meets such a string. A string can only be
read in a locale that knows its month or weekday names, and its month word tells its language:
the parser here reads it in the first locale, in dateparser's own order, knowing the names it
uses (English when it names none), built once per locale. dateparser would try the other
locales knowing those names too (10 to 50 for a Spanish, French or English month name), each
compiled on first use, and mostly to find no date: on the 1,213 evaluation and benchmark pages
the 40 strings htmldate hands over are read the same in the first locale as in all of them
(docs/benchmarks.md, "HTML extraction" and "HTML ingest, seventh pass").

htmldate also loads every locale (a tenth of a CPU-second) in each process whose page has a
date-like string without a year, to collect the month names of all of them; that set is kept
in the user cache directory with the table of names. And its test of which elements may hold
a date, run on every element of the page, lists each element's attributes to find which of
``id`` and ``class`` comes first; here the same test asks for the three attributes it reads
(the candidates found in 15% less time), ``tests/test_page_dates.py`` holding it to htmldate's.

Within ``sharing_pruned_copy(page)``, htmldate's searches of that page share one pruned copy:
each search copies the whole page and deletes the parts that cannot hold a date before testing
its elements, and nothing of either search writes to that copy until the quick search's last
step (which deletes the scripts and styles); the extensive search runs first, so the quick one
gets the copy as it was pruned (a tenth of the time of a quick search).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import htmldate.core
import htmldate.extractors
from htmldate import find_date
from lxml.etree import Element  # type: ignore[import-untyped]
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
# The hooks replaced while our search runs; any other htmldate version keeps its own.
_PATCHABLE = callable(getattr(htmldate.extractors, "_external_date", None))
_htmldate_month_words = getattr(htmldate.extractors, "month_words", None)  # before the hook
_MONTHS_PATCHABLE = callable(_htmldate_month_words)
_CANDIDATE_NAMES = ("date_candidates", "is_date_candidate", "ALWAYS_TAGS", "ID_CLASS_CUES")
_CANDIDATES_PATCHABLE = all(
    hasattr(htmldate.core, name) for name in (*_CANDIDATE_NAMES, "CLASS_CUES")
) and hasattr(htmldate.extractors, "FAST_TAGS")
_PRUNE_NAMES = ("deepcopy", "clean_html", "discard_unwanted")
_PRUNE_PATCHABLE = all(hasattr(htmldate.core, name) for name in (*_PRUNE_NAMES, "CLEANING_LIST"))
_htmldate_clean_html: Any = getattr(htmldate.core, "clean_html", None)  # before the hooks
_htmldate_discard_unwanted: Any = getattr(htmldate.core, "discard_unwanted", None)


def _fold(word: str) -> str:
    return word.replace("ı", "i").replace("İ", "i").lower()  # as htmldate folds month names


@lru_cache(maxsize=1)
def _locale_names() -> dict[str, Any]:
    """Month and weekday names -> the locales knowing them ("names"), all locales in
    dateparser's order ("order"), and htmldate's month words ("months").

    Loading every locale to build this costs a quarter of a CPU-second, so the table is kept in
    the user cache directory, one per dateparser and htmldate version (rebuilt when it cannot
    be read).
    """
    from importlib.metadata import version

    stamp = f"dateparser-{version('dateparser')}-htmldate-{version('htmldate')}"
    cached = user_cache_path("triangulate") / f"{stamp}-names.json"
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        names, order, months = data["names"], data["order"], data["months"]
    except (OSError, ValueError, KeyError, TypeError):
        names, order, months = _names_from_dateparser()
        with suppress(OSError):
            table = {"names": names, "order": order, "months": months}
            write_atomically(cached, json.dumps(table))
    return {
        "names": {name: frozenset(found) for name, found in names.items()},
        "order": tuple(order),
        "months": frozenset(months),
    }


def _locales_by_name() -> tuple[dict[str, frozenset[str]], tuple[str, ...]]:
    table = _locale_names()
    return table["names"], table["order"]


def _month_words() -> frozenset[str]:
    """What ``htmldate.extractors.month_words`` gives: month names in all dateparser locales."""
    months: frozenset[str] = _locale_names()["months"]
    return months


def _names_from_dateparser() -> tuple[dict[str, list[str]], list[str], list[str]]:
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
    months = sorted(_htmldate_month_words()) if _htmldate_month_words else []
    return names, order, months


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
    """What htmldate's ``_external_date`` gives, read in the first of the string's locales."""
    try:
        found = _parser(locales_for(string)[:1]).get_date_data(string)["date_obj"]
    except (OverflowError, ValueError):
        return None
    return found if isinstance(found, datetime) else None


def date_candidates(tree: Any, extensive_search: bool) -> list[Any]:
    """What ``htmldate.core.date_candidates`` gives: the elements that may hold a date."""
    core = htmldate.core
    elements = (
        tree.iterdescendants(Element)
        if extensive_search
        else tree.iterdescendants(*htmldate.extractors.FAST_TAGS, *core.ALWAYS_TAGS)
    )
    return [e for e in elements if e.tag in core.ALWAYS_TAGS or _is_date_candidate(e)]


def _is_date_candidate(element: Any) -> bool:
    """``htmldate.core.is_date_candidate``: of id and class only the first in the markup
    counts, with itemprop, for "date"; then htmldate's cues."""
    element_id, element_class = element.get("id"), element.get("class")
    itemprop = element.get("itemprop")
    if element_id is None and element_class is None and itemprop is None:
        return False  # most elements
    first = _first_of(element, element_id, element_class)
    for cue in (first, itemprop):
        if cue is not None:
            folded = cue.replace("D", "d")
            if "date" in folded or "datum" in folded:
                return True
    if first is None:
        return False
    if htmldate.core.ID_CLASS_CUES.search(first):
        return True
    if element_class is not None and htmldate.core.CLASS_CUES.search(element_class):
        return True
    return element_id is not None and "footer-info-lastmod" in element_id


def _first_of(element: Any, element_id: str | None, element_class: str | None) -> str | None:
    if element_id is None or element_class is None:
        return element_class if element_id is None else element_id
    names = element.keys()
    return element_id if names.index("id") < names.index("class") else element_class


@dataclass
class _SharedPrune:
    page: Any  # the page whose searches share the copy
    copying: Any = None  # a copy of it being pruned
    pruned: Any = None  # the copy as htmldate pruned it, unchanged since


_shared: _SharedPrune | None = None


@contextmanager
def sharing_pruned_copy(page: Any) -> Iterator[None]:
    """htmldate's searches of ``page`` within share one pruned copy of it (the page must not
    change meanwhile)."""
    global _shared
    outer, _shared = _shared, _SharedPrune(page)
    try:
        yield
    finally:
        _shared = outer


def _copy(tree: Any) -> Any:
    """``deepcopy`` as htmldate copies the page before pruning it."""
    shared = _shared
    if shared is None or tree is not shared.page:
        return deepcopy(tree)
    if shared.pruned is not None:
        return shared.pruned
    shared.copying = deepcopy(tree)
    return shared.copying


def _clean_html(tree: Any, elements: list[str]) -> Any:
    shared = _shared
    if shared is not None and tree is shared.pruned:
        if elements == getattr(htmldate.core, "CLEANING_LIST", None):
            return tree  # pruned already
        shared.pruned = None  # about to change: no longer the pruned copy
    return _htmldate_clean_html(tree, elements)


def _discard_unwanted(tree: Any) -> Any:
    shared = _shared
    if shared is not None and tree is shared.pruned:
        return tree  # pruned already
    pruned = _htmldate_discard_unwanted(tree)
    if shared is not None and tree is shared.copying:
        shared.pruned, shared.copying = pruned, None
    return pruned


@contextmanager
def _restricted_parser() -> Iterator[None]:
    hooks: dict[str, Callable[..., object]] = {}
    core_hooks: dict[str, Callable[..., object]] = {}
    if _PRUNE_PATCHABLE and _shared is not None:
        core_hooks = {
            "deepcopy": _copy,
            "clean_html": _clean_html,
            "discard_unwanted": _discard_unwanted,
        }
    if _PATCHABLE:
        hooks["_external_date"] = external_date
    if _MONTHS_PATCHABLE:
        hooks["month_words"] = _month_words
    originals = {name: getattr(htmldate.extractors, name) for name in hooks}
    original_candidates = getattr(htmldate.core, "date_candidates", None)
    core_originals = {name: getattr(htmldate.core, name) for name in core_hooks}
    for name, hook in hooks.items():
        setattr(htmldate.extractors, name, hook)
    for name, hook in core_hooks.items():
        setattr(htmldate.core, name, hook)
    if _CANDIDATES_PATCHABLE:
        htmldate.core.date_candidates = date_candidates
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(htmldate.extractors, name, original)
        for name, original in core_originals.items():
            setattr(htmldate.core, name, original)
        if original_candidates is not None:
            htmldate.core.date_candidates = original_candidates


def find_page_date(tree: Any, **options: Any) -> str | None:
    """``htmldate.find_date`` with the restricted dateparser."""
    with _restricted_parser():
        found = find_date(tree, **options)
    return found if isinstance(found, str) else None
