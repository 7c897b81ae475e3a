"""Processes seen through /proc, for the tests and benchmarks that kill an ingest and check
that no worker outlives it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def children_of(pid: int) -> list[int]:
    """The ids of the live processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def read_lines(run: subprocess.Popen[str], lines: list[str]) -> None:
    """Every line a running process writes to its stdout, appended as it comes."""
    assert run.stdout is not None
    lines.extend(iter(run.stdout.readline, ""))
