"""Plain records that flow through the pipeline.

Everything here is a frozen dataclass of plain values so that records can be
pickled to worker processes (or Ray tasks), compared in tests and turned into
JSON with :func:`to_dict`.  Every statement the tool makes about an article
points back to an :class:`Evidence` span in that article's clean text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """A span of an article's clean text: ``article.text[start:end] == text``.

    ``tentative`` marks a sentence cited for an agreed claim that the comparison links to the
    claim's own sentence less surely than an even chance: it may state the claim, or only
    something near it.  It says how the span is cited, not which span it is, so it takes no
    part in equality.
    """

    article: str
    start: int
    end: int
    text: str = ""
    tentative: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class RemovedLine:
    """A line dropped by cleaning, kept so a user can audit and restore it."""

    line: int  # 0-based line number in the text before cleaning
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One source as stored: clean text plus the metadata found for it."""

    id: str
    source: str
    text: str
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    published_inferred: bool = False
    published_how: str | None = None  # where the date came from
    language: str | None = None
    url: str | None = None
    media_type: str = "text/plain"  # what the original was
    removed: tuple[RemovedLine, ...] = ()
    content_hash: str = ""
    duplicate_of: str | None = None  # id of the original when this is a copy
    fully_extracted: bool = True
    outlet_inferred: bool = False  # the outlet was read from the text (a copyright line...)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Sentence:
    evidence: Evidence


@dataclass(frozen=True)
class Entity:
    evidence: Evidence
    label: str  # PERSON, ORG, GPE, NORP, LOC, ...
    canonical: str  # merged name shared by all variants of the entity


@dataclass(frozen=True)
class TimeExpression:
    evidence: Evidence
    value: str | None  # ISO value to its granularity, e.g. "2024-06", "1991/1993"
    granularity: str  # day, week, month, season, year, decade, range, duration, unknown
    anchored: bool  # False when the value needed an anchor that was not known
    inferred: bool = False
    mod: str | None = None  # early, mid, late, start, end, approx, more, less, morning, night...


@dataclass(frozen=True)
class Quantity:
    evidence: Evidence
    value: float
    unit: str  # what is counted: "soldiers", "percent", "dollars", ...
    hedge: str | None  # "about", "almost", "-odd", "more than", ...
    low: float
    high: float
    # What befell the people counted, inferred from beyond the count's sentence: "injure" for
    # people told shot or stabbed in a report that tells no death (readers.quantities:
    # ``SHOT_ALONE``); None when not inferred. A harm the sentence tells wins over it
    # (compare.labels: ``harm_counted``)
    harm_inferred: str | None = None


@dataclass(frozen=True)
class Quote:
    evidence: Evidence
    speaker: str | None
    kind: str = "direct"  # direct or reported
    speaker_evidence: Evidence | None = None


@dataclass(frozen=True)
class FramingMarker:
    evidence: Evidence
    kind: str  # scare_quotes, distancing, loaded_word, label
    note: str = ""
    voice: str = "outlet"  # "outlet": the outlet's own words; "quote": words it quotes
    speaker: str | None = None  # whose words a quoted marker's are, when the quote says


@dataclass(frozen=True)
class Fact:
    """An atomic statement tied to the sentence it comes from."""

    evidence: Evidence  # the sentence
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """Something a clause says happened (or will): its word, the words that tell it, its time.

    ``telling`` are the pieces of the text that, joined by spaces, say the event as a
    sentence: its subject and its clause, without the other clauses around them.
    """

    evidence: Evidence  # the event word, with its particle ("pulled out")
    clause: Evidence  # the whole clause, its subject included
    telling: tuple[Evidence, ...]
    time: TimeExpression | None = None  # the time its own clause gives, if any
    participants: tuple[str, ...] = ()  # canonical names of the entities in the clause
    reporting: bool = False  # a speech verb: it happens when it is reported
    tense: str = "past"  # past, present or future
    # the telling is the whole sentence, which tells another clause's event: its date may be
    # of this event ("the quay it had built in the 1980s"), its words are the other's
    told_by_sentence: bool = False
    referent: str | None = None  # the person a telling's opening "he" or "his" stands for


