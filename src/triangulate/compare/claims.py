"""Align what different articles say about the same thing and give each claim a verdict.

Three kinds of claim are made here from the steps beside this module: statements that
several sources make (sentences aligned by ``align.py``, grouped by ``agreements.py``);
people named differently in one role, and one name spelled two ways
(``disagreements.py``); and every figure and date an article states, as a
:class:`Mention` (its value as an interval, its counted noun, its clause and sentence),
linked across sources by the question it answers (``link.py``). Linking is conservative
where it matters: two values that cannot both hold are put in one claim only when the
evidence that they answer the same question is strong.

Verdicts: ``agreed`` (values compatible given hedges and granularity), ``conflict``
(the values differ: they cannot both hold, a ``contradiction``, or a later report revises
an earlier one, an ``update`` told apart by publication dates and wording) and ``single``
(one independent source).
Copies of one wire story (``Article.duplicate_of``) count as one source.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import Any

from triangulate.compare import labels, revisions
from triangulate.compare.agreements import (
    agreement_reason,
    happenings,
    one_happening,
    statement_claims,
    without_weak_agreements,
)
from triangulate.compare.align import aligned
from triangulate.compare.clocks import clock_claims
from triangulate.compare.contrasts import contrast_claims
from triangulate.compare.disagreements import (
    name_claims,
    name_clashes,
    respelled,
    spelling_claims,
    usual_spellings,
)
from triangulate.compare.link import (
    FUTURE,
    STATE_OF_BE,
    TELLING_VERBS,
    Linker,
    LinkInput,
    age_holders,
    surnames,
    with_appositive_ages,
)
from triangulate.compare.slots import DAY_VALUE, slot_claims
from triangulate.compare.statements import Statement, saying_times, statements_of
from triangulate.compare.updates import plan_reversals
from triangulate.core.dates import (
    CALENDAR_WORDS,
    DateInterval,
    day_of,
    given_publication,
    value_in_words,
    values_compatible,
)
from triangulate.core.sources import Sources, keyed, original_of, source_name
from triangulate.core.spans import holds, split_at
from triangulate.core.words import (
    DEATH_WORDS,
    NUMBER_WORDS,
    REPORTING_VERBS,
    VEHICLE_WORDS,
    last_word,
    negated_before,
    verb_groups,
    word_set,
)
from triangulate.models import (
    Article,
    Claim,
    Evidence,
    Fact,
    Quantity,
    Reading,
    Side,
    TimeExpression,
)
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers import quantities as quantity_reader
from triangulate.readers import times as time_reader
from triangulate.readers.times import SEASON_START, month_span

SAME_ACCOUNT = 0.5  # more likely than not one account: a different name in one role there clashes
LEAD_SHARE = 0.2  # a conflict in the first fifth of an article weighs more
# An age that grew by about the years between two reports (38, then 39 a year later) is an
# update: within half a year of the elapsed time (a birthday may fall in between).
AGED_SLACK = 0.5
# A date its report's day only suggests ("on Saturday") is read on another report's day when
# the two are less than a week apart: which Saturday a report means is a guess within a week.
GUESS_REACH = 6
# A day told without its year a season or more before its report ("June 14" in a report of
# March) may be of any year: the year the reader gives it is a guess.
YEAR_GUESSED = 90
AGO = re.compile(r"\bago\b", re.IGNORECASE)

BASE_UNITS = {"length": " m", "area": " m²"}  # lengths and areas compared in metres
# Measures told with a verb of their own ("falling 60 m", "drove at 90 mph", "burned 40 km²")
MEASURE_KINDS = frozenset({"length", "speed", "area"})
# What may stand between a verb and the count it takes: white space and a hedge ("killing at
# least 23", "injuring more than 150"); the hedge's words are the quantity reader's.
COUNTING_GAP = 24
# A change told as a noun after its figure ("a 15% drop in profit", "a 4% rise"): the verb
# of the same name is the happening the figure measures.
CHANGE_NOUN = re.compile(
    r"\s+(?P<noun>drop|fall|decline|plunge|slide|rise|increase|jump|climb|gain)\b", re.I
)
COUNT_HEDGE_GAP = re.compile(
    r"\s*(?:(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|nearly|almost|"
    r"about|around|some|roughly|over|up\s+to|as\s+many\s+as|an\s+estimated)\s+)?"
)
BARE_LABELS = frozenset({"Distance", "Area", "Age", "Date", "Time of day", "Figure"})  # a kind
# A count of people labelled by what befell them ("Number of men injured", "Death toll"): it
# names a claim rather than a doer's verb does ("accused of shooting two people": "Number of
# people shot")
HARMED_LABEL = re.compile(
    rf"^(?:Number of .+ (?:{'|'.join(labels.STATE_PARTICIPLES.values())})|Death toll)$"
)
MIN_ORDINAL = date.min.toordinal()
MAX_ORDINAL = date.max.toordinal()

# General news wording, not tied to any event: signs that a figure is a running count
# that a later report may revise, and signs that an earlier report spoke of plans.
REVISION_CUES = re.compile(
    r"\b(now|so far|to date|as of|latest|updated?|revised|reached|toll|at least|"
    # a level risen to ("the toll rose to 14"), not a change told ("revenue rose 11%")
    r"(?:risen|rose|rises|climbed|increased|jumped|grown|grew) to|"
    r"has (?:been )?\w+ed|have (?:been )?\w+ed|up from|down from|"
    # "two people are still missing", "95,000 customers remained without power"
    r"still|remains?|remained|(?:fell|dropped|down) to|"
    # "fewer than the 1,150 it announced last week", "the 40 initially reported"
    r"(?:initially|originally|previously|earlier|first) (?:announced|reported|estimated|planned)|"
    r"(?:it|they|officials|police) (?:had )?(?:announced|reported|estimated|planned|said)"
    r" (?:last|earlier|previously|on \w+day)|"
    # "higher than the amount listed in its proxy", "more than the figure first given"
    r"(?:higher|lower|more|less|fewer|larger|smaller) than (?:the )?(?:amount|figure|number"
    r"|total|estimate|count) (?:\w+ )?(?:listed|reported|disclosed|given|announced|stated))\b",
    re.IGNORECASE,
)
# A participle right after a count's noun, the count a noun phrase of its own ("named the
# five people killed in the crash"; not "where 12 houses burned", whose verb it is).
PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+\s+([a-z]+ed)\b")
# A base a change is told from: "from" right before the figure, and a level the change
# reached written before it ("rose to 412 million") or a time of the base after it.
BASE_BEFORE = re.compile(r"\b(?:up\s+|down\s+)?from\s+(?:about\s+|around\s+|some\s+)?$", re.I)
CHANGED_TO = re.compile(r"\bto\s+\S*\d", re.I)
BASE_AFTER = re.compile(
    r"(?:\s+[a-z-]+){0,3}?\s+(?:a year (?:earlier|ago|before)|last (?:year|week|month|quarter)|"
    r"the (?:year|month|quarter) before|previously|in the same (?:period|quarter))\b",
    re.I,
)
# A time a figure is compared with: "more than last year", "compared with 2024", and "on
# last year" (a comparison, where "on Monday" is a date).
BASE_TIME_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+)?$", re.I
)
YEAR_BEFORE = re.compile(r"(?:last|the\s+previous|a)\s+year\b", re.I)
# A term of prison told as a duration ("P18Y"), and the words that make one a term: they must
# hold the duration itself, not merely share its sentence ("was transferred within 10 days
# from county jail", "the first 15 months of a presidency serve as a reminder"): right before
# it ("sentenced to", "must serve at least", "a term of") ...
DURATION_VALUE = re.compile(r"P(\d+(?:\.\d+)?)([YMWD])")
DURATION_UNITS = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}
TERM_BEFORE = re.compile(
    r"\b(?:sentenced(?:\s+\w+){0,3}\s+to|sentences?\s+of|terms?\s+of|serve[sd]?|serving|fac(?:es?|ing)|"
    r"given|received?|receiving)"
    r"(?:\s+(?:a|an|the|another|further|additional|up\s+to|at\s+least|more\s+than|nearly|"
    r"about|almost))*\s*$",
    re.I,
)
# ... or right after it ("18 years in prison", "a 20-year sentence", "five years behind bars").
TERM_AFTER = re.compile(
    r"^\s*(?:[-‐]?\s*(?:years?|months?|weeks?|days?)\b\s*)?(?:(?:in|of)\s+(?:\w+\s+)?"
    r"(?:prison|jail|custody|imprisonment|detention)|behind\s+bars|(?:prison\s+|jail\s+)?"
    r"(?:sentences?|terms?)\b)",
    re.I,
)
TERM_HEDGES = ("at least", "up to", "more than", "nearly", "about", "almost")
# Words of a change a later report tells ("the toll rose to 14", "now stands at"): stricter
# than REVISION_CUES, which also reads hedges and perfect tenses as revising.
RISE_VERBS = "risen|rose|rises|climbed|increased|jumped|grew"
RISEN = re.compile(rf"\b(now|so far|{RISE_VERBS}|has grown|revised|updated)\b", re.IGNORECASE)
# A count told risen to a level ("the toll rose to 14", "has climbed to 31"), not a change
# told ("revenue rose 11%": the next day's "rose 12%" is no newer count).
RISEN_TO = re.compile(rf"\b(?:{RISE_VERBS}|grown)\s+to\b", re.IGNORECASE)
# A figure its own report calls unfinished: a later one is its update, not a contradiction.
PROVISIONAL = re.compile(
    r"\b(?:early (?:results|returns|count|figures)|preliminary|provisional"
    r"|partial (?:results|count)|exit polls?|projections?|projected|first estimates?|"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per cent) of (?:the )?(?:ballots|votes|precincts)"
    r"(?: had been| were)? (?:counted|reported|in))\b",
    re.IGNORECASE,
)
PROVISIONAL_REACH = 600  # characters of a report's opening that say its count is early
PLAN_CUES = re.compile(
    r"\b(will|would|shall|expected|expects|plans?|planned|scheduled|set to|due to|"
    r"intends?|aims?|could|may|might|no plans?|is to|are to)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Dashes are not breaks: a dashed aside usually elaborates the noun before it.
CLAUSE_BREAK = re.compile(r"[,;:()\"\u201c\u201d]")
METADATA_LINE = re.compile(
    r"^\W*(last )?(updated|posted|published|modified|copyright)\b|\bposted in\b", re.IGNORECASE
)
CLOCK_TIME = re.compile(r"\b\d{1,2}\s?[:.]\s?\d{2}\s?([ap]\.?\s?m\b|[A-Z]{2,4}\b)", re.IGNORECASE)
EXPLICIT_YEAR = re.compile(r"\b\d{4}\b")
# Words for a day counted from the moment of speaking: inside a quotation, that moment is the
# speaker's, a day or so before the report, not the report's own ("Tonight, we saw anger").
# A weekday or "nine weeks ago" quoted still places the day within its week.
SPEAKERS_DAY = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    re.I,
)
# A day counted from another the text told ("four days earlier", "two weeks later"): which
# day it counts from is the reader's guess, so it is no sure side of a clash.
COUNTED_FROM_ANOTHER_DAY = re.compile(
    r"\b(?:days?|weeks?|months?|years?|hours?|nights?)\s+(?:earlier|later)$", re.IGNORECASE
)
RELATIVE_CLAUSE = re.compile(r",\s+(which|who|that)\b")
_STOP_TEXT = """a an the and or but nor of to in on at by for with from as into onto over under
up down out off about after before since until till during between among through than then
again this that these those it its their his her our your my them they he she we you i who
whom which what when where while is are was were be been being has have had do does did will
would shall should can could may might must not no so also only just very more most some any
all each both such there here first last said says say according"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_DETERMINER_TEXT = "the a an this that its their his her our these those"
DETERMINERS = frozenset(_DETERMINER_TEXT.split())
DATED_WINDOW = 4
EXPLICIT_YEAR_VALUE = re.compile(r"(\d{4})(?:$|-)")  # a time value's year: "2021", "2021-05"
# A sentence set in an earlier time by its opening words, the way background is told ("In
# February, a quake hit ...", "At the end of July, a man stole ...", "Last year, ..."): the
# news itself is dated by its day ("on Sunday"), not opened by a bare month or year.
EARLIER_FRAME = re.compile(
    r"^\W*(?:(?:in|at\s+the\s+(?:end|start|beginning)\s+of|(?:early|late)\s+in|back\s+in)\s+"
    r"(?:(?:early|late|mid)[\s-]*)?(?:(?:jan|febr)uary|march|april|may|june|july|august|september|"
    r"october|november|december|the\s+(?:spring|summer|autumn|fall|winter)|\d{4})"
    r"(?:\s*,?\s*\d{4})?|last\s+(?:year|month|spring|summer|autumn|fall|winter)|"
    r"earlier\s+this\s+year)\s*,",
    re.IGNORECASE,
)
# A sentence about a named earlier happening ("The last major quake to hit the region was in
# February, when ..."), and one that goes on about it by a pronoun ("It killed 612 people").
NAMED_EARLIER = re.compile(r"^\W*the\s+(?:last|previous|prior)\s+(?:\w+\s+){0,2}\w+\s+", re.I)
GOES_ON = re.compile(r"^\W*(?:it|they|that|this)\s+(?!(?:is|are|has|have|will)\b)", re.I)
# A date a state lasts until: "schools will stay closed through Friday".
SPAN_END_BEFORE = re.compile(r"\b(?:through|until|till)\s+(?:the\s+)?$", re.I)
# The window a record is told over, no time of the happening: "its lowest level in over six
# years", "the worst flood since 1998", "the first time in a decade"
RECORD_WINDOW_BEFORE = re.compile(
    # lower-case: "an Academy Award nomination for Best Adapted Screenplay in 2002" is dated
    r"\b(?:lowest|highest|worst|best|biggest|largest|smallest|deadliest|strongest|weakest|"
    r"fastest|slowest|steepest|sharpest|heaviest|first\s+time|"
    r"(?:most|least)\s+(?![\w-]+ly\b)[\w-]+)\b"
    r"(?:\s+[\w'-]+){0,3}?\s+(?:in|since|for)\s+(?:(?:over|more\s+than|nearly|almost|about|"
    r"some|at\s+least|the\s+(?:past|last))\s+)?$"
)
# Harms named with an "of" after them ("the stabbing of two men", "the crash of a bus"); not
# "the fall of", a season's as often
HAPPENINGS_OF = (quantity_reader.HARMFUL_HAPPENINGS - {"fall"}) | word_set(
    "killing slaying murder death disappearance beating"
)
# A happening named with its "of" after "in connection with" or "in", its phrase running on to
# a day with no comma, clause or verb between ("in the stabbing of two men outside a nightclub
# early"); not "died in a crash on Saturday", where the day is the death's too
HAPPENING_PHRASE_BEFORE = re.compile(
    r"\b(?:in\s+connection\s+with|in)\s+(?:the|a|an|last\s+\w+['’]s)\s+(?:[\w-]+\s+)?"
    rf"(?P<noun>{'|'.join(sorted(HAPPENINGS_OF, key=len, reverse=True))})\s+of"
    r"(?:\s+(?!(?:who|which|that|when|where|and|but|was|were|is|are|has|had|said)\b)"
    r"[\w.'’-]+){1,12}?\s+(?:(?:early|late|on|last)\s+)?$",
    re.I,
)
# A year or decade a noun is of ("stars of the 1940s and 1950s", "the floods of 2019"): the
# noun's time, not its clause's happening; the part of a time is the clause's ("the end of
# 2019", "the summer of 2019").
NOUN_OF_BEFORE = re.compile(
    r"\b(?P<noun>[A-Za-z]{3,})\s+of\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?"
    r"(?:\S+\s+(?:and|or|to)\s+(?:the\s+)?)?$",
    re.I,
)
_TIME_PART_TEXT = """end start beginning middle part half rest course spring summer autumn
fall winter years months weeks days decades time period"""
TIME_PART_NOUNS = frozenset(_TIME_PART_TEXT.split())

