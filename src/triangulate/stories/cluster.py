"""Story clustering: group a stream of articles into stories, one real-world event each.

Two stages, both plain functions over records so that the same code runs in-process, in a
process pool or in Ray tasks:

* :func:`featurize` turns one article into :class:`ArticleFeatures`: content words, names
  (capitalised phrases: people, places, organisations), and figures and dates mentioned.
  A regex extractor rather than spaCy NER: NER costs ~10 ms per article, the regex ~1 ms.
* :class:`StoryClusterer` takes features one at a time, in (published, id) order, and either
  joins the article to the most similar live story or starts a new one.  Similarity mixes
  TF-IDF cosine of words, of names and of figures/dates, so two earthquakes or two
  shootings on the same day with different places, names and tolls stay apart.  Candidate
  stories come from an inverted index of each story's most telling words and names (never
  all pairs).
* A story silent for ``window_days`` turns *dormant* rather than closing: its members'
  vectors are dropped, its centroids and index keys stay, and a follow-up (an arrest, a
  funeral, a victim named) published up to ``dormant_days`` after its last report can still
  join it when the *late-link score* says so: a logistic function of today's similarity,
  the three cosines and the gap in days, fitted on ECB+ train topics
  (``benchmarks/fit_late_link.py``), so that a late report needs more evidence the later it
  comes.  Dormant stories close after ``dormant_days``; a story never spans more than
  ``max_span_days``.
* Whatever the scores, a report telling a harm as news (on its day or just before: "was shot
  Friday afternoon" in Friday's report) joins no story of another incident as the days of
  harm tell it: a live story whose shootings or crashes were on another day, a sleeping one
  whose harms were (see ``StoryClusterer._may_take``).  A follow-up tells its incident's day.
  Nor does a report of an act of violence told as news join a story placed on other streets
  only, nor a report telling only a crash a story telling only violence against a person (or
  the reverse: ``kinds_of_act``).
* Before stories close, each of their articles may move to the live story it now fits best
  (an article joins the best story *at its time*; stories grown since may suit it better).
  Live stories keep their members' vectors for this, so memory still follows the window;
  dormant ones keep only their centroids.
* Then, before a story sleeps or closes, it is split when its reports fall into groups that
  are not alike (average link, fitted on ECB+ train topics by ``benchmarks/fit_split.py``):
  two same-type incidents of one week, mixed in the window, go to sleep apart, and their
  follow-ups find each its own.

Wire copies (``duplicate_of`` set) join their original's story and count once: they do not
move the story's centroid and are not counted in ``originals``.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import hashlib
import heapq
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, repeat
from operator import add, mul, sub
from typing import NamedTuple, overload

import numpy as np
import numpy.typing as npt

from triangulate.core.dates import WEEKDAY_NAMES, day_of, pick_weekday, weekday_number
from triangulate.core.words import (
    ABBREVIATIONS,
    DEATH_WORDS,
    HAPPENINGS,
    NOT_A_SURNAME,
    STOP_WORDS,
    STREET_KINDS,
    TITLE_ABBREVIATIONS,
    VEHICLE_WORDS,
    lower_same_length,
    stem,
    whole_word_starts,
    word_set,
    words_of,
)
from triangulate.models import Article, Story
from triangulate.readers.times import find_times

MAX_WORDS = 1500  # the lead and body of a news story; longer texts add little but time
# The headline and first sentences say which event it is (who, where, when); the body adds
# background shared with similar events, so the lead's words, names and figures count more.
LEAD_WORDS = 80
LEAD_NAMES_BOOST = 3.0
LEAD_FACTS_BOOST = 2.0
# News words that tell one story from another no better than function words do.
NEWS_WORDS = word_set("""
    ago around day days dr even every few further however least like made make many mr mrs ms
    much near new news next now one other own people report reported reports same still three
    time times today tomorrow two week weeks year years yesterday""")
STOPWORDS = STOP_WORDS | NEWS_WORDS
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
# Lower-case words that may sit inside a name ("Bank of England", "Ludwig van Beethoven").
_CONNECTOR_WORDS = (
    "of", "de", "del", "la", "le", "van", "von", "da", "al", "bin", "du", "der", "el",
)  # fmt: skip
_CONNECTORS = frozenset(_CONNECTOR_WORDS)
_CONNECTOR = rf"(?:{'|'.join(_CONNECTOR_WORDS)})(?=\s+[A-Z])"
# A name starts with a capital: a run that starts with a connector ("of Paris") would be
# trimmed to the run from its first capital anyway, so runs start at capitals only, which
# lets the regex engine skip ahead to the next capital letter.
_CAPITALISED_RUN = re.compile(rf"[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|{_CONNECTOR}))*")
# Each pattern opens with a lookahead for its first character, so that the regex engine
# skips ahead to the next candidate position instead of trying the pattern everywhere
# (the same matches, about half the time).
_YEAR = re.compile(r"(?=[12])\b(1[89]\d\d|20\d\d)\b")
_MONTH_NAME = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_MONTH_DAY = re.compile(rf"(?=[A-Z])\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?![\d,.]\d)")
_DAY_MONTH = re.compile(rf"(?=\d)(?<!\d)(\d{{1,2}})\s+({_MONTH_NAME})\b")
_NUMBER = re.compile(r"(?=\d)(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\w])")


@dataclass(frozen=True)
class ArticleFeatures:
    """What the clusterer needs of an article; plain data, cheap to pickle."""

    id: str
    published: str | None
    duplicate_of: str | None = None
    published_inferred: bool = False  # the day of publication is a guess (Article's)
    title: str = ""
    terms: Mapping[str, float] = field(default_factory=dict)  # word -> 1 + log(count)
    names: Mapping[str, float] = field(default_factory=dict)  # "e:name" -> weight
    facts: Mapping[str, float] = field(default_factory=dict)  # "y:2009", "d:01-12", "n:6.1"
    # The days of the harms the lead tells, and of those told as news: on the day of
    # publication or just before ("was shot Thursday afternoon" in Thursday's report)
    harms: Harms = field(default_factory=lambda: Harms())


# ---------------------------------------------------------------- featurize


def featurize(article: Article) -> ArticleFeatures:
    """The words, names, figures and dates of one article (pure: same input, same output)."""
    title = (article.title or "").strip()
    published = (article.published or None) and article.published[:10]
    # days told relative to the report ("on Saturday") only from a day it was surely published
    told_from = None if article.published_inferred else published
    own = _own_news(article.text)
    body = _leading_words(own, MAX_WORDS)
    text = f"{title}\n{body}" if title else body
    lead = f"{title}\n{_leading_words(own, LEAD_WORDS)}"
    words, lead_words = words_of(text), words_of(lead)  # each text tokenised once
    # a headline in capitals or in title case, a masthead, a byline: on the lines of the text
    # the lead spans, their words read by how the rest of the text writes them (an untitled
    # lead opens with an empty line, one more than the text's)
    head = len(_leading_words(text, len(lead.split())).rstrip().splitlines())
    capitalised = _capitalised_head(text, head)
    names = _names_in(text, words, capitalised)
    lead_names = _names_in(lead, lead_words, capitalised, 0 if title else 1)
    harms = replace(
        harms_told(lead, told_from),
        streets=streets_of_act(lead),
        kinds=kinds_of_act(lead),
        victims=victims_told(lead),
        suspects=suspects_told(lead),
    )
    return ArticleFeatures(
        id=article.id,
        published=published,
        duplicate_of=article.duplicate_of,
        published_inferred=article.published_inferred,
        title=title or _first_line(article.text),
        terms=_sublinear(_content_words(chain(words, lead_words))),
        names=_sublinear(_boosted(names, lead_names, LEAD_NAMES_BOOST)),
        facts=_sublinear(_boosted(facts_in(text), facts_in(lead, told_from), LEAD_FACTS_BOOST)),
        harms=harms,
    )


# Where a report turns to other business ("Also on Tuesday's agenda:", "In other business,"):
# what follows is other stories' news, a line or a paragraph each, often of a story the same
# outlet tells on its own ("the council heard a briefing on the Harrow Street Bridge's closure")
_OTHER_BUSINESS = re.compile(
    r"^[ \t]*(?:also\s+on\s+(?:[\w'’]+\s+){0,3}agenda|in\s+other\s+(?:business|action|matters"
    r"|votes?)|other\s+(?:agenda\s+)?items)\b",
    re.IGNORECASE | re.MULTILINE,
)


def _own_news(text: str) -> str:
    """``text`` up to where it turns to other business (``_OTHER_BUSINESS``), if it does
    after telling something of its own (a brief that opens "In other business," is all its
    own news)."""
    found = _OTHER_BUSINESS.search(text)
    if found is None or not text[: found.start()].strip():
        return text
    return text[: found.start()]


def _boosted(counts: dict[str, float], lead: Mapping[str, float], boost: float) -> dict[str, float]:
    for key, count in lead.items():
        counts[key] = counts.get(key, 0.0) + boost * count
    return counts


def _leading_words(text: str, limit: int) -> str:
    """``text`` up to its word number ``limit + 1`` (words: runs of non-space)."""
    parts = text.split(None, limit)  # the last part: the rest from that word on, if any
    return text[: len(text) - len(parts[-1])] if len(parts) > limit else text


def _first_line(text: str, limit: int = 120) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"


def _sublinear(counts: Mapping[str, float]) -> dict[str, float]:
    return {key: 1.0 + math.log(count) for key, count in sorted(counts.items()) if count >= 1}


def content_words(text: str) -> Counter[str]:
    """How often each word (by its stem) occurs, function words, months and figures left out."""
    return _content_words(words_of(text))


def _content_words(words: Iterable[str]) -> Counter[str]:
    return Counter(filter(None, map(_content_stem, words)))


# Per word as written, what the featurizer makes of it, remembered: an article's words are
# mostly words seen before, and the caches are bounded.
_WORD_CACHE = 1 << 16


@functools.lru_cache(maxsize=_WORD_CACHE)
def _content_stem(word: str) -> str | None:
    """The stem a word counts under, or None for a function word, a month or a figure."""
    if not word[0].isalpha():
        return None
    lowered = word.lower()
    if len(lowered) <= 2 or lowered in STOPWORDS or lowered in MONTHS:
        return None
    return stem(lowered)


def names_in(text: str) -> dict[str, float]:
    """Capitalised phrases (people, places, organisations), case-folded, with their words.

    A lone capitalised word that also appears in lower case in the text is a common word
    (sentence starts, headlines in title case) and is dropped; a line of its lead nearly all
    capitalised (a headline in capitals or in title case, a masthead, a byline) names only
    what the rest of the text writes capitalised (:func:`_recased`).
    """
    head = len(_leading_words(text, LEAD_WORDS).rstrip().splitlines())  # the lead's lines
    return _names_in(text, words_of(text), _capitalised_head(text, head))


def _names_in(
    text: str,
    words_of_text: list[str],
    capitalised: _Capitalised | None = None,
    shift: int = 0,
) -> dict[str, float]:
    """The names of :func:`names_in`; ``capitalised``: the report's lines nearly all
    capitalised, read by the words it writes capitalised elsewhere (:func:`_capitalised_head`),
    ``shift``: how many lines ``text`` has before the report's first."""
    lowercase = set(filter(str.islower, words_of_text))
    found: defaultdict[str, float] = defaultdict(float)
    if capitalised is not None:
        text = _recased(text, capitalised, shift)
    for run in _CAPITALISED_RUN.findall(text):
        lone, keys = _name_keys(run)
        if lone is not None and lone in lowercase:
            continue
        for key, weight in keys:
            found[key] += weight
    return found


# A word whose case may tell a name: a letter, then word characters and a name's marks
_CASED_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# A line no longer than a headline (in words as white space parts them)
_HEADLINE_MOST = 30


class _Capitalised(NamedTuple):
    """The numbers of a report's lines nearly all capitalised, and those of their words
    (as the words of name keys, :func:`_name_word`: "Ashgrove." and "ASHGROVE'S" are
    "ashgrove") its other lines write capitalised."""

    lines: frozenset[int]
    named: frozenset[str]


def _all_capitalised(line: str) -> bool:
    """Whether ``line`` is no longer than a headline, has two capitalised words or more, and
    its words in lower case are function words or abbreviations: a headline in capitals or in
    title case ("Agitators Swarm Capitol, Try to Shut Down Hearing"; "SHOOTING AT 3 a.m.
    LEAVES ONE DEAD"), a masthead, a byline, a menu; not a sentence of names ("Ashgrove
    Police Chief Tam Vell resigned Monday")."""
    words = line.split()
    if not 1 < len(words) <= _HEADLINE_MOST:
        return False
    capitals = 0
    for word in words:
        if word[0].isupper():
            capitals += 1
        elif word[0].islower() and "." not in word and word.rstrip(",:;") not in STOP_WORDS:
            return False
    return capitals > 1  # "April 28, 2009" and "He was 95." have no words to read again


def _capitalised_head(text: str, head: int) -> _Capitalised | None:
    """Those of the first ``head`` lines of ``text`` that are nearly all capitalised
    (:func:`_all_capitalised`), with those of their words the other lines write capitalised
    (not function words); None when there are none."""
    lines = text.splitlines()
    loud = frozenset(at for at, line in enumerate(lines[:head]) if _all_capitalised(line))
    if not loud:
        return None
    keys = {_name_word(word) for at in loud for word in _CASED_WORD.findall(lines[at])}
    rest = "\n".join(line for at, line in enumerate(lines) if at not in loud)
    lowered = lower_same_length(rest)
    named = [
        key for key in keys if not _common_in_name(key) and _written_capitalised(key, rest, lowered)
    ]
    return _Capitalised(loud, frozenset(named))


def _written_capitalised(key: str, text: str, lowered: str) -> bool:
    """Whether ``text`` (``lowered``: the same in lower case, of the same length) writes the
    word of name key ``key`` capitalised, as a whole word ("O'Neill", "Ashgrove's"; not
    "Anderson" for "and")."""
    return any(text[start].isupper() for start in whole_word_starts(lowered, key))


def _recased(text: str, capitalised: _Capitalised, shift: int = 0) -> str:
    """``text`` with the words of the report's lines nearly all capitalised in lower case, but
    for those the report writes capitalised elsewhere (:func:`_capitalised_head`; ``shift``:
    how many lines ``text`` has before the report's first).

    In a headline in capitals or title case every word reads as a name ("GOVERNOR VETOES
    BILL, PROTECTS ACCESS TO CREDIT" gave a name "protects access to credit"); the words the
    text also writes capitalised elsewhere are its names ("ASHGROVE MAN CHARGED IN
    INTERSTATE 58 SHOOTING": "Ashgrove", "Interstate").
    """
    named = capitalised.named

    def recased(found: re.Match[str]) -> str:
        word = found.group()
        return word if _name_word(word) in named else word.lower()

    lines = text.splitlines(keepends=True)
    for at in capitalised.lines:
        if 0 <= at + shift < len(lines):
            lines[at + shift] = _CASED_WORD.sub(recased, lines[at + shift])
    return "".join(lines)


@functools.lru_cache(maxsize=_WORD_CACHE)
def _name_keys(run: str) -> tuple[str | None, tuple[tuple[str, float], ...]]:
    """What a capitalised run counts for, remembered (names recur across articles): the
    lone word, lower-cased, when it is one word (dropped where the text also has it in
    lower case), and the name's keys with their weights."""
    words = _trim_name(run.split())
    if not words:
        return None, ()
    keys = [("e:" + " ".join(_name_word(w) for w in words), 1.0)]
    if len(words) > 1:
        keys += [
            ("e:" + _name_word(word), 0.5)
            for word in words
            if word.lower() not in _CONNECTORS and len(word) > 2
        ]
    return (words[0].lower() if len(words) == 1 else None), tuple(keys)


@functools.lru_cache(maxsize=_WORD_CACHE)
def _name_word(word: str) -> str:
    word = word.lower().rstrip(".").replace("’", "'")
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def _trim_name(words: list[str]) -> list[str]:
    """Drop leading/trailing function words, months and weekdays from a capitalised run."""

    while words and _common_in_name(words[0]):
        words = words[1:]
    while words and _common_in_name(words[-1]):
        words = words[:-1]
    return words


