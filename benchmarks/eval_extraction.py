"""Print the extraction scores and speed: trafilatura vs ours on ../shared/data.

Usage: .venv/bin/python benchmarks/eval_extraction.py [--workers 2] [--limit N] [--data PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from triangulate.evaluation.extraction import evaluate_extraction, format_report, measure_speed

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="pages per corpus")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no evaluation data at {args.data}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    report = evaluate_extraction(args.data, workers=args.workers, limit=args.limit)
    print(format_report(report))
    print(
        f"\nwall time {time.perf_counter() - start:.0f} s with {args.workers} worker(s); "
        "the pages/s in the table are CPU time per page inside the pool"
    )
    speed = measure_speed(args.data, limit=args.limit)
    print(
        f"CPU time, one process, {speed.pages} benchmark pages: trafilatura "
        f"{1000 / speed.trafilatura_pages_per_second:.1f} ms/page "
        f"({speed.trafilatura_pages_per_second:.1f} pages/s), ours "
        f"{1000 / speed.our_pages_per_second:.1f} ms/page ({speed.our_pages_per_second:.1f} pages/s)"
        f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
