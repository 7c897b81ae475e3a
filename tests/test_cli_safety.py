"""The command line checks its options before any work, refuses a missing store, ends quietly
in a closed pipe, and never lets article text act on the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile_corpus import good_article
from triangulate.cli import cli
from triangulate.models import Article
from triangulate.store import open_store, writes

TRIANGULATE = [sys.executable, "-m", "triangulate"]
ESCAPES = "Harbour\x1b[2J\x1b]0;owned\x07 news \x9b31m and \u202eevil\u202c\r done"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def store_with(db: Path, count: int, text: str = "A short invented note about a harbour.") -> None:
    with open_store(db) as store, writes.batch(store):
        for number in range(count):
            article = Article(
                id=f"a{number:05d}", source=f"a{number}.txt", text=f"{text} {number}",
                title=f"Note {number} {ESCAPES}", outlet="Herald\x1b[31m", content_hash=str(number),
            )  # fmt: skip
            writes.save_article(store, article, original=article.text.encode())


@pytest.mark.parametrize(
    "args",
    [["articles"], ["show", "x"], ["export"], ["read", "--all"]],
    ids=lambda args: args[0],
)
def test_reading_commands_refuse_a_store_that_does_not_exist(
    tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "typo" / "stroe.db"
    code, _, err = run(args[0], "--db", str(db), *args[1:])
    assert code == 1
    assert err == f"error: {db}: no store there (check --db, or ingest something first)\n"
    assert not db.exists() and not db.parent.exists()


def test_serve_refuses_a_store_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = run("serve", "--db", str(tmp_path / "nope.db"))
    assert code == 1 and "no store there" in err


def test_dossier_options_are_checked_before_any_work(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(good_article(1)[1])
    code, _, err = run("dossier", "--db", str(db), "--format", "pdf", str(tmp_path / "a.txt"))
    assert code == 2 and "pdf: use any of json, md, markdown, html" in err
    assert not db.exists()  # nothing ingested, nothing built, nothing stored
    for out, problem in (("-", "give a folder, not -"), (str(tmp_path / "a.txt"), "is a file")):
        code, _, err = run("dossier", "--db", str(db), "--out", out, str(tmp_path / "a.txt"))
        assert code == 2 and problem in err
        assert not db.exists()
    assert not (tmp_path / "-").exists()


def test_stories_out_is_checked_first(tmp_path: Path) -> None:
    code, _, err = run("stories", "--db", str(tmp_path / "s.db"), "--out", "-")
    assert code == 2 and "give a folder, not -" in err


def test_export_to_dash_is_standard_output(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store_with(db, 2)
    code, out, _ = run("export", "--db", str(db), "--out", "-")
    assert code == 0 and len(out.splitlines()) == 2
    assert not (tmp_path / "-").exists()


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store_with(db, 3000)
    for args in (["articles"], ["articles", "--json"], ["export"], ["show", "a00001"]):
        reader = subprocess.Popen(
            [*TRIANGULATE, args[0], "--db", str(db), *args[1:]],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.readline()
        reader.stdout.close()  # like `| head -1`
        err = reader.stderr.read().decode()
        assert reader.wait(timeout=60) == 0, err
        assert err == "", args


def test_article_text_never_reaches_the_terminal_raw(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store_with(db, 1, text=ESCAPES)
    for args in (["show", "a00000"], ["articles"], ["show", "a00000", "--json"],
                 ["articles", "--json"], ["export"]):  # fmt: skip
        code, out, _ = run(args[0], "--db", str(db), *args[1:])
        assert code == 0
        for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\r"):
            assert raw not in out, (args, raw)
    _, out, _ = run("show", "--db", str(db), "a00000")
    assert "Harbour␛[2J␛]0;owned␇ news" in out
    _, out, _ = run("show", "--db", str(db), "a00000", "--json")
    assert json.loads(out)["text"] == f"{ESCAPES} 0"  # JSON keeps the text, escaped
    _, out, _ = run("export", "--db", str(db))
    assert json.loads(out)["text"] == f"{ESCAPES} 0"


def test_a_csv_cell_opening_like_a_formula_is_text_to_a_spreadsheet(tmp_path: Path) -> None:
    import csv

    db = tmp_path / "f.db"
    titles = ['=HYPERLINK("http://x.example","Herald")', "+1+2", "-2+3", "@SUM(A1)", "Plain"]
    with open_store(db) as store, writes.batch(store):
        for number, title in enumerate(titles):
            article = Article(id=f"f{number}", source=f"f{number}.txt", title=title,
                              text=f"=1+{number} rose by two.", content_hash=str(number))  # fmt: skip
            writes.save_article(store, article, original=b"x")
    code, out, _ = run("export", "--db", str(db), "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(out.splitlines(keepends=True))}
    assert code == 0 and [rows[f"f{n}"]["title"] for n in range(5)] == [
        "'" + title for title in titles[:4]
    ] + ["Plain"]
    assert rows["f0"]["text"] == "'=1+0 rose by two." and rows["f0"]["words"] == "4"
    _, out, _ = run("export", "--db", str(db))  # JSONL keeps every value as stored
    assert [json.loads(line)["title"] for line in out.splitlines()] == titles


def on_a_terminal(command: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run a command with its standard output a real pseudo-terminal: (exit code, what the
    terminal was sent, standard error)."""
    import os
    import pty

    leader, follower = pty.openpty()
    done = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, env=env, timeout=120)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return done.returncode, shown.decode("utf-8", "replace"), done.stderr.decode()


