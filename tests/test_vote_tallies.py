"""A vote's tally read as two counts, the votes for and the votes against, and compared
across outlets as one vote's sides whichever verb tells it ("voted 52-48", "passed it by a
vote of 51 to 49", "approved it 52-48"), while a committee's vote and the chamber's stay two.

Invented articles, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import compare_dated
from triangulate.models import Claim
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.quantities import find_quantities


def _sides(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text, "v")]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("The state Senate voted 52-48 on Tuesday to pass the bill.", [52, 48]),
        ("The Senate passed the bill by a vote of 51 to 49 on Tuesday.", [51, 49]),
        ("Lawmakers approved the water bill 52-48 after a long debate.", [52, 48]),
        ("The deal was passed 412-38 by the board.", [412, 38]),
        # the larger count is the winning side's: against what failed
        ("The House rejected the tax plan 210-215 on Wednesday.", [210, 215]),
        ("The House rejected the tax plan 215-210 on Wednesday.", [210, 215]),
        ("The measure failed 45-55.", [45, 55]),
        ("The House voted 230-197 to reject the amendment.", [197, 230]),
        # a bar to clear: the larger side may lose, and the tally is written votes for first
        ("The measure failed 52-47, short of the 60 votes needed.", [52, 47]),
        ("The amendment passed by a margin of 60 to 40 votes.", [60, 40]),
        ("Senate passes water bill 52-48", [52, 48]),  # a headline's present tense
        ("The vote, 232 to 196, was largely along party lines.", [232, 196]),
        # "against" further on is not the motion's outcome
        ("The 232-196 vote saw two members side with the minority against the effort.", [232, 196]),
        # a court's split, the majority first
        ("The court ruled 6-3 on Monday that the map was lawful.", [6, 3]),
        ("In a 5-4 decision on Monday, the court upheld the map.", [5, 4]),
        # a court named in a vote is no court's ruling
        ("The Senate rejected the court nominee 48-52 on Tuesday.", [48, 52]),
        # sides the writer names
        ("The bill passed with 52 votes in favor and 48 against.", [52, 48]),
        ("It failed, with 210 lawmakers voting in favour and 215 voting against.", [210, 215]),
        ("The motion carried with 30 yes votes and 12 no votes.", [30, 12]),
        # each side's share told between a count and its side
        (
            "Proposition 4 carried, 18,402 votes (57.9%) for and 13,381 votes (42.1%) against.",
            [18402, 13381],
        ),
        # one side named: the count before it, joined by "to", is the other
        (
            "Backers of the charter change led with 9,120 votes, or 61.0 percent, to 5,830 votes, or 39.0 percent, against, in early returns.",
            [9120, 5830],
        ),
        ("The charter change was ahead by 9,120 votes to 5,830 votes against.", [9120, 5830]),
        # a tally told after a clause's adverbs, or as what a chamber's tally "was"
        ("The Senate approved it late in the evening, 31-19, after a long debate.", [31, 19]),
        ("The final Senate tally, corrected on Monday, was 31-19.", [31, 19]),
    ],
)
def test_a_tally_is_its_two_sides(text: str, sides: list[int]) -> None:
    found = {unit: value for value, unit in _sides(text) if unit.startswith("votes ")}
    assert found == {"votes for": sides[0], "votes against": sides[1]}


@pytest.mark.parametrize(
    "text",
    [
        "The Hawks beat the Lions 3-1 on Sunday.",  # a game's score
        "The Lions won 3-1 on Sunday.",
        "The board approved 20-25 new homes.",  # a range of homes
        "The council approved the 2031-32 budget on Monday.",  # a budget's years
        "Officials confirmed 30-40 deaths.",
        "We were completing some passes but we were down 14-0, the coach said.",
        "The Jays owned the glass by a 44-26 margin.",  # a game's rebounds
        "Ten people voted for the first time and 40 voters stayed home.",  # no sides named
        "The Lions lost 1-3 and the Board 2-4 on Sunday.",  # a second score is no second tally
        "The official death tally stood at 12-15 on Monday.",  # a tally of no vote
        "Pell won 5,100 votes to 4,900 votes against the incumbent.",  # whom they were against
    ],
)
def test_a_pair_without_a_vote_is_no_tally(text: str) -> None:
    assert not {unit for _, unit in _sides(text)} & {"votes for", "votes against"}


@given(st.integers(0, 999), st.integers(0, 999))
def test_any_tally_of_a_vote_keeps_both_counts(first: int, second: int) -> None:
    found = _sides(f"The council voted {first}-{second} on Monday to pass the plan.")
    assert sorted(value for value, _ in found) == sorted([first, second])
    if first != second:  # what passed won: the larger count is the votes for it
        assert {unit: value for value, unit in found}["votes for"] == max(first, second)


def _tallies(claims: list[Claim], status: str) -> list[tuple[str, list[str]]]:
    return sorted(
        (claim.about, sorted(side.display for side in claim.sides))
        for claim in claims
        if claim.kind == "figure" and claim.section == status and claim.about.startswith("Votes")
    )


def test_one_votes_tallies_agree_or_clash_whichever_verb_tells_them(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-03-04", "The state Senate voted 52-48 on Tuesday to pass the water bill."),
            ("2031-03-04", "The Senate passed the water bill by a vote of 51 to 49 on Tuesday."),
            ("2031-03-05", "Lawmakers approved the water bill 52-48 on Tuesday."),
        ],
    )
    assert _tallies(claims, "conflict") == [
        ("Votes against", ["48", "49"]),
        ("Votes in favour", ["51", "52"]),
    ]


def test_a_committees_vote_is_not_the_chambers(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-03-04",
                "The finance committee voted 7-4 on Monday to send the budget to the council."
                " On Tuesday the council approved the budget 9-6 after a heated meeting.",
            ),
            ("2031-03-04", "The city council approved the budget 10-5 on Tuesday."),
        ],
    )
    # the committee's 7-4 is no rival of the council's tallies, nor does the first article
    # contradict itself by telling two votes
    assert _tallies(claims, "conflict") == [
        ("Votes against", ["5", "6"]),
        ("Votes in favour", ["10", "9"]),
    ]


def test_two_tallies_of_one_sentence_are_each_their_votes(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-03-04",
                "The council approved the budget 9-6 on Tuesday, after the finance committee"
                " voted 7-4 to send it on.",
            ),
            ("2031-03-04", "The city council approved the budget 10-5 on Tuesday."),
        ],
    )
    assert _tallies(claims, "conflict") == [
        ("Votes against", ["5", "6"]),
        ("Votes in favour", ["10", "9"]),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two bodies, two measures, two motions, two days
        (
            ("2031-03-04", "The Harwick city council voted 5-4 on Tuesday to approve the merger."),
            ("2031-03-04", "The Lindale city council voted 6-3 on Tuesday to approve it."),
        ),
        (
            ("2031-03-04", "The state Senate passed the budget 21-18 on Tuesday."),
            ("2031-03-04", "A day earlier the finance committee voted 20-19 to send it on."),
        ),
        (
            ("2031-03-04", "The Assembly adopted the Morvane resolution 141-5 on Thursday."),
            ("2031-03-04", "A rival resolution was rejected 60-80 on Thursday."),
        ),
        (
            ("2031-03-03", "The Senate voted 60-38 on Monday to advance the water bill."),
            ("2031-03-04", "The Senate passed the water bill 52-48 on Tuesday."),
        ),
        # one vote, its sides told either way
        (
            ("2031-03-04", "The committee voted 7-4 against advancing the bill on Monday."),
            ("2031-03-04", "The committee voted 7-4 to block the bill on Monday."),
        ),
        (
            ("2031-03-04", "The Senate voted 52-48 against confirming Orrin Pell on Tuesday."),
            ("2031-03-04", "The Senate rejected the nomination of Orrin Pell 48-52 on Tuesday."),
        ),
        (
            ("2031-03-04", "The court ruled 6-3 on Friday to strike down the Westbury law."),
            ("2031-03-04", "In a 6-3 decision on Friday, the court ruled the Westbury law void."),
        ),
        # a game, no vote
        (
            ("2031-03-04", "The Hawks failed to hold their lead and lost 3-2 in extra time."),
            ("2031-03-04", "The Hawks failed to hold their lead and drew 2-2 in regulation."),
        ),
    ],
)
def test_tallies_of_two_votes_or_told_two_ways_do_not_clash(
    encoder: TextEncoder, first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert _tallies(compare_dated(encoder, [first, second]), "conflict") == []


@pytest.mark.parametrize(
    "text",
    [
        "The referee rejected a penalty appeal as Harwick won 2-1 on Saturday.",
        "Harwick passed the ball well and won 3-1 on Saturday.",
    ],
)
def test_a_games_score_after_a_verb_of_a_vote_is_no_tally(text: str) -> None:
    assert not {unit for _, unit in _sides(text)} & {"votes for", "votes against"}


@pytest.mark.parametrize(
    "text",
    [
        "The Senate approved it 52-48 on Tuesday.",
        "The water bill cleared the Senate 52-48 on Tuesday.",
        "The water bill passed 52 to 48 on Tuesday.",
    ],
)
def test_more_ways_of_telling_a_tally(text: str) -> None:
    found = {unit: value for value, unit in _sides(text) if unit.startswith("votes ")}
    assert found == {"votes for": 52, "votes against": 48}


def test_a_second_chamber_s_tally_told_after_the_first_is_a_tally() -> None:
    """ "passed the Senate 31-19 and the House 60-38": two votes' tallies."""
    found = _sides("The bill passed the Senate 31-19 and the House 60-38 on Friday.")
    assert found == [
        (31, "votes for"),
        (19, "votes against"),
        (60, "votes for"),
        (38, "votes against"),
    ]
