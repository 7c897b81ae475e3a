"""Dated events across sources: one entry per event, with every source that tells it.

Each event the readers find (one per verb, see :mod:`triangulate.readers.events`) is a
*mention*: one source's telling of it, placed in time.  A mention is dated when its own
clause gives a time ("the troops left on 12 June"); an undated one happens, as far as the
text says, by the time it reports it (news tells the day's events in the past and in the
present tense: "stocks fall"): at the day the article's lead dates its news, else at its
publication.  An undated plan ("will be discontinued") has not happened by then and is not
placed at all.  When the publication date is only guessed (the latest date the text
mentions, often an earlier event's), a day that date would give ("on Friday", "yesterday")
is a guess too and is not placed; dates the text writes out in full still are.  The
timeline shows the dated mentions only, each told by a sentence of its source's own words;
:func:`event_mentions` gives them all (the SemEval-2015 Task 4 benchmark scores that view).
A date stays with the event whose clause it modifies: an event told only by another
clause's sentence, and a time pointing back ("that day") in a text that named no day before
it, make no entry; a clock time later than the report's own time that day is the day before.

Grouping mentions of one event across sources is a layer on top that never rewrites a
mention's date: mentions join when they tell the same event on compatible dates (or, with
the same participants, on dates a few weeks apart); an entry shows the date most of its
sources give and keeps every date given when they differ.  Report time (when each source
published) stays apart from event time (``reported``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from triangulate.core.dates import DateInterval
from triangulate.core.spans import sentence_around
from triangulate.core.words import content_words, overlap, verbs_alike, words_of
from triangulate.models import Article, Event, Evidence, Reading, TimeExpression, TimelineEntry
from triangulate.readers.times import needs_an_anchor

DATELINE_WORDS = re.compile(
    r"\b(published|updated|posted|modified|last edited|copyright|©|publication date)\b", re.I
)
MERGE_SAME_DATE = 0.3
MERGE_OTHER_DATE = 0.45
EMBED_SAME_DATE = 0.6
EMBED_OTHER_DATE = 0.75
OTHER_DATE_MAX_DAYS = 45
RETOLD = 0.5  # word overlap of a source's two tellings of one event
LEAD_DAYS_BEFORE = 7  # a lead's day is within the week before publication
# Times that point back to a day the text named before ("that day", "earlier in the day",
# "the next morning"): read against publication they would give the report's day.
ANAPHORIC_TIME = re.compile(
    r"^(?:(?:early|earlier|late|later)\s+)?(?:(?:in|on|during)\s+)?"
    r"(?:(?:that|the|the same|the next|the following|the previous|the day's)\s+)?"
    r"(?:day|morning|afternoon|evening|night)$",
    re.I,
)
# "Last updated 09:40 02/03/2031": the clock time a dateline gives its report
DATELINE_CLOCK = re.compile(r"\b([01]?\d|2[0-3])\s*:\s*([0-5]\d)\b(?:\s*([ap])\.?\s?m\b\.?)?", re.I)
DATELINE_REACH = 300  # characters at the top of a text where a dateline stands
DATELINE_LINES = 4


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised row vectors."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class EventMention:
    """One source's telling of an event, placed in time.

    ``dated``: the text dates the event itself; otherwise ``value`` is the time the source
    reports it at (the day its lead gives, else its publication date).
    """

    event: Event
    sentence: Evidence
    value: str
    dated: bool
    published: str | None
    when: DateInterval
    granularity: str = "day"
    words: frozenset[str] = frozenset()  # the telling's content words, by their lemmas
    verb: str = ""  # the event word's lemma
    # its time points back ("that day") with no day named before it: the reader could only
    # read it from the day of publication
    unplaced: bool = False

    @property
    def article(self) -> str:
        return self.event.evidence.article

    @property
    def text(self) -> str:
        return telling_text(self.event)


@dataclass
class _Group:
    mentions: list[EventMention] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)


# --- words -----------------------------------------------------------------------------------


def telling_text(event: Event) -> str:
    """The event told as a sentence: its source's words in order, capitalised, with a stop.

    No word is added; a piece that starts with a comma is glued to the one before.
    """
    text = ""
    for piece in event.telling:
        glue = "" if not text or piece.text[:1] in ",;:" else " "
        text += glue + piece.text
    text = " ".join(text.split())
    if not text:
        return ""
    text = _naming(text, event.referent)
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?”’\"'" else text + "."


def _naming(text: str, referent: str | None) -> str:
    """ "He [Ana Veldt] said ...", "His [Ana Veldt's] boat ...": whom an opening pronoun
    stands for, in brackets, as its article's sentences before it told."""
    first, _, rest = text.partition(" ")
    if referent is None or not rest:
        return text
    owner = first.lower() in {"his", "her"}  # opening a sentence, "her" is a possessive
    name = referent + ("'s" if owner else "")
    return f"{first} [{name}] {rest}"


