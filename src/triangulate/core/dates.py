"""Dates as people read them, and as intervals every step compares the same way.

The time reader writes what it finds as ISO 8601 / TimeML values: days ("2024-09-14"),
clock times ("2024-09-14T10:35"), weeks ("2024-W37"), week-ends ("2024-W37-WE"), months
("2024-09"), seasons ("2020-FA"), quarters ("2024-Q3"), halves ("2024-H1"), years
("2024"), decades ("198X") and centuries ("19XX"), ranges ("1991/1993", open ends
allowed), durations ("P5Y", "PT3H") and references ("PRESENT_REF"), with an optional
modifier (early, mid, late, start, end, approx, less, more, a part of the day).

:class:`DateInterval` is the one reading of those values: the first and last day a value
can mean, its granularity, a range's two ends, and the words a person reads
("the third quarter of 2024", "the late 1980s", "1991–1993"). :class:`Duration` is the
length of a duration value. :func:`value_in_words` renders any value, anchored or not;
no value code is ever shown to people.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

Date = datetime.date
_ONE_DAY = datetime.timedelta(days=1)
NIGHT_ENDS_MINUTE = 6 * 60  # the small hours a night runs into: up to 6 a.m.

# ---------------------------------------------------------------- calendar tables

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = {name[:3].lower(): number for number, name in enumerate(WEEKDAY_NAMES)}


def weekday_number(name: str) -> int:
    """Monday 0 to Sunday 6, from a weekday's name ("Tues.", "saturday")."""
    return WEEKDAYS[name.strip(".").lower()[:3]]


def pick_weekday(weekday: int, anchor: Date, direction: str | None) -> Date:
    """The day of ``weekday`` a text dated ``anchor`` means by its name alone: the next one
    on or after it when told of the future, else the last one on or before it. A plan told
    in the past ("planned": "was expected to be arraigned Wednesday") is of a day ahead
    unless that day is one or two days behind: a report written three days after a planned
    day tells whether it happened."""
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "future" or (direction == "planned" and ahead <= 4):
        return anchor + datetime.timedelta(days=ahead)
    return anchor - datetime.timedelta(days=(anchor.weekday() - weekday) % 7)


# The words of the calendar, lower-cased, months short too: a number after one is a day.
CALENDAR_WORDS = frozenset(
    {name.lower() for name in (*MONTH_NAMES, *WEEKDAY_NAMES)}
    | {name[:3].lower() for name in MONTH_NAMES}
    | {"sept"}
)
# First and last month of a season (December to February for winter, into the next year).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
SEASON_WORDS = {"SP": "spring", "SU": "summer", "FA": "fall", "AU": "autumn", "WI": "winter"}
# The month a season value starts in.
SEASON_START = {code: months[0] for code, months in SEASON_MONTHS.items()}
# TimeML's parts of the day written after a day ("1998-08-07TMO").
PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}
PARTS_OF_DAY |= {"DT": "daytime"}
# Where each part of the day falls, for ordering ("the afternoon" after "10 a.m.").
PART_OF_DAY_MINUTE = {"MO": 9 * 60, "MI": 12 * 60, "AF": 15 * 60, "EV": 19 * 60, "NI": 22 * 60}
PART_OF_DAY_MINUTE |= {"DT": 12 * 60}
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
# Modifiers that keep part of a period: early/late the first/last 40%, mid the middle half.
NARROWING = {"early", "start", "mid", "late", "end"}
# TimeML's upper-case modifiers, in the reader's words.
_TIMEML_MODS = {
    "start": "start", "mid": "mid", "end": "end", "approx": "approx", "less_than": "less",
    "equal_or_less": "less", "more_than": "more", "equal_or_more": "more", "middle": "mid",
    "beginning": "start",
}  # fmt: skip
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
)  # fmt: skip
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def month_span(year: int, month: int, months: int = 1) -> tuple[Date, Date]:
    """First and last day of ``months`` calendar months from ``month`` (may run into next year)."""
    index = year * 12 + month - 1 + months - 1
    last_year, last_month = index // 12, index % 12 + 1
    last_day = calendar.monthrange(last_year, last_month)[1]
    return Date(year, month, 1), Date(last_year, last_month, last_day)


