"""Figures of one happening that cannot both hold, told with a verb of intent or agreement
("agreed to buy", "planned to close") in one source and plainly in another.

Invented articles of one day, read by the real readers and compared by ``compare()``.
"""

from __future__ import annotations

import pytest

from conftest import compare_dated
from triangulate.compare.claims import compare
from triangulate.compare.labels import sum_measure
from triangulate.compare.link import PART_AFTER, _named_after
from triangulate.compare.link import _one_wording as one_wording
from triangulate.compare.link import _Traits as link_traits
from triangulate.compare.revisions import told_as_earlier
from triangulate.models import Article, Claim, Entity, Evidence
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_many


def _claims(encoder: TextEncoder, *texts: str) -> list[Claim]:
    return compare_dated(encoder, [("2031-05-04", text) for text in texts])


def _figures(claims: list[Claim], status: str) -> list[Claim]:
    return [c for c in claims if c.kind == "figure" and c.section == status]


def test_a_price_agreed_and_a_price_paid_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Varna Shipping said on Monday it had agreed to buy Pellworth Freight for $2.4 billion"
        " in cash.",
        "Varna Shipping will buy Pellworth Freight for $2.5 billion, the companies said on Monday.",
    )
    conflicts = _figures(claims, "conflict")
    assert len(conflicts) == 1
    shown = sorted(side.display for side in conflicts[0].sides)
    assert shown == ["$2.4 billion", "$2.5 billion"]


def test_one_price_written_two_ways_agrees(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Varna Shipping said on Monday it had agreed to buy Pellworth Freight for $2.4 billion"
        " in cash.",
        "Varna Shipping will buy Pellworth Freight for $2.4bn, the companies said on Monday.",
    )
    assert not _figures(claims, "conflict")
    assert any(
        {"$2.4 billion", "$2.4bn"} <= {side.display for side in c.sides}
        or "$2.4" in c.sides[0].display
        for c in _figures(claims, "agreed")
    )


def test_depots_planned_to_close_and_depots_to_close_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Varna Shipping said it planned to close two depots by the end of next year.",
        "Varna Shipping will close three depots, a person familiar with the plans said.",
    )
    conflicts = _figures(claims, "conflict")
    assert len(conflicts) == 1
    assert sorted(side.display for side in conflicts[0].sides) == ["three", "two"]


def test_a_depth_and_a_distance_of_one_quake_do_not_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The quake hit at 4:12 a.m. at a depth of 10 kilometres, the agency said.",
        "The quake struck at 4:12 a.m. about 25 kilometres north of Pellworth, the agency said.",
    )
    assert not _figures(claims, "conflict")


def test_two_depths_of_one_quake_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The quake hit at 4:12 a.m. at a depth of 10 kilometres, the agency said.",
        "The quake struck at 4:12 a.m. at a depth of 35 kilometres, the agency said.",
    )
    assert len(_figures(claims, "conflict")) == 1


def test_a_count_belongs_to_the_verb_that_takes_it(encoder: TextEncoder) -> None:
    """ "..., killing at least 23 people" and "a day after the quake killed at least 29
    people": both count the dead, whatever the sentence's own verb ("struck", "pulled")."""
    claims = _claims(
        encoder,
        "A strong earthquake struck Velmar province on Monday, killing at least 23 people.",
        "Rescuers pulled two children from the rubble on Tuesday, a day after a powerful"
        " earthquake killed at least 29 people.",
    )
    dead = [c for c in _figures(claims, "agreed") if len(c.sides) == 2]
    assert [sorted(side.display for side in c.sides) for c in dead] == [
        ["at least 23", "at least 29"]
    ]


def test_one_clock_time_is_no_conflict_whatever_day_each_report_names_last(
    encoder: TextEncoder,
) -> None:
    """The day of a bare "4:12 a.m." is the reader's guess from the sentences before it:
    two sources giving the same minute do not clash by days neither wrote."""
    articles = [
        Article(
            "a1",
            "a1.txt",
            "A strong earthquake struck Velmar province early on Monday. The quake hit at"
            " 4:12 a.m. at a depth of 10 kilometres.",
            outlet="Outlet 1",
            published="2031-05-06",
        ),
        Article(
            "a2",
            "a2.txt",
            "Rescuers searched the rubble on Tuesday, officials said. The quake hit at"
            " 4:12 a.m. at a depth of 10 kilometres.",
            outlet="Outlet 2",
            published="2031-05-07",
        ),
    ]
    claims = compare(articles, read_many(articles), encoder)
    assert not [c for c in claims if c.section == "conflict"]


def test_a_magnitude_is_labelled_as_one(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "A magnitude 6.4 earthquake struck Velmar province early on Monday.",
        "The 6.4-magnitude quake struck Velmar province before dawn on Monday.",
    )
    assert [c.about for c in _figures(claims, "agreed")] == ["Magnitude"]


def test_a_change_told_as_a_noun_meets_the_same_change_told_as_a_verb(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "Pellworth Motors said on Thursday its first-quarter net profit fell 12% to $1.8"
        " billion, hurt by a shortage of chips that forced it to idle two factories.",
        "Pellworth Motors reported a 15% drop in first-quarter profit on Thursday, to $1.75"
        " billion, as a global chip shortage idled production at three plants.",
    )
    conflicts = _figures(claims, "conflict")
    assert [sorted(side.display for side in c.sides) for c in conflicts] == [["12%", "15%"]]


def test_two_peoples_ages_in_one_sentence_each_meet_their_own(encoder: TextEncoder) -> None:
    """ "X, 28, ... charged with the murder of Y, 35": two people's ages told with one verb
    are each a person's age, not one fact told two ways by the same article."""
    claims = _claims(
        encoder,
        "Michael Johnson, 27, of Port Ellis, was arrested at his home on Sunday afternoon."
        " The victim, David Miller, 34, died at the scene.",
        "Michael Johnson, 28, appeared in court on Tuesday charged with the murder of David"
        " Miller, 35, who was stabbed outside a bar on Sunday.",
    )
    ages = {c.about: sorted(side.display for side in c.sides) for c in claims if c.kind == "age"}
    conflicts = {c.about for c in claims if c.kind == "age" and c.section == "conflict"}
    assert ages == {
        "Age of Michael Johnson": ["27", "28"],
        "Age of David Miller": ["34", "35"],
    }
    assert conflicts == set(ages)


def test_an_offer_and_a_demand_are_two_figures_not_a_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Varna Shipping offered the dock workers' union $5 million in back pay on Monday.",
        "The dock workers' union demanded $8 million in back pay from Varna Shipping on Monday.",
    )
    assert not _figures(claims, "conflict")


def test_a_forecast_and_the_result_are_two_figures_not_a_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Analysts had expected Pellworth Motors to report a first-quarter profit of $2.1"
        " billion on Thursday.",
        "Pellworth Motors reported a first-quarter profit of $1.8 billion on Thursday.",
    )
    assert not _figures(claims, "conflict")


def test_an_age_after_a_name_the_tagger_misses_is_that_persons(encoder: TextEncoder) -> None:
    """ "arrested Tomas Karn, 19," is Karn's age even where the tagger takes no person."""
    claims = _claims(
        encoder,
        "Police arrested Tomas Karn, 19, on Monday afternoon in Port Ellis.",
        "Officers in Port Ellis arrested Tomas Karn, 20, on Monday afternoon.",
    )
    ages = [c for c in claims if c.kind == "age"]
    assert [(c.about, c.section) for c in ages] == [("Age of Tomas Karn", "conflict")]


