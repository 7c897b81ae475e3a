"""Story clustering on ECB+: ours against a TF-IDF average-link baseline (B-cubed).

See ``triangulate.evaluation.clustering`` for the protocol.  ``--orders N`` reruns with N
different id salts: ECB+ is undated, so ids decide the order documents are clustered in,
and this shows how much the incremental clusterer depends on it.

Usage:
  .venv/bin/python benchmarks/eval_ecbplus_clustering.py [--topics all|dev|train|2,5,12]
      [--orders 3] [--threshold 0.275] [--merge 0.55] [--refine 2]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from triangulate.evaluation.clustering import ClusteringReport, evaluate_ecbplus
from triangulate.stories.cluster import ClusterSettings

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus-dev"
DEV = (2, 5, 12, 18, 21, 23, 34, 35)


def topics(choice: str) -> list[int] | None:
    present = sorted(int(p.name) for p in (ECBPLUS / "ECB+").iterdir() if p.name.isdigit())
    if choice == "all":
        return None
    if choice == "dev":
        return [t for t in present if t in DEV]
    if choice == "train":
        return [t for t in present if t not in DEV]
    return [int(t) for t in choice.split(",")]


def row(name: str, event: tuple[float, float, float], topic: float, clusters: int) -> str:
    return (
        f"| {name} | {event[0]:.4f} | {event[1]:.4f} | {event[2]:.4f} | {topic:.4f} | {clusters} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", default="all")
    parser.add_argument("--orders", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=ClusterSettings.threshold)
    parser.add_argument("--merge", type=float, default=ClusterSettings.merge_threshold)
    parser.add_argument("--refine", type=int, default=ClusterSettings.refine_passes)
    args = parser.parse_args()
    settings = ClusterSettings(
        threshold=args.threshold, merge_threshold=args.merge, refine_passes=args.refine
    )
    chosen = topics(args.topics)
    reports: list[ClusteringReport] = [
        evaluate_ecbplus(ECBPLUS, chosen, settings, salt=str(i) if i else "")
        for i in range(args.orders)
    ]
    first = reports[0]
    print(f"ECB+ topics {args.topics}: {first.documents} documents, {first.events} events\n")
    print("| system | event P | event R | event F1 | topic F1 | clusters |")
    print("|---|---|---|---|---|---|")
    e = first.ours_event
    print(
        row(
            "ours (incremental)",
            (e.precision, e.recall, e.f1),
            first.ours_topic.f1,
            first.ours_clusters,
        )
    )
    b = first.baseline_event
    print(
        row(
            "TF-IDF average link",
            (b.precision, b.recall, b.f1),
            first.baseline_topic.f1,
            first.baseline_clusters,
        )
    )
    print(f"\nours: {first.ours_seconds:.2f} s for featurize + clustering, one core")
    if args.orders > 1:
        for name, values in (
            ("event P", [r.ours_event.precision for r in reports]),
            ("event R", [r.ours_event.recall for r in reports]),
            ("event F1", [r.ours_event.f1 for r in reports]),
            ("topic F1", [r.ours_topic.f1 for r in reports]),
        ):
            print(
                f"ours {name} over {args.orders} orders: mean {statistics.mean(values):.4f}, "
                f"min {min(values):.4f}, max {max(values):.4f}"
            )


if __name__ == "__main__":
    main()