@functools.lru_cache(maxsize=_WORD_CACHE)
def _common_in_name(word: str) -> bool:
    bare = word.lower().rstrip(".")
    return bare in STOPWORDS or bare in MONTHS or bare in WEEKDAYS or bare in _CONNECTORS


def facts_in(text: str, published: str | None = None) -> dict[str, float]:
    """Years, days of the year and figures mentioned ("y:2009", "d:01-12", "n:6.1"); with
    the day of publication, the days told by their weekday, "yesterday", "last night" or
    "today" too, as the day they name (see :func:`_told_days`)."""
    found: defaultdict[str, float] = defaultdict(float)
    for day in _told_days(text, published):
        found[day] += 1
    for year in _YEAR.findall(text):
        found["y:" + year] += 1
    for month, day in _MONTH_DAY.findall(text):
        found[_day_key(month, day)] += 1
    for day, month in _DAY_MONTH.findall(text):
        found[_day_key(month, day)] += 1
    for number in _NUMBER.findall(text):
        value = number.replace(",", "")
        if not _YEAR.fullmatch(value) and value not in {"0", "1"}:
            found["n:" + value] += 1
    return found


def _day_key(month: str, day: str) -> str:
    return f"d:{MONTHS[month.lower()]:02d}-{int(day):02d}"


# A day told relative to the report ("late Saturday night", "yesterday"): a follow-up days
# later tells the incident's day by its weekday, as the first report did by another word.
# A weekday followed by its date is read from the date (``_MONTH_DAY``).
_TOLD_DAY = re.compile(
    rf"(?<!\w)(?:(?P<weekday>{'|'.join(WEEKDAY_NAMES)})|(?i:yesterday|last night))"
    r"(?!\w)(?!,?\s+(?:" + _MONTH_NAME + r")\b)"
)
# ... unless told ahead, in its clause: "next Monday", "will be arraigned Monday"
_AHEAD_BEFORE = re.compile(r"\b(?:next|coming|will|scheduled|set to|due|expected)\b[^.;:!?]*$")
_AHEAD_REACH = 40  # characters before the day
_LAST_BEFORE = re.compile(r"\b[Ll]ast\s+$")
# ... nor a weekday that is no one day: "every Sunday", "on a Friday night in late August";
# after "a" or "one", one day when an act or a happening follows it ("in a Sunday crash", "a
# Saturday night party")
_ANY_DAY_BEFORE = re.compile(r"\b(?:[Ee]very|[Ee]ach|[Aa]ny)\s+$")
_A_DAY_BEFORE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+$")
# The nouns an act is named by ("ended in a crash", "a shooting"), and after its day also by
# its end ("Saturday's shooting", "a Sunday crash", "the Sept. 9 killing")
_ACT_NOUNS = (
    "shooting|stabbing|carjacking|robbery|drive-by|hit-and-run|crash|collision|pileup|pile-up|wreck"
)
_DAY_ACT_NOUNS = f"killing|slaying|homicide|{_ACT_NOUNS}"
_A_DAY_OF = re.compile(
    r"(?:\s+(?:night|morning|afternoon|evening))?\s+(?:[\w'’-]+\s+){0,2}?"
    rf"(?:{_DAY_ACT_NOUNS}|fire|{'|'.join(sorted(HAPPENINGS))})\b",
    re.IGNORECASE,
)


def _told_days(text: str, published: str | None) -> Iterator[str]:
    """The day keys of the days a report tells relative to its publication, ``published``: a
    weekday is the last such day on or before it (a report tells its incident's day in the
    past), "yesterday" and "last night" the day before, "today" and "this morning" the day
    itself (a release's "The Governor today vetoed ..." dates what its outlet's reports tell
    by a weekday); not a weekday told ahead."""
    for _, _, told, _ in _told(text, published):
        yield _key_of(told)
    day = day_of(published)
    if day is not None:  # "today", "this morning", "tonight": the day of publication
        # as written in lower case: "USA TODAY", "the Today show" are names
        for _ in _SAME_DAY.finditer(text):
            yield _key_of(day)


def _told(text: str, published: str | None) -> Iterator[tuple[int, int, datetime.date, int]]:
    """Each day ``text`` tells relative to ``published`` (see :func:`_told_days`): where it
    is told (start and end), the day, and how many days before publication it is."""
    day = day_of(published)
    if day is None:
        return
    for found in _TOLD_DAY.finditer(text):
        if _AHEAD_BEFORE.search(text, max(0, found.start() - _AHEAD_REACH), found.start()):
            continue
        if found["weekday"]:
            if _no_one_day(text, found.start(), found.end()):
                continue
            told = pick_weekday(weekday_number(found["weekday"]), day, "past")
            if told == day and _LAST_BEFORE.search(text, max(0, found.start() - 8), found.start()):
                told -= datetime.timedelta(days=7)  # "last Tuesday" in a Tuesday's report
        else:
            told = day - datetime.timedelta(days=1)
        yield found.start(), found.end(), told, (day - told).days


def _no_one_day(text: str, start: int, end: int) -> bool:
    """Whether the weekday told from ``start`` to ``end`` names no one day (see
    ``_ANY_DAY_BEFORE``)."""
    if _ANY_DAY_BEFORE.search(text, max(0, start - 6), start):
        return True
    return bool(_A_DAY_BEFORE.search(text, max(0, start - 4), start)) and not _A_DAY_OF.match(
        text, end
    )


def _key_of(day: datetime.date) -> str:
    return f"d:{day.month:02d}-{day.day:02d}"


# A harm told with its day, in one clause: "was shot and killed Tuesday morning", "was hurt in
# a shooting Thursday afternoon", "were hurt when someone opened fire outside a store ...
# Wednesday night", "died in a house fire early this morning".  The day must be the harm's:
# nothing between them that tells another verb ("killed in the May 3 shooting was identified
# Tuesday", "wounded in the shooting testified Tuesday") or another clause ("... has died,
# police said Thursday").  "died" alone ("died Thursday at the hospital") is a death, which
# may be the late end of an earlier harm; "died in a fire" tells its harm.
# (Each of these patterns reads the lead lower-cased: a third of the time.)
_HARM_WORD = re.compile(
    r"\b(?:(?P<harm>shot|killed|wounded|hurt|injured|stabbed|slain|gunned down|opened fire"
    r"|assaulted|robbed|beaten|carjacked|drowned|drowns|burned|died in an?|(?:hit|struck) by an?"
    r"|(?P<rolled>(?:rolled|flipped) over|overturned))"
    rf"|(?P<death>{DEATH_WORDS}))\b"
)
# ... an act among them, of violence or a vehicle's: done at one moment, on one day, in the
# harm's sentence ("shot and killed", "wounded early Saturday when someone opened fire",
# "struck by a car", "wounded late Friday when someone fired from a passing car"): a fire
# or a flood may harm people day after day, a shooting or a crash on another day is another
_ACT = re.compile(
    r"\b(?:shot|stabbed|gunned down|opened fire|assaulted|robbed|beaten|carjacked|shooting"
    r"|stabbing|robbery|carjacking|drive-by|home invasion|bullets?|gunfire|gunshots?|struck"
    r"|hit-and-run|crash|crashed|collision|collided|pileup|pile-up|wreck"
    # a gun fired ("someone fired from a passing car", "shots were fired", "shots rang out");
    # not "the hospital fired her", "the wrong shots"
    r"|fired\s+(?:shots?|at|into|from|on|upon|several|multiple|repeatedly|\d+|two|three|four"
    r"|five|six|a\s+(?:gun|handgun|rifle|shot|round))|shots?\s+(?:(?:were|was)\s+)?"
    r"(?:fired|rang\s+out))\b"
)
_ACT_BEFORE_HARM = 15  # characters before the harm's word ("shot and killed")
# ... an "-ed" word after an article or a possessive is a thing's state, no verb ("shot
# while sitting in a parked car late Saturday", "a masked man"); not after "her", which may
# be a verb's object ("the man who shot her surrendered Saturday")
_OTHER_VERB = re.compile(
    # a clause's end: not a clock's colon nor the stops of "a.m." and "p.m." ("was stabbed at
    # 1:35 a.m. on Sunday")
    r"[;!?,\n]|(?<!\d):|:(?!\d)|\.(?<!\b[ap]\.)(?<!\b[ap]\.m\.)"
    r"|\b(?:was|were|is|are|has|have|had|be|been|will|would|said|says)\b"
    r"|(?P<state>\b(?:a|an|the|his|their|its|my|our|your)\s+)?\b[a-z]+ed\b"
)
# The report's own day told without a weekday: news of today
_SAME_DAY = re.compile(
    r"(?=[elt])(?<!\w)(?:(?:early |late |earlier )?this (?:morning|afternoon|evening)|tonight"
    r"|earlier today|today)(?!\w)"
)
# A hospital's word of how the hurt are ("in critical condition"), for the states below
_IN_CONDITION = r"in\s+(?:critical|serious|grave|stable|fair|good)\s+condition"
# A harm told as today's news by the state it left people in, with no day ("A woman is
# dead after a truck slammed into her car"): the report's own day
_NEWS_STATE = re.compile(
    rf"\b(?:is|are)\s+(?:(?P<dead>dead)|hurt|injured|hospitalized|{_IN_CONDITION})"
    r"\s+(?:after|following)\b"
)
# Officers answering a call, and what tells that the day is another happening's
_RESPONSE = re.compile(
    r"\b(?:officers|police|deputies|troopers|firefighters|crews|units|paramedics|medics|"
    r"agents|dispatchers)\b[^.!?\n]{0,80}?\b(?:responded|were\s+(?:called|dispatched|sent)"
    r"|(?:received|answered)\s+(?:an?\s+|multiple\s+|several\s+)?(?:911\s+)?calls?)\b"
)
_NOT_THE_ACT = re.compile(r"\b(?:arrest\w*|charged|custody|booked|court|hearing|sentenced)\b")
# ... told of people ("A woman", "Two others", "the 19-year-old", "both drivers") ...
_PEOPLE_SUBJECT = re.compile(
    r"\b(?:man|woman|men|women|person|people|boy|girl|child|children|teen|teens|teenager|"
    r"driver|drivers|passenger|passengers|pedestrian|cyclist|motorcyclist|officer|officers|"
    r"worker|workers|victim|victims|resident|residents|student|students|\w+-year-old|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|\d+|both|others?)\b"
)
# ... of an act not told as today's ("after last week's shooting", "after a shooting two
# weeks ago", "after being shot last month", "after a weekend crash")
_PAST_CUE = re.compile(
    r"\b(?:last|previous|prior|past)\s+(?:week|weekend|month|year|night|\w+day)\b|\bago\b"
    r"|\bearlier\s+(?:this|last|in\s+the)\s+(?:week|month|year)\b|\brecent(?:ly)?\b"
    r"|\b(?:week|weekend|month|year|\w+day)['’]s\b"
    r"|\bweekend\s+(?:crash|shooting|stabbing|fire|wreck|collision|attack)\b"
    r"|\b(?:on|since)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_HARM_REACH = 100  # characters before the day
# characters of a sentence read on either side of a point in it (a lead's run-on "sentence"
# of thousands of characters is read in bounded windows: its cost grows with its length)
_SENTENCE_REACH = 400
# An act told by a noun ("ended in a crash", "a shooting")
_ACT_NOUN = re.compile(rf"\b(?:{_ACT_NOUNS})\b")
# ... and the verbs of a happening an act noun may follow ("a chase ended in a crash"), or
# the state a harm left people in ("two others are in critical condition after a crash")
_HAPPENED = re.compile(
    r"\b(?:ended|ends|happened|occurred|erupted|resulted|broke out)\b"
    rf"|\b(?:is|are|was|were)\s+(?:dead|hurt|injured|wounded|hospitalized|{_IN_CONDITION})"
    r"\s+after\b"
)
# An act named by its day ("in last Wednesday's shooting", "Friday night's crash", "the
# Sept. 9 shooting death", "Saturday's double shooting", "Sunday's two-car crash",
# "Wednesday's smoke-related pileup"): read right after the day, lower-cased, the day a
# possessive or after "the" (not "police said Tuesday crash investigators found ...")
_ACT_OF_DAY = re.compile(
    r"(?:,?[ \t]+\d{4},?)?"  # a date's year ("the January 20, 2054, shooting")
    r"(?:\s+(?:night|morning|afternoon|evening))?(?P<owner>['’]s)?\s+"
    r"(?:(?:deadly|fatal|double|triple|\w+-\w+)\s+){0,2}"
    rf"(?:{_DAY_ACT_NOUNS})\b"
)
# A death told with the happening that caused it, in a "when" clause right after its day
# ("died Sunday afternoon when his motorcycle left the road", "died late Friday when the car
# she was driving struck a tree"): the day of an act, not the late end of an earlier harm
# ("died Thursday at the hospital", "died Friday, a week after he was shot")
_WHEN_CLAUSE = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?\s*,?\s+when\b")
# ... read to the clause's end (a comma, a stop), at most so far
_WHEN_REST = re.compile(r"[^,;:.!?\n]{0,200}")
# ... not of the earlier harm's end ("when his wounds proved fatal", "when he was taken off
# life support"), nor one that tells it was before ("when his family gathered, three weeks
# after a crash"; "when the driver who hit her on May 3 was charged")
_LATE_END = re.compile(
    r"\b(?:wounds?|injur\w*|succumb\w*|complications?|life support|after|since|ago|earlier"
    r"|charged|arrested|sentenced)\b"
)
_VEHICLE = re.compile(
    rf"\b(?:{VEHICLE_WORDS}|motorcycle|motorcyclist|moped|scooter|bicycle|bike|boat|plane)s?\b"
)
_THE_BEFORE = re.compile(r"\bthe\s+$")
FRESH_DAYS = 2  # a harm at most this many days before the report is its news


@dataclass(frozen=True)
class Harms:
    """The days of the harms a report's lead tells (day keys, see :func:`harms_told`)."""

    days: tuple[str, ...] = ()  # every day told with a harm
    acts: tuple[str, ...] = ()  # ... with an act of violence ("shot", "in a stabbing")
    fresh: tuple[str, ...] = ()  # a harm told as news (not a death alone)
    fresh_acts: tuple[str, ...] = ()  # an act of violence told as news
    fresh_deaths: tuple[str, ...] = ()  # a death alone told as news ("died Thursday")
    # the streets the lead places what it tells on, by their names alone ("culver" of "was
    # shot on North Culver St."): where a local report places its incident
    streets: tuple[str, ...] = ()
    # the kinds of act the lead tells ("violence", "vehicle"; see ``KIND_OF_ACT``)
    kinds: tuple[str, ...] = ()
    # the people the lead tells were killed, by their last names ("vell" of "the killing of
    # Tam Vell"; see :func:`victims_told`)
    victims: tuple[str, ...] = ()
    # ... and the people it tells were arrested or charged (see :func:`suspects_told`)
    suspects: tuple[str, ...] = ()


def harms_told(lead: str, published: str | None) -> Harms:
    """The harms ``lead`` tells with their day (by a weekday, "yesterday", "this morning" or
    its date); news when at most ``FRESH_DAYS`` before ``published`` ("this morning",
    "Friday afternoon" in Friday's report, "late Saturday" in Monday's).

    A follow-up tells the harm it follows up on days ago, or by its date: a report of a
    harm told as news may be of another incident than a story's (see
    ``StoryClusterer._may_take``)."""
    lowered = lower_same_length(lead)
    if not (
        _HARM_WORD.search(lowered)
        or _ACT.search(lowered)
        or _NEWS_STATE.search(lowered)
        or _WHEN_FIELD.search(lowered)
    ):
        return Harms()  # most reports of other news: no day to read
    found: dict[str, dict[str, None]] = {
        name: {} for name in ("days", "acts", "fresh", "fresh_acts", "fresh_deaths")
    }
    past = False  # a day told two or more days before the report
    for start, end, key, before, state in _harm_days(lead, lowered, published):
        past = past or (before is not None and before >= 2)
        kind = state or _harm_before(lead, lowered, start)
        if _act_told(kind, lead, lowered, start, end):
            kind = "act"
        if kind is not None:
            _count_harm(found, key, before, kind)
    # a day told with a harm is the harm's ("shot Saturday ... is in critical condition after
    # the shooting" on Monday), and so may be a past day told with none ("A pickup hit a
    # sedan Friday night. Two people are dead after the crash." on Monday); else the state
    # the harm left people in tells today's news ("Breaking news tonight. Two people are
    # dead after a head-on crash")
    if not found["days"] and not past:
        for at, key, state in _news_state_days(lead, lowered, published):
            _count_harm(found, key, 0, "act" if _act_told(state, lead, lowered, at, at) else state)
    return Harms(**{name: tuple(keys) for name, keys in found.items()})


def _count_harm(found: dict[str, dict[str, None]], key: str, before: int | None, kind: str) -> None:
    """Count a harm of ``kind`` told on the day ``key``, ``before`` days before the report."""
    found["days"][key] = None
    if kind == "act":
        found["acts"][key] = None
    if before is None or before > FRESH_DAYS:
        return
    found["fresh_deaths" if kind == "death" else "fresh"][key] = None
    if kind == "act":
        found["fresh_acts"][key] = None


def _harm_days(
    lead: str, lowered: str, published: str | None
) -> Iterator[tuple[int, int, str, int | None, str | None]]:
    """The days of :func:`_days_in` (no kind of harm known yet), and the day a release's
    field tells (:func:`_field_days`, with its kind)."""
    for start, end, key, before in _days_in(lead, lowered, published):
        yield start, end, key, before, None
    yield from _field_days(lead, lowered, published)


def _news_state_days(
    lead: str, lowered: str, published: str | None
) -> Iterator[tuple[int, str, str]]:
    """Where, the report's own day (its key) and the kind ("death" or "harm") a harm is told
    as today's news by the state an act or a vehicle left people in (``_NEWS_STATE``: "Two
    people are dead after a head-on crash")."""
    day = day_of(published)
    if day is None:
        return
    for state in _NEWS_STATE.finditer(lowered):
        # windows bounded by _HARM_REACH: a lead of many states costs in proportion
        limit = min(len(lowered), state.end() + _HARM_REACH)
        rest = lowered[state.end() : _end_of_sentence(lead, state.end(), limit)]
        reach = max(0, state.start() - _HARM_REACH)
        subject = lowered[max(reach, _start_of_sentence(lead, state.start())) : state.start()]
        if (
            (_ACT.search(rest) or _VEHICLE.search(rest))  # not "after surgery"
            and _PEOPLE_SUBJECT.search(subject)  # not "investors are hurt after a crash"
            and not _PAST_CUE.search(rest)  # not "after last week's shooting"
        ):
            yield state.end(), _key_of(day), "death" if state["dead"] else "harm"


# A release's field telling when its incident happened, in three classes, the surest first:
# "Occurred: 03/14/2051, approx. 2350 hrs", "Crash date/time: Friday, January 19", "Date of
# incident: ..."; "WHEN: Saturday, January 6, 2052, approximately 7:50 p.m." beside a "WHAT:",
# "WHERE:" or "Location:" field (a vigil's notice has a "When:" too); "DATE/TIME: ..." (a
# release's own day as often). Not a bare "Date:".
_WHEN_FIELD = re.compile(
    r"^[ \t]*(?:(?P<sure>occurred|(?:incident|crash|collision|offen[cs]e)\s+date(?:\s*/\s*time)?"
    r"|date\s+of\s+(?:incident|occurrence|offen[cs]e|crash))|(?P<when>when)"
    r"|date\s*/\s*time|date\s+and\s+time|time\s+and\s+date)[ \t]*:[^\n]*",
    re.M,
)
_SIBLING_FIELD = re.compile(r"^[ \t]*(?:what|where|location|incident)[ \t]*:", re.M)
# ... the fields telling what happened ("WHAT: Deputy-involved shooting", "Incident: Homicide",
# "SUBJECT: Home Invasion / Robbery - 4100 Block ...")
_WHAT_FIELD = re.compile(
    r"^[ \t]*(?:what|incident|subject|type|nature)[ \t]*:(?P<what>[^\n]*)", re.M
)
# ... the day a time reader's value opens with ("2052-01-06", "2052-01-06T19:50",
# "2052-01-06/2052-01-07"; "XXXX-01-06" when the report's day is not known)
_DAY_VALUE = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<month>\d\d)-(?P<day>\d\d)")
_HOMICIDE = re.compile(r"\b(?:homicide|murder)\b")
# ... a "what"'s parts ("Shooting - one man injured; suspect in custody"), a part that tells
# what the release is of, not what happened ("ARREST", "UPDATE"), and a happening after the
# harm, whose day the field gives ("Vigil for Tam Vell, killed in ...", "court date set")
_WHAT_PARTS = re.compile(r"\s+-\s+|[;|/]")
_RELEASE_OF = re.compile(
    r"(?:arrests?(?: made)?|update[sd]?|correction|corrected|charges? filed|sentenced)\W*"
)
_AFTER_THE_HARM = re.compile(
    r"\b(?:vigil|funeral|memorial|services?|hearing|arraignment|court|trial|sentenc\w*"
    r"|meeting|rally|fundraiser|benefit|update[sd]?|correction)\b"
)
# A year written right after a month's day ("March 14, 2049")
_YEAR_AFTER = re.compile(r",?[ \t]+(\d{4})\b")


