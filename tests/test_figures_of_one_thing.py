"""One thing's figure told in other words: a fire's area by any verb of its spread, a firm's
sum of one period by any verb of its results (and a quarter's sum apart from a year's), a
person's age written after the last name alone; and the labels of such figures.

Invented articles, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated, shown_sides
from triangulate.compare.labels import area_label, figure_label, sum_measure
from triangulate.compare.link import surnames
from triangulate.models import Article, Claim, Evidence
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_article


def _conflicts_by_label(claims: list[Claim]) -> dict[str, list[str]]:
    return {
        claim.about: sorted(side.display for side in claim.sides)
        for claim in claims
        if claim.kind == "figure" and claim.section == "conflict"
    }


def test_a_fires_area_a_day_later_is_an_update_whichever_verb_tells_it(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-08-10",
                "A wildfire near Harwick has burned 12,000 acres since Saturday, officials"
                " said on Monday.",
            ),
            (
                "2031-08-11",
                "The Harwick wildfire has grown to 18,000 acres, officials said on Tuesday.",
            ),
        ],
    )
    assert shown_sides(claims, "figure", "update") == [["12,000 acres", "18,000 acres"]]
    (claim,) = [c for c in claims if c.section == "update"]
    assert claim.about == "Area covered"  # not "Area grown"


def test_a_fires_area_and_a_farms_area_destroyed_are_two_questions(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-08-10", "The wildfire has burned 12,000 acres, officials said on Monday."),
            ("2031-08-10", "The wildfire destroyed 3,000 acres of crops, officials said."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == []


def test_a_firms_revenue_reported_or_posted_is_one_question_of_its_period(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-04-20",
                "Korvel Mining reported revenue of $4.2 billion for the first quarter. For the"
                " full year, Korvel reported revenue of $16.1 billion.",
            ),
            (
                "2031-04-20",
                "Korvel Mining posted first-quarter revenue of $4.3 billion on Monday. Annual"
                " revenue was $16.1 billion last year.",
            ),
        ],
    )
    # the quarter's two sums clash; the year's agree; a quarter's is no rival of a year's,
    # and the first article telling both is no self-contradiction
    assert shown_sides(claims, "figure", "conflict") == [["$4.2 billion", "$4.3 billion"]]
    assert ["$16.1 billion"] in shown_sides(claims, "figure", "agreed")


@pytest.mark.parametrize(
    "second",
    [
        "Dorian Hask was arrested on Monday after the stabbing. Hask, 34, is held in Harwick.",
        "Dorian Hask was arrested on Monday. Police said Hask, 34, had been charged with assault.",
    ],
)
def test_an_age_after_a_last_name_is_that_persons(encoder: TextEncoder, second: str) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-06-02", "Police arrested Dorian Hask, 33, on Monday after a stabbing."),
            ("2031-06-02", second),
        ],
    )
    ages = [c for c in claims if c.kind == "age" and c.section == "conflict"]
    assert [sorted(s.display for s in c.sides) for c in ages] == [["33", "34"]]
    assert ages[0].about == "Age of Dorian Hask"


def test_an_age_after_a_name_set_off_after_a_noun_is_that_persons(encoder: TextEncoder) -> None:
    # "Marcus Pendry" is set off after "man" and a comma: the tagger may take such a name for a
    # firm's, but the number after it is still the person's age, no figure of its own
    claims = compare_dated(
        encoder,
        [
            (
                "2031-06-02",
                "A Harwick man, Marcus Pendry, 26, was arrested last week and charged in that case.",
            ),
            ("2031-06-02", "Police said Marcus Pendry, 27, was held at the county jail."),
        ],
    )
    ages = [c for c in claims if c.kind == "age"]
    assert [c.about for c in ages] == ["Age of Marcus Pendry"]
    assert sorted(s.display for s in ages[0].sides) == ["26", "27"]
    assert not [c for c in claims if c.kind == "figure" and "26" in c.sides[0].display]


def test_a_last_name_two_people_share_is_no_ones() -> None:
    text = "Police arrested Dorian Hask, 33, and his brother Milo Hask, 29, on Monday."
    assert "Hask" not in surnames(read_article(Article("a", "a.txt", text)))
    text = "Police arrested Dorian Hask, 33, on Monday after a stabbing."
    assert surnames(read_article(Article("a", "a.txt", text))) == {"Hask": "Dorian Hask"}


def test_a_last_name_its_article_does_not_give_in_full_is_another_persons(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-06-02",
                "Police arrested Dorian Hask, 33, and his brother Milo Hask, 29, on Monday.",
                # "Dorian Hask, 33": his age, not his brother's named after it
            ),
            (
                "2031-06-02",
                "Police charged a Harwick man on Monday. The suspect's father, Hask, 61, was"
                " released.",
            ),
        ],
    )
    assert [c for c in claims if c.kind == "age" and c.section == "conflict"] == []
    ages = {(c.about, c.sides[0].display) for c in claims if c.kind == "age"}
    assert ("Age of Dorian Hask", "33") in ages


def _label(text: str, written: str) -> str:
    reading = read_article(Article("a", "a.txt", text))
    (quantity,) = [q for q in reading.quantities if q.evidence.text == written]
    fact = next(f for f in reading.facts if quantity in f.quantities)
    sentence = next(
        s.evidence
        for s in reading.sentences
        if s.evidence.start <= quantity.evidence.start < s.evidence.end
    )
    return figure_label(sentence.text, sentence.start, quantity, fact)


@pytest.mark.parametrize(
    ("text", "written", "label"),
    [
        (
            "The fire was 15 percent contained on Monday.",
            "15 percent",
            "Share of the fire contained",
        ),
        (
            "The Harwick wildfire is 40% contained.",
            "40%",
            "Share of the Harwick wildfire contained",
        ),
        (
            "Korvel Mining reported revenue of $4.2 billion, up 8 percent from a year earlier.",
            "8 percent",
            "Change in revenue",
        ),
        (  # the level is containment's, brought there by the firefighters
            "Firefighters gained ground on the Harwick fire on Wednesday, raising containment"
            " to 60%.",
            "60%",
            "Level of containment",
        ),
    ],
)
def test_a_share_is_labelled_by_what_it_is_of(text: str, written: str, label: str) -> None:
    assert _label(text, written) == label


def test_an_area_label_takes_no_preposition_for_a_noun() -> None:
    text = "A wildfire near Harwick has burned 12,000 acres since Saturday."
    reading = read_article(Article("a", "a.txt", text))
    (quantity,) = [q for q in reading.quantities if q.unit == "acres"]
    fact = next(f for f in reading.facts if quantity in f.quantities)
    assert area_label(text, 0, quantity, fact) == "Area burned"


def test_an_area_label_takes_no_word_of_when_for_a_noun() -> None:
    text = "The Harwick fire grew to 9,000 acres overnight."
    reading = read_article(Article("a", "a.txt", text))
    (quantity,) = [q for q in reading.quantities if q.unit == "acres"]
    fact = next(f for f in reading.facts if quantity in f.quantities)
    assert area_label(text, 0, quantity, fact) == "Area covered"  # not "Area of the overnight"


def test_a_share_named_for_its_holder_is_that_holders(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-11-04",
                "With 90 percent of votes counted, Tamsin Vale had 54 percent of the vote to 44"
                " percent for Orrin Pell.",
            ),
            (
                "2031-11-04",
                "Tamsin Vale won the governor's race with 53 percent of the vote, defeating"
                " Orrin Pell, who took 45 percent, with most ballots counted.",
            ),
        ],
    )
    conflicts = _conflicts_by_label(claims)
    # the share of votes counted is no rival of a candidate's share
    assert conflicts == {
        "Share of the vote for Orrin Pell": ["44 percent", "45 percent"],
        "Share of the vote won by Tamsin Vale": ["53 percent", "54 percent"],
    }


def test_a_prison_term_given_is_one_question_whichever_verb_gives_it(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-09-12",
                "Dorian Hask was sentenced on Friday to 15 years in prison for the robbery of a"
                " jewelry store.",
            ),
            (
                "2031-09-12",
                "A Harwick man received a 12-year prison sentence on Friday for robbing a"
                " jewelry store.",
            ),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["12-year", "15 years"]]


def test_a_stocks_fall_told_by_two_verbs_is_one_move(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-10-02",
                "Shares of Velda Group fell 12% on Thursday after the retailer cut its profit"
                " forecast. The stock closed at $41.20.",
            ),
            (
                "2031-10-02",
                "Velda Group stock tumbled 9 percent on Thursday to close at $41.20, after the"
                " company lowered its outlook.",
            ),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["12%", "9 percent"]]
    agreed = [c for c in claims if c.kind == "figure" and c.section == "agreed"]
    assert [c.about for c in agreed] == ["Closing price of Velda Group stock"]


def test_a_storms_category_is_a_measure_not_a_name(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-09-02",
                "Hurricane Orla made landfall near Eastford on Tuesday as a Category 3 storm"
                " with winds of 120 mph.",
            ),
            (
                "2031-09-02",
                "Orla came ashore near Eastford on Tuesday as a Category 4 hurricane, packing"
                " winds of 130 mph.",
            ),
        ],
    )
    conflicts = _conflicts_by_label(claims)
    assert conflicts["Storm category"] == ["Category 3", "Category 4"]


@pytest.mark.parametrize(
    "text",
    [
        "The Category 3 rating applies to the building.",  # no storm
        "The bridge was built to Category 12 standards during the storm season.",  # no 1-5
    ],
)
def test_a_category_of_no_storm_is_no_figure(text: str) -> None:
    reading = read_article(Article("a", "a.txt", text))
    assert not [q for q in reading.quantities if q.unit == "storm category"]


def test_a_storms_category_as_it_changed_is_no_rival_of_its_landfalls(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-09-02",
                "Hurricane Orla strengthened to a Category 4 storm over the warm gulf on Monday.",
            ),
            (
                "2031-09-02",
                "Hurricane Orla made landfall near Eastford on Tuesday as a Category 3 storm.",
            ),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == []


def test_the_missing_in_a_tolls_sentence_are_not_the_dead(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-06-05",
                "The death toll from the floods in Lindale rose to 23 on Thursday, with at least"
                " 40 people still missing, officials said.",
            ),
            (
                "2031-06-06",
                "Rescuers recovered more bodies on Friday, bringing the death toll from the"
                " Lindale floods to 31.",
            ),
        ],
    )
    # the article is no self-contradiction (23 dead, 40 missing): its toll is compared
    assert shown_sides(claims, "figure", "update") == [["23", "31"]]


def test_a_takeovers_price_and_value_are_each_one_question(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-05-10",
                "Velda Group agreed on Monday to buy Korvel Mining for $62 a share in cash,"
                " valuing the company at about $8.1 billion including debt.",
            ),
            (
                "2031-05-10",
                "Velda Group will pay $64 per share to buy Korvel Mining in a deal worth $8.4"
                " billion, the companies said Monday.",
            ),
            (
                "2031-05-10",
                "The $8.1 billion takeover of Korvel Mining by Velda Group was announced Monday."
                " Velda is paying $62 for each Korvel share.",
            ),
        ],
    )
    conflicts = _conflicts_by_label(claims)
    assert conflicts == {
        "Per share": ["$62", "$64"],
        "Deal value": ["$8.4 billion", "about $8.1 billion / $8.1 billion"],
    }


def test_bail_and_counts_of_one_crime_are_compared(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-03-02",
                "A judge set bail at $500,000 on Friday for Milo Trent, who is charged with two"
                " counts of murder and one count of robbery.",
            ),
            (
                "2031-03-02",
                "Milo Trent was ordered held on $250,000 bail Friday. He faces three counts of"
                " murder.",
            ),
        ],
    )
    conflicts = _conflicts_by_label(claims)
    # the count of robbery is no rival of the counts of murder
    assert conflicts == {"Bail": ["$250,000", "$500,000"], "Counts of murder": ["three", "two"]}


def test_a_bills_size_is_one_question_whichever_noun_and_verb_tell_it(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-02-10", "The Senate on Tuesday approved a $95 billion aid package."),
            ("2031-02-10", "The Senate passed the $92 billion foreign aid bill early Tuesday."),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["$92 billion", "$95 billion"]]


def test_an_indexs_moves_of_two_days_are_two_questions(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            (
                "2031-09-17",
                "Stock markets around the world have fallen dramatically today. The Nasdaq index"
                " has fallen by 3.16% to 2138.14, while the Dax was 1.75% lower than the start"
                " of the day as of 16:08 UTC.",
            ),
            (
                "2031-09-20",
                "Stock markets around the world have risen dramatically today. The Nasdaq index"
                " has risen by 2.53% to 2248.63, while the Dax was 5.06% higher than the start"
                " of the day as of 14:58 UTC.",
            ),
        ],
    )
    # each day's move is its own: neither an update nor a conflict of the other day's
    assert [c for c in claims if c.kind == "figure" and c.section != "single"] == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Trent was convicted of one count of attempted murder involving the shooting.",
            "Counts of attempted murder",
        ),
        (
            "Trent is charged with two counts of first - degree murder.",
            "Counts of first-degree murder",
        ),
        ("The complaint alleged two counts of possession of a firearm.", "Counts of possession"),
        ("Pell faces three charges of robbery in Harwick.", "Charges of robbery"),
    ],
)
def test_counts_of_charges_are_labelled_by_their_crime(text: str, label: str) -> None:
    reading = read_article(Article("a", "a.txt", text))
    (quantity,) = [q for q in reading.quantities if q.unit in ("count", "counts", "charges")]
    assert figure_label(text, 0, quantity, None) == label


NO_CLASH = [
    # another storm, a forecast, an earlier peak, no storm's category
    (
        "Hurricane Tamsin made landfall near Harwick as a Category 3 storm on Tuesday.",
        "Tamsin weakened on Wednesday. Meanwhile Hurricane Orrin, a Category 2 storm, is"
        " churning in the Atlantic.",
    ),
    (
        "Hurricane Tamsin made landfall near Harwick as a Category 3 storm on Tuesday.",
        "Hurricane Tamsin hit Harwick on Tuesday. Forecasters had warned it could hit as a"
        " Category 4 storm.",
    ),
    (
        "Hurricane Tamsin made landfall near Harwick as a Category 3 storm on Tuesday.",
        "Hurricane Tamsin made landfall on Tuesday. Residents of Category 1 evacuation zones"
        " were ordered to leave ahead of the storm.",
    ),
    # another defendant's term, bail or charges; a minimum before parole; a plea
    (
        "Dorian Hask was sentenced to 25 years in prison on Friday for the killing.",
        "His co-defendant received a 12-year prison sentence on Friday for his role.",
    ),
    (
        "Dorian Hask was sentenced to 25 years in prison on Friday for the killing.",
        "Dorian Hask was ordered on Friday to serve at least 18 years in prison before he can"
        " seek parole.",
    ),
    (
        "A judge set bail at $500,000 for Dorian Hask on Monday.",
        "Dorian Hask appeared in court on Monday. His co-defendant, Milo Trent, was held on"
        " $100,000 bail.",
    ),
    (
        "Dorian Hask was charged with two counts of murder on Monday.",
        "Police arrested two men on Monday. Milo Trent faces three counts of murder.",
    ),
    (
        "Dorian Hask pleaded guilty to two counts of wire fraud on Monday.",
        "Dorian Hask, who was charged with 12 counts of wire fraud, pleaded guilty on Monday.",
    ),
    # a fire's growth is no size; another fire
    (
        "The Harwick fire has burned 12,000 acres since Saturday, officials said.",
        "The fire grew by 3,000 acres overnight, officials said on Tuesday.",
    ),
    (
        "The Harwick fire has burned 12,000 acres since Saturday, officials said.",
        "Crews are fighting two blazes. A second fire, near Lindale, has burned 3,000 acres.",
    ),
    # a day's move and the year's; profit and shares; a rival's shares
    (
        "Korvel Mining shares tumbled 8 percent on Wednesday after the company cut its forecast.",
        "Korvel Mining shares have plunged 30 percent this year.",
    ),
    (
        "Korvel Mining shares tumbled 8 percent on Wednesday after the company cut its forecast.",
        "Korvel Mining cut its forecast on Wednesday as profit sank 40 percent.",
    ),
    (
        "Korvel Mining cut its forecast on Wednesday, and the company's shares fell 8 percent.",
        "Korvel Mining cut its forecast on Wednesday. Shares of rival Darran Metals fell 5"
        " percent.",
    ),
    # the ballots counted, a county's share, a primary's share, another measure's share
    (
        "Orrin Pell took 44 percent of the vote on Tuesday.",
        "With 90 percent of votes counted, Orrin Pell had 44 percent on Tuesday.",
    ),
    (
        "Orrin Pell won 61 percent of the vote in Lindale County on Tuesday.",
        "Orrin Pell took 47 percent of the vote statewide on Tuesday.",
    ),
    (
        "Orrin Pell took 44 percent of the vote on Tuesday and conceded.",
        "Orrin Pell, who won 61 percent of the vote in the primary, conceded on Tuesday.",
    ),
    (
        "Early returns showed 58 percent for Proposition 12 on Tuesday night.",
        "Early returns showed 41 percent for Proposition 14 on Tuesday night.",
    ),
    # two teams' offers to a player: contracts, no takeover's value
    (
        "The Orioles offered Milo Trent an eight-year deal worth $184 million on Monday.",
        "The Nationals offered Milo Trent an eight-year deal worth $150 million on Monday.",
    ),
    # another deal, another bill, a closing price against an offer
    (
        "Korvel Mining agreed on Monday to buy Darran Metals in a deal worth $8.1 billion.",
        "Korvel Mining agreed on Monday to buy Darran Metals. The deal follows Velda Group's $5"
        " billion takeover of Lindale Steel last year.",
    ),
    (
        "The Senate passed the $95 billion foreign aid package on Tuesday.",
        "The Senate passed the foreign aid package on Tuesday. It also approved a $14 billion"
        " border security bill.",
    ),
    (
        "Korvel Mining agreed on Monday to buy Darran Metals for $62 a share.",
        "Korvel Mining agreed on Monday to buy Darran Metals. Darran shares closed at $48.10 a"
        " share on Friday.",
    ),
]


@pytest.mark.parametrize(("first", "second"), NO_CLASH)
def test_figures_of_two_things_told_alike_do_not_clash(
    encoder: TextEncoder, first: str, second: str
) -> None:
    claims = compare_dated(encoder, [("2031-03-04", first), ("2031-03-04", second)])
    assert [
        c.about for c in claims if c.section == "conflict" and c.kind in ("figure", "age")
    ] == []


CLASH = [
    # an evacuation zone's area and a fire's growth beside its size
    (
        "The Harwick fire has burned 12,000 acres, officials said on Tuesday.",
        "The Harwick fire has burned 18,000 acres, officials said. The evacuation zone covers"
        " 30,000 acres.",
        ["12,000 acres", "18,000 acres"],
    ),
    (
        "The Harwick fire has burned 12,000 acres, officials said on Tuesday.",
        "The Harwick fire has burned 18,000 acres, officials said. It grew by 6,000 acres"
        " overnight.",
        ["12,000 acres", "18,000 acres"],
    ),
    # a rival's figure in one of the articles is no self-contradiction
    (
        "Korvel Mining shares fell 8 percent on Wednesday after the company cut its forecast.",
        "Korvel Mining shares dropped 6 percent on Wednesday. Darran Metals shares tumbled 5"
        " percent.",
        ["6 percent", "8 percent"],
    ),
    (
        "Korvel Mining reported first-quarter revenue of $4.2 billion on Tuesday. Rival Darran"
        " Metals posted revenue of $3.1 billion for the quarter last week.",
        "Korvel Mining posted revenue of $4.5 billion for the quarter, the company said on"
        " Tuesday.",
        ["$4.2 billion", "$4.5 billion"],
    ),
    (
        "Dorian Hask was sentenced to 15 years in prison on Friday. Milo Trent was sentenced to"
        " 9 years in prison.",
        "Dorian Hask received a 12-year prison sentence on Friday.",
        ["12-year", "15 years"],
    ),
    # a degree of one crime
    (
        "Dorian Hask was charged with two counts of first-degree murder on Monday.",
        "Dorian Hask was charged with three counts of murder on Monday.",
        ["three", "two"],
    ),
    # the missing are not the dead: no agreement of 40 missing with 40 killed
    (
        "The death toll rose to 23 on Tuesday, with 40 people still missing.",
        "At least 40 people were killed in the floods, officials said on Tuesday.",
        ["23", "At least 40"],
    ),
]


def test_a_move_told_of_a_named_day_may_be_the_other_reports_today(
    encoder: TextEncoder,
) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-03-05", "Korvel Mining shares fell 8 percent today after a forecast cut."),
            (
                "2031-03-06",
                "Korvel Mining shares fell 6 percent in Wednesday's session after a forecast cut.",
            ),
        ],
    )
    assert shown_sides(claims, "figure", "conflict") == [["6 percent", "8 percent"]]


@pytest.mark.parametrize(("first", "second", "sides"), CLASH)
def test_one_things_figure_clashes_beside_others(
    encoder: TextEncoder, first: str, second: str, sides: list[str]
) -> None:
    claims = compare_dated(encoder, [("2031-03-04", first), ("2031-03-04", second)])
    assert shown_sides(claims, "figure", "conflict") == [sides]


@pytest.mark.parametrize(
    ("text", "written", "measure"),
    [
        ("A judge set bail at $500,000 for Dorian Hask.", "$500,000", "bail"),
        ("Dorian Hask was held on $250,000 bail.", "$250,000", "bail"),
        ("The Senate approved a $700 billion bail out of the banks.", "$700 billion", "bailout"),
        ("Velda is paying $62 for each Korvel share.", "$62", "per share"),
        ("Darran shares closed at $48.10 a share on Friday.", "$48.10", "share price"),
        (
            "Velda agreed to buy Korvel, valuing the company at $8.1 billion.",
            "$8.1 billion",
            "deal value",
        ),
        ("The building, valued at $380,600, was a total loss.", "$380,600", "valuation"),
        ("The Orioles offered him an eight-year deal worth $184 million.", "$184 million", ""),
        (
            "The Senate passed the $95.3 billion foreign aid bill.",
            "$95.3 billion",
            "size of the bill",
        ),
    ],
)
def test_what_a_sum_measures(text: str, written: str, measure: str) -> None:
    start = text.index(written)
    value = Evidence("a", start, start + len(written), written)
    assert sum_measure(text, 0, value, None) == measure


@pytest.mark.parametrize(
    ("text", "written", "label"),
    [
        (
            "He died, the second person killed by gunfire within three blocks in less than a"
            " month.",
            "three",
            "Number of blocks",
        ),
        # the object itself is what was done to
        ("The storm destroyed 40 homes in the county.", "40", "Number of homes destroyed"),
    ],
)
def test_a_count_in_a_phrase_of_the_object_is_not_what_was_done_to(
    text: str, written: str, label: str
) -> None:
    """ "killed ... within three blocks": the blocks are where, not what was killed."""
    assert _label(text, written) == label
