"""Read the figures an article gives, with the hedge that qualifies each one.

Pure regular expressions and small rules, no model: "almost 3,000 workers",
"20,000-odd residents", "$11 billion", "75 percent", "tens of thousands of
people", "between 10 and 20 villages", "nearly three decades".  Every figure
becomes a :class:`Quantity` whose ``low``/``high`` is the interval its hedge
allows (see ``HEDGE_INTERVALS`` and docs/framing-lexicon.md), so that two
outlets' figures can be checked with :func:`compatible`.

Dates, years, times, phone numbers, identifiers ("F-16", "COVID-19",
"Resolution 2334") and names that contain a number ("the Six-Day War") are not
figures and are skipped.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from triangulate.core import dates, words
from triangulate.core.dates import CALENDAR_WORDS, lead_datelines
from triangulate.core.words import DEATH_WORDS, STREET_NUMBER, lower_same_length, word_set
from triangulate.models import Evidence, Quantity
from triangulate.nlp.language import doc_text
from triangulate.readers.entities import POSSESSIVE, TITLE_WORDS

Interval = tuple[float, float]
Span = tuple[int, int]

# The interval each hedge implies around the written value v (one table, documented in
# docs/framing-lexicon.md).  Closed intervals: "more than 3,000" and "nearly 3,000" overlap
# at 3,000 on purpose, so only clearly different figures count as incompatible.
HEDGE_INTERVALS: dict[str, Callable[[float], Interval]] = {
    "about": lambda v: (0.9 * v, 1.1 * v),
    "almost": lambda v: (0.9 * v, v),
    "-odd": lambda v: (v, 1.2 * v),
    "-strong": lambda v: (0.95 * v, 1.05 * v),
    "-plus": lambda v: (v, 1.5 * v),
    "more than": lambda v: (v, 1.5 * v),
    "well over": lambda v: (1.1 * v, 2.0 * v),
    "at least": lambda v: (v, 2.0 * v),
    "as many as": lambda v: (0.5 * v, v),
    "up to": lambda v: (0.0, v),
    "less than": lambda v: (0.0, v),
}

# Written hedge -> the row of HEDGE_INTERVALS it uses.
HEDGE_KIND: dict[str, str] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "estimated": "about",
    "an estimated": "about",
    "circa": "about",
    "or so": "about",
    "almost": "almost",
    "nearly": "almost",
    "close to": "almost",
    "just under": "almost",
    "just shy of": "almost",
    "-odd": "-odd",
    "-strong": "-strong",
    "-plus": "-plus",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "just over": "more than",
    "upwards of": "more than",
    "upward of": "more than",
    "in excess of": "more than",
    "well over": "well over",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "or more": "at least",
    "as many as": "as many as",
    "as much as": "as many as",
    "up to": "up to",
    "at most": "up to",
    "no more than": "up to",
    "not more than": "up to",
    "fewer than": "less than",
    "less than": "less than",
    "under": "less than",
    "below": "less than",
}

# Vague plural amounts: (low, high) before any multiplier ("tens of thousands").
VAGUE_BOUNDS: dict[str, Interval] = {
    "tens": (20.0, 99.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "millions": (2e6, 9.99e6),
    "billions": (2e9, 9.99e9),
    "a few": (2.0, 5.0),
    "several": (3.0, 9.0),
}

SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "dozen": 12.0,
}

WORD_VALUES: dict[str, int] = {
    word: index
    for index, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
WORD_VALUES.update(
    {
        word: 10 * (index + 2)
        for index, word in enumerate(
            ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        )
    }
)

CURRENCY_UNITS: dict[str, str] = {
    "$": "dollars",
    "us$": "dollars",
    "usd": "dollars",
    "$us": "dollars",
    "a$": "australian dollars",
    "$a": "australian dollars",
    "c$": "canadian dollars",
    "$c": "canadian dollars",
    "nz$": "new zealand dollars",
    "$nz": "new zealand dollars",
    "hk$": "hong kong dollars",
    "$hk": "hong kong dollars",
    "s$": "singapore dollars",
    "€": "euros",
    "eur": "euros",
    "£": "pounds",
    "gbp": "pounds",
    "¥": "yen",
    "₹": "rupees",
    "₽": "rubles",
}

AGE_UNIT = "years old"
# A vote's tally ("a 48-51 vote", "voting it down 49-51", "ruled 6-3") is two counts, not a
# range: the votes for what was put to the vote and the votes against it.
TALLY_FOR = "votes for"
TALLY_AGAINST = "votes against"
TALLY_UNITS = frozenset({TALLY_FOR, TALLY_AGAINST})
TALLY_AFTER = re.compile(r"\s*(?:-\s*)?(?:votes?|tally|ruling|decision|verdict)\b", re.I)
TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)(?:\s+\w+){0,2}|ruled|tally\s+of|by\s+a\s+vote\s+of)[,:]?\s+$"
    # what a chamber's or a vote's tally "was": "The Assembly tally, amended on Monday, was
    # 44-31" (not "the death tally stood at 12-15")
    r"|\b(?:vote|House|Senate|Assembly|chamber|council|committee|board|legislature)\s+tally"
    r"(?:\s*,[^,.;]{1,30},)?\s+(?:was|is|stood\s+at|came\s+to)\s+$",
    re.I,
)  # "The vote, 232 to 196, was largely along party lines" too
# A second chamber's tally after the first's, in a sentence telling a vote's outcome: "cleared
# the Assembly 44-31 and the Senate 17-12" (not "lost 1-3 and the board 2-4")
SECOND_TALLY_BEFORE = re.compile(
    r"\b\d{1,4}\s*[-–—]\s*\d{1,4}\s+and\s+(?:in\s+)?(?:the\s+)?"
    r"(?:House|Senate|Assembly|chamber|council|committee|board|legislature)\s+$",
    re.I,
)
TALLY_REACH = 45  # characters before a pair searched for the vote it tallies
# A margin is a vote's only in a sentence of a vote ("by a 44-26 margin" may be a game's
# rebounds): any pair of a margin is two counts, not a range
MARGIN_AFTER = re.compile(r"\s*(?:-\s*)?margin\b", re.I)
MARGIN_BEFORE = re.compile(r"\bmargin\s+of\s+$", re.I)
VOTE_WORD = re.compile(r"\bvot(?:e|ed|es|ing|ers?)\b|\bballots?\b", re.I)
# Words no object of a vote's verb holds ("passes, but we were down 14-0": a game's score)
_NOT_AN_OBJECT = (
    r"(?:was|were|is|are|be|been|being|down|up|from|but|or|and|as|when|while|after|before|we|"
    r"they|he|she|i|lost|won|drew|beat|tied|led|trailed|scored)\b"
)
# A hyphened pair right after the verb of a vote's outcome is its tally too ("passed the bill
# 52-48", "rejected the plan 210-215"), when nothing of its own follows it (not "approved
# 20-25 homes"). Not "won" or "beat": a game's score.
_OUTCOME_VERBS = (
    r"\b(?:pass(?:ed|es)|approv(?:ed|es)|confirm(?:ed|s)|adopt(?:ed|s)|ratif(?:ied|ies)|"
    r"reject(?:ed|s)|fail(?:ed|s)|overr(?:ode|ides?|idden)|clear(?:ed|s))"
)
OUTCOME_BEFORE = re.compile(  # "approved it late in the evening, 31-19" too
    _OUTCOME_VERBS + rf"(?:\s+(?!{_NOT_AN_OBJECT})[A-Za-z][\w'’-]*){{0,6}},?\s+$",
    re.IGNORECASE,
)
OUTCOME_REACH = 60
OUTCOME_WORD = re.compile(_OUTCOME_VERBS + r"\b", re.IGNORECASE)  # anywhere in a sentence
# What an outcome's tally is of, in its sentence: a measure, a body that votes, or a vote
# ("The Hawks failed to hold their lead and lost 3-2" tells a game, no vote)
VOTE_CONTEXT = re.compile(
    r"\b(?:bills?|measures?|motions?|resolutions?|amendments?|nominations?|nominees?|budgets?|"
    r"laws?|legislation|proposals?|plans?|ordinances?|referendums?|treat(?:y|ies)|senate|house|"
    r"council|committee|board|assembly|parliament|congress|chamber|lawmakers|legislators|"
    r"senators|members|shareholders|delegates|justices|vot(?:e|es|ed|ing))\b",
    re.I,
)
TALLY_END = re.compile(
    r"\s*(?:[,.;:)]|$|(?:on|in|at|to|after|before|with|without|and|as|during|late|early|"
    r"last|this|by|for|vote|votes|margin|tally)\b)",
    re.IGNORECASE,
)
TALLY_MOST = 1000  # members of the largest chamber: a larger pair is no tally of votes
# The outcome a tally tells, which side its larger count is: the votes for what passed, the
# votes against what failed ("voting it down 49-51", "voted 230-197 to reject it"). Not
# when the sentence tells a bar to clear ("failed 52-47, short of the 60 needed"): a larger
# side may lose, and the tally is written as it is by custom, the votes for first.
THRESHOLD = re.compile(
    r"\bneed(?:ed|s)?\b|\brequired\b|\bshort\s+of\b|\bsupermajority\b|\btwo-thirds\b|"
    r"\bthreshold\b|\bmajority\s+of\b",
    re.I,
)
PASSING = re.compile(
    r"\b(?:pass(?:ed|es|ing)?|approv\w*|confirm\w*|adopt\w*|ratif\w*|endors\w*|"
    r"back(?:ed|s|ing)|overr(?:ode|ide|ides|iding|idden)|uph[eo]ld\w*|elect(?:ed|s|ing)?|"
    r"advanc\w*|clear(?:ed|s|ing))\b",
    re.IGNORECASE,
)
FAILING = re.compile(
    r"\b(?:reject\w*|defeat\w*|fail\w*|block\w*|down|kill(?:ed|s|ing)|sank|sunk|"
    r"struck|strike|den(?:y|ied|ies|ying))\b",
    re.IGNORECASE,
)
# "voted 52-48 against confirming him", "7-4 on Monday against advancing": the motion's
# outcome; not "two Democrats sided with the GOP against the effort" further on
AGAINST_AFTER = re.compile(r"\s*(?:on\s+[A-Z]\w+\s+)?against\s+\w+ing\b")
# A court's split: the majority's count is the one for the ruling, whatever it decided
# ("ruled 6-3 to strike down the law", "in a 6-3 decision"); not a court's name in a vote
# ("rejected the court nominee 48-52")
RULING = re.compile(r"\b(?:ruled|rulings?|decisions?|verdicts?|justices)\b", re.I)
# Sides a writer names ("52 votes in favor and 48 against", "210 lawmakers voting in favour
# and 215 voting against", "52 yes votes and 48 no votes"): both in one sentence, close.
# A side's share told between its count and the side: "(52.4%)", ", or 52.4 percent,"
_SHARE_BETWEEN = r"(?:\s*\([^()]{0,24}\)|,\s+or\s+[\d.]+\s*(?:%|percent),)?"
TALLY_SIDE_AFTER = re.compile(
    r"(?:\s+(?:[a-z][\w'’-]*\s+)?(?:votes?|voting|voted))?"
    + _SHARE_BETWEEN
    + r"\s+(?:(?P<favour>in\s+favou?r|for)|(?P<against>against|opposed))\b"
    r"|\s+(?:(?P<yes>yes|aye)|(?P<no>no|nay))\s+votes?\b",
    re.IGNORECASE,
)
TALLY_SIDES_APART = 80  # characters between a sentence's two named sides
# What is between a count of votes its side is not named for and the next count, named
# "against": "led with 9,120 votes, or 61.0 percent, to 5,830 votes against"
VOTES_TO_VOTES = re.compile(r"\s+votes?" + _SHARE_BETWEEN + r"\s+to\s+", re.I)
# "against" that ends its phrase: the side named, not whom the votes were cast against
# ("won 5,100 votes to 4,900 votes against the incumbent")
SIDE_ENDS = re.compile(r"\s*(?:[,.;:)]|$)")
# A storm's category on its scale ("as a Category 3 storm", "to Category 4"): a measure of
# the storm, not a name, in a sentence of a storm
STORM_CATEGORY = "storm category"
CATEGORY_BEFORE = re.compile(r"\bCategory\s+$")
CATEGORY_AFTER = re.compile(r"\s*(?:-\s*)?(?:storm|hurricane|cyclone|typhoon)s?\b", re.IGNORECASE)
CATEGORY_AS = re.compile(r"\b(?:as|to|at|into)\s+(?:an?\s+)?(?:strong\s+|weak\s+|major\s+)?$", re.I)
STORM_WORDS = re.compile(r"\b(?:hurricane|storm|cyclone|typhoon)s?\b", re.IGNORECASE)
# A quake's magnitude is its own unit, not a count of the quakes after it ("magnitude 6.4
# earthquake", "a 6.2-magnitude quake", "measuring 5.8 on the Richter scale").
MAGNITUDE_UNIT = "magnitude"
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)
MAGNITUDE_AFTER = re.compile(r"\s*-?\s*magnitude\b|\s+on\s+the\s+richter\b", re.IGNORECASE)
CONVERSION_SLACK = 0.05
# What lies between a length and its conversion in brackets: "58 km (36 miles)".
CONVERSION_BETWEEN = re.compile(
    r"(?:\s*-?\s*[A-Za-z][\w.-]*)?\s*\(\s*(?:about|some|around|roughly|nearly|almost)?\s*"
)
BRACKET_CLOSES = re.compile(r"\s*\)")
ROUND_SLACK = 0.025  # a round figure ("2,000") may stand for one up to this share away
# "36-year-old", "36 - year - old" (tokenised), "36 years old"; "two 17-year-olds": each one's
AGE_AFTER = re.compile(r"\s*-\s*years?\s*-\s*olds?\b|\s+years?\s+old\b", re.IGNORECASE)
# "aged 36", "age 36", and each age of a list after it: "ages 47 and 48", "aged 19, 22 and 24"
AGE_BEFORE = re.compile(
    r"\b(?:aged|ages?)\s+(?:\d{1,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+to\s+)){0,4}$",
    re.IGNORECASE,
)
# A number told alone after words that give an age ("died at 91", "died Thursday at the age
# of 85", "She was 85."), when no noun follows it ("at the age of 18 months": months)
AGE_BARE_BEFORE = re.compile(
    r"(?:\bat\s+the\s+age\s+of|\b(?:[Dd]ied|[Dd]ies|[Pp]assed\s+away)(?:\s+\w+){0,3}?\s+at"
    r"|(?:^|[.!?]\s+|\b)(?:[Hh]e|[Ss]he)\s+(?:was|is|turned|turns))\s+$"
)
AGE_BARE_AFTER = re.compile(r"[^\S\n]*(?:[.,;:!?)\"\u201d\n]|$)|\s+(?:when|after|years?\b)")
# "a mother of 12", "father-of-three", "a grandmother of five": the number counts the
# person's children (or grandchildren), told without the noun.
CHILDREN_UNITS = frozenset({"children", "grandchildren"})
PARENT_OF = re.compile(
    r"\b(?P<grand>grand|great-grand)?(?:mother|father|parent|mom|mum|dad)s?[\s-]+of[\s-]+$",
    re.IGNORECASE,
)
# "170,000-square-foot", "15 , 800 - square - metre" (tokenised), "5,000 sq ft": an area
AREA_AFTER = re.compile(
    r"\s*-?\s*(?:square|sq\.?)\s*-?\s*(?P<unit>feet|foot|ft|metres?|meters?|m|"
    r"kilometres?|kilometers?|km|miles?|yards?)\b",
    re.IGNORECASE,
)
AREA_PREFIX = "square "
# Lengths in metres, so that "about 60 metres (200 feet)" is read as one length twice.
LENGTH_IN_METRES: dict[str, float] = {
    "metres": 1.0, "metre": 1.0, "meters": 1.0, "meter": 1.0, "m": 1.0,
    "kilometres": 1000.0, "kilometre": 1000.0, "kilometers": 1000.0, "kilometer": 1000.0,
    "km": 1000.0, "feet": 0.3048, "foot": 0.3048, "ft": 0.3048, "miles": 1609.344,
    "mile": 1609.344, "yards": 0.9144, "yard": 0.9144, "inches": 0.0254, "inch": 0.0254,
    "millimetres": 0.001, "millimetre": 0.001, "millimeters": 0.001, "millimeter": 0.001,
    "mm": 0.001, "centimetres": 0.01, "centimetre": 0.01, "centimeters": 0.01,
    "centimeter": 0.01, "cm": 0.01,
}  # fmt: skip
# Speeds in kilometres an hour.
SPEED_IN_KMH: dict[str, float] = {"km/h": 1.0, "mph": 1.609344}
# Areas told by a unit of their own ("18,000 acres", "7,300 hectares"), in square metres.
AREA_IN_SQUARE_METRES: dict[str, float] = {
    "acres": 4046.8564224, "acre": 4046.8564224, "hectares": 10_000.0, "hectare": 10_000.0,
}  # fmt: skip
# "120 mph", "193 km/h", "80 kilometres an hour", "193km/h": a speed, never a length
SPEED_AFTER = re.compile(
    r"\s*-?\s*(?:mph|kph|kmh|km/h|(?:km|kilomet(?:re|er)s?|miles?|mi)\s*"
    r"(?:/\s*h(?:r|our)?|an\s+hour|a\s+hour|per\s+hour))\b",
    re.IGNORECASE,
)
SPEED_TAIL = re.compile(r"\s*/\s*h(?:r|our)?\b|\s+(?:an|per)\s+hour\b", re.IGNORECASE)
UNIT_KINDS: dict[str, str] = {
    AGE_UNIT: "age",
    "mph": "speed",
    "km/h": "speed",
    "percent": "percent",
    "per cent": "percent",
    "percentage points": "points",
    "percentage point": "points",
}
TIME_UNITS = word_set(
    """century centuries decade decades year years month months week weeks day days hour hours
    minute minutes second seconds"""
)
MONEY_WORDS = word_set(
    """dollars dollar euros euro pounds pound yen rupees rubles roubles manat lira yuan"""
)

# Words after a number that end the search for the counted noun: function words, and
# words of time and place that follow a figure ("40 ships offshore", "300 today").
STOP_WORDS = words.STOP_WORDS | word_set(
    """ago earlier later already now still even every less least monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august september
    october november december north south east west northward southward eastward westward home
    away back abroad overseas today yesterday tomorrow ahead inside outside nearby around"""
)
ONE_IDIOMS = word_set("point time stage instance way hand side another roof voice")
# "no one", "the one who": "one" here is a pronoun.
PRONOUN_ONE_BEFORE = frozenset(
    ["no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"]
)
IRREGULAR_PLURALS = word_set(
    """people children men women police personnel staff crew cattle livestock militia aircraft
    sheep deer fish offspring clergy youth"""
)
HYPHEN_UNITS = word_set(
    """year month week day hour minute second mile kilometre kilometer km metre meter foot feet
    inch member point seat storey story nation party man person page acre ton tonne"""
)
ID_WORDS = word_set(
    """article resolution flight route highway interstate room section chapter page paragraph
    clause no no. number level phase stage gate terminal platform building block unit hall bus
    line track version series episode season volume vol vol. apollo boeing airbus model type
    category class grade bill act case row lot box exit pier dock district ward precinct code
    local"""
)
# Words a number after which names a road, a route or a place in a building however they
# are written (a capital is not needed): "on highway 94", "took flight 17", "in room 212",
# "near milepost 63", "at mile marker 12", "MP 97"
ROAD_AND_ROUTE_WORDS = word_set(
    "highway interstate route flight room exit gate platform terminal milepost mileposts marker"
    " markers mp"
)
# A number a death toll stands at: "the death toll from the floods rose to 14", "the toll
# has climbed to at least 30", "the number of people killed rose to four" count the dead.
TOLL_BEFORE = re.compile(
    r"\b(?:(?:death|casualty|fatality)\s+toll|number\s+of\s+(?:people\s+)?(?:killed|dead|deaths"
    r"|fatalities))\b[^.;:!?]{0,50}?\b(?:to|at|of|reached|hit|is|was"
    r"|stands|stood)\s+(?:(?:at\s+least|about|around|nearly|almost|some|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)
TOLL_UNIT = "people"
# A level a count has reached is told by a verb of change and "to"/"at" ("the toll has risen
# to seven", "the number of missing stood at 11", "bringing total closures to 220"); "reach"
# and "hit" take the level as their object ("the toll reached 30").
LEVEL_VERBS = word_set(
    """rise climb reach stand hit increase grow jump mount swell soar top fall drop decline
    dip sink"""
)
LEVEL_OBJECT_VERBS = word_set("reach hit top pass exceed")
LEVEL_PREPOSITIONS = frozenset({"to", "at"})
TOLL_COMPOUNDS = word_set("death casualty fatality human civilian")
# Words that make "the number of ..." a count of people hurt or lost ("the number of people
# killed", "the number of dead", "the number of missing").
TOLL_GROUP_WORDS = word_set(
    """dead killed deaths fatalities casualties missing injured wounded hurt victims died
    kill die miss injure wound"""
)
NUMBER_NOUNS = word_set("number count tally total")
# A capitalised word of three letters or more right after a number, not all capitals
# ("8 Block", not "5 GW").
CAPITALISED_NEXT = re.compile(r"[ ]+([A-Z][a-z]{2,}[\w'-]*)\b")
TITLE_WORD = re.compile(r"[A-Za-z][\w'-]*")
# Two capitalised words right before a number ("Workers Local 88", "Channel 6").
NAME_BEFORE = re.compile(r"[A-Z][\w'&-]*[ ]+(?P<last>[A-Z][\w'&-]*)[ ]+$")
# A share told in words: "two-thirds", "three quarters", "nine in ten" ("23 out of 40
# protesters" counts both).
# A rate ("one in every 500 users", "1 in 4 voters") is a share too: neither number counts.
_RATE_BASE = (
    r"(?:every\s+)?(?:two|three|four|five|ten|hundred|thousand|(?!(?:19|20)\d\d\b)\d[\d,]*)"
)
FRACTION_AFTER = re.compile(
    r"(?:[-\s](?:thirds?|quarters?|fifths?|tenths?|halves)\b"
    rf"|\s+in\s+{_RATE_BASE}\b)",
    re.IGNORECASE,
)
FRACTION_BEFORE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+in\s+(?:every\s+)?$",
    re.IGNORECASE,
)
# "two days ago", "a week earlier": how far a day lies from another, which the time reader
# dates ("wait 30 days before deciding" is a length of time, and stays).
TIME_OFFSET_AFTER = re.compile(r"\s*(?:ago|earlier|later)\b", re.IGNORECASE)
MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

_GLUED_UNITS = "ft|km|kg|cm|mm|mi|lbs?"  # "200ft", "5km": units written on the number
_UNIT_W = "|".join(sorted((w for w in WORD_VALUES if WORD_VALUES[w] < 20), key=len, reverse=True))
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_W = "hundred|thousand|million|billion|trillion"
# "eight and a half", "two and a quarter", "three and three-quarters": a whole and a part
_AND_FRACTION = r"\s+and\s+(?:(?:a|one)\s+(?:half|quarter)|three[\s-]quarters)"
_FRACTION_THEN_SCALE = rf"(?:{_AND_FRACTION}(?:\s+(?:{_SCALE_W}))?)?"
# (the words of one number stay on one line: "Crash kills two\n\nTwo people died" tells two
# numbers, not four)
_WORD_NUMBER = (
    rf"(?:(?:a|an|half\s+a)\s+(?:{_SCALE_W}|dozen)"
    rf"|(?:{_TENS_W}|{_UNIT_W})"
    rf"(?:(?:[^\S\n]+|-)(?:and\s+(?!three[\s-]quarters))?(?:{_TENS_W}|{_UNIT_W}|{_SCALE_W}|dozen))*"
    rf"{_FRACTION_THEN_SCALE})"
)
# "$11 billion", and hyphenated before the noun it counts: "a $11-billion deal", "a 90 -
# million euro loan" (tokenised)
_TO_SCALE = r"(?:\s+|\s*-\s*)"
# "2 , 000" and "0 . 07": numbers as tokenised text writes them
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: , \d{3})+(?![\d.])|\d+ \. \d+(?![\d.])"
    r"|\d+(?:\.\d+)?|\.\d+"
)
_DIGIT_NUMBER = (
    rf"(?:\d+(?i:{_AND_FRACTION})(?:\s+(?:{_SCALE_W}))?\b"
    rf"|(?:{_DIGITS})(?:{_TO_SCALE}(?:{_SCALE_W})\b|(?:bn|mn|mln|tn|m|k|b|{_GLUED_UNITS})\b)?"
    r"(?:\s+(?:dozen)\b)?)"
)
_NUMBER_AFTER_SEP = rf"(?:(?:{_DIGIT_NUMBER})(?![\w/:]|[.,]\d)|\b(?i:{_WORD_NUMBER})\b)"
# The letters of a dollar's country, written after its sign ("$US", "$A") or before it ("US$",
# "A$", and Singapore's "S$")
DOLLAR_COUNTRIES_AFTER = ("US", "NZ", "HK", "A", "C")
_AFTER_SIGN = "|".join(DOLLAR_COUNTRIES_AFTER)
_BEFORE_SIGN = f"{_AFTER_SIGN}|S"
# A number stands apart from the word before it, save the country of a dollar ("$US1m")
_AFTER_DOLLAR_COUNTRY = "|".join(
    rf"(?<=\${gap}{letters})" for letters in DOLLAR_COUNTRIES_AFTER for gap in ("", " ")
)
_NUMBER = rf"(?:(?:(?<![\w.,/:#-])|{_AFTER_DOLLAR_COUNTRY}){_NUMBER_AFTER_SEP})"
_HEDGES = "|".join(
    re.escape(h).replace(r"\ ", r"\s+")
    for h in sorted(
        (h for h in HEDGE_KIND if not h.startswith("-") and h != "or so"), key=len, reverse=True
    )
    if h not in ("or more",)
)
# A sign may stand one space before its number ("US$ 55 billion", "€ 1.78 billion")
_CURRENCY = (
    rf"(?:(?:(?:{_BEFORE_SIGN})\$|\$ ?(?:{_AFTER_SIGN})(?=\d)|\$|€|£|¥|₹|₽)(?: (?=\d))?"
    r"|(?:USD|EUR|GBP)\s?)"
)
# The letters of a dollar's country written before its sign ("US$", "A$", "NZ$")
DOLLAR_LETTERS_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_BEFORE_SIGN})\Z")
# A dollar sum's sign with the letters of its country, before or after it ("US$", "$US")
DOLLAR_MARK = re.compile(rf"(?P<before>{_BEFORE_SIGN})?\$ ?(?P<after>{_AFTER_SIGN})?(?=\d)")
_SUFFIX = r"(?:-odd|-strong|-plus|\+(?!\d)|\s+or\s+so\b|\s+or\s+more\b)"
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent(?:age\s+points?)?\b|\s+percentage\s+points?\b)"
_VAGUE = (
    r"(?:(?:tens|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?:thousands|millions|billions))?(?=\s+of\s)"
    rf"|(?:a\s+few|several)(?:\s+(?:{_SCALE_W}|dozen))?(?=\s+[a-z]))"
)

QUANTITY_RE = re.compile(
    rf"(?:(?P<hedge>(?i:{_HEDGES}))\s+)?"
    r"(?:(?P<between>(?i:between|from))\s+)?"
    rf"(?P<cur>{_CURRENCY})?(?P<n1>{_NUMBER}|(?i:\b{_VAGUE}))"
    rf"(?:(?P<sep>\s*[-–—]\s*|\s+(?:to|and)\s+)(?P<cur2>{_CURRENCY})?(?P<n2>{_NUMBER_AFTER_SEP}))?"
    rf"(?P<suffix>(?i:{_SUFFIX}))?(?P<pct>(?i:{_PERCENT}))?"
)
# "more than a century", "nearly a decade": a lone "a" counts as one only after a hedge.
HEDGED_ONE_RE = re.compile(
    rf"(?P<hedge>(?i:{_HEDGES}))\s+(?P<n1>an?)"
    r"(?=\s+(?:century|decade|year|month|week|day|hour|fortnight)\b)"
)

# "180 of its 420 stores", "two of the three victims": a part, then its whole's number.
WHOLE_AFTER = re.compile(
    rf"\s+of\s+(?:its|the|their|his|her|our|those|these)\s+{_NUMBER_AFTER_SEP}"
)

AND_FRACTION_RE = re.compile(
    r"\s+and\s+(?P<part>(?:a|one)\s+half|(?:a|one)\s+quarter|three[\s-]quarters)\b"
)
FRACTION_VALUES = {"a half": 0.5, "one half": 0.5, "a quarter": 0.25, "one quarter": 0.25}
FRACTION_VALUES["three quarters"] = 0.75

# Spans that hold digits but are not figures.
BLOCKED_RES = [
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"),  # ISO date
    re.compile(r"\b\d{1,4}[./]\d{1,2}[./]\d{1,4}\b"),  # 18.04.2024, 4/18/24
    # times, also as tokenised text writes them ("11 : 30", "11: 30 p. m.")
    re.compile(r"\b\d{1,2} ?: ?\d{2}(?::\d{2})?(?:\s?[ap]\.? ?m\.?)?", re.I),
    # a clock time of four digits before its time zone ("at 2045 GMT")
    re.compile(r"\b[0-2]\d[0-5]\d\s?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST)\b"),
    re.compile(r"\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.I),
    re.compile(
        rf"\b{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\b(?:,?\s+\d{{4}})?"
    ),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?{MONTHS}\b"),
    re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}\b"),  # phones
    re.compile(r"(?<!\$)(?<!\$ )\b[A-Za-z]+[-_]?\d+[\w-]*"),  # F-16, A320, COVID-19; not "$US1m"
    re.compile(r"\b\d+(?:\.\d+){2,}\b"),  # version numbers, IP addresses
    re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I),  # ordinals
    re.compile(r"'?\b\d{2,4}'?s\b"),  # decades: 1990s, '80s
    re.compile(r"#\s?\d+|\bNo\.\s?\d+", re.I),
    # the emergency number ("called 911", "a 911 dispatcher", "911 calls")
    re.compile(
        r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing|ling)?|text(?:s|ed|ing)?)\s+911\b"
        r"|\b911(?=\s+(?:calls?|callers?|dispatch\w*|operators?|supervisors?|cent(?:er|re)s?"
        r"|system|lines?|tapes?|recordings?|emergency)\b)",
        re.I,
    ),
    # a broadcaster's channel in its name ("KXVN 7", "Channel 8", "News 9", "FOX 5")
    re.compile(
        r"\b(?:[KW][A-Z]{3}(?:-(?:TV|FM|AM|DT))?|[KW][A-Z]{2}-(?:TV|FM|AM|DT)|Channel|News|FOX"
        r"|ABC|NBC|CBS|CW|PBS)"
        r"\s+\d{1,2}\b(?![.,]\d)(?!\s+(?:million|billion|thousand|hundred)\b)"
    ),
    # a share price's move a business site prints after a firm's name, its ticker between,
    # the firm's verb after it ("Korvel Mining Inc. KVM -2.13% said on Monday ..."): the
    # page's, not the story's. Not a suffix, a title or a tax ("Velda Group PLC 4.25% notes",
    # "Arden LLC. A 12.50% stake", "Korvel Inc. VAT 20.00%")
    re.compile(
        r"\b(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|AG|SA|NV|SE|Group|Holdings)\.?\s+"
        r"(?!(?:PLC|LLC|AG|SA|SE|NV|CEO|CFO|US|USA|UK|EU|VAT|GDP)\b)[A-Z]{2,5}"
        r"\s+[-+\u2212]?\d+\.\d{2}\s?%"
        r"(?=\s*(?:[,;)]|(?:and|said|says|has|have|had|is|was|will|would|[a-z]+ed)\b))"
    ),
]
# Where a figure can start: digits, a currency sign, or a number word (matched on the
# lower-cased text; far cheaper than trying the full pattern at every position).
ANCHOR_RE = re.compile(
    rf"(?<![\d,.])\d|[$€£¥₹₽]|(?<![\d.])\.\d|(?<![a-z])(?:{_UNIT_W}|{_TENS_W}|tens|dozens|scores|hundreds|thousands"
    r"|millions|billions|several|half\s+a|a\s+few|an?\s+(?:dozen|hundred|thousand|million|billion"
    r"|century|decade|year|month|week|day|hour|fortnight))(?![a-z])"
)
# What may stand before a number, as lower-cased words ("more than", "between", "usd").
PREFIX_PHRASES = frozenset(
    [h for h in HEDGE_KIND if not h.startswith("-")]
    + [f"{h} {w}" for h in HEDGE_KIND for w in ("between", "from") if not h.startswith("-")]
    + ["between", "from", "usd", "eur", "gbp"]
)
TAIL_TOKEN_RE = re.compile(r"\S+")
WINDOW = 40
DIGIT_RUN_RE = re.compile(r"\d+")
YEAR_RE = re.compile(r"^(?:1[5-9]\d\d|20\d\d|2100)$")
WORD_RE = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")
# What befell the people a count's noun names, told right after it ("... were killed", "...
# died", "... were shot and killed", "... was fatally shot", "... is dead", "... was
# arrested", "... is in custody"): "fatal", "held" or "word" tells the harm. An arrest is
# counted as a harm is: local reports count the arrested as they count the dead ("A 38-year-old
# man was arrested", "Police arrested two men"); being charged is no arrest, nor being
# detained (often "for questioning", then released). "Drowned" is a death as "died" is (floods,
# capsized boats, swimmers), not "drowned out".
_BEEN = r"(?:were|was|are|is|(?:have|had|has)\s+(?:also\s+|since\s+)?been)\s+"
# A life lost, the phrase whole ("lost his life in the crash", "lost his life pumping gas",
# "lost their lives."; not "lost their life savings", "lost his life partner")
LIFE_LOST = (
    r"lost\s+(?:his|her|their)\s+(?:lives|life)\b(?=\s*(?:[,.;:!?)\"”]|$)|\s+(?:in|at|on|when"
    r"|while|after|during|as|and|but|from|following|near|outside|inside|under|with|for|to|this"
    r"|last|early|late|yesterday|today|tonight|overnight|[a-z]+ing)\b)"
)
# An adverb of sequence between "was" and the harm ("was also arrested", "were later taken to
# the hospital", "was then booked into the county jail")
_THEN = r"(?:(?:also|later|then|since|eventually|too)\s+)?"
_FATAL = (
    rf"(?:{_BEEN}{_THEN})?(?:found\s+)?(?:fatally\s+(?:shot|stabbed|wounded|injured|struck)|shot\s+dead"
    r"|(?:shot|stabbed|beaten|burned|crushed)\s+to\s+death)"
    # "deceased" as police releases write it ("was pronounced deceased at the scene")
    r"|(?:is|are|was|were)\s+(?:now\s+|found\s+|pronounced\s+|declared\s+)?(?:dead|deceased)"
    r"|(?P<fatal_wounds>(?:(?:has|have|had)\s+)?suffered\s+(?:fatal|mortal)\s+(?:[\w-]+\s+)?"
    r"(?:injuries|injury|wounds?))"
    # a death told by its wounds or as a life lost ("succumbed to his injuries", "lost their
    # lives"; not "lost their life savings")
    rf"|(?P<life_lost>(?:(?:has|have|had)\s+)?{_THEN}succumbed\s+to"
    r"\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:injuries|injury|wounds?)"
    rf"|{LIFE_LOST})"
)
INTO_CUSTODY = r"into\s+(?:police\s+|federal\s+)?custody\b"  # "took ... into police custody"
# Held by the police, not a child's custody ("in custody of her grandparents", "a custody
# battle")
IN_CUSTODY = (
    r"in\s+custody(?!\s+(?:of|battles?|disputes?|drama|fights?|cases?|hearings?|arrangements?"
    r"|agreements?|orders?|rights|deals?|wars?|rows?)\b)"
)
_A_JAIL = r"(?:jail|detention\s+(?:center|centre|facility)|lockup)\b"
# The words before a jail in it ("the Sefton County Jail", "the county's jail", "the adult
# detention center"): no preposition ("the area near the county jail", "at gunpoint outside
# the county jail" are not in it)
_JAIL_NAME = (
    r"(?:(?!(?:near|outside|behind|beside|by|across|from|at|in|to|of|for|with|after)\b)"
    r"[\w'’.-]+\s+){0,4}?"
)
_HELD = (
    rf"(?:is|are|was|were)\s+(?:now\s+)?(?:under\s+arrest|{IN_CUSTODY})"
    # booked into a jail, held in one or on bail ("A 25-year-old man was booked into the county
    # jail", "Both men are being held at the county jail", "is held on $500,000 bail")
    r"|(?:was|were|has\s+been|have\s+been)\s+(?:later\s+)?booked\s+into\s+(?:the\s+|an?\s+)?"
    rf"{_JAIL_NAME}{_A_JAIL}"
    r"|(?:is|are|was|were|remains?|remained)\s+(?:being\s+|still\s+)?(?:held|jailed|detained)"
    rf"\s+(?:in|at)\s+(?:the\s+|an?\s+)?{_JAIL_NAME}{_A_JAIL}"
    rf"|(?:remains?|remained)\s+(?:in|at)\s+(?:the\s+)?{_JAIL_NAME}{_A_JAIL}"
    # in a jail now ("another is in jail", "is behind bars"; "was in jail" may be before;
    # not "in jail on unrelated charges")
    rf"|(?:is|are)\s+(?:now\s+|still\s+)?(?:in\s+(?:the\s+)?{_JAIL_NAME}{_A_JAIL}|behind\s+bars)"
    r"(?![^.;,!?\n]{0,40}?\b(?:unrelated|another\s+case|other\s+charges?|an?\s+(?:previous|earlier"
    r"|prior|separate)\s+(?:case|charges?|conviction|sentence))\b)"
    r"|(?:is|are|was|were)\s+(?:being\s+)?held\s+(?:without\s+bail|on\s+(?:a\s+)?\$[\d,.]+"
    r"(?:\s+(?:million|thousand))?\s+(?:cash\s+)?(?:bail|bond))"
    # the object of "took ... into custody" ("police took her husband into custody")
    rf"|{INTO_CUSTODY}"
    # a surrender to the police is the arrest of a follow-up ("A 16-year-old boy turned
    # himself in Wednesday"): told without "was", of no object
    r"|(?:(?:has|have|had)\s+)?(?:(?:later|also|eventually)\s+)?(?:turned\s+(?:himself|herself"
    r"|themselves)\s+in"
    # a headline's present, in or after an incident ("Second suspect surrenders in market
    # carjacking", "Man surrenders after standoff"; not "Soldier surrenders after two decades
    # in the jungle", "Mother surrenders in custody battle")
    r"|surrenders(?=[ \t]+(?:in|after)[ \t]+(?:[\w'’.-]+[ \t]+){0,5}?"
    r"(?:shooting|stabbing|killing|slaying|homicide|murder|death|robbery|carjacking|burglary"
    r"|assault|attack|standoff|crash|hit-and-run|chase|manhunt)s?\b)"
    r"|surrender(?:ed|s)(?:\s+(?:later|early|late|on|yesterday|today"
    rf"|{'|'.join(dates.WEEKDAY_NAMES)})){{0,3}}"
    r"\s+(?:to\s+(?:the\s+)?(?:police|authorities|officers|deputies|detectives|sheriff|marshals"
    r"|U\.S\.\s+marshals|troopers)"
    # ... on a warrant, or at a police station or a jail, giving up nothing there ("surrendered
    # on a murder warrant", "surrendered at the Lindale police station on Friday"; not
    # "surrendered at the sheriff's office the guns he was ordered to give up", "at the jail
    # to begin serving his sentence")
    r"|on\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?warrants?"
    r"|at\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:police|sheriff['’]s)\s+(?:station|headquarters"
    r"|department|office)|jail)(?=\s*(?:[,.;:!?)]|$)|\s+(?:on|in|with|after|and|early|late"
    rf"|{'|'.join(dates.WEEKDAY_NAMES)}|yesterday|today)\b)))"
)
# "shot and killed", "shot twice and later died", "stabbed in the chest and killed", the
# harms of accidents and animals ("hit by a van and killed", "thrown from a ride and seriously
# injured", "trampled by cattle and hurt") ... and a headline's "shot, killed"
_HURT_AND = (
    r"(?:shot|stabbed|struck|beaten|attacked|hit|thrown|trampled|bitten|mauled|crushed|pinned"
    r"|ejected)(?:(?:\s+[\w-]+){0,4}?\s+and\s+(?:later\s+)?(?:(?!later\b)[a-z]+ly\s+)?"
    r"|,[ \t]+)"
)
# An adverb before the harm's word that tells it did not befall them, or not now ("nearly
# killed", "previously arrested")
_NOT_NOW = r"(?:nearly|previously|formerly)\b"
# A death told in a perfect tense or after the harm that led to it ("has died", "have since
# died", "later died"; "has succumbed to his injuries" is ``_FATAL``'s)
_DEATH_VERBS = ("died", "perished", "drowned")  # a death told without "killed" (``_a_death``)
_DIED_SINCE = (
    r"(?:(?:has|have|had)\s+(?:(?:since|now|also|later|subsequently)\s+)?"
    rf"|(?:later|since|subsequently)\s+)(?=(?:{'|'.join(_DEATH_VERBS)})\b)"
)
# People told hurt by their state or care: in a grave state in the hospital ("a man is in
# critical condition", "the victim remains in serious but stable condition"), taken to the
# hospital with wounds ("was taken to the hospital with life-threatening injuries"), wounds
# suffered ("suffered a gunshot wound to the leg"), treated for them ("was treated for smoke
# inhalation", "were treated and released"); "fatal injuries" are a death (``_FATAL``).
_WOUND_KINDS = (
    r"(?:(?:non-?\s*)?(?:life-threatening|serious|critical|minor|moderate|severe|multiple|gunshot"
    r"|stab|head|leg|skull|burn|graze|single|possible|apparent|undisclosed|mild|badly|crush"
    r"|internal|facial|spinal)\s+)*"
)
_BODY_PARTS = (
    r"(?:head|face|forehead|scalp|neck|throat|chest|back|abdomen|stomach|arms?|hands?|fingers?"
    r"|wrists?|shoulders?|legs?|knees?|feet|foot|ankles?|eyes?|ears?|lips?|body|torso)"
)
_WOUNDS = (
    # ... a burn to the body ("a minor burn to his neck", "a burn on her arm", "a burn and
    # cuts"), not a wildfire's or a permit's ("a burn ban", "burn permits", "the burn scar")
    r"(?:injuries|injury|wounds?|burns|burn(?=\s+(?:to|on|of|and|in|over)\b|\s*[,.;:!?)]|\s*$)"
    r"|fractures?|lacerations?"
    # a cut to a part of the body ("a cut to his arm", "cuts and bruises"), not a cut in pay
    # or to a salary
    rf"|cuts?(?=\s+(?:to|on)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?{_BODY_PARTS}\b"
    r"|\s+and\s+(?:bruises|scrapes|abrasions)\b))"
)
# Broken bones and the like, suffered or treated ("suffered a broken wrist", "a concussion")
_BROKEN_BONES = (
    r"(?:(?:broken|fractured)\s+(?:[\w'’-]+\s+)?(?:wrists?|arms?|legs?|ankles?|hips?|ribs?|jaws?"
    r"|noses?|collarbones?|pelvis|skull|necks?|backs?|bones?|fingers?|toes?|foot|feet|hands?"
    r"|shoulders?|elbows?|knees?|vertebrae|spine)|concussions?)\b"
)
# Shot in a limb ("shot in the leg", a headline's "shot in leg"), not with a vaccine or a dart
SHOT_IN_A_LIMB = (
    r"shot\s+(?:once\s+|twice\s+|several\s+times\s+|multiple\s+times\s+)?in\s+(?:(?:the|his|her"
    r"|their|both)\s+)?(?:left\s+|right\s+|upper\s+|lower\s+)?(?:legs?|arms?|foot|feet|hands?"
    r"|shoulders?|ankles?|thighs?|knees?|hips?|buttocks|wrists?|fingers?|calf|calves|elbows?)\b"
    r"(?!\s+with\s+(?:[\w-]+\s+){0,3}?(?:vaccines?|doses?|boosters?|darts?|shots?|jabs?)\b)"
)
# "... rushed to Quenlow General": the words before "hospital", its name among them
_TAKEN_TO = (
    # ... by what or whom ("taken by ambulance to", "transported by Harwick County EMS to")
    r"(?:taken|transported|airlifted|flown|rushed)\s+(?:by\s+(?:[\w'’.-]+\s+){1,7}?)?to\s+"
    r"(?:an?\s+|the\s+)?"
    r"(?:[\w'’.-]+\s+){0,4}?"
)
# What was done first to one then taken to a hospital ("was rescued earlier this afternoon
# and taken to", "was pulled out by co-workers and taken to"), or what befell them ("was shot
# in the chest and taken to"); not an arrest or a death ("was arrested and taken to a
# hospital", "was shot and arrested and taken to": that person's arrest is told), nor one
# found ("was found safe and taken to a hospital")
_FIRST_TENDED = (
    r"(?:(?:rescued|pulled|freed|extricated|treated|stabili[sz]ed|removed|carried"
    r"|shot|stabbed|struck|hit|beaten|burned|bitten|injured|wounded|hurt)"
    r"(?:\s+(?!(?:arrested|apprehended|detained|booked|jailed|charged|killed|died|dead)\b)"
    r"[\w'’.-]+){0,5}?\s+and\s+)?"
)
# One person taken to a hospital ("He was rushed to Quenlow General Hospital", "The clerk was
# taken to the hospital"): hurt, unless only to be checked. Of one only: "the three victims
# were taken to the hospital" counts the one who died on the way too (a report's "2 hurt")
_TAKEN_TO_HOSPITAL = (
    rf"(?:was|has\s+been)\s+{_THEN}{_FIRST_TENDED}{_TAKEN_TO}(?:hospitals?|medical\s+center"
    r"|trauma\s+center)"
    r"\b(?!\s+(?:as\s+a\s+precaution|to\s+be\s+(?:checked|evaluated|examined)|for\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:evaluation|observation|tests|checks?|examination|surgery|birth"
    r"|delivery)\b|after\s+(?:going\s+into\s+labou?r|giving\s+birth|falling\s+ill"
    r"|feeling\s+(?:ill|unwell|sick))\b))"
)
# The states of the hurt in a hospital ("in critical condition")
GRAVE_STATES = r"(?:critical|serious|grave|stable|life-threatening)"
_HURT_STATE = (
    r"(?:is|are|was|were|remains?|remained)\s+(?:listed\s+)?in\s+"
    rf"{GRAVE_STATES}\s+(?:but\s+stable\s+)?condition"
    rf"|(?:(?:was|were|has\s+been|have\s+been)\s+{_THEN})?{_TAKEN_TO}(?:hospital|medical\s+center"
    rf"|trauma\s+center)\s+(?:with|suffering\s+from)\s+(?:an?\s+)?{_WOUND_KINDS}{_WOUNDS}"
    rf"|{_TAKEN_TO_HOSPITAL}"
    # in a hospital now after a happening or with wounds ("A man is in the hospital after a
    # shooting"; not "The senator's wife is in the hospital": ill, maybe; "was" may be before)
    r"|(?:is|are)\s+(?:now\s+|still\s+)?in\s+(?:the\s+)?hospital\b"
    r"(?=[^.!?\n]{0,60}?\b(?:after|following|injur(?:y|ies|ed)|wounds?|wounded|burns"
    r"|in\s+(?:critical|serious|stable|grave)\s+condition)\b"
    # ... or another told after it ("A man is in the hospital and another is in jail"), or
    # read up to that other ("A man is in the hospital and | another ...")
    r"|\s+and\s+(?:another|an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|\s+and\s*$)"
    rf"|(?:(?:has|have|had)\s+)?(?:suffered|sustained|received|suffering\s+from)\s+(?:an?\s+)?"
    rf"{_WOUND_KINDS}"
    rf"(?:{_WOUNDS}|{_BROKEN_BONES})"
    # ... not a word of wounds before another noun ("received injury claims")
    r"(?![ \t]+(?:claims?|reports?|compensation|settlements?|lawsuits?|benefits|insurance"
    r"|payments?|funds?)\b)"
    # shot in a limb ("was shot in the leg", "were shot in their arms"), grazed by a bullet
    rf"|(?:was|were|has\s+been|have\s+been)\s+(?:{SHOT_IN_A_LIMB}|grazed\s+(?:by\s+(?:a\s+)?"
    r"bullets?|in\s+the\s+\w+))"
    rf"|(?:was|were)\s+{_THEN}treated\s+(?:(?:at|by)\s+(?:[\w'’.-]+\s+){{1,5}}?)?(?:for\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{_WOUNDS}|cuts?|bruises|bites?|fractures?|broken\s+[\w'’-]+"
    r"|smoke\s+inhalation|hypothermia|frostbite)|and\s+released|(?:at|on)\s+the\s+scene\b)"
    # still in a hospital, or expected to live ("remains hospitalized", "is expected to
    # survive")
    r"|(?:remains?|remained)\s+hospitali[sz]ed"
    r"|(?:is|are|was|were)\s+expected\s+to\s+(?:survive|recover)\b"
)
# A death told after people's hurt ("suffered multiple injuries and died at the scene", "was
# taken to the hospital with injuries, where he died", "was rushed to a hospital but was
# declared dead on arrival")
DIED_AFTER_HURT = re.compile(
    r"[^.;:!?\n]{0,40}?\b(?:and|where|but)\s+(?:(?:he|she|they|both|all)\s+)?(?:later\s+"
    r"|then\s+|subsequently\s+|eventually\s+)?(?:died|(?:was|were)\s+(?:pronounced|declared)"
    r"\s+(?:dead|deceased))\b",
    re.I,
)
# A death told later in the sentence of some of them ("two men were shot in the leg and one
# of them later died", "...; one died Tuesday"): whose hurt and whose death is not told apart
DEATH_LATER = re.compile(
    r"[^.!?\n]*?\b(?:one|two|three|both|some|another)(?:\s+of\s+them)?\s+(?:later\s+|then\s+"
    r"|subsequently\s+|has\s+|have\s+)?(?:died|dies|was\s+killed|were\s+killed)\b",
    re.I,
)
# One found first, then arrested ("was located in the rear yard of the residence and was
# apprehended without incident", "was stopped on Route 9 and taken into custody")
_FOUND_AND = (
    r"(?:located|found|stopped|caught|spotted|cornered|tracked\s+down|pulled\s+over)"
    r"(?:\s+[\w'’-]+){0,8}?\s+and\s+(?:was\s+|were\s+)?(?:later\s+|then\s+)?"
    r"(?=arrested|apprehended|taken\s+into\s+custody)"
)
CASUALTY_AFTER = re.compile(
    rf"\s+(?:(?P<fatal>{_FATAL})\b|(?P<held>{_HELD})\b|(?P<hurt_state>{_HURT_STATE})\b"
    # an adverb of the harm also without "was" ("and another seriously injured")
    rf"|(?:{_BEEN}{_THEN}(?:(?!{_NOT_NOW})[a-z]+ly\s+)?|{_DIED_SINCE}|(?!{_NOT_NOW})[a-z]+ly\s+)?"
    rf"(?:(?P<hurt_and>{_HURT_AND})|{_FOUND_AND})?"
    r"(?P<word>killed|injured|wounded|hurt|hospitali[sz]ed|died|perished|drowned(?!\s+out\b)"
    r"|arrested|apprehended|taken\s+into\s+custody)\b)",
    re.I,
)
CASUALTY_WORDS = {
    **dict.fromkeys(("killing", "killed", "kills", "died", "perished", "drowned"), "kill"),
    **dict.fromkeys(
        ("injuring", "injured", "injures", "wounding", "wounded", "hurting", "hurt", "hurts"),
        "injure",
    ),
    "hospitalized": "injure",
    "hospitalised": "injure",
    **dict.fromkeys(
        (
            *("arresting", "arrested", "arrest", "arrests", "taken into custody"),
            *("apprehending", "apprehended"),  # the police's word
        ),
        "arrest",
    ),
}
# A harm told without "was" or "were" ("A man killed his wife", "Two men killed a guard") is
# one the people did, unless "by" follows (a passive: "a girl killed by a stray bullet") or
# nothing a verb takes as its object does ("Two men killed in crash", a headline's).
TOLD_BEEN = re.compile(r"\b(?:was|were|is|are|been)\b", re.I)
PASSIVE_BY = re.compile(r"\s+by\b")
OBJECT_AFTER = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|its|him|them|himself|herself|themselves|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|several|dozens|hundreds)\b|\d)",
    re.I,
)
# A person named as a harm's object ("two officers shot and killed Tam Vell"): two or more
# capitalised words, none a day's ("killed Friday Night", "New Year's Eve", "Super Bowl
# Sunday"), whole before the clause goes on (not "Lindale Heights block party")
_DAY_OR_PLACE_WORDS = word_set(
    "New Christmas Memorial Labor Independence Thanksgiving Easter Halloween Veterans"
    " Presidents Election Mother's Father's Valentine's Good Black Day Night Eve Weekend"
    " Morning Afternoon Evening"
    # a place's words after a preposition in a sentence ("killed Near North Side")
    " In Near At On After Outside Inside Behind Along Across Off From Downtown Early Late"
)
_NOT_A_NAME = "|".join(
    sorted({w.capitalize() for w in CALENDAR_WORDS} | _DAY_OR_PLACE_WORDS, key=len, reverse=True)
)
_NAME_WORD = rf"(?!(?:{_NOT_A_NAME})\b)[A-Z][a-z'’-]+"
NAMED_OBJECT_AFTER = re.compile(rf"[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD})+\b")
LAST_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
# Whom a harm the people did befell, after "shot and killed" told of them ("A man was stabbed
# twice and killed his attacker"): a possessive or a pronoun, not "a block from his home"
DOER_OBJECT_AFTER = re.compile(
    r"[ \t]+(?:his|her|their|him|them|himself|herself|themselves)\b", re.I
)
# Those who make arrests: "Two officers arrested <a name>" counts no arrested officers
POLICE_NOUNS = word_set(
    "officers officer police policemen deputies deputy agents troopers detectives"
)
ARRESTERS = POLICE_NOUNS | word_set("authorities cops marshals")  # "Police arrest three"
# "left one teenager dead and two others wounded": the state a happening left people in
LEFT_BEFORE = re.compile(r"\b(?:left|leaving|leaves|leave)\s+(?:\S+\s+){0,6}?\S+$", re.I)
LEFT_IN_STATE = re.compile(
    r"\s+(?P<state>dead(?![-‐]|\s+(?:in\s+the\s+water|last|even|broke|set|serious|wrong|tired"
    r"|center|centre|heat|ahead|on|right|certain|sure|silent|quiet|asleep)\b)|injured|wounded"
    r"|hurt(?!\s+(?:and|but)\s+(?:angry|confused|upset|betrayed|disappointed|saddened|frustrated"
    r"|bewildered|humiliated|embarrassed))|hospitali[sz]ed)\b"
    rf"|\s+in\s+{GRAVE_STATES}\s+condition\b",
    re.I,
)
# The harm a state tells ("Ten dead and 50 hurt", "left one teenager dead")
STATE_HARMS = {
    **dict.fromkeys(("dead", "killed"), "kill"),
    **dict.fromkeys(("hurt", "injured", "wounded", "hospitalized", "hospitalised"), "injure"),
    "arrested": "arrest",  # "the 12 arrested", "Ten dead, 50 hurt and 12 arrested"
}
# Plural nouns of people besides those of ``PERSON_NOUNS`` with an "s": a count of people
# harmed may be told with them ("Two men were shot and killed", "three children died").
PEOPLE_PLURALS = word_set(
    """people persons men women children others deputies babies fishermen fans executives
    officials volunteers contractors tourists visitors travelers travellers commuters riders
    skiers surfers divers hunters campers athletes players lawyers activists demonstrators
    civilians refugees migrants villagers survivors witnesses defendants attackers assailants
    burglars thieves intruders paramedics medics rangers lifeguards crewmen policemen
    classmates coworkers colleagues vendors truckers laborers labourers ranchers pupils kids
    juveniles youths adults ceos fugitives members crewmembers"""
)  # "two others wounded", "two fans were arrested"
# The hedges a count of the harmed may take after the verb that tells the harm ("killing at
# least 12", "have arrested more than 40")
COUNT_HEDGES = r"at\s+least|about|some|nearly|almost|more\s+than|over|around"
# A verb of harm right before a count, whose object the count is ("..., killing 12",
# "shot three people, killing one", "injured more than 40", "police arrested two men"): the
# people harmed, or arrested.
CASUALTY_BEFORE = re.compile(
    r"\b(?P<word>killing|killed|injuring|injured|wounding|wounded|hurting|arresting|arrested"
    r"|apprehending|apprehended)\s+"
    rf"(?:(?:{COUNT_HEDGES}|up\s+to)\s+)?$",
    re.I,
)
# One whose body is found is dead ("Divers recovered the body of a 20-year-old man", "The body
# of a man swept away by the flood was recovered Sunday": compare.labels.casualty_counted);
# not "the governing body of a student union", "the body of a patient fights ..."
_BODY_FOUND = r"(?:found|recovered|pulled|discovered|located|retrieved)"
FOUND_THE_BODY_OF = re.compile(rf"\b{_BODY_FOUND}\s+(?:the\s+)?body\s+of\s+$", re.I)
BODY_OF_BEFORE = re.compile(r"\bbody\s+of\s+$", re.I)
BODY_FOUND_AFTER = re.compile(
    rf"[^.;!?\n]{{0,120}}?\b(?:was|has\s+been|had\s+been)\s+(?:later\s+)?{_BODY_FOUND}\b"
    r"(?!\s+(?:to|guilty|liable|responsible|in\s+contempt)\b)",  # not "was found to have ..."
    re.I,
)


def body_found(text: str, start: int, end: int) -> bool:
    """Whether the person told from ``start`` to ``end`` is one whose body is told found
    (``FOUND_THE_BODY_OF`` before, or "body of" before and ``BODY_FOUND_AFTER``)."""
    before = text[max(0, start - 40) : start]
    if FOUND_THE_BODY_OF.search(before):
        return True
    return bool(BODY_OF_BEFORE.search(before)) and BODY_FOUND_AFTER.match(text, end) is not None


# A harm told in the present by what did it, right before a count ("Fire kills two",
# "Blast injures three workers"): not an illness's ("Flu kills three", ``ILLNESSES``)
PRESENT_HARM_BEFORE = re.compile(
    r"(?P<doer>[\w'’-]+),?\s+(?P<word>kills|injures|hurts|arrest|arrests)\s+"
    rf"(?:(?:{COUNT_HEDGES}|up\s+to)\s+)?$",
    re.I,
)
NUMERIC_RE = re.compile(r"[\d.,]+")
GLUED_UNIT = re.compile(rf"\d({_GLUED_UNITS})$")
TOKENISED_NUMBER = re.compile(r"\d+(?: , \d{3})+|\d+ \. \d+")


@dataclass(frozen=True)
class _Parsed:
    """A number read from its text: value and the (low, high) it stands for unhedged."""

    value: float
    low: float
    high: float
    vague: str | None = None
    year_like: bool = False
    word: bool = False
    factor: float = 1.0
    step: float = 0.0  # the written last digit's worth ("4.2 billion": 0.1 billion), 0 unknown


def find_quantities(text: str, article_id: str, doc: Any = None) -> list[Quantity]:
    """All figures in ``text`` with their hedge and interval, in reading order.

    ``doc`` may be a spaCy ``Doc`` of the same text: when given, the counted noun is
    taken from the dependency parse where the number modifies a noun.
    """
    if not isinstance(text, str) or not text:
        return []
    # a wire dateline's figures are its channel's or its date ("DUNMERE (Channel 8) -")
    blocked = _blocked_spans(text) + lead_datelines(text)
    tokens = _token_index(doc) if doc is not None else None
    found = _without_conversions(text, list(_scan(text, article_id, blocked, tokens)))
    lived = told_alive(text)
    joined = list(_people_joined(text, article_id, blocked))
    if joined:  # "Two men and a woman were killed": their sum, not "Two men" alone
        found = [q for q in found if not _a_part_of(q, joined)]
    ones = [
        *_one_person_harmed(text, article_id, blocked, lived),
        *_both_harmed(text, article_id, blocked),
        *_nth_arrested(text, article_id, blocked),
    ]
    ones = [q for q in ones if not _a_part_of(q, joined)] + joined
    if lived:
        found = [_with_hurt_inferred(text, q) for q in found]
    if ones:
        found = sorted([*found, *ones], key=lambda q: q.evidence.start)
    found = _named_sides(text, _with_elided_units(text, found))
    named: list[Quantity] = []
    if doc is not None:  # people told together by name, then each name alone
        names = _person_names(text, doc)
        found = sorted(
            [*found, *_names_joined(text, article_id, names)], key=lambda q: q.evidence.start
        )
        named = list(_named_person_harmed(text, article_id, doc, names, found))
    return sorted([*found, *named], key=lambda q: q.evidence.start) if named else found


# A number whose noun the writer leaves out after a figure with one ("300 homes were destroyed
# in Harwick and 120 in Lindale", "arrested 12 protesters on Friday and 30 on Saturday"): it
# counts the same thing. Joined to that figure by "and", "but", "while" or a comma, followed by
# a place, a day or the clause's end, never by words of its own ("12 of them", "30 said"), and
# close to it with no other number between ("30 hours of talks, deadlocked at 9-3, with nine").
_ELIDED_JOIN = r"(?:,|\s(?:and|but|while|with))\s+"  # "..., and 120", "... while 120"
ELIDED_BETWEEN = re.compile(rf"[^.!?;:\d]{{0,50}}?{_ELIDED_JOIN}", re.DOTALL)
ELIDED_AGE = re.compile(r"[A-Z][\w'.-]*,\s+$")  # "Two men, Milo Trent, 19,": an age
ELIDED_BEFORE = re.compile(rf"{_ELIDED_JOIN}$")
ELIDED = "\x00elided"  # the unit of a bare number word that may count the figure's before it
ELIDED_KINDS = frozenset({"count", "length", "area", "duration"})  # a sum keeps its scale word
# What follows the number: a place, a day or the clause's end; "in" a state or a hospital is no
# place ("2 hurt, 2 in custody", "Two dead, three in critical condition", "three in hospital":
# no more of the hurt or the dead)
ELIDED_AFTER = re.compile(
    r"\s*(?:(?:in(?!\s+(?:custody|(?:the\s+)?hospital\b(?!['’])|(?:[\w-]+\s+){1,3}?condition)\b)"
    r"|at|on"
    r"|across|from|during|near|last|this|next)\b|[,.;)]|$)",
    re.IGNORECASE,
)


# One person told by "a" or "an" with what befell them ("A 27-year-old man was shot and
# killed", "killing a woman", "an Eastford man, 31, was wounded"): a count of one, as "one man"
# is. Not "a second man" or "another man": one more of others the report counts apart.
# Up to three words before a counted noun ("27-year-old", "Eastford", "young"; a tokenised
# text's "36 - year - old" is one word too)
COUNTED_WORDS = r"(?:[\w'’]+(?:\s*[-–]\s*[\w'’]+)*\s+){0,3}?"
# What may follow a person's noun before what befell them: an age ("a Lindale man, 38,") or
# an age group ("a man in his 20s")
PERSON_TAIL = r"(?:,\s+\d{1,3},|\s+in\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?\d0s)?"
# ... or by "his", "her" or "their" ("his cousin was wounded", "killed her husband"), or by
# "the" ("the victim was pronounced dead", "the suspect was taken into custody": one person
# the report has told of, counted one by one, never a total); the words between are none of
# these ("his home. A 15-year-old boy was wounded": the boy is "a" boy, not "his")
ONE_WORDS = ("a", "an", "his", "her", "their", "the")
_ONE_WORD = r"(?:an?|his|her|their|the)\b"
# A person's sex as police releases tell it after an age or "adult" ("a 58-year-old male", "an
# adult female"): not "male" alone, which may be an animal ("a female was found dead in the
# enclosure", "killed three males")
SEX_NOUNS = word_set("male female")
_SEX_NOUN = "|".join(sorted(SEX_NOUNS))
_PERSON_NOUN = "|".join(
    [*sorted(words.PERSON_NOUNS), rf"(?<=old\s)(?:{_SEX_NOUN})", rf"(?<=adult\s)(?:{_SEX_NOUN})"]
)
ONE_PERSON = re.compile(
    rf"\b(?P<one>{_ONE_WORD})\s+(?P<words>(?:(?!{_ONE_WORD})[\w'’]+(?:\s*[-–]\s*[\w'’]+)*\s+){{0,3}}?)"
    rf"(?P<noun>{_PERSON_NOUN})\b(?![’'])(?!\s+(?:{_PERSON_NOUN})\b){PERSON_TAIL}",
    re.IGNORECASE,
)  # the last of the nouns: "a volunteer firefighter" is a firefighter
# One person told by "a", "an" or "the" and an age alone ("An 18-year-old was shot and killed"):
# counted as "a person", the age left to the age reader. Only before a verb, a preposition or
# a stop ("Police arrested a 17-year-old in the shooting"): "a 17-year-old boy" is ONE_PERSON's.
AGE_WORDS = r"\d{1,3}\s*[-–]\s*years?\s*[-–]\s*old"  # "27-year-old", "36 - year - old"
AGED = rf"(?P<words>(?:[\w'’]+\s+)?){AGE_WORDS}"
ONE_AGED = re.compile(
    rf"\b(?P<one>an?|the)\s+{AGED}(?=\s+(?:was|were|is|has|had|died|drowned|remains|remained|in|on"
    r"|at|after|for|from|near"
    # ... or a participle's phrase telling which one ("The 19-year-old shot in an alley
    # Saturday has died")
    r"|shot|stabbed|struck|hit|wounded|injured|hurt|found"
    # ... or the state a happening left them in ("left a 17-year-old dead")
    r"|dead|hospitali[sz]ed)\b|\s*[,.;])",
    re.IGNORECASE,
)
AGED_AFTER = re.compile(rf"\s+{AGED}\b", re.IGNORECASE)
AGED_NOUN = "person"  # the counted noun of ONE_AGED's person
AN_AGE = re.compile(AGE_WORDS)  # a word that is an age ("22-year-old")
AGES = re.compile(rf"{AGE_WORDS}s", re.IGNORECASE)  # a word of people counted by age
# People counted by their age alone ("Two 17-year-olds were arrested", "three 20-year-olds"):
# people, the age left to the age reader
AGED_PLURAL_AFTER = re.compile(rf"\s+{AGED}s\b(?![’'])", re.IGNORECASE)  # not "olds' bikes"
AGED_PLURAL_NOUN = "people"
# A person or a count joined by "and" or "or" to a person before it ("two women and one man
# died", "a woman and a man were killed"): one of several the harm is told of together. Not
# after a verb ("A boy died and two other teenagers were injured": two clauses).
JOINED_TO_BEFORE = re.compile(r"(?P<word>[\w'’-]+)\s*,?\s+(?:and|or)\s+$", re.I)
# How badly people were hurt, told after a count of them ("three people were shot, one
# fatally", "two critically"): no noun; "fatally" tells the count's people were killed
HARM_ADVERBS = word_set("fatally critically seriously severely gravely mortally badly slightly")
FATALLY_AFTER = re.compile(r"\s+(?:of\s+them\s+)?(?:fatally|mortally)\b", re.I)
# "no one was hurt", "no-one", "when one is killed": "one" as nobody or anybody, no count
NOBODY_BEFORE = re.compile(r"\b(?:no|not|every|any|each|the|when|if|whenever)[\s-]+$", re.I)
COORDINATED_AFTER = re.compile(
    r"\s*,?\s+(?:and|or)\s+(?:(?:an?|the|his|her|their|its|another|one|two|three|four|five|"
    r"\d+)\b|[A-Z])"
)
# "if a worker is injured": a case supposed, no happening ("on June 20, when a man was shot"
# tells one: "when" stays)
SUPPOSED_BEFORE = re.compile(r"\b(?:if|unless|whether|once|until|in\s+case)\s+$", re.I)
# A harm told as what happens as a rule, not as what happened: in the present after "when"
# ("When a worker at the plant is injured, the company must report it"), or at a rate ("A
# driver is killed every three days", "one worker was hurt each week")
RULE_WHEN_BEFORE = re.compile(
    r"\b(?:(?:when|whenever|every\s+time|each\s+time|any\s*time)\s+(?:[\w'’-]+\s+){0,2}"
    r"|(?:(?:every|each)\s+(?:day|night|week|weekend|month|year|summer|winter|spring|fall|autumn)"
    r"|(?:once|twice)\s+a\s+(?:day|week|month|year)|on\s+average),?\s+(?:[\w'’-]+\s+){0,3})$",
    re.I,
)
PRESENT_BEEN = re.compile(r"\b(?:is|are)\b", re.I)
_RATE_UNITS = r"(?:days?|nights?|weeks?|weekends?|months?|years?|hours?|minutes?|seconds?|shifts?)"
RATE_AFTER = re.compile(
    r"[^,.;:!?\n]{0,40}?\b(?:(?:every|each|per)\s+(?:(?:\d+|two|three|four|five|six|seven"
    rf"|eight|nine|ten|few|other|single)\s+)?{_RATE_UNITS}"
    rf"|(?:once|twice|\w+\s+times)\s+a\s+{_RATE_UNITS}|a\s+{_RATE_UNITS}\s+on\s+average"
    # "three people a day", not "a day later"
    rf"|a\s+{_RATE_UNITS}(?!\s+(?:after|later|before|earlier|ago|and|or)\b)(?=\s*(?:[.,;:!?]|$)"
    r"|\s+(?:in|on|at|across|throughout|for|downtown|nationwide)\b)"
    r"|on\s+average|(?:daily|weekly|monthly|annually|yearly)"
    r"(?=\s*(?:[.,;:!?]|$)|\s+(?:on|in|at|across|throughout)\b))\b",
    re.I,
)
# One person told in apposition to a noun opening its clause ("The driver, a 45-year-old
# woman, died", "police said the suspect, a 24-year-old man, was arrested"): what is told
# after the closing comma befell them; not to an object ("a man who killed his neighbor, a
# retired nurse, was arrested")
APPOSED_BEFORE = re.compile(
    r"(?:^|[.!?;:\n]\s*|\b(?:said|says|and|that|but)\s+)(?:the|an?|his|her|their)\s+"
    r"(?:(?:[\w'’-]+\s+){0,2}[\w'’-]+"
    # ... or a singular noun and its "of" phrase ("The driver of the pickup, a 74-year-old
    # man, was treated"); not a clause ("A man who killed his neighbor, a retired nurse, was
    # ..."), nor a plural ("The parents of the boy, a 3-year-old, were arrested": not he);
    # a release's numbered vehicle ("The driver of Vehicle 2, a 29-year-old male, was hurt")
    r"|(?![\w'’-]*s\s)[\w'’-]+\s+of\s+(?:(?:the|an?|his|her|their)\s+(?:[\w'’-]+\s+)?[\w'’-]+"
    r"|(?-i:[A-Z])[a-z]+\s+\d{1,2}))"
    r",\s+$",
    re.I,
)
# ... the closing comma, a home told before it ("a 29-year-old male from Harwick, was hurt")
APPOSED_AFTER = re.compile(
    r"(?:\s+(?:from|of)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3})?,(?=\s)"
)
NOT_ONE_MORE = word_set("second third fourth fifth other another further more additional")


def _the_other_or_only(one: str, told: list[str]) -> bool:
    """Whether a person is told as "the other" ("the other worker was rescued": the one left
    of a set told before, not one more of a total told elsewhere) or "the only" ("the only
    person killed"): one person."""
    return one.lower() == "the" and told in (["other"], ["only"])


# A person told as the object of a preposition ("a man in a fight with a neighbor was
# arrested"): what follows is told of the phrase's head, before
OBJECT_OF_A_PREPOSITION = re.compile(
    r"\b(?:with|of|to|from|for|against|by|about|between|among|toward|towards|into|like|than"
    r"|beside|besides|over)\s+$",
    re.I,
)


# A headline's kicker: a word or two and a colon before its words ("Police: Man shot outside
# bar dies", "UPDATE: Woman hit by SUV dies"); not one announcing another story ("Related:
# Man killed in ...": a link to an earlier report, whose harm is its own)
_OTHER_STORIES = r"related|see|read|more|also|previously|recommended|trending|next|up\s+next|most"
HEADLINE_KICKER = (
    rf"(?:(?!(?i:{_OTHER_STORIES})\b)[A-Z][\w'’.-]*(?:[ \t]+[A-Za-z][\w'’.-]*)?:[ \t]+)?"
)
# One person a headline tells without "a" ("Man, 28, killed outside lounge", "Lindale man
# killed in crash", "16-year-old arrested in Marrow Park shooting", "Teen, 16, arrested"): a line
# opening with a person's noun, or an age alone, what befell them told right after, with or
# without "was" (a headline's). A count of one, as "a man" is. Not plural ("Two men killed"
# is a count), not "Another man killed" (``NOT_ONE_MORE``).
# ... a person's noun and up to two words before it, the part of a headline's line that tells
# one person ("Man", "Lindale man", "Off-duty officer")
_HEADLINE_PERSON = rf"(?P<words>(?:[\w'’-]+[ \t]+){{0,2}})(?P<noun>{_PERSON_NOUN})"
HEADLINE_ONE = re.compile(
    rf"^[ \t]*{HEADLINE_KICKER}(?P<one>{_HEADLINE_PERSON}|{AGE_WORDS})\b(?![’'-])",
    re.IGNORECASE | re.MULTILINE,
)
PERSON_TAIL_RE = re.compile(PERSON_TAIL)
# A headline's dead found so ("Man found dead in car"; told with "was" in ``CASUALTY_AFTER``),
# or told in the present with what led to it ("Man dies after being shot", "Woman, 71, dies in
# house fire"): not a death told alone ("Longtime coach, 88, dies"), nor of illness or age
# (``NATURAL_DEATH_AFTER``: "dies of cancer", "dies at 91"), nor in one's sleep
HEADLINE_DEAD = re.compile(
    r"[ \t]+(?:(?:found|pronounced)[ \t]+(?:dead|deceased)\b"
    r"|dies(?=[ \t]+(?:in|after|from|of|at|when|following|days|hours|weeks)\b)"
    r"(?![ \t]+(?:in[ \t]+(?:his|her|their)[ \t]+sleep|at[ \t]+home)\b))",
    re.IGNORECASE,
)
# "Neither driver hurt", "Either driver arrested could ...", "Every officer injured ...": no one
NONE_OR_ANY = words.NO_ONE_DETERMINERS | word_set("either every")
# What may follow a headline's harm told without "was" ("Man killed in crash", "Teen arrested
# Tuesday", "Man, 28, killed; woman hurt"): the clause's end, a preposition, a time, an
# adverb, a participle ("Firefighter hurt battling blaze"). Anything else is the harm's
# object: "Man killed wife", "Teen hurt classmate" tell a harm the person did; "Worker
# injured claims rose" a compound noun.
HEADLINE_PASSIVE_NEXT = re.compile(
    r"[ \t]*(?:$|[^\w\s])|[ \t]+(?:in|at|on|near|outside|inside|after|before|during|by|when"
    r"|while|as|from|off|over|along|behind|into|onto|amid|following|for|with|without|across"
    r"|around|under|through|since|early|late|overnight|last|this|today|tonight|yesterday"
    r"|again|twice|and|but|then|days|hours|weeks|months|of|[a-z]+ly"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?!(?:sibling|darling|king|offspring)\b)[a-z]{2,}ing)\b",
    re.IGNORECASE | re.MULTILINE,
)