def _field_days(
    lead: str, lowered: str, published: str | None
) -> Iterator[tuple[int, int, str, int | None, str | None]]:
    """The day a release's field tells its incident happened on (``_WHEN_FIELD``: the first
    field of the surest class the release has, the first day it tells: "Original incident
    Thursday, February 1 ... Victim died Sunday, February 4"), as the harm its title and
    "what" fields tell (:func:`_release_kind`): none when they tell an arrest, an update or
    a happening after the harm, whose day the field may be."""
    fields = [
        found
        for found in _WHEN_FIELD.finditer(lowered)
        if not found["when"] or _SIBLING_FIELD.search(lowered)
    ]
    if not fields:
        return
    surest = min(_field_class(found) for found in fields)
    first = next(found for found in fields if _field_class(found) == surest)
    kind = _release_kind(lowered)
    if kind is None:
        return
    day = day_of(published)
    start, end = first.span()
    # the time reader's days: a weekday from the report's day, a date written out or in
    # figures ("03/14/2051", "3/14/51"), its year where written, a day with its clock time
    # ("7:50 p.m. Saturday, Jan. 6") or the first of a range ("Jan. 6-7, 2052")
    days = [
        (time.evidence.start, time.evidence.end, told)
        for time in find_times(lead[start:end], "", day)
        if time.value and (told := _DAY_VALUE.match(time.value))
    ]
    if days:
        at, last, told = min(days, key=lambda found: found[0])
        key = f"d:{told['month']}-{told['day']}"
        if _key_date(key) is not None:
            year = int(told["year"]) if told["year"].isdigit() else None
            yield start + at, start + last, key, _days_before(key, day, year), kind


def _field_class(found: re.Match[str]) -> int:
    """How sure a field of ``_WHEN_FIELD`` is to tell the incident's day: 0 the surest."""
    return 0 if found["sure"] else 1 if found["when"] else 2


def _release_kind(lowered: str) -> str | None:
    """What a release's title (the lead's first line with words) and "what" fields
    (``_WHAT_FIELD``) tell: "act" (of violence, or a vehicle's), "harm" (a fire, a fall, a
    death), or None (no harm; or a release of an arrest, an update, a happening after the
    harm: "Arrest - first-degree arson", "Homicide - ARREST", "UPDATE - Elm Street shooting",
    "Vigil for Tam Vell, killed in ...", "Shooting - court date set"; not "Shooting - one man
    injured; suspect in custody")."""
    title = next((line for line in lowered.split("\n", 3) if line.strip()), "")
    whats = [title, *(found["what"] for found in _WHAT_FIELD.finditer(lowered))]
    kind = None
    for what in whats:
        parts = [part.strip() for part in _WHAT_PARTS.split(what)]
        if _NOT_THE_ACT.search(parts[0]) or any(_RELEASE_OF.fullmatch(part) for part in parts):
            return None
        if _AFTER_THE_HARM.search(what):
            return None
        if _ACT.search(what) or _HOMICIDE.search(what):
            kind = "act"
        elif kind is None and (
            _HARM_WORD.search(what) or _PEOPLE_HARMED.search(what) or KIND_OF_ACT.search(what)
        ):
            kind = "harm"
    return kind


def _days_in(
    lead: str, lowered: str, published: str | None
) -> Iterator[tuple[int, int, str, int | None]]:
    """The days ``lead`` (``lowered``: the same lower-cased) tells: where (start and end),
    the day key, and how many days before ``published`` (a date written out: in its year
    where written, else in the year of publication or the one before; None when publication
    is not known or the day comes after it)."""
    for start, end, told, before in _told(lead, published):
        yield start, end, _key_of(told), before
    day = day_of(published)
    if day is not None:
        for same in _SAME_DAY.finditer(lowered):
            yield same.start(), same.end(), _key_of(day), 0
    for found in _MONTH_DAY.finditer(lead):
        key = _day_key(found[1], found[2])
        if _key_date(key) is not None:  # not "February 31"
            written = _YEAR_AFTER.match(lead, found.end())
            before_day = _days_before(key, day, int(written[1]) if written else None)
            yield found.start(), found.end(), key, before_day


def _days_before(key: str, day: datetime.date | None, year: int | None = None) -> int | None:
    """How many days before ``day`` (a report's publication) the date of ``key`` falls: in
    ``year`` where written, else in the year of ``day`` or the year before ("Dec. 31" in a
    report of January 2: 2); None when ``day`` is not known or the date comes after it."""
    if day is None:
        return None
    if year is not None:
        told = _key_date(key, year)
    else:
        told = _key_date(key, day.year)
        if told is None or told > day:  # "February 29" of another year; the year before
            told = _key_date(key, day.year - 1)
    return None if told is None or told > day else (day - told).days


def _key_date(key: str, year: int = 2000) -> datetime.date | None:
    """The day a day key ("d:09-04") names in ``year`` (by default 2000, a leap year, where
    every day of some year is one); None where it names none ("d:04-31")."""
    try:
        return datetime.date(year, int(key[2:4]), int(key[5:7]))
    except ValueError:
        return None


def _harm_before(lead: str, lowered: str, start: int) -> str | None:
    """What the last word of harm before ``start`` in ``lowered`` (``lead`` lower-cased)
    tells, when told with the day at ``start`` (nothing between that tells another verb):
    "act" (of violence), "harm", or "death" (alone); with no word of harm, "act" where an
    act's noun comes just before the day in a sentence telling a harm (see
    :func:`_act_named_before`); else None."""
    opening = _after_clock_stop(lead, max(0, start - _HARM_REACH), start)
    window = lowered[opening:start]
    weekday = _WEEKDAY_OF_DATE.search(window)  # "on Sunday, February 1": one day told
    if weekday is not None:
        window = window[: weekday.start()]
    last = next(iter(reversed(list(_HARM_WORD.finditer(window)))), None)
    if last is None or _another_verb(window, last.end()):
        # the day may still be an act's named just before it ("Two people are dead ... after
        # a wrong-way crash on Interstate 50 early this morning"; a release's charges "in
        # connection with a shooting on westbound Interstate 58 on Thursday, January 29")
        named = _tells_harm(lead, lowered, start) or _charges_follow(
            lead, lowered, window, opening, start
        )
        return _act_named_before(window) if named else None
    if last["death"]:
        return "death"
    if last["rolled"]:  # a car's, not a vote's ("voters overturned the ban")
        return "act" if _VEHICLE.search(window, 0, last.start()) else None
    return "act" if _ACT.search(window, max(0, last.start() - _ACT_BEFORE_HARM)) else "harm"


def _charges_follow(lead: str, lowered: str, window: str, at: int, start: int) -> bool:
    """Whether ``window`` (``lowered`` from ``at`` on, up to a day at ``start``) names the act
    a release's charges follow, "in connection with" it, and its sentence tells no arrest
    before: "Police arrested Rae Oake, 20, in connection with a shooting on Monday" may tell
    the arrest's day."""
    connected = _CONNECTED_ACT.search(window)
    if connected is None:
        return False
    opening = max(_start_of_sentence(lead, start), start - _SENTENCE_REACH)
    return not _TAKEN_IN.search(lowered, opening, at + connected.start())


def _after_clock_stop(lead: str, opening: int, start: int) -> int:
    """Where a harm's window from ``opening`` to a day at ``start`` begins: after the last
    "a.m." or "p.m." in it that ends a sentence, a capitalised word after it that names no
    day ("was shot at about 2 a.m. On Monday, police arrested ..."; not "at 2 a.m. Sunday")."""
    for found in reversed(list(_CLOCK_STOP.finditer(lead, opening, start))):
        if found[1].lower() not in _NOT_A_NAME_AFTER:
            return found.start(1)
    return opening


def _tells_harm(lead: str, lowered: str, start: int) -> bool:
    """Whether the sentence of ``lead`` around ``start`` tells a harm (``_PEOPLE_HARMED``, read
    in ``lowered``, the lead lower-cased)."""
    opening = max(_start_of_sentence(lead, start), start - _SENTENCE_REACH)
    end = _end_of_sentence(lead, start, start + _SENTENCE_REACH)
    return bool(_PEOPLE_HARMED.search(lowered, opening, end))


def _act_of_day(lowered: str, start: int, end: int) -> bool:
    """Whether the day told from ``start`` to ``end`` names an act after it (``_ACT_OF_DAY``)."""
    found = _ACT_OF_DAY.match(lowered, end)
    if found is None:
        return False
    return bool(found["owner"]) or bool(_THE_BEFORE.search(lowered, max(0, start - 5), start))


def _act_named_before(window: str) -> str | None:
    """The kind "act" where ``window`` (a lower-cased lead up to a day, in a sentence
    telling a harm: :func:`_harm_before` asks) ends naming an act by a noun, nothing
    between telling another verb, and no verb before it in its clause but one of a
    happening ("a chase ended in a crash on a ramp late Thursday, injuring a driver"; not
    "police identified the victim of a weekend shooting Tuesday", "police arrested a man in
    a shooting Thursday": the day may be the naming's or the arrest's)."""
    last = next(iter(reversed(list(_ACT_NOUN.finditer(window)))), None)
    if last is None or _another_verb(window, last.end()):
        return None
    opening = max(window.rfind(stop, 0, last.start()) for stop in ".!?\n;:,")
    before = window[opening + 1 : last.start()]
    verbs = [v for v in _OTHER_VERB.finditer(before) if not v["state"]]
    if verbs and not _HAPPENED.search(before, verbs[-1].start()):
        return None
    return "act"


# A weekday with its comma ending a window: the weekday of the date that follows
_WEEKDAY_OF_DATE = re.compile(rf"\b(?:{'|'.join(sorted(WEEKDAYS))}),?\s+$")
# An arrest or a charge told before an act's "in connection with" (its day may be theirs)
_TAKEN_IN = re.compile(
    r"\b(?:arrest\w*|custody|booked|jailed|detained|apprehended|charged|surrender\w*"
    r"|turned\s+(?:himself|herself|themselves)\s+in)\b"
)
# A release's name for the incident its charges follow ("in connection with the shooting")
_CONNECTED_ACT = re.compile(
    rf"\bconnection\s+with\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,2}}(?:{_ACT_NOUNS})\b"
)


