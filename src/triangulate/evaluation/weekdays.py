"""Weekdays told with a plan or a schedule: which day a weekday's name means in a report.

Data: invented report sentences that name a day of the week, each with the day the report was
published and the calendar day a careful reader takes the weekday to mean
(``tests/evaluation/weekdays/*.jsonl``; ``kind`` is the form it is told in: a plain past, a
plan told in the present or in the past, reported speech, "last"/"next"/"this", a weekday
with a time of day...). A sentence is right when the time expression holding the weekday
has that day as its value (a time of day cut to the day).

Baselines, on the same sentences: every weekday the last one on or before the report's day
(a past-tense reading of news), and the nearest one either way.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from triangulate.core.dates import pick_weekday, weekday_number
from triangulate.readers.times import find_times


@dataclass(frozen=True)
class Told:
    """One labelled sentence."""

    published: datetime.date
    text: str
    weekday: str  # the weekday's word as written, once in the text
    date: datetime.date
    kind: str


@dataclass
class Scores:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)

    def add(self, kind: str, right: bool) -> None:
        self.total[kind] += 1
        self.right[kind] += right

    def share(self, kind: str | None = None) -> float:
        right = sum(self.right.values()) if kind is None else self.right[kind]
        total = sum(self.total.values()) if kind is None else self.total[kind]
        return right / total if total else 0.0


def load(path: Path) -> list[Told]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        rows.append(
            Told(
                datetime.date.fromisoformat(row["published"]),
                row["text"],
                row["weekday"],
                datetime.date.fromisoformat(row["date"]),
                row["kind"],
            )
        )
    return rows


def read_day(told: Told) -> datetime.date | None:
    """The day the time reader gives the weekday, None when it reads none there."""
    start = told.text.index(told.weekday)
    for time in find_times(told.text, "w", told.published):
        if time.evidence.start <= start < time.evidence.end and time.value:
            try:
                return datetime.date.fromisoformat(time.value[:10])
            except ValueError:
                return None
    return None


def last_on_or_before(told: Told) -> datetime.date:
    return pick_weekday(weekday_number(told.weekday), told.published, "past")


def nearest(told: Told) -> datetime.date:
    back = pick_weekday(weekday_number(told.weekday), told.published, "past")
    ahead = pick_weekday(weekday_number(told.weekday), told.published, "future")
    return ahead if (ahead - told.published) < (told.published - back) else back


def score(rows: list[Told], system: Callable[[Told], datetime.date | None]) -> Scores:
    scores = Scores()
    for told in rows:
        scores.add(told.kind, system(told) == told.date)
    return scores


SYSTEMS: dict[str, Callable[[Told], datetime.date | None]] = {
    "triangulate": read_day,
    "last on or before": last_on_or_before,
    "nearest": nearest,
}
