"""What bounding each statement's links and candidates costs the agreed claims, on ECB+ training topics.

A bound on what each statement keeps (its ``K`` strongest links; a link is kept when either end
keeps it) caps the links at ``K`` a statement, so that the grouping grows with the statements.
The cliques alone then cut a fact told by more than ``K + 1`` sources; the shipped grouping
(``align.grouped``) grows a group whose links were cut from its clique by the statements
linked to a share of it (``--shares``). This prints, for each ``K`` (cliques alone, and grown
at each share) and each number of candidates a statement beyond the cap keeps
(``--nearest``), how the agreed claims join the labelled pairs of the training topics (pair
precision, recall, F1, as ``train_alignment.py --grouping`` counts them): on the groups of at
most six articles the weights were fitted on, on each training event compared whole (up to 22
articles: the larger coverage a bound would meet), and (``--sets mixed``) on the first 160
articles of the training topics compared at once, as ``bench_compare_scale.py`` compares them
(several events, every statement beyond the candidate cap); and how many links the statements
hold there. The rows without candidates named keep 256, as the build before the bound.

    nice -n 10 .venv/bin/python benchmarks/eval_link_bound.py --bounds 8,16 --shares 0.34,0.5
    nice -n 10 .venv/bin/python benchmarks/eval_link_bound.py --sets mixed --bounds 16 \
        --shares 0.5 --nearest 128,64

Readings are cached as ``benchmarks/train_alignment.py`` caches them (``--cache``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import triangulate.compare.align as align
from train_alignment import code_fingerprint, grouping_counts, read_group
from triangulate.compare import candidates
from triangulate.compare.statements import statements_of
from triangulate.evaluation.ecbplus import AnnotatedDocument, event_groups, training_topics
from triangulate.models import Article, Reading

Scores = dict[tuple[int, int], float]
Comparison = tuple[list[AnnotatedDocument], list[Article], list[Reading]]
SHIPPED = (align.LINKS, align.CORE_SHARE, align.grown)
SHIPPED_NEAREST = candidates.NEAREST
BEFORE_NEAREST = 256  # the candidates a statement beyond the cap kept before the bound


def _cliques_only(groups: list[list[int]], *_: Any) -> list[list[int]]:
    """No growing: the cliques of the bounded links as they are (the fourth pass's bound)."""
    return groups


def bound_grouping(bound: int | None, share: float | None = None) -> None:
    """Make the grouping read each statement's ``bound`` strongest links (None: all) and grow
    the groups whose links were cut by the statements linked to ``share`` of their core
    (None: no growing, the cliques alone)."""
    align.LINKS = sys.maxsize if bound is None else bound
    align.CORE_SHARE = SHIPPED[1] if share is None else share
    setattr(align, "grown", _cliques_only if share is None else SHIPPED[2])  # noqa: B010


def restore() -> None:
    align.LINKS, align.CORE_SHARE = SHIPPED[0], SHIPPED[1]
    setattr(align, "grown", SHIPPED[2])  # noqa: B010
    bound_candidates(SHIPPED_NEAREST)


def bound_candidates(nearest: int, cap: int = candidates.CAP) -> None:
    """Score each statement with more than ``cap`` statements of other sources against its
    ``nearest`` candidates of the index (shipped: ``candidates.CAP``, ``candidates.NEAREST``).
    The training events compared whole (up to 22 articles, at most a few hundred statements)
    stay under the cap: only the comparison of many articles at once (``--sets mixed``)
    puts the index to work."""
    candidates.NEAREST = nearest
    align.scored_pairs.__defaults__ = (cap,)
    candidates.beyond_cap.__defaults__ = (cap,)


def links_held(sets: Sequence[Comparison]) -> list[int]:
    """The links each statement holds, with no bound."""
    bound_grouping(None)
    held: list[int] = []
    for _, articles, readings in sets:
        statements = statements_of(articles, readings)
        counts = np.zeros(len(statements), dtype=np.int64)
        for i, j in align.aligned(statements)[1]:
            counts[i] += 1
            counts[j] += 1
        held.extend(counts.tolist())
    return held


def joined_pairs(sets: Sequence[Comparison], bound: int | None, share: float | None = None) -> str:
    bound_grouping(bound, share)
    right = wrong = positives = 0
    for group, articles, readings in sets:
        found = grouping_counts(group, articles, readings)
        right, wrong, positives = right + found[0], wrong + found[1], positives + found[2]
    precision, recall = right / max(1, right + wrong), right / max(1, positives)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f} ({right} right, {wrong} wrong)"


