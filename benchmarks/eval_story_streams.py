"""Story clustering on labelled, dated streams: before / after the dormant stage / TF-IDF.

See ``triangulate.evaluation.stories`` for the streams and systems and
``triangulate.evaluation.streams`` for how each stream is built from ../shared/data (the
invented local ones, ``--streams local-a,local-b``, from the repository alone).

Usage:
  .venv/bin/python benchmarks/eval_story_streams.py [--streams ecb-all,ecb-dev-followup,tbaq]
      [--seeds 20] [--shared ../shared] [--explain]

--explain also prints, per stream, the gold events split (by the gate that kept their pieces
apart: live threshold, late link, beyond the dormant days or the span, split test) and the
mixed stories, with their TF-IDF likeness (mean cosine across, in the baseline's vectors).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from triangulate.evaluation.stories import (
    STREAMS,
    evaluate_streams,
    explained,
    markdown,
    named_streams,
    train_cut,
)

ROOT = Path(__file__).resolve().parents[1]
TBAQ_GOLD = ROOT / "tests" / "evaluation" / "tbaq_stories.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", default=",".join(STREAMS))
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--explain", action="store_true", help="what is left, stream by stream")
    args = parser.parse_args()
    started = time.perf_counter()
    streams = named_streams(args.shared, TBAQ_GOLD, args.streams.split(","), args.seeds)
    # the TF-IDF cut fixed on ECB+ train needs ../shared; the invented streams do not
    cut = train_cut(args.shared) if (args.shared / "data").is_dir() else None
    print(markdown(evaluate_streams(streams, fixed_cut=cut)))
    if args.explain:
        for name, draws in streams.items():
            print("\n" + explained(name, draws))
    print(f"\n{time.perf_counter() - started:.0f} s, one process")


if __name__ == "__main__":
    main()