def _headline_one(found: re.Match[str]) -> bool:
    """Whether a ``HEADLINE_ONE`` match opens with a capital or an age's digits, as a headline
    does, and tells no other one ("Another man", "the man") nor a number ("One man": a
    count's)."""
    told = found.group("words").lower().split() if found.group("words") else []
    return (found.group("one")[0].isupper() or found.group("one")[0].isdigit()) and _one_told(told)


def _one_told(told: list[str]) -> bool:
    """Whether the lower-cased words before a headline's person leave them one person: no
    other one ("Another man"), no "the", no one or any ("Neither driver"), no number."""
    return not (
        NOT_ONE_MORE.intersection(told)
        or words.STOP_WORDS.intersection(told)
        or NONE_OR_ANY.intersection(told)
        or any(word in words.NUMBER_WORDS or _a_number(word) for word in told)
    )


def _a_number(word: str) -> bool:
    """Whether a word before a headline's person is a number ("2 men"), not an age
    ("22-year-old man")."""
    return any(char.isdigit() for char in word) and AN_AGE.fullmatch(word) is None


def harm_of_headline_one(text: str, start: int, end: int) -> str | None:
    """ "kill", "injure" or "arrest": what befell the one person a headline tells at
    ``text[start:end]`` (``HEADLINE_ONE``), told after their age ("Man, 28, killed"), or a
    death told without "was" ("Man shot dead outside bar", "Man found dead in car"); none for
    one of several ("Man and woman killed"), nor for a harm they did ("Man killed wife":
    ``HEADLINE_PASSIVE_NEXT``)."""
    tail = PERSON_TAIL_RE.match(text, end)
    after = tail.end() if tail else end
    if COORDINATED_AFTER.match(text, after):
        return None
    if HEADLINE_HURT_THEN_DIES.match(text, after):
        return _headline_death(text, after)  # "Teen hurt in crash dies": the death is told
    if (state := HEADLINE_STATE.match(text, after)) is not None:
        return _state_harm(state)  # "Man, 34, in custody after"
    harm = _befell(text, start, after, reduced=True)
    if harm is not None and TOLD_BEEN.search(harm.group()):
        return harm_of(harm)
    if harm is None:
        harm = CASUALTY_AFTER.match(text, after)
        if harm is not None and not harm.group("fatal"):
            harm = None  # a harm told so right after them is ``_befell``'s to read
        phrase = _headline_phrase(text, after) if harm is None else None
        if phrase is not None and (dies := DIES_NEXT.match(text, phrase.end())) is not None:
            return "kill" if _died_of_a_harm(text, phrase, dies) else None
        if phrase is not None:
            harm = CASUALTY_AFTER.match(
                text, phrase.end()
            )  # "Suspect in Tamber Road killing arrested"
            if harm is not None and hurt_in_their_living(text, harm):
                return None  # "Owner of diner hurt by road closure"
        if harm is None:
            return _headline_death(text, after)
    return harm_of(harm) if HEADLINE_PASSIVE_NEXT.match(text, harm.end()) else None