def test_an_unnamed_persons_age_is_labelled_by_its_noun(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "A second man, 31, was treated at Port Ellis General Hospital and released on Sunday.",
        "A 19-year-old suspect was held by police in Port Ellis on Sunday.",
    )
    labels = sorted(c.about for c in claims if c.kind == "age")
    assert labels == ["Age of the second man", "Age of the suspect"]


def _dated_claims(encoder: TextEncoder, *dated: tuple[str, str]) -> list[Claim]:
    return compare_dated(encoder, dated)


def test_a_figure_told_of_a_later_day_is_an_update(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-08-05",
            "Fire grows near Ostley\n\nThe Harrow Creek Fire was 5 percent contained on Tuesday"
            " morning, the fire authority said.",
        ),
        (
            "2031-08-06",
            "Fire slows near Ostley\n\nThe Harrow Creek Fire was 10 percent contained on"
            " Wednesday morning, the fire authority said.",
        ),
    )
    shares = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [c.difference for c in shares] == ["update"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # "currently" is no day of a happening: a size given two ways two days apart
        (
            (
                "2031-05-10",
                "The Karvel dam, which currently stands 120 metres tall, will be raised.",
            ),
            (
                "2031-05-12",
                "The Karvel dam, which currently stands 85 metres tall, will be raised.",
            ),
        ),
        # the day of another clause (a charge) is not the day of the shots fired
        (
            ("2031-03-03", "A gunman fired 30 shots at the Arden mall on Sunday, police said."),
            (
                "2031-03-05",
                "The gunman, who fired 12 shots at the Arden mall, was charged on Tuesday.",
            ),
        ),
    ],
)
def test_a_figure_given_two_ways_days_apart_with_no_day_of_its_own_conflicts(
    encoder: TextEncoder, first: tuple[str, str], second: tuple[str, str]
) -> None:
    claims = _dated_claims(
        encoder,
        (first[0], f"Arden news\n\n{first[1]}"),
        (second[0], f"Arden report\n\n{second[1]}"),
    )
    assert [c.section for c in claims if c.kind == "figure" and len(c.sides) == 2] == ["conflict"]


def test_two_plans_told_two_ways_conflict_and_a_plan_revised_is_an_update(
    encoder: TextEncoder,
) -> None:
    first = (
        "2031-03-10",
        "Varna Shipping to cut Pellworth jobs\n\nVarna Shipping said on Monday it would cut"
        " 1,150 jobs at its Pellworth depot by the end of the year.",
    )
    claims = _dated_claims(
        encoder,
        first,
        (
            "2031-03-11",
            "Union vows to fight Varna Shipping job cuts\n\nVarna Shipping plans to cut 1,300"
            " jobs at its Pellworth depot by the end of the year, the union said.",
        ),
    )
    assert [sorted(s.display for s in c.sides) for c in _figures(claims, "conflict")] == [
        ["1,150", "1,300"]
    ]
    claims = _dated_claims(
        encoder,
        (
            "2031-03-09",
            "Varna Shipping to shut depot, cut 1,150 jobs\n\nVarna Shipping said on Monday it"
            " would close its depot in Pellworth and cut 1,150 jobs.",
        ),
        (
            "2031-03-18",
            "Varna Shipping trims Pellworth job cuts\n\nVarna Shipping said on Wednesday it"
            " would cut 850 jobs at its Pellworth depot, fewer than the 1,150 it announced"
            " last week.",
        ),
    )
    assert not _figures(claims, "conflict")


def _homes(encoder: TextEncoder, *dated: tuple[str, str]) -> list[tuple[str, list[str]]]:
    claims = _dated_claims(encoder, *dated)
    return [(c.section, sorted(s.display for s in c.sides)) for c in claims if c.about == HOMES]


HOMES = "Number of homes destroyed"
FIRST_DAY = ("2031-08-04", "Fire near Lindale\n\nAt least 12 homes have been destroyed.")
LAST_DAY = ("2031-08-07", "Lindale fire\n\nThirty-one homes were destroyed.")


def test_a_count_past_an_earlier_report_s_floor_is_an_update(encoder: TextEncoder) -> None:
    # "at least 12" is what was known then: 31 three days on passes it
    assert _homes(encoder, FIRST_DAY, LAST_DAY) == [("update", ["At least 12", "Thirty-one"])]
    # told on one day, the two cannot both hold
    same_day = (FIRST_DAY[0], LAST_DAY[1])
    assert _homes(encoder, FIRST_DAY, same_day) == [("conflict", ["At least 12", "Thirty-one"])]


def test_a_count_told_rising_over_three_reports_is_an_update(encoder: TextEncoder) -> None:
    first = ("2031-08-04", "Fire near Lindale\n\nThe fire has destroyed 12 homes.")
    middle = (
        "2031-08-05",
        "Fire grows near Lindale\n\nThe fire has destroyed 27 homes, up from 12 reported on"
        " Sunday.",
    )
    # the middle report tells the count rising; its "12" is the earlier report's, no figure
    assert _homes(encoder, first, middle, LAST_DAY) == [("update", ["12", "27", "Thirty-one"])]
    # without a report telling it rising, two counts of a finished thing clash
    assert _homes(encoder, first, LAST_DAY) == [("conflict", ["12", "Thirty-one"])]


def test_the_dead_counted_by_killed_died_and_a_toll_are_one_question(
    encoder: TextEncoder,
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-08-05",
            "Wildfire kills two in Valdosa County\n\nA wildfire in Valdosa County has killed two"
            " people, officials said on Wednesday.",
        ),
        (
            "2031-08-05",
            "Three dead in Valdosa County fire\n\nThree people have died in the wildfire in"
            " Valdosa County, the sheriff said on Wednesday.",
        ),
    )
    assert [sorted(s.display for s in c.sides) for c in _figures(claims, "conflict")] == [
        ["Three", "two"]
    ]
    claims = _dated_claims(
        encoder,
        (
            "2031-05-04",
            "Floods kill nine in Marrowdale\n\nFlash floods in the Marrowdale valley have killed"
            " at least 9 people, officials said on Monday.",
        ),
        (
            "2031-05-06",
            "Marrowdale flood toll climbs\n\nThe death toll from the Marrowdale valley floods"
            " rose to 14 on Wednesday, officials said.",
        ),
    )
    tolls = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [(c.about, c.section, sorted(s.display for s in c.sides)) for c in tolls] == [
        ("Death toll", "update", ["14", "at least 9"])  # both can hold; the later is newer
    ]


def test_an_area_in_acres_and_one_in_hectares_answer_one_question(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Harrow Creek Fire grows\n\nThe Harrow Creek Fire has burned 18,000 acres, or about"
        " 7,300 hectares, officials said on Thursday.",
        "Harrow Creek Fire spreads\n\nThe Harrow Creek Fire has burned about 9,500 hectares,"
        " officials said on Thursday.",
    )
    areas = [c for c in claims if c.about.startswith("Area")]
    assert [(c.about, c.section) for c in areas] == [("Area burned", "conflict")]


def test_the_day_something_was_said_dates_no_happening(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-08-07",
            "Wildfire kills two in Valdosa County\n\nA wildfire in Valdosa County has killed two"
            " people, officials said on Wednesday.",
        ),
        (
            "2031-08-07",
            "Valdosa County fire deadly\n\nA wildfire in Valdosa County has killed two people,"
            " the sheriff said on Wednesday.",
        ),
    )
    assert not [c for c in claims if c.kind in ("date", "when")]
    assert [c for c in claims if c.kind == "figure" and c.section == "agreed"]


