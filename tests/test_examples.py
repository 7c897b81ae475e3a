"""The fictional example event in ``examples/``: complete, parseable, matching EXPECTED.md."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import lxml.html  # type: ignore[import-untyped]
import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
IDS = (
    "ledger-2025-06-10",
    "wire-2025-06-11",
    "observer-2025-06-13",
    "courier-undated",
    "gazette-2025-06-12",
)
PUBLISHED = {
    "ledger-2025-06-10": "2025-06-10",
    "wire-2025-06-11": "2025-06-11",
    "observer-2025-06-13": "2025-06-13",
    "courier-undated": None,
    "gazette-2025-06-12": "2025-06-12",
}
DATE_LINES = {
    "ledger-2025-06-10": "Published 10 June 2025",
    "wire-2025-06-11": "2:41 PM EDT, June 11, 2025",
    "observer-2025-06-13": "date 2025-06-13",
}
WIRE_ONLY_SENTENCE = "The company did not respond to a request for comment on Wednesday."
_ID = r"[a-z]+-[0-9a-z-]+"
PHRASE_LINE = re.compile(rf"`([^`]+)` \(({_ID}(?:, {_ID})*)\)")
# Words of the real sample event the examples must never reuse. Stored rot13 so that a plain
# grep of the repository for them only finds real leaks, not this guard.
FORBIDDEN_ROT13 = (
    "xnenonxu",
    "nezravn",
    "nmreonvwna",
    "crnprxrrc",
    "lrerina",
    "onxh",
    "xerzyva",
    "antbeab",
    "ynpuva",
    "fgrcnanxreg",
)


def read_rows() -> dict[str, dict[str, Any]]:
    lines = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return {row["id"]: row for row in rows}


def scraped_text(article_id: str) -> str:
    return (EXAMPLES / "text" / f"{article_id}.txt").read_text(encoding="utf-8")


def html_root(article_id: str) -> Any:
    return lxml.html.parse(str(EXAMPLES / "html" / f"{article_id}.html")).getroot()


def squash(text: str) -> str:
    return " ".join(text.split())


def html_text(article_id: str) -> str:
    root = html_root(article_id)
    title = root.findtext(".//title") or ""
    return squash(title + " " + root.body.text_content())


def clean_text(article_id: str) -> str:
    row = read_rows()[article_id]
    return f"{row['title']}\n\n{row['text']}"


def expected_sections() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Backticked phrases of EXPECTED.md with their article ids, grouped by ``##`` section."""
    sections: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    current = ""
    for line in (EXAMPLES / "EXPECTED.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        for phrase, ids in PHRASE_LINE.findall(line):
            sections.setdefault(current, []).append((phrase, tuple(ids.split(", "))))
    return sections


def content_phrases() -> list[tuple[str, str]]:
    return [
        (phrase, article_id)
        for section, pairs in expected_sections().items()
        if not section.startswith("Boilerplate")
        for phrase, ids in pairs
        for article_id in ids
    ]


def boilerplate_phrases() -> list[tuple[str, str]]:
    return [
        (phrase, article_id)
        for section, pairs in expected_sections().items()
        if section.startswith("Boilerplate")
        for phrase, ids in pairs
        for article_id in ids
    ]


def test_every_article_has_text_html_and_a_jsonl_row() -> None:
    assert tuple(read_rows()) == IDS
    for article_id in IDS:
        assert (EXAMPLES / "text" / f"{article_id}.txt").is_file()
        assert (EXAMPLES / "html" / f"{article_id}.html").is_file()
    for name in ("README.md", "EXPECTED.md", "feed.xml"):
        assert (EXAMPLES / name).is_file()


def test_readme_marks_the_event_as_fiction() -> None:
    assert "**This is fiction.**" in (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert "FICTION" in (EXAMPLES / "EXPECTED.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("article_id", IDS)
def test_jsonl_row_has_the_documented_fields(article_id: str) -> None:
    row = read_rows()[article_id]
    assert set(row) == {"id", "url", "title", "published", "outlet", "text"}
    assert row["url"].startswith("http://example.invalid/")
    assert row["published"] == PUBLISHED[article_id]
    assert row["title"] and row["outlet"] and row["text"]


@pytest.mark.parametrize("article_id", IDS)
def test_body_is_between_250_and_500_words(article_id: str) -> None:
    assert 250 <= len(read_rows()[article_id]["text"].split()) <= 500


def test_publication_dates_fall_on_the_weekdays_the_stories_assume() -> None:
    weekdays = {d: dt.date.fromisoformat(d).strftime("%A") for d in PUBLISHED.values() if d}
    assert weekdays == {
        "2025-06-10": "Tuesday",
        "2025-06-11": "Wednesday",
        "2025-06-12": "Thursday",
        "2025-06-13": "Friday",
    }


def test_feed_parses_with_two_articles_matching_the_jsonl() -> None:
    feed = feedparser.parse(str(EXAMPLES / "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    rows_by_url = {row["url"]: row for row in read_rows().values()}
    assert len(feed.entries) == 2
    for entry in feed.entries:
        row = rows_by_url[entry.link]
        assert entry.title == row["title"]
        assert dt.date(*entry.published_parsed[:3]).isoformat() == row["published"]
        first_paragraph = row["text"].split("\n\n")[1]
        assert first_paragraph in entry.content[0].value


@pytest.mark.parametrize("article_id", IDS)
def test_html_parses_and_carries_the_page_furniture(article_id: str) -> None:
    root = html_root(article_id)
    row = read_rows()[article_id]
    assert row["title"] in (root.findtext(".//title") or "")
    assert root.xpath("//meta[@property='og:title']/@content") == [row["title"]]
    assert root.xpath("//meta[@name='author']/@content")
    for tag in ("nav", "header", "footer", "aside", "figure", "figcaption", "h1"):
        assert root.findall(f".//{tag}"), tag


@pytest.mark.parametrize("article_id", IDS)
def test_html_date_metadata_matches_the_publication_date(article_id: str) -> None:
    root = html_root(article_id)
    meta = root.xpath("//meta[@property='article:published_time']/@content")
    published = PUBLISHED[article_id]
    if published is None:
        assert meta == [] and root.findall(".//time") == []
    else:
        assert [value[:10] for value in meta] == [published]


@pytest.mark.parametrize("article_id", IDS)
def test_clean_paragraphs_appear_in_the_scraped_text_and_the_page(article_id: str) -> None:
    page = html_text(article_id)
    for paragraph in read_rows()[article_id]["text"].split("\n\n"):
        assert paragraph in scraped_text(article_id)
        assert squash(paragraph) in page


def test_expected_md_lists_phrases_for_every_article() -> None:
    assert {article_id for _, article_id in content_phrases()} == set(IDS)
    assert len(content_phrases()) > 100


@pytest.mark.parametrize(("phrase", "article_id"), content_phrases())
def test_expected_phrase_occurs_in_every_format(phrase: str, article_id: str) -> None:
    assert phrase in scraped_text(article_id)
    assert squash(phrase) in html_text(article_id)
    assert phrase in clean_text(article_id)


@pytest.mark.parametrize(("phrase", "article_id"), boilerplate_phrases())
def test_boilerplate_is_in_the_scraped_text_only(phrase: str, article_id: str) -> None:
    assert phrase in scraped_text(article_id)
    assert phrase not in read_rows()[article_id]["text"]


def test_three_texts_carry_a_date_line_in_their_own_style() -> None:
    for article_id, line in DATE_LINES.items():
        assert line in scraped_text(article_id).splitlines()


@pytest.mark.parametrize("article_id", ["courier-undated", "gazette-2025-06-12"])
def test_texts_without_date_line_hold_no_publication_date(article_id: str) -> None:
    text = scraped_text(article_id)
    for needle in ("June 12", "12 June", "2025-06", "June 11", "Jun "):
        assert needle not in text


def test_courier_has_no_date_anywhere() -> None:
    row = read_rows()["courier-undated"]
    everything = scraped_text("courier-undated") + html_text("courier-undated") + row["url"]
    assert "2025" not in everything and "2024" not in everything


def test_gazette_is_the_wire_story_minus_one_sentence() -> None:
    rows = read_rows()
    wire, gazette = rows["wire-2025-06-11"]["text"], rows["gazette-2025-06-12"]["text"]
    assert wire.count(WIRE_ONLY_SENTENCE) == 1
    assert wire.replace(" " + WIRE_ONLY_SENTENCE, "") == gazette
    assert scraped_text("wire-2025-06-11") != scraped_text("gazette-2025-06-12")


def test_hostile_inputs_are_what_the_tests_expect() -> None:
    hostile = EXAMPLES / "hostile"
    script = (hostile / "xss.txt").read_text(encoding="utf-8")
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:"):
        assert payload in script
    assert (hostile / "empty.txt").read_bytes() == b""
    binary = (hostile / "binary.txt").read_bytes()
    assert b"\x00" in binary
    with pytest.raises(UnicodeDecodeError):
        binary.decode("utf-8")


def test_no_file_reuses_words_of_the_real_sample_event() -> None:
    forbidden = [codecs.decode(word, "rot13") for word in FORBIDDEN_ROT13]
    for path in sorted(EXAMPLES.rglob("*")):
        if path.is_file():
            content = path.read_bytes().decode("utf-8", errors="ignore").lower()
            leaks = [word for word in forbidden if word in content]
            assert not leaks, f"{path.name}: {leaks}"
