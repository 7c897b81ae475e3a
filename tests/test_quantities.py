"""Figures with their hedges: values, intervals, units, skips and compatibility."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.models import Quantity
from triangulate.nlp.language import load_nlp
from triangulate.readers.quantities import compatible, find_quantities, unit_kind


def only(text: str) -> Quantity:
    found = find_quantities(text, "a1")
    assert len(found) == 1, found
    return found[0]


def spans(text: str) -> list[str]:
    return [q.evidence.text for q in find_quantities(text, "a1")]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "hedge", "low", "high"),
    [
        (
            "A force of almost 2,000 soldiers arrived.",
            "almost 2,000",
            2000,
            "soldiers",
            "almost",
            1800,
            2000,
        ),
        (
            "Nearly 2,000 Zorvian guards had been stationed.",
            "Nearly 2,000",
            2000,
            "guards",
            "nearly",
            1800,
            2000,
        ),
        (
            "They sent the 2,000-strong brigade north.",
            "2,000-strong",
            2000,
            "brigade",
            "-strong",
            1900,
            2100,
        ),
        (
            "It placed about 2,000 border troops there.",
            "about 2,000",
            2000,
            "troops",
            "about",
            1800,
            2200,
        ),
        (
            "All of the 50,000-odd ethnic Velan residents fled.",
            "50,000-odd",
            50000,
            "residents",
            "-odd",
            50000,
            60000,
        ),
        (
            "a population of around 100,000 people",
            "around 100,000",
            100000,
            "people",
            "around",
            90000,
            110000,
        ),
        (
            "The fund holds $11 billion in reserves.",
            "$11 billion",
            11e9,
            "dollars",
            None,
            11e9 * 0.975,
            11e9 * 1.025,
        ),
        (
            "Roughly 1.5 million voters took part.",
            "Roughly 1.5 million",
            1.5e6,
            "voters",
            "roughly",
            1.35e6,
            1.65e6,
        ),
        ("Turnout was 1.5 million voters.", "1.5 million", 1.5e6, "voters", None, 1.45e6, 1.55e6),
        (
            "It holds approximately 75 percent of the valley.",
            "approximately 75 percent",
            75,
            "percent",
            "approximately",
            70,
            80,
        ),
        ("Prices rose 75% in a year.", "75%", 75, "percent", None, 75, 75),
        (
            "Rates rose by 2 percentage points.",
            "2 percentage points",
            2,
            "percentage points",
            None,
            2,
            2,
        ),
        ("Seven Morlish sailors were killed.", "Seven", 7, "sailors", None, 7, 7),
        ("The two wars ended badly.", "two", 2, "wars", None, 2, 2),
        (
            "It was ruled by rebels for nearly three decades.",
            "nearly three",
            3,
            "decades",
            "nearly",
            2.7,
            3,
        ),
        ("They gave back four frontier villages.", "four", 4, "villages", None, 4, 4),
        ("He has worked there for over 30 years.", "over 30", 30, "years", "over", 30, 45),
        (
            "Between 10 and 20 villages were hit.",
            "Between 10 and 20",
            15,
            "villages",
            "between",
            10,
            20,
        ),
        (
            "Some 5,000-7,000 protesters marched.",
            "Some 5,000-7,000",
            6000,
            "protesters",
            "some",
            4500,
            7700,
        ),
        (
            "Police said 5,000-7,000 protesters marched.",
            "5,000-7,000",
            6000,
            "protesters",
            "range",
            5000,
            7000,
        ),
        ("Hundreds of families left.", "Hundreds", 200, "families", "hundreds", 200, 999),
        (
            "tens of thousands of people fled",
            "tens of thousands",
            20000,
            "people",
            "tens of thousands",
            20000,
            99000,
        ),
        ("They fought for more than a century.", "more than a", 1, "century", "more than", 1, 1.5),
        ("At least 12 people died.", "At least 12", 12, "people", "at least", 12, 24),
        ("Up to 300 workers may lose jobs.", "Up to 300", 300, "workers", "up to", 0, 300),
        ("Fewer than 40 families stayed.", "Fewer than 40", 40, "families", "fewer than", 0, 40),
        ("There were a dozen ships.", "a dozen", 12, "ships", None, 12, 12),
        ("Six hundred soldiers crossed.", "Six hundred", 600, "soldiers", None, 585, 615),
        (
            "an estimated 3,000 refugees",
            "an estimated 3,000",
            3000,
            "refugees",
            "estimated",
            2700,
            3300,
        ),
        (
            "about 5 to 7 million people",
            "about 5 to 7 million",
            6e6,
            "people",
            "about",
            4.5e6,
            7.7e6,
        ),
        ("a 10-day truce", "10", 10, "day", None, 10, 10),
    ],
)
def test_reads_value_unit_hedge_and_interval(
    text: str, span: str, value: float, unit: str, hedge: str | None, low: float, high: float
) -> None:
    quantity = only(text)
    assert quantity.evidence.text == span
    assert text[quantity.evidence.start : quantity.evidence.end] == span
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.hedge == hedge
    assert quantity.low == pytest.approx(low)
    assert quantity.high == pytest.approx(high)


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1994 in the capital.",
        "The war lasted from 1988 to 1994.",
        "After the 1991-1993 war the border closed.",
        "The talks opened on June 12, 2024, in Velport.",
        "On 12 June the convoy left.",
        "The offensive of September 19-20 ended quickly.",
        "Published 2024-04-18 at 10:57 AM.",
        "Call +1 555-123-4567 for details.",
        "They fought the 44-Day War and the Six-Day War.",
        "A F-16 and an A320 collided; COVID-19 spread.",
        "Under Article 5 and Resolution 2334 nothing changed.",
        "Visit https://example.org/page/2024/55 or mail desk42@example.org.",
        "He was in his 20s during the 1990s.",
        "No one came, and one of them left.",
        "It came 2nd and then 3rd.",
        "Version 3.2.1 ships at 3 p.m. today.",
        "The ferry left at 11 : 40 p.m. on Monday .",  # tokenised text
        "The ferry left at 11: 40 p. m. on Monday.",
        "The blaze broke out at about 2130 GMT.",
        "A neighbor called 911; a 911 dispatcher sent officers after several 911 calls.",
        "KXVN 7 and Channel 8 were first there; the victim told News 9 about it.",
        "KSVQ 12 is not naming him; WGN-TV 9 did.",
    ],
)
def test_skips_numbers_that_are_not_figures(text: str) -> None:
    assert spans(text) == []


def test_a_count_beside_a_channel_or_an_agency_stays() -> None:
    # "WHO" is no call sign, "911" alone before a plural no emergency number
    assert spans("WHO 2 million doses were sent.") == ["2 million"]
    assert spans("CBS 2 million viewers watched.") == ["2 million"]
    assert spans("Channel 8 said two men were hurt.") == ["two"]


def test_year_followed_by_a_plural_is_a_count() -> None:
    assert spans("They deployed 2000 troops.") == ["2000"]


@pytest.mark.parametrize(
    "text",
    [
        "She was charged in the 1974 bombings of two bridges near the dam.",
        "Turnout fell after the 2016 elections in the valley.",
        "Its 1988 floods are still remembered in the port.",
        "The club's 1995 riots cost the league dearly.",
        "It was worse than the December 2031 protests downtown.",
    ],
)
def test_a_year_naming_happenings_after_a_determiner_is_no_count(text: str) -> None:
    assert all(not s.startswith(("1974", "2016", "1988", "1995", "2031")) for s in spans(text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The 1800 soldiers left the base.", "1800"),
        ("Police said 2000 protesters marched.", "2000"),
        ("About 1974 bombings were recorded.", "About 1974"),
        ("The club's 2000 fans sang.", "2000"),
    ],
)
def test_a_year_like_count_of_people_or_without_a_determiner_stays_a_count(
    text: str, span: str
) -> None:
    assert spans(text) == [span]


def test_two_figures_joined_by_and_are_both_read() -> None:
    assert spans("It lost 2,000 soldiers and 300 tanks.") == ["2,000", "300"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("almost 2,000 soldiers", "nearly 2,000 soldiers"),
        ("almost 2,000 soldiers", "the 2,000-strong contingent"),
        ("almost 2,000 soldiers", "about 2,000 troops"),
        ("nearly 2,000 guards", "the 2,000-strong contingent"),
        ("the 2,000-strong contingent", "about 2,000 troops"),
        ("2,000 soldiers", "about 2,000 troops"),
        ("approximately 75 percent", "75%"),
        ("between 10 and 20 villages", "about 18 villages"),
        ("$2.45 billion", "$2.4 billion"),  # 2.45 may be written rounded down
        ("1,987 workers", "2,000 workers"),  # a round figure stands for one near it
        ("about 2,000 troops", "2,100 troops"),
        ("more than 50 percent", "up to 50%"),  # hedges keep their closed ends
    ],
)
def test_compatible_figures(first: str, second: str) -> None:
    assert compatible(only(first), only(second))
    assert compatible(only(second), only(first))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("around 100,000 residents", "50,000-odd residents"),
        ("7 soldiers", "9 soldiers"),
        ("75 percent", "75 soldiers"),
        ("$11 billion", "11 billion people"),
        ("up to 300 workers", "at least 400 workers"),
        ("nearly three decades", "three soldiers"),
        # figures rounded to one step meet only at the end between them: two different
        # figures, not one figure rounded two ways
        ("$2.4 billion", "$2.5bn"),
        ("1.5 million people", "1.6 million people"),
        ("2,000 troops", "2,100 troops"),
    ],
)
def test_incompatible_figures(first: str, second: str) -> None:
    assert not compatible(only(first), only(second))
    assert not compatible(only(second), only(first))


def test_offsets_are_exact_in_a_longer_text() -> None:
    text = "Header\n\nOn Monday, almost 2,000 soldiers left; some 5,000-7,000 people watched.\n"
    found = find_quantities(text, "x9")
    assert [q.evidence.text for q in found] == ["almost 2,000", "some 5,000-7,000"]
    for quantity in found:
        assert quantity.evidence.article == "x9"
        assert text[quantity.evidence.start : quantity.evidence.end] == quantity.evidence.text


def test_a_600_word_article_reads_every_figure() -> None:
    # speed is measured by benchmarks/bench_reader_speed.py, not here
    sentence = (
        "On June 12, 2024 about 2,000 soldiers and nearly 3 million people left the 4 towns. "
    )
    text = sentence * 40  # ~ 640 words
    found = find_quantities(text, "a")
    assert len(found) == 120


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for quantity in find_quantities(text, "h"):
        assert text[quantity.evidence.start : quantity.evidence.end] == quantity.evidence.text
        assert quantity.low <= quantity.high


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "nearly",
                "2,000",
                "-odd",
                "-strong",
                " ",
                "1994",
                "$",
                "%",
                "million",
                "between",
                "and",
                "to",
                "-",
                "seven",
                "hundreds of",
                "people",
                "June",
                "12",
                ",",
                "a",
                "more than",
                "5.5",
                "tens",
                "of",
                "thousands",
                "one",
            ]
        ),
        max_size=12,
    )
)
def test_never_raises_on_number_like_soup(parts: list[str]) -> None:
    text = " ".join(parts)
    for quantity in find_quantities(text, "h"):
        assert text[quantity.evidence.start : quantity.evidence.end] == quantity.evidence.text


def test_a_score_is_not_a_figure() -> None:
    assert spans("They won 3-1 at home.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("putting a 1,200-strong workforce out of work", "workforce"),
        ("the 300-strong force arrives tomorrow", "force"),
        ("a 5,000-strong crowd gathered", "crowd"),
    ],
)
def test_a_group_noun_ends_the_counted_phrase(text: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(text, "a1")] == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Deputies chased the van at speeds up to 120 mph on the coast road.", "mph"),
        ("The ferry reached 45 km/h in the strait.", "km/h"),
        ("The truck drove at 80 kilometres an hour through the town.", "km/h"),
        ("The storm moved at 30 miles per hour toward Port Ellis.", "mph"),
    ],
)
def test_a_speed_is_no_length(text: str, unit: str) -> None:
    found = find_quantities(text, "a1")
    assert [(q.unit, unit_kind(q.unit)) for q in found] == [(unit, "speed")]


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 6.4 earthquake struck the coast.",
        "The 6.4-magnitude quake struck at dawn.",
        "A quake of magnitude 6.4 hit the coast.",
        "The quake measured 6.4 on the Richter scale.",
    ],
)
def test_a_quakes_magnitude_is_its_own_unit(text: str) -> None:
    assert only(text).unit == "magnitude"
    assert only(text).value == 6.4


@pytest.mark.parametrize(
    "text",
    [
        "The bill failed in a 48-51 vote on Wednesday.",
        "Senators voted it down 49-51.",
        "It fell short with a final tally of 48 to 51.",
    ],
)
def test_the_two_counts_of_a_vote_are_no_range(text: str) -> None:
    found = find_quantities(text, "v")
    assert [q.unit for q in found] == ["votes for", "votes against"]
    assert all(q.low == q.high == q.value for q in found)


def test_a_range_beside_the_word_vote_elsewhere_stays_a_range() -> None:
    found = find_quantities("The vote was held with 300 to 400 people present.", "v")
    assert [(q.low, q.high, q.unit) for q in found] == [(300.0, 400.0, "people")]


def test_a_name_saying_a_figure_is_not_what_it_counts() -> None:
    text = "As many as 900 jobs could go, far more than the 600 Harlow has said."
    found = find_quantities(text, "n", load_nlp()(text))
    assert [(q.evidence.text, q.unit) for q in found] == [("As many as 900", "jobs"), ("600", "")]
    marines = "About 3,000 Marines arrived on Monday."
    assert [q.unit for q in find_quantities(marines, "n", load_nlp()(marines))] == ["Marines"]


@pytest.mark.parametrize(
    "text",
    [
        "Officers were called to the 1400 block of Dunmore Avenue at about 11:40 p.m.",
        "The fire started in a house at 25 Elm Street before dawn.",
        "Crews cleared the road outside 112 Kells Harbour Road on Friday.",
    ],
)
def test_a_number_placing_on_a_street_is_no_count(text: str) -> None:
    assert find_quantities(text, "s", load_nlp()(text)) == []


def test_a_count_before_capitalised_words_stays_a_count() -> None:
    text = "Two Supreme Court justices dissented, and 40 Harlow Foods workers marched."
    assert [q.value for q in find_quantities(text, "s", load_nlp()(text))] == [2.0, 40.0]


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the floods rose to 14 on Wednesday.",
        "The death toll has climbed to three, officials said.",
    ],
)
def test_a_death_toll_counts_people(text: str) -> None:
    assert [q.unit for q in find_quantities(text, "t", load_nlp()(text))] == ["people"]


@pytest.mark.parametrize(
    "text",
    [
        "United Assembly Workers Local 88 said it would fight the closure.",
        "The interview aired on WKSF Channel 6 News on Monday night.",
    ],
)
def test_a_number_inside_a_name_is_no_count(text: str) -> None:
    assert find_quantities(text, "n", load_nlp()(text)) == []


def test_a_count_after_a_day_or_a_capitalised_word_stays_a_count() -> None:
    text = "On Monday 5 people died. About 3,000 Marines arrived. Harlow Foods 600 workers marched."
    found = find_quantities(text, "n", load_nlp()(text))
    assert [(q.value, q.unit) for q in found] == [
        (5.0, "people"),
        (3000.0, "Marines"),
        (600.0, "workers"),
    ]


def test_acres_and_hectares_are_one_area() -> None:
    def first(text: str) -> Quantity:
        return find_quantities(text, "a")[0]

    acres = first("The fire has burned 18,000 acres.")
    assert unit_kind(acres.unit) == "area"
    assert compatible(acres, first("The fire has burned about 7,300 hectares."))
    assert not compatible(acres, first("The fire has burned about 9,500 hectares."))


def test_about_is_never_wider_than_a_written_step() -> None:
    def first(text: str) -> Quantity:
        return find_quantities(text, "h")[0]

    assert not compatible(first("about $4.2 billion"), first("about $4.8 billion"))
    assert compatible(first("about $4.2 billion"), first("$4.25 billion"))
    assert compatible(first("about 2,000 troops"), first("nearly 2,000 troops"))


def test_millimetres_and_speeds_convert() -> None:
    def first(text: str) -> Quantity:
        return find_quantities(text, "c")[0]

    assert unit_kind(first("up to 440 mm of rain").unit) == "length"
    assert compatible(first("up to 440 mm of rain"), first("17.2 inches of rain"))
    assert compatible(first("winds of 115 mph"), first("winds of 185 km/h"))
    assert not compatible(first("winds of 90 mph"), first("winds of 185 km/h"))


@pytest.mark.parametrize(
    "text",
    [
        "Two-thirds of trains were cancelled on Thursday.",
        "More than three quarters of applicants pass the test.",
        "Nine in ten schools closed for the strike.",
    ],
)
def test_a_share_told_in_words_is_no_count(text: str) -> None:
    assert find_quantities(text, "f", load_nlp()(text)) == []


def test_a_count_out_of_a_total_keeps_both() -> None:
    text = "Police arrested 23 out of 40 protesters."
    assert [q.value for q in find_quantities(text, "f", load_nlp()(text))] == [23.0, 40.0]


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        ("Mira Solt, a mother of 12, was shot on Friday.", "12", "children"),
        ("A father of three was hurt in the crash.", "three", "children"),
        ("Video of Dunmore Mother of 13 Mira Solt was shown.", "13", "children"),
        ("Tobin Reyes, a grandfather of five, died at the scene.", "five", "grandchildren"),
        ("She was a mother of two children.", "two", "children"),
    ],
)
def test_a_parent_of_a_number_counts_children(text: str, written: str, unit: str) -> None:
    """ "a mother of 12" counts her children, the noun left unsaid ("A father of three was
    hurt" counts one hurt too: the father, left out here)."""
    for doc in (None, load_nlp()(text)):
        found = find_quantities(text, "a1", doc)
        counts = [(q.evidence.text, q.unit) for q in found if q.evidence.text != "A"]
        assert counts == [(written, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "Karl Dunn, an alleged 9 Crown gang member, fired the shots.",
        "Both are members of a gang called 9 Crown.",
        "She rode the 4 Train to work.",
    ],
)
def test_digits_before_a_capitalised_singular_name_something(text: str) -> None:
    for doc in (None, load_nlp()(text)):
        assert find_quantities(text, "a1", doc) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The vote split 12 Republicans from the rest.", "12"),
        ("Gunmen killed 2 Israeli soldiers at the post.", "2"),
        ("3 Dead, 12 Injured In Highway Crash At Dawn", "3"),  # a title-case headline
    ],
)
def test_digits_before_a_capitalised_count_stay_figures(text: str, written: str) -> None:
    for doc in (None, load_nlp()(text)):
        assert written in [q.evidence.text for q in find_quantities(text, "a1", doc)]