# A headline's count opens its line, after a kicker if one is told
HEADLINE_OPENS_BEFORE = re.compile(rf"(?:^|\n)[ \t]*{HEADLINE_KICKER}\Z")
# What follows a headline's count with no noun in a state: its cause ("Two in critical
# condition after crash")
CAUSE_NEXT = re.compile(r"[ \t]+(?:after|following|in|from)\b", re.I)


# ... or follows another count told with its state in a headline's list ("Chase ends in crash;
# 2 hurt, 2 in custody"): a line with no verb of being before it (not "Four people were hurt,
# two in the hospital": two of the four)
_BEING = r"(?:was|were|is|are|has|have|had)\b"
LISTED_AFTER_A_COUNT = re.compile(
    rf"(?:^|\n)(?:(?!\b{_BEING})[^\n.])*?(?:^|\s)(?!{_BEING})[\w-]+[ \t]+"
    r"(?:dead|killed|hurt|injured|wounded)[ \t]*[,;][ \t]*\Z",
    re.I,
)


def harm_of_headline_count(text: str, start: int, end: int) -> str | None:
    """ "arrest" or "injure": the state a headline's count opening its line at ``start`` is
    told in right after ``end`` without "are" ("Three in custody after pursuit", "Two in
    critical condition after crash"; ``HEADLINE_STATE``), else None."""
    state = HEADLINE_STATE.match(text, end)
    if state is None:
        return None
    listed = LISTED_AFTER_A_COUNT.search(text[max(0, start - 40) : start]) is not None
    if not listed and not HEADLINE_OPENS_BEFORE.search(text[max(0, start - 40) : start]):
        return None
    alone = len(text[start:end].split()) == 1
    if alone and not listed and not CAUSE_NEXT.match(text, state.end()):
        return None  # a count without its noun: "Two in stable condition, analysts say"
    if not state.group("held") and ill_near(text, state.start(), state.end()):
        return None  # "Three in critical condition as flu cases rise"
    return _state_harm(state)


def _state_harm(state: re.Match[str]) -> str:
    """ "arrest" or "injure": what a headline's state (``HEADLINE_STATE``) tells befell them."""
    return "arrest" if state.group("held") else "injure"


def _headline_phrase(text: str, end: int) -> re.Match[str] | None:
    """A headline's phrase right after its person at ``end`` (``HEADLINE_PHRASE``), with no
    person inside but a harm's object ("in killing of teen")."""
    phrase = HEADLINE_PHRASE.match(text, end)
    if phrase is None or not _told_of_one_head(phrase.group("body")):
        return None
    body = phrase.group("body")
    told = body.split()
    if any(_a_person(word) or counts_people(word.lower()) for word in told):
        return phrase if HARM_NOUN_OF.search(body) else None
    return phrase


def _died_of_a_harm(text: str, phrase: re.Match[str], dies: re.Match[str]) -> bool:
    """Whether a headline's "dies" after its phrase (``HEADLINE_PHRASE``) is a death of the
    happening the phrase names (``HARMFUL_HAPPENINGS``): "Woman in Vetter Street fire dies";
    not of illness or age, nor a death the headline goes on to tell as the person's doing."""
    if not any(word.lower() in HARMFUL_HAPPENINGS for word in phrase.group("body").split()):
        return False  # "Man in hospice dies"
    if NATURAL_DEATH_AFTER.match(text, dies.end()):
        return False
    return HEADLINE_PASSIVE_NEXT.match(text, dies.end()) is not None


# A headline's harm in a participle's clause before "dies" ("Man shot outside barbershop dies",
# "Woman struck by car on Route 9 dies"): the death is of that harm
HEADLINE_HURT_THEN_DIES = re.compile(
    r"[ \t]+(?:who[ \t]+was[ \t]+|found[ \t]+)?(?:[a-z]+ly[ \t]+)?(?:shot|stabbed|struck|hit"
    r"|burned|beaten|attacked|wounded|injured|hurt|crushed|bitten|mauled|trampled|electrocuted"
    r"|pinned|trapped|pulled|rescued|thrown|ejected|run[ \t]+over)"
    r"(?P<body>(?:[ \t]+[^\s,.;:!?\"“”()]+){0,8}?)[ \t]+dies\b",
    re.I,
)
# What a participle before "dies" tells is no harm: an illness ("Teen struck by meningitis
# dies"), a hurt to one's living ("Man hurt by layoffs dies"), a figure of speech ("shot to
# fame")
ILLNESSES = word_set(
    "cancer illness disease covid covid-19 virus flu influenza meningitis pneumonia leukemia"
    " stroke dementia infection sepsis"
)
NO_HARM_BODY = re.compile(r"[ \t]+to\b", re.I)


def _a_harm_before_dies(text: str, clause: re.Match[str]) -> bool:
    """Whether a participle's clause before a headline's "dies" (``HEADLINE_HURT_THEN_DIES``)
    tells a harm to the body: no illness, hurt to one's living or "shot to fame"."""
    body = clause.group("body")
    if any(word.lower() in ILLNESSES for word in re.findall(r"[\w'’-]+", body)):
        return False
    start = clause.start("body")
    return not (HURT_IN_THEIR_LIVING_AFTER.match(text, start) or NO_HARM_BODY.match(text, start))


def _headline_death(text: str, after: int) -> str | None:
    """ "kill" where a headline tells its person's death without "was" right after ``after``:
    found dead or dying of what is told (``HEADLINE_DEAD``), or after a harm's clause
    (``HEADLINE_HURT_THEN_DIES``); none of illness or age."""
    dead = HEADLINE_DEAD.match(text, after)
    if dead is None:
        clause = HEADLINE_HURT_THEN_DIES.match(text, after)
        if clause is None or not _told_of_one_head(clause.group("body")):
            return None
        if not _a_harm_before_dies(text, clause):
            return None  # "Teen struck by meningitis dies", "Man hurt by layoffs dies"
        if OBJECT_AFTER.match(text, clause.start("body")):
            return None  # "Man shot his wife, dies": his doing
        dead = clause
    if NATURAL_DEATH_AFTER.match(text, dead.end()):
        return None
    return "kill" if HEADLINE_PASSIVE_NEXT.match(text, dead.end()) else None


def told_bare(written: str, unit: str) -> bool:
    """Whether a count of one written so is a headline's person without "a" ("Man",
    "Lindale man", "16-year-old")."""
    if unit == AGED_NOUN:
        return AN_AGE.fullmatch(written) is not None
    return unit in words.PERSON_NOUNS and words.last_word(written) == unit


# A second person a headline tells after a comma or a semicolon, once the first has what
# befell them ("Woman killed, man injured in overnight shooting", "Worker dies in grain bin;
# co-worker hurt"); not "Man, woman killed" (the first has none of their own: two told
# together)
HEADLINE_NEXT_ONE = re.compile(
    rf"[,;][ \t]+(?P<one>(?P<words>(?:[\w'’-]+[ \t]+)?)(?P<noun>{_PERSON_NOUN}))\b(?![’'-])",
    re.IGNORECASE,
)


# A headline's part after a dash ("Homicide Investigation, Mill Race Road — Suspect in
# Custody", a release's title): on a line that is no sentence (no stop in it nor at its end)
HEADLINE_DASH_PART = re.compile(rf"[ \t][—–][ \t]+(?P<one>{_HEADLINE_PERSON})\b(?![’'-])", re.I)
HEADLINE_REACH = 200  # characters of a headline's line


