"""Ingest throughput and memory: text articles/s, HTML pages/s, RSS against corpus size.

    .venv/bin/python benchmarks/bench_ingest.py --text 10000 --html 181 --workers 2

Text articles are the bundled fictional examples replayed under new ids with their words
shuffled (so no two are copies); HTML pages are ../shared/data/article-extraction-benchmark
when present, else the bundled example pages replayed.
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from triangulate.ingest.ingester import IngestEvent, ingest
from triangulate.settings import Settings
from triangulate.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CURVE_STEP = 2_500
BENCHMARK_HTML = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "html"


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_texts(folder: Path, count: int) -> None:
    sources = sorted((ROOT / "examples" / "text").glob("*.txt"))
    texts = [p.read_text() for p in sources]
    rng = random.Random(7)
    for number in range(count):
        lines = texts[number % len(texts)].splitlines()
        body = [_shuffled(line, rng) if len(line.split()) > 12 else line for line in lines]
        (folder / f"t{number:06d}.txt").write_text("\n".join(body))


def _shuffled(line: str, rng: random.Random) -> str:
    words = line.split()
    rng.shuffle(words)
    return " ".join(words)


def make_html(folder: Path, count: int) -> None:
    pages = sorted(BENCHMARK_HTML.glob("*.html*")) or sorted((ROOT / "examples" / "html").glob("*"))
    for number in range(count):
        page = pages[number % len(pages)]
        data = page.read_bytes()
        if page.suffix == ".gz":
            data = gzip.decompress(data)
        (folder / f"h{number:06d}.html").write_bytes(data)


def run(kind: str, count: int, workers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "in"
        folder.mkdir()
        (make_texts if kind == "text" else make_html)(folder, count)
        settings = Settings(db_path=Path(temp) / "bench.db", workers=workers)
        curve: list[tuple[int, float]] = []
        seen = [0]

        def sample(event: IngestEvent) -> None:
            seen[0] += 1
            if seen[0] % CURVE_STEP == 0:
                curve.append((seen[0], rss_mb()))

        start = time.perf_counter()
        with open_store(settings.db) as store:
            report = ingest(store, [str(folder)], settings, sample)
        seconds = time.perf_counter() - start
    return {
        "count": count,
        "seconds": seconds,
        "per_second": count / seconds,
        "errors": report.count("error"),
        "curve": curve,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text", type=int, default=2000)
    parser.add_argument("--html", type=int, default=181)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print("| input | articles | seconds | articles/s | errors | RSS of this process as it went |")
    print("|---|---|---|---|---|---|")
    for kind, count in (("text", args.text), ("html", args.html)):
        if count:
            r = run(kind, count, args.workers)
            curve = ", ".join(f"{n:,}: {mb:.0f} MB" for n, mb in r["curve"]) or "-"
            print(
                f"| {kind} | {count} | {r['seconds']:.1f} | {r['per_second']:.0f} |"
                f" {r['errors']:.0f} | {curve} |"
            )
            sys.stdout.flush()


if __name__ == "__main__":
    main()
