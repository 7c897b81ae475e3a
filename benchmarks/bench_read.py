"""Reading speed (spaCy parse + every reader + cross-article merging) against spaCy alone.

Replays a set of texts under new ids until there are ``--articles`` of them and, for each
``--n-process`` value, times the whole reading against the floor it stands on: spaCy's own
``nlp.pipe(texts, n_process=N)`` over the same texts (the parse only), in the same run,
alternated over ``--rounds`` rounds; the ratio of each pair and the machine's load average
are printed. Model loading is excluded from both. By default the texts are the fictional
fixtures in tests/fixtures/read; ``--texts DIR`` replays the ``*.txt`` files of another
folder (for instance examples/text).

    .venv/bin/python benchmarks/bench_read.py --articles 1000 --n-process 2 --texts examples/text
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from triangulate.models import Article
from triangulate.nlp.language import load_nlp
from triangulate.readers.reader import merge_across, read_many
from triangulate.readers.stored import read_each

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "read"


def replayed_articles(folder: Path, count: int) -> list[Article]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {folder}")
    return [
        Article(id=f"bench-{index:05d}", source="bench", text=texts[index % len(texts)])
        for index in range(count)
    ]


def measure(
    articles: list[Article], n_process: int, batch_size: int, engine: str
) -> tuple[float, int]:
    started = time.perf_counter()
    if engine == "workers":  # what `triangulate read` and `dossier` do
        readings = merge_across(read_each(articles, n_process))
    else:
        readings = read_many(articles, n_process=n_process, batch_size=batch_size)
    elapsed = time.perf_counter() - started
    return elapsed, sum(len(reading.facts) for reading in readings)


def spacy_floor(articles: list[Article], n_process: int, batch_size: int) -> float:
    """Seconds for spaCy's own ``nlp.pipe`` to parse the same texts."""
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(
        (article.text for article in articles), n_process=n_process, batch_size=batch_size
    ):
        pass
    return time.perf_counter() - started


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--n-process", type=int, nargs="+", default=[2])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--texts", type=Path, default=FIXTURES)
    parser.add_argument(
        "--engine",
        choices=["workers", "pipe"],
        default="workers",
        help="workers: the whole reading of each article in a worker process (as the CLI does);"
        " pipe: only the spaCy parse in nlp.pipe(n_process), the readers in this process",
    )
    options = parser.parse_args()
    articles = replayed_articles(options.texts, options.articles)
    words = sum(article.words for article in articles)
    load_nlp()  # model loading is not part of the throughput
    print(f"{len(articles)} articles, {words} words, replayed from {options.texts}")
    print(f"load average before: {load()}\n")
    print("| n_process | reading s | spaCy nlp.pipe s | **ratio** | articles/s (reading) | facts |")
    print("|---|---|---|---|---|---|")
    for n_process in options.n_process:
        ours: list[float] = []
        floor: list[float] = []
        facts = 0
        for number in range(options.rounds):
            first_ours = number % 2 == 0
            if not first_ours:
                floor.append(spacy_floor(articles, n_process, options.batch_size))
            elapsed, facts = measure(articles, n_process, options.batch_size, options.engine)
            ours.append(elapsed)
            if first_ours:
                floor.append(spacy_floor(articles, n_process, options.batch_size))
        ratios = [a / b for a, b in zip(ours, floor, strict=True)]
        print(
            f"| {n_process} | {spread(ours)} | {spread(floor)} | **{spread(ratios)}** |"
            f" {len(articles) / statistics.median(ours):.1f} | {facts} |"
        )
    print(f"\nload average after: {load()}")


if __name__ == "__main__":
    main()