# The act's nouns among _ACT's words (what a day's sentence may name without telling it)
_ACT_NOUN_WORDS = (
    frozenset(_ACT_NOUNS.split("|"))
    | word_set("bullet bullets gunfire gunshot gunshots")
    | {"home invasion"}
)
# A verb other than the act's, or the act's own "was" ("a man was stabbed")
_VERB_BETWEEN = re.compile(
    r"\b(?P<verb>was|were|is|are|has|have|had|been|will|would|said|says)\b"
    r"|\b(?:a|an|the|his|their|its|my|our|your)\s+[a-z]+ed\b|\b(?P<ed>[a-z]+ed)\b"
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|had been|has been)\s+$")
# A clock's "a.m." or "p.m." and the capitalised word after it (not a time zone's "ET")
_CLOCK_STOP = re.compile(r"\b[ap]\.m\.\s+([A-Z][a-z]+)\b")
# What an act is done to, right after its verb ("stabbed a man", "shot him", "struck two",
# "struck and killed a pedestrian")
_AND_HARMED = r"(?:\s+and\s+(?:killed|wounded|injured|seriously\s+injured|critically\s+injured))?"
_ACT_OBJECT = re.compile(
    _AND_HARMED + r"\s+(?:a|an|the|his|her|him|them|their|two|three|four|five|several|both"
    r"|one|another|\d+)\b"
)
# ... or a name ("stabbed Tam Vell"), not a day's or a month's word
_NAME_AFTER = re.compile(_AND_HARMED + r"\s+([A-Z][\w'’-]*)")
_NOT_A_NAME_AFTER = WEEKDAYS | frozenset(MONTHS)
# A release's opening before what it alleges ("It is alleged that at approximately ...")
_ALLEGED = re.compile(r"\bit\s+is\s+(?:further\s+)?(?:alleged|charged)\s+that\b")
# Words that put an act in a clause of its own, told of another time than the day before it
_CLAUSE_OF_ITS_OWN = re.compile(
    r"\b(?:after|before|since|until|that|who|whom|which|when|while|because|ago|earlier|later"
    r"|last|weeks?|months?)\b"
)


def _another_verb(window: str, start: int) -> bool:
    """Whether ``window`` from ``start`` tells another verb (or ends a clause)."""
    return any(not found["state"] for found in _OTHER_VERB.finditer(window, start))


def _act_told(kind: str | None, lead: str, lowered: str, start: int, end: int) -> bool:
    """Whether the day told from ``start`` to ``end`` with a harm of ``kind`` (see
    :func:`_harm_before`) is an act's: an act after the harm in its sentence, an act named by
    its day, a death with the act that caused it, or a response to an act on that day."""
    if kind == "harm" and _act_after(lead, lowered, start):
        return True
    if kind is None and (
        _response_to_act(lead, lowered, end) or _act_after_day(lead, lowered, start, end)
    ):
        return True
    if kind == "death" and _death_by_act(lowered, end):
        return True
    return _act_of_day(lowered, start, end)


def _act_after_day(lead: str, lowered: str, start: int, end: int) -> bool:
    """Whether the day told from ``start`` to ``end`` opens the telling of an act done after
    it in its sentence, no other verb between, the sentence telling people harmed: the act's
    day ("at approximately 9:15 p.m. on Tuesday, January 20, following an argument, the
    defendant fired multiple rounds ..., killing ..."; "Early Sunday, a man was stabbed").
    Not "On Monday, police identified the man shot Saturday" (a verb between), "pleaded not
    guilty Monday to charges that he stabbed" (a verb before: the day is its), "on Sunday, a
    week after he was shot" (the act in a clause of its own), nor an act's noun ("On Monday,
    the victim of the shooting ...": what befell whom, and when, is not told), nor an act's
    word that only says who is meant ("On Monday, the family of the man shot dead ... spoke
    out", "Vigil Monday for teen shot and killed"): the act is told as done, by "was" or
    with what it was done to ("the defendant stabbed Tam Vell")."""
    closing = _end_of_sentence(lead, end, end + _SENTENCE_REACH)
    act = next(
        (a for a in _ACT.finditer(lowered, end, closing) if a[0] not in _ACT_NOUN_WORDS), None
    )
    if act is None or not _tells_harm(lead, lowered, start):
        return False
    opening = max(_start_of_sentence(lead, start), start - _SENTENCE_REACH)
    head = _ALLEGED.sub("", lowered[opening:start])
    before_act = lowered[end : act.start()]
    passive = _PASSIVE_BEFORE.search(before_act)
    if passive is None and not _done_to(lead, lowered, act):
        return False
    between = before_act[: passive.start()] if passive else before_act
    if _CLAUSE_OF_ITS_OWN.search(between):
        return False
    return not any(_verbs_in(head)) and not any(_verbs_in(between))


def _done_to(lead: str, lowered: str, act: re.Match[str]) -> bool:
    """Whether the act's word at ``act`` is told done to someone or something named after
    it ("fired multiple rounds", "stabbed Tam Vell", "struck a pedestrian", "opened fire"):
    a verb of its sentence, not a word saying who is meant ("the man shot dead")."""
    if act[0].startswith(("fired", "opened", "shots", "shot ")):
        return True  # the act's pattern holds what it was done to, or needs none
    if _ACT_OBJECT.match(lowered, act.end()):
        return True
    name = _NAME_AFTER.match(lead, act.end())
    return name is not None and name[1].lower() not in _NOT_A_NAME_AFTER


def _verbs_in(text: str) -> Iterator[str]:
    """The verbs of ``text`` (see ``_VERB_BETWEEN``)."""
    for found in _VERB_BETWEEN.finditer(text):
        if found["verb"] or found["ed"]:
            yield found[0]


def _death_by_act(lowered: str, end: int) -> bool:
    """Whether a death's day ending at ``end`` is followed by a "when" clause telling an act
    or a vehicle (``_WHEN_CLAUSE``, to the clause's end)."""
    found = _WHEN_CLAUSE.match(lowered, end)
    if found is None:
        return False
    rest = _WHEN_REST.match(lowered, found.end()).group()  # type: ignore[union-attr]
    if _LATE_END.search(rest):
        return False
    return bool(_ACT.search(rest) or _VEHICLE.search(rest))


def _response_to_act(lead: str, lowered: str, end: int) -> bool:
    """Whether the sentence after a day ending at ``end`` tells officers answering a call of
    an act, as a release does ("On Tuesday, January 30, at approximately 2340 hours, officers
    responded to multiple 911 calls reporting shots fired"): responders as the subject, no
    arrest or court told first, and the act told with no day of its own ("a man who had been
    shot on Sunday")."""
    limit = min(len(lowered), end + 2 * _HARM_REACH)
    rest = lowered[end : _end_of_sentence(lead, end, limit)]
    response = _RESPONSE.search(rest)
    if response is None or _NOT_THE_ACT.search(rest, 0, response.end()):
        return False
    act = _ACT.search(rest, response.end())
    return act is not None and not _PAST_CUE.search(rest, act.end())


def _act_after(lead: str, lowered: str, start: int) -> bool:
    """Whether the rest of the sentence from ``start`` tells an act ("... early Saturday
    when someone opened fire")."""
    return bool(_ACT.search(lowered, start, _end_of_sentence(lead, start, start + _SENTENCE_REACH)))


def _others(counts: Counter[str], own: Iterable[str]) -> set[str]:
    """The keys of a story's ``counts`` told by some report but the one telling ``own``."""
    own = set(own)
    return {key for key, count in counts.items() if count > (key in own)}


def _apart(days: Iterable[str], others: Iterable[str]) -> bool:
    """Whether every one of ``days`` is two days or more from every one of ``others`` (day
    keys; a harm near midnight is told by one report as the day, by another as the next)."""
    return all(_days_between(day, other) >= 2 for day in days for other in others)


def _other_incident(acts: Collection[str], harms: Collection[str], story: _LiveStory) -> bool:
    """Whether ``acts`` and ``harms`` (the days of the acts of violence and of every harm a
    report tells, or a story that began later) are another incident's than ``story``'s:
    every act two days or more from every act its reports tell or, when they tell none
    ("killed early Saturday when their car ... slammed into a utility pole" tells a harm, its
    act unread), acts told and every harm two days or more from every harm they tell (a
    follow-up telling the shooting's day and the death the story told: "The man shot Friday
    night ... died Monday"). Not from the story's harms when it tells acts: a harm on another
    day may be the act's late toll."""
    if story.act_days:
        return _other_acts(acts, story.act_days.keys())
    return bool(acts) and _other_acts(harms, story.harm_days.keys())


# Where a lead places what it tells: a street named right after "on", "at", "near", "along",
# "outside", "off", "to", "block of", "corner of" or an intersection's "and" ("was shot late
# Saturday on N. Culver Ave.", "called to Tarrow Avenue and Elm Street", "robbed in the 700
# block of Culver St."; not "according to"), its kind written in full or short (no court,
# place or way), its name one to four capitalised words or ordinals ("Martin Luther King
# Jr.", "5th")
_STREET_KIND = rf"(?:{'|'.join(word for kind in STREET_KINDS for word in kind if word)})\b\.?"

STREET_OF_ACT = re.compile(
    r"\b(?<!according\s)(?:on|at|near|along|outside|off|to|(?:block|corner|intersection)\s+of"
    r"|and)\s+"
    rf"(?P<name>(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))\.?\s+){{1,4}}?){_STREET_KIND}"
)
# ... and after "block of", a street of a kind that names other things too ("the 1100 block
# of Pennway Court"; not "appeared in Superior Court", "Lakeside Place", "made his way")
BLOCK_OF_STREET = re.compile(
    r"\b\d[\d,]*\s+block\s+of\s+(?P<name>(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))\.?\s+){1,4}?)"
    r"(?:Court|Ct|Place|Pl|Way|Terrace|Ter|Circle|Cir|Row|Trail|Trl|Loop|Square|Sq)\b\.?"
)
# Before a street in its sentence, words that place something else there: a hospital,
# someone's home, a way home, an arrest ("a suspect was arrested Sunday on Culver Street");
# not "a home" ("deputies went to a home on Tarrow Avenue"), the act's place
_ELSEWHERE = re.compile(
    r"\b(?:hospital|medical|taken|lived|lives|live|(?:his|her|their|its|\w+['’]s) home"
    r"|(?:went|returned|walked|ran|drove|got|headed|back) home|resident|arrested|custody"
    r"|caught|apprehended)\b",
    re.I,
)
# Titles that make a run of capitalised words a person's name, not a street's ("Sgt. Ona
# Lane", "Officer Tom Street")
_TITLES = TITLE_ABBREVIATIONS | word_set(
    "sergeant lieutenant captain detective officer corporal chief deputy trooper sheriff mayor"
)
DIRECTION_WORDS = word_set(
    "north south east west n s e w ne nw se sw northeast northwest southeast southwest"
)


# A sentence's end: a line's end, or a stop (and its closing quote or bracket) before a
# capital; not after a short form ("St.", "N.", "Sgt.") or a letter ("J. Doe"), but after
# "a.m." and "p.m." ("at 11 p.m. Police said"). Each stop is found first and the word before
# it read within a bounded reach: a pattern reading the word first goes back over a long run
# of letters at each position, quadratic on a long token.
_STOP_MARK = re.compile(r"[.!?]|\n")
_CAPITAL_NEXT = re.compile(r"[\"”’')\]]*\s+[\"“‘'(]?[A-Z]")
_WORD_BEFORE = re.compile(r"[\w'’]{0,40}$")
_SHORT_FORMS = ABBREVIATIONS | {short.lower() for _, short in STREET_KINDS if short}