# Letters glued to a figure's last digit ("193km" of "193km/h")
GLUED_LETTERS = re.compile(r"(?<=\d)[^\W\d_]+$")


@dataclass(frozen=True)
class TimeSpan:
    """A date value as day-ordinal intervals; a range knows its two ends separately."""

    start: tuple[int, int]
    end: tuple[int, int]
    is_range: bool

    @property
    def outer(self) -> tuple[int, int]:
        return self.start[0], self.end[1]


@dataclass(frozen=True)
class Mention:
    kind: str  # "quantity" or "time"
    article: str
    source: str  # the independent source (core.sources): the original's outlet for a copy
    published: str | None
    value_evidence: Evidence
    sentence: Evidence
    value: Any
    low: float
    high: float
    unit: str
    entities: frozenset[str]
    position: float  # 0.0 at the top of the article, 1.0 at its end
    predicate: str | None = None  # the clause verb when the value is dated/counted by it
    words: frozenset[str] = frozenset()  # counted noun phrase, or words the date qualifies
    # False for a value that makes no conflict: a date read against a guessed publication
    # date, a count of one told by "a man was killed" (a report may tell its dead one by one)
    reliable: bool = True
    quantity: Quantity | None = None
    time: TimeExpression | None = None
    span: TimeSpan | None = None
    subject: str | None = None  # the clause's subject, as the fact reader named it
    fact: Fact | None = None  # the clause the value belongs to
    governor: str | None = None  # a measure's own verb ("falling 60 m"): see _governing_verb
    copy: bool = False  # the article is a copy of another one (a wire story reprinted)
    days: frozenset[int] = frozenset()  # a figure's: the days (ordinals) its clause names
    provisional: bool = False  # its report calls its count unfinished ("early results")
    revising: bool = False  # its report, beside it, tells an earlier report's other figure


# ---------------------------------------------------------------- readers' checks


def quantities_compatible(a: Quantity, b: Quantity) -> bool:
    """Both figures can hold at once, given their hedges (the quantity reader's check)."""
    return quantity_reader.compatible(a, b)


def _bounds(quantity: Quantity) -> tuple[float, float]:
    low, high = quantity.low, quantity.high
    if low == 0 and high == 0 and quantity.value:
        low = high = quantity.value
    return min(low, high), max(low, high)


def spans_compatible(a: TimeSpan, b: TimeSpan) -> bool:
    """Two dates can both hold: ranges must agree on both ends, points must overlap."""
    if a.is_range and b.is_range:
        return _overlap(a.start, b.start) and _overlap(a.end, b.end)
    return _overlap(a.outer, b.outer)


def times_compatible(a: Mention, b: Mention) -> bool:
    if a.span is None or b.span is None:
        return False
    if (a.span.is_range and b.span.is_range) or _is_duration(a) or _is_duration(b):
        return spans_compatible(a.span, b.span)
    if a.time is not None and b.time is not None:
        return time_reader.compatible(a.time, b.time) or _read_apart(a, b)
    return spans_compatible(a.span, b.span)


def _read_apart(a: Mention, b: Mention) -> bool:
    """Two dates that differ only by the days their reports were read against, which the
    dossier would otherwise tell as the sources' dispute: a day without its year that its
    report places a season or more back ("June 14" in a report of the next spring: which
    June is a guess) against a date of that month and day; or a weekday or an "N weeks ago"
    (which Saturday, which week: a guess within a week) that, read on the other report's
    day less than a week away, is the other's date and still a day its own report could
    mean. Exact words ("yesterday", "last month", "this week") are no guess: the same words
    in reports of two days still name two days; nor is a plan told again a week later
    ("will reopen on Monday"): it has slipped."""
    for guessed, known in ((a, b), (b, a)):
        assert guessed.time is not None and known.time is not None
        read = _as_read(guessed.time)
        own = day_of(guessed.published)
        if not read.guessed or own is None or FUTURE.search(guessed.sentence.text):
            continue
        told = DateInterval.parse(guessed.time.value)
        if told is not None and _of_a_guessed_year(read, told, own, known):
            return True
        anchor = day_of(known.published)
        if anchor is None or told is None or abs((anchor - own).days) > GUESS_REACH:
            continue  # "on Wednesday" in reports two months apart: two Wednesdays
        start = guessed.value_evidence.start - guessed.sentence.start
        again = DateInterval.parse(time_reader.value_read_on(guessed.sentence.text, start, anchor))
        if again is None or (again.end > own) != (told.end > own):
            continue  # "sank on Saturday" told on Wednesday: no Saturday after that Wednesday
        ahead = (again.start - own).days if told.end > own else (own - again.start).days
        if told.granularity == "day" and not 0 <= ahead < 7:
            continue  # a weekday names a day of its own report's week, not one 10 days back
        if values_compatible(again.value, guessed.time.mod, known.time.value, known.time.mod):
            return True
    return False


def _of_a_guessed_year(read: _AsRead, told: DateInterval, own: date, known: Mention) -> bool:
    """A day told without its year, placed a season or more from its report's day, against
    a date of its month and day."""
    year_less = read.words if "XXXX" in (read.words or "") else None
    if year_less is None or abs((told.start - own).days) < YEAR_GUESSED:
        return False
    assert known.time is not None
    return values_compatible(year_less, None, known.time.value, None)


@dataclass(frozen=True)
class _AsRead:
    words: str | None  # the value of its words alone (``time_reader.value_of_its_words``)
    guessed: bool  # its report's day only suggests which day or week it is


@lru_cache(maxsize=4096)
def _as_read(time: TimeExpression) -> _AsRead:
    words = time_reader.value_of_its_words(time)
    counted_back = bool(AGO.search(time.evidence.text))  # "nine weeks ago": which week, a guess
    guessed = words != time.value and (time.inferred or counted_back)
    return _AsRead(words, guessed)


def _is_duration(mention: Mention) -> bool:
    return isinstance(mention.value, str) and mention.value.startswith("P")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def mentions_compatible(a: Mention, b: Mention) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "quantity" and a.quantity is not None and b.quantity is not None:
        return quantities_compatible(a.quantity, b.quantity)
    return times_compatible(a, b)


# ---------------------------------------------------------------- ISO values


def parse_time_value(value: str | None, anchor: str | None = None) -> TimeSpan | None:
    """Day-ordinal intervals of an ISO value: day, month, year, week, season, quarter,
    decade, a range "a/b" (open ends allowed) or a duration "P5Y" counted from ``anchor``."""
    if not value:
        return None
    if value.startswith("P"):
        return _duration_span(value, anchor)
    if "/" in value:
        return _range_span(value)
    interval = _point_interval(value)
    return None if interval is None else TimeSpan(interval, interval, False)


def _range_span(value: str) -> TimeSpan | None:
    first, _, second = value.partition("/")
    start = _point_interval(first) if first not in ("", "..") else (MIN_ORDINAL, MIN_ORDINAL)
    end = _point_interval(second) if second not in ("", "..") else (MAX_ORDINAL, MAX_ORDINAL)
    if start is None or end is None:
        return None
    return TimeSpan(start, end, True)


def _duration_span(value: str, anchor: str | None) -> TimeSpan | None:
    match = re.fullmatch(r"P(\d+(?:\.\d+)?)([YMWD])", value)
    start = _point_interval(anchor) if anchor else None
    if match is None or start is None:
        return None
    days = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}[match.group(2)]
    length = round(float(match.group(1)) * days)
    return TimeSpan(start, (start[0] + length, start[1] + length), True)


def _point_interval(value: str) -> tuple[int, int] | None:
    for pattern, builder in _POINT_PARSERS:
        match = re.fullmatch(pattern, value)
        if match:
            try:
                return builder(match)
            except ValueError:
                return None
    return None


def _days(first: date, last: date) -> tuple[int, int]:
    return first.toordinal(), last.toordinal()


def _month_interval(year: int, month: int, months: int = 1) -> tuple[int, int]:
    return _days(*month_span(year, month, months))


def _week_interval(match: re.Match[str]) -> tuple[int, int]:
    first = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    return _days(first, first + timedelta(days=6))


def _season_interval(match: re.Match[str]) -> tuple[int, int]:
    return _month_interval(int(match.group(1)), SEASON_START[match.group(2)], 3)


_POINT_PARSERS: list[tuple[str, Callable[[re.Match[str]], tuple[int, int]]]] = [
    (
        r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?",
        lambda m: (lambda d: (d, d))(date(*map(int, m.groups()[:3])).toordinal()),
    ),
    (r"(\d{4})-(\d{2})", lambda m: _month_interval(int(m.group(1)), int(m.group(2)))),
    (r"(\d{4})-W(\d{2})", _week_interval),
    (r"(\d{4})-(SP|SU|FA|AU|WI)", _season_interval),
    (r"(\d{4})-Q([1-4])", lambda m: _month_interval(int(m.group(1)), 3 * int(m.group(2)) - 2, 3)),
    (r"(\d{4})", lambda m: _days(date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31))),
    (
        r"(\d{3})X?",
        lambda m: _days(date(int(m.group(1)) * 10, 1, 1), date(int(m.group(1)) * 10 + 9, 12, 31)),
    ),
]


# ---------------------------------------------------------------- mentions


def _values_of(fact: Fact) -> list[Quantity | TimeExpression]:
    return [*fact.times, *fact.quantities]


def _facts_with_leftovers(reading: Reading) -> list[Fact]:
    """The reading's facts, plus one fact per sentence for values no fact carries."""
    facts = list(reading.facts)
    covered = {(v.evidence.start, v.evidence.end) for f in facts for v in _values_of(f)}
    leftovers: dict[int, list[Quantity | TimeExpression]] = {}
    values: list[Quantity | TimeExpression] = [*reading.quantities, *reading.times]
    for value in values:
        if (value.evidence.start, value.evidence.end) in covered:
            continue
        sentence = _sentence_index(reading, value.evidence)
        if sentence is not None:
            leftovers.setdefault(sentence, []).append(value)
    for index, in_sentence in sorted(leftovers.items()):
        facts.append(_fact_for_values(reading.sentences[index].evidence, in_sentence))
    return facts


def _sentence_index(reading: Reading, evidence: Evidence) -> int | None:
    for index, sentence in enumerate(reading.sentences):
        if holds(sentence.evidence, evidence):
            return index
    return None


def _fact_for_values(sentence: Evidence, values: list[Quantity | TimeExpression]) -> Fact:
    quantities = tuple(v for v in values if isinstance(v, Quantity))
    times = tuple(v for v in values if isinstance(v, TimeExpression))
    return Fact(evidence=sentence, times=times, quantities=quantities)


def _clause_words(text: str, start: int, end: int, count: int, before: bool) -> list[str]:
    """Up to ``count`` words next to a span, not crossing a comma or similar break."""
    # ", which lasted from ..." still qualifies the noun before the comma.
    piece = RELATIVE_CLAUSE.sub(r" \1", text[start:end])
    parts = CLAUSE_BREAK.split(piece)
    clause = parts[-1] if before else parts[0]
    words = WORD.findall(clause)
    return words[-count:] if before else words[:count]


def stem(word: str) -> str:
    """A crude stem: lower case, plural and common verb endings removed."""
    lowered = word.lower().replace("’", "'").removesuffix("'s")
    return normalise_unit(lowered)


def _content_stems(words: Iterable[str]) -> frozenset[str]:
    kept = set()
    for word in words:
        lowered = word.lower()
        if lowered in STOP_WORDS or any(ch.isdigit() for ch in word) or _is_calendar_word(lowered):
            continue
        kept.add(stem(word))
    return frozenset(kept)


_CALENDAR = re.compile(
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow|year|month|week|day|"
    r"morning|evening|night|early|late|mid"
)


def _is_calendar_word(lowered: str) -> bool:
    return bool(_CALENDAR.fullmatch(lowered))


def normalise_unit(unit: str) -> str:
    """Counted noun reduced to a comparable head: lower case, last word, singular."""
    words: list[str] = WORD.findall(unit.lower())
    if not words:
        return ""
    head = words[-1]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith(("sses", "xes", "ches", "shes")):
        return head[:-2]
    if head.endswith("s") and not head.endswith(("ss", "us")) and len(head) > 3:
        return head[:-1]
    return head


def _unit_phrase(text: str, quantity: Quantity, sentence: Evidence) -> frozenset[str]:
    """Stems of the counted noun phrase: the words from the figure up to its counted noun."""
    head = normalise_unit(quantity.unit)
    following = _clause_words(text, quantity.evidence.end, sentence.end, 5, before=False)
    phrase = []
    for position, word in enumerate(following):
        phrase.append(word)
        if stem(word) == head:
            return _content_stems(phrase + _members_of(following[position + 1 :], head))
    return _content_stems(WORD.findall(quantity.unit))


def _members_of(after: list[str], head: str) -> list[str]:
    """ "a 1,400-strong team of rescuers": a group counted by its members."""
    if head in quantity_reader.COLLECTIVE_NOUNS and after[:1] == ["of"] and len(after) > 1:
        return after[1:2]
    return []


def _predicate(fact: Fact) -> str | None:
    if not fact.predicate:
        return None
    return fact.predicate.lower()


