"""Reader speed on a 600-word article: framing markers, figures and dates (no spaCy).

    .venv/bin/python benchmarks/bench_reader_speed.py --repeat 50

These timings used to be assertions in the test suite; they live here so that a busy machine
never fails a test. Each reader is warmed up once, then timed ``--repeat`` times; the table
gives the median and the worst run in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time
from collections.abc import Callable

from triangulate.readers.framing import find_framing
from triangulate.readers.quantities import find_quantities
from triangulate.readers.times import find_times

FRAMING = (
    'The so-called "guests" of the regime stayed; Kestrian separatists slammed the '
    "brutal crackdown in the occupied territories, where ethnic Velans live. "
) * 30
FIGURES = (
    "On June 12, 2024 about 2,000 soldiers and nearly 3 million people left the 4 towns. " * 40
)
DATES = (
    "Officials said on Wednesday that about 1,200 workers had left the site since "
    "March 3, 2021, while the ministry expects talks to resume next week. Prices rose "
    "12% last year, and in mid-April the union met for three hours. "
) * 15
THURSDAY = datetime.date(2024, 6, 13)

READERS: dict[str, Callable[[], object]] = {
    "framing (find_framing)": lambda: find_framing(FRAMING, "a", "The regime"),
    "figures (find_quantities)": lambda: find_quantities(FIGURES, "a"),
    "dates (find_times)": lambda: find_times(DATES, "a", THURSDAY),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    print("| reader, 600-word article | median ms | worst ms |")
    print("|---|---|---|")
    for name, read in READERS.items():
        read()
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            read()
            times.append((time.perf_counter() - started) * 1000)
        print(f"| {name} | {statistics.median(times):.1f} | {max(times):.1f} |")


if __name__ == "__main__":
    main()
