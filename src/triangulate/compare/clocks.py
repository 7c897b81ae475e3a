"""Clock times that two sources give for the same happening, compared as intervals.

"about 1:00 a.m." and "around 1:30 a.m." in two sentences the aligner links as one account
cannot both hold: each is read as the minutes it can mean (``DateInterval.clock_time``: a
bare hour is rounded, a hedge widens), and two that do not meet are a conflict. The day need
not be given ("1:30 a.m." with no date): sentences that state one fact time one happening.
Only sentences with one clock time are compared (two clock times in a sentence time two
things), and a source that gives two clock times for one happening is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.compare import labels
from triangulate.compare.contrasts import conflict_side, named_sources
from triangulate.compare.statements import Statement
from triangulate.core.dates import DateInterval, clock_hedge
from triangulate.models import Article, Claim, Fact, TimeExpression

# Sentences the aligner links over its own threshold state one fact (as link.py's
# CLASH_ALIGNMENT): their clock times then time one happening.
CLOCK_ALIGNMENT = 0.2


@dataclass(frozen=True)
class Clock:
    statement: Statement
    time: TimeExpression
    interval: DateInterval

    @property
    def written(self) -> str:
        """The time with the hedge before it, as the sentence writes it ("about 1:00 am")."""
        sentence = self.statement.evidence
        before = sentence.text[: self.time.evidence.start - sentence.start].split()
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
    interval = DateInterval.clock_time(time.value, time.evidence.text, clock_hedge(before))
    return None if interval is None else Clock(statement, time, interval)


def clock_claims(
    statements: Sequence[Statement],
    alignment: dict[tuple[int, int], float],
    articles: Sequence[Article],
) -> list[Claim]:
    """One conflict per group of linked sentences whose clock times cannot all hold."""
    clocks = {st.index: c for st in statements if (c := clock_of(st)) is not None}
    linked = [
        (i, j)
        for (i, j), score in alignment.items()
        if score >= CLOCK_ALIGNMENT and i in clocks and j in clocks
    ]
    claims = []
    for members in _components(linked):
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


def _compatible(a: Clock, b: Clock) -> bool:
    return a.interval.compatible(b.interval)


def _components(pairs: Sequence[tuple[int, int]]) -> list[set[int]]:
    owner: dict[int, int] = {}

    def root(i: int) -> int:
        while owner.setdefault(i, i) != i:
            i = owner[i]
        return i

    for i, j in pairs:
        owner[root(i)] = root(j)
    groups: dict[int, set[int]] = {}
    for i in list(owner):
        groups.setdefault(root(i), set()).add(i)
    return list(groups.values())


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
    camps: Sequence[Sequence[Clock]], first: Clock, second: Clock, articles: Sequence[Article]
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
    return Claim("", _label(first), "conflict", reason, sides, 0.6, kind="time")


def _span_words(minutes: tuple[int, int]) -> str:
    first, last = (f"{m // 60:02d}:{m % 60:02d}" for m in minutes)
    return first if first == last else f"{first}-{last}"


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
