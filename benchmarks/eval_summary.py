"""The dossier's neutral summary against AllSides' human roundups (NeuS dev), with baselines.

    .venv/bin/python benchmarks/eval_summary.py [--data ../shared/data/neus-dev] [--cache DIR]
        [--system name=module:function] [--dump summaries.jsonl] [--limit N] [--bootstrap N]

Every story's three leads are read, compared, dated and summarised by the project's steps;
the summary (``triangulate.compose.summary.summarize``) is scored with ROUGE-1/2/L F1 against
the roundup's body, side by side with the first sentence of each outlet, lead-3 of each
outlet and LexRank, all computed in the same run on the same sentences (protocol:
``triangulate.evaluation.summary``). The first 150 stories are for tuning, the other 150 are
held out. ``--cache`` keeps each story's readings, claims and timeline (pickles) so that
summaries can be re-scored without reading again; ``--bootstrap`` adds paired bootstrap 95%
intervals of the summary's margin over each baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import json
import os
import pickle
import random
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from triangulate.compose.summary import summarize
from triangulate.evaluation import summary as neus
from triangulate.models import SummarySentence
from triangulate.nlp.encoder import TextEncoder, load_encoder

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def _encoder() -> TextEncoder:
    return load_encoder()


def _builder(cache: Path | None) -> Callable[[neus.Story], neus.Built]:
    def build(story: neus.Story) -> neus.Built:
        path = cache / f"{story.id}.pkl" if cache else None
        if path and path.exists():
            with open(path, "rb") as handle:
                built: neus.Built = pickle.load(handle)
            return built
        built = neus.build_story(story, _encoder())
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as handle:
                pickle.dump(built, handle)
        return built

    return build


def _system(spec: str) -> tuple[str, neus.Summarizer]:
    name, _, target = spec.partition("=")
    module_name, _, function = target.partition(":")
    module = importlib.import_module(module_name)
    found: neus.Summarizer = getattr(module, function or "summarize")
    return name, found


def _summary(*args: object) -> list[SummarySentence]:
    return summarize(*args)  # type: ignore[arg-type]


def _dump_row(result: neus.StoryResult, results: neus.Results) -> dict[str, object]:
    return {
        "story": result.story.id,
        "split": "train" if len(results.stories) <= neus.TRAIN_STORIES else "held-out",
        "texts": result.texts,
        "scores": {name: rows[-1] for name, rows in results.scores.items()},
        "summaries": {
            name: [
                {"text": s.text, "evidence": [[e.article, e.start, e.end] for e in s.evidence]}
                for s in sentences
            ]
            for name, sentences in result.summaries.items()
        },
    }


def _table(results: neus.Results) -> list[str]:
    n = len(results.stories)
    lines = [
        "| system | words | " + " | ".join(f"{p} R1 / R2 / RL" for p in neus.PARTS) + " |",
        "|---|---|" + "---|" * len(neus.PARTS),
    ]
    for name in results.scores:
        cells = [
            " / ".join(f"{results.mean(name, m, where):.2f}" for m in neus.METRICS)
            for where in neus.PARTS.values()
        ]
        lines.append(f"| {name} | {results.words[name] / n:.1f} | " + " | ".join(cells) + " |")
    return lines


def _bootstrap(results: neus.Results, system: str, rounds: int) -> list[str]:
    """Paired bootstrap 95% intervals of the system's margin over each baseline."""
    lines = []
    rng = random.Random(0)
    for part, where in neus.PARTS.items():
        ours = results.scores[system][where]
        for name in (b for b in results.scores if neus.is_baseline(b)):
            theirs = results.scores[name][where]
            cells = []
            for metric in ("rouge1", "rougeL"):
                diffs = [a[metric] - b[metric] for a, b in zip(ours, theirs, strict=True)]
                cells.append(f"{metric} {_mean(diffs):+.2f} {_interval(diffs, rounds, rng)}")
            lines.append(f"{part:8s} {system} - {name:8s}: " + " | ".join(cells))
    return lines


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _interval(diffs: Sequence[float], rounds: int, rng: random.Random) -> str:
    n = len(diffs)
    means = sorted(_mean([diffs[rng.randrange(n)] for _ in range(n)]) for _ in range(rounds))
    low, high = means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]
    return f"[{low:+.2f}, {high:+.2f}]"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/neus-dev")
    parser.add_argument("--cache", type=Path, help="folder for each story's readings and claims")
    parser.add_argument("--system", action="append", default=[], help="name=module:function")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--dump", type=Path, help="every story's texts and scores, JSON lines")
    parser.add_argument("--bootstrap", type=int, default=0, help="bootstrap rounds (e.g. 2000)")
    args = parser.parse_args()
    stories = neus.load_stories(args.data)
    stories = stories[: args.limit] if args.limit else stories
    systems: dict[str, neus.Summarizer] = {"summary": _summary}
    systems.update(_system(spec) for spec in args.system)
    results = neus.Results(lexrank_words=neus.lexrank_budget(stories))
    with contextlib.ExitStack() as stack:
        dump = stack.enter_context(open(args.dump, "w", encoding="utf-8")) if args.dump else None
        for result in neus.evaluate(stories, systems, _builder(args.cache), results):
            if dump:
                dump.write(json.dumps(_dump_row(result, results)) + "\n")
    n = len(stories)
    print(f"NeuS dev: {n} stories (train = the first {neus.TRAIN_STORIES}, held-out = the rest);")
    print(f"LexRank budget {results.lexrank_words} words (mean training roundup)")
    print("\n".join(_table(results)))
    per_story = ", ".join(f"{k} {v / n * 1000:.0f} ms" for k, v in results.seconds.items())
    print(f"per story: {per_story}" + (" (readings from the cache)" if args.cache else ""))
    for name in systems:
        for part, where in neus.PARTS.items():
            if results.scores[name][where]:
                print(f"{name} {part}: {neus.verdict(results, name, where).describe()}")
    if args.bootstrap:
        for name in systems:
            print("\n".join(_bootstrap(results, name, args.bootstrap)))


if __name__ == "__main__":
    main()