@functools.lru_cache(maxsize=16)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence of ``text`` ends (its stop, or its line's end), in order; the
    harm, street and kind readers of a lead each ask, so the last few are kept."""
    return tuple(
        mark.start()
        for mark in _STOP_MARK.finditer(text)
        if mark.group() == "\n" or _ends_sentence(text, mark.start())
    )


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the stop at ``at`` ends its sentence (see ``_STOP_MARK``)."""
    if not _CAPITAL_NEXT.match(text, at + 1):
        return False
    if text[max(0, at - 3) : at + 1].lower() in ("a.m.", "p.m."):
        return True
    word = _WORD_BEFORE.search(text, max(0, at - 40), at)
    told = word.group().lower() if word else ""
    return not (len(told) == 1 or told in _SHORT_FORMS)


def _end_of_sentence(text: str, start: int, limit: int) -> int:
    """Where the sentence of ``text`` holding ``start`` ends (at most ``limit``)."""
    ends = sentence_ends(text)
    index = bisect.bisect_left(ends, start)
    return min(ends[index] if index < len(ends) else len(text), limit)


def _start_of_sentence(text: str, start: int) -> int:
    """Where the sentence of ``text`` holding ``start`` opens."""
    ends = sentence_ends(text)
    index = bisect.bisect_left(ends, start)
    return ends[index - 1] + 1 if index else 0


def streets_of_act(lead: str) -> tuple[str, ...]:
    """The streets ``lead`` places its happenings on (``STREET_OF_ACT``: "was shot on N.
    Culver Ave.", "Police were called to Tarrow Avenue and Elm Street"), not in a sentence
    that places something else there before them ("taken to Mercy Hospital on Broad Street",
    "who lived on Larch Lane"), each by its name alone, lower-cased, without its kind or its
    direction: "Culver Street", "Culver St." and "N. Culver Ave." are one street, "culver"."""
    found: dict[str, None] = {}
    blocks = "block" in lead  # most leads name no block: one pattern
    start = 0
    while start < len(lead):
        end = _end_of_sentence(lead, start, len(lead))
        streets: Iterable[re.Match[str]] = STREET_OF_ACT.finditer(lead, start, end)
        if blocks:
            streets = sorted(
                chain(streets, BLOCK_OF_STREET.finditer(lead, start, end)), key=_match_start
            )
        for street in streets:
            if _ELSEWHERE.search(lead, start, street.start()):
                break
            words = street["name"].replace(".", " ").lower().split()
            if _TITLES.intersection(words):
                continue  # a person: "according to Sgt. Ona Lane"
            # without its direction, or a town's name before it ("Grimsby's Oak Street")
            core = [w for w in words if w not in DIRECTION_WORDS and not w.endswith(("'s", "’s"))]
            if core:
                found[" ".join(core)] = None
        start = end + 1
    return tuple(found)


def _match_start(found: re.Match[str]) -> int:
    return found.start()


# The kind of act a lead tells: violence against a person (a gun, a knife, a robbery, an
# assault), a vehicle's crash, a fire, a fall or a collapse, a drowning. A shooting and a crash
# are two incidents, whatever they share (a township, a night, a road's name), and so are a
# trench's collapse and a shooting in one neighbourhood. Words of one sense only: not "beaten
# 3-1", "robbed of a future", "shot 40 percent", a team that "crashed out"
KIND_OF_ACT = re.compile(
    r"\b(?:(?P<violence>(?:was|were|been|being|fatally|critically|man|woman|teen|boy|girl"
    r"|driver|person|people|men|women) shot|shot (?:and|to death|in the)|shooting|gunfire"
    r"|gunshots?|gunm[ae]n|bullets?|opened fire|gunned down|drive-by|stabbed|stabbing"
    r"|robbery|carjack(?:ed|ing)|assaulted|home invasion|fired\s+(?:shots?|at|into|from|on)"
    r"|shots?\s+(?:(?:were|was)\s+)?(?:fired|rang\s+out))"
    r"|(?P<vehicle>crash(?:es|ed)?(?!\s+out)|collision|collided|hit-and-run|hit and run"
    r"|pileup|rollover|rolled over|(?:struck|hit|run over)(?:\s+and\s+killed)?\s+by\s+"
    rf"(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{VEHICLE_WORDS})s?)"
    # a fire that harms: a building's, not the fire department's nor a gun's ("opened fire")
    r"|(?P<fire>(?:house|home|apartment|building|duplex|rooming[- ]house|mobile home|trailer"
    r"|condo|chalet|cabin|kitchen|structure|brush|grass)\s+fire|blaze|flames|arson|burned to"
    r" death|smoke inhalation|caught fire|engulfed)"
    # a fall or a collapse: a trench, a wall, a roof, scaffolding; not a coat, a person who
    # collapsed, a coma
    r"|(?P<collapse>trench(?!\s+coats?\b)|cave-in|caved in|caves in|scaffold\w*"
    r"|(?:roof|wall|ceiling|building|floor|deck|balcony|porch|stage|bridge|structure|crane"
    r"|tower|mine|tunnel|house|garage|barn|stands)\s+(?:collaps\w*|gave\s+way)"
    r"|collapse\s+of\s+(?:an?|the)\s+\w+|fell (?:from|off|through)|fell into (?!a\s+coma)"
    r"|fell (?:about |nearly |more than )?\d+)"
    r"|(?P<water>drown\w*(?!\s+out)))\b"
)


# ... read only in a sentence telling a harm: "the market crashed" tells no act
_PEOPLE_HARMED = re.compile(
    r"\b(?:killed|kills|wounded|wounds|hurt|injur\w*|died|dies|dead|deadly|death|fatal\w*"
    # killing or wounding a person: one told by a word of people or by a name and an age
    # ("killing Tam Vell, 22,"; not "killing the project", "wounding it")
    r"|(?:killing|wounding)\s+(?:(?:a|an|the|his|her|their|two|three|four|five|both|one"
    r"|another)\s+)?(?:[\w'’-]+\s+){0,2}?(?:[\w-]*year-old|man|woman|men|women|boys?|girls?"
    r"|teens?|teenagers?|child|children|driver|passengers?|pedestrians?|officers?|deputy"
    r"|person|people|victims?|bystanders?)|(?:killing|wounding)\s+[\w'’-]+(?:\s+[\w'’-]+)"
    r"{0,2},\s+\d{1,3}\b"
    r"|critical\w*|slain|hospital\w*|stabbed|gunned down|struck by|hit by|robbed|carjacked"
    r"|assaulted|beaten|drown\w*(?!\s+out)|(?:was|were|been|being|is|are|fatally|man|woman"
    r"|teen|boy|girl|driver|officer|deputy|person|people|men|women|teens) shot"
    r"|shot (?:and|to death|in the))\b"
)


def kinds_of_act(lead: str) -> tuple[str, ...]:
    """The kinds of act ``lead`` tells (``KIND_OF_ACT``'s groups) in its sentences that tell
    a harm (``_PEOPLE_HARMED``), in the order told."""
    kinds: dict[str, None] = {}
    lowered = lower_same_length(lead)
    if not KIND_OF_ACT.search(lowered):
        return ()  # most leads: no sentence to read
    start = 0
    while start < len(lowered):
        end = _end_of_sentence(lead, start, len(lead))
        sentence = lowered[start : end + 1]
        start = end + 1
        if _PEOPLE_HARMED.search(sentence):
            for found in KIND_OF_ACT.finditer(sentence):
                kinds[str(found.lastgroup)] = None
    return tuple(kinds)


# Capitalised words that open a sentence or a byline, or name a body, never a person's name's
# part ("If Tam Vell is arrested", "By Tam Vell", "Police arrested ...")
_NOT_IN_A_NAME = (
    "By|If|When|While|Once|Unless|Whether|After|Before|Since|The|This|That|These|Those|In|On"
    "|At|As|But|And|Or|Police|Officers|Deputies|Troopers|Authorities"
)
# A person's name: two or three capitalised words on one line ("Tam Vell", "Rae Oake-Sefton",
# "Darvin T. Oake", "Tam Vell Jr."), not a place's before a noun ("killed Harwick Heights
# nursing aide", "the killing of Marlow Row line cook"), nor a possessor ("Tam Vell's
# brother"): after it a stop, a word of function or the verb of what befell them
_NAME_WORD = (
    rf"(?!(?:{'|'.join(WEEKDAY_NAMES)}|{_NOT_IN_A_NAME})\b)[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
)
_NAME = rf"{_NAME_WORD}(?:[ \t]+[A-Z]\.)?(?:[ \t]+{_NAME_WORD}){{1,2}}\b"
_NAME_SUFFIX = r"(?:,?[ \t]+(?:Jr|Sr|II|III|IV)\b\.?)?"
_PERSON = (
    rf"{_NAME}{_NAME_SUFFIX}(?!['’]s\b)"
    r"(?![ \t]+(?!(?:was|were|is|are|had|has|have|in|on|at|outside|inside|near|and|who|of"
    r"|from|by|after|during|last|this|early|late|as|when|while|to|with|for|arrested|charged"
    r"|booked|indicted|taken|faces|killed|died|dies|found|fatally|shot)\b)[a-z])"
)
# ... and people named together ("Tam Vell and Rae Oake", "Tam Vell, Rae Oake and Darvin
# Oake"): each is counted
_AGE_AFTER = r"(?:,[ \t]*\d{1,3}(?=[ \t]*,))?"  # "Tam Vell, 41, and Rae Oake, 38, were"
_PEOPLE = (
    rf"{_PERSON}{_AGE_AFTER}"
    rf"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+){_PERSON}{_AGE_AFTER}){{0,5}}"
)
_ONE_NAME = re.compile(rf"{_NAME}")
_SUFFIXES = word_set("jr sr ii iii iv")  # "Tam Vell Jr.": a name's last word before them
# A person told killed: "the killing of Tam Vell", "the death of pedestrian Tam Vell", "the
# accident that killed longshoreman Tam Vell", "Tam Vell, 44, was pronounced dead", "The
# deceased has been identified as Tam Vell"
_VICTIM = re.compile(
    r"\b(?:(?:death|killing|murder|slaying|homicide)[ \t]+of|killed)[ \t]+(?:(?!"
    r"(?:in|on|at|near|by|outside|inside|along|off|from|after|during|when|while|and|as|early"
    r"|late|last|this|the|a|an)\b|[a-z]+ing\b)[a-z]+[ \t]+)?"  # a trade's noun, not a place
    rf"(?P<of>{_PEOPLE})"
    rf"|\b(?P<subject>{_PEOPLE})(?:,[ \t]*\d{{1,3}},)?"
    r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,)?"  # "Tam Vell of Harwick,"
    r"[ \t]+(?:was|were|had[ \t]+been)[ \t]+(?:pronounced[ \t]+dead|found[ \t]+dead|killed"
    r"|fatally[ \t]+\w+|shot[ \t]+and[ \t]+killed|(?:shot|stabbed|beaten)[ \t]+to[ \t]+death)\b"
    # named as the dead: "The deceased has been identified as", "A man killed Saturday ...
    # identified as", "identified the dead man as"; not a suspect, a driver, the wounded,
    # nor after another clause ("killed Saturday, and the driver who fled was identified")
    r"|\b(?:(?:deceased|killed|died|dead)\b(?:(?!\b(?:and|who|driver|suspect|shooter|gunman)"
    r"\b)[^.;:\n]){0,80}?\bidentified[ \t]+(?:\w+[ \t]+)?"
    r"|identified[ \t]+the[ \t]+(?:deceased|dead[ \t]+\w+)[ \t]+)"
    rf"as[ \t]+(?P<named>{_PEOPLE})"
)
_VICTIM_CUE = re.compile(r"killed|dead|death|killing|murder|slaying|homicide|identified|fatally")
# A person told arrested or charged: "Tam Vell has been arrested", "Council member Darvin
# Oake arrested on DUI suspicion", "police arrested Tam Vell", "Tam Vell, 32, faces charges";
# not a doer of a verb with an object ("Judge Darvin Oake charged the jury", "Harwick Police
# arrested Tam Vell": the arrested is after the verb)
_SUSPECT = re.compile(
    rf"\b(?P<subject>{_PEOPLE})(?:,[ \t]*\d{{1,3}},)?[ \t]+"
    r"(?:(?:was|were|has[ \t]+been|have[ \t]+been|had[ \t]+been|is|are)[ \t]+)?"
    r"(?:(?:arrested|charged|booked|indicted)(?![ \t]+(?:the|a|an|his|her|their|its|him|them)\b"
    r"|[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z])|taken[ \t]+into[ \t]+custody"
    r"|(?:faces|is[ \t]+facing)\b(?![ \t]+no\b)[^.;\n]{0,40}?\bcharges?)\b"
    rf"|\b(?:arrested|charged|booked|indicted)[ \t]+(?P<object>{_PEOPLE})"
)
_SUSPECT_CUE = re.compile(r"(?i:arrested|charged|booked|indicted|custody|charges)")
# A harm of any kind in a lead: its arrests are told by it ("arrested in the arson")
_ANY_HARM = re.compile(
    r"\b(?:kill\w*|homicide|murder\w*|dead|death|injur\w*|fatal\w*|deadly|arson|fire|blaze"
    r"|drown\w*|assault\w*|robbery|stabb\w*|wound\w*|hurt)\b"
)
# Words that tell the naming is no happening: denied, supposed ("Police have not arrested
# Tam Vell", "If Tam Vell is arrested", "unless charges are filed")
_NOT_TOLD_BEFORE = re.compile(
    r"(?i:\b(?:not|never|no|if|unless|whether|once)\b|n['’]t\b)[^.;\n]{0,24}$"
)
# A capitalised word just before a name or just after it, on its line: a longer run of
# capitals, a place's or a school's name (a month or a weekday after it is the day told:
# "killed Tam Vell Tuesday"; a title before it is no run: "Sgt. Tam Vell")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
_CAPITAL_AFTER = re.compile(rf"[ \t]+(?!(?:{'|'.join(WEEKDAY_NAMES)})\b|(?:{_MONTH_NAME})\b)[A-Z]")


def victims_told(lead: str) -> tuple[str, ...]:
    """The last names, lower-cased, of the people ``lead`` tells were killed (``_VICTIM``),
    in the order told: a report of a killing names whom it is of, and so do its follow-ups
    ("charged in the death of Tam Vell")."""
    if not _VICTIM_CUE.search(lead):
        return ()  # most leads: no one told killed
    return _names_told(_VICTIM, ("of", "subject", "named"), lead)


def suspects_told(lead: str) -> tuple[str, ...]:
    """The last names, lower-cased, of the people ``lead`` tells were arrested or charged
    (``_SUSPECT``), in the order told, when it tells no harm of any kind: the arrest is then
    the incident itself (a drunk-driving arrest, a raid), while an arrest in a killing or a
    fire is told by it ("getaway driver arrested in bar killing": a second suspect's)."""
    if not _SUSPECT_CUE.search(lead):
        return ()  # most leads: no arrest told
    lowered = lower_same_length(lead)
    if (
        _HARM_WORD.search(lowered)
        or _ACT.search(lowered)
        or _ANY_HARM.search(lowered)
        or KIND_OF_ACT.search(lowered)
    ):
        return ()
    return _names_told(_SUSPECT, ("subject", "object"), lead)


def _names_told(pattern: re.Pattern[str], groups: tuple[str, ...], lead: str) -> tuple[str, ...]:
    """The last names, lower-cased, of the people ``pattern`` finds in ``lead`` (in the first
    of its ``groups`` that matched, each of people named together), in the order told; not
    those in a longer run of capitals (``_CAPITAL_BEFORE``, ``_CAPITAL_AFTER``), nor after
    a denial or a supposition (``_NOT_TOLD_BEFORE``), nor a last word that names no person."""
    found: dict[str, None] = {}
    for told in pattern.finditer(lead):
        group = next(name for name in groups if told[name])
        start, end = told.span(group)
        if _CAPITAL_BEFORE.search(lead, max(0, start - 30), start) or _CAPITAL_AFTER.match(
            lead, end
        ):
            continue
        if _NOT_TOLD_BEFORE.search(lead, max(0, told.start() - 30), told.start()):
            continue
        for name in _ONE_NAME.finditer(told[group]):
            last = next(w for w in reversed(name.group().lower().split()) if w not in _SUFFIXES)
            if last not in NOT_A_SURNAME:
                found[last] = None
    return tuple(found)


def _told_apart(told: Collection[str], others: Collection[str]) -> bool:
    """Whether a report's lead and a story's reports' leads (or two stories' reports) both
    tell some of one thing, and none in common: the streets of an act (:func:`streets_of_act`;
    a wildfire or a storm reaches many streets: the rule is for acts of violence told as
    news), the kinds of act (:func:`kinds_of_act`; a report telling both a shooting and a
    crash, "the gunman fled and crashed", may join either), the people killed
    (:func:`victims_told`), the people arrested where no one was harmed
    (:func:`suspects_told`)."""
    return bool(told) and bool(others) and set(told).isdisjoint(others)


def _other_acts(acts: Collection[str], others: Collection[str]) -> bool:
    """Whether two sets of days of acts of violence (day keys, see ``Harms.acts``) are of
    other acts: both told, and every one of ``acts`` two days or more from every one of
    ``others`` (:func:`_apart`)."""
    return bool(acts) and bool(others) and _apart(acts, others)


@functools.lru_cache(maxsize=4096)
def _days_between(first: str, second: str) -> int:
    """Days between two day keys ("d:12-31", "d:01-01": 1), across the year's end."""
    days = [_key_date(key) for key in (first, second)]
    if days[0] is None or days[1] is None:
        return 0  # no day: nothing tells them apart
    apart = abs((days[0] - days[1]).days)
    return min(apart, 366 - apart)


# ---------------------------------------------------------------- clustering

LATE_LINK_FEATURES = ("bias", "similarity", "cos_words", "cos_names", "cos_figures", "log_gap")
LATE_LINK_WEIGHTS = (-3.696, 5.6305, 3.6128, 4.8691, 3.0881, -0.5662)
LATE_LINK_THRESHOLD = 0.15
SPLIT_THRESHOLD = 0.3
SPLIT_RATIO = 0.55
LIVE_THRESHOLD = 0.25


@dataclass(frozen=True)
class ClusterSettings:
    """Weights and limits of the clusterer (chosen on ECB+ topics 1-35, the fitted ones on
    the ECB+ train topics alone; see docs)."""

    # An article joins the best story of the live window at least this similar; fitted with
    # the split test (which splits what it mixes) on ECB+ train topics only by
    # benchmarks/fit_split.py (its output: benchmarks/split_weights.json).
    threshold: float = LIVE_THRESHOLD
    merge_threshold: float = 0.55  # two stories whose centroids are this similar become one
    text_weight: float = 1.0
    names_weight: float = 0.5
    facts_weight: float = 0.5
    window_days: int = 5  # a story silent this long stops taking reports on today's score
    # ... and sleeps: a report up to dormant_days after its last one joins it on the late-link
    # score, as long as the story spans at most max_span_days (both fitted on ECB+ train
    # topics only by benchmarks/fit_span.py, its output: benchmarks/span_weights.json).
    dormant_days: int = 90
    max_span_days: int = 90
    # Late-link score: sigmoid(bias + w . (similarity, cos words, cos names, cos figures,
    # log(1 + gap days))), joined when at least late_threshold.  Fitted on ECB+ train topics
    # only by benchmarks/fit_late_link.py (its output: benchmarks/late_link_weights.json).
    late_link: tuple[float, ...] = LATE_LINK_WEIGHTS
    late_threshold: float = LATE_LINK_THRESHOLD
    index_terms: int = 12  # most telling words of each article used as index keys
    index_names: int = 8
    candidates: int = 40  # stories scored per article, those sharing most keys
    refine_passes: int = 2  # passes moving articles to a better story before it closes
    refine_margin: float = 0.0  # how much better the other story must be to move
    # Before a story sleeps or closes, its members are grouped by average link (the mean of
    # their pairwise similarities, the three spaces weighed as today's score weighs them):
    # two groups stay one story when they are at least split_threshold alike, or at least
    # split_ratio times as alike as their own reports are among themselves (a saga's reports
    # are loosely alike throughout), or when either holds fewer than split_min_part reports
    # (one odd report is no second incident, and has no likeness within to compare).  The
    # other groups become stories of their own.  Fitted on ECB+ train topics only by
    # benchmarks/fit_split.py (its output: benchmarks/split_weights.json); 0: never split.
    # Stories of more than split_most members are not tested (the cost is their size cubed).
    split_threshold: float = SPLIT_THRESHOLD
    split_ratio: float = SPLIT_RATIO
    split_min_part: int = 2
    split_most: int = 40
    max_live_stories: int = 50_000  # beyond this the least recently joined story closes
    # A report of a harm told as news joins no story of another incident, as the days of
    # harm tell it (``StoryClusterer._may_take``); off: only the scores decide.
    new_incident_test: bool = True
    # A report telling an act on a day its story's reports tell one (a day apart at most) and
    # placing it on a street they place theirs on (see ``Harms``) has its margin raised by
    # this much: a follow-up naming the victim in other words ("The man shot to death Friday
    # night on Culver Street was ..."). The invented local streams gain from 0.05 to 0.2
    # alike, the ECB+ and TBAQ streams name few streets and do not move: the least of them.
    corroboration: float = 0.05


