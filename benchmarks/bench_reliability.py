"""Reliability at full size: bad lines, bad files, kill -9, several writers, 100,000 articles.

    .venv/bin/python benchmarks/bench_reliability.py bad-lines   # 1,000 good + 50 bad JSONL lines
    .venv/bin/python benchmarks/bench_reliability.py folder      # bad first, middle, last files
    .venv/bin/python benchmarks/bench_reliability.py kill        # kill -9 at 20 moments of 5,000
    .venv/bin/python benchmarks/bench_reliability.py writers     # 2 x 1,000; web beside CLI
    .venv/bin/python benchmarks/bench_reliability.py home        # pages at 100,000 articles

Every run uses the command line as a user would, on the default worker count (all cores).
Articles are invented (tests/hostile_corpus.good_article); nothing is downloaded.
The lighter versions run in the test suite (tests/test_concurrency.py, test_reliability.py).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_corpus import good_article  # noqa: E402
from processes import alive, children_of, read_lines  # noqa: E402

TRIANGULATE = [sys.executable, "-m", "triangulate"]


def jsonl_lines(numbers: range, prefix: str) -> list[str]:
    return [
        json.dumps({"id": f"{prefix}-{n}", "text": good_article(n)[1], "outlet": f"{prefix}"})
        for n in numbers
    ]


def stored_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM articles")}


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        keys = conn.execute("PRAGMA foreign_key_check").fetchall()
    return "ok" if check == "ok" and not keys else f"{check} {keys}"


def cli(*args: str, timeout: float = 3600) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    run = subprocess.run([*TRIANGULATE, *args], capture_output=True, text=True, timeout=timeout)
    return run, time.perf_counter() - started


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# ---------------------------------------------------------------------------------- bad lines


def bad_lines(folder: Path) -> None:
    bad = [
        json.dumps({"id": "nothing", "text": "Subscribe to our newsletter"}),
        "{broken json",
        "[1, 2]",
        json.dumps({"id": "no-text"}),
        "[" * 5000 + "]" * 5000,
    ]
    lines = jsonl_lines(range(1000), "good")
    positions = sorted(random.Random(5).sample(range(1, 1050), 50))
    bad_numbers = []
    for index, position in enumerate(positions):
        lines.insert(position - 1, bad[index % len(bad)])
        bad_numbers.append(position)
    path = folder / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    db = folder / "bad-lines.db"
    run, seconds = cli("ingest", "--db", str(db), str(path))
    reported = sorted(int(m) for m in re.findall(r"batch\.jsonl:(\d+):", run.stderr))
    print(f"| 1,000 good + 50 bad JSONL lines, all cores | {len(stored_ids(db)):,} stored |"
          f" {len(reported)} reported by line ({'each one' if reported == bad_numbers else 'MISMATCH'}) |"
          f" exit {run.returncode} | traceback: {'Traceback' in run.stderr} |"
          f" {seconds:.0f} s | peak {peak_mb():.0f} MB |")  # fmt: skip


def folder_case(folder: Path) -> None:
    inputs = folder / "in"
    inputs.mkdir()
    (inputs / "000-first.txt").write_text("")
    (inputs / "500-middle.txt").write_bytes(bytes(range(256)) * 40)
    (inputs / "999-last.html").write_text("<html><body><script>var a;</script></body></html>")
    for n in range(300):
        (inputs / f"{n * 3 + 1:03d}-good.txt").write_text(good_article(5000 + n)[1])
    db = folder / "folder.db"
    run, seconds = cli("ingest", "--db", str(db), str(inputs))
    print(f"| folder of 300 good files, first, middle and last bad | {len(stored_ids(db))} stored |"
          f" {run.stderr.count('error:')} errors | exit {run.returncode} | {seconds:.0f} s |")  # fmt: skip


# ---------------------------------------------------------------------------------- kill -9


def new_store(folder: Path, number: int) -> Path:
    db = folder / f"kill-{number}.db"
    subprocess.run([*TRIANGULATE, "ingest", "--db", str(db), str(folder / "none.txt")],
                   capture_output=True)  # fmt: skip
    return db


def kill(folder: Path, articles: int, kills: int) -> None:
    """``kills`` kills, each at a random moment of an ingest still under way: a run that ends
    before its moment is not counted, and a store that is complete is replaced by a new one
    (one ingest of 5,000 articles takes well under a minute, fewer than 20 kills' worth)."""
    path = folder / "kill.jsonl"
    path.write_text("\n".join(jsonl_lines(range(articles), "k")) + "\n")
    rng = random.Random(2024)
    stores = 1
    db = new_store(folder, stores)
    reported: set[str] = set()
    lost = orphans = done = rounds = 0
    print("| kill | store | after s | stored at the kill | reported so far | missing | workers left |"
          " store |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    while done < kills and rounds < kills * 3:
        rounds += 1
        if len(stored_ids(db)) >= articles:
            stores += 1
            db = new_store(folder, stores)
            reported = set()
        run = subprocess.Popen([*TRIANGULATE, "ingest", "--db", str(db), "--json", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
        lines: list[str] = []
        reader = threading.Thread(target=read_lines, args=(run, lines))
        reader.start()
        wait = rng.uniform(2.0, 25.0)
        time.sleep(wait)
        workers = children_of(run.pid)
        finished = run.poll() is not None
        run.send_signal(signal.SIGKILL)
        run.wait()
        reader.join(timeout=30)
        reported |= {json.loads(x)["article"] for x in lines if '"stored"' in x}
        stored = stored_ids(db)
        missing = len(reported - stored)
        lost += missing
        if finished:  # ended before its moment: no kill to count
            print(f"| – | {stores} | {wait:.1f} | {len(stored):,} (the run had ended) | | {missing} |"
                  f" | {integrity(db)} |")  # fmt: skip
            continue
        done += 1
        time.sleep(3)
        left = sum(alive(pid) for pid in workers)
        orphans += left
        print(f"| {done} | {stores} | {wait:.1f} | {len(stored):,} | {len(reported):,} | {missing} |"
              f" {left} of {len(workers)} | {integrity(db)} |")  # fmt: skip
    _, seconds = cli("ingest", "--db", str(db), str(path))
    complete = [len(stored_ids(folder / f"kill-{n}.db")) for n in range(1, stores + 1)]
    print(f"\n{done} kills mid-ingest in {stores} stores: {lost} reported articles missing,"
          f" {orphans} workers outlived their parent; a last run completed the last store in"
          f" {seconds:.0f} s; stored per store: {complete} of {articles:,} each;"
          f" integrity: {[integrity(folder / f'kill-{n}.db') for n in range(1, stores + 1)]}")  # fmt: skip


# ---------------------------------------------------------------------------------- writers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


SERVER = (
    "import sys, uvicorn; from pathlib import Path; from triangulate.web import create_app;"
    " uvicorn.run(create_app(Path(sys.argv[1])), host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning', access_log=False)"
)


class Server:
    def __init__(self, db: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(self.port)])
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/", timeout=30).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise SystemExit("the server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def writers(folder: Path, count: int) -> None:
    first, second = folder / "a.jsonl", folder / "b.jsonl"
    first.write_text("\n".join(jsonl_lines(range(count), "a")) + "\n")
    second.write_text("\n".join(jsonl_lines(range(10_000, 10_000 + count), "b")) + "\n")
    db = folder / "two.db"
    cli("ingest", "--db", str(db), str(folder / "none.txt"))
    started = time.perf_counter()
    runs = [subprocess.Popen([*TRIANGULATE, "ingest", "--db", str(db), str(p)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for p in (first, second)]  # fmt: skip
    errors = [run.communicate()[1] for run in runs]
    seconds = time.perf_counter() - started
    locked = sum("locked" in err for err in errors)
    print(f"| two CLI ingests of {count:,} on one store | {len(stored_ids(db)):,} stored |"
          f" exits {[r.returncode for r in runs]} | 'database is locked': {locked} |"
          f" {seconds:.0f} s | {integrity(db)} |")  # fmt: skip
    web_beside_cli(folder, first, second)


def web_beside_cli(folder: Path, cli_batch: Path, web_batch: Path) -> None:
    db = folder / "web.db"
    cli("ingest", "--db", str(db), str(folder / "none.txt"))
    server = Server(db)
    try:
        client = httpx.Client(base_url=server.url, timeout=120)
        page = client.get("/add").text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        started = time.perf_counter()
        run = subprocess.Popen([*TRIANGULATE, "ingest", "--db", str(db), str(cli_batch)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        files = {"files": ("web.jsonl", web_batch.read_bytes(), "application/x-ndjson")}
        response = client.post("/add", data={"csrf_token": token}, files=files,
                               follow_redirects=False)  # fmt: skip
        job_url = response.headers["location"] + ".json"
        latencies: list[float] = []
        failures = 0
        while run.poll() is None or not client.get(job_url).json()["finished"]:
            for path in ("/", "/index.json", "/add", "/index.json?q=harbour"):
                began = time.perf_counter()
                status = client.get(path).status_code
                latencies.append(time.perf_counter() - began)
                failures += status != 200
        job = client.get(job_url).json()
        _, err = run.communicate()
        seconds = time.perf_counter() - started
    finally:
        server.stop()
    ordered = sorted(latencies)
    print(
        f"| web upload beside a CLI ingest | {len(stored_ids(db)):,} stored | job {job['state']},"
        f" {job['counts']['stored']:,} stored by the web | 'database is locked':"
        f" {'locked' in err or 'locked' in job['message']} | {seconds:.0f} s | {integrity(db)} |"
    )
    print(f"| reads while both wrote | {len(latencies):,} page loads | {failures} failed |"
          f" p50 {statistics.median(ordered) * 1000:.0f} ms |"
          f" p95 {ordered[int(len(ordered) * 0.95) - 1] * 1000:.0f} ms | |")  # fmt: skip


# ---------------------------------------------------------------------------------- home


def fill(db: Path, articles: int, stories: int, dossiers: int) -> None:
    """A store of invented articles written directly (ingesting 100,000 would take an hour)."""
    from triangulate.models import Article, RemovedLine, Story
    from triangulate.store import open_store, writes
    from triangulate.store import stories as story_store

    outlets = [f"Outlet {n}" for n in range(300)]
    with open_store(db) as store:
        for start in range(0, articles, 5000):
            with writes.batch(store):
                for n in range(start, min(start + 5000, articles)):
                    _, text = good_article(n % 4000)
                    article = Article(
                        id=f"a{n:06d}", source=f"a{n}.txt", text=f"{text}\n\nItem {n}.",
                        title=f"Report {n}", outlet=outlets[n % len(outlets)],
                        published=f"20{10 + n % 15:02d}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                        removed=(RemovedLine(0, "Share this", "share"),), content_hash=str(n),
                    )  # fmt: skip
                    writes.save_article(store, article, original=text.encode())
        made = (Story(f"s{n:05d}", f"Story {n}", tuple(f"a{(n * 7 + k) % articles:06d}"
                for k in range(4)), 3, "2024-01-01", "2024-01-09") for n in range(stories))  # fmt: skip
        story_store.replace_stories(store, made)
        for n in range(dossiers):
            writes.save_dossier(store, f"d{n:05d}", f"Dossier {n}", [f"a{n:06d}"],
                                {"articles": [], "claims": []})  # fmt: skip


def home(folder: Path, articles: int, requests: int) -> None:
    db = folder / "big.db"
    started = time.perf_counter()
    fill(db, articles, stories=articles // 20, dossiers=1000)
    print(
        f"store of {articles:,} articles, {articles // 20:,} stories, 1,000 dossiers"
        f" written in {time.perf_counter() - started:.0f} s"
    )
    server = Server(db)
    try:
        client = httpx.Client(base_url=server.url, timeout=120)
        print("| page | bytes | p50 ms | p95 ms | worst ms |")
        print("|---|---|---|---|---|")
        for path in ("/", "/index.json", "/add", "/?page=500", "/?q=harbour",
                     "/?outlet=Outlet+7&since=2015-01-01", "/?stories_page=40"):  # fmt: skip
            client.get(path)  # warm
            times = []
            size = 0
            for _ in range(requests):
                began = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - began) * 1000)
                size = len(response.content)
                assert response.status_code == 200, (path, response.status_code)
            ordered = sorted(times)
            print(
                f"| `{path}` | {size:,} | {statistics.median(ordered):.0f} |"
                f" {ordered[max(0, int(len(ordered) * 0.95) - 1)]:.0f} | {ordered[-1]:.0f} |"
            )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("what", choices=["bad-lines", "folder", "kill", "writers", "home", "all"])
    parser.add_argument("--articles", type=int, default=0, help="size (defaults per benchmark)")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        if args.what in ("bad-lines", "all"):
            bad_lines(folder)
        if args.what in ("folder", "all"):
            folder_case(folder)
        if args.what in ("kill", "all"):
            kill(folder, args.articles or 5000, args.kills)
        if args.what in ("writers", "all"):
            writers(folder, args.articles or 1000)
        if args.what in ("home", "all"):
            home(folder, args.articles or 100_000, args.requests)


if __name__ == "__main__":
    main()