def _a_headline_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` reads as a headline of a harm: short, no sentence's
    stop, a harmful happening named before the dash at ``at`` ("Officer-Involved Shooting, 700
    Block of Marlow Street — Officer Wounded"; not "Fuel prices soar — Driver hurt at the
    pump")."""
    first = text.rfind("\n", 0, at) + 1
    last = text.find("\n", at)
    line = text[first : last if last >= 0 else len(text)].rstrip()
    if len(line) > HEADLINE_REACH or line.endswith(".") or ". " in line:
        return False
    named = {word.lower() for word in re.findall(r"[A-Za-z][\w-]*", text[first:at])}
    return not named.isdisjoint(HARMFUL_HAPPENINGS | INCIDENT_NOUNS)


def _headline_ones(text: str, article_id: str, blocked: list[Span]) -> Iterator[Quantity]:
    """A count of one for each person a headline tells without "a" with what befell them."""
    dash_parts = [m for m in HEADLINE_DASH_PART.finditer(text) if _a_headline_line(text, m.start())]
    told: set[tuple[int, int]] = set()  # a dash part's people are its line's next ones too
    for found in sorted([*HEADLINE_ONE.finditer(text), *dash_parts], key=lambda m: m.start()):
        start, end = found.span("one")
        if not _headline_one(found) or _is_blocked(start, end, blocked) or (start, end) in told:
            continue
        if harm_of_headline_one(text, start, end) is None:
            continue
        noun = (found.group("noun") or AGED_NOUN).lower()
        told.add((start, end))
        yield Quantity(Evidence(article_id, start, end, text[start:end]), 1.0, noun, None, 1.0, 1.0)
        for following in _headline_next_one(text, article_id, end, blocked):
            span = (following.evidence.start, following.evidence.end)
            if span not in told:
                told.add(span)
                yield following


def _headline_next_one(
    text: str, article_id: str, after: int, blocked: list[Span]
) -> Iterator[Quantity]:
    """The other people of a headline line, each after a comma or a semicolon
    (``HEADLINE_NEXT_ONE``), with what befell them ("Man killed in crash; driver cited, woman
    hurt": the woman)."""
    line_end = text.find("\n", after)
    for following in HEADLINE_NEXT_ONE.finditer(
        text, after, line_end if line_end >= 0 else len(text)
    ):
        start, end = following.span("one")
        told = following.group("words").lower().split()
        if _is_blocked(start, end, blocked) or not _told_of_one_head(text[after:start]):
            continue
        if not _one_told(told) or harm_of_headline_one(text, start, end) is None:
            continue
        noun = following.group("noun").lower()
        yield Quantity(Evidence(article_id, start, end, text[start:end]), 1.0, noun, None, 1.0, 1.0)


# A report that tells a death, its own or another's (a word of death anywhere in it, not
# denied): the people it tells shot or stabbed may be among the dead, so their hurt is not
# inferred. Denied right before it: "no one was killed", "no fatalities", "non-fatal", "not
# fatal" (not "never recovered and died"); no death:
# "attempted (second-degree) murder", "body camera", "body armor".
DEATH_TOLD = re.compile(
    rf"\b(?:{DEATH_WORDS}|die|dying|dead|deaths?|killed|killings?|killers?"
    rf"|fatal(?:ly|ity|ities)?|slain|deceased|perished|drowned|{LIFE_LOST}"
    r"|bod(?:y|ies)(?![\s-]*(?:cams?|cameras?|armou?r|worn)\b)|murder(?:ed|s)?|homicides?"
    r"|manslaughter|coroner|autopsy|medical\s+examiner|suicide"
    r"|(?:taken|removed)\s+(?:off|from)\s+life\s+support)\b"
    r"|\bdid(?:\s+not|n['’]t)\s+survive\b",
    re.I,
)
DEATH_DENIED_BEFORE = re.compile(
    r"\b(?:(?:no|not|non)[\s-]+|(?:no\s+one|no-one|nobody|none)\s+(?:was|were|has\s+been"
    r"|have\s+been)\s+)$",
    re.I,
)
ATTEMPT_BEFORE = re.compile(r"\battempted\s+(?:[\w-]+\s+){0,2}$", re.I)


def tells_a_death(text: str) -> bool:
    """Whether ``text`` tells a death anywhere (``DEATH_TOLD``), not denied nor attempted."""
    for found in DEATH_TOLD.finditer(text):
        word = found.group().lower()
        before = text[max(0, found.start() - 30) : found.start()]
        if word.startswith("did"):
            return True  # "did not survive": a death, its "not" no denial
        if DEATH_DENIED_BEFORE.search(before):
            continue  # "No one was killed", "a non-fatal shooting"
        if word.startswith(("murder", "homicide")) and ATTEMPT_BEFORE.search(before):
            continue  # "attempted second-degree murder"
        return True
    return False


# People told shot, stabbed or beaten and nothing more right after their noun ("A 16-year-old
# boy was shot Sunday evening", "Two men were stabbed outside a bar", "was hit by a stray
# bullet", "A man was punched in the face"):
# hurt, if they lived (:func:`told_alive`). Told in the past of one happening ("was",
# "were"; "40 people have been shot this year" is a tally). Not shot at ("was shot at by a
# passing driver": ``_SHOT_AT_SOMEONE``), shot down or shot
# to fame, nor in their clause with a vaccine, a stun gun, a dart or a beanbag, nor by a
# camera.
_NOT_A_WOUND = (
    r"vaccin\w*|doses?|boosters?|jabs?|inoculat\w*|darts?|tasers?|stun\s+guns?|beanbags?"
    r"|bean-bags?|pepper\s+balls?|tranquili[sz]er\w*|photographers?|cameras?"
)
_DAY_WORDS = "|".join((*dates.WEEKDAY_NAMES, "today", "tonight", "yesterday"))
# "shot at" someone, not "at" a place, a time or a range: before a day, a doer, a place told
# by its preposition or nothing ("were shot at Friday", "was shot at by a passing driver",
# "were shot at in Harwick", "was shot at."; "was shot at a gas station", "at close range",
# "at around 11 p.m." are shots that hit)
_SHOT_AT_SOMEONE = (
    r"at(?=\s*[,.;:!?\n]|\s*$|\s+(?:by|from|during|while|but|and|or|in|on|near|outside|inside"
    rf"|several|multiple|repeatedly|twice|once|{_DAY_WORDS})\b)"
)
# ("has been shot" and a report's "had been shot" too; not "have been shot", a tally's: "40
# people have been shot in the city this year")
_CONTESTS = (
    r"races?|elections?|votes?|primar(?:y|ies)|polls?|ballots?|runoffs?|contests?|(?:semi-?|quarter-?)?"
    r"finals?|matche?s?|games?|rounds?|tournaments?|championships?|bids?|\d+-\d+"
)
SHOT_ALONE = re.compile(
    r"\s+(?:was|were|(?:has|had)\s+been)\s+"
    r"(?:(?:also|reportedly|allegedly|critically|seriously|badly|severely"
    r"|repeatedly)\s+)?"
    rf"(?:shot(?!\s+(?:down|to\s+fame|{_SHOT_AT_SOMEONE})\b)|stabbed"
    r"|(?:hit|struck|grazed)\s+by\s+(?:an?\s+)?(?:stray\s+)?(?:bullets?|gunfire)"
    # ... or beaten ("was punched in the face", "was pistol-whipped"), not at a clock ("punched
    # in at 9 a.m."), nor in a contest ("beaten in last week's election", "beaten 6-2, 6-1 in
    # the semifinal", "beaten at the polls", "beaten to the punch", "beaten back by flames")
    r"|punched(?!\s+(?:in|out)\b(?!\s+the\b))|pistol-whipped"
    rf"|beaten(?!\s+(?:out|back|to\s+the)\b)(?![^.;!?\n]{{0,40}}?\b(?:{_CONTESTS})\b)"
    r")\b"
    rf"(?![^.;!?\n,]{{0,60}}?\b(?:{_NOT_A_WOUND})\b)",
    re.I,
)
# A report that tells its shot were not hit ("Neither officer was hit", "He was not struck",
# "No one was hurt"; not "No one else was hurt"): no hurt inferred
NOT_HIT = re.compile(
    r"\b(?:(?:was|were)\s+not|wasn['’]t|weren['’]t)\s+(?:hit|struck)\b"
    r"|\bneither\b[^.;!?\n]{0,40}?\b(?:was|were)\s+(?:hit|struck|hurt|injured|wounded)\b"
    r"|\b(?:no\s+one|no-one|nobody)\s+(?!else\b)(?:[\w'’]+\s+){0,2}?(?:was|were)\s+"
    r"(?:hit|struck|hurt|injured|wounded)\b",
    re.I,
)


def told_shot(text: str, start: int, end: int) -> re.Match[str] | None:
    """The words telling the people at ``text[start:end]`` shot or stabbed right after them
    (``SHOT_ALONE``), told as a happening: not a case supposed, a rule or a rate (whether they
    lived is the report's to tell: :func:`told_alive`)."""
    shot = SHOT_ALONE.match(text, end)
    if shot is None or SUPPOSED_BEFORE.search(text, max(0, start - 12), start):
        return None
    return None if told_as_a_rule(text, start, shot) else shot


def told_alive(text: str) -> bool:
    """Whether the people a report tells shot or stabbed lived, as far as it says: it tells
    no death (:func:`tells_a_death`) and does not tell them unhit (``NOT_HIT``)."""
    return NOT_HIT.search(text) is None and not tells_a_death(text)


INFERRED_HURT = "injure"  # the harm of people shot who lived (``Quantity.harm_inferred``)


def _a_part_of(quantity: Quantity, joined: list[Quantity]) -> bool:
    """Whether ``quantity`` counts people told in one of the counts of people told together
    (its age is no part: "a 19-year-old man and a 17-year-old boy")."""
    if quantity.unit == AGE_UNIT:
        return False
    told = quantity.evidence
    return any(j.evidence.start <= told.start and told.end <= j.evidence.end for j in joined)


def _with_hurt_inferred(text: str, quantity: Quantity) -> Quantity:
    """``quantity``, with the harm inferred when it counts people told shot or stabbed right
    after their noun (:func:`told_shot`), in a report that tells no death."""
    if quantity.value < 1 or not counts_people(quantity.unit.lower()):
        return quantity
    people = _people_after(text, quantity.evidence.end, quantity.unit)
    if people is None or told_shot(text, quantity.evidence.start, people.end()) is None:
        return quantity
    return replace(quantity, harm_inferred=INFERRED_HURT)


def _one_person_harmed(
    text: str, article_id: str, blocked: list[Span], lived: bool = False
) -> Iterator[Quantity]:
    """A count of one for each person told by "a", "an", "his", "her", "their" or "the" right
    before or after a harm (after it only where "his" or "the" opens a clause of its own), or
    by a headline without "a" (``HEADLINE_ONE``); with ``lived`` (:func:`told_alive`), one
    told shot or stabbed too (:func:`told_shot`), its harm inferred."""
    yield from _headline_ones(text, article_id, blocked)
    yield from _others_harmed(text, article_id, blocked)
    people = [*ONE_PERSON.finditer(text), *ONE_AGED.finditer(text)]
    for found in sorted(people, key=lambda match: match.start()):
        noun = found.group("noun").lower() if "noun" in found.groupdict() else AGED_NOUN
        told = found.group("words").lower().split()
        if not _the_other_or_only(found.group("one"), told) and (
            NOT_ONE_MORE.intersection(told) or words.STOP_WORDS.intersection(told)
        ):
            continue
        start, end = found.span("one")
        if SUPPOSED_BEFORE.search(text, max(0, start - 12), start):
            continue  # "if a driver is killed": no happening told
        if joined_to_a_person(text, start):
            continue  # "two women and a man were killed": one of the dead
        if COORDINATED_AFTER.match(text, found.end()):
            continue  # "killing a police officer and a bomb technician"
        # "the only person killed in the flood": a participle alone tells their harm
        after = _befell(text, start, found.end(), reduced=told == ["only"])
        if after is not None and told_in_passing(text, start, found.group("one")):
            after = None  # "a man who killed his wife was arrested": the arrest is the man's
        if after is not None and _object_of_a_preposition(text, start, found.end(), after):
            continue  # "a man in a fight with a neighbor was arrested": the man's arrest
        if after is not None and told_as_a_rule(text, start, after):
            continue  # "when a worker is injured, ...": no happening told
        harmed = after or _harm_before_on_its_line(text, start)
        left = harmed is None and harm_left_in_a_state(text, end, found.end()) is not None
        dead = harmed is None and body_found(text, start, end)  # "recovered the body of a man"
        shot = (
            not dead
            and harmed is None
            and not left
            and lived
            and told_shot(text, start, found.end()) is not None
        )
        if (harmed is None and not (shot or dead or left)) or _is_blocked(start, end, blocked):
            continue
        evidence = Evidence(article_id, start, end, text[start:end])
        inferred = INFERRED_HURT if shot else None
        yield Quantity(evidence, 1.0, noun, None, 1.0, 1.0, harm_inferred=inferred)


# People told together, joined by "and" or commas ("A man and a woman were killed", "Two men
# and a woman were shot and killed", "The driver and his passenger were hurt", "a man, a woman
# and a child died", "police arrested a 19-year-old man and a 17-year-old boy"), with what
# befell them all: a count of their sum, as "three people" would be. Each part is one person
# told by "a", "an", "the", "his", "her" or "their", or people counted by a number; each a
# person's noun ("a man and his dog", "a man and two cars": no count).
_PEOPLE_PLURAL = "|".join(
    sorted(PEOPLE_PLURALS | {f"{noun}s" for noun in words.PERSON_NOUNS} | {"men", "women"})
)
_NUMBER_WORD = "|".join(sorted(word for word in words.NUMBER_WORDS if word not in ("zero", "one")))
# up to three words before a part's noun, none an article, a possessive or a joining word ("a
# 19-year-old man"; not "The crash killed a man")
_PART_WORDS = rf"(?:(?!(?:{_ONE_WORD}|and|or)\b)[\w'’]+(?:\s*[-–]\s*[\w'’]+)*\s+){{0,3}}?"
_ONE_PERSON_PART = (
    rf"(?:an?|the|his|her|their)\s+{_PART_WORDS}(?:{_PERSON_NOUN})\b(?![’'-]){PERSON_TAIL}"
)
_A_PERSON_PART = rf"an?\s+{_PART_WORDS}(?:{_PERSON_NOUN})\b(?![’'-]){PERSON_TAIL}"
_PEOPLE_PART = rf"(?:\d{{1,3}}|{_NUMBER_WORD})\s+{_PART_WORDS}(?:{_PEOPLE_PLURAL})\b(?![’'-])"
_JOINED_PART = f"(?:{_ONE_PERSON_PART}|{_PEOPLE_PART})"
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
# A list's parts before its last are joined by commas, each a person told by "a" or "an" or
# people counted by a number ("a man, a woman and a child"): after "the", "his" and the like,
# a comma opens an apposition ("his neighbor, a retired nurse, ...": one person told twice)
_LISTED_PART = f"(?:{_A_PERSON_PART}|{_PEOPLE_PART})"
JOINED_PEOPLE = re.compile(
    rf"\b(?:{_LISTED_PART}(?:\s*,\s*{_LISTED_PART}){{0,8}}\s*,?|{_JOINED_PART})\s+and\s+"
    rf"{_JOINED_PART}",
    re.IGNORECASE,
)
# A person's noun and a comma right before a run: a list the run is only the end of ("A man,
# his wife and their son were killed": not two)
PERSON_THEN_COMMA = re.compile(
    rf"\b(?:{_PERSON_NOUN}|{_PEOPLE_PLURAL})\b(?:,\s+\d{{1,3}})?\s*,\s*$", re.IGNORECASE
)
# The nouns of anyone: a part after a bare comma with another noun is an apposition, a role
# of the part before ("A woman, a local nurse, and her son were hurt": two)
ANYONE_NOUNS = word_set("man woman boy girl child teen teenager person baby toddler infant kid")
# A relative clause after a run whose verb may be of one ("the man and his wife who died"):
# the harm may be the last part's alone
ONES_CLAUSE_AFTER = re.compile(r"\s*,?\s+who\s+(?!(?:were|are|have|had)\b)", re.IGNORECASE)
# A verb right after a run that a verb of harm before it took as its object: the run's last
# part opens a clause of its own ("Police arrested a man and a woman was injured")
CLAUSE_VERB_NEXT = re.compile(r"\s+(?:was|were|is|are|has|have|had)\b", re.IGNORECASE)
JOINED_PART = re.compile(
    rf"\b(?:(?P<one>an?|the|his|her|their)|(?P<many>\d{{1,3}}|{_NUMBER_WORD}))\s+", re.IGNORECASE
)
JOINED_NOUN = "people"  # the counted noun of people told together
PEOPLE_RUN_WORDS = frozenset({"and", *ONE_WORDS})  # the stop words a run of people may hold


def _joined_sum(written: str) -> float:
    """How many people the parts of ``written`` (``JOINED_PEOPLE``) tell in all; 0 when a
    part after a bare comma may be an apposition (``ANYONE_NOUNS``)."""
    pieces = re.split(f"({_JOIN})", PERSON_TAIL_RE.sub("", written))
    total = 0.0
    for index, part in enumerate(pieces[0::2]):
        opening = JOINED_PART.match(part)
        if opening is None:
            return 0.0
        many = opening.group("many")
        if many is not None:
            total += float(many) if many.isdigit() else words.NUMBER_WORDS[many.lower()]
            continue
        after_a_comma = index > 0 and "and" not in pieces[2 * index - 1].lower()
        if after_a_comma and words.last_word(part.lower()) not in ANYONE_NOUNS:
            return 0.0  # "A woman, a local nurse, and her son": an apposition, maybe
        total += 1
    return total


def told_joined(written: str, unit: str) -> bool:
    """Whether a count written so is of people told together ("A man and a woman", "Tam Vell
    and Rae Sefton")."""
    if unit != JOINED_NOUN:
        return False
    written = " ".join(written.split())
    return bool(JOINED_PEOPLE.fullmatch(written) or NAMES_WRITTEN.fullmatch(written))


def harm_of_joined(text: str, start: int, end: int) -> str | None:
    """What befell the people told together at ``text[start:end]``: told right after them
    ("A man and a woman were killed"), or by a verb of harm right before them ("killed a man
    and his daughter"); else None."""
    if SUPPOSED_BEFORE.search(text, max(0, start - 12), start):
        return None  # "if a man and a woman are arrested": no happening told
    end = _after_the_name(text, end)  # "Tam Vell and Rae Sefton, 22, of Lindale, were ..."
    if COORDINATED_AFTER.match(text, end):
        return None  # "a man and a woman and their dog": a part is no person
    if ONES_CLAUSE_AFTER.match(text, end):
        return None  # "the man and his wife who died": the clause may be the last part's
    after = _befell(text, start, end, reduced=True)
    if after is not None and SINGULAR_VERB.match(after.group()):
        return None  # "a deputy interviewing a woman and a man was fatally shot": his
    if after is not None and _object_of_a_preposition(text, start, end, after):
        return None  # "a fight between a man and a woman was reported"
    if after is not None and told_as_a_rule(text, start, after):
        return None
    if after is not None:
        return harm_of(after)
    if CLAUSE_VERB_NEXT.match(text, end):
        return None  # "Police arrested a man and a woman was injured": two clauses
    return _harm_of_the_verb_before(text, start, end)


# "and" before a part of a run: where a run of people told together may end (read first: the
# run's own pattern, with its nouns, is slow to try at every word)
AND_A_PART = re.compile(rf"\band\s+(?:an?|the|his|her|their|\d{{1,3}}|{_NUMBER_WORD})\s", re.I)
RUN_REACH = 1000  # characters before an "and" a run is read from, in a long sentence


def _runs_of_people(text: str) -> Iterator[re.Match[str]]:
    """Each run of people told together (``JOINED_PEOPLE``), read in the sentences that hold
    an "and" before a part (``AND_A_PART``)."""
    read_to = 0
    for joint in AND_A_PART.finditer(text):
        if joint.start() < read_to:
            continue
        opens, closes = _sentence_around(text, joint.start())
        opens = max(opens, read_to, joint.start() - RUN_REACH)
        read_to = max(closes + 1, joint.end())
        yield from JOINED_PEOPLE.finditer(text, opens, read_to)


def _people_joined(text: str, article_id: str, blocked: list[Span]) -> Iterator[Quantity]:
    """A count of the people told together (``JOINED_PEOPLE``) for each such run with what
    befell them all (:func:`harm_of_joined`)."""
    for found in _runs_of_people(text):
        start, end = found.span()
        told = PERSON_TAIL_RE.sub("", found.group()).lower().split()
        if set(told) & (words.STOP_WORDS - PEOPLE_RUN_WORDS):
            continue  # "the man who and ...": a clause, no person's words
        if _is_blocked(start, start + len(told[0]), blocked):
            continue  # its first word a dateline's (a part's age, "in his 40s", may be blocked)
        if PERSON_THEN_COMMA.search(text, max(0, start - 40), start):
            continue  # "A man, his wife and their son": the end of a list not read whole
        if harm_of_joined(text, start, end) is None:
            continue
        total = _joined_sum(found.group())
        if total >= 2:
            evidence = Evidence(article_id, start, end, text[start:end])
            yield Quantity(evidence, total, JOINED_NOUN, None, total, total)


# The running total an ordinal tells of the arrested ("A second suspect is under arrest",
# "Police have arrested a third suspect", a headline's "Second suspect arrested in ..."): all
# arrested so far, as "two" would count them. Told after "a" (in lower case) or opening a
# headline, right before a person's noun (an age between: "a second 17-year-old boy"), and
# arrested right after it or by "arrested" right before "a", not denied. Of a suspect, or in a
# report that told an arrest before it: "A man was killed Friday. A second man was arrested"
# counts men, not arrests. Not "the second suspect" (the second of two sought), nor one more
# harmed otherwise than others in its sentence ("One man was killed, and a second man was
# arrested": :func:`harm_of_another`), nor a name or a compound ("a Second Street resident",
# "a second-degree murder suspect", "a fourth grade teacher", "a third suspect's brother").
NTH_TOTALS = {"second": 2.0, "third": 3.0, "fourth": 4.0, "fifth": 5.0}
NTH_WORD = re.compile(rf"\b(?:{'|'.join(NTH_TOTALS)})\b", re.IGNORECASE)
NTH_NOUN_AFTER = re.compile(
    rf"\s+(?:{AGE_WORDS}\s+)?(?P<noun>{_PERSON_NOUN})\b(?![’'-])", re.IGNORECASE
)
AN_BEFORE = re.compile(r"\ban?\s+$", re.IGNORECASE)
ARRESTED_BEFORE = re.compile(r"\b(?:arrested|arresting)\s+$", re.IGNORECASE)
ARREST_TOLD = re.compile(
    r"\b(?:arrest(?:ed|s)?|under\s+arrest|in\s+custody|into\s+custody|turned\s+(?:himself|herself)"
    r"\s+in|surrendered|booked)\b",
    re.IGNORECASE,
)
SUSPECT_NOUNS = word_set("suspect defendant accomplice gunman shooter attacker assailant robber")


def told_by_an_ordinal(written: str, unit: str) -> bool:
    """Whether a count written so is the running total an ordinal tells ("second")."""
    return written.lower() in NTH_TOTALS and unit in words.PERSON_NOUNS


def harm_of_the_nth(
    text: str, start: int, end: int, first_arrest_end: int | None = None
) -> str | None:
    """ "arrest" when the ordinal at ``text[start:end]`` tells the running total of the
    arrested (``NTH_TOTALS``), else None; ``first_arrest_end``: where the text's first arrest
    told (``ARREST_TOLD``) ends, found once per text by a caller reading many ordinals."""
    noun = NTH_NOUN_AFTER.match(text, end)
    if noun is None:
        return None
    article = AN_BEFORE.search(text, max(0, start - 4), start)
    headline = HEADLINE_OPENS_BEFORE.search(text[max(0, start - 40) : start]) is not None
    if article is None and not headline:
        return None
    if article is not None and not text[start].islower():
        return None  # "a Second Street resident": a name
    opening = article.start() if article is not None else start
    if first_arrest_end is None:
        told = ARREST_TOLD.search(text, 0, opening)
        first_arrest_end = told.end() if told else len(text) + 1
    if (
        noun.group("noun").lower() not in SUSPECT_NOUNS
        and first_arrest_end > opening
        and not _opens_the_report(text, opening)
    ):
        return None  # "A man was killed. A second man was arrested": a count of men
    if harm_of_another(text, opening, end) is not None:
        return None  # "One man was killed, and a second man was arrested": one more
    arrested = ARRESTED_BEFORE.search(text, max(0, opening - 24), opening)
    if arrested is not None:  # "Police have arrested a second suspect", not "have not ..."
        denied = words.negated_before(text[max(0, arrested.start() - 40) : arrested.start()])
        return None if denied else "arrest"
    after = _befell(text, opening, noun.end(), reduced=True)
    if after is None or told_as_a_rule(text, opening, after):
        return None
    return "arrest" if harm_of(after) == "arrest" else None


# How far into a text its report's opening sentence may start (a headline and a byline
# above it)
OPENING_REACH = 400
_PROSE_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s")


def _opens_the_report(text: str, start: int) -> bool:
    """Whether ``start`` is in a report's first sentence: near its top, no sentence's end
    and no harm told before it ("A second person is under arrest in ..." opening a follow-up:
    the first arrest was told in an earlier report)."""
    if start > OPENING_REACH:
        return False
    before = text[:start]
    return _PROSE_SENTENCE_END.search(before) is None and _A_HARM_TOLD.search(before) is None


def _nth_arrested(text: str, article_id: str, blocked: list[Span]) -> Iterator[Quantity]:
    """A count of all arrested so far for each ordinal that tells it (:func:`harm_of_the_nth`)."""
    first_arrest_end: int | None = None  # found at the first ordinal: most texts have none
    for found in NTH_WORD.finditer(text):
        start, end = found.span()
        if _is_blocked(start, end, blocked):
            continue
        if first_arrest_end is None:
            told = ARREST_TOLD.search(text)
            first_arrest_end = told.end() if told else len(text) + 1
        if harm_of_the_nth(text, start, end, first_arrest_end) is None:
            continue
        noun = NTH_NOUN_AFTER.match(text, end)
        assert noun is not None  # harm_of_the_nth found it
        total = NTH_TOTALS[found.group().lower()]
        evidence = Evidence(article_id, start, end, found.group())
        yield Quantity(evidence, total, noun.group("noun").lower(), None, total, total)


# Two people told by "both" with what befell them ("Both men are in custody", "Both drivers
# were killed", "both were taken into custody"): a count of two, of the noun after it (up to
# two words before it: "both young men") or of no noun. Not "both ... and" ("both men and
# women were hurt", "both the driver and a passenger"), nor "both of" (a part: "both of the
# cars", whose harm ``_befell`` would read past "of them").
BOTH = re.compile(r"\b(?P<one>both)\b(?!\s+of\b)", re.IGNORECASE)
BOTH_NOUN_AFTER = re.compile(
    rf"\s+(?:(?!(?:{_ONE_WORD}|and|or)\b)[\w'’-]+\s+){{0,2}}?(?P<noun>{_PEOPLE_PLURAL})\b(?![’'])",
    re.IGNORECASE,
)
BOTH_WORD = "both"


def _both_harmed(text: str, article_id: str, blocked: list[Span]) -> Iterator[Quantity]:
    """A count of two for each "both" told right before a harm, or before people's plural
    noun and a harm (``BOTH``)."""
    for found in BOTH.finditer(text):
        start, end = found.span("one")
        noun = BOTH_NOUN_AFTER.match(text, end)  # "Both young men"; else no noun: "Both were"
        counted = noun.group("noun").lower() if noun is not None else ""
        people_end = noun.end() if noun is not None else end
        if COORDINATED_AFTER.match(text, people_end) or _is_blocked(start, end, blocked):
            continue
        if SUPPOSED_BEFORE.search(text, max(0, start - 12), start):
            continue  # "if both are killed": no happening told
        after = _befell(text, start, people_end, reduced=False)
        if after is None or told_as_a_rule(text, start, after):
            continue
        evidence = Evidence(article_id, start, end, text[start:end])
        yield Quantity(evidence, 2.0, counted, None, 2.0, 2.0)


# One other person harmed otherwise than those told before in the same sentence ("One person
# was killed and another was wounded", "A man died and another man was hurt", "Two people were
# killed and a third was seriously hurt"): a count of one, of the harm told after it. Not of
# the harm told before ("one was hurt and another was hurt": the hurt are two, told one by
# one), nor "another" opening a sentence ("Another man was wounded": one more of a total told
# elsewhere), nor a part ("a third of the homes") or a second time.
_ONE_MORE = (
    r"another|a\s+(?:second|third|fourth|fifth|sixth)"
    r"(?!\s+(?:of|time|round|day|night|week|year|term|half|quarter|place)\b)"
)
ONE_MORE = re.compile(_ONE_MORE, re.IGNORECASE)
ANOTHER_HARMED = re.compile(
    rf"(?:,|\band)\s+(?P<one>{_ONE_MORE})(?:\s+(?P<noun>{_PERSON_NOUN}))?(?=\s)", re.IGNORECASE
)


def tells_one_more(written: str) -> bool:
    """Whether a count is written "another", "a second", "a third" ...: one more person."""
    return ONE_MORE.fullmatch(" ".join(written.split())) is not None


SENTENCE_OPENS = re.compile(r"[.!?;:\n][^.!?;:\n]*\Z")
# An item of a list of links, or a link after its label ("Related: Man killed, another hurt")
LINK_LINE = re.compile(rf"[ \t]*(?:[-–—•*·][ \t]|(?i:{_OTHER_STORIES})\b[^:\n]{{0,20}}:)")
PEOPLE_REACH = 6  # words before a harm, or 3 after it, where its people are told


def _of_people(before: str, harm: re.Match[str]) -> bool:
    """Whether people are told right before a harm or right after it as its object ("One
    person was killed", "One was killed", "killed one man"), not a thing or an animal ("One
    bill was killed", "The dog killed one chicken")."""
    ahead = re.findall(r"[\w'’-]+", before[: harm.start()])[-PEOPLE_REACH:]
    after = re.findall(r"[\w'’-]+", before[harm.end() :])[:3]
    if any(_people_word(word.lower()) for word in (*ahead, *after)):
        return True
    last = ahead[-1].lower() if ahead else ""
    return last.isdigit() or last in words.NUMBER_WORDS  # "One was killed": no noun


def _people_word(word: str) -> bool:
    """A lower-cased word naming a person or people ("man", "victims", "fan", "players")."""
    return counts_people(word) or f"{word}s" in PEOPLE_PLURALS


# The noun of the last "one" before "another": what "another" is one more of ("one store
# was robbed and another ...")
ONE_OF_A_KIND = re.compile(r"\bone\s+(?P<noun>[a-z][\w'’-]*)", re.IGNORECASE)


OTHER_NOUN_AFTER = re.compile(rf"\s+(?:{_PERSON_NOUN})\b(?![’'])", re.IGNORECASE)


def harm_of_another(text: str, start: int, end: int) -> str | None:
    """ "kill", "injure" or "arrest": what befell the other person "another" at
    ``text[start:end]`` tells (``ANOTHER_HARMED``), told right after it or its noun, when the
    same sentence told people harmed otherwise before it; else None."""
    noun = OTHER_NOUN_AFTER.match(text, end)
    harm = _suffered(text, noun.end() if noun else end, reduced=True)
    if harm is None:
        return None
    if LINK_LINE.match(text, text.rfind("\n", 0, start) + 1):
        return None  # "Related stories: - Man killed, another hurt in ...": a link's words
    opens = SENTENCE_OPENS.search(text, max(0, start - 300), start)
    before = text[opens.start() + 1 if opens else max(0, start - 300) : start]
    ones = [found.group("noun").lower() for found in ONE_OF_A_KIND.finditer(before)]
    if ones and ones[-1] not in words.STOP_WORDS and not _people_word(ones[-1]):
        return None  # "after one store was robbed and another was hurt": another store
    earlier = [
        harm_of(found) for found in CASUALTY_AFTER.finditer(before) if _of_people(before, found)
    ]
    told = harm_of(harm)
    return told if earlier and told not in earlier else None


def _others_harmed(text: str, article_id: str, blocked: list[Span]) -> Iterator[Quantity]:
    """A count of one for each "another" harmed otherwise than those told before it."""
    for found in ANOTHER_HARMED.finditer(text):
        start, end = found.span("one")
        if _is_blocked(start, end, blocked) or harm_of_another(text, start, end) is None:
            continue
        noun = (found.group("noun") or AGED_NOUN).lower()
        yield Quantity(Evidence(article_id, start, end, text[start:end]), 1.0, noun, None, 1.0, 1.0)


# One person told by name with what befell them ("Jarrett Vell, 26, was arrested Monday",
# "police arrested Tam Vell", "Vell was taken into custody"): a count of one, as "a man" is,
# and no total either (a report may tell the arrested one by one). Which names are people's:
# ``_person_names``; whom the parse says a harm befell: ``_the_parse_agrees``. Added after the
# figures' nouns are read: a name counts no bare number after it ("Tam Vell, 27,").
# ... or a first name, a middle initial and a surname, the run's end ("Tam K. Vell"; not
# "Building C. Darvin Oake": a stop before a name)
NAME_RUN = re.compile(
    r"(?=[A-Z])\b[A-Z][\w'’-]+[ \t]+[A-Z]\.[ \t]+[A-Z][\w'’-]+(?![\w'’-]|[ \t]+[A-Z])"
    r"|(?=[A-Z])\b[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}"
)
AGE_TAIL = re.compile(r",[ \t]+\d{1,3},")
# "Tam Vell, 26, of Lindale,": where the person lives, after the age ("..., of Lindale was
# killed" too)
_HOME = r"[ \t]+(?:of|from)[ \t]+[A-Z]{word}(?:[ \t]+[A-Z]{word}){{0,2}}"
HOME_TAIL = re.compile(_HOME.format(word=r"[\w'’.-]*") + ",?")
# "arrested 38-year-old Tam Vell of Lindale.": a home right after a name, up to its end
HOME_AFTER_A_NAME = re.compile(_HOME.format(word=r"[\w'’-]*"))  # no stop inside: its end
NAMED_NOUN = AGED_NOUN  # the counted noun of a person told by name
POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# "Tam Vell, 26, and Ames were arrested": two named together
AGE_JOINED_BEFORE = re.compile(r",\s*\d{1,3}\s*,?\s+(?:and|or)\s+$", re.I)
# Only one person is told by a name: not "Tam Vell were arrested" (a name of several)
SEVERAL_TOLD = re.compile(r"\s+(?:were|are|have)\b", re.I)
# The parse's part for a name a harm is told of: its subject (a harm after the name) or its
# verb's object (a harm before it), not "a man who killed Tam Vell was arrested"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})


# People told together by name ("Milo Vell, 21, and Jory Sefton, 22, were arrested", "police
# arrested Tam Vell and Rae Sefton"): a count of them all, as those told by "a" or a number
# (``JOINED_PEOPLE``); the joints between names, with the age of the name before
NAMES_JOINT = re.compile(r"(?:,[ \t]+\d{1,3})?(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")
# Capitalised words right before a name the parse cut short ("Marta" of "Marta Jory Vell")
FIRST_NAMES_BEFORE = re.compile(r"(?:(?<![\w'’.-])[A-Z][\w'’-]*[ \t]+){1,2}\Z")
_NAME_WRITTEN = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:, \d{1,3})?"
NAMES_WRITTEN = re.compile(rf"{_NAME_WRITTEN}(?:(?:, (?:and )?| and ){_NAME_WRITTEN})+")


def _apart(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, sorted, without those inside or across one kept before them."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _first_names_before(text: str, start: int) -> int:
    """Where a name starting at ``start`` starts with the capitalised words right before it
    that are no common words ("Police", "Monday": ``COMMON_IN_NAME``)."""
    before = FIRST_NAMES_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return start
    told = [w.lower() for w in before.group().split()]
    if any(w in COMMON_IN_NAME or w[:-1] in COMMON_IN_NAME for w in told):
        return start  # not "Officers" nor "Police" before the names
    return before.start()


def _names_joined(text: str, article_id: str, names: list[tuple[int, int]]) -> Iterator[Quantity]:
    """A count of the people told together by name (``names``: :func:`_person_names`;
    ``NAMES_JOINT`` between them, "and" before the last) with what befell them all
    (:func:`harm_of_joined`)."""
    runs: list[list[tuple[int, int]]] = []
    for span in _apart(names):
        if runs and NAMES_JOINT.fullmatch(text, runs[-1][-1][1], span[0]):
            runs[-1].append(span)
        else:
            runs.append([span])
    for names in runs:
        if len(names) < 2 or "and" not in text[names[-2][1] : names[-1][0]].split():
            continue  # one name, or no "and" before the last: an apposition, a list's part
        if any(POSSESSIVE.search(text, s, e) or POSSESSIVE_AFTER.match(text, e) for s, e in names):
            continue  # "arrested Tam Vell and Rae Sefton's son": the son
        start, end = _first_names_before(text, names[0][0]), names[-1][1]
        if harm_of_joined(text, start, end) is None:
            continue
        count = float(len(names))
        evidence = Evidence(article_id, start, end, text[start:end])
        yield Quantity(evidence, count, JOINED_NOUN, None, count, count)


def _named_person_harmed(
    text: str, article_id: str, doc: Any, names: list[tuple[int, int]], found: list[Quantity]
) -> Iterator[Quantity]:
    """A count of one for each person told by name (``names``: :func:`_person_names`) right
    before or after a harm, who the parse says it befell (the subject of the harm told after
    the name, the object of the verb before it); a name the tagger took for no person, only
    by an arrest before it."""
    taken = [(q.evidence.start, q.evidence.end) for q in found]
    people = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
    for start, end in names:
        if any(s < end and start < e for s, e in taken):
            continue  # already counted ("a 10-year-old German Shepherd was killed")
        harm = harm_of_named(text, start, end)
        if harm is None:
            continue
        told_before = _harm_told_before(text, start, end)
        if told_before and _told_around_the_name(text, start, end):
            # "left Tam Vell, 78, hospitalized", "The body of Tam Vell, 71, was recovered": the
            # person of the state or the body told around the name, which the parse often
            # hangs anywhere
            told_before = False
            either = OBJECT_DEPS | SUBJECT_DEPS
            if (
                (start, end) not in people
                and not AGE_TAIL.match(text, end)
                and not _the_parse_agrees(doc, start, end, True, either)
            ):
                continue
        elif not _the_parse_agrees(doc, start, end, told_before):
            continue
        if (
            harm != "arrest"
            and told_before
            and not ((start, end) in people and AGE_TAIL.match(text, end))
        ):
            continue  # "The board killed Project Orla": a name killed may be a thing's
        taken.append((start, end))
        yield Quantity(
            Evidence(article_id, start, end, text[start:end]), 1.0, NAMED_NOUN, None, 1.0, 1.0
        )


def _told_around_the_name(text: str, start: int, end: int) -> bool:
    """Whether what befell the person named at ``text[start:end]`` is told around the name,
    not by a verb it is the subject or the object of: the state a happening left them in
    (:func:`harm_left_in_a_state`) or their body found (:func:`body_found`)."""
    left = harm_left_in_a_state(text, end, _after_the_name(text, end))
    return left is not None or body_found(text, start, end)


def _harm_told_before(text: str, start: int, end: int) -> bool:
    """Whether the harm of the name at ``text[start:end]`` is told by the verb before it."""
    return _suffered(text, _after_the_name(text, end), reduced=False) is None


def _the_parse_agrees(
    doc: Any, start: int, end: int, told_before: bool, deps: frozenset[str] | None = None
) -> bool:
    """Whether the parse takes the name for the subject of a harm told after it, or for the
    object of the verb of one ``told_before`` it (or for one of ``deps``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if deps is None:
        deps = OBJECT_DEPS if told_before else SUBJECT_DEPS
    # any word of the name the parse hangs outside it (a tagger's split name: "Darvin" as
    # "dep", "Oake" as the subject), or in apposition to a word that is one ("His alleged
    # accomplice, Tam K. Vell, 19, was arrested")
    return any(
        not span.start <= token.head.i < span.end
        and (token.dep_ in deps or (token.dep_ == "appos" and token.head.dep_ in deps))
        for token in span
    )


def _person_names(text: str, doc: Any) -> list[tuple[int, int]]:
    """Where people's names are written: the parse's people, capitalised runs an age follows
    ("Tam Vell, 27,") and runs of two or three capitalised words a harm's verb takes as its
    object ("police arrested Tam Vell")."""
    names = {
        # without a comma the tagger took in ('Tam "Red" Vell,')
        (ent.start_char, ent.start_char + len(ent.text.rstrip(",;:")))
        for ent in getattr(doc, "ents", ())
        if ent.label_ == "PERSON" and ent.text[:1].isupper()
    }
    for run in NAME_RUN.finditer(text):
        written = run.group().split()
        if any(w.lower() in COMMON_IN_NAME for w in written):
            continue  # not "Police, 12,"
        if (
            AGE_TAIL.match(text, run.end())
            or AGED_BEFORE.search(text, max(0, run.start() - 24), run.start())
            or (
                len(written) > 1
                and (
                    CASUALTY_BEFORE.search(text, max(0, run.start() - 40), run.start())
                    or ARRESTED_AFTER.match(text, run.end())
                )
            )
        ):
            names.add(run.span())
    names.update(_surnames_told_again(text, names))
    return sorted(names)


def _surnames_told_again(text: str, names: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Where the last word of a full name is written alone after it ("Tam Vell, 26, was
    shot. ... Vell was taken to the hospital"), as reports name a person once told: no
    capitalised word joined to it (not "Vell Street", "Ada Vell"), not a common word."""
    first_told: dict[str, int] = {}
    for start, end in names:
        written = text[start:end].split()
        last = written[-1] if len(written) > 1 else ""
        if last[:1].isupper() and last.isalpha() and last.lower() not in COMMON_IN_NAME:
            first_told[last] = min(end, first_told.get(last, end))
    if not first_told:
        return
    for found in A_WORD_ALONE.finditer(text, min(first_told.values())):
        told = first_told.get(found.group())
        if told is None or found.start() < told:
            continue
        if not CAPITALISED_BEFORE.search(text, max(0, found.start() - 40), found.start()):
            yield found.span()


# A capitalised word with no capitalised word after it: a surname alone, maybe
A_WORD_ALONE = re.compile(r"(?<![\w'’.-])[A-ZÀ-ÖØ-ÞĀ-ſ][^\W\d_]+\b(?![\w'’-]| [A-Z])")


# A capitalised word right before ("Ada Vell": a name of its own); not a sentence's last word
# ("on Friday. Vell was taken ...") nor a title's short form ("Mr. Vell")
CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*[ \t]+\Z")


# One told arrested right after a run of capitalised words ("Marquell Dinsworth was arrested
# Wednesday"): only people are arrested, so the run is a person's name even where the tagger
# took it for a firm's
ARRESTED_AFTER = re.compile(
    rf"\s+(?:was|has\s+been|had\s+been)\s+{_THEN}(?:arrested|apprehended|taken\s+into\s+custody)\b",
    re.I,
)
# Words that make a capitalised run no name of a person ("Police, 12,", "Monday, 27,"), or
# not one alone ("Gen. Tam Vell": the run stops at the stop)
COMMON_IN_NAME = (
    words.STOP_WORDS
    | words.PERSON_NOUNS
    | CALENDAR_WORDS
    | TITLE_WORDS
    | word_set("police county city street avenue road department office hospital")
)
# An age told before a name ("41-year-old Tam Vell died"): the name is a person's; not after
# "a" ("a 10-year-old German Shepherd": one told by "a", if any)
AGED_BEFORE = re.compile(rf"(?<![\d])(?<![Aa] )(?<![Aa]n ){AGE_WORDS}\s+$", re.I)
# A place before it: "Tam Vell, 66, of Lindale was killed" names Lindale no person
PLACE_BEFORE = re.compile(r"\b(?:of|from|in|at|near|to|into)\s+$", re.I)
# What may follow the name a harm's verb takes as its object ("police arrested Tam Vell on
# Monday", "killed Tam Vell and wounded two"): the clause goes on, the name is whole (not
# "arrested Lindale Chargers receiver Tam Vell")
OBJECT_END = re.compile(
    r"\s*(?:[,.;:!?)]|$)|\s+(?:and|on|in|at|after|before|during|for|near|along|outside|inside|early"
    r"|late|last|this|when|while|as|with|without|following|yesterday|today|tonight"
    r"|overnight)\b"
)


def harm_of_named(text: str, start: int, end: int) -> str | None:
    """ "kill", "injure" or "arrest": what befell the person named at ``text[start:end]``,
    told right after the name, its age and its home ("Tam Vell, 26, of Lindale, was
    arrested") or right before it by the verb whose object it is ("police arrested Tam
    Vell"); None for none, a case supposed ("if Vell is arrested"), one of several named
    together ("Vell and Ames were arrested") or another's ("arrested Vell's brother")."""
    if SUPPOSED_BEFORE.search(text, max(0, start - 12), start) or joined_to_a_person(text, start):
        return None
    found_dead = body_found(text, start, end)  # "The body of Tam Vell, 71, was recovered"
    if PLACE_BEFORE.search(text, max(0, start - 8), start) and not found_dead:
        return None  # "of Lindale was killed": a place the tagger took for a person
    if AGE_JOINED_BEFORE.search(text, max(0, start - 12), start):
        return None  # "Tam Vell, 26, and Oren Ames, 31, were arrested"
    aged_before = AGE_BEFORE_A_NAME.search(text, max(0, start - 20), start) is not None
    after = _after_the_name(text, end, aged_before)
    if POSSESSIVE.search(text, start, end) or POSSESSIVE_AFTER.match(text, end):
        return None
    if COORDINATED_AFTER.match(text, after) or SEVERAL_TOLD.match(text, after):
        return None
    if found_dead:
        return "kill"
    harmed = _suffered(text, after, reduced=False)
    if harmed is not None:
        return harm_of(harmed)
    left = harm_left_in_a_state(text, end, after)  # "left Tam Vell, 78, hospitalized"
    return left or _harm_of_the_verb_before(text, start, after)


# A person's age put before their name ("arrested 38-year-old Tam Vell")
AGE_BEFORE_A_NAME = re.compile(rf"\b{AGE_WORDS}\s+$", re.IGNORECASE)


def _harm_of_the_verb_before(text: str, start: int, after: int) -> str | None:
    """The harm of the verb right before people at ``start`` whose object they are, their
    words (with an age and a home) ending at ``after`` ("police arrested Tam Vell", "killed a
    man and a woman"); not a headline's verb above them, nor a denied one."""
    aged = AGE_BEFORE_A_NAME.search(text, max(0, start - 20), start)  # "arrested 38-year-old"
    start = aged.start() if aged is not None else start
    before = CASUALTY_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group("word").isupper() or not OBJECT_END.match(text, after):
        return None  # not a headline's "ARRESTED Lindale Chargers receiver Tam Vell"
    if "\n" in text[before.end() : start] or "  " in text[before.end() : start]:
        return None  # a headline's "Suspect arrested" above a report opening with a name
    if words.negated_before(text[max(0, before.start() - 60) : before.start()]):
        return None  # "police have not arrested Tam Vell"
    return CASUALTY_WORDS[before.group("word").lower()]


def _after_the_name(text: str, end: int, aged_before: bool = False) -> int:
    """Where what is told of a name ending at ``end`` goes on: after its age and its home
    ("Tam Vell, 26, of Lindale, was arrested"; ``aged_before``, its age told before it:
    "arrested 38-year-old Tam Vell of Lindale")."""
    aged = AGE_TAIL.match(text, end)
    if aged is None and aged_before:
        home = HOME_AFTER_A_NAME.match(text, end)
        return home.end() if home else end
    if aged is None:
        return end  # a home only after an age: "Tam Vell of Lindale" may be a title
    home = HOME_TAIL.match(text, aged.end())
    return home.end() if home else aged.end()


def told_by_name(quantity: Quantity) -> bool:
    """A count of one told by a person's name ("Tam Vell was arrested")."""
    return written_as_a_name(quantity.evidence.text, quantity.unit)


def written_as_a_name(written: str, unit: str) -> bool:
    """Whether a count of ``unit`` written so is one told by a person's name."""
    return (
        unit == NAMED_NOUN
        and written[:1].isupper()
        and written.lower() not in ONE_WORDS
        and written.lower() not in words.NUMBER_WORDS
    )


# What may stand before "his", "her" or "their" opening a clause of their own ("his cousin
# was wounded", "police said her son was arrested", "Vell was killed and his cousin ...")
CLAUSE_OPENS_BEFORE = re.compile(
    r"(?:[.!?;:,(\n]\s*|\b(?:and|but|while|after|when|as|that|said|says)\s+)$", re.I
)
POSSESSIVES = frozenset({"his", "her", "their"})
# One person told as one the reader knows ("his cousin", "the victim"), shown so
KNOWN_ONES = POSSESSIVES | {"the"}
# A doer's verb whose object the people right after it are ("the man accused of killing a
# woman was arrested", "the man who shot two teenagers was arrested"): a verb of being
# told right after them is the doer's clause's, not theirs. An "-ing" only after a
# preposition ("after the shooting a man was arrested": a noun); one space before them (a
# headline's last word, two spaces or a line above, is no verb of the report's first)
DONE_TO_BEFORE = re.compile(
    r"(?:\b(?:of|with|for|in|after|before|by|from|about)\s+(?:killing|shooting|stabbing"
    r"|wounding|injuring|attacking|assaulting|robbing|beating|murdering|kidnapping|abducting"
    r"|threatening|arresting)|\b(?:killed|shot|stabbed|wounded|injured|attacked|assaulted"
    r"|robbed|beat|murdered|kidnapped|abducted|threatened|arrested)"
    r"|\b(?:who|that)\s+(?:hit|struck)) $",
    re.I,
)


def object_of_a_doing(text: str, start: int) -> bool:
    """Whether the people told at ``start`` are the object of a doer's verb right before
    them (``DONE_TO_BEFORE``)."""
    return DONE_TO_BEFORE.search(text, max(0, start - 16), start) is not None


LINE_BREAK = re.compile(r"\n|  ")  # a headline joined to its report by a break or two spaces


def _harm_before_on_its_line(text: str, start: int) -> re.Match[str] | None:
    """A verb of harm right before the people at ``start`` (``CASUALTY_BEFORE``), on their
    line (a headline's last word, "... no link to killing", is no verb of the report's first
    words, "The man ..."), not denied ("have not arrested the suspect")."""
    before = CASUALTY_BEFORE.search(text, max(0, start - 40), start)
    if before is None or LINE_BREAK.search(text, before.start(), start):
        return None
    if words.negated_before(text[max(0, before.start() - 40) : before.start()]):
        return None  # "police have not arrested the suspect"
    return before


def _befell(text: str, start: int, end: int, reduced: bool = True) -> re.Match[str] | None:
    """The harm told after the people at ``text[start:end]`` that befell them (``_suffered``),
    after the closing comma of their apposition ("The driver, a 45-year-old woman, died") or
    after an "of" phrase ("the driver of the car was killed", ``OF_PHRASE``); not one their
    doer's clause tells: they are its verb's object and the harm follows them at once ("the
    man accused of killing a woman was arrested"; "police shot a man who later died" is his
    death)."""
    after = _suffered(text, end, reduced)
    if (
        after is None
        and APPOSED_BEFORE.search(text, max(0, start - 60), start)
        and (closing := APPOSED_AFTER.match(text, end))
    ):
        after = _suffered(text, closing.end(), reduced=False)
    phrase = (
        (OF_PHRASE.match(text, end) or CASE_OF_PHRASE.match(text, end)) if after is None else None
    )
    if phrase is not None and _the_heads_phrase(text, start, end, phrase):
        after = _suffered(text, phrase.end(), reduced=False)
    if (
        after is None
        and (aside := ASIDE.match(text, end) or _listing(text, start, end)) is not None
    ):
        if object_of_a_doing(text, start):
            return None  # "the man accused of killing a woman, police said, was arrested"
        later = _suffered(text, aside.end(), reduced=False)
        after = later if later is not None and _told_with_its_verb(later) else None
    told_at_once = after is not None and (
        after.start() == end or _after_ing_clause(text, end) is not None
    )
    if told_at_once and object_of_a_doing(text, start):
        return None  # "a man accused of shooting a woman walking her dog was arrested"
    if _taking_not_told_done(text, start, after):
        return None  # "did not take a man into custody"
    return after


def _taking_not_told_done(text: str, start: int, after: re.Match[str] | None) -> bool:
    """Whether ``after`` holds the people at ``start`` as the object of a taking into custody
    ("into custody" right after them) told denied or not yet done before them
    (``TAKING_NOT_DONE``)."""
    if after is None or not after.group("held") or not INTO_CUSTODY_NEXT.match(after.group()):
        return False
    return TAKING_NOT_DONE.search(text, max(0, start - TAKING_REACH), start) is not None


INTO_CUSTODY_NEXT = re.compile(rf"\s*{INTO_CUSTODY}", re.IGNORECASE)  # the object of a taking
# A taking told denied, tried or to come, right before the people taken, a word between ("did
# not take a man", "hadn't taken two men", "had not yet taken", "trying to take all three
# men", "to take his two sons"): not "took", "have taken", "put", nor a headline's "take"
TAKING_NOT_DONE = re.compile(
    r"(?:\b(?:not|never)|n['’]t)(?:\s+yet)?\s+(?:take|taken|took|put|place|placed)\s+"
    r"(?:[\w'’-]+\s+)?\Z|\bto\s+(?:take|put|place)\s+(?:[\w'’-]+\s+)?\Z",
    re.IGNORECASE,
)
TAKING_REACH = 40  # characters before the people ("had not yet taken all ")


# An aside between commas after the people, before what befell them ("two men, both in their
# 20s, were wounded", "two people, including a child, were injured", "the victim, described
# only as a man in his 20s, died"): the harm after it, told with its verb, is theirs. Not an
# item of a list ("two men, a woman, and a child": "and" follows the second comma), nor an
# apposition ("the driver, a 45-year-old woman, died": the woman is counted, once).
# A reporting clause may open with one ("two men, the police chief said, were killed"). A
# name may have an age and a home after it ("The driver, Tam Vell, 29, of Harwick, was hurt").
_ASIDE_WORDS = r"[^,.;:!?\"“”()\n]"
_AGE_AND_HOME = r"(?:,\s+(?:\d{1,3}|of\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3})){0,3}"
ASIDE = re.compile(
    rf",\s+(?:(?!(?:and|or|but|nor|a|an|the|his|her|their)\b){_ASIDE_WORDS}{{1,60}}{_AGE_AND_HOME}"
    rf"|(?!(?:and|or|but|nor)\b){_ASIDE_WORDS}{{1,50}}\b(?:said|says|told\s+reporters)),(?=\s)",
    re.I,
)


# An apposition listing the people counted, one by one ("Two people, a driver and a
# passenger, were killed", "three people, a man, a woman and a boy, were injured", "two men,
# a 19-year-old and a 22-year-old, were arrested"): an aside of a count. Each item a person;
# not a list the count opens ("two men, a woman, and a child": no comma after its last item).
_ITEM = r"(?:an?|the|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
LISTING = re.compile(
    rf",\s+(?P<items>{_ITEM}(?:,\s+{_ITEM}){{0,3}},?\s+and\s+{_ITEM}),(?=\s)", re.I
)
ITEM_SEPARATOR = re.compile(r",?\s+and\s+|,\s+", re.I)


def _listing(text: str, start: int, end: int) -> re.Match[str] | None:
    """An apposition right after the count at ``text[start:end]`` listing its people
    (``LISTING``); none after one person ("a man, a woman and a boy were hurt": a list)."""
    if (text[start:end].split() or [""])[0].lower() in ONE_WORDS:
        return None
    listed = LISTING.match(text, end)
    if listed is None:
        return None
    heads = [item.split()[-1].lower() for item in ITEM_SEPARATOR.split(listed.group("items"))]
    if not all(map(_a_person, heads)):
        return None
    counted = words.last_word(text[start:end])
    for plural, other in ((MEN, WOMAN), (WOMEN, MAN)):
        if counted in plural and other.intersection(heads):
            return None  # "two men, a woman and a child, were hurt": four people listed
    return listed


# The sex a listing's people and their count must share
MEN = word_set("men boys sons brothers fathers husbands")
WOMEN = word_set("women girls daughters sisters mothers wives")
MAN = word_set("man boy son brother father husband")
WOMAN = word_set("woman girl daughter sister mother wife")


def _a_person(noun: str) -> bool:
    """Whether an item's noun is a person's ("driver", "19-year-old")."""
    return noun.lower() in words.PERSON_NOUNS or AN_AGE.fullmatch(noun) is not None


# The one "took ... into custody" takes ("police took her husband into custody", "have taken
# two men into custody"): told done, not tried, planned or denied ("were trying to take the
# man into custody when he fired", "never took the driver into custody", "did not take a man
# into custody")
TAKEN_BEFORE = re.compile(r"(?<!\bnever )(?<!\bnot )\b(?:took|taken)\s+\Z", re.IGNORECASE)
TAKEN_REACH = 16  # characters before the people ("have taken ")
INTO_CUSTODY_AHEAD = re.compile(rf"(?:[\w'’-]+\s+){{1,4}}?{INTO_CUSTODY}", re.IGNORECASE)


def told_in_passing(text: str, start: int, one: str) -> bool:
    """Whether a person told by "his", "her", "their" or "the" at ``start`` is named inside
    another clause ("a man who killed his wife was arrested", "a man who knew the victim was
    arrested", "the father of the victim was arrested"), so that what is told after is not
    theirs; a clause's opening "His cousin was wounded", "Police said the victim died" is
    theirs, and so is the one "took ... into custody" takes ("police took her husband into
    custody")."""
    if one.lower() not in KNOWN_ONES or start == 0 or not text[:start].strip():
        return False
    if TAKEN_BEFORE.search(text, max(0, start - TAKEN_REACH), start) and INTO_CUSTODY_AHEAD.match(
        text, start
    ):
        return False
    return CLAUSE_OPENS_BEFORE.search(text, max(0, start - 12), start) is None


def told_fatally(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` tells how many of the people counted before
    it were killed ("three people were shot, one fatally"; not "three dogs ..., one
    fatally")."""
    if not FATALLY_AFTER.match(text, end):
        return False
    before = text[max(0, start - 60) : start]
    before = re.split(r"[.!?;]", before)[-1]
    return any(counts_people(word.lower()) for word in re.findall(r"[A-Za-z]+", before))


def joined_to_a_person(text: str, start: int) -> bool:
    """Whether the person or count at ``start`` is joined by "and" or "or" to a person told
    right before it ("two women and one man", "Eastford resident and a passer-by")."""
    joined = JOINED_TO_BEFORE.search(text, max(0, start - 40), start)
    if joined is None:
        return False
    word = joined.group("word")
    # "two 17-year-olds and two 16-year-olds were arrested": people counted by their age
    aged = AGES.fullmatch(word) is not None
    # a name, not a day ("was killed Sunday, and a man was arrested": the day ends a clause),
    # unless a name's first word is before it ("Jo May and a man were arrested")
    named = word[:1].isupper() and (
        word.lower() not in CALENDAR_WORDS or _after_a_capital(text, joined.start("word"))
    )
    if named and "," in joined.group() and _takes_a_verb_of_one(text, start):
        named = False  # "in Wendower Township, and a neighbor turned himself in": a clause
    return counts_people(word.lower()) or named or aged


# The verb the person at a point takes, up to the clause's end and before a relative clause
# ("a man who was with them were arrested"): of one ("was", "has", "turned himself in") or of
# several ("were")
VERB_AHEAD = re.compile(
    r"(?:(?!\b(?:who|that|which)\b)[^.;:!?,]){0,40}?"
    r"\b(?:(?P<one>was|is|has|turned\s+(?:himself|herself)\s+in)|were|are|have)\b",
    re.I,
)


def _takes_a_verb_of_one(text: str, start: int) -> bool:
    """Whether the person told at ``start`` is the subject of a verb of one person: not one of
    a list of people before it ("Tam Vell, Jo Ray, and a man were arrested")."""
    ahead = VERB_AHEAD.match(text, start)
    return ahead is not None and ahead["one"] is not None


WORD_BEFORE = re.compile(r"([\w'’-]+)\s+\Z")


def _after_a_capital(text: str, start: int) -> bool:
    """Whether the word before ``text[start:]`` is capitalised ("Jo" of "Jo May")."""
    before = WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1)[:1].isupper()


