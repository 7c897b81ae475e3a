"""Person and place claims (kind ``who`` / ``where``) on the ECB+ training groups, checked
against the corpus's own participant and location coreference.

A slot claim says that several sources name one person or place, citing per source the
sentence that introduces it. On ECB+ each pair of cited sentences of different sources is
**right** when the two sentences mention one cross-document participant, place, time or
object instance (``HUM``, ``LOC``, ``TIM``, ``NON`` ids), **wrong** when both sentences hold
annotations and share no instance, and unknown otherwise (ECB+ annotates only the sentences
that tell its events). These topics are never the dev set.

    nice -n 10 .venv/bin/python benchmarks/train_alignment.py --data ../shared/data/ecbplus-dev
    nice -n 10 .venv/bin/python benchmarks/eval_slot_claims.py --data ../shared/data/ecbplus-dev
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from collections import Counter
from pathlib import Path

from train_alignment import _statement_mentions, code_fingerprint, read_group
from triangulate.compare.claims import compare
from triangulate.compare.statements import statements_of
from triangulate.evaluation.ecbplus import event_groups, training_topics
from triangulate.nlp.encoder import load_encoder

KINDS = ("who", "where", "when")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the ecbplus-dev folder")
    default = Path(tempfile.gettempdir()) / "triangulate-alignment"
    parser.add_argument("--cache", type=Path, default=default)
    parser.add_argument(
        "--fingerprint",
        default=None,
        help="the readings cache key of another checkout with the same reading code",
    )
    parser.add_argument("--show", type=int, default=0, help="print this many wrong pairs")
    args = parser.parse_args()
    fingerprint = args.fingerprint or code_fingerprint()
    encoder = load_encoder()
    counts: Counter[str] = Counter()
    shown = 0
    for group in event_groups(args.data, training_topics(args.data)):
        articles, readings = read_group(group, args.cache, fingerprint)
        statements = statements_of(articles, readings)
        mentions = _statement_mentions(group, articles, statements)
        where = {(s.article, s.evidence.start): s.index for s in statements}
        for claim in compare(articles, readings, encoder):
            if claim.kind not in KINDS:
                continue
            counts[f"{claim.kind} claims"] += 1
            cited = [where[(e.article, e.start)] for e in claim.sides[0].evidence]
            for i, j in itertools.combinations(cited, 2):
                if statements[i].source == statements[j].source:
                    continue
                a, b = mentions[i], mentions[j]
                if not (a.annotated and b.annotated):
                    counts[f"{claim.kind} unknown"] += 1
                    continue
                shared = bool(a.arguments & b.arguments)
                counts[f"{claim.kind} {'right' if shared else 'wrong'}"] += 1
                if not shared and shown < args.show:
                    shown += 1
                    print(f"-- {claim.about}\n   {statements[i].text}\n   {statements[j].text}")
    for kind in KINDS:
        right, wrong = counts[f"{kind} right"], counts[f"{kind} wrong"]
        share = right / max(1, right + wrong)
        print(
            f"{kind}: {counts[f'{kind} claims']} claims; cited pairs right {right}, wrong {wrong} "
            f"(precision {share:.3f}), unknown {counts[f'{kind} unknown']}"
        )


if __name__ == "__main__":
    main()