def _governing_verb(quantity: Quantity, reading: Reading, lemmas: Mapping[str, str]) -> str | None:
    """The lemma of the verb a measure (a distance, a speed, an area) is the measure of: the
    innermost clause holding it whose verb comes before it ("killed after falling 200 ft" ->
    "fall", "drove home at 90 mph" -> "drive"). The clause verb of the fact may be another
    happening's ("died", "was killed") while the measured one is the same."""
    if quantity_reader.unit_kind(quantity.unit) not in MEASURE_KINDS:
        return _counting_verb(quantity, reading, lemmas)
    value = quantity.evidence
    holding = [
        event
        for event in reading.events
        if event.clause.start <= value.start
        and value.end <= event.clause.end
        and event.evidence.end <= value.start
    ]
    if not holding:
        return None
    innermost = min(holding, key=lambda event: event.clause.end - event.clause.start)
    return _verb_lemma(innermost.evidence.text, lemmas)


def _verb_lemma(verb: str, lemmas: Mapping[str, str]) -> str | None:
    """An event word as a lemma, its particle kept ("pulled out" -> "pull out")."""
    words = verb.lower().split()
    return " ".join([lemmas.get(words[0], words[0]), *words[1:]]) if words else None


def _counting_verb(quantity: Quantity, reading: Reading, lemmas: Mapping[str, str]) -> str | None:
    """The lemma of the verb whose object a count is, written right before it but for a
    hedge ("..., killing at least 23 people", "a day after the quake killed 29 people"): the
    happening counted, where the sentence's own verb is another ("struck", "pulled"); or the
    change a noun right after it names ("reported a 15% drop in profit": "drop"), or the
    participle after its noun when the count is named or told ("the five people killed",
    "listed 57 barns destroyed": "destroy"). None for a verb of saying ("said 23 people
    died": the count is the dying's)."""
    value = quantity.evidence
    for event in reading.events:
        clause, verb = event.clause, event.evidence
        if not clause.start <= value.start < value.end <= clause.end:
            continue
        change = CHANGE_NOUN.match(clause.text, value.end - clause.start)
        if change is not None:  # "a 15% drop in profit": the change is the happening
            return change.group("noun").lower()
        named = clause.text[: value.start - clause.start].endswith(("the ", "The ", "those "))
        # "assessors have listed 57 barns destroyed", "reported 14 people injured": the
        # telling's object, right after it, is the count of the destroyed, of the injured
        # (not "said the van was driven ..., where 12 houses burned")
        telling = _right_after(verb, value, clause) and (
            _verb_lemma(verb.text, lemmas) in TELLING_VERBS
        )
        told = (
            PARTICIPLE_AFTER.match(clause.text, value.end - clause.start)
            if named or telling
            else None
        )
        lemma = _verb_lemma(told.group(1), lemmas) if told is not None else None
        if lemma and verb_groups(lemma):
            return lemma  # "named the five people killed in the crash": the killing's count
        if not event.reporting and _right_after(verb, value, clause):
            return _verb_lemma(verb.text, lemmas)
    return None


def _right_after(verb: Evidence, value: Evidence, clause: Evidence) -> bool:
    """Whether a value is written right after a verb, but for a hedge ("confirmed at least
    41")."""
    if not clause.start <= verb.end <= value.start:
        return False
    gap = clause.text[verb.end - clause.start : value.start - clause.start]
    return len(gap) <= COUNTING_GAP and COUNT_HEDGE_GAP.fullmatch(gap) is not None


def _quantity_mention(
    article: Article,
    source: str,
    fact: Fact,
    quantity: Quantity,
    position: float,
    governor: str | None = None,
) -> Mention:
    low, high = _bounds(quantity)
    text = article.text
    return Mention(
        kind="quantity",
        article=article.id,
        source=source,
        published=article.published,
        value_evidence=quantity.evidence,
        sentence=fact.evidence,
        value=_plain_number(quantity.value),
        low=low,
        high=high,
        unit=normalise_unit(quantity.unit),
        entities=frozenset(fact.entities),
        position=position,
        predicate=_copula_state(fact, quantity) or _predicate(fact),
        words=_unit_phrase(text, quantity, fact.evidence),
        reliable=not quantity_reader.told_one_by_one(quantity),
        quantity=quantity,
        subject=fact.subject,
        fact=fact,
        governor=governor,
        days=_days_named(fact, article),
    )


# A year a record is counted from, right before it: "the highest since the great flood of 1987"
SINCE_BEFORE = re.compile(r"\bsince\s+(?:[\w'-]+\s+){0,5}$", re.I)
# Verbs the fact reader may give a clause whose happening is the verb after "to" ("3,000
# people had to leave their homes", "were forced to flee")
OBLIGING_VERBS = frozenset({"have", "force", "compel", "oblige"})
OBLIGED_TO = re.compile(
    r"(?:\s+[\w'-]+){0,4}?\s+(?:(?:had|has|have)|(?:were|was|are|is|been)\s+"
    r"(?:forced|compelled|obliged))\s+to\s+(?P<passive>(?:be|get)\s+)?(?P<verb>[a-z]+)\b"
)


def _obliged_verb(fact: Fact, quantity: Quantity, lemmas: Mapping[str, str]) -> str | None:
    """The verb after "to" when a figure's clause is "had to" or "were forced to" do it:
    "some 3,000 people had to leave their homes" -> "leave" (a base form: its lemma); "had
    to be evacuated" -> "evacuate"."""
    if (fact.predicate or "").lower() not in OBLIGING_VERBS:
        return None
    told = OBLIGED_TO.match(fact.evidence.text, quantity.evidence.end - fact.evidence.start)
    if told is None:
        return None
    return _verb_lemma(told.group("verb"), lemmas) if told.group("passive") else told["verb"]


# A count of people that is a passive verb's agent: "a rally joined by some 300 people", "a
# petition signed by 40,000 residents" (the hedge is the count's own word)
AGENT_BEFORE = re.compile(r"\b(?P<verb>[a-z]+(?:ed|en))\s+by\s+(?:an?\s+(?:estimated\s+)?)?$")
# A place sized by the people living in it, the place named before: "Harwick, a village of
# some 900 residents"
POPULATION_BEFORE = re.compile(
    r"(?P<place>\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s+(?:a|an|the)\s+(?:[a-z]+\s+)?"
    r"(?:town|city|village|hamlet|community|suburb|borough|county|island|nation|country"
    r"|state|province|region|district|parish|municipality|neighbou?rhood)\s+of\s+"
    r"(?:an?\s+(?:estimated\s+)?|some\s+)?$"
)


def _agent_verb(fact: Fact, quantity: Quantity, lemmas: Mapping[str, str]) -> str | None:
    """The verb a count of people does when it is the verb's agent: "a rally joined by some
    300 people" -> "join", whatever the sentence's own verb ("spoke at a rally joined by
    ...")."""
    if not _counts_people(quantity):
        return None
    before = fact.evidence.text[: quantity.evidence.start - fact.evidence.start]
    told = AGENT_BEFORE.search(before)
    return _verb_lemma(told.group("verb"), lemmas) if told is not None else None


# A share told as how far a state holds: "was 3% contained", "is 41 percent contained"
DEGREE_COPULA = re.compile(
    r"\b(?:is|was|are|were|been|be)\s+(?:(?:about|around|nearly|almost|only|just|now)\s+)?$",
    re.I,
)
DEGREE_PARTICIPLE = re.compile(r"\s+([a-z]+ed)\b")
# ... or by the noun of the state opening its sentence: "Containment stood at 12 percent"
DEGREE_NOUNS = {"containment": "contain", "completion": "complete", "occupancy": "occupy"}
DEGREE_NOUN = re.compile(
    rf"\W*(?:the\s+)?(?P<noun>{'|'.join(DEGREE_NOUNS)})"
    r"(?:\s+of\s+(?P<of>(?:the\s+)?(?:[\w'-]+\s+){1,4}?))?\s*"
    r"(?:stood|stands|was|is|reached|remained|rose|grew|climbed)\s+"
    r"(?:at\s+|to\s+)?(?:(?:about|around|nearly|almost|only|just)\s+)?$",
    re.I,
)


def _degree_verb(fact: Fact, quantity: Quantity, lemmas: Mapping[str, str]) -> str | None:
    """The verb of the state a share measures the degree of ("was 3% contained", "is 41
    percent contained": "contain"); fires, clean-ups and works are told so day by day, each
    day's share another answer to one question."""
    if normalise_unit(quantity.unit) != "percent":
        return None
    sentence = fact.evidence
    start, end = quantity.evidence.start - sentence.start, quantity.evidence.end - sentence.start
    participle = DEGREE_PARTICIPLE.match(sentence.text, end)
    if participle is None or DEGREE_COPULA.search(sentence.text[:start]) is None:
        return None
    lemma = _verb_lemma(participle.group(1), lemmas)
    return None if lemma is None or lemma in REPORTING_VERBS else lemma


def _degree_noun(article: Article, fact: Fact, quantity: Quantity) -> tuple[str, str | None] | None:
    """(verb, subject) of a share told by the noun of a state opening its sentence
    (``DEGREE_NOUNS``: "Containment of the fire stood at 12 percent": "contain", "the fire"):
    what it holds of is the subject, not the noun (a bare "Containment" has none)."""
    if normalise_unit(quantity.unit) != "percent":
        return None
    told = DEGREE_NOUN.match(article.text, fact.evidence.start, quantity.evidence.start)
    if told is None:
        return None
    return DEGREE_NOUNS[told.group("noun").lower()], (told.group("of") or "").strip() or None


def _population(fact: Fact, quantity: Quantity) -> str | None:
    """ "live in <place>" for a count of people sizing a named place ("Harwick, a village of
    some 900 residents"): the place's population, not a count of the sentence's
    happening."""
    before = fact.evidence.text[: quantity.evidence.start - fact.evidence.start]
    sized = POPULATION_BEFORE.search(before)
    if sized is None or not _counts_people(quantity):
        return None
    return f"live in {sized.group('place').lower()}"


def _counts_people(quantity: Quantity) -> bool:
    return quantity_reader.counts_people(last_word(quantity.unit))


def _verb_before_semicolon(
    fact: Fact, quantity: Quantity, reading: Reading, lemmas: Mapping[str, str]
) -> str | None:
    """The verb of a figure's own clause when a semicolon ends it and the fact reader took the
    next clause's verb: "3,140 residents were evacuated from their homes; 640 remain in
    emergency accommodation" -> "evacuate" for 3,140 (the parser hangs the first clause on the
    second's verb)."""
    sentence, value = fact.evidence, quantity.evidence
    cut = sentence.text.find(";", value.end - sentence.start)
    if cut < 0 or not fact.predicate:
        return None
    cut += sentence.start
    after = [
        event
        for event in reading.events
        if cut < event.evidence.start < sentence.end
        and _verb_lemma(event.evidence.text, lemmas) == fact.predicate.lower()
    ]
    holding = [
        event
        for event in reading.events
        if event.clause.start <= value.start
        and value.end <= event.clause.end <= cut
        and sentence.start <= event.evidence.start
        and not event.reporting
    ]
    if not after or not holding:
        return None
    innermost = min(holding, key=lambda event: event.clause.end - event.clause.start)
    verb = _verb_lemma(innermost.evidence.text, lemmas)
    denied = negated_before(sentence.text[: innermost.evidence.start - sentence.start])
    return f"not {verb}" if verb and denied else verb  # "did not reach 12 hikers until ..."


# Words after "be" that tell no state of what is counted ("were among", "was not", "were two")
NOT_A_STATE = STOP_WORDS | frozenset(NUMBER_WORDS)


def _copula_state(fact: Fact, quantity: Quantity) -> str | None:
    """What "be" says of the people a figure counts: "2.5 million people were eligible to
    vote" -> "be eligible", so they are not taken for the 2.44 million who "cast their ballots".
    None when the figure is not the subject's or "be" is followed by no word of a state
    ("was 12", "were in hospital")."""
    if (fact.predicate or "").lower() != "be" or not fact.subject or not fact.object:
        return None
    if quantity.evidence.text not in fact.subject:
        return None
    first = fact.object.split()[0]
    if not first.isalpha() or not first.islower() or first in NOT_A_STATE:
        return None
    return f"{STATE_OF_BE}{first}"


def _days_named(fact: Fact, article: Article) -> frozenset[int]:
    """The single days a clause names ("on Tuesday", "June 3, 2031"), each dated reliably
    (``_reliably_dated``)."""
    days = set()
    for time in fact.times:
        if not time.anchored or not time.value or not _reliably_dated(time, article):
            continue
        span = parse_time_value(time.value)
        if span is not None and not span.is_range and span.outer[0] == span.outer[1]:
            days.add(span.outer[0])
    return frozenset(days)


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _anchor_for(time: TimeExpression, fact: Fact, said: Collection[int] = ()) -> str | None:
    """The date a duration of the clause is counted from ("deployed in November 2020 for five
    years"): another time of the clause, never the day of a saying ("whose career spanned 30
    years, her family said on Tuesday" does not run from Tuesday)."""
    for other in fact.times:
        if other is time or not other.value or other.value.startswith("P"):
            continue
        if other.evidence.start not in said:
            return other.value
    return None


def _is_adjectival(text: str, sentence: Evidence, value: Evidence) -> bool:
    """ "the 2011-2013 drought": the date qualifies the noun after it, not the clause verb."""
    before = _clause_words(text, sentence.start, value.start, 1, before=True)
    after = _clause_words(text, value.end, sentence.end, 1, before=False)
    return (
        bool(before and after)
        and before[0].lower() in DETERMINERS
        and after[0].lower() not in STOP_WORDS
    )


def _noun_of(time: TimeExpression, sentence: Evidence) -> str | None:
    """The noun a year or decade is "of" ("stars of the 1940s"): what it dates, if any."""
    if time.granularity not in ("year", "decade"):
        return None
    found = NOUN_OF_BEFORE.search(split_at(sentence, time.evidence)[0][-40:])
    if found is None:
        return None
    noun = found.group("noun").lower()
    return None if noun in STOP_WORDS or noun in TIME_PART_NOUNS else noun


def _happening_dated(time: TimeExpression, sentence: Evidence) -> str | None:
    """The happening a day closes the phrase of, after "in connection with" or "in" it:
    "arrested a suspect in connection with the stabbing of two men outside a nightclub early
    Saturday" dates the stabbing, not the arrest."""
    found = HAPPENING_PHRASE_BEFORE.search(split_at(sentence, time.evidence)[0])
    return found.group("noun").lower() if found is not None else None


