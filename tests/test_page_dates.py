"""htmldate's extensive date search with a dateparser restricted to the string's locales."""

from __future__ import annotations

from copy import deepcopy

import htmldate.core
import htmldate.extractors
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from triangulate.ingest import page_dates

STRINGS = [
    "12. Mai 2019",
    "May 3, 2018",
    "3 de mayo de 2018",
    "Mittwoch, 4. März 2020",
    "le 5 juin 2021 à 10h",
    "17 2020 12",
]


@pytest.mark.parametrize("string", STRINGS)
def test_the_restricted_parser_reads_what_every_locale_reads(string: str) -> None:
    every_locale = htmldate.extractors.get_external_parser().get_date_data(string)["date_obj"]
    assert page_dates.external_date(string) == every_locale


def test_locales_are_those_naming_the_month_in_dateparsers_order() -> None:
    found = page_dates.locales_for("Mittwoch, 4. März 2020")
    assert "de" in found and "en" not in found
    assert page_dates.locales_for("4 2020") == ("en",)


def test_find_page_date_leaves_htmldates_own_parser_in_place() -> None:
    original = htmldate.extractors._external_date
    tree = html.fromstring(
        "<html><body><p>Ein erfundener Bericht aus Lindmund.</p>"
        "<p>Veröffentlicht am Mittwoch, 4. März 2020</p></body></html>"
    )
    assert page_dates.find_page_date(tree, extensive_search=True, original_date=True)
    assert htmldate.extractors._external_date is original


def test_the_month_words_from_the_cache_are_htmldates() -> None:
    """htmldate's month names of every locale, read from the cached table rather than by
    loading every locale in each process; its own function is back in place after a search."""
    original = htmldate.extractors.month_words
    tree = html.fromstring("<html><body><p>Publicado el 4 de marzo, a las 10</p></body></html>")
    page_dates.find_page_date(tree, extensive_search=True, original_date=True)
    assert htmldate.extractors.month_words is original
    assert page_dates._month_words() == original()
    assert {"march", "märz", "marzo"} <= page_dates._month_words()


TAGS = ["div", "span", "p", "time", "li", "footer", "small", "section", "a", "h2"]
VALUES = ["date", "pubDate", "Datum", "meta", "post-time", "publish", "footer", "byline",
          "story", "fecha", "footer-info-lastmod", "main", ""]  # fmt: skip
NAMES = st.lists(st.sampled_from(["id", "class", "itemprop", "title"]), unique=True, max_size=4)


@st.composite
def dated_elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    names = draw(NAMES)  # in the order drawn: which of id and class comes first matters
    attributes = "".join(f' {name}="{draw(st.sampled_from(VALUES))}"' for name in names)
    children = draw(st.lists(dated_elements(depth + 1), max_size=3)) if depth < 2 else []
    return f"<{tag}{attributes}>x{''.join(children)}</{tag}>"


@settings(max_examples=400, deadline=None)
@given(st.lists(dated_elements(), min_size=1, max_size=5), st.booleans())
def test_the_same_date_candidates_as_htmldate(body: list[str], extensive: bool) -> None:
    tree = html.fromstring(f"<html><body>{''.join(body)}</body></html>")
    ours = page_dates.date_candidates(tree, extensive)
    assert ours == htmldate.core.date_candidates(tree, extensive)


PIECES = [
    "<p>Die erfundene Fähre von Lindmund legte am 4. März 2020 wieder an.</p>",
    "<p>Invented harbour news, filed 3 May 2018 by the quay office.</p>",
    '<script>var stamp = "2019-05-03T10:00:00";</script>',
    "<style>.late { color: red } /* 2017-01-02 */</style>",
    "<svg><text>2018-01-02</text></svg>",
    '<div class="date">12. Mai 2019</div>',
    '<span id="pubDate">2016-02-03</span>',
    "<footer>Updated 2021-07-08</footer>",
    '<time datetime="2020-06-01">June 1</time>',
    '<img src="/media/2017/04/05/quay.jpg">',
    '<iframe src="/2015/09/09/embed"></iframe>',
    '<div id="comments"><p>Comment of 2022-02-02</p></div>',
    "<h1>Ferry back on 2014-11-12</h1>",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6))
def test_the_two_searches_sharing_the_pruned_copy_find_what_each_finds_alone(
    pieces: list[str],
) -> None:
    def searches(tree: html.HtmlElement) -> tuple[str | None, str | None]:
        extensive = page_dates.find_page_date(tree, extensive_search=True, original_date=True)
        quick = page_dates.find_page_date(tree, extensive_search=False, original_date=True)
        return extensive, quick

    markup = f"<html><head><title>t</title></head><body>{''.join(pieces)}</body></html>"
    alone = searches(html.fromstring(markup))
    tree = html.fromstring(markup)
    with page_dates.sharing_pruned_copy(tree):
        shared = searches(tree)
    assert shared == alone
    assert getattr(htmldate.core, "deepcopy") is deepcopy  # noqa: B009 (htmldate's own, back)


def test_the_quick_search_after_the_extensive_one_copies_the_page_no_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copies: list[object] = []

    def counted(tree: object) -> object:
        copies.append(tree)
        return deepcopy(tree)

    monkeypatch.setattr(page_dates, "deepcopy", counted)
    markup = "<html><body><p>Invented ferry notes.</p><footer>Updated 2021-07-08</footer></body>"
    tree = html.fromstring(markup)
    with page_dates.sharing_pruned_copy(tree):
        page_dates.find_page_date(tree, extensive_search=True, original_date=True)
        page_dates.find_page_date(tree, extensive_search=False, original_date=True)
    assert copies == [tree]  # once for both searches (each copies the page on its own)
