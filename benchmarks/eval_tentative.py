"""How right the sentences an agreed claim cites surely are, against those it cites less surely.

An agreed statement claim marks a member sentence ``tentative`` when the aligner links it to
the claim's own sentence (or to a member linked surely) at less than an even chance
(``compare/agreements.py: SURE_LINK``), or when it does not carry what the claim says (its
verb, its figures: ``agreements.carries``; ``--links-only`` leaves that out, as before it was
asked). This prints, for the pairs of sources each agreed claim joins, the share that really
state one fact, pairs of two sure sources apart from pairs with a tentative one:

* on the ECB+ **training** topics (gold: cross-document event coreference, as
  ``benchmarks/train_alignment.py`` labels pairs), for several values of the link, to choose
  it there;
* on ``factalign-dev`` (gold: the hand-labelled facts, the set's own scorer functions), with
  the shipped value only: the measurement.

    nice -n 10 .venv/bin/python benchmarks/eval_tentative.py [--data ../shared/data]

Readings are cached as ``benchmarks/train_alignment.py`` caches them (``--cache``).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import triangulate.compare.agreements as agreements
from train_alignment import (
    _statement_mentions,
    code_fingerprint,
    read_group,
    read_rows,
)
from triangulate.compare.align import aligned
from triangulate.compare.claims import compare, folded_happenings, folded_repeats
from triangulate.compare.statements import statements_of
from triangulate.evaluation.ecbplus import event_groups, same_fact, training_topics
from triangulate.models import Claim
from triangulate.nlp.encoder import load_encoder


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("factalign_scorer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _agreed(claims: Iterable[Claim]) -> list[Claim]:
    return [c for c in claims if c.status == "agreed" and c.kind == "statement"]


def _line(name: str, counts: Counter[Any]) -> str:
    parts = [name]
    for kind in ("sure", "tentative"):
        right, wrong = counts[(kind, True)], counts[(kind, False)]
        share = right / (right + wrong) if right + wrong else 0.0
        parts.append(f"{kind} pairs {right + wrong}: {share:.3f} right")
    one = counts["one sure source"]
    parts.append(f"claims {counts['claims']}, {one} with one source cited surely")
    return " | ".join(parts)


def train_counts(data: Path, cache: Path, links: Sequence[float]) -> None:
    groups = event_groups(data, training_topics(data))
    fingerprint = code_fingerprint()
    read = [(group, *read_group(group, cache, fingerprint)) for group in groups]
    for link in links:
        agreements.SURE_LINK = link
        counts: Counter[Any] = Counter()
        for group, articles, readings in read:
            statements = statements_of(articles, readings)
            mentions = _statement_mentions(group, articles, statements)
            groups_found, scores, _ = aligned(statements)
            where = {(s.article, s.evidence.start): s.index for s in statements}
            found = agreements.statement_claims(groups_found, statements, articles, scores)
            found = [c for c in folded_repeats(found, articles) if c is not None]
            found = folded_happenings(found, statements, articles)
            for claim in _agreed(found):
                cited = [
                    (where[(e.article, e.start)], e.tentative) for e in claim.sides[0].evidence
                ]
                counts["claims"] += 1
                sure = {statements[i].source for i, tentative in cited if not tentative}
                counts["one sure source"] += len(sure) < 2
                for (i, first), (j, second) in itertools.combinations(cited, 2):
                    if statements[i].source == statements[j].source:
                        continue
                    label = same_fact(mentions[i], mentions[j])
                    if label is not None:
                        counts[("tentative" if first or second else "sure", bool(label))] += 1
        print(_line(f"ECB+ train, link {link:.2f}", counts))


def dev_counts(data: Path, scorer_path: Path, cache: Path, link: float) -> None:
    agreements.SURE_LINK = link
    scorer = _scorer(scorer_path)
    folder = data / "factalign-dev"
    events, golds = scorer.load_dir(folder / "events", folder / "gold")
    encoder = load_encoder()
    fingerprint = code_fingerprint()
    counts: Counter[Any] = Counter()
    for name in sorted(golds):
        rows = [{k: v for k, v in a.items() if isinstance(v, str)} for a in events[name]]
        texts = {a["id"]: a["text"] for a in events[name]}
        mentions = scorer.gold_mentions(golds[name], {a["id"]: a for a in events[name]})
        articles, readings = read_rows(rows, cache, fingerprint)
        for claim in _agreed(compare(articles, readings, encoder)):
            facts: dict[str, set[str]] = {}
            sure: set[str] = set()
            for evidence in claim.sides[0].evidence:
                span = scorer.locate(texts[evidence.article], evidence.text)
                if not span:
                    continue
                found = scorer.facts_at(mentions, evidence.article, span)
                facts.setdefault(evidence.article, set()).update(found)
                if not evidence.tentative:
                    sure.add(evidence.article)
            counts["claims"] += 1
            counts["one sure source"] += len(sure) < 2
            for first, second in itertools.combinations(sorted(facts), 2):
                kind = "sure" if first in sure and second in sure else "tentative"
                counts[(kind, bool(facts[first] & facts[second]))] += 1
    print(_line(f"factalign-dev, link {link:.2f}", counts))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--scorer", type=Path, default=Path("../shared/tools/factalign.py"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    parser.add_argument("--links", default="0.25,0.35,0.5,0.65", help="values tried on train")
    parser.add_argument(
        "--links-only",
        action="store_true",
        help="the aligner's links alone decide, not what is carried",
    )
    args = parser.parse_args(argv)
    if args.links_only:
        agreements.carries = lambda member, label: True
    if not (args.data / "ecbplus-dev" / "ECB+").is_dir():
        sys.exit(f"no ECB+ under {args.data / 'ecbplus-dev'}")
    args.cache.mkdir(parents=True, exist_ok=True)
    shipped = agreements.SURE_LINK
    train_counts(args.data / "ecbplus-dev", args.cache, [float(v) for v in args.links.split(",")])
    dev_counts(args.data, args.scorer, args.cache, shipped)
    print(json.dumps({"shipped link": shipped}))


if __name__ == "__main__":
    main()
