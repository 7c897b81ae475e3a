"""Fit how long a story sleeps and spans (``ClusterSettings.dormant_days`` and
``max_span_days``) on ECB+ train topics only.

A story silent past the live window sleeps: a report up to ``dormant_days`` after its last one
may still join it on the late-link score, while the story, with that report, spans at most
``max_span_days`` from its first report to its last: the cap keeps a saga's loosely alike
reports from gathering an unrelated same-type incident months later, and both bound how long
a story stays a candidate.  Each pair on the grid below clusters the 20 training streams of
``fit_late_link.py`` (the 25 ECB+ train topics dated, collided, undated, stretched, stretched +
collided; each whole and as three draws of 2-5 reports per event) with the late-link weights
and the split test as they are; the pair with the best mean B-cubed F1 wins (ties: the
shortest sleep, then the shortest span, the cheapest).  Nothing of the dev topics or of
TimeBank+AQUAINT is used.

Usage:
  .venv/bin/python benchmarks/fit_span.py [--shared ../shared] [--out FILE]
Writes benchmarks/span_weights.json by default; ClusterSettings' defaults are its figures.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fit_late_link import training_streams
from triangulate.evaluation.stories import labelled_streams, mean_f1
from triangulate.stories.cluster import ClusterSettings

ROOT = Path(__file__).resolve().parents[1]
SPANS = (30, 45, 60, 90, 120, 180)
DORMANT = (30, 45, 60, 90, 120)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "span_weights.json")
    args = parser.parse_args()
    prepared = labelled_streams(training_streams(args.shared / "data"))
    scored = []
    for dormant in DORMANT:
        for span in SPANS:
            if span < dormant:  # a story sleeping longer than it may span takes nothing more
                continue
            f1 = mean_f1(prepared, ClusterSettings(dormant_days=dormant, max_span_days=span))
            print(
                f"  dormant_days {dormant:3d}, max_span_days {span:3d}: train B-cubed F1 {f1:.4f}"
            )
            scored.append((dormant, span, f1))
    best = max(scored, key=lambda found: (round(found[2], 6), -found[0], -found[1]))
    record = {
        "about": "How long a story of ClusterSettings sleeps and spans, fitted by "
        "benchmarks/fit_span.py on ECB+ train topics only (the 20 training streams of "
        "fit_late_link.py).",
        "dormant_days": best[0],
        "max_span_days": best[1],
        "train_f1": round(best[2], 4),
        "train_f1_by_dormant_and_span": {
            f"{dormant}/{span}": round(f1, 4) for dormant, span, f1 in scored
        },
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"dormant_days {best[0]}, max_span_days {best[1]} (train F1 {best[2]:.4f}) -> {args.out}")


if __name__ == "__main__":
    main()