def _narrow(start: Date, end: Date, mod: str | None) -> tuple[Date, Date]:
    """early/late keep the first/last 40% of a period, mid the middle half: early and late
    never meet, mid overlaps both. Periods under a week are kept whole."""
    length = (end - start).days
    if mod not in NARROWING or length < 6:
        return start, end
    part = datetime.timedelta(days=length * 2 // 5)
    quarter = datetime.timedelta(days=length // 4)
    if mod in {"early", "start"}:
        return start, start + part
    if mod in {"late", "end"}:
        return end - part, end
    return start + quarter, end - quarter


def normal_mod(mod: str | None) -> str | None:
    """A modifier as the reader writes it ("late", "approx"), TimeML's ("LATE", "END") too."""
    if not mod:
        return None
    lowered = mod.strip().lower()
    return _TIMEML_MODS.get(lowered, lowered) or None


# ---------------------------------------------------------------- words


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _month_name(month: int, short: bool) -> str:
    name = MONTH_NAMES[month - 1]
    return name[:3] if short else name


def _day_words(day: Date, short: bool = False, year: bool = True) -> str:
    words = f"{day.day} {_month_name(day.month, short)}"
    return f"{words} {day.year}" if year else words


def _days_words(first: Date, last: Date, short: bool = False) -> str:
    """Two days as one stretch: "14–15 September 2024", "30 November – 1 December 2024"."""
    if first == last:
        return _day_words(first, short)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_day_words(last, short)}"
    if first.year == last.year:
        return f"{_day_words(first, short, year=False)} – {_day_words(last, short)}"
    return f"{_day_words(first, short)} – {_day_words(last, short)}"


def number_in_words(amount: float) -> str:
    """Small whole numbers in words ("five"), others in figures ("22", "1.5", "1,200")."""
    if amount == int(amount):
        whole = int(amount)
        return _NUMBER_WORDS[whole] if 0 <= whole <= 10 else f"{whole:,}"
    return f"{amount:g}"


def _with_mod(words: str, granularity: str, mod: str | None) -> str:
    """A period's words with its modifier: "mid-April 2024", "the late 1980s"."""
    if mod in {"start", "end"}:
        return f"the {mod} of {words}"
    if mod in NARROWING and granularity in {"day", "time"}:  # too short to narrow
        lead = {"early": "early on", "late": "late on"}.get(mod or "", "in the middle of")
        return f"{lead} {words}"
    if mod in {"early", "mid", "late"}:
        if granularity in {"decade", "century"}:  # "the early 1980s", "the mid 20th century"
            return f"the {mod} {words.removeprefix('the ')}"
        if granularity in {"month", "year", "season"}:
            return f"mid-{words}" if mod == "mid" else f"{mod} {words}"
        lead = {"early": "early in", "mid": "in the middle of", "late": "late in"}[mod]
        return f"{lead} {words}"
    if mod in PARTS_OF_DAY.values() and granularity in {"day", "time"}:
        return f"the {mod} of {words}"
    if mod == "approx":
        return f"around {words}"
    if mod in {"before", "after", "shortly after"}:
        return f"{mod} {words}"
    return words


# ---------------------------------------------------------------- durations

_DURATION = re.compile(r"P(?:(?P<date>(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|[YQMWD]))+))?"
                       r"(?:T(?P<time>(?:(?:\d+(?:\.\d+)?|X)[HMS])+))?")  # fmt: skip
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?|X)(DE|CE|[YQMWDHS])")
_DATE_UNITS = {"Y": "year", "Q": "quarter", "M": "month", "W": "week", "D": "day"}
_DATE_UNITS |= {"DE": "decade", "CE": "century"}
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}
UNIT_DAYS = {
    "century": 36525.0, "decade": 3652.5, "year": 365.25, "quarter": 91.3125, "month": 30.44,
    "week": 7.0, "day": 1.0, "hour": 1 / 24, "minute": 1 / 1440, "second": 1 / 86400,
}  # fmt: skip
_PLURALS = {"century": "centuries"}


