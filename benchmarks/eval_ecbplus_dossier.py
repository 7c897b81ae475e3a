"""How well compare() keeps claims apart and finds real conflicts.

Two measurements:

``ecbplus``  ECB+ (../shared/data/ecbplus-dev): each topic holds two similar but distinct
    events (``*ecb.xml`` vs ``*ecbplus.xml`` documents).  Feeding the documents of both
    events of a topic together, a multi-source claim whose sides come from both events
    mixes facts of different events (lower is better).  Also reports the claims made
    when each event is fed alone.

``sample``  A folder of plain-text articles (e.g. ../shared/samples/karabakh), with the
    expected outcomes given on the command line (nothing about the sample lives here):
    ``--expect-conflict "A~B"``: a conflict claim has a side showing A and a side showing B;
    ``--expect-compatible "X~Y~Z"``: no conflict or update claim puts two of them on
    clashing sides.  Also times compare() on the folder with models loaded.

Usage:
  .venv/bin/python benchmarks/eval_ecbplus_dossier.py ecbplus [--topics dev|all|2,5]
  .venv/bin/python benchmarks/eval_ecbplus_dossier.py sample ../shared/samples/karabakh \
      --expect-conflict "A~B" --expect-compatible "X~Y"
"""

from __future__ import annotations

import argparse
import os
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

from triangulate.compare.claims import compare
from triangulate.models import Article, Claim, Reading
from triangulate.nlp.encoder import TextEncoder, load_encoder
from triangulate.readers.reader import read_many

DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


# ---------------------------------------------------------------- readings


def read_all(articles: Sequence[Article]) -> list[Reading]:
    """Readings from the project's readers, names merged across the articles."""
    return read_many(list(articles))


# ---------------------------------------------------------------- ECB+


def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = NO_SPACE_BEFORE.sub(r"\1", text)
    text = NO_SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r"(\d),\s(\d{3})\b", r"\1,\2", text)  # "2, 000" -> "2,000"
    text = re.sub(r"(\d)\s?([:.])\s(\d)", r"\1\2\3", text)  # "6 : 04" -> "6:04"
    return re.sub(r"(\w) ([-/]) (?=\w)", r"\1\2", text)  # "32 - year - old", "4 / 9"


def ecb_article(path: Path) -> Article:
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    skip_first = path.name.endswith("ecbplus.xml")  # sentence 0 is the source URL
    lines = [
        _detokenise(words)
        for number, words in sorted(sentences.items())
        if not (skip_first and number == 0)
    ]
    return Article(id=path.stem, source=str(path), text="\n".join(lines))


def event_of(article_id: str) -> str:
    return "ecbplus" if article_id.endswith("ecbplus") else "ecb"


def _topics(choice: str, folder: Path) -> list[int]:
    if choice == "dev":
        return list(DEV_TOPICS)
    if choice == "all":
        return sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit())
    return [int(t) for t in choice.split(",")]


def _multi_source(claim: Claim) -> bool:
    return len({a for side in claim.sides for a in side.articles}) > 1


def _mixes_events(claim: Claim) -> bool:
    return len({event_of(a) for side in claim.sides for a in side.articles}) > 1


def run_ecbplus(args: argparse.Namespace, encoder: TextEncoder) -> None:
    folder = Path(args.data) / "ECB+"
    mixed: Counter[str] = Counter()
    multi: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    articles_seen = 0
    for topic in _topics(args.topics, folder):
        articles = [ecb_article(p) for p in sorted((folder / str(topic)).glob("*.xml"))]
        articles_seen += len(articles)
        readings = read_all(articles)
        by_id = {r.article: r for r in readings}
        for claim in compare(articles, readings, encoder, include_single=False):
            if _multi_source(claim):
                multi[claim.section] += 1
                mixed[claim.section] += _mixes_events(claim)
        for event in ("ecb", "ecbplus"):
            chosen = [a for a in articles if event_of(a.id) == event]
            for claim in compare(
                chosen, [by_id[a.id] for a in chosen], encoder, include_single=False
            ):
                alone[claim.section] += 1
    _print_ecbplus(args.topics, articles_seen, multi, mixed, alone)


