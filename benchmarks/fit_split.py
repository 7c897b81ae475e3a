"""Fit the split test (``ClusterSettings.split_threshold``, ``split_ratio``) on ECB+ train
topics only.

Before a story sleeps or closes, the clusterer groups its members by average link and splits
off the groups that are neither ``split_threshold`` alike (mean pairwise similarity across
them) nor ``split_ratio`` times as alike as their own reports are among themselves; a group of
fewer than ``split_min_part`` (2) reports always stays (one odd report is no second incident,
and has no likeness within to compare).  Each pair of values on the grid below clusters the
20 training streams of ``fit_late_link.py`` (the 25 ECB+ train topics dated, collided,
undated, stretched, stretched + collided; each whole and as three draws of 2-5 reports per
event) with the late-link weights as they are; the pair with the best mean B-cubed F1 wins
(ties: the first on the grid, the smaller values).  Nothing of the dev topics or of
TimeBank+AQUAINT is used.

Usage:
  .venv/bin/python benchmarks/fit_split.py [--shared ../shared] [--out FILE]
Writes benchmarks/split_weights.json by default; ClusterSettings' defaults are its figures.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fit_late_link import training_streams
from triangulate.evaluation.stories import labelled_streams, mean_f1
from triangulate.stories.cluster import ClusterSettings

ROOT = Path(__file__).resolve().parents[1]
SPLIT_THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35)
SPLIT_RATIOS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "split_weights.json")
    args = parser.parse_args()
    prepared = labelled_streams(training_streams(args.shared / "data"))
    without = mean_f1(prepared, ClusterSettings(split_threshold=0.0))
    print(f"without the split test: train B-cubed F1 {without:.4f}")
    best: tuple[float, float, float] | None = None
    for threshold in SPLIT_THRESHOLDS:
        for ratio in SPLIT_RATIOS:
            settings = ClusterSettings(split_threshold=threshold, split_ratio=ratio)
            f1 = mean_f1(prepared, settings)
            print(f"  threshold {threshold:.2f} ratio {ratio:.2f}: train B-cubed F1 {f1:.4f}")
            if best is None or f1 > best[2] + 1e-9:
                best = (threshold, ratio, f1)
    assert best is not None
    record = {
        "about": "Split test of ClusterSettings, fitted by benchmarks/fit_split.py on ECB+ "
        "train topics only (the 20 training streams of fit_late_link.py).",
        "split_threshold": best[0],
        "split_ratio": best[1],
        "split_min_part": ClusterSettings().split_min_part,
        "train_f1": round(best[2], 4),
        "train_f1_without_split": round(without, 4),
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"threshold {best[0]} ratio {best[1]} (train F1 {best[2]:.4f}) -> {args.out}")


if __name__ == "__main__":
    main()
