"""trafilatura's XPath expressions with regular expressions, answered without a call into
Python for every element.

trafilatura finds the parts of a page it deletes (comment sections, share bars, navigation,
hidden blocks) and the element holding the article's body with XPath expressions whose EXSLT
regular expressions (``re:test``) lxml answers by calling back into Python for every element
the expression reaches: a fifth of the extraction's time. Here each such expression is a
finder: a walk in C over the elements of the tags it names (or an XPath without ``re:test``
picking the elements holding one of the attributes it reads), the rest of its test written in
Python with the same regular expressions, giving the same elements in the same (document)
order; a finder of the first such element ends its walk there.

A finder stands for an expression only when the expression's text is the one it was written
from, its regular expressions read from that text (``finder_for``); any other expression,
say of another trafilatura version, is used as it is. ``tests/test_page_prune.py`` holds each
finder to its expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from lxml.etree import XPath  # type: ignore[import-untyped]
from lxml.html import HtmlElement  # type: ignore[import-untyped]

Finder = Callable[[HtmlElement], list[HtmlElement]]
_REGEX = "\x00"  # where a template holds one of the expression's regular expressions


def _first_of(element: HtmlElement, first: str, second: str) -> str:
    """XPath's string of ``@first|@second``: the value of whichever comes first in the
    markup ("" when neither is there)."""
    one, other = element.get(first), element.get(second)
    if one is None:
        return "" if other is None else str(other)
    if other is None:
        return str(one)
    names = element.keys()
    return str(one if names.index(first) < names.index(second) else other)


def _comment_sections(tags: tuple[str, ...], lists: bool) -> Callable[..., Finder]:
    """``REMOVE_COMMENTS_XPATH`` (``lists`` False) and ``REMOVE_COMMENTS_AND_LISTS_XPATH``."""

    def build(*patterns: re.Pattern[str]) -> Finder:
        section_id, section_class = patterns[:2]
        list_id, list_class = patterns[2:] if lists else patterns[:2]

        def find(tree: HtmlElement) -> list[HtmlElement]:
            found = []
            for element in tree.iterdescendants(*tags):
                element_id, element_class = element.get("id") or "", element.get("class") or ""
                if not (section_id.search(element_id) or section_class.search(element_class)):
                    continue
                if (
                    lists
                    and element.tag in ("ol", "ul")
                    and not (list_id.search(element_id) or list_class.search(element_class))
                ):
                    continue  # a list counts only with a comment list's id or class
                found.append(element)
            return found

        return find

    return build


def _scroll_containers(*patterns: re.Pattern[str]) -> Finder:
    """``RAW_TREE_PRUNE_XPATH``'s first expression: infinite-scroll containers."""
    any_id, any_class, named_id, named_class = patterns

    def find(tree: HtmlElement) -> list[HtmlElement]:
        found = []
        for element in tree.iterdescendants("div", "section", "aside"):
            element_id, element_class = element.get("id") or "", element.get("class") or ""
            if not (any_id.search(element_id) or any_class.search(element_class)):
                continue
            if (
                next(element.iterdescendants("h1"), None) is None
                or named_id.search(element_id)
                or named_class.search(element_class)
            ):
                found.append(element)
        return found

    return find


_BLOCK_TAGS = ("div", "item", "list", "p", "section", "span")
_DISCARDED_BLOCKS = XPath(
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span]"
    "[@data-lp-replacement-content or @role or @data-component or @id or @class]"
)


def _discarded_blocks(*patterns: re.Pattern[str]) -> Finder:
    """``OVERALL_DISCARD_XPATH``'s first expression: navigation, share bars, adverts..."""
    first_of_id_class, by_id, by_class = patterns

    def find(tree: HtmlElement) -> list[HtmlElement]:
        return [
            element
            for element in _DISCARDED_BLOCKS(tree)
            if element.get("data-lp-replacement-content") is not None
            or "nav" in (element.get("role") or "").replace("N", "n")
            or "MostPopularStories" in (element.get("data-component") or "")
            or first_of_id_class.search(_first_of(element, "id", "class"))
            or by_id.search(element.get("id") or "")
            or by_class.search(element.get("class") or "")
        ]

    return find


_HIDDEN_CANDIDATES = XPath(".//*[@id or @class or @style or @aria-hidden]")