def harm_of(after: re.Match[str]) -> str:
    """ "kill", "injure" or "arrest": what a ``CASUALTY_AFTER`` match tells befell people."""
    if after.group("fatal"):
        return "kill"
    if after.group("held"):
        return "arrest"
    if after.group("hurt_state"):
        # "was treated for injuries and later died": the death is what befell them
        return "kill" if DIED_AFTER_HURT.match(after.string, after.end()) else "injure"
    return CASUALTY_WORDS[" ".join(after.group("word").lower().split())]


def counts_people(counted: str) -> bool:
    """Whether a count's noun names people ("people", "men", "victims", "one man")."""
    return (
        counted in PEOPLE_PLURALS
        or counted in words.PERSON_NOUNS
        or counted in SEX_NOUNS  # one, told after an age (``_PERSON_NOUN``)
        or (counted.endswith("s") and counted[:-1] in words.PERSON_NOUNS)
    )


# A harm told with a verb for one ("was", "has", "is") is not of people counted in the plural
SINGULAR_VERB = re.compile(r"\s+(?:was|is|has)\b", re.I)
_PLURAL_PEOPLE = word_set("people men women children police staff crew folk")


def _plural(noun: str) -> bool:
    """Whether a counted noun is a plural ("officers", "men", "people"; not "boss")."""
    lowered = noun.lower()
    return lowered in _PLURAL_PEOPLE or (lowered.endswith("s") and not lowered.endswith("ss"))


