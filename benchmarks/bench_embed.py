"""Speed of the numpy MiniLM: model load time and sentences per second.

Usage: .venv/bin/python benchmarks/bench_embed.py [--threads 2] [--folder ../shared/samples/karabakh]
Sentences come from the .txt files of --folder (split on sentence ends), so the
timing reflects real news sentence lengths; nothing from them is stored.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported in main() only after the thread count is set
    from triangulate.nlp.encoder import TextEncoder


def _sentences(folder: Path) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    pieces = [s.strip() for text in texts for s in re.split(r"(?<=[.!?])\s+|\n+", text)]
    return [s for s in pieces if len(s.split()) >= 4]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--folder", default="../shared/samples/karabakh")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(args.threads)

    started = time.perf_counter()
    from triangulate.nlp.encoder import HashingEmbedder, load_embedder

    embedder = load_embedder()
    load_seconds = time.perf_counter() - started
    sentences = _sentences(Path(args.folder))
    if not sentences:
        sys.exit(f"no sentences found under {args.folder}")
    words = sum(len(s.split()) for s in sentences)
    print(f"model load (import + weights + tokenizer): {load_seconds:.2f} s")
    print(f"sentences: {len(sentences)} (mean {words / len(sentences):.1f} words)")
    for name, encoder in (("minilm-numpy", embedder), ("hashed-bow", HashingEmbedder())):
        best = min(_timed(encoder, sentences) for _ in range(args.repeat))
        print(
            f"{name}: {len(sentences) / best:.0f} sentences/s ({best:.2f} s, threads={args.threads})"
        )


def _timed(encoder: TextEncoder, sentences: list[str]) -> float:
    getattr(encoder, "clear_cache", lambda: None)()  # measure the model, not the cache
    started = time.perf_counter()
    encoder.encode(sentences)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
