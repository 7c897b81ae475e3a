"""What is left after story clustering, and a consolidation pass over its stories (tried).

1. Headroom: the B-cubed figures were every split gold event's pieces joined (an oracle), by
   the days between the pieces' spans: 0-5 (the live window), 6-30 (the late link), 31-90,
   beyond; the pieces are told by the gold event holding most of each story's reports.
2. A consolidation pass over the clusterer's final stories, after the fact: two stories whose
   spans are at most ``--days`` apart are joined, most alike first (union of the pairs), when

   * ``average``: their average link (the mean of their reports' pairwise similarities, each
     space's cosines weighed as the clusterer weighs them, words 1, names 0.5, figures 0.5)
     is at least a threshold; or
   * ``logistic``: a logistic score of the story pair (today's similarity of the two
     centroids, the three cosines, log(1 + gap days)), fitted on the story pairs of the 20
     ECB+ training streams of ``fit_late_link.py`` at most ``--days`` apart and at least 0.1
     alike (label: the two stories' gold events are the same), is at least a threshold.

   The vectors are TF-IDF over each stream's articles (a fixed idf, not the clusterer's
   running one), the thresholds a grid; every stream is printed at every threshold, so that
   the one best on the training streams can be read off and checked on the others.

Nothing here changes the clusterer; it measures whether such a pass would help.

Usage:
  .venv/bin/python benchmarks/try_story_consolidation.py [--days 30] [--shared ../shared]
      [--least-days 0] [--streams train,ecb-dev-followup,...] [--seeds 20]
"""

from __future__ import annotations

import argparse
import datetime
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from fit_late_link import logistic, training_streams
from triangulate.evaluation.clustering import BCubed, b_cubed
from triangulate.evaluation.stories import STREAMS, labelled_streams, named_streams
from triangulate.stories.cluster import ArticleFeatures, ClusterSettings, cluster_features

ROOT = Path(__file__).resolve().parents[1]
TBAQ_GOLD = ROOT / "tests" / "evaluation" / "tbaq_stories.json"
WEIGHTS = (1.0, 0.5, 0.5)  # words, names, figures: as ClusterSettings weighs them
BANDS = ((0, 5), (6, 30), (31, 90), (91, 10**6), (0, 10**6))
AVERAGE_CUTS = (0.45, 0.4, 0.35, 0.3, 0.275, 0.25, 0.225, 0.2)
LOGISTIC_CUTS = (0.9, 0.8, 0.7, 0.6, 0.5)
Sums = list[dict[str, float]]  # a story's sums of unit vectors, one per space


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    gap: int
    same: bool  # the two stories' gold events are the same
    average: float
    values: tuple[float, ...]  # the logistic score's inputs, the bias first
    names: int  # full names (of two words or more) both stories hold, rare in the stream


@dataclass(frozen=True)
class Clustered:
    predicted: dict[str, str]  # article id -> story id
    gold: dict[str, str]
    pairs: list[Pair]


def _day(day: str | None) -> int | None:
    return datetime.date.fromisoformat(day[:10]).toordinal() if day else None


def _unit_vectors(features: Sequence[ArticleFeatures]) -> dict[str, Sums]:
    frequency: Counter[str] = Counter()
    for item in features:
        for space in (item.terms, item.names, item.facts):
            frequency.update(space.keys())
    documents = len(features)
    vectors = {}
    for item in features:
        spaces = []
        for space in (item.terms, item.names, item.facts):
            raw = {
                k: v * (math.log((documents + 1) / (frequency[k] + 1)) + 1)
                for k, v in space.items()
            }
            norm = math.sqrt(sum(x * x for x in raw.values()))
            spaces.append({k: x / norm for k, x in raw.items()} if norm else {})
        vectors[item.id] = spaces
    return vectors


def _rare_full_names(features: Sequence[ArticleFeatures]) -> dict[str, set[str]]:
    """Each article's names of two words or more found in at most 2% of the stream's
    articles (at least 2): a person's full name, a street, a small place."""
    frequency: Counter[str] = Counter()
    for item in features:
        frequency.update(k for k in item.names if " " in k)
    most = max(2.0, 0.02 * len(features))
    return {
        item.id: {k for k in item.names if " " in k and frequency[k] <= most} for item in features
    }


def _dot(one: Mapping[str, float], other: Mapping[str, float]) -> float:
    small, large = (one, other) if len(one) < len(other) else (other, one)
    return sum(x * large.get(k, 0.0) for k, x in small.items())


def _weighted(values: Sequence[float | None]) -> float:
    pairs = [(w, v) for w, v in zip(WEIGHTS, values, strict=True) if v is not None]
    total = sum(w for w, _ in pairs)
    return sum(w * v for w, v in pairs) / total if total else 0.0


