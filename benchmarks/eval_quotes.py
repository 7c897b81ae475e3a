"""Quote speakers: triangulate's quote reader against hand-labelled gold quotes.

Usage: .venv/bin/python benchmarks/eval_quotes.py [--shared ../shared]
           [--gold PATH] [--failures] [--tag TAG]

Prints quote recall and precision, speaker accuracy on found quotes and end-to-end, per
kind and per hard-case tag (protocol: ``triangulate.evaluation.quotes``); with --failures
every missed quote and wrong speaker (this prints article text: keep it out of the repo).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from triangulate.evaluation import quotes as protocol

ROOT = Path(__file__).resolve().parents[1]


def _failures(scores: protocol.Scores, texts: dict[str, str], tag: str | None) -> None:
    for outcome in scores.outcomes:
        gold = outcome.gold
        if outcome.right or (tag and tag not in gold.tags):
            continue
        text = texts[gold.doc]
        quoted = text[gold.start : gold.end].replace("\n", " ")
        speakers = " & ".join(text[s.start : s.end] for s in gold.speakers) or "-"
        if outcome.system is None:
            print(f"MISSED {gold.id} {gold.kind} [{' '.join(gold.tags)}] {quoted[:90]!r}")
            print(f"       gold speaker: {speakers}")
            continue
        said = outcome.system
        evidence = text[said.speaker_span[0] : said.speaker_span[1]] if said.speaker_span else None
        print(f"WRONG  {gold.id} {gold.kind} [{' '.join(gold.tags)}] {quoted[:90]!r}")
        print(f"       gold speaker: {speakers} | system: {said.speaker!r} (mention {evidence!r})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--gold", type=Path, default=ROOT / "tests" / "evaluation" / "quotes_gold.json"
    )
    parser.add_argument("--failures", action="store_true")
    parser.add_argument("--tag")
    parser.add_argument("--split", choices=["dev", "test"])
    args = parser.parse_args()
    gold = protocol.load_gold(args.gold, args.shared, args.split)
    reader = protocol.triangulate_reader()
    began = time.perf_counter()
    scores = protocol.score(gold, reader)
    elapsed = time.perf_counter() - began
    print(f"documents {len(gold.texts)}; reading took {elapsed:.1f}s")
    print("\n".join(protocol.summary(scores)))
    if args.failures:
        print()
        _failures(scores, gold.texts, args.tag)


if __name__ == "__main__":
    main()