@pytest.mark.parametrize(
    "text",
    [
        "Regulators estimated that one in every 400 drivers had been affected.",
        "As many as 1 in 300 users may have been exposed.",
        "The flaw was made public just over a week ago.",
        "He was arrested two days ago in Harlow.",
        "Three years later, the plant closed.",
    ],
)
def test_rates_and_offsets_in_time_are_no_figures(text: str) -> None:
    """ "one in every 400" is a share; "two days ago" is when, which the time reader dates."""
    for doc in (None, load_nlp()(text)):
        assert find_quantities(text, "a1", doc) == []


def test_a_count_next_to_a_year_or_a_span_of_time_stays() -> None:
    text = "Police shot 5 in 2020. The strike lasted two weeks. Two weeks later, 40 quit."
    assert spans(text) == ["5", "two", "40"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The quake struck about 58km (36 miles) south of Varna.", ["about 58km"]),
        ("The fire burned 7,300 hectares (18,000 acres) of forest.", ["7,300"]),
        ("The bridge is 12 miles (about 19 km) long and 40 feet wide.", ["12", "40"]),
    ],
)
def test_a_conversion_in_brackets_is_the_same_figure(text: str, kept: list[str]) -> None:
    """ "about 58km (36 miles)": the brackets give the same length again, rounded, and the
    hedge stays with the first; read alone, 36 miles would clash with a report of 35."""
    for doc in (None, load_nlp()(text)):
        assert [q.evidence.text for q in find_quantities(text, "a1", doc)] == kept


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Harbin Steel agreed a $12-billion takeover of Orlo Mining.", "$12-billion", 12e9),
        ("The council took a 40 - million euro loan from the fund .", "40 - million", 40e6),
    ],
)
def test_a_scale_hyphenated_to_its_number_is_read(text: str, span: str, value: float) -> None:
    found = only(text)
    assert (found.evidence.text, found.value) == (span, value)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("The regional index, the BRX 250, slid by 1.4% to 3120.50.", ["1.4%", "3120.50"]),
        ("Shares in the Zorba 30 rose after a Pinnacle 500 firm bid.", []),
        ("Talks of the Circle of 12 ended as the new zPad 3 went on sale.", []),
        ("The index fell below the 4000 mark at 3987.10.", ["3987.10"]),
        ("It broke through the 12,000-point barrier on Tuesday.", []),
        ("It dipped below the crucial 6,000-point level.", []),
        ("The Hollis & Grey's 200 slid by 0.8%.", ["0.8%"]),
    ],
)
def test_a_number_in_a_name_or_a_round_mark_is_no_figure(text: str, kept: list[str]) -> None:
    # "the BRX 250", "a Pinnacle 500 firm", "zPad 3": the number is part of a name; "the 4000
    # mark" is a line crossed, not a figure of what happened
    assert [q.evidence.text for q in find_quantities(text, "a")] == kept


