"""The command line, through Click's runner, on real store files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from conftest import STORY, WIRE
from triangulate.cli import cli


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def stored(tmp_path: Path) -> Path:
    db = tmp_path / "cli.db"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "strike.txt").write_text(STORY)
    (tmp_path / "in" / "wire.txt").write_text(WIRE)
    code, _, err = run("ingest", "--db", str(db), "--workers", "1", str(tmp_path / "in"))
    assert code == 0, err
    assert "2 stored" in err
    return db


def test_articles_table_and_json(tmp_path: Path) -> None:
    db = stored(tmp_path)
    code, out, _ = run("articles", "--db", str(db))
    assert code == 0
    header, *rows = out.strip().splitlines()
    assert header.split("\t") == [
        "id",
        "outlet",
        "title",
        "published",
        "language",
        "words",
        "removed",
    ]
    assert len(rows) == 2
    code, out, _ = run("articles", "--db", str(db), "--json")
    ids = {row["id"] for row in json.loads(out)}
    assert ids == {"strike", "wire"}


def test_show_text_json_and_raw(tmp_path: Path) -> None:
    db = stored(tmp_path)
    code, out, _ = run("show", "--db", str(db), "strike")
    assert code == 0 and "About 1,200 workers joined the strike" in out
    code, out, _ = run("show", "--db", str(db), "strike", "--json")
    record = json.loads(out)
    assert record["id"] == "strike" and record["removed"]
    code, out, _ = run("show", "--db", str(db), "strike", "--raw")
    assert out == STORY


def test_show_unknown_id_is_one_line(tmp_path: Path) -> None:
    db = stored(tmp_path)
    code, _, err = run("show", "--db", str(db), "nope")
    assert code == 1
    assert err.strip().count("\n") == 0 and "no article with id 'nope'" in err


def test_export_formats(tmp_path: Path) -> None:
    db = stored(tmp_path)
    code, out, _ = run("export", "--db", str(db), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["id"] for r in records} == {"strike", "wire"}
    assert all(r["text"] for r in records)
    code, out, _ = run("export", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"] for r in rows} == {"strike", "wire"}
    target = tmp_path / "out" / "all.parquet"
    code, _, _ = run("export", "--db", str(db), "--format", "parquet", "--out", str(target))
    assert code == 0
    assert sorted(pq.read_table(target).column("id").to_pylist()) == ["strike", "wire"]


def test_exported_jsonl_ingests_back(tmp_path: Path) -> None:
    db = stored(tmp_path)
    dump = tmp_path / "dump.jsonl"
    run("export", "--db", str(db), "--out", str(dump))
    code, _, err = run("ingest", "--db", str(tmp_path / "copy.db"), "--workers", "1", str(dump))
    assert code == 0, err
    _, out, _ = run("articles", "--db", str(tmp_path / "copy.db"), "--json")
    assert {row["id"] for row in json.loads(out)} == {"strike", "wire"}


def test_stdin_and_failures_set_the_exit_code(tmp_path: Path) -> None:
    db = str(tmp_path / "stdin.db")
    code, _, err = run("ingest", "--db", db, "-", stdin=WIRE)
    assert code == 0, err
    code, _, err = run("ingest", "--db", db, str(tmp_path / "missing.txt"))
    assert code == 1
    assert f"error: {tmp_path / 'missing.txt'}: no such file" in err


def test_json_events_for_machines(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(STORY)
    _code, out, _ = run("ingest", "--db", str(tmp_path / "j.db"), "--json", str(tmp_path / "s.txt"))
    events = [json.loads(line) for line in out.splitlines()]
    assert events == [
        {"kind": "stored", "source": str(tmp_path / "s.txt"), "article": "s", "message": ""}
    ]


def test_a_file_that_is_not_a_store_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database, just some notes " * 100)
    code, _, err = run("articles", "--db", str(bad))
    assert code == 1
    assert err.startswith(f"error: {bad}: cannot open the store")


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY)")
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    before = other.read_bytes()
    for args in (["articles"], ["ingest", str(tmp_path / "missing.txt")]):
        code, _, err = run(args[0], "--db", str(other), *args[1:])
        assert code == 1 and err.count("\n") == 1, args
        assert "an SQLite file of another program (tables schema_migrations, users)" in err
    assert other.read_bytes() == before and not (tmp_path / "app.sqlite-wal").exists()


def test_an_output_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    db = stored(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = run("export", "--db", str(db), "--out", str(blocker / "out.csv"))
    assert code == 1
    assert err.startswith(f"error: {blocker}") and err.count("\n") == 1


def test_the_command_line_loads_the_library_only_for_a_command_that_needs_it() -> None:
    # in a new interpreter (this one has imported everything already): the commands'
    # modules import the library when a command runs, so `--help` or an option's error
    # starts at once and `ingest` never loads the dossier's page model or its validator
    probe = (
        "import sys, triangulate.cli\n"
        "print(sorted(m for m in ('triangulate.api', 'triangulate.render.view', 'jsonschema')"
        " if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"
