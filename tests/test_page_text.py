"""The page's text length measured without an XPath is html2txt's, on pages made of the
elements, classes and ids that html2txt drops."""

from __future__ import annotations

from html import escape

import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from triangulate.ingest.extract import parse_html
from triangulate.ingest.page_text import page_text_length

TAGS = ["div", "p", "span", "aside", "footer", "script", "style", "svg", "template", "section",
        "h2", "li", "b", "br", "fencedframe", "td"]  # fmt: skip
VALUES = ["footer", "site-footer", "Cookie-Banner", "cookiebot", "onetrust-sdk", "consent_manager",
          "notice--cookie", "main", "story", "FOOTER"]  # fmt: skip
WORDS = st.sampled_from(["River inspectors left.", "  ", "\n", "Lindmouth\x07port", "a", ""])


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    names = draw(st.lists(st.sampled_from(["class", "id"]), unique=True, max_size=2))
    attributes = "".join(f' {name}="{escape(draw(st.sampled_from(VALUES)))}"' for name in names)
    children = draw(st.lists(elements(depth + 1), max_size=3)) if depth < 3 else []
    inner = draw(WORDS) + "".join(f"{child}{draw(WORDS)}" for child in children)
    comment = "<!-- a comment -->" if draw(st.booleans()) else ""
    return f"<{tag}{attributes}>{comment}{inner}</{tag}>"


@settings(max_examples=400, deadline=None)
@given(st.lists(elements(), min_size=1, max_size=5), st.booleans())
def test_the_length_of_html2txt(body: list[str], with_body: bool) -> None:
    inner = "".join(body)
    page = f"<html><body>{inner}</body></html>" if with_body else f"<div>{inner}</div>"
    tree = parse_html(page)
    assert tree is not None
    before = etree.tostring(tree)
    assert page_text_length(tree) == len(trafilatura.html2txt(tree))
    assert etree.tostring(tree) == before  # the page is left as it was


def test_footers_scripts_and_cookie_banners_do_not_count() -> None:
    page = (
        "<html><body><p>River inspectors left.</p><div id='x' class='footer'>Contact</div>"
        "<div class='site-footer'>About us</div><script>var a = 1;</script>"
        "<section class='Cookie-Banner'>We use cookies</section></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None
    assert (
        page_text_length(tree)
        == len(trafilatura.html2txt(tree))
        == len("River inspectors left. Contact")
    )
