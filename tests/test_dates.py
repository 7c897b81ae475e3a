"""One date interval for every value the time reader emits: parsing, comparing, words."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triangulate.core.dates import (
    DateInterval,
    Duration,
    pick_weekday,
    value_in_words,
    values_compatible,
)
from triangulate.evaluation import timex
from triangulate.readers.times import find_times

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TEMPEVAL = DATA / "tempeval3-train" / "Training" / "TBAQ-cleaned"
MEANTIME = DATA / "meantime_en" / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
# What no person should ever read: value codes such as "2020-FA", "198X", "2010-W26", "P5Y".
RAW_CODE = re.compile(
    r"\d-\d|\d[X/]|X\d|XX|\bW\d|\bQ[1-4]\b|\bH[12]\b|\bP(?:T|\d|X)|_REF|\bT\d"
    r"|\b(?:SP|SU|FA|AU|WI|WE|MO|AF|EV|NI)\b|\bNone\b|unspecified"
)


@pytest.mark.parametrize(
    ("value", "mod", "words"),
    [
        ("2024-09-14", None, "14 September 2024"),
        ("2024-09-14T10:35", None, "14 September 2024, 10:35"),
        ("2024-06-12", "morning", "the morning of 12 June 2024"),
        ("1998-08-07TMO", None, "the morning of 7 August 1998"),
        ("2024-W37", None, "the week of 9 September 2024"),
        ("2024-W37-WE", None, "the weekend of 14–15 September 2024"),
        ("2024-W48-WE", None, "the weekend of 30 November – 1 December 2024"),
        ("2024-04", "mid", "mid-April 2024"),
        ("2024-04", "early", "early April 2024"),
        ("2020-FA", None, "fall 2020"),
        ("2020-WI", None, "winter 2020–21"),
        ("2024-Q3", None, "the third quarter of 2024"),
        ("2024-Q3", "end", "the end of the third quarter of 2024"),
        ("2024-H1", None, "the first half of 2024"),
        ("2024", "late", "late 2024"),
        ("198X", None, "the 1980s"),
        ("198X", "LATE", "the late 1980s"),
        ("19XX", None, "the 20th century"),
        ("1991/1993", None, "1991–1993"),
        ("1999-04-24/1999-04-25", None, "24–25 April 1999"),
        ("2008-04/2008-06", None, "April–June 2008"),
        ("2008-11/2009-02", None, "November 2008 – February 2009"),
        ("2010/..", None, "since 2010"),
        ("/2010", None, "until 2010"),
        ("2024-Q3/2025", None, "from the third quarter of 2024 to 2025"),
        ("P5Y", "approx", "about five years"),
        ("P22M", None, "22 months"),
        ("PXY", None, "several years"),
        ("PT5H", "less", "up to five hours"),
        ("P1Y6M", None, "one year and six months"),
        ("PRESENT_REF", None, "now"),
        ("XXXX-06-12", None, "12 June, year unknown"),
        ("XXXX-Q3", None, "the third quarter, year unknown"),
        ("XXXX-XX-XXT10:00", None, "10:00, day unknown"),
    ],
)
def test_values_in_words(value: str, mod: str | None, words: str) -> None:
    assert value_in_words(value, mod) == words


def test_an_interval_knows_its_days_and_granularity() -> None:
    quarter = DateInterval.parse("2024-Q3")
    assert quarter is not None
    assert (quarter.start, quarter.end, quarter.granularity) == (
        date(2024, 7, 1),
        date(2024, 9, 30),
        "quarter",
    )
    winter = DateInterval.parse("2020-WI")
    assert winter is not None and (winter.start, winter.end) == (
        date(2020, 12, 1),
        date(2021, 2, 28),
    )
    late = DateInterval.parse("198X", mod="late")
    assert late is not None and late.start.year == 1986 and late.end == date(1989, 12, 31)
    assert DateInterval.parse("2024-02-30") is None and DateInterval.parse("P5Y") is None


def test_a_duration_is_counted_from_its_anchor() -> None:
    span = DateInterval.parse("P5Y", anchor="2030-11")
    assert span is not None and span.is_range
    assert (span.start, span.end) == (date(2030, 11, 1), date(2035, 11, 30))
    assert span.first is not None and span.first.value == "2030-11"
    assert span.in_words() == "five years from November 2030"
    assert DateInterval.parse("P5Y", anchor=date(2030, 11, 3)) is not None
    assert DateInterval.parse("PXY", anchor="2030") is None  # no length, no interval


def test_ranges_must_agree_on_both_ends_points_must_overlap() -> None:
    def parse(value: str) -> DateInterval:
        found = DateInterval.parse(value)
        assert found is not None
        return found

    assert not parse("2011/2013").compatible(parse("2008/2014"))
    assert parse("2011/2013").overlaps(parse("2008/2014"))
    assert parse("2012").compatible(parse("2011/2013"))
    assert parse("2010/..").compatible(parse("2010/2015"))  # an open end agrees with any
    assert parse("2024-06").compatible(parse("2024-06-12"))
    assert not parse("2024-Q3").compatible(parse("2024-06-12"))
    early, late = (DateInterval.parse("2024", mod=m) for m in ("early", "late"))
    assert early is not None and late is not None and not early.overlaps(late)


def test_order_puts_earlier_then_wider_first() -> None:
    values = ["2024-06-12", "2024", "2024-06", "198X", "2024-Q2", "2023-W52-WE"]
    parsed = [DateInterval.parse(v) for v in values]
    ordered = sorted(p for p in parsed if p is not None)
    assert [p.value for p in ordered] == [
        "198X",
        "2023-W52-WE",
        "2024",
        "2024-Q2",
        "2024-06",
        "2024-06-12",
    ]


def test_values_compatible_compares_durations_and_year_less_values() -> None:
    assert values_compatible("P3DE", "less", "P28Y", None)
    assert not values_compatible("P3DE", None, "P28Y", None)
    assert values_compatible("PXY", None, "P4Y", None)
    assert not values_compatible("PXM", None, "PTXM", None)  # months are not minutes
    assert values_compatible("XXXX-06-12", None, "2024-06-12", None)
    assert not values_compatible("XXXX-06-12", None, "2024-07-12", None)
    assert values_compatible("PRESENT_REF", None, "PRESENT_REF", None)
    assert not values_compatible(None, None, "2024", None)


@pytest.mark.parametrize(
    ("night", "later", "mod", "same"),
    [
        ("2031-05-03", "2031-05-04", None, True),  # "late Saturday night", "early Sunday"
        ("2031-05-03", "2031-05-04T01:30", None, True),  # "1:30 a.m. Sunday"
        ("2031-05-03", "2031-05-04", "morning", True),  # "Sunday morning"
        ("2031-05-03", "2031-05-04T14:30", None, False),  # "2:30 p.m. Sunday"
        ("2031-05-03", "2031-05-04", "afternoon", False),
        ("2031-05-03", "2031-05-05", None, False),  # Monday: another day
    ],
)
def test_a_night_runs_into_the_small_hours_of_the_next_day(
    night: str, later: str, mod: str | None, same: bool
) -> None:
    assert values_compatible(night, "night", later, mod) is same
    assert values_compatible(later, mod, night, "night") is same
    assert not values_compatible(night, None, later, mod)  # Saturday, not its night


# ---------------------------------------------------------------- Hypothesis

DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31))
YEARS = st.integers(min_value=1000, max_value=9998)
MODS = st.sampled_from([None, "early", "mid", "late", "start", "end", "approx", "morning"])


@st.composite
def date_values(draw: st.DrawFn) -> str:
    """Any single date value the time reader (or TimeML) writes."""
    day = draw(DAYS)
    year = draw(YEARS)
    iso_year, week, _ = day.isocalendar()
    forms = [
        day.isoformat(),
        f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}",
        f"{year}-{draw(st.integers(1, 12)):02d}",
        f"{iso_year}-W{week:02d}",
        f"{iso_year}-W{week:02d}-WE",
        f"{year}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'AU', 'WI']))}",
        f"{year}-Q{draw(st.integers(1, 4))}",
        f"{year}-H{draw(st.integers(1, 2))}",
        str(year),
        f"{year // 10}X",
        f"{year // 100}XX",
    ]
    return draw(st.sampled_from(forms))


@given(date_values(), MODS)
def test_every_date_value_parses_into_its_period_and_reads_in_words(
    value: str, mod: str | None
) -> None:
    whole = DateInterval.parse(value)
    narrowed = DateInterval.parse(value, mod=mod)
    assert whole is not None and narrowed is not None
    assert whole.start <= narrowed.start <= narrowed.end <= whole.end
    assert narrowed.overlaps(whole) and whole.compatible(narrowed)
    words = narrowed.in_words()
    assert words and not RAW_CODE.search(words), words
    assert str(whole.start.year) in whole.in_words() or whole.granularity == "century"


@given(date_values(), date_values())
def test_ranges_run_from_their_first_to_their_last_end(first: str, last: str) -> None:
    a, b = DateInterval.parse(first), DateInterval.parse(last)
    assert a is not None and b is not None
    if a.start > b.start:
        a, b, first, last = b, a, last, first
    both = DateInterval.parse(f"{first}/{last}")
    assert both is not None and both.is_range
    assert (both.start, both.end) == (a.start, b.end)
    assert both.first == a and both.last == b and both.compatible(both)
    assert not RAW_CODE.search(both.in_words()), both.in_words()


@given(
    st.one_of(st.integers(1, 400).map(str), st.just("X")),
    st.sampled_from(["Y", "M", "W", "D", "Q", "DE", "CE", "TH", "TM", "TS"]),
    st.sampled_from([None, "approx", "less", "more"]),
)
def test_every_duration_reads_in_words(amount: str, unit: str, mod: str | None) -> None:
    value = f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"
    length = Duration.parse(value)
    assert length is not None
    assert (length.days is None) == (amount == "X")
    words = value_in_words(value, mod)
    assert words and not RAW_CODE.search(words), words


@given(st.text(max_size=30))
def test_any_text_parses_or_is_refused_and_still_reads_in_words(text: str) -> None:
    found = DateInterval.parse(text)
    assert found is None or found.start <= found.end
    words = value_in_words(text)
    assert words and "XXXX" not in words


# ---------------------------------------------------------------- real corpora


def _corpus_values() -> set[tuple[str | None, str | None]]:
    documents = timex.load_tempeval(TEMPEVAL) + timex.load_meantime(MEANTIME)
    return {
        (found.value, found.mod)
        for document in documents
        for anchor in (document.creation, None)
        for found in find_times(document.text, document.id, anchor)
    }


@pytest.mark.skipif(not (TEMPEVAL.is_dir() and MEANTIME.is_dir()), reason="needs ../shared/data")
def test_every_value_the_reader_finds_in_tempeval_and_meantime_reads_in_words() -> None:
    values = _corpus_values()
    assert len(values) > 500
    for value, mod in values:
        words = value_in_words(value, mod)
        assert not RAW_CODE.search(words), (value, mod, words)
        dated = value and not value.startswith(("P", "XXXX")) and not value.endswith("_REF")
        if dated:  # every anchored date is an interval: it can reach the timeline
            assert DateInterval.parse(value, mod=mod) is not None, value


def test_within_one_day_the_earlier_time_comes_first() -> None:
    values = [
        "2031-04-09TAF",
        "2031-04-09T16:30",
        "2031-04-09T10:00",
        "2031-04-09",
        "2031-04-09TMO",
    ]
    parsed = [DateInterval.parse(v) for v in values]
    assert all(p is not None for p in parsed)
    ordered = [p.value for p in sorted(p for p in parsed if p is not None)]
    assert ordered == [
        "2031-04-09", "2031-04-09TMO", "2031-04-09T10:00", "2031-04-09TAF", "2031-04-09T16:30",
    ]  # fmt: skip
    # a part of the day kept as the day's modifier ("Monday afternoon") sorts the same way
    afternoon = DateInterval.parse("2031-04-09", mod="afternoon")
    ten = DateInterval.parse("2031-04-09T10:00")
    assert afternoon is not None and ten is not None and ten < afternoon


def test_a_weekday_of_a_plan_told_in_the_past_is_ahead_unless_a_day_or_two_behind() -> None:
    thursday = date(2031, 4, 24)
    # "was expected to post bail Wednesday" in Thursday's report: the day before
    assert pick_weekday(2, thursday, "planned") == date(2031, 4, 23)
    assert pick_weekday(1, thursday, "planned") == date(2031, 4, 22)  # two days behind
    # "was expected to be arraigned Monday": three days behind would be known; so ahead
    assert pick_weekday(0, thursday, "planned") == date(2031, 4, 28)
    assert pick_weekday(3, thursday, "planned") == thursday
    assert pick_weekday(0, thursday, "past") == date(2031, 4, 21)
