"""Dated events across sources: one entry per event, with every source that gives it.

An event is drawn from a sentence holding an anchored time expression. Its
description is a trimmed clause of that sentence (words are only ever removed,
never added). Entries from different sources merge when their descriptions are
similar and their dates are compatible; when sources put the same event on
different dates, every date is kept in ``dates_given``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from triangulate.core.dates import DateInterval
from triangulate.core.spans import sentence_around
from triangulate.core.words import STOP_WORDS, Lemmas, content_words, overlap, words_of
from triangulate.models import Article, Evidence, Fact, Reading, TimeExpression, TimelineEntry

EVENT_MAX_WORDS = 15
SKIPPED_GRANULARITIES = {"duration", "unknown", "set"}
LOOSE_STARTS = {"and", "but", "or", "where", "which", "when", "while", "who", "as", "then"}
# "..., the ministry confirmed Wednesday." : the event is what comes before the attribution
TIME_IN_ATTRIBUTION = re.compile(
    r",\s*(?:[\w'.-]+\s+){0,5}(?:said|says|confirmed|announced|reported|told\s+[\w-]+|stated)"
    r"(?:\s+(?:on|late|early|this))?\s*$"
)
# Expressions that name no moment of their own.
GENERIC_TIMES = {
    "now", "currently", "nowadays", "at present", "presently", "these days", "at the moment",
    "recently", "lately", "so far", "to date", "yet", "still", "right now", "for now",
}  # fmt: skip
# Deictic expressions kept only when their sentence reports something that happened.
DEICTIC_TIMES = {"today", "this week", "this month", "this year", "tonight", "this morning"}
DATELINE_WORDS = re.compile(
    r"\b(published|updated|posted|modified|last edited|copyright|©|publication date)\b", re.I
)
PAST_EVENT = re.compile(
    r"\b(\w{3,}ed|said|left|began|took|made|went|came|met|held|won|lost|told|gave|"
    r"sent|struck|fell|rose|fled|hit|set|put|signed|announced|will|has|have)\b",
    re.I,
)
LEADING_PREPOSITION = re.compile(
    r"(?:\b(?:on|in|at|by|since|during|from|until|till|of|as of|early|late|mid|around)\s+)+$",
    re.I,
)
# ", the port authority said." / ", according to police" closing a clause
ATTRIBUTION_TAIL = re.compile(
    r",\s*(?:according\s+to\s+[^,;]*|(?:[\w'.-]+\s+){0,4}(?:said|says|told\s+[\w-]+|reported|"
    r"announced|added|stated|noted|confirmed)(?:\s+on\s+\w+)?)\s*[.!]?\s*$"
)
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;]*(?:,|$)")
CLAUSE_BREAK = re.compile(r"\s*(?:;|:|\s[—–]\s|\s-\s|,\s+(?=(?:and|but|while|whereas|which)\b))")
MERGE_SAME_DATE = 0.3
MERGE_OTHER_DATE = 0.45
EMBED_SAME_DATE = 0.6
EMBED_OTHER_DATE = 0.75
OTHER_DATE_MAX_DAYS = 45


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised row vectors."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass
class _Mention:
    """One dated event as one source tells it."""

    value: str
    end: str | None
    granularity: str
    event: str
    evidence: Evidence
    published: str | None
    when: DateInterval
    event_words: frozenset[str] = frozenset()
    sentence_words: frozenset[str] = frozenset()


@dataclass
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)


# --- dates -----------------------------------------------------------------------------------


def _dates_compatible(first: _Mention, second: _Mention) -> bool:
    """True when one date contains or overlaps the other (2024-06 and 2024-06-12)."""
    return first.when.overlaps(second.when)


def _dates_near(first: _Mention, second: _Mention) -> bool:
    gap = max(first.when.start, second.when.start) - min(first.when.end, second.when.end)
    return gap.days <= OTHER_DATE_MAX_DAYS


# --- event descriptions ----------------------------------------------------------------------


def describe_event(sentence: str, time_start: int, time_end: int) -> str:
    """A short description of what a sentence says happened, drawn only from its words.

    ``time_start``/``time_end`` locate the time expression inside ``sentence``; it is
    left out because the timeline shows the date in its own column.
    """
    tail = TIME_IN_ATTRIBUTION.search(sentence[:time_start])
    if tail and not sentence[time_end:].strip(" .!\"'”"):
        return _shorten(sentence[: tail.start()], 0)
    start, end = _clause_bounds(sentence, time_start, time_end)
    if _inside_phrase(sentence[start:time_start], sentence[time_end:end]):
        return _shorten(sentence[start:end], len(sentence[start:time_start].split()))
    before = LEADING_PREPOSITION.sub("", sentence[start:time_start])
    after = ATTRIBUTION_TAIL.sub("", sentence[time_end:end])
    before, after = before.rstrip(" ,"), after.lstrip(" ,")
    joined = f"{before} {after}" if before and after and after[0] not in ",.;" else before + after
    return _shorten(joined, len(RELATIVE_CLAUSE.sub("", before).split()))


def _shorten(text: str, centre: int) -> str:
    """At most EVENT_MAX_WORDS words of ``text`` without attribution, asides or loose ends."""
    text = ATTRIBUTION_TAIL.sub("", text.strip())
    words = RELATIVE_CLAUSE.sub("", text).split()
    if len(words) > EVENT_MAX_WORDS:
        words = _window(words, centre)
    while len(words) > 2 and words[-1].lower().strip(",;:") in STOP_WORDS:
        words.pop()
    while len(words) > 2 and words[0].lower().strip(",;:") in LOOSE_STARTS:
        words.pop(0)
    event = " ".join(words).strip(" ,;:-—–.\"'“”")
    return event[:1].upper() + event[1:]


def _inside_phrase(before: str, after: str) -> bool:
    """True when cutting the time out would leave a gap ('spanning the ... and early 90s')."""
    last = before.split()[-1].lower() if before.split() else ""
    next_word = after.split()[0].lower().strip(",;:.") if after.split() else ""
    if not last or not next_word or last.endswith(","):
        return False
    if LEADING_PREPOSITION.search(before):
        return False
    return last in {"the", "a", "an", "and", "or", "of", "to"} or next_word in {"and", "or", "to"}


def _clause_bounds(sentence: str, time_start: int, time_end: int) -> tuple[int, int]:
    """The clause holding the time expression, widened while it is too short to say much."""
    clauses = _clauses(sentence)
    first = next(i for i, (s, e) in enumerate(clauses) if time_start < e or i == len(clauses) - 1)
    last = next(i for i, (s, e) in enumerate(clauses) if time_end <= e or i == len(clauses) - 1)
    last = max(first, last)
    time_words = _word_count(sentence[time_start:time_end])
    while _word_count(sentence[clauses[first][0] : clauses[last][1]]) - time_words < 5:
        if last + 1 < len(clauses):
            last += 1
        elif first > 0:
            first -= 1
        else:
            break
    return clauses[first][0], clauses[last][1]


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans between clause breaks (semicolons, dashes, ', and' ...)."""
    bounds, cursor = [], 0
    for match in CLAUSE_BREAK.finditer(sentence):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    bounds.append((cursor, len(sentence)))
    return bounds