def _dated_words(text: str, sentence: Evidence, value: Evidence) -> frozenset[str]:
    """Content words right next to a date in its clause: what the date is the date of."""
    if _is_adjectival(text, sentence, value):
        return _content_stems(_clause_words(text, value.end, sentence.end, 1, before=False))
    before = _clause_words(text, sentence.start, value.start, DATED_WINDOW, before=True)
    after = _clause_words(text, value.end, sentence.end, DATED_WINDOW, before=False)
    return _content_stems([*before, *after])


def _reliably_dated(time: TimeExpression, article: Article) -> bool:
    """Explicit years, or relative dates resolved against a known publication date."""
    if _year_written(time):
        return True
    if COUNTED_FROM_ANOTHER_DAY.search(time.evidence.text):
        return False  # "his firing four days earlier": counted from a day the reader guessed
    # a day written without its year ("May 8", "on Saturday") read against a publication
    # date the source gives is as sure as the report: the year or week is the reader's
    # pick only where the report's own date is a guess. A bare clock time's day is the
    # reader's guess from the sentences around it.
    if time.inferred and time.granularity != "day":
        return False
    return given_publication(article.published, article.published_inferred) is not None


def _year_written(time: TimeExpression) -> bool:
    """The time's year is written in it: four digits that are its value's year, not a clock
    time told in four figures ("struck at 1353 (1023 GMT)")."""
    written = EXPLICIT_YEAR.findall(time.evidence.text)
    return bool(written) and (time.value or "")[:4] in written


def _resolved_value(time: TimeExpression, span: TimeSpan, anchor: str | None) -> str:
    """The ISO value, a duration counted from its anchor turned into a range."""
    assert time.value is not None
    if not time.value.startswith("P") or anchor is None:
        return time.value
    return f"{anchor}/{date.fromordinal(span.end[0]).isoformat()[: len(anchor)]}"


def _time_mention(
    article: Article,
    source: str,
    fact: Fact,
    time: TimeExpression,
    position: float,
    quoted: bool = False,
    said: Collection[int] = (),
) -> Mention | None:
    """``quoted``: the time is inside a direct quotation, whose "tonight" or "yesterday" is
    the day its speaker spoke on, which the report need not give: no sure side of a clash.
    ``said``: where the article's days of a saying start (`statements.saying_times`)."""
    if not time.anchored or not time.value:
        return None
    before = split_at(fact.evidence, time.evidence)[0]
    if RECORD_WINDOW_BEFORE.search(before[-80:]):
        return None  # "its lowest level since 2003" does not date the fall
    anchor = _anchor_for(time, fact, said)
    span = parse_time_value(time.value, anchor)
    if span is None:
        return None
    text = article.text
    adjectival = _is_adjectival(text, fact.evidence, time.evidence)
    noun = _noun_of(time, fact.evidence) or _happening_dated(time, fact.evidence)
    # "will stay closed through Friday": the end of a state, not the day of a happening
    ending = SPAN_END_BEFORE.search(before[-12:])
    return Mention(
        kind="time",
        article=article.id,
        source=source,
        published=article.published,
        value_evidence=time.evidence,
        sentence=fact.evidence,
        value=_resolved_value(time, span, anchor),
        low=float(span.outer[0]),
        high=float(span.outer[1]),
        unit="range" if span.is_range else "point",
        entities=frozenset(fact.entities),
        position=position,
        predicate=None if adjectival or ending or noun else _predicate(fact),
        # "stars of the 1940s" dates the stars: the words of the clause are not its own
        words=frozenset({stem(noun)}) if noun else _dated_words(text, fact.evidence, time.evidence),
        reliable=_reliably_dated(time, article)
        and not (quoted and SPEAKERS_DAY.search(time.evidence.text) is not None),
        time=time,
        span=span,
        fact=fact,
    )


def collect_mentions(articles: Sequence[Article], readings: Sequence[Reading]) -> list[Mention]:
    """Every usable figure and date of every article, in article then text order."""
    by_id = {reading.article: reading for reading in readings}
    articles_by_id = {article.id: article for article in articles}
    found_in: list[tuple[list[Mention], frozenset[int] | None]] = []
    read: list[tuple[Article, Reading]] = []  # each article as its mentions were read
    for article in articles:
        reading = by_id.get(article.id)
        if reading is None:
            continue
        if not article.published and reading.published:
            article = replace(
                article, published=reading.published, published_inferred=reading.published_inferred
            )
        original = original_of(article, articles_by_id)
        found = _article_mentions(article, source_name(original), reading)
        found = [m for m in found if not _of_another_incident(m, reading)]
        if original is not article:
            found = [replace(m, copy=True) for m in found]
        found_in.append((found, _incident_days(found, reading, article)))
        read.append((article, reading))
    # a follow-up whose lead tells no day of harm has its incident's, as most reports tell it
    told = Counter(days for _, days in found_in if days)
    most = max(told, key=lambda days: (told[days], -min(days)), default=None)
    mentions: list[Mention] = []
    for (article, reading), (found, days) in zip(read, found_in, strict=True):
        mentions.extend(_without_other_incidents(found, days or most, article, reading))
    return _without_hurt_inferred_beside_a_death(mentions)


def _without_hurt_inferred_beside_a_death(mentions: list[Mention]) -> list[Mention]:
    """The mentions, less the counts of the hurt inferred from "was shot" in a report telling
    no death (``Quantity.harm_inferred``) when another report counts a death: the shot may be
    the dead ("A man was shot Friday night" in one report, "A man was shot and killed Friday
    night" in the next), and the reports that count the hurt beside the dead say so."""
    if not any(m.quantity is not None and m.quantity.harm_inferred for m in mentions):
        return mentions
    if not any(_harm_counted(m) == "kill" for m in mentions):
        return mentions
    return [m for m in mentions if not _hurt_inferred(m)]


def _looks_like_metadata(sentence: str) -> bool:
    """Bylines and time stamps ("Updated 4/9/2007 6:04 PM", "AGENCY Nov 12, 2011, 05.")
    state no claim."""
    if METADATA_LINE.search(sentence):
        return True
    if len(sentence.split()) < 12 and bool(CLOCK_TIME.search(sentence)):
        return True
    words = WORD.findall(sentence)
    return any(c.isdigit() for c in sentence) and not any(
        _a_word_of_prose(word, first=at == 0) for at, word in enumerate(words)
    )


def _a_word_of_prose(word: str, first: bool) -> bool:
    """Not a word a time stamp is made of: a month, a weekday, a clock's letters, a stamp's
    label, or, first, an agency's code in capitals ("AP", "TNN"); "919 OPS, 203 HR" is a
    line of figures, not a stamp."""
    if word.isdigit() or (first and word.isupper() and len(word) <= 5):
        return False
    lowered = word.lower().rstrip(".")
    return lowered not in STAMP_WORDS and lowered not in CALENDAR_WORDS


# The words of a time stamp besides months and weekdays (``CALENDAR_WORDS``)
STAMP_WORDS = word_set(
    """a p m am pm on at by updated posted published last modified edt est cdt cst mdt mst pdt
    pst gmt utc bst cet cest ist et pt today yesterday tomorrow year month week day morning
    evening night early late mid"""
)


def _article_mentions(article: Article, source: str, reading: Reading) -> list[Mention]:
    found: dict[tuple[str, int, int], Mention] = {}
    length = max(len(article.text), 1)
    facts = [f for f in _facts_with_leftovers(reading) if not _looks_like_metadata(f.evidence.text)]
    time_spans = [(t.evidence.start, t.evidence.end) for f in facts for t in f.times]
    lemmas = dict(reading.lemmas)  # once per article: each measure's verb is looked up in it
    said = saying_times(reading)
    quoted_spans = [
        (q.evidence.start, q.evidence.end) for q in reading.quotes if q.kind == "direct"
    ]
    revised_in: set[int] = set()  # sentences (their starts) telling an earlier report's figure
    for fact in facts:
        position = fact.evidence.start / length
        for quantity in fact.quantities:
            if _inside_any(quantity.evidence, time_spans):
                continue  # "five years" is read as a duration, not as a count
            if _a_base(quantity, fact):
                continue  # "rose to 412 million from 349 million a year earlier": the base
            if _counts_the_tellers(_text_around(article.text, quantity.evidence)):
                continue  # "two people familiar with the matter said": who told it
            if revisions.told_as_earlier_in(fact.evidence, quantity.evidence):
                revised_in.add(fact.evidence.start)
                continue  # "not the roughly $12,000 first reported": an earlier report's
            governor = _governing_verb(quantity, reading, lemmas)
            mention = _quantity_mention(article, source, fact, quantity, position, governor)
            own_verb = (
                _obliged_verb(fact, quantity, lemmas)
                or _verb_before_semicolon(fact, quantity, reading, lemmas)
                or _agent_verb(fact, quantity, lemmas)
                or _population(fact, quantity)
                or _degree_verb(fact, quantity, lemmas)
            )
            if own_verb is not None:
                mention = replace(mention, predicate=own_verb)
            nominal = _degree_noun(article, fact, quantity)
            if nominal is not None:
                mention = replace(mention, predicate=nominal[0], subject=nominal[1])
            found.setdefault(("quantity", quantity.evidence.start, quantity.evidence.end), mention)
        for time in fact.times:
            if time.evidence.start in said:
                continue  # "killed two people, officials said on Wednesday": the saying's day
            if _a_base_time(time, fact):
                continue  # "$3 billion more than last year": what it is compared with
            term = _prison_term(time, fact)
            if term is not None:  # "sentenced to 18 years in prison": a length, not a date
                mention = _quantity_mention(article, source, fact, term, position)
                found.setdefault(("quantity", term.evidence.start, term.evidence.end), mention)
                continue
            quoted = _inside_any(time.evidence, quoted_spans)
            time_mention = _time_mention(article, source, fact, time, position, quoted, said)
            if time_mention is not None:
                found.setdefault(("time", time.evidence.start, time.evidence.end), time_mention)
    if PROVISIONAL.search(f"{article.title or ''}\n{article.text[:PROVISIONAL_REACH]}"):
        found = {key: replace(m, provisional=True) for key, m in found.items()}
    if revised_in:
        found = _mark_revising(found, revised_in, reading)
    return sorted(found.values(), key=lambda m: (m.value_evidence.start, m.kind))


# The sentences of a report's lead, which tell the day of its own incident's harm
INCIDENT_LEAD = 3
# A death told alone ("died Tuesday"): perhaps the late end of the incident's own harm
DEATH_ALONE = re.compile(rf"\b(?:{DEATH_WORDS})\b", re.IGNORECASE)


def _incident_days(
    found: Sequence[Mention], reading: Reading, article: Article
) -> frozenset[int] | None:
    """The days of the first harm a report's lead tells with a day, its own incident's: by a
    count ("Two men were wounded early Saturday") or by an act alone ("A 19-year-old was shot
    early Saturday": "shot" counts the hurt only where the report tells no death), not another
    incident's (see :func:`quantity_reader.told_of_another_incident`)."""
    lead_end = _lead_end(reading)
    counts = [m for m in found if m.value_evidence.start < lead_end and _harm_counted(m) in HARMED]
    for sentence in reading.sentences[:INCIDENT_LEAD]:
        told = sentence.evidence
        for mention in counts:
            if told.start <= mention.value_evidence.start < told.end:
                days = _days_of_harm(mention, article, reading)
                if days:
                    return days
        days = _days_of_a_lead_act(told, article, reading)
        if days:
            return days
    return None


# The words of a harm done at one moment, on one day, told as an event of its own clause; a
# vehicle's or a gun's with their particle ("run over", "gunned down"), or struck by one ("hit
# by a car"; not "hit by flooding", a harm of days, nor "struck a deal")
LEAD_ACTS = quantity_reader.HARM_PARTICIPLES
LEAD_ACTS_WITH_PARTICLE = frozenset({"run over", "gunned down", "mowed down"})
STRUCK_BY_A_VEHICLE = re.compile(
    rf"\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{VEHICLE_WORDS}|bullet)s?\b",
    re.IGNORECASE,
)


def _a_lead_act(word: Evidence, told: Evidence) -> bool:
    """Whether an event's ``word`` in the sentence ``told`` is a harm done at one moment."""
    written = " ".join(word.text.lower().split())
    if written.split()[0] in LEAD_ACTS or written in LEAD_ACTS_WITH_PARTICLE:
        return True
    after = word.end - told.start
    return written in ("struck", "hit") and STRUCK_BY_A_VEHICLE.match(told.text, after) is not None


def _days_of_a_lead_act(told: Evidence, article: Article, reading: Reading) -> frozenset[int]:
    """The day of the first harm the sentence ``told`` tells by its event word with a time of
    its own clause, not another incident's ("A 16-year-old was shot early Saturday"; not the
    day of "charged Friday" in "A man who police say shot two people was charged Friday")."""
    for event in reading.events:
        word = event.evidence
        if not told.start <= word.start < told.end or event.time is None:
            continue
        if not _a_lead_act(word, told):
            continue
        if quantity_reader.told_of_another_incident(told.text, word.start - told.start):
            continue
        day = _day_told(event.time, article)
        if day is not None:
            return frozenset({day})
    return frozenset()


def _days_of_harm(mention: Mention, article: Article, reading: Reading) -> frozenset[int]:
    """The days the sentence of a count names, each dated reliably, a time of day as its day
    ("shortly before midnight Saturday"; the sentence's: the clause the fact reader gave the
    count may have left its time to another)."""
    return _days_in(mention.sentence, article, reading)


def _days_in(sentence: Evidence, article: Article, reading: Reading) -> frozenset[int]:
    """The days ``sentence`` names, each dated reliably or named (see :func:`_day_told`)."""
    days = (
        _day_told(time, article)
        for time in reading.times
        if sentence.start <= time.evidence.start < sentence.end
    )
    return frozenset(day for day in days if day is not None)


def _day_told(time: TimeExpression, article: Article) -> int | None:
    """The day (an ordinal) ``time`` names, dated reliably or named (see :func:`_a_day_told`);
    None for a month, a year, a week, a season (a week's value is no date, though
    ``date.fromisoformat`` reads "2031-W20" as its Monday)."""
    if not time.anchored or not time.value or not _a_day_told(time, article):
        return None
    if not DAY_VALUE.match(time.value):
        return None
    try:
        return date.fromisoformat(time.value[:10]).toordinal()
    except ValueError:
        return None


def _a_day_told(time: TimeExpression, article: Article) -> bool:
    """Dated reliably (``_reliably_dated``), or a day named by a weekday or a month with a
    time of day ("midnight Saturday"), read against a publication date the source gives."""
    if _reliably_dated(time, article):
        return True
    named = not CALENDAR_WORDS.isdisjoint(WORD.findall(time.evidence.text.lower()))
    return named and given_publication(article.published, article.published_inferred) is not None