@pytest.mark.parametrize(
    "text, value",
    [
        ("The EU 27 members met in Dorvale.", 27.0),
        ("On Tuesday 300 workers struck at the Harlow plant.", 300.0),
        ("He paid 5,000 marks for the farm.", 5000.0),
        ("The panel read Dana Roe's 40-page report.", 40.0),
    ],
)
def test_a_count_after_a_capitalised_word_stays(text: str, value: float) -> None:
    assert value in [q.value for q in find_quantities(text, "a")]


@pytest.mark.parametrize(
    "text, written, unit",
    [
        ("The mill was sold for US$ 45 million last week.", "US$ 45 million", "dollars"),
        ("The bridge will cost € 1.2 billion to finish.", "€ 1.2 billion", "euros"),
        ("Tickets cost £ 30 at the gate.", "£ 30", "pounds"),
    ],
)
def test_a_currency_sign_one_space_before_its_number_is_money(
    text: str, written: str, unit: str
) -> None:
    found = [(q.evidence.text, q.unit) for q in find_quantities(text, "a")]
    assert (written, unit) in found


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a business site's share-price move, printed between a firm's name and its verb
        ("Korvel Mining Inc. KVM -2.13% said on Monday it would cut 400 jobs.", ["400"]),
        ("Tamsin Corp. TSC 16.13% said the drug was 94.1% effective.", ["94.1%"]),
        # the story's own moves of a share or of sales stay figures, and so do a stake, a
        # bond's coupon and a tax written after a firm's name
        ("Shares of Korvel Inc. fell 2.13% on Monday.", ["2.13%"]),
        ("The head of Korvel Co. said sales rose 12.50% last year.", ["12.50%"]),
        ("It sold to Arden Holdings LLC. A 12.50% stake will pass to it.", ["12.50%"]),
        ("Velda sold its Velda Group PLC 4.25% notes.", ["4.25%"]),
        ("Prices at Korvel Inc. VAT 20.00% included rose.", ["20.00%"]),
    ],
)
def test_a_share_price_printed_beside_a_firms_ticker_is_no_figure(
    text: str, figures: list[str]
) -> None:
    assert [q.evidence.text for q in find_quantities(text, "a")] == figures


