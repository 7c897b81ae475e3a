"""Wording of a report that revises an earlier report's figure (general news language)."""

from __future__ import annotations

import re

from triangulate.core.spans import split_at
from triangulate.models import Evidence

# A figure told as an earlier report's, which the report revises: "$11,800, not the roughly
# $12,000 first reported", "more than the 1,200 it announced on Monday", "correcting an early
# estimate of 38", "Police had earlier said the officer fired four shots", "27 homes, up from
# 12 reported on Sunday".
HEDGE_WORDS = r"(?:about|around|some|roughly|nearly|almost|an\s+estimated|approximately)\s+"
SUPERSEDED_BEFORE = re.compile(
    r"(?:\b(?:not|than|instead\s+of|rather\s+than|from)\s+the\s+|\b(?:up|down)\s+from\s+|"
    r"\b(?:early|earlier|initial|first|original|previous|preliminary)\s+(?:[a-z]+\s+)?"
    r"(?:estimate|figure|count|tally|report|toll)\s+of\s+)"
    rf"(?:{HEDGE_WORDS})?$",
    re.IGNORECASE,
)
SUPERSEDED_AFTER = re.compile(
    r"^(?:\s+[\w$,.-]+){0,4}?\s+(?:(?:it|they|he|she|police|officials|the\s+\w+)\s+)?"
    r"(?:had\s+)?(?:(?:first|initially|originally|previously|earlier)\s+)?"
    r"(?:reported|announced|estimated|forecast|disclosed|said|given|stated|listed|planned)\b",
    re.IGNORECASE,
)
EARLIER_SAYING = re.compile(
    r"\b(?:had\s+)?(?:earlier|previously|initially|originally|first)\s+"
    r"(?:said|reported|stated|estimated|put|announced|given|disclosed)\b",
    re.IGNORECASE,
)


def told_as_earlier(before: str, after: str) -> bool:
    """Whether a figure, between the words ``before`` and ``after`` it in its sentence, is
    told as an earlier report's ("not the roughly $12,000 first reported", "more than the
    1,200 it announced", "an early estimate of 38", "had earlier said ... four shots")."""
    if SUPERSEDED_BEFORE.search(before) and (
        SUPERSEDED_AFTER.match(after)
        or not re.match(r"\s*\w", after)
        or "estimate" in before[-40:].lower()
    ):
        return True
    clause = re.split(r"[,;:]", before)[-1]  # "..., not the $12,000 first reported, along
    return bool(EARLIER_SAYING.search(clause))  # with about 300 tablets": 300 is this report's


def told_as_earlier_in(sentence: Evidence, figure: Evidence) -> bool:
    """Whether a figure ``sentence`` holds is told as an earlier report's (``told_as_earlier``)."""
    return told_as_earlier(*split_at(sentence, figure))