@dataclass(frozen=True)
class Unit:
    """A statement unit (a sentence, rejoined where it was broken at an abbreviation) with
    what the aligner compares across articles; every field is a sorted tuple of strings."""

    evidence: Evidence
    words: tuple[str, ...] = ()  # lower-cased word tokens, in order
    lemmas: tuple[str, ...] = ()  # content lemmas
    names: tuple[str, ...] = ()  # named entities as written, lower case
    name_words: tuple[str, ...] = ()  # the words of those names
    numbers: tuple[str, ...] = ()  # numbers, digits or words, as plain values
    predicates: tuple[str, ...] = ()  # main clause verbs and their verb groups
    verbs: tuple[str, ...] = ()  # every verb and its verb groups
    pairs: tuple[str, ...] = ()  # adjacent word pairs, not both function words
    segments: tuple[str, ...] = ()  # clause-like pieces, words joined by spaces
    size: int = 0  # words


@dataclass(frozen=True)
class Reading:
    """Everything read from one article."""

    article: str
    version: str
    published: str | None = None
    published_inferred: bool = False
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    framing: tuple[FramingMarker, ...] = ()
    facts: tuple[Fact, ...] = ()
    events: tuple[Event, ...] = ()
    units: tuple[Unit, ...] = ()
    # (lower-cased word form, its lemma) where spaCy's lemma differs from the form
    lemmas: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Side:
    value: Any  # normalised: number, ISO date, "1991/1993" range, or text
    display: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Claim:
    id: str
    about: str
    status: str  # agreed, conflict (the sources' values differ), single
    reason: str
    sides: tuple[Side, ...]
    confidence: float = 1.0
    # what is compared: figure, age, date, statement, role (who holds it), spelling (one
    # name written two ways), plan (a plan denied, then done), time (a clock time), detail
    # (a value of a closed class: a weapon, where someone died); "" when not said
    kind: str = ""
    # how a conflict's values differ: "contradiction" (they cannot both hold: a conflict's
    # unless told otherwise) or "update" (a later report revises an earlier one, read from
    # publication dates and wording: an inference); "" for the other statuses
    difference: str = ""

    def __post_init__(self) -> None:
        if self.status == "conflict" and not self.difference:
            object.__setattr__(self, "difference", "contradiction")
        expected = DIFFERENCES if self.status == "conflict" else ("",)
        if self.difference not in expected:
            raise ValueError(f"a {self.status} claim cannot have difference {self.difference!r}")

    @property
    def section(self) -> str:
        """Where a dossier shows the claim: "update" for a conflict whose later report revises
        the earlier one, else its status ("conflict" is then a contradiction)."""
        return "update" if self.difference == "update" else self.status


DIFFERENCES = ("contradiction", "update")


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    event: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    reported: tuple[tuple[str, str | None], ...] = ()
    end: str | None = None
    granularity: str = "day"
    dates_given: tuple[str, ...] = ()
    mod: str | None = None  # early, mid, late, start, end, approx, a part of the day


@dataclass(frozen=True)
class SummarySentence:
    text: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Dossier:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    framing: tuple[tuple[str, FramingMarker], ...] = ()
    quotes: tuple[tuple[str, Quote], ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    omissions: tuple[str, ...] = field(default=())
    # (canonical actor or place, outlet, a word that outlet uses for it), most used first
    labels: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Story:
    """A group of articles about one real-world event, in the order they joined."""

    id: str
    title: str
    articles: tuple[str, ...]
    originals: int  # articles that are not wire copies of another member
    first_seen: str | None
    last_seen: str | None


def to_dict(record: Any) -> Any:
    """Turn records (and tuples of them) into JSON-ready plain data."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record
