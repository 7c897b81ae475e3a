"""Measure the quantities reader on real text (read-only, nothing copied into the repo).

Prints, for a folder of plain-text articles (default ../shared/samples/*) and for the
NewsWCL50 articles rebuilt from their tokens: how many figures were read, the hedge
distribution, the speed per 1,000 words, and (``--list``) every figure with its hedge,
unit and interval for a by-hand check.  ``--sample N`` prints N random figures from
NewsWCL50 (fixed seed) with their sentence, for estimating precision by hand.

Usage: .venv/bin/python benchmarks/eval_quantities.py [--shared ../shared] [--list] [--sample 40]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from triangulate.evaluation import newswcl50
from triangulate.models import Quantity
from triangulate.readers.quantities import find_quantities

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def read_all(texts: dict[str, str]) -> tuple[dict[str, list[Quantity]], float, int]:
    found: dict[str, list[Quantity]] = {}
    elapsed, words = 0.0, 0
    for name, text in texts.items():
        began = time.perf_counter()
        found[name] = find_quantities(text, name)
        elapsed += time.perf_counter() - began
        words += len(text.split())
    return found, elapsed, words


def report(label: str, texts: dict[str, str], listing: bool) -> dict[str, list[Quantity]]:
    found, elapsed, words = read_all(texts)
    figures = [q for qs in found.values() for q in qs]
    hedges = Counter(q.hedge or "exact" for q in figures)
    print(f"== {label}: {len(texts)} articles, {words} words, {len(figures)} figures")
    print(f"ms per 1,000 words: {1000 * elapsed / max(words, 1) * 1000:.2f}")
    print("hedges:", dict(hedges.most_common()))
    print("figures without a unit:", sum(not q.unit for q in figures))
    if listing:
        for name, quantities in found.items():
            for q in quantities:
                print(
                    f"  {name[:24]:24} {q.evidence.text!r:34} unit={q.unit!r} "
                    f"hedge={q.hedge} [{q.low:g}, {q.high:g}]"
                )
    return found


def sample(texts: dict[str, str], found: dict[str, list[Quantity]], count: int) -> None:
    pool = [(name, q) for name, qs in found.items() for q in qs]
    for name, q in random.Random(7).sample(pool, min(count, len(pool))):
        text = texts[name]
        left = text.rfind("\n", 0, q.evidence.start) + 1
        context = text[max(left, q.evidence.start - 60) : q.evidence.end + 40].replace("\n", " ")
        print(f"  {q.evidence.text!r} unit={q.unit!r} hedge={q.hedge} | {context}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args()
    samples = sorted((args.shared / "samples").glob("*/*.txt"))
    if samples:
        texts = {path.parent.name + "/" + path.name: path.read_text("utf-8") for path in samples}
        report("shared/samples", texts, args.list)
    if (args.shared / newswcl50.CONLL).exists():
        texts = newswcl50.texts(args.shared)
        found = report("NewsWCL50 (rebuilt from tokens)", texts, False)
        if args.sample:
            sample(texts, found, args.sample)


if __name__ == "__main__":
    main()
