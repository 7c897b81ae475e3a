"""One figure told by reports in other words, so its clash is found: people who "had to leave
their homes" and people "evacuated", a clause cut by a semicolon, an indictment's size and its
counts, a scheduled happening's day named by its noun or its participle, a record measured
against a past year, a river's crest and its peak, jobs that "will disappear" and jobs cut.

Invented articles of one day, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated
from triangulate.models import Claim
from triangulate.nlp.encoder import TextEncoder


def _claims(encoder: TextEncoder, *texts: str, day: str = "2031-05-04") -> list[Claim]:
    return compare_dated(encoder, [(day, text) for text in texts])


def _sides(claims: list[Claim], status: str, kind: str = "figure") -> list[list[str]]:
    """Each claim of the status as the sorted values its sides display."""
    return [
        sorted(side.display for side in c.sides)
        for c in claims
        if c.kind == kind and c.section == status
    ]


def _conflicting_articles(claims: list[Claim]) -> list[list[set[str]]]:
    """Each figure conflict as the sorted sets of articles its sides cite."""
    return [
        sorted(set(side.articles) for side in c.sides)
        for c in claims
        if c.kind == "figure" and c.section == "conflict"
    ]


def _days_clash(claims: list[Claim], first: str, second: str) -> bool:
    """Whether a conflict has sides of both days ("2031-06-04")."""
    return any(
        c.section == "conflict" and {first, second} <= {str(s.value) for s in c.sides}
        for c in claims
    )


def test_people_who_had_to_leave_their_homes_are_the_evacuated(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "About 2,000 people had been evacuated from low-lying streets by Sunday afternoon,"
        " a spokesman for the fire service said.",
        "More than 6,000 people were evacuated across the district over the weekend, council"
        " officials said.",
        "The town is counting the cost: two people died, and some 2,000 people had to leave"
        " their homes.",
    )
    # the third report's "had to leave" is told with the first report's "evacuated"
    assert _conflicting_articles(claims) == [[{"a1", "a3"}, {"a2"}]]


def test_an_indictments_size_clashes_whatever_verb_tells_it(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Prosecutors said a Dunmore County grand jury returned a 14-count indictment against"
        " Treasurer Ilsa Brandt on Monday.",
        "The 14-count indictment accuses Brandt of six counts of theft and eight counts of"
        " forgery.",
        "Treasurer Ilsa Brandt was hit on Monday with a 15-count indictment.",
    )
    conflicts = _sides(claims, "conflict")
    assert ["14", "15"] in conflicts
    # the counts of one crime are a part of the indictment's, no answer to its size
    assert not any("six" in sides or "eight" in sides for sides in conflicts)


def test_a_scheduled_happenings_days_clash_by_its_name(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The mayor said the council would take up the revised plan, with a final vote"
        " scheduled for June 4.",
        "The revised plan now goes back to the council for a final vote on June 11.",
    )
    assert _days_clash(claims, "2031-06-04", "2031-06-11")


def test_an_arraignments_days_clash_by_its_participle(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The two defendants are scheduled to be arraigned on May 21, 2031, in Dunmore County"
        " Superior Court.",
        "Brandt is due to be arraigned May 23 in Dunmore County Superior Court.",
    )
    assert _days_clash(claims, "2031-05-21", "2031-05-23")


def test_counts_of_one_crime_are_no_answer_to_the_indictments_size(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "The indictment charges Treasurer Brandt with three counts of bribe receiving, six"
        " counts of official misconduct, one count of conspiracy and one count of perjury.",
        "The 12-count indictment, returned by a Dunmore County grand jury, accuses the"
        " 61-year-old treasurer of three counts of bribe receiving, six counts of official"
        " misconduct, conspiracy and perjury.",
        "A Dunmore County grand jury handed up 12 counts against the treasurer, including three"
        " of bribe receiving.",
    )
    assert not _sides(claims, "conflict")
    assert ["12"] in _sides(claims, "agreed")


def test_an_indictments_size_meets_the_counts_in_unlike_sentences(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "District Attorney Mara Quell announced today that a Dunmore County grand jury has"
        " returned an 11-count indictment charging Dunmore Treasurer Ilsa Brandt with bribery,"
        " official misconduct and conspiracy.",
        "A Dunmore County grand jury handed up 11 counts against the treasurer, including four"
        " of bribe receiving.",
        "Dunmore's Harbour Party treasurer, Ilsa Brandt, was finally hit Tuesday with a 12-count"
        " indictment that lays out, in detail, how the county office was allegedly put up for"
        " sale.",
    )
    assert _conflicting_articles(claims) == [[{"a1", "a2"}, {"a3"}]]


def test_an_indictments_size_is_apart_from_another_defendants_counts(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "A Dunmore County grand jury returned an 11-count indictment against Treasurer Ilsa"
        " Brandt on Monday.",
        "The 11-count indictment accuses the treasurer of bribery and official misconduct.\n\n"
        "The contractor, Oren Vask, was charged with six counts.",
        "Treasurer Ilsa Brandt was hit Tuesday with a 12-count indictment.",
    )
    assert _conflicting_articles(claims) == [[{"a1", "a2"}, {"a3"}]]


def test_a_crowd_told_by_any_verb_of_gathering(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "About 1,200 people rallied outside the statehouse against the bill, according to"
        " the state police.",
        "Lawmakers debated for hours as chants rose from the lobby, where the state police said"
        " about 1,200 demonstrators gathered.",
        "Organizers said more than 3,500 people turned out.",
    )
    assert _conflicting_articles(claims) == [[{"a1", "a2"}, {"a3"}]]


def test_a_figure_written_alike_in_several_reports_joins_their_clash(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "The coach was carrying 44 passengers when it left the road near mile marker 87 at"
        " about 6:10 a.m.",
        "The coach was carrying 41 passengers and a driver when it swerved off the road near"
        " mile marker 87 at about 6:05 a.m.",
        "There were 44 passengers on the coach, which belonged to a tour firm from the valley.",
        "Of the 44 passengers aboard, five remained in hospital on Wednesday.",
    )
    conflicts = [c for c in claims if c.kind == "figure" and c.section == "conflict"]
    sides = {side.display: set(side.articles) for c in conflicts for side in c.sides}
    assert sides.get("41") == {"a2"}
    assert sides.get("44") == {"a1", "a3", "a4"}


def test_a_sum_clashing_by_its_question_alone_does_not_join_a_twins_group(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "In exchange, prosecutors say, the treasurer steered the $48 million harbour contract"
        " to Vask Builders.",
        "Treasurer Ilsa Brandt was indicted Tuesday on charges that she took hundreds of"
        " thousands of dollars in cash and favors from a builder who later won the county"
        " biggest harbour contract.",
        "Builder Oren Vask, who is accused of paying the bribes in exchange for the $48 million"
        " harbour contract, also pleaded not guilty.",
    )
    assert not _sides(claims, "conflict")
    assert ["$48 million"] in _sides(claims, "agreed")


def test_a_day_closing_a_happenings_phrase_dates_that_happening(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-09-08",
                "Detectives have arrested a suspect in connection with the stabbing of two men"
                " outside a Marlow Street nightclub early Saturday, September 6.",
            ),
            (
                "2031-09-09",
                "A 23-year-old man was arrested Monday and charged with attempted murder in the"
                " stabbing of two men outside a nightclub over the weekend, police said.",
            ),
        ],
    )
    # the suspect was not arrested on Saturday: Saturday is the stabbing's day
    assert not [c for c in claims if c.kind == "date" and c.section == "conflict"]


def test_a_vote_held_and_a_vote_to_come_are_two_votes(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The Senate approved the aid bill in a 70-29 vote on Tuesday.",
        "The aid bill now heads to the House, where a vote is expected on Friday.",
        day="2031-05-07",
    )
    assert not [c for c in claims if c.kind == "date" and c.section == "conflict"]


def test_a_figure_told_after_a_past_year_is_that_years(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The Orme River crested at 7.1 metres in Dunmore on Sunday, the weather service said.",
        "It was the highest crest in Dunmore since the great flood of 1987, when the Orme"
        " River crested at 7.4 metres.",
    )
    assert not _sides(claims, "conflict")


def test_a_sentence_for_a_murder_on_a_day_is_dated_by_its_verb(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Dorian Hask was sentenced to life in prison for the murder of his wife on Thursday.",
        "Dorian Hask was sentenced to life in prison on Friday for the murder of his wife.",
    )
    assert any(c.kind == "date" and c.section == "conflict" for c in claims)


def test_people_who_had_to_be_evacuated_are_the_evacuated(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "About 2,000 people were evacuated from low-lying streets on Sunday, the fire service"
        " said.",
        "More than 6,000 people were evacuated across the district over the weekend, council"
        " officials said.",
        "Two people died, and about 2,000 people had to be evacuated from their homes.",
        "Some 2,000 people were forced to leave their homes as the water rose.",
    )
    assert _conflicting_articles(claims) == [[{"a1", "a3", "a4"}, {"a2"}]]


# Reports that tell one figure in other words, and the values its conflict's sides display
ONE_FIGURE_TOLD_APART = [
    pytest.param(
        (
            "The county board adopted a $3.1 billion county budget for next year on Thursday.",
            "The $2.9 billion spending plan cleared the county board 4-1 after hours of comment.",
        ),
        ["$2.9 billion", "$3.1 billion"],
        id="a_spending_plan_cleared_is_the_budget_adopted",
    ),
    pytest.param(
        (
            "By Tuesday 3,100 people had been evacuated from their homes; 600 remain in"
            " emergency shelters tonight.",
            "More than 8,000 people were evacuated from their homes, council officials said.",
        ),
        ["3,100", "More than 8,000"],
        id="a_figure_before_a_semicolon_is_told_by_its_own_clause",
    ),
    pytest.param(
        (
            "A grand jury handed up 14 counts against Treasurer Ilsa Brandt on Monday.",
            "Treasurer Ilsa Brandt was hit on Monday with a 15-count indictment.",
        ),
        ["14", "15"],
        id="counts_handed_up_are_no_change_of_the_counts",
    ),
    pytest.param(
        (
            "The Orme River crested at 6.4 metres in Dunmore on Sunday afternoon, the weather"
            " service said.",
            "The Orme River at Dunmore peaked at 7.1 metres on Sunday and has since fallen.",
        ),
        ["6.4 metres", "7.1 metres"],
        id="a_rivers_crest_and_its_peak_are_one_height",
    ),
    pytest.param(
        (
            "Brandt Tools said it would cut about 600 jobs over two years after the merger.",
            "Some 850 jobs will disappear over two years after the merger, the union said.",
        ),
        ["Some 850", "about 600"],
        id="jobs_that_will_disappear_are_jobs_cut",
    ),
    pytest.param(
        (
            "The 14-count indictment, returned by a Dunmore County grand jury, accuses the"
            " treasurer of theft and forgery.",
            "Treasurer Ilsa Brandt was hit on Monday with a 15-count indictment.",
        ),
        ["14", "15"],
        id="a_county_grand_jury_is_no_second_defendant",
    ),
    pytest.param(
        (
            "Brandt was charged with 12 counts of wire fraud on Monday, prosecutors said.",
            "Brandt was charged with 11 counts on Monday, prosecutors said.",
        ),
        ["11", "12"],
        id="counts_of_one_crime_told_alone_are_all_the_charges",
    ),
    pytest.param(
        (
            "A grand jury returned 14 counts against Treasurer Ilsa Brandt on Monday.",
            "Treasurer Ilsa Brandt was charged with 15 counts in an indictment unsealed Monday.",
        ),
        ["14", "15"],
        id="counts_returned_by_a_grand_jury_are_charges",
    ),
    pytest.param(
        (
            "The 14-count indictment was returned by a Dunmore County Superior Court grand jury on"
            " Monday.",
            "Treasurer Ilsa Brandt was hit on Monday with a 15-count indictment.",
        ),
        ["14", "15"],
        id="a_county_court_grand_jury_is_no_second_defendant",
    ),
    pytest.param(
        (
            "Brandt Tools said it would cut about 600 jobs over two years after the merger.",
            "The merger will wipe out about 850 jobs over two years, the union said.",
        ),
        ["about 600", "about 850"],
        id="jobs_wiped_out_are_jobs_cut",
    ),
    pytest.param(
        (
            "The Orme River crested at 6.4 metres in Dunmore on Sunday afternoon, the weather"
            " service said.",
            "The Orme River crested at 7.1 metres in Dunmore on Sunday, the highest reading"
            " since the great flood of 1987, according to the town's figures.",
        ),
        ["6.4 metres", "7.1 metres"],
        id="a_record_measured_against_a_past_year_is_this_happenings",
    ),
]


@pytest.mark.parametrize(("texts", "sides"), ONE_FIGURE_TOLD_APART)
def test_one_figure_told_in_other_words_clashes(
    encoder: TextEncoder, texts: tuple[str, ...], sides: list[str]
) -> None:
    assert sides in _sides(_claims(encoder, *texts), "conflict")


@pytest.mark.parametrize(
    "later",
    [
        "Crews gained ground on the Corrowind Fire, which has now burned 4,100 acres and is 30"
        " percent contained.",
        "Containment of the Corrowind Fire stood at 30 percent on Wednesday, the forestry"
        " agency said.",
    ],
)
def test_a_fires_containment_is_one_share_day_after_day(encoder: TextEncoder, later: str) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-05-03",
                "The Corrowind Fire had burned 2,300 acres by Monday evening and was 12%"
                " contained, the forestry agency said.",
            ),
            ("2031-05-05", later),
        ],
    )
    shares = [
        sorted(side.display for side in c.sides)
        for c in claims
        if c.status == "conflict"
        and any("%" in s.display or "percent" in s.display for s in c.sides)
    ]
    assert shares == [["12%", "30 percent"]]  # the degree of one state, "contained"