@pytest.mark.parametrize(("first", "second"), [("May 8", "May 10"), ("Saturday", "Monday")])
def test_two_days_written_without_a_year_conflict(
    encoder: TextEncoder, first: str, second: str
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-12",
            f"Vantic bows out\n\nPrime Minister Aurel Vantic conceded defeat on {first}.\n\n"
            "Green Labour Front leader Ilse Corvanu claimed victory.",
        ),
        (
            "2031-05-12",
            f"Vantic concedes defeat\n\nPrime Minister Aurel Vantic conceded defeat on {second}."
            "\n\nGreen Labour Front leader Ilse Corvanu claimed victory.",
        ),
    )
    dates = [c for c in claims if c.kind == "date" and c.section == "conflict"]
    assert [sorted(s.display for s in c.sides) for c in dates] == [sorted([first, second])]


@pytest.mark.parametrize(
    ("first", "second", "when"),
    [
        ("2031-05-13", "2031-05-20", "on Saturday"),  # a follow-up repeating the first report
        ("2031-05-13", "2031-05-14", "today"),
    ],
)
def test_a_day_in_a_sentence_a_later_report_repeats_is_no_conflict(
    encoder: TextEncoder, first: str, second: str, when: str
) -> None:
    """A later report repeating an earlier one's sentence word for word keeps its "on
    Saturday": read against the two publication days it names two days only by the reading,
    no date the sources differ on."""
    claims = _dated_claims(
        encoder,
        (
            first,
            "Two found dead in Lorrey\n\nThe bodies of two ferry workers were found in a cabin"
            f" on Quay Street in Lorrey {when}, police said.",
        ),
        (
            second,
            "Lorrey deaths: inquest opens\n\nThe bodies of two ferry workers were found in a"
            f" cabin on Quay Street in Lorrey {when}, police said.",
        ),
    )
    assert not [c for c in claims if c.kind in ("date", "when") and c.status == "conflict"]


def test_a_repeated_sentence_written_again_with_its_own_figures_is_its_own_day() -> None:
    """A sentence repeated with its figures changed was written again for its day: its
    "today" is that day, and two such days may differ."""

    def traits(sentence: str) -> link_traits:
        return link_traits("time:point", "today", frozenset(), None, False, False, ("", ""),
                           None, "", sentence, None)  # fmt: skip

    first = "Norlink announced today (14 October 2031) that it had restored its customers."
    again = "Norlink announced today (20 October 2031) that it had restored its customers."
    assert one_wording(traits(first), traits(first.replace("Norlink", "The firm Norlink")))
    assert not one_wording(traits(first), traits(again))


def test_a_day_written_alike_in_sentences_of_their_own_still_conflicts(
    encoder: TextEncoder,
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-13",
            "Lorrey ferry worker held\n\nPolice arrested the Lorrey ferry worker Edvin Marsh"
            " yesterday after a search of the harbour.",
        ),
        (
            "2031-05-14",
            "Ferry worker in custody\n\nEdvin Marsh, a ferry worker from Lorrey, was arrested"
            " by harbour police yesterday, his lawyer said.",
        ),
    )
    dates = [c for c in claims if c.kind in ("date", "when") and c.section == "conflict"]
    # written alike, each side shows the day its report's date makes it
    shown = [[s.display for s in c.sides] for c in dates]
    assert len(shown) == 1 and all(side.startswith("yesterday (") for side in shown[0])
    assert len(set(shown[0])) == 2


def test_a_change_told_again_a_day_later_is_a_conflict_a_count_still_standing_an_update(
    encoder: TextEncoder,
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-10-22",
            "Harrowgate revenue up\n\nHarrowgate Instruments said its third-quarter revenue rose"
            " 11% to 3.2 billion euros.",
        ),
        (
            "2031-10-23",
            "Harrowgate beats forecasts\n\nHarrowgate Instruments said its third-quarter revenue"
            " rose 12% to 3.2 billion euros.",
        ),
    )
    shares = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [(sorted(s.display for s in c.sides), c.section) for c in shares] == [
        (["11%", "12%"], "conflict")
    ]
    claims = _dated_claims(
        encoder,
        (
            "2031-09-14",
            "Hurricane Talia hits the coast\n\nHurricane Talia came ashore near Port Hallison on"
            " Monday.\n\nFour people are missing after the storm, officials said.",
        ),
        (
            "2031-09-15",
            "Talia leaves thousands without power\n\nHurricane Talia came ashore near Port"
            " Hallison on Monday.\n\nTwo people are still missing after the storm, officials"
            " said.",
        ),
    )
    missing = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [(sorted(s.display for s in c.sides), c.section) for c in missing] == [
        (["Four", "Two"], "update")
    ]


def test_an_earnings_reports_sums_answer_their_own_questions(encoder: TextEncoder) -> None:
    """Revenue and profit, both "rose" in one report, are two questions, not one told two
    ways; a sum per share clashes whichever verb tells it."""
    claims = _claims(
        encoder,
        "Harrowgate profit up\n\nHarrowgate Instruments said its third-quarter revenue rose to"
        " 3.2 billion euros. Net profit rose to 412 million euros, or 1.86 euros per share.",
        "Harrowgate beats forecasts\n\nHarrowgate Instruments said its third-quarter revenue"
        " rose to 3.2 billion euros. The company earned 412 million euros, or 1.89 euros a"
        " share.",
    )
    figures = {
        c.about: (c.section, sorted(s.display for s in c.sides))
        for c in claims
        if c.kind == "figure"
    }
    assert figures["Revenue"] == ("agreed", ["3.2 billion"])
    assert figures["Per share"] == ("conflict", ["1.86", "1.89"])


def test_a_denial_a_loss_and_a_fall_agree_with_nothing_they_deny(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Harrowgate stays in the black\n\nHarrowgate Instruments posted a third-quarter net"
        " profit of 12 million euros on Wednesday.\n\nRevenue rose 3% to 3.2 billion euros.\n\n"
        "Prime Minister Aurel Vantic conceded defeat early on Monday.",
        "Harrowgate swings to loss\n\nHarrowgate Instruments posted a third-quarter net loss"
        " of 12 million euros on Wednesday.\n\nRevenue fell 3% to 3.2 billion euros.\n\n"
        "Prime Minister Aurel Vantic did not concede defeat on Monday.",
    )
    agreed = [c.about for c in claims if c.section == "agreed" and c.kind == "statement"]
    assert not [a for a in agreed if a.startswith(("Revenue rose", "Revenue fell"))]
    assert not [a for a in agreed if "net profit" in a or "net loss" in a]
    assert not [a for a in agreed if a.startswith(("Prime Minister", "Aurel Vantic conceded"))]
    sums = {c.about: c.section for c in claims if c.about in ("Profit", "Loss")}
    assert sums == {"Profit": "single", "Loss": "single"}


def test_a_prison_term_is_a_figure_not_a_date(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Man sentenced for killing landlord\n\nCorwin Aldane was sentenced on Wednesday to 18"
        " years in prison for killing his landlord.",
        "Landlord's killer sentenced\n\nCorwin Aldane was sentenced on Wednesday to 16 years in"
        " prison for killing his landlord.",
    )
    terms = [(c.about, c.section, sorted(s.display for s in c.sides)) for c in claims]
    assert ("Prison term", "conflict", ["16 years", "18 years"]) in terms
    assert not [c for c in claims if c.kind == "date" and c.status == "conflict"]


def test_a_duration_beside_words_of_prison_is_not_a_term(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Ferry pilot's killer to be moved\n\nDario Velt, convicted of killing a ferry pilot, will"
        " be moved from the county jail to Marren State Prison within 10 days.",
        "Killer bragged in jail\n\nDario Velt bragged about the killing to other jail inmates two"
        " weeks after the ferry pilot died, the court heard.",
        "Ferry case recalled\n\nThe hearings serve as a reminder of the first 15 months of the"
        " harbour board's term.",
    )
    assert not [c for c in claims if c.about == "Prison term"]
    assert not [c for c in claims if c.section == "conflict"]


