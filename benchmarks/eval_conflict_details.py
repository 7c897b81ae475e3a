"""Clock-time, closed-class and role conflicts on the ECB+ training groups, for reading by hand.

The sentence aligner's training script (``benchmarks/train_alignment.py``) caches the readings
of the 99 groups of ECB+ training-topic articles it reads (as ``(articles, readings)``
pickles); this script runs ``compare()`` on each cached group and prints every conflict of
kind ``time``, ``detail`` or ``role`` with its sides' sentences, then how many groups it read. These
topics are never the dev set: a conflict printed here is checked by reading it.

    nice -n 10 .venv/bin/python benchmarks/train_alignment.py --data ../shared/data/ecbplus-dev
    nice -n 10 .venv/bin/python benchmarks/eval_conflict_details.py [--cache DIR]
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
from pathlib import Path

from triangulate.compare.claims import compare
from triangulate.nlp.encoder import load_encoder

KINDS = ("time", "detail", "role")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(tempfile.gettempdir()) / "triangulate-alignment"
    parser.add_argument("--cache", type=Path, default=default)
    args = parser.parse_args()
    encoder = load_encoder()
    groups = found = 0
    for path in sorted(args.cache.glob("*.pickle")):
        articles, readings = pickle.loads(path.read_bytes())  # our own cache, written locally
        groups += 1
        for claim in compare(articles, readings, encoder):
            if claim.kind in KINDS and claim.status == "conflict":
                found += 1
                print(f"== {path.stem} {claim.kind}: {claim.about}")
                for side in claim.sides:
                    for evidence in side.evidence:
                        print(f"   {side.display} :: {' '.join(evidence.text.split())[:160]}")
    print(f"{groups} groups, {found} conflicts of kind {' or '.join(KINDS)}")


if __name__ == "__main__":
    main()
