"""The speed benchmarks one after another, each with its own command line as
docs/benchmarks.md gives it (the evaluations, which need ../shared, run on their own).

    .venv/bin/python benchmarks/run_all.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Quick speed benchmarks on the bundled example; each prints its baseline in the same run.
BENCHMARKS = {
    "dossier": ["bench_dossier.py"],
    "read": ["bench_read.py"],
    "ingest": ["bench_ingest.py"],
    "web": ["bench_web.py"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), default=None)
    chosen = parser.parse_args().only or list(BENCHMARKS)
    failed = []
    for name in chosen:
        script, *arguments = BENCHMARKS[name]
        print(f"== {name}: benchmarks/{script} {' '.join(arguments)}".rstrip(), flush=True)
        if subprocess.run([sys.executable, str(HERE / script), *arguments]).returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
