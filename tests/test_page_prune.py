"""trafilatura's expressions with regular expressions (the pruning lists, the body's) answered by
finders: the same elements, in the same order, on pages made of the tags and the id, class,
style, role and other values they test."""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.etree import XPath
from trafilatura import xpaths

from triangulate.ingest.extract import parse_html
from triangulate.ingest.page_prune import finder_for

EXPRESSIONS = [
    expression
    for name in (
        "BODY_XPATH",
        "REMOVE_COMMENTS_XPATH",
        "REMOVE_COMMENTS_AND_LISTS_XPATH",
        "RAW_TREE_PRUNE_XPATH",
        "OVERALL_DISCARD_XPATH",
        "PRECISION_DISCARD_XPATH",
    )
    for expression in getattr(xpaths, name)
]
TAGS = ["div", "p", "span", "section", "details", "ol", "ul", "li", "list", "item", "aside", "h1",
        "header", "b", "table", "article", "main"]  # fmt: skip
VALUES = ["comment", "Comments", "commentary", "comol-1", "disqus_thread", "post-comments",
          "infinite-scroll", "mvp-post-add-box", "share-bar", "Share", "navbar", "main-nav",
          "ad-slot", "top ad box", "widget", "author", "cookie", "site-footer", "hidden", "x hide",
          "reply-to", "message", "bottom", "link", "story", "display:none", "display: none",
          "border:1px", "true", "navigation", "MostPopularStories", "", "tags", "yin", "post",
          "entry", "article-body", "articleContent", "articleBody", "article", "story", "text",
          "FullText", "story-content", "content", "Main-Content", "page-Content", "contentBody",
          "primary-col"]  # fmt: skip
NAMES = ["id", "class", "style", "role", "aria-hidden", "data-component",
         "data-lp-replacement-content", "itemprop"]  # fmt: skip


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    names = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=4))
    attributes = "".join(f' {name}="{escape(draw(st.sampled_from(VALUES)))}"' for name in names)
    children = draw(st.lists(elements(depth + 1), max_size=3)) if depth < 3 else []
    inner = "Harbour text " + "".join(f"{child} tail" for child in children)
    return f"<{tag}{attributes}>{inner}</{tag}>"


def test_every_expression_with_regular_expressions_has_a_finder() -> None:
    for expression in EXPRESSIONS:
        if "re:test" in expression.path:
            assert not isinstance(finder_for(expression), XPath), expression.path


def test_an_expression_of_another_text_is_used_as_it_is() -> None:
    other = XPath(".//*[self::div][re:test(@id, 'x')]", namespaces={"re": xpaths.REGEXP_NS})
    assert finder_for(other) is other
    matches_empty = XPath(
        ".//*[self::div or self::list or self::section or self::details][ re:test(@id, 'a*')"
        " or re:test(@class, 'b')]",
        namespaces={"re": xpaths.REGEXP_NS},
    )
    assert finder_for(matches_empty) is matches_empty  # an absent attribute would match


@settings(max_examples=300, deadline=None)
@given(st.lists(elements(), min_size=1, max_size=5))
def test_each_finder_finds_what_its_expression_finds(body: list[str]) -> None:
    tree = parse_html(f"<html><body>{''.join(body)}</body></html>")
    assert tree is not None
    for expression in EXPRESSIONS:
        found, expected = list(finder_for(expression)(tree)), expression(tree)
        assert [id(element) for element in found] == [id(element) for element in expected]


@pytest.mark.parametrize(
    ("expression", "markup", "found"),
    [
        (
            xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH[0],
            "<div id='comments'>x</div><ol class='comment-list'>y</ol><ul id='dsq-comments'>z</ul>",
            ["div", "ol"],
        ),  # the ul's id names a comment section, not a comment list
        (
            xpaths.OVERALL_DISCARD_XPATH[0],
            "<div class='cookie-box' id='story'>x</div><p id='story' class='cookie-box'>y</p>",
            ["div"],
        ),  # "cookie" counts in whichever of id and class comes first
        (
            xpaths.OVERALL_DISCARD_XPATH[1],
            "<div style='display: none'>x</div><span aria-hidden='true'>y</span><p>z</p>",
            ["div", "span"],
        ),
    ],
)
def test_invented_parts_found(expression: XPath, markup: str, found: list[str]) -> None:
    tree = parse_html(f"<html><body>{markup}</body></html>")
    assert tree is not None
    assert [element.tag for element in list(finder_for(expression)(tree))] == found
    assert [element.tag for element in expression(tree)] == found


def test_overlapping_steps_leave_trafilatura_its_own_lists() -> None:
    """Two extractions overlapping (threads): the first to end must not leave the finders in
    trafilatura's modules for the rest of the process, nor the second put them back."""
    from trafilatura import main_extractor

    from triangulate.ingest.page_prune import trafilatura_with_finders

    def body() -> object:
        return getattr(main_extractor, "BODY_XPATH")  # noqa: B009 (not a public name)

    own = body()
    first, second = trafilatura_with_finders(), trafilatura_with_finders()
    first.__enter__()
    second.__enter__()
    assert body() is not own  # the finders, while a step runs
    first.__exit__(None, None, None)
    second.__exit__(None, None, None)
    assert body() is own
