"""How agreed statement claims with one surely citing source and a low confidence join the
ECB+ training pairs: pair precision, recall and F1 of the agreed claims, all of them and
without such "loose" claims at several cuts (``train_alignment.py``'s groups, readings and
labels; the training topics only, never factalign-dev).

    .venv/bin/python benchmarks/eval_loose_agreements.py --data ../shared/data/ecbplus-dev
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from collections import Counter
from pathlib import Path

from train_alignment import (
    _statement_mentions,
    code_fingerprint,
    labelled_statement_pairs,
    read_group,
)
from triangulate.compare.agreements import statement_claims
from triangulate.compare.align import aligned
from triangulate.compare.claims import folded_repeats
from triangulate.compare.statements import statements_of
from triangulate.evaluation.ecbplus import event_groups, training_topics
from triangulate.models import Claim

CUTS = (0.0, 0.24, 0.28, 0.32, 0.4)


def sure_sources(claim: Claim) -> int:
    return len({e.article for side in claim.sides for e in side.evidence if not e.tentative})


def kept(claim: Claim, rule: str, cut: float) -> bool:
    confidence = claim.confidence or 0.0
    if rule == "confidence":
        return confidence >= cut
    return sure_sources(claim) >= 2 or confidence >= cut  # "one sure source and under the cut"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus-dev"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    fingerprint = code_fingerprint()
    rules = [(rule, cut) for rule in ("confidence", "one sure source") for cut in CUTS]
    counts: Counter[tuple[str, float, bool]] = Counter()
    positives = 0
    for group in event_groups(args.data, training_topics(args.data)):
        articles, readings = read_group(group, args.cache, fingerprint)
        statements = statements_of(articles, readings)
        mentions = _statement_mentions(group, articles, statements)
        groups, scores, _ = aligned(statements)
        where = {(s.article, s.evidence.start): s.index for s in statements}
        joined: dict[tuple[int, int], set[tuple[str, float]]] = {}
        claims = folded_repeats(statement_claims(groups, statements, articles, scores), articles)
        for claim in filter(None, claims):
            members = sorted({where[(e.article, e.start)] for s in claim.sides for e in s.evidence})
            passing = {(rule, cut) for rule, cut in rules if kept(claim, rule, cut)}
            for pair in itertools.combinations(members, 2):
                joined.setdefault(pair, set()).update(passing)
        for i, j, label in labelled_statement_pairs(statements, mentions):
            positives += label
            for rule, cut in joined.get((i, j), set()):
                counts[(rule, cut, bool(label))] += 1
    print("| dropped | cut | right | wrong | P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for rule, cut in rules:
        right, wrong = counts[(rule, cut, True)], counts[(rule, cut, False)]
        precision, recall = right / max(1, right + wrong), right / max(1, positives)
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(
            f"| {rule} | {cut:.2f} | {right} | {wrong} | {precision:.3f} | {recall:.3f} | {f1:.4f} |"
        )


if __name__ == "__main__":
    main()
