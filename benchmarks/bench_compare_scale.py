"""How the comparison step grows with the number of articles: CPU time and peak memory.

The articles are ECB+ training-topic documents (the same groups `train_alignment.py` reads,
from its cache when it has them), taken topic by topic so that each size holds whole events
and a few more: 5, 10, 20, 40, 80, 160 articles by default. Each size is compared once for
time (process CPU seconds, no tracing) and once for memory (tracemalloc's peak). The readings
are made before any timing: this measures `compare()` alone, the step whose pair table used
to grow quadratically.

    .venv/bin/python benchmarks/bench_compare_scale.py --data ../shared/data/ecbplus-dev
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from train_alignment import code_fingerprint, read_group
from triangulate.compare.claims import compare
from triangulate.evaluation.ecbplus import event_groups, training_topics
from triangulate.models import Article, Reading
from triangulate.nlp.encoder import load_encoder


def articles_up_to(data: Path, cache: Path, most: int) -> tuple[list[Article], list[Reading]]:
    """The first `most` articles of the training groups, topic by topic, with their readings."""
    fingerprint = code_fingerprint()
    articles: list[Article] = []
    readings: list[Reading] = []
    for group in event_groups(data, training_topics(data)):
        if len(articles) >= most:
            break
        group_articles, group_readings = read_group(group, cache, fingerprint)
        articles.extend(group_articles)
        readings.extend(group_readings)
    return articles[:most], readings[:most]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus-dev"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    parser.add_argument("--sizes", default="5,10,20,40,80,160")
    args = parser.parse_args()
    if not (args.data / "ECB+").is_dir():
        sys.exit(f"no ECB+ under {args.data}")
    args.cache.mkdir(parents=True, exist_ok=True)
    sizes = [int(value) for value in args.sizes.split(",")]
    articles, readings = articles_up_to(args.data, args.cache, max(sizes))
    encoder = load_encoder()
    print(f"load average {os.getloadavg()[0]:.1f}; {len(articles)} articles read")
    print("| articles | statements | claims | CPU s | CPU ms per article | peak traced MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        some, their = articles[:size], readings[:size]
        started = time.process_time()
        claims = compare(some, their, encoder)
        cpu = time.process_time() - started
        tracemalloc.start()
        compare(some, their, encoder)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        sentences = sum(len(reading.sentences) for reading in their)
        print(
            f"| {size} | {sentences} | {len(claims)} | {cpu:.2f} | {1000 * cpu / size:.0f} "
            f"| {peak / 1e6:.0f} |"
        )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
