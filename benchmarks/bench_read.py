"""Throughput of reading articles (spaCy parse + every reader + cross-article merging).

Replays a set of texts under new ids until there are ``--articles`` of them and
times ``read_many`` with each ``--n-process`` value.  By default the texts are
the fictional fixtures in tests/fixtures/read; ``--texts DIR`` replays the
``*.txt`` files of another folder (for instance ../shared/samples/<event>).

    .venv/bin/python benchmarks/bench_read.py --articles 1000 --n-process 1 2 [--engine pipe]
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--n-process", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--texts", type=Path, default=FIXTURES)
    parser.add_argument(
        "--engine",
        choices=["workers", "pipe"],
        default="workers",
        help="workers: the whole reading of each article in a worker process (as the CLI does);"
        " pipe: only the spaCy parse in nlp.pipe(n_process)",
    )
    options = parser.parse_args()
    articles = replayed_articles(options.texts, options.articles)
    words = sum(article.words for article in articles)
    load_nlp()  # model loading is not part of the throughput
    print(f"{len(articles)} articles, {words} words, replayed from {options.texts}")
    for n_process in options.n_process:
        elapsed, facts = measure(articles, n_process, options.batch_size, options.engine)
        print(
            f"{options.engine}, n_process={n_process}: {elapsed:.1f} s, {len(articles) / elapsed:.1f} articles/s, "
            f"{words / elapsed:.0f} words/s, {facts} facts"
        )


if __name__ == "__main__":
    main()