@dataclass(frozen=True)
class Duration:
    """A length of time: "P5Y" is five years, "PXY" some years, "PT3H" three hours."""

    parts: tuple[tuple[float | None, str], ...]  # (amount or None when unknown, unit)

    @classmethod
    def parse(cls, value: str | None) -> Duration | None:
        """The duration a "P..." value gives; None for anything else."""
        if not value:
            return None
        match = _DURATION.fullmatch(value.strip())
        if match is None or not (match["date"] or match["time"]):
            return None
        parts = [(amount, _DATE_UNITS[unit]) for amount, unit in _parts(match["date"])]
        parts += [(amount, _CLOCK_UNITS[unit]) for amount, unit in _parts(match["time"])]
        return cls(tuple(parts))

    @property
    def days(self) -> float | None:
        """The approximate length in days; None when a number is unknown ("several years")."""
        total = 0.0
        for amount, unit in self.parts:
            if amount is None:
                return None
            total += amount * UNIT_DAYS[unit]
        return total

    @property
    def unit(self) -> str:
        """The largest unit it counts in."""
        return max((unit for _, unit in self.parts), key=UNIT_DAYS.__getitem__)

    def compatible(self, other: Duration, hedged: bool = False) -> bool:
        """Equal lengths (within 1%), within 20% when either is hedged ("nearly three
        decades"); an unknown number ("several years") fits any number of the same unit."""
        mine, theirs = self.days, other.days
        if mine is None or theirs is None:
            return self.unit == other.unit
        tolerance = 0.2 if hedged else 0.01
        return abs(mine - theirs) <= tolerance * max(mine, theirs)

    def in_words(self, mod: str | None = None) -> str:
        """ "five years", "about three hours", "several months", "half a day"."""
        words = " and ".join(_amount_words(amount, unit) for amount, unit in self.parts)
        hedge = {"approx": "about", "less": "up to", "more": "more than"}.get(mod or "")
        return f"{hedge} {words}" if hedge else words


def _parts(text: str | None) -> list[tuple[float | None, str]]:
    if not text:
        return []
    return [
        (None if amount == "X" else float(amount), unit)
        for amount, unit in _DURATION_PART.findall(text)
    ]


def _amount_words(amount: float | None, unit: str) -> str:
    plural = _PLURALS.get(unit, unit + "s")
    if amount is None:
        return f"several {plural}"
    if amount == 0.5:
        return f"half an {unit}" if unit == "hour" else f"half a {unit}"
    if amount == 1:
        return f"one {unit}"
    return f"{number_in_words(amount)} {plural}"


# ---------------------------------------------------------------- intervals