class _Vector:
    """A sum of L2-normalised sparse vectors, with its squared norm kept up to date."""

    __slots__ = ("count", "norm2", "steps", "weights")

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.norm2 = 0.0
        self.count = 0
        # Unit vectors added or taken out so far: since a dot product with another vector was
        # computed, each step moved it by at most that vector's norm.
        self.steps = 0

    def add(self, vector: Mapping[str, float]) -> None:
        dot = self.dot(vector)
        self._add_weights(vector, add)
        self.norm2 += 2.0 * dot + 1.0  # the added vector has unit norm
        self.count += 1
        self.steps += 1

    def remove(self, vector: Mapping[str, float]) -> None:
        dot = self.dot(vector)
        self._add_weights(vector, sub)
        self.norm2 = max(self.norm2 - 2.0 * dot + 1.0, 0.0)
        self.count -= 1
        self.steps += 1

    def cosine_without(self, vector: Mapping[str, float]) -> float:
        """Cosine of ``vector`` (a member) with this sum once the member is taken out."""
        dot = self.dot(vector)
        norm2 = self.norm2 - 2.0 * dot + 1.0
        return (dot - 1.0) / math.sqrt(norm2) if norm2 > 1e-9 and self.count > 1 else 0.0

    def dot(self, vector: Mapping[str, float]) -> float:
        # The products summed in the vector's key order, as a loop would, but iterated in C:
        # the same float result, a third of the time (this is the clusterer's inner loop).
        found = map(self.weights.get, vector.keys(), repeat(0.0))
        return float(sum(map(mul, vector.values(), found)))

    def _add_weights(
        self, vector: Mapping[str, float], op: Callable[[float, float], float]
    ) -> None:
        """``weights[key] = op(weights.get(key, 0.0), value)`` for each key of ``vector``, in
        C (each key is read before it is written, and keys of a dict are distinct)."""
        weights = self.weights
        found = map(weights.get, vector.keys(), repeat(0.0))
        weights.update(zip(vector.keys(), map(op, found, vector.values()), strict=True))

    def cosine(self, vector: Mapping[str, float]) -> float:
        if not vector or self.norm2 <= 0.0:
            return 0.0
        return self.dot(vector) / math.sqrt(self.norm2)

    def merge(self, other: _Vector) -> None:
        self.norm2 += other.norm2 + 2.0 * self.dot(other.weights)
        self._add_weights(other.weights, add)
        self.count += other.count
        self.steps += other.count + 1  # a sum of that many unit vectors, at most

    def centroid_cosine(self, other: _Vector) -> float | None:
        if self.norm2 <= 0.0 or other.norm2 <= 0.0:
            return None
        return self.centroid_dot(other) / math.sqrt(self.norm2 * other.norm2)

    def centroid_dot(self, other: _Vector) -> float:
        small, large = (self, other) if len(self.weights) < len(other.weights) else (other, self)
        return large.dot(small.weights)


@dataclass(frozen=True)
class _Weighted:
    """An article's three spaces as L2-normalised TF-IDF vectors, and its index keys."""

    spaces: tuple[dict[str, float], dict[str, float], dict[str, float]]
    keys: tuple[str, ...]
    published: str | None = None
    title: str = ""
    harms: Harms = Harms()  # ArticleFeatures.harms
    published_inferred: bool = False


_DotBounds = tuple[tuple[int, ...], tuple[int, ...], list[float]]
# Story id -> (its centroids' steps, upper bounds of an article's dot products with them).
_ArticleBounds = dict[str, tuple[tuple[int, ...], list[float]]]
# An article a story has just taken (its three spaces) and its bounds against another story.
_Joined = tuple[tuple[dict[str, float], ...], tuple[tuple[int, ...], list[float]]]


@dataclass
class _LiveStory:
    id: str
    title: str
    articles: list[str]
    originals: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    touched: int = 0
    born: int = 0
    dormant: bool = False  # silent past the live window: centroids only, no member vectors
    keys: set[str] = field(default_factory=set)
    # The days of the harms its reports tell (ArticleFeatures.harms), with how many tell each
    # (a day no report tells any more is dropped: ``-=`` keeps positive counts only)
    harm_days: Counter[str] = field(default_factory=Counter)
    act_days: Counter[str] = field(default_factory=Counter)  # ... of acts of violence
    streets: Counter[str] = field(default_factory=Counter)  # ... of the streets they name
    kinds: Counter[str] = field(default_factory=Counter)  # ... of the kinds of act they tell
    victims: Counter[str] = field(default_factory=Counter)  # ... of the people told killed
    suspects: Counter[str] = field(default_factory=Counter)  # ... told arrested or charged
    members: dict[str, _Weighted] = field(default_factory=dict)  # originals, for refining
    copies: dict[str, list[str]] = field(default_factory=dict)  # original id -> its copies
    # Other story id -> (this story's steps, the other's, an upper bound of the dot product
    # of each space's centroids then): bounds its similarity to the other story later.
    bounds: dict[str, _DotBounds] = field(default_factory=dict)
    spaces: tuple[_Vector, _Vector, _Vector] = field(
        default_factory=lambda: (_Vector(), _Vector(), _Vector())
    )

    def tell(self, harms: Harms) -> None:
        """Count what a member's lead tells (its ``Harms``) in the story's."""
        for mine, told in self._counts(harms):
            mine.update(told)

    def untell(self, harms: Harms) -> None:
        """Take a leaving member's ``Harms`` out of the story's counts."""
        for mine, told in self._counts(harms):
            mine -= Counter(told)  # in place, keeping positive counts only

    def tally(self, other: _LiveStory) -> None:
        """Add the counts of ``other``, a story merged into this one."""
        for mine, theirs in zip(self._tallies(), other._tallies(), strict=True):
            mine.update(theirs)

    def _tallies(self) -> tuple[Counter[str], ...]:
        return (
            self.harm_days, self.act_days, self.streets, self.kinds, self.victims, self.suspects
        )  # fmt: skip

    def _counts(self, harms: Harms) -> Iterator[tuple[Counter[str], tuple[str, ...]]]:
        told = (
            harms.days, harms.acts, harms.streets, harms.kinds, harms.victims, harms.suspects
        )  # fmt: skip
        return zip(self._tallies(), told, strict=True)

    def frozen(self) -> Story:
        return Story(
            self.id, self.title, tuple(self.articles), self.originals, self.first_seen,
            self.last_seen,
        )  # fmt: skip