def _counted_noun_after(text: str, end: int, counted: str) -> re.Match[str] | None:
    """The counted noun right after a count ending at ``end`` ("Two young men", "a man, 27,")."""
    return re.compile(rf"\s+{COUNTED_WORDS}{re.escape(counted)}\b{PERSON_TAIL}", re.I).match(
        text, end
    )


def _people_after(text: str, end: int, counted: str) -> re.Match[str] | None:
    """The people a count ending at ``end`` names, right after it: its noun ("Two young
    men", "one person is dead"), else ``ONE_AGED``'s person ("an 18-year-old was killed") or
    people counted by age ("Two 17-year-olds were arrested")."""
    noun = _counted_noun_after(text, end, counted)
    if noun is None and counted == AGED_NOUN:
        noun = AGED_AFTER.match(text, end)
    elif noun is None and counted == AGED_PLURAL_NOUN:
        noun = AGED_PLURAL_AFTER.match(text, end)
    return noun


def harmed_after_noun(text: str, start: int, end: int, counted: str) -> str | None:
    """The harm told of the people a count at ``text[start:end]`` names, right after its
    noun ("Two men were shot and killed": "kill"; "three young children died"), else None;
    not a harm they did ("Two men killed a guard"), nor their doer's ("the man who shot two
    teenagers was arrested")."""
    noun = _people_after(text, end, counted)
    if noun is None or COORDINATED_AFTER.match(text, noun.end()):
        return None  # "killed two women and a man": the women are some of the dead
    after = _befell(text, start, noun.end())
    if after is not None and _plural(counted) and SINGULAR_VERB.match(after.group()):
        return None  # "a man pointing a gun at two officers was shot": not the officers
    if (
        after is not None
        and counted.lower() in POLICE_NOUNS
        and harm_of(after) == "arrest"
        and not TOLD_BEEN.search(after.group())
    ):
        return None  # "Two officers arrested Tam Vell": they made the arrest
    if after is not None and told_as_a_rule(text, start, after):
        return None  # "two pedestrians are killed every week": no happening told
    if after is not None:
        return harm_of(after)
    if (held_or_hurt := harm_of_headline_count(text, start, noun.end())) is not None:
        return held_or_hurt  # "Two men in custody after brawl"
    return harm_left_in_a_state(text, end, noun.end())


def harm_left_in_a_state(text: str, told_end: int, people_end: int) -> str | None:
    """The harm of the state a happening left people in ("The blast left one teenager dead",
    "left a man in critical condition", "left Tam Vell, 78, hospitalized"): the state told
    right after the people (ending at ``people_end``), "left" at most seven words before the
    end of their count or name (``told_end``); else None."""
    state = LEFT_IN_STATE.match(text, people_end)
    if state is None or not LEFT_BEFORE.search(text, max(0, told_end - 60), told_end):
        return None
    harm = STATE_HARMS[state.group("state").lower()] if state.group("state") else "injure"
    if harm == "injure" and ill_near(text, state.start(), state.end()):
        return None  # "left two people in critical condition with the flu", "hospitalized"
    return harm  # "left one teenager dead", "left two people in critical condition"


# The words of a clause or phrase between people and what befell them: no comma, stop,
# quote or bracket; then the first verb of being, having or dying after it
_WITHIN_CLAUSE = r"[^,.;:!?\"“”()]"
_THEIR_VERB_NEXT = (
    r"(?=\s+(?:was|were|is|are|has|have|had|died|remains|remained|suffered|sustained)\b)"
)
# A relative clause between people and what befell them ("a man who lived with her was
# taken into custody", "a woman who was shot Tuesday died"): up to the first verb of being
# after it, no comma or stop between. Not one with a subject of its own ("a woman who said
# she was hurt": hers to say), ...
RELATIVE_CLAUSE = re.compile(
    rf"\s+(?:who|that)\s+(?P<body>{_WITHIN_CLAUSE}{{1,80}}?){_THEIR_VERB_NEXT}", re.I
)
# ... nor one with a clause of its own inside ("two women who said their husbands were
# arrested", "a man who knew the woman who was killed", "officers who were at the scene where
# a man was killed")
CLAUSE_OF_ITS_OWN = re.compile(
    r"\b(?:he|she|they|i|we|you|it|who|that|which|where|when|whose|said|says"
    r"|say|told|tells|tell)\b",
    re.I,
)


# A phrase between people and what befell them: an "of" phrase ("two residents of the
# building were injured", "the driver of the car was killed"), a place's or a case's ("a
# passenger in the car was killed", "a man at the party was shot and killed", "a suspect in
# the shooting was arrested"), or a participle's that names them in a case ("two men charged
# in the robbery were arrested", "a man wanted in the killing was arrested"): up to the first
# verb of being, having or dying, no comma between, nothing ``_told_of_one_head`` refuses;
# what follows is the head's ("the father of the victim was arrested": the father's)
_PHRASE_PREPOSITIONS = (
    "of|in|at|on|inside|outside|near|from|aboard|behind|with|among|under|across|for"
)
_CASE_PARTICIPLES = "charged|wanted|suspected|accused|involved|sought|seen|named"
OF_PHRASE = re.compile(
    rf"\s+(?:(?:{_CASE_PARTICIPLES})\s+(?!of\b))?(?:{_PHRASE_PREPOSITIONS})\s+"
    rf"(?P<body>{_WITHIN_CLAUSE}{{1,60}}?){_THEIR_VERB_NEXT}",
    re.I,
)
# ... or the doing a person is accused of, between them and what befell them ("a man accused
# of shooting another driver during a confrontation turned himself in Monday", "a woman
# suspected of setting the fire was arrested"): what follows is the person's, not the one
# their doing harmed (``object_of_a_doing``)
CASE_OF_PHRASE = re.compile(
    rf"\s+(?:accused|suspected|convicted)\s+(?P<body>of\s+{_WITHIN_CLAUSE}{{1,100}}?)"
    r"(?=\s+(?:was|were|is|are|has|have|had|turned\s+(?:himself|herself|themselves)\s+in"
    r"|surrendered)\b)",
    re.I,
)
# A clause with a subject of its own inside such a phrase, told without "that" ("the building
# a woman was killed in", "the night his wife was killed"): a word other than a preposition,
# a conjunction or a determiner right before a determiner, a possessive or a number; not a
# gerund's object after its preposition ("in the killing of a woman", "of shooting a clerk")
_BEFORE_A_NOUN_PHRASE = (
    rf"{_PHRASE_PREPOSITIONS}|{_CASE_PARTICIPLES}|to|for|by|into|onto|over|under|about"
    r"|against|between|during|through|like|than|and|or|a|an|the|his|her|their|its"
)
SUBJECT_OF_ITS_OWN = re.compile(
    r"(?<!\bof )(?<!\bwith )(?<!\bfor )(?<!\bin )"
    rf"\b(?!(?:{_BEFORE_A_NOUN_PHRASE})\b)[a-z][\w'’-]*\s+(?:an?|the|his|her|their|its|my|our"
    r"|your|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b(?!-)",
    re.I,
)
PLURAL_VERB = re.compile(r"\s+(?:were|are|have)\b", re.I)
# A headline's phrase of place or case between its person and what befell them, told without
# "was" ("Suspect in Tamber Road killing arrested", "Man with knife arrested at school"): no person
# inside it ("Father of teen killed in crash": whose death is not told), nothing
# ``_told_of_one_head`` refuses
HEADLINE_PHRASE = re.compile(
    rf"[ \t]+(?:(?:{_CASE_PARTICIPLES})[ \t]+(?!of\b))?(?:{_PHRASE_PREPOSITIONS})"
    r"(?P<body>(?:[ \t]+[^\s,.;:!?\"“”()]+){1,5}?)"
    r"(?=[ \t]+(?:killed|injured|wounded|hurt|hospitali[sz]ed|arrested|dies)\b)",
    re.I,
)
# A headline's person told in custody or in a grave state, without "is" ("Man, 34, in custody
# after standoff", "Teen in critical condition after shooting", "Three in hospital after crash")
HEADLINE_STATE = re.compile(
    rf"[ \t]+(?:(?P<held>{IN_CUSTODY}|under[ \t]+arrest)"
    rf"|in[ \t]+{GRAVE_STATES}[ \t]+(?:but[ \t]+stable[ \t]+)?condition|{SHOT_IN_A_LIMB}"
    r"|in[ \t]+(?:the[ \t]+)?hospital|grazed[ \t]+by[ \t]+(?:a[ \t]+)?bullet)\b",
    re.I,
)
DIES_NEXT = re.compile(r"[ \t]+dies\b", re.I)
# A happening that harms, told in a headline's phrase before "dies" ("Woman in Vetter Street
# fire dies", "Driver in Tuesday crash dies"; not "Man in hospice dies")
HARMFUL_HAPPENINGS = word_set(
    "crash crashes collision wreck fire blaze explosion blast shooting stabbing attack accident"
    " fall drowning flood storm tornado avalanche landslide collapse fight assault robbery"
    " carjacking crossfire standoff rollover pileup"
)
# A person inside a headline's phrase as the object of a harm's noun ("Suspect in killing of
# teen arrested"): not the one the harm after the phrase befell
HARM_NOUN_OF = re.compile(
    r"\b(?:killing|killings|death|deaths|shooting|stabbing|murder|slaying|beating|assault"
    r"|kidnapping|abduction|disappearance|robbery|rape)[ \t]+of\b",
    re.I,
)


# --- a count of another incident, told to place the report's own in time or space

# Where what befell a counted person ends: the next clause of the sentence
CLAUSE_END = re.compile(r";|\.\s|,\s+(?:and|but|while)\b")
# The participles of a harm done to people at one moment ("was shot", "were wounded")
HARM_PARTICIPLES = word_set("shot stabbed killed wounded injured hurt slain")
# What a report calls an incident of violence or a crash that it places against another ("The
# shooting came ...", "the park shooting"); not a death ("Orr's death came a day after Karn
# was killed": the reports of the two deaths share Karn's), nor what follows its own harm (a
# standoff, an arrest, a fight)
INCIDENT_NOUNS = word_set(
    "shooting shootings stabbing stabbings killing killings homicide homicides slaying slayings"
    " drive-by crash crashes collision wreck fire fires blaze explosion"
)
_INCIDENT_NOUN = rf"(?:{'|'.join(sorted(INCIDENT_NOUNS, key=len, reverse=True))})"
# A stretch of time: "a little more than two hours", "less than 24 hours", "16 days",
# "about two and a half weeks", "days"
_A_SPAN_OF_TIME = (
    r"(?:(?:(?:a[ \t]+little[ \t]+|just[ \t]+|only[ \t]+|slightly[ \t]+)?(?:less|more|fewer)"
    r"[ \t]+than|about|nearly|almost|roughly|around|just|only|some|barely|exactly)[ \t]+)?"
    rf"(?:an?|a[ \t]+few|several|a[ \t]+couple[ \t]+of|\d+|{'|'.join(words.NUMBER_WORDS)})"
    r"[ \t]+(?:and[ \t]+a[ \t]+half[ \t]+)?(?:minute|hour|day|week|month|year)s?"
    r"|(?:just[ \t]+|only[ \t]+|mere[ \t]+)?(?:minutes|hours|days|weeks|months)"
)
# The report's incident placed after or before another: "The shooting came a little more
# than two hours after (a man was shot and killed ...)", "The fire comes less than two weeks
# after (a fire ... killed a 68-year-old man)"; not "The arrest came a week after (a man was
# killed)", which is the arrest's own incident
CAME_AFTER_ANOTHER = re.compile(
    rf"\b(?P<noun>{_INCIDENT_NOUN})[ \t]+(?:also[ \t]+)?(?:came|comes|happened|occurred"
    rf"|took[ \t]+place|follows|followed)[ \t]+(?P<span>{_A_SPAN_OF_TIME})"
    r"(?:[ \t]+to[ \t]+the[ \t]+day)?[ \t]+(?:after|before)\b",
    re.I,
)
# ... but a fire or a blast minutes or hours after a harm may be its own ("The fire came hours
# after a woman was found stabbed to death inside the home")
_MAY_FOLLOW_ITS_HARM = word_set("fire fires blaze explosion")
_MINUTES_OR_HOURS = re.compile(r"\b(?:minute|hour)s?\b", re.I)
# Another case the police work on: "Police are also investigating a second shooting, where (a
# woman was wounded)"
ALSO_INVESTIGATING = re.compile(r"\balso[ \t]+investigating\b", re.I)
# A clause of its own after such a cue ("The shooting happened two hours after the bars closed,
# and two men were wounded"); not a second span of time joined ("... after a teen was shot,
# and about two weeks after a drive-by wounded a man")
_ANOTHER_CLAUSE = re.compile(
    rf";|\.\s|,\s+(?:and|but|while)\b(?![ \t]+(?:{_A_SPAN_OF_TIME})[ \t]+(?:after|before)\b)"
    # ... or what the report's incident did, told after it ("..., with two men wounded",
    # "..., leaving two men wounded", "... and left three people wounded")
    r"|,\s+(?:with|leaving|killing|wounding|injuring)\b"
    r"|\band\s+(?:left|leaving)\b",  # not "after a deputy shot and killed a man"
    re.I,
)
# A sentence opened by its time from the report's incident, its subject right after:
# "About two hours before the park shooting, (a man was killed ...)", "Days after the park
# shooting, (a student was stabbed to death ...)"
OPENS_FROM_THE_INCIDENT = re.compile(
    rf"^\W*(?P<span>{_A_SPAN_OF_TIME})[ \t]+(?P<side>after|before)[ \t]+the[ \t]+"
    rf"(?:[\w'’-]+[ \t]+){{0,4}}?{_INCIDENT_NOUN}[ \t]*,[ \t]*\Z",
    re.I,
)
# ... whose people, after it, are told by "a" or a number and harmed then, days after it, not
# the report's own told again ("the two men who were killed had argued", "a man was
# pronounced dead")
_HARMED_THEN = re.compile(
    r"(?:(?!(?:who|that|which)\b)[\w'’,-]+[ \t]+){0,6}?(?:was|were)[ \t]+(?:[a-z]+ly[ \t]+)?"
    rf"(?:{'|'.join(sorted(HARM_PARTICIPLES))}|struck|beaten)\b",
    re.I,
)
_KNOWN_BEFORE = re.compile(rf"(?:{'|'.join(sorted(KNOWN_ONES))}|its)\b", re.I)
# A place told by its distance from where another harm was, the people counted right after
# "where": "two blocks from where (a man was killed 10 days earlier)", "one block east of
# where (a 19-year-old was killed ... on March 3)", "a few blocks from Quorrow Avenue, where
# (...)"
DISTANCE_FROM_WHERE = re.compile(
    r"\b(?:blocks?|miles?|feet|yards|steps|doors?|houses?)[ \t]+(?:away[ \t]+)?(?:from|of)[ \t]+"
    r"(?:[^,.;]{0,60},[ \t]+)?where\b"
    r"|\b(?:north|south|east|west)(?:east|west)?[ \t]+of[ \t]+where\b",
    re.I,
)
# ... which is another incident's when the sentence places the report's incident or a harm
# there ("The shooting happened a block from where ...", "A boy was shot Tuesday, two blocks
# from where ..."), and the harm after "where" is told as another or as past ("where another
# young man was killed", "... 10 days earlier", "... last weekend", "... on March 3"); not
# "Mourners gathered two blocks from where a man was killed last week" (a vigil's own)
_INCIDENT_PLACED = re.compile(
    rf"^\W*(?:[\w'’-]+[ \t]+){{0,4}}?{_INCIDENT_NOUN}[ \t]+(?:also[ \t]+)?(?:came|comes|happened"
    r"|occurred|took[ \t]+place|was|is)\b",
    re.I,
)
_A_HARM_TOLD = re.compile(
    r"(?<!\bwho )(?<!\bthat )\b(?:was|were|been)\s+(?:[a-z]+ly\s+)?"
    rf"(?:{'|'.join(sorted(HARM_PARTICIPLES))}|struck)\b|\b(?:crashed|died)\b",
    re.I,
)  # not in a relative clause ("a vigil for the teen who was killed, steps from where ...")
_MONTH_WRITTEN = "|".join((*dates.MONTH_NAMES, *(name[:3] + r"\." for name in dates.MONTH_NAMES)))
_TOLD_AS_PAST = re.compile(
    r"\b(?:ago|earlier|previously|the[ \t]+(?:week|weekend|month|day|night)[ \t]+before"
    r"|last[ \t]+(?:week|weekend|month|year|summer|winter|spring|fall|autumn|night|"
    rf"{'|'.join(dates.WEEKDAY_NAMES)})\b"
    rf"|(?:in|on)[ \t]+(?:Sept\.|{_MONTH_WRITTEN})(?!\w)"
    # a day of a month alone ("were shot in a parked car shortly before midnight March 8")
    rf"|(?<![\w.])(?:Sept\.|{_MONTH_WRITTEN})[ \t]+\d{{1,2}}(?:st|nd|rd|th)?\b)",
    re.I,
)


def told_of_another_incident(text: str, start: int, dying: bool = False) -> bool:
    """Whether the people counted at ``start`` of a sentence ``text`` were harmed in another
    incident than the report's own, told in the clause of a phrase that places the report's
    incident against it in time or space (``CAME_AFTER_ANOTHER``, ``ALSO_INVESTIGATING``,
    ``OPENS_FROM_THE_INCIDENT``, ``DISTANCE_FROM_WHERE``); ``dying``: the count's clause tells
    a death alone, which may come after the report's incident as its own end."""
    before = text[:start]
    for cue in CAME_AFTER_ANOTHER.finditer(before):
        if _ANOTHER_CLAUSE.search(text, cue.end(), start):
            continue
        if cue["noun"].lower() in _MAY_FOLLOW_ITS_HARM and _MINUTES_OR_HOURS.search(cue["span"]):
            continue
        return True
    # "also investigating ... where a woman was wounded"; not the report's own people told
    # again ("also investigating whether the two men killed knew each other")
    for cue in ALSO_INVESTIGATING.finditer(before):
        if not _ANOTHER_CLAUSE.search(text, cue.end(), start) and not _KNOWN_BEFORE.match(
            text, start
        ):
            return True
    return _opened_from_the_incident(text, start, dying) or _placed_from_where(text, start)


# A sentence opening with some of the people the sentence before told ("One of them, Tam
# Vell, 31, died six days later")
SOME_OF_THEM = re.compile(
    r"\W*(?:one|two|three|both|neither|each|all|none)[ \t]+of[ \t]+them\b", re.I
)
# People counted in the plural ("two men", "3 teenagers", "both women")
SEVERAL_PEOPLE = re.compile(
    rf"\b(?:\d{{1,3}}|{_NUMBER_WORD}|both)[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}?(?:{_PEOPLE_PLURAL})\b",
    re.I,
)


def continues_another_incident(sentence: str, previous: str) -> bool:
    """Whether ``sentence`` tells of some of the people ``previous``, the sentence before
    it, told harmed in another incident than the report's own ("The stabbing happened a
    block from where two men were shot March 8. One of them, Tam Vell, 31, died six days
    later."): :func:`told_of_another_incident` of people counted in the plural after
    "where" or after a cue whose clause runs to the end of ``previous``, none before it ("Two
    men were shot Friday, a block from where a woman was killed last week. One of them ...":
    the two men)."""
    if not SOME_OF_THEM.match(sentence):
        return False
    for where in DISTANCE_FROM_WHERE.finditer(previous):
        people = len(previous) - len(previous[where.end() :].lstrip())
        if _placed_from_where(previous, people):
            return _several_only_after(previous, people)
    cue = _last_cue(previous)
    if cue is None or not told_of_another_incident(previous, len(previous.rstrip())):
        return False
    return _several_only_after(previous, cue)


def _last_cue(text: str) -> int | None:
    """Where the last cue placing the report's incident against another ends in ``text``
    (``CAME_AFTER_ANOTHER``, ``ALSO_INVESTIGATING``), else None."""
    ends = [m.end() for cue in (CAME_AFTER_ANOTHER, ALSO_INVESTIGATING) for m in cue.finditer(text)]
    return max(ends, default=None)


def _several_only_after(text: str, at: int) -> bool:
    """Whether people counted in the plural are told after ``at`` and none before it."""
    return (
        SEVERAL_PEOPLE.search(text, at) is not None and SEVERAL_PEOPLE.search(text, 0, at) is None
    )


def _opened_from_the_incident(text: str, start: int, dying: bool) -> bool:
    opening = OPENS_FROM_THE_INCIDENT.match(text[:start])
    if opening is None or _KNOWN_BEFORE.match(text, start):
        return False
    if opening["side"].lower() == "before":
        return True
    # days after it, not minutes or hours: the incident's own chase, crash or shots by police
    # may follow it ("Minutes after the shooting, two officers were injured in a crash")
    if dying or _MINUTES_OR_HOURS.search(opening["span"]):
        return False
    return _HARMED_THEN.match(text, start) is not None


def _placed_from_where(text: str, start: int) -> bool:
    places = list(DISTANCE_FROM_WHERE.finditer(text, 0, start))
    if not places or text[places[-1].end() : start].strip():
        return False  # no "where" right before the people counted
    where = places[-1]
    placed = _INCIDENT_PLACED.match(text) or _A_HARM_TOLD.search(text, 0, where.start())
    if placed is None:
        return False
    clause_end = CLAUSE_END.search(text, start)
    harm = text[start : clause_end.start() if clause_end else len(text)]
    return harm.lower().startswith("another") or _TOLD_AS_PAST.search(harm) is not None


def _the_heads_phrase(text: str, start: int, end: int, phrase: re.Match[str]) -> bool:
    """Whether what follows a phrase (``OF_PHRASE``) after the people at ``text[start:end]``
    is theirs: nothing ``_told_of_one_head`` refuses, no line between (a headline's last
    words), no clause with a subject of its own, the people no doer's object ("a man who
    stabbed a woman outside the bar was arrested": not the woman), and a verb that agrees
    with them ("a man in the car with two children were hurt": the children's)."""
    if not _told_of_one_head(phrase.group("body")) or LINE_BREAK.search(phrase.group()):
        return False
    if SUBJECT_OF_ITS_OWN.search(phrase.group("body")) or object_of_a_doing(text, start):
        return False
    return _plural(words.last_word(text[start:end])) or not PLURAL_VERB.match(text, phrase.end())


# A clause of a harm's participle between people and what befell them later ("a man shot
# Tuesday night on Pelton Street has died", "two people injured in the crash remain in the
# hospital", "the man fatally shot Monday was <a name>", "the man killed in the crash has been
# identified"): up to the first verb of being,
# having or dying, no comma or stop between. Not a verb taking an object ("a man shot his
# wife and was arrested": ``OBJECT_AFTER``; "shot at police"), nor one with a clause of its
# own (``CLAUSE_OF_ITS_OWN``), a second verb joined ("and") or a clause of time or cause
# ("until a deputy was wounded").
# One word of a participle's clause: no comma, stop, quote or bracket in it
_CLAUSE_WORD = r"(?:\s+[^\s,.;:!?\"“”()]+)"
PARTICIPLE_CLAUSE = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:shot|wounded|injured|hurt|stabbed|struck|hit|burned|burnt|beaten|attacked"
    rf"|hospitali[sz]ed|killed)(?P<body>{_CLAUSE_WORD}{{1,14}}?)"
    r"(?=\s+(?:has|have|had|was|were|is|are|died|later|remains?|remained)\b)",
    re.I,
)
JOINING_WORDS = re.compile(
    r"(?<![\w-])(?:and|or|but|after|before|until|while|because|since|as|when|where|if)(?![\w-])",
    re.I,
)  # not inside a hyphened word ("hit-and-run")
# "a man shot at police", "a gunman shot from the roof": a doer's verb without an object
NO_PASSIVE_AFTER = re.compile(r"\s+(?:at|from|into|back|through|toward|towards)\b", re.I)
# The verbs after a participle clause that tell of a happening, not a rule ("a worker injured
# on the job is entitled to ..."): with no harm after them, the participle's is told
HAPPENING_AFTER = re.compile(r"\s+(?:remains?|remained|was|were|has|have|had)\b", re.I)


# A clause of a present participle between people and what befell them ("a man waiting for
# an early bus was shot and killed", "a woman walking her dog was struck", "two officers
# responding to the call were hurt", "a trainee riding with him suffered a broken
# collarbone", "a man riding a motorcycle died"): up to the first verb of being or having, of
# a death, or of a state or wounds suffered, no comma or stop between, nothing
# ``_told_of_one_head`` refuses; the harm after it must be told with that verb. Not a noun
# ending in "-ing" ("a man this morning", "the building"), nor a preposition ("during",
# "including").
ING_CLAUSE = re.compile(
    r"\s+(?!(?:during|including|regarding|concerning|following|according|morning|evening"
    r"|building|nothing|something|anything|everything|thing|king|ring|spring|sibling|ceiling"
    r"|wedding|string|wing|bring|sing|swing|sting)\b)(?P<verb>[a-z]{2,}ing)"
    rf"(?P<body>{_CLAUSE_WORD}{{0,10}}?)"
    r"(?=\s+(?:was|were|is|are|has|have|had|died|suffered|sustained|received|remains?|remained)"
    r"\b)",
    re.I,
)


def _after_ing_clause(text: str, end: int) -> int | None:
    """Where a present participle's clause right after ``end`` ends (``ING_CLAUSE``)."""
    clause = ING_CLAUSE.match(text, end)
    if clause is None or not _told_of_one_head(clause.group("body")):
        return None
    return clause.end()


def _told_with_its_verb(harm: re.Match[str]) -> bool:
    """Whether a harm is told with a verb of being ("was shot"), is a death ("has died") or
    a state or care told by a verb of its own ("suffered a broken wrist", "remains
    hospitalized"): not a bare participle, which after a clause may be the clause's own ("a
    man carrying wounded ...")."""
    if TOLD_BEEN.search(harm.group()) or _a_death(harm):
        return True
    return bool(harm.group("hurt_state")) and STATE_VERB_FIRST.match(harm.group()) is not None


# A state or wounds told by a verb of their own ("suffered a broken wrist", "remains
# hospitalized"), not a bare participle ("found ..., suffering from gunshot wounds": the state
# they were found in)
STATE_VERB_FIRST = re.compile(
    r"\s*(?:(?:has|have|had)\s+)?(?:suffered|sustained|received|remains?|remained)\b", re.I
)


def _after_participle_clause(text: str, end: int) -> int | None:
    """Where a harm's participle clause right after ``end`` ends (``PARTICIPLE_CLAUSE``)."""
    clause = PARTICIPLE_CLAUSE.match(text, end)
    if clause is None:
        return None
    if OBJECT_AFTER.match(text, clause.start("body")) or NO_PASSIVE_AFTER.match(
        text, clause.start("body")
    ):
        return None
    return clause.end() if _told_of_one_head(clause.group("body")) else None


def _told_of_one_head(body: str) -> bool:
    """Whether the words of a clause or phrase between people and a verb leave that verb
    theirs: no clause of its own (``CLAUSE_OF_ITS_OWN``), no second verb or head joined, no
    clause of time or cause (``JOINING_WORDS``)."""
    return not (CLAUSE_OF_ITS_OWN.search(body) or JOINING_WORDS.search(body))


# A death of illness or age, told right after "died" ("died Sunday of cancer", "has died at
# 92 after a long illness", "had died of natural causes", "of COVID-19"): no harm (an
# overdose or complications of one's injuries are left counted: a report's toll may be of them)
NATURAL_DEATH_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:(?:of|from)\s+(?:natural\s+causes|cancer|leukemia|pneumonia"
    r"|influenza|(?:the\s+)?flu|covid(?:-19)?|(?:an?\s+)?(?:long\s+|brief\s+|short\s+)?illness"
    r"|(?:a\s+)?heart\s+attacks?|(?:a\s+)?strokes?|old\s+age|dementia|alzheimer['’]?s)\b"
    r"|after\s+a\s+(?:long|brief|short)\s+illness)"
    # an age told right after the death, a day or a manner between ("died Friday at the age
    # of 94", "died peacefully at home at 88"); an age of 60 or more: "died at 19" is no sign
    # of a death of age, nor one after a cause ("died in the crash at age 19")
    r"|(?:\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|overnight"
    r"|peacefully|at\s+home|in\s+(?:his|her|their)\s+sleep)){0,2}\s+(?:at|aged)\s+"
    r"(?:(?:the\s+)?age\s+(?:of\s+)?)?(?:[6-9]\d|1[01]\d)(?![\d:]|\.\d)(?!\s*[ap]\.?m\b)",
    re.I,
)


# What hurts people in their living, not their bodies, told right after "hurt" ("hurt by the
# pay cut", "hurt by higher interest rates", "hurt financially")
HURT_IN_THEIR_LIVING_AFTER = re.compile(
    r"\s+(?:(?:financially|economically|politically)\b|by\s+(?:the\s+|a\s+|an\s+|its\s+"
    r"|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:cuts?|declines?|downturns?|recessions?|slumps?"
    r"|slowdowns?|tariffs?|inflation|prices|rates|costs|polic(?:y|ies)|decisions?|rulings?"
    r"|layoffs|closures?|shutdowns?|losses|competition|sales|demand|sanctions|tax(?:es)?"
    r"|droughts?|shortages?|delays?|comments|remarks|criticism|scams?|fraud|caps?)\b)"
    # ... and no hurt to the body told after it ("hurt financially and physically in the
    # attack", "hurt by the layoffs and by a fall on the ice")
    r"(?![^.;:!?\n]*\b(?:physically|and\s+(?:by|in|from|when|after|during))\b)",
    re.I,
)


# Words of illness near a grave state that tell it is an illness's ("in critical condition
# with COVID-19", "after contracting Legionnaires' disease", "the patient, who has cancer")
ILL_WORDS = ILLNESSES | word_set("diseases illnesses respiratory contracted contracting sick")
ILL_REACH = 80  # characters either side of the state searched for an illness


