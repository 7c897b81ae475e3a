"""trafilatura's author search on a page, its XPath expressions tested in one pass of Python.

``trafilatura.metadata.extract_author`` copies the page, deletes what cannot hold a byline
(comments, sidebars, dates, figures) and tries three XPath expressions in turn. The expressions
test class and id attributes with EXSLT regular expressions, which lxml answers by calling
back into Python for every element: a tenth of the whole extraction of a page. Here each
expression is the same test written in Python (the same regular expressions, the same
attribute comparisons, the same element names) over the elements in document order, which is
the order an XPath answer has; the deletion and what is read from the elements found are
trafilatura's own. ``tests/test_page_authors.py`` holds it to trafilatura's answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy

from lxml.etree import XPath  # type: ignore[import-untyped]
from lxml.html import HtmlElement  # type: ignore[import-untyped]
from trafilatura.json_metadata import normalize_authors
from trafilatura.utils import trim
from trafilatura.xml import delete_element

MAX_AUTHOR_CHARS = 120  # extract_author's len_limit

Test = Callable[[HtmlElement], bool]

# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS, the first expression
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)


def _discarded(element: HtmlElement) -> bool:
    if element.tag not in _DISCARD_TAGS:
        return False
    element_id, element_class = element.get("id"), element.get("class")
    return (
        element_id == "comments"
        or element_class in ("comments", "title", "date")
        or _search(_DISCARD_ID, element_id)
        or _search(_DISCARD_CLASS, element_class)
        or "Figure" in (element.get("data-component") or "")
    )


# trafilatura.xpaths.AUTHOR_XPATHS, in their order
_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_SPECIFIC_CLASS = re.compile(r"author-?name|AuthorName|authorName")


def _specific(element: HtmlElement) -> bool:
    if element.tag == "author":
        return True
    if element.tag not in _SPECIFIC_TAGS:
        return False
    element_class = element.get("class")
    return (
        element.get("rel") == "author"
        or element.get("id") == "author"
        or element_class == "author"
        or element.get("itemprop") == "author name"
        or any(_string_value(child) == "me" for child in element.iterchildren("rel"))
        or element.get("data-testid") in ("AuthorCard", "AuthorURL")
        or _search(_SPECIFIC_CLASS, element_class)
    )


_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_GENERIC_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_GENERIC_CLASS = re.compile(
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)


def _generic(element: HtmlElement) -> bool:
    if element.tag not in _GENERIC_TAGS:
        return False
    element_class = element.get("class")
    return (
        element_class in ("byline", "username", "byl", "BBL")
        or "author" in (element.get("itemprop") or "")
        or _search(_GENERIC_ID, element.get("id"))
        or _search(_GENERIC_CLASS, element_class)
    )


_ANY_ID = re.compile(r"[Aa]uthor")
_ANY_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")


def _last_resort(element: HtmlElement) -> bool:
    return (
        "Byline" in (element.get("data-component") or "")
        or "author" in (element.get("itemprop") or "")
        or _search(_ANY_ID, element.get("id"))
        or _search(_ANY_CLASS, element.get("class"))
    )


_AUTHOR_TESTS: tuple[Test, ...] = (_specific, _generic, _last_resort)


def _search(pattern: re.Pattern[str], value: str | None) -> bool:
    """EXSLT's ``re:test(@attribute, pattern)``: a missing attribute tests the empty string."""
    return pattern.search(value or "") is not None


def _string_value(element: HtmlElement) -> str:
    return "".join(element.itertext())


# The elements any test or the deletion may pick: one with none of these attributes, no <rel>
# child and another name than <author> fails every test (each tests an attribute for a value
# or a pattern no empty value matches), so the others are never handed to Python.
_TESTED = XPath(
    "descendant-or-self::*[@class or @id or @itemprop or @rel or @data-testid"
    " or @data-component or self::author or rel]"
)


def _elements(tree: HtmlElement) -> list[HtmlElement]:
    """Every element (no comments or processing instructions), in document order."""
    return [element for element in tree.iter() if isinstance(element.tag, str)]


def extract_author(tree: HtmlElement) -> str | None:
    """What ``trafilatura.metadata.extract_author(tree)`` returns; ``tree`` is left untouched.

    trafilatura searches a copy of the page with the parts that cannot hold a byline deleted.
    Here the page itself is searched, those parts skipped: an element outside them reads the
    same in both, unless one of them lay inside it (deleting it also moves its tail text, so
    the element's text may join differently). Only when such an element passes a test is the
    copy made and searched as trafilatura does (a byline holding a ``<time>``, say); most
    pages find their byline, or none, without copying the page.
    """
    elements = _TESTED(tree)
    removed, enclosing = _deleted_parts(tree, elements)
    if any(element.tag == "rel" for element in enclosing):
        return _author_in_copy(tree)  # the first test reads a <rel> child's text
    kept = [element for element in elements if element not in removed]
    for test in _AUTHOR_TESTS:
        for element in filter(test, kept):
            if element in enclosing:
                return _author_in_copy(tree)
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < MAX_AUTHOR_CHARS:
                return normalize_authors(None, content)
    return None


def _deleted_parts(
    tree: HtmlElement, elements: list[HtmlElement]
) -> tuple[set[HtmlElement], set[HtmlElement]]:
    """The elements trafilatura's copy deletes (with everything inside them), and the kept
    elements enclosing one of them, whose text or tests may read differently in the copy."""
    removed: set[HtmlElement] = set()
    enclosing: set[HtmlElement] = set()
    deleted = [e for e in elements if e is not tree and _discarded(e)]
    deleted += [e for e in tree.iter("time", "figure") if e is not tree]
    for element in deleted:
        if element not in removed:
            removed.update(element.iter())
            for ancestor in element.iterancestors():
                if ancestor in enclosing:
                    break
                enclosing.add(ancestor)
    return removed, enclosing


def _author_in_copy(tree: HtmlElement) -> str | None:
    """trafilatura's search itself: the copy, its parts deleted, the three tests."""
    subtree = deepcopy(tree)
    for element in [e for e in _elements(subtree) if e is not subtree and _discarded(e)]:
        delete_element(element)
    for element in list(subtree.iter("time", "figure")):
        delete_element(element)
    elements = _elements(subtree)
    for test in _AUTHOR_TESTS:
        for element in filter(test, elements):
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < MAX_AUTHOR_CHARS:
                return normalize_authors(None, content)
    return None