def _lead_tells_a_death_alone(found: Sequence[Mention], reading: Reading) -> bool:
    """Whether a count of the lead tells a death alone ("A man died Tuesday, ten days after
    he was shot"): the day of the report's incident is then its harm's late end, and the
    harm itself, with an arrest for it, may come days before."""
    lead_end = _lead_end(reading)
    return any(
        m.sentence.start < lead_end and _harm_counted(m) == "kill" and _told_dying(m) for m in found
    )


def _without_other_incidents(
    found: Sequence[Mention], own: frozenset[int] | None, article: Article, reading: Reading
) -> list[Mention]:
    """A report's counts of the dead and the hurt, left out where their clause tells the harm
    on another day than ``own``, its incident's: another incident's, told in passing ("two
    blocks from where a teenager was killed Sept. 9" in a report of a shooting on Saturday;
    days two or more apart, but for a death told alone after the incident's day, which may
    be the late end of its own harm). Counts of the arrested stay when told days after the
    incident (an arrest comes later), not days before it ("the same complex where police
    arrested a man on Sept. 24", in a report of a shooting on Oct. 3), unless the lead tells
    a death alone (the incident's day may then be later than its harm's)."""
    if not own:
        return list(found)
    arrests = not _lead_tells_a_death_alone(found, reading)
    return [m for m in found if not _of_another_day(m, own, article, reading, arrests)]


def _of_another_incident(mention: Mention, reading: Reading) -> bool:
    """A count of the dead or the hurt told where the report places its incident against
    another ("The shooting came two hours after a man was killed outside a lounge", "two
    blocks from where a man was killed 10 days earlier"), or in the next sentence of some of
    them ("One of them died six days later"): the other's, whatever its day."""
    if mention.kind != "quantity":
        return False
    start = mention.value_evidence.start - mention.sentence.start
    # the cues first: a few patterns, where the harm's label reads the whole sentence
    text = mention.sentence.text
    placed = quantity_reader.told_of_another_incident(text, start, _told_dying(mention))
    if not placed and quantity_reader.SOME_OF_THEM.match(text):
        previous = _sentence_before(reading, mention.sentence.start)
        placed = quantity_reader.continues_another_incident(text, previous)
    return placed and _harm_counted(mention) in HARMED


def _sentence_before(reading: Reading, start: int) -> str:
    """The text of the reading's sentence that ends last before ``start``, else ""."""
    ends = [s.evidence.end for s in reading.sentences]
    index = bisect.bisect_right(ends, start) - 1
    return reading.sentences[index].evidence.text if index >= 0 else ""


def _of_another_day(
    mention: Mention, own: frozenset[int], article: Article, reading: Reading, arrests: bool
) -> bool:
    if mention.kind != "quantity":
        return False
    spans = [(day, day) for day in _days_of_harm(mention, article, reading)]
    spans = spans or _periods_of_harm(mention, article, reading)
    if not spans or not all(_days_from(span, mine) >= 2 for span in spans for mine in own):
        return False
    harm = _harm_counted(mention)
    if harm == "arrest":
        return arrests and max(end for _, end in spans) < min(own)
    if harm not in HARMED:
        return False
    return not (_told_dying(mention) and min(start for start, _ in spans) > max(own))


# Periods a count's sentence may be told in, when it names no day ("Last month, a teen was
# killed outside a skating rink", in a report of a shooting this month)
HARM_PERIODS = frozenset({"week", "month"})


def _periods_of_harm(mention: Mention, article: Article, reading: Reading) -> list[tuple[int, int]]:
    """The weeks and months the sentence of a count names (first and last day, ordinals),
    each read against a publication date the source gives."""
    sentence = mention.sentence
    periods = []
    for time in reading.times:
        if not sentence.start <= time.evidence.start < sentence.end:
            continue
        if time.granularity not in HARM_PERIODS or not time.anchored:
            continue
        interval = DateInterval.parse(time.value) if _reliably_dated(time, article) else None
        if interval is not None:
            periods.append((interval.start.toordinal(), interval.end.toordinal()))
    return periods


def _days_from(span: tuple[int, int], day: int) -> int:
    """How many days ``day`` lies outside ``span`` (first and last day; 0 within it)."""
    return max(span[0] - day, day - span[1], 0)


HARMED = ("kill", "injure")


def _harm_counted(mention: Mention) -> str | None:
    if mention.quantity is None:
        return None
    sentence = mention.sentence
    quantity = mention.quantity
    return labels.harm_counted(
        sentence.text, sentence.start, quantity.evidence, quantity.unit, quantity.harm_inferred
    )


DYING_REACH = 80  # characters after the count


def _told_dying(mention: Mention) -> bool:
    """Whether the count's own clause tells a death alone ("A 20-year-old man died Monday at
    the hospital"), not the harm that led to it."""
    sentence = mention.sentence
    start = mention.value_evidence.end - sentence.start
    after = sentence.text[start : start + DYING_REACH]
    end = quantity_reader.CLAUSE_END.search(after)
    return bool(DEATH_ALONE.search(after[: end.start()] if end else after))


def _lead_end(reading: Reading) -> int:
    """Where the report's lead (its first ``INCIDENT_LEAD`` sentences) ends."""
    sentences = reading.sentences
    if len(sentences) <= INCIDENT_LEAD:
        return sentences[-1].evidence.end if sentences else 0
    return sentences[INCIDENT_LEAD].evidence.start


def _mark_revising(
    found: dict[tuple[str, int, int], Mention], revised_in: set[int], reading: Reading
) -> dict[tuple[str, int, int], Mention]:
    """A report's figures in a sentence that revises an earlier report's, or just before one
    ("The officer fired five times. Police had earlier said ... four shots."), revise; its
    dates do not (the day the earlier figure was told is no revised date)."""
    starts = [s.evidence.start for s in reading.sentences]
    revising = set(revised_in)
    for index, start in enumerate(starts[1:], 1):
        if start in revised_in:
            revising.add(starts[index - 1])
    return {
        key: replace(m, revising=True)
        if m.kind == "quantity" and m.sentence.start in revising
        else m
        for key, m in found.items()
    }


# A count of those a report is told by, not of anyone the event involves: "two people
# familiar with the matter said", "..., three senior officials have confirmed", "according to
# three unnamed sources".
TELLERS_AFTER = re.compile(
    r"\s*(?:(?![\w’'-]+ing\s)[\w.’'-]+\s+){0,3}?"  # "former U.S.", not "carrying"
    r"(?:people|persons|sources|officials|aides|individuals)\b"
    r"(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
# What marks the people counted as a report's unnamed sources, right after them
UNNAMED_SOURCES = re.compile(
    r"\s*(?:familiar\s+with|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|"
    r"speaking\s+on\s+(?:the\s+)?condition|"
    r"who\s+(?:asked|requested|spoke\s+on\s+(?:the\s+)?condition)\b)",
    re.IGNORECASE,
)
# An attribution closing its sentence ("..., three officials said on Tuesday."): with a comma
# before the count, so that "About 200 people said they had lost their homes" keeps its 200
ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:have\s+|had\s+)?(?:said|say|says|told\s+\w+|confirmed)\b[^,;:]{0,30}$",
    re.IGNORECASE,
)
ATTRIBUTED_BEFORE = re.compile(r"(?:,|[”\"’'])\s*(?:at\s+least\s+)?$")
ACCORDING_TO_BEFORE = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
# A sentence's end: not the point of an initial ("U.S. officials")
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?=\s|$)")


def _text_around(text: str, value: Evidence) -> tuple[str, str]:
    """A few words before a value and the rest of its sentence after it."""
    after = text[value.end : value.end + 120]
    end = SENTENCE_END.search(after)
    return text[max(0, value.start - 40) : value.start], after[: end.start()] if end else after


def _counts_the_tellers(around: tuple[str, str]) -> bool:
    """The figure counts the unnamed people a report is told by ("two people familiar with
    the matter"): how many told it is no fact of the event, and a second outlet naming
    another number of its own sources is no disagreement."""
    before, after = around
    tellers = TELLERS_AFTER.match(after)
    if tellers is None:
        return False
    rest = tellers.group("rest")
    if ACCORDING_TO_BEFORE.search(before) or UNNAMED_SOURCES.match(rest):
        return True
    return bool(ATTRIBUTED_BEFORE.search(before) and ATTRIBUTION_AFTER.match(rest))


def _a_base(quantity: Quantity, fact: Fact) -> bool:
    """A figure a change is told from ("rose to 412 million euros from 349 million euros a
    year earlier", "down from 38,000 last week"): the earlier level, not this report's."""
    before, after = split_at(fact.evidence, quantity.evidence)
    if not BASE_BEFORE.search(before):
        return False
    return bool(CHANGED_TO.search(before) or BASE_AFTER.match(after))


def _a_base_time(time: TimeExpression, fact: Fact) -> bool:
    """A time a figure is compared with ("$3 billion more than last year", "an increase of
    $3 billion on last year"), not the date of a happening ("from 1988 to 1994" is one)."""
    before, _ = split_at(fact.evidence, time.evidence)
    if BASE_TIME_BEFORE.search(before[-30:]):
        return True
    return bool(re.search(r"\bon\s+$", before[-5:])) and bool(YEAR_BEFORE.match(time.evidence.text))


def _prison_term(time: TimeExpression, fact: Fact) -> Quantity | None:
    """A duration a clause of sentencing or prison gives ("sentenced to 18 years in
    prison", "must serve at least 12 years"): the term as a figure, in its unit."""
    found = DURATION_VALUE.fullmatch(time.value or "")
    if found is None or not _term_words_hold(fact.evidence, time.evidence):
        return None
    amount = float(found.group(1))
    unit = DURATION_UNITS[found.group(2)]
    hedge = next((h for h in TERM_HEDGES if time.evidence.text.lower().startswith(h)), None)
    low, high = quantity_reader.hedged_interval(hedge, amount, amount)
    return Quantity(time.evidence, amount, unit, hedge, low, high)


def _a_prison_term(mention: Mention) -> bool:
    """A length of time told with words of sentencing or prison ("sentenced to 18 years")."""
    quantity = mention.quantity
    if quantity is None or quantity_reader.unit_kind(quantity.unit) != "duration":
        return False
    return _term_words_hold(mention.sentence, quantity.evidence)


def _term_words_hold(sentence: Evidence, duration: Evidence) -> bool:
    """Whether words of sentencing or prison hold this duration in its sentence: "sentenced to
    18 years", "18 years in prison", not "transferred within 10 days from county jail"."""
    before, after = split_at(sentence, duration)
    return bool(TERM_BEFORE.search(before[-40:]) or TERM_AFTER.match(after))


def _inside_any(evidence: Evidence, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= evidence.start and evidence.end <= end for start, end in spans)


# ---------------------------------------------------------------- linking


def _default_encoder() -> TextEncoder:
    from triangulate.nlp.encoder import load_encoder

    return load_encoder()


# ---------------------------------------------------------------- verdicts


@dataclass(frozen=True)
class _Group:
    """Mentions of one claim that give the same reading of the value."""

    mentions: tuple[Mention, ...]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.mentions))

    @property
    def sources(self) -> set[str]:
        return {m.source for m in self.mentions}


def _reading_key(mention: Mention) -> tuple[Any, ...]:
    # "A man", "an 81-year-old man": one reading, "one (a man)"
    written = _one_person(mention) or " ".join(mention.value_evidence.text.lower().split())
    if mention.kind == "quantity":
        return (round(mention.low, 6), round(mention.high, 6), written)
    return (mention.value, written)


def _groups(members: Sequence[Mention]) -> list[_Group]:
    by_reading: dict[tuple[Any, ...], list[Mention]] = {}
    for mention in members:
        by_reading.setdefault(_reading_key(mention), []).append(mention)
    groups = [_Group(tuple(found)) for found in by_reading.values()]
    return sorted(groups, key=lambda g: (-len(g.sources), _date_key(g), g.first.position))


def _date_key(group: _Group) -> str:
    dates = [m.published for m in group.mentions if m.published]
    return min(dates) if dates else "9999"


@dataclass(frozen=True)
class ArticleNames:
    """How reasons name articles: the outlet when known, else the id."""

    labels: dict[str, str]

    @classmethod
    def of(cls, articles: Iterable[Article]) -> ArticleNames:
        return cls({a.id: a.outlet or a.id for a in articles})

    def name(self, article: str) -> str:
        return self.labels.get(article, article)

    def names(self, articles: Iterable[str]) -> str:
        return ", ".join(self.name(a) for a in articles)


def _is_update(earlier: _Group, later: _Group) -> bool:
    """A later report revising an earlier one: dates ordered and wording of a change."""
    if not _reported_later(earlier, later):
        return False
    if _aged_since(earlier.first, later.first) or _of_a_later_day(earlier, later):
        return True
    if _floor_passed(earlier, later):
        return True
    later_revises = any(
        m.revising or REVISION_CUES.search(_sentence_text(m)) for m in later.mentions
    )
    if all(m.provisional for m in earlier.mentions):
        return True  # "with 40% of ballots counted", "early results": a count not yet final
    earlier_planned = any(PLAN_CUES.search(_sentence_text(m)) for m in earlier.mentions)
    later_planned = any(PLAN_CUES.search(_sentence_text(m)) for m in later.mentions)
    # a plan, then what was done ("will cut 1,150 jobs", then "cut 850 jobs"); two plans told
    # two ways are two accounts, unless the later one says it revises
    return later_revises or (earlier_planned and not later_planned)


# Hedges that give only a floor ("at least 12 homes", "more than 300 firefighters"): what was
# known then, which a later count above it passes rather than contradicts.
FLOOR_HEDGES = frozenset({"at least", "more than", "well over", "-plus"})


def _floor_passed(earlier: _Group, later: _Group) -> bool:
    """The earlier report gives only a floor and the later one a count at or above it
    ("at least 12 homes destroyed", two days later "31 homes were destroyed"): the count has
    grown past what was known; no contradiction (the caller checks the reports' order)."""
    floors = [m.quantity for m in earlier.mentions]
    counts = [m.quantity for m in later.mentions]
    if any(
        q is None or quantity_reader.HEDGE_KIND.get(q.hedge or "") not in FLOOR_HEDGES
        for q in floors
    ):
        return False
    highest_floor = max(q.value for q in floors if q is not None)
    return all(q is not None and q.low >= highest_floor for q in counts)


