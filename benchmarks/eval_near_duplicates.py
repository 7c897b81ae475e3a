"""Near-duplicate decisions of the LSH index against the true shingle Jaccard, per band shape.

    .venv/bin/python benchmarks/eval_near_duplicates.py FOLDER [FOLDER ...]

Every ``.txt`` file of the folders with 60 words or more is an original; each gets edited
copies with a share of its words (1% to 20%) replaced by words drawn from the other texts
(seeded). The originals' signatures go into a near-duplicate index (``DuplicateIndex``, the
ingest threshold 0.8) cut into bands of a given shape; each copy is looked up in it. A copy
should be linked to its original when the Jaccard similarity of the two texts' 5-word shingle
sets is 0.8 or more, and to nothing otherwise: the table counts the decisions that agree with
that, the copies of 0.8 or more linked (recall), those linked under 0.8, the copies linked to
another text, and the candidates the index checked on their whole signature (its cost).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from triangulate.ingest import dedupe

RATES = (0.01, 0.03, 0.05, 0.08, 0.12, 0.2)
MIN_WORDS = 60
THRESHOLD = 0.8
# datasketch's choice for 0.8 (equal weights on false candidates and missed ones), and the
# shapes with fewer rows a band
SHAPES = ((5, 11), (7, 9), (8, 8), (10, 6), (12, 5), (16, 4))


def edited(text: str, rate: float, vocabulary: list[str], rng: random.Random) -> str:
    words = text.split()
    for position in rng.sample(range(len(words)), max(1, round(rate * len(words)))):
        words[position] = rng.choice(vocabulary)
    return " ".join(words)


def jaccard(a: str, b: str) -> float:
    first, second = set(dedupe.shingles(a)), set(dedupe.shingles(b))
    return len(first & second) / len(first | second)


def evaluate(
    shape: tuple[int, int],
    signatures: dict[str, dedupe.MinHash],
    copies: list[tuple[str, dedupe.MinHash, float]],
) -> dict[str, float]:
    start = time.process_time()
    index = dedupe.DuplicateIndex(THRESHOLD, window=len(signatures) + 1, shape=shape)
    for name, signature in signatures.items():
        index.add(name, signature)
    right = wrong_text = linked = linked_under = candidates = 0
    for original, signature, truth in copies:
        candidates += len(index.candidates(signature))
        found = index.original_of("copy", signature)
        linked += found == original and truth >= THRESHOLD
        linked_under += found == original and truth < THRESHOLD
        wrong_text += found is not None and found != original
        right += (found == original) == (truth >= THRESHOLD) and found in (None, original)
    return {
        "agree": right / len(copies),
        "linked": linked,
        "linked under": linked_under,
        "wrong text": wrong_text,
        "candidates": candidates / len(copies),
        "cpu": time.process_time() - start,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    texts = {
        path.stem: path.read_text(errors="replace")
        for folder in args.folders
        for path in sorted(folder.glob("*.txt"))
    }
    originals = {name: text for name, text in texts.items() if len(text.split()) >= MIN_WORDS}
    rng = random.Random(15)
    vocabulary = sorted({word for text in originals.values() for word in text.split()})
    copies = []
    for name, text in originals.items():
        for rate in RATES:
            copy = edited(text, rate, vocabulary, rng)
            copies.append((name, dedupe.signature(copy), jaccard(text, copy)))
    signatures = {name: dedupe.signature(text) for name, text in originals.items()}
    should = sum(truth >= THRESHOLD for _, _, truth in copies)
    print(f"{len(originals)} originals, {len(copies)} edited copies, {should} at Jaccard >= 0.8")
    print(f"shipped shape (bands, rows): {dedupe.lsh_bands(THRESHOLD)}\n")
    print(
        "| bands x rows | decisions right | linked, Jaccard >= 0.8 | linked, under 0.8 "
        "| linked to another text | candidates a lookup | CPU-s |"
    )
    print("|---|---|---|---|---|---|---|")
    for shape in SHAPES:
        found = evaluate(shape, signatures, copies)
        print(
            f"| {shape[0]} x {shape[1]} | {found['agree']:.4f} | {found['linked']:.0f} of {should}"
            f" | {found['linked under']:.0f} | {found['wrong text']:.0f}"
            f" | {found['candidates']:.2f} | {found['cpu']:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
