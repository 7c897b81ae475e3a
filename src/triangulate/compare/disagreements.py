"""Disagreements inside aligned statements: the same question answered with values that cannot
both hold.

Two sentences the aligner lines up tell the same happening; when each gives a figure for
the same counted thing, hanging on verbs of the same kind ("confiscated 14 rifles", "six
rifles were seized"), and the figures cannot both hold given their hedges and units, the
sources disagree. Ages are compared per person wherever they are given: a person is one age
at a time, and an age one year higher in a report published a year later is an update.
A person named differently in the same role by two aligned sentences ("general manager
A. Butler" / "general manager A. Smith") is a disagreement about who it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from triangulate.compare.statements import Statement, stem
from triangulate.core.words import verbs_alike
from triangulate.core.sources import independent_sources
from triangulate.models import Article, Claim, Entity, Evidence, Quantity, Reading, Side
from triangulate.readers import quantities as quantity_reader

ROLE_WORDS = 3  # words before a name that can give its role ("general manager")
ROLE_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "said",
        "says",
        "and",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        ",",
        ".",
        "'",
        "s",
    ]
)
PARTITIVE = re.compile(r"\bof(?:\s+the|\s+its|\s+their)?\s*$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")


def predicates_alike(a: str | None, b: str | None) -> bool:
    """Same verb, or verbs news reports use for the same happening (see core.words)."""
    return verbs_alike(a, b)


# ---------------------------------------------------------------- figures


@dataclass(frozen=True, eq=False)
class _Figure:
    statement: Statement
    quantity: Quantity
    predicate: str | None
    kind: str
    counted: str
    doers: frozenset[str]  # the names in the subject of the clause that holds the figure

    @property
    def article(self) -> str:
        return self.statement.article


def _figures(statement: Statement) -> list[_Figure]:
    owner = {(q.evidence.start, q.evidence.end): f for f in statement.facts for q in f.quantities}
    found = []
    text, offset = statement.evidence.text, statement.evidence.start
    for quantity in statement.quantities:
        kind = quantity_reader.unit_kind(quantity.unit)
        if kind in ("age", "duration") or not quantity.unit:
            continue  # ages go by person; durations are dates' business
        if PARTITIVE.search(text[: quantity.evidence.start - offset]):
            continue  # "two of the three victims": three is the whole, not the count
        counted = "length" if kind == "length" else stem(quantity.unit.split()[-1])
        fact = owner.get((quantity.evidence.start, quantity.evidence.end))
        predicate = fact.predicate if fact else None
        subject = (fact.subject or "") if fact else ""
        doers = frozenset(n for n in statement.people if subject and (n in subject or subject in n))
        found.append(_Figure(statement, quantity, predicate, kind, counted, doers))
    return found


def _same_question(a: _Figure, b: _Figure) -> bool:
    """Same kind of figure, same counted thing, verbs of one kind, no two different doers."""
    if a.kind != b.kind or a.counted != b.counted:
        return False
    if a.doers and b.doers and not a.doers & b.doers:
        return False  # "A fell 700 m" and "B fell 60 m" answer two questions
    if a.predicate and b.predicate:
        return predicates_alike(a.predicate, b.predicate)
    return a.kind != "length"  # a distance means nothing without what covered it


def figure_clashes(
    statements: Sequence[Statement], aligned: Iterable[tuple[int, int]]
) -> list[tuple[_Figure, _Figure]]:
    """Pairs of figures in aligned statements that answer one question differently.

    A figure clashes only when the other statement has no compatible answer to the same
    question: "shot three, killing one" against "three shot, one dead" is no clash.
    """
    clashes = []
    for i, j in aligned:
        mine, theirs = _figures(statements[i]), _figures(statements[j])
        for a in mine:
            same = [b for b in theirs if _same_question(a, b)]
            if not same or any(quantity_reader.compatible(a.quantity, b.quantity) for b in same):
                continue
            for b in same:
                if not any(
                    quantity_reader.compatible(b.quantity, x.quantity)
                    for x in mine
                    if _same_question(b, x)
                ):
                    clashes.append((a, b))
    return clashes


# ---------------------------------------------------------------- ages


@dataclass(frozen=True)
class _Age:
    article: str
    person: str
    years: float
    quantity: Quantity
    sentence: Evidence


def ages(readings: Sequence[Reading]) -> list[_Age]:
    """Ages given for named people: "a 36-year-old ... Name", "Name, 38,", "Name, aged 38"."""
    found = []
    for reading in readings:
        people = sorted(
            (e for e in reading.entities if e.label == "PERSON"), key=lambda e: e.evidence.start
        )
        for quantity in reading.quantities:
            if quantity_reader.unit_kind(quantity.unit) != "age":
                continue
            person = _holder(quantity, people)
            sentence = _sentence_of(reading, quantity.evidence)
            if person is not None and sentence is not None:
                found.append(
                    _Age(reading.article, person.canonical, quantity.value, quantity, sentence)
                )
    return found


def _holder(quantity: Quantity, people: Sequence[Entity]) -> Entity | None:
    """The person an age belongs to: named right after it, or right before it."""
    start, end = quantity.evidence.start, quantity.evidence.end
    after = [p for p in people if 0 <= p.evidence.start - end <= 40]
    before = [p for p in people if 0 <= start - p.evidence.end <= 3]
    if before:
        return before[-1]
    return after[0] if after else None


def _sentence_of(reading: Reading, span: Evidence) -> Evidence | None:
    for sentence in reading.sentences:
        if sentence.evidence.start <= span.start and span.end <= sentence.evidence.end:
            return sentence.evidence
    return None


def age_groups(found: Sequence[_Age]) -> list[list[_Age]]:
    """Ages of one person that differ across articles."""
    by_person: dict[str, list[_Age]] = {}
    for age in found:
        by_person.setdefault(age.person, []).append(age)
    return [
        group
        for group in by_person.values()
        if len({a.years for a in group}) > 1 and len({a.article for a in group}) > 1
    ]


def years_between(first: str | None, second: str | None) -> float | None:
    try:
        a, b = date.fromisoformat((first or "")[:10]), date.fromisoformat((second or "")[:10])
    except ValueError:
        return None
    return abs((b - a).days) / 365.25


# ---------------------------------------------------------------- names in one role


def role_before(text: str, start: int) -> str:
    """The words right before a name, up to three and none a function word: its role
    ("Chargers general manager A. Smith"); "a rescue of A. Smith" gives no role."""
    before = text[max(0, start - 60) : start]
    if before and not before[-1].isspace():
        return ""  # "manager's", "(A. Smith": not a title right before the name
    words = [w.lower().strip(".") for w in _TOKEN.findall(before)]
    role: list[str] = []
    for word in reversed(words[-ROLE_WORDS:]):
        if word in ROLE_STOP or not word.isalpha():
            break
        role.insert(0, word)
    return " ".join(role)


def name_clashes(
    statements: Sequence[Statement], readings: Sequence[Reading], aligned: Iterable[tuple[int, int]]
) -> list[tuple[Statement, Statement, str, str, str]]:
    """(statement, statement, name, other name, role) for two people named in one role."""
    people = {r.article: [e for e in r.entities if e.label == "PERSON"] for r in readings}
    found = []
    for i, j in aligned:
        a, b = statements[i], statements[j]
        roles_a = _roles(a, people.get(a.article, []))
        roles_b = _roles(b, people.get(b.article, []))
        for role, name in roles_a.items():
            other = roles_b.get(role)
            if other and _different_people(name, other) and other not in a.names | {name}:
                found.append((a, b, name, other, role))
    return found


def name_key(name: str) -> tuple[str, ...]:
    """A name's words without case, dots or initials' spacing: "A. J. Butler" = "AJ Butler"."""
    words = re.sub(r"(?<=\b[A-Za-z])\.\s*(?=[A-Za-z]\b)", "", name).replace(".", " ").split()
    return tuple(w.lower() for w in words)


def _different_people(a: str, b: str) -> bool:
    """Two full names that cannot be the same name written twice."""
    first, second = name_key(a), name_key(b)
    if len(first) < 2 or len(second) < 2 or first == second:
        return False
    if set(first) <= set(second) or set(second) <= set(first):
        return False
    return not spelled_alike(" ".join(first), " ".join(second))


def spelled_alike(a: str, b: str) -> bool:
    """One name spelled two ways ("Rait", "Raite"): at most two letters apart."""
    if abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= 2


def _roles(statement: Statement, people: Sequence[Entity]) -> dict[str, str]:
    """Role phrase -> canonical person, for people named after a role in this sentence."""
    sentence = statement.evidence
    found = {}
    for person in people:
        if sentence.start <= person.evidence.start and person.evidence.end <= sentence.end:
            offset = person.evidence.start - sentence.start
            role = role_before(sentence.text, offset)
            if len(role.split()) >= 2 and role.replace(" ", "").isalpha():
                found[role] = person.canonical
    return found


# ---------------------------------------------------------------- claims


def _side(display: str, evidence: Sequence[Evidence], value: object) -> Side:
    articles = tuple(dict.fromkeys(e.article for e in evidence))
    return Side(value=value, display=display, articles=articles, evidence=tuple(evidence))


def figure_claims(
    clashes: Sequence[tuple[_Figure, _Figure]], articles: Sequence[Article]
) -> list[Claim]:
    """One conflict per question: the camps of compatible figures as its sides."""
    claims = []
    for figures in _connected(clashes):
        kind = figures[0].kind
        camps = _camps(figures)
        if len(camps) < 2:
            continue
        sides = tuple(
            _side(
                " / ".join(dict.fromkeys(f.quantity.evidence.text for f in camp)),
                [f.statement.evidence for f in camp],
                camp[0].quantity.value,
            )
            for camp in camps
        )
        noun = "length" if kind == "length" else figures[0].quantity.unit
        about = _figure_about(figures[0], noun)
        reason = _clash_reason(camps, articles)
        claims.append(Claim("", about, "conflict", reason, sides, 0.7))
    return claims


def _connected(clashes: Sequence[tuple[_Figure, _Figure]]) -> list[list[_Figure]]:
    """Figures joined by clashes: each group is one question the sources answer differently."""
    figures: dict[tuple[int, int], _Figure] = {}
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(key: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for a, b in clashes:
        keys = [(f.statement.index, f.quantity.evidence.start) for f in (a, b)]
        figures.update(zip(keys, (a, b), strict=True))
        parent[root(keys[0])] = root(keys[1])
    groups: dict[tuple[int, int], list[_Figure]] = {}
    for key in sorted(figures):
        groups.setdefault(root(key), []).append(figures[key])
    return list(groups.values())


def _figure_about(figure: _Figure, noun: str) -> str:
    verb = (figure.predicate or "").removeprefix("not ")
    if figure.kind == "length":
        return f"How far: {verb}" if verb else "Distance"
    return f"Number of {noun}" + (f" ({verb})" if verb else "")


def _camps(figures: Sequence[_Figure]) -> list[list[_Figure]]:
    camps: list[list[_Figure]] = []
    for figure in figures:
        home = next(
            (
                camp
                for camp in camps
                if all(quantity_reader.compatible(figure.quantity, f.quantity) for f in camp)
            ),
            None,
        )
        if home is None:
            camps.append([figure])
        else:
            home.append(figure)
    return camps


def _clash_reason(camps: Sequence[Sequence[_Figure]], articles: Sequence[Article]) -> str:
    parts = []
    for camp in camps:
        sources = independent_sources([f.article for f in camp], articles)
        written = " / ".join(dict.fromkeys(f.quantity.evidence.text for f in camp))
        parts.append(f"\u201c{written}\u201d ({', '.join(sorted(sources))})")
    return " and ".join(parts) + " cannot both hold: the figures do not overlap, even with hedges."


def age_claims(groups: Sequence[Sequence[_Age]], articles: Sequence[Article]) -> list[Claim]:
    published = {a.id: a.published for a in articles if not a.published_inferred}
    claims = []
    for group in groups:
        by_years: dict[float, list[_Age]] = {}
        for age in group:
            by_years.setdefault(age.years, []).append(age)
        sides = tuple(
            _side(
                f"{int(years) if years.is_integer() else years}",
                [a.sentence for a in found],
                years,
            )
            for years, found in sorted(by_years.items())
        )
        status = _age_status(by_years, published)
        person = group[0].person
        reason = _age_reason(by_years, articles, status)
        claims.append(Claim("", f"Age of {person}", status, reason, sides, 0.8))
    return claims


def _age_status(by_years: dict[float, list[_Age]], published: dict[str, str | None]) -> str:
    """An update when the older age comes from a report published enough later."""
    if len(by_years) != 2:
        return "conflict"
    (young, young_ages), (old, old_ages) = sorted(by_years.items())
    young_dates = [published.get(a.article) for a in young_ages]
    old_dates = [published.get(a.article) for a in old_ages]
    if None in young_dates or None in old_dates:
        return "conflict"
    gap = years_between(max(d for d in young_dates if d), min(d for d in old_dates if d))
    later = min(d for d in old_dates if d) > max(d for d in young_dates if d)
    if gap is not None and later and old - young <= gap + 1:
        return "update"
    return "conflict"


def _age_reason(by_years: dict[float, list[_Age]], articles: Sequence[Article], status: str) -> str:
    parts = []
    for years, found in sorted(by_years.items()):
        sources = independent_sources([a.article for a in found], articles)
        parts.append(f"{years:g} ({', '.join(sorted(sources))})")
    if status == "update":
        return (
            f"{' and '.join(parts)}: the higher age comes from a report published later, "
            "by about as many years as the ages differ."
        )
    return f"{' and '.join(parts)}: one person cannot be both ages at once."


def name_claims(
    clashes: Sequence[tuple[Statement, Statement, str, str, str]], articles: Sequence[Article]
) -> list[Claim]:
    by_role: dict[str, dict[str, list[Evidence]]] = {}
    for a, b, name, other, role in clashes:
        names = by_role.setdefault(role, {})
        for person, statement in ((name, a), (other, b)):
            evidence = names.setdefault(person, [])
            if statement.evidence not in evidence:
                evidence.append(statement.evidence)
    claims = []
    for role, names in by_role.items():
        sides = tuple(_side(person, evidence, person) for person, evidence in names.items())
        parts = [
            f"{person} ({', '.join(sorted(independent_sources([e.article for e in ev], articles)))})"
            for person, ev in names.items()
        ]
        reason = f"{' and '.join(parts)} are named as the {role} in the same account."
        claims.append(Claim("", f"Who the {role} was", "conflict", reason, sides, 0.6))
    return claims
