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
