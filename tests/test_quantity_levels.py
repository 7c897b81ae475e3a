"""Figures read with the parse: a level a count has reached, the part a count is of, a
number that describes a noun, halves and quarters, and numbers that count nothing."""

from __future__ import annotations

import pytest

from triangulate.models import Quantity
from triangulate.nlp.language import load_nlp
from triangulate.readers.quantities import find_quantities


def read(text: str) -> list[Quantity]:
    return find_quantities(text, "x", load_nlp()(text))


def counted(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in read(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the toll and its level far apart: no window of characters reaches
        (
            "The death toll from last weekend's devastating landslide in the hill village of "
            "Quenby Cross has risen to nine, officials said on Monday.",
            9.0,
        ),
        ("The number of people killed in the landslide rose to six on Sunday.", 6.0),
        ("The number of people killed in the landslide rose to 6 on Sunday.", 6.0),
        ("The number of missing stood at 13 on Tuesday evening.", 13.0),
        ("The toll reached 30 by nightfall.", 30.0),
        ("Searchers found two more bodies, raising the toll to 14.", 14.0),
    ],
)
def test_a_level_a_toll_has_reached_counts_people(text: str, value: float) -> None:
    assert (value, "people") in counted(text)


def test_a_level_counts_the_plural_noun_it_is_the_level_of() -> None:
    text = "Twelve more branches will shut, bringing total closures to roughly 150."
    assert counted(text) == [(12.0, "branches"), (150.0, "closures")]


def test_a_toll_of_another_kind_counts_no_people() -> None:
    assert counted("The motorway toll rose to 12 on Monday.") == [(12.0, "")]


@pytest.mark.parametrize("parse", [True, False])
def test_a_part_counts_the_noun_of_its_whole(parse: bool) -> None:
    text = "The chain said it would shut 65 of its 310 pharmacies."
    found = read(text) if parse else find_quantities(text, "x")
    assert [(q.value, q.unit) for q in found] == [(65.0, "pharmacies"), (310.0, "pharmacies")]


def test_one_of_a_whole_stays_no_count() -> None:
    assert counted("One of the four climbers was airlifted.") == [(4.0, "climbers")]


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge"),
    [
        ("The lake rose by almost six and a half feet overnight.", 6.5, "feet", "almost"),
        ("Three and a half million euros went missing.", 3.5e6, "euros", None),
        ("The climb took two and a quarter hours.", 2.25, "hours", None),
        ("The fence is four and three-quarters metres high.", 4.75, "metres", None),
        ("The drive took 5 and a half days.", 5.5, "days", None),
        ("Half a million visitors came.", 5e5, "visitors", None),
    ],
)
def test_halves_and_quarters_add_to_the_whole(
    text: str, value: float, unit: str, hedge: str | None
) -> None:
    (found,) = read(text)
    assert (found.value, found.unit, found.hedge) == (value, unit, hedge)


def test_the_whole_hyphened_to_the_noun_its_part_counts_is_no_count_of_the_verb() -> None:
    text = "Nineteen wagons of the 86-wagon Corlish freight train overturned."
    assert counted(text) == [(19.0, "wagons")]


def test_a_number_hyphened_to_a_noun_describing_another_keeps_that_noun() -> None:
    assert counted("A four-truck convoy left at dawn.") == [(4.0, "truck")]


def test_a_described_things_measure_keeps_its_unit() -> None:
    assert counted("Police cleared a two-mile zone around the plant.") == [(2.0, "mile")]
    assert counted("A 9-storey hotel fell. The hotel was 8 storeys high.") == [
        (9.0, "storeys"),
        (8.0, "storeys"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The merger puts both bakeries under one roof.",
        "Members of Local 217 voted to strike.",
    ],
)
def test_idioms_and_a_union_locals_number_count_nothing(text: str) -> None:
    assert read(text) == []
