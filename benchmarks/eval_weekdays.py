"""Which day a weekday's name means: the time reader against two baselines.

Data: ``tests/evaluation/weekdays/dev.jsonl`` (the rules of plans and schedules were written
looking at its misses) and ``test.jsonl`` (written apart, by another hand, after them; read
once). Protocol: :mod:`triangulate.evaluation.weekdays`.

Usage: .venv/bin/python benchmarks/eval_weekdays.py [--sets dev,test] [--misses]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from triangulate.evaluation import weekdays

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "evaluation" / "weekdays"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default="dev,test")
    parser.add_argument("--misses", action="store_true", help="print the reader's misses")
    args = parser.parse_args()
    for name in args.sets.split(","):
        rows = weekdays.load(FOLDER / f"{name}.jsonl")
        scores = {system: weekdays.score(rows, read) for system, read in weekdays.SYSTEMS.items()}
        kinds = sorted(scores["triangulate"].total)
        print(f"\n{name}: {len(rows)} sentences\n")
        print("| kind | n | " + " | ".join(scores) + " |")
        print("|---|---:|" + "---:|" * len(scores))
        for kind in [*kinds, None]:
            total = (
                sum(scores["triangulate"].total.values())
                if kind is None
                else (scores["triangulate"].total[kind])
            )
            cells = " | ".join(f"{s.share(kind):.3f}" for s in scores.values())
            print(f"| {kind or '**all**'} | {total} | {cells} |")
        if args.misses:
            for told in rows:
                day = weekdays.read_day(told)
                if day != told.date:
                    print(f"{told.kind}: {told.published} {told.text!r} -> {day}, not {told.date}")


if __name__ == "__main__":
    main()
