"""Agreed statements: one claim per group of aligned sentences from different sources.

The claim's evidence is each source's sentence; its label says in a few words what the
sentences state (who did what, from the clause the sources share), never a window of words.
"""

from __future__ import annotations

from collections.abc import Sequence

from triangulate.compare.labels import clause_label, statement_label
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
        members = [statements[i] for i in _by_centrality(group, scores)]
        claims.append(_claim(members, articles, _confidence(group, scores)))
    return claims


def _by_centrality(group: Sequence[int], scores: dict[tuple[int, int], float]) -> list[int]:
    """The group's statements, the one most strongly linked to the others first: what the
    sources share is best said by it."""

    def linked(i: int) -> float:
        return sum(scores.get((min(i, j), max(i, j)), 0.0) for j in group if j != i)

    return sorted(group, key=lambda i: (-linked(i), i))


def _confidence(group: Sequence[int], scores: dict[tuple[int, int], float]) -> float:
    pairs = [scores.get((min(a, b), max(a, b)), 0.0) for a in group for b in group if a < b]
    return round(sum(pairs) / len(pairs), 3) if pairs else 0.5


def _claim(members: Sequence[Statement], articles: Sequence[Article], confidence: float) -> Claim:
    about = claim_label(members)
    ordered = sorted(members, key=lambda s: (s.number, s.article))
    article_ids = tuple(dict.fromkeys(s.article for s in ordered))
    sources = independent_sources(article_ids, articles)
    names = ", ".join(sorted(sources))
    plural = "s" if len(sources) != 1 else ""
    reason = f"{len(sources)} independent source{plural} state it ({names})."
    side = Side(
        value=None,
        display=about,
        articles=article_ids,
        evidence=tuple(s.evidence for s in ordered),
    )
    return Claim("", about, "agreed", reason, (side,), confidence, kind="statement")


def _main_fact(statement: Statement) -> Fact | None:
    """The first clause that tells something, before any clause of speech ("said")."""
    facts = [f for f in statement.facts if f.predicate and f.subject]
    told = [f for f in facts if (f.predicate or "").split()[-1] not in REPORTING_VERBS]
    chosen = told or facts
    return chosen[0] if chosen else None


def claim_label(members: Sequence[Statement]) -> str:
    """Who did what, in a cited sentence's own words (subject, verb as written, object),
    from the most central member that gives a clean phrase; else the shortest cited
    sentence without who said it."""
    for statement in members:
        found = label(statement)
        if found is not None:
            return found
    shortest = min(members, key=lambda s: (len(s.text), s.index))
    return clause_label(shortest.text)


def label(statement: Statement) -> str | None:
    """The statement's main clause as a clean phrase, or None."""
    fact = _main_fact(statement)
    return None if fact is None else statement_label(statement.text, fact)


def name_of(article: Article) -> str:
    return source_name(article)