_DAY = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:T(?:(\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?"
    r"|(MO|MI|AF|EV|NI|DT)))?"
)
_MONTH = re.compile(r"(\d{4})-(\d\d)(?:-XX)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d?)(?:-(WE|[1-7]))?")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_PERIOD = re.compile(r"(\d{4})-([QH])([1-4])")
_YEAR = re.compile(r"(\d{4})(?:-(?:XX|WXX|QX|HX)(?:-XX)?)?")
_DECADE = re.compile(r"(\d{3})X?")
_CENTURY = re.compile(r"(\d\d)(?:XX)?")
_OPEN_END = {"", ".."}


@dataclass(frozen=True)
class DateInterval:
    """The days a date value can mean, from ``start`` to ``end`` (both included).

    A range ("1991/1993", or a duration counted from an anchor) knows its two ends
    (``first``, ``last``; None for an open end). ``mod`` narrows the period (early, mid,
    late, start, end) or is kept for the words (approx, a part of the day).
    """

    start: Date
    end: Date
    granularity: str  # day, time, week, weekend, month, season, quarter, half, year, decade,
    # century, range (two dates) or duration (a length counted from an anchor)
    value: str
    mod: str | None = None
    first: DateInterval | None = field(default=None, compare=False)
    last: DateInterval | None = field(default=None, compare=False)
    clock: str | None = None  # "10:35" for a clock time
    length: Duration | None = field(default=None, compare=False)
    # For a clock time read with its wording (``clock_time``): the first and last minute of
    # the day it can mean, its rounding and hedge taken in ("about 10 a.m." is 9:31-10:29).
    minutes: tuple[int, int] | None = field(default=None, compare=False)

    # ------------------------------------------------------------ parsing

    @classmethod
    def parse(
        cls,
        value: str | None,
        anchor: str | Date | DateInterval | None = None,
        mod: str | None = None,
    ) -> DateInterval | None:
        """The interval of an ISO/TimeML value; None when the value names no dates.

        ``anchor`` is where a duration is counted from ("P5Y" from "2030-11" runs to
        2035-11); ``mod`` the reader's (or TimeML's) modifier.
        """
        if not value:
            return None
        return _parse(value.strip(), _anchor_interval(anchor), normal_mod(mod))

    @classmethod
    def clock_time(
        cls, value: str | None, written: str, hedge: str | None = None
    ) -> DateInterval | None:
        """A clock time ("2031-03-12T10:30", or "XXXX-XX-XXT10:30" without its day, which
        can then be any day) as the minutes it can mean, from how it is ``written`` ("10
        a.m." is rounded to the hour, "10:30" is not) and its ``hedge`` (``clock_hedge``).
        """
        found = _CLOCK_VALUE.match(value or "")
        if found is None or int(found[4]) > 23 or int(found[5]) > 59:
            return None
        try:
            start = end = Date(int(found[1]), int(found[2]), int(found[3]))
        except (TypeError, ValueError):
            if found[1] is not None:
                return None  # "2031-02-30T10:00"
            start, end = Date.min, Date.max  # no day: any day
        minute = int(found[4]) * 60 + int(found[5])
        clock = f"{found[4]}:{found[5]}"
        minutes = _clock_minutes(minute, _clock_step(written, minute), hedge)
        return cls(start, end, "time", found[0], hedge, clock=clock, minutes=minutes)

    # ------------------------------------------------------------ comparing

    @property
    def is_range(self) -> bool:
        return self.granularity in {"range", "duration"}

    @property
    def days(self) -> int:
        """How many days the interval covers."""
        return (self.end - self.start).days + 1

    @property
    def minute_of_day(self) -> int:
        """Where in its day a clock time or a part of the day falls, in minutes (the
        afternoon at 15:00); -1 for a whole day or a longer period: it comes first."""
        if self.clock:
            hours, _, minutes = self.clock.partition(":")
            if hours.isdigit() and minutes[:2].isdigit():
                return int(hours) * 60 + int(minutes[:2])
        part = self.value.rpartition("T")[2] if "T" in self.value else ""
        if part not in PART_OF_DAY_MINUTE:  # "Monday afternoon": the part kept as a modifier
            part = next((code for code, word in PARTS_OF_DAY.items() if word == self.mod), "")
        return PART_OF_DAY_MINUTE.get(part, -1)

    @property
    def sort_key(self) -> tuple[Date, int, int, str]:
        """Earlier first; at one start, the wider period first (2024 before 2024-06-12), then
        the earlier time of the day (10:00 before the afternoon)."""
        return self.start, -self.days, self.minute_of_day, self.value

    def __lt__(self, other: DateInterval) -> bool:
        return self.sort_key < other.sort_key

    def overlaps(self, other: DateInterval) -> bool:
        """Some day lies in both."""
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: DateInterval) -> bool:
        return self.start <= other.start and other.end <= self.end

    def runs_into(self, other: DateInterval) -> bool:
        """A day's night and the small hours or the morning of the next day: one night
        ("late Saturday night", "early Sunday", "1:30 a.m. Sunday"), which runs past midnight."""
        if self.mod != "night" or self.days != 1 or other.days != 1:
            return False
        if other.start != self.end + _ONE_DAY:
            return False
        if other.clock:
            return other.minute_of_day < NIGHT_ENDS_MINUTE
        return other.granularity == "day" and other.mod in (None, "morning")

    def compatible(self, other: DateInterval) -> bool:
        """Both can be true of one thing: two ranges must agree on each end (an open end
        agrees with anything), anything else must overlap."""
        if self.is_range and other.is_range:
            return _ends_agree(self.first, other.first) and _ends_agree(self.last, other.last)
        if self.minutes is not None and other.minutes is not None and self.overlaps(other):
            # two clock times on one day (or on a day not given): the minutes must meet
            return self.minutes[0] <= other.minutes[1] and other.minutes[0] <= self.minutes[1]
        return self.overlaps(other)

    # ------------------------------------------------------------ words

    def in_words(self, short: bool = False) -> str:
        """How a person reads it: "fall 2020", "the 1980s", "1991–1993", "mid-April 2024",
        "the third quarter of 2024", "the weekend of 14–15 September 2024".

        ``short`` abbreviates month names ("14 Sep 2024"), for a chart's axis.
        """
        if self.granularity == "range":
            return _range_words(self, short)
        if self.granularity == "time" and self.start == Date.min:
            return _with_mod(f"{self.clock}, day unknown", "time", self.mod)
        if self.granularity == "duration":
            assert self.length is not None and self.first is not None
            return f"{self.length.in_words(self.mod)} from {self.first.in_words(short)}"
        return _with_mod(self._plain_words(short), self.granularity, self.mod)

    def _plain_words(self, short: bool) -> str:
        """The words without the modifier, of the value's whole period (not the narrowed)."""
        whole = _parse(self.value, None, None) if self.mod in NARROWING else None
        return _PERIOD_WORDS[self.granularity](whole or self, short)


