"""The publication date: one decision, in order of trust, saying how it was found."""

from __future__ import annotations

import pytest

from triangulate.models import Article
from triangulate.readers.published import Publication, publication_date, publication_of

DATELINED = "Harbour reopens\nMarch 2, 2031\nThe harbour of Velmar reopened after the storm."
MENTIONS = "Harbour reopens\n\nThe port was hit on May 5, 2030 by a storm that began in 2029."


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (
            {"given": "2031-03-04T10:00:00Z", "page": "2031-03-05", "text": DATELINED},
            Publication("2031-03-04", "given"),
        ),
        ({"given": "4 March 2031"}, Publication("2031-03-04", "given")),
        (
            {"page": "2031-03-05", "page_how": "html-meta", "text": DATELINED},
            Publication("2031-03-05", "html-meta"),
        ),
        (
            {"page": "2031-03-05", "page_how": "htmldate-guess"},
            Publication("2031-03-05", "htmldate-guess", inferred=True),
        ),
        ({"dateline": "2031-03-01", "text": DATELINED}, Publication("2031-03-01", "dateline")),
        ({"text": DATELINED}, Publication("2031-03-02", "dateline")),
        ({"text": MENTIONS}, Publication("2030-05-05", "inferred-from-text", inferred=True)),
        ({"given": "not a date", "text": "Ships left on Thursday."}, Publication(None)),
    ],
)
def test_publication_date_in_order_of_trust(found: dict[str, str], expected: Publication) -> None:
    assert publication_date(**found) == expected


def test_an_article_keeps_its_date_else_it_is_read_from_its_text() -> None:
    stored = Article("a", "a.txt", MENTIONS, published="2031-01-01", published_how="given")
    assert publication_of(stored) == Publication("2031-01-01", "given")
    bare = Article("b", "b.txt", DATELINED)
    assert publication_of(bare) == Publication("2031-03-02", "dateline")


WIRE = "Dam gives way\n\nKESTRAVEN, June 4 (Harbor Wire) - Two people died on Sunday{}.\n"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", Publication(None)),  # no year written: none is guessed
        (", the first deaths there since 2019", Publication(None)),  # a bare year is history
        (". It was inspected in April 2031", Publication("2031-06-04", "dateline", inferred=True)),
        # a later day of that year was already told of: the report is of the next year
        (". It was inspected on October 2, 2030", Publication("2031-06-04", "dateline", True)),
    ],
)
def test_a_wire_dateline_without_a_year_takes_the_year_the_text_writes_of(
    extra: str, expected: Publication
) -> None:
    assert publication_date(text=WIRE.format(extra)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("coverage/harbour-2031-03-04.txt", Publication("2031-03-04", "file-name")),
        ("2031_03_04 harbour.md", Publication("2031-03-04", "file-name")),
        ("harbour-20310304.txt", Publication(None)),
        ("harbour-2031-13-04.txt", Publication(None)),
        ("export-2031-03-04.jsonl:12", Publication(None)),  # a container's name, not the article's
    ],
)
def test_a_text_file_named_with_a_date_was_published_that_day(
    source: str, expected: Publication
) -> None:
    assert publication_date(text="Ships left on Thursday.", source=source) == expected


def test_the_text_own_dateline_outranks_the_file_name() -> None:
    found = publication_date(text=DATELINED, source="harbour-2031-03-09.txt")
    assert found == Publication("2031-03-02", "dateline")


def test_an_undated_article_is_dated_by_its_file_name() -> None:
    bare = Article("c", "coverage/harbour-2031-03-04.txt", "Ships left on Thursday.")
    assert publication_of(bare) == Publication("2031-03-04", "file-name")


def test_a_date_labelled_inside_a_long_sentence_is_no_dateline() -> None:
    # "a memo, dated ..." near the top dates the memo, not the report: the report's own
    # date is then only inferred from the text, never given
    text = (
        "Here are the harbour board's letters\n\n"
        "The board released the letters to the council on Thursday.\n\n"
        '"The chair said the pier was safe and asked us to say so in public, which we did not'
        ' think we could do," the clerk wrote in one letter, dated March 4, 2029.'
    )
    found = publication_date(text=text)
    assert found.how != "dateline"
    assert found.date is None or found.inferred


def test_a_byline_line_opened_by_its_label_is_still_a_dateline() -> None:
    text = (
        "Harbour board releases letters\n\nPublished March 6, 2031 10:05 AM by the Port Ellis"
        " Courier staff and with wire reports from along the coast\n\nThe board released the"
        " letters on Thursday."
    )
    assert publication_date(text=text) == Publication("2031-03-06", "dateline")
