"""Does each incident's story, as ``triangulate stories`` builds it, state the incident's
counts and date it?

Data: the invented local crime streams (``tests/evaluation/local_streams/<stream>``): reports
of shootings, stabbings, a fire, a hit-and-run and robberies with their follow-ups days later,
each file labelled with its incident (``labels.json``), and each incident's facts read by hand
from all its reports (``incidents.json``: the day it happened, how many were killed, injured,
arrested, as the latest report states).

The stream's files are fed to ``Store.stories`` as a user feeds a folder to
``triangulate stories``: ingest, cluster, a dossier for each story of two or more
independent reports. Each incident's story is the one holding the most of its reports; then:

* *killed*: a claim of the killed (its subject says killed, dead, died, death, fatal) has a
  side with the gold number (*some*); the side told by the most reports has it (*leading*);
* *injured*, *arrested*: the same for the hurt and the arrested (where the gold has some);
* *dated*: the timeline has an entry on the incident's day (day or time precise); *the
  first*: the earliest day-precise entry is that day (an entry before it is a wrong date or
  an earlier happening the reports recall);
* *with a dossier*: the incident's story has reports of two or more independent outlets.

``--hand-fed``: each incident's own reports instead (its dossier as a user would build it by
hand), to tell the dossier's misses from the stories'.

Usage:
  .venv/bin/python benchmarks/eval_local_dossiers.py [--streams local-a,local-b]
      [--hand-fed] [--verbose] [--work DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from triangulate.evaluation.local_dossiers import judge_stream, markdown, shares

ROOT = Path(__file__).resolve().parents[1]
STREAMS = ROOT / "tests" / "evaluation" / "local_streams"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", default="local-a,local-b")
    parser.add_argument("--hand-fed", action="store_true", help="each incident's own reports")
    parser.add_argument("--work", type=Path, help="where the stores go (default: a new folder)")
    parser.add_argument("--verbose", action="store_true", help="each incident's misses")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="local-dossiers-"))
    results = []
    for name in args.streams.split(","):
        rows = judge_stream(STREAMS / name, work / name, hand_fed=args.hand_fed)
        results.append(shares(name, rows))
        if args.verbose:
            for row in rows:
                print(
                    f"{name} {row.incident}: {row.in_story}/{row.reports} reports in a story of"
                    f" {row.story_size}, dossier {row.dossier}",
                    file=sys.stderr,
                )
                for miss in row.misses:
                    print(f"    {miss}", file=sys.stderr)
    print(markdown(results))


if __name__ == "__main__":
    main()
