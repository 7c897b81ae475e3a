"""Progress on a terminal only: long commands show counts and an estimate on stderr when it
is a terminal (a pseudo-terminal here), and nothing at all in pipes."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import EXAMPLES, STORY, WIRE
from triangulate.cli.output import _estimate

BIN = Path(sys.executable).parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def on_terminal(*args: str, cwd: Path) -> tuple[int, str, str]:
    """Run a command with stderr on a pseudo-terminal and stdout in a pipe: (exit code,
    stdout, what the terminal received with its control codes removed)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    process = subprocess.Popen(
        [str(BIN / "triangulate"), *args], stdout=subprocess.PIPE, stderr=follower,
        stdin=subprocess.DEVNULL, cwd=cwd, env=env,
    )  # fmt: skip
    os.close(follower)
    received = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command ended
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout, _ = process.communicate(timeout=600)
    reader.join(timeout=60)
    os.close(leader)
    text = ANSI.sub("", received.decode("utf-8", errors="replace")).replace("\r", "\n")
    return process.returncode, stdout.decode("utf-8"), text


def in_pipes(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "triangulate"), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)  # fmt: skip


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    shutil.copytree(EXAMPLES / "text", folder)
    return folder


def test_ingest_counts_inputs_of_their_total_on_a_terminal(tmp_path: Path, texts: Path) -> None:
    code, _, terminal = on_terminal("ingest", "--db", "s.db", "--workers", "1", str(texts),
                                    cwd=tmp_path)  # fmt: skip
    assert code == 0
    assert re.search(r"\b[1-5]/5 inputs ingested", terminal), terminal
    assert "5 stored" in terminal  # the closing line still comes


def test_dossier_and_read_show_each_stage_on_a_terminal(tmp_path: Path, texts: Path) -> None:
    code, stdout, terminal = on_terminal("dossier", "--db", "s.db", "--workers", "1",
                                         "--out", "out", str(texts), cwd=tmp_path)  # fmt: skip
    assert code == 0 and "Sources (5)" in stdout
    assert re.search(r"\b[0-5]/5 articles read", terminal), terminal
    for stage in ("inputs gathered", "comparing claims", "building the timeline", "summarising"):
        assert stage in terminal
    code, _, terminal = on_terminal("read", "--db", "s.db", "--all", "--json", cwd=tmp_path)
    assert code == 0 and re.search(r"\b[0-5]/5 articles read", terminal), terminal


def test_stories_shows_clustering_on_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    code, _, terminal = on_terminal("stories", "--db", "s.db", "--workers", "1",
                                    "--out", "out", str(folder), cwd=tmp_path)  # fmt: skip
    assert code == 0
    assert re.search(r"\b[0-2]/2 inputs ingested", terminal), terminal
    assert re.search(r"\b[0-2]/2 articles clustered", terminal), terminal


def test_pipes_get_no_progress(tmp_path: Path, texts: Path) -> None:
    done = in_pipes("ingest", "--db", "s.db", "--workers", "1", str(texts), cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr.splitlines() == ["5 stored, 1 copies linked, 0 unchanged, 0 failed (s.db)"]
    done = in_pipes("dossier", "--db", "s.db", "--out", "out", str(texts), cwd=tmp_path)
    assert done.returncode == 0
    assert all(line.startswith("wrote ") for line in done.stderr.splitlines())
    done = in_pipes("read", "--db", "s.db", "--all", "--json", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    for output in (done.stdout, done.stderr):
        assert "\x1b[" not in output and "articles read" not in output


def test_the_estimate_is_the_time_left_or_the_rate() -> None:
    from rich.progress import Progress

    now = [0.0]
    with Progress(get_time=lambda: now[0], disable=True) as bar:
        counted = bar.add_task("articles read", total=10)
        open_ended = bar.add_task("inputs ingested", total=None)
        for second in range(1, 5):
            now[0] = float(second)
            bar.advance(counted)
            bar.advance(open_ended, 3)
        assert _estimate(bar.tasks[counted]) == "about 0:06 left"  # 4 done in 4 s, 6 to go
        assert _estimate(bar.tasks[open_ended]) == "3.0/s"
        bar.update(counted, completed=10)
        assert _estimate(bar.tasks[counted]) == ""
