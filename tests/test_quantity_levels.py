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
