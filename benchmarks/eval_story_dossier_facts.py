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
* (c) the dead and the hurt agreed: for each gold count of people killed or hurt, whether one
  agreed claim of the same harm ("Number of people killed", "... injured") holds the gold's
  number and is told by two or more reports (however each words it: "one man was shot and
  killed", "a woman died", "2 hurt").

``--dated``: each report is given the publication date the ECB+ document itself shows (a
dateline at its top, or the date in its address), as ingest would find it; reports without one
stay undated.  Without it the reports are undated, as factalign-dev gives them.

``--ecbplus``: the wider measurement, on the ECB+ gold annotations themselves
(:mod:`triangulate.evaluation.ecbplus_events`): for every topic half of ECB+ topics 1-35 (or
``--topics``), its seminal event (the action most of its documents mention), the event's gold
date (the ``TIME_DATE`` mentions of the event's sentences, normalised against their document's
date) and its gold counts (participant mentions with a number in the event's sentences).
The half's documents are stored and built into one dossier through the API, each dated as a
stream dates it (a dateline, else the date in its address, else what ingest infers from the
text).  Then:

* (a) dated: the timeline has an entry within the gold date, at least as precise as the gold,
  citing a sentence that mentions the event;
* (b) counted: a claim holding a number cites a sentence holding a gold count (and, stricter,
  its value is that count's number).

Halves whose event no document puts on the calendar (no publication date, no absolute date
in the event's sentences) are counted apart: nothing can date them.

Usage:
  .venv/bin/python benchmarks/eval_story_dossier_facts.py [--dated] [--shared ../shared]
      [--work DIR]
  .venv/bin/python benchmarks/eval_story_dossier_facts.py --ecbplus [--topics 1,2,...]
      [--work DIR] [--verbose]
  .venv/bin/python benchmarks/eval_story_dossier_facts.py --figures [--topics ...]
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
    parser.add_argument("--ecbplus", action="store_true", help="every ECB+ topic half's event")
    parser.add_argument("--topics", default="1-35", help="ECB+ topics: 1-35, or 2,5,12")
    parser.add_argument("--verbose", action="store_true", help="print each miss's particulars")
    parser.add_argument(
        "--figures", action="store_true", help="count the figures read in the halves' reports"
    )
    args = parser.parse_args()
    if args.figures:
        figures_main(args)
        return
    if args.ecbplus:
        ecbplus_main(args)
        return
    factalign_main(args)


def factalign_main(args: argparse.Namespace) -> None:
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
    harmed = [row for path in sorted((folder / "gold").glob("ecbdev-*.json")) for row in
              harm_rows(path, work)]  # fmt: skip
    print("\n| event | gold count | gold value | agreed claim of that harm and value (c) |")
    print("|---|---|---|---|")
    for event, what, value, found in harmed:
        print(f"| {event} | {what} | {value:g} | {found or '-'} |")
    agreed = sum(bool(found) for *_, found in harmed)
    print(f"\n(c) the dead and the hurt agreed: {agreed}/{len(harmed)} gold counts")


HARMS = {"kill": re.compile(r"killed|dead|died|death", re.I),
         "injure": re.compile(r"wounded|injured|hurt", re.I)}  # fmt: skip


def harm_rows(gold_path: Path, work: Path) -> Iterable[tuple[str, str, float, str]]:
    """(event, gold count, its number, the agreed claim found or "") for each gold count of
    people killed or hurt, from the dossier ``factalign_main`` built for the event."""
    facts = json.loads(gold_path.read_text(encoding="utf-8"))["facts"]
    out = work / gold_path.stem / "dossier.json"
    if not out.exists():
        return
    built = json.loads(out.read_text(encoding="utf-8"))
    for fact in facts:
        harm = next((h for h, told in HARMS.items() if told.search(fact["what"])), None)
        value = count_value(fact["mentions"][0]["value"]) if fact["mentions"] else None
        if fact["kind"] != "figure" or harm is None or value is None or "age" in fact["what"]:
            continue
        found = next(
            (
                f"{claim['about']}: {side['display']} ({len(side['articles'])} reports)"
                for claim in built["claims"]
                if claim["status"] == "agreed" and HARMS[harm].search(claim["about"])
                for side in claim["sides"]
                if side.get("value") == value and len(side["articles"]) >= 2
            ),
            "",
        )
        yield gold_path.stem, fact["what"], value, found


# ---------------------------------------------------------------- ECB+ topic halves


def topic_list(spec: str) -> list[int]:
    topics: list[int] = []
    for part in spec.split(","):
        low, _, high = part.partition("-")
        topics += list(range(int(low), int(high or low) + 1))
    return topics


MIN_MATCH_WORDS = 4  # a shorter line ("Police said") is in too many sentences to tell one


def within(text: str, sentences: Iterable[str]) -> bool:
    """The evidence and some sentence are one sentence (either holds the other)."""
    said = normal(text)
    return any(
        (said in s if len(said.split()) >= MIN_MATCH_WORDS else said == s)
        or (s in said and len(s.split()) >= MIN_MATCH_WORDS)
        for s in map(normal, sentences)
        if s and said
    )


SMALL_NUMBERS = {
    word: number
    for number, word in enumerate((
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty",
    ))
}  # fmt: skip


def count_value(words: str) -> float | None:
    """The number a participant mention gives ("40 passengers" -> 40, "two" -> 2), if exact."""
    for word in re.findall(r"[\w,]+", words.lower()):
        if word.replace(",", "").isdigit():
            return float(word.replace(",", ""))
        if word in SMALL_NUMBERS:
            return float(SMALL_NUMBERS[word])
    return None


def half_dossier(store: Any, event: Any, work: Path) -> Any:
    """The dossier of the half's documents, stored as a stream stores them."""
    lines = [
        json.dumps(
            {"id": d.name, "text": d.text, **({"published": d.published} if d.published else {})}
        )
        for d in event.documents
    ]
    path = work / f"{event.name}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = [d.name for d in event.documents]
    if not all(store.has_article(i) for i in ids):
        store.ingest([path])
    return store.dossier([i for i in ids if store.has_article(i)])


def judge_half(event: Any, built: Any) -> dict[str, Any]:
    from triangulate.compose.timeline import entry_value
    from triangulate.core.dates import DateInterval

    gold = DateInterval.parse(event.date) if event.date else None
    on_day = [
        e
        for e in built.timeline
        if gold is not None
        and (when := DateInterval.parse(entry_value(e), mod=e.mod)) is not None
        and gold.contains(when)
    ]
    telling = [
        e for e in built.timeline if any(within(v.text, event.event_sentences) for v in e.evidence)
    ]
    count_sentences = [c.sentence for c in event.counts]
    count_values = {v for c in event.counts if (v := count_value(c.words)) is not None}
    sides = [
        side
        for claim in built.claims
        for side in claim.sides
        if isinstance(side.value, int | float)
        and any(within(v.text, count_sentences) for v in side.evidence)
    ]
    # the event's own entry: the one citing the most of its sentences (then most sources)
    main = max(
        telling,
        key=lambda e: (
            sum(within(v.text, event.event_sentences) for v in e.evidence),
            len(e.articles),
        ),
        default=None,
    )
    return {
        "event_days": sorted({e.date for e in telling if e.granularity in ("day", "time")}),
        "dated": any(e in telling for e in on_day),
        "main_dated": main is not None and main in on_day,
        "on_day": bool(on_day),
        "told": bool(telling),
        "told_dates": sorted({entry_value(e) for e in telling}),
        "counted": bool(sides),
        "counted_value": any(float(s.value) in count_values for s in sides),
    }


def figures_main(args: argparse.Namespace) -> None:
    """How many figures the quantity reader (alone, without spaCy) reads in the reports of the
    halves, and how many of them are a bare year-like number (1500-2100): run it on two
    versions of the readers to see what a change to them removes or adds."""
    from triangulate.evaluation.ecbplus_events import half_events
    from triangulate.readers.quantities import find_quantities

    folder = args.shared / "data" / "ecbplus-dev"
    documents = figures = year_like = 0
    for event in half_events(folder, topic_list(args.topics)):
        for document in event.documents:
            documents += 1
            for figure in find_quantities(document.text, document.name):
                figures += 1
                bare = figure.evidence.text.replace(",", "").split()[-1]
                year_like += bare.isdigit() and 1500 <= int(bare) <= 2100
    print(f"{documents} reports: {figures} figures, {year_like} of them a bare year-like number")


def ecbplus_main(args: argparse.Namespace) -> None:
    from triangulate.api import Store
    from triangulate.evaluation.ecbplus_events import half_events

    folder = args.shared / "data" / "ecbplus-dev"
    if not (folder / "ECB+").is_dir():
        sys.exit(f"no ECB+ corpus at {folder} (give --shared)")
    work = args.work or Path(tempfile.mkdtemp(prefix="dossier-facts-ecbplus-"))
    work.mkdir(parents=True, exist_ok=True)
    store = Store(work / "halves.db")
    rows = []
    print(
        "| half | reports | dated reports | gold date | dated (a) | its main entry dated "
        "| an entry on the day | event in timeline | gold counts | counted (b) | = count |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for event in half_events(folder, topic_list(args.topics)):
        result = judge_half(event, half_dossier(store, event, work))
        rows.append((event, result))
        print(
            f"| {event.name} | {len(event.documents)} | {sum(bool(d.published) for d in event.documents)} "
            f"| {event.date or '-'} | {result['dated'] if event.date else '-'} "
            f"| {result['main_dated'] if event.date else '-'} "
            f"| {result['on_day'] if event.date else '-'} | {result['told']} "
            f"| {len(event.counts)} | {result['counted'] if event.counts else '-'} "
            f"| {result['counted_value'] if event.counts else '-'} |",
            flush=True,
        )
        if args.verbose and event.date and not result["dated"]:
            print(f"    times {sorted(set(event.times))} told at {result['told_dates']}")
        if args.verbose and not event.reports_dated and result["event_days"]:
            print(f"    undated reports, the event placed on {result['event_days']}")
    print()
    for label, keep in (
        ("all halves", lambda e: True),
        ("reports show a publication date", lambda e: e.reports_dated),
        ("no report shows one", lambda e: not e.reports_dated),
    ):
        chosen = [(e, r) for e, r in rows if keep(e)]
        with_date = [r for e, r in chosen if e.date]
        with_count = [r for e, r in chosen if e.counts]
        dated = sum(r["dated"] for r in with_date)
        main = sum(r["main_dated"] for r in with_date)
        counted = sum(r["counted"] for r in with_count)
        exact = sum(r["counted_value"] for r in with_count)
        days = sum(len(r["event_days"]) for _, r in chosen)
        placed = sum(bool(r["event_days"]) for _, r in chosen)
        print(
            f"{label}: {len(chosen)} halves; the event placed on a day in {placed}"
            f" ({days} days in all)"
        )
        print(
            f"{label}: {len(chosen)} halves; (a) dated {dated}/{len(with_date)} with a gold date"
            f" (the event's main entry: {main})"
            f" ({len(chosen) - len(with_date)} without one); (b) counted {counted}/{len(with_count)}"
            f" with a gold count (value equal: {exact})"
        )


if __name__ == "__main__":
    main()
