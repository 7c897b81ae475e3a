"""The hostile corpus (tests/hostile_corpus.py) through the real command line, on the default
worker count: no crash, no hang, bounded memory, no good article lost, a sound store.

The same corpus at full size, case by case with the default limits, is
benchmarks/bench_hostile.py (its table is in docs/benchmarks.md).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hostile_corpus import Case, Corpus, HostileServer, build, every_input
from triangulate.ingest.inputs import storable
from triangulate.web import create_app

PEAK = (
    "import json, resource, subprocess, sys\n"
    "run = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "json.dump({'rc': run.returncode, 'peak_mb': peak / 1024, 'stdout': run.stdout.decode(),"
    " 'stderr': run.stderr.decode('utf-8', 'replace')}, open(sys.argv[1], 'w'))\n"
)
TRIANGULATE = [sys.executable, "-m", "triangulate"]
MEMORY_LIMIT_MB = 1024
# quicker than the defaults (documented in the README) so that the suite stays quick
QUICK = ["--stream-timeout", "3", "--fetch-deadline", "10"]


def measured(tmp: Path, args: list[str], timeout: float) -> dict[str, Any]:
    """Run the command line; its exit code, output and the peak memory of its largest
    process (itself or a worker)."""
    report = tmp / "peak.json"
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", PEAK, str(report), *TRIANGULATE, *args], timeout=timeout)
    result: dict[str, Any] = json.loads(report.read_text())
    result["seconds"] = time.monotonic() - started
    return result


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("hostile")
    with HostileServer() as server:
        corpus = build(root / "corpus", server.url, "suite")
        db = root / "store.db"
        run = measured(
            root, ["ingest", "--db", str(db), "--json", *QUICK, *every_input(corpus)], 900
        )
        yield corpus, db, run, root


def events_of(run: dict[str, Any]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run["stdout"].splitlines() if line.strip()]


def case_events(case: Case, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events of a case's inputs (files of a folder or a glob, lines of a JSONL file)."""
    specs = [storable(spec) for spec in case.inputs]

    def of_case(source: str) -> bool:
        return any(source.startswith(spec) or fnmatch(source, spec) for spec in specs)

    return [event for event in events if of_case(event["source"])]


def test_the_corpus_has_at_least_60_kinds(hostile: Any) -> None:
    corpus: Corpus = hostile[0]
    assert len({case.kind for case in corpus.cases}) >= 60


def test_no_crash_no_hang_bounded_memory(hostile: Any) -> None:
    run = hostile[2]
    assert run["rc"] == 1  # some inputs failed, each with its line
    assert "Traceback" not in run["stderr"]
    assert run["peak_mb"] < MEMORY_LIMIT_MB


def test_every_input_is_answered_as_expected(hostile: Any) -> None:
    corpus, db = hostile[0], hostile[1]
    events = events_of(hostile[2])
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT id, text FROM articles").fetchall())
    wrong = []
    for case in corpus.cases:
        found = case_events(case, events)
        kinds = {event["kind"] for event in found}
        if not found:
            wrong.append(f"{case.kind}: no event")
        elif case.expect == "error" and kinds != {"error"}:
            wrong.append(f"{case.kind}: {kinds}, not an error")
        elif case.expect == "stored":
            ids = [e["article"] for e in found if e["kind"] in ("stored", "unchanged")]
            if not any(case.marker in texts.get(i, "") for i in ids):
                wrong.append(f"{case.kind}: not stored with {case.marker!r}")
    assert not wrong


def test_no_good_article_is_lost(hostile: Any) -> None:
    corpus, db = hostile[0], hostile[1]
    with sqlite3.connect(db) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
    lost = [m for m in corpus.good.values() if not any(m in text for text in texts)]
    assert not lost and len(corpus.good) >= 15


def test_the_store_is_sound(hostile: Any) -> None:
    with sqlite3.connect(hostile[1]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_dossier_of_the_heavy_texts_is_bounded(hostile: Any) -> None:
    corpus, db, run, root = hostile
    events = events_of(run)
    heavy = [c for c in corpus.cases if c.readable]
    ids = [e["article"] for c in heavy for e in case_events(c, events) if e["kind"] == "stored"]
    good = [e["article"] for e in events if e["kind"] == "stored" and "good" in e["source"]]
    assert len(ids) >= 8
    out = root / "dossier"
    result = measured(root, ["dossier", "--db", str(db), "--out", str(out), *ids, *good[:2]], 900)
    assert result["rc"] == 0, result["stderr"][-2000:]
    assert "Traceback" not in result["stderr"]
    assert result["peak_mb"] < MEMORY_LIMIT_MB
    dossier = json.loads((out / "dossier.json").read_text())
    assert {a["id"] for a in dossier["articles"]} == {*ids, *good[:2]}


def test_hostile_articles_show_safely_on_the_terminal_and_the_web(hostile: Any) -> None:
    db = hostile[1]
    shown = subprocess.run(
        [*TRIANGULATE, "show", "--db", str(db), "escapes"], capture_output=True, timeout=120
    )
    assert shown.returncode == 0 and b"\x1b" not in shown.stdout and b"\x07" not in shown.stdout
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    from urllib.parse import quote

    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        for article_id in ids:
            page = client.get(f"/articles/{quote(article_id, safe='')}")
            assert page.status_code == 200, article_id
        assert client.get("/").status_code == 200
