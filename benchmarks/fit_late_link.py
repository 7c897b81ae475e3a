"""Fit the late-link score (``ClusterSettings.late_link``) on ECB+ train topics only.

1. Replay the gold stories of the training streams through the clusterer (``GoldReplay``):
   every (article, dormant candidate story) pair the clusterer would score -- a report more
   than ``window_days`` after the story's last one, within ``dormant_days`` -- becomes a row
   (today's similarity, the three cosines, log(1 + gap days)), label 1 when the story is the
   article's own.
2. Fit a logistic regression on the rows (L2, C = 1, no separate intercept: Newton's method
   in numpy, the same optimum as scikit-learn's ``LogisticRegression(fit_intercept=False)``).
3. Choose the probability threshold with the best mean B-cubed F1 of whole-stream clustering
   on the same training streams.

Training streams: the ECB+ train topics (25 topics, 50 events) dated, collided (each topic's two
same-type events in one week), undated, stretched (later reports 0-3 weeks later) and
stretched + collided; each whole and as three draws of 2-5 reports per event.  Nothing of the
dev topics or of TimeBank+AQUAINT is used.

Usage:
  .venv/bin/python benchmarks/fit_late_link.py [--shared ../shared] [--out FILE]
Writes benchmarks/late_link_weights.json by default; ClusterSettings' defaults are its figures.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from pathlib import Path

import numpy as np

from triangulate.evaluation.clustering import b_cubed
from triangulate.evaluation.stories import FeatureCache, clustered
from triangulate.evaluation.streams import (
    StreamDoc,
    collide,
    ecbplus_stream,
    gold_of,
    sparse,
    stretch,
    topics_of,
    undated,
)
from triangulate.stories.cluster import (
    LATE_LINK_FEATURES,
    ArticleFeatures,
    ClusterSettings,
    StoryClusterer,
    _gap_days,
    _LiveStory,
    _Weighted,
)

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))


def training_streams(data: Path) -> list[list[StreamDoc]]:
    full = ecbplus_stream(data, topics_of(data, "train"))
    collided = collide(full)
    streams = []
    for stream in (full, collided, undated(full), stretch(full, 1), stretch(collided, 2)):
        streams += [stream] + [sparse(stream, 5, seed) for seed in range(3)]
    return streams


class GoldReplay(StoryClusterer):
    """The clusterer's machinery with the gold deciding: records, for each article, the
    late-link features against every dormant candidate story, label 1 for its own story."""

    def __init__(self, gold: dict[str, str], settings: ClusterSettings) -> None:
        super().__init__(settings)
        self.gold = gold
        self.story_gold: dict[str, str] = {}
        self.rows: list[list[float]] = []
        self.labels: list[int] = []

    def _best_story(self, features: ArticleFeatures, weighted: _Weighted) -> _LiveStory | None:
        label = self.gold[features.id]
        for story in self._candidates(weighted.keys):
            gap = _gap_days(features.published, story)
            if gap > self.settings.window_days and self._in_window(features.published, story, gap):
                cosines = self._cosines(weighted, story)
                values = [self._mean(cosines), *(c or 0.0 for c in cosines), math.log1p(gap)]
                self.rows.append([1.0, *values])
                self.labels.append(int(self.story_gold.get(story.id) == label))
        own = [
            story
            for story in self._live.values()
            if self.story_gold.get(story.id) == label
            and self._in_window(features.published, story, _gap_days(features.published, story))
        ]
        return own[-1] if own else None

    def _start(self, features: ArticleFeatures) -> _LiveStory:
        story = super()._start(features)
        self.story_gold[story.id] = self.gold[features.id]
        return story

    def _merge_similar(self, story: _LiveStory, weighted: _Weighted, article_id: str) -> _LiveStory:
        return story

    def _refine(self, stories: list[_LiveStory]) -> None:
        return None


def replay(
    features: list[ArticleFeatures], gold: dict[str, str]
) -> tuple[list[list[float]], list[int]]:
    clusterer = GoldReplay(gold, ClusterSettings())
    for item in sorted(
        features, key=lambda f: ((f.published or ""), f.duplicate_of is not None, f.id)
    ):
        clusterer.add(item)
        clusterer.drain_closed()
    clusterer.finish()
    return clusterer.rows, clusterer.labels


def logistic(rows: np.ndarray, labels: np.ndarray, c: float = 1.0) -> np.ndarray:
    """Weights minimising log loss + |w|^2 / (2c), by Newton's method."""
    weights = np.zeros(rows.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(rows @ weights)))
        gradient = rows.T @ (p - labels) + weights / c
        hessian = (rows * (p * (1 - p))[:, None]).T @ rows + np.eye(len(weights)) / c
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-10:
            break
    return weights


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "late_link_weights.json")
    args = parser.parse_args()
    streams = training_streams(args.shared / "data")
    cache = FeatureCache()
    prepared = [(cache.of(docs), gold_of(docs)) for docs in streams]
    rows: list[list[float]] = []
    labels: list[int] = []
    for features, gold in prepared:
        more_rows, more_labels = replay(features, gold)
        rows += more_rows
        labels += more_labels
    print(f"{len(rows)} dormant pairs, {sum(labels)} of one story")
    fitted = logistic(np.array(rows), np.array(labels, dtype=np.float64))
    weights = tuple(round(float(w), 4) for w in fitted)
    for name, weight in zip(LATE_LINK_FEATURES, weights, strict=True):
        print(f"  {name:12s} {weight:+.4f}")
    best: tuple[float, float] | None = None
    for threshold in THRESHOLDS:
        settings = ClusterSettings(late_link=weights, late_threshold=threshold)
        mean = statistics.mean(b_cubed(clustered(f, settings), g).f1 for f, g in prepared)
        print(f"  threshold {threshold:.2f}: train B-cubed F1 {mean:.4f}")
        if best is None or mean > best[1]:
            best = (threshold, mean)
    assert best is not None
    before = statistics.mean(
        b_cubed(clustered(f, ClusterSettings(dormant_days=5)), g).f1 for f, g in prepared
    )
    record = {
        "about": "Late-link score of ClusterSettings, fitted by benchmarks/fit_late_link.py on "
        "ECB+ train topics only (20 training streams).",
        "features": list(LATE_LINK_FEATURES),
        "weights": list(weights),
        "threshold": best[0],
        "train_f1": round(best[1], 4),
        "train_f1_without_dormant": round(before, 4),
        "rows": len(rows),
        "positive": sum(labels),
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"threshold {best[0]} (train F1 {best[1]:.4f}; 5-day window {before:.4f}) -> {args.out}")


if __name__ == "__main__":
    main()