class StoryClusterer:
    """Incremental single-pass clustering with a time window and bounded memory.

    Feed articles in (published, id) order (undated first): the result depends only on
    that order, so any engine that computes the same features gets the same stories.
    """

    def __init__(self, settings: ClusterSettings | None = None) -> None:
        self.settings = settings or ClusterSettings()
        self._document_frequency: Counter[str] = Counter()
        self._documents = 0
        self._live: dict[str, _LiveStory] = {}
        self._index: dict[str, set[str]] = {}
        self._story_of: dict[str, str] = {}  # article id -> live story id
        self._closed: list[Story] = []
        self._clock = 0
        self._latest: str | None = None
        # While refining: moves made so far, and the count at each story's latest move.
        self._moves = 0
        self._moved_at: dict[str, int] = {}
        self._splits = 0  # stories split off so far (their ids count them)
        # What scoring each live story's member against its candidates told (bounds of its
        # dot products with them), so that refining rules most candidates out again cheaply.
        self._article_bounds: dict[str, _ArticleBounds] = {}
        # Whether a higher cosine can only raise a score (so bounds of cosines bound scores).
        self._bounded = min(*self._weights, *self.settings.late_link[1:5]) >= 0.0
        self._space_weights = self._weights

    def add(self, features: ArticleFeatures) -> str:
        """Put the article in a story and return the story's id."""
        self._clock += 1
        copied = self._story_of.get(features.duplicate_of or "")
        if copied is not None:
            return self._join_copy(self._live[copied], features)
        weighted = self._weighted(features)
        story = self._best_story(features, weighted)
        started = story is None
        if story is None:
            story = self._start(features)
        self._join(story, features, weighted)
        # A story just started holds this one article: its similarity to each story in its
        # window is the article's own, just found below the threshold, so it is below the
        # merge threshold too, and comparing the centroids would only say so again.
        if not started or self.settings.merge_threshold < self.settings.threshold:
            story = self._merge_similar(story, weighted, features.id)
        self._close_old(features.published)
        return story.id

    def drain_closed(self) -> list[Story]:
        """Stories closed since the last call (out of the window, or pushed out by the cap)."""
        closed, self._closed = self._closed, []
        return closed

    def finish(self) -> list[Story]:
        """Close every live story and return all stories not yet drained."""
        self._refine(list(self._live.values()))
        self._split_all([s for s in self._live.values() if not s.dormant])
        for story in sorted(self._live.values(), key=lambda s: s.touched):
            self._close(story)
        return self.drain_closed()

    # -- weighting and scoring

    def _weighted(self, features: ArticleFeatures) -> _Weighted:
        self._documents += 1
        # Keys interned: every dict of the clusterer (frequencies, centroids, the index) then
        # holds one object per key, and a lookup finds it by identity, not by comparing text
        # (features come unpickled from the workers, each key a new object).
        spaces = [
            (list(map(sys.intern, space.keys())), list(space.values()))
            for space in (features.terms, features.names, features.facts)
        ]
        for space_keys, _ in spaces:
            self._document_frequency.update(space_keys)
        vectors = [self._tfidf(space_keys, counts) for space_keys, counts in spaces]
        keys = _top_keys(vectors[0], self.settings.index_terms) + _top_keys(
            vectors[1], self.settings.index_names
        )
        return _Weighted(
            (vectors[0], vectors[1], vectors[2]),
            keys,
            features.published,
            features.title,
            features.harms if self.settings.new_incident_test else Harms(),
            features.published_inferred,
        )

    def _tfidf(self, keys: list[str], counts: list[float]) -> dict[str, float]:
        """The L2-normalised TF-IDF vector of one space's ``keys`` and their ``counts``."""
        documents = self._documents + 1
        frequency = self._document_frequency
        log = math.log
        raw = [
            tf * (log(documents / (frequency[key] + 1)) + 1.0)
            for key, tf in zip(keys, counts, strict=True)
        ]
        norm = math.sqrt(sum(map(mul, raw, raw)))
        return dict(zip(keys, [value / norm for value in raw], strict=True)) if norm > 0 else {}

    def _best_story(self, features: ArticleFeatures, weighted: _Weighted) -> _LiveStory | None:
        best: tuple[float, str] | None = None
        bounds = self._article_bounds.setdefault(features.id, {})  # kept for refining
        for story in self._candidates(weighted.keys):
            if not self._may_take(weighted, story):
                continue
            floor = 0.0 if best is None else max(0.0, best[0])
            margin = self._link_margin(weighted, story, floor=floor, bounds=bounds)
            if margin is None:
                continue  # it could not have beaten the best so far
            if margin >= 0.0 and (best is None or margin > best[0]):
                best = (margin, story.id)
        return None if best is None else self._live[best[1]]

    def _in_window(self, published: str | None, story: _LiveStory, gap: int) -> bool:
        """Within the live window, or a late report a dormant story may still take (``gap``:
        the report's days from the story's span, see :func:`_gap_days`)."""
        s = self.settings
        if not (published and story.first_seen and story.last_seen):
            return True  # undated articles and stories are never ruled out by the window
        if gap <= s.window_days:
            return True
        day = _day_number(published)
        return gap <= s.dormant_days and (
            _day_number(story.last_seen) - s.max_span_days
            <= day
            <= _day_number(story.first_seen) + s.max_span_days
        )

    def _may_take(self, weighted: _Weighted, story: _LiveStory) -> bool:
        """Whether the article may join ``story``: in its window (see :meth:`_in_window`),
        and not news of another incident (see ``Harms``; days two or more apart differ).

        - A report published (on a day given or shown, not guessed) two days or more before
          every harm the story's reports tell did not tell of them (refining may offer it a
          story that began after it).
        - A report (on a day given or shown) that tells acts of violence only on other days
          than the story's reports tell theirs (or, when they tell no act, their harms) is of
          another act, told as news or days later ("the man shot to death Saturday night was
          identified Monday", a week after the story's shooting); see
          :func:`_other_incident`.
        - In the live window, a report of an act of violence told as news ("was shot Friday
          afternoon") on another day than the acts the story's reports tell is another act.
        - A report whose lead tells only kinds of act none of the story's reports' leads tell
          (a crash, a shooting; see :func:`kinds_of_act`) is of another incident.
        - A report of an act of violence told as news whose lead places it on streets, none
          of which the leads of the story's reports name, when they name some, is of another
          act (two shootings a night apart in one city, "on Tarrow Avenue" and "on Culver
          Street"; see :func:`_told_apart`).
        - After the story has been silent past the live window, a report of a harm told as
          news is of another incident when the story's reports told harm on other days (a
          new shooting in the same neighbourhood a week later), or, when they told none or
          the news is a death alone ("died Thursday": perhaps the late end of the story's
          harm), when it tells none of the days the story's reports tell (a follow-up tells
          its incident's day: "the man wounded on May 3 died Thursday").
        - After the story has been silent past the live window, a report naming people
          killed, none of whom the story's reports name when they name some, is of another
          killing, and so is one naming people arrested where no one was harmed (see
          :func:`victims_told`, :func:`suspects_told`).
        """
        gap = _gap_days(weighted.published, story)
        if not self._in_window(weighted.published, story, gap):
            return False
        harmed = story.harm_days.keys()
        firm = not weighted.published_inferred
        if harmed and firm and _published_before(weighted.published, harmed):
            return False  # the story's harms came after the report: not what it told of
        harms = weighted.harms
        if firm and _other_incident(harms.acts, harms.days, story):
            return False
        if _told_apart(harms.kinds, story.kinds.keys()):
            return False  # a crash is not a shooting
        late = gap > self.settings.window_days
        if late and _told_apart(harms.victims, story.victims.keys()):
            return False  # a killing of another person, weeks on
        if late and _told_apart(harms.suspects, story.suspects.keys()):
            return False  # an arrest of another person, no one harmed
        if not (harms.fresh or harms.fresh_deaths):
            return True
        if harms.fresh_acts and _told_apart(harms.streets, story.streets.keys()):
            return False  # a shooting told as news on other streets than the story's
        if not late:
            acts = story.act_days.keys()
            return not (harms.fresh_acts and acts and _apart(harms.fresh_acts, acts))
        if harms.fresh and harmed:
            return not _apart(harms.fresh, harmed)
        told = _days_of(story.spaces[2].weights)
        return not told or not told.isdisjoint(_days_of(weighted.spaces[2]))

    def _candidates(self, keys: Iterable[str]) -> list[_LiveStory]:
        """The stories sharing most index keys with ``keys`` (ties by story id)."""
        return self._ranked(self._shared(keys))

    def _shared(self, keys: Iterable[str]) -> Counter[str]:
        """How many of ``keys`` each story holds in the index."""
        index = self._index
        return Counter(chain.from_iterable(index.get(key, ()) for key in keys))

    def _ranked(self, shared: Counter[str]) -> list[_LiveStory]:
        """The ``candidates`` stories sharing most keys, ties by story id."""
        live = self._live
        return [live[story_id] for story_id in _highest(shared, self.settings.candidates)]

    @property
    def _weights(self) -> tuple[float, float, float]:
        s = self.settings
        return (s.text_weight, s.names_weight, s.facts_weight)

    def _cosines(
        self, weighted: _Weighted, story: _LiveStory, without: bool = False
    ) -> list[float | None]:
        """Cosine of each space with the story's centroid (``without``: the story as it would
        be without this member); None where either side has nothing in that space."""
        pairs = zip(weighted.spaces, story.spaces, strict=True)
        return [_space_cosine(vector, centroid, without) for vector, centroid in pairs]

    def _mean(self, cosines: list[float | None]) -> float:
        """Weighted mean of the cosines, over the spaces both sides have something in."""
        # Written out for the three spaces, in their order (the same sums as a loop): this
        # runs several times for every candidate story.
        first, second, third = self._space_weights
        words, names, facts = cosines
        total = weight_sum = 0.0
        if words is not None:
            total += first * words
            weight_sum += first
        if names is not None:
            total += second * names
            weight_sum += second
        if facts is not None:
            total += third * facts
            weight_sum += third
        return total / weight_sum if weight_sum else 0.0

    @overload
    def _link_margin(
        self,
        weighted: _Weighted,
        story: _LiveStory,
        without: bool = False,
        floor: None = None,
        bounds: None = None,
    ) -> float: ...

    @overload
    def _link_margin(
        self,
        weighted: _Weighted,
        story: _LiveStory,
        without: bool = False,
        *,
        floor: float,
        bounds: _ArticleBounds | None = None,
    ) -> float | None: ...

    def _link_margin(
        self,
        weighted: _Weighted,
        story: _LiveStory,
        without: bool = False,
        floor: float | None = None,
        bounds: _ArticleBounds | None = None,
    ) -> float | None:
        """How far linking the article to ``story`` clears its bar: today's threshold inside
        the live window, the late-link threshold for a dormant story's late report.

        With a ``floor``: None when the margin is surely below it.  The cosines are then
        computed cheapest first (figures, names, words: the words' vectors are the largest,
        and their dot products most of the clusterer's time), each one still to compute taken
        at its most (1), and the rest are skipped once even that cannot reach the floor.  A
        margin returned is the very number it would be without the floor.

        ``bounds`` (the article's, see ``_article_bounds``) tightens "at its most" to what the
        article's dot products with this story's centroids were, plus one for each unit
        vector the story took or gave up since (the article has unit norm), and is updated.
        """
        # This runs for every candidate story: plain lists and loops, no helpers per space.
        gap = _gap_days(weighted.published, story)
        harms = weighted.harms
        bonus = self._corroboration(weighted, story, without) if harms.streets else 0.0
        vectors, centroids = weighted.spaces, story.spaces
        if without:  # as _space_present decides, written out
            present = [bool(v) and c.count > 1 for v, c in zip(vectors, centroids, strict=True)]
        else:
            present = [bool(v) and c.norm2 > 0.0 for v, c in zip(vectors, centroids, strict=True)]
        cosines: list[float | None] = [1.0 if here else None for here in present]
        limit = floor - _SLACK if floor is not None and self._bounded else None
        known = bounds.get(story.id) if bounds is not None and not without else None
        norms = [math.sqrt(centroid.norm2) for centroid in centroids]
        dots = norms.copy()  # Cauchy-Schwarz
        if known is not None:
            steps_then, dots_then = known
            for space, centroid in enumerate(centroids):
                dot = dots[space] = min(
                    norms[space], dots_then[space] + centroid.steps - steps_then[space]
                )
                if present[space]:
                    cosines[space] = min(1.0, dot / norms[space])
        try:
            for space in _CHEAPEST_FIRST:
                if not present[space]:
                    continue
                started = known is not None or space != _CHEAPEST_FIRST[0]
                if limit is not None and started and self._margin(cosines, gap) + bonus < limit:
                    return None
                if without:
                    cosines[space] = centroids[space].cosine_without(vectors[space])
                else:  # as _Vector.cosine computes it (both sides present)
                    cosine = cosines[space] = centroids[space].dot(vectors[space]) / norms[space]
                    dots[space] = cosine * norms[space]
            return self._margin(cosines, gap) + bonus
        finally:
            if bounds is not None and not without:
                steps = (centroids[0].steps, centroids[1].steps, centroids[2].steps)
                bounds[story.id] = (steps, dots)

    def _corroboration(self, weighted: _Weighted, story: _LiveStory, without: bool) -> float:
        """``ClusterSettings.corroboration`` where the article's lead tells an act on a day
        (a day apart at most) and a street the story's other reports' leads tell theirs on
        (``without``: the story as it would be without this member), else 0."""
        harms = weighted.harms
        if not (self.settings.corroboration and harms.acts and harms.streets):
            return 0.0
        streets = _others(story.streets, harms.streets if without else ())
        acts = _others(story.act_days, harms.acts if without else ())
        if streets.isdisjoint(harms.streets) or not acts or _apart(harms.acts, acts):
            return 0.0
        return self.settings.corroboration

    def _margin(self, cosines: list[float | None], gap: int) -> float:
        similarity = self._mean(cosines)
        settings = self.settings
        if gap <= settings.window_days:
            return similarity - settings.threshold
        return late_link(self.settings, similarity, cosines, gap) - self.settings.late_threshold

    def _story_similarity(
        self,
        first: _LiveStory,
        second: _LiveStory,
        floor: float | None = None,
        joined: _Joined | None = None,
    ) -> float | None:
        """Weighted mean of the centroids' cosines; with a ``floor``, None when it is surely
        below it (cheapest cosines first, as in :meth:`_link_margin`; ``joined``: see
        :meth:`_dot_bounds`)."""
        mine, theirs = first.spaces, second.spaces
        norms = [
            math.sqrt(one.norm2 * other.norm2) for one, other in zip(mine, theirs, strict=True)
        ]
        dots = self._dot_bounds(first, second, norms, joined)
        cosines: list[float | None] = [
            min(1.0, dot / norm) if one.norm2 > 0.0 and other.norm2 > 0.0 else None
            for dot, norm, one, other in zip(dots, norms, mine, theirs, strict=True)
        ]
        limit = floor - _SLACK if floor is not None and self._bounded else None
        try:
            for space in _CHEAPEST_FIRST:
                if cosines[space] is None:
                    continue
                if limit is not None and self._mean(cosines) < limit:
                    return None
                dot = dots[space] = mine[space].centroid_dot(theirs[space])
                cosines[space] = dot / norms[space]  # as centroid_cosine computes it
            return self._mean(cosines)
        finally:
            first.bounds[second.id] = (
                (mine[0].steps, mine[1].steps, mine[2].steps),
                (theirs[0].steps, theirs[1].steps, theirs[2].steps),
                dots,
            )

    def _dot_bounds(
        self,
        first: _LiveStory,
        second: _LiveStory,
        norms: list[float],
        joined: _Joined | None = None,
    ) -> list[float]:
        """Upper bounds of the dot products of the two stories' centroids, space by space.

        From what was known when ``second`` was last scored against ``first``: had ``first``
        (S) taken or given up a unit vectors since and ``second`` (T) b, then with S', T'
        as they are now, S'.T' <= S.T + a |T'| + b |S| and |S| <= |S'| + a, all weights
        being positive.  Never more than the product of the norms (Cauchy-Schwarz).

        ``joined``: the article ``first`` has just taken, and what its dot products with
        ``second``'s centroids were when it was last scored against it (see
        ``_article_bounds``).  Where that article is the one vector S took since (a = 1 in a
        space it has a vector in), its dot with T' bounds the a |T'| above far more tightly:
        what it was, plus one for each unit vector T took or gave up since.
        """
        known = first.bounds.get(second.id)
        if known is None:
            return list(norms)
        mine, theirs, dots = known
        bounds = []
        for space, (one, other) in enumerate(zip(first.spaces, second.spaces, strict=True)):
            taken, given = one.steps - mine[space], other.steps - theirs[space]
            if taken or given:
                took = taken * math.sqrt(other.norm2)
                if taken == 1 and joined is not None and joined[0][space]:
                    steps_then, dots_then = joined[1]
                    took = min(took, dots_then[space] + other.steps - steps_then[space])
                growth = took + given * (math.sqrt(one.norm2) + taken)
                bounds.append(min(norms[space], dots[space] + growth))
            else:
                bounds.append(min(norms[space], dots[space]))
        return bounds

    def _merge_similar(self, story: _LiveStory, weighted: _Weighted, article_id: str) -> _LiveStory:
        """Join two stories that turn out to be one event once both have grown (``story``
        has just taken the article ``weighted``).

        Single-pass clustering splits an event when its first articles differ; comparing
        story centroids, which average out each article's quirks, mends that.
        """
        best: tuple[float, str] | None = None
        scored = self._article_bounds.get(article_id, {})
        for other in self._candidates(weighted.keys):
            if other.id == story.id or not _windows_meet(story, other, self.settings):
                continue
            later, earlier = sorted((story, other), key=lambda s: s.born, reverse=True)
            if _other_incident(later.act_days.keys(), later.harm_days.keys(), earlier):
                continue  # alike as two shootings of one street are: two acts
            if (
                later.act_days
                and earlier.act_days
                and _told_apart(later.streets.keys(), earlier.streets.keys())
            ):
                continue  # two acts of violence, each on streets the other names not
            if _told_apart(later.kinds.keys(), earlier.kinds.keys()):
                continue  # a crash and a shooting
            floor = self.settings.merge_threshold if best is None else best[0]
            known = scored.get(other.id)
            joined = None if known is None else (weighted.spaces, known)
            score = self._story_similarity(
                story, other, max(floor, self.settings.merge_threshold), joined
            )
            if score is None:
                continue
            if score >= self.settings.merge_threshold and (best is None or score > best[0]):
                best = (score, other.id)
        if best is None:
            return story
        return self._merge(story, self._live[best[1]])

    def _merge(self, first: _LiveStory, second: _LiveStory) -> _LiveStory:
        keep, gone = (first, second) if first.born < second.born else (second, first)
        for mine, theirs in zip(keep.spaces, gone.spaces, strict=True):
            mine.merge(theirs)
        keep.articles += gone.articles
        keep.originals += gone.originals
        keep.members.update(gone.members)
        keep.tally(gone)
        for original, copies in gone.copies.items():
            keep.copies.setdefault(original, []).extend(copies)
        keep.touched = max(keep.touched, gone.touched)
        for day in (gone.first_seen, gone.last_seen):
            _widen(keep, day)
        self._forget(gone)
        for key in gone.keys - keep.keys:
            keep.keys.add(key)
            self._index.setdefault(key, set()).add(keep.id)
        for article_id in gone.articles:
            self._story_of[article_id] = keep.id
        return keep

    # -- refining before stories close

    def _refine(self, stories: list[_LiveStory]) -> None:
        """Move each article of ``stories`` to the live story it is now most similar to.

        An article joined the best story *at its time*; stories grown since may suit it
        better, and this undoes most of the dependence on the input order.
        """
        stayed: dict[str, tuple[int, frozenset[str]]] = {}
        for _ in range(self.settings.refine_passes):
            moved = False
            for story in sorted(stories, key=lambda s: s.born):
                for article_id in list(story.members):
                    if story.id in self._live:
                        moved = self._reconsider(story, article_id, stayed) or moved
            if not moved:
                break  # nothing changed: another pass would decide all the same again
        self._moved_at.clear()

    def _reconsider(
        self,
        story: _LiveStory,
        article_id: str,
        stayed: dict[str, tuple[int, frozenset[str]]] | None = None,
    ) -> bool:
        """Move the article to a story it now fits better; whether it moved.

        ``stayed`` remembers the articles that stayed, with the move count then and the
        stories sharing their keys: when none of those nor the article's own story has
        changed since, the answer is the same again, and is not worked out again.
        """
        weighted = story.members[article_id]
        shared = self._shared(weighted.keys)
        if stayed is not None and self._unchanged(story, shared, stayed.get(article_id)):
            return False
        stay = self._link_margin(weighted, story, without=True)
        bar = max(stay + self.settings.refine_margin, 0.0)
        best: tuple[float, str] | None = None
        for other in self._ranked(shared):
            if other.id == story.id or not self._may_take(weighted, other):
                continue
            floor = bar if best is None else best[0]
            bounds = self._article_bounds.get(article_id)
            margin = self._link_margin(weighted, other, floor=floor, bounds=bounds)
            if margin is None:
                continue  # it could not have been better
            better = margin > stay + self.settings.refine_margin and (
                best is None or margin > best[0]
            )
            if better and margin >= 0.0:
                best = (margin, other.id)
        if best is None:
            if stayed is not None:
                stayed[article_id] = (self._moves, frozenset(shared))
            return False
        self._move(article_id, story, self._live[best[1]])
        return True

    def _unchanged(
        self, story: _LiveStory, shared: Counter[str], stayed: tuple[int, frozenset[str]] | None
    ) -> bool:
        """Whether the article's story and the stories sharing its keys are as they were
        when it last stayed (a move is the only change while refining)."""
        if stayed is None:
            return False
        moves, then = stayed
        if shared.keys() != then:
            return False
        moved_at = self._moved_at
        return all(moved_at.get(story_id, 0) <= moves for story_id in (story.id, *then))

    def _move(self, article_id: str, source: _LiveStory, target: _LiveStory) -> None:
        self._moves += 1
        self._moved_at[source.id] = self._moved_at[target.id] = self._moves
        weighted = source.members.pop(article_id)
        source.untell(weighted.harms)
        moved = [article_id, *source.copies.pop(article_id, [])]
        for centroid, vector in zip(source.spaces, weighted.spaces, strict=True):
            if vector:
                centroid.remove(vector)
        source.articles = [a for a in source.articles if a not in moved]
        source.originals -= 1
        # a dormant story's older articles have no vectors left: "no members" is not "empty"
        if not source.articles:
            self._forget(source)
        self._put_in(target, weighted, article_id, moved[1:])

    def _put_in(
        self, story: _LiveStory, weighted: _Weighted, article_id: str, copies: list[str]
    ) -> None:
        """Add a moved original (and its copies) to ``story``, as a join would."""
        self._add_member(story, weighted, article_id)
        if copies:
            story.copies[article_id] = copies
        for moved_id in (article_id, *copies):
            story.articles.append(moved_id)
            self._story_of[moved_id] = story.id
        _widen(story, weighted.published)

    # -- splitting what should not have been joined

    def _split_all(self, stories: list[_LiveStory]) -> list[_LiveStory]:
        """``stories`` and the stories split off them (see :meth:`_split`)."""
        if self.settings.split_threshold <= 0.0:
            return stories
        out = []
        for story in stories:
            if story.id in self._live:
                out += [story, *self._split(story)]
        return out

    def _split(self, story: _LiveStory) -> list[_LiveStory]:
        """Split a story whose members fall into groups that are not alike (see
        ``ClusterSettings.split_threshold``); the stories split off.

        Two same-type incidents of one week share the event's words, often its place and
        its kind of figures: a first report of the second may clear today's threshold against
        a story of the first, and each further report of either then finds the mixed story,
        and, once it sleeps, their follow-ups too.  Their own reports are still more alike
        among themselves than across.  The group holding the story's first report keeps the
        story.  A story that slept has no vectors left for its earlier reports: they count as
        one group, the centroid less the members'.
        """
        s = self.settings
        members = list(story.members.items())
        if (
            len(members) > s.split_most
            or len(members) < s.split_min_part  # no part could go: its earlier reports stay
            or story.originals < 2 * s.split_min_part
        ):
            return []  # too large to test, or too small for two parts that may stand alone
        first = story.articles[0]
        members.sort(key=lambda member: member[0] != first)  # stable: the first goes first
        groups = _Groups.of(
            [weighted.spaces for _, weighted in members],
            [[int(bool(vector)) for vector in weighted.spaces] for _, weighted in members],
            [[article] for article, _ in members],
        )
        if story.originals > len(members):  # it slept: its earlier reports are one group
            groups = groups.with_residual(story.spaces, story.originals - len(members))
        parts = _average_link(
            groups, self._space_weights, s.split_threshold, s.split_ratio, s.split_min_part
        )
        return [
            self._split_off(story, [a for g in part for a in groups.articles[g]])
            for part in parts
            if 0 not in part  # the first report's or the earlier reports' part: the story's
        ]

    def _split_off(self, story: _LiveStory, article_ids: list[str]) -> _LiveStory:
        """Move ``article_ids`` (members of ``story``, with their copies) to a new story."""
        self._splits += 1
        order = {article: n for n, article in enumerate(story.articles)}
        article_ids.sort(key=order.__getitem__)
        seed = f"{article_ids[0]}#{self._splits}"
        part = _LiveStory("s" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12], "", [])
        part.born, part.touched = story.born, story.touched
        for article_id in article_ids:
            weighted = story.members.pop(article_id)
            story.untell(weighted.harms)
            for centroid, vector in zip(story.spaces, weighted.spaces, strict=True):
                if vector:
                    centroid.remove(vector)
            story.originals -= 1
            self._put_in(part, weighted, article_id, story.copies.pop(article_id, []))
            part.title = part.title or weighted.title
        self._live[part.id] = part
        moved = set(part.articles)
        story.articles = [a for a in story.articles if a not in moved]
        if len(story.articles) == len(story.members) + sum(map(len, story.copies.values())):
            # every report left has its date at hand: the story's span is theirs alone
            story.first_seen = story.last_seen = None
            for weighted in story.members.values():
                _widen(story, weighted.published)
        return part

    # -- story bookkeeping

    def _start(self, features: ArticleFeatures) -> _LiveStory:
        story_id = "s" + hashlib.sha1(features.id.encode("utf-8")).hexdigest()[:12]
        story = _LiveStory(story_id, features.title, [], born=self._clock)
        self._live[story_id] = story
        return story

    def _join(self, story: _LiveStory, features: ArticleFeatures, weighted: _Weighted) -> None:
        self._add_member(story, weighted, features.id)
        self._record(story, features)

    def _add_member(self, story: _LiveStory, weighted: _Weighted, article_id: str) -> None:
        story.tell(weighted.harms)
        for centroid, vector in zip(story.spaces, weighted.spaces, strict=True):
            if vector:
                centroid.add(vector)
        for key in weighted.keys:
            if key not in story.keys:
                story.keys.add(key)
                self._index.setdefault(key, set()).add(story.id)
        story.originals += 1
        story.members[article_id] = weighted
        story.dormant = False

    def _join_copy(self, story: _LiveStory, features: ArticleFeatures) -> str:
        story.copies.setdefault(features.duplicate_of or "", []).append(features.id)
        self._record(story, features)
        return story.id

    def _record(self, story: _LiveStory, features: ArticleFeatures) -> None:
        story.articles.append(features.id)
        story.touched = self._clock
        self._story_of[features.id] = story.id
        _widen(story, features.published)
        if not story.title and features.title:
            story.title = features.title

    def _close_old(self, published: str | None) -> None:
        """Put to sleep the stories silent past the live window (refined first), and close
        those no later article can join (input is in date order)."""
        if published and (self._latest is None or published > self._latest):
            self._latest = published
            horizon = _shift(published, -self.settings.window_days)
            going = [
                s
                for s in self._live.values()
                if not s.dormant and s.last_seen and s.last_seen < horizon
            ]
            self._refine(going)
            for story in self._split_all(going):
                if story.id in self._live:
                    self._drop_bounds(story)
                    _sleep(story)
            horizon = _shift(published, -max(self.settings.dormant_days, self.settings.window_days))
            for story in [s for s in self._live.values() if s.last_seen and s.last_seen < horizon]:
                self._close(story)
        while len(self._live) > self.settings.max_live_stories:
            self._close(min(self._live.values(), key=lambda s: (s.touched, s.id)))

    def _drop_bounds(self, story: _LiveStory) -> None:
        for article_id in story.members:
            self._article_bounds.pop(article_id, None)

    def _close(self, story: _LiveStory) -> None:
        self._drop_bounds(story)
        self._forget(story)
        for article_id in story.articles:
            self._story_of.pop(article_id, None)
        self._closed.append(story.frozen())

    def _forget(self, story: _LiveStory) -> None:
        """Drop a story from the live set and the index."""
        del self._live[story.id]
        for key in story.keys:
            members = self._index[key]
            members.discard(story.id)
            if not members:
                del self._index[key]


