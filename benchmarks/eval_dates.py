"""Every date the time reader finds on TempEval-3 and MEANTIME, as an interval and in words.

For each corpus: how many anchored date values the reader gives (anchored against each
document's creation date), how many of them parse into a DateInterval (so reach the
timeline), and how many rendered texts still hold a value code; then one example per
form of value.

Usage: .venv/bin/python benchmarks/eval_dates.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from triangulate.core.dates import DateInterval, value_in_words
from triangulate.evaluation import timex
from triangulate.readers.times import find_times

ROOT = Path(__file__).resolve().parent.parent
RAW_CODE = re.compile(r"\d-\d|\d[X/]|X\d|XX|\bW\d|\bQ[1-4]\b|\bH[12]\b|\bP(?:T|\d|X)|_REF")


def corpora(shared: Path) -> dict[str, list[timex.GoldDocument]]:
    data = shared / "data"
    return {
        "TempEval-3": timex.load_tempeval(data / "tempeval3-train" / "Training" / "TBAQ-cleaned"),
        "MEANTIME": timex.load_meantime(
            data / "meantime_en" / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    examples: dict[str, tuple[str, str | None, str]] = {}
    print("| corpus | anchored dates | intervals | words with a value code |")
    print("|---|---|---|---|")
    for name, documents in corpora(args.shared).items():
        counts: Counter[str] = Counter()
        for document in documents:
            for found in find_times(document.text, document.id, document.creation):
                value, mod = found.value, found.mod
                if not (found.anchored and value) or value.startswith("P") or "_REF" in value:
                    continue
                counts["dates"] += 1
                counts["intervals"] += DateInterval.parse(value, mod=mod) is not None
                words = value_in_words(value, mod)
                counts["coded"] += bool(RAW_CODE.search(words))
                examples.setdefault(
                    re.sub(r"\d", "9", value) + f" {mod or ''}", (value, mod, words)
                )
        print(f"| {name} | {counts['dates']} | {counts['intervals']} | {counts['coded']} |")
    print("\n| form | value | mod | in words |\n|---|---|---|---|")
    for form, (value, mod, words) in sorted(examples.items()):
        print(f"| {form.strip()} | {value} | {mod or ''} | {words} |")


if __name__ == "__main__":
    main()
