"""Does each incident's story, as ``triangulate stories`` builds it, state the incident's
counts and date it?

Data: the invented local crime streams (``tests/evaluation/local_streams/<stream>``): reports
of shootings, stabbings, a fire, a hit-and-run and robberies with their follow-ups days later,
each file labelled with its incident (``labels.json``), and each incident's facts read by hand
from all its reports (``incidents.json``: the day it happened, how many were killed, injured,
arrested, as the latest report states).

The stream's files are fed to ``triangulate stories`` (ingest, cluster, a dossier for each
story, one of a single report too). Each incident's story is the one holding the most of its
reports, and only the incident's own reports in it are judged
(:mod:`triangulate.evaluation.local_dossiers`); of the incidents whose gold has a count
above 0 (or a day):

* *killed*, *injured*, *arrested* (*some / leading*): a claim counting that harm ("Number of
  ... killed", "Death toll"; "... injured", "wounded", "hurt", "hospitalized"; "...
  arrested") has a side of the incident's reports with the gold number; the number most of
  its reports tell is the gold's (a tie leads nothing);
* *dated* (*an entry / the first*): an entry of its reports on the incident's day (day or
  time precise); the earliest such entry is on it;
* *with a dossier*: the story has a dossier; without, each column is a miss;
* *counted where none*: (incident, harm) pairs whose gold is 0 and whose reports count some.

``--hand-fed``: each incident's own reports instead (its dossier as a user would build it by
hand), to tell the dossier's misses from the stories'.

Usage:
  .venv/bin/python benchmarks/eval_local_dossiers.py [--streams local-a,local-b,...]
      [--hand-fed] [--verbose] [--work DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from triangulate.evaluation.local_dossiers import judge_stream, markdown, shares
from triangulate.evaluation.stories import INVENTED_STREAMS

ROOT = Path(__file__).resolve().parents[1]
STREAMS = ROOT / "tests" / "evaluation" / "local_streams"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", default=",".join(INVENTED_STREAMS))
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
                for harm in row.overcounted:
                    print(f"    {harm}: counted, the gold has none", file=sys.stderr)
    print(markdown(results))


if __name__ == "__main__":
    main()