def _a_rising_count(clashes: Sequence[tuple[_Group, _Group]], members: Sequence[Mention]) -> bool:
    """A count each later report gives higher, where one report tells it risen to a level
    or beside an earlier report's figure ("27 homes, up from 12 reported on Sunday"; two
    days later "31 homes were destroyed"): the count of a happening still under way, told at
    three moments, not three accounts of one. Not a change told ("revenue rose 11%", then
    "rose 12%")."""
    if members[0].kind != "quantity":
        return False
    if not any(m.revising or RISEN_TO.search(_sentence_text(m)) for m in members):
        return False
    return all(
        _reported_later(earlier, later) and later.first.low > earlier.first.low
        for earlier, later in clashes
    )


def _reported_later(earlier: _Group, later: _Group) -> bool:
    """Every report of the later group is of a later day than every one of the earlier."""
    earlier_dates = [m.published for m in earlier.mentions]
    later_dates = [m.published for m in later.mentions]
    if None in earlier_dates or None in later_dates:
        return False
    return max(d for d in earlier_dates if d) < min(d for d in later_dates if d)


def _newer_count(groups: Sequence[_Group]) -> tuple[_Group, _Group] | None:
    """Two readings that can both hold, the later report telling a change ("killed at least
    9 people", then "the death toll rose to 14"): the later is the newer count."""
    if len(groups) != 2 or groups[0].first.kind != "quantity":
        return None
    earlier, later = _ordered(groups[0], groups[1])
    if not _reported_later(earlier, later) or _written_alike(earlier, later):
        return None
    risen = any(m.revising or RISEN.search(_sentence_text(m)) for m in later.mentions)
    return (earlier, later) if risen or _of_a_later_day(earlier, later) else None


def _written_alike(earlier: _Group, later: _Group) -> bool:
    """One figure written two ways ("6 percent", "6%"), the same number and hedge, or the
    same number told more surely ("about $8.1 billion", then "$8.1 billion"): told again,
    whatever verb of change tells it, not a newer count."""
    first, second = earlier.first.quantity, later.first.quantity
    if first is None or second is None:
        return False
    if _figure_as_written(first) == _figure_as_written(second):
        return True
    return second.value == first.value and first.low <= second.low <= second.high <= first.high


def _figure_as_written(quantity: Quantity) -> tuple[float, str | None, float, float]:
    return quantity.value, quantity.hedge, quantity.low, quantity.high


def _own_revision(groups: Sequence[_Group]) -> tuple[_Group, _Group] | None:
    """One outlet's two reports, the later revising the earlier's figure ("now expects to
    cut 1,800 jobs, more than the 1,200 it announced"): (earlier, later)."""
    earlier, later = _ordered(groups[0], groups[1])
    if earlier.first.kind != "quantity" or not _reported_later(earlier, later):
        return None
    return (earlier, later) if any(m.revising for m in later.mentions) else None


def _of_a_later_day(earlier: _Group, later: _Group) -> bool:
    """Each report's figure is told of a day its own clause names, the later report's of a
    later day ("5 percent contained on Tuesday", then "10 percent on Wednesday"): two
    moments of one thing, not two accounts of one."""
    quantity = earlier.first.quantity
    if quantity is None or quantity_reader.unit_kind(quantity.unit) == "age":
        return False  # an age does not move in days (a year on: ``_aged_since``)
    before, after = _days_told(earlier), _days_told(later)
    return bool(before and after) and max(before) < min(after)


def _days_told(group: _Group) -> set[int]:
    return {day for mention in group.mentions for day in mention.days}


def _aged_since(earlier: Mention, later: Mention) -> bool:
    """One person's age given again a year or more later, grown by the years between the
    reports (38, then 39 a year on): the later report is newer, not contrary."""
    if earlier.quantity is None or later.quantity is None or not earlier.published:
        return False
    if quantity_reader.unit_kind(earlier.quantity.unit) != "age" or not later.published:
        return False
    try:
        years = (date.fromisoformat(later.published) - date.fromisoformat(earlier.published)).days
    except ValueError:
        return False
    grown = later.low - earlier.low
    return grown > 0 and abs(grown - years / 365.25) < AGED_SLACK


def _sentence_text(mention: Mention) -> str:
    return mention.sentence.text


def _ordered(a: _Group, b: _Group) -> tuple[_Group, _Group]:
    return (a, b) if _date_key(a) <= _date_key(b) else (b, a)


def _incompatible_pairs(groups: Sequence[_Group]) -> list[tuple[_Group, _Group]]:
    found = []
    for index, a in enumerate(groups):
        for b in groups[index + 1 :]:
            if not mentions_compatible(a.first, b.first):
                found.append(_ordered(a, b))
    return found


def _format_number(value: float) -> str:
    if abs(value) >= 1e15:
        return "unbounded"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _format_day(ordinal: int) -> str:
    if ordinal <= MIN_ORDINAL or ordinal >= MAX_ORDINAL:
        return "open"
    return date.fromordinal(ordinal).isoformat()


def _interval_text(mention: Mention) -> str:
    if mention.kind == "quantity":
        low, high, unit = mention.low, mention.high, ""
        kind = quantity_reader.unit_kind(mention.quantity.unit) if mention.quantity else ""
        if mention.quantity is not None and kind in BASE_UNITS:
            (low, high), unit = quantity_reader.in_base_unit(mention.quantity), BASE_UNITS[kind]
            low, high = round(low), round(high)
        if low == high:
            return _format_number(low) + unit
        return f"{_format_number(low)}-{_format_number(high)}{unit}"
    assert mention.span is not None
    if mention.span.is_range:
        return (
            f"{_year_or_day(mention.span.start, True)} to {_year_or_day(mention.span.end, False)}"
        )
    first, last = mention.span.start[0], mention.span.end[1]
    if first == last and MIN_ORDINAL < first < MAX_ORDINAL:
        return value_in_words(date.fromordinal(first).isoformat())  # "17 April 2024"
    return f"{_format_day(first)} to {_format_day(last)}"


def _year_or_day(interval: tuple[int, int], starting: bool) -> str:
    if interval[0] <= MIN_ORDINAL or interval[1] >= MAX_ORDINAL:
        return "open"
    first, last = date.fromordinal(interval[0]), date.fromordinal(interval[1])
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    return _format_day(interval[0] if starting else interval[1])


def _quoted(group: _Group, names: ArticleNames, with_day: bool = False) -> str:
    return f"\u201c{_shown(group.first, with_day)}\u201d ({names.names(group.articles)})"


def _why_incompatible(a: _Group, b: _Group) -> str:
    x, y = a.first, b.first
    if x.kind == "quantity":
        return f"ranges {_interval_text(x)} and {_interval_text(y)} do not overlap"
    if x.span is not None and y.span is not None and x.span.is_range and y.span.is_range:
        return f"the periods {_interval_text(x)} and {_interval_text(y)} do not start and end alike"
    return f"the dates {_interval_text(x)} and {_interval_text(y)} do not overlap"


def _source_count_text(members: Sequence[Mention], names: ArticleNames) -> str:
    sources = {m.source for m in members}
    copies = sorted({m.article for m in members if m.copy})
    text = f"{len(sources)} independent source{'s' if len(sources) != 1 else ''}"
    if copies:
        verb = "counts" if len(copies) == 1 else "count"
        text += f"; {names.names(copies)} copied a wire story and {verb} once"
    return text


# ---------------------------------------------------------------- labels


def _label(
    members: Sequence[Mention], text_of: Callable[[str], str], holders: dict[tuple[str, int], str]
) -> str:
    """The label of the most central member that gives more than a bare kind ("Distance")."""
    ordered = sorted(members, key=lambda m: (m.position, m.value_evidence.start))
    labels_found = [
        _about(m, text_of, holders.get((m.article, m.value_evidence.start)), guessing=False)
        for m in ordered
    ]
    if all(label in BARE_LABELS for label in labels_found):  # no clause names it: guess
        # (only a date's label guesses: a figure's is the same either way)
        labels_found = [
            _about(m, text_of, holders.get((m.article, m.value_evidence.start)))
            if m.kind == "time"
            else label
            for m, label in zip(ordered, labels_found, strict=True)
        ]
    full = [label for label in labels_found if label not in BARE_LABELS]
    named = [label for label in full if not labels.pronoun_led(label)]
    # "Years of the war" names what a period dates; the clause a period sits in ("fought two
    # wars, first from 1988 to 1994 and again in 2020") may be about more than it
    of_a_period = [label for label in named if label.startswith("Years of the ")]
    harmed = [label for label in named if HARMED_LABEL.match(label)]
    return (of_a_period or harmed or named or full or labels_found)[0]


def _about(
    mention: Mention, text_of: Callable[[str], str], holder: str | None, guessing: bool = True
) -> str:
    """A plain label: "Number of rifles seized", "How far the climber fell", "Age of X";
    ``guessing``: a date's label may come from the words around it (`labels.date_label`)."""
    sentence = mention.sentence
    text = text_of(mention.article)[sentence.start : sentence.end]
    if mention.kind == "time":
        assert mention.time is not None
        period = mention.span is not None and mention.span.is_range
        return labels.date_label(text, mention.time, mention.fact, period, guessing)
    assert mention.quantity is not None
    kind = quantity_reader.unit_kind(mention.quantity.unit)
    if _a_prison_term(mention):
        return "Prison term"
    if kind == "age":
        if holder:
            return f"Age of {holder}"
        return labels.age_label(text, sentence.start, mention.quantity)
    if holder and mention.quantity.unit in quantity_reader.CHILDREN_UNITS:
        return f"Number of {mention.quantity.unit} of {holder}"
    if kind == "length":
        before = text[: max(0, mention.quantity.evidence.start - sentence.start)]
        after = text[max(0, mention.quantity.evidence.end - sentence.start) :]
        return labels.length_label(text, mention.fact, before, after)
    if kind == "area":
        return labels.area_label(text, sentence.start, mention.quantity, mention.fact)
    return labels.figure_label(text, sentence.start, mention.quantity, mention.fact)


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class _Draft:
    claim: Claim
    rank: tuple[Any, ...]


def _side(group: _Group) -> Side:
    return Side(
        value=group.first.value,
        display=_shown(group.first),
        articles=group.articles,
        evidence=tuple(m.sentence for m in group.mentions),
    )


def _shown(mention: Mention, with_day: bool = False) -> str:
    """The value as written, with its unit when the unit is what makes it comparable
    ("about 150" metres against "200ft"): lengths, areas and speeds; ``with_day``: a date
    written without its year with the day its report's date makes it ("Wednesday (17 April
    2024)"), to tell apart two sides of a conflict written alike."""
    written = mention.value_evidence.text
    if mention.kind == "time":
        return _date_shown(mention) if with_day else written
    one = _one_person(mention)
    if one is not None:
        return f"{one}{INFERRED_HURT_SHOWN}" if _hurt_inferred(mention) else one
    if _hurt_inferred(mention):
        return f"{written}{INFERRED_HURT_SHOWN}"
    quantity = mention.quantity
    if quantity is not None and quantity_reader.told_by_an_ordinal(written, quantity.unit):
        return f"{quantity.value:g} (a {written.lower()} {quantity.unit})"  # "2 (a second suspect)"
    kind = quantity_reader.unit_kind(quantity.unit) if quantity is not None else ""
    if quantity is None or kind not in ("length", "area", "speed"):
        return written
    if kind == "speed":  # "up to 193km" of "193km/h" is no speed without its "/h"
        number = GLUED_LETTERS.sub("", written)
        return f"{number} {quantity.unit}"
    if re.search(r"[^\W\d_]$", written):
        return written  # "about 60m", "200ft": the unit is written on the number
    return f"{written} {quantity.unit}"


# How a count of the hurt its reader inferred is shown: its sentence tells them shot or
# stabbed, the report no death (``Quantity.harm_inferred``)
INFERRED_HURT_SHOWN = ": shot or stabbed, no death told (hurt inferred)"


def _hurt_inferred(mention: Mention) -> bool:
    """Whether the harm of ``mention``'s count is its reader's inference, its sentence telling
    none of its own."""
    quantity = mention.quantity
    if quantity is None or quantity.harm_inferred is None:
        return False
    sentence = mention.sentence
    told = labels.casualty_counted(sentence.text, sentence.start, quantity.evidence, quantity.unit)
    return told is None


def _one_person(mention: Mention) -> str | None:
    """ "one (a man)" for one person told by "a" or "an" ("a man was killed"), "one (his
    cousin)" by "his", "one (the victim)" by "the", "one (Tam Vell)" by name ("Tam Vell was
    arrested"), else None."""
    quantity = mention.quantity
    if quantity is None or not quantity_reader.told_one_by_one(quantity):
        return None
    written = " ".join(quantity.evidence.text.split())
    if quantity_reader.told_by_name(quantity):
        return f"one ({written})"
    if written.lower() in quantity_reader.KNOWN_ONES or quantity_reader.tells_one_more(written):
        return f"one ({written.lower()} {quantity.unit})"  # "(his cousin)", "(another person)"
    return f"one ({_indefinite(quantity.unit)} {quantity.unit})"


def _indefinite(noun: str) -> str:
    """ "a" or "an" for a noun said alone (the text's own is for the words it stood before:
    "an 81-year-old man" shows as "one (a man)")."""
    # "u" is left to "a" ("a union leader", "a user"): person nouns with a vowel sound of
    # "u" are fewer than those with "you"
    return "an" if noun[:1].lower() in ("a", "e", "i", "o") else "a"


def _date_shown(mention: Mention) -> str:
    """ "Wednesday (17 April 2024)", "last year (2023)": two reports' "Wednesday" may be two
    days; shown as written when its year is written, when it is a length, or when the
    report's date is unknown or a guess (the day would be the reader's, not the report's).
    Shown so only where two sides of a conflict are written alike: the day is the reader's
    reading of the words, which the timeline gives, not what the source wrote."""
    written = mention.value_evidence.text
    time, value = mention.time, str(mention.value or "")
    if time is None or _year_written(time) or not mention.reliable or not FULL_YEAR.match(value):
        return written
    if (time.value or "").startswith("P"):
        return written  # "a five-month mission": a length, whose days no one wrote
    words = value_in_words(value, time.mod)
    return written if words.lower() in written.lower() else f"{written} ({words})"


FULL_YEAR = re.compile(r"\d{4}(?!\d)")


