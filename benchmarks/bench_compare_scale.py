"""How the comparison step grows with the number of articles: CPU time and peak memory.

The articles are ECB+ training-topic documents (the same groups `train_alignment.py` reads,
from its cache when it has them), taken topic by topic so that each size holds whole events
and a few more: 5, 10, 20, 40, 80, 160 articles by default. Each size is compared once for
time (process CPU seconds, no tracing) and once for memory (tracemalloc's peak). The readings
are made before any timing: this measures `compare()` alone, the step whose pair table used
to grow quadratically.

Then a coverage crowded with figures (``--figures``, 3,000 by default): invented sentences,
each giving one count and a day, over eight articles of eight outlets (375 figures each: the
reader keeps 400 of an article), so that thousands of figures of one kind meet in the linker.

Each row also counts what the work grows with besides the statements: the candidate pairs
the aligner scores, the pairs it links, and the links the grouping reads (each statement's
``align.LINKS`` strongest; claims are groups of linked pairs).

With ``--shares``, what the share of an article's best cosine that ``near_articles`` asks
(``candidates.NEAR_SHARE``) makes near, each share in turn: the share of article pairs near by
how the two relate, and the articles near an article, the mean over ``--orders`` topic orders
(the table the share was chosen by). With ``--order N``, every table but ``--repeat``'s takes
the topics in the order the seed N shuffles them into.

With ``--event``, the largest training event alone (one event's coverage, as a dossier
compares it): a quarter, half and all of its articles.

With ``--steps``, a table of what some steps of ``compare()`` spend of its CPU at each size
(each step's function timed around its calls: the aligner's grouping and its second look;
the spelling claims; the value linker, built and then its pairs and groups; the independent
sources counted, every caller; the fold of repeated claims, its sources included), one more
``compare()`` a size, after the tables above.

With ``--recall``, a second table says what the candidate index (``compare/candidates.py``)
costs in pairs: per size, the pairs it scores against every pair of different sources, and how
many of the pairs that scoring every pair puts over the threshold it keeps.

With ``--near``, a table of the cosines between articles that ``candidates.near_articles``
reads, by how two sources relate (one event; the two events of one topic; two topics): the
figures its floor was set by; the linked pairs by relation; and the multi-source claims
citing articles of two topics or more (claims mixing events fed together).

With ``--union``, each size's first and second half of the articles compared alone and both
at once (warm): linear work costs both at once what it costs the halves, whatever events each
half holds, while the sizes above grow by adding topics whose coverage is denser than the
first ones' (more statements linked a statement), which the CPU per statement shows too.

With ``--repeat N``, each size of ``--sizes`` (of more than 20 articles) is instead measured N
times, the sizes in turn (80, 160, 80, 160, ...), each run in a fresh process: after one
untimed ``compare()`` of the first 20 articles (what loads and warms the models), the size's
first ``compare()`` (cold: its articles not seen before) and the least of two more (warm). Each run is printed, then the
growth of CPU per statement from each size to the next, each pair of runs and their median,
cold and warm. Without it (the default) each size is measured once in one process, the sizes
in increasing order, which warm the caches for the next: the table above. With
``--shuffled`` too, run r takes the topics in the order the seed r shuffles them into: taken
as numbered, the 80 articles after the first 80 are topics whose events more articles tell
(more statements linked a statement), so the CPU per statement grows with what is added as
well as with the size; over shuffled orders a size adds, on average, topics like those it
holds, and what is left of the growth is the size's own.

    .venv/bin/python benchmarks/bench_compare_scale.py --data ../shared/data/ecbplus-dev
    .venv/bin/python benchmarks/bench_compare_scale.py --data ../shared/data/ecbplus-dev \
        --sizes 80,160 --repeat 5
    .venv/bin/python benchmarks/bench_compare_scale.py --data ../shared/data/ecbplus-dev \
        --sizes 80,160 --repeat 9 --shuffled
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from train_alignment import code_fingerprint, read_group, read_rows
from triangulate.compare import candidates
from triangulate.compare.align import LINKS, aligned, default_model, score_pairs, strongest_links
from triangulate.compare.claims import compare
from triangulate.compare.statements import statements_of
from triangulate.evaluation.ecbplus import AnnotatedDocument, event_groups, training_topics
from triangulate.models import Article, Reading
from triangulate.nlp.encoder import load_encoder


def articles_up_to(
    data: Path, cache: Path, most: int, order: int = 0
) -> tuple[list[Article], list[Reading]]:
    """The first `most` articles of the training groups, topic by topic, with their readings:
    the topics in their numbers' order, or with ``order`` (1 or more) in the order that seed
    shuffles them into (:func:`topic_order`)."""
    fingerprint = code_fingerprint()
    articles: list[Article] = []
    readings: list[Reading] = []
    for group in event_groups(data, topic_order(training_topics(data), order)):
        if len(articles) >= most:
            break
        group_articles, group_readings = read_group(group, cache, fingerprint)
        articles.extend(group_articles)
        readings.extend(group_readings)
    return articles[:most], readings[:most]


def topic_order(topics: list[int], order: int) -> list[int]:
    """The topics as numbered (``order`` 0), else shuffled by the seed ``order``. A size is the
    first topics of an order: in the numbers' order the larger size adds topics whose events
    are told by more articles each (more statements linked a statement) than the first ones',
    so its cost a statement grows with what it adds, not with its size; over shuffled orders
    the topics a size adds are, on average, like those it holds."""
    if not order:
        return topics
    shuffled = list(topics)
    random.Random(order).shuffle(shuffled)
    return shuffled


def largest_event(data: Path, cache: Path) -> tuple[list[Article], list[Reading]]:
    """The articles of the training event with the most of them (one ``ecb`` or ``ecbplus``
    half of a topic), with their readings: one event's coverage, not several at once."""
    fingerprint = code_fingerprint()
    events: dict[str, list[list[AnnotatedDocument]]] = {}
    for group in event_groups(data, training_topics(data)):
        events.setdefault(group[0].event, []).append(group)
    biggest = max(events.values(), key=lambda groups: sum(len(group) for group in groups))
    articles: list[Article] = []
    readings: list[Reading] = []
    for group in biggest:
        group_articles, group_readings = read_group(group, cache, fingerprint)
        articles.extend(group_articles)
        readings.extend(group_readings)
    return articles, readings