def ill_not_hurt(text: str, harm: re.Match[str]) -> bool:
    """Whether a grave state or care (``CASUALTY_AFTER``'s "hurt_state") is told of an illness
    in its sentence (``ILL_WORDS``): no harm befell them."""
    return bool(harm.group("hurt_state")) and ill_near(text, harm.start(), harm.end())


def _some_died_later(text: str, harm: re.Match[str]) -> bool:
    """Whether a hurt told by care or wounds (``CASUALTY_AFTER``'s "hurt_state") is followed in
    its sentence by the death of some of them (``DEATH_LATER``), not all told at once
    (``DIED_AFTER_HURT``): whose hurt is whose death is not told apart."""
    if not harm.group("hurt_state") or DIED_AFTER_HURT.match(text, harm.end()):
        return False
    return DEATH_LATER.match(text, harm.end()) is not None


def ill_near(text: str, start: int, end: int) -> bool:
    """Whether a word of illness (``ILL_WORDS``) is told near ``text[start:end]``, in its
    sentence."""
    first, last = _sentence_around(text, start)
    near = text[max(first, start - ILL_REACH) : min(last, end + ILL_REACH)]
    return any(word.lower() in ILL_WORDS for word in re.findall(r"[\w'’-]+", near))


def hurt_in_their_living(text: str, harm: re.Match[str]) -> bool:
    """Whether a harm (``CASUALTY_AFTER``) told as "hurt" is to people's living, not their
    bodies (``HURT_IN_THEIR_LIVING_AFTER``)."""
    word = (harm.group("word") or "").lower()
    return word == "hurt" and HURT_IN_THEIR_LIVING_AFTER.match(text, harm.end()) is not None


def _a_death(harm: re.Match[str]) -> bool:
    """Whether a harm (``CASUALTY_AFTER``) is told as a death ("died", "has perished",
    "drowned")."""
    return (harm.group("word") or "").lower() in _DEATH_VERBS


def died_of_illness_or_age(text: str, harm: re.Match[str]) -> bool:
    """Whether a harm (``CASUALTY_AFTER``) is a death of illness or age told right after it
    (``NATURAL_DEATH_AFTER``): no harm befell the dead."""
    return _a_death(harm) and bool(NATURAL_DEATH_AFTER.match(text, harm.end()))


# A move the people made before what befell them, joined by "and" ("the man inside walked out
# and surrendered to deputies", "came out the front door at about 7:10 and was taken into
# custody", "fled on foot and was arrested a block away"): the harm after "and" is theirs, told
# with its verb or as one held (a bare "surrendered" is none: "Soldier surrenders after two
# decades"). Moves only: "a man shot a woman and was arrested" is left to the doer's rules.
MOVED_THEN = re.compile(
    r"(?:\s+(?:inside|outside|there))?"  # "the man inside walked out"
    r"\s+(?:walked|came|ran|stepped|exited|fled|emerged|crawled|climbed|drove|rode)\b"
    r"(?:[^,.;:!?\n]|(?<=\d)[:.](?=\d)){0,50}?\s+and(?=\s)",  # a clock's "7:10" inside
    re.IGNORECASE,
)


def _suffered(text: str, end: int, reduced: bool = True) -> re.Match[str] | None:
    """A harm told right after ``end`` that befell the people before it, or right after a
    relative clause there ("a man who lived with her was taken into custody") or a harm's
    participle clause ("a man shot Tuesday has died"; with no harm after it, the
    participle's own: "a man wounded Friday remains in critical condition"); ``reduced``:
    also one told without "was" or "were" that takes no object (a headline's "Two killed
    in")."""
    clause_end = _after_participle_clause(text, end)
    if clause_end is not None:
        later = _suffered(text, clause_end, reduced=False)
        if later is not None or not HAPPENING_AFTER.match(text, clause_end):
            return later
        return CASUALTY_AFTER.match(text, end)
    after = CASUALTY_AFTER.match(text, end)
    if after is None and (ing_end := _after_ing_clause(text, end)) is not None:
        later = _suffered(text, ing_end, reduced=False)
        return later if later is not None and _told_with_its_verb(later) else None
    if after is None and (moved := MOVED_THEN.match(text, end)) is not None:
        later = _suffered(text, moved.end(), reduced=False)
        if later is not None and (_told_with_its_verb(later) or later.group("held")):
            return later  # "walked out and surrendered to deputies", "... and was arrested"
    if after is None:
        clause = RELATIVE_CLAUSE.match(text, end)
        if clause is not None and not CLAUSE_OF_ITS_OWN.search(clause.group("body")):
            later = _suffered(text, clause.end(), reduced=False)
            if later is not None:
                return later
        after = _harm_after_who(text, end)  # "a man who drowned Saturday was identified"
    if after is not None and died_of_illness_or_age(text, after):
        return None  # "the woman died Sunday of cancer": no harm befell her
    if after is not None and (hurt_in_their_living(text, after) or ill_not_hurt(text, after)):
        return None  # "three workers were hurt by the pay cut", "in critical condition with flu"
    if after is not None and _some_died_later(text, after):
        return None  # "two men were shot in the leg and one of them later died"
    if (
        after is not None
        and after.group("hurt_and")
        and (after.group("word") or "").lower() == "killed"
        and DOER_OBJECT_AFTER.match(text, after.end())
    ):
        return None  # "a man was stabbed twice and killed his attacker": his doing
    if after is None or TOLD_BEEN.search(after.group()) or after.group("held"):
        return after
    if after.group("hurt_state") or after.group("fatal_wounds") or after.group("life_lost"):
        # "the victim remains in critical condition", "suffered fatal injuries", "succumbed to
        # his injuries": what befell them, told by a verb they are the subject of
        return after
    if _a_death(after):
        return after
    if PASSIVE_BY.match(text, after.end()):
        return after  # "a girl killed by a stray bullet"
    if reduced and not after.group("fatal") and not _an_object_after(text, after.end()):
        return after
    return None


def _an_object_after(text: str, end: int) -> bool:
    """Whether a harm's verb ending at ``end`` has an object: those counted before it did
    it ("Two men killed a guard", "two officers shot and killed Tam Vell"); a name only after
    a verb in lower case (a headline in title case capitalises all: "Two Shot And Killed Near
    Park")."""
    if OBJECT_AFTER.match(text, end):
        return True
    verb = LAST_WORD_BEFORE.search(text, max(0, end - 30), end)
    if verb is None or verb.group()[0].isupper():
        return False
    name = NAMED_OBJECT_AFTER.match(text, end)  # a name whole: the clause goes on after it
    return name is not None and OBJECT_END.match(text, name.end()) is not None


# A relative clause telling what befell the people before it ("a man who drowned Saturday",
# "the family of a woman who was killed in the crash"), not what they did ("a man who killed
# his wife": no "was", no death)
WHO_AFTER = re.compile(r"\s+who\s", re.I)


def harm_told_after_who(text: str, end: int, counted: str) -> str | None:
    """ "kill", "injure" or "arrest": what a relative clause right after the people counted
    at ``text[...:end]`` and their noun ``counted`` tells befell them ("the family of a man
    who drowned", "relatives of three miners who were killed"), else None."""
    noun = _counted_noun_after(text, end, counted)
    harm = _harm_after_who(text, noun.end()) if noun is not None else None
    if harm is None or died_of_illness_or_age(text, harm):
        return None
    return harm_of(harm)


def _harm_after_who(text: str, end: int) -> re.Match[str] | None:
    """The harm a relative clause right after ``end`` tells befell the people before it."""
    who = WHO_AFTER.match(text, end)
    harm = CASUALTY_AFTER.match(text, who.end() - 1) if who is not None else None
    return harm if harm is not None and _befell_them(harm) else None


# A tally of the harmed over a span, not one happening's count: a harm told in a perfect
# tense ("have drowned", "have been killed") and a span after it in the same clause ("this
# year", "in the past two weeks", "in less than three weeks", "since March", "since 2019");
# not "since the crash" (the happening's own aftermath), nor "so far" alone (a toll rising),
# nor "earlier this month" (when a happening was)
PERFECT_HARM = re.compile(
    r"\b(?:have|has)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:killed|died|drowned|perished"
    r"|injured|wounded|hurt|shot|slain|arrested)\b",
    re.I,
)
TALLY_SPAN = re.compile(
    r"\b(?<!earlier\s)(?<!later\s)this\s+(?:year|month|summer|spring|season|fall|autumn|winter"
    r"|decade)\b"
    r"|\b(?:in|over|during)\s+(?:the\s+)?(?:past|last|less\s+than|more\s+than|just\s+over"
    r"|under|nearly|almost)\s+(?:[\w-]+\s+){0,2}?(?:days|weeks|months|years|decades?)\b"
    rf"|\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:{MONTHS}|\d{{4}})\b",
    re.I,
)
CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")
# ... or a doing in a perfect tense right before the count ("police have arrested 12 people
# since March", "have killed more than 40 this year")
PERFECT_HARM_BEFORE = re.compile(
    r"\b(?:have|has)\s+(?:now\s+|already\s+)?(?:killed|arrested|injured|wounded|shot)\s+"
    rf"(?:(?:{COUNT_HEDGES})\s+)?$",
    re.I,
)


def tally_span(text: str, start: int, end: int) -> str | None:
    """The span the count at ``text[start:end]`` is a tally over ("this year", "in less than
    three weeks", ``TALLY_SPAN``), told after it in its clause with a harm in a perfect tense
    ("two people have drowned at the beach in less than three weeks", "police have arrested
    12 people since March"); None for one happening's count."""
    ahead = text[end : end + 200]
    clause = ahead[: found.start()] if (found := CLAUSE_END.search(ahead)) else ahead
    harm = PERFECT_HARM.search(clause)
    if harm is None and PERFECT_HARM_BEFORE.search(text, max(0, start - 60), start) is None:
        return None
    span = TALLY_SPAN.search(clause, harm.end() if harm is not None else 0)
    return " ".join(span.group().split()) if span is not None else None


def _befell_them(harm: re.Match[str]) -> bool:
    """Whether a harm (``CASUALTY_AFTER``) told right after "who" befell them: told with
    "was" or "were", as a death, an arrest or a state of the hurt."""
    return bool(
        TOLD_BEEN.search(harm.group())
        or harm.group("held")
        or harm.group("hurt_state")
        or harm.group("fatal")
        or _a_death(harm)
    )


def _object_of_a_preposition(text: str, start: int, end: int, harm: re.Match[str]) -> bool:
    """Whether the person at ``text[start:end]`` is a preposition's object
    (``OBJECT_OF_A_PREPOSITION``) with a verb right after them that is not theirs ("a fight
    with a neighbor was arrested"); a participle is ("the mother of a girl killed by a stray
    bullet")."""
    if harm.start() != end or not OBJECT_OF_A_PREPOSITION.search(text, max(0, start - 12), start):
        return False
    return bool(TOLD_BEEN.search(harm.group()) or harm.group("held") or _a_death(harm))


def harm_verb_before(text: str, start: int) -> str | None:
    """The harm ("kill", "injure", "arrest") of a verb right before a count at ``start``
    ("..., killing 12", "injured more than 40", "Fire kills two"), else None."""
    before = CASUALTY_BEFORE.search(text, max(0, start - 24), max(0, start))
    if before is not None:
        return CASUALTY_WORDS[before.group("word").lower()]
    present = PRESENT_HARM_BEFORE.search(text, max(0, start - 60), max(0, start))
    if present is None:
        return None
    word, doer = present.group("word").lower(), present.group("doer").lower()
    if doer in ILLNESSES:
        return None  # "Flu kills three"
    if RATE_AFTER.match(text, start):
        return None  # "Police arrest about 40 people each weekend": a rate
    if word.startswith("arrest") and doer not in ARRESTERS:
        return None  # "the arrest two days later": a noun; "Police arrest three": the verb
    return CASUALTY_WORDS[word]


def told_as_a_rule(text: str, start: int, harm: re.Match[str]) -> bool:
    """Whether the harm (``CASUALTY_AFTER``) told of the people at ``start`` is told as what
    happens as a rule: in the present after "when" (``RULE_WHEN_BEFORE``), or at a rate
    (``RATE_AFTER``); no happening is told, so no one is counted."""
    if RATE_AFTER.match(text, harm.end()):
        return True
    present = PRESENT_BEEN.search(harm.group()) is not None
    return present and RULE_WHEN_BEFORE.search(text, max(0, start - 40), start) is not None


def told_one_by_one(quantity: Quantity) -> bool:
    """A count of one told by "a", "an", "his", "her", "their", "the" ("a man was killed", "his
    cousin was wounded") or by a name ("Tam Vell was arrested"): one of the harmed the report
    may tell one by one, so no total."""
    return (
        quantity.evidence.text.lower() in ONE_WORDS
        or tells_one_more(quantity.evidence.text)
        or told_by_name(quantity)
        or told_bare(quantity.evidence.text, quantity.unit)
    )


def _with_elided_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """The figures with the nouns their writer left out; a bare number word that counts
    nothing the figure before it counts is dropped, as any bare number word is."""
    kept: list[Quantity] = []
    for quantity in found:
        before = kept[-1] if kept else None
        elided = quantity.unit == ELIDED
        if elided:
            quantity = replace(quantity, unit="")
        if before is not None and _counts_the_same(text, before, quantity):
            quantity = replace(quantity, unit=before.unit)
        elif elided:
            continue  # "one says": counts nothing
        kept.append(quantity)
    return kept


def _counts_the_same(text: str, before: Quantity, quantity: Quantity) -> bool:
    """Whether a number without a noun counts what the figure right before it counts."""
    return (
        not quantity.unit
        and quantity.value != 1  # "one" stands for a thing ("one in the right"), no count
        and before.unit.islower()  # a common noun: not "versions 8 and Windows 7"
        and before.unit != AGE_UNIT
        and not told_one_by_one(before)  # "a man, 38,", "Man, 38,": his age
        and unit_kind(before.unit) in ELIDED_KINDS
        and not YEAR_RE.match(quantity.evidence.text)
        and bool(ELIDED_BETWEEN.fullmatch(text, before.evidence.end, quantity.evidence.start))
        and not ELIDED_AGE.search(text, before.evidence.end, quantity.evidence.start)
        and bool(ELIDED_AFTER.match(text, quantity.evidence.end))
    )


def _without_conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """The figures without the conversions written in brackets after them ("about 58 km (36
    miles)", "85 million euros ($108 million)"): the same length or sum again, rounded or at
    the writer's rate of exchange, whose hedge the writer leaves with the first."""
    kept: list[Quantity] = []
    for quantity in found:
        before = kept[-1] if kept else None
        if before is not None and _converted(text, before, quantity):
            continue
        kept.append(quantity)
    return kept


def _converted(text: str, before: Quantity, quantity: Quantity) -> bool:
    """``quantity`` is ``before`` in another unit, written in brackets right after it: a
    length or an area in another unit, or a sum in another currency bracketed alone."""
    if not CONVERSION_BETWEEN.fullmatch(text, before.evidence.end, quantity.evidence.start):
        return False
    kinds = (unit_kind(before.unit), unit_kind(quantity.unit))
    if kinds[0] == kinds[1] and kinds[0] in ("length", "area"):
        return quantity.unit.lower() != before.unit.lower()
    if not (kinds[0].startswith("money:") and kinds[1].startswith("money:")):
        return False
    # "$US1 million ($1.52 million)": a dollar named by its country, then the writer's own
    currencies = (kinds[0], _dollar_country(before)), (kinds[1], _dollar_country(quantity))
    # "($2 million more than last year)" is no conversion: the bracket closes after the sum
    return (
        currencies[0] != currencies[1]
        and BRACKET_CLOSES.match(text, quantity.evidence.end) is not None
    )


def _dollar_country(quantity: Quantity) -> str:
    """The letters a dollar sum's sign is written with ("US" of "US$2m" and "$US2m"), "" for
    a bare sign or another currency."""
    mark = DOLLAR_MARK.search(quantity.evidence.text)
    return (mark.group("before") or mark.group("after") or "") if mark else ""


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when both figures can hold at once given their hedges.

    Only the kind of unit is checked (percent, money per currency, duration, count):
    "3,000 workers" and "3,000-strong workforce" may be the same count; deciding that
    two figures are about the same thing is the comparison step's job.
    """
    if unit_kind(a.unit) != unit_kind(b.unit):
        return False
    (a_low, a_high), (b_low, b_high) = in_base_unit(a), in_base_unit(b)
    if _length_factor(a) != _length_factor(b):
        # "48 km (30 miles)": a converted figure is rounded, so allow for it
        a_low, a_high = a_low * (1 - CONVERSION_SLACK), a_high * (1 + CONVERSION_SLACK)
    if a_low < a_high and b_low < b_high and not (a.hedge or b.hedge):
        # Two rounded figures must share more than an end: "$2.4 billion" (2.35-2.45) and
        # "$2.5 billion" (2.45-2.55) stand for what rounds to them, and 2.45 rounds to one
        # only. Hedges keep their closed ends (see HEDGE_INTERVALS).
        return a_low < b_high and b_low < a_high
    return a_low <= b_high and b_low <= a_high


def _length_factor(quantity: Quantity) -> float:
    """Metres per unit for a length, square metres per unit for an area, kilometres an
    hour per unit for a speed, else 1."""
    lowered = quantity.unit.lower()
    if lowered.startswith(AREA_PREFIX):
        return LENGTH_IN_METRES.get(lowered.removeprefix(AREA_PREFIX), 1.0) ** 2
    if lowered in AREA_IN_SQUARE_METRES:
        return AREA_IN_SQUARE_METRES[lowered]
    if lowered in SPEED_IN_KMH:
        return SPEED_IN_KMH[lowered]
    return LENGTH_IN_METRES.get(lowered, 1.0)


def in_base_unit(quantity: Quantity) -> Interval:
    """The (low, high) interval in the kind's base unit (lengths in metres, areas in
    square metres)."""
    factor = _length_factor(quantity)
    return quantity.low * factor, quantity.high * factor


def unit_kind(unit: str) -> str:
    """A coarse kind for a unit: percent, points, money:<currency>, duration, count."""
    lowered = unit.lower()
    if lowered in UNIT_KINDS:
        return UNIT_KINDS[lowered]
    if lowered in MONEY_WORDS or lowered in CURRENCY_UNITS.values():
        return "money:" + lowered.removesuffix("s")
    if lowered in TIME_UNITS:
        return "duration"
    if lowered in LENGTH_IN_METRES:
        return "length"
    if lowered.startswith(AREA_PREFIX) and lowered.removeprefix(AREA_PREFIX) in LENGTH_IN_METRES:
        return "area"
    if lowered in AREA_IN_SQUARE_METRES:
        return "area"
    return "count"


def hedged_interval(hedge: str | None, low: float, high: float) -> Interval:
    """The interval a hedge allows around the written bounds (equal for a single number)."""
    kind = HEDGE_KIND.get(hedge or "")
    if kind is None:
        return low, high
    rule = HEDGE_INTERVALS[kind]
    return rule(low)[0], rule(high)[1]


def _scan(
    text: str, article_id: str, blocked: list[Span], tokens: _Tokens | None
) -> Iterator[Quantity]:
    """Try the full pattern only where a figure can start, left to right; a rejected match
    lets the next anchor try, so "3,000 workers and 300 trucks" or a year skipped does not
    hide the next figure."""
    position = 0
    for anchor in ANCHOR_RE.finditer(lower_same_length(text)):
        if anchor.start() < position:
            continue
        match = _match_at(text, anchor.start())
        if match is None:
            continue
        if _tally(match) or _outcome_tally(match) or (_margin(match) and _of_a_vote(match)):
            yield from _tally_counts(match, article_id, blocked)
            position = match.end()
            continue
        if _margin(match):
            position = match.end()  # a game's margin: both counts left, as a score's are
            continue
        quantity = _quantity_from(match, text, article_id, blocked, tokens)
        if quantity is not None:
            yield quantity
            position = quantity.evidence.end


def _match_at(text: str, anchor: int) -> re.Match[str] | None:
    """The figure whose number (or currency sign) starts at ``anchor``, hedge included."""
    sign = _sign_start(text, anchor)
    start = _prefix_start(text, sign)
    for pattern in (QUANTITY_RE, HEDGED_ONE_RE):
        for begin in dict.fromkeys((start, sign, anchor)):
            match = pattern.match(text, begin)
            if match is not None and match.start("n1") >= anchor and _anchored(match, anchor):
                return match
    return None


def _sign_start(text: str, anchor: int) -> int:
    """Where a dollar sign at ``anchor`` begins with its country's letters ("A$", "US$")."""
    if not text.startswith("$", anchor):
        return anchor
    letters = DOLLAR_LETTERS_BEFORE.search(text, max(0, anchor - 2), anchor)
    return letters.start() if letters else anchor


def _prefix_start(text: str, anchor: int) -> int:
    """Where a hedge ("more than", "some", "between") before the number begins."""
    found = TAIL_TOKEN_RE.finditer(text, max(0, anchor - WINDOW), anchor)
    tokens = [token for token in found if token.end() < anchor][-4:]
    for size in range(len(tokens), 0, -1):
        phrase = " ".join(token.group(0).lower() for token in tokens[-size:])
        if phrase in PREFIX_PHRASES:
            return tokens[-size].start()
    return anchor


def _anchored(match: re.Match[str], anchor: int) -> bool:
    cur = match.groupdict().get("cur")
    if cur and match.start("cur") <= anchor < match.end("cur"):
        return True  # the sign of "US$2 million" or "$US2 million"
    return match.start("n1") == anchor


def _blocked_spans(text: str) -> list[Span]:
    """Dates, times, phone numbers... found only in windows around digits (cheap)."""
    spans: list[Span] = []
    for start, end in _digit_windows(text):
        for pattern in BLOCKED_RES:
            spans.extend(
                m.span() for m in pattern.finditer(text, start, end) if m.end() > m.start()
            )
    return spans


def _digit_windows(text: str) -> list[Span]:
    windows: list[Span] = []
    for run in DIGIT_RUN_RE.finditer(text):
        start, end = max(0, run.start() - WINDOW), min(len(text), run.end() + WINDOW)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _is_blocked(start: int, end: int, blocked: list[Span]) -> bool:
    return any(b_start < end and start < b_end for b_start, b_end in blocked)


def _group(match: re.Match[str], name: str) -> str:
    return match.groupdict().get(name) or ""


def _quantity_from(
    match: re.Match[str],
    text: str,
    article_id: str,
    blocked: list[Span],
    tokens: _Tokens | None,
) -> Quantity | None:
    n1_start, n1_end = match.span("n1")
    if _storm_category(text, match):
        value = float(match.group("n1"))
        start = text.rindex("Category", 0, n1_start)  # shown as written: "Category 3"
        evidence = Evidence(article_id, start, n1_end, text[start:n1_end])
        return Quantity(evidence, value, STORM_CATEGORY, None, value, value)
    if _is_blocked(n1_start, n1_end, blocked) or _names_something(text, match, n1_start):
        return None
    if _part_of_a_name(text, match) or _inside_address(text, n1_start, n1_end):
        return None
    if not _group(match, "cur") and STREET_NUMBER.match(text, match.end("n1")):
        return None  # "the 1400 block of Dunmore Avenue", "25 Elm Street": a place, not a count
    if not _group(match, "cur") and (
        FRACTION_AFTER.match(text, match.end("n1"))
        or FRACTION_BEFORE.search(text, max(0, n1_start - 20), n1_start)
    ):
        return None  # "two-thirds of trains", "nine in ten schools": a share, not a count
    cur = _group(match, "cur").replace(" ", "").lower()
    metres = _metres_not_millions(text, match, cur)
    first = _parse_number(match.group("n1")[:-1] if metres else match.group("n1"))
    if first is None:
        return None
    second = _range_end(match, first, blocked)
    if second is None and _score_like(match, first):
        return None
    hedge = _hedge_of(match, first, second)
    pct = _group(match, "pct").strip().lower() if second or not _group(match, "n2") else ""
    if _looks_like_year(first, second, hedge, cur + pct, text, match):
        return None
    start, end = _span_of(match, second)
    glued = GLUED_UNIT.search(match.group("n1"))
    unit: str | None
    speed = _speed_unit(text, end, glued)
    if speed:
        unit = speed
    elif MAGNITUDE_BEFORE.search(text[max(0, n1_start - 16) : n1_start]) or (
        MAGNITUDE_AFTER.match(text, end)
    ):
        unit = MAGNITUDE_UNIT  # "a magnitude 6.4 earthquake", "the 6.2-magnitude quake"
    elif metres:
        unit = "metres"
    elif glued:
        unit = glued.group(1)
    else:
        unit = _unit_for(text, end, first, cur, pct, tokens, n1_start)
    if unit is None:
        return None
    written = "" if unit == ELIDED else unit  # the checks of a number counting nothing
    if _inside_a_name(text, n1_start, written):
        return None
    if not cur and not pct and _after_a_name_word(text, n1_start, written):
        return None
    if not cur and not pct and THRESHOLD_AFTER.match(text, end):
        return None  # "below the 5000 mark": a round line passed, no figure of the event
    if written.lower() in TIME_UNITS and _an_offset_in_time(text, end, written):
        return None
    if not cur and not pct and _names_with_a_number(text, match.end("n1"), first, written):
        return None
    return _build(article_id, text, (start, end), first, second, hedge, unit)


def _storm_category(text: str, match: re.Match[str]) -> bool:
    """ "a Category 3 storm": a storm's category, 1 to 5, in a sentence of a storm."""
    start = match.start("n1")
    if not CATEGORY_BEFORE.search(text[max(0, start - 12) : start]) or _group(match, "n2"):
        return False
    if match.group("n1") not in ("1", "2", "3", "4", "5"):
        return False
    category = text.rindex("Category", 0, start)
    # "a Category 3 storm", "made landfall as a Category 3": not "Category 1 evacuation zones"
    told_of_a_storm = CATEGORY_AFTER.match(text, match.end("n1")) or CATEGORY_AS.search(
        text[max(0, category - 24) : category]
    )
    sentence_start, sentence_end = _sentence_around(text, start)
    return bool(told_of_a_storm and STORM_WORDS.search(text, sentence_start, sentence_end))


def _inside_a_name(text: str, start: int, unit: str) -> bool:
    """ "Workers Local 88 said", "WKSF Channel 6 News": a number after two capitalised words
    that counts nothing, or only another capitalised word, is part of a name."""
    if unit and not unit[:1].isupper():
        return False
    found = NAME_BEFORE.search(text, max(0, start - 60), start)
    return found is not None and found.group("last").lower() not in CALENDAR_WORDS


# A round level named as a line crossed: "the 5000 mark", "the 10,000-point barrier".
THRESHOLD_AFTER = re.compile(
    r"\s*-?\s*(?:points?\s*-?\s*level|(?:points?\s*-?\s*)?(?:mark|barrier|threshold))\b(?!-)",
    re.IGNORECASE,
)
# One word of a name right before a number, mid-sentence: written in capitals ("VSX",
# "K&B"), with a capital inside ("eCart"), or capitalised ("Harbour", "Lund's"); "Group of
# 12" puts "of" between them.
NAME_WORD_BEFORE = re.compile(
    r"(?<=[a-z,;:)&] )(?P<word>[A-Z][A-Z&]+|[a-z]+[A-Z][\w]*|[A-Z][a-z]+)(?:(?P<own>['’]s)| of)? $"
)

DIGITS_ALONE = re.compile(r"\d[\d,.]*(?![\d,.]|\s*-)")


def _after_a_name_word(text: str, start: int, unit: str) -> bool:
    """ "the VSX 40 rose", "a Harbour 500 company", "the new eCart 4", "the Group of 12": a
    number right after a word of a name, counting nothing or one singular thing, is part of
    the name; a count takes the plural ("the Union 27 members" still counts members)."""
    found = NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    if found is None or found.group("word").lower() in CALENDAR_WORDS:
        return False
    if found.group("own") and not DIGITS_ALONE.match(text, start):
        return False  # "Meyer's four-book series": a person's, not a name's number
    head = unit.split()[-1] if unit else ""
    return not (_is_plural(head) or head.lower() in IRREGULAR_PLURALS or unit == TOLL_UNIT)


def _an_offset_in_time(text: str, end: int, unit: str) -> bool:
    """ "two days ago", "just over a week ago", "three years later": the unit, then "ago"."""
    after = re.compile(rf"\s*-?\s*{re.escape(unit)}\b", re.IGNORECASE).match(text, end)
    return after is not None and TIME_OFFSET_AFTER.match(text, after.end()) is not None


def _names_with_a_number(text: str, end: int, first: _Parsed, unit: str) -> bool:
    """ "an 8 Block gang member", "a gang called 8 Block", "the 2 Train": digits above one
    before a capitalised word, counting a noun in the singular, name a group or a line; a
    count takes the plural ("12 Republicans", "2 Israeli soldiers"). A headline in title case
    ("3 Dead In Crash") capitalises every word, so there it says nothing."""
    if first.word or first.value == 1.0 or not unit or " " in unit:
        return False
    if _is_plural(unit) or unit.lower() in IRREGULAR_PLURALS or unit == TOLL_UNIT:
        return False
    if CAPITALISED_NEXT.match(text, end) is None:
        return False
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = TITLE_WORD.findall(line)
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 2 <= len(words)


def _speed_unit(text: str, end: int, glued: re.Match[str] | None) -> str | None:
    """ "mph" or "km/h" when the figure is a speed ("120 mph", "193km/h"), else None."""
    if glued and glued.group(1).lower() in ("km", "mi") and SPEED_TAIL.match(text, end):
        return "km/h" if glued.group(1).lower() == "km" else "mph"
    found = SPEED_AFTER.match(text, end)
    if found is None:
        return None
    return "mph" if re.search(r"mi|mph", found.group(0), re.IGNORECASE) else "km/h"