def _word_count(text: str) -> int:
    return len(words_of(text))


def _window(words: list[str], centre: int) -> list[str]:
    """EVENT_MAX_WORDS words around where the time expression was."""
    if centre <= EVENT_MAX_WORDS - 4:
        return words[:EVENT_MAX_WORDS]
    first = max(0, min(centre - EVENT_MAX_WORDS // 3, len(words) - EVENT_MAX_WORDS))
    return words[first : first + EVENT_MAX_WORDS]


def _fact_event(fact: Fact | None, sentence: str, time_at: tuple[int, int]) -> str | None:
    """Subject through object as written, when both are found in order in the sentence.

    The predicate is not searched for: readers give it as a lemma ("leave" for "left"),
    and in the sentence it sits between the two.
    """
    if fact is None or not (fact.subject and fact.object):
        return None
    start = sentence.find(fact.subject)
    end = sentence.find(fact.object, start + len(fact.subject)) if start >= 0 else -1
    if start < 0 or end < 0 or (start < time_at[1] and time_at[0] < end + len(fact.object)):
        return None  # a span that runs into the date would cut it in half
    event = sentence[start : end + len(fact.object)].strip(" ,;:\"'“”")
    if not 3 <= len(event.split()) <= EVENT_MAX_WORDS + 5:
        return None
    return event[:1].upper() + event[1:]


# --- which time expressions make events ------------------------------------------------------


def _is_eventful(time: TimeExpression) -> bool:
    if not time.anchored or not time.value or time.granularity in SKIPPED_GRANULARITIES:
        return False
    if time.value.startswith("P") or time.evidence.text.strip().lower() in GENERIC_TIMES:
        return False
    return DateInterval.parse(time.value, mod=time.mod) is not None


def _is_dateline(sentence: Evidence, time: TimeExpression) -> bool:
    """A line that only says when the article was published or updated."""
    rest = sentence.text.replace(time.evidence.text, " ")
    if DATELINE_WORDS.search(rest) and _word_count(rest) <= 12:
        return True
    return _word_count(rest) < 3


def _lacks_event(sentence: Evidence, time: TimeExpression, fact: Fact | None) -> bool:
    """'today' or 'this year' in a sentence that reports no happening."""
    if time.evidence.text.strip().lower() not in DEICTIC_TIMES:
        return False
    if fact is not None and fact.predicate:
        return False
    return PAST_EVENT.search(sentence.text.replace(time.evidence.text, " ")) is None


# --- collecting and merging ------------------------------------------------------------------


def _times_of(reading: Reading) -> list[TimeExpression]:
    """The reading's time expressions plus those only found in facts, once each."""
    seen: dict[tuple[int, int], TimeExpression] = {}
    for time in [*reading.times, *(t for fact in reading.facts for t in fact.times)]:
        seen.setdefault((time.evidence.start, time.evidence.end), time)
    return sorted(seen.values(), key=lambda t: t.evidence.start)


def _fact_for(reading: Reading, time: TimeExpression) -> Fact | None:
    inside = [
        f
        for f in reading.facts
        if f.evidence.start <= time.evidence.start and time.evidence.end <= f.evidence.end
    ]
    with_time = [f for f in inside if time in f.times]
    chosen = with_time or inside
    return chosen[0] if chosen else None


def _mentions(article: Article, reading: Reading) -> list[_Mention]:
    sentences = [s.evidence for s in reading.sentences]
    lemmas = dict(reading.lemmas)
    mentions = []
    for time in _times_of(reading):
        if not _is_eventful(time):
            continue
        sentence = sentence_around(time.evidence, article.text, sentences)
        fact = _fact_for(reading, time)
        if _is_dateline(sentence, time) or _lacks_event(sentence, time, fact):
            continue
        mention = _mention(article, time, sentence, fact, lemmas)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(
    article: Article, time: TimeExpression, sentence: Evidence, fact: Fact | None, lemmas: Lemmas
) -> _Mention | None:
    assert time.value is not None
    offset = time.evidence.start - sentence.start
    time_at = (offset, offset + len(time.evidence.text))
    event = _fact_event(fact, sentence.text, time_at) or describe_event(sentence.text, *time_at)
    when = DateInterval.parse(time.value, mod=time.mod)
    if when is None or _word_count(event) < 2:
        return None
    value, _, end = time.value.partition("/")
    granularity = "range" if end else time.granularity
    return _Mention(
        value,
        end or None,
        granularity,
        event,
        sentence,
        article.published,
        when,
        content_words(event, lemmas),
        content_words(sentence.text, lemmas),
    )


def _similar(mention: _Mention, vector: np.ndarray | None, group: _Group, same_date: bool) -> bool:
    if vector is not None and group.vectors:
        best = max(float(vector @ other) for other in group.vectors)
        return best >= (EMBED_SAME_DATE if same_date else EMBED_OTHER_DATE)
    best = max(_word_match(mention, other) for other in group.mentions)
    return best >= (MERGE_SAME_DATE if same_date else MERGE_OTHER_DATE)


def _word_match(first: _Mention, second: _Mention) -> float:
    """Overlap of the descriptions, or of the whole sentences when those say more."""
    events = overlap(first.event_words, second.event_words)
    return max(events, overlap(first.sentence_words, second.sentence_words))


def _find_group(
    mention: _Mention, vector: np.ndarray | None, groups: list[_Group]
) -> _Group | None:
    for group in groups:
        if any(m.evidence == mention.evidence for m in group.mentions):
            continue
        same = all(_dates_compatible(mention, m) for m in group.mentions)
        near = same or all(_dates_near(mention, m) for m in group.mentions)
        if near and _similar(mention, vector, group, same):
            return group
    return None


def _group_mentions(mentions: list[_Mention], embedder: Embedder | None) -> list[_Group]:
    vectors: list[np.ndarray | None] = [None] * len(mentions)
    if embedder is not None and mentions:
        vectors = list(embedder.encode([m.event for m in mentions]))
    groups: list[_Group] = []
    for mention, vector in zip(mentions, vectors, strict=True):
        group = _find_group(mention, vector, groups)
        if group is None:
            group = _Group()
            groups.append(group)
        group.mentions.append(mention)
        if vector is not None:
            group.vectors.append(vector)
    return groups


def _entry(group: _Group) -> TimelineEntry:
    mentions = group.mentions
    chosen = _main_date(mentions)
    values = sorted({_full_value(m) for m in mentions})
    articles = tuple(dict.fromkeys(m.evidence.article for m in mentions))
    reported = {m.evidence.article: m.published for m in mentions}
    return TimelineEntry(
        date=chosen.value,
        event=_central_event(mentions),
        articles=articles,
        evidence=tuple(dict.fromkeys(m.evidence for m in mentions)),
        reported=tuple(reported.items()),
        end=chosen.end,
        granularity=chosen.granularity,
        mod=chosen.when.mod,
        dates_given=tuple(values) if _disagree(mentions) else (),
    )


def _disagree(mentions: list[_Mention]) -> bool:
    """True when two sources give dates that cannot both hold (not 2024-06 and 2024-06-12)."""
    return any(not _dates_compatible(a, b) for a in mentions for b in mentions)


def _full_value(mention: _Mention) -> str:
    return f"{mention.value}/{mention.end}" if mention.end else mention.value


def _main_date(mentions: list[_Mention]) -> _Mention:
    """The date most sources give; among ties the most precise, then the earliest."""
    support = Counter(_full_value(m) for m in mentions)
    return min(
        mentions,
        key=lambda m: (-support[_full_value(m)], m.when.days, m.when.start),
    )


def _central_event(mentions: list[_Mention]) -> str:
    """The description closest to all the others, so it reads as the shared account."""
    if len(mentions) == 1:
        return mentions[0].event

    def closeness(m: _Mention) -> float:
        return sum(
            overlap(m.event_words, other.event_words) for other in mentions if other is not m
        )

    return max(mentions, key=lambda m: (closeness(m), -len(m.event.split()))).event


def _sort_key(entry: TimelineEntry) -> tuple[dt.date, int, str]:
    when = DateInterval.parse(entry_value(entry), mod=entry.mod)
    if when is None:
        return dt.date.max, 0, entry.event
    return when.start, -when.days, entry.event


def entry_value(entry: TimelineEntry) -> str:
    """The entry's whole date value: a range's two ends joined again ("1991/1993")."""
    return f"{entry.date}/{entry.end}" if entry.end else entry.date


def build_timeline(
    articles: Iterable[Article],
    readings: Iterable[Reading],
    embedder: Embedder | None = None,
) -> list[TimelineEntry]:
    """Dated events across all sources, merged per event and sorted by date.

    Copies (``duplicate_of`` set) are skipped so a syndicated story counts once.
    """
    by_id = {reading.article: reading for reading in readings}
    mentions: list[_Mention] = []
    for article in articles:
        reading = by_id.get(article.id)
        if reading is not None and article.duplicate_of is None:
            mentions.extend(_mentions(article, reading))
    entries = [_entry(group) for group in _group_mentions(mentions, embedder)]
    return sorted(entries, key=_sort_key)