def _hidden_parts(*patterns: re.Pattern[str]) -> Finder:
    """``OVERALL_DISCARD_XPATH``'s second expression: hidden blocks and comment titles."""
    first_of_id_style, by_id, by_class = patterns

    def hidden(element: HtmlElement) -> bool:
        element_class, style = element.get("class"), element.get("style") or ""
        return (
            element_class == "comments-title"
            or _first_of(element, "id", "class").startswith("reply-")
            or first_of_id_style.search(_first_of(element, "id", "style")) is not None
            or "display:none" in style
            or "display: none" in style
            or by_id.search(element.get("id") or "") is not None
            or by_class.search(element_class or "") is not None
            or element.get("aria-hidden") == "true"
        )

    def find(tree: HtmlElement) -> list[HtmlElement]:
        return [element for element in _HIDDEN_CANDIDATES(tree) if hidden(element)]

    return find


_PRECISION_CANDIDATES = XPath(
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span]"
    "[@id or @class or @style]"
)


def _bottom_and_link_blocks(*patterns: re.Pattern[str]) -> Finder:
    """``PRECISION_DISCARD_XPATH``'s second expression: blocks named bottom or link."""
    bottom, link = patterns

    def find(tree: HtmlElement) -> list[HtmlElement]:
        found = []
        for element in _PRECISION_CANDIDATES(tree):
            first = _first_of(element, "id", "class")
            style = element.get("style") or ""
            if bottom.search(first) or link.search(first) or "border" in style:
                found.append(element)
        return found

    return find


_BODY_TAGS = ("article", "div", "main", "section")


def _article_bodies(*patterns: re.Pattern[str]) -> Finder:
    """``BODY_XPATH``'s first expression: each element's first child named as an article
    body, in document order (given as they are found: the extraction reads the first)."""
    by_id, by_class = patterns

    def named(element: HtmlElement) -> bool:
        element_id, element_class = element.get("id"), element.get("class")
        return (
            element_class in ("post", "entry")
            or element.get("itemprop") == "articleBody"
            or element_id == "articleContent"
            or by_id.search(element_id or "") is not None
            or by_class.search(element_class or "") is not None
        )

    def find(tree: HtmlElement) -> Iterator[HtmlElement]:
        parents = set()  # those whose first such child was given
        for element in tree.iterdescendants(*_BODY_TAGS):
            if named(element):
                parent = element.getparent()
                if parent not in parents:
                    parents.add(parent)
                    yield element

    return find  # type: ignore[return-value]


_FULLTEXT = re.compile("fulltext", re.IGNORECASE)  # re:test(@class, 'fulltext', 'i')


def _story_body(*patterns: re.Pattern[str]) -> Finder:
    """``BODY_XPATH``'s third expression: the first element named as a story."""
    by_id, by_class = patterns

    def named(element: HtmlElement) -> bool:
        element_id, element_class = element.get("id"), element.get("class")
        return (
            element.get("role") == "article"
            or element_id in ("article", "story")
            or element_class in ("postarea", "art-postcontent", "text", "cell", "story")
            or by_id.search(element_id or "") is not None
            or _FULLTEXT.search(element_class or "") is not None
            or by_class.search(element_class or "") is not None
        )

    return _first_found(named)


def _main_content(*patterns: re.Pattern[str]) -> Finder:
    """``BODY_XPATH``'s fourth expression: the first element named as the main content."""
    by_id, by_class = patterns

    def named(element: HtmlElement) -> bool:
        element_id, element_class = element.get("id") or "", element.get("class") or ""
        return (
            element_id == "content"
            or element_class == "content"
            or by_id.search(element_id) is not None
            or by_class.search(element_class) is not None
            or "main-content" in element_id.replace("C", "c").replace("M", "m")
            or "main-content" in element_class.replace("C", "c").replace("M", "m")
            or "page-content" in element_class.replace("C", "c").replace("P", "p")
        )

    return _first_found(named)


def _first_found(named: Callable[[HtmlElement], bool]) -> Finder:
    """``(.//*[self::article or self::div or self::main or self::section][...])[1]``"""

    def find(tree: HtmlElement) -> list[HtmlElement]:
        for element in tree.iterdescendants(*_BODY_TAGS):
            if named(element):
                return [element]  # the walk ends at the first
        return []

    return find


