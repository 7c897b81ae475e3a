"""Find time expressions in an article and normalise them against its publication date.

A rule layer of precompiled regular expressions finds candidate spans (absolute dates,
relative days, vague periods, ranges, durations); each span is then resolved against the
anchor (the publication date).  News is mostly told in the past tense, so a bare
"Wednesday" or "June 12" is the most recent one on or before the anchor unless the
clause around it speaks of the future ("will", "next", "is scheduled"...).  Expressions
such as "the following morning" follow the last day resolved earlier in the text.

Values follow TimeML/ISO conventions: "2024-06-12", "2024-06", "2024-W24", "2024-SU",
"2024-Q3", "2024-H1", "2024", "199X" (a decade), "1991/1993" (a range), "P5Y" (a duration).
dateparser is only used as a last resort on short labelled datelines.
"""

from __future__ import annotations

import datetime
import re
import string
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from dateutil.easter import easter

from triangulate.core import words
from triangulate.core.dates import (
    SEASON_MONTHS,
    DateInterval,
    clock_hedge,
    lead_datelines,
    pick_weekday,
    values_compatible,
    weekday_number,
)
from triangulate.core.dates import SEASON_START as SEASON_START  # re-exported: the comparison
from triangulate.core.dates import month_span as month_span  # reads them from here
from triangulate.core.words import words_of
from triangulate.models import Evidence, TimeExpression
from triangulate.readers.detokenize import joined_view

Date = datetime.date

# ---------------------------------------------------------------- lexicons

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Number words and the phrases that count like them in time expressions ("a couple of days").
NUMBER_WORDS = {
    **{w: v for w, v in words.NUMBER_WORDS.items() if 0 < v <= 100 and w != "dozen"},
    "a": 1, "an": 1, "a couple of": 2, "couple of": 2, "single": 1, "a dozen": 12,
    "half a": 0.5, "half an": 0.5,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
HEDGES = {
    "nearly": "less", "almost": "less", "less than": "less", "under": "less",
    "up to": "less", "about": "approx", "around": "approx", "roughly": "approx",
    "some": "approx", "approximately": "approx", "more than": "more", "over": "more",
    "at least": "more",
}  # fmt: skip
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE",
}  # fmt: skip
CLOCK_UNITS = {"second", "minute", "hour"}
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")

# ---------------------------------------------------------------- regex pieces

_MON = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?)(?![A-Za-z])"
)
_WDAY = (
    r"(?:Mon(?:day|\.)?|Tue(?:s(?:day|\.)?|\.)?|Wed(?:nesday|\.)?|Thu(?:r(?:s(?:day|\.)?)?|\.)?"
    r"|Fri(?:day|\.)?|Sat(?:urday|\.)?|Sun(?:day|\.)?)(?![A-Za-z])"
)
_WDAY_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%,.]\d)(?!\d)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%])"
_YEAR_OF = rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))"
_NUM = (
    r"(?:\d{1,3}(?:\.5)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|a\s+couple\s+of|a\s+dozen|half\s+an?|an?|hundred|single(?=-))"
)
_VAGUE_NUM = r"(?:several|a\s+few|few|many|some|the\s+past\s+few|the\s+last\s+few)"
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_HEDGE = (
    r"(?:nearly|almost|less\s+than|under|up\s+to|about|around|roughly|some|approximately"
    r"|more\s+than|over|at\s+least)"
)
_MOD = r"(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_DASH = r"\s*(?:-|–|—|to|through|until|and)\s*"

# A happening's noun, plural too ("a meeting", "vigils")
_HAPPENING = "(?:" + "|".join(sorted(words.HAPPENINGS, key=len, reverse=True)) + ")(?:e?s)?"
_FUTURE_WORDS = (
    # a happening one is holding or organising is to come ("is holding a vigil Sunday")
    rf"(?:is|are)\s+(?:holding|hosting|organi[sz]ing)\s+(?:[\w'-]+\s+){{0,3}}?{_HAPPENING}"
    r"|will|won't|shall|'ll|going\s+to|plans?\s+to|planned|planning|intends?\s+to|is\s+to|are\s+to"
    r"|scheduled|(?:is|are|was|were)\s+due|due\s+(?:on|in|by)|expected\s+to|expect(?:s|ing)?|set\s+to"
    r"|next|upcoming|coming|would|as\s+(?:soon|early)\s+as|payable|effective|deadline|expire"
    # "plans a rally", "is slated for", "set for": a plan; "could return" (not "could have")
    r"|plans\s+(?:a|an|the|its|his|her|their)|slated|set\s+for"
    r"|(?:could|might|(?-i:may))(?!\s+(?:not\s+)?have\b)(?!\s+not\b)"
    # a fixture or visit told in the present is one to come ("plays at home on Saturday",
    # "begins its season Sunday"): news tells what is done in the past tense
    r"|plays|opens(?!\s+fire)|begins|starts|faces|hosts|visits|resumes|travels|kicks\s+off"
    r"|takes\s+on|meets|reopens|closes|convenes|reconvenes|expires|lasts|takes\s+effect"
)
_PAST_WORDS = (
    r"was|were|had|did|said|says|told|ago|last|earlier|since|left|began|took|went|came|met"
    r"|made|held|fought|led|sent|won|lost|struck|saw|gave|fell|ran|spoke|broke|wrote|became"
    r"|brought|sold|stood|rose|fled|found|got|kept|knew|thought|felt|grew|died|shot"
    # a verb whose past is its plain form is past after a subject, not after a modal, "to",
    # "did" or a plural pronoun ("A quake hit the town in February"; "will hit", "they hit")
    r"|(?<!\bto\s)(?<!will\s)(?<!'ll\s)(?<!would\s)(?<!could\s)(?<!might\s)(?<!\bmay\s)"
    r"(?<!shall\s)(?<!\bcan\s)(?<!must\s)(?<!\bdid\s)(?<!\bdo\s)(?<!does\s)(?<!n't\s)"
    r"(?<!\bnot\s)(?<!they\s)(?<!\bwe\s)(?<!you\s)(?<!\bi\s)(?<!\ba\s)(?<!the\s)"
    r"(?:hit|shut|spread|burst|quit|hurt)"
)
_WEAK_PAST = r"[a-z]{3,}(?<!need)(?<!speed)(?<!hundred)(?<!indeed)(?<!schedul)(?<!plann)(?<!slat)ed"
_CUE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE_WORDS})|(?<!\bbe\s)(?:(?P<past>{_PAST_WORDS})|(?P<weak>{_WEAK_PAST})))"
    r"\b",
    re.I,
)
# A modal before the verb of the time makes it ahead, passive or not ("will be arraigned",
# "could return", "will now vote", "should reopen", "would likely be filed"); "could have
# been", "could not be reached" and "would not comment" tell of what is behind (they are
# left to the past branch and ``_REFUSED``). "should" only right before the time's verb:
# further off it is often a view of another clause ("argued the plant should close, at a
# hearing on Monday").
_MODAL_AHEAD = (
    r"(?:will|'ll|shall|won't|can|might|(?-i:may)|would)(?:\s+not)?"
    r"|(?:could|should)(?!\s+not\b|n't)"
    # what one must do is ahead ("must file by Monday"), told of the time's own verb only:
    # further off it is often another clause's ("I must announce that she died Friday")
    r"|must"
)
_ADJACENT_VERB = re.compile(
    rf"\b(?:(?P<future>(?:{_MODAL_AHEAD})\s+(?:(?:now|also|still|then|soon|[a-z]+ly)\s+)?"
    rf"(?!have\b|not\b)(?:be\s+)?\w+)|(?P<past>{_PAST_WORDS}|{_WEAK_PAST}))"
    r"(?:\s+by\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"  # "killed by police on Saturday"
    r"(?:\s+(?:on|late|early|by))?\s+$",  # "must file by Friday"
    re.I,
)
# "are poised on Sunday", "is expected Monday": a present passive or state of a time to come
_PRESENT_PASSIVE = re.compile(
    rf"\b(?:is|are|am|['’]s|['’]re)\s+(?:\w+ly\s+)?{_WEAK_PAST}(?:\s+(?:on|late|early))?\s+$",
    re.I,
)
# "was killed on June 24": the date's own verb in a past passive is behind, however near
# the same date ahead would be ("was expected on" tells of a plan)
_PAST_PASSIVE = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?"
    r"(?!(?:expected|supposed|poised|slated|scheduled|planned|set|going|due|about|likely)\b)"
    rf"(?:{_WEAK_PAST}|\w+en|{_PAST_WORDS})(?:\s+(?:on|late|early))?\s+$",
    re.I,
)
# "The funeral is Thursday", "Tryouts are on Tuesday": what is set for a day, told by a
# present "be" right before it
_SET_ON = re.compile(r"\b(?:is|are)\s+(?:on\s+)?$", re.I)
# "is expected back in court Monday", "are due in court Friday", "is scheduled for trial
# Monday": a plan told in the present, words between it and the day
_PLANNED_PRESENT = re.compile(
    r"\b(?:is|are|['’]s|['’]re)\s+(?:\w+ly\s+)?(?:expected|scheduled|slated|due|set)\b"
    r"(?![ \t]+to[ \t]+have\b)[^.;:!?\"“”()]{0,40}$",
    re.I,
)
# A plan told in the past ("was expected to post bail", "had been scheduled to expire"): the
# day it names may be before the report or after it
_PLAN_CUE = re.compile(r"expected\s+to|scheduled|slated|set\s+to|(?:was\s+|were\s+)?due\b", re.I)
_PLAN_TOLD_PAST = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?$", re.I)
# A participle after "to be" carries no tense of its own ("is expected to be arraigned on",
# "was due to be sentenced on"): the clause's words before it tell.
_INFINITIVE_PASSIVE = re.compile(r"\bto\s+be\s+\w+(?:\s+(?:on|late|early))?\s+$", re.I)
# A day a happening is put off or set to is ahead ("postponed until Monday", "has been
# moved to Friday", "is set for Thursday").
_PUT_TO_DAY = re.compile(
    r"\b(?:moved|postponed|delayed|pushed\s+back|rescheduled|put\s+off|adjourned|deferred"
    r"|set|slated|scheduled|planned)\s+(?:to|until|till|for)\s+$",
    re.I,
)
# A happening called or set for a day is ahead ("has called a meeting with police for
# Tuesday", "a vigil for 8 p.m. Sunday"): told with "a", a new one; "the game for Saturday
# was canceled", "sales for Monday rose" are known ones. One behind is told by its day's own
# verb ("was held Sunday"), or by "'s" ("a vigil for Sunday's victims")
_HAPPENING_FOR = re.compile(
    rf"\ban?\s+(?:[\w'-]+\s+){{0,2}}?{_HAPPENING}(?:\s+[\w'-]+){{0,3}}?\s+for\s+$", re.I
)
# "would not comment on Monday" is a refusal already made.
_REFUSED = re.compile(
    r"\b(?:would\s+not|wouldn't)\s+(?:comment|say|discuss|confirm|elaborate|disclose|answer"
    r"|speculate)\b[^.;]{0,30}$",
    re.I,
)
# A market price or close a weekday is of is already known ("the closing price on Friday",
# "the stock's price on Friday"), whatever a deal's "will" further back says.
_PRICE_ON = re.compile(
    r"(?:\b(?:price|prices|level|levels|valuation)|\b(?:the|its|their)\s+close|['’]s\s+close)"
    r"\s+(?:on|of)\s+$",
    re.I,
)
# A relative clause's modal ("A bill that would cap rents cleared ... on Thursday") is not
# the tense of the main verb that follows it.
_RELATIVE_MODAL = re.compile(r"\b(?:that|which|who)\s+(?:would|will|could|might|may)\s+\w+", re.I)
# not a point between digits or after a lone small letter, spaced in tokenised text ("a
# quake of 6 . 4 hit", "at 8 p . m . Saturday")
_SENTENCE_END = re.compile(r"(?<!\b[a-z])(?<!\b[a-z]\s)[.!?]\s(?!\d)|\n")
# A sentence's end in raw text where abbreviations are common ("11:45 p.m. in", "St. Paul"):
# a mark, a closing quote maybe, then a capital; or a line break.
_CLOCK_SENTENCE_END = re.compile(
    r"(?<![ap]\.m)(?<!\b[A-Z][a-z])(?<!\b[A-Z])[.!?][\"”’]?\s+(?=[A-Z\"“])|\n"
)
CLOCK_WORD_LETTERS = 4  # the letters two forms of a word share ("stab-bed", "stab-bing")
CLOCK_SHARED_WORDS = 2  # content words an earlier sentence shares with a clock time's, at least
_YEAR_PREFIX_WORDS = {
    "in", "since", "until", "till", "by", "from", "before", "after", "during", "through",
    "of", "early", "late", "mid", "and", "or", "to", "between", "spring", "summer", "fall",
    "autumn", "winter", "fiscal", "year", "around", "circa", "c", "mid-",
}  # fmt: skip
_DETERMINERS = {
    "the", "these", "those", "its", "his", "her", "their", "our", "my", "your", "early",
    "final", "last", "first", "recent", "past", "coming", "next", "few", "many", "several",
}  # fmt: skip
_COUNT_PREFIX_WORDS = {
    "about", "nearly", "almost", "around", "approximately", "some", "roughly", "than",
    "least", "over", "under", "just", "only", "total", "no", "number", "page",
    "pages", "flight", "route", "room", "code", "model", "vol", "exactly", "all",
}  # fmt: skip
_COUNTED_NOUNS = {
    "people", "men", "women", "children", "police", "personnel", "staff", "troops",
    "soldiers", "feet", "foot", "km", "kilometers", "kilometres", "miles", "meters",
    "metres", "tons", "tonnes", "units", "votes", "jobs", "cases", "deaths",
    "dollars", "euros", "pounds", "yuan", "rubles", "shares", "members", "residents",
    "workers", "employees", "students", "cars", "homes", "houses", "acres", "calories",
}  # fmt: skip


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# ---------------------------------------------------------------- resolution records