def mixed(groups: Sequence[Comparison], most: int) -> Comparison:
    """The first ``most`` articles of the training groups, topic by topic, as one comparison:
    several events at once, a few hundred statements beyond the candidate cap."""
    documents: list[AnnotatedDocument] = []
    articles: list[Article] = []
    readings: list[Reading] = []
    for group, their_articles, their_readings in groups:
        if len(articles) >= most:
            break
        documents.extend(group)
        articles.extend(their_articles)
        readings.extend(their_readings)
    return documents[:most], articles[:most], readings[:most]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus-dev"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    parser.add_argument("--bounds", default="8,16,24,32", help="links a statement keeps")
    parser.add_argument(
        "--nearest", default="", help="candidates a statement beyond the cap keeps, each run"
    )
    parser.add_argument(
        "--sets", default="groups,events", help="which of groups, events, mixed to measure"
    )
    parser.add_argument(
        "--mixed",
        type=int,
        default=160,
        help="with --sets mixed: the first N articles of the training topics compared at once (as "
        "bench_compare_scale.py compares them)",
    )
    parser.add_argument(
        "--shares", default="0.5", help="shares of a core a statement joins a grown group at"
    )
    args = parser.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        sys.exit(f"no ECB+ under {args.data}")
    args.cache.mkdir(parents=True, exist_ok=True)
    fingerprint = code_fingerprint()
    groups: list[Comparison] = []
    events: dict[str, Comparison] = {}
    for group in event_groups(args.data, training_topics(args.data)):
        articles, readings = read_group(group, args.cache, fingerprint)
        groups.append((list(group), articles, readings))
        whole = events.setdefault(group[0].event, ([], [], []))
        whole[0].extend(group)
        whole[1].extend(articles)
        whole[2].extend(readings)
    bounds = [int(value) for value in args.bounds.split(",") if value]
    shares = [float(value) for value in args.shares.split(",") if value]
    caps = [int(value) for value in args.nearest.split(",") if value]
    wanted = args.sets.split(",")
    comparisons = [("groups of <= 6 articles", groups)] if "groups" in wanted else []
    if "events" in wanted:
        comparisons.append(("whole events", list(events.values())))
    if "mixed" in wanted:
        comparisons.append(
            (f"the first {args.mixed} articles at once", [mixed(groups, args.mixed)])
        )
    bound_candidates(BEFORE_NEAREST)  # the rows without "candidates": as before the bound
    for name, sets in comparisons:
        held = np.array(links_held(sets))
        over = ", ".join(f"{int((held > bound).sum())} over {bound}" for bound in bounds)
        print(
            f"{name}: {len(sets)} comparisons, up to {max(len(s[1]) for s in sets)} articles; "
            f"{len(held)} statements, links a statement median {np.median(held):.0f}, "
            f"90th percentile {np.percentile(held, 90):.0f}, most {held.max()}; {over}"
        )
        print(f"  no bound (the build before): {joined_pairs(sets, None)}")
        for bound in bounds:
            print(f"  {bound} links a statement, cliques: {joined_pairs(sets, bound)}")
            for share in shares:
                print(
                    f"  {bound} links a statement, grown at {share}: "
                    f"{joined_pairs(sets, bound, share)}"
                )
                for cap in caps:
                    bound_candidates(cap)
                    print(f"    and {cap} candidates: {joined_pairs(sets, bound, share)}")
                    bound_candidates(BEFORE_NEAREST)
        for cap in caps:
            bound_candidates(cap)
            print(f"  no bound, {cap} candidates: {joined_pairs(sets, None)}")
            bound_candidates(BEFORE_NEAREST)
    restore()


if __name__ == "__main__":
    main()
