"""Score the headline the plain-text cleaner picks against the page's own title.

    .venv/bin/python benchmarks/eval_titles.py [--shared ../shared]

The pages of the article-extraction-benchmark (181) and of trafilatura's evaluation set
are turned into the text a naive scraper gets (one line per block-level element), fed to
``clean_text`` as one batch with its boilerplate memory, and the title it picks is held to
the titles the page declares (og:title, twitter:title, the first h1, the window's title):
it agrees when most of its words are one of them and it covers a good part of it. Beside
it, the baseline: the first line of 3 to 30 words.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from triangulate.evaluation.text_cleaning import benchmark_markups, evaluate_titles

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    report = evaluate_titles(benchmark_markups(args.shared / "data"))
    print(f"pages declaring a title: {report.pages}")
    print(f"{'system':<36}{'agrees':>8}{'share':>8}")
    for name, count in (
        ("clean_text (batch)", report.ours),
        ("first line of 3 to 30 words", report.first_line),
    ):
        print(f"{name:<36}{count:>8}{count / report.pages:>8.3f}")


if __name__ == "__main__":
    main()