def _camps(groups: Sequence[_Group]) -> list[list[_Group]]:
    """Readings that can all hold together form one side of a conflict.

    A loose reading that fits more than one side ("some 700 metres" fits "about 600 metres"
    and "700 metres") goes with the side whose first reading is nearest to it, so that one
    value is never shown on both sides."""
    camps: list[list[_Group]] = []
    for group in groups:
        home = next(
            (c for c in camps if all(mentions_compatible(g.first, group.first) for g in c)), None
        )
        if home is None:
            camps.append([group])
        else:
            home.append(group)
    if len(camps) < 2:
        return camps
    settled: list[list[_Group]] = [[camp[0]] for camp in camps]
    for camp_index, camp in enumerate(camps):
        for group in camp[1:]:
            fitting = [
                i
                for i, side in enumerate(settled)
                if all(mentions_compatible(g.first, group.first) for g in side)
            ]
            nearest = min(
                fitting or [camp_index],
                key=lambda i: abs(_centre(settled[i][0].first) - _centre(group.first)),
            )
            settled[nearest].append(group)
    return settled


def _centre(mention: Mention) -> float:
    return (mention.low + mention.high) / 2


def _camp_side(camp: Sequence[_Group], with_day: bool = False) -> Side:
    """One side: the readings as written, joined; every source and sentence behind them."""
    mentions = [m for group in camp for m in group.mentions]
    return Side(
        value=camp[0].first.value,
        display=" / ".join(dict.fromkeys(_shown(g.first, with_day) for g in camp)),
        articles=tuple(dict.fromkeys(a for group in camp for a in group.articles)),
        evidence=tuple(m.sentence for m in mentions),
    )


def _draft(
    members: list[Mention],
    scores: list[float],
    names: ArticleNames,
    text_of: Callable[[str], str],
    holders: dict[tuple[str, int], str],
) -> _Draft:
    groups = _groups(members)
    sides = tuple(_side(g) for g in groups)
    lead = min(m.position for m in members)
    about = _label(members, text_of, holders)
    sources = len({m.source for m in members})
    confidence = _confidence(scores)
    if sources == 1 and len(groups) == 2:
        own = _own_revision(groups)
        if own is not None:  # a follow-up revising the outlet's own earlier figure
            if _incompatible_pairs(groups):
                return _update([own], members, names, about, sides, confidence, lead)
            return _brought_up_to_date(own, members, names, about, sides, confidence, lead)
    if sources == 1:
        verb = "reports" if len(groups[0].articles) == 1 else "report"
        reason = f"Only {names.names(groups[0].articles)} {verb} it"
        reason += f" ({_source_count_text(members, names)})."
        return _Draft(Claim("", about, "single", reason, sides, confidence), (3, lead))
    clashes = _incompatible_pairs(groups)
    if not clashes:
        newer = _newer_count(groups)
        if newer is not None:
            return _brought_up_to_date(newer, members, names, about, sides, confidence, lead)
        return _agreed(groups, members, names, about, sides, confidence, lead)
    if all(_is_update(earlier, later) for earlier, later in clashes) or _a_rising_count(
        clashes, members
    ):
        return _update(clashes, members, names, about, sides, confidence, lead)
    return _conflict(groups, clashes, members, names, about, confidence, lead)


def _agreed(
    groups: list[_Group],
    members: list[Mention],
    names: ArticleNames,
    about: str,
    sides: tuple[Side, ...],
    confidence: float,
    lead: float,
) -> _Draft:
    values = ", ".join(_quoted(g, names) for g in groups)
    verb = "are compatible given hedges and granularity" if len(groups) > 1 else "agree"
    reason = f"{values} {verb}: {_source_count_text(members, names)} confirm it."
    sources = len({m.source for m in members})
    return _Draft(Claim("", about, "agreed", reason, sides, confidence), (2, -sources, lead))


def _update(
    clashes: list[tuple[_Group, _Group]],
    members: list[Mention],
    names: ArticleNames,
    about: str,
    sides: tuple[Side, ...],
    confidence: float,
    lead: float,
) -> _Draft:
    earlier, later = clashes[0]
    reason = (
        f"{_quoted(earlier, names)} of {_date_key(earlier)} was revised by {_quoted(later, names)} "
        f"of {_date_key(later)}: the later report gives a changed value "
        f"({_why_incompatible(earlier, later)}); {_source_count_text(members, names)}."
    )
    return _update_draft(reason, members, about, sides, confidence, lead)


def _brought_up_to_date(
    newer: tuple[_Group, _Group],
    members: list[Mention],
    names: ArticleNames,
    about: str,
    sides: tuple[Side, ...],
    confidence: float,
    lead: float,
) -> _Draft:
    earlier, later = newer
    reason = (
        f"{_quoted(earlier, names)} of {_date_key(earlier)}, then {_quoted(later, names)} of "
        f"{_date_key(later)}: both can hold, and the later report tells of a change; "
        f"{_source_count_text(members, names)}."
    )
    return _update_draft(reason, members, about, sides, confidence, lead)


def _update_draft(
    reason: str,
    members: list[Mention],
    about: str,
    sides: tuple[Side, ...],
    confidence: float,
    lead: float,
) -> _Draft:
    sources = len({m.source for m in members})
    claim = Claim("", about, "conflict", reason, sides, confidence, difference="update")
    return _Draft(claim, (1, -sources, lead))


def _conflict(
    groups: list[_Group],
    clashes: list[tuple[_Group, _Group]],
    members: list[Mention],
    names: ArticleNames,
    about: str,
    confidence: float,
    lead: float,
) -> _Draft:
    a, b = max(clashes, key=lambda pair: _discrepancy(pair[0].first, pair[1].first))
    camps = _camps(groups)
    sides = tuple(_camp_side(camp) for camp in camps)
    # two sides written alike ("Wednesday" and "Wednesday", two months apart): their days
    alike = len({side.display.lower() for side in sides}) < len(sides)
    alike = alike or _shown(a.first).lower() == _shown(b.first).lower()
    if alike:
        sides = tuple(_camp_side(camp, with_day=True) for camp in camps)
    reason = (
        f"{_quoted(a, names, alike)} and {_quoted(b, names, alike)} cannot both hold: "
        f"{_why_incompatible(a, b)}; {_source_count_text(members, names)}."
    )
    sources = len({m.source for m in members})
    importance = sources + (1.0 if lead < LEAD_SHARE else 0.0) + _discrepancy(a.first, b.first)
    return _Draft(Claim("", about, "conflict", reason, sides, confidence), (0, -importance, lead))


def _discrepancy(a: Mention, b: Mention) -> float:
    """Relative gap between two values' intervals, capped at 1."""
    gap = max(a.low - b.high, b.low - a.high, 0.0)
    if a.kind == "time":
        return min(gap / 365.25 / 5.0, 1.0)
    scale = max(abs(a.high), abs(b.high), 1.0)
    return min(gap / scale, 1.0)


def _confidence(scores: Sequence[float]) -> float:
    if not scores:
        return 0.5
    return round(float(min(max(sum(scores) / len(scores), 0.0), 1.0)), 3)


def compare(
    articles: Sequence[Article],
    readings: Sequence[Reading],
    embedder: TextEncoder | None = None,
    include_single: bool = True,
) -> list[Claim]:
    """Claims about the figures and dates of ``articles``, most important first.

    ``embedder`` defaults to the packaged MiniLM (a TriangulateError without it).
    """
    with _collecting_new_objects_only():
        return _compare(articles, readings, embedder, include_single)