@pytest.mark.parametrize(
    "text",
    [
        "Two deckhands, ages 52 and 58, were hurt when a crane fell at the Harwick depot.",
        "The two victims, aged 19, 22 and 24, were taken to Lindale General.",
        "Between age 16 and 23, Pell was cautioned five times.",
    ],
)
def test_each_age_of_a_list_is_an_age(text: str) -> None:
    ages = [q for q in find_quantities(text, "a1") if q.value >= 10]
    assert ages and all(q.unit == "years old" for q in ages)


@pytest.mark.parametrize(
    "text", ["He was stopped on highway 61 near Lindale.", "She was booked on flight 212 home."]
)
def test_a_number_naming_a_road_or_a_route_in_lower_case_is_no_figure(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dorian Hask, who ran the Harwick docks for 30 years, died in Lindale on Monday.\nHe was 81.",
        "The singer died Thursday at 88, her spokesman said.",
        "In 1998, at the age of 42, she left the Marchmont company.",
    ],
)
def test_a_number_told_alone_after_words_of_an_age_is_an_age(text: str) -> None:
    assert [q.unit for q in find_quantities(text, "a1") if q.value in (42, 81, 88)] == ["years old"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The child died at the age of 18 months.", "months"),
        ("The final score was 85.", ""),
    ],
)
def test_a_number_with_its_noun_or_of_no_person_is_no_age(text: str, unit: str) -> None:
    # ("The child died" is a count of one of its own: only the number is looked at)
    assert [q.unit for q in find_quantities(text, "a1") if q.value in (18, 85)] == [unit]


def test_the_words_of_one_number_stay_on_one_line() -> None:
    # a headline ending in a number word over a body opening with one: two numbers, not four
    found = find_quantities("Crash kills two\n\nTwo people died.", "a1")
    assert [(q.evidence.text, q.value) for q in found] == [("two", 2.0), ("Two", 2.0)]
    assert [
        q.value for q in find_quantities("twenty-five people and one hundred and five cars", "a1")
    ] == [25.0, 105.0]
