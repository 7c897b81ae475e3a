"""Ingest speed as ratios to its floors, each measured in the same run, paired and alternated.

    .venv/bin/python benchmarks/bench_ingest.py                      # all three sections
    .venv/bin/python benchmarks/bench_ingest.py --only html --rounds 7

* html: ``triangulate ingest`` of the 181 article-extraction-benchmark pages (``--data``,
  default ../shared/data; the bundled example pages replayed when it is absent; ``--html 0``:
  the 1,032 distinct pages of trafilatura-eval instead, the varied set) against a plain ``trafilatura.extract``
  loop over the same files on the same number of processes (benchmarks/baselines.py).
* text: ``triangulate ingest`` of N plain-text articles (the bundled examples replayed under
  new ids with the words of long lines shuffled, so none is a copy of another) against the
  SQLite + FTS5 insert floor over the same files.
* startup: ``triangulate ingest`` of one small file into a new store; ``import triangulate.api``
  (what the ``ingest`` command loads) against ``import trafilatura``.

Every run is a whole new process (interpreter start, imports, worker start included; the
package's bytecode compiled first, as an install does) timed from outside: wall time, and CPU time of the process and every process it waited for. One
warm-up round, then the commands alternate (A B, B A, ...) and each round gives a ratio; the
medians are printed with the range and the machine's load average before and after.
``--memory N`` instead ingests N text articles in this process and prints its RSS as it goes.
``--steps N`` instead times each step of text ingest over N text articles in this process (a
worker's view: each step over all the texts in turn) and the floor's insert of the same files,
in milliseconds per article.
``--timeline N`` instead shows where the wall time of ``triangulate ingest`` of the HTML pages
(with ``--only text``: of the ``--text`` plain texts) goes, in N runs (each a new process, the
CLI run in it with time stamps): the interpreter and imports, the start of the first page in a
worker, the end of the last, the end of the command (what follows the last page is the tail:
the last writes, the workers' exit, the store's close), the ingesting process's own CPU, the
pages' CPU (timed around each page in the workers) and the CPU of all processes.
``--fixed-part N`` instead shows what text ingest of the ``--text`` texts costs besides its
steps: the whole command; the same command with each text's preparation (cleaner, outlet,
dateline, publication date, language, hash, signature) replaced by a stand-in that returns
the article the real steps made for it, recorded in a run before (clean text, removed lines
and signature alike: the same writes and messages; loading the record is counted); that again
without the boilerplate memory's counting; and the floor, N rounds in turn: the CPU of each
and its ratio to the floor of its round.
``--side-by-side N --against SRC`` instead puts every page of the HTML set (``--html``; 0: the
varied set) through ``extract_html`` in one process, this package's code and the code in the
source folder SRC (say the code before a change: ``git archive main src`` unpacked) in two
processes run at the same time, so that both meet the same load, N pairs: the CPU-s of each.
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import hashlib
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
BENCHMARK_HTML = "article-extraction-benchmark/html"
BASELINES = str(ROOT / "benchmarks" / "baselines.py")
PYTHON = sys.executable
Command = Callable[[int], list[str]]  # the command of round i


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float


def timed(command: list[str]) -> Run:
    """Wall and CPU seconds of a command and all the processes it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu)


def paired(a: Command, b: Command, rounds: int) -> tuple[list[Run], list[Run]]:
    """One warm-up round, then ``rounds`` rounds alternating which command goes first."""
    timed(a(-1)), timed(b(-1))
    runs_a: list[Run] = []
    runs_b: list[Run] = []
    for number in range(rounds):
        if number % 2 == 0:
            runs_a.append(timed(a(number)))
            runs_b.append(timed(b(number)))
        else:
            runs_b.append(timed(b(number)))
            runs_a.append(timed(a(number)))
    return runs_a, runs_b


def spread(values: Sequence[float], digits: int = 2) -> str:
    return (
        f"{statistics.median(values):.{digits}f}"
        f" ({min(values):.{digits}f}–{max(values):.{digits}f})"
    )


