"""Web app throughput against floors measured in the same run.

    .venv/bin/python benchmarks/bench_web.py --requests 2000 --concurrency 4 --rounds 3

Builds a store from examples/text and its dossier (the real pipeline), plus ``--list-articles``
invented editions of the example texts so that the home page lists a full page of articles.
Three servers run in their own processes on 127.0.0.1, each under uvicorn or its own CLI:

* the web app: the dossier page, an article page and the home page (lists);
* a **floor**: a bare ASGI app under the same uvicorn that answers each of those paths with
  the very bytes the web app gave (what serving them costs without building them);
* **datasette** serving the same SQLite file: its page of the articles table, as many rows as
  the home page lists, the columns the home page shows (the list pages' baseline).

Each page is loaded from a few threads (one keep-alive httpx client each), the app and its
baseline alternated for ``--rounds`` rounds; the figure is the ratio of requests/s (median of
the rounds), the absolute numbers its context, with the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from triangulate.api import Store
from triangulate.web.pages import PAGE_SIZE

ROOT = Path(__file__).resolve().parents[1]
SERVER = (
    "import sys, uvicorn; from pathlib import Path; from triangulate.web import create_app;"
    " uvicorn.run(create_app(Path(sys.argv[1])), host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning', access_log=False)"
)
# The floor: the same uvicorn answering each path with bytes read once from a JSON file.
FLOOR = """
import json, sys, uvicorn
pages = {path: body.encode() for path, body in json.load(open(sys.argv[1])).items()}

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    path = scope["path"] + ("?" + scope["query_string"].decode() if scope["query_string"] else "")
    body = pages.get(path, b"")
    await send({"type": "http.response.start", "status": 200 if body else 404,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""
# datasette's own ASGI app under the same uvicorn settings (its CLI logs every request).
DATASETTE = (
    "import sys, uvicorn; from datasette.app import Datasette;"
    " uvicorn.run(Datasette([sys.argv[1]]).app(), host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning', access_log=False)"
)
# The home page's list of articles shows these columns of the articles table.
LIST_COLUMNS = ("title", "outlet", "published", "source")


def build(db: Path, editions: int) -> tuple[str, str]:
    """(dossier id, one article id) of the examples, with ``editions`` invented variants of
    the example texts stored beside them (a full page of articles for the lists)."""
    with tempfile.TemporaryDirectory() as folder, Store(db, workers=1) as store:
        articles = store.ingest([str(ROOT / "examples" / "text")])
        sentences = [
            sentence.strip() + "."
            for path in sorted((ROOT / "examples" / "text").glob("*.txt"))
            for sentence in path.read_text(encoding="utf-8").split(". ")
            if len(sentence.split()) >= 8
        ]
        for number in range(editions):  # distinct texts: the store keeps one of each
            chosen = random.Random(number).sample(sentences, 12)
            edition = Path(folder) / f"edition-{number:04d}.txt"
            edition.write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
        if editions:
            store.ingest([folder])
        started = time.perf_counter()
        dossier = store.dossier(articles)
        print(f"dossier of {len(articles)} articles built in {time.perf_counter() - started:.1f} s")
    return dossier.id, articles[0].id


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def load(url: str, total: int, concurrency: int) -> tuple[float, list[float], int]:
    """(seconds, latencies, errors) for ``total`` GETs of ``url`` from ``concurrency`` threads."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as client:
            while True:
                with lock:
                    if next(counter, None) is None:
                        return
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies, errors


def report(name: str, seconds: float, latencies: list[float], errors: int) -> None:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000
    print(
        f"{name}: {len(ordered)} requests in {seconds:.2f} s = {len(ordered) / seconds:.0f} req/s"
        f" (p50 {p50:.1f} ms, p95 {p95:.1f} ms, errors {errors})"
    )


def start(command: list[str], probe: str) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(command)
    try:
        wait_until_up(probe, server)
    except SystemExit:
        stop(server)
        raise
    return server


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=10)


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--list-articles", type=int, default=120, help="invented editions")
    args = parser.parse_args()
    print(f"load average before: {load_average()}")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        dossier_id, article_id = build(db, args.list_articles)
        ports = {name: free_port() for name in ("app", "floor", "datasette")}
        bases = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        pages = {
            "dossier page": f"/dossiers/{dossier_id}",
            "article page": f"/articles/{article_id}",
            "home page (lists)": "/",
        }
        app = start([sys.executable, "-c", SERVER, str(db), str(ports["app"])], bases["app"] + "/")
        try:
            bodies = {path: httpx.get(bases["app"] + path).text for path in pages.values()}
        except httpx.HTTPError:
            stop(app)
            raise
        stored = Path(folder) / "pages.json"
        stored.write_text(json.dumps(bodies), encoding="utf-8")
        columns = "&".join(f"_col={column}" for column in LIST_COLUMNS)
        table = f"/{db.stem}/articles?_size={PAGE_SIZE}&{columns}"
        floor = start(
            [sys.executable, "-c", FLOOR, str(stored), str(ports["floor"])],
            bases["floor"] + pages["dossier page"],
        )
        datasette = start(
            [sys.executable, "-c", DATASETTE, str(db), str(ports["datasette"])],
            bases["datasette"] + table,
        )
        try:
            for name, path in pages.items():
                print(f"{name}: {len(bodies[path].encode()):,} bytes")
            listed = httpx.get(bases["datasette"] + table)
            print(f"datasette articles table, {PAGE_SIZE} rows: {len(listed.content):,} bytes")
            pairs = [
                (name, (bases["app"], path), ("floor", bases["floor"], path))
                for name, path in pages.items()
            ]
            pairs.append(("home page (lists)", (bases["app"], "/"),
                          ("datasette", bases["datasette"], table)))  # fmt: skip
            for name, (ours, path), (baseline, base, baseline_path) in pairs:
                compare(name, ours + path, baseline, base + baseline_path, args)
        finally:
            for server in (app, floor, datasette):
                stop(server)
    print(f"load average after: {load_average()}")


def compare(name: str, ours: str, baseline: str, theirs: str, args: argparse.Namespace) -> None:
    """The page and its baseline alternated round by round; the ratio of their medians."""
    rates: dict[str, list[float]] = {"app": [], baseline: []}
    for _ in range(args.rounds):
        for who, url in (("app", ours), (baseline, theirs)):
            seconds, latencies, errors = load(url, args.requests, args.concurrency)
            report(f"  {name}, {who}", seconds, latencies, errors)
            rates[who].append(len(latencies) / seconds)
    app, other = statistics.median(rates["app"]), statistics.median(rates[baseline])
    print(f"{name}: app {app:.0f} req/s, {baseline} {other:.0f} req/s: ratio {app / other:.2f}")


if __name__ == "__main__":
    main()
