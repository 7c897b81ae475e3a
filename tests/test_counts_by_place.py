"""Counts told place by place, figures whose noun the writer leaves out, one quake's
magnitude told by any verb, one measure in two words (a firm's sales and revenue, its jobs
and workers cut), the ages of one unnamed person, and the labels of shares.

Invented articles of one day or two, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated, shown_sides
from triangulate.compare.labels import figure_label
from triangulate.models import Article
from triangulate.nlp.encoder import TextEncoder
from triangulate.nlp.language import load_nlp
from triangulate.readers.quantities import find_quantities
from triangulate.readers.reader import read_article

FLOODS = (
    "Floods killed 14 people in Harwick and 6 in Lindale on Sunday. In Harwick, 300 homes were"
    " destroyed, while 120 homes were destroyed in Lindale.",
    "Six people died in Lindale and 14 in Harwick after the river burst its banks on Sunday."
    " About 300 homes were destroyed in Harwick and 120 in Lindale.",
    "The floods on Sunday killed 14 people in Harwick. In Lindale, six people died and 150"
    " homes were destroyed.",
)


def test_counts_of_two_places_are_two_facts_and_one_place_still_clashes(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(encoder, [("2031-07-20", text) for text in FLOODS])
    # Harwick's 300 homes against Lindale's 150 is no conflict; Lindale's 120 against 150 is
    assert shown_sides(claims, "figure", "conflict") == [["120", "150"]]
    agreed = shown_sides(claims, "figure", "agreed")
    assert ["300", "About 300"] in agreed  # one article told both places' counts
    assert ["6", "Six"] in agreed


def test_a_fronted_place_holds_only_until_another_place_is_named(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-07-20",
                "In Harwick, 14 people died on Sunday, and in Lindale, six people died.",
            ),
            ("2031-07-20", "Eight people died in Lindale on Sunday."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["Eight", "six"]]


def test_a_place_where_a_count_was_told_is_no_place_of_the_count(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-07-20", "In Harwick, officials said the death toll had risen to 14."),
            ("2031-07-20", "In Lindale, officials said the death toll had risen to 19."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["14", "19"]]


@pytest.mark.parametrize(
    ("by_place", "told"),
    [
        ("Six people died in Harwick and eight in Lindale, officials said.", "Fourteen"),
        ("Six people died in Harwick. In Lindale, eight people died.", "Eight"),
    ],
)
def test_counts_told_place_by_place_are_not_a_count_of_no_place(
    encoder: TextEncoder, by_place: str, told: str
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-07-20", f"A storm hit the coast on Monday. {by_place}"),
            ("2031-07-20", f"A storm hit the coast on Monday. {told} people died, officials said."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == []  # not a total against one place's count
    assert shown_sides(claims, "figure", "agreed") == []  # nor one place's count as all of them


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("About 300 homes were destroyed in Harwick and 120 in Lindale.", ["homes", "homes"]),
        ("Six people died in Harwick and eight in Lindale.", ["people", "people"]),
        ("Police arrested 12 protesters on Friday, and 30 on Saturday.", ["protesters"] * 2),
        ("He served 10 years in prison, and 5 on probation.", ["years", "years"]),
        # words of its own after the number, a name before it, a sum's scale, a proper noun
        ("The quake killed 40 people, 12 of them children.", ["people", ""]),
        ("Two men, Milo Trent, 19, and Dorian Hask, 25, were charged.", ["men", "", ""]),
        ("It took 30 hours, stuck at 9-3, with 9 in favour.", ["hours", ""]),  # a number between
        ("It raised $5 million in May and 3 in June.", ["dollars", ""]),
        ("The firm cut 300 jobs and officials said 120 more would go.", ["jobs", ""]),
        # a proper noun read as the noun of the number before: a list of versions
        ("It affects versions 8, and 9 and Windows XP, Vista and 7.", ["", "Vista", ""]),
    ],
)
def test_a_number_whose_noun_is_left_out_counts_the_figure_before_it(
    text: str, units: list[str]
) -> None:
    assert [q.unit for q in find_quantities(text, "a", load_nlp()(text))] == units


def test_one_quakes_magnitude_told_by_any_verb_clashes_and_another_quakes_does_not(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-06-01", "A magnitude 6.4 earthquake struck near Brenholt on Sunday."),
            ("2031-06-01", "At least 42 people died when a 6.4-magnitude quake hit Brenholt."),
            ("2031-06-02", "The quake, of magnitude 6.2, injured 260 people near Brenholt."),
            ("2031-06-02", "A 4.1 magnitude aftershock shook Brenholt on Monday."),
            ("2031-06-02", "The region was devastated by a magnitude 6.9 quake in 1998."),
        ],
    )
    conflicts = [c for c in claims if c.kind == "figure" and c.section == "conflict"]
    assert [sorted(s.display for s in c.sides) for c in conflicts] == [["6.2", "6.4"]]
    assert conflicts[0].about == "Magnitude"


def _share_labels(text: str) -> dict[str, str]:
    reading = read_article(Article("a", "a.txt", text, published="2031-03-04"))
    return {
        quantity.evidence.text: figure_label(
            fact.evidence.text, fact.evidence.start, quantity, fact
        )
        for fact in reading.facts
        for quantity in fact.quantities
        if quantity.unit == "percent"
    }


def test_a_share_is_labelled_by_what_it_is_of_and_who_took_it() -> None:
    labels = _share_labels(
        "Mayor Tamsin Vale won a second term on Tuesday. Vale won 52% of the vote, while her"
        " challenger Orrin Pell took 45%. Turnout was 38%, the city clerk said."
    )
    assert labels == {
        "52%": "Share of the vote won by Tamsin Vale",
        "45%": "Share taken by Orrin Pell",
        "38%": "Turnout",
    }


def test_a_share_of_a_whole_is_labelled_by_what_the_whole_does() -> None:
    assert _share_labels("About 61% of voters backed the measure.") == {
        "About 61%": "Share of voters who backed the measure"
    }
    # a share only a pronoun holds keeps the clause's words: "he" says nothing in a label
    assert _share_labels("He won 60% of the vote.") == {"60%": "Share (percent)"}


def test_a_firms_sales_and_its_revenue_are_one_measure(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-02-05", "Velda Group said its quarterly revenue rose to $4.1 billion."),
            ("2031-02-05", "Velda Group said its quarterly sales rose to $4.3 billion."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["$4.1 billion", "$4.3 billion"]]


@pytest.mark.parametrize(
    ("second", "clash"),
    [
        ("A 16-year-old was shot four times on Elm Street on Monday night.", True),
        ("A 16-year-old girl was shot on Elm Street on Monday night.", False),  # another noun
        ("A second boy, 16, was shot on Elm Street on Monday night.", False),  # another boy
        ("A 16-year-old boy was arrested on Elm Street on Monday night.", False),  # another verb
    ],
)
def test_the_ages_of_one_unnamed_person_clash(
    encoder: TextEncoder, second: str, clash: bool
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-09-02", "A 17-year-old boy was shot three times on Elm Street on Monday night."),
            ("2031-09-02", second),
        ],
    )
    assert shown_sides(claims, "age", "conflict") == ([["16", "17"]] if clash else [])


def test_the_age_of_who_did_it_and_of_whom_it_was_done_to_are_two_people(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-09-02", "A 63-year-old man was shot outside the Harwick plant on Monday."),
            ("2031-09-02", "A 39-year-old man shot three co-workers outside the Harwick plant."),
        ],
    )
    assert shown_sides(claims, "age", "conflict") == []


def test_jobs_cut_and_workers_laid_off_are_one_count(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-01-20", "Korvel Mining will cut 1,200 jobs at its mines, the company said."),
            ("2031-01-20", "Korvel Mining is laying off 1,500 workers at its mines."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["1,200", "1,500"]]


def test_a_count_everywhere_beside_a_place_is_still_a_total(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-07-20",
                "The virus has killed 31,000 people worldwide and 6,000 people in Harwick.",
            ),
            ("2031-07-20", "The virus has killed 24,000 people, officials said."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["24,000", "31,000"]]