# --- dates -----------------------------------------------------------------------------------


def _dates_compatible(first: EventMention, second: EventMention) -> bool:
    """True when one date holds the other (2024-06 and 2024-06-12), or one night runs into
    the other's small hours ("late Saturday night", "early Sunday"); two ranges that differ
    at an end (1991-1993 and 1988-1994) give the event different dates."""
    a, b = first.when, second.when
    if a.is_range or b.is_range:
        return a.compatible(b)
    return a.contains(b) or b.contains(a) or a.runs_into(b) or b.runs_into(a)


def _dates_near(first: EventMention, second: EventMention) -> bool:
    gap = max(first.when.start, second.when.start) - min(first.when.end, second.when.end)
    return gap.days <= OTHER_DATE_MAX_DAYS


# --- mentions --------------------------------------------------------------------------------


def event_mentions(articles: Iterable[Article], readings: Iterable[Reading]) -> list[EventMention]:
    """Every event of every original article (copies skipped), dated or at its report time."""
    by_id = {reading.article: reading for reading in readings}
    mentions: list[EventMention] = []
    for article in articles:
        reading = by_id.get(article.id)
        if reading is not None and article.duplicate_of is None:
            mentions += _article_mentions(article, reading)
    return mentions


def _article_mentions(article: Article, reading: Reading) -> list[EventMention]:
    sentences = [s.evidence for s in reading.sentences]
    published = reading.published or article.published
    lead = lead_day(reading, article.text)
    lemmas = dict(reading.lemmas)
    reported_at = _dateline_clock(article.text, published)
    found = []
    for event in reading.events:
        sentence = sentence_around(event.evidence, article.text, sentences)
        mention = None
        if not (reading.published_inferred and _read_against_publication(event.time)):
            mention = _dated_mention(event, sentence, published)
        if mention is None and event.tense != "future":
            report = lead or published
            mention = _mention_at(event, sentence, report, published, dated=False)
        if mention is not None:
            verb = event.evidence.text.split()[0].lower() if event.evidence.text.split() else ""
            words = content_words(_own_words(event, reading.events, article.text), lemmas)
            mention = dataclasses.replace(
                mention,
                words=words,
                verb=lemmas.get(verb, verb),
                unplaced=_points_back_to_nothing(event.time, reading, sentences),
            )
            found.append(_before_report(mention, reported_at))
    return found


def _own_words(event: Event, events: Iterable[Event], text: str) -> str:
    """The words of the event's own clause in its telling: a reporting verb's telling holds
    what it reports ("Officers took X into custody on Monday, the chief said on Tuesday"),
    whose words are the reported event's, not the saying's."""
    if not event.reporting:
        return telling_text(event)  # with whom an opening pronoun stands for
    telling = [(piece.start, piece.end) for piece in event.telling]
    clause = event.clause
    reported = [
        (other.clause.start, other.clause.end)
        for other in events
        if other is not event
        and other.clause.article == clause.article
        and clause.start <= other.clause.start
        and other.clause.end <= clause.end
        and not other.clause.start <= event.evidence.start < other.clause.end
    ]
    pieces = [
        "".join(" " if any(a <= i < b for a, b in reported) else text[i] for i in range(start, end))
        for start, end in telling
    ]
    return " ".join(pieces)


def _read_against_publication(time: TimeExpression | None) -> bool:
    """A time whose day the publication date gave ("on Friday", "yesterday"). When that date
    is only the reader's guess (the latest date the text mentions: often an earlier event's),
    such a day is a guess too: the timeline does not place it."""
    return time is not None and time.value is not None and needs_an_anchor(time)


