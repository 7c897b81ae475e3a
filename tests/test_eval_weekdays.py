"""The gate on weekdays of plans and schedules: floors pinned from the figures in
docs/benchmarks.md ("Weekdays of plans and schedules"); a regression of the time reader's
tense reading fails here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from triangulate.evaluation import weekdays

FOLDER = Path(__file__).parent / "evaluation" / "weekdays"
# measured 0.898 and 0.783 (reader 63); the floors leave a sentence or two of room
FLOORS = {"dev": 0.88, "test": 0.77}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_reader_names_the_day_a_weekday_means(name: str) -> None:
    rows = weekdays.load(FOLDER / f"{name}.jsonl")
    reader = weekdays.score(rows, weekdays.read_day).share()
    nearest = weekdays.score(rows, weekdays.nearest).share()
    assert reader >= FLOORS[name]
    assert reader >= nearest + 0.1  # well above the nearest weekday, either way


def test_the_labels_are_days_of_their_weekday_near_the_report() -> None:
    for name in FLOORS:
        for told in weekdays.load(FOLDER / f"{name}.jsonl"):
            assert told.text.count(told.weekday) == 1
            assert told.date.strftime("%A") == told.weekday.capitalize()
            assert abs((told.date - told.published).days) <= 9


def test_the_baselines_read_the_report_day_as_told() -> None:
    thursday, friday = date(2031, 4, 24), date(2031, 4, 25)
    told = weekdays.Told(thursday, "He is due in court Friday.", "Friday", friday, "present")
    assert weekdays.last_on_or_before(told) == date(2031, 4, 18)
    assert weekdays.nearest(told) == friday
    assert weekdays.read_day(told) == friday
