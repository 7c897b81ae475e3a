"""The author search tested in Python gives trafilatura's answers, on pages made of the
elements, classes and ids its expressions look at."""

from __future__ import annotations

from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura.metadata import extract_author as trafilatura_author

from triangulate.ingest.extract import parse_html
from triangulate.ingest.page_authors import extract_author

TAGS = ["a", "address", "div", "link", "p", "span", "strong", "h3", "h4", "section", "time",
        "figure", "author", "rel", "li", "em"]  # fmt: skip
CLASSES = ["author", "author-name", "AuthorName", "byline", "Byline", "username", "BBL",
           "comments", "commentlist", "sidebar", "title", "date", "meta-date", "writer",
           "screenname", "submitted-by", "post author", "print-only", "quote", "story"]  # fmt: skip
IDS = ["author", "Author", "comments", "comment-list", "zuozhe", "main", "ProductReviews"]
ATTRIBUTES = st.fixed_dictionaries(
    {},
    optional={
        "class": st.sampled_from(CLASSES),
        "id": st.sampled_from(IDS),
        "rel": st.sampled_from(["author", "me", "nofollow"]),
        "itemprop": st.sampled_from(["author", "author name", "name", "authorName"]),
        "data-testid": st.sampled_from(["AuthorCard", "AuthorURL", "Other"]),
        "data-component": st.sampled_from(["Byline", "FigureBlock", "Text"]),
    },
)
WORDS = st.sampled_from(["Mara Quill", "me", "By", "Tomas Reed", "and", "Staff", "x" * 130, ""])


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attributes = "".join(f' {k}="{escape(v)}"' for k, v in draw(ATTRIBUTES).items())
    children = draw(st.lists(elements(depth + 1), max_size=3)) if depth < 3 else []
    inner = draw(WORDS) + "".join(f"{child}{draw(WORDS)}" for child in children)
    return f"<{tag}{attributes}>{inner}</{tag}>"


@settings(max_examples=600, deadline=None)
@given(st.lists(elements(), min_size=1, max_size=6))
def test_the_same_author_as_trafilatura(body: list[str]) -> None:
    tree = parse_html(f"<html><head><title>t</title></head><body>{''.join(body)}</body></html>")
    assert tree is not None
    before = etree.tostring(tree)
    assert extract_author(tree) == trafilatura_author(tree)
    assert etree.tostring(tree) == before  # the page is left as it was


def test_a_byline_outside_the_discarded_parts() -> None:
    page = (
        '<html><body><div class="comments"><span class="author">Ines Ward</span></div>'
        '<p class="byline">By Mara Quill<time>today</time></p></body></html>'
    )
    tree = parse_html(page)
    assert tree is not None
    assert extract_author(tree) == trafilatura_author(tree) == "Mara Quill"


def test_bylines_in_a_sidebar_or_a_figure_are_not_the_author() -> None:
    page = (
        '<html><body><div class="sidebar"><span class="author-name">Ines Ward</span></div>'
        '<figure><span class="author-name">Tomas Reed</span></figure>'
        '<p class="byline">Mara Quill</p></body></html>'
    )
    tree = parse_html(page)
    assert tree is not None
    assert extract_author(tree) == trafilatura_author(tree) == "Mara Quill"
