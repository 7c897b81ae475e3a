"""A ballot question's results told from early returns and again from the canvass: each side's
votes and share, the margin and the turnout are one question each across reports, whatever
verb or layout tells them ("led with 9,120 votes, or 61.0 percent, to 5,830 votes ...
against"; "passed with 9,455 votes (61.4%) for"), and a share of voters that did something
else is no turnout.

Invented articles, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated
from triangulate.models import Claim
from triangulate.nlp.encoder import TextEncoder

EARLY_RETURNS = (
    "2031-11-05",
    "Tollmere library bond headed for approval\n\n"
    "Early returns on Tuesday showed the library bond ahead. The bond led with 9,120 votes,"
    " or 61.0 percent, to 5,830 votes, or 39.0 percent, against. Clerk Ada Venn called the"
    " 3,290-vote margin comfortable. Turnout was 38.2 percent, she said.",
)
CANVASS = (
    "2031-11-14",
    "Canvass confirms Tollmere bond\n\n"
    "The canvass board signed off on Friday. The measure passed with 9,455 votes (61.4%) for"
    " and 5,944 votes (38.6%) against, a margin of 3,511 votes, the board said. In total 15,399"
    " ballots were counted, for a turnout of 39.5%.",
)


def _figures(claims: list[Claim]) -> dict[str, list[str]]:
    """Each figure claim two reports give, by its label: its sides as written, sorted."""
    return {
        c.about: sorted(side.display for side in c.sides)
        for c in claims
        if c.kind == "figure" and len(c.sides) > 1
    }


@pytest.fixture(scope="module")
def results(encoder: TextEncoder) -> dict[str, list[str]]:
    return _figures(compare_dated(encoder, [EARLY_RETURNS, CANVASS]))


@pytest.mark.parametrize(
    ("about", "sides"),
    [
        ("Votes in favour", ["9,120", "9,455"]),
        ("Votes against", ["5,830", "5,944"]),
        ("Share of votes in favour", ["61.0 percent", "61.4%"]),
        ("Share of votes against", ["38.6%", "39.0 percent"]),
        ("Vote margin", ["3,290", "3,511"]),
        ("Turnout", ["38.2 percent", "39.5%"]),
    ],
)
def test_each_result_is_one_question_across_the_returns_and_the_canvass(
    results: dict[str, list[str]], about: str, sides: list[str]
) -> None:
    assert results.get(about) == sides


@pytest.mark.parametrize(
    "other",
    [
        "About 41 percent of voters opposed the bond, and its backers said they would listen.",
        "Some 61 percent of voters cast ballots for the bond, the clerk said.",
        "Turnout rose 4 percent from the last bond vote, the clerk said.",
    ],
)
def test_a_share_of_voters_who_did_something_else_is_no_turnout(
    encoder: TextEncoder, other: str
) -> None:
    told = ("2031-11-06", f"Bond backers relieved\n\n{other}")
    claims = compare_dated(encoder, [EARLY_RETURNS, told])
    assert "Turnout" not in _figures(claims)
    assert not [c for c in claims if c.status == "conflict" and "38.2 percent" in str(c.sides)]


def test_two_measures_named_apart_are_two_votes(encoder: TextEncoder) -> None:
    """ "the measure" may be any measure; "the fire levy" named is another than the bond."""
    levy = (
        "2031-11-05",
        "Fire levy trails\n\nThe fire levy trailed with 6,020 votes, or 44.0 percent, to 7,660"
        " votes, or 56.0 percent, against.",
    )
    claims = compare_dated(encoder, [EARLY_RETURNS, levy])
    assert "Votes in favour" not in _figures(claims)