def test_a_count_named_by_a_participle_counts_that_happening(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Four killed in bus crash\n\nFour people were killed when a truck struck a school bus on"
        " Route 9 on Tuesday.",
        "Police name bus crash victims\n\nPolice on Wednesday named the five people killed in"
        " Tuesday's bus crash on Route 9.",
    )
    clashes = [sorted(s.display for s in c.sides) for c in _figures(claims, "conflict")]
    assert clashes == [["Four", "five"]]


def test_an_unnamed_persons_age_meets_the_age_of_the_one_named_in_that_role(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "Bus crash on Route 9\n\nA dump truck slammed into a school bus on Route 9 on Tuesday"
        " morning. The truck driver, 51, was not seriously hurt.",
        "Truck driver charged in Route 9 crash\n\nThe truck driver, Gary Stoll, 52, of Sallow"
        " Creek, was charged on Wednesday after the crash on Route 9.",
    )
    ages = [(c.about, c.section) for c in claims if c.kind == "age"]
    assert ages == [("Age of Gary Stoll", "conflict")]
    claims = _claims(
        encoder,
        "Two hurt on Dunmore Avenue\n\nOfficers found a 24-year-old man and a 31-year-old man"
        " with gunshot wounds on Dunmore Avenue.",
        "Arrest in Dunmore Avenue shooting\n\nThe man, Tomas Karn, 19, was arrested on Monday"
        " over the shooting on Dunmore Avenue.",
    )
    assert not [c for c in claims if c.kind == "age" and c.section == "conflict"]


def test_the_base_a_change_is_told_from_is_no_figure_of_the_report(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Harrowgate profit jumps\n\nHarrowgate Instruments said on Wednesday its third-quarter"
        " net profit rose to 421 million euros.",
        "Harrowgate profit rises\n\nHarrowgate Instruments said on Wednesday its third-quarter"
        " net profit rose to 412 million euros from 349 million euros a year earlier.",
    )
    clashes = [sorted(s.display for s in c.sides) for c in _figures(claims, "conflict")]
    assert clashes == [["412 million", "421 million"]]
    assert not [c for c in claims if any(s.display == "349 million" for s in c.sides)]


def test_a_count_its_report_calls_early_is_updated_not_contradicted(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-09",
            "Early results show Civic Union ahead\n\nThe Civic Union led Sunday's election after"
            " about 40% of ballots had been counted, the commission said.\n\nTurnout was about"
            " 61%, the commission said.",
        ),
        (
            "2031-05-10",
            "Civic Union wins Ostravel election\n\nWith all ballots counted, the Civic Union won"
            " Sunday's election, the commission said on Monday.\n\nTurnout was 63.4%, the"
            " commission said.",
        ),
    )
    turnout = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [(sorted(s.display for s in c.sides), c.section) for c in turnout] == [
        (["63.4%", "about 61%"], "update")
    ]


def test_a_figure_told_as_an_earlier_reports_is_revised_not_repeated(
    encoder: TextEncoder,
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-06",
            "Masked men rob Dellmoor jeweller\n\nTwo masked men robbed the Orrin Jewellers shop"
            " in Dellmoor on Tuesday and escaped with about $40,000 in cash, police said.",
        ),
        (
            "2031-05-09",
            "Police revise jeweller robbery figure\n\nAn inventory showed the robbers escaped with"
            " $36,500 in cash, not the roughly $40,000 first reported, police said on Friday.",
        ),
    )
    sums = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [(sorted(s.display for s in c.sides), c.section) for c in sums] == [
        (["$36,500", "about $40,000"], "update")
    ]
    assert not [c for c in claims if c.section == "agreed" and "40,000" in c.about]


def test_a_revised_plan_is_an_update_whoever_the_report_names(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-05",
            "Tessaly to buy Norrow Mills\n\nTessaly Foods agreed on Monday to buy Norrow Mills."
            " The companies expect to cut about 900 jobs, mostly in offices.",
        ),
        (
            "2031-05-07",
            "Tessaly raises job cuts\n\nTessaly Foods now expects to cut about 1,300 jobs after it"
            " buys Norrow Mills, more than the 900 it announced on Monday, a filing showed.",
        ),
    )
    jobs = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [(sorted(s.display for s in c.sides), c.section) for c in jobs] == [
        (["about 1,300", "about 900"], "update")
    ]
    agreed = [c for c in claims if c.section == "agreed" and c.kind != "figure"]
    for claim in agreed:  # no agreement cites the raised figure beside the first one
        texts = [e.text for side in claim.sides for e in side.evidence]
        assert not (any("900 jobs" in t for t in texts) and any("1,300" in t for t in texts))


def test_dates_of_one_more_of_a_recurring_happening_do_not_conflict(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-07",
            "Bodies recovered in Tarrow flood\n\nTwo more bodies were recovered from the river"
            " near Tarrow on Wednesday morning, the county said.",
        ),
        (
            "2031-05-09",
            "Flood toll rises in Tarrow\n\nRescuers recovered three more bodies from the river"
            " near Tarrow on Thursday, the county said.",
        ),
    )
    assert not [c for c in claims if c.kind == "date" and c.status == "conflict"]


def test_the_day_a_state_lasts_until_is_no_date_of_a_happening(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-06",
            "Tarrow floods\n\nAbout 500 residents were staying in two shelters on Tuesday night,"
            " the county said.",
        ),
        (
            "2031-05-07",
            "Tarrow schools shut\n\nSchools in the Tarrow district will stay closed through"
            " Friday.",
        ),
    )
    assert not [c for c in claims if c.kind == "date" and c.status == "conflict"]


def test_counts_of_different_reach_do_not_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Velmar Instruments, based in Tarrow, employs about 28,000 people worldwide.",
        "Velmar Instruments employs about 5,000 people in Tarrow, most of them at its plant.",
    )
    assert not _figures(claims, "conflict")


def test_counts_of_one_place_still_conflict(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The storm killed 12 people in Tarrow on Monday, officials said.",
        "The storm killed 14 people in Tarrow County on Monday, officials said.",
    )
    assert len(_figures(claims, "conflict")) == 1


def test_a_toll_told_far_from_its_level_or_as_the_number_killed_is_updated(
    encoder: TextEncoder,
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-06",
            "Flood hits Tarrow\n\nAt least three people were killed on Tuesday after the Orne"
            " River flooded the town of Tarrow, officials said.",
        ),
        (
            "2031-05-07",
            "Tarrow flood toll rises\n\nThe number of people killed in the Orne River flood rose to"
            " five on Wednesday, county officials said.",
        ),
        (
            "2031-05-09",
            "Tarrow mourns\n\nThe death toll from this week's devastating flood in the river town"
            " of Tarrow has risen to nine, officials said on Friday.",
        ),
    )
    tolls = [c for c in claims if c.kind == "figure" and len(c.sides) == 3]
    assert [(c.about, c.difference) for c in tolls] == [("Death toll", "update")]
    assert not [c for c in claims if c.kind == "date" and c.status == "conflict"]


def test_people_pulled_out_alive_are_no_death_toll(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-06",
            "Block collapse\n\nFourteen people have now been pulled out alive from the collapsed"
            " Orne Court block, the fire service said.",
        ),
        (
            "2031-05-09",
            "Search ends\n\nRescuers ended the search at Orne Court on Friday, with the death toll"
            " at 17, the fire service said.",
        ),
    )
    assert not [c for c in claims if c.kind == "figure" and len(c.sides) == 2]