@contextmanager
def _collecting_new_objects_only() -> Iterator[None]:
    """While it lasts, the garbage collector leaves the objects alive before it alone
    (``gc.freeze``): a comparison makes millions of small objects, so Python runs full
    collections during it, and each one would traverse every reading and article in memory,
    which made the collections' cost grow with the square of the articles. A caller that
    froze objects itself keeps them frozen (nothing is frozen or unfrozen then)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _compare(
    articles: Sequence[Article],
    readings: Sequence[Reading],
    embedder: TextEncoder | None,
    include_single: bool,
) -> list[Claim]:
    encoder = embedder if embedder is not None else _default_encoder()
    drafts = [_Draft(claim, (1, 0, 0.0)) for claim in plan_reversals(articles, readings, encoder)]
    statements = statements_of(articles, readings)
    groups, scores, with_speakers = aligned(statements)
    keyed_articles = Sources(articles)  # keyed once for the steps below that count sources
    agreed = statement_claims(groups, statements, keyed_articles, scores)
    agreed = [c for c in folded_repeats(agreed, keyed_articles) if c is not None]
    folded = folded_happenings(agreed, statements, keyed_articles)
    for claim in without_weak_agreements(folded, keyed_articles):
        sources = len({a for side in claim.sides for a in side.articles})
        rank = (1, 0, 0.0) if claim.section == "update" else (2, -sources, 0.5)
        drafts.append(_Draft(claim, rank))
    same_account = [pair for pair, score in scores.items() if score >= SAME_ACCOUNT]
    for claim in name_claims(name_clashes(statements, readings, same_account), keyed_articles):
        drafts.append(_Draft(claim, (0, -1, 0.0)))
    for claim in spelling_claims(statements, readings, with_speakers, keyed_articles):
        drafts.append(_Draft(claim, (0, 0, 0.0)))
    for claim in slot_claims(statements, readings, keyed_articles, scores):
        drafts.append(_Draft(claim, (2, -len(claim.sides[0].articles), 0.8)))
    for claim in [
        *clock_claims(statements, scores, keyed_articles),
        *contrast_claims(statements, scores, keyed_articles),
    ]:
        drafts.append(_Draft(claim, (0, -1, 0.0)))
    known = {reading.article: surnames(reading) for reading in readings}
    readings = [with_appositive_ages(reading, known[reading.article]) for reading in readings]
    mentions = collect_mentions(articles, readings)
    if not mentions:
        return _numbered(_without_repeats(_respelled(drafts), keyed_articles), articles)
    names = ArticleNames.of(articles)
    texts = {article.id: article.text for article in articles}
    linker = _linker(mentions, statements, scores, readings, encoder, known)
    for cluster in linker.clusters():
        if len(cluster.members) == 1 and linker.one_of_a_total(cluster.members[0]):
            continue  # "a man was killed" beside its report's "two men were killed"
        members = [mentions[i] for i in sorted(cluster.members)]
        draft = _draft(members, cluster.scores, names, texts.__getitem__, linker.holders)
        draft = _Draft(replace(draft.claim, kind=_value_kind(members[0])), draft.rank)
        if draft.claim.status == "single":
            if not include_single:
                continue
            draft = _Draft(replace(draft.claim, confidence=0.5), draft.rank)
        drafts.append(draft)
    return _numbered(_without_repeats(_respelled(drafts), keyed_articles), articles)


def _respelled(drafts: list[_Draft]) -> list[_Draft]:
    """Drafts whose labels write each name the way most sources do (the spelling claims')."""
    spellings = usual_spellings(draft.claim for draft in drafts)
    return [_Draft(respelled(draft.claim, spellings), draft.rank) for draft in drafts]


def _without_repeats(
    drafts: list[_Draft], articles: Sequence[Article] | Sources[Article]
) -> list[_Draft]:
    """Drafts with each repeated agreed claim folded into the one it repeats."""
    kept = folded_repeats([draft.claim for draft in drafts], articles)
    return [_Draft(claim, d.rank) for d, claim in zip(drafts, kept, strict=True) if claim]


def folded_repeats(
    claims: Sequence[Claim], articles: Sequence[Article] | Sources[Article]
) -> list[Claim | None]:
    """``claims`` with each agreed claim that repeats another's label and cites one of its
    sure sentences folded into that other (None in its place): the aligner's groups overlap
    (a sentence sits in several), and two groups under the same words, sharing a sentence
    both cite surely, are one claim shown twice. A sentence either cites surely the folded
    claim cites surely (each was linked surely to what the label says); the others it cites
    less surely."""
    by_label: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        if claim.status == "agreed" and len(claim.sides) == 1:
            by_label.setdefault(claim.about, []).append(index)
    kept: list[Claim | None] = list(claims)
    widened: set[int] = set()  # the claims that took sentences of a repeat
    for same in by_label.values():
        surely = {index: _surely(claims[index]) for index in same}  # each claim's once
        sharing = all(claims[index].kind == "statement" for index in same)
        order = sorted(same, key=lambda i: -len(surely[i]))
        for index, into in _repeats(order, surely, sharing):
            taking = kept[into]
            assert taking is not None  # a claim others fold into is never dropped
            kept[into] = _folded(taking, claims[index])
            if kept[into] is not taking:
                widened.add(into)
            kept[index] = None
    # each widened claim's reason told once, of all it cites at the end: a claim many
    # repeats fold into would tell it again at each fold
    by_id = keyed(articles)  # each article's source found once for all the reasons
    for into in widened:
        taken = kept[into]
        assert taken is not None
        kept[into] = replace(taken, reason=agreement_reason(taken.sides[0].evidence, by_id))
    return kept


def folded_happenings(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    articles: Sequence[Article] | Sources[Article],
) -> list[Claim]:
    """``claims`` with each agreed claim that tells a happening another tells, in other
    words, folded into that other: the aligner's groups overlap and cut one happening told
    many ways ("withdrew", "left", "completed their withdrawal") into claims of two or three
    sources each, under other labels. A claim folds into the first kept claim (the most
    sure sentences first) with which it shares a sentence both cite surely, when a
    happening every sentence of each cites surely tells is one (a shared sentence telling
    two, "residents were evacuated and three workers were killed", joins no claim of one to
    a claim of the other), and each sentence it alone cites surely tells one happening with
    one the other cites surely (``agreements.one_happening``: alike verbs, the same doer).
    What either cites surely stays sure, and the kept claim's label stays; what the folded
    claim cites less surely comes along, less surely, only when it tells one of the kept
    claim's happenings (it was less sure of stating the folded claim's label, not the kept
    one's; all carried over, on factalign-dev it added pairs of sources the gold mostly does
    not share; none carried, a source telling the happening in other words was said to
    leave it out). Folded claims are looked at again, until none folds: two kept claims may
    meet through what the folds added."""
    at = {_place(s.evidence): s for s in statements}
    while True:
        folded = _happenings_folded_once(claims, at, articles)
        if len(folded) == len(claims):
            return folded
        claims = folded


def _happenings_folded_once(
    claims: Sequence[Claim],
    at: Mapping[_Place, Statement],
    articles: Sequence[Article] | Sources[Article],
) -> list[Claim]:
    agreed = [
        i
        for i, c in enumerate(claims)
        if c.status == "agreed" and c.kind == "statement" and len(c.sides) == 1
    ]
    surely = {i: {p for p in _surely(claims[i]) if p in at} for i in agreed}

    def _one_story(mine: int, theirs: int) -> bool:
        first = _common_happenings(surely[mine], at)
        second = _common_happenings(surely[theirs], at)
        if first is not None and second is not None and first.isdisjoint(second):
            return False
        return _tells_alike(surely[mine], surely[theirs], at)

    kept: list[Claim | None] = list(claims)
    firsts: dict[int, int] = {}  # each kept claim -> its place among the kept
    holding: dict[_Place, set[int]] = {}  # a sure sentence -> the kept claims citing it
    for index in sorted(agreed, key=lambda i: -len(surely[i])):
        sharing = set().union(*(holding.get(p, set()) for p in surely[index]))
        candidates = sorted(sharing, key=firsts.__getitem__)  # a few: those citing its sentences
        into = next((k for k in candidates if _one_story(index, k)), None)
        if into is None:
            firsts[index] = len(firsts)
            into = index
        else:
            taking = kept[into]
            assert taking is not None  # a claim others fold into is never dropped
            common = _common_happenings(surely[into], at) or frozenset()
            kept[into] = _folded(taking, _telling(claims[index], common, at))
            kept[index] = None
            surely[into] = surely[into] | surely[index]
        for place in surely[index]:
            holding.setdefault(place, set()).add(into)
    by_id = keyed(articles)
    return [
        replace(c, reason=agreement_reason(c.sides[0].evidence, by_id)) if c is not claims[i] else c
        for i, c in enumerate(kept)
        if c is not None
    ]


def _telling(claim: Claim, told: frozenset[str], at: Mapping[_Place, Statement]) -> Claim:
    """``claim`` citing what it cites surely, and what it cites less surely that tells one
    of the happenings ``told`` (verbs and their groups)."""
    side = claim.sides[0]
    evidence = tuple(
        e
        for e in side.evidence
        if not e.tentative or (_place(e) in at and not happenings(at[_place(e)]).isdisjoint(told))
    )
    return replace(claim, sides=(replace(side, evidence=evidence),))


def _common_happenings(
    places: set[_Place], at: Mapping[_Place, Statement]
) -> frozenset[str] | None:
    """The happenings (verbs and their groups) every sentence of ``places`` that tells one
    tells; None when none tells one."""
    told = [found for found in (happenings(at[place]) for place in places) if found]
    return frozenset.intersection(*told) if told else None


def _tells_alike(mine: set[_Place], theirs: set[_Place], at: Mapping[_Place, Statement]) -> bool:
    """Each sentence only ``mine`` holds tells one happening with one of ``theirs``."""
    return all(
        any(one_happening(at[place], at[other]) for other in theirs) for place in mine - theirs
    )


def _repeats(
    order: Sequence[int], surely: Mapping[int, set[_Place]], sharing: bool
) -> Iterator[tuple[int, int]]:
    """(repeat, the claim it folds into) for each claim of ``order`` (one label's, the most
    sure sentences first) that cites surely a sentence an earlier kept claim cites surely
    (``sharing``: statements) or whose sure sentences all lie among that claim's (figures and
    dates: two claims of one label sharing a sentence may give two values, "two games" and
    "three games"), the first such; the others are kept. A claim citing nothing surely folds
    into the first kept one."""
    firsts: dict[int, int] = {}  # each kept claim -> its place among the kept
    holding: dict[_Place, set[int]] = {}  # a sure sentence -> the kept claims citing it
    for index in order:
        sentences = surely[index]
        if sentences:
            found = set().union(*(holding.get(e, set()) for e in sentences))
            held = sorted(found, key=firsts.__getitem__)  # a few: those citing its sentences
            into = next((k for k in held if sharing or sentences <= surely[k]), None)
        else:
            into = next(iter(firsts), None)
        if into is None:
            firsts[index] = len(firsts)
            into = index
        else:
            yield index, into
        for evidence in sentences:
            holding.setdefault(evidence, set()).add(into)


_Place = tuple[str, int, int]  # a cited sentence's article, start and end


def _place(evidence: Evidence) -> _Place:
    return (evidence.article, evidence.start, evidence.end)


def _surely(claim: Claim) -> set[_Place]:
    return {_place(e) for side in claim.sides for e in side.evidence if not e.tentative}


def _folded(claim: Claim, repeat: Claim) -> Claim:
    """``claim`` citing what ``repeat`` cites too: surely what either cites surely, the
    rest less surely (its reason is told again by the caller)."""
    side = claim.sides[0]
    sure = _surely(repeat)
    doubted = {_place(e) for e in side.evidence if e.tentative} & sure
    known = {_place(e) for e in side.evidence}
    extra = [e for e in repeat.sides[0].evidence if _place(e) not in known]
    # as sure as the better linked of the two groups: each was linked on its own
    confidence = max(claim.confidence, repeat.confidence)
    if not doubted and not extra:
        return claim if confidence == claim.confidence else replace(claim, confidence=confidence)
    evidence = [replace(e, tentative=False) if _place(e) in doubted else e for e in side.evidence]
    evidence += extra
    cited = tuple(dict.fromkeys(e.article for e in evidence))
    sides = (replace(side, articles=cited, evidence=tuple(evidence)),)
    return replace(claim, sides=sides, confidence=confidence)


def _linker(
    mentions: Sequence[Mention],
    statements: Sequence[Statement],
    scores: dict[tuple[int, int], float],
    readings: Sequence[Reading],
    encoder: TextEncoder,
    known: Mapping[str, Mapping[str, str]],
) -> Linker:
    by_article: dict[str, list[Statement]] = {}
    for st in statements:
        by_article.setdefault(st.article, []).append(st)
    earlier = _told_of_earlier(by_article)
    values = []
    for index, mention in enumerate(mentions):
        statement = _holding(by_article.get(mention.article, []), mention.value_evidence)
        values.append(
            LinkInput(
                kind=mention.kind,
                article=mention.article,
                source=statement.source if statement else mention.source,
                statement=statement.index if statement else None,
                value_evidence=mention.value_evidence,
                predicate=mention.predicate,
                subject=mention.subject,
                unit=mention.unit if mention.kind == "time" else _written_unit(mention),
                words=mention.words,
                reliable=mention.reliable,
                compatible_with=partial(_compatible_at, mentions, index),
                days=_period_days(mention),
                low=mention.low,
                governor=mention.governor,
                revising=mention.revising,
                of_a_past_year=_of_a_past_year(mention, statement)
                or (
                    mention.kind == "quantity"
                    and statement is not None
                    and statement.index in earlier
                ),
                of_a_day=mention.time is not None and mention.time.granularity == "day",
                prison_term=_a_prison_term(mention),
                published=mention.published,
                days_told=_dated_days(mention),
                harm_inferred=mention.quantity.harm_inferred if mention.quantity else None,
            )
        )
    nouns = sorted({v.unit for v in values if v.kind == "quantity" and v.unit})
    similarity = _word_similarity(nouns, encoder)
    return Linker(values, statements, scores, similarity, age_holders(readings, known))


def _of_a_past_year(mention: Mention, statement: Statement | None) -> bool:
    """A figure dated to a year before its report's: by its clause's time, or, when its
    clause has none, by its sentence's ("a smaller derailment in 2021, when nine cars left
    the tracks")."""
    if mention.kind != "quantity" or mention.fact is None or not mention.published:
        return False
    times = mention.fact.times or (statement.times if statement is not None else ())
    published = int(mention.published[:4])
    sentence = mention.fact.evidence
    return any(
        (found := EXPLICIT_YEAR_VALUE.match(t.value or "")) is not None
        and int(found[1]) < published
        and EXPLICIT_YEAR.search(t.evidence.text) is not None  # "in 2021", not "last year"
        # "crested at 7.1 metres, the highest reading since the great flood of 1987": the
        # year, after the figure, is what this happening's figure is measured against (not
        # "the highest since the flood of 1987, when it crested at 7.4 metres")
        and not (
            mention.value_evidence.end <= t.evidence.start
            and sentence.start <= t.evidence.start
            and SINCE_BEFORE.search(sentence.text[: t.evidence.start - sentence.start])
        )
        for t in times
    )


def _told_of_earlier(by_article: Mapping[str, Sequence[Statement]]) -> set[int]:
    """The statements that tell of an earlier happening than the news: set in an earlier
    time by their opening words ("In February, a quake ... killing 612"), or about a named
    earlier one ("The last major quake ... was in February"), and the sentence going on about
    it by a pronoun with no time of its own ("It killed 612 people")."""
    found: set[int] = set()
    for statements in by_article.values():
        before: Statement | None = None
        for st in sorted(statements, key=lambda s: s.number):
            opened = EARLIER_FRAME.match(st.text) or NAMED_EARLIER.match(st.text)
            if opened or (before is not None and before.index in found and _goes_on(before, st)):
                found.add(st.index)
            before = st
    return found


def _goes_on(before: Statement, statement: Statement) -> bool:
    """The next sentence goes on about the same happening: a pronoun opens it and it tells no
    time of its own."""
    return (
        before.number == statement.number - 1
        and not statement.times
        and GOES_ON.match(statement.text) is not None
    )


def _dated_days(mention: Mention) -> tuple[int, int] | None:
    """A date's first and last day as ordinals; None for a figure or a length of time."""
    if mention.kind != "time" or mention.span is None or mention.time is None:
        return None
    if (mention.time.value or "").startswith("P"):
        return None  # "for six years", counted from a day the sentence gives
    return mention.span.outer


def _period_days(mention: Mention) -> int | None:
    span = mention.span
    if span is None or not span.is_range:
        return None
    return span.end[1] - span.start[0]


def _value_kind(mention: Mention) -> str:
    if mention.kind == "time":
        return "date"
    unit = mention.quantity.unit if mention.quantity is not None else mention.unit
    return "age" if quantity_reader.unit_kind(unit) == "age" else "figure"


def _holding(statements: Sequence[Statement], value: Evidence) -> Statement | None:
    """The statement whose sentence holds a value (the reader's and the units' sentence
    breaks may differ)."""
    return next(
        (st for st in statements if st.evidence.start <= value.start < st.evidence.end), None
    )


def _written_unit(mention: Mention) -> str:
    return mention.quantity.unit if mention.quantity is not None else mention.unit


def _compatible_at(mentions: Sequence[Mention], index: int, other: int) -> bool:
    return mentions_compatible(mentions[index], mentions[other])


def _word_similarity(words: Sequence[str], encoder: TextEncoder) -> Callable[[str, str], float]:
    """Cosine of single words' sentence vectors (a handful of counted nouns per dossier)."""
    if not words or encoder.is_fallback:
        return lambda a, b: 1.0 if a == b else 0.0
    vectors = encoder.encode(list(words))
    row = {word: i for i, word in enumerate(words)}

    def similarity(a: str, b: str) -> float:
        if a == b:
            return 1.0
        if a not in row or b not in row:
            return 0.0
        return float(vectors[row[a]] @ vectors[row[b]])

    return similarity


def _numbered(drafts: list[_Draft], articles: Sequence[Article]) -> list[Claim]:
    drafts.sort(key=lambda d: d.rank)
    claims = [replace(d.claim, id=f"c{index}") for index, d in enumerate(drafts, start=1)]
    return _with_differences(claims, articles)


DETAIL_KINDS = frozenset({"time", "detail", "role"})


def _with_differences(claims: list[Claim], articles: Sequence[Article]) -> list[Claim]:
    """A statement several sources make may hold sentences that differ on a detail (one
    says the victim died at the scene, the others on the way to hospital): the sentences of
    the side fewer of its members take are left out of the agreement, and its reason names
    the conflict, so that the agreement is never read as agreement on that detail. An
    agreement left with one source is no agreement: the conflict tells it."""
    conflicts = [c for c in claims if c.status == "conflict" and c.kind in DETAIL_KINDS]
    if not conflicts:
        return claims
    # each conflict's sides as sets, and the conflicts citing each sentence, made once: an
    # agreement is checked against the conflicts that cite one of its sentences, not all
    sides = [[set(side.evidence) for side in c.sides] for c in conflicts]
    citing: dict[Evidence, set[int]] = {}
    for position, sets in enumerate(sides):
        for evidence in {e for side in sets for e in side}:
            citing.setdefault(evidence, set()).add(position)
    kept = []
    for claim in claims:
        if claim.kind == "statement" and claim.status == "agreed":
            cited = {e for side in claim.sides for e in side.evidence}
            near = sorted({p for e in cited for p in citing.get(e, ())})  # in claims' order
            differ = [conflicts[p] for p in near if _sides_cited(sides[p], cited)]
            if differ:
                claim = _without_minority(claim, differ, articles)
                if len(claim.sides[0].articles) < 2:
                    continue
        kept.append(claim)
    return kept


def _without_minority(
    claim: Claim, conflicts: Sequence[Claim], articles: Sequence[Article]
) -> Claim:
    """The claim without the sentences of each conflict's side that fewer of them take (of
    two sides as large, the one cited later)."""
    side = claim.sides[0]
    order = {evidence: position for position, evidence in enumerate(side.evidence)}
    dropped: set[Evidence] = set()
    for conflict in conflicts:
        taken = [set(order) & set(other.evidence) for other in conflict.sides]
        taken = sorted(
            (found for found in taken if found),
            key=lambda found: (-len(found), min(order[e] for e in found)),
        )
        for minority in taken[1:]:
            dropped |= minority
    evidence = tuple(e for e in side.evidence if e not in dropped)
    article_ids = tuple(dict.fromkeys(e.article for e in evidence))
    notes = "; ".join(f"{c.about[:1].lower()}{c.about[1:]} ({c.id})" for c in conflicts)
    reason = (
        f"{agreement_reason(evidence, articles)} A sentence that differs on {notes} is left out."
    )
    return replace(
        claim,
        about=_label_of_kept(claim.about, evidence, dropped),
        reason=reason,
        sides=(replace(side, evidence=evidence, articles=article_ids),),
    )


def _label_of_kept(about: str, kept: Sequence[Evidence], dropped: Iterable[Evidence]) -> str:
    """The label, unless it is the words of a sentence left out and of no sentence kept
    (it would state the other side): then the shortest kept sentence says it."""
    words = " ".join(about.split()).lower()

    def says(evidence: Evidence) -> bool:
        return words in " ".join(evidence.text.split()).lower()

    if not kept or any(says(e) for e in kept) or not any(says(e) for e in dropped):
        return about
    return labels.clause_label(min(kept, key=lambda e: (len(e.text), e.start)).text)


def _sides_cited(sides: Sequence[set[Evidence]], cited: set[Evidence]) -> bool:
    """Two sides of a conflict (its sides' sentences) each have one among the cited ones."""
    return sum(1 for side in sides if not cited.isdisjoint(side)) >= 2