# Invented wording for the crowded text: who counted what, where.
COUNTERS = ("Crews", "Volunteers", "The council", "Inspectors", "The harbour office", "Wardens")
VERBS = ("counted", "moved", "delivered", "reported", "stacked", "checked", "loaded")
THINGS = ("sandbags", "crates", "pallets", "pumps", "barrels", "tents", "blankets", "lamps")
PLACES = ("north quay", "old mill", "ferry ramp", "depot", "east levee", "school hall")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


PER_ARTICLE = 375  # figures an article gives, under the reader's 400 kept per article


def crowded_rows(figures: int) -> list[dict[str, str]]:
    """Invented articles of different outlets holding ``figures`` figures in all, one per
    sentence, as many to an article as the reader keeps."""
    pick = random.Random(7)
    rows = []
    for number in range(-(-figures // PER_ARTICLE)):
        sentences = [
            f"{pick.choice(COUNTERS)} {pick.choice(VERBS)} {pick.randint(13, 99_999):,} "
            f"{pick.choice(THINGS)} at the {pick.choice(PLACES)} on {pick.choice(DAYS)}."
            for _ in range(min(PER_ARTICLE, figures - number * PER_ARTICLE))
        ]
        title = f"Flood stores tallied, report {number + 1}"
        text = (
            title
            + "\n\n"
            + "\n\n".join(" ".join(sentences[k : k + 5]) for k in range(0, len(sentences), 5))
        )
        rows.append({"id": f"outlet{number + 1}-tally", "title": title, "text": text})
    return rows


def measure(label: str, articles: list[Article], readings: list[Reading], encoder: Any) -> None:
    """One table row: `compare()` once for CPU time, once under tracemalloc for its peak; and
    what the comparison's work grows with besides the statements (counted apart, untimed):
    the candidate pairs scored and the pairs linked."""
    started = time.process_time()
    claims = compare(articles, readings, encoder)
    cpu = time.process_time() - started
    tracemalloc.start()
    compare(articles, readings, encoder)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    sentences = sum(len(reading.sentences) for reading in readings)
    statements = statements_of(articles, readings)
    chosen = candidates.pairs_to_score(statements)
    scored = candidates.every_pair_count(statements) if chosen is None else len(chosen)
    scores = aligned(statements)[1]
    linked, read = len(scores), len(strongest_links(scores, LINKS))
    print(
        f"| {label} | {sentences} | {len(claims)} | {cpu:.2f} | {1000 * cpu / len(articles):.0f} "
        f"| {1000 * cpu / max(sentences, 1):.2f} | {peak / 1e6:.0f} | {scored:,} | {linked:,} "
        f"| {read:,} | {1000 * cpu / max(linked, 1):.2f} |"
    )


# The steps --steps times: (label, module, owner of the function in it or "", function name).
STEPS = (
    ("aligner: grouping", "triangulate.compare.align", "", "grouped"),
    ("aligner: second look", "triangulate.compare.align", "", "second_look"),
    ("spelling claims", "triangulate.compare.disagreements", "", "spelling_claims"),
    ("value linker: built", "triangulate.compare.claims", "", "_linker"),
    ("value linker: pairs and groups", "triangulate.compare.link", "Linker", "clusters"),
    ("independent sources", "triangulate.core.sources", "", "independent_sources"),
    ("fold of repeats", "triangulate.compare.claims", "", "folded_repeats"),
)


def _timed(label: str, function: Callable[..., Any], spent: dict[str, float]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - started

    return timed


def step_times(
    sizes: list[int], articles: list[Article], readings: list[Reading], encoder: Any
) -> None:
    """CPU seconds of ``compare()`` and of the steps of ``STEPS`` in it, per size: each
    function replaced by itself timed, in its module and wherever it was imported by name."""
    spent: dict[str, float] = {}
    for label, module_name, owner, name in STEPS:
        module = importlib.import_module(module_name)
        holder = getattr(module, owner) if owner else module
        function = getattr(holder, name)
        timed = _timed(label, function, spent)
        if owner:
            setattr(holder, name, timed)
            continue
        for other in list(sys.modules.values()):
            ours = getattr(other, "__name__", "").startswith("triangulate.")
            if ours and getattr(other, name, None) is function:
                setattr(other, name, timed)
    print("| articles | statements | compare() CPU s | " + " | ".join(s[0] for s in STEPS) + " |")
    print("|---:|---:|---:|" + "---:|" * len(STEPS))
    for size in sizes:
        spent.clear()
        started = time.process_time()
        compare(articles[:size], readings[:size], encoder)
        cpu = time.process_time() - started
        statements = sum(len(reading.sentences) for reading in readings[:size])
        steps = " | ".join(f"{spent.get(s[0], 0.0):.3f}" for s in STEPS)
        print(f"| {size} | {statements} | {cpu:.2f} | {steps} |")


def candidate_recall(sizes: list[int], articles: list[Article], readings: list[Reading]) -> None:
    """Pairs the index scores and the linked pairs it keeps, against scoring every pair."""
    print("| articles | statements | pairs scored | every pair | linked, every pair | kept |")
    print("|---:|---:|---:|---:|---:|---:|")
    model = default_model()
    for size in sizes:
        statements = statements_of(articles[:size], readings[:size])
        every = candidates.every_pair_count(statements)
        chosen = candidates.pairs_to_score(statements)
        scored = every if chosen is None else len(chosen)
        full = score_pairs(statements, model, cap=len(statements))
        kept = score_pairs(statements, model)
        found = sum(1 for pair in full if pair in kept)
        print(
            f"| {size} | {len(statements)} | {scored:,} | {every:,} | {len(full):,} "
            f"| {found:,} ({found / max(len(full), 1):.2%}) |"
        )


def _event_of(article: str) -> tuple[str, str]:
    """An ECB+ document's topic and event (the topic's ``ecb`` or ``ecbplus`` half)."""
    topic = article.split("_")[0]
    return topic, topic + ("+" if article.endswith("ecbplus") else "")


def _relation(first: str, second: str) -> str:
    (topic, event), (other_topic, other_event) = _event_of(first), _event_of(second)
    if event == other_event:
        return "one event"
    return "two events of a topic" if topic == other_topic else "two topics"


RELATIONS = ("one event", "two events of a topic", "two topics")


def near_table(
    sizes: list[int], articles: list[Article], readings: list[Reading], encoder: Any
) -> None:
    """Per size: the cosines ``candidates.near_articles`` reads, by how two articles relate
    (percentiles, and the share at or over ``NEAR_FLOOR``); the linked pairs by relation; the
    multi-source claims whose articles span two topics or more."""
    print(
        "| articles | relation | article pairs | cosine 1/5/50/95/99th percentile "
        f"| at or over {candidates.NEAR_FLOOR} | pairs linked |"
    )
    print("|---:|---|---:|---|---:|---:|")
    for size in sizes:
        statements = statements_of(articles[:size], readings[:size])
        article = candidates.article_ids(statements)
        count = int(article.max()) + 1
        cosine = candidates.article_cosines(statements)
        name = {int(number): s.article for number, s in zip(article, statements, strict=True)}
        found: dict[str, list[float]] = {relation: [] for relation in RELATIONS}
        for first in range(count):
            for second in range(first + 1, count):
                relation = _relation(name[first], name[second])
                found[relation].append(float(cosine[first, second]))
        linked = {relation: 0 for relation in RELATIONS}
        for i, j in aligned(statements)[1]:
            linked[_relation(statements[i].source, statements[j].source)] += 1
        for relation, values in found.items():
            if len(values) < 2:  # percentiles need two
                continue
            shares = statistics.quantiles(values, n=100, method="inclusive")
            cuts = "/".join(f"{shares[k - 1]:.3f}" for k in (1, 5, 50, 95, 99))
            over = sum(value >= candidates.NEAR_FLOOR for value in values) / len(values)
            print(
                f"| {size} | {relation} | {len(values):,} | {cuts} | {over:.1%} "
                f"| {linked[relation]:,} |"
            )
        spanning = multi = 0
        for claim in compare(articles[:size], readings[:size], encoder):
            cited = {e.article for side in claim.sides for e in side.evidence}
            if len(cited) > 1:
                multi += 1
                spanning += len({_event_of(article)[0] for article in cited}) > 1
        print(
            f"| {size} | multi-source claims spanning two topics | {spanning:,} of {multi:,} | | | |"
        )


def share_table(
    data: Path, cache: Path, sizes: list[int], shares: list[float], orders: int
) -> None:
    """Per size and share of an article's best cosine (``near_articles``'s ``share``, each in
    turn): the share of article pairs ``near_articles`` makes near, by how the two relate,
    and the articles near an article, each the mean over the topic orders 0 to ``orders`` - 1
    (:func:`topic_order`): the figures the share was chosen by."""
    found: dict[tuple[int, float], list[list[float]]] = {}
    for order in range(orders):
        articles, readings = articles_up_to(data, cache, max(sizes), order)
        for size in sizes:
            statements = statements_of(articles[:size], readings[:size])
            article = candidates.article_ids(statements)
            name = {int(n): s.article for n, s in zip(article, statements, strict=True)}
            count = len(name)
            relation = [[_relation(name[a], name[b]) for b in range(count)] for a in range(count)]
            index = candidates._LemmaIndex(
                statements, candidates.source_ids(statements), candidates.POSTINGS
            )
            for share in shares:
                near = candidates.near_articles(index, article, share)
                kept = {kind: [0, 0] for kind in RELATIONS}
                for a in range(count):
                    for b in range(a + 1, count):
                        kept[relation[a][b]][0] += int(near is None or near[a, b])
                        kept[relation[a][b]][1] += 1
                row = [kept[kind][0] / max(kept[kind][1], 1) for kind in RELATIONS]
                each = count - 1 if near is None else (near.sum() - near.trace()) / count
                found.setdefault((size, share), []).append([*row, float(each)])
    print(
        "| articles | share of the best cosine | near: "
        + " | ".join(RELATIONS)
        + " | near an article |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for (size, share), rows in found.items():
        means = [statistics.fmean(column) for column in zip(*rows, strict=True)]
        shown = " | ".join(f"{value:.1%}" for value in means[:-1])
        print(f"| {size} | {share} | {shown} | {means[-1]:.1f} |", flush=True)


def _least_cpu(articles: list[Article], readings: list[Reading], encoder: Any, runs: int) -> float:
    """The least CPU seconds of ``runs`` calls of ``compare()``."""
    spent = []
    for _ in range(runs):
        started = time.process_time()
        compare(articles, readings, encoder)
        spent.append(time.process_time() - started)
    return min(spent)


def union_table(
    sizes: list[int], articles: list[Article], readings: list[Reading], encoder: Any
) -> None:
    """Per size: ``compare()`` of its first half alone, of its second half alone and of both
    at once (warm: the least of three calls each). Linear work costs the whole what the two
    halves cost; what the whole costs over their sum is the work that grows with the square
    of the articles fed together, whatever the events each half tells."""
    print(
        "| articles | statements: first half, second half | CPU s: first half, second half "
        "| CPU s: both at once | both / sum of halves |"
    )
    print("|---:|---|---|---:|---:|")
    for size in sizes:
        half = size // 2
        parts = ((0, half), (half, size), (0, size))
        spent = [_least_cpu(articles[a:b], readings[a:b], encoder, 3) for a, b in parts]
        counts = [len(statements_of(articles[a:b], readings[a:b])) for a, b in parts[:2]]
        print(
            f"| {size} | {counts[0]:,}, {counts[1]:,} | {spent[0]:.2f}, {spent[1]:.2f} "
            f"| {spent[2]:.2f} | {spent[2] / (spent[0] + spent[1]):.2f}x |",
            flush=True,
        )


WARM_UP = 20  # articles compared, untimed, before a fresh process's timed runs
WARM_RUNS = 2  # further runs of a size in a fresh process, the least of them its warm figure


def one_size(data: Path, cache: Path, size: int, order: int = 0) -> dict[str, float]:
    """In this process (a fresh one): the CPU seconds of the first ``compare()`` of the first
    ``size`` articles of the topic order ``order`` (cold) and the least of ``WARM_RUNS`` more
    (warm), after an untimed ``compare()`` of the first ``WARM_UP``, and the statements
    compared and the links the grouping reads."""
    articles, readings = articles_up_to(data, cache, size, order)
    encoder = load_encoder()
    compare(articles[:WARM_UP], readings[:WARM_UP], encoder)
    runs = []
    for _ in range(1 + WARM_RUNS):
        started = time.process_time()
        compare(articles, readings, encoder)
        runs.append(time.process_time() - started)
    statements = sum(len(reading.sentences) for reading in readings)
    links = len(strongest_links(aligned(statements_of(articles, readings))[1], LINKS))
    return {
        "size": size,
        "statements": statements,
        "links": links,
        "cold": runs[0],
        "warm": min(runs[1:]),
    }


def repeated(
    data: Path, cache: Path, sizes: list[int], repeat: int, shuffled: bool = False
) -> None:
    """Each size measured ``repeat`` times, the sizes in turn, each in a fresh process
    (:func:`one_size`); with ``shuffled``, run r takes the topics in the order the seed r
    shuffles them into (:func:`topic_order`), so that the runs' sizes are the first topics
    of r different orders. Each run, then each run's growth of CPU per statement from a size
    to the next, cold and warm, and the median of those growths."""
    print(
        "| run | topic order | articles | statements | links a statement | cold CPU s "
        "| cold ms per statement | warm CPU s | warm ms per statement |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    found: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
    for run in range(1, repeat + 1):
        order = run if shuffled else 0
        for size in sizes:
            command = [sys.executable, __file__, "--data", str(data), "--cache", str(cache)]
            command += ["--one-size", str(size), "--order", str(order)]
            done = subprocess.run(command, check=False, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"the run of {size} articles failed:\n{done.stderr}")
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            found[size].append(figures)
            per = {kind: 1000 * figures[kind] / figures["statements"] for kind in ("cold", "warm")}
            print(
                f"| {run} | {f'seed {order}' if order else 'as numbered'} | {size} "
                f"| {figures['statements']:.0f} | {figures['links'] / figures['statements']:.2f} "
                f"| {figures['cold']:.2f} | {per['cold']:.2f} | {figures['warm']:.2f} "
                f"| {per['warm']:.2f} |",
                flush=True,
            )
    for smaller, larger in pairwise(sizes):
        for kind in ("cold", "warm"):
            growths = [
                (big[kind] / big["statements"]) / (small[kind] / small["statements"])
                for small, big in zip(found[smaller], found[larger], strict=True)
            ]
            listed = ", ".join(f"{growth:.2f}x" for growth in growths)
            print(
                f"{smaller} -> {larger} articles, CPU per statement, {kind}: {listed}; "
                f"median {statistics.median(growths):.2f}x"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ecbplus-dev"))
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "triangulate-alignment"
    )
    parser.add_argument("--sizes", default="5,10,20,40,80,160")
    parser.add_argument("--figures", type=int, default=3000, help="figures of the crowded text")
    parser.add_argument("--recall", action="store_true", help="the candidate index's pairs")
    parser.add_argument("--steps", action="store_true", help="CPU of some steps of compare()")
    parser.add_argument(
        "--union", action="store_true", help="each size's two halves alone and both at once"
    )
    parser.add_argument(
        "--near", action="store_true", help="the cosines near_articles reads, by relation"
    )
    parser.add_argument(
        "--event", action="store_true", help="also the largest training event, a quarter to all"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="2 or more: each size this many times, each in a fresh process",
    )
    parser.add_argument(
        "--shuffled",
        action="store_true",
        help="with --repeat: run r takes the topics in the order the seed r shuffles them into",
    )
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)  # one run of --repeat
    parser.add_argument(
        "--order",
        type=int,
        default=0,
        help="the topics in the order this seed shuffles them into (0: as numbered)",
    )
    parser.add_argument(
        "--shares",
        help="near articles by relation for these shares of the best cosine (e.g. 0,0.2,0.4),"
        " the mean over --orders topic orders",
    )
    parser.add_argument("--orders", type=int, default=7, help="topic orders of --shares")
    args = parser.parse_args()
    if not (args.data / "ECB+").is_dir():
        sys.exit(f"no ECB+ under {args.data}")
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.one_size is not None:
        print(json.dumps(one_size(args.data, args.cache, args.one_size, args.order)))
        return
    sizes = [int(value) for value in args.sizes.split(",") if value]
    if args.shares:
        shares = [float(value) for value in args.shares.split(",") if value]
        share_table(args.data, args.cache, sizes, shares, args.orders)
        return
    if args.repeat > 1:
        print(f"load average {os.getloadavg()[0]:.1f}")
        repeated(args.data, args.cache, sizes, args.repeat, args.shuffled)
        print(f"load average {os.getloadavg()[0]:.1f}")
        return
    articles, readings = articles_up_to(args.data, args.cache, max(sizes, default=0), args.order)
    encoder = load_encoder()
    print(f"load average {os.getloadavg()[0]:.1f}; {len(articles)} articles read")
    print(
        "| articles | statements | claims | CPU s | CPU ms per article "
        "| CPU ms per statement | peak traced MB | pairs scored | pairs linked "
        "| links the grouping reads | CPU ms per linked pair |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        measure(str(size), articles[:size], readings[:size], encoder)
    if args.figures:
        crowded, their = read_rows(crowded_rows(args.figures), args.cache, code_fingerprint())
        figures = sum(len(reading.quantities) for reading in their)
        measure(f"{len(crowded)} ({figures:,} figures)", crowded, their, encoder)
    if args.event:
        event_articles, event_readings = largest_event(args.data, args.cache)
        total = len(event_articles)
        for size in (total // 4, total // 2, total):
            label = f"one event, {size} of {total}"
            measure(label, event_articles[:size], event_readings[:size], encoder)
    if args.steps:
        step_times(sizes, articles, readings, encoder)
    if args.recall:
        candidate_recall(sizes, articles, readings)
    if args.near:
        near_table(sizes, articles, readings, encoder)
    if args.union:
        union_table(sizes, articles, readings, encoder)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