def clustered(features: list[ArticleFeatures], gold: dict[str, str]) -> Clustered:
    """The clusterer's stories of one stream and every pair of them."""
    stories = cluster_features(features, ClusterSettings())
    vectors = _unit_vectors(features)
    rare = _rare_full_names(features)
    held = {story.id: {n for a in story.articles for n in rare.get(a, ())} for story in stories}
    published = {item.id: _day(item.published) for item in features}
    sums: dict[str, Sums] = {}
    counts: dict[str, list[int]] = {}
    spans: dict[str, tuple[int, int] | None] = {}
    majority: dict[str, str] = {}
    for story in stories:
        total: Sums = [defaultdict(float), defaultdict(float), defaultdict(float)]
        count = [0, 0, 0]
        for article in story.articles:
            for space, vector in enumerate(vectors[article]):
                count[space] += bool(vector)
                for key, value in vector.items():
                    total[space][key] += value
        sums[story.id], counts[story.id] = total, count
        known = [d for d in (published[a] for a in story.articles) if d is not None]
        spans[story.id] = (min(known), max(known)) if known else None
        majority[story.id] = Counter(gold[a] for a in story.articles).most_common(1)[0][0]
    pairs = []
    for n, one in enumerate(stories):
        for other in stories[n + 1 :]:
            a, b = spans[one.id], spans[other.id]
            gap = 0 if a is None or b is None else max(0, b[0] - a[1], a[0] - b[1])
            dots = [_dot(x, y) for x, y in zip(sums[one.id], sums[other.id], strict=True)]
            pairs_of = [x * y for x, y in zip(counts[one.id], counts[other.id], strict=True)]
            average = _weighted([d / p if p else None for d, p in zip(dots, pairs_of, strict=True)])
            norms = [
                math.sqrt(_dot(x, x) * _dot(y, y))
                for x, y in zip(sums[one.id], sums[other.id], strict=True)
            ]
            cosines = [d / m if m > 0 else None for d, m in zip(dots, norms, strict=True)]
            values = (1.0, _weighted(cosines), *(c or 0.0 for c in cosines), math.log1p(gap))
            same = majority[one.id] == majority[other.id]
            shared = len(held[one.id] & held[other.id])
            pairs.append(Pair(one.id, other.id, gap, same, average, values, shared))
    predicted = {a: story.id for story in stories for a in story.articles}
    return Clustered(predicted, gold, pairs)


def joined(
    run: Clustered, score: Callable[[Pair], float], cut: float, days: int = 10**6, least: int = 0
) -> dict[str, str]:
    """The stories with every pair ``least`` to ``days`` days apart scoring at least ``cut``
    joined, best first."""
    parent: dict[str, str] = {}

    def root(story: str) -> str:
        while parent.get(story, story) != story:
            story = parent[story]
        return story

    for pair in sorted(run.pairs, key=score, reverse=True):
        if least <= pair.gap <= days and score(pair) >= cut:
            parent[root(pair.second)] = root(pair.first)
    return {article: root(story) for article, story in run.predicted.items()}


def oracle(run: Clustered, low: int, high: int) -> dict[str, str]:
    """The stories with every pair of one gold event ``low``-``high`` days apart joined."""
    same = [p for p in run.pairs if p.same and low <= p.gap <= high]
    return joined(Clustered(run.predicted, run.gold, same), lambda p: 1.0, 0.5)


def mean(scores: Sequence[BCubed]) -> str:
    p = statistics.mean(s.precision for s in scores)
    r = statistics.mean(s.recall for s in scores)
    f = statistics.mean(s.f1 for s in scores)
    return f"{p:.3f} / {r:.3f} / {f:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--streams", default=",".join(("train", *STREAMS)))
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument(
        "--least-days", type=int, default=0, help="only stories at least this far apart"
    )
    args = parser.parse_args()
    names = args.streams.split(",")
    runs: dict[str, list[Clustered]] = {}
    train = [clustered(f, g) for f, g in labelled_streams(training_streams(args.shared / "data"))]
    runs["train"] = train
    others = [n for n in names if n != "train"]
    for name, draws in named_streams(args.shared, TBAQ_GOLD, others, args.seeds).items():
        runs[name] = [clustered(f, g) for f, g in labelled_streams(draws)]
    # The pairs a consolidation pass would score: within the days, and alike enough for an
    # index of telling words and names to find them.
    fitted = [
        p
        for run in train
        for p in run.pairs
        if args.least_days <= p.gap <= args.days and p.values[1] >= 0.1
    ]
    rows = np.array([p.values for p in fitted])
    labels = np.array([float(p.same) for p in fitted])
    weights = logistic(rows, labels)
    print(f"story pairs {args.least_days}-{args.days} days apart and 0.1 alike on the training streams: {len(labels)}, "
          f"{int(labels.sum())} of one event; logistic weights "
          f"{' '.join(f'{w:+.3f}' for w in weights)}")  # fmt: skip

    def probability(pair: Pair) -> float:
        z = float(np.dot(weights, pair.values))
        return 1.0 / (1.0 + math.exp(-z)) if z > -50.0 else 0.0

    print("\n| stream | clusterer P / R / F1 | " + " | ".join(
        f"oracle, pieces {low}-{high if high < 10**6 else 'any'} days apart" for low, high in BANDS
    ) + " |")  # fmt: skip
    for name in names:
        run = runs[name]
        cells = [mean([b_cubed(r.predicted, r.gold) for r in run])]
        cells += [mean([b_cubed(oracle(r, low, high), r.gold) for r in run]) for low, high in BANDS]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nstory pairs by the rare full names both hold (of one event / of two events):")
    print("| stream | " + " | ".join(("0", "1", "2", "3 or more")) + " |")
    for name in names:
        tally = Counter((min(p.names, 3), p.same) for run in runs[name] for p in run.pairs)
        cells = [f"{tally[n, True]} / {tally[n, False]}" for n in range(4)]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for label, score, cuts in (
        ("average link", lambda p: p.average, AVERAGE_CUTS),
        ("logistic", probability, LOGISTIC_CUTS),
    ):
        print(f"\n{label}, stories {args.least_days}-{args.days} days apart (P / R / F1):")
        print("| cut | " + " | ".join(names) + " |")
        for cut in cuts:
            cells = [
                mean(
                    [
                        b_cubed(joined(r, score, cut, args.days, args.least_days), r.gold)
                        for r in runs[n]
                    ]
                )
                for n in names
            ]
            print(f"| {cut} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
