"""Values of one closed class that exclude each other, in sentences that state one thing.

"walked in with a shotgun" / "brought a rifle into the building", "died at the scene" /
"died on the way to the hospital", "was well equipped" / "was insufficiently equipped":
two sources that answer one question with two values of a closed class (``data/contrasts.json``:
kinds of weapon, where someone died, an attribute and its opposite) cannot both be right.

Precision comes first, since a false conflict misleads a fact-checker:
- the sentences must be ones the aligner links as one account, and must not name two
  different people; the weapon of an attack is the one exception, compared across the
  dossier, because one attack is told in sentences that share few words ("the shotgun
  slaying", "brought a rifle into the building"); its sentences must tell the attack
  (a word of violence) and give the weapon as the one used (with, armed with, used...);
- values joined by "or" ("a shotgun or a rifle") are one uncertain answer that agrees with
  each; a general word ("a gun") names no value;
- a source that gives two values of a class (two weapons, two victims dying in two places)
  tells of more than one thing: that class is not compared for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from triangulate.compare.statements import Statement
from triangulate.core.sources import Sources, independent_sources, keyed
from triangulate.models import Article, Claim, Evidence, Side

# Sentences the aligner links over its own threshold state one fact (as link.py's
# CLASH_ALIGNMENT).
CONTRAST_ALIGNMENT = 0.2
FRAME_WINDOW = 60  # characters before a value where the verb that uses it is looked for
OR_BETWEEN = re.compile(r"^\W*(?:or|either|or\s+(?:an?|the|with\s+an?))\W*$", re.IGNORECASE)
CONFIDENCE = 0.6
QUOTE_MARKS = re.compile('["\u201c\u201d]')
WEAPON_CONFIDENCE = 0.5  # one attack may use two weapons that each source names one of


@dataclass(frozen=True)
class ContrastClass:
    name: str
    label: str  # "Where {holder} died"
    values: tuple[tuple[str, re.Pattern[str]], ...]
    needs: re.Pattern[str] | None  # the sentence must match this (tells an attack)
    frames: re.Pattern[str] | None  # the words before a value that make it the one used
    before_noun: re.Pattern[str] | None  # or the words after it ("the shotgun slaying")
    default_holder: str
    why: str  # "{values} are different weapons..."

    @property
    def whole_story(self) -> bool:
        """Compared across the dossier (the weapon of the attack), not only in aligned pairs."""
        return self.needs is not None


@cache
def contrast_classes() -> tuple[ContrastClass, ...]:
    raw = json.loads(resources.files("triangulate").joinpath("data/contrasts.json").read_text())
    found = []
    for name, spec in raw["classes"].items():
        values = tuple(
            (value, re.compile(rf"\b(?:{pattern})(?![\w-])", re.IGNORECASE))
            for value, pattern in spec["values"].items()
        )
        found.append(
            ContrastClass(
                name=name,
                label=spec["label"],
                values=values,
                needs=_optional(spec.get("needs")),
                frames=_optional(spec.get("frames")),
                before_noun=_optional(spec.get("before_noun")),
                default_holder=spec.get("holder", "the person"),
                why=spec["why"],
            )
        )
    return tuple(found)


def _optional(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


@dataclass(frozen=True)
class Answer:
    """What one sentence says of one class: its values, and whether they are alternatives."""

    statement: Statement
    values: frozenset[str]
    written: str  # the value as the sentence writes it ("a shotgun or a rifle")
    alternatives: bool  # "a shotgun or a rifle": one uncertain answer

    @property
    def certain(self) -> str | None:
        """The one value it states for sure, else None."""
        return next(iter(self.values)) if len(self.values) == 1 else None


def answer(statement: Statement, kind: ContrastClass) -> Answer | None:
    text = statement.text
    if kind.needs is not None and not kind.needs.search(text):
        return None
    every = sorted(
        (match.start(), match.end(), value)
        for value, pattern in kind.values
        for match in pattern.finditer(text)
    )
    found: list[tuple[int, int, str]] = []
    for start, end, value in every:
        joined = bool(found) and bool(OR_BETWEEN.match(text[found[-1][1] : start]))
        if joined or _used(kind, text, start, end):
            found.append((start, end, value))
    if not found:
        return None
    values = frozenset(value for _, _, value in found)
    alternatives = len(values) > 1 and all(
        OR_BETWEEN.match(text[end:start]) for (_, end, _), (start, _, _) in pairwise(found)
    )
    written = text[found[0][0] : found[-1][1]] if alternatives else text[found[0][0] : found[0][1]]
    shown = " ".join(QUOTE_MARKS.sub("", written).split())  # 'insufficiently" equipped'
    return Answer(statement, values, shown, alternatives)


def _used(kind: ContrastClass, text: str, start: int, end: int) -> bool:
    """For a weapon: the words around it make it the one used ("with a", "armed with",
    "the shotgun slaying")."""
    if kind.frames is None:
        return True
    if kind.frames.search(text[max(0, start - FRAME_WINDOW) : start]):
        return True
    return kind.before_noun is not None and bool(kind.before_noun.match(text[end:]))


# ---------------------------------------------------------------- finding conflicts


def contrast_claims(
    statements: Sequence[Statement],
    alignment: dict[tuple[int, int], float],
    articles: Sequence[Article] | Sources[Article],
) -> list[Claim]:
    articles = keyed(articles)  # each claim counts its sources among them
    claims = []
    for kind in contrast_classes():
        answers = {st.index: a for st in statements if (a := answer(st, kind)) is not None}
        if not answers:
            continue
        several = _sources_with_several_values(answers.values())
        usable = {i: a for i, a in answers.items() if a.statement.source not in several}
        if kind.whole_story:
            claim = _story_claim(kind, usable, answers, articles)
            if claim is not None:
                claims.append(claim)
            continue
        claims.extend(_aligned_claims(kind, usable, alignment, articles))
    return claims


def _sources_with_several_values(answers: Iterable[Answer]) -> set[str]:
    """Sources that state two values of a class for sure: they tell of two things."""
    by_source: dict[str, set[str]] = {}
    for found in answers:
        if not found.alternatives:
            by_source.setdefault(found.statement.source, set()).update(found.values)
    return {source for source, values in by_source.items() if len(values) > 1}


def _story_claim(
    kind: ContrastClass,
    usable: dict[int, Answer],
    every: dict[int, Answer],
    articles: Sources[Article],
) -> Claim | None:
    """The weapon of the attack: sources that each name one weapon, and not the same one."""
    camps: dict[str, list[Answer]] = {}
    for index in sorted(usable):
        value = usable[index].certain
        if value is not None:
            camps.setdefault(value, []).append(usable[index])
    if len(camps) < 2:
        return None
    hedged = [a for a in every.values() if a.alternatives and set(camps) <= a.values]
    return _claim(kind, list(camps.values()), hedged, articles, WEAPON_CONFIDENCE)


def _aligned_claims(
    kind: ContrastClass,
    usable: dict[int, Answer],
    alignment: dict[tuple[int, int], float],
    articles: Sources[Article],
) -> list[Claim]:
    """Linked sentences that answer one question with values that exclude each other."""
    edges = [
        (i, j)
        for (i, j), score in alignment.items()
        if score >= CONTRAST_ALIGNMENT
        and i in usable
        and j in usable
        and usable[i].certain is not None
        and usable[j].certain is not None
        and _same_holder(usable[i].statement, usable[j].statement)
    ]
    claims = []
    for members in components(edges):
        camps: dict[str, list[Answer]] = {}
        for index in sorted(members):
            found = usable[index]
            camps.setdefault(found.certain or "", []).append(found)
        clash = any(usable[i].certain != usable[j].certain for i, j in edges if i in members)
        if clash and len(camps) > 1:
            claims.append(_claim(kind, list(camps.values()), [], articles, CONFIDENCE))
    return claims


def _same_holder(a: Statement, b: Statement) -> bool:
    """No two different people: they share a name, or one sentence names nobody and tells
    of one person ("the driver died at the scene"), not of several ("the driver and three
    students died at the scene": the named student may be another)."""
    if a.people and b.people:
        return bool(a.people & b.people)
    unnamed = b if a.people else a
    return not (a.people or b.people) or not _tells_of_several(unnamed)


def _tells_of_several(statement: Statement) -> bool:
    subjects = [f.subject for f in statement.facts if f.subject and f.predicate]
    return any(" and " in subject or bool(SEVERAL.search(subject)) for subject in subjects)


# A subject that counts people ("three students", "two men", "12 passengers").
SEVERAL = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens)\b", re.I
)