def test_a_sum_listed_beside_its_change_is_one_answer_and_the_year_compared_no_date(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "The budget includes $41 billion for schools, an increase of $2 billion on last year,"
        " and cuts road spending by $9 billion.",
        "Finance Minister Ilse Varn secured $41 billion for schools, $2 billion more than last"
        " year, and trimmed $9 billion of road spending.",
    )
    agreed = [sorted(s.display for s in c.sides) for c in _figures(claims, "agreed")]
    assert ["$41 billion"] in agreed
    assert not [c for c in claims if c.kind == "date"]  # "last year" is what it is compared with


def test_a_figure_of_a_past_years_happening_does_not_conflict_with_this_ones(
    encoder: TextEncoder,
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-06-03",
            "Freight train derails in Tarrow\n\nTARROW, June 3 (Coast Wire) - A freight train"
            " carrying chemicals derailed on Tuesday night on the edge of Tarrow, officials said"
            " on Wednesday.\n\nThirty-two cars of the 96-car Tessel Valley Railroad train left"
            " the tracks at about 9:10 p.m. near the Orne Road crossing, the railroad said. No"
            " crew members were hurt.",
        ),
        (
            "2031-06-04",
            "Tarrow residents describe night of derailment\n\nResidents near the Orne Road"
            " crossing said the freight train derailed with a roar on Tuesday night.\n\nThe"
            " same line saw a smaller derailment in 2027, when seven empty grain cars left the"
            " tracks near the Orne Road crossing. No one was hurt then.",
        ),
    )
    assert not _figures(claims, "conflict")


def test_only_the_figure_told_as_an_earlier_reports_is_set_aside() -> None:
    sentence = (
        "The robbers took $36,500 in cash, not the roughly $40,000 first reported, along with"
        " about 200 tablets."
    )
    figure = sentence.index("200")
    assert not told_as_earlier(sentence[:figure], sentence[figure + 3 :])
    earlier = sentence.index("$40,000")
    assert told_as_earlier(sentence[:earlier], sentence[earlier + 7 :])


def test_an_outlets_follow_up_revising_its_own_figure_is_an_update(encoder: TextEncoder) -> None:
    texts = (
        (
            "2031-05-05",
            "Tessaly to buy Norrow Mills\n\nTessaly Foods agreed on Monday to buy Norrow Mills."
            " The companies expect to cut about 900 jobs, mostly in offices.",
        ),
        (
            "2031-05-07",
            "Tessaly raises job cuts\n\nTessaly Foods now expects to cut about 1,300 jobs after it"
            " buys Norrow Mills, more than the 900 it announced on Monday, a filing showed.",
        ),
    )
    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet="Coast Wire", published=date)
        for i, (date, text) in enumerate(texts, start=1)
    ]
    claims = compare(articles, read_many(articles), encoder)
    jobs = [c for c in claims if c.kind == "figure" and len(c.sides) == 2]
    assert [(sorted(s.display for s in c.sides), c.section) for c in jobs] == [
        (["about 1,300", "about 900"], "update")
    ]
    assert "was revised by" in jobs[0].reason  # the two cannot both hold


def test_a_sum_a_story_tells_once_is_one_question_whatever_its_verb(
    encoder: TextEncoder,
) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-09-15",
            "Varn Systems ousts chief\n\nUnder his contract, Ivo Stenhal is entitled to severance"
            " of about $18 million, according to the company's latest proxy filing.",
        ),
        (
            "2031-09-16",
            "Stenhal payout grows\n\nOn Wednesday, Varn Systems said in a filing that his"
            " severance would total $21.5 million, higher than the amount listed in its proxy.",
        ),
    )
    severance = [c for c in claims if c.about == "Severance"]
    assert [(sorted(s.display for s in c.sides), c.section) for c in severance] == [
        (["$21.5 million", "about $18 million"], "update")
    ]


def test_a_sum_named_after_it_answers_its_measure() -> None:
    sentence = "The fall erased about $6.1 billion in market value on Tuesday."
    start = sentence.index("about")
    value = Evidence("a", start, start + len("about $6.1 billion"), "about $6.1 billion")
    assert sum_measure(sentence, 0, value, None) == "market value"


def test_two_counts_of_a_named_parents_children_conflict(encoder: TextEncoder) -> None:
    """ "a mother of 12" and "Mother of 13 <name>" tell one person's children, whatever the
    verbs of their clauses ("was shot", "was killed", "leaves")."""
    claims = _claims(
        encoder,
        "Mira Solt, a mother of 12, was shot dead on Friday outside Dunmore Elementary.",
        "Mother of 13 Mira Solt was killed on Friday when a gunman opened fire near Dunmore"
        " Elementary, police said.",
        "Police named the woman shot outside Dunmore Elementary as Mira Solt, 34, who leaves"
        " 12 children.",
    )
    children = [c for c in claims if c.about.startswith("Number of children")]
    assert [(c.about, c.section) for c in children] == [
        ("Number of children of Mira Solt", "conflict")
    ]
    assert sorted(sorted(side.articles) for side in children[0].sides) == [["a1", "a3"], ["a2"]]


def _linked_ages(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "age" and c.section != "single"]


def test_one_age_of_two_named_people_is_no_agreement(encoder: TextEncoder) -> None:
    # Two different people who happen to be the same age: each age belongs to its person,
    # so the two are not one fact told twice.
    claims = _claims(
        encoder,
        "Tomas Verhoek travelled to the coast with his 27-year-old cousin, Pieter Lindqvist,"
        " and their uncle.",
        '"Yes, I am tired," said 27-year-old Karina Holm from Oslo who walked with her mother,'
        " Ines Holm.",
    )
    assert not _linked_ages(claims)


def test_an_age_describing_the_name_before_it_is_that_persons(encoder: TextEncoder) -> None:
    # "Name, a 23-year-old student": the age is the named person's, not the one person
    # elsewhere given the same age by name.
    claims = _claims(
        encoder,
        "Marek Nowak, 23, and his wife were among the couples who married at the beach on Sunday.",
        "In the square, Olga Petrenko, a 23-year-old student from Lviv, carried a sign.",
    )
    assert not _linked_ages(claims)
    assert any(c.kind == "age" and c.about == "Age of Olga Petrenko" for c in claims)


def test_one_age_of_one_named_person_agrees(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The 27-year-old Marta Oyelaran walked with the marchers to the harbour gate on Saturday.",
        "The 27-year-old Marta Oyelaran said she had walked for a week to reach the harbour.",
    )
    linked = _linked_ages(claims)
    assert len(linked) == 1 and linked[0].status == "agreed"
    assert [side.display for side in linked[0].sides] == ["27"]


def _dated(claims: list[Claim], status: str) -> list[Claim]:
    return [c for c in claims if c.kind == "date" and c.section == status]


def test_two_happenings_set_for_two_days_do_not_conflict(encoder: TextEncoder) -> None:
    # "set to" tells no happening of its own: the lapse and the talks are two happenings.
    claims = _claims(
        encoder,
        "The earlier waivers on timber duties were set to lapse on Tuesday, officials said.",
        "Trade minister Olga Brandt is set to discuss the matter Monday with her Norvik"
        " counterpart.",
    )
    assert not _dated(claims, "conflict")


def test_one_happening_set_for_one_day_agrees(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "The earlier waivers on timber duties were set to lapse on Tuesday, officials said.",
        "The waivers were due to lapse on Tuesday.",
    )
    assert any({side.display for side in c.sides} == {"Tuesday"} for c in _dated(claims, "agreed"))