@dataclass(frozen=True)
class _Resolved:
    value: str | None
    granularity: str
    anchored: bool = True
    inferred: bool = False
    mod: str | None = None
    day: Date | None = None  # the day pointed at, which later "the next day" follows


@dataclass
class _Context:
    text: str
    anchor: Date | None
    last_day: Date | None = None
    # the last quarter, half or month named: results news compares it with "a year ago"
    last_period: str | None = None
    # every day named so far, with where: a clock time without a day takes the day of the
    # happening it tells of (``_clock_day``)
    days: list[tuple[int, Date]] = field(default_factory=list)
    # the text's sentences as ``_clock_day`` reads them, found on its first clock time
    sentences: _Sentences | None = None

    def sentences_of_text(self) -> _Sentences:
        if self.sentences is None:
            self.sentences = _Sentences(self.text)
        return self.sentences


class _Sentences:
    """The sentences of raw text as a clock time's day is found from them: where each ends
    (``_CLOCK_SENTENCE_END``), found in one pass, and the content words of each, found once
    (a text with many clock times and days asks for the same sentences again and again)."""

    def __init__(self, text: str) -> None:
        self.text = text
        breaks = list(_CLOCK_SENTENCE_END.finditer(text))
        self.starts = [found.start() for found in breaks]
        self.ends = [found.end() for found in breaks]
        self._content: dict[int, frozenset[str]] = {}

    def bounds(self, position: int) -> tuple[int, int]:
        """Start and end of the sentence holding ``position`` (a word's first letter): a
        stop, question or exclamation mark before a capital ends one ("p.m." and "St." do
        not), and a line break."""
        before = bisect_left(self.ends, position)  # the breaks ending before it
        start = self.ends[before - 1] if before else 0
        if before < len(self.starts) and self.starts[before] < position:
            # a stop whose white space runs up to the position ends no sentence there (the
            # capital after it is the position's own word, not yet read), but a line break in
            # that white space does
            line_break = self.text.rfind("\n", self.starts[before], position)
            start = line_break + 1 if line_break >= 0 else start
        after = bisect_left(self.starts, position)
        return start, (self.starts[after] if after < len(self.starts) else len(self.text))

    def content(self, start: int, end: int) -> frozenset[str]:
        """:func:`_content_of` the sentence from ``start`` to ``end``, found once."""
        if start not in self._content:
            self._content[start] = _content_of(self.text[start:end])
        return self._content[start]


Resolver = Callable[[re.Match[str], _Context], _Resolved | None]
Guard = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    resolve: Resolver
    guard: Guard | None = None


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    rule: _Rule
    match: re.Match[str]


# ---------------------------------------------------------------- small helpers


def month_number(name: str) -> int:
    return MONTHS[name.strip(".").lower()[:3]]