def components(pairs: Sequence[tuple[int, int]]) -> list[set[int]]:
    """The groups of items the pairs connect."""
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


# ---------------------------------------------------------------- claims


def conflict_side(display: str, value: object, evidence: Sequence[Evidence]) -> Side:
    """One side of a conflict: the value as shown, every source and sentence behind it."""
    kept = tuple(dict.fromkeys(evidence))
    articles = tuple(dict.fromkeys(e.article for e in kept))
    return Side(value=value, display=display, articles=articles, evidence=kept)


def named_sources(evidence: Sequence[Evidence], articles: Sources[Article]) -> str:
    """The independent sources behind some evidence, by name."""
    return ", ".join(sorted(independent_sources([e.article for e in evidence], articles)))


def _claim(
    kind: ContrastClass,
    camps: Sequence[Sequence[Answer]],
    hedged: Sequence[Answer],
    articles: Sources[Article],
    confidence: float,
) -> Claim:
    camps = sorted(camps, key=lambda camp: -len({a.statement.source for a in camp}))
    sides = tuple(
        conflict_side(
            " / ".join(dict.fromkeys(a.written for a in camp)),
            camp[0].certain,
            [a.statement.evidence for a in camp],
        )
        for camp in camps
    )
    told = [
        f"\u201c{side.display}\u201d ({named_sources(side.evidence, articles)})" for side in sides
    ]
    reason = f"{' and '.join(told)} cannot both hold: {_why(kind, camps)}."
    if hedged:
        said = hedged[0].written
        reason += (
            f" {named_sources([a.statement.evidence for a in hedged], articles)} "
            f"say \u201c{said}\u201d, which agrees with either."
        )
    return Claim("", _label(kind, camps), "conflict", reason, sides, confidence, kind="detail")


def _why(kind: ContrastClass, camps: Sequence[Sequence[Answer]]) -> str:
    values = [camp[0].certain or "" for camp in camps]
    return kind.why.format(values=" and ".join(f"\u201c{v}\u201d" for v in values))


def _label(kind: ContrastClass, camps: Sequence[Sequence[Answer]]) -> str:
    """The label with its holder: the one person every side's sentences name, else the
    one person any of them names, else the class's word for the holder."""
    if "{holder}" not in kind.label:
        return kind.label
    named = [a.statement.people for camp in camps for a in camp if a.statement.people]
    common = frozenset.intersection(*named) if named else frozenset()
    anyone = frozenset().union(*named) if named else frozenset()
    holder = next(iter(common)) if len(common) == 1 else kind.default_holder
    if len(common) != 1 and len(anyone) == 1:
        holder = next(iter(anyone))
    return kind.label.format(holder=holder)
