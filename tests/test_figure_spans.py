"""A figure's own rate or span: two figures told over two spans answer two questions."""

from __future__ import annotations

import pytest

from triangulate.compare.claims import compare
from triangulate.compare.link import _spans_differ as spans_differ
from triangulate.compare.link import _told_over as told_over
from triangulate.models import Article, Claim, Evidence
from triangulate.nlp.encoder import TextEncoder, load_encoder
from triangulate.readers.reader import read_many


@pytest.fixture(scope="module")
def encoder() -> TextEncoder:
    return load_encoder()


def _conflicts(encoder: TextEncoder, *texts: str) -> list[Claim]:
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-05-04")
        for i, text in enumerate(texts, start=1)
    ]
    claims = compare(articles, read_many(articles), encoder)
    return [c for c in claims if c.kind == "figure" and c.status == "conflict"]


def _told_over(sentence: str, figure: str) -> str | None:
    at = sentence.index(figure)
    return told_over(
        Evidence("a", 0, len(sentence), sentence),
        Evidence("a", at, at + len(figure), figure),
    )


@pytest.mark.parametrize(
    ("sentence", "figure", "span"),
    [
        ("The plan would cost $4 billion a year, aides said.", "$4 billion", "rate:year"),
        ("He is paid $9 million per season.", "$9 million", "rate:year"),
        ("The plan would cost $20 billion over five years.", "$20 billion", "span:5:year"),
        ("She signed a six-year, $90 million deal.", "$90 million", "span:6:year"),
        ("Pellworth earned $310 million in the third quarter.", "$310 million", "part:3:quarter"),
        ("Pellworth earned $1.2 billion for the year.", "$1.2 billion", "whole"),
        ("So far this year, the ministry has approved 1,200 permits.", "1,200", "this year"),
        ("He has 412 yards in his last three games.", "412", "span:3:game"),
        ("Since 2028, the agency has fined 84 firms.", "84", "since 2028"),
        ("The storm killed 12 people a day after the flood.", "12", None),
        ("Profit was $1.8 billion a year earlier.", "$1.8 billion", None),
        ("The 31-year-old was fined $500.", "$500", None),
    ],
)
def test_a_figures_rate_or_span_is_read_from_its_own_words(
    sentence: str, figure: str, span: str | None
) -> None:
    assert _told_over(sentence, figure) == span


def test_spans_differ_only_when_both_are_told_or_one_is_a_rate() -> None:
    assert spans_differ("rate:year", "span:8:year")
    assert spans_differ("rate:year", None)  # "$23 million a year", "$184 million"
    assert spans_differ("this year", "since 2028")
    assert not spans_differ("this year", None)
    assert not spans_differ("part:3:quarter", "part:3:quarter")
    assert not spans_differ("year:2030", "this year")  # 2030 may be this year
    assert not spans_differ("whole", "rate:year")  # "annual sales", "$4 billion a year"
    assert spans_differ("whole", "part:3:quarter")


def test_a_rate_and_a_total_over_years_do_not_conflict(encoder: TextEncoder) -> None:
    conflicts = _conflicts(
        encoder,
        "Governor Lena Vosk's housing plan would cost $4 billion a year, her aides said on Monday.",
        "Governor Lena Vosk's housing plan would cost $20 billion over five years, her aides"
        " said on Monday.",
    )
    assert not conflicts


def test_two_rates_of_one_plan_still_conflict(encoder: TextEncoder) -> None:
    conflicts = _conflicts(
        encoder,
        "Governor Lena Vosk's housing plan would cost $4 billion a year, her aides said on Monday.",
        "Governor Lena Vosk's housing plan would cost $5 billion a year, her aides said on Monday.",
    )
    assert len(conflicts) == 1


def test_a_quarters_profit_and_the_years_do_not_conflict(encoder: TextEncoder) -> None:
    conflicts = _conflicts(
        encoder,
        "Pellworth Freight said on Monday it earned $310 million in the third quarter.",
        "Pellworth Freight said on Monday it earned $1.2 billion for the year.",
    )
    assert not conflicts


def test_one_quarters_profit_told_two_ways_still_conflicts(encoder: TextEncoder) -> None:
    conflicts = _conflicts(
        encoder,
        "Pellworth Freight said on Monday it earned $310 million in the third quarter.",
        "Pellworth Freight said on Monday it earned $290 million in the third quarter.",
    )
    assert len(conflicts) == 1


def test_a_daily_rate_and_a_weeks_total_do_not_conflict(encoder: TextEncoder) -> None:
    conflicts = _conflicts(
        encoder,
        "The Velmar plant produced 2,000 cars a day, the company said on Monday.",
        "The Velmar plant produced 12,000 cars over a week, the company said on Monday.",
    )
    assert not conflicts


def test_a_quarters_sales_and_last_years_do_not_conflict(encoder: TextEncoder) -> None:
    conflicts = _conflicts(
        encoder,
        "Velmar Motors sold 40,000 cars in the first quarter, the company said on Monday.",
        "Velmar Motors sold 150,000 cars last year, the company said on Monday.",
    )
    assert not conflicts