def test_export_on_a_terminal_shows_control_characters_and_refuses_parquet(
    tmp_path: Path,
) -> None:
    db = tmp_path / "t.db"
    store_with(db, 1, text=ESCAPES)
    shown = {
        fmt: on_a_terminal([*TRIANGULATE, "export", "--db", str(db), "--format", fmt])
        for fmt in ("csv", "parquet")
    }
    code, text, _ = shown["csv"]
    assert code == 0 and "Harbour␛[2J␛]0;owned␇ news" in text
    assert "\x1b" not in text and "\x9b" not in text
    code, text, err = shown["parquet"]
    assert code == 2 and text == "" and "Parquet is binary: write it to a file with --out" in err


def test_a_title_written_like_terminal_markup_is_shown_as_written(tmp_path: Path) -> None:
    import os

    db = tmp_path / "m.db"
    title = (
        "Budget [/bold] talks [link=file:///etc/passwd]Herald[/link] [on black]hidden[/on black]"
    )
    with open_store(db) as store, writes.batch(store):
        article = Article(id="m1", source="m.txt", text="A note about the harbour.", title=title)
        writes.save_article(store, article, original=b"x")
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": ""}  # a terminal: the table is drawn
    code, text, err = on_a_terminal([*TRIANGULATE, "articles", "--db", str(db)], env)
    assert code == 0, err[-500:]
    assert "[/bold]" in text and "[link=file:///etc/passwd]Herald[/link]" in text
    assert "\x1b]8;" not in text  # no terminal hyperlink made of the title


def test_an_error_naming_a_hostile_file_is_one_safe_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad\x1b[31m\nname.txt"
    bad.write_text("")
    code, _, err = run("ingest", "--db", str(tmp_path / "s.db"), str(bad))
    assert code == 1
    line = next(x for x in err.splitlines() if x.startswith("error:"))
    assert "\x1b" not in err and "bad␛[31m␊name.txt: is empty" in line


def test_every_failed_item_has_its_line_and_a_count(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1.txt").write_text("")
    (folder / "2.txt").write_text(good_article(2)[1])
    (folder / "3.txt").write_bytes(b"\x00" * 50)
    code, _, err = run("ingest", "--db", str(tmp_path / "s.db"), "--workers", "1", str(folder))
    assert code == 1
    assert [x.split(": ")[1] for x in err.splitlines() if x.startswith("error:")] == [
        str(folder / "1.txt"),
        str(folder / "3.txt"),
    ]
    assert "1 stored, 0 copies linked, 0 unchanged, 2 failed" in err


@pytest.mark.parametrize("command", ["read", "dossier"])
def test_an_article_that_could_not_be_read_is_an_error_line_and_exit_code_1(
    tmp_path: Path, command: str
) -> None:
    db, out = tmp_path / "s.db", tmp_path / "out"
    (tmp_path / "a.txt").write_text(good_article(3)[1])
    (tmp_path / "b.txt").write_text(good_article(4)[1])
    assert run("ingest", "--db", str(db), str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))[0] == 0
    args = ["--all"] if command == "read" else ["--out", str(out), "a", "b"]
    code, _, err = run(command, "--db", str(db), "--item-timeout", "0.001", *args)
    assert code == 1, err  # the rest was done, an input failed
    failed = sorted(line for line in err.splitlines() if "could not be read" in line)
    assert [line.split(": ")[:2] for line in failed] == [["error", "a"], ["error", "b"]], err
    assert "took longer than the time limit of 0.001 s" in failed[0]
    code, _, err = run(command, "--db", str(db), *args)
    assert code == 0, err  # read in time: nothing failed


def test_limit_options_reach_the_ingest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(good_article(3)[1])
    code, _, err = run("ingest", "--db", str(tmp_path / "s.db"), "--max-chars", "100",
                       str(tmp_path / "a.txt"))  # fmt: skip
    assert code == 1 and "over the limit of 100 (is it one article? raise --max-chars)" in err
    code, _, err = run("ingest", "--db", str(tmp_path / "s.db"), "--item-timeout", "-1", "x")
    assert code == 1 and err == "error: item_time_limit must be positive, not -1.0\n"
