"""Verbs news reports use for one happening (``data/verb_groups.json``)."""

from __future__ import annotations

import pytest

from triangulate.core.words import verbs_alike


@pytest.mark.parametrize(
    ("first", "second"),
    [("cut", "eliminate"), ("lay off", "slash"), ("shed", "axe"), ("kill", "murder")],
)
def test_verbs_of_one_happening_are_alike(first: str, second: str) -> None:
    assert verbs_alike(first, second)


@pytest.mark.parametrize(("first", "second"), [("cut", "close"), ("kill", "wound")])
def test_verbs_of_two_happenings_are_not(first: str, second: str) -> None:
    assert not verbs_alike(first, second)
