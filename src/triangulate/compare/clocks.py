"""Clock times that two sources give for the same happening, compared as intervals.

"about 1:00 a.m." and "around 1:30 a.m." in two sentences the aligner links as one account
cannot both hold: each is read as the minutes it can mean (``DateInterval.clock_time``: a
bare hour is rounded, a hedge widens), and two that do not meet are a conflict. The day need
not be given ("1:30 a.m." with no date): sentences that state one fact time one happening.
Only sentences with one clock time are compared (two clock times in a sentence time two
things), and a source that gives two clock times for one happening is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.compare import labels, markets
from triangulate.compare.contrasts import components, conflict_side, named_sources
from triangulate.compare.statements import Statement
from triangulate.core.dates import DateInterval, clock_hedge
from triangulate.core.sources import Sources, keyed
from triangulate.core.spans import split_at
from triangulate.models import Article, Claim, Fact, TimeExpression

# Sentences the aligner links over its own threshold state one fact (as link.py's
# CLASH_ALIGNMENT): their clock times then time one happening.
CLOCK_ALIGNMENT = 0.2
ING_WORD = re.compile(r"\b\w{3,}ing\b")  # "driving": a clause without its auxiliary
# Linked sentences must share this many content words besides attribution and time words:
# "police said" and a time alone ("at this point (10:30 p.m.) the police said the crowd had
# dispersed") do not make one happening.
SHARED_CONTENT = 2
ATTRIBUTION_VERBS = frozenset({"say", "tell", "add", "state", "report", "according"})
CLOCK_WORDS = re.compile(
    r"a\.?m\.?|p\.?m\.?|[ap]|m|morning|afternoon|evening|night|tonight|today|"
    r"yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|hour|minute|time|o'clock",
    re.IGNORECASE,
)
# A clock time whose own words name no day ("4:12 a.m.") took its day from the sentences
# before it, which the reader may get wrong: the source did not state it, so two such times
# are compared by the minutes alone, never found to clash by their days.
DAY_NAMED = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|\d{4}-\d\d-\d\d|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE,
)
UNKNOWN_DAY = "XXXX-XX-XX"
# A time zone written after a clock time ("1:30 p.m. PST", "4:30 p.m. ET", "02:00 GMT"):
# times in two zones (or one zone and none) are not compared.
ZONE = re.compile(r"\b(?:GMT|UTC|BST|CET|CEST|EET|MSK|IST|JST|AEST|AEDT|[ECMP][SD]?T)\b")


@dataclass(frozen=True)
class Clock:
    statement: Statement
    time: TimeExpression
    interval: DateInterval

    @property
    def written(self) -> str:
        """The time with the hedge before it, as the sentence writes it ("about 1:00 am")."""
        before = split_at(self.statement.evidence, self.time.evidence)[0].split()
        hedge = ""
        for size in (1, 2):  # "about", "shortly after"
            words = " ".join(before[-size:])
            if self.interval.mod and clock_hedge(words) == self.interval.mod:
                hedge = words
                break
        return f"{hedge} {self.time.evidence.text}".strip()


def clock_of(statement: Statement) -> Clock | None:
    """The one clock time a sentence gives, read with its hedge; None for none or several."""
    found = [t for t in statement.times if t.value and "T" in t.value]
    if len(found) != 1:
        return None
    time = found[0]
    before = statement.text[: time.evidence.start - statement.evidence.start]
    value = time.value or ""
    if not DAY_NAMED.search(time.evidence.text):
        value = UNKNOWN_DAY + value[len(UNKNOWN_DAY) :]
    interval = DateInterval.clock_time(value, time.evidence.text, clock_hedge(before))
    return None if interval is None else Clock(statement, time, interval)


def clock_claims(
    statements: Sequence[Statement],
    alignment: dict[tuple[int, int], float],
    articles: Sequence[Article] | Sources[Article],
) -> list[Claim]:
    """One conflict per group of linked sentences whose clock times cannot all hold."""
    articles = keyed(articles)  # each claim counts its sources among them
    clocks = {st.index: c for st in statements if (c := clock_of(st)) is not None}
    narrated = _timed_narratives(list(clocks.values()))
    clocks = {i: c for i, c in clocks.items() if c.statement.article not in narrated}
    linked = [
        (i, j)
        for (i, j), score in alignment.items()
        if score >= CLOCK_ALIGNMENT
        and i in clocks
        and j in clocks
        and _comparable(clocks[i], clocks[j])
        and not _market_times_of_two_days(clocks[i], clocks[j], articles)
    ]
    claims = []
    for members in components(linked):
        group = [clocks[i] for i in sorted(members)]
        if _one_source_clashes(group):
            continue
        clashes = [
            (i, j) for i, j in linked if i in members and not _compatible(clocks[i], clocks[j])
        ]
        camps = _camps(group)
        if clashes and len(camps) > 1:
            claims.append(_claim(camps, clocks[clashes[0][0]], clocks[clashes[0][1]], articles))
    return claims


def _timed_narratives(clocks: Sequence[Clock]) -> set[str]:
    """Articles that give two different clock times ("spotted him shortly after 3 p.m.",
    "followed him at about 3:30 p.m."): they time a sequence of happenings, and a linked
    sentence of another source may time another step of it."""
    by_article: dict[str, set[str | None]] = {}
    for clock in clocks:
        by_article.setdefault(clock.statement.article, set()).add(clock.interval.clock)
    return {article for article, found in by_article.items() if len(found) > 1}


def _comparable(a: Clock, b: Clock) -> bool:
    """Written in one time zone (or none), and not on two different days the sentences give
    ("restored at 10:57 on 11 October", "restored as of 4 November 02:00")."""
    if _zone(a) != _zone(b) or len(_content(a) & _content(b)) < SHARED_CONTENT:
        return False
    days_a, days_b = _days(a), _days(b)
    return not days_a or not days_b or any(x.overlaps(y) for x in days_a for y in days_b)


def _market_times_of_two_days(a: Clock, b: Clock, articles: Sources[Article]) -> bool:
    """Times of day a market stood somewhere ("the Dow was down 2.6% at 16:08 UTC") told by
    reports of two days: each its day's (``compare/markets.py``)."""
    sentences = (a.statement.text, b.statement.text)
    published = (articles[a.statement.article].published, articles[b.statement.article].published)
    return all(markets.told_of_a_move(s) for s in sentences) and markets.of_two_days(
        published, sentences
    )