def _season_words(interval: DateInterval, short: bool) -> str:
    code, year = interval.value[5:7], interval.start.year
    if code == "WI":  # December to February: "winter 2020–21"
        return f"winter {year}–{(year + 1) % 100:02d}"
    return f"{SEASON_WORDS[code]} {year}"


def _ordinal_period(name: str, months: int) -> Callable[[DateInterval, bool], str]:
    def words(interval: DateInterval, short: bool) -> str:
        start = interval.start
        return f"the {_ORDINAL_WORDS[(start.month - 1) // months + 1]} {name} of {start.year}"

    return words


# The words of each granularity's period, from its first (and last) day.
_PERIOD_WORDS: dict[str, Callable[[DateInterval, bool], str]] = {
    "time": lambda i, short: f"{_day_words(i.start, short)}, {i.clock}",
    "day": lambda i, short: _day_words(i.start, short),
    "week": lambda i, short: f"the week of {_day_words(i.start, short)}",
    "weekend": lambda i, short: f"the weekend of {_days_words(i.start, i.end, short)}",
    "month": lambda i, short: f"{_month_name(i.start.month, short)} {i.start.year}",
    "season": _season_words,
    "quarter": _ordinal_period("quarter", 3),
    "half": _ordinal_period("half", 6),
    "year": lambda i, short: str(i.start.year),
    "decade": lambda i, short: f"the {i.start.year}s",
    "century": lambda i, short: f"the {_ordinal(i.start.year // 100 + 1)} century",
}


def _range_words(interval: DateInterval, short: bool) -> str:
    first, last = interval.first, interval.last
    if first is None and last is None:
        return "at any time"
    if first is None:
        assert last is not None
        return f"until {last.in_words(short)}"
    if last is None:
        return f"since {first.in_words(short)}"
    kinds = {first.granularity, last.granularity}
    plain = first.mod is None and last.mod is None
    if plain and kinds in ({"year"}, {"decade"}):
        return f"{first.in_words(short)}–{last.in_words(short).removeprefix('the ')}"
    if plain and kinds == {"day"}:
        return _days_words(first.start, last.start, short)
    if plain and kinds == {"month"}:
        if first.start.year == last.start.year:
            return f"{_month_name(first.start.month, short)}–{last.in_words(short)}"
        return f"{first.in_words(short)} – {last.in_words(short)}"
    return f"from {first.in_words(short)} to {last.in_words(short)}"


def _ends_agree(a: DateInterval | None, b: DateInterval | None) -> bool:
    return a is None or b is None or a.overlaps(b)


def _anchor_interval(anchor: str | Date | DateInterval | None) -> DateInterval | None:
    if anchor is None or isinstance(anchor, DateInterval):
        return anchor
    if isinstance(anchor, Date):
        return _point(anchor.isoformat(), None)
    return _point(anchor.strip(), None)


@lru_cache(maxsize=8192)
def _parse(value: str, anchor: DateInterval | None, mod: str | None) -> DateInterval | None:
    if "/" in value:
        return _range(value, mod)
    if value.startswith("P"):
        return _counted(Duration.parse(value), value, anchor, mod)
    return _point(value, mod)