def _dateline_clock(text: str, published: str | None) -> dt.datetime | None:
    """The time of day a dateline gives the report ("Last updated 09:40 02/03/2031"), when
    the line names the day the article is dated."""
    day = _day(published)
    if day is None:
        return None
    for line in text.lstrip()[:DATELINE_REACH].split("\n")[:DATELINE_LINES]:
        clock = DATELINE_CLOCK.search(line)
        if clock is None or not DATELINE_WORDS.search(line) or not _names_the_day(line, day):
            continue
        hour = int(clock[1]) % 12 if clock[3] else int(clock[1])
        hour += 12 if clock[3] and clock[3].lower().startswith("p") else 0
        return dt.datetime.combine(day, dt.time(hour, int(clock[2])))
    return None


def _names_the_day(line: str, day: dt.date) -> bool:
    """The line writes the day: its year, its day of the month and its month."""
    month = day.strftime("%b").lower()
    return (
        str(day.year) in line
        and bool(re.search(rf"(?<!\d)0?{day.day}(?!\d)", line))
        and bool(re.search(rf"(?<!\d)0?{day.month}(?!\d)|{month}", line.lower()))
    )


def _before_report(mention: EventMention, reported_at: dt.datetime | None) -> EventMention:
    """A clock time with no day of its own ("about 3pm") that is later than its report's
    own time that day happened the day before: a report tells what has happened."""
    if reported_at is None or not mention.dated or mention.granularity != "time":
        return mention
    try:
        when = dt.datetime.fromisoformat(mention.value)
    except ValueError:
        return mention
    if when.date() != reported_at.date() or when <= reported_at:
        return mention
    if _names_its_day(mention):
        return mention
    value = (when - dt.timedelta(days=1)).isoformat(timespec="minutes")
    moved = DateInterval.parse(value)
    return mention if moved is None else dataclasses.replace(mention, value=value, when=moved)


def _names_its_day(mention: EventMention) -> bool:
    """The clause names the day itself ("at 3pm on Saturday", "today at 3pm")."""
    time = mention.event.time
    return time is not None and bool(
        re.search(
            r"\b(?:today|tonight|[a-z]+day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b",
            time.evidence.text,
        )
    )


def _dated_mention(event: Event, sentence: Evidence, published: str | None) -> EventMention | None:
    time = event.time
    if time is None or time.value is None or _is_dateline(sentence, time):
        return None
    return _mention_at(event, sentence, time.value, published, True, time)


def _mention_at(
    event: Event,
    sentence: Evidence,
    value: str | None,
    published: str | None,
    dated: bool,
    time: TimeExpression | None = None,
) -> EventMention | None:
    when = DateInterval.parse(value, mod=time.mod if time else None)
    if value is None or when is None or when.granularity == "duration":
        return None
    granularity = "range" if when.is_range else time.granularity if time else "day"
    return EventMention(event, sentence, value, dated, published, when, granularity)


def lead_day(reading: Reading, text: str) -> str | None:
    """The day the article's news happened: the first day its body names (after the
    title and a dateline), when that day lies in the week up to publication.

    News tells what happened in the last days; a sentence with no time of its own is
    about that day ("Stocks fell on Friday ...", then "The Dow lost 2 percent.").
    """
    published = _day(reading.published)
    if published is None:
        return None
    body = [s.evidence for s in reading.sentences[1:]]  # the first is the title
    for time in reading.times:
        sentence = next((s for s in body if s.start <= time.evidence.start < s.end), None)
        if sentence is None or _is_dateline(sentence, time):
            continue
        if not time.anchored or time.granularity != "day":
            continue
        day = _day(time.value)
        if day is None:
            continue
        return day.isoformat() if 0 <= (published - day).days <= LEAD_DAYS_BEFORE else None
    return None


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_dateline(sentence: Evidence, time: TimeExpression) -> bool:
    """A line that only says when the article was published or updated."""
    rest = sentence.text.replace(time.evidence.text, " ")
    if DATELINE_WORDS.search(rest) and _word_count(rest) <= 12:
        return True
    return _word_count(rest) < 3


