"""Time expressions: triangulate's reader against dateparser on TempEval-3 and MEANTIME.

Usage: .venv/bin/python benchmarks/eval_times.py [--shared ../shared] [--every N] [--no-baseline]

Prints extraction P/R/F1 (relaxed overlap), value accuracy on matched expressions and value
P/R/F1 for both systems (protocol: ``triangulate.evaluation.timex``), the reader's speed,
and how often ``find_dateline`` finds MEANTIME's creation date in the dateline under the title.
"""

from __future__ import annotations

import argparse
import datetime
import time
from pathlib import Path

from triangulate.evaluation import timex
from triangulate.readers.times import find_dateline, find_times

ROOT = Path(__file__).resolve().parents[1]
TEMPEVAL = Path("data/tempeval3-train/Training/TBAQ-cleaned")
MEANTIME = Path("data/meantime_en/meantime_newsreader_english_oct15/intra-doc_annotation")
HEADER = "| corpus | system | docs | gold | P | R | F1 | value acc | value P | value R | value F1 |"


def _row(corpus: str, system: str, docs: int, scores: timex.Scores) -> str:
    numbers = (
        scores.precision,
        scores.recall,
        scores.f1,
        scores.value_accuracy,
        scores.value_precision,
        scores.value_recall,
        scores.value_f1,
    )
    cells = " | ".join(f"{n:.3f}" for n in numbers)
    return f"| {corpus} | {system} | {docs} | {scores.gold} | {cells} |"


def _speed(documents: list[timex.GoldDocument]) -> str:
    words = sum(len(d.text.split()) for d in documents)
    start = time.perf_counter()
    for document in documents:
        find_times(document.text, document.id, document.creation)
    seconds = time.perf_counter() - start
    per_600 = seconds / max(words, 1) * 600 * 1000
    return f"reader speed: {per_600:.1f} ms per 600 words ({len(documents)} docs, {words} words)"


def _dateline_rate(folder: Path) -> str:
    documents = timex.load_meantime(folder, annotated_only=False)
    right = sum(find_dateline(d.text) == d.creation.isoformat() for d in documents)
    return f"find_dateline on MEANTIME (title + dateline + body): {right}/{len(documents)} right"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--every", type=int, default=1, help="score every N-th document")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    corpora = {
        "TempEval-3 train": timex.load_tempeval(args.shared / TEMPEVAL),
        "MEANTIME en": timex.load_meantime(args.shared / MEANTIME),
    }
    systems = {"triangulate": timex.predict_triangulate}
    if not args.no_baseline:
        systems["dateparser search_dates"] = timex.predict_dateparser
    print(f"run {datetime.datetime.now():%Y-%m-%d %H:%M}\n\n{HEADER}\n" + "|---" * 11 + "|")
    for corpus, documents in corpora.items():
        chosen = timex.sample(documents, args.every)
        for system, predict in systems.items():
            scores, _ = timex.score(chosen, predict)
            print(_row(corpus, system, len(chosen), scores))
    everything = [d for documents in corpora.values() for d in documents]
    print(f"\n{_speed(everything)}\n{_dateline_rate(args.shared / MEANTIME)}")


if __name__ == "__main__":
    main()
