"""What bounding each statement's links would cost the agreed claims, on ECB+ training topics.

A bound on what each statement keeps (its ``K`` strongest links; a link is kept when either end
keeps it) caps the links at ``K`` a statement, so that the grouping (cliques) grows with the
statements. This applies it to the links the grouping reads (cliques, their joining, the
near-duplicate check) and prints, for each ``K``, how the agreed claims join the labelled
pairs of the training topics (pair precision, recall, F1, as ``train_alignment.py --grouping``
counts them), twice: on the groups of at most six articles the weights were fitted on, and on
each training event compared whole (up to 22 articles: the larger coverage a bound would
meet); and how many links the statements hold there. The shipped comparison has no such
bound: this is the measurement that says why.

    nice -n 10 .venv/bin/python benchmarks/eval_link_bound.py --bounds 8,16,24,32

Readings are cached as ``benchmarks/train_alignment.py`` caches them (``--cache``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
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
ORIGINAL = {name: getattr(align, name) for name in ("cliques", "joined", "without_near_duplicates")}


def strongest_links(scores: Scores, bound: int) -> Scores:
    """The links each statement keeps: its ``bound`` strongest, a link kept when either end
    keeps it (``candidates.strongest``, as the second look bounds its pairs)."""
    if not scores:
        return scores
    pairs = np.array(list(scores), dtype=np.int64)
    everyone = np.ones(int(pairs.max()) + 1, dtype=np.bool_)
    kept = candidates.strongest(pairs, list(scores.values()), everyone, bound).tolist()
    return {pair: p for (pair, p), keep in zip(scores.items(), kept, strict=True) if keep}


def bound_grouping(bound: int | None) -> None:
    """Make the grouping steps read each statement's ``bound`` strongest links (None: all)."""
    for name, step in ORIGINAL.items():
        setattr(align, name, step if bound is None else _bounded(step, bound))


def _bounded(step: Callable[..., Any], bound: int) -> Callable[..., Any]:
    """``step`` reading the bounded links; the scores are its last argument (the same
    dictionary for the three steps of one comparison, so they are bounded once)."""
    kept: dict[int, Scores] = {}

    def run(*arguments: Any) -> Any:
        *others, scores = arguments
        if id(scores) not in kept:
            kept.clear()
            kept[id(scores)] = strongest_links(scores, bound)
        return step(*others, kept[id(scores)])

    return run


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


def joined_pairs(sets: Sequence[Comparison], bound: int | None) -> str:
    bound_grouping(bound)
    right = wrong = positives = 0
    for group, articles, readings in sets:
        found = grouping_counts(group, articles, readings)
        right, wrong, positives = right + found[0], wrong + found[1], positives + found[2]
    precision, recall = right / max(1, right + wrong), right / max(1, positives)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f} ({right} right, {wrong} wrong)"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus-dev"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    parser.add_argument("--bounds", default="8,16,24,32", help="links a statement keeps")
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
    for name, sets in (
        ("groups of <= 6 articles", groups),
        ("whole events", list(events.values())),
    ):
        held = np.array(links_held(sets))
        over = ", ".join(f"{int((held > bound).sum())} over {bound}" for bound in bounds)
        print(
            f"{name}: {len(sets)} comparisons, up to {max(len(s[1]) for s in sets)} articles; "
            f"{len(held)} statements, links a statement median {np.median(held):.0f}, "
            f"90th percentile {np.percentile(held, 90):.0f}, most {held.max()}; {over}"
        )
        print(f"  no bound: {joined_pairs(sets, None)}")
        for bound in bounds:
            print(f"  {bound} links a statement: {joined_pairs(sets, bound)}")
    bound_grouping(None)


if __name__ == "__main__":
    main()
