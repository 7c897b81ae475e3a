"""Time to build a dossier of five articles: cold (a new process, models loaded on the way)
and warm (models already loaded, articles never read before), each beside its floor in the
same run.

    .venv/bin/python benchmarks/bench_dossier.py [--texts examples/text] [--repeat 3]

Cold: `triangulate dossier` in a new process on articles already ingested (ingest is timed
separately); its floor, a new process that loads spaCy's pipeline (as the reader does) and
parses the same texts. Warm: `build_for` again in one process after the readings cache and the
sentence vector cache are emptied, so the articles are read and compared from scratch; its
floor, the loaded pipeline's parse of the same texts in the same process. The two alternate
round by round and each round gives a ratio: the ratio is the figure (the host's speed moves
both), seconds its context. Steps: the CPU time of each step of a warm build (read, compare,
timeline, summary), median over the repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from triangulate.compare.claims import compare
from triangulate.compose.build import build_for
from triangulate.compose.summary import summarize
from triangulate.compose.timeline import build_timeline
from triangulate.ingest.ingester import ingest
from triangulate.nlp.encoder import load_encoder
from triangulate.nlp.language import load_nlp
from triangulate.readers.reader import read_many
from triangulate.settings import Settings
from triangulate.store import open_store, queries

ROOT = Path(__file__).resolve().parents[1]


def cold(db: Path, out: Path, ids: list[str]) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "triangulate", "dossier", "--db", str(db), "--out", str(out)]
    subprocess.run([*command, *ids], check=True, capture_output=True)
    return time.perf_counter() - start


# A new process that loads the pipeline the reader loads and parses the texts: what a cold
# dossier stands on.
PARSE_IN_A_NEW_PROCESS = (
    "import json, sys\n"
    "from triangulate.nlp.language import load_nlp\n"
    "nlp = load_nlp()\n"
    "for text in json.load(open(sys.argv[1], encoding='utf-8')):\n"
    "    nlp(text)\n"
)


def cold_floor(texts_file: Path) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-c", PARSE_IN_A_NEW_PROCESS, str(texts_file)]
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def warm_floor(texts: list[str]) -> float:
    nlp = load_nlp()
    start = time.perf_counter()
    for text in texts:
        nlp(text)
    return time.perf_counter() - start


def warm(settings: Settings, ids: list[str]) -> float:
    encoder = load_encoder()
    with open_store(settings.db) as store:
        store.conn.execute("DELETE FROM readings")
        store.conn.commit()
        clear = getattr(encoder, "clear_cache", None)
        if clear:
            clear()
        start = time.perf_counter()
        build_for(store, ids, settings, encoder)
        return time.perf_counter() - start


def steps(settings: Settings, ids: list[str]) -> dict[str, float]:
    """CPU seconds of each step of one warm build (no reading cache, no vector cache)."""
    encoder = load_encoder()
    clear = getattr(encoder, "clear_cache", None)
    if clear:
        clear()
    with open_store(settings.db) as store:
        articles = list(queries.iter_articles(store, ids))
    spent: dict[str, float] = {}
    started = time.process_time()
    readings = read_many(articles)
    spent["read"], started = time.process_time() - started, time.process_time()
    claims = compare(articles, readings, encoder)
    spent["compare"], started = time.process_time() - started, time.process_time()
    timeline = build_timeline(articles, readings, encoder)
    spent["timeline"], started = time.process_time() - started, time.process_time()
    summarize(articles, readings, claims, timeline)
    spent["summary"] = time.process_time() - started
    return spent


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def forget_readings(settings: Settings) -> None:
    with open_store(settings.db) as store:
        store.conn.execute("DELETE FROM readings")
        store.conn.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=Path, default=ROOT / "examples" / "text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory() as temp:
        settings = Settings(db_path=Path(temp) / "bench.db", workers=1)
        with open_store(settings.db) as store:
            ids = ingest(store, [str(args.texts)], settings).article_ids
            texts = [article.text for article in queries.iter_articles(store, ids)]
        forget_readings(settings)
        texts_file = Path(temp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        colds, cold_floors = [], []
        for round_ in range(args.repeat):  # alternated: A B, B A, ...
            for which in (0, 1) if round_ % 2 == 0 else (1, 0):
                if which == 0:
                    colds.append(cold(settings.db, Path(temp) / "out", ids))
                    forget_readings(settings)
                else:
                    cold_floors.append(cold_floor(texts_file))
        load_nlp()
        warms, warm_floors = [], []
        for round_ in range(args.repeat):
            for which in (0, 1) if round_ % 2 == 0 else (1, 0):
                if which == 0:
                    warms.append(warm(settings, ids))
                else:
                    warm_floors.append(warm_floor(texts))
        spent = [steps(settings, ids) for _ in range(args.repeat)]
    cold_ratios = [a / b for a, b in zip(colds, cold_floors, strict=True)]
    warm_ratios = [a / b for a, b in zip(warms, warm_floors, strict=True)]
    print(f"\n{len(ids)} articles, seconds: median (range) of {args.repeat} rounds\n")
    print("| build | dossier (s) | floor (s) | **ratio** (round by round) |")
    print("|---|---|---|---|")
    print(
        f"| cold: a new process; floor: a new process parsing the texts |"
        f" {spread(colds)} | {spread(cold_floors)} | **{spread(cold_ratios)}** |"
    )
    print(
        f"| warm: models loaded; floor: the loaded pipeline's parse |"
        f" {spread(warms)} | {spread(warm_floors)} | **{spread(warm_ratios)}** |"
    )
    cells = " | ".join(f"{statistics.median(s[k] for s in spent) * 1000:.0f}" for k in spent[0])
    print(f"\nCPU ms per step of a warm build: | {' | '.join(spent[0])} |\n| {cells} |")
    print(f"\nload average after: {load()}")


if __name__ == "__main__":
    main()