def _print_ecbplus(
    topics: str, articles: int, multi: Counter[str], mixed: Counter[str], alone: Counter[str]
) -> None:
    total, total_mixed = sum(multi.values()), sum(mixed.values())
    print(f"ECB+ topics={topics}: {articles} documents")
    print("both events fed together (multi-source claims):")
    for status in ("conflict", "update", "agreed"):
        share = mixed[status] / multi[status] if multi[status] else 0.0
        print(
            f"  {status:8s} {multi[status]:4d} claims, {mixed[status]:4d} mix both events ({share:.1%})"
        )
    share = total_mixed / total if total else 0.0
    print(f"  all      {total:4d} claims, {total_mixed:4d} mix both events ({share:.1%})")
    print(
        "each event fed alone (multi-source claims): "
        + ", ".join(f"{s} {alone[s]}" for s in ("conflict", "update", "agreed"))
    )


# ---------------------------------------------------------------- sample folder


def _keep_line(line: str) -> bool:
    # Crude boilerplate filter for scraped plain text: keep lines that read like prose.
    words = line.split()
    return len(words) >= 6 and not re.search(r"cookie|subscribe|newsletter|browser", line, re.I)


def sample_articles(folder: Path) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        text = "\n".join(line for line in lines if _keep_line(line))
        articles.append(Article(id=path.stem[:3], source=str(path), text=text))
    return articles


def _digits(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("\u2013", "-"))


def _side_shows(claim: Claim, expected: str) -> set[int]:
    return {i for i, side in enumerate(claim.sides) if _digits(expected) in _digits(side.display)}


def _conflict_found(claims: list[Claim], pair: list[str]) -> bool:
    for claim in claims:
        if claim.section != "conflict":
            continue
        first, second = _side_shows(claim, pair[0]), _side_shows(claim, pair[1])
        if first and second and first != second:
            return True
    return False


def _wrongly_split(claims: list[Claim], group: list[str]) -> list[str]:
    wrong = []
    for claim in claims:
        if claim.status != "conflict":
            continue
        shown = [value for value in group if _side_shows(claim, value)]
        if len(shown) > 1:
            wrong.append(f"{claim.id} {claim.section}: {claim.reason}")
    return wrong


def run_sample(args: argparse.Namespace, encoder: TextEncoder) -> None:
    articles = sample_articles(Path(args.folder))
    started = time.perf_counter()
    readings = read_all(articles)
    read_seconds = time.perf_counter() - started
    compare(articles, readings, encoder)  # warm-up: first call loads lazily imported readers
    timings, cpu = [], []
    for _ in range(3):
        getattr(encoder, "clear_cache", lambda: None)()  # time a cold cache: new articles
        started, cpu_started = time.perf_counter(), time.process_time()
        claims = compare(articles, readings, encoder)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    counts = Counter(c.section for c in claims)
    print(
        f"{len(articles)} articles, read in {read_seconds:.1f} s; compare() best of 3 "
        f"(cold embedding cache): {min(timings):.2f} s wall, {min(cpu):.2f} s CPU (all threads)"
    )
    print(
        "claims: "
        + ", ".join(f"{s} {counts[s]}" for s in ("conflict", "update", "agreed", "single"))
    )
    for pair in args.expect_conflict:
        values = pair.split("~")
        print(
            f"expected conflict {values}: {'FOUND' if _conflict_found(claims, values) else 'MISSED'}"
        )
    for group in args.expect_compatible:
        wrong = _wrongly_split(claims, group.split("~"))
        print(f"compatible {group.split('~')}: {'OK' if not wrong else 'SPLIT'}")
        for line in wrong:
            print(f"   {line}")
    if args.show:
        for claim in claims:
            if claim.status != "single" or args.show > 1:
                print(
                    f"- {claim.id} [{claim.section} {claim.confidence:.2f}] {claim.about}: {claim.reason}"
                )


def main() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    ecb = commands.add_parser("ecbplus")
    ecb.add_argument("--data", default="../shared/data/ecbplus-dev")
    ecb.add_argument("--topics", default="dev")
    sample = commands.add_parser("sample")
    sample.add_argument("folder")
    sample.add_argument("--expect-conflict", action="append", default=[])
    sample.add_argument("--expect-compatible", action="append", default=[])
    sample.add_argument("--show", type=int, default=0, help="1: list multi-source claims, 2: all")
    args = parser.parse_args()
    started = time.perf_counter()
    encoder = load_encoder(allow_fallback=False)
    print(f"encoder {encoder.name} loaded in {time.perf_counter() - started:.2f} s")
    if args.command == "ecbplus":
        run_ecbplus(args, encoder)
    else:
        run_sample(args, encoder)


if __name__ == "__main__":
    main()
