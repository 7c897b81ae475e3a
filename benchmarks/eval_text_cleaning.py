"""Score the plain-text boilerplate cleaner; print a table and its speed.

    .venv/bin/python benchmarks/eval_text_cleaning.py [--shared ../shared] [--repeat 400]

1. article-extraction-benchmark (181 pages): each page is turned into the text a
   naive scraper gets (``html_to_block_text``: lxml, script/style/noscript/template
   dropped, one line per block-level element), a BoilerplateMemory is fed the whole
   batch, then raw text, the C4 line rules and ``clean_text`` are scored with the
   benchmark's metric (4-word shingles, P and R averaged over pages, F1 of the averages).
2. karabakh samples: mistakes against tests/evaluation/karabakh_lines.json.
3. speed: articles/s of ``clean_text`` on the karabakh samples repeated, single thread.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from triangulate.evaluation.text_cleaning import (
    evaluate_cleaning,
    line_label_mistakes,
)
from triangulate.ingest.clean import clean_text

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=400)
    args = parser.parse_args()
    report = evaluate_cleaning(args.shared / "data" / "article-extraction-benchmark")
    print(f"article-extraction-benchmark, {report.ours.pages} pages")
    print(f"{'system':<22}{'P':>8}{'R':>8}{'F1':>8}")
    for name, scores in (("raw block text", report.raw), ("C4 line rules", report.c4)):
        print(f"{name:<22}{scores.precision:>8.4f}{scores.recall:>8.4f}{scores.f1:>8.4f}")
    ours = report.ours
    print(f"{'clean_text (batch)':<22}{ours.precision:>8.4f}{ours.recall:>8.4f}{ours.f1:>8.4f}")
    print(f"clean_text on the 181 full pages: {report.seconds:.2f} s")
    samples = args.shared / "samples" / "karabakh"
    labels_path = ROOT / "tests" / "evaluation" / "karabakh_lines.json"
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["files"]
    mistakes = line_label_mistakes(samples, labels)
    print(
        f"karabakh: {mistakes.lines} labelled lines, {len(mistakes.dropped_body)} body lines "
        f"dropped, {len(mistakes.kept_boilerplate)} boilerplate lines kept"
    )
    texts = [path.read_text("utf-8") for path in sorted(samples.glob("*.txt"))]
    _print_speed(texts, args.repeat)


def _print_speed(texts: list[str], repeat: int) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for text in texts:
            clean_text(text)
    count = len(texts) * repeat
    wall_rate = count / (time.perf_counter() - wall)
    cpu_rate = count / (time.process_time() - cpu)
    print(f"speed: {count} articles, {wall_rate:.0f}/s wall clock, {cpu_rate:.0f}/s of CPU time")


if __name__ == "__main__":
    main()
