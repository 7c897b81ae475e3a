"""Does each event's dossier date the event in its timeline and state its counts as claims?

Events: the ECB+ dev events of ../shared/data/factalign-dev (each event's reports, up to six),
whose gold lists, by careful reading, every fact two or more reports state, with the sentence
each states it in.  Each event is fed alone to ``triangulate dossier --format json``.

* (a) dated: among events whose gold has a date fact (the day of the incident, of the arrest,
  of the announcement), the share whose timeline has a day-precise entry citing a sentence
  the gold quotes for one of those date facts.
* (b) counted: among events whose gold has an incident count ("number of people killed",
  "number of pirates captured"), the share with a claim holding a number whose evidence is a
  sentence the gold quotes for one of those counts.

``--dated``: each report is given the publication date the ECB+ document itself shows (a
dateline at its top, or the date in its address), as ingest would find it; reports without one
stay undated.  Without it the reports are undated, as factalign-dev gives them.

Usage:
  .venv/bin/python benchmarks/eval_story_dossier_facts.py [--dated] [--shared ../shared]
      [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COUNT = re.compile(r"^number of .*|killed|wounded|injured|arrested|captured|dead|shot", re.I)


def normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def cites(evidence: Iterable[dict[str, Any]], quotes: set[str]) -> bool:
    """Some evidence span and some gold quote are one sentence (either holds the other)."""
    for item in evidence:
        said = normal(item.get("text", ""))
        if said and any(said in quote or quote in said for quote in quotes):
            return True
    return False


def quotes_of(facts: Iterable[dict[str, Any]]) -> set[str]:
    return {normal(m["quote"]) for fact in facts for m in fact["mentions"] if m.get("quote")}


def with_own_dates(event: Path, shared: Path, work: Path) -> Path:
    """A copy of ``event`` whose reports carry the date their ECB+ document shows."""
    from triangulate.evaluation.streams import ECBPLUS, document_date

    lines = []
    for line in event.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        topic = report["id"].split("_", 1)[0]
        day = document_date(shared / "data" / ECBPLUS / "ECB+" / topic / f"{report['id']}.xml")
        lines.append(json.dumps({**report, "published": day} if day else report))
    dated = work / f"{event.stem}.jsonl"
    dated.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dated


def dossier(event: Path, work: Path) -> dict[str, Any]:
    out = work / event.stem
    cli = Path(sys.executable).parent / "triangulate"
    command = [str(cli), "dossier", str(event), "--out", str(out), "--db", str(out) + ".db"]
    subprocess.run([*command, "--format", "json"], capture_output=True, text=True, check=True)
    loaded: dict[str, Any] = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    return loaded


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--dated", action="store_true", help="reports dated as their documents")
    args = parser.parse_args()
    folder = args.shared / "data" / "factalign-dev"
    work = args.work or Path(tempfile.mkdtemp(prefix="dossier-facts-"))
    dated = counted = with_date = with_count = 0
    print("| event | gold date facts | dated in timeline | gold counts | count claim |")
    print("|---|---|---|---|---|")
    for gold_path in sorted((folder / "gold").glob("ecbdev-*.json")):
        facts = json.loads(gold_path.read_text(encoding="utf-8"))["facts"]
        dates = [f for f in facts if f["kind"] == "date"]
        counts = [f for f in facts if f["kind"] == "figure" and COUNT.search(f["what"])]
        event = folder / "events" / f"{gold_path.stem}.jsonl"
        if args.dated:
            event = with_own_dates(event, args.shared, work)
        built = dossier(event, work)
        day_entries = [e for e in built["timeline"] if e.get("granularity") == "day"]
        is_dated = any(cites(e["evidence"], quotes_of(dates)) for e in day_entries)
        is_counted = any(
            isinstance(side.get("value"), int | float)
            and cites(side["evidence"], quotes_of(counts))
            for claim in built["claims"]
            for side in claim["sides"]
        )
        with_date += bool(dates)
        with_count += bool(counts)
        dated += bool(dates) and is_dated
        counted += bool(counts) and is_counted
        print(
            f"| {gold_path.stem} | {len(dates)} | {is_dated if dates else '-'} "
            f"| {len(counts)} | {is_counted if counts else '-'} |",
            flush=True,
        )
    print(f"\n(a) dated in the timeline: {dated}/{with_date} events with a gold date")
    print(f"(b) a count claim: {counted}/{with_count} events with a gold incident count")


if __name__ == "__main__":
    main()
