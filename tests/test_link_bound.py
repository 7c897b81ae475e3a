"""The grouping reads a bounded number of each statement's links: a fact told by more sources
than a statement keeps links to is still one group (grown from its clique), two facts that
share bridging sentences are not chained into one, and the links read are bounded
(counted, never timed)."""

from __future__ import annotations

import random
from dataclasses import replace

from triangulate.compare import candidates
from triangulate.compare.align import aligned, grouped, strongest_links
from triangulate.compare.statements import Statement, statements_of
from triangulate.models import Article, Evidence, Unit
from triangulate.readers.reader import read_many

# One invented fact in twelve outlets' words, each with a sentence of its own after it.
WORDINGS = (
    "Floodwater broke through the east levee at Marrowby on Tuesday night.",
    "On Tuesday night floodwater broke through the east levee at Marrowby.",
    "The east levee at Marrowby was broken by floodwater on Tuesday night.",
    "Floodwater broke through Marrowby's east levee on Tuesday night.",
)
OWN = (
    "Bakers in Cindle handed out bread at the chapel.",
    "A ferry captain praised the pilots who flew the supplies.",
    "The school hall opened its doors to two hundred campers.",
    "Volunteers stacked crates of lamps beside the market.",
    "A choir sang for the families in the depot.",
    "Wardens counted the boats tied at the north quay.",
)


def _articles(outlets: int) -> list[Article]:
    return [
        Article(
            f"a{k}",
            f"a{k}.txt",
            f"Levee report {k}\n\n{WORDINGS[k % len(WORDINGS)]} {OWN[k % len(OWN)]}",
            outlet=f"Outlet {k}",
            published=f"2031-05-{k + 1:02d}",
        )
        for k in range(outlets)
    ]


def _levee_statements(statements: list[Statement]) -> set[int]:
    return {s.index for s in statements if "levee" in s.text.lower()}


def test_a_fact_told_by_more_sources_than_the_bound_stays_one_group() -> None:
    articles = _articles(12)
    statements = statements_of(articles, read_many(articles))
    levee = _levee_statements(statements)
    assert len(levee) == 12
    # not 5 or fewer: the four wordings' pairs score alike to the last bits, and which five
    # links each statement keeps then turned on those bits (one group on the machines before,
    # two on an AMD EPYC: a group of three wordings, and the fourth's clique beside it)
    for bound in (6, 8):
        groups, scores, _ = aligned(statements, links=bound)
        held = {k: sum(k in pair for pair in scores) for k in levee}
        assert min(held.values()) > bound  # each statement of the fact holds more links
        assert len(strongest_links(scores, bound)) < len(scores)
        assert any(levee <= set(group) for group in groups)


def _statement(index: int, source: str) -> Statement:
    text = f"statement {index}"
    return Statement(
        index=index,
        article=f"a-{source}",
        source=source,
        unit=Unit(Evidence(f"a-{source}", 0, len(text), text), words=(text,), lemmas=(text,)),
        number=0,
        names=frozenset(),
        people=frozenset(),
        quantities=(),
        times=(),
        facts=(),
    )


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def test_two_facts_sharing_bridging_statements_are_not_chained() -> None:
    # statements 0-7 tell one fact, 8-15 another, each in its own outlet; statements 16 and 17
    # (sentences telling both) are linked to all of them and to each other, and hold more
    # links than the bound: the other fact's members are linked to two of a core, not half
    statements = [_statement(k, f"Outlet {k}") for k in range(18)]
    first, second = range(8), range(8, 16)
    scores = {_pair(a, b): 0.9 for fact in (first, second) for a in fact for b in fact if a < b}
    scores.update({_pair(k, bridge): 0.95 for k in range(16) for bridge in (16, 17)})
    scores[(16, 17)] = 0.95
    groups = grouped(statements, scores, bound=4)
    assert groups
    for group in groups:
        assert set(group) <= {*first, 16, 17} or set(group) <= {*second, 16, 17}
    assert any(set(first) <= set(group) for group in groups)  # each fact is still whole
    assert any(set(second) <= set(group) for group in groups)


def test_the_links_read_are_each_statements_strongest_up_to_the_bound() -> None:
    pick = random.Random(5)
    n, bound = 60, 4
    scores = {(i, j): pick.uniform(0.3, 0.99) for i in range(n) for j in range(i + 1, n)}
    kept = strongest_links(scores, bound)
    assert len(kept) <= bound * n
    strongest = {
        k: sorted((p for p in scores if k in p), key=lambda p: -scores[p])[:bound] for k in range(n)
    }
    for i, j in kept:
        assert (i, j) in strongest[i] or (i, j) in strongest[j]
    for k in range(n):  # every statement keeps its own strongest
        assert all(p in kept for p in strongest[k])
    few = {pair: p for pair, p in scores.items() if max(pair) < bound}
    assert strongest_links(few, bound) == few  # no statement over the bound: every link


def test_the_candidates_of_a_statement_beyond_the_cap_are_at_most_the_cap() -> None:
    words = ("levee", "ferry", "quay", "mill", "depot", "chapel")
    statements = []
    for k in range(300):
        held = (words[k % 6], words[k % 5], f"w{k % 11}")
        unit = Unit(Evidence(f"a{k}", 0, 5, "words"), words=held, lemmas=held)
        statements.append(replace(_statement(k, f"Outlet {k % 30}"), unit=unit))
    cap = 16
    pairs = candidates.statement_pairs(statements, cap)
    assert candidates.beyond_cap(statements, cap).all()
    assert len(pairs) <= cap * len(statements)
    chosen = candidates._LemmaIndex(
        statements, candidates.source_ids(statements), candidates.POSTINGS
    )
    assert all(len(chosen.nearest(k, cap)) <= cap for k in range(len(statements)))