def report(title: str, names: tuple[str, str], runs: tuple[list[Run], list[Run]]) -> None:
    runs_a, runs_b = runs
    walls = [x.wall / y.wall for x, y in zip(runs_a, runs_b, strict=True)]
    cpus = [x.cpu / y.cpu for x, y in zip(runs_a, runs_b, strict=True)]
    print(f"\n### {title}\n")
    print("| command | wall s, median (range) | CPU s, median (range) |")
    print("|---|---|---|")
    for name, runs_of in zip(names, runs, strict=True):
        print(
            f"| {name} | {spread([r.wall for r in runs_of])} | {spread([r.cpu for r in runs_of])} |"
        )
    print(f"| **ratio** (pair by pair) | **{spread(walls)}** | **{spread(cpus)}** |")
    sys.stdout.flush()


def stored_articles(folder: Path) -> str:
    """How many articles each ingest run stored: a run that broke off must not pass for a fast one."""
    counts = []
    for db in sorted(folder.parent.glob(f"{folder.name}-ingest-*.db")):
        with sqlite3.connect(db) as conn:
            counts.append(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    return ", ".join(map(str, counts))


def ingest_command(folder: Path, temp: Path, workers: int | None) -> Command:
    def command(number: int) -> list[str]:
        db = temp / f"{folder.name}-ingest-{number + 1}.db"
        extra = ["--workers", str(workers)] if workers else []
        return [PYTHON, "-m", "triangulate", "ingest", "--db", str(db), *extra, str(folder)]

    return command


def varied_pages(data: Path) -> list[bytes]:
    """The distinct pages of trafilatura-eval (eval/ and cache/, each content once)."""
    seen: set[bytes] = set()
    pages = []
    for path in sorted((data / "trafilatura-eval").glob("*/*.html*")):
        page = path.read_bytes()
        if page[:2] == b"\x1f\x8b":
            page = gzip.decompress(page)
        digest = hashlib.sha1(page).digest()
        if digest not in seen:
            seen.add(digest)
            pages.append(page)
    return pages


def make_varied(folder: Path, data: Path) -> int:
    pages = varied_pages(data)
    for number, page in enumerate(pages):
        (folder / f"v{number:06d}.html").write_bytes(page)
    return len(pages)


def make_html(folder: Path, count: int, data: Path = DATA) -> None:
    pages = sorted((data / BENCHMARK_HTML).glob("*.html*"))
    if not pages:
        print(f"no {data / BENCHMARK_HTML}: the bundled example pages are replayed instead")
        pages = sorted((ROOT / "examples" / "html").glob("*"))
    for number in range(count):
        page = pages[number % len(pages)]
        content = page.read_bytes()
        if page.suffix == ".gz":
            content = gzip.decompress(content)
        (folder / f"h{number:06d}.html").write_bytes(content)


def make_texts(folder: Path, count: int) -> None:
    sources = sorted((ROOT / "examples" / "text").glob("*.txt"))
    texts = [p.read_text() for p in sources]
    rng = random.Random(7)
    for number in range(count):
        lines = texts[number % len(texts)].splitlines()
        body = [_shuffled(line, rng) if len(line.split()) > 12 else line for line in lines]
        (folder / f"t{number:06d}.txt").write_text("\n".join(body))


def _shuffled(line: str, rng: random.Random) -> str:
    words = line.split()
    rng.shuffle(words)
    return " ".join(words)


def bench_html(
    temp: Path, count: int, workers: int | None, rounds: int, mode: str, data: Path
) -> None:
    folder = temp / "html"
    folder.mkdir()
    if count:
        make_html(folder, count, data)
        what = f"{count} article-extraction-benchmark pages"
    else:
        what = f"{make_varied(folder, data)} distinct trafilatura-eval pages (the varied set)"
    processes = workers or os.cpu_count() or 1
    loop = [PYTHON, BASELINES, "trafilatura", str(folder), "--workers", str(processes)]
    runs = paired(ingest_command(folder, temp, workers), lambda _: [*loop, "--mode", mode], rounds)
    report(
        f"HTML: {what}, {processes} processes each",
        ("`triangulate ingest`", f"`trafilatura.extract` loop ({mode})"),
        runs,
    )
    print(f"\narticles stored by each ingest run (warm-up first): {stored_articles(folder)}")


def bench_text(temp: Path, count: int, workers: int | None, rounds: int) -> None:
    folder = temp / "text"
    folder.mkdir()
    make_texts(folder, count)

    def floor(number: int) -> list[str]:
        return [PYTHON, BASELINES, "sqlite", str(folder), str(temp / f"floor-{number + 1}.db")]

    runs = paired(ingest_command(folder, temp, workers), floor, rounds)
    report(
        f"Text: {count} articles",
        ("`triangulate ingest`", "SQLite + FTS5 insert floor (1 process)"),
        runs,
    )
    print(f"\narticles stored by each ingest run (warm-up first): {stored_articles(folder)}")


def bench_startup(temp: Path, rounds: int) -> None:
    small = sorted((ROOT / "examples" / "text").glob("*.txt"))[0]

    def one_file(number: int) -> list[str]:
        db = temp / f"one-{number + 1}.db"
        return [PYTHON, "-m", "triangulate", "ingest", "--db", str(db), str(small)]

    def imports(module: str) -> Command:
        return lambda _: [PYTHON, "-c", f"import {module}"]

    report(
        "Start-up: imports",
        ("`import triangulate.api`", "`import trafilatura`"),
        paired(imports("triangulate.api"), imports("trafilatura"), rounds),
    )
    report(
        f"Start-up: `triangulate ingest` of one small file ({small.stat().st_size:,} bytes)",
        ("`triangulate ingest FILE`", "`import trafilatura`"),
        paired(one_file, imports("trafilatura"), rounds),
    )


def memory_curve(count: int, workers: int) -> None:
    """RSS of the ingesting process every 2,500 articles (in this process, not a new one)."""
    from triangulate.ingest.ingester import IngestEvent, ingest
    from triangulate.settings import Settings
    from triangulate.store import open_store

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "in"
        folder.mkdir()
        make_texts(folder, count)
        settings = Settings(db_path=Path(temp) / "bench.db", workers=workers)
        seen = [0]

        def sample(event: IngestEvent) -> None:
            seen[0] += 1
            if seen[0] % 2_500 == 0:
                print(f"{seen[0]:,}: {rss_mb():.0f} MB")
                sys.stdout.flush()

        start = time.perf_counter()
        with open_store(settings.db) as store:
            ingest(store, [str(folder)], settings, sample)
        print(f"{count:,} articles in {time.perf_counter() - start:.1f} s")


def step_costs(count: int) -> None:
    """Milliseconds per article of each step of text ingest, and of the floor's insert."""

    from baselines import sqlite_floor
    from triangulate.ingest import dedupe, metadata
    from triangulate.ingest.clean import BoilerplateMemory, clean_text
    from triangulate.ingest.ingester import Ingester, _for_worker
    from triangulate.ingest.inputs import RawDocument, iter_documents
    from triangulate.readers.published import publication_date
    from triangulate.readers.times import find_dateline
    from triangulate.runners.local import LazyPool
    from triangulate.settings import Settings
    from triangulate.store import open_store

    with tempfile.TemporaryDirectory() as name:
        temp = Path(name)
        folder = temp / "text"
        folder.mkdir()
        make_texts(folder, count)
        settings = Settings(db_path=temp / "steps.db", workers=1)
        documents = [
            item
            for item in iter_documents([str(folder)], settings)
            if not isinstance(item, Exception)
        ]
        texts = [document.data.decode("utf-8") for document in documents]
        memory = BoilerplateMemory()
        rows: list[tuple[str, float]] = []

        def step(what: str, work: Callable[[], object]) -> Any:
            start = time.process_time()
            result = work()
            rows.append((what, (time.process_time() - start) * 1000 / count))
            return result

        keys = step(
            "boilerplate memory: count the lines (ingesting process)",
            lambda: [memory.add_document(text) for text in texts],
        )
        subsets = step(
            "boilerplate memory: the counts for one text",
            lambda: [memory.for_keys(k) for k in keys],
        )
        cleaned = step(
            "line cleaner (`clean_text`)",
            lambda: [clean_text(t, m).text for t, m in zip(texts, subsets, strict=True)],
        )
        step(
            "outlet cues (`infer_outlet`)",
            lambda: [metadata.infer_outlet(t.splitlines()) for t in texts],
        )
        datelines = step(
            "dateline of the raw text (`find_dateline`)", lambda: [find_dateline(t) for t in texts]
        )
        step(
            "publication date: dateline of the clean text, else the date guess",
            lambda: [
                publication_date(dateline=d, text=c)
                for c, d in zip(cleaned, datelines, strict=True)
            ],
        )
        step("language (`detect_language`)", lambda: [metadata.detect_language(c) for c in cleaned])
        step("content hash", lambda: [metadata.content_hash(c) for c in cleaned])
        step("MinHash signature", lambda: [dedupe.to_bytes(dedupe.signature(c)) for c in cleaned])
        with open_store(settings.db) as store, LazyPool(1) as pool:
            ingester = Ingester(store, settings)
            step(
                "decode a text, copy it for a worker (ingesting process)",
                lambda: [
                    _for_worker(decoded)
                    for decoded in map(ingester._decoded, documents)
                    if isinstance(decoded, RawDocument)
                ],
            )
            chunks = [
                ingester._submit(list(documents[i : i + 128]), pool)
                for i in range(0, len(documents), 128)
            ]
            for chunk in chunks:  # prepared here, before the store's part is timed
                chunk.prepared = iter(list(chunk.prepared))

            def store_all() -> None:
                for chunk in chunks:
                    ingester._store_chunk(chunk, lambda event: None)

            system = resource.getrusage(resource.RUSAGE_SELF).ru_stime
            step("store: queries, writes, FTS index, commits (ingesting process)", store_all)
            system = resource.getrusage(resource.RUSAGE_SELF).ru_stime - system
            rows.append(("store: of which system time (file writes)", system * 1000 / count))
        step(
            "**floor**: read, decode, insert text and bytes with FTS5 (`baselines.py sqlite`)",
            lambda: sqlite_floor(folder, temp / "floor.db"),
        )
    print(f"\n### Text ingest, step by step: {count} articles, one process\n")
    print("| step | ms per article |\n|---|---|")
    for what, ms in rows:
        print(f"| {what} | {ms:.3f} |")


TIMELINE_CHILD = """
import json, os, resource, sys, time
start = time.perf_counter()
log, folder, db = sys.argv[1:4]
sys.argv = ["triangulate", "ingest", "--db", db, *sys.argv[4:], folder]
from triangulate.cli import main
import triangulate.api
from triangulate.ingest import ingester
imported = time.perf_counter() - start
prepare = ingester.prepare_document
def timed(document, memory, settings):
    began, cpu = time.perf_counter(), time.process_time()
    result = prepare(document, memory, settings)
    with open(log, "a") as out:
        out.write(f"{began - start} {time.perf_counter() - start} {time.process_time() - cpu}\\n")
    return result
ingester.prepare_document = timed  # inherited by the forked workers
try:
    main()
except SystemExit:
    pass
end = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"imported": imported, "end": end, "cpu": own.ru_utime + own.ru_stime,
                  "workers": workers.ru_utime + workers.ru_stime}))
"""


RECORD_CHILD = """
import pickle, sys
record, folder, db = sys.argv[1:4]
sys.argv = ["triangulate", "ingest", "--db", db, "--workers", "1", folder]
from triangulate.cli import main
from triangulate.ingest import ingester
prepare = ingester.prepare_document
prepared = {}
def recording(raw, memory, settings):
    prepared[raw.source] = result = prepare(raw, memory, settings)
    return result
ingester.prepare_document = recording
try:
    main()
except SystemExit:
    pass
with open(record, "wb") as out:
    pickle.dump(prepared, out)
"""

FIXED_CHILD = """
import multiprocessing, pickle, sys
mode, record, folder, db = sys.argv[1:5]
if multiprocessing.get_start_method() != "fork":
    sys.exit("the stand-in reaches the workers by fork only")
sys.argv = ["triangulate", "ingest", "--db", db, folder]
from triangulate.cli import main
from triangulate.ingest import ingester
with open(record, "rb") as recorded:
    prepared = pickle.load(recorded)  # each text's article as the real steps made it
def stand_in(raw, memory, settings):
    return prepared[raw.source]
ingester.prepare_document = stand_in  # inherited by the forked workers
if mode == "bare":
    ingester.Ingester._count = lambda self, document: None
try:
    main()
except SystemExit:
    pass
"""


def fixed_part(temp: Path, count: int, rounds: int) -> None:
    """Text ingest's CPU with and without its preparation steps, against the floor."""
    folder = temp / "text"
    folder.mkdir()
    make_texts(folder, count)
    record = temp / "prepared.pickle"
    subprocess.run(
        [PYTHON, "-c", RECORD_CHILD, str(record), str(folder), str(temp / "record.db")], check=True
    )
    commands: dict[str, Callable[[int], list[str]]] = {
        "`triangulate ingest`": lambda n: [
            PYTHON, "-m", "triangulate", "ingest", "--db", str(temp / f"whole-{n}.db"), str(folder)
        ],
        "the same, each text's article replayed as recorded, none of its steps run": lambda n: [
            PYTHON, "-c", FIXED_CHILD, "stand-in", str(record), str(folder), str(temp / f"stand-{n}.db")
        ],
        "the same, nor the boilerplate memory's counting": lambda n: [
            PYTHON, "-c", FIXED_CHILD, "bare", str(record), str(folder), str(temp / f"bare-{n}.db")
        ],
        "SQLite + FTS5 insert floor": lambda n: [
            PYTHON, BASELINES, "sqlite", str(folder), str(temp / f"floor-{n}.db")
        ],
    }  # fmt: skip
    for command in commands.values():
        timed(command(-1))  # warm-up
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for number in range(rounds):
        names = list(commands) if number % 2 == 0 else list(reversed(commands))
        for name in names:
            cpu[name].append(timed(commands[name](number)).cpu)
    floor = cpu["SQLite + FTS5 insert floor"]
    print(f"\n### Text ingest of {count} articles with and without its steps, {rounds} rounds\n")
    print("| command | CPU s, median (range) | ratio to the floor of its round |\n|---|---|---|")
    for name, values in cpu.items():
        ratios = [value / base for value, base in zip(values, floor, strict=True)]
        print(f"| {name} | {spread(values)} | {spread(ratios)} |")
    sys.stdout.flush()


def timeline(
    temp: Path, count: int, workers: int | None, runs: int, data: Path, texts: int = 0
) -> None:
    """Where the wall time of ``triangulate ingest`` of the HTML pages (or of ``texts``
    plain texts) goes."""
    import json

    folder = temp / "html"
    folder.mkdir()
    if texts:
        make_texts(folder, texts)
    elif count:
        make_html(folder, count, data)
    else:
        count = make_varied(folder, data)
    extra = ["--workers", str(workers)] if workers else []
    what = f"{texts} texts" if texts else f"{count} pages"
    print(f"\n### Timeline: `triangulate ingest` of {what}, seconds from the start\n")
    print(
        "| run | imports done | first page starts | last page ends | end | tail |"
        " ingesting process CPU | pages CPU (timed around each) | all processes CPU |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for number in range(runs):
        log = temp / f"timeline-{number}.log"
        db = temp / f"timeline-{number}.db"
        child = [PYTHON, "-c", TIMELINE_CHILD, str(log), str(folder), str(db), *extra]
        done = subprocess.run(child, capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        spans = [tuple(map(float, line.split())) for line in log.read_text().splitlines()]
        first, last = min(s[0] for s in spans), max(s[1] for s in spans)
        print(
            f"| {number + 1} | {result['imported']:.3f} | {first:.3f} | {last:.3f} |"
            f" {result['end']:.3f} | {result['end'] - last:.3f} | {result['cpu']:.2f} |"
            f" {sum(s[2] for s in spans):.2f} | {result['cpu'] + result['workers']:.2f} |"
        )
        sys.stdout.flush()


SIDE_CHILD = """
import json, sys, time
from pathlib import Path
from triangulate.errors import InputError
from triangulate.ingest.extract import extract_html, prepare_workers
pages = [path.read_bytes() for path in sorted(Path(sys.argv[1]).iterdir())]
prepare_workers()
def run(pages):
    for page in pages:
        try:
            extract_html(page)
        except InputError:
            pass
run(pages[:3])  # warm-up: first imports and caches
start = time.process_time()
run(pages)
print(json.dumps({"cpu": time.process_time() - start, "pages": len(pages)}))
"""


def side_by_side(temp: Path, count: int, pairs: int, data: Path, against: Path) -> None:
    """``extract_html`` over the pages, this code and ``against``'s at the same time."""
    import json

    folder = temp / "html"
    folder.mkdir()
    if count:
        make_html(folder, count, data)
    else:
        count = make_varied(folder, data)
    print(f"\n### `extract_html` over {count} pages in one process, two codes side by side\n")
    print("| pair | load average | this code, CPU-s | the code in SRC, CPU-s | change |")
    print("|---|---|---|---|---|")
    for number in range(pairs):
        before = os.getloadavg()[0]
        runs = [
            subprocess.Popen(
                [PYTHON, "-c", SIDE_CHILD, str(folder)],
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(source)} if source else None,
            )
            for source in (None, against)
        ]
        ours, theirs = (json.loads(run.communicate()[0].splitlines()[-1])["cpu"] for run in runs)
        print(
            f"| {number + 1} | {before:.1f}–{os.getloadavg()[0]:.1f} | {ours:.2f} |"
            f" {theirs:.2f} | {100 * (ours / theirs - 1):+.1f}% |"
        )
        sys.stdout.flush()


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compile_package() -> None:
    """The package's bytecode written, as an install writes it: where Python is told not to
    write bytecode (PYTHONDONTWRITEBYTECODE) an editable checkout would otherwise compile its
    sources again in every timed run, which no installed copy does (its dependencies, installed
    by pip, have theirs)."""
    compileall.compile_dir(ROOT / "src" / "triangulate", quiet=1)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("html", "text", "startup"), action="append")
    parser.add_argument(
        "--html", type=int, default=181, help="pages (default 181); 0: the varied set instead"
    )
    parser.add_argument("--text", type=int, default=5000, help="articles (default 5,000)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=None, help="default: all cores")
    parser.add_argument(
        "--mode", choices=("default", "precise", "metadata"), default="default",
        help="the trafilatura call of the HTML floor (benchmarks/baselines.py)",
    )  # fmt: skip
    parser.add_argument("--data", type=Path, default=DATA, help="default: ../shared/data")
    parser.add_argument("--memory", type=int, default=0, help="RSS curve over N text articles")
    parser.add_argument("--steps", type=int, default=0, help="each step's cost over N texts")
    parser.add_argument(
        "--timeline",
        type=int,
        default=0,
        help="where the HTML ingest's wall time goes, N runs (of --html pages; 0: the varied set)",
    )
    parser.add_argument(
        "--fixed-part", type=int, default=0, help="text ingest without its steps, N rounds"
    )
    parser.add_argument("--side-by-side", type=int, default=0, help="N pairs (with --against)")
    parser.add_argument("--against", type=Path, help="the source folder of the other code")
    args = parser.parse_args()
    if args.side_by_side:
        if args.against is None:
            parser.error("--side-by-side needs --against SRC")
        with tempfile.TemporaryDirectory() as name:
            side_by_side(Path(name), args.html, args.side_by_side, args.data, args.against)
        return 0
    if args.memory:
        memory_curve(args.memory, args.workers or os.cpu_count() or 1)
        return 0
    if args.steps:
        print(f"load average before: {load()}")
        step_costs(args.steps)
        print(f"\nload average after: {load()}")
        return 0
    sections = args.only or ["html", "text", "startup"]
    compile_package()
    if args.fixed_part:
        print(f"load average before: {load()}")
        with tempfile.TemporaryDirectory() as name:
            fixed_part(Path(name), args.text, args.fixed_part)
        print(f"\nload average after: {load()}")
        return 0
    if args.timeline:
        print(f"load average before: {load()}")
        with tempfile.TemporaryDirectory() as name:
            texts = args.text if args.only == ["text"] else 0
            timeline(Path(name), args.html, args.workers, args.timeline, args.data, texts)
        print(f"\nload average after: {load()}")
        return 0
    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory() as name:
        temp = Path(name)
        if "html" in sections:
            bench_html(temp, args.html, args.workers, args.rounds, args.mode, args.data)
        if "text" in sections:
            bench_text(temp, args.text, args.workers, args.rounds)
        if "startup" in sections:
            bench_startup(temp, args.rounds)
    print(f"\nload average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