def _word_count(text: str) -> int:
    return len(words_of(text))


# --- the dated events of the timeline --------------------------------------------------------


def dated_events(mentions: Iterable[EventMention]) -> list[EventMention]:
    """The mentions a timeline shows: dated ones, one per time expression of a source (the
    clause that owns it), and one per date a sentence of a source tells (a side event told
    by its whole sentence gives way to the event whose own clause that is)."""
    chosen: dict[tuple[str, str, str], EventMention] = {}
    times: set[tuple[str, int]] = set()
    for mention in mentions:
        time = mention.event.time
        if not mention.dated or time is None or _word_count(mention.text) < 3:
            continue
        if mention.event.told_by_sentence or mention.unplaced:
            continue  # the date is another clause's, or read from the day of publication
        if (mention.article, time.evidence.start) in times:
            continue
        times.add((mention.article, time.evidence.start))
        key = (mention.article, mention.text.lower(), mention.value)
        if key not in chosen or _own_share(mention) > _own_share(chosen[key]):
            chosen[key] = mention
    return list(chosen.values())


def _without_echoed_sayings(mentions: list[EventMention]) -> list[EventMention]:
    """A saying dated the day of what its sentence reports ("Three bodies were found on
    Monday, the sheriff said yesterday") adds no entry: that event's entry tells it."""
    told = {(m.article, m.sentence, m.value) for m in mentions if not m.event.reporting}
    return [
        m for m in mentions if not (m.event.reporting and (m.article, m.sentence, m.value) in told)
    ]


def _points_back_to_nothing(
    time: TimeExpression | None, reading: Reading, sentences: list[Evidence]
) -> bool:
    """ "Earlier in the day", "that day": the day named before it, if the text names one
    (not in a dateline); else it says nothing of when."""
    if time is None or not ANAPHORIC_TIME.match(" ".join(time.evidence.text.split())):
        return False
    for earlier in reading.times:
        if earlier.evidence.start >= time.evidence.start or earlier.granularity != "day":
            continue
        if not earlier.anchored or ANAPHORIC_TIME.match(" ".join(earlier.evidence.text.split())):
            continue
        sentence = next((s for s in sentences if s.start <= earlier.evidence.start < s.end), None)
        if sentence is not None and not _is_dateline(sentence, earlier):
            return False
    return True


def _own_share(mention: EventMention) -> float:
    """How much of the telling is the event's own clause."""
    clause = mention.event.clause
    told = sum(
        max(0, min(piece.end, clause.end) - max(piece.start, clause.start))
        for piece in mention.event.telling
    )
    return told / max(1, sum(piece.end - piece.start for piece in mention.event.telling))


def _similar(
    mention: EventMention, vector: np.ndarray | None, group: _Group, same_date: bool
) -> bool:
    if vector is not None and group.vectors:
        best = max(float(vector @ other) for other in group.vectors)
        return best >= (EMBED_SAME_DATE if same_date else EMBED_OTHER_DATE)
    best = max(overlap(mention.words, other.words) for other in group.mentions)
    return best >= (MERGE_SAME_DATE if same_date else MERGE_OTHER_DATE)


def _same_participants(mention: EventMention, group: _Group) -> bool:
    """Different days make one event only when it happens to the same named parties."""
    mine = set(mention.event.participants)
    return bool(mine) and all(mine & set(m.event.participants) for m in group.mentions)


def _retold(mention: EventMention, group: _Group) -> bool:
    """A source telling the same event again (in its lead, then in its body)."""
    return any(
        m.article == mention.article and overlap(m.words, mention.words) >= RETOLD
        for m in group.mentions
    )


def _told_again(mention: EventMention, group: _Group) -> bool:
    """A source telling one happening twice on one date with verbs of the same happening
    ("was sacked last month", then "had been dismissed last month")."""
    return any(
        m.article == mention.article
        and m.value == mention.value
        and verbs_alike(m.verb, mention.verb)
        for m in group.mentions
    )


