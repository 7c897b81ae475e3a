"""Web app throughput: a bounded load test of the dossier page (and the article page).

    .venv/bin/python benchmarks/bench_web.py --requests 2000 --concurrency 4

Builds a store from examples/text and its dossier (the real pipeline), starts uvicorn on
127.0.0.1 in a separate process, sends a fixed number of GET requests from a few threads
(one keep-alive httpx client each), prints requests/s and latency percentiles, and stops.
"""

from __future__ import annotations

import argparse
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

ROOT = Path(__file__).resolve().parents[1]
SERVER = (
    "import sys, uvicorn; from pathlib import Path; from triangulate.web import create_app;"
    " uvicorn.run(create_app(Path(sys.argv[1])), host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning', access_log=False)"
)


def build(db: Path) -> tuple[str, str]:
    """(dossier id, one article id) of the examples."""
    with Store(db, workers=1) as store:
        articles = store.ingest([str(ROOT / "examples" / "text")])
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        dossier_id, article_id = build(db)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/", server)
            for name, path in (("dossier page", f"/dossiers/{dossier_id}"),
                               ("article page", f"/articles/{article_id}")):  # fmt: skip
                page = httpx.get(base + path)
                print(f"{name}: {len(page.content):,} bytes")
                report(name, *load(base + path, args.requests, args.concurrency))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
