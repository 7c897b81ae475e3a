"""Fit the longest story span (``ClusterSettings.max_span_days``) on ECB+ train topics only.

A sleeping story takes a late report only while the story, with that report, spans at most
``max_span_days`` from its first report to its last: the cap keeps a saga's loosely alike
reports from gathering an unrelated same-type incident months later, and bounds how long a
story stays a candidate.  Each value on the grid below clusters the 20 training streams of
``fit_late_link.py`` (the 25 ECB+ train topics dated, collided, undated, stretched, stretched +
collided; each whole and as three draws of 2-5 reports per event) with the late-link weights
and the split test as they are; the value with the best mean B-cubed F1 wins (ties: the
shortest span, the cheapest).  Nothing of the dev topics or of TimeBank+AQUAINT is used.

Usage:
  .venv/bin/python benchmarks/fit_span.py [--shared ../shared] [--out FILE]
Writes benchmarks/span_weights.json by default; ClusterSettings' default is its figure.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "span_weights.json")
    args = parser.parse_args()
    prepared = labelled_streams(training_streams(args.shared / "data"))
    scored = []
    for span in SPANS:
        f1 = mean_f1(prepared, ClusterSettings(max_span_days=span))
        print(f"  max_span_days {span:3d}: train B-cubed F1 {f1:.4f}")
        scored.append((span, f1))
    best = max(scored, key=lambda pair: (round(pair[1], 6), -pair[0]))
    record = {
        "about": "Longest story span of ClusterSettings, fitted by benchmarks/fit_span.py on "
        "ECB+ train topics only (the 20 training streams of fit_late_link.py).",
        "max_span_days": best[0],
        "train_f1": round(best[1], 4),
        "train_f1_by_span": {str(span): round(f1, 4) for span, f1 in scored},
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"max_span_days {best[0]} (train F1 {best[1]:.4f}) -> {args.out}")


if __name__ == "__main__":
    main()