def _find_group(
    mention: EventMention, vector: np.ndarray | None, groups: list[_Group]
) -> _Group | None:
    for group in groups:
        if any(m.event.reporting != mention.event.reporting for m in group.mentions):
            continue  # saying on Tuesday that an arrest was made on Monday is no arrest
        same = all(_dates_compatible(mention, m) for m in group.mentions)
        if same and _told_again(mention, group):
            return group
        if any(m.article == mention.article for m in group.mentions) and not (
            same and _retold(mention, group)
        ):
            continue  # a source's other dated sentences tell other events
        near = not same and all(_dates_near(mention, m) for m in group.mentions)
        if near and not (_same_participants(mention, group) and _same_happening(mention, group)):
            continue
        if (same or near) and _similar(mention, vector, group, same):
            return group
    return None


def _same_happening(mention: EventMention, group: _Group) -> bool:
    """A telling dated otherwise is one of the group's event only by a verb of that event:
    an arrest and a court appearance a week later, a ruling and its appeal, share their
    people and words but are two entries."""
    return any(verbs_alike(mention.verb, m.verb) for m in group.mentions)


def _group_mentions(mentions: list[EventMention], embedder: Embedder | None) -> list[_Group]:
    vectors: list[np.ndarray | None] = [None] * len(mentions)
    if embedder is not None and mentions:
        vectors = list(embedder.encode([m.text for m in mentions]))
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
    chosen = _main_date(group.mentions)
    mentions = _told_on_that_date(group.mentions, chosen)
    value, _, end = chosen.value.partition("/")
    values = sorted({m.value for m in mentions})
    articles = tuple(dict.fromkeys(m.article for m in mentions))
    reported = {m.article: m.published for m in mentions}
    return TimelineEntry(
        date=value,
        event=_central_telling([m for m in mentions if m.value == chosen.value]),
        articles=articles,
        evidence=tuple(dict.fromkeys(m.sentence for m in mentions)),
        reported=tuple(reported.items()),
        end=end or None,
        granularity=chosen.granularity,
        dates_given=tuple(values) if _disagree(mentions) else (),
        mod=chosen.when.mod,
    )


def _told_on_that_date(mentions: list[EventMention], chosen: EventMention) -> list[EventMention]:
    """The mentions an entry at the chosen date cites: not one whose coarser date only holds
    it ("last month" for "on 4 May"): that source never said the day. A date that differs
    stays, to show the sources disagree."""
    return [
        m for m in mentions if not (m.when.days > chosen.when.days and m.when.contains(chosen.when))
    ]


def _disagree(mentions: list[EventMention]) -> bool:
    """True when two sources give dates that cannot both hold (not 2024-06 and 2024-06-12)."""
    return any(not _dates_compatible(a, b) for a in mentions for b in mentions)


def _main_date(mentions: list[EventMention]) -> EventMention:
    """The date most sources give; among ties the most precise, then the earliest."""
    support = Counter(m.value for m in mentions)
    return min(mentions, key=lambda m: (-support[m.value], m.when.days, m.when.start))


def _central_telling(mentions: list[EventMention]) -> str:
    """The telling closest to all the others, so it reads as the shared account."""
    if len(mentions) == 1:
        return mentions[0].text

    def closeness(m: EventMention) -> float:
        return sum(overlap(m.words, other.words) for other in mentions if other is not m)

    return max(mentions, key=lambda m: (closeness(m), -len(m.text))).text


def _sort_key(entry: TimelineEntry) -> tuple[dt.date, int, int, str]:
    when = DateInterval.parse(entry_value(entry), mod=entry.mod)
    if when is None:
        return dt.date.max, 0, 0, entry.event
    return when.start, -when.days, when.minute_of_day, entry.event


def entry_value(entry: TimelineEntry) -> str:
    """The entry's whole date value: a range's two ends joined again ("1991/1993")."""
    return f"{entry.date}/{entry.end}" if entry.end else entry.date


def build_timeline(
    articles: Iterable[Article],
    readings: Iterable[Reading],
    embedder: Embedder | None = None,
) -> list[TimelineEntry]:
    """Dated events across all sources, one entry per event, sorted by date.

    Copies (``duplicate_of`` set) are skipped so a syndicated story counts once.
    """
    mentions = _without_echoed_sayings(dated_events(event_mentions(articles, readings)))
    entries = [_entry(group) for group in _group_mentions(mentions, embedder)]
    return sorted(entries, key=_sort_key)
