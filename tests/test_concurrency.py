"""Several writers on one store, readers beside them, and kill -9 in the middle: nothing lost.

Heavier versions (2 x 1,000 articles, 20 kills during 5,000) are in
benchmarks/bench_reliability.py, with their figures in docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hostile_corpus import good_article
from processes import alive, children_of, read_lines
from triangulate.settings import Settings
from triangulate.store import open_store
from triangulate.web import create_app

TRIANGULATE = [sys.executable, "-m", "triangulate"]
LOCAL = "http://127.0.0.1"


def jsonl(path: Path, numbers: range, prefix: str) -> Path:
    lines = [
        json.dumps({"id": f"{prefix}-{n}", "text": good_article(n)[1], "outlet": prefix})
        for n in numbers
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def stored_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM articles")}


def integrity(db: Path) -> tuple[str, list[Any]]:
    with sqlite3.connect(db) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        keys = conn.execute("PRAGMA foreign_key_check").fetchall()
    return check, keys


def ingest_process(db: Path, *inputs: Path, json_events: bool = False) -> subprocess.Popen[str]:
    flags = ["--json"] if json_events else []
    return subprocess.Popen(
        [*TRIANGULATE, "ingest", "--db", str(db), *flags, *map(str, inputs)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_ingests_into_one_store_at_once(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    open_store(db).close()
    first = jsonl(tmp_path / "a.jsonl", range(0, 120), "a")
    second = jsonl(tmp_path / "b.jsonl", range(1000, 1120), "b")
    runs = [ingest_process(db, first), ingest_process(db, second)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    assert len(stored_ids(db)) == 240
    assert integrity(db) == ("ok", [])


def test_new_stores_opened_at_once_are_migrated_once(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    code = "import sys; from triangulate.store import open_store; open_store(sys.argv[1]).close()"
    runs = [subprocess.Popen([sys.executable, "-c", code, str(db)]) for _ in range(6)]
    assert [run.wait(timeout=120) for run in runs] == [0] * 6
    with sqlite3.connect(db) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == sorted(set(versions))


def test_a_web_upload_beside_a_cli_ingest_and_reads_meanwhile(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    app = create_app(db, Settings(db_path=db, workers=1, max_input_bytes=5_000_000))
    cli_batch = jsonl(tmp_path / "cli.jsonl", range(0, 120), "cli")
    upload = jsonl(tmp_path / "web.jsonl", range(2000, 2080), "web").read_bytes()
    failures: list[str] = []
    with TestClient(app, base_url=LOCAL) as client:
        page = client.get("/add").text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        run = ingest_process(db, cli_batch)
        time.sleep(1.0)
        response = client.post(
            "/add", data={"csrf_token": token}, files=[("files", ("web.jsonl", upload))],
            follow_redirects=False,
        )  # fmt: skip
        location = response.headers["location"]
        reads = 0
        while run.poll() is None or not client.get(location + ".json").json()["finished"]:
            for path in ("/", "/index.json", "/add"):
                status = client.get(path).status_code
                reads += 1
                if status != 200:
                    failures.append(f"{path}: {status}")
            time.sleep(0.05)
        job = client.get(location + ".json").json()
    _, err = run.communicate(timeout=60)
    assert run.returncode == 0 and "locked" not in err, err
    assert job["state"] == "done" and job["counts"]["stored"] == 80, job["message"]
    assert not failures and reads > 0
    assert len(stored_ids(db)) == 200
    assert integrity(db) == ("ok", [])


@pytest.mark.slow
def test_kill_9_during_an_ingest_loses_nothing_reported(tmp_path: Path) -> None:
    """Killed at random moments, an ingest keeps everything it reported as stored, leaves a
    sound store and no worker behind; run again, it stores the rest."""
    db = tmp_path / "killed.db"
    open_store(db).close()
    batch = jsonl(tmp_path / "batch.jsonl", range(0, 600), "k")
    rng = random.Random(11)
    reported: set[str] = set()
    for _ in range(3):
        run = ingest_process(db, batch, json_events=True)
        assert run.stdout is not None
        deadline = time.monotonic() + rng.uniform(3.0, 12.0)
        lines: list[str] = []
        reader = threading.Thread(target=read_lines, args=(run, lines))
        reader.start()
        while time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.05)
        workers = children_of(run.pid)
        run.send_signal(signal.SIGKILL)
        run.wait()
        reader.join(timeout=10)
        events = [json.loads(line) for line in lines if line.strip()]
        reported |= {e["article"] for e in events if e["kind"] == "stored"}
        assert reported <= stored_ids(db)
        assert integrity(db) == ("ok", [])
        stop = time.monotonic() + 30  # the watch looks once a second; a loaded machine is slow
        while any(alive(pid) for pid in workers) and time.monotonic() < stop:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in workers)
    final = ingest_process(db, batch)
    final.communicate(timeout=900)
    assert stored_ids(db) == {f"k-{n}" for n in range(600)}


def test_umask_is_honoured_by_every_output(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from triangulate.cli import cli

    db = tmp_path / "u.db"
    batch = jsonl(tmp_path / "u.jsonl", range(0, 3), "u")

    def run(umask: int, *args: str) -> None:
        previous = os.umask(umask)
        try:
            result = CliRunner().invoke(cli, list(args))
        finally:
            os.umask(previous)
        assert result.exit_code == 0, result.output

    run(0o022, "ingest", "--db", str(db), "--workers", "1", str(batch))
    for umask, mode in ((0o002, 0o664), (0o027, 0o640)):
        out = tmp_path / f"out-{umask:o}"
        run(umask, "export", "--db", str(db), "--out", str(out / "all.jsonl"))
        run(umask, "stories", "--db", str(db), "--out", str(out / "stories"), "--no-dossiers")
        run(
            umask,
            "dossier",
            "--db",
            str(db),
            "--out",
            str(out / "d"),
            "--workers",
            "1",
            "u-0",
            "u-1",
        )
        written = [out / "all.jsonl", out / "stories" / "stories.jsonl"]
        written += [out / "d" / name for name in ("dossier.json", "dossier.md", "dossier.html")]
        for path in written:
            assert path.stat().st_mode & 0o777 == mode, (path, oct(path.stat().st_mode))
