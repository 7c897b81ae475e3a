"""A market's figures are of their day.

An index's level and its move, a share's move and the time of day a market stood somewhere
change from one trading day to the next. Told by a report that names no other day, they are
that report's day's: two reports of two days telling two such figures tell two days, not
two accounts of one (``compare/link.py`` for the figures and a market's closes dated to two
days, ``compare/clocks.py`` for the times of day).
"""

from __future__ import annotations

import re

from triangulate.compare.labels import DETERMINERS
from triangulate.core.dates import MONTH_NAMES, WEEKDAY_NAMES
from triangulate.core.words import word_set

# A day or a date named in a sentence: its figures may be of another day than its report's
DAY_OR_DATE_NAMED = re.compile(
    rf"\b(?:{'|'.join(WEEKDAY_NAMES)}|{'|'.join(MONTH_NAMES)}|yesterday)\b"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*\d"
)
# The common names of the indexes most reported
_COMMON_INDEX_NAMES = (
    r"Dow|Nasdaq|FTSE|S&P|DAX|CAC|Nikkei|Hang\s+Seng|Stoxx|Sensex|Kospi|Bovespa|RTS"
)
# Words telling a financial market whose level moves from day to day: an index (by a common
# name or as "index"), stocks, shares, a bourse. Not "market" or "average" alone: "the labour
# market", "house prices rose 3% on average" tell statistics of a month, told again for days
MARKET_TOLD = re.compile(
    rf"\b(?:index|indexes|indices|stocks?|shares|bourses?|{_COMMON_INDEX_NAMES})\b", re.I
)
# An index's common name ("the Dow", "the Hang Seng"), found inside a run of capitalised words
INDEX_NAMES = re.compile(rf"\b(?:{_COMMON_INDEX_NAMES}|Straits\s+Times|ASX|TSX|IBEX|Topix)\b")
CAPITALISED_RUN = re.compile(r"[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*)*")
# What makes a run of capitalised words an index's name: its number or the word "index"
# ("the Korvel 200", "the Tamsin index")
INDEX_AFTER_NAME = re.compile(r"\s+(?:\d{2,4}\b|[Ii]ndex\b)")
# What a market's moves are told of, as a subject's head noun: a move of one of them is no
# move of a firm's results ("shares tumbled 8 percent", "profit sank 40 percent")
MARKET_HEADS = word_set("shares stock index price prices bond bonds yield currency")
# A level's move told in a sentence whatever the level is called: "was down 2.1%"
MOVE_TOLD = re.compile(
    r"\b(?:up|down|higher|lower|rose|fell|gained|lost|dropped|climbed|slipped)\s+(?:by\s+)?"
    r"[\d.,]+\s*(?:%|percent\b|per\s+cent\b|points\b)",
    re.I,
)


def told_of_a_market(sentence: str) -> bool:
    """The sentence tells of a market ("the FTSE 100 rose by 8.04%", "shares fell")."""
    return MARKET_TOLD.search(sentence) is not None


def index_named_before(before: str) -> str | None:
    """The index a sentence names last before a figure ("the Hang Seng in Hong Kong, which
    closed up 3.31%": "hang"; "the Korvel 200 index dropped": "korvel"), by the first word of
    its name, lower-cased; None if it names none."""
    named = None
    for run in CAPITALISED_RUN.finditer(before):
        words = [word for word in run.group().split() if word.lower() not in DETERMINERS]
        common = INDEX_NAMES.search(run.group())
        if common is not None:
            named = common.group().split()[0].lower()
        elif words and INDEX_AFTER_NAME.match(before, run.end()):
            named = words[0].lower()
    return named


def told_of_a_move(sentence: str) -> bool:
    """The sentence tells a market or a level's move ("the Korvel 200 was down 2.1%")."""
    return told_of_a_market(sentence) or MOVE_TOLD.search(sentence) is not None


def of_two_days(published: tuple[str | None, str | None], sentences: tuple[str, str]) -> bool:
    """Two reports of two days, and neither sentence names a day or a date: what each tells
    of the moment is of its own report's day."""
    first, second = published
    if not (first and second) or first[:10] == second[:10]:
        return False
    return not any(DAY_OR_DATE_NAMED.search(sentence) for sentence in sentences)
