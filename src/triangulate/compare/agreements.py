"""Agreed statements: one claim per group of aligned sentences from different sources.

The claim's evidence is each source's sentence; its label says in a few words what the
sentences state (who did what, from the clause the sources share), never a window of words.
"""

from __future__ import annotations

from collections.abc import Sequence

from triangulate.compare.labels import clipped, surface_verb
from triangulate.compare.statements import Statement
from triangulate.core.sources import independent_sources, source_name
from triangulate.core.words import REPORTING_VERBS
from triangulate.models import Article, Claim, Fact, Side


def statement_claims(
    groups: Sequence[Sequence[int]],
    statements: Sequence[Statement],
    articles: Sequence[Article],
    scores: dict[tuple[int, int], float],
) -> list[Claim]:
    """One agreed claim per group, its most widely shared statement first."""
    claims = []
    for group in groups:
        members = [statements[i] for i in group]
        claims.append(_claim(members, articles, _confidence(group, scores)))
    return claims


def _confidence(group: Sequence[int], scores: dict[tuple[int, int], float]) -> float:
    pairs = [scores.get((min(a, b), max(a, b)), 0.0) for a in group for b in group if a < b]
    return round(sum(pairs) / len(pairs), 3) if pairs else 0.5


def _claim(members: Sequence[Statement], articles: Sequence[Article], confidence: float) -> Claim:
    ordered = sorted(members, key=lambda s: (s.number, s.article))
    article_ids = tuple(dict.fromkeys(s.article for s in ordered))
    sources = independent_sources(article_ids, articles)
    names = ", ".join(sorted(sources))
    plural = "s" if len(sources) != 1 else ""
    reason = f"{len(sources)} independent source{plural} state it ({names})."
    side = Side(
        value=None,
        display=label(ordered[0]),
        articles=article_ids,
        evidence=tuple(s.evidence for s in ordered),
    )
    return Claim("", label(ordered[0]), "agreed", reason, (side,), confidence, kind="statement")


def _main_fact(statement: Statement) -> Fact | None:
    """The first clause that tells something, before any clause of speech ("said")."""
    facts = [f for f in statement.facts if f.predicate and f.subject]
    told = [f for f in facts if (f.predicate or "").split()[-1] not in REPORTING_VERBS]
    chosen = told or facts
    return chosen[0] if chosen else None


def label(statement: Statement) -> str:
    """Who did what, in the sentence's own words: subject, verb as written, object."""
    fact = _main_fact(statement)
    if fact is None or not fact.subject:
        return clipped(statement.text)
    verb = surface_verb(statement.text, fact.predicate)
    return clipped(" ".join(p for p in (fact.subject, verb, fact.object or "") if p))


def name_of(article: Article) -> str:
    return source_name(article)
