"""Throughput and memory of story clustering (text -> stories) against corpus size.

The corpus is ECB+ (../shared/data/ecbplus-dev, 772 documents) replayed: replay k gives every
document a new id (``r<k>-<doc>``) and a publication date 14*k days after 2031-01-01 plus
0-2 days, so replays never fall in one another's time window.  Articles are generated lazily
in (published, id) order and streamed through ``cluster_articles`` exactly as
``run_stories`` does after ingest (ingest and dossiers are NOT included).

Each size runs in a fresh subprocess so that its peak RSS is its own.  Beside the wall time,
each run reports the CPU seconds (user + sys) of the driver and every process under it (the
pool's or Ray's workers, read from /proc just before the engine stops) spent clustering, and
articles per CPU-second: on a machine other jobs load, wall time says little, CPU time more.
The driver's own CPU seconds are reported apart: its sequential clusterer is the part no
worker count shortens.
The load average is printed before and after.

Usage:
  .venv/bin/python benchmarks/bench_stories.py [--sizes 1000,10000,100000]
      [--engines local,ray,tfidf] [--workers 2]

``local-before`` / ``ray-before``: the clusterer without its dormant stage (a story closes
5 days after its last report).  ``tfidf`` is the baseline on the same texts (``triangulate.evaluation.streams.TfidfTree``:
TF-IDF cosine, average link over all pairs, scipy), one process, at most 10k articles.
  .venv/bin/python benchmarks/bench_stories.py --stages 10000   # featurize vs clusterer (CPU s)
      [--stories-out stories.txt]   # each story and its articles, to compare two versions
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from triangulate.evaluation.clustering import load_ecbplus
from triangulate.models import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
ECBPLUS = SHARED / "data" / "ecbplus-dev"
START = datetime.date(2031, 1, 1)


def corpus() -> list[Article]:
    """The ECB+ documents replayed (read before any clock starts: reading is ingest's)."""
    return [d.article for d in load_ecbplus(ECBPLUS)]  # set by --shared


def replayed(size: int, base: list[Article] | None = None) -> Iterator[Article]:
    """``size`` articles: ECB+ replayed under new ids and shifted dates, in clustering order."""
    base = base if base is not None else corpus()
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
    if engine_name == "tfidf":
        return measure_tfidf(size)
    from triangulate.runners import make_runner
    from triangulate.stories.cluster import ClusterSettings
    from triangulate.stories.run import cluster_articles

    settings = ClusterSettings()
    if engine_name.endswith("-before"):  # the clusterer without its dormant stage
        engine_name = engine_name.removesuffix("-before")
        settings = ClusterSettings(dormant_days=settings.window_days)
    base = corpus()
    started = time.perf_counter()
    engine = make_runner(engine_name, workers, beside_caller=True)  # as run_stories makes it
    ready = time.perf_counter()
    cpu_ready = tree_cpu_seconds()
    driver_ready = own_cpu_seconds()
    try:
        stories = 0
        for _ in cluster_articles(replayed(size, base), engine, settings):
            stories += 1
        done = time.perf_counter()
        cpu = tree_cpu_seconds() - cpu_ready
        driver_cpu = own_cpu_seconds() - driver_ready
    finally:
        engine.close()
    return {
        "size": size,
        "engine_start_s": round(ready - started, 2),
        "seconds": round(done - ready, 2),
        "articles_per_s": round(size / (done - ready), 1),
        "cpu_s": round(cpu, 2),
        "articles_per_cpu_s": round(size / cpu, 1),
        "driver_cpu_s": round(driver_cpu, 2),
        "stories": stories,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def measure_tfidf(size: int) -> dict[str, float]:
    """The baseline on the same texts: TF-IDF, average link over all pairs, cut at 0.8 (one
    process; quadratic memory, so it stops at 10k articles)."""
    from triangulate.evaluation.streams import TfidfTree

    articles = list(replayed(size))
    started = time.perf_counter()
    cpu_started = tree_cpu_seconds()
    stories = len(set(TfidfTree.build(articles).cut(0.8).values()))
    done = time.perf_counter()
    cpu = tree_cpu_seconds() - cpu_started
    return {
        "size": size,
        "engine_start_s": 0.0,
        "seconds": round(done - started, 2),
        "articles_per_s": round(size / (done - started), 1),
        "cpu_s": round(cpu, 2),
        "articles_per_cpu_s": round(size / cpu, 1),
        "driver_cpu_s": round(cpu, 2),
        "stories": stories,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_rss_mb": 0.0,
    }


def tree_cpu_seconds() -> float:
    """User + sys CPU seconds of this process and of every live process under it (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / ticks
    own = os.times()
    total = own.user + own.system
    stack = list(children.get(os.getpid(), []))
    while stack:
        pid = stack.pop()
        total += times.get(pid, 0.0)
        stack += children.get(pid, [])
    return total


def own_cpu_seconds() -> float:
    """User + sys CPU seconds of this process alone (every thread): the driver's share, the
    sequential clusterer's, which bounds the wall time however many workers featurize."""
    own = os.times()
    return own.user + own.system


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def stages(size: int, stories_out: Path | None = None) -> None:
    """Time the two stages apart, in one process: featurize, then the sequential clusterer;
    ``stories_out``: write each story (id and articles), one per line, to compare versions."""
    from triangulate.stories.cluster import StoryClusterer, featurize

    articles = list(replayed(size))
    started = time.process_time()
    features = [featurize(a) for a in articles]
    featurized = time.process_time()
    clusterer = StoryClusterer()
    stories = []
    for item in features:
        clusterer.add(item)
        stories += clusterer.drain_closed()
    stories += clusterer.finish()
    done = time.process_time()
    if stories_out is not None:
        lines = (f"{story.id} {' '.join(story.articles)}\n" for story in stories)
        stories_out.write_text("".join(lines), encoding="utf-8")
    print(
        f"{size} articles, one process, CPU seconds: featurize {featurized - started:.2f} s "
        f"({size / (featurized - started):.0f} articles per CPU-s), clusterer "
        f"{done - featurized:.2f} s ({size / (done - featurized):.0f} articles per CPU-s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", type=int, help="time featurize and clustering apart")
    parser.add_argument("--stories-out", type=Path, help="with --stages: write the stories")
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "ENGINE"), help=argparse.SUPPRESS)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder")
    args = parser.parse_args()
    global ECBPLUS
    ECBPLUS = args.shared / "data" / "ecbplus-dev"
    if args.stages:
        stages(args.stages, args.stories_out)
        return
    if args.one:
        print(json.dumps(measure(int(args.one[0]), args.one[1], args.workers)))
        return
    print(f"load average (1 / 5 / 15 min) at the start: {load_average()}")
    print(
        "| engine | articles | engine start (s) | clustering (s) | articles/s | CPU user+sys (s)"
        " | articles per CPU-s | driver CPU (s) | stories | peak RSS driver (MB)"
        " | peak RSS one pool worker (MB) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for engine in args.engines.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            if engine == "tfidf" and size > 10_000:
                continue  # all pairs: 100k articles would need 40 GB of distances
            command = [
                sys.executable,
                __file__,
                "--workers",
                str(args.workers),
                "--shared",
                str(args.shared),
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
                f"| {result['articles_per_s']} | {result['cpu_s']} "
                f"| {result['articles_per_cpu_s']} | {result['driver_cpu_s']} | {result['stories']} "
                f"| {result['peak_rss_mb']} | {result['worker_peak_rss_mb']} |",
                flush=True,
            )
    print(f"load average (1 / 5 / 15 min) at the end: {load_average()}")


if __name__ == "__main__":
    main()
