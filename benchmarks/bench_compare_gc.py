"""What Python's garbage collector costs `compare()`, with and without its objects alive
before left out of collection (``gc.freeze`` while it runs, as `compare()` does).

The articles are the first ``--size`` of the ECB+ training topics, as
``bench_compare_scale.py`` takes them; the two ways alternate ``--rounds`` times in one
process, each after a full collection, and each line gives the CPU seconds of the comparison
and of the full (oldest generation) collections that ran during it.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_compare_gc.py --size 160
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_compare_scale import articles_up_to
from triangulate.compare import claims
from triangulate.nlp.encoder import load_encoder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus-dev"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    parser.add_argument("--size", type=int, default=160)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    articles, readings = articles_up_to(args.data, args.cache, args.size)
    encoder = load_encoder()
    claims.compare(articles, readings, encoder)  # imports and caches warmed, untimed
    full: list[float] = []

    def timed_full(phase: str, info: dict[str, Any]) -> None:
        if info["generation"] == 2:
            now = time.process_time()
            full.append(now if phase == "start" else now - full.pop())

    ways: dict[str, Callable[[], object]] = {
        "every object collected": lambda: claims._compare(articles, readings, encoder, True),
        "objects alive before frozen (shipped)": lambda: claims.compare(
            articles, readings, encoder
        ),
    }
    gc.callbacks.append(timed_full)
    print(f"{len(articles)} articles")
    for _ in range(args.rounds):
        for name, way in ways.items():
            gc.collect()
            full.clear()
            start = time.process_time()
            way()
            spent = time.process_time() - start
            print(
                f"{name}: compare() {spent:.2f} CPU s; full collections {len(full)}, "
                f"{sum(full):.2f} CPU s"
            )


if __name__ == "__main__":
    main()
