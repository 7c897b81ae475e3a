"""Figures and dates of their day, and things a sentence counts apart: a market's level and
moves told by reports of two days are each day's, and so is a market's close one report dates
to its own day or before and another to more than a day after that report came out; a rate
and a whole sum do not clash; the window a record is told over dates nothing; a sum converted
in brackets is no figure of its own; two nouns one sentence counts side by side are two
things; two polls' shares of two answers do not clash.

Invented articles, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated, shown_sides
from triangulate.models import Article
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_article

MONDAY = (
    "2031-03-03",
    "Stock markets fell on worries over interest rates. The Korvel 200 index dropped 2.4%, or"
    " 104.20 points, to 4,210.50. The Korvel 200 was down 2.1% at 15:40 GMT, traders said.",
)


def test_a_markets_moves_told_on_two_days_are_each_days(encoder: TextEncoder) -> None:
    thursday = (
        "2031-03-06",
        "Stock markets fell again on worries over interest rates. The Korvel 200 index dropped"
        " 1.1%, or 46.30 points, to 4,164.20. The Korvel 200 was down 0.9% at 14:10 GMT,"
        " traders said.",
    )
    claims = compare_dated(encoder, [MONDAY, thursday])
    assert sorted(shown_sides(claims, "figure", "conflict")) == []
    assert sorted(shown_sides(claims, "time", "conflict")) == []


def test_a_months_statistic_told_on_two_days_is_no_markets(encoder: TextEncoder) -> None:
    # "the labour market" tells no market whose level moves every day: the later report's
    # other rate still brings the first up to date
    claims = compare_dated(
        encoder,
        [
            (
                "2031-04-03",
                "Unemployment in Lindale fell to 4.1% as the labour market cooled, the"
                " statistics office said.",
            ),
            (
                "2031-04-06",
                "Unemployment in Lindale fell to 4.3% as the labour market cooled, the"
                " statistics office said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "update")) == [["4.1%", "4.3%"]]


def test_a_markets_moves_told_on_one_day_still_clash(encoder: TextEncoder) -> None:
    same_day = (
        "2031-03-03",
        "Stock markets fell on rate worries. The Korvel 200 index dropped 2.6%, or 112.80"
        " points, to 4,201.90.",
    )
    claims = compare_dated(encoder, [MONDAY, same_day])
    assert ["2.4%", "2.6%"] in sorted(shown_sides(claims, "figure", "conflict"))


def test_a_markets_move_told_again_the_next_day_still_agrees(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-03-03",
                "Stock markets fell on worries over interest rates. The Korvel 200 index dropped"
                " 2.4% to 4,210.50.",
            ),
            (
                "2031-03-04",
                "Stock markets recovered on Tuesday after Monday's fall. The Korvel 200 index had"
                " dropped 2.4% to 4,210.50, its worst day this year.",
            ),
        ],
    )
    agreed = sorted(shown_sides(claims, "figure", "agreed"))
    assert ["2.4%"] in agreed
    assert ["4,210.50"] in agreed


def test_a_markets_close_dated_after_the_other_report_is_another_days(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-02-21",
                "The Korvel 200 index closed at its lowest level in over six years on Thursday,"
                " traders said.",
            ),
            (
                "2031-02-25",
                "The Korvel 200 index closed at its lowest level in over a decade on Monday,"
                " traders said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "date", "conflict")) == []


def test_a_one_off_happening_dated_after_the_other_report_still_clashes(
    encoder: TextEncoder,
) -> None:
    # an outage is no market's day: the sources disagree on when it happened
    claims = compare_dated(
        encoder,
        [
            (
                "2031-08-16",
                "The Westbury undersea cable suffered an outage on Tuesday, cutting internet"
                " links across the region, its operator said.",
            ),
            (
                "2031-10-11",
                "The Westbury undersea cable suffered an outage on Saturday, cutting internet"
                " links across the region, its operator said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "date", "conflict")) == [["Saturday", "Tuesday"]]


def test_two_days_a_day_apart_still_clash(encoder: TextEncoder) -> None:
    # reports of two days a day apart, each dating a one-off happening to its own day: a
    # day's slack keeps them one question ("Thursday night" and "early Friday" would be one
    # night: tests/test_one_night.py)
    claims = compare_dated(
        encoder,
        [
            (
                "2031-05-02",
                "The singer Tamsin Vale checked into the Lindale clinic on Thursday afternoon,"
                " her lawyer said.",
            ),
            (
                "2031-05-03",
                "The singer Tamsin Vale checked into the Lindale clinic on Friday afternoon, her"
                " lawyer said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "date", "conflict")) == [
        ["Friday afternoon", "Thursday afternoon"]
    ]


def test_the_window_of_a_record_dates_nothing(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-03-03",
                "The Korvel 200 index fell 2.4% on Monday to its lowest level since 2019.",
            ),
            (
                "2031-03-03",
                "The Korvel 200 index fell 2.4% on Monday to its lowest close since 2017.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "date", "conflict")) == []
    assert ["Monday"] in sorted(shown_sides(claims, "date", "agreed"))


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Thieves took gems worth 85 million euros ($108 million).", ["85 million"]),
        ("The repairs cost £20m (about $26m) in all.", ["£20m"]),
        ("The trip is 58 km (36 miles) long.", ["58"]),
        # a bracket that goes on after the sum tells something else
        (
            "The charity raised $5 million ($2 million more than last year).",
            ["$5 million", "$2 million"],
        ),
        ("Sales reached $5 million (up from $4 million).", ["$5 million", "$4 million"]),
    ],
)
def test_a_sum_converted_in_brackets_is_no_figure_of_its_own(text: str, figures: list[str]) -> None:
    reading = read_article(Article("a", "a.txt", text))
    assert [q.evidence.text for q in reading.quantities] == figures


def test_a_rate_and_a_whole_sum_do_not_clash(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-12-10",
                "The Harwick Hawks signed pitcher Orrin Pell to an eight-year deal worth $184"
                " million on Tuesday, the team said.",
            ),
            (
                "2031-12-10",
                "The Harwick Hawks signed pitcher Orrin Pell to an eight-year deal worth $23"
                " million per season on Tuesday, the team said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == []


def test_two_rates_of_one_thing_still_clash(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-12-10",
                "The Harwick council raised the minimum wage for city workers to $18 an hour on"
                " Tuesday.",
            ),
            (
                "2031-12-10",
                "The Harwick council raised the minimum wage for city workers to $17 an hour on"
                " Tuesday.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == [["$17", "$18"]]


def test_the_day_a_happening_was_confirmed_under_way_does_not_date_its_end(
    encoder: TextEncoder,
) -> None:
    # the first report tells the withdrawal under way, confirmed on a Wednesday in April; the
    # second, the last monitors leaving on a Wednesday in June: the April Wednesday is the
    # confirming's day, no date of the leaving, and no date conflict
    claims = compare_dated(
        encoder,
        [
            (
                "2031-04-16",
                "Westbury monitors are being withdrawn from the Lindale valley, where they have"
                " been posted since the end of a border dispute in 2027, officials of both"
                " counties confirmed on Wednesday.",
            ),
            (
                "2031-06-13",
                "Wednesday marked the day the last Westbury monitors left the Lindale valley,"
                " officials said.",
            ),
        ],
    )
    assert not shown_sides(claims, "date", "conflict")


def test_nouns_one_sentence_counts_side_by_side_are_two_things(encoder: TextEncoder) -> None:
    # the sentence model finds "voters" and "candidates" alike; the first sentence counts
    # both, so they are two things
    claims = compare_dated(
        encoder,
        [
            (
                "2031-12-15",
                "Lindale's parliamentary election had 2.5 million eligible voters choosing"
                " between 288 candidates for 125 seats, officials said.",
            ),
            (
                "2031-12-15",
                "Of the 288 candidates in Lindale's parliamentary election, 286 have a"
                " university degree, officials said.",
            ),
            (
                "2031-12-15",
                "More than 2.4 million eligible voters cast ballots in Lindale's parliamentary"
                " election, officials said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == []
    assert ["288"] in sorted(shown_sides(claims, "figure", "agreed"))


def test_two_polls_shares_of_two_answers_do_not_clash(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-12-15",
                "Protests over the Lindale strike spread on Saturday. An opinion poll published"
                " by the Harwick Ledger on Sunday said 58 percent of residents were unhappy with"
                " the council's response to the strike.",
            ),
            (
                "2031-12-15",
                "Protests over the Lindale strike spread on Saturday. In a poll released Sunday,"
                " some 41 percent of respondents said the walkout by dock workers was"
                " justified.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == []


def test_one_polls_share_told_two_ways_still_clashes(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-12-15",
                "A poll released Sunday found 58 percent of Lindale residents support the new"
                " harbour bridge.",
            ),
            (
                "2031-12-15",
                "A poll released Sunday found 52 percent of Lindale residents support the new"
                " harbour bridge.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == [["52 percent", "58 percent"]]


def test_one_polls_question_paraphrased_still_clashes(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-12-15", "A poll released Sunday found 58 percent of residents back the bridge."),
            (
                "2031-12-15",
                "A poll released Sunday found 52 percent of Lindale residents support the new"
                " harbour bridge.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == [["52 percent", "58 percent"]]