def _range(value: str, mod: str | None) -> DateInterval | None:
    """ "a/b" (either end may be open, ".." or empty), or "a/P5Y" (a length from a)."""
    left, _, right = value.partition("/")
    first = None if left in _OPEN_END else _point(left, None)
    if right.startswith("P"):
        return _counted(Duration.parse(right), value, first, mod) if first else None
    last = None if right in _OPEN_END else _point(right, None)
    if (first is None and left not in _OPEN_END) or (last is None and right not in _OPEN_END):
        return None
    start = first.start if first else Date.min
    end = last.end if last else Date.max
    if start > end:
        return None
    return DateInterval(start, end, "range", value, mod, first, last)


def _counted(
    length: Duration | None, value: str, anchor: DateInterval | None, mod: str | None
) -> DateInterval | None:
    """A duration counted from its anchor: from the anchor's period to as long after it."""
    if length is None or anchor is None or length.days is None:
        return None
    shift = datetime.timedelta(days=round(length.days))
    try:  # the anchor's period as long after: no value of its own
        last = replace(anchor, start=anchor.start + shift, end=anchor.end + shift, value="")
    except OverflowError:
        return None
    return DateInterval(anchor.start, last.end, "duration", value, mod, anchor, last, None, length)


def _point(value: str, mod: str | None) -> DateInterval | None:
    """One date, week, month, season, quarter, half, year, decade or century."""
    try:
        found = _calendar_point(value)
    except (ValueError, OverflowError):
        return None  # "2024-02-30", week 53 of a 52-week year, beyond year 9999
    if found is None:
        return None
    start, end, granularity, clock = found
    if granularity == "day" and (part := _DAY.fullmatch(value)) and part[6]:
        mod = mod or PARTS_OF_DAY[part[6]]
    start, end = _narrow(start, end, mod)
    return DateInterval(start, end, granularity, value, mod, clock=clock)


_Found = tuple[Date, Date, str, str | None] | None


def _calendar_point(value: str) -> _Found:
    if match := _DAY.fullmatch(value):
        day = Date(int(match[1]), int(match[2]), int(match[3]))
        clock = f"{match[4]}:{match[5]}" if match[4] else None
        if clock and not (int(match[4]) <= 24 and int(match[5]) < 60):
            return None
        return day, day, "time" if clock else "day", clock
    if match := _MONTH.fullmatch(value):
        start, end = month_span(int(match[1]), int(match[2]))
        return start, end, "month", None
    if match := _WEEK.fullmatch(value):
        return _week(int(match[1]), int(match[2]), match[3])
    return _period(value)


def _week(year: int, week: int, part: str | None) -> _Found:
    monday = Date.fromisocalendar(year, week, 1)
    if part == "WE":
        return monday + 5 * _ONE_DAY, monday + 6 * _ONE_DAY, "weekend", None
    if part:
        day = monday + (int(part) - 1) * _ONE_DAY
        return day, day, "day", None
    return monday, monday + 6 * _ONE_DAY, "week", None


def _period(value: str) -> _Found:
    if match := _SEASON.fullmatch(value):
        first, last = SEASON_MONTHS[match[2]]
        start, end = month_span(int(match[1]), first, last - first + 1)
        return start, end, "season", None
    if match := _PERIOD.fullmatch(value):
        size, number = (3, "quarter") if match[2] == "Q" else (6, "half")
        if number == "half" and int(match[3]) > 2:
            return None
        start, end = month_span(int(match[1]), (int(match[3]) - 1) * size + 1, size)
        return start, end, number, None
    return _coarse(value)


def _coarse(value: str) -> _Found:
    if match := _YEAR.fullmatch(value):
        year = int(match[1])
        return Date(year, 1, 1), Date(year, 12, 31), "year", None
    if match := _DECADE.fullmatch(value):
        decade = int(match[1]) * 10
        return Date(max(decade, 1), 1, 1), Date(decade + 9, 12, 31), "decade", None
    if match := _CENTURY.fullmatch(value):
        century = int(match[1]) * 100
        return Date(max(century, 1), 1, 1), Date(century + 99, 12, 31), "century", None
    return None


