"""Does each incident's story, as ``triangulate stories`` builds it, state the incident's
counts and date it? Measured on labelled streams of local crime reports: a folder of reports,
its ``labels.json`` (file name -> incident) and its ``incidents.json`` (each incident's day
and how many were killed, injured and arrested, read by hand from all its reports)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triangulate.compose.build import build_for
from triangulate.ingest.ingester import ingest
from triangulate.settings import Settings
from triangulate.store import Store, open_store
from triangulate.store.queries import iter_articles
from triangulate.stories.run import run_stories

# What a claim's subject says of the people it counts
HARMS = {
    "killed": re.compile(r"\b(?:kill|dead|die|death|fatal|homicide)", re.I),
    "injured": re.compile(r"\b(?:wound|injur|hurt|hospital)", re.I),
    "arrested": re.compile(r"\b(?:arrest|custody|detain)", re.I),
}
DAY_PRECISE = ("day", "time")


@dataclass
class Judged:
    """One incident: its story and what that story's dossier states of it."""

    incident: str
    reports: int
    in_story: int
    story_size: int
    dossier: bool
    # harm -> (some side holds the gold number, the side told by the most reports does)
    counts: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    dated: bool | None = None  # an entry on the incident's day
    first: bool | None = None  # the earliest day-precise entry is on it
    misses: list[str] = field(default_factory=list)


def count_sides(dossier: dict[str, Any], harm: str) -> list[dict[str, Any]]:
    """The sides holding a number of the dossier's claims of ``harm``."""
    return [
        side
        for claim in dossier.get("claims", [])
        if HARMS[harm].search(claim["about"])
        for side in claim["sides"]
        if isinstance(side.get("value"), int | float) and not isinstance(side["value"], bool)
    ]


def judge_count(dossier: dict[str, Any], harm: str, gold: int) -> tuple[bool, bool]:
    """(some side holds the gold number, the side told by the most reports holds it)."""
    sides = count_sides(dossier, harm)
    top = max(sides, key=lambda side: len(side.get("articles", [])), default=None)
    return (
        any(float(side["value"]) == gold for side in sides),
        top is not None and float(top["value"]) == gold,
    )


def judge_date(dossier: dict[str, Any], day: str) -> tuple[bool, bool]:
    """(an entry on ``day``, the earliest day-precise entry on ``day``)."""
    days = sorted(
        entry["date"][:10]
        for entry in dossier.get("timeline", [])
        if entry.get("granularity") in DAY_PRECISE
    )
    return day in days, bool(days) and days[0] == day


def _stories(
    store: Store, settings: Settings, files: Sequence[Path], out: Path
) -> list[dict[str, Any]]:
    """Each story as ``triangulate stories`` writes it: its articles and its dossier."""
    path = run_stories(store, [str(f) for f in files], settings, out_dir=out)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _hand_fed(
    store: Store, settings: Settings, files: Sequence[Path], reports: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """Each incident's own reports and their dossier, as a user would build it by hand."""
    ingest(store, [str(f) for f in files], settings)
    by_file = {Path(a.source).name: a.id for a in iter_articles(store)}
    records = []
    for names in reports.values():
        ids = [by_file[name] for name in names]
        dossier = build_for(store, ids, settings).data if len(ids) > 1 else None
        records.append({"articles": ids, "dossier": dossier})
    return records


def judge_stream(folder: Path, work: Path, hand_fed: bool = False) -> list[Judged]:
    """Every incident of the labelled stream in ``folder``, its story built in a new store in
    ``work`` (``hand_fed``: its own reports instead)."""
    labels: dict[str, str] = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    gold = json.loads((folder / "incidents.json").read_text(encoding="utf-8"))["incidents"]
    files = [folder / name for name in sorted(labels)]
    reports: dict[str, list[str]] = {}
    for name, incident in sorted(labels.items()):
        reports.setdefault(incident, []).append(name)
    work.mkdir(parents=True, exist_ok=True)
    settings = Settings(db_path=work / f"{folder.name}.db", workers=1)
    with open_store(settings.db) as store:
        if hand_fed:
            records = _hand_fed(store, settings, files, reports)
        else:
            records = _stories(store, settings, files, work / "stories")
        file_of = {a.id: Path(a.source).name for a in iter_articles(store)}
    return [
        _judged(incident, facts, set(reports[incident]), records, file_of)
        for incident, facts in sorted(gold.items())
    ]


def _judged(
    incident: str,
    facts: dict[str, Any],
    mine: set[str],
    records: Sequence[dict[str, Any]],
    file_of: dict[str, str],
) -> Judged:
    # the incident's story: the one holding the most of its reports
    record = max(records, key=lambda r: sum(file_of[a] in mine for a in r["articles"]))
    members = [file_of[a] for a in record["articles"]]
    dossier = record.get("dossier")
    row = Judged(incident, len(mine), len(mine & set(members)), len(members), bool(dossier))
    if not dossier:
        return row
    for harm in HARMS:
        value = facts.get(harm)
        if not value:
            continue  # none, or not known: nothing to state
        row.counts[harm] = judge_count(dossier, harm, value)
        if not row.counts[harm][1]:
            told = Counter(
                f"{s.get('display')} x{len(s['articles'])}" for s in count_sides(dossier, harm)
            )
            row.misses.append(f"{harm} {value}: {dict(told) or 'no claim'}")
    if facts.get("date"):
        row.dated, row.first = judge_date(dossier, facts["date"])
        if not row.first:
            entries = sorted((e["date"], len(e["articles"])) for e in dossier["timeline"])
            row.misses.append(f"date {facts['date']}: {entries[:4]}")
    return row


@dataclass(frozen=True)
class Shares:
    """Of the incidents with something to state, how many stories' dossiers state it."""

    stream: str
    incidents: int
    with_dossier: tuple[int, int]
    counts: dict[str, tuple[tuple[int, int], tuple[int, int]]]  # harm -> (some, leading)
    dated: tuple[int, int]
    first: tuple[int, int]


def _share(values: Iterable[bool | None]) -> tuple[int, int]:
    known = [v for v in values if v is not None]
    return sum(known), len(known)


def shares(stream: str, rows: Sequence[Judged]) -> Shares:
    return Shares(
        stream,
        len(rows),
        _share(r.dossier for r in rows),
        {
            harm: (
                _share(r.counts[harm][0] if harm in r.counts else None for r in rows),
                _share(r.counts[harm][1] if harm in r.counts else None for r in rows),
            )
            for harm in HARMS
        },
        _share(r.dated for r in rows),
        _share(r.first for r in rows),
    )


def markdown(results: Sequence[Shares]) -> str:
    def cell(pair: tuple[int, int]) -> str:
        return f"{pair[0]}/{pair[1]}" if pair[1] else "-"

    lines = [
        "| stream | incidents | with a dossier | killed (some / leading) | injured | arrested"
        " | dated (an entry / the first) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        counts = [f"{cell(r.counts[h][0])} / {cell(r.counts[h][1])}" for h in HARMS]
        lines.append(
            f"| {r.stream} | {r.incidents} | {cell(r.with_dossier)} | {' | '.join(counts)}"
            f" | {cell(r.dated)} / {cell(r.first)} |"
        )
    return "\n".join(lines)