def _zone(clock: Clock) -> str:
    """The zone written in or right after the time ("4:30 p.m. ET")."""
    sentence = clock.statement.evidence
    end = clock.time.evidence.end - sentence.start
    found = ZONE.search(clock.time.evidence.text + " " + sentence.text[end : end + 8])
    return found.group(0).upper() if found else ""


def _content(clock: Clock) -> set[str]:
    """What the sentence is about beyond who said it and when: its content lemmas without
    reporting verbs, calendar and clock words and the clock time's own digits (a shared
    route number or street name counts)."""
    own = set(clock.time.evidence.text.lower().replace(":", " ").split())
    return {
        lemma
        for lemma in clock.statement.unit.lemmas
        if lemma not in ATTRIBUTION_VERBS and lemma not in own and not CLOCK_WORDS.fullmatch(lemma)
    }


def _days(clock: Clock) -> list[DateInterval]:
    """The days the sentence's other dates name."""
    found = []
    for time in clock.statement.times:
        if time is clock.time or not time.value or time.granularity != "day":
            continue
        interval = DateInterval.parse(time.value)
        if interval is not None:
            found.append(interval)
    return found


def _compatible(a: Clock, b: Clock) -> bool:
    return a.interval.compatible(b.interval)


def _one_source_clashes(group: Sequence[Clock]) -> bool:
    """A source timing the happening twice, differently: two happenings, not one."""
    return any(
        a.statement.source == b.statement.source and not _compatible(a, b)
        for a in group
        for b in group
    )


def _camps(group: Sequence[Clock]) -> list[list[Clock]]:
    """Clock times that can all hold together form one side."""
    camps: list[list[Clock]] = []
    for clock in group:
        home = next((c for c in camps if all(_compatible(o, clock) for o in c)), None)
        if home is None:
            camps.append([clock])
        else:
            home.append(clock)
    return camps


def _claim(
    camps: Sequence[Sequence[Clock]], first: Clock, second: Clock, articles: Sources[Article]
) -> Claim:
    sides = tuple(
        conflict_side(
            " / ".join(dict.fromkeys(c.written for c in camp)),
            camp[0].interval.value,
            [c.statement.evidence for c in camp],
        )
        for camp in camps
    )
    a, b = first.interval, second.interval
    assert a.minutes is not None and b.minutes is not None
    reason = (
        f"\u201c{first.written}\u201d ({named_sources([first.statement.evidence], articles)}) and "
        f"\u201c{second.written}\u201d ({named_sources([second.statement.evidence], articles)}) "
        "time the same happening in linked sentences and cannot both hold: "
        f"{_span_words(a.minutes)} and {_span_words(b.minutes)} do not meet."
    )
    about = _best_label([c for camp in camps for c in camp])
    return Claim("", about, "conflict", reason, sides, 0.6, kind="time")


def _span_words(minutes: tuple[int, int]) -> str:
    first, last = (f"{m // 60:02d}:{m % 60:02d}" for m in minutes)
    return first if first == last else f"{first}-{last}"


def _best_label(clocks: Sequence[Clock]) -> str:
    """The plainest of the members' labels: a clause with a finite verb ("Time the driver was
    arrested" rather than "Time the driver driving his car"), not led by a pronoun, shortest."""
    found = [label for label in map(_label, clocks) if label != "Time of day"]
    plain = [label for label in found if not labels.pronoun_led(label)] or found
    finite = [label for label in plain if not ING_WORD.search(label)] or plain
    return min(finite, key=lambda label: (len(label.split()), label)) if finite else "Time of day"


def _label(clock: Clock) -> str:
    """ "Time the officers stopped him": the clause the time dates, else a plain kind."""
    fact = _fact_of(clock)
    label = labels.date_label(clock.statement.text, clock.time, fact, period=False)
    if label.startswith("When "):
        return "Time " + label.removeprefix("When ")
    return "Time of day"


def _fact_of(clock: Clock) -> Fact | None:
    start = clock.time.evidence.start
    return next(
        (f for f in clock.statement.facts if any(t.evidence.start == start for t in f.times)),
        None,
    )