def test_a_clock_time_in_four_figures_gives_no_day_to_clash(encoder: TextEncoder) -> None:
    # "1115 GMT" names no day (its day is the reader's guess) and no year: it cannot clash
    # with another source's "Saturday" by its day.
    claims = _claims(
        encoder,
        "A blast at the Korvel chemical plant near Tamsin killed two workers, officials said."
        " The blast, which struck at 1415 (1115 GMT), was heard across the valley.",
        "The blast struck the Korvel chemical plant near Tamsin on Saturday with a force felt"
        " across the valley, officials said.",
    )
    assert not _dated(claims, "conflict")


def _ages(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.about.startswith("Age of")]


def test_the_age_of_a_persons_child_is_not_the_persons(encoder: TextEncoder) -> None:
    # "Name's 14-year-old daughter": the daughter's age, told through a possessive
    claims = _claims(
        encoder,
        "Police found the body of Lena Marsh, 52, in her flat on Orchard Lane in Dunmore on"
        " Sunday.",
        "Lena Marsh was found dead in her Orchard Lane flat in Dunmore on Sunday, police"
        " said.\nMs. Marsh's 14-year-old daughter was staying with friends at the time.",
    )
    assert not [c for c in _ages(claims) if c.section == "conflict"]


def test_an_age_is_not_given_to_a_name_opening_the_next_sentence(encoder: TextEncoder) -> None:
    claims = _claims(
        encoder,
        "Police found the body of Lena Marsh, 52, in her flat on Orchard Lane in Dunmore on"
        " Sunday.",
        "The woman found dead on Orchard Lane in Dunmore on Sunday was identified as Lena"
        " Marsh.\nShe leaves a husband and a 15-year-old son.\nLena Marsh had worked at the"
        " town library for twenty years.",
    )
    assert not [c for c in _ages(claims) if c.section == "conflict"]


def test_an_age_belongs_to_the_name_right_after_it_not_past_another_age() -> None:
    # "61-year-old <a name the tagger missed> and 48-year-old Name": the 48 is Name's
    text = "61-year-old Bria Holt and 48-year-old Cora Penn were named as the victims."
    sentence = Evidence("a1", 0, len(text), text)
    name = Entity(Evidence("a1", 38, 47, "Cora Penn"), "PERSON", "Cora Penn")
    first, second = Evidence("a1", 0, 11, text[:11]), Evidence("a1", 26, 37, text[26:37])
    assert _named_after(first, [name], sentence) is None
    assert _named_after(second, [name], sentence) == name


def test_one_verb_in_two_unlinked_sentences_dates_two_happenings(encoder: TextEncoder) -> None:
    # a suspect's record: "charged in 2019" with one thing, "charged in 2020" with another
    claims = _claims(
        encoder,
        "Darel Quist, 41, was arrested in Port Ellis on Monday over the fire at the ferry"
        " office.\nIn 2020, he was charged with assault and battery on a neighbour, according to"
        " court records.",
        "Darel Quist was arrested on Monday over the ferry office fire in Port Ellis.\nIn 2019,"
        " Quist was charged with stealing a $300 bicycle from his brother.",
    )
    dates = [c for c in claims if c.section == "conflict" and c.kind == "date"]
    assert not dates, [(c.about, [s.display for s in c.sides]) for c in dates]


def test_a_day_counted_from_another_day_is_no_side_of_a_date_clash(
    encoder: TextEncoder,
) -> None:
    """ "angry over his firing four days earlier" counts from a day the reader has to guess
    (the shooting's? the verdict's?): it never makes a clash with the shooting's day."""
    claims = _dated_claims(
        encoder,
        (
            "2031-04-08",
            "A gunman shot three people at an accounting office in Dunmore on Monday morning.",
        ),
        (
            "2032-05-01",
            "A jury on Tuesday convicted Ray Kessel of murder. Prosecutors said Kessel shot"
            " three people at the accounting office in Dunmore because he was angry over his"
            " firing four days earlier.",
        ),
    )
    assert not [c for c in claims if c.kind == "date" and c.status == "conflict"]


def _undated_claims(encoder: TextEncoder, *texts: str) -> list[Claim]:
    return compare_dated(encoder, [(None, text) for text in texts])


QUAKE_TODAY = (
    "A strong quake struck northern Velmaria, razing several hamlets and killing at least four"
    " people and hurting others, local media reported."
)


def test_a_figure_of_an_earlier_happening_set_in_its_month_does_not_conflict(
    encoder: TextEncoder,
) -> None:
    claims = _undated_claims(
        encoder,
        QUAKE_TODAY,
        "A quake of magnitude 5.8 shook the town of Dravik in northern Velmaria on Sunday,"
        " killing nine people.\n\nIn March, a tremor measuring 6.3 struck the northern city of"
        " Olmersk, killing 540 people and hurting about 1,200.",
        "A quake rattled a thinly settled part of northern Velmaria on Sunday, razing six"
        " hamlets and killing nine people, officials said.\n\nThe previous strong quake in"
        " northern Velmaria came in March, when a 6.3 tremor shook Olmersk, a city of some"
        " 20,000.\n\nIt killed 540 people and hurt over 1,200, razing whole hamlets and leaving"
        " thousands of families homeless.",
    )
    assert not _of_the_earlier_quake(_figures(claims, "conflict"))
    agreed = [sorted(s.display for s in c.sides) for c in _figures(claims, "agreed")]
    assert ["540"] in agreed  # the earlier quake's toll, told alike by two


def _of_the_earlier_quake(claims: list[Claim]) -> list[Claim]:
    """Claims with a side of the earlier quake's figures. (This quake's "at least four" and
    "nine" dead, in reports without a date, are a conflict of their own, an update when the
    reports are dated.)"""
    earlier = {"540", "6.3", "about 1,200", "over 1,200"}
    return [c for c in claims if earlier & {side.display for side in c.sides}]


def test_a_figure_of_an_earlier_year_in_an_undated_report_does_not_conflict(
    encoder: TextEncoder,
) -> None:
    claims = _undated_claims(
        encoder,
        QUAKE_TODAY,
        "A quake of magnitude 5.8 shook the town of Dravik in northern Velmaria on Sunday,"
        " killing nine people.\n\nIn 2027, a tremor measuring 6.3 struck the northern city of"
        " Olmersk, killing 540 people and hurting about 1,200.",
    )
    assert not _of_the_earlier_quake(_figures(claims, "conflict"))


def test_the_decade_a_noun_is_of_is_no_date_of_the_happening(encoder: TextEncoder) -> None:
    claims = _dated_claims(
        encoder,
        (
            "2031-05-05",
            "Mara Velt , one of the biggest stage stars of the 1960s and 1970s , died peacefully"
            " in her sleep and had been in poor health due to old age , her agent Tom Harl said .",
        ),
        (
            "2031-05-06",
            "It has been confirmed by agent Tom Harl that the 1960s stage actress and record -"
            " setting diver , Mara Velt , died on 4th May in her sleep .",
        ),
    )
    dates = [c for c in claims if c.kind == "date" and len(c.sides) == 2]
    assert not [c for c in dates if c.status == "conflict"]


