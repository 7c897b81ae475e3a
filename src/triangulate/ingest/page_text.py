"""How much text a page holds, as ``len(trafilatura.html2txt(tree))``, without its XPath.

The extractor's retry is decided by the share of the page's text the first pass kept, the
page's text measured as trafilatura's ``html2txt`` gives it (and trafilatura's own recall
escalation measures the same way). ``html2txt`` finds the parts it drops (asides, footers,
scripts, styles, cookie banners) with one XPath expression whose EXSLT regular expressions
lxml answers by calling back into Python for every element: over half of its time. Here the
same test is written in Python over the body's elements in document order (the order of the
XPath's answer); the copy, the deletion and the text are trafilatura's own.
``tests/test_page_text.py`` holds it to ``html2txt``.
"""

from __future__ import annotations

import re
from copy import copy

from lxml.etree import XPath  # type: ignore[import-untyped]
from lxml.html import HtmlElement  # type: ignore[import-untyped]
from trafilatura.baseline import _spaced_text
from trafilatura.xml import delete_element

# trafilatura.settings.BASIC_CLEAN_XPATH:
#   .//aside | .//div[contains(@class|@id, 'footer')] | .//fencedframe | .//footer | .//script
#   | .//style | .//svg | .//template
#   | .//*[re:test(@class, COOKIE_CONSENT, 'i') or re:test(@id, COOKIE_CONSENT, 'i')]
_DROPPED_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})
_COOKIE_CONSENT = re.compile(
    r"cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
    r"|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr",
    re.IGNORECASE,
)


# The elements ``_dropped`` may pick, found in C in document order: one of the dropped tags,
# or one with a class or an id (an element with neither and another tag is never dropped).
_MAY_BE_DROPPED = XPath(
    " | ".join([*(f".//{tag}" for tag in sorted(_DROPPED_TAGS)), ".//*[@class or @id]"])
)


def _dropped(element: HtmlElement) -> bool:
    tag = element.tag
    if tag in _DROPPED_TAGS:
        return True
    element_class, element_id = element.get("class"), element.get("id")
    if element_class is None and element_id is None:  # most elements: nothing to test
        return False
    if tag == "div" and "footer" in _first_of_class_or_id(element):
        return True
    return (
        _COOKIE_CONSENT.search(element_class or "") is not None
        or _COOKIE_CONSENT.search(element_id or "") is not None
    )


def _first_of_class_or_id(element: HtmlElement) -> str:
    """XPath's string of ``@class|@id``: the value of whichever comes first in the markup."""
    for name, value in element.items():
        if name in ("class", "id"):
            return str(value)
    return ""


def page_text_length(tree: HtmlElement) -> int:
    """``len(trafilatura.html2txt(tree))``; ``tree`` is left untouched."""
    tree = copy(tree)
    body = tree.find(".//body")
    if body is None:
        body = tree
    dropped = [e for e in _MAY_BE_DROPPED(body) if _dropped(e)]  # elements only
    for element in dropped:
        delete_element(element)
    return len(_spaced_text(body))
