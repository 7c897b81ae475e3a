"""Figures of other things told beside a figure, doers a pronoun stands for, nouns that only
share a word, states told by "be", and dollars named by their country: a sentence that tells
one report's answer beside another figure does not clash with that report through the other
figure; "It injured 25 workers" clashes with "the fire injured 40 workers"; "three Internet
cables" and "3,000 Internet routes" are two things; "2.5 million people were eligible" are
not the 2.44 million who "cast their ballots", but "3,000 people were homeless" are those a
storm "left homeless"; "$US1 million ($1.52 million)" is one sum.

Invented articles, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated, shown_sides
from triangulate.compare.markets import index_named_before
from triangulate.nlp.encoder import TextEncoder
from triangulate.nlp.language import load_nlp
from triangulate.readers.quantities import find_quantities

DAY = "2031-05-06"


def test_a_figure_the_other_sentence_also_tells_does_not_clash(encoder: TextEncoder) -> None:
    # the first report's "thousands" counts the homeless, not the injured the second counts
    claims = compare_dated(
        encoder,
        [
            (
                DAY,
                "A storm struck the coast near Westbury on Sunday. The storm killed 12 people"
                " and injured more than 300, leaving thousands of people homeless, officials"
                " said.",
            ),
            (
                DAY,
                "A powerful storm hit Westbury on Sunday. It killed 12 people and injured about"
                " 300, the regional governor said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == []
    assert ["about 300", "more than 300"] in sorted(shown_sides(claims, "figure", "agreed"))


def test_counts_of_two_questions_swapped_still_clash(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                DAY,
                "Flooding hit Westbury on Sunday. The floods killed 14 people and injured 60,"
                " officials said.",
            ),
            (
                DAY,
                "Floods swept Westbury on Sunday. The floods killed 60 people and injured 14,"
                " the governor said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == [["14", "60"], ["14", "60"]]


FIRE = (
    DAY,
    "A fire destroyed a warehouse in Westbury on Sunday. The fire injured 40 workers, officials"
    " said.",
)


def test_a_figure_of_another_question_beside_it_leaves_the_clash(encoder: TextEncoder) -> None:
    # the second sentence's 40 counts cattle killed, not workers injured
    other = (
        DAY,
        "A fire gutted a warehouse in Westbury on Sunday. It injured 25 workers and killed 40"
        " cattle in a barn nearby, the fire chief said.",
    )
    assert sorted(shown_sides(compare_dated(encoder, [FIRE, other]), "figure", "conflict")) == [
        ["25", "40"]
    ]


def test_a_doer_told_by_it_is_the_doer_of_the_other_report(encoder: TextEncoder) -> None:
    other = (
        DAY,
        "A fire gutted a warehouse in Westbury on Sunday. It injured 25 workers, the fire chief"
        " said.",
    )
    assert sorted(shown_sides(compare_dated(encoder, [FIRE, other]), "figure", "conflict")) == [
        ["25", "40"]
    ]


def test_two_nouns_sharing_a_word_are_two_things_when_their_figures_differ(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                DAY,
                "Internet services were disrupted across the region on Friday. Three Internet"
                " cables were cut off the coast of Harwick early on Friday morning, the ministry"
                " said.",
            ),
            (
                DAY,
                "Internet services were disrupted across the region on Friday. Between 3,000"
                " and 5,000 Internet routes in the region were off-line early on Friday morning"
                " after the cut, the company said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == []


def test_two_nouns_sharing_words_agree_on_an_equal_figure(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                DAY,
                "The Justice Department on Monday announced indictments of six Kelmington"
                " military intelligence officers in connection with major hacks worldwide,"
                " including of the elections in Lindale.",
            ),
            (
                DAY,
                "The Department of Justice announced Monday indictments for six Kelmington"
                " military hackers who were part of the Kelmington intelligence directorate.",
            ),
        ],
    )
    assert ["six"] in sorted(shown_sides(claims, "figure", "agreed"))


@pytest.mark.parametrize(
    ("text", "kept", "unit"),
    [
        ("Damage was put at $US1 million ($1.52 million), police said.", "$US1 million", "dollars"),
        ("Damage was put at $ US1 million ( $ 1.52 million ) .", "$ US1 million", "dollars"),
        ("The bill came to about US$1 million (A$1.52 million).", "about US$1 million", "dollars"),
        ("The fund paid NZ$2 million (US$1.3 million).", "NZ$2 million", "new zealand dollars"),
        ("The firm paid $2 million (US$1.3 million) in fines.", "$2 million", "dollars"),
        ("The state paid $A2.5 billion for the line.", "$A2.5 billion", "australian dollars"),
    ],
)
def test_a_dollar_named_by_its_country_is_read_with_it(text: str, kept: str, unit: str) -> None:
    """ "US$", "$US", "A$", "NZ$": a dollar of one country, and the bracketed sum after it in
    another country's dollars (or the writer's own "$") its conversion, no figure of its own."""
    for doc in (None, load_nlp()(text)):
        found = find_quantities(text, "a1", doc)
        assert [(q.evidence.text, q.unit) for q in found] == [(kept, unit)]


@pytest.mark.parametrize(
    "text", ["Sales rose to $5 million ($2 million more than last year).", "Take Route US1 north."]
)
def test_no_conversion_or_dollar_read_where_none_is_written(text: str) -> None:
    found = [q.evidence.text for q in find_quantities(text, "a1")]
    assert found == (["$5 million", "$2 million"] if "Sales" in text else [])


def test_those_be_tells_in_a_state_are_not_those_a_verb_counts(encoder: TextEncoder) -> None:
    # "were eligible to vote" counts the electorate, "cast their ballots" the turnout
    claims = compare_dated(
        encoder,
        [
            (
                DAY,
                "Voters in Lindale chose a new parliament on Sunday. Over 2.5 million people"
                " were eligible to vote in the election, held under a new constitution.",
            ),
            (
                DAY,
                "Voters in Lindale chose a new parliament on Sunday. Some 2.44 million people,"
                " about 88 percent of the electorate, cast their ballots in the election,"
                " officials said.",
            ),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == []


def test_a_state_a_verb_leaves_them_in_is_the_same_question(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                DAY,
                "A storm hit Westbury on Sunday. About 3,000 people were homeless after the"
                " storm, officials said.",
            ),
            (DAY, "A storm hit Westbury on Sunday. The storm left 5,000 people homeless."),
        ],
    )
    assert sorted(shown_sides(claims, "figure", "conflict")) == [["5,000", "About 3,000"]]


SHOT = "Police shot Milo Trent, 19, in Eastford on Saturday."


def test_a_count_of_times_over_a_window_is_part_of_the_record(encoder: TextEncoder) -> None:
    whole = (
        DAY,
        f"{SHOT} Trent had previously been arrested four times on charges of robbery and"
        " assault, police said.",
    )
    since = (
        DAY,
        f"{SHOT} Trent had been in trouble with the law before, having been arrested three"
        " times since October on charges of robbery.",
    )
    assert sorted(shown_sides(compare_dated(encoder, [whole, since]), "figure", "conflict")) == []
    told_whole = (
        DAY,
        f"{SHOT} Trent had been in trouble with the law before, having been arrested three"
        " times on charges of robbery.",
    )
    assert sorted(
        shown_sides(compare_dated(encoder, [whole, told_whole]), "figure", "conflict")
    ) == [["four", "three"]]


@pytest.mark.parametrize(
    ("before", "named"),
    [
        ("The only indexes that gained were the Hang Seng in Hong Kong, which closed up ", "hang"),
        ("The Dow Jones Industrial Average index did well today, and it closed up ", "dow"),
        ("The Korvel 200 index dropped ", "korvel"),
        ("The Korvel 200 was up 25 points, the Tamsin index was up over ", "tamsin"),
        ("It went up by ", None),
        ("Shares of Korvel Mining fell ", None),
        ("In Lindale the blue-chip index rose ", None),
    ],
)
def test_the_index_a_market_figure_is_told_after(before: str, named: str | None) -> None:
    """The index a figure of a market follows, by its name's first word: two figures told
    after two indexes' names are two indexes' moves, not a conflict."""
    assert index_named_before(before) == named