@pytest.mark.parametrize(
    ("told", "other", "status"),
    [
        ("Twelve people were killed and about 40 injured", "injured 65 people", "conflict"),
        ("Twelve were killed and 40 hurt", "injured 40 people", "agreed"),
    ],
)
def test_people_counted_by_their_state_alone_answer_the_count_of_the_happening(
    encoder: TextEncoder, told: str, other: str, status: str
) -> None:
    """ "About 40 injured", "40 hurt": a count of the people hurt, whatever the clause's
    verb ("were killed") or subject, as "injured 65 people" is."""
    claims = _claims(
        encoder,
        "Quake on Tarsel\n\nA magnitude 6.0 earthquake struck the island of Tarsel on Sunday."
        f" {told}, officials said.",
        "Tarsel quake kills twelve\n\nThe earthquake that hit Tarsel on Sunday killed twelve"
        f" people and {other}, the island's governor said.",
    )
    _one_count_of_the_injured(claims, status)


def _one_count_of_the_injured(claims: list[Claim], status: str) -> None:
    """One claim of the number injured, of this status, citing both articles."""
    injured = [c for c in _figures(claims, status) if c.about == "Number of people injured"]
    assert len(injured) == 1
    assert {a for side in injured[0].sides for a in side.articles} == {"a1", "a2"}


def test_some_of_the_people_hurt_told_without_a_number_are_no_count_of_them(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "Quake on Tarsel\n\nA magnitude 6.0 earthquake struck the island of Tarsel on Sunday."
        " Television showed a few injured being taken to hospital.",
        "Tarsel quake kills twelve\n\nThe earthquake that hit Tarsel on Sunday killed twelve"
        " people and injured 65 people, the island's governor said.",
    )
    assert not _figures(claims, "conflict")


@pytest.mark.parametrize(
    ("told", "other", "status"),
    [
        ("The blast killed nine, injuring 40", "injured 65 people", "conflict"),
        ("Nine died and 40 were injured in the blast", "injured 65 people", "conflict"),
        ("The blast killed nine and injured more than 40", "left 40 wounded", "agreed"),
    ],
)
def test_counts_told_by_a_verb_of_the_harm_alone_count_the_people_harmed(
    encoder: TextEncoder, told: str, other: str, status: str
) -> None:
    """ "Injuring 40", "40 were injured", "injured more than 40": no counted noun, but the
    verb of the harm says people are counted, as "injured 65 people" does."""
    claims = _claims(
        encoder,
        "Blast at Merrow mill\n\nA gas blast tore through the Merrow flour mill on Tuesday."
        f" {told}, fire officials said.",
        "Merrow mill blast kills nine\n\nThe blast that hit the Merrow mill on Tuesday killed"
        f" nine workers and {other}, the county sheriff said.",
    )
    _one_count_of_the_injured(claims, status)


def test_a_background_toll_told_by_its_verb_alone_is_no_rival_count(
    encoder: TextEncoder,
) -> None:
    """ "A fire in 2019 killed 30, injuring 90": a past happening's toll in the background
    answers no question of this one, and leaves this one's count told with its noun
    ("injuring 12 people") an answer still."""
    claims = _claims(
        encoder,
        "Blast at Merrow mill\n\nA gas blast at the Merrow flour mill on Tuesday injured 12"
        " people, fire officials said. A fire at the Dunmore plant in 2019 killed 30,"
        " injuring 90.",
        "Merrow mill blast\n\nThe blast that hit the Merrow mill on Tuesday killed nine"
        " workers and injured 65 people, the county sheriff said.",
    )
    injured = [c for c in _figures(claims, "conflict") if "injured" in c.about]
    assert not [c for c in injured if "90" in {s.display for s in c.sides}]
    assert [c for c in injured if {s.display for s in c.sides} == {"12", "65"}]


def test_a_past_toll_told_by_its_state_leaves_this_happenings_counts_a_conflict(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "Blast at Merrow mill\n\nA gas blast at the Merrow flour mill on Tuesday injured 12"
        " people, fire officials said. A fire at the Dunmore plant in 2019 left 90 injured.",
        "Merrow mill blast\n\nThe blast that hit the Merrow mill on Tuesday killed nine workers"
        " and injured 65 people, the county sheriff said.",
    )
    clashes = [c for c in _figures(claims, "conflict") if {s.value for s in c.sides} == {12, 65}]
    assert len(clashes) == 1


@pytest.mark.parametrize(
    "told",
    [
        "None of the 40 were injured",
        "Three of the 40 were injured",
        "Nobody among the 40 was injured",
        "All but 40 were injured",
    ],
)
def test_the_whole_of_a_part_and_those_spared_are_no_count_of_the_harmed(
    encoder: TextEncoder, told: str
) -> None:
    claims = _claims(
        encoder,
        f"Blast at Merrow mill\n\nA gas blast tore through the Merrow flour mill on Tuesday. {told}"
        " at the school next door, fire officials said.",
        "Merrow mill blast kills nine\n\nThe blast that hit the Merrow mill on Tuesday killed"
        " nine workers and injured 65 people, the county sheriff said.",
    )
    assert not any(40 in {s.value for s in c.sides} for c in _figures(claims, "conflict"))
    labelled = [c for c in claims if 40 in {s.value for s in c.sides}]
    assert all(c.about != "Number of people injured" for c in labelled)


def test_the_killed_and_the_injured_are_two_counts_whatever_their_value(
    encoder: TextEncoder,
) -> None:
    claims = _claims(
        encoder,
        "Tarsel quake\n\nA magnitude 6.0 earthquake struck the island of Tarsel on Sunday,"
        " killing 1,437 people, officials said.",
        "Tarsel quake\n\nThe earthquake that hit Tarsel on Sunday injured 1,437 people, the"
        " island's governor said.",
    )
    assert not [c for c in _figures(claims, "agreed") if len(c.sides[0].articles) == 2]


@pytest.mark.parametrize(
    "dated",
    [
        [
            (
                "2031-05-13",
                "Marsh held\n\nEdvin Marsh was arrested yesterday in Lorrey, police said.",
            ),
            (
                "2031-05-14",
                "Marsh in custody\n\nEdvin Marsh was arrested yesterday in Lorrey, his lawyer said.",
            ),
        ],
        [
            (
                "2031-05-13",
                "Bridge works\n\nThe Quay Street bridge in Lorrey will reopen on Monday, the"
                " council said.",
            ),
            (
                "2031-05-20",
                "Bridge delay\n\nThe Quay Street bridge in Lorrey will reopen on Monday, the"
                " council said.",
            ),
        ],
    ],
)
def test_a_short_line_or_a_plan_written_alike_on_two_days_still_gives_two_days(
    encoder: TextEncoder, dated: list[tuple[str, str]]
) -> None:
    claims = compare_dated(encoder, dated)
    assert [c for c in claims if c.kind == "date" and c.status == "conflict"]


def test_a_count_told_by_its_verb_alone_clashes_only_in_aligned_sentences(
    encoder: TextEncoder,
) -> None:
    """ "Years ago, 40 were injured in a boiler fire" shares the question of this blast's
    "injured 12 people" but tells another happening: told by its verb alone, it clashes only
    where the aligner says the sentences tell one thing."""
    claims = _claims(
        encoder,
        "Blast at Merrow mill\n\nA gas blast at the Merrow flour mill on Tuesday injured 12"
        " people, fire officials said.",
        "Merrow mill reopens\n\nThe Merrow flour mill reopened its gates on Friday after the"
        " repairs were finished. Years ago, 40 were injured in a boiler fire at the plant, the"
        " owners recalled.",
    )
    assert not _figures(claims, "conflict")
    assert {c.about for c in _figures(claims, "single")} == {"Number of people injured"}