def _number(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(r"\d+(?:\.5)?", word):
        return float(word)
    if "-" in word:
        tens, units = word.split("-", 1)
        return NUMBER_WORDS.get(tens, 0) + NUMBER_WORDS.get(units, 0)
    return NUMBER_WORDS.get(word)


def _safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _iso_week(day: Date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day_value(day: Date, inferred: bool = False, mod: str | None = None) -> _Resolved:
    return _Resolved(day.isoformat(), "day", True, inferred, mod, day)


def _unanchored(granularity: str, value: str | None = None) -> _Resolved:
    return _Resolved(value, granularity, anchored=False)


def _mod_word(raw: str | None) -> str | None:
    if not raw:
        return None
    word = raw.lower().split()
    key = word[1] if word[0] == "the" and len(word) > 1 else word[0]
    return {"beginning": "start", "middle": "mid"}.get(key, key)


def _group(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


# ---------------------------------------------------------------- tense of the clause


def tense_direction(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' from the nearest tense cue in the clause around a span, else None.

    Modals and reporting verbs ("will", "said") outrank words merely ending in -ed, which
    are as often adjectives ("preferred shares") as past-tense verbs.
    """
    window = text[max(0, start - 120) : start]
    near = window[-40:]
    if _PRICE_ON.search(near) or _REFUSED.search(near):
        return "past"
    if _PUT_TO_DAY.search(near) or _PRESENT_PASSIVE.search(near) or _SET_ON.search(near):
        return "future"
    if _HAPPENING_FOR.search(window[-60:]):
        return "future"
    adjacent = None if _INFINITIVE_PASSIVE.search(near) else _ADJACENT_VERB.search(near)
    if adjacent:  # "announced Wednesday", "will meet on Friday": the verb of the date itself
        return "future" if adjacent.group("future") else "past"
    if _PLANNED_PRESENT.search(near):
        return "future"
    cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    clause = window[cut:]
    before = _main_clause_cues(clause)
    strong = [m for m in before if not m.group("weak")]
    if strong or before:
        cue = (strong or before)[-1]
        if not cue.group("future"):
            return "past"
        return "planned" if _planned_in_the_past(clause, cue) else "future"
    after_text = text[end : end + 60]
    stop = _SENTENCE_END.search(after_text)
    after = _CUE.search(after_text[: stop.start() if stop else None])
    if after:
        return "future" if after.group("future") else "past"
    return None


# The directions of a day that may be after the report: a date told so is no sign of the
# year the report was written in
_AHEAD = frozenset({"future", "planned"})


def _planned_in_the_past(clause: str, cue: re.Match[str]) -> bool:
    """Whether a future cue is a plan told in the past ("was expected to", "had been due
    to"), not one to come ("is expected to")."""
    if not _PLAN_CUE.fullmatch(cue.group()):
        return False
    if re.match(r"(?:was|were)\b", cue.group(), re.I):
        return True  # "was due to appear", "were due in court": the cue holds its "was"
    return bool(_PLAN_TOLD_PAST.search(clause, 0, cue.start()))


def _main_clause_cues(clause: str) -> list[re.Match[str]]:
    """The tense cues of the words before a time, less a relative clause's modal when a
    verb follows it (the main verb's: "A bill that would cap rents cleared a hurdle")."""
    cues = list(_CUE.finditer(clause))
    relative = [found.span() for found in _RELATIVE_MODAL.finditer(clause)]
    if not relative or not cues or cues[-1].start() < relative[-1][1]:
        return cues  # nothing follows the relative clause: its modal is all there is
    return [cue for cue in cues if not any(a <= cue.start() < b for a, b in relative)]


# "March 9 last year": the year told right after a day written without one.
YEAR_AFTER = re.compile(r",?\s+(last|next)\s+year\b", re.IGNORECASE)
# How much nearer a later date must be than an earlier one to be chosen, by tense.
_FORWARD_BIAS = {"future": 3.0, "planned": 1.0, None: 0.75, "past": 0.3, "sure-past": 0.05}


def _date_direction(text: str, start: int, end: int) -> str | None:
    """``tense_direction``, told "sure-past" when the date's own verb is a past passive: a
    past cue further off may be a report's ("remanded in custody to appear on 19 August")."""
    direction = tense_direction(text, start, end)
    if direction == "past" and _PAST_PASSIVE.search(text[max(0, start - 40) : start]):
        return "sure-past"
    return direction


def _nearest(back_gap: float, forward_gap: float, direction: str | None) -> bool:
    """True when the forward candidate should win over the backward one."""
    return forward_gap * 1.0 < back_gap * _FORWARD_BIAS[direction]


def _pick_year(month: int, day: int, anchor: Date, direction: str | None) -> Date | None:
    """The year for a day given without one: the nearer of the two candidates, tense-biased."""
    back = _safe_date(anchor.year, month, day) or _safe_date(anchor.year, month, 28)
    if back is None:
        return None
    if back > anchor:
        back = _safe_date(anchor.year - 1, month, day) or back.replace(year=anchor.year - 1)
    forward = _safe_date(back.year + 1, month, day) if back < anchor else back
    if forward is None or forward == back:
        return back
    return forward if _nearest((anchor - back).days, (forward - anchor).days, direction) else back


def _pick_month_year(month: int, anchor: Date, direction: str | None) -> int:
    months_back = (anchor.month - month) % 12
    if months_back == 0:
        return anchor.year
    back_year = anchor.year if month < anchor.month else anchor.year - 1
    if _nearest(months_back, 12 - months_back, direction):
        return back_year + 1
    return back_year


# ---------------------------------------------------------------- guards


def _words_before(text: str, start: int, count: int = 1) -> list[str]:
    found = [word for word in words_of(text[max(0, start - 40) : start]) if word[0].isalpha()]
    return found[-count:]


def _next_word(text: str, end: int) -> str:
    found = re.match(r"[\s-]*([A-Za-z']+)", text[end : end + 30])
    return found.group(1) if found else ""


def _numeric_context(text: str, start: int, end: int) -> bool:
    """True when a number sits inside money, a phone number, a percentage or a decimal."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 9]
    if re.search(r"[$€£¥#]\s?$|[\d.,/:+-]$|\d\s$", before):
        return True  # money, a decimal, or a group of a phone number ("555 1999")
    return bool(re.match(r"[.,:]\d|[/-]\d|\s?%|\s?(?:per\s?cent|percent)|\d|\s\d{3}", after))


def _year_guard(match: re.Match[str], text: str) -> bool:
    start, end = match.span()
    if _numeric_context(text, start, end):
        return False
    previous = _words_before(text, start)
    prev_word = previous[0].lower() if previous else ""
    if prev_word in _COUNT_PREFIX_WORDS:
        return False
    following = _next_word(text, end)
    if _a_block(text, end):
        return False  # "the 1500 block of Elm Street", "in the 1800 block, who": a place
    if prev_word in _YEAR_PREFIX_WORDS and prev_word not in {"and", "or", "to", "between"}:
        return following.lower() not in _COUNTED_NOUNS
    if prev_word not in _DETERMINERS and words.STREET_NUMBER.match(text, end):
        return False  # "at 1900 Elm Street" ("In 2008 Wall Street", "the 2008 Wall Street crash")
    if words.MODEL_YEAR_AFTER.match(text, end):
        return False  # "a silver 2031 sedan with": when it was made ("a 2023 train derailment")
    return not _looks_counted(following)


_BLOCK_NEXT = re.compile(r"[ \t]+block(?![\w'’-])")


def _a_block(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is a street's block: "block" after it, then a
    stop, the clause's end or a closed-class word ("the 1500 block of Elm Street", "the 1800
    block, who", "on the 1500 block since"), not a noun ("the 2019 block party")."""
    block = _BLOCK_NEXT.match(text, end)
    if block is None:
        return False
    following = _next_word(text, block.end())
    return not following or following.lower() in words.STOP_WORDS


def _looks_counted(word: str) -> bool:
    if not word or not word[0].islower():
        return False
    lowered = word.lower()
    plural = lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "'s"))
    return lowered in _COUNTED_NOUNS or (plural and lowered not in {"was", "has", "as"})


def _number_guard(match: re.Match[str], text: str) -> bool:
    return not _numeric_context(text, match.start(), match.end())


def _bare_month_guard(match: re.Match[str], text: str) -> bool:
    name = match.group(0)
    following = text[match.end() : match.end() + 2]
    if re.match(r"\s[A-Z]", following) or re.match(r"\s?\d", following):
        return False  # "April Smith", "June 5" handled elsewhere
    previous = _words_before(text, match.start())
    prev_word = previous[0].lower() if previous else ""
    if prev_word in _YEAR_PREFIX_WORDS or prev_word in {"this", "that", "last", "next"}:
        return True
    return name.rstrip(".") not in {"May", "Mar", "March", "Jan", "Sat", "Sun"} and "." not in name


# "12 years before he can seek parole" or "30 days before deciding" counts to another
# happening, not back from the report
_NO_CLAUSE_AFTER = (
    r"(?!\s+(?:he|she|they|it|we|you|i|the|a|an|his|her|their|its)\b)(?!\s+[a-z]{2,}ing\b)"
)
_BEFORE_NOW = re.compile(rf"\s+(?:ago|earlier|before{_NO_CLAUSE_AFTER}|from\s+now|hence)\b", re.I)


def _duration_guard(match: re.Match[str], text: str) -> bool:
    if _numeric_context(text, match.start(), match.end()):
        return False
    if re.match(r"[\s-]+old\b", text[match.end() : match.end() + 6]):
        return False  # an age, not a time
    if _BEFORE_NOW.match(text, match.end()):
        return False  # "nearly four years ago" is a date: leave it to the "ago" rule
    num = (_group(match, "num") or "").lower()
    if num in {"a", "an"} and match.group("unit").lower() == "second":
        return False
    hyphenated = "-" in text[match.start("num") : match.start("unit")]
    if _group(match, "hedge") or num not in {"a", "an", "one"} or hyphenated:
        return True
    previous = _words_before(text, match.start())
    return bool(previous) and previous[0].lower() in {"for", "in", "within", "after", "than"}


# ---------------------------------------------------------------- resolvers: absolute


def _explicit_day(
    year: int | None, month: int, day: int, ctx: _Context, span: tuple[int, int]
) -> _Resolved | None:
    if year is not None:
        found = _safe_date(year, month, day)
        return _day_value(found) if found else None
    if ctx.anchor is None:
        if _safe_date(2000, month, day) is None:
            return None
        return _unanchored("day", f"XXXX-{month:02d}-{day:02d}")
    shift = YEAR_AFTER.match(ctx.text, span[1])
    if shift is not None:  # "March 9 last year", "on June 2 next year"
        offset = -1 if shift.group(1).lower() == "last" else 1
        found = _safe_date(ctx.anchor.year + offset, month, day)
        return _day_value(found) if found else None
    direction = _date_direction(ctx.text, *span)
    picked = _pick_year(month, day, ctx.anchor, direction)
    return _day_value(picked, inferred=True) if picked else None


def _day_number(raw: str) -> int:
    return int(re.sub(r"\D", "", raw))


def _resolve_iso(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    year, month, day = (int(match.group(g)) for g in ("y", "m", "d"))
    found = _safe_date(year, month, day)
    return _day_value(found) if found else None


def _full_year(two_digits: int, anchor: Date | None) -> int:
    """'07 is 2007 unless that lies well after the article ('98 seen from 2024 is 1998)."""
    latest = (anchor or Date.today()).year + 1
    year = 2000 + two_digits
    return year if year <= latest else year - 100


def _resolve_numeric(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if len(match.group("y")) == 2:  # "7/8/07": the American order, as in "7/8/2007"
        year = _full_year(year, ctx.anchor)
    month, day = (second, first) if first > 12 or match.group("sep") == "." else (first, second)
    found = _safe_date(year, month, day)
    return _day_value(found, inferred=first <= 12 and second <= 12) if found else None


def _resolve_month_day(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    year = int(match.group("y")) if match.group("y") else None
    month = month_number(match.group("mon"))
    return _explicit_day(year, month, _day_number(match.group("d")), ctx, match.span())


def _resolve_day_range(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    year = int(match.group("y")) if match.group("y") else None
    month = month_number(match.group("mon"))
    first, last = _day_number(match.group("d1")), _day_number(match.group("d2"))
    if last <= first:
        return None
    start = _explicit_day(year, month, first, ctx, match.span())
    if start is None or start.value is None:
        return start
    prefix = start.value[:8]
    value = f"{start.value}/{prefix}{last:02d}"
    return _Resolved(value, "range", start.anchored, start.inferred, None, start.day)


def _resolve_month_year(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    month = month_number(match.group("mon"))
    mod = _mod_word(_group(match, "mod"))
    year = _group(match, "y")
    if year:
        return _Resolved(f"{year}-{month:02d}", "month", mod=mod)
    return _relative_month(month, _group(match, "det"), ctx, match.span(), mod)


def _relative_month(
    month: int, det: str | None, ctx: _Context, span: tuple[int, int], mod: str | None
) -> _Resolved:
    if ctx.anchor is None:
        return _Resolved(f"XXXX-{month:02d}", "month", False, mod=mod)
    anchor, det = ctx.anchor, (det or "").lower()
    if det == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif det == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif det == "this":
        year = anchor.year
    else:
        year = _pick_month_year(month, anchor, _date_direction(ctx.text, *span))
    return _Resolved(f"{year}-{month:02d}", "month", True, det not in {"last", "next"}, mod)


def _resolve_month_range(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    first, last = month_number(match.group("mon1")), month_number(match.group("mon2"))
    if match.group("y"):
        year = int(match.group("y"))
        start_year = year if first <= last else year - 1
        return _Resolved(f"{start_year}-{first:02d}/{year}-{last:02d}", "range")
    end = _relative_month(last, None, ctx, match.span(), None)
    if end.value is None or not end.anchored:
        return _Resolved(f"XXXX-{first:02d}/XXXX-{last:02d}", "range", False)
    year = int(end.value[:4])
    start_year = year if first <= last else year - 1
    return _Resolved(f"{start_year}-{first:02d}/{end.value}", "range", True, True)


def _resolve_year(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    return _Resolved(match.group("y"), "year", mod=_mod_word(_group(match, "mod")))


def _resolve_year_range(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    first = int(match.group("y1"))
    raw_last = match.group("y2")
    last = int(raw_last) if len(raw_last) == 4 else first // 100 * 100 + int(raw_last)
    if not 0 < last - first <= 100:
        return None
    return _Resolved(f"{first}/{last}", "range")


def _resolve_decade(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    raw = match.group("dec").lower().lstrip("'’")
    mod = _mod_word(_group(match, "mod"))
    if raw in DECADE_WORDS:
        return _Resolved(f"19{DECADE_WORDS[raw]}X", "decade", True, True, mod)
    digits = raw.rstrip("s").rstrip("'")
    if len(digits) == 4:
        return _Resolved(f"{digits[:3]}X", "decade", mod=mod)
    century = "20" if digits in {"00", "10"} else "19"
    return _Resolved(f"{century}{digits[0]}X", "decade", True, True, mod)


def _resolve_century(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    number = int(re.sub(r"\D", "", match.group("cent")))
    return _Resolved(f"{number - 1:02d}XX", "century", mod=_mod_word(_group(match, "mod")))


def _resolve_season(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    code = SEASONS[match.group("season").lower()]
    mod = _mod_word(_group(match, "mod"))
    if match.group("y"):
        return _Resolved(f"{match.group('y')}-{code}", "season", mod=mod)
    if ctx.anchor is None:
        return _Resolved(None, "season", False, mod=mod)
    det = (_group(match, "det") or "").lower()
    year = _season_year(code, ctx.anchor, det, tense_direction(ctx.text, *match.span()))
    return _Resolved(f"{year}-{code}", "season", True, det not in {"this", "last", "next"}, mod)


def _season_year(code: str, anchor: Date, det: str, direction: str | None) -> int:
    first_month = SEASON_MONTHS[code][0]
    started = anchor.month >= first_month or (code == "WI" and anchor.month <= 2)
    this_year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
    if det == "this":
        return this_year
    if det == "next" or (det != "last" and direction in _AHEAD):
        return this_year + 1 if started else this_year
    ended = anchor.month > SEASON_MONTHS[code][1] and code != "WI"
    return this_year if ended or (det != "last" and started) else this_year - 1


def _resolve_quarter(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    ordinal = (match.group("ord") or "").lower()
    number = ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
    half = (match.group("unit") or "").lower() == "half"
    number = 2 if half and ordinal in {"last", "final"} else number
    if not number or (half and number > 2):
        return None
    code = f"H{number}" if half else f"Q{number}"
    year = _group(match, "y")
    if year:
        return _Resolved(f"{year}-{code}", "quarter")
    if ctx.anchor is None:
        return _Resolved(f"XXXX-{code}", "quarter", False)
    relative = (_group(match, "rel") or "").lower()
    if relative:
        shift = {"last": -1, "next": 1}.get(relative, 0)
        return _Resolved(f"{ctx.anchor.year + shift}-{code}", "quarter")
    periods = 2 if half else 4
    current = (ctx.anchor.month - 1) // (12 // periods) + 1
    back_gap = (current - number) % periods
    later = back_gap and _nearest(
        back_gap, periods - back_gap, tense_direction(ctx.text, *match.span())
    )
    year_of_period = ctx.anchor.year - (number > current) + bool(later)
    return _Resolved(f"{year_of_period}-{code}", "quarter", True, True)


# ---------------------------------------------------------------- resolvers: relative


def _resolve_relative_day(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    words = match.group(0).lower().split()
    if ctx.anchor is None:
        return _unanchored("day")
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(words[0], 0)
    if "before" in words:
        offset = -2
    elif "after" in words:
        offset = 2
    part = next((p for p in PARTS_OF_DAY if p in words), None)
    if words[0] == "tonight":
        part = "night"
    return _day_value(ctx.anchor + datetime.timedelta(days=offset), mod=part)


# "on Friday in the week ahead", "Friday of next week", "on Monday last week": the week
# told after the day, which a verb's tense alone cannot tell (a future verb with the
# report's own weekday is mostly that very day: "will meet Saturday afternoon")
_WEEK_AFTER = re.compile(
    r",?\s+(?:of\s+|in\s+)?(?:(next|last|the\s+coming)\s+week|the\s+week\s+ahead)\b",
    re.I,
)


def _day_of_week_told(weekday: int, anchor: Date, week: re.Match[str]) -> Date:
    """The weekday in the week told after it: the days ahead for "the week ahead"; the
    calendar week before or after the report's for "last week", "next week"."""
    told = re.sub(r"\s+", " ", (week.group(1) or "").lower())
    if not told:
        return anchor + datetime.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    shift = -7 if told == "last" else 7
    return anchor + datetime.timedelta(days=weekday - anchor.weekday() + shift)


def _resolve_weekday(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    weekday = weekday_number(match.group("wd"))
    part = (_group(match, "part") or "").lower() or None
    if ctx.anchor is None:
        return _Resolved(None, "day", False, mod=part)
    det_words = (_group(match, "det") or "").lower().split()
    det = det_words[-1] if det_words else ""
    det = "next" if det == "coming" else det
    anchor = ctx.anchor
    if not det and (week := _WEEK_AFTER.match(ctx.text, match.end())):
        return _day_value(_day_of_week_told(weekday, anchor, week), mod=part)
    if det in {"previous", "preceding", "following"}:  # told from the day the story is at
        anchor, det = ctx.last_day or anchor, "next" if det == "following" else "last"
    if det == "last":
        day = anchor - datetime.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    elif det == "next":
        day = anchor + datetime.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    elif ctx.text.startswith(("'s", "’s"), match.end()):
        day = pick_weekday(weekday, anchor, "past")  # "Wednesday's ruling" is behind us
    elif det == "this":  # "votes this Wednesday": this week's, ahead unless told as past
        direction = tense_direction(ctx.text, *match.span())
        day = pick_weekday(weekday, anchor, "past" if direction == "past" else "future")
    else:
        day = pick_weekday(weekday, anchor, tense_direction(ctx.text, *match.span()))
    return _day_value(day, inferred=not det, mod=part)


def _resolve_chained_day(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    words = match.group(0).lower().split()
    base = ctx.last_day or ctx.anchor
    if base is None:
        return _unanchored("day")
    offset = 0
    if {"following", "next", "after"} & set(words):
        offset = 1
    elif {"previous", "preceding", "before"} & set(words):
        offset = -1
    part = next((p for p in PARTS_OF_DAY if p in words), None)
    day = base + datetime.timedelta(days=offset)
    return _day_value(day, inferred=True, mod=part)


def _shift(base: Date, unit: str, amount: int) -> _Resolved:
    if unit in {"day", "night"}:
        return _day_value(base + datetime.timedelta(days=amount))
    if unit in {"week", "fortnight"}:
        days = amount * (14 if unit == "fortnight" else 7)
        return _Resolved(_iso_week(base + datetime.timedelta(days=days)), "week")
    if unit == "month":
        year, month = _add_months(base.year, base.month, amount)
        return _Resolved(f"{year}-{month:02d}", "month")
    if unit == "quarter":
        year, month = _add_months(base.year, base.month, 3 * amount)
        return _Resolved(f"{year}-Q{(month - 1) // 3 + 1}", "quarter")
    if unit == "weekend":
        saturday = base + datetime.timedelta(days=5 - base.weekday() + 7 * amount)
        return _Resolved(f"{_iso_week(saturday)}-WE", "week")
    if unit == "decade":
        return _Resolved(f"{(base.year // 10 + amount) * 10 // 10}X", "decade")
    if unit == "century":
        return _Resolved(f"{base.year // 100 + amount:02d}XX", "century")
    return _Resolved(str(base.year + amount), "year")


def _resolve_relative_unit(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    det = re.sub(r"\s+", " ", match.group("det").lower())
    unit = match.group("unit").lower()
    mod = _mod_word(_group(match, "mod"))
    if mod in {"earlier", "later"}:
        mod = None
    if ctx.anchor is None:
        return _Resolved(None, "week" if unit == "weekend" else unit, False, mod=mod)
    amount = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(det, 0)
    shifted = _shift(ctx.anchor, unit, amount)
    return _Resolved(shifted.value, shifted.granularity, True, False, mod)


def _resolve_ago(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    amount = _number(match.group("num"))
    unit = match.group("unit").lower()
    if amount is None or amount != int(amount) or unit in CLOCK_UNITS:
        return None
    if ctx.anchor is None:
        return _unanchored(unit if unit != "night" else "day")
    told = match.group("dir").lower()
    sign = 1 if told in {"later", "after", "from now", "hence"} else -1
    if unit == "year" and amount == 1 and sign < 0 and ctx.last_period:
        return _year_before(ctx)
    base = ctx.anchor
    if told in {"later", "earlier", "before", "after"}:
        if ctx.last_day is None and told in {"earlier", "later"}:
            # "fired four days earlier": earlier than another happening, which no day
            # told before places; the report's own day is not it
            return _unanchored(unit if unit != "night" else "day")
        base = ctx.last_day or ctx.anchor
    shifted = _shift(base, unit, sign * int(amount) * (10 if unit == "decade" else 1))
    if unit == "decade":
        shifted = _Resolved(str(base.year + sign * int(amount) * 10), "year")
    return _Resolved(shifted.value, shifted.granularity, True, base is not ctx.anchor)


def _resolve_ref(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    if ctx.anchor is None:
        return _unanchored("day")
    return _day_value(ctx.anchor)


# ---------------------------------------------------------------- resolvers: durations


def _duration_value(amount: float | None, unit: str) -> str:
    code = UNIT_CODES[unit]
    if amount is None:
        return f"PTX{code}" if unit in CLOCK_UNITS else f"PX{code}"
    if code in {"DE", "CE"}:
        amount, code = amount * (10 if code == "DE" else 100), "Y"
    if unit == "fortnight":
        amount *= 2
    text = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"PT{text}{code}" if unit in CLOCK_UNITS else f"P{text}{code}"


def _resolve_duration(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    unit = match.group("unit").lower().rstrip("s")
    raw = (match.group("num") or "").lower()
    vague = not raw or re.match(_VAGUE_NUM, raw) is not None
    amount = None if vague else _number(raw)
    if not vague and amount is None:
        return None
    hedge = re.sub(r"\s+", " ", (_group(match, "hedge") or "").lower().strip(" -"))
    return _Resolved(_duration_value(amount, unit), "duration", mod=HEDGES.get(hedge))


def _resolve_plural_duration(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    unit = match.group("unit").lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    return _Resolved(_duration_value(None, unit), "duration")


def _resolve_long(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    unit = match.group("unit").lower()
    plural = (unit.endswith("s") and unit != "centuries") or unit == "centuries"
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    hedge = (match.group("hedge") or "").lower().strip(" -")
    return _Resolved(
        _duration_value(None if plural else 1, unit), "duration", mod=HEDGES.get(hedge)
    )


# ---------------------------------------------------------------- the rules


def _rules() -> list[_Rule]:
    i = re.I
    year_of = _YEAR_OF
    wd_prefix = rf"(?:{_WDAY},?\s+)?"
    return [
        _Rule("iso", _c(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"), _resolve_iso),
        _Rule(
            "numeric",
            _c(
                r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
                r"(?P<y>\d{4}|(?<=/)\d\d)(?![\d/]|\.\d)"
            ),
            _resolve_numeric,
        ),
        _Rule(
            "day_range_md",
            _c(rf"(?P<mon>{_MON})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY}){year_of}?"),
            _resolve_day_range,
            _number_guard,
        ),
        _Rule(
            "day_range_dm",
            _c(rf"(?<![\d.,$])(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<mon>{_MON}){year_of}?"),
            _resolve_day_range,
        ),
        _Rule(
            "month_day",
            _c(rf"{wd_prefix}(?P<mon>{_MON})\s+(?P<d>{_DAY}){year_of}?"),
            _resolve_month_day,
            _number_guard,
        ),
        _Rule(
            "day_month",
            _c(
                rf"{wd_prefix}(?<![\d.,$])(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON}){year_of}?"
            ),
            _resolve_month_day,
        ),
        _Rule(
            "month_range",
            _c(
                rf"(?:(?:between|from)\s+)?(?P<mon1>{_MON})\s*(?:-|–|to|and|through|until)\s*"
                rf"(?P<mon2>{_MON}){year_of}?"
            ),
            _resolve_month_range,
        ),
        _Rule(
            "month_year",
            _c(rf"(?:{_MOD}[-\s]+)?(?P<mon>{_MON}){year_of}", i),
            _resolve_month_year,
            _number_guard,
        ),
        _Rule(
            "month_of_relative_year",
            _c(rf"(?:{_MOD}[-\s]+)?(?P<mon>{_MON})\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b"),
            _resolve_month_of_relative_year,
        ),
        _Rule(
            "month_relative",
            _c(
                rf"(?:(?P<det>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?:{_MOD}[-\s]+)?(?P<mon>{_MON})(?!\s+\d)"
            ),
            _resolve_month_year,
            _bare_month_guard,
        ),
        _Rule(
            "season",
            _c(
                rf"(?:(?P<det>this|last|next|the|that)\s+)?(?:{_MOD}[-\s]+)?{_SEASON}(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?",
                i,
            ),
            _resolve_season,
            _season_guard,
        ),
        _Rule(
            "quarter",
            _c(
                rf"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|[1-4](?:st|nd|rd|th))[\s-]+"
                rf"(?P<unit>quarter|half)(?:\s+(?:of\s+)?(?:(?:fiscal|FY)\s*)?(?P<y>{_YEAR})"
                r"|\s+of\s+(?P<rel>last|next|this)\s+year)?",
                i,
            ),
            _resolve_quarter,
        ),
        _Rule(
            "quarter_code",
            _c(rf"\b(?P<unit>Q|H)(?P<ord>[1-4])\s*(?P<y>{_YEAR})?\b"),
            _resolve_quarter_code,
        ),
        _Rule(
            "year_range",
            _c(
                rf"(?:(?:from|between)\s+)?(?P<y1>{_YEAR})\s*(?:-|–|—|to|and|through|until)\s*"
                r"(?P<y2>(?:1[5-9]|20)\d\d|\d\d)(?![\d%])",
                i,
            ),
            _resolve_year_range,
            _number_guard,
        ),
        _Rule(
            "decade",
            _c(
                rf"(?:the\s+)?(?:{_MOD}[-\s]+)?(?P<dec>(?:1[5-9]|20)\d0'?s|['’]?\d0'?s"
                r"|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w'])",
                i,
            ),
            _resolve_decade,
            _decade_guard,
        ),
        _Rule(
            "century",
            _c(
                rf"(?:the\s+)?(?:{_MOD}[-\s]+)?(?P<cent>1\dth|20th|21st|twentieth|nineteenth|twenty-first)"
                r"[\s-]+century",
                i,
            ),
            _resolve_century_word,
        ),
        _Rule(
            "year",
            _c(rf"(?:{_MOD}[-\s]+)?(?:(?:fiscal|FY)\s*)?\b(?P<y>{_YEAR})\b(?!['’]?s\b)", i),
            _resolve_year,
            _year_guard,
        ),
        _Rule(
            "short_year",
            _c(
                r"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\bof\s)|(?<=\bfrom\s)|(?<=\buntil\s)"
                r"|(?<=\bby\s))['’](?P<y>\d\d)\b(?!['’]?s\b)"
            ),
            _resolve_short_year,
        ),
        _Rule(
            "relative_day",
            _c(
                r"\b(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|today|tonight"
                r"|(?:yesterday|tomorrow|this)\s+(?:morning|afternoon|evening|night)|yesterday"
                r"|tomorrow|last\s+night)\b",
                i,
            ),
            _resolve_relative_day,
        ),
        _Rule(
            "weekday",
            _c(
                r"(?:(?P<det>[Ll]ast|[Nn]ext|[Tt]his|(?:[Tt]his\s+)?[Cc]oming"
                rf"|[Tt]he\s+(?:previous|preceding|following))\s+)?(?P<wd>{_WDAY_FULL})"
                r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
            ),
            _resolve_weekday,
            _weekday_guard,
        ),
        _Rule(
            "reference",
            _c(
                r"\b(?:(?:right\s+)?now|currently|current|at\s+present|presently|nowadays"
                r"|these\s+days|at\s+the\s+moment|(?:more\s+)?recently|lately"
                r"|recent\s+(?:days|weeks|months|years|decades)"
                r"|(?:the\s+)?past(?=[.,;]|\s+(?:and|or|but|when)\b)"
                r"|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term"
                r"|(?:the\s+)?coming\s+(?:days|weeks|months|years)"
                r"|(?:in\s+)?the\s+years\s+ahead)\b(?![-'])",
                i,
            ),
            _resolve_reference,
            _reference_guard,
        ),
        _Rule(
            "chained_day",
            _c(
                r"\b(?:the\s+(?:following|next|previous|preceding|same)\s+"
                r"(?:day|morning|afternoon|evening|night)|that\s+(?:day|morning|afternoon|evening"
                r"|night)|the\s+day\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))"
                r"|(?:(?<=\bend\s)|(?<=\bending\s)|(?<=\bended\s)|(?<=\bfor\s)|(?<=\bin\s)"
                r"|(?<=\bduring\s)|(?<=\bof\s)|(?<=\bfinish\s)|(?<=\bclose\s)|(?<=\bclosed\s))the\s+day"
                r"(?!\s+(?:before|after|when|that|of|(?-i:[A-Z]))))\b",
                i,
            ),
            _resolve_chained_day,
        ),
        _Rule(
            "ago",
            _c(
                rf"\b(?P<num>{_NUM})[\s-]+(?P<unit>{_UNIT})s?\s+"
                rf"(?P<dir>ago|earlier|later|before{_NO_CLAUSE_AFTER}|from\s+now|hence)\b",
                i,
            ),
            _resolve_ago,
            _number_guard,
        ),
        _Rule(
            "year_ago_period",
            _c(
                r"\b(?:the\s+)?(?:(?:comparable|corresponding|same|prior)\s+)?year-(?:ago|earlier)"
                r"(?:[\s-]+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:quarter|period|month)s?)?\b"
                r"|\b(?:the\s+)?(?:(?:same|comparable|corresponding)\s+)?(?:(?P<ord2>first|second"
                r"|third|fourth)[\s-]+)?(?:period|quarter|month)\s+(?:a\s+year\s+(?:ago|earlier)"
                r"|(?:of\s+)?(?:the\s+)?(?:last|previous|prior)\s+year)\b",
                i,
            ),
            _resolve_year_ago_period,
        ),
        _Rule(
            "year_quarter",
            _c(
                rf"\b(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>this|last|next)\s+year['’]s)\s+"
                r"(?:fiscal\s+)?(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?P<unit>quarter|period)\b",
                i,
            ),
            _resolve_year_quarter,
        ),
        _Rule(
            "latest_period",
            _c(
                r"\bthe\s+(?:(?P<which>latest|most\s+recent|current|same|recent)\s+)?"
                r"(?:(?:fiscal|financial)\s+)?(?P<unit>quarter|weekend)\b(?![-'])",
                i,
            ),
            _resolve_latest_period,
        ),
        _Rule(
            "year_end",
            _c(
                r"\b(?:(?:by|at|until|before|through)\s+)?(?:the\s+)?"
                r"(?P<mod>end|beginning|start|middle|turn)\s+of\s+the\s+(?P<unit>year|month|week)\b"
                r"|\byear(?:['’]s\s+|-)end\b|\byear\s+end\b",
                i,
            ),
            _resolve_year_end,
        ),
        _Rule(
            "holiday",
            _c(
                r"\b(?P<day>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?"
                r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Independence\s+Day"
                r"|Valentine['’]s\s+Day|Halloween|Boxing\s+Day)(?:\s+(?P<y>{year}))?\b".replace(
                    "{year}", _YEAR
                )
            ),
            _resolve_holiday,
        ),
        _Rule(
            "spelled_year",
            _c(
                r"\bnineteen\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[\s-](?P<units>one|two|three|four|five|six|seven|eight|nine))?\b",
                i,
            ),
            _resolve_spelled_year,
        ),
        _Rule(
            "clock",
            _c(
                r"(?:(?<![\d.:$])(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:[ap]\.m\.|[AaPp][Mm]\b)"
                r"(?:\s+(?:[A-Z]{1,4}T|UTC|GMT))?|(?<![\d.:$])(?:[01]?\d|2[0-3]):[0-5]\d"
                r"(?:\s+(?:[A-Z]{2,4}T|UTC|GMT|local\s+time)|(?=\s+(?:on|hours?|yesterday|today)\b))"
                r"|(?<![\d.:$,])(?P<military>(?:[01]\d|2[0-3])[0-5]\d)\s+(?:GMT|UTC|[A-Z]{2,4}T)\b"
                r"|\b(?P<named>[Nn]oon|[Mm]idnight|[Mm]idday))"
                rf"(?:,?\s+(?:on\s+|early\s+)?(?P<wd>{_WDAY_FULL})\b)?"
            ),
            _resolve_clock,
            _number_guard,
        ),
        _Rule(
            "relative_unit",
            _c(
                r"\b(?:(?P<mod>earlier|later|early|late|the\s+(?:end|beginning|start|middle)\s+of)"
                r"\s+)?(?P<det>this|last|next|previous|coming|current)\s+(?:(?:fiscal|financial)\s+)?"
                r"(?P<unit>week(?:end)?|month|year|quarter|decade|century)\b",
                i,
            ),
            _resolve_relative_unit,
        ),
        _Rule(
            "duration",
            _c(
                rf"\b(?:(?P<hedge>{_HEDGE})\s+)?(?:the\s+(?:past|last|previous|next|first)\s+)?"
                rf"(?P<num>{_NUM}|{_VAGUE_NUM}|couple\s+of)[\s-]+(?:(?:more|straight|consecutive"
                rf"|full|additional|long|extra|further|successive|trading|business|working)\s+)?(?P<unit>{_UNIT})(?:s|-long)?\b",
                i,
            ),
            _resolve_duration,
            _duration_guard,
        ),
        _Rule(
            "duration_past_unit",
            _c(
                r"\bthe\s+(?P<which>past|last|previous|preceding)\s+"
                r"(?P<unit>day|week|month|year|decade|century)\b",
                i,
            ),
            _resolve_one_unit,
        ),
        _Rule(
            "duration_plural",
            _c(
                r"\b(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
                r"(?![-'’])",
                i,
            ),
            _resolve_plural_duration,
            _plural_duration_guard,
        ),
        _Rule(
            "duration_long",
            _c(
                rf"(?:(?P<hedge>{_HEDGE})[\s-]+)?(?:an?[\s-]+)?(?P<unit>days?|weeks?|months?|years?"
                r"|decades?|century|centuries)-long\b",
                i,
            ),
            _resolve_long,
        ),
    ]


def _resolve_month_of_relative_year(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    month = month_number(match.group("mon"))
    mod = _mod_word(_group(match, "mod"))
    if ctx.anchor is None:
        return _Resolved(f"XXXX-{month:02d}", "month", False, mod=mod)
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(match.group("rel").lower(), 0)
    return _Resolved(f"{year}-{month:02d}", "month", mod=mod)


def _resolve_reference(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    words = match.group(0).lower()
    if re.search(r"futur|soon|com|ahead|near|short", words):
        value = "FUTURE_REF"
    elif re.search(r"recent|past|previous|lately|former", words):
        value = "PAST_REF"
    else:
        value = "PRESENT_REF"
    return _Resolved(value, "unknown")


def _resolve_year_ago_period(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    ordinal = (_group(match, "ord") or _group(match, "ord2") or "").lower()
    before = _year_before(ctx)
    if not ordinal or before.value is None:
        return before
    year = int(before.value[:4]) if before.granularity != "year" else int(before.value)
    return _Resolved(f"{year}-Q{ORDINALS[ordinal]}", "quarter", True, True)


def _resolve_year_quarter(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    if match.group("y"):
        year = int(match.group("y"))
    elif ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(match.group("rel").lower(), 0)
    else:
        return _unanchored("quarter")
    ordinal = (match.group("ord") or "").lower()
    if ordinal:
        return _Resolved(f"{year}-Q{ORDINALS[ordinal]}", "quarter")
    period = re.fullmatch(r"\d{4}(-Q\d)", ctx.last_period or "")
    if period:  # "the 1988 period" of a results story: the quarter under discussion
        return _Resolved(f"{year}{period[1]}", "quarter", True, True)
    return _Resolved(str(year), "year")


def _resolve_latest_period(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    unit = match.group("unit").lower()
    if ctx.anchor is None:
        return _unanchored("week" if unit == "weekend" else "quarter")
    direction = tense_direction(ctx.text, *match.span())
    if unit == "weekend":
        amount = 0 if direction in _AHEAD or ctx.anchor.weekday() >= 5 else -1
        return _shift(ctx.anchor, "weekend", amount)
    which = (_group(match, "which") or "").lower()
    amount = 0 if which == "current" or direction in _AHEAD else -1
    shifted = _shift(ctx.anchor, "quarter", amount)
    return _Resolved(shifted.value, "quarter", True, True)


def _resolve_year_end(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    unit = (_group(match, "unit") or "year").lower()
    mod = _mod_word(_group(match, "mod")) or "end"
    mod = "start" if mod == "turn" else mod
    if ctx.anchor is None:
        return _Resolved(None, unit, False, mod=mod)
    shifted = _shift(ctx.anchor, unit, 0)
    return _Resolved(shifted.value, shifted.granularity, True, False, mod)


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
    "independence day": (7, 4), "valentine's day": (2, 14), "halloween": (10, 31),
    "boxing day": (12, 26),
}  # fmt: skip


def _holiday_date(name: str, year: int) -> Date:
    if name.startswith("thanksgiving"):
        first = Date(year, 11, 1)
        return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        found: Date = easter(year)
        return found
    month, day = _FIXED_HOLIDAYS[name]
    return Date(year, month, day)


def _resolve_holiday(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    name = re.sub(r"\s+", " ", match.group("day").lower().replace("’", "'"))
    if match.group("y"):
        return _day_value(_holiday_date(name, int(match.group("y"))))
    if ctx.anchor is None:
        return _unanchored("day")
    direction = tense_direction(ctx.text, *match.span())
    back = _holiday_date(name, ctx.anchor.year)
    if back > ctx.anchor:
        back = _holiday_date(name, ctx.anchor.year - 1)
    forward = _holiday_date(name, back.year + 1) if back < ctx.anchor else back
    later = _nearest((ctx.anchor - back).days, (forward - ctx.anchor).days, direction)
    return _day_value(forward if later else back, inferred=True)


def _resolve_short_year(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    return _Resolved(str(_full_year(int(match.group("y")), ctx.anchor)), "year")


def _resolve_spelled_year(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    tens = NUMBER_WORDS[match.group("tens").lower()]
    units = NUMBER_WORDS.get((match.group("units") or "").lower(), 0)
    return _Resolved(str(1900 + int(tens) + int(units)), "year")


def _clock_time(match: re.Match[str]) -> tuple[int, int] | None:
    """(hour, minute) of "9 a.m.", "16:15 UTC", "0800 GMT", "noon"; None if impossible."""
    named = (match.group("named") or "").lower()
    if named:
        return (0, 0) if named == "midnight" else (12, 0)  # midnight's day: _midnight
    military = match.group("military")
    if military:
        return int(military[:2]), int(military[2:])
    found = re.match(r"(\d{1,2})(?::(\d\d))?\s*([ap])?", match.group(0), re.I)
    if found is None or (found[3] and int(found[1]) > 12):
        return None
    hour, minute = int(found[1]), int(found[2] or 0)
    if found[3]:
        hour = hour % 12 + (12 if found[3].lower() == "p" else 0)
    return hour, minute


def _resolve_clock(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    clock = _clock_time(match)
    if clock is None:
        return None
    hour, minute = clock
    day = _clock_day(ctx, match.start()) or ctx.last_day or ctx.anchor
    named = None  # the day the clock time tells with it ("11 p.m. Friday"), which later
    if match.group("wd") and ctx.anchor is not None:  # clock times and "the next day" follow
        direction = tense_direction(ctx.text, *match.span())
        day = named = pick_weekday(weekday_number(match.group("wd")), ctx.anchor, direction)
    if day is None:
        return _Resolved(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "time", False)
    if (match.group("named") or "").lower() == "midnight":
        hedge = clock_hedge(ctx.text[max(0, match.start() - 40) : match.start()])
        return replace(_midnight(day, hedge), day=named)
    return _Resolved(f"{day.isoformat()}T{hour:02d}:{minute:02d}", "time", True, True, day=named)


def _midnight(day: Date, hedge: str | None) -> _Resolved:
    """Midnight told with a day: "just after midnight (early) Saturday" is Saturday's first
    minute; "shortly before midnight" the day's last (the hedge kept); a bare "midnight
    Saturday" ends Saturday, as news style has it, so it is 00:00 of Sunday."""
    if hedge in {"after", "shortly after"}:
        return _Resolved(f"{day.isoformat()}T00:00", "time", True, True, hedge)
    if hedge == "before":
        return _Resolved(f"{day.isoformat()}T23:59", "time", True, True, hedge)
    following = day + datetime.timedelta(days=1)
    return _Resolved(f"{following.isoformat()}T00:00", "time", True, True)


def _clock_day(ctx: _Context, position: int) -> Date | None:
    """The day of an earlier sentence telling of the same happening as the clock time's
    ("A man shot on Dunmore Avenue on Saturday night ..." for "The shooting happened at about
    11:45 p.m. in the 1400 block of Dunmore Avenue"), rather than the last day the text named
    ("arrested on Monday afternoon"): the sentence sharing the most content words with it, at
    least ``CLOCK_SHARED_WORDS`` (the nearest on a tie), and its first day. None when no
    sentence before it shares that many."""
    sentences = ctx.sentences_of_text()
    own = sentences.content(*sentences.bounds(position))
    best: tuple[int, int, Date] | None = None  # (words shared, sentence start, its day)
    for where, day in ctx.days:
        start, end = sentences.bounds(where)
        if end > position:
            break  # the clock time's own sentence and after: the last day stands for them
        shared = len(own & sentences.content(start, end))
        if shared >= CLOCK_SHARED_WORDS and (best is None or (shared, start) > best[:2]):
            best = (shared, start, day)
    return best[2] if best is not None else None


def _content_of(sentence: str) -> frozenset[str]:
    """The sentence's words that may tell what happened, neither stop words nor short, by
    their first letters, so that the forms of one word meet ("stabbed", "stabbing")."""
    return frozenset(
        lowered[:CLOCK_WORD_LETTERS]
        for lowered in map(str.lower, words_of(sentence))
        if len(lowered) > 3 and lowered not in words.STOP_WORDS and lowered[0].isalpha()
    )


def _resolve_quarter_code(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    return _resolve_quarter(match, ctx)


def _resolve_century_word(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    raw = match.group("cent").lower()
    words = {"twentieth": 20, "nineteenth": 19, "twenty-first": 21}
    number = words.get(raw) or int(re.sub(r"\D", "", raw))
    return _Resolved(f"{number - 1:02d}XX", "century", mod=_mod_word(_group(match, "mod")))


def _resolve_one_unit(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    unit = match.group("unit").lower()
    if match.group("which").lower() in {"previous", "preceding"} and unit in _CALENDAR_UNITS:
        if ctx.anchor is None:  # "the previous year" is a date: the one before
            return _unanchored(unit)
        return _shift(ctx.anchor, unit, -1)
    return _Resolved(_duration_value(1, unit), "duration")


def _plural_duration_guard(match: re.Match[str], text: str) -> bool:
    previous = _words_before(text, match.start())
    prev_word = previous[0].lower() if previous else ""
    if prev_word in {"for", "in", "within", "over", "after", "took", "takes", "spent"}:
        return True
    return prev_word not in _DETERMINERS and _next_word(text, match.end()).lower() == "of"


def _weekday_guard(match: re.Match[str], text: str) -> bool:
    previous = _words_before(text, match.start())
    if RECURRING_AFTER.match(text, match.end()):
        return False  # "the second Tuesday of each month": every month's, no one day
    if previous and previous[0].lower() in {"every", "each"}:
        return False  # "every Tuesday"
    if previous and previous[0].lower() in {"a", "any"} and not _names_a_happening(match, text):
        return False  # "rarely missed a Sunday", "out on a Friday night": no one day
    return not previous or previous[0] not in NAMED_DAY_WORDS


# A clock time right after a weekday: the day of a happening ("a Friday 5 p.m. deadline")
_CLOCK_NEXT = re.compile(r"[ \t]+\d")


def _names_a_happening(match: re.Match[str], text: str) -> bool:
    """Whether a weekday after "a" tells of one happening by the noun or the time it is put
    before ("a Friday rush-hour confrontation", "a Saturday night gathering", "a Sunday Mass",
    "a Friday 5 p.m. deadline"), not of any such day ("rarely missed a Sunday at the chapel")."""
    if _CLOCK_NEXT.match(text, match.end()):
        return True
    following = _next_word(text, match.end())
    return bool(following) and following.lower() not in words.STOP_WORDS


# A weekday told of every week or month: "the first Monday of every month".
RECURRING_AFTER = re.compile(r"\s+of\s+(?:each|every)\b", re.IGNORECASE)
# Words that make a weekday a named day, not a date: "Black Friday", "Patch Tuesday".
NAMED_DAY_WORDS = frozenset({"Black", "Cyber", "Super", "Good", "Ash", "Bloody", "Patch"})


def _reference_guard(match: re.Match[str], text: str) -> bool:
    word = match.group(0).lower()
    following = _next_word(text, match.end()).lower()
    if word == "current":
        return following not in {"account", "accounts", "affairs", "events", "level", "levels"}
    return not (word == "now" and following in {"that", "defunct"})


def _season_guard(match: re.Match[str], text: str) -> bool:
    if match.group("y") or _group(match, "det") or _group(match, "mod"):
        return match.group("season").lower() != "fall" or bool(
            match.group("y") or match.group("det")
        )
    return False


_POSSESSIVES = {"his", "her", "their", "my", "your", "our"}


def _decade_guard(match: re.Match[str], text: str) -> bool:
    raw = match.group("dec")
    previous = _words_before(text, match.start())
    if previous and previous[-1].lower() in _POSSESSIVES and not re.match(r"\d{4}", raw):
        return False  # "in his late 20s", "in their early thirties": an age ("her 1990s hits" not)
    introduced = match.group(0).lower().startswith(("the", "early", "mid", "late"))
    if re.match(r"\d0s", raw) and not introduced and previous[-1:] not in (["and"], ["or"]):
        return False  # "30s" is more often an age or a temperature than a decade
    return not _numeric_context(text, match.start("dec"), match.end())


_RULES = _rules()


# ---------------------------------------------------------------- public API


_UNIT_WORD = r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur"
_MONTH_WORD = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_DAY_WORD = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Rules sharing a trigger share its windows: fewer distinct triggers, less work per call.
_QUARTER_WORD = r"quarter|half|period"
_AGO_WORD = r"ago|earlier|later|before|after|from now|hence|(?:last|previous|prior) year"
_ODD_YEAR = r"nineteen|['’]\d\d"
# A cheap pattern (on lower-cased text) every match of a rule contains: a rule only runs in
# windows around its trigger's hits, which keeps a whole article well under 20 ms.
_TRIGGERS = {
    "iso": r"\d{4}-\d", "numeric": r"\d[/.]\d", "day_range_md": _MONTH_WORD,
    "day_range_dm": _MONTH_WORD, "month_day": _MONTH_WORD, "day_month": _MONTH_WORD,
    "month_range": _MONTH_WORD, "month_year": _MONTH_WORD, "month_relative": _MONTH_WORD,
    "month_of_relative_year": _MONTH_WORD, "season": r"spring|summer|fall|autumn|winter",
    "quarter": _QUARTER_WORD, "quarter_code": r"[qh][1-4]", "year_range": r"\d\d\d\d",
    "decade": r"0'?s\b|ties\b", "century": r"century", "year": r"\d\d\d\d",
    "relative_day": r"today|tonight|yesterday|tomorrow|this|last", "weekday": _DAY_WORD,
    "reference": r"now|curren|presen|days|moment|recent|lately|past|future|term|coming|ahead",
    "chained_day": r"day|morning|afternoon|evening|night",
    "ago": _AGO_WORD, "latest_period": r"quarter|weekend",
    "year_end": r"end\b|of the", "year_quarter": _QUARTER_WORD,
    "year_ago_period": _AGO_WORD,
    "holiday": r"christmas|new year|thanksgiving|easter|independence|valentine|halloween|boxing",
    "spelled_year": _ODD_YEAR, "short_year": _ODD_YEAR,
    "clock": r"\d:\d\d|\d\s*[ap]\.?m|\d\d\d\d (?:gmt|utc|[a-z]{1,3}t)\b|noon|mid(?:night|day)",
    "relative_unit": r"this|last|next|previous|coming|current",
    "duration": _UNIT_WORD, "duration_past_unit": _UNIT_WORD, "duration_plural": _UNIT_WORD,
    "duration_long": r"-long",
}  # fmt: skip
_TRIGGER_PATTERNS = {kind: re.compile(pattern) for kind, pattern in _TRIGGERS.items()}
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_WINDOW_BEFORE = 70
_WINDOW_AFTER = 60


def _windows(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around the hits of a rule's trigger."""
    windows: list[tuple[int, int]] = []
    for hit in trigger.finditer(text):
        start = max(0, hit.start() - _WINDOW_BEFORE)
        end = min(len(text), hit.end() + _WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _rule_matches(
    rule: _Rule, text: str, lowered: str, cache: dict[str, list[tuple[int, int]]]
) -> list[re.Match[str]]:
    trigger = _TRIGGER_PATTERNS.get(rule.kind)
    if trigger is None:
        return list(rule.pattern.finditer(text))
    if trigger.pattern not in cache:
        cache[trigger.pattern] = _windows(trigger, lowered)
    found: dict[tuple[int, int], re.Match[str]] = {}
    for start, end in cache[trigger.pattern]:
        # A match touching the window's end may be cut short: look again on the whole text.
        for match in rule.pattern.finditer(text, start, end):
            if match.end() == end < len(text):
                match = rule.pattern.match(text, match.start()) or match
            found.setdefault(match.span(), match)
    return list(found.values())


def _candidates(text: str, rules: list[tuple[int, _Rule]]) -> list[_Candidate]:
    found: list[_Candidate] = []
    lowered = text.translate(_ASCII_LOWER)  # same length as text, unlike str.lower()
    windows: dict[str, list[tuple[int, int]]] = {}
    for priority, rule in rules:
        for match in _rule_matches(rule, text, lowered, windows):
            if match.end() <= match.start():
                continue
            if rule.guard is None or rule.guard(match, text):
                found.append(_Candidate(match.start(), match.end(), priority, rule, match))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest spans first (earlier rules break ties); no two kept spans overlap."""
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start))
    kept: list[_Candidate] = []
    taken = bytearray(max((c.end for c in candidates), default=0))
    for candidate in ordered:
        if any(taken[candidate.start : candidate.end]):
            continue
        taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'from'/'between'/'the' and trailing punctuation from a span."""
    lead = re.match(r"(?:(?:from|between|the)\s+)+", text[start:end], re.I)
    if lead and lead.end() < end - start:
        start += lead.end()
    while end > start and text[end - 1] in ",; ":
        end -= 1
    return start, end


_ALL_RULES = list(enumerate(_RULES))
_NEEDS_AN_ANCHOR = {
    "reference", "duration", "duration_past_unit", "duration_plural", "duration_long",
    "relative_day", "weekday", "relative_unit", "latest_period", "year_end", "month_relative",
    "month_of_relative_year",
}  # fmt: skip
_ABSOLUTE_RULES = [(i, rule) for i, rule in _ALL_RULES if rule.kind not in _NEEDS_AN_ANCHOR]
_PERIODS = {"quarter", "month"}
_CALENDAR_UNITS = {"week", "month", "year"}
_PERIOD_VALUE = re.compile(r"(\d{4})(-(?:Q|H)?\d\d?)")


def _year_before(ctx: _Context) -> _Resolved:
    """The period last named in the text a year earlier ("a year ago" in results news means
    the same quarter of the previous year), else the year before the anchor."""
    period = _PERIOD_VALUE.fullmatch(ctx.last_period or "")
    if period:
        granularity = "month" if period[2][1].isdigit() else "quarter"
        return _Resolved(f"{int(period[1]) - 1}{period[2]}", granularity, True, True)
    if ctx.anchor is None:
        return _unanchored("year")
    return _Resolved(str(ctx.anchor.year - 1), "year", True, True)


def _names_a_period(candidate: _Candidate, resolved: _Resolved) -> bool:
    """A quarter or month named in the text (not one a year before it, which compares)."""
    if candidate.rule.kind in {"ago", "year_ago_period"} or not resolved.anchored:
        return False
    return resolved.granularity in _PERIODS and resolved.value is not None


def find_times(text: str, article_id: str, anchor: Date | None) -> list[TimeExpression]:
    """Every time expression in ``text``, normalised against ``anchor`` (the publication date)."""
    return _find_times(text, article_id, anchor, _ALL_RULES)


def told_times(text: str, article_id: str, anchor: Date | None) -> list[TimeExpression]:
    """The times a text tells of: every one but a wire dateline's date ("TALMOUTH, March 11
    (Herald) -"), which is the report's own (``find_dateline`` reads it as the publication
    date), not the date of what it reports."""
    return _find_times(text, article_id, anchor, _ALL_RULES, lead_datelines(text))


def needs_an_anchor(time: TimeExpression) -> bool:
    """Whether the expression's value came from its anchor ("on Friday", "December 14",
    "last week"), not from its own words ("12 March 2031", "the 1930s"): read alone,
    without an anchor, its words do not give the same value."""
    alone = _absolute_times(time.evidence.text)
    return not any(t.anchored and t.value == time.value for t in alone)


def value_of_its_words(time: TimeExpression) -> str | None:
    """The value an expression's own words give, read without an anchor: its value when it
    needs none ("12 March 2031"), a year-less one ("XXXX-06-14" for "June 14"), None when
    only a report's day places it ("on Saturday", "nine weeks ago")."""
    alone = _absolute_times(time.evidence.text)
    if any(t.anchored and t.value == time.value for t in alone):
        return time.value
    return next((t.value for t in alone if t.value), None)


@lru_cache(maxsize=4096)
def value_read_on(text: str, start: int, anchor: Date) -> str | None:
    """The value of the expression that starts at ``start`` in ``text`` (a sentence), read
    against another day than its report's: what "on Saturday" would name in a report of
    ``anchor``'s day."""
    found = _find_times(text, "", anchor, _ALL_RULES)
    return next((t.value for t in found if t.evidence.start == start), None)


def _absolute_times(line: str) -> list[TimeExpression]:
    """The expressions of a line that can be dated without an anchor (datelines, guesses):
    the rules left out only ever give unanchored values there, and cost time on the hot path."""
    return _find_times(line, "", None, _ABSOLUTE_RULES)


def _find_times(
    text: str,
    article_id: str,
    anchor: Date | None,
    rules: list[tuple[int, _Rule]],
    skipped: Sequence[tuple[int, int]] = (),
) -> list[TimeExpression]:
    context = _Context(text, anchor)
    found: list[TimeExpression] = []
    for candidate in _select(_candidates(text, rules)):
        if any(start <= candidate.start < end for start, end in skipped):
            continue
        try:
            resolved = candidate.rule.resolve(candidate.match, context)
        except (OverflowError, ValueError):  # a day past the calendar's ends (9999-12-31 and
            continue  # "the next day", "yesterday" of 0001-01-01): no day to name
        if resolved is None:
            continue
        if resolved.day is not None and resolved.granularity in ("day", "time"):
            context.last_day = resolved.day  # ranges are too vague to follow
            context.days.append((candidate.start, resolved.day))
        if _names_a_period(candidate, resolved):
            context.last_period = resolved.value
        start, end = _trim(text, candidate.start, candidate.end)
        evidence = Evidence(article_id, start, end, text[start:end])
        found.append(
            TimeExpression(
                evidence,
                resolved.value,
                resolved.granularity,
                resolved.anchored,
                resolved.inferred,
                resolved.mod,
            )
        )
    return found


# ---------------------------------------------------------------- datelines

_DATELINE_LABEL = re.compile(
    r"\b(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?"
    r"|publication\s+date|updated(?:\s+on)?|last\s+updated|created)\b\s*[:\-–|]?\s*$",
    re.I,
)
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?(?![a-z]))?"
    r"|\b\d{1,2}\s*[ap]\.m\.|\bT\d{2}:\d{2}\S*",
    re.I,
)
_FILLER = re.compile(
    r"\b(?:at|on|by|am|pm|updated|published|posted|date|dated|gmt|utc|local|time|and|"
    r"last|first|created|modified|read|min|minutes?|\d+)\b|[|•·,:;()\-–—/]",
    re.I,
)
_TOP_LINES = 40
_HAS_DIGIT = re.compile(r"\d")
_DATELINE_WORDS = 14
_ANY_LABEL = re.compile(r"\b(?:date|dated|published|posted|updated|created)\b", re.I)
# four figures standing alone, or "'24"; written to start with what it looks for (a figure
# or an apostrophe), which lets the regular expression engine skip the other characters
_HAS_YEAR = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)|'\d\d\b")


# What a line needs to hold a full date read without an anchor (the rules giving a day:
# "2024-05-16", "16/5/2024", "May 16, 2024", "16th of May 2024", "Christmas Day 2024"), looked
# for in the lower-cased line (those rules are case-sensitive): every such match has one.
_MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_MAY_HOLD_A_DAY = re.compile(
    rf"\d{{4}}-\d\d-\d\d|\d[/.]\d|\d[a-z]*\s+(?:of\s+)?{_MONTH_START}|{_MONTH_START}[a-z.]*\s+\d"
    r"|christmas|new\s+year|thanksgiving|easter|independence|valentine|halloween|boxing"
)


# The head of a scraped text repeats from one document of an outlet to the next (its menus,
# its bylines, its time stamps): each line is read once per process.
@lru_cache(maxsize=4096)
def _dateline_in_line(line: str) -> tuple[str, bool] | None:
    """(ISO date, labelled) when a line of the article head is a dateline."""
    if not _HAS_DIGIT.search(line):
        return None  # a full date always has a day or a year in figures
    if len(line.split()) > _DATELINE_WORDS:
        label = _ANY_LABEL.search(line)
        if label is None or len(line[: label.start()].split()) > _DATELINE_WORDS:
            # a long line is prose, not a dateline, unless a label opens it ("By A. Name
            # and B. Name, updated ..."): "... in one memo, dated May 8, 2017" dates the memo
            return None
    if not _MAY_HOLD_A_DAY.search(line.lower()):
        return None  # no rule can read a full date there
    for found in _absolute_times(line):
        if found.granularity != "day" or not found.anchored or found.value is None:
            continue
        before = line[: found.evidence.start]
        if _DATELINE_LABEL.search(before):
            return found.value, True
        rest = line[: found.evidence.start] + " " + line[found.evidence.end :]
        leftover = _FILLER.sub(" ", _CLOCK.sub(" ", rest)).split()
        if len(leftover) <= 2:
            return found.value, False
    return None


# The parts of a masthead's line ("Thursday, February 9, 2051 | Vol. 61, No. 6 | Serving
# Harwick"), each read as a line of its own
_LINE_PARTS = re.compile(r"\s[|·•]\s")
# ... and a log's or a newscast's name, a dash and a weekday's full date ("Daily Activity Log
# — Friday, July 18, 2053", "Evening Briefs - Friday, May 9, 2031"): a name of a few words,
# the date the line's end. Not a headline's dash ("Storm hits coast - March 3, 2031 flood
# recap", "Trial set - May 9, 2031"), nor a life's span, nor an aside in a sentence.
_NAMED_DAY = re.compile(
    rf"(?P<name>[^\d—–-]{{1,60}}?)\s[—–-]\s(?P<day>{_WDAY_FULL},?\s+[A-Z][a-z]+\.?\s+\d{{1,2}},?"
    r"\s+\d{4})\s*"
)


def _dateline_in_parts(line: str) -> tuple[str, bool] | None:
    """A dateline that is one part of a line cut by bars or dots, the first such, or the
    weekday's date after a name and a dash (``_NAMED_DAY``)."""
    named = _NAMED_DAY.fullmatch(line) if any(dash in line for dash in "—–-") else None
    if named is not None and len(named["name"].split()) <= _NAME_WORDS:
        return _dateline_in_line(named["day"])
    if "|" not in line and "·" not in line and "•" not in line:
        return None  # most lines: no part to cut, and no pattern run
    parts = _LINE_PARTS.split(line)
    if len(parts) < 2:
        return None
    return next(filter(None, map(_dateline_in_line, parts)), None)


_NAME_WORDS = 5  # words of a log's or a newscast's name before its date


def _dateline_case(line: str) -> str:
    """A dateline written in capitals ("27 NOVEMBER, 2005") with its words capitalised, as
    the month patterns read them; other lines as they are."""
    return line.title() if line.isupper() else line


def _labelled_with_dateparser(line: str) -> str | None:
    if len(line.split()) > _DATELINE_WORDS or not _HAS_DIGIT.search(line):
        return None  # prose, or nothing dateparser could read as a full date
    label = re.search(r"\b(?:published|posted|date|updated)\b\s*(?:on)?\s*[:\-–|]?\s*", line, re.I)
    if label is None:
        return None
    # imported here: a last resort, and its import is a tenth of a second every process pays
    import dateparser

    # the labels matched above are English; loading every locale costs seconds per process
    parsed = dateparser.parse(
        line[label.end() : label.end() + 40],
        languages=["en"],
        settings={"STRICT_PARSING": True},
    )
    return parsed.date().isoformat() if parsed else None


def find_dateline(text: str) -> str | None:
    """The ISO date of an explicit dateline near the top of raw scraped text, if any."""
    head = text[:3000]
    view = joined_view(head)  # "November 28 , 2005" in a tokenised text: "November 28, 2005"
    lines = [line for line in (view.text if view else head).splitlines() if line.strip()]
    lines = [_dateline_case(line) for line in lines[:_TOP_LINES]]
    unlabelled: str | None = None
    for line in lines:
        found = _dateline_in_line(line[:300])
        if found and found[1]:
            return found[0]
        if found and unlabelled is None:
            unlabelled = found[0]
    if unlabelled is not None:
        return unlabelled
    # a date that is a part of a line only when no line is a dateline (a page's header
    # tells today's date and the weather: "Tuesday, May 16 | 72° Sunny")
    for line in lines:
        found = _dateline_in_parts(line[:300])
        if found:
            return found[0]
    for line in lines:
        parsed = _labelled_with_dateparser(line[:200])
        if parsed:
            return parsed
    return None


# The month and day of a wire dateline written without its year ("MARROWBY, March 9 (Wire) -").
_DATELINE_MONTH_DAY = re.compile(
    r",[ \t]+(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+"
    r"(?P<day>\d{1,2})\b(?!,?[ \t]+\d{4})"
)
_LEAD_CHARS = 1500  # a wire dateline opens the report: the title and byline come first


def yearless_dateline(text: str) -> tuple[int, int] | None:
    """(month, day) of a wire dateline at the top of ``text`` that gives no year, else None."""
    for start, end in lead_datelines(text[:_LEAD_CHARS]):
        found = _DATELINE_MONTH_DAY.search(text, start, end)
        if found:
            return month_number(found["month"]), int(found["day"])
    return None


# A bare year is as often history ("the first flood since 2019") as the report's own time.
_HISTORY_GRANULARITIES = {"year", "decade", "century", "range", "duration"}


def latest_written_year(text: str) -> int | None:
    """The latest year of a month or a day the text writes of in the past tense ("in
    February 2025", "March 3, 2025"): the year a report is written in, or the one before."""
    latest: int | None = None
    for line in text.splitlines():
        if not _HAS_YEAR.search(line):
            continue
        for found in _absolute_times(line):
            span = found.evidence
            interval = DateInterval.parse(found.value, mod=found.mod) if found.anchored else None
            if interval is None or found.granularity in _HISTORY_GRANULARITIES:
                continue
            if tense_direction(line, span.start, span.end) in _AHEAD:
                continue
            latest = max(latest or interval.start.year, interval.start.year)
    return latest


# Every anchored value the rules read without an anchor takes its year from four figures
# written in its line, except these: two-figure years ("'24", "7/8/24"), decades ("the 90s",
# "the twenties"), centuries and spelled years. A line holding one has no bound.
_YEAR_NOT_IN_FIGURES = re.compile(r"['’]\d\d|/\d\d|\d0['’]?s|ties\b|centur|nineteen", re.I)
_FOUR_FIGURES = re.compile(r"\d{4}")
_NO_BOUND = 1 << 30


def _latest_year_in(line: str) -> int:
    """A year no date of the line can start after: its largest four-figure number (a date
    starts within or before the year it is written with), else no bound."""
    if _YEAR_NOT_IN_FIGURES.search(line):
        return _NO_BOUND
    return max(map(int, _FOUR_FIGURES.findall(line)), default=_NO_BOUND)


def latest_mentioned_date(text: str) -> str | None:
    """The latest full date (ISO) the text mentions in the past tense: a guess at when it
    was written (:mod:`triangulate.readers.published` decides when to guess).

    The guess is dropped when the text also speaks, in the past tense, of a later month or year
    ("in 2024" after "November 10, 2020"): the article was then written after its latest full date.
    """
    # the guess rests on dates with a year: other lines are skipped, and the lines are read
    # latest year first, so that reading stops once no line left can change the answer
    lines = sorted(
        ((_latest_year_in(line), line) for line in text.splitlines() if _HAS_YEAR.search(line)),
        key=lambda bounded: bounded[0],
        reverse=True,
    )
    # how many of the lines from each one on may hold a full date (the last ones none)
    days_left = list(
        accumulate(bool(_MAY_HOLD_A_DAY.search(line.lower())) for _, line in lines[::-1])
    )
    latest_day: Date | None = None
    latest_start: Date | None = None
    for position, (bound, line) in enumerate(lines):
        if latest_start is not None and latest_start.year > bound:
            break  # every date left starts before the latest start: neither maximum moves
        if latest_day is None and not days_left[len(lines) - 1 - position]:
            return None  # no full date so far, and no line left can give one
        for found in _absolute_times(line):
            span = found.evidence
            interval = DateInterval.parse(found.value, mod=found.mod) if found.anchored else None
            if interval is None or tense_direction(line, span.start, span.end) in _AHEAD:
                continue
            latest_start = max(latest_start or interval.start, interval.start)
            if found.granularity == "day":
                latest_day = max(latest_day or interval.start, interval.start)
    if latest_day is None or (latest_start is not None and latest_start > latest_day):
        return None
    return latest_day.isoformat()


# ---------------------------------------------------------------- comparing values


def compatible(a: TimeExpression, b: TimeExpression) -> bool:
    """Whether two normalised values can refer to the same time, given their granularity.

    Dates, periods and ranges are compared as day intervals (``early``/``mid``/``late``
    narrow a period); durations agree when equal, or within 20% when either is hedged
    ("nearly three decades"). Expressions without a value never agree. The rules are
    :func:`triangulate.core.dates.values_compatible`.
    """
    return values_compatible(a.value, a.mod, b.value, b.mod)
