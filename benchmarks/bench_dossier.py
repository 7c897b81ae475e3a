"""Time to build a dossier of five articles: cold (a new process, models loaded on the way)
and warm (models already loaded, articles never read before).

    .venv/bin/python benchmarks/bench_dossier.py [--texts examples/text] [--repeat 3]

Cold: `triangulate dossier` in a new process on articles already ingested (ingest is timed
separately). Warm: `build_for` again in one process after the readings cache and the sentence
vector cache are emptied, so the articles are read and compared from scratch. Steps: the CPU
time of each step of a warm build (read, compare, timeline, summary), median over the repeats.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=Path, default=ROOT / "examples" / "text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        settings = Settings(db_path=Path(temp) / "bench.db", workers=1)
        with open_store(settings.db) as store:
            ids = ingest(store, [str(args.texts)], settings).article_ids
            store.conn.execute("DELETE FROM readings")
            store.conn.commit()
        colds = []
        for _ in range(args.repeat):
            colds.append(cold(settings.db, Path(temp) / "out", ids))
            with open_store(settings.db) as store:
                store.conn.execute("DELETE FROM readings")
                store.conn.commit()
        load_nlp()
        warms = [warm(settings, ids) for _ in range(args.repeat)]
        spent = [steps(settings, ids) for _ in range(args.repeat)]
    print("| articles | cold, new process (s) | warm, models loaded (s) |")
    print("|---|---|---|")
    print(
        f"| {len(ids)} | {statistics.median(colds):.2f} (min {min(colds):.2f}) |"
        f" {statistics.median(warms):.2f} (min {min(warms):.2f}) |"
    )
    cells = " | ".join(f"{statistics.median(s[k] for s in spent) * 1000:.0f}" for k in spent[0])
    print(f"\nCPU ms per step of a warm build: | {' | '.join(spent[0])} |\n| {cells} |")


if __name__ == "__main__":
    main()
