"""HTML main text and metadata, on small invented pages."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import tostring
from trafilatura.metadata import extract_metadata

from triangulate.errors import InputError
from triangulate.ingest.extract import (
    ExtractedPage,
    _add_sibling_chunks,
    comparison_may_help,
    extract_html,
    is_boilerplate_line,
    page_metadata,
    parse_html,
    precise_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
STORY_URL = "https://courier.example/news/2024/03/04/portvale-strike"


@pytest.fixture(scope="module")
def story() -> ExtractedPage:
    return extract_html((FIXTURES / "news_story.html").read_bytes(), STORY_URL)


def _paragraphs(count: int, words: str = "The harbour board met again on Tuesday") -> str:
    return "".join(
        f"<p>{words}, said speaker number {i} at the long meeting.</p>" for i in range(count)
    )


def test_story_text_keeps_the_article_paragraphs(story: ExtractedPage) -> None:
    assert story.text.startswith("Dock workers in the fictional port city of Portvale")
    assert '"We will not go back until the contract is signed,"' in story.text
    assert story.text.endswith("before the end of the week.")


def test_story_text_drops_page_furniture(story: ExtractedPage) -> None:
    for furniture in ("cookies", "Sport", "Most read", "Privacy policy", "All rights reserved"):
        assert furniture not in story.text


def test_story_text_drops_share_and_read_more_lines(story: ExtractedPage) -> None:
    assert "Share this article" not in story.text
    assert "Read more:" not in story.text


def test_title_is_not_repeated_as_first_paragraph(story: ExtractedPage) -> None:
    assert story.title == "Harbour cranes fall silent as Portvale strike enters second week"
    assert not story.text.startswith("Harbour cranes")


def test_headings_and_list_items_are_their_own_paragraphs(story: ExtractedPage) -> None:
    paragraphs = story.text.split("\n\n")
    assert "Ships diverted along the coast" in paragraphs
    assert "Fruit importers have moved about a third of their shipments to Lindmouth." in paragraphs
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in paragraphs)


def test_story_metadata(story: ExtractedPage) -> None:
    assert story.authors == ("Lina Marsh",)
    assert story.published == "2024-03-04"
    assert story.published_how == "html-meta"
    assert story.sitename == "The Estrava Courier"
    assert story.url == STORY_URL
    assert story.language == "en"
    assert story.fully_extracted


def test_url_is_taken_from_canonical_link_when_not_given() -> None:
    page = extract_html((FIXTURES / "news_story.html").read_text(encoding="utf-8"))
    assert page.url == STORY_URL


def test_date_from_time_element_only() -> None:
    html = (
        "<html><head><title>Council vote</title></head><body><article>"
        '<p class="date"><time datetime="2023-11-09T10:00">9 November</time></p>'
        f"{_paragraphs(6)}</article></body></html>"
    )
    page = extract_html(html, "https://news.example/council-vote")
    assert page.published == "2023-11-09"
    assert page.published_how == "html-time"


def test_date_from_url_when_page_has_none() -> None:
    html = f"<html><body><article>{_paragraphs(6)}</article></body></html>"
    page = extract_html(html, "https://news.example/2022/07/15/harbour-board")
    assert page.published == "2022-07-15"
    assert page.published_how == "url"


def test_no_date_no_language_when_none_declared() -> None:
    page = extract_html(f"<html><body><article>{_paragraphs(6)}</article></body></html>")
    assert page.published is None and page.published_how is None
    assert page.language is None
    assert page.authors == ()


def test_language_from_meta_content_language() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Language" content="de-AT"></head>'
        f"<body><article>{_paragraphs(6, 'Der Hafenrat tagte am Dienstag erneut')}</article>"
        "</body></html>"
    )
    assert extract_html(html).language == "de"


def test_bytes_in_declared_legacy_encoding() -> None:
    body = _paragraphs(6, "Le conseil du port s'est réuni à Noël, déclare-t-on à Portvale")
    html = f'<html><head><meta charset="windows-1252"></head><body><article>{body}</article></body></html>'
    page = extract_html(html.encode("windows-1252"))
    assert "réuni à Noël" in page.text


def test_bytes_in_utf16_with_bom() -> None:
    html = f"<html><body><article>{_paragraphs(6, 'Größere Schiffe warten vor Portvale')}</article></body></html>"
    page = extract_html(html.encode("utf-16"))
    assert "Größere Schiffe" in page.text


def test_very_short_page_is_not_fully_extracted() -> None:
    page = extract_html(
        "<html><body><p>Harbour reopens after the strike ended today.</p></body></html>"
    )
    assert "Harbour reopens" in page.text
    assert not page.fully_extracted


def test_paywall_notice_marks_page_as_truncated() -> None:
    html = (
        f"<html><body><article>{_paragraphs(8)}"
        "<p>Subscribe now to continue reading this article.</p></article></body></html>"
    )
    page = extract_html(html)
    assert "harbour board met" in page.text
    assert not page.fully_extracted


def test_json_ld_not_free_marks_page_as_truncated() -> None:
    html = (
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "isAccessibleForFree": "False", "datePublished": "2021-05-02"}'
        f"</script></head><body><article>{_paragraphs(8)}</article></body></html>"
    )
    page = extract_html(html)
    assert page.published == "2021-05-02"
    assert not page.fully_extracted


def test_malformed_html_still_yields_text() -> None:
    html = (
        "<html><body><div><p>Ferry services resumed on Friday after the storm"
        "<p>Officials said <b>all routes<i> were open again by the evening, and that"
        " no passengers had been hurt <div>during the closure of the harbour</body>"
    )
    page = extract_html(html)
    assert "Ferry services resumed on Friday" in page.text


def test_bare_fragment_is_accepted() -> None:
    page = extract_html("<p>Ferry services resumed on Friday after the storm passed the coast.</p>")
    assert page.text == "Ferry services resumed on Friday after the storm passed the coast."


@pytest.mark.parametrize(
    "html", ["", "   ", b"", "<html></html>", "<html><body><nav></nav></body></html>", b"\x00\x01"]
)
def test_no_text_raises_input_error(html: str | bytes) -> None:
    with pytest.raises(InputError) as raised:
        extract_html(html, "https://news.example/empty")
    assert raised.value.source == "https://news.example/empty"


def test_input_error_source_defaults_to_html_marker() -> None:
    with pytest.raises(InputError) as raised:
        extract_html("")
    assert raised.value.source == "<html>"


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Read more: Council approves ferry terminal",
        "Photo: Tomas Reed",
        "© 2024 The Estrava Courier",
        "Sign up for our daily newsletter",
        "12 comments",
        "Lesen Sie auch:",
        "---",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The union said the strike would continue.",
        "Photographers were kept away from the terminal gates by police on Monday.",
        "Shares in the shipping company fell 4% on Tuesday.",
    ],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_input_gives_a_page_or_input_error(data: str | bytes) -> None:
    try:
        page = extract_html(data)
    except InputError:
        return
    assert page.text.strip()
    assert "\n\n\n" not in page.text


WORD = st.text(
    alphabet=st.characters(categories=["L"], max_codepoint=0x24F), min_size=2, max_size=10
)
# A paragraph opening with a copyright notice, or a line page furniture is made of (a short
# line with "newsletter", "share", "advertisement" in it), is boilerplate to the extractor,
# by design: random words may spell one.
PARAGRAPH = (
    st.lists(WORD, min_size=6, max_size=14)
    .map(" ".join)
    .filter(lambda p: "copyright" not in p.casefold() and not is_boilerplate_line(p))
)


@settings(max_examples=40, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5, unique=True))  # repeats are dropped
def test_paragraph_text_survives_inside_an_article(paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = extract_html(f"<html><body><article>{body}</article></body></html>")
    lines = page.text.split("\n\n")
    assert [" ".join(line.split()) for line in lines] == [" ".join(p.split()) for p in paragraphs]


def test_paragraphs_of_sibling_body_chunks_are_added_in_order() -> None:
    # trafilatura sometimes keeps only the first of several identical body containers
    # (bodies split around ads); simulate that output and check the merge.
    tree = parse_html((FIXTURES / "split_body.html").read_bytes())
    first_chunk = [
        "Councillors in the invented town of Lindmouth voted on Thursday to back a new ferry"
        " link to Portvale, ending a debate that had run for almost two years.",
        "The plan foresees two small electric ferries crossing the bay every hour from early"
        " morning until late in the evening, the town's transport office said.",
    ]
    merged = _add_sibling_chunks(tree, first_chunk)
    assert merged[:2] == first_chunk
    assert len(merged) == 4
    assert merged[2].startswith("Opponents argued")
    assert merged[3].startswith("The first crossings")


def test_sibling_chunks_leave_single_container_pages_alone(story: ExtractedPage) -> None:
    tree = parse_html((FIXTURES / "news_story.html").read_bytes())
    lines = story.text.split("\n\n")
    assert _add_sibling_chunks(tree, lines) == lines


# --- the faster trafilatura calls must give trafilatura's own answers ------------------------

_SIDEBAR = '<aside class="related"><a href="/a">Related: ferry fares rise</a></aside>'
_PAGES = {
    "story": (FIXTURES / "news_story.html").read_text(encoding="utf-8"),
    "split": (FIXTURES / "split_body.html").read_text(encoding="utf-8"),
    "figure": "<html><body><nav><a href='/'>Home</a></nav><article>"
    + _paragraphs(3)
    + "<figure><img src='x.jpg'><figcaption>Cranes at dawn</figcaption></figure>"
    + _paragraphs(3, "Ships waited outside the harbour all week")
    + f"</article>{_SIDEBAR}</body></html>",
    "short": "<html><body><div><p>Harbour reopens after the strike.</p></div></body></html>",
    # precision mode drops <header> and text outside blocks; the comparison brings them back
    "header": f"<html><body><header>{_paragraphs(8)}</header><p>Short note.</p></body></html>",
    "breaks": "<html><body><div>"
    + "<br>".join(f"The board met on Tuesday, said speaker {i} at the meeting." for i in range(15))
    + "</div></body></html>",
    "divs": "<html><body><div class='story'>"
    + "".join(f"<div>Line {i} of a story told in bare divisions only.</div>" for i in range(30))
    + "</div></body></html>",
    "table": "<html><body><article><table>"
    + "".join(f"<tr><td>Berth {i}</td><td>{i * 3} ships waiting today</td></tr>" for i in range(40))
    + "</table></article></body></html>",
}


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_precise_text_with_comparison_is_trafilatura_extract(name: str) -> None:
    tree = parse_html(_PAGES[name])
    assert tree is not None
    expected = trafilatura.extract(
        tree, url=STORY_URL, favor_precision=True, include_comments=False, include_tables=True
    )
    assert precise_text(tree, STORY_URL, always_compare=True) == (expected or "")


def test_precise_text_leaves_the_tree_untouched() -> None:
    tree = parse_html(_PAGES["figure"])
    before = tostring(tree)
    precise_text(tree, None)
    assert tostring(tree) == before


def _body(*children: tuple[str, str]) -> etree._Element:
    body = etree.Element("body")
    for tag, text in children:
        etree.SubElement(body, tag).text = text
    return body


_LONG = "The harbour board met again on Tuesday and agreed to extend the talks. " * 6


def test_comparison_skipped_for_a_long_clean_paragraph_body() -> None:
    body = _body(("p", _LONG), ("p", _LONG))
    assert not comparison_may_help(body, _LONG * 2)


@pytest.mark.parametrize(
    "children",
    [
        (("p", "Too short to trust."),),  # short: justext is consulted
        (("p", _LONG), ("figure", "Cranes at dawn")),  # unclean: justext is consulted
        (("head", _LONG), ("list", _LONG)),  # no paragraph text
        (("p", _LONG), ("table", _LONG), ("table", _LONG)),  # table-dominated
    ],
)
def test_comparison_runs_where_it_can_repair(children: tuple[tuple[str, str], ...]) -> None:
    body = _body(*children)
    assert comparison_may_help(body, " ".join(body.itertext()))


@pytest.mark.parametrize("name", ["story", "figure"])
def test_page_metadata_matches_trafilatura(name: str) -> None:
    tree = parse_html(_PAGES[name])
    ours, theirs = page_metadata(tree, STORY_URL), extract_metadata(tree, STORY_URL)
    for field in ("title", "author", "date", "url", "sitename"):
        assert getattr(ours, field) == getattr(theirs, field), field