def _metres_not_millions(text: str, match: re.Match[str], cur: str) -> bool:
    """ "fell 60m", "a 300m tower": a bare "m" glued to a number is metres; with a currency
    ("$60m") or before a counted plural ("3m people") it is millions."""
    if cur or not re.fullmatch(r"[\d.,]+m", match.group("n1")):
        return False
    return not _next_word_is_plural(text, match.end("n1"))


def _range_end(match: re.Match[str], first: _Parsed, blocked: list[Span]) -> _Parsed | None:
    """The second number when the match is a real range, else None."""
    if not _group(match, "n2") or first.vague:
        return None
    start, end = match.span("n2")
    second = None if _is_blocked(start, end, blocked) else _parse_number(match.group("n2"))
    if second is None or second.vague:
        return None
    sep = _group(match, "sep").strip().lower()
    between = _group(match, "between").lower()
    if (sep == "and") != (between == "between"):
        return None
    first_value = first.value * _shared_scale(first, second)
    return second if second.value > first_value else None


def _score_like(match: re.Match[str], first: _Parsed) -> bool:
    """ "won 3-1": a hyphenated pair whose second number is not larger is a score."""
    if not _group(match, "n2") or _group(match, "sep").strip() not in ("-", "–", "—"):
        return False
    second = _parse_number(match.group("n2"))
    return second is not None and second.value <= first.value


def _tally(match: re.Match[str]) -> bool:
    """A pair of a vote ("a 48-51 vote", "voting it down 49-51", "a tally of 48 to 51"):
    two counts, whichever side it names first, not a range of one."""
    if _pair_told_by(match, TALLY_AFTER, TALLY_BEFORE):
        return True
    if not _group(match, "n2"):
        return False
    before = match.string[max(0, match.start() - TALLY_REACH) : match.start()]
    if not SECOND_TALLY_BEFORE.search(before):
        return False
    start, end = _sentence_around(match.string, match.start())
    return bool(OUTCOME_WORD.search(match.string, start, end) or _of_a_vote(match))


def _margin(match: re.Match[str]) -> bool:
    """A pair of a margin ("by a 44-26 margin", "a margin of 3 to 1"): two counts."""
    return _pair_told_by(match, MARGIN_AFTER, MARGIN_BEFORE)


def _pair_told_by(match: re.Match[str], after: re.Pattern[str], before: re.Pattern[str]) -> bool:
    """Whether a pair of numbers has the words of ``after`` right after it or of ``before``
    within ``TALLY_REACH`` characters before it."""
    if not _group(match, "n2"):
        return False
    text = match.string
    return bool(
        after.match(text, match.end())
        or before.search(text[max(0, match.start() - TALLY_REACH) : match.start()])
    )


def _of_a_vote(match: re.Match[str]) -> bool:
    """Whether the sentence of a pair tells of a vote."""
    start, end = _sentence_around(match.string, match.start())
    return bool(VOTE_WORD.search(match.string, start, end))


# How far from a point its sentence is looked for: a text without a mark (hostile, or a
# list) would have each look run to its ends
SENTENCE_REACH = 2_000


def _sentence_around(text: str, at: int) -> Span:
    """The sentence holding ``at``, by its punctuation: (start, end); at most
    ``SENTENCE_REACH`` characters each side."""
    low, high = max(0, at - SENTENCE_REACH), min(len(text), at + SENTENCE_REACH)
    start = max(text.rfind(mark, low, at) for mark in (". ", "! ", "? ", "; "))
    start = start + 1 if start >= 0 else low
    ends = [i for i in (text.find(mark, at, high) for mark in (". ", "! ", "? ", "; ")) if i >= 0]
    return start, min(ends, default=high)


def _outcome_tally(match: re.Match[str]) -> bool:
    """A pair of whole numbers right after the verb of a vote's outcome ("passed the bill
    52-48", "passed 52 to 48"), nothing of its own after it, in a sentence of a vote."""
    if _group(match, "sep").strip() not in ("-", "–", "—", "to") or not _group(match, "n2"):
        return False
    if any(_group(match, name) for name in ("hedge", "between", "cur", "cur2", "suffix", "pct")):
        return False
    text = match.string
    before = text[max(0, match.start() - OUTCOME_REACH) : match.start()]
    if not (OUTCOME_BEFORE.search(before) and TALLY_END.match(text, match.end())):
        return False
    start, end = _sentence_around(text, match.start())
    return bool(VOTE_CONTEXT.search(text, start, end))


def _tally_counts(match: re.Match[str], article_id: str, blocked: list[Span]) -> Iterator[Quantity]:
    """The two counts of a vote's tally, each its side's: for and against."""
    spans = [match.span("n1"), match.span("n2")]
    parsed = [_parse_number(match.group("n1")), _parse_number(match.group("n2"))]
    if any(_is_blocked(start, end, blocked) for start, end in spans):
        return
    values = [number.value for number in parsed if number is not None and not number.vague]
    if len(values) != 2 or not all(v.is_integer() and 0 <= v <= TALLY_MOST for v in values):
        return
    sides = _tally_sides(match.string, match.start(), match.end(), values)
    for (start, end), value, unit in zip(spans, values, sides, strict=True):
        evidence = Evidence(article_id, start, end, match.string[start:end])
        yield Quantity(evidence, value, unit, None, value, value)


def _tally_sides(text: str, at: int, end_of_tally: int, values: list[float]) -> tuple[str, str]:
    """Which side each count of a tally is: a court's majority is for its ruling; else by the
    nearest outcome word of its sentence, or "against" right after the tally (the larger
    count is the winning side's); else, or where a bar is to be cleared, as written: the
    votes for first."""
    start, end = _sentence_around(text, at)
    outcomes = [
        (abs(found.start() - at), passed)
        for passed, pattern in ((True, PASSING), (False, FAILING))
        for found in pattern.finditer(text, start, end)
    ]
    first, second = values
    if AGAINST_AFTER.match(text, end_of_tally):
        outcomes.append((0, False))  # "voted 52-48 against confirming": against the motion
    if first != second and RULING.search(text, start, end):
        return (TALLY_FOR, TALLY_AGAINST) if first > second else (TALLY_AGAINST, TALLY_FOR)
    if not outcomes or first == second or THRESHOLD.search(text, start, end):
        return TALLY_FOR, TALLY_AGAINST
    passed = min(outcomes)[1]
    first_won = first > second
    return (TALLY_FOR, TALLY_AGAINST) if first_won == passed else (TALLY_AGAINST, TALLY_FOR)


def _named_sides(text: str, found: list[Quantity]) -> list[Quantity]:
    """Counts whose side the writer names ("52 votes in favor and 48 against"), as tallies
    when a sentence names both sides."""
    sides: dict[int, str] = {}
    ends: dict[int, int] = {}  # where each side's naming ends
    for index, quantity in enumerate(found):
        named = TALLY_SIDE_AFTER.match(text, quantity.evidence.end)
        if named is None or quantity.unit in TALLY_UNITS or unit_kind(quantity.unit) != "count":
            continue
        sides[index] = TALLY_FOR if named.group("favour") or named.group("yes") else TALLY_AGAINST
        ends[index] = named.end()
    kept = list(found)
    for index, following in itertools.pairwise(sorted(sides)):
        side, other = sides[index], sides[following]
        if other == side:
            continue
        first, second = found[index], found[following]
        between = text[first.evidence.end : second.evidence.start]
        if len(between) > TALLY_SIDES_APART or re.search(r"[.!?;]\s", between):
            continue
        kept[index] = replace(first, unit=side)
        kept[following] = replace(second, unit=other)
    for index, side in sides.items():
        if side != TALLY_AGAINST or not SIDE_ENDS.match(text, ends[index]):
            continue
        before = _unnamed_side_before(text, found, index)
        if before is not None and kept[index].unit not in TALLY_UNITS:
            kept[before] = replace(found[before], unit=TALLY_FOR)
            kept[index] = replace(found[index], unit=TALLY_AGAINST)
    return kept


def _unnamed_side_before(text: str, found: list[Quantity], index: int) -> int | None:
    """The count of votes right before a count named "against" and joined to it by "to"
    ("9,120 votes, or 61.0 percent, to 5,830 votes ... against"): the votes for."""
    later = found[index]
    for before in range(index - 1, -1, -1):
        earlier = found[before]
        if unit_kind(earlier.unit) != "count":
            continue  # the share told beside a count
        between = text[earlier.evidence.end : later.evidence.start]
        if earlier.unit == later.unit and VOTES_TO_VOTES.fullmatch(between):
            return before
        return None
    return None


def _shared_scale(first: _Parsed, second: _Parsed) -> float:
    """ "5 to 7 million": the scale written once applies to both ends."""
    if first.factor == 1.0 and second.factor > 1.0 and first.value < second.factor:
        return second.factor
    return 1.0


def _hedge_of(match: re.Match[str], first: _Parsed, second: _Parsed | None) -> str | None:
    suffix = re.sub(r"\s+", " ", _group(match, "suffix").strip().lower())
    if suffix and (second is not None or not _group(match, "n2")):
        return "-plus" if suffix == "+" else suffix
    written = _group(match, "hedge")
    if written:
        hedge = re.sub(r"\s+", " ", written.lower())
        return {"approx.": "approximately", "an estimated": "estimated"}.get(hedge, hedge)
    if second is not None:
        return "between" if _group(match, "between").lower() == "between" else "range"
    return first.vague


def _looks_like_year(
    first: _Parsed,
    second: _Parsed | None,
    hedge: str | None,
    marks: str,
    text: str,
    match: re.Match[str],
) -> bool:
    if not first.year_like or marks:
        return False
    if second is not None:
        return True
    if hedge is not None and hedge not in ("over", "under", "some", "above", "below"):
        return False
    end = match.end("n1")
    return not _next_word_is_plural(text, end) or _names_happenings_of_a_year(text, match, end)


# "the 1974 bombings", "its 2016 elections", "the club's 1995 riots": a year naming when
# happenings took place, not how many
YEAR_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "this", "that"})
MONTH_NAMES = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
HAPPENING_SUFFIX = re.compile(r"(?:ings|tions|sions|ments)$")
HAPPENINGS = word_set(
    """attacks murders riots protests elections games olympics championships floods
    earthquakes crashes talks accords races playoffs finals storms fires wars strikes
    massacres raids"""
)


def _names_happenings_of_a_year(text: str, match: re.Match[str], end: int) -> bool:
    start = match.start("n1")
    before = _word_before(text, start)
    if before.lower() in MONTH_NAMES and before.istitle():
        return True  # "the May 2031 revelations", "in June 2030 crowds ...": a date
    possessive = re.search(r"\w['’]s\s+$", text[max(0, start - 4) : start]) is not None
    word = WORD_RE.match(text, end)
    if not (before.lower() in YEAR_DETERMINERS or possessive) or word is None:
        return False
    noun = word.group(1)
    return bool(HAPPENING_SUFFIX.search(noun)) or noun in HAPPENINGS


def _word_before(text: str, start: int) -> str:
    """The word just before a number ("" at the start of the text)."""
    found = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 30) : start])
    return found.group(1) if found else ""


def _next_word_is_plural(text: str, end: int) -> bool:
    word = WORD_RE.match(text, end)
    if word is None:
        return False
    token = word.group(1)
    return token.islower() and (_is_plural(token) or token in IRREGULAR_PLURALS)


def _span_of(match: re.Match[str], second: _Parsed | None) -> Span:
    """The exact span: a failed range keeps only the first number (and its hedge)."""
    if not _group(match, "n2") or second is not None:
        start = match.start() if match.group("hedge") or second else _first_start(match)
        return start, match.end()
    start = match.start() if match.group("hedge") else _first_start(match)
    return start, match.end("n1")


def _first_start(match: re.Match[str]) -> int:
    return match.start("cur") if _group(match, "cur") else match.start("n1")


def _build(
    article_id: str,
    text: str,
    span: Span,
    first: _Parsed,
    second: _Parsed | None,
    hedge: str | None,
    unit: str,
) -> Quantity:
    start, end = span
    if second is None:
        value = first.value
        low, high = (first.low, first.high) if first.vague or hedge is None else (value, value)
    else:
        value = (first.value * _shared_scale(first, second) + second.value) / 2
        low, high = first.value * _shared_scale(first, second), second.value
    low, high = hedged_interval(hedge, low, high)
    if second is None and HEDGE_KIND.get(hedge or "") == "about" and first.step > 0:
        # "about $4.2 billion" is written to a tenth of a billion: it is no nearer $4.6
        # billion than "about $4.8 billion" is; a hedge is never wider than a written step
        reach = min(value - low, first.step)
        low, high = value - reach, value + reach
    evidence = Evidence(article_id, start, end, text[start:end])
    return Quantity(evidence, value, unit, hedge, min(low, high), max(low, high))


def _names_something(text: str, match: re.Match[str], start: int) -> bool:
    """True for "Article 5", "Flight 17" and "no one": a number that names, not counts."""
    before = text[max(0, start - 30) : start].split()
    if not before:
        return False
    previous = before[-1].lower().rstrip(",")
    if before[-1][0].isupper() and previous in ID_WORDS:
        return True
    if before[-1].lower() in ROAD_AND_ROUTE_WORDS and match.group("n1").isdigit():
        # "on highway 94", "flight 17": written in lower case too; not after a comma ("Just
        # past the marker, 12 hikers were hurt")
        return True
    return match.group("n1").lower() == "one" and previous in PRONOUN_ONE_BEFORE


def _part_of_a_name(text: str, match: re.Match[str]) -> bool:
    """ "the 44-Day War", "the Six-Day War": a number hyphenated to a capitalised word."""
    end = match.end("n2") if _group(match, "n2") else match.end("n1")
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper()


def _inside_address(text: str, start: int, end: int) -> bool:
    """Numbers inside URLs, e-mail addresses, handles and paths."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right_space = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    token = text[left : min(right_space) if right_space else len(text)]
    return any(mark in token for mark in ("://", "www.", "@", "/"))


def _parse_number(raw: str) -> _Parsed | None:
    written = re.sub(r"\s+", " ", raw.strip().lower())
    if written in ("a", "an"):
        return _Parsed(1.0, 1.0, 1.0, word=True)
    fraction = AND_FRACTION_RE.search(written)
    if fraction is not None:
        return _parse_with_fraction(written, fraction)
    vague = _parse_vague(written)
    if vague is not None:
        return vague
    if written[:1].isdigit() or written[:1] == ".":
        return _parse_digits(written)
    value = _parse_words(written)
    if value is None:
        return None
    low, high = _rounding_interval(value, str(int(value)) if value >= 100 else written)
    return _Parsed(value, low, high, word=True)


def _parse_with_fraction(written: str, fraction: re.Match[str]) -> _Parsed | None:
    """ "eight and a half" 8.5, "four and a half million" 4.5 million: the whole, its part,
    then the scale written after both."""
    whole = _parse_number(written[: fraction.start()])
    if whole is None or whole.vague:
        return None
    part = FRACTION_VALUES[fraction.group("part").replace("-", " ")]
    factor = math.prod(SCALES.get(word, 1.0) for word in written[fraction.end() :].split())
    value = (whole.value + part) * factor
    low, high = _rounding_interval(value, str(int(value)) if value >= 100 else written)
    return _Parsed(value, low, high, word=whole.word, factor=factor)


def _parse_vague(written: str) -> _Parsed | None:
    for key, (low, high) in VAGUE_BOUNDS.items():
        if written == key or written.startswith(key + " "):
            rest = written[len(key) :].replace(" of ", " ").split()
            factor = math.prod(SCALES.get(word, 1.0) for word in rest)
            return _Parsed(low * factor, low * factor, high * factor, vague=written)
    return None


def _parse_digits(written: str) -> _Parsed | None:
    written = TOKENISED_NUMBER.sub(lambda m: m.group(0).replace(" ", ""), written)
    numeric = NUMERIC_RE.match(written)
    if numeric is None:
        return None
    digits = numeric.group(0).replace(",", "")
    try:
        base = float(digits)
    except ValueError:
        return None
    rest = written[numeric.end() :].replace("-", " ").split()  # "-billion" as "billion"
    factor = math.prod(SCALES.get(word, 1.0) for word in rest)
    value = base * factor
    low, high = _rounding_interval(value, digits, factor)
    year_like = factor == 1.0 and bool(YEAR_RE.match(numeric.group(0)))
    step = _digit_step(digits) * factor
    return _Parsed(value, low, high, year_like=year_like, factor=factor, step=step)


def _digit_step(digits: str) -> float:
    """What the last written digit is worth: "4.2" 0.1, "24000" 1,000, "37" 1; a last 5 is
    a number rounded to halves ("75", "4.5": 5 and 0.5)."""
    if "." in digits:
        decimals = digits.split(".", 1)[1]
        step = 10.0 ** -len(decimals)
    elif digits.isdigit() and digits.strip("0"):
        kept = digits.rstrip("0")
        step, decimals = 10.0 ** (len(digits) - len(kept)), kept
    else:
        return 0.0
    return 5 * step if decimals.endswith("5") else step


def _rounding_interval(value: float, digits: str, factor: float = 1.0) -> Interval:
    """How precisely a bare number is meant: "1.5 million" is 1.45-1.55 million, a round
    number ("2,000", "300", "2 million": two or more trailing zeros) is ±2.5% but never
    more than half its last digit's step ("2,100" is 2,050-2,150, so it does not meet
    "2,000"), and "1,987" or "seven" are exact."""
    if "." in digits:
        decimals = len(digits.split(".", 1)[1])
        half = 0.5 * 10 ** (-decimals) * factor
        return value - half, value + half
    trailing_zeros = len(digits) - len(digits.rstrip("0")) if digits.isdigit() else 0
    if (trailing_zeros >= 2 and value >= 100) or factor >= 100:
        slack = min(ROUND_SLACK * value, 0.5 * 10**trailing_zeros * factor)
        return value - slack, value + slack
    return value, value


def _parse_words(written: str) -> float | None:
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", written):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = current or 1.0  # "a hundred" is 100, "half a million" half of one
        elif word == "half":
            current = 0.5
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word in ("hundred", "dozen"):
            current = (current or 1.0) * SCALES[word]
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
    value = total + current
    return value if value > 0 else None


# Singular nouns that name a group of people: "a 3,000-strong force", "a 1,400-strong workforce".
COLLECTIVE_NOUNS = frozenset(
    {
        "army", "battalion", "brigade", "contingent", "crew", "crowd", "delegation", "division",
        "fleet", "force", "garrison", "militia", "mission", "police", "population", "regiment",
        "squad", "staff", "team", "troop", "unit", "workforce",
    }
)  # fmt: skip
NOUN_PHRASE_ENDS = IRREGULAR_PLURALS | COLLECTIVE_NOUNS  # words that close the counted noun


def _unit_for(
    text: str,
    end: int,
    first: _Parsed,
    cur: str,
    pct: str,
    tokens: _Tokens | None,
    n1_start: int,
) -> str | None:
    """The counted noun; None when the match should be dropped (a bare number word)."""
    if pct:
        return "percentage points" if "point" in pct else "percent"
    if cur:
        return CURRENCY_UNITS.get(cur.strip(), "dollars")
    before = text[max(0, n1_start - 40) : n1_start]
    if AGE_AFTER.match(text, end) or AGE_BEFORE.search(before):
        return AGE_UNIT
    if AGE_BARE_BEFORE.search(before) and AGE_BARE_AFTER.match(text, end):
        return AGE_UNIT
    area = AREA_AFTER.match(text, end)
    if area:
        return AREA_PREFIX + area.group("unit").lower()
    parent = PARENT_OF.search(text, max(0, n1_start - 24), n1_start)
    if parent is not None and (
        CAPITALISED_NEXT.match(text, end) or not _noun_after(text, end, first)
    ):  # no noun after, or a name: "a mother of 13 Lena Moss"
        return "grandchildren" if parent.group("grand") else "children"  # CHILDREN_UNITS
    if AGED_PLURAL_AFTER.match(text, end):
        return AGED_PLURAL_NOUN  # "two 17-year-olds": not the tokens' "olds"
    attribute = _hyphened_attribute(tokens, n1_start) if tokens is not None else None
    if attribute is not None:
        return _attribute_unit(attribute, text[max(0, n1_start - 60) : n1_start])
    noun = _noun_from_doc(tokens, n1_start, end) if tokens is not None else None
    noun = _noun_after(text, end, first) if noun is None else noun
    if not noun and first.value != 1.0:  # "one of the five": a pronoun, not a count
        noun = _part_of_a_whole(text, end)
    if not noun and tokens is not None:
        noun = _level_counted(tokens, n1_start) or ""
    if not noun and TOLL_BEFORE.search(text[max(0, n1_start - 80) : n1_start]):
        return TOLL_UNIT  # "the death toll rose to 14": 14 people dead
    if first.word and first.value == 1.0 and (_is_plural(noun) or noun.lower() in ONE_IDIOMS):
        return None  # "one says", "at one point", "on one hand": not a count
    if noun or not (first.word or first.vague):
        return noun
    joined = ELIDED_BEFORE.search(text, max(0, n1_start - 12), n1_start)
    if first.word and joined and ELIDED_AFTER.match(text, end):
        return ELIDED  # "six in Harwick and eight in Lindale": kept if a figure precedes
    if first.word and harm_verb_before(text, n1_start) is not None:
        return ""  # "shot three people, killing one": counted as "killing 1" is
    if first.word and harm_of_headline_count(text, n1_start, end) is not None:
        return ""  # "Three in custody after pursuit"
    if first.word and _suffered(text, end, reduced=False) and not NOBODY_BEFORE.search(before):
        return ""  # "two people died and one was injured": counted as "1 was injured" is
    if first.word and told_fatally(text, n1_start, end):
        return ""  # "shot three people, one fatally": one of them killed
    return None


def _noun_after(text: str, end: int, first: _Parsed) -> str:
    hyphen = re.match(r"-([a-z]+)\b", text[end : end + 20])
    if hyphen:
        return hyphen.group(1) if hyphen.group(1) in HYPHEN_UNITS else ""
    position = end
    if first.vague:
        of = re.match(r"\s+of\b", text[position:])
        position += of.end() if of else 0
    head = ""
    for _ in range(4):
        word = WORD_RE.match(text, position)
        if word is None or "\n" in word.group() or _ends_noun_phrase(word.group(1), head):
            break  # a line break ends it: a headline's "leaves two dead" counts no dateline
        if len(word.group(1)) == 1:
            break  # "U.S.", initials
        head, position = word.group(1), word.end()
        if _is_plural(head) or head.lower() in NOUN_PHRASE_ENDS:
            break
    return head.strip("'’-")


def _part_of_a_whole(text: str, end: int) -> str:
    """ "close 180 of its 420 stores": the part counts the whole's plural noun (the whole,
    "420 stores", is read on its own; the comparison knows it as the whole of a part)."""
    whole = WHOLE_AFTER.match(text, end)
    if whole is None:
        return ""
    noun = _noun_after(text, whole.end(), _Parsed(0.0, 0.0, 0.0))
    return noun if _is_plural(noun) or noun.lower() in IRREGULAR_PLURALS else ""


def _ends_noun_phrase(token: str, head: str) -> bool:
    """A function word, a verb or an adverb after a noun, or an adverb of how badly someone
    was hurt ("one fatally", "two critically"), closes the noun phrase."""
    if token.lower() in STOP_WORDS or token.lower() in HARM_ADVERBS:
        return True
    return bool(head) and token.islower() and token.endswith(("ed", "ly"))


def _is_plural(token: str) -> bool:
    lowered = token.lower()
    return (
        len(lowered) > 3
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is", "'s", "’s"))
    )


class _Tokens:
    """A parsed text's tokens by character offset: a binary search over their starts, made
    once per text (scanning every token for every number was quadratic on long articles)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = [token.idx for token in doc]
        self.text = str(doc.text)  # once: spaCy joins every token's text for each call

    def at(self, char: int) -> Any:
        """The token covering the character, or None (white space, or past the end)."""
        index = bisect_right(self.starts, char) - 1
        if index < 0:
            return None
        token = self.doc[index]
        return token if char < token.idx + len(token.text) else None


def _token_index(doc: Any) -> _Tokens | None:
    try:
        return _Tokens(doc)
    except (AttributeError, TypeError):
        return None


def _noun_from_doc(tokens: _Tokens, start: int, end: int) -> str | None:
    try:
        token = tokens.at(start)
        if token is None:
            return None
        head = token.head
        if head.idx < end:
            return None  # "six and three-quarters": a word of the figure itself
        if "\n" in tokens.text[end : head.idx]:
            return None  # a headline's figure parsed with the next line's first word
        if token.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i > token.i:
            if head.tag_ == "NNP" and head.dep_ in ("nsubj", "nsubjpass"):
                return ""  # "the 600 Harlow has said": a name saying it, no counted thing
            # the whole word the parser split at its hyphens ("two co-workers": "co")
            joined = HYPHENED_WORD.match(tokens.text, head.idx)
            return joined.group() if joined is not None else str(head.text)
    except (AttributeError, TypeError):
        return None
    return None


HYPHENED_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)+")


def _level_counted(tokens: _Tokens, start: int) -> str | None:
    """What a number that tells a level counts, from the parse: the dead for a toll ("the
    death toll from the week's flood in the river town has risen to seven"), the group of
    "the number of ..." ("the number of people killed rose to four"), or a plural noun
    ("bringing total closures to roughly 220"); None when the number tells no level."""
    try:
        number = tokens.at(start)
        if number is None:
            return None
        while number.dep_ in ("compound", "quantmod") and number.head.pos_ == "NUM":
            number = number.head  # "4.5 million": the level is the scale's token
        holder = _level_holder(number)
        return _counted_by(holder) if holder is not None else None
    except (AttributeError, TypeError):
        return None


def _level_holder(number: Any) -> Any:
    """The noun whose level the number is: the subject of a verb of change ("the toll rose
    to 14"), the object of a verb that moves it ("raising the toll to 14"), or the noun the
    "at" hangs on ("with the death toll at 17"); None for any other number."""
    head = number.head
    if number.dep_ == "pobj" and head.lower_ in LEVEL_PREPOSITIONS:
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN") and head.lower_ == "at":
            return governor
        if governor.pos_ != "VERB":
            return None
        if governor.lemma_.lower() in LEVEL_VERBS:
            return _child(governor, ("nsubj", "nsubjpass"))
        return _child(governor, ("dobj",)) if head.lower_ == "to" else None
    if number.dep_ == "dobj" and head.lemma_.lower() in LEVEL_OBJECT_VERBS:
        return _child(head, ("nsubj",))
    return None


def _child(token: Any, deps: tuple[str, ...]) -> Any:
    return next((child for child in token.children if child.dep_ in deps), None)


def _counted_by(holder: Any) -> str | None:
    """A toll counts people; "the number of X" counts X (people when X names the dead, the
    missing or the hurt); a plural noun counts itself."""
    lemma = holder.lemma_.lower()
    if lemma == "toll":
        compounds = [c.lower_ for c in holder.children if c.dep_ in ("compound", "amod")]
        return TOLL_UNIT if all(word in TOLL_COMPOUNDS for word in compounds) else None
    if lemma in NUMBER_NOUNS:
        return _number_of(holder)
    if holder.tag_ == "NNS":
        return str(holder.text)
    return None


def _number_of(holder: Any) -> str | None:
    """ "the number of people killed": people; "the number of dead": people; "the number of
    cases": cases."""
    of = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = _child(of, ("pobj",)) if of is not None else None
    if counted is None:
        return None
    words = {counted.lower_, counted.lemma_.lower()}
    words |= {c.lower_ for c in counted.children if c.dep_ in ("acl", "amod", "relcl")}
    if words & TOLL_GROUP_WORDS:
        return TOLL_UNIT
    plural = counted.tag_ == "NNS" or counted.lower_ in IRREGULAR_PLURALS
    return str(counted.text) if plural else None


def _hyphened_attribute(tokens: _Tokens, start: int) -> str | None:
    """The noun a number is hyphenated to when that noun describes another ("the 112-car
    train", "a 12-storey block", "a one-mile radius"), lower case; else None. Such a figure
    is what the described thing measures, not a count of what the clause's verb did."""
    try:
        number = tokens.at(start)
        if number is None or number.dep_ != "nummod":
            return None
        noun = number.head
        between = doc_text(number.doc)[number.idx + len(number.text) : noun.idx]
        described = noun.head
        if between.strip() != "-" or noun.tag_ != "NN" or described is noun:
            return None
        if noun.dep_ not in ("compound", "amod", "nmod") or described.i < noun.i:
            return None
        return str(noun.lower_) if described.pos_ in ("NOUN", "PROPN") else None
    except (AttributeError, TypeError):
        return None


# Plurals of the hyphened units that count things ("a 12-storey block" and "11 storeys").
UNIT_PLURALS = {"storey": "storeys", "story": "stories", "party": "parties", "man": "men"}
UNIT_PLURALS["person"] = "people"


def _attribute_unit(noun: str, before: str) -> str | None:
    """A described thing's measure keeps its unit, a count's unit plural so that "a 12-storey
    block" and "11 storeys high" share it. The whole that a part of the same things is
    counted of ("38 cars of the 112-car train") gives no figure: the clause's verb tells
    what the part did, not the whole."""
    if re.search(rf"\b{re.escape(noun)}s?\s+of\s+(?:the|its|their|a|an)\s+$", before, re.I):
        return None
    if noun not in HYPHEN_UNITS:
        return noun  # "a five-boat attack", "a three-game losing streak"
    if unit_kind(noun) != "count":
        return noun  # "a one-mile radius", "a 30-day reprieve"
    return UNIT_PLURALS.get(noun, noun + "s")