# ---------------------------------------------------------------- clock times

_CLOCK_VALUE = re.compile(r"(?:(\d{4})-(\d\d)-(\d\d)|XXXX-XX-XX)T(\d\d):(\d\d)")
_MINUTES_WRITTEN = re.compile(r"\d\s*[:.]\s*\d\d")
# Words right before a clock time that widen it, as a modifier: "about 1:30", "shortly
# after 10 a.m.", "nearly midnight", "before 9 p.m.".
_CLOCK_HEDGES = (
    (r"(?:shortly|just|soon|right|moments?|minutes)\s+after", "shortly after"),
    (r"(?:shortly|just|right|moments?|minutes)\s+before", "before"),
    (r"about|around|approximately|roughly|some|circa|ca\.|nearly|almost", "approx"),
    (r"after|since|past", "after"),
    (r"before|until|till|by", "before"),
)  # fmt: skip
_LAST_MINUTE = 24 * 60 - 1


def clock_hedge(before: str) -> str | None:
    """The modifier the words right before a clock time give it ("about" -> approx)."""
    for words, mod in _CLOCK_HEDGES:
        if re.search(rf"\b(?:{words})\s*$", before[-40:], re.IGNORECASE):
            return mod
    return None


def _clock_step(written: str, minute: int) -> int:
    """How far a written clock time is rounded: a bare hour ("10 a.m.") to the hour, ":00"
    and ":30" to the half hour, ":15" and ":45" to the quarter, else to five minutes or one."""
    if not _MINUTES_WRITTEN.search(written):
        return 60
    for step in (30, 15, 5):
        if minute % step == 0:
            return step
    return 1