# Each expression's text (whitespace normalised), its regular expressions left out, and the
# finder built from them; the finder's Python tests read no regular expression that matches an
# empty string (an absent attribute reads as one), which ``finder_for`` checks.
_TEMPLATES: tuple[tuple[str, Callable[..., Finder]], ...] = (
    (
        ".//*[self::div or self::list or self::section or self::details][ re:test(@id, \x00)"
        " or re:test(@class, \x00)]",
        _comment_sections(("div", "list", "section", "details"), lists=False),
    ),
    (
        ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul]"
        "[ re:test(@id, \x00) or re:test(@class, \x00)][ not(self::ol or self::ul) or"
        " re:test(@id, \x00) or re:test(@class, \x00)]",
        _comment_sections(("div", "list", "section", "details", "ol", "ul"), lists=True),
    ),
    (
        ".//*[self::div or self::section or self::aside][ re:test(@id, \x00) or"
        " re:test(@class, \x00)][ not(.//h1) or re:test(@id, \x00) or re:test(@class, \x00)]",
        _scroll_containers,
    ),
    (
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span]["
        " @data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or"
        " contains(@data-component, 'MostPopularStories') or re:test(@id|@class, \x00) or"
        " re:test(@id, \x00) or re:test(@class, \x00)]",
        _discarded_blocks,
    ),
    (
        ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or"
        " re:test(@id|@style, \x00) or contains(@style, 'display:none') or"
        " contains(@style, 'display: none') or re:test(@id, \x00) or re:test(@class, \x00)"
        " or @aria-hidden='true']",
        _hidden_parts,
    ),
    (
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
        "re:test(@id|@class, \x00) or re:test(@id|@class, \x00) or contains(@style, 'border')]",
        _bottom_and_link_blocks,
    ),
    (
        ".//*[self::article or self::div or self::main or self::section][ @class='post' or"
        " @class='entry' or @itemprop='articleBody' or @id='articleContent' or re:test(@id, \x00)"
        " or re:test(@class, \x00) ][1]",
        _article_bodies,
    ),
    (
        "(.//*[self::article or self::div or self::main or self::section][ @role='article' or"
        " @id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or"
        " @class='text' or @class='cell' or @class='story' or re:test(@id, \x00) or"
        " re:test(@class, 'fulltext', 'i') or re:test(@class, \x00) ])[1]",
        _story_body,
    ),
    (
        "(.//*[self::article or self::div or self::main or self::section][ @id='content' or"
        " @class='content' or re:test(@id, \x00) or re:test(@class, \x00) or"
        " contains(translate(@id, 'CM','cm'), 'main-content') or"
        " contains(translate(@class, 'CM','cm'), 'main-content') or"
        " contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
        _main_content,
    ),
)


def _template_regex(template: str) -> re.Pattern[str]:
    return re.compile(re.escape(template).replace(_REGEX, "'([^']*)'"))


_MATCHERS = tuple((_template_regex(template), build) for template, build in _TEMPLATES)


def finder_for(expression: Any) -> Any:
    """A finder giving what the XPath ``expression`` gives, or the expression itself."""
    path = " ".join(str(getattr(expression, "path", "")).split())
    for matcher, build in _MATCHERS:
        match = matcher.fullmatch(path)
        if match is None:
            continue
        try:
            patterns = [re.compile(pattern) for pattern in match.groups()]
        except re.error:
            return expression
        if any(pattern.search("") for pattern in patterns):
            return expression  # an absent attribute would match: not what the finders assume
        return build(*patterns)
    return expression


def finders(expressions: Sequence[Any]) -> list[Any]:
    """``finder_for`` of each expression of a list (trafilatura prunes with such lists)."""
    return [finder_for(expression) for expression in expressions]


# The lists of expressions trafilatura's extraction steps read from their modules while our
# sequence runs them: (module, name) -> the list with finders.
def _pruning_lists() -> dict[tuple[Any, str], list[Any]]:
    from trafilatura import core, external, main_extractor

    lists: dict[tuple[Any, str], list[Any]] = {}
    for module in (main_extractor, core, external):
        for name in (
            "BODY_XPATH",
            "OVERALL_DISCARD_XPATH",
            "PRECISION_DISCARD_XPATH",
            "REMOVE_COMMENTS_XPATH",
            "REMOVE_COMMENTS_AND_LISTS_XPATH",
        ):
            expressions = getattr(module, name, None)
            if isinstance(expressions, list):
                lists[(module, name)] = finders(expressions)
    return lists


_LISTS = _pruning_lists()
# trafilatura's own lists, taken once: a step that ends puts these back, never what it found
# on entering, so that overlapping steps (two threads extracting at once) cannot leave the
# finders in place for the rest of the process.
_ORIGINALS = {key: getattr(key[0], key[1]) for key in _LISTS}


@contextmanager
def trafilatura_with_finders() -> Iterator[None]:
    """trafilatura's extraction steps run within find the body and prune with the finders."""
    for (module, name), expressions in _LISTS.items():
        setattr(module, name, expressions)
    try:
        yield
    finally:
        for (module, name), expressions in _ORIGINALS.items():
            setattr(module, name, expressions)
