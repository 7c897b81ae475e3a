"""Throughput and memory of story clustering (text -> stories) against corpus size.

The corpus is ECB+ (../shared/data/ecbplus-dev, 772 documents) replayed: replay k gives every
document a new id (``r<k>-<doc>``) and a publication date 14*k days after 2031-01-01 plus
0-2 days, so replays never fall in one another's time window.  Articles are generated lazily
in (published, id) order and streamed through ``cluster_articles`` exactly as
``run_stories`` does after ingest (ingest and dossiers are NOT included).

Each size runs in a fresh subprocess so that its peak RSS is its own.

Usage:
  .venv/bin/python benchmarks/bench_stories.py [--sizes 1000,10000,100000]
      [--engines local,ray] [--workers 2]
  .venv/bin/python benchmarks/bench_stories.py --stages 10000   # featurize vs clusterer
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from triangulate.evaluation.clustering import load_ecbplus
from triangulate.models import Article

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus-dev"
START = datetime.date(2031, 1, 1)


def replayed(size: int) -> Iterator[Article]:
    """``size`` articles: ECB+ replayed under new ids and shifted dates, in clustering order."""
    base = [d.article for d in load_ecbplus(ECBPLUS)]
    offsets = [int(hashlib.sha1(a.id.encode()).hexdigest(), 16) % 3 for a in base]
    made = 0
    for replay in range(size // len(base) + 1):
        batch = []
        for article, offset in zip(base, offsets, strict=True):
            day = START + datetime.timedelta(days=14 * replay + offset)
            batch.append(
                Article(f"r{replay:04d}-{article.id}", "", article.text, published=day.isoformat())
            )
        for article in sorted(batch, key=lambda a: (a.published or "", a.id)):
            if made == size:
                return
            made += 1
            yield article


def measure(size: int, engine_name: str, workers: int) -> dict[str, float]:
    from triangulate.runners import make_runner
    from triangulate.stories.run import cluster_articles

    started = time.perf_counter()
    engine = make_runner(engine_name, workers)
    ready = time.perf_counter()
    try:
        stories = 0
        for _ in cluster_articles(replayed(size), engine):
            stories += 1
    finally:
        engine.close()
    done = time.perf_counter()
    return {
        "size": size,
        "engine_start_s": round(ready - started, 2),
        "seconds": round(done - ready, 2),
        "articles_per_s": round(size / (done - ready), 1),
        "stories": stories,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def stages(size: int) -> None:
    """Time the two stages apart, in one process: featurize, then the sequential clusterer."""
    from triangulate.stories.cluster import StoryClusterer, featurize

    articles = list(replayed(size))
    started = time.perf_counter()
    features = [featurize(a) for a in articles]
    featurized = time.perf_counter()
    clusterer = StoryClusterer()
    for item in features:
        clusterer.add(item)
        clusterer.drain_closed()
    clusterer.finish()
    done = time.perf_counter()
    print(
        f"{size} articles, one core: featurize {size / (featurized - started):.0f} articles/s, "
        f"clusterer {size / (done - featurized):.0f} articles/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", type=int, help="time featurize and clustering apart")
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages:
        stages(args.stages)
        return
    if args.one:
        print(json.dumps(measure(int(args.one[0]), args.one[1], args.workers)))
        return
    print(
        "| engine | articles | engine start (s) | clustering (s) | articles/s | stories | peak RSS driver (MB) | peak RSS one pool worker (MB) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for engine in args.engines.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            command = [
                sys.executable,
                __file__,
                "--workers",
                str(args.workers),
                "--one",
                str(size),
                engine,
            ]
            result = json.loads(
                subprocess.run(command, capture_output=True, text=True, check=True)
                .stdout.strip()
                .splitlines()[-1]
            )
            print(
                f"| {engine} | {size} | {result['engine_start_s']} | {result['seconds']} "
                f"| {result['articles_per_s']} | {result['stories']} | {result['peak_rss_mb']} "
                f"| {result['worker_peak_rss_mb']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
