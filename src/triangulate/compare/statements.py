"""Statements: every statement unit an article states, with what the comparison needs.

A statement is one unit of one article's reading (a sentence, see ``readers/units.py``) with
its independent source, the canonical names of the people, places and organisations in it
(merged across articles by the readers), its figures, dates and facts. Statements of different
independent sources are what the aligner pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.core.sources import original_of, source_name
from triangulate.core.spans import holds
from triangulate.core.words import stem as word_stem
from triangulate.core.words import word_set
from triangulate.models import Article, Evidence, Fact, Quantity, Reading, TimeExpression, Unit


@dataclass(frozen=True, eq=False)
class Statement:
    """One statement unit of one article, ready to be compared with those of others."""

    index: int  # position in the list of all statements of the comparison
    article: str
    source: str  # the independent source: the outlet of the original when this is a copy
    unit: Unit
    number: int  # the unit's number in its article (0 = the first)
    names: frozenset[str]  # canonical entity names
    people: frozenset[str]  # canonical names of the people among them
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]
    facts: tuple[Fact, ...]

    @property
    def evidence(self) -> Evidence:
        return self.unit.evidence

    @property
    def text(self) -> str:
        return self.unit.evidence.text

    @property
    def predicates(self) -> frozenset[str]:
        return frozenset(f.predicate for f in self.facts if f.predicate)


def stem(word: str) -> str:
    """The word layer's stem (plurals and possessives folded)."""
    return word_stem(word)


def statements_of(articles: Sequence[Article], readings: Sequence[Reading]) -> list[Statement]:
    """Every statement unit of every article, in article then text order."""
    by_id = {a.id: a for a in articles}
    found: list[Statement] = []
    for reading in readings:
        article = by_id.get(reading.article)
        if article is None:
            continue
        source = source_name(original_of(article, by_id))
        for number, unit in enumerate(reading.units):
            if not asks_only(unit.evidence.text):
                found.append(_statement(len(found), article, source, reading, number, unit))
    return found


# Quotation marks (not the apostrophe inside "the mayor's", "don't"): a question inside them is
# what someone asked, which may be news itself.
QUOTE_MARKS = re.compile("[\"\u201c\u201d]|(?<![^\\W_])['\u2018\u2019]|['\u2018\u2019](?![^\\W_])")


def asks_only(sentence: str) -> bool:
    """A question the writer asks ("Who has been arrested so far?", an explainer's heading; "Will
    the club pay more?"): it states no fact to line up with another source's. A quoted
    question ("'Who knew?' one query reads") is someone's words and stays."""
    text = sentence.strip()
    return text.endswith("?") and not QUOTE_MARKS.search(text)


def _statement(
    index: int, article: Article, source: str, reading: Reading, number: int, unit: Unit
) -> Statement:
    span = unit.evidence
    entities = [e for e in reading.entities if holds(span, e.evidence)]
    return Statement(
        index=index,
        article=article.id,
        source=source,
        unit=unit,
        number=number,
        names=frozenset(e.canonical for e in entities),
        people=frozenset(e.canonical for e in entities if e.label == "PERSON"),
        quantities=tuple(q for q in reading.quantities if holds(span, q.evidence)),
        times=tuple(t for t in reading.times if holds(span, t.evidence)),
        facts=tuple(f for f in reading.facts if holds(span, f.evidence)),
    )


# Verbs of a plain saying, as lemmas: the day of "officials said on Wednesday" or "Yesterday,
# the police explained that ..." dates the saying only (an announcement, a statement, a claim
# of responsibility, a ruling or a charge is news of its own).
SAYING = word_set("say tell explain add note insist stress argue write allege confirm")


def saying_times(reading: Reading) -> frozenset[int]:
    """Where the times that date a plain saying start ("..., officials said on Wednesday")."""
    lemmas = dict(reading.lemmas)
    return frozenset(
        e.time.evidence.start
        for e in reading.events
        if e.reporting and e.time is not None and word_stem(e.evidence.text, lemmas) in SAYING
    )
