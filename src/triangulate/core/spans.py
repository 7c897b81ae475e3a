"""The sentence around a cited span: one rule for every step, page and file.

A span's sentence is the reader's sentence that holds it whole; where no reading is at
hand (a page showing a stored dossier) or no sentence holds it (a span across a sentence
break), it is the stretch between the nearest sentence ends around the span: a full stop,
question or exclamation mark (and any closing quote) before white space, or a line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from triangulate.models import Evidence

CONTEXT_CHARS = 240  # the most of a sentence shown on either side of a cited span
ELLIPSIS = "…"
LONGEST_SENTENCE = 2000  # characters: further back than this, a stretch is no sentence
# A sentence's closing mark belongs to it; a line break does not (the match stops before it).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)|(?=\n)")


@dataclass(frozen=True)
class Context:
    """A cited span with the rest of its sentence: ``before + span + after``."""

    before: str
    span: str
    after: str


def holds(outer: Evidence, inner: Evidence) -> bool:
    """Whether ``inner`` lies wholly inside ``outer`` (two spans of one text)."""
    return outer.start <= inner.start and inner.end <= outer.end


def overlaps(first: Evidence, second: Evidence) -> bool:
    """Whether two spans of one text share a character."""
    return first.start < second.end and second.start < first.end


def split_at(sentence: Evidence, span: Evidence) -> tuple[str, str]:
    """The text of ``sentence`` before and after a ``span`` it holds."""
    return (
        sentence.text[: span.start - sentence.start],
        sentence.text[span.end - sentence.start :],
    )


def sentence_around(span: Evidence, text: str, sentences: Iterable[Evidence] = ()) -> Evidence:
    """The sentence holding ``span``: a reader's sentence when one holds it whole, else the
    text between the sentence ends around it."""
    for sentence in sentences:
        if holds(sentence, span):
            return sentence
    start, end = sentence_bounds(text, span.start, span.end)
    return Evidence(span.article, start, end, text[start:end])


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(first, last) offsets of the text between the sentence ends around ``start:end``,
    without the white space at its edges; the sentence's own closing mark is kept."""
    left = _last_sentence_end(text, start)
    after = _SENTENCE_END.search(text, end)
    right = after.end() if after else len(text)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _last_sentence_end(text: str, start: int) -> int:
    """Where the last sentence before ``start`` ends, at most ``LONGEST_SENTENCE`` back (else
    that far back). Looked for in the ``NEAR_REACH`` characters before ``start`` first: most
    sentences are shorter, and a report citing one span many times asks this for each."""
    for reach in (NEAR_REACH, LONGEST_SENTENCE):
        left = max(0, start - reach)
        ends = [found.end() for found in _SENTENCE_END.finditer(text, left, start)]
        if ends:
            return ends[-1]
        if left == 0:
            return 0
    return max(0, start - LONGEST_SENTENCE)


NEAR_REACH = 200  # characters looked back first for the end of the sentence before a span


def context_around(
    text: str,
    start: int,
    end: int,
    sentences: Iterable[Evidence] = (),
    limit: int = CONTEXT_CHARS,
) -> Context:
    """The span inside its sentence, at most ``limit`` characters of it on either side
    (a cut marked with an ellipsis); an empty context when the span is not in ``text``."""
    if not 0 <= start <= end <= len(text):
        return Context("", "", "")
    sentence = sentence_around(Evidence("", start, end), text, sentences)
    left, right = min(sentence.start, start), max(sentence.end, end)
    before, after = text[max(left, start - limit) : start], text[end : min(right, end + limit)]
    if start - left > limit:
        before = ELLIPSIS + before.lstrip()
    if right - end > limit:
        after = after.rstrip() + ELLIPSIS
    return Context(before, text[start:end], after)