@dataclass
class _Groups:
    """Groups of a story's reports, for average link: each group's sums of unit vectors
    (three spaces), each space's matrix of the dot products of those sums, how many reports
    of each group have each space, how many reports each group holds, and their ids."""

    sums: list[Sequence[Mapping[str, float]]]
    dots: list[npt.NDArray[np.float64]]
    counts: list[list[int]]
    sizes: list[int]
    articles: list[list[str]]

    @classmethod
    def of(
        cls,
        sums: Sequence[Sequence[Mapping[str, float]]],
        counts: list[list[int]],
        articles: list[list[str]],
    ) -> _Groups:
        """Groups from their sums, counts and articles (each one's size: its articles)."""
        dots = [_gram([group[space] for group in sums]) for space in range(3)]
        return cls(list(sums), dots, counts, [len(ids) for ids in articles], articles)

    def with_residual(self, centroids: Sequence[_Vector], size: int) -> _Groups:
        """First the ``size`` reports of ``centroids`` (a story's sums) in none of these
        groups, as one group (the centroid less the groups' sums, by dot products alone:
        a story's centroid is far larger than any report), then these groups."""
        dots = []
        counts = [[0, 0, 0], *self.counts]
        for space, (gram, centroid) in enumerate(zip(self.dots, centroids, strict=True)):
            counts[0][space] = max(centroid.count - sum(c[space] for c in self.counts), 0)
            grown = np.zeros((len(self.sums) + 1, len(self.sums) + 1))
            grown[1:, 1:] = gram
            if counts[0][space]:
                with_centroid = np.array([centroid.dot(group[space]) for group in self.sums])
                grown[0, 1:] = grown[1:, 0] = with_centroid - gram.sum(axis=1)
                grown[0, 0] = centroid.norm2 - 2.0 * with_centroid.sum() + gram.sum()
            dots.append(grown)
        rest: Sequence[Mapping[str, float]] = ({}, {}, {})  # its sums: never read again
        return _Groups([rest, *self.sums], dots, counts, [size, *self.sizes], [[], *self.articles])


def _gram(vectors: list[Mapping[str, float]]) -> npt.NDArray[np.float64]:
    """Every dot product of the sparse ``vectors``, as a matrix (one product in numpy rather
    than a loop per pair: a story of k reports has k * k / 2 pairs).  Columns in the order
    the keys first come, so that the sums, and the result, never depend on string hashes."""
    columns = dict.fromkeys(chain.from_iterable(vectors))
    columns = dict(zip(columns, range(len(columns)), strict=True))
    sizes = [len(vector) for vector in vectors]
    total = sum(sizes)
    cols = chain.from_iterable(map(columns.__getitem__, vector) for vector in vectors)
    values = chain.from_iterable(vector.values() for vector in vectors)
    matrix = np.zeros((len(vectors), max(len(columns), 1)))
    matrix[np.repeat(np.arange(len(vectors)), sizes), np.fromiter(cols, np.intp, total)] = (
        np.fromiter(values, np.float64, total)
    )
    gram: npt.NDArray[np.float64] = matrix @ matrix.T
    return gram


class _AverageLink:
    """Average link over groups of reports, from their sums: the mean cosine of every report
    of one group with every report of another is, space by space, the dot product of the
    groups' sums over the product of their counts, and the mean cosine of a group's reports
    among themselves is its sum's squared norm, less its count, over its count of pairs.
    The spaces are weighed as today's score weighs them, over those both sides have.

    The first likenesses come from numpy, all pairs at once; after each join, plain lists
    (a story's groups are few: a loop beats numpy's cost per call)."""

    def __init__(self, groups: _Groups, weights: tuple[float, float, float]) -> None:
        self.weights = weights
        dots, counts = np.stack(groups.dots), np.array(groups.counts, dtype=np.float64).T
        there = (counts[:, :, None] * counts[:, None, :]) > 0  # space, group, group
        weight = np.array(weights)[:, None, None] * there
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(there, dots / (counts[:, :, None] * counts[:, None, :]), 0.0)
            found = (weight * means).sum(axis=0) / weight.sum(axis=0)
        self.first: list[list[float]] = np.nan_to_num(found).tolist()
        self.dots: list[list[list[float]]] = dots.tolist()  # space, group, group
        self.counts = [list(group) for group in groups.counts]  # group, space
        self.sizes = list(groups.sizes)

    def across(self, i: int, j: int) -> float:
        one, other, dots = self.counts[i], self.counts[j], self.dots
        total = weight_sum = 0.0
        for space, weight in enumerate(self.weights):
            pairs = one[space] * other[space]
            if pairs > 0:
                total += weight * dots[space][i][j] / pairs
                weight_sum += weight
        return total / weight_sum if weight_sum else 0.0

    def within(self, i: int) -> float | None:
        counts, dots = self.counts[i], self.dots
        total = weight_sum = 0.0
        for space, weight in enumerate(self.weights):
            pairs = counts[space] * (counts[space] - 1)
            if pairs > 0:
                total += weight * (dots[space][i][i] - counts[space]) / pairs
                weight_sum += weight
        return total / weight_sum if weight_sum else None

    def join(self, keep: int, gone: int) -> None:
        """Group ``gone`` becomes part of group ``keep``."""
        for gram in self.dots:
            kept, went = gram[keep], gram[gone]
            gram[keep] = kept = [a + b for a, b in zip(kept, went, strict=True)]
            for row in gram:
                row[keep] += row[gone]
        self.counts[keep] = [
            a + b for a, b in zip(self.counts[keep], self.counts[gone], strict=True)
        ]
        self.sizes[keep] += self.sizes[gone]


def _average_link(
    groups: _Groups,
    weights: tuple[float, float, float],
    threshold: float,
    ratio: float,
    min_part: int,
) -> list[list[int]]:
    """Group ``groups`` (their indices) by average link: the most alike pair of parts joins
    while some pair still belongs together (see ``ClusterSettings.split_threshold``)."""
    link = _AverageLink(groups, weights)
    parts: dict[int, list[int]] = {i: [i] for i in range(len(groups.sizes))}

    def together(i: int, j: int, alike: float) -> bool:
        if alike >= threshold or min(link.sizes[i], link.sizes[j]) < min_part:
            return True
        mine, theirs = link.within(i), link.within(j)
        if mine is None or theirs is None:
            return True  # nothing to compare with
        return alike >= ratio * math.sqrt(max(mine, 0.0) * max(theirs, 0.0))

    # The pairs, most alike first, in a heap; an entry whose parts have changed since is
    # dropped when it comes up (the pair is in the heap again with its new likeness).
    version = [0] * len(parts)
    first = link.first
    heap = [(-first[i][j], i, j, 0, 0) for i in parts for j in range(i + 1, len(first))]
    heapq.heapify(heap)
    while heap:
        passed = []  # pairs that stay apart for now: joins elsewhere may change that
        while heap:
            entry = heapq.heappop(heap)
            alike, i, j, mine, theirs = entry
            if i not in parts or j not in parts or (mine, theirs) != (version[i], version[j]):
                continue
            if together(i, j, -alike):
                break
            passed.append(entry)
        else:
            break  # no pair belongs together
        for kept in passed:
            heapq.heappush(heap, kept)
        link.join(i, j)
        parts[i] += parts.pop(j)
        version[i] += 1
        for other in parts:
            if other != i:
                low, high = min(i, other), max(i, other)
                alike = link.across(low, high)
                heapq.heappush(heap, (-alike, low, high, version[low], version[high]))
    return list(parts.values())


def _widen(story: _LiveStory, day: str | None) -> None:
    """Stretch a story's first/last seen days to include ``day`` (undated: no change)."""
    if day:
        story.first_seen = min(story.first_seen or day, day)
        story.last_seen = max(story.last_seen or day, day)


def _sleep(story: _LiveStory) -> None:
    """Refining is over for this story: free its members' vectors, keep its centroids."""
    story.dormant = True
    story.members.clear()
    story.copies.clear()
    story.bounds.clear()


def late_link(
    settings: ClusterSettings, similarity: float, cosines: list[float | None], gap: int
) -> float:
    """Probability that a report ``gap`` days after a story's last one belongs to it."""
    values = (1.0, similarity, *(c or 0.0 for c in cosines), math.log1p(gap))
    z = sum(w * x for w, x in zip(settings.late_link, values, strict=True))
    return 1.0 / (1.0 + math.exp(-z)) if z > -50.0 else 0.0


def _published_before(published: str | None, days: Iterable[str]) -> bool:
    """Whether ``published`` is two days or more before every one of ``days`` (day keys,
    each taken in the year that puts it nearest; one half a year or more away may be of
    either year, and says nothing)."""
    if not published:
        return False
    day = datetime.date.fromisoformat(published[:10])
    return all(2 <= _days_after(day, key) <= _LATER_REACH for key in days)


_LATER_REACH = 120  # days: a day key further on may be of the year before


@functools.lru_cache(maxsize=8192)
def _days_after(day: datetime.date, key: str) -> int:
    """Days from ``day`` to the day key ``key`` in the year that puts it nearest."""
    nearest = None
    for year in (day.year - 1, day.year, day.year + 1):
        told = _key_date(key, year)
        if told is None:  # 29 February
            continue
        apart = (told - day).days
        if nearest is None or abs(apart) < abs(nearest):
            nearest = apart
    return nearest if nearest is not None else 0


def _days_of(facts: Mapping[str, float]) -> set[str]:
    """The day keys ("d:09-04") in a facts vector or centroid (a key whose weight all left
    with the reports that gave it is not told)."""
    return {key for key, weight in facts.items() if key.startswith("d:") and weight > _SLACK}


def _gap_days(published: str | None, story: _LiveStory) -> int:
    """Days from the story's span to ``published`` (0 inside it, or when undated)."""
    if not (published and story.first_seen and story.last_seen):
        return 0
    day = _day_number(published)
    return max(0, day - _day_number(story.last_seen), _day_number(story.first_seen) - day)


@functools.lru_cache(maxsize=4096)
def _day_number(day: str) -> int:
    return datetime.date.fromisoformat(day[:10]).toordinal()


# Room left for rounding when a bound rules a candidate out: far above a cosine's rounding
# error, far below any difference between two scores that matters.
_SLACK = 1e-9
# The spaces by the usual size of their vectors, smallest first (figures, names, words): a
# cheap cosine computed first may show that the costly ones cannot lift a score to its bar.
_CHEAPEST_FIRST = (2, 1, 0)


def _space_present(vector: Mapping[str, float], centroid: _Vector, without: bool) -> bool:
    """Whether both the article and the story (``without`` the article) have this space."""
    return bool(vector) and (centroid.count > 1 if without else centroid.norm2 > 0.0)


def _space_cosine(vector: Mapping[str, float], centroid: _Vector, without: bool) -> float | None:
    if not _space_present(vector, centroid, without):
        return None
    return centroid.cosine_without(vector) if without else centroid.cosine(vector)


def _top_keys(vector: Mapping[str, float], count: int) -> tuple[str, ...]:
    """The ``count`` keys of highest weight, ties by key."""
    return tuple(_highest(vector, count))


def _highest(values: Mapping[str, float], count: int) -> list[str]:
    """The ``count`` keys of highest value, ties by key."""
    if len(values) > count:
        # Only keys valued at least the count-th highest value can be among them.
        cut = sorted(values.values(), reverse=True)[count - 1]
        ranked = [(-value, key) for key, value in values.items() if value >= cut]
    else:
        ranked = [(-value, key) for key, value in values.items()]
    ranked.sort()
    return [key for _, key in ranked[:count]]


@functools.lru_cache(maxsize=4096)
def _shift(day: str, days: int) -> str:
    """``day`` moved by ``days``, held at the calendar's ends (0001-01-01, 9999-12-31)."""
    start = datetime.date.fromisoformat(day[:10])
    try:
        return (start + datetime.timedelta(days=days)).isoformat()
    except OverflowError:
        return (datetime.date.min if days < 0 else datetime.date.max).isoformat()


def _windows_meet(first: _LiveStory, second: _LiveStory, settings: ClusterSettings) -> bool:
    if not (first.first_seen and first.last_seen and second.first_seen and second.last_seen):
        return True
    return _shift(first.first_seen, -settings.window_days) <= second.last_seen and (
        second.first_seen <= _shift(first.last_seen, settings.window_days)
    )


def sort_key(article: Article | ArticleFeatures) -> tuple[str, bool, str]:
    """The order the clusterer expects: undated first, then by date, originals before
    their same-day copies, then by id."""
    return ((article.published or "")[:10], article.duplicate_of is not None, article.id)


def cluster_features(
    features: Iterable[ArticleFeatures], settings: ClusterSettings | None = None
) -> list[Story]:
    """All stories of ``features`` (sorted here), ordered by their first article."""
    clusterer = StoryClusterer(settings)
    stories: list[Story] = []
    for item in sorted(features, key=sort_key):
        clusterer.add(item)
        stories += clusterer.drain_closed()
    stories += clusterer.finish()
    return stories