def _clock_minutes(minute: int, step: int, hedge: str | None) -> tuple[int, int]:
    """The minutes a rounded, hedged clock time can mean. A value rounded to a step stands
    for less than half a step either way, hedged or not ("3:30" may be 3:33; "about 1:00" and
    "about 1:30" never meet); "10:57" is that minute; before/after open one side."""
    half = max(step // 2 - 1, 0)
    if hedge in (None, "approx"):
        return max(minute - half, 0), min(minute + half, _LAST_MINUTE)
    if hedge == "shortly after":
        return minute, min(minute + 59, _LAST_MINUTE)
    if hedge == "after":
        return minute, _LAST_MINUTE
    if hedge == "before":
        return 0, minute
    return minute, minute


# ---------------------------------------------------------------- any value


_UNANCHORED = re.compile(r"XXXX(-.*)?")


def value_in_words(
    value: str | None, mod: str | None = None, anchor: str | Date | DateInterval | None = None
) -> str:
    """Any value the time reader emits, as people read it: dates, durations ("about five
    years"), references ("now") and values it could not anchor ("12 June, year unknown")."""
    if not value:
        return "an unknown date"
    mod = normal_mod(mod)
    if value in REFERENCES:
        return REFERENCES[value]
    interval = DateInterval.parse(value, anchor, mod)
    if interval is not None:
        return interval.in_words()
    length = Duration.parse(value)
    if length is not None:
        return length.in_words(mod)
    if "/" in value:
        first, _, last = value.partition("/")
        return f"from {value_in_words(first)} to {value_in_words(last)}"
    return _unanchored_words(value, mod)


def _unanchored_words(value: str, mod: str | None) -> str:
    """A value without its year ("XXXX-06-12"): the words of the rest, said to lack it."""
    match = _UNANCHORED.fullmatch(value)
    rest = match[1] if match else None
    if not rest:
        return "an unspecified date"
    if clock := re.fullmatch(r"-XX-XXT(\d\d):(\d\d).*", rest):
        return f"{clock[1]}:{clock[2]}, day unknown"
    stand_in = DateInterval.parse(f"2000{rest}", mod=mod)  # 2000 has a 29 February
    if stand_in is None:
        return "an unspecified date"
    return _STAND_IN_YEAR.sub("", stand_in.in_words()) + ", year unknown"


_STAND_IN_YEAR = re.compile(r"(?: of)? 2000(?:–01)?\b")


def day_of(iso: str | None) -> Date | None:
    """The day an ISO date or time stamp names ("2031-05-12", "2031-05-12T08:00"), if any."""
    try:
        return Date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def given_publication(published: str | None, inferred: bool) -> str | None:
    """The publication date an article's publisher gives (ISO); None when undated or when
    the date is ingest's guess from the text."""
    return None if inferred or not published else published


def publisher_day(published: str | None, inferred: bool) -> Date | None:
    """The day an article's publisher dates it; None when undated or the date is a guess."""
    return day_of(given_publication(published, inferred))


def values_compatible(
    first: str | None, first_mod: str | None, second: str | None, second_mod: str | None
) -> bool:
    """Whether two values can refer to the same time: dates and ranges as intervals,
    durations by length (hedged ones within 20%), year-less values by what they give."""
    if not first or not second:
        return False
    lengths = Duration.parse(first), Duration.parse(second)
    if lengths[0] is not None or lengths[1] is not None:
        if lengths[0] is None or lengths[1] is None:
            return False
        hedged = normal_mod(first_mod) is not None or normal_mod(second_mod) is not None
        return lengths[0].compatible(lengths[1], hedged)
    if "XXXX" in first or "XXXX" in second:
        return _year_less_compatible(first, second)
    a, b = DateInterval.parse(first, mod=first_mod), DateInterval.parse(second, mod=second_mod)
    if a is None or b is None:
        return first == second
    return a.overlaps(b) or a.runs_into(b) or b.runs_into(a)


def _year_less_compatible(first: str, second: str) -> bool:
    """A year-less value ("XXXX-06-12") agrees with any value sharing its month (and day)."""
    pattern_a, pattern_b = (re.escape(v).replace("XXXX", r"\d{4}") for v in (first, second))
    return re.match(pattern_a, second) is not None or re.match(pattern_b, first) is not None


# Where a publication date was found (``Article.published_how``), in words.
PUBLICATION_HOW = {
    "given": "given with the article",
    "html-meta": "the page's metadata",
    "html-time": "a time stamp in the page",
    "url": "the page's address",
    "htmldate": "the page's markup",
    "htmldate-guess": "dates in the page",
    "dateline": "the article's dateline",
    "inferred-from-text": "the latest date the text mentions",
    "file-name": "the file's name",
}


def publication_how_in_words(how: str | None) -> str | None:
    """Where a publication date came from, as people read it."""
    return PUBLICATION_HOW.get(how, "the article") if how else None


def shown_publication_date(published: str | None, inferred: bool) -> str | None:
    """A publication date as shown to people: a guess is marked as one."""
    if published and inferred:
        return f"{published} (inferred)"
    return published


# ---------------------------------------------------------------- datelines

# A wire lead's dateline: where and when the report was filed, then a dash ("TALMOUTH,
# March 11 (Harbor City Herald) -", "Port Ellis, Mar. 4, 2031 —", "TALMOUTH (Sentinel) -",
# "PORT HALLISON - ").
# Its date is the report's, not a time the report tells of.
LEAD_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Za-z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,3},[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}"
    r"(?:,?[ \t]+\d{4})?[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?"
    # or a place in capitals, the agency if any, undated: "TALMOUTH (National Sentinel) -",
    # "PORT HALLISON - " (a dash set apart: "UK-based" is no dateline)
    # (each word two capitals, then capitals, stops or apostrophes: one way to read a word,
    # where "two or more capitals, then more" read a run of n capitals n ways, and a line of
    # capitals words took time growing sevenfold a word)
    r"|[A-Z]{2}[A-Z.']*(?:[ ,]+[A-Z]{2}[A-Z.']*)*"
    # a state written short after the place: "WEST ORLO, Fla. -", "DUNMERE, N.Y. -"
    r"(?:,[ \t]+(?:[A-Z][a-z]{1,5}\.|[A-Z]\.[A-Z]\.))?"
    r"(?:[ \t]*\([^()\n]{1,60}\))?[ \t]+)"
    r"[-\u2013\u2014]{1,2}[ \t]*(?=[A-Z\"\u201c'\u2018])",
    re.MULTILINE,
)


def lead_datelines(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the wire datelines opening lines of ``text``."""
    return [match.span() for match in LEAD_DATELINE.finditer(text)]