def _conceded(encoder: TextEncoder, first: tuple[str, str], second: tuple[str, str]) -> list[Claim]:
    """Two reports, each (publication day, its words for the day), of one concession."""
    return _dated_claims(
        encoder,
        (
            first[0],
            f"Vantic bows out\n\nPrime Minister Aurel Vantic conceded defeat {first[1]}.\n\n"
            "Green Labour Front leader Ilse Corvanu claimed victory.",
        ),
        (
            second[0],
            f"Vantic concedes defeat\n\nPrime Minister Aurel Vantic conceded defeat {second[1]}."
            "\n\nGreen Labour Front leader Ilse Corvanu claimed victory.",
        ),
    )


def _dates(claims: list[Claim]) -> list[tuple[str, list[str]]]:
    return [(c.section, sorted(s.display for s in c.sides)) for c in claims if c.kind == "date"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # "nine weeks ago" told on a Sunday and on the Monday after: two calendar weeks
        (("2031-05-11", "nine weeks ago"), ("2031-05-12", "nine weeks ago")),
        # a day without its year, in a report two years on: the year is the reader's guess
        (("2029-06-15", "on June 14, 2029"), ("2031-03-02", "on June 14")),
    ],
)
def test_dates_apart_only_by_the_days_their_reports_were_read_on_agree(
    encoder: TextEncoder, first: tuple[str, str], second: tuple[str, str]
) -> None:
    claims = _conceded(encoder, first, second)
    told = sorted(words.removeprefix("on ") for words in (first[1], second[1]))
    assert _dates(claims) == [("agreed", told)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("2031-05-12", "on Saturday"), ("2031-05-13", "on Sunday")),
        # reports two months apart: two Wednesdays, whatever the reader would guess
        (("2031-07-02", "on Wednesday"), ("2031-09-03", "on Wednesday")),
        (("2029-06-17", "on June 14, 2029"), ("2031-03-02", "on June 15")),
        # a weekday names a day of its own report's week: the Monday after's Saturday and
        # the next Sunday's are two; nor can a Wednesday's report mean a Saturday after it
        (("2031-05-12", "on Saturday"), ("2031-05-18", "on Saturday night")),
        (("2031-05-14", "on Saturday"), ("2031-05-20", "on May 17")),
        # exact words ("last year") and a day a week back without its year are no guesses
        (("2031-12-30", "last year"), ("2032-01-03", "in 2031")),
        (("2031-07-01", "on June 14"), ("2031-07-01", "on June 14, 2029")),
    ],
)
def test_dates_their_words_set_apart_still_conflict(
    encoder: TextEncoder, first: tuple[str, str], second: tuple[str, str]
) -> None:
    claims = _conceded(encoder, first, second)
    assert [status for status, _ in _dates(claims)] == ["conflict"]


def _shooting_dates(encoder: TextEncoder, second: str) -> list[tuple[str, list[str]]]:
    """The date claims two sources share of a report of a shooting on Saturday night and
    ``second``, both published on the Tuesday after."""
    claims = _dated_claims(
        encoder,
        (
            "2031-05-13",
            "Teenager killed by police in Ashford\n\nPolice killed Tamsin Vale, 17, in Ashford on"
            " Saturday night after a chase.",
        ),
        ("2031-05-13", f"Family questions police account\n\n{second}"),
    )
    return [(status, sides) for status, sides in _dates(claims) if status != "single"]


@pytest.mark.parametrize("verb", ["explained", "said", "noted", "confirmed"])
def test_a_day_fronted_before_a_verb_of_saying_dates_the_saying(
    encoder: TextEncoder, verb: str
) -> None:
    second = (
        f"Yesterday, the police {verb} that officers killed Tamsin Vale, 17, in Ashford after a"
        " chase."
    )
    assert not [status for status, _ in _shooting_dates(encoder, second) if status != "agreed"]


def test_the_day_officials_confirmed_a_happening_does_not_date_it(encoder: TextEncoder) -> None:
    # confirmed on the Monday that it happened: the confirming's day, not the shooting's
    second = (
        "Police killed Tamsin Vale, 17, in Ashford after a chase, officials confirmed on Monday."
    )
    assert not [status for status, _ in _shooting_dates(encoder, second) if status != "agreed"]


def test_a_day_fronted_before_the_happening_itself_still_conflicts(encoder: TextEncoder) -> None:
    second = "Yesterday, police killed Tamsin Vale, 17, in Ashford after a chase."
    assert [status for status, _ in _shooting_dates(encoder, second)] == ["conflict"]


def _chants(encoder: TextEncoder, first: str, second: str) -> list[tuple[str, list[str]]]:
    """The date claims two reports, two days apart, share of one march's chant."""
    claims = _dated_claims(
        encoder,
        (
            "2031-05-12",
            f"March in Ashford\n\nMarchers chanted {first} as they walked to the station.",
        ),
        (
            "2031-05-14",
            f"Ashford march\n\nDozens chanted {second} as they walked west toward the station.",
        ),
    )
    return [(status, sides) for status, sides in _dates(claims) if status != "single"]


def test_a_relative_day_inside_a_quotation_is_no_side_of_a_clash(encoder: TextEncoder) -> None:
    # the speaker's "today", told on a day neither report gives
    first = '"Ashford police, how many kids will you kill today"'
    second = '"Ashford police, how many kids did you kill today"'
    assert not _chants(encoder, first, second)


def test_the_same_relative_day_told_plainly_on_two_days_names_two_days(
    encoder: TextEncoder,
) -> None:
    statuses = [status for status, _ in _chants(encoder, "slogans today", "slogans today")]
    assert statuses in (["conflict"], ["update"])


@pytest.mark.parametrize(
    ("after", "a_part"),
    [
        (" of the seven bullets fired", True),  # a part of a whole its sentence counts
        (" of its 12 stores", True),
        (" other victims", True),
        (" of the victims were children", False),  # another source may count the same part
        (" of them from the rear", False),
        (" bullets", False),
    ],
)
def test_a_count_of_a_part_of_a_counted_whole_is_a_part(after: str, a_part: bool) -> None:
    assert bool(PART_AFTER.match(after)) is a_part


def test_a_quoted_day_counted_in_weeks_still_clashes_with_another_month(
    encoder: TextEncoder,
) -> None:
    # the speaker spoke a day or so before the report: nine weeks back is still early
    # September, never March
    claims = _dated_claims(
        encoder,
        (
            "2031-11-03",
            'Kelm mill fire\n\n"The Kelm mill burned down nine weeks ago," said its owner, Ana'
            " Brisk.",
        ),
        ("2031-11-03", "Kelm mill\n\nThe Kelm mill burned down on March 2, 2031, its owner said."),
    )
    assert [status for status, _ in _dates(claims)] == ["conflict"]


def test_one_figure_written_two_ways_a_day_later_is_no_update(encoder: TextEncoder) -> None:
    claims = compare_dated(
        encoder,
        [
            ("2031-11-04", "The budget increases school spending 6 percent, the governor said."),
            ("2031-11-05", "Under the budget, school spending rises 6%."),
        ],
    )
    assert _figures(claims, "update") == []
    agreed = [sorted(side.display for side in c.sides) for c in _figures(claims, "agreed")]
    assert agreed == [["6 percent", "6%"]]


def test_a_length_of_time_is_not_counted_from_the_day_it_was_said(encoder: TextEncoder) -> None:
    # "spanned 30 years, her family said on Tuesday" does not run from Tuesday: counted from
    # it, the 30 years clashed with another report's "from 1972 to 2002"
    claims = _claims(
        encoder,
        "Actress Tamsin Vale, whose career on the Lindale stage spanned 30 years, has died,"
        " her family said on Tuesday.",
        "Tamsin Vale, who led the Lindale Players from 1972 to 2002, died on Monday.",
    )
    assert not [c for c in claims if c.kind == "date" and c.status == "conflict"]
